"""Whether a folder may be a git repository, asked of the file system alone: `kpu check` outside
a repository imports neither GitPython nor `pipeline.core.gitrepo` to find that out."""

from __future__ import annotations

from pathlib import Path


def may_be_repository(root: Path) -> bool:
    """False when `GitRepo(root)` would certainly fail: `root` has no `.git` and is no git
    directory itself (no `HEAD`). Known without importing GitPython (about 30 ms)."""
    return (root / ".git").exists() or (root / "HEAD").exists()
