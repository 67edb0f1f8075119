"""The workflows are thin and safe: actionlint and zizmor (offline, pedantic, without any
suppression) find nothing, every `run:` step calls `kpu`, every action is pinned to a commit,
every install comes from the hashed lock file, publishing never runs twice at once and never
force-pushes."""

from __future__ import annotations

import os
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
                assert command.startswith("kpu ") or command in (INSTALL, NPM_INSTALL), command


LOCK = ROOT / "requirements.lock"
INSTALL = (
    "test -x .venv/bin/python || python -m venv .venv\n"
    ".venv/bin/python -m pip install --require-hashes --no-deps -r requirements.lock\n"
    ".venv/bin/python -m pip install --no-deps --no-build-isolation .\n"
    'echo "$PWD/.venv/bin" >> "$GITHUB_PATH"\n'
)
NPM_INSTALL = "npm ci --prefix cms --ignore-scripts --no-audit --no-fund"
"""The web editor's packages, exactly as cms/package-lock.json pins them, no install script run."""
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


BUILD_CACHE = "build/cache"  # pipeline/commands/build.py CACHE_DIR
STAGING = "build/staging"  # pipeline/site/build.py STAGING
BUILD_INPUTS = "hashFiles('requirements.lock', 'mkdocs.yml', 'kpu.yml', 'pipeline/**')"


def test_the_deploy_build_starts_from_the_newest_build_cache_of_main_only() -> None:
    """The deploy build restores the build cache right before it (issue #14): keyed by the lock
    file, the configuration and the package's code, a new key each run, the newest restored (its
    entries are checked by their own keys); no other workflow, no pull request, restores or saves
    it."""
    steps = _load("publish.yml")["jobs"]["publish"]["steps"]
    build = next(i for i, s in enumerate(steps) if str(s.get("run", "")).startswith("kpu build"))
    cache = steps[build - 1]
    assert cache["uses"].startswith("actions/cache@") and cache["if"] == steps[build]["if"]
    # the staging tree too: rewritten in place (tests/test_synced_tree.py: as a fresh one)
    assert cache["with"]["path"].split() == [BUILD_CACHE, STAGING]
    key = cache["with"]["key"]
    assert BUILD_INPUTS in key and key.endswith("-${{ github.run_id }}")
    restore = cache["with"]["restore-keys"].splitlines()
    assert restore[0] == key.removesuffix("${{ github.run_id }}")
    assert all(key.startswith(prefix) for prefix in restore)
    assert _load("publish.yml")[True].keys() >= {"push"}  # "on:" reads as True in YAML 1.1
    assert _load("publish.yml")[True]["push"] == {"branches": ["main"]}
    for name in sorted(p.name for p in WORKFLOWS.glob("*.yml")):
        for job_name, job in _load(name)["jobs"].items():
            for step in job.get("steps", []):
                path = str((step.get("with") or {}).get("path", ""))
                if BUILD_CACHE in path:
                    assert (name, job_name) == ("publish.yml", "publish"), (name, job_name)


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
    assert "--force" not in (ROOT / "pipeline" / "core" / "gitrepo.py").read_text(encoding="utf-8")


def _npm_steps(name: str) -> list[tuple[str, int, dict]]:
    found = []
    for job_name, job in _load(name)["jobs"].items():
        for index, step in enumerate(job.get("steps", [])):
            if "npm" in str(step.get("run", "")):
                found.append((job_name, index, step))
    return found


@pytest.mark.parametrize("name", sorted(p.name for p in WORKFLOWS.glob("*.yml")))
def test_only_the_deploy_installs_the_web_editor_from_its_lock(name: str) -> None:
    steps = _npm_steps(name)
    if name != "publish.yml":  # the PR check never runs npm; its preview needs no editor
        assert steps == []
        return
    ((job, index, step),) = steps
    assert job == "publish" and step["run"] == NPM_INSTALL
    commands = [s.get("run", "") for s in _load(name)["jobs"]["publish"]["steps"]]
    build = next(i for i, c in enumerate(commands) if c.startswith("kpu build"))
    assert index < build  # installed before the build copies it into _site/admin/
    assert step["if"] == _load(name)["jobs"]["publish"]["steps"][build]["if"]


def test_the_deploy_steps_build_a_site_with_the_web_editor(tmp_path: Path) -> None:
    """publish.yml's own npm and build commands, run for real in a copy of the repository:
    the deployed site has /admin/ with the Decap bundle, its page and the generated config."""
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("npm is not installed: .ci/run installs it from Debian")
    repo = tmp_path / "repo"
    repo.mkdir()
    for name in ("kpu.yml", "mkdocs.yml"):
        shutil.copy(ROOT / name, repo / name)
    for name in ("data", "content"):
        shutil.copytree(ROOT / name, repo / name)
    (repo / "cms").mkdir()
    for name in ("package.json", "package-lock.json"):
        shutil.copy(ROOT / "cms" / name, repo / "cms" / name)
    steps = _load("publish.yml")["jobs"]["publish"]["steps"]
    (install,) = [s["run"] for s in steps if "npm" in str(s.get("run", ""))]
    env = {**os.environ, "npm_config_prefer_offline": "true"}  # the cache .ci/run filled
    done = subprocess.run(
        install.split(), cwd=repo, capture_output=True, text=True, timeout=600, env=env
    )
    assert done.returncode == 0, done.stdout + done.stderr
    built = subprocess.run(
        [sys.executable, "-m", "pipeline", "build", "--site-dir", "_site"],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    admin = repo / "_site" / "admin"
    assert "Editor web: " in built.stdout and "dilewati" not in built.stdout, built.stdout
    assert (admin / "decap-cms.js").stat().st_size > 1_000_000
    assert (admin / "index.html").is_file() and (admin / "config.yml").is_file()
    assert not list(admin.glob("*.map"))
