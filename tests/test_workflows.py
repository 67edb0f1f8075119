"""The workflows are thin and safe: actionlint and zizmor (offline) find nothing, every `run:`
step calls `kpu`, publishing never runs twice at once and never force-pushes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

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
        [_tool("zizmor"), "--offline", "--no-progress", ".github/workflows"],
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
                assert command.startswith(("kpu ", "python -m pip install .")), command


def test_publish_runs_one_at_a_time_with_least_privilege() -> None:
    doc = _load("publish.yml")
    assert doc["permissions"] == {}
    job = doc["jobs"]["publish"]
    assert job["concurrency"]["cancel-in-progress"] is False
    assert set(job["permissions"]) == {"contents", "pull-requests", "pages", "id-token"}
    checkout = job["steps"][0]
    assert checkout["with"]["fetch-depth"] == 0 and checkout["with"]["persist-credentials"] is False


def test_scheduled_reuses_publish_and_check_never_uses_privileged_triggers() -> None:
    scheduled = _load("scheduled.yml")
    assert scheduled["jobs"]["publish"]["uses"].endswith(".github/workflows/publish.yml")
    triggers = _load("check.yml")[True]  # PyYAML reads the `on:` key as True
    assert "pull_request" in triggers
    assert "pull_request_target" not in triggers and "workflow_run" not in triggers


def test_nothing_force_pushes() -> None:
    assert "--force" not in (ROOT / "pipeline" / "gitrepo.py").read_text(encoding="utf-8")
