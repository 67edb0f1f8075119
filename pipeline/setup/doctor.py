"""`kpu doctor`: is this checkout ready to publish? The configuration, each enabled channel's
credentials, the GitHub Pages address, the workflows' `kpu` steps, and the `origin` remote.

Each check returns findings and changes nothing. Credentials are only tested for being set: their
values never enter a message, and git's own errors are scrubbed before they are shown.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import git
import yaml

from pipeline.check.stages import load_stages
from pipeline.check.validate import REGISTRY_FILE
from pipeline.core.config import KpuConfig, load_config
from pipeline.core.errors import ConfigError, GitError, RemoteError
from pipeline.core.github import GitHub
from pipeline.core.gitrepo import GitRepo
from pipeline.legal.regulations import RegistryError, load_registry
from pipeline.messages import doctor as msg
from pipeline.publish.channels.base import scrub
from pipeline.publish.channels.registry import REGISTRY, environment
from pipeline.records.ledger import Ledger, LedgerError
from pipeline.records.report import load_sop
from pipeline.setup import codeowners, identity_files, leftovers, protection

REMOTE_TIMEOUT = 20.0
_PAGES_HOST = re.compile(r"^([a-z0-9-]+)\.github\.io$", re.IGNORECASE)
_GITHUB_REMOTE = re.compile(r"github\.com[:/]([\w.-]+/[\w.-]+?)(?:\.git)?/?$", re.IGNORECASE)
_USERINFO = re.compile(r"(\w+://)[^/@\s]+@")


class Status(StrEnum):
    OK = "ok"
    FAIL = "fail"
    INFO = "info"


@dataclass(frozen=True)
class Finding:
    """One line of the report: what was found and, when it fails, what to do (Indonesian)."""

    status: Status
    text: str


def ok(text: str) -> Finding:
    return Finding(Status.OK, text)


def fail(text: str) -> Finding:
    return Finding(Status.FAIL, text)


def info(text: str) -> Finding:
    return Finding(Status.INFO, text)


@dataclass(frozen=True)
class Workflow:
    """What a workflow must keep doing, whatever else an office changes in it."""

    path: str
    commands: tuple[str, ...]
    """Each is run by some `run:` step (`kpu build` matches `kpu build --site-dir _site`)."""
    ordered: bool = False
    """The commands run in this order (promote before build before publish before record)."""
    posts: bool = False
    """Its `kpu publish` step receives every enabled channel's credentials from secrets."""
    calls_publish: bool = False
    """A job calls publish.yml (scheduled publications) and passes the same secrets on."""


WORKFLOWS = (
    Workflow(
        ".github/workflows/publish.yml",
        ("kpu promote", "kpu verify", "kpu build", "kpu publish", "kpu record"),
        ordered=True,
        posts=True,
    ),
    Workflow(".github/workflows/check.yml", ("kpu check", "kpu build", "kpu comment")),
    Workflow(
        ".github/workflows/scheduled.yml",
        ("kpu linkcheck", "kpu record", "kpu doctor"),
        calls_publish=True,
    ),
)
RUN_PREFIXES = ("kpu ", "python -m pip install", "npm ci --prefix cms ")


def diagnose(
    root: Path, environ: Mapping[str, str] | None = None, remote_timeout: float = REMOTE_TIMEOUT
) -> list[Finding]:
    """Every check, in the order a person fixes them."""
    environ = os.environ if environ is None else environ
    config, findings = configuration(root)
    if config is None:
        findings.append(info(msg.SKIPPED_NO_CONFIG))
    else:
        findings += channels(config, environ) + channel_starts(root, config, environ)
        findings += pages(config, environ)
        findings += branch_protection(root, config, environ) + code_owners(root, config)
        findings += office_identity(root, config)
    findings += workflows(root, config)
    findings += remote(root, config, environ, remote_timeout)
    return findings


# --- the repository set up to help the approval rules -------------------------------------------
def branch_protection(root: Path, config: KpuConfig, environ: Mapping[str, str]) -> list[Finding]:
    """Branch protection and rulesets of the branch, through REST (needs a token)."""
    if not environ.get("GITHUB_TOKEN", "").strip():
        return [info(msg.PROTECT_SKIPPED)]
    try:
        github = GitHub.from_env(config.repository, environ)
    except RemoteError as exc:
        return [fail(msg.PROTECT_UNREADABLE.format(branch="-", detail=exc))]
    try:
        branch = GitRepo(root, environ=environ).branch
    except GitError:
        branch = "main"
    found, problem = protection.check(github, branch)
    if problem is not None:
        return [fail(msg.PROTECT_UNREADABLE.format(branch=branch, detail=scrub(problem, environ)))]
    return [
        ok(msg.PROTECT_OK.format(branch=branch, setting=s.name))
        if s.on
        else fail(msg.PROTECT_MISSING.format(branch=branch, setting=s.name))
        for s in found
    ]


