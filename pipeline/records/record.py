"""SOP records step: commit the link archive and other record files the run changed, as the bot.

The ledger is first brought up to date with its journal on origin (pipeline/records/journal.py): what a
run posted is recorded even when that run died before `kpu record`. The push rebases and retries,
never forces; if another record commit changed data/ledger.json meanwhile, git merges the two with
the ledger's union (pipeline/records/ledger_merge.py as merge driver), so no entry is ever lost.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.core.faults import kill_point
from pipeline.core.gitrepo import GitRepo, Identity
from pipeline.messages import promote as msg
from pipeline.records.journal import Journal
from pipeline.records.ledger import LEDGER_FILE, Ledger
from pipeline.records.ledger_merge import merge

RECORD_PATHS = (LEDGER_FILE,)
MERGE_DRIVER = "kpu-ledger"


@dataclass
class Recorded:
    paths: list[str] = field(default_factory=list)
    commit: str | None = None
    pushed: bool = False
    folded: bool = False
    """The journal on origin held entries the local ledger did not."""


def fold_journal(root: Path, journal: Journal | None) -> bool:
    """data/ledger.json := its union with the journal; the journal then holds the same."""
    if journal is None:
        return False
    ledger = Ledger.of(root)
    with ledger.locked() as book:
        theirs = journal.fetch()
        merged = merge(book, theirs) if theirs is not None else book
        changed = merged.to_text() != book.to_text()
        if changed:
            ledger.save(merged)
        if theirs is None or merged.to_text() != theirs.to_text():
            journal.write(merged)
        return changed


def record(
    repo: GitRepo,
    identity: Identity,
    paths: Sequence[str] = RECORD_PATHS,
    push: bool = True,
    journal: Journal | None = None,
) -> Recorded:
    """Commit `paths` that changed and push with rebase-retry; nothing changed -> nothing done."""
    folded = fold_journal(repo.root, journal) if LEDGER_FILE in paths else False
    existing = [p for p in paths if (repo.root / p).exists() or repo.changed([p])]
    changed = repo.changed(existing) if existing else []
    if not changed:
        return Recorded(folded=folded)
    message = msg.RECORD_SUBJECT.format(paths=", ".join(changed))
    result = Recorded(changed, repo.commit_paths(existing, message, identity), folded=folded)
    kill_point("record-committed")
    if push and repo.has_remote:
        with ledger_merge_driver(repo):
            repo.push(identity)
        result.pushed = True
        kill_point("record-pushed")
    return result


@contextmanager
def ledger_merge_driver(repo: GitRepo) -> Iterator[None]:
    """While rebasing, git merges data/ledger.json with the ledger's union, not line by line."""
    with tempfile.TemporaryDirectory(prefix="kpu-attributes-") as folder:
        attributes = Path(folder) / "attributes"
        attributes.write_text(f"/{LEDGER_FILE} merge={MERGE_DRIVER}\n", encoding="utf-8")
        driver = f'"{sys.executable}" -m pipeline.records.ledger_merge %O %A %B'
        env = {
            "GIT_CONFIG_COUNT": "3",
            "GIT_CONFIG_KEY_0": "core.attributesFile",
            "GIT_CONFIG_VALUE_0": str(attributes),
            "GIT_CONFIG_KEY_1": f"merge.{MERGE_DRIVER}.driver",
            "GIT_CONFIG_VALUE_1": driver,
            "GIT_CONFIG_KEY_2": f"merge.{MERGE_DRIVER}.name",
            "GIT_CONFIG_VALUE_2": "kpu ledger union",
        }
        with repo.repo.git.custom_environment(**env):
            yield
