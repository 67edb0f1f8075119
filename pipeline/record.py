"""SOP records step: commit the link archive and other record files the run changed, as the bot."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from pipeline.gitrepo import GitRepo, Identity
from pipeline.messages import promote as msg

RECORD_PATHS = ("data/ledger.json",)


@dataclass
class Recorded:
    paths: list[str] = field(default_factory=list)
    commit: str | None = None
    pushed: bool = False


def record(
    repo: GitRepo, identity: Identity, paths: Sequence[str] = RECORD_PATHS, push: bool = True
) -> Recorded:
    """Commit `paths` that changed and push with rebase-retry; nothing changed -> nothing done."""
    existing = [p for p in paths if (repo.root / p).exists() or repo.changed([p])]
    changed = repo.changed(existing) if existing else []
    if not changed:
        return Recorded()
    message = msg.RECORD_SUBJECT.format(paths=", ".join(changed))
    result = Recorded(changed, repo.commit_paths(existing, message, identity))
    if push and repo.has_remote:
        repo.push(identity)
        result.pushed = True
    return result