def code_owners(root: Path, config: KpuConfig) -> list[Finding]:
    if codeowners.is_current(root, config):
        return [ok(msg.CODEOWNERS_OK)]
    return [fail(msg.CODEOWNERS_STALE)]


def office_identity(root: Path, config: KpuConfig) -> list[Finding]:
    """The PPID contacts the pages promise, no other office's words, derived files current."""
    office = config.office
    missing = [msg.CONTACT_FIELDS[k] for k in ("phone", "email") if not getattr(office, k)]
    found = [
        fail(msg.CONTACT_MISSING.format(fields=" dan ".join(missing)))
        if missing
        else ok(msg.CONTACT_OK.format(phone=office.phone, email=office.email))
    ]
    left = leftovers.scan(root, config)
    found += [
        fail(msg.LEFTOVER.format(path=path, found=", ".join(words[:5]), office=office.name))
        for path, words in left.items()
    ] or [ok(msg.LEFTOVERS_OK)]
    stale = identity_files.stale(root, config)
    found += [fail(msg.DERIVED_STALE.format(path=path)) for path in stale] or [ok(msg.DERIVED_OK)]
    return found


# --- configuration -----------------------------------------------------------------------------
def configuration(root: Path) -> tuple[KpuConfig | None, list[Finding]]:
    """kpu.yml and every data file through their real loaders; every problem is one line."""
    found: list[Finding] = []
    config = None
    if not (root / "mkdocs.yml").is_file():
        found.append(fail(msg.MKDOCS_MISSING))
    try:
        config = load_config(root)
    except ConfigError as exc:
        found += [fail(p.format_text()) for p in exc.problems]
    for loader in (load_stages, load_sop):
        try:
            loader(root)
        except ConfigError as exc:
            found += [fail(p.format_text()) for p in exc.problems]
    try:
        load_registry(root / REGISTRY_FILE)
    except RegistryError as exc:
        found += [fail(text.replace(f"{root}{os.sep}", "")) for text in exc.problems]
    try:
        Ledger.of(root).load()
    except LedgerError as exc:
        found.append(fail(msg.LEDGER_PROBLEM.format(detail=exc)))
    if not found:
        found.append(ok(msg.CONFIG_OK))
    return config, found


# --- channel credentials -----------------------------------------------------------------------
def required_variables(config: KpuConfig) -> dict[str, list[str]]:
    """Enabled channel -> the names of the variables it cannot post without."""
    enabled = [name for name in config.channels.enabled if name != "outbox"]
    return {
        name: [var.name for var in REGISTRY[name].env if var.required]
        for name in REGISTRY
        if name in enabled
    }


def channels(config: KpuConfig, environ: Mapping[str, str]) -> list[Finding]:
    required = required_variables(config)
    if not required:
        return [info(msg.NO_CHANNELS)]
    found = []
    for name, names in required.items():
        label = REGISTRY[name].label
        missing = [n for n in names if not environ.get(n, "").strip()]
        if missing:
            text = msg.CHANNEL_MISSING.format(
                label=label, names=", ".join(missing), where=msg.SECRETS_WHERE
            )
            found.append(fail(text))
        else:
            found.append(ok(msg.CHANNEL_OK.format(label=label, names=", ".join(names))))
    return found


def channel_starts(root: Path, config: KpuConfig, environ: Mapping[str, str]) -> list[Finding]:
    """Since when each channel is in use: older publications (and those left in the outbox)
    are not posted to it unless asked with `kpu publish --backfill`."""
    try:
        book = Ledger.of(root).load()
    except LedgerError:
        return []  # already reported with the configuration
    found = []
    for name in required_variables(config):
        label = REGISTRY[name].label
        since = book.channels.get(name)
        left = sum(
            (e := p.channels.get(name)) is not None and e.status == "outbox"
            for p in book.pages.values()
        )
        if since is not None and since.since:
            found.append(
                info(msg.CHANNEL_SINCE.format(label=label, since=since.since[:10], name=name))
            )
        elif since is None and REGISTRY[name].configured(environ) and book.pages:
            found.append(
                info(msg.CHANNEL_STARTS.format(label=label, count=len(book.pages), name=name))
            )
        if left:
            found.append(info(msg.CHANNEL_OUTBOX.format(label=label, count=left, name=name)))
    return found


