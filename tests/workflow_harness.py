"""Run a GitHub Actions workflow's `run:` steps locally, in order, as the runner would.

The workflow file itself is read (not a copy of its commands): `uses:` steps are skipped,
`${{ ... }}` expressions the workflows use are substituted, `if:` conditions are evaluated,
GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files work, and the env vars GitHub sets are present.
A `kpu` step whose sub-command is not registered (yet) is skipped and reported as such.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pipeline.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
_EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
_SECRET = re.compile(r"(TOKEN|SECRET|KEY|PASSWORD|BEARER|ACCESS)", re.IGNORECASE)


@dataclass
class StepRun:
    name: str
    command: str | None
    skipped: str | None = None  # why, when not run
    code: int | None = None
    out: str = ""
    err: str = ""


@dataclass
class JobRun:
    steps: list[StepRun] = field(default_factory=list)
    summary: str = ""

    @property
    def failed(self) -> bool:
        return any(s.code not in (None, 0) for s in self.steps)

    def step(self, command_start: str) -> StepRun:
        return next(s for s in self.steps if s.command and s.command.startswith(command_start))

    @property
    def ran(self) -> list[str]:
        return [s.command or "" for s in self.steps if s.code is not None]


def registered_commands() -> set[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return set(sub.choices)  # type: ignore[arg-type]


def _shim(bin_dir: Path) -> None:
    """`kpu` on PATH runs this checkout's pipeline with the test's Python."""
    bin_dir.mkdir(parents=True, exist_ok=True)
    kpu = bin_dir / "kpu"
    kpu.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m pipeline "$@"\n', encoding="utf-8")
    kpu.chmod(0o755)


class Runner:
    """Runs one job of a workflow in `workdir` with the given event context."""

    def __init__(
        self,
        workdir: Path,
        tmp: Path,
        *,
        api_url: str,
        repository: str,
        event: dict[str, Any] | None = None,
        extra_env: dict[str, str] | None = None,
    ) -> None:
        self.workdir, self.tmp = workdir, tmp
        self.event = event or {}
        self.bin = tmp / "runner-bin"
        _shim(self.bin)
        self.outputs: dict[str, dict[str, str]] = {}
        self.outcomes: dict[str, str] = {}  # steps.<id>.outcome: success, failure, skipped
        sha = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=workdir, capture_output=True, text=True, check=True
        ).stdout.strip()
        base = {k: v for k, v in os.environ.items() if not _SECRET.search(k)}
        self.env = {
            **base,
            "PATH": f"{self.bin}{os.pathsep}{base.get('PATH', '')}",
            "PYTHONPATH": str(ROOT),
            "CI": "true",
            "GITHUB_ACTIONS": "true",
            "GITHUB_REPOSITORY": repository,
            "GITHUB_API_URL": api_url,
            "GITHUB_SERVER_URL": "https://github.com",
            "GITHUB_SHA": sha,
            "GITHUB_REF": "refs/heads/main",
            "GITHUB_REF_NAME": "main",
            "GITHUB_WORKSPACE": str(workdir),
            "GITHUB_STEP_SUMMARY": str(tmp / "step-summary.md"),
            "RUNNER_TEMP": str(tmp),
            **(extra_env or {}),
        }
        self.secrets = {"GITHUB_TOKEN": "fake"}
        # Pages is not deployed here, so no page would ever answer: the wait for live pages is
        # off in the harness and tested on its own against a served build (tests/test_liveness.py).
        self.forced = {"KPU_PAGE_WAIT": "0"}

    def run(self, workflow: str, job: str | None = None) -> JobRun:
        doc = yaml.safe_load((WORKFLOWS / workflow).read_text(encoding="utf-8"))
        jobs = doc["jobs"]
        spec = jobs[job] if job else next(iter(jobs.values()))
        known = registered_commands()
        result = JobRun()
        job_env = {k: self._subst(str(v)) for k, v in (spec.get("env") or {}).items()}
        for index, step in enumerate(spec["steps"]):
            result.steps.append(self._step(index, step, job_env, known, result))
        summary = Path(self.env["GITHUB_STEP_SUMMARY"])
        result.summary = summary.read_text(encoding="utf-8") if summary.exists() else ""
        return result

    def _step(
        self,
        index: int,
        step: dict[str, Any],
        job_env: dict[str, str],
        known: set[str],
        job: JobRun,
    ) -> StepRun:
        name = step.get("name") or step.get("uses") or f"step {index}"
        command = step.get("run")
        step_id = step.get("id")
        if not self._condition(step.get("if"), job):
            if step_id:
                self.outcomes[step_id] = "skipped"
            return StepRun(name, command, skipped="if: false")
        if command is None:  # an action stands in as a successful no-op (deploy, upload, ...)
            if step_id:
                self.outcomes[step_id] = "success"
            return StepRun(name, None, skipped=f"uses: {step['uses']}")
        words = command.split()
        if "pip" in words and "install" in words:
            return StepRun(name, command, skipped="installed by the test environment")
        if words[:2] == ["npm", "ci"]:  # run for real by tests/test_workflows.py, once
            return StepRun(name, command, skipped="the web editor's npm packages: not needed here")
        if words[0] == "kpu" and len(words) > 1 and words[1] not in known:
            return StepRun(name, command, skipped=f"kpu {words[1]} is not registered yet")
        output = self.tmp / f"output-{index}"
        output.write_text("", encoding="utf-8")
        env = {**self.env, **job_env, "GITHUB_OUTPUT": str(output)}
        env.update({k: self._subst(str(v)) for k, v in (step.get("env") or {}).items()})
        env.update(self.forced)
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", command],
            cwd=self.workdir,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if step_id:
            self.outcomes[step_id] = "success" if done.returncode == 0 else "failure"
        if "id" in step:
            self.outputs[step["id"]] = dict(
                line.split("=", 1)
                for line in output.read_text(encoding="utf-8").splitlines()
                if "=" in line
            )
        return StepRun(name, command, code=done.returncode, out=done.stdout, err=done.stderr)

    # --- expressions ---------------------------------------------------------------------------
    def _value(self, expr: str) -> str:
        expr = expr.strip()
        if expr.startswith("secrets."):
            return self.secrets.get(expr.removeprefix("secrets."), "")
        if expr.startswith("steps.") and expr.endswith((".outcome", ".conclusion")):
            return self.outcomes.get(expr.split(".")[1], "")
        if expr.startswith("steps."):
            _, step_id, _, name = expr.split(".", 3)
            return self.outputs.get(step_id, {}).get(name, "")
        if expr.startswith("github.event."):
            value: Any = self.event
            for part in expr.removeprefix("github.event.").split("."):
                value = value.get(part, {}) if isinstance(value, dict) else {}
            return "" if value == {} else str(value)
        if expr.startswith("'") and expr.endswith("'"):
            return expr[1:-1]
        raise ValueError(f"expression not supported by the harness: {expr}")

    def _subst(self, text: str) -> str:
        return _EXPR.sub(lambda m: self._value(m.group(1)), text)

    def _condition(self, cond: str | None, job: JobRun) -> bool:
        """`success()`, `!cancelled()`, `always()`, `failure()`, `a == 'b'`, `&&` and `||`."""
        if cond is None:
            return not job.failed
        cond = _EXPR.sub(lambda m: m.group(1), cond).strip()
        if not any(f in cond for f in ("success()", "cancelled()", "always()", "failure()")):
            cond = f"success() && {cond}"  # GitHub's implicit status check
        return any(
            all(self._atom(a.strip(), job) for a in part.split("&&")) for part in cond.split("||")
        )

    def _atom(self, atom: str, job: JobRun) -> bool:
        if atom in ("!cancelled()", "always()"):
            return True
        if atom == "success()":
            return not job.failed
        if atom == "failure()":
            return job.failed
        for op in ("==", "!="):
            if op in atom:
                left, right = (self._value(p) for p in atom.split(op, 1))
                return (left == right) == (op == "==")
        raise ValueError(f"condition not supported by the harness: {atom}")
