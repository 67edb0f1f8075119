"""The workflows are thin and safe: actionlint and zizmor (offline, pedantic, without any
suppression) find nothing, every `run:` step calls `kpu`, every action is pinned to a commit,
every install comes from the hashed lock file, publishing never runs twice at once and never
force-pushes."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.workflow_harness import ROOT, WORKFLOWS

BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: pip install the test dependencies")
    return found


def _load(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def test_actionlint_finds_nothing() -> None:
    done = subprocess.run(
        [_tool("actionlint"), "-no-color"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_zizmor_offline_finds_nothing() -> None:
    done = subprocess.run(
        [
            _tool("zizmor"),
            "--offline",
            "--no-config",
            "--persona",
            "pedantic",
            "--no-progress",
            ".github/workflows",
        ],  # fmt: skip
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("name", sorted(p.name for p in WORKFLOWS.glob("*.yml")))
def test_every_run_step_calls_kpu(name: str) -> None:
    for job in _load(name)["jobs"].values():
        for step in job.get("steps", []):
            command = step.get("run")
            if command is not None:
                assert command.startswith("kpu ") or command == INSTALL, command


LOCK = ROOT / "requirements.lock"
INSTALL = (
    "test -x .venv/bin/python || python -m venv .venv\n"
    ".venv/bin/python -m pip install --require-hashes --no-deps -r requirements.lock\n"
    ".venv/bin/python -m pip install --no-deps --no-build-isolation .\n"
    'echo "$PWD/.venv/bin" >> "$GITHUB_PATH"\n'
)
PIN = re.compile(r"^\s*(?:- )?uses: ([\w.-]+/[\w./-]+)@([0-9a-f]{40}) # v\d+\.\d+\.\d+$")


@pytest.mark.parametrize("name", sorted(p.name for p in WORKFLOWS.glob("*.yml")))
def test_every_action_is_pinned_to_a_commit_with_its_version(name: str) -> None:
    lines = (WORKFLOWS / name).read_text(encoding="utf-8").splitlines()
    uses = [line for line in lines if re.match(r"^\s*(- )?uses:", line)]
    remote = [line for line in uses if not re.search(r"uses: (\$|\.)/", line)]
    assert remote or name == "scheduled.yml"
    for line in remote:
        assert PIN.match(line), line


@pytest.mark.parametrize("name", sorted(p.name for p in WORKFLOWS.glob("*.yml")))
def test_every_job_installs_only_what_the_lock_pins(name: str) -> None:
    for job in _load(name)["jobs"].values():
        steps = job.get("steps", [])
        installs = [s["run"] for s in steps if "pip" in str(s.get("run", ""))]
        assert installs == ([INSTALL] if steps else []), installs


@pytest.mark.parametrize("name", sorted(p.name for p in WORKFLOWS.glob("*.yml")))
def test_every_install_restores_the_packages_cached_under_the_lock_file(name: str) -> None:
    """The installed packages come back from the Actions cache only under a key made of the lock
    file's hash and the exact Python (issue #14): a changed lock is a fresh install."""
    for job in _load(name)["jobs"].values():
        steps = job.get("steps", [])
        at = [i for i, s in enumerate(steps) if s.get("run") == INSTALL]
        if not at:
            continue
        cache = steps[at[0] - 1]
        assert cache["uses"].startswith("actions/cache@"), cache
        assert cache["with"]["path"] == ".venv"
        key = cache["with"]["key"]
        assert (
            "hashFiles('requirements.lock')" in key and "steps.python.outputs.python-version" in key
        )
        assert "restore-keys" not in cache["with"]  # never a venv made from another lock
        setup = steps[at[0] - 2]
        assert setup["uses"].startswith("actions/setup-python@") and setup["id"] == "python"


def _locked() -> dict[str, tuple[str, list[str]]]:
    """name -> (version, hashes) from requirements.lock."""
    found: dict[str, tuple[str, list[str]]] = {}
    for block in re.split(r"\n(?=\S)", LOCK.read_text(encoding="utf-8")):
        match = re.match(r"([A-Za-z0-9_.-]+)==(\S+)", block)
        if match:
            hashes = re.findall(r"--hash=sha256:([0-9a-f]{64})", block)
            found[canonicalize_name(match[1])] = (match[2], hashes)
    return found


def test_the_lock_pins_every_dependency_of_pyproject_with_hashes() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = [
        *project["project"]["dependencies"],
        *project["dependency-groups"]["build"],
        *project["build-system"]["requires"],
    ]
    locked = _locked()
    assert len(locked) > len(project["project"]["dependencies"])  # the transitive ones too
    for text in wanted:
        requirement = Requirement(text)
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{name} is missing from requirements.lock: regenerate it"
        version, _ = locked[name]
        assert requirement.specifier.contains(version, prereleases=True), (text, version)
    for name, (_, hashes) in locked.items():
        assert hashes, f"{name} has no hash"
    header = LOCK.read_text(encoding="utf-8").split("\n", 3)[:2]
    assert "--generate-hashes --python-version 3.11" in header[1], header
    assert "--python-platform x86_64-manylinux" in header[1], header


def test_publish_runs_one_at_a_time_with_least_privilege() -> None:
    doc = _load("publish.yml")
    assert doc["permissions"] == {}
    job = doc["jobs"]["publish"]
    assert job["concurrency"]["cancel-in-progress"] is False
    assert set(job["permissions"]) == {"contents", "pull-requests", "pages", "id-token"}
    checkout = job["steps"][0]
    assert checkout["with"]["fetch-depth"] == 0 and checkout["with"]["persist-credentials"] is False


def test_the_bundle_job_has_its_own_concurrency_group() -> None:
    jobs = _load("publish.yml")["jobs"]
    assert jobs["bundle"]["concurrency"]["group"] != jobs["publish"]["concurrency"]["group"]
    assert jobs["bundle"]["concurrency"]["cancel-in-progress"] is False


def test_scheduled_reuses_publish_and_check_never_uses_privileged_triggers() -> None:
    scheduled = _load("scheduled.yml")
    assert scheduled["jobs"]["publish"]["uses"].endswith(".github/workflows/publish.yml")
    triggers = _load("check.yml")[True]  # PyYAML reads the `on:` key as True
    assert "pull_request" in triggers
    assert "pull_request_target" not in triggers and "workflow_run" not in triggers


def test_nothing_force_pushes() -> None:
    assert "--force" not in (ROOT / "pipeline" / "gitrepo.py").read_text(encoding="utf-8")