# --- GitHub Pages and Actions ------------------------------------------------------------------
def pages_url(repository: str) -> str:
    """Where GitHub Pages serves `owner/name`: the user site for `owner.github.io`, else a path."""
    owner, _, name = repository.partition("/")
    host = f"{owner.lower()}.github.io"
    return f"https://{host}/" if name.lower() == host else f"https://{host}/{name}/"


def pages(config: KpuConfig, environ: Mapping[str, str]) -> list[Finding]:
    found = []
    url = config.base_url
    parts = urlsplit(url)
    in_actions = environ.get("GITHUB_ACTIONS") == "true"
    repository = config.repository or (environ.get("GITHUB_REPOSITORY") if in_actions else None)
    if parts.scheme != "https":
        found.append(fail(msg.SITE_NOT_HTTPS.format(url=url)))
    elif _PAGES_HOST.match(parts.hostname or ""):
        if not repository:
            found.append(fail(msg.SITE_PAGES_NO_REPO.format(url=url)))
        elif url.lower() != pages_url(repository).lower():
            expected = pages_url(repository)
            text = msg.SITE_PAGES_WRONG.format(url=url, repository=repository, expected=expected)
            found.append(fail(text))
        else:
            found.append(ok(msg.SITE_PAGES_OK.format(url=url, repository=repository)))
    else:
        found.append(info(msg.SITE_CUSTOM.format(url=url, host=parts.hostname)))
    if not repository:
        found.append(fail(msg.REPOSITORY_MISSING))
    if not in_actions:
        return found + [info(msg.ACTIONS_OUTSIDE)]
    if environ.get("GITHUB_TOKEN", "").strip():
        found.append(ok(msg.ACTIONS_TOKEN_OK))
    else:
        found.append(fail(msg.ACTIONS_TOKEN_MISSING))
    actual = environ.get("GITHUB_REPOSITORY", "")
    if actual and config.repository and actual.lower() != config.repository.lower():
        text = msg.ACTIONS_REPOSITORY_WRONG.format(actual=actual, configured=config.repository)
        found.append(fail(text))
    elif actual:
        found.append(ok(msg.ACTIONS_REPOSITORY_OK.format(repository=actual)))
    return found


# --- workflows ---------------------------------------------------------------------------------
def workflows(root: Path, config: KpuConfig | None) -> list[Finding]:
    found: list[Finding] = []
    for workflow in WORKFLOWS:
        found += check_workflow(root, workflow, config)
    return found


