"""The rules a pull request is judged by: main's as they stood before the merge, never its own.

kpu.yml (roles, approvals), data/*.yml, mkdocs.yml and .github/CODEOWNERS are read from a git
revision (the merge's first parent, or the base branch of an open pull request) into a private
folder and loaded with the ordinary loaders, so the checks are the same ones `kpu check` runs.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from pipeline.check.validate import Context, load_context
from pipeline.core.config import CONFIG_FILE, KpuConfig, load_config
from pipeline.core.gitrepo import GitRepo

RULE_FILES = (CONFIG_FILE, "mkdocs.yml", ".github/CODEOWNERS")
RULE_FOLDERS = ("data",)
# What a pull request may not change without the governance sign-off (kpu.yml `governance`).
# The pipeline's own code and build settings count too: after the merge they do the judging.
GOVERNED_PREFIXES = (".github/workflows/", "pipeline/")
GOVERNED_FILES = (".github/CODEOWNERS", "pyproject.toml", "mkdocs.yml")
GOVERNED_KEYS = ("roles", "approvals", "governance", "distinct_approvers")


def _materialise(repo: GitRepo, rev: str, into: Path) -> None:
    names = list(RULE_FILES)
    for folder in RULE_FOLDERS:
        names += [n for n in repo.files_at(rev, folder) if n.endswith((".yml", ".yaml"))]
    for name in names:
        if repo.mode(rev, name) not in ("100644", "100755"):
            continue  # absent, or a symlink: never followed
        data = repo.read_blob(rev, name)
        if data is None:
            continue
        target = into / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def context_at(repo: GitRepo, rev: str, root: Path, today: dt.date | None = None) -> Context:
    """The validation context of `rev`'s rules, for files that stay in `root`."""
    with tempfile.TemporaryDirectory(prefix="kpu-rules-") as folder:
        _materialise(repo, rev, Path(folder))
        ctx = load_context(Path(folder), today)
    return replace(ctx, root=root)


def config_at(repo: GitRepo, rev: str) -> KpuConfig:
    with tempfile.TemporaryDirectory(prefix="kpu-rules-") as folder:
        _materialise(repo, rev, Path(folder))
        return load_config(Path(folder))


def _governed_part(text: bytes | None) -> Any:
    try:
        data = yaml.safe_load(text or b"") or {}
    except yaml.YAMLError:
        return "(tidak terbaca)"
    if not isinstance(data, dict):
        return "(bukan pemetaan)"
    return {key: data.get(key) for key in GOVERNED_KEYS}


def governed_changes(repo: GitRepo, before: str, after: str) -> list[str]:
    """The rule files `after` changes against `before` (kpu.yml only for its governed keys)."""
    return governed_in(
        repo.changed_between(before, after),
        lambda: (repo.read_blob(before, CONFIG_FILE), repo.read_blob(after, CONFIG_FILE)),
    )


def governed_in(files: Iterable[str], config_texts: Any) -> list[str]:
    """`files` that need the governance sign-off; `config_texts()` gives kpu.yml before/after."""
    found: list[str] = []
    for name in files:
        data_rules = name.startswith("data/") and name.endswith((".yml", ".yaml"))
        if data_rules or name.startswith(GOVERNED_PREFIXES) or name in GOVERNED_FILES:
            found.append(name)
        elif name == CONFIG_FILE:
            old, new = config_texts()
            if _governed_part(old) != _governed_part(new):
                found.append(name)
    return found


def governed_since_base(
    repo: GitRepo, base_ref: str = "origin/main"
) -> tuple[str, list[str]] | None:
    """Before merge: (base, rule files this checkout changes against it); None without a base."""
    base = repo.rev(base_ref)
    if base is None:
        return None
    start = repo.merge_base(base, "HEAD") or base
    return base, governed_changes(repo, start, "HEAD")
