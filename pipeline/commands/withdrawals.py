"""The withdrawal half of `kpu publish`: delete the posts of publications whose withdrawal was
approved (pipeline/withdraw/authority.py decides, pipeline/withdraw/deletions.py deletes)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from pipeline.check.validate import Context
from pipeline.core.config import load_config
from pipeline.core.errors import GitError, RemoteError
from pipeline.core.github import GitHub
from pipeline.core.gitrepo import GitRepo
from pipeline.core.model import Publication
from pipeline.messages import withdraw as msg
from pipeline.promote.promotion import PullApi
from pipeline.records.journal import Journal
from pipeline.records.ledger import Book, Ledger
from pipeline.records.ledger_merge import merge
from pipeline.withdraw.authority import decide
from pipeline.withdraw.deletions import carry_out

ONLINE = ("posted", "pending")


def to_delete(book: Book, publication: Publication) -> bool:
    """Withdrawn, with a post that may still be online (or its decision not yet recorded)."""
    if publication.front.withdrawn is None:
        return False
    page = book.pages.get(publication.slug)
    if page is None:
        return False
    return any(e.status in ONLINE for n, e in page.channels.items() if n != "outbox")


def run(
    ctx: Context,
    root: Path,
    ledger: Ledger,
    publications: list[Publication],
    environ: Mapping[str, str] | None = None,
) -> int:
    """Print what was deleted and what is refused; 1 when a withdrawal is not approved or a post
    could not be deleted (the job shows red; the next run finishes what is left)."""
    environ = os.environ if environ is None else environ
    journal = Journal.of(root, environ)
    book = ledger.load()
    if journal is not None and any(p.front.withdrawn for p in publications):
        theirs = journal.fetch()  # the journal may know of deletions the file does not yet
        if theirs is not None:
            book = merge(book, theirs)
    wanted = [p for p in publications if to_delete(book, p)]
    if not wanted:
        return 0
    authorised, refused = decide(ctx, wanted, book, _repo(root), _github(root, environ))
    for item in refused:
        print(msg.NOT_APPROVED.format(path=item.path, reason=item.reason))
    done = carry_out(ctx, ledger, authorised, journal=journal, environ=environ)
    for line in done.lines:
        print(line)
    if done.failed:
        print(msg.FAIL_SUMMARY.format(count=len(done.failed)))
    return 1 if refused or done.failed else 0


def _repo(root: Path) -> GitRepo | None:
    try:
        return GitRepo(root)
    except GitError:
        return None


def _github(root: Path, environ: Mapping[str, str]) -> PullApi | None:
    if not environ.get("GITHUB_TOKEN"):
        return None
    try:
        return GitHub.from_env(load_config(root).repository, environ)
    except RemoteError:
        return None