def check_workflow(root: Path, workflow: Workflow, config: KpuConfig | None) -> list[Finding]:
    """The `run:` steps against the commands the package expects, and the secrets they pass."""
    path = workflow.path
    purpose = msg.WORKFLOW_PURPOSES.get(Path(path).name, path)
    if not (root / path).is_file():
        return [fail(msg.WORKFLOW_MISSING.format(path=path, purpose=purpose))]
    try:
        doc = yaml.safe_load((root / path).read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        return [fail(msg.WORKFLOW_UNREADABLE.format(path=path, detail=_first_line(exc)))]
    jobs = doc.get("jobs") if isinstance(doc, dict) else None
    jobs = jobs if isinstance(jobs, dict) else {}
    steps = [
        (job, step)
        for job in jobs.values()
        if isinstance(job, dict)
        for step in job.get("steps") or []
        if isinstance(step, dict) and isinstance(step.get("run"), str)
    ]
    found: list[Finding] = []
    at: dict[str, int] = {}
    for command in workflow.commands:
        index = next((i for i, (_, s) in enumerate(steps) if _runs(s["run"], command)), None)
        if index is None:
            purpose_of = msg.PURPOSES.get(command, command)
            text = msg.WORKFLOW_COMMAND_MISSING.format(
                path=path, command=command, purpose=purpose_of
            )
            found.append(fail(text))
        else:
            at[command] = index
    if workflow.ordered:
        for first, then in pairwise(workflow.commands):
            if first in at and then in at and at[first] > at[then]:
                found.append(fail(msg.WORKFLOW_ORDER.format(path=path, first=first, then=then)))
    if config is not None and workflow.posts and "kpu publish" in at:
        job, step = steps[at["kpu publish"]]
        env = {**_env(doc), **_env(job), **_env(step)}
        found += _secrets_passed(path, "kpu publish", env, config, msg.WORKFLOW_SECRET_MISSING)
    if workflow.calls_publish:
        found += _calls_publish(path, jobs, config)
    failed = any(f.status is Status.FAIL for f in found)
    for _, step in steps:
        command = step["run"].strip().splitlines()[0] if step["run"].strip() else ""
        if not command.startswith(RUN_PREFIXES):
            name = str(step.get("name") or command)
            found.append(info(msg.WORKFLOW_EXTRA.format(path=path, name=name, command=command)))
    if not failed:
        found.insert(
            0, ok(msg.WORKFLOW_OK.format(path=path, commands=", ".join(workflow.commands)))
        )
    return found


def _runs(script: str, command: str) -> bool:
    pattern = re.compile(rf"^\s*{re.escape(command)}(\s|$)")
    return any(pattern.match(line) for line in script.splitlines())


def _env(node: Any) -> dict[str, Any]:
    env = node.get("env") if isinstance(node, dict) else None
    return env if isinstance(env, dict) else {}


def _secrets_passed(
    path: str, where: str, passed: Mapping[str, Any], config: KpuConfig, template: str
) -> list[Finding]:
    found = []
    for name, names in required_variables(config).items():
        missing = [n for n in names if n not in passed]
        if missing:
            text = template.format(
                path=path,
                command=where,
                job=where,
                names=", ".join(missing),
                label=REGISTRY[name].label,
                example=missing[0],
            )
            found.append(fail(text))
    return found


def _calls_publish(path: str, jobs: dict[str, Any], config: KpuConfig | None) -> list[Finding]:
    callers = {
        name: job
        for name, job in jobs.items()
        if isinstance(job, dict)
        and str(job.get("uses", "")).split("@", 1)[0].endswith(".github/workflows/publish.yml")
    }
    if not callers:
        return [fail(msg.WORKFLOW_CALL_MISSING.format(path=path))]
    found = []
    for name, job in callers.items():
        secrets = job.get("secrets")
        if config is None or secrets == "inherit":
            continue
        passed = secrets if isinstance(secrets, dict) else {}
        found += _secrets_passed(path, name, passed, config, msg.WORKFLOW_CALL_SECRETS)
    return found


# --- git remote --------------------------------------------------------------------------------
def remote(
    root: Path, config: KpuConfig | None, environ: Mapping[str, str], timeout: float
) -> list[Finding]:
    """`git ls-remote origin` with a timeout, with the credentials `kpu promote` pushes with."""
    try:
        repo = GitRepo(root, environ=environ)
    except GitError:
        return [fail(msg.NOT_A_REPOSITORY.format(path=root.resolve()))]
    configured = config.repository if config is not None else None
    if not repo.has_remote:
        example = msg.ORIGIN_URL_EXAMPLE.format(repository=configured or "PEMILIK/NAMA")
        return [fail(msg.NO_ORIGIN.format(url=example))]
    url = repo.repo.remote("origin").url
    shown = _USERINFO.sub(r"\1***@", url)
    found = []
    match = _GITHUB_REMOTE.search(url)
    if match and configured and match.group(1).lower() != configured.lower():
        text = msg.ORIGIN_OTHER_REPOSITORY.format(
            url=shown, actual=match.group(1), configured=configured
        )
        found.append(fail(text))
    quiet = {"GIT_TERMINAL_PROMPT": "0"}
    if "GIT_SSH_COMMAND" not in environ:
        quiet["GIT_SSH_COMMAND"] = f"ssh -o BatchMode=yes -o ConnectTimeout={int(timeout)}"
    # GitRepo._auth hands GITHUB_TOKEN to git exactly as a push would (environment, not argv).
    with repo._auth(), repo.repo.git.custom_environment(**quiet):
        problem = _ls_remote(repo.repo, timeout)
    if problem is not None:
        detail = scrub(
            _USERINFO.sub(r"\1***@", problem), environ, tuple(var for _, var in environment())
        )
        return found + [fail(msg.ORIGIN_UNREACHABLE.format(url=shown, detail=detail))]
    return found + [ok(msg.ORIGIN_OK.format(url=shown))]


def _ls_remote(repo: git.Repo, timeout: float) -> str | None:
    """None when `origin` answers within `timeout`, else why it did not.

    git runs the transport as a grandchild (git-remote-https), which GitPython's own
    kill_after_timeout leaves running with the pipes open; so git gets a process group of its own
    and the whole group is killed when the time is up.
    """
    handle = repo.git.execute(  # type: ignore[call-overload]  # Popen kwargs pass through
        ["git", "ls-remote", "--heads", "origin"], as_process=True, start_new_session=True
    )
    proc: subprocess.Popen[bytes] = handle.proc
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return msg.ORIGIN_TIMEOUT.format(seconds=timeout)
    if proc.returncode == 0:
        return None
    lines = [line.strip() for line in err.decode("utf-8", "replace").splitlines() if line.strip()]
    return "; ".join(lines)[:300] or f"git keluar dengan kode {proc.returncode}"


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
