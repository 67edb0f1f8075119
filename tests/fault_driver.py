"""The fault driver of the merge flow: a runner that dies at a chosen instant, then a new job.

A kill point is either a step boundary (the runner is lost right after a step: no later step
runs, not even the `!cancelled()` ones) or a named point inside `kpu` (`KPU_TEST_KILL_AT`, see
pipeline/core/faults.py): the process is SIGKILLed there and, as with a lost runner, the job ends.
The next job starts from origin in a fresh clone: the dead runner's disk is gone.
"""

from __future__ import annotations

import copy
import itertools
import shutil
import signal
from pathlib import Path
from typing import Any

from tests.merge_flow import Scenario
from tests.servers.world import FAST, World
from tests.workflow_harness import JobRun, Runner, StepRun

KILLED = (128 + signal.SIGKILL, -signal.SIGKILL)
_clones = itertools.count(1)


class DyingRunner(Runner):
    """Runs a job until it is killed: at `after_step` (a step's command start), or when a step's
    process was SIGKILLed. Everything after that is skipped as if the machine were gone. The
    `skip` steps (whose `if:` holds) are not run and count as successful."""

    def __init__(
        self,
        *args: Any,
        after_step: str | None = None,
        skip: tuple[str, ...] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.after_step = after_step
        self.skip = skip
        self.dead = False

    def _step(
        self,
        index: int,
        step: dict[str, Any],
        job_env: dict[str, str],
        known: set[str],
        job: JobRun,
    ) -> StepRun:
        name = step.get("name") or f"step {index}"
        if self.dead:
            return StepRun(name, step.get("run"), skipped="runner lost")
        if str(step.get("run") or "").startswith(self.skip) and self._condition(
            step.get("if"), job
        ):
            # Left out to save time, it stands in as a success (as the harness's actions do):
            # publish.yml posts only after a successful build, though publish reads none of it.
            if step.get("id"):
                self.outcomes[step["id"]] = "success"
            return StepRun(name, step.get("run"), skipped="not needed by publish and record")
        result = super()._step(index, step, job_env, known, job)
        if result.code in KILLED:
            self.dead = True
            result.code = None  # the job did not fail: it stopped existing
            result.skipped = "killed"
        elif self.after_step and (result.command or "").startswith(self.after_step):
            self.dead = True
        return result


def copy_of(template: Scenario, tmp: Path) -> Scenario:
    """A scenario whose origin starts as `template`'s origin is now (a cheap copy, per test)."""
    flow = copy.copy(template)
    flow.tmp = tmp
    flow.origin = tmp / "origin.git"
    shutil.copytree(template.origin, flow.origin)
    return flow


def run_job(
    flow: Scenario,
    world: World | None,
    channels: tuple[str, ...],
    *,
    kill_at: str | None = None,
    after_step: str | None = None,
    skip: tuple[str, ...] = (),
) -> tuple[Path, JobRun]:
    """One publish.yml job in a fresh clone of origin, with `channels` real (the rest outbox).
    `skip`: steps left out to save time (the report and the build: publish reads neither)."""
    clone = flow.clone(f"ci-{next(_clones)}")
    tmp = flow.tmp / f"runner-{clone.name}"
    tmp.mkdir()
    env = world.env_only(*channels) if world is not None else dict(FAST)
    extra = {k: v for k, v in env.items() if k.startswith("KPU_") or k.endswith("_API_BASE")}
    if kill_at:
        extra["KPU_TEST_KILL_AT"] = kill_at
    runner = DyingRunner(
        clone,
        tmp,
        api_url=flow.github.url,
        repository=flow.github.repository,
        extra_env=extra,
        after_step=after_step,
        skip=skip,
    )
    runner.secrets.update({k: v for k, v in env.items() if k not in extra})
    return clone, runner.run("publish.yml")
