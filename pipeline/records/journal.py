"""The ledger's copy on origin, which outlives the runner: branch `kpu-ledger`, one file.

Every durable write is one commit made in-process with git's object database (blob, tree,
commit on top of the branch's last known tip) and one non-forced push of it. The branch holds
nothing else, so its pushes never race with promotion or record commits on main. A rejected push
means another writer moved the branch: fetch it, take the union of both ledgers, try again.
`kpu record` folds the journal into data/ledger.json on main.
"""

from __future__ import annotations

import io
import os
import time
from collections.abc import Mapping
from pathlib import Path

import git
from gitdb.base import IStream  # type: ignore[import-untyped]

from pipeline.core.errors import GitError, PipelineError
from pipeline.core.faults import kill_point
from pipeline.core.gitrepo import GitRepo, Identity
from pipeline.messages import publish as msg
from pipeline.records.ledger import Book
from pipeline.records.ledger_merge import merge

JOURNAL_BRANCH = "kpu-ledger"
JOURNAL_FILE = "ledger.json"
TRACKING = "refs/kpu/journal"
"""Where the fetched journal is kept locally (not a branch: nobody checks it out)."""
ATTEMPTS = 6
OFF_ENV = "KPU_JOURNAL"
_REJECTED = ("rejected", "fetch first", "non-fast-forward", "failed to push", "stale info")


class JournalError(PipelineError):
    """Origin cannot be reached or refuses the journal: nothing is posted without it."""


class Journal:
    """The `kpu-ledger` branch of one working copy's origin."""

    def __init__(self, repo: GitRepo, identity: Identity, branch: str = JOURNAL_BRANCH) -> None:
        self.repo = repo
        self.identity = identity
        self.branch = branch
        self.tip: str | None = None
        """The branch's commit on origin as last seen; a write goes on top of it."""
        self.pushes = 0
        self.seconds = 0.0
        """Time spent in writes (commit + push, and any fetch-and-merge retry): the price of
        durability, reported by bench/bench_durability.py."""

    @classmethod
    def of(cls, root: Path, environ: Mapping[str, str] | None = None) -> Journal | None:
        """The journal of `root`'s origin; None when there is no origin (a local copy only)."""
        environ = os.environ if environ is None else environ
        if environ.get(OFF_ENV, "").lower() == "off":
            return None
        try:
            repo = GitRepo(root, environ=environ)
        except GitError:
            return None
        return cls(repo, Identity.from_env(environ)) if repo.has_remote else None

    def fetch(self) -> Book | None:
        """Origin's journal, or None when it has none yet."""
        refspec = f"+refs/heads/{self.branch}:{TRACKING}"
        try:
            with self.repo._auth():
                self.repo.repo.git.fetch("--quiet", "--no-tags", self.repo.remote, refspec)
        except git.GitCommandError as exc:
            if "couldn't find remote ref" in str(exc.stderr):
                self.tip = None
                return None
            raise JournalError(msg.JOURNAL_UNREACHABLE.format(detail=_stderr(exc))) from None
        self.tip = self.repo.repo.git.rev_parse(TRACKING)
        # One-off git processes only: GitPython's object reader keeps `git cat-file` running.
        data = self.repo.repo.git.cat_file(
            "blob", f"{self.tip}:{JOURNAL_FILE}", stdout_as_string=False
        )
        return Book.from_text(data, f"{self.branch}:{JOURNAL_FILE}")

    def write(self, book: Book) -> Book:
        """Make `book` durable on origin; returns what is stored (the union with other writes)."""
        started = time.perf_counter()
        try:
            return self._write(book)
        finally:
            self.seconds += time.perf_counter() - started

    def _write(self, book: Book) -> Book:
        for _ in range(ATTEMPTS):
            sha = self._commit(book.to_text().encode("utf-8"))
            kill_point("journal-committed")
            if self._push(sha):
                self.tip = sha
                self.pushes += 1
                kill_point("journal-pushed")
                return book
            theirs = self.fetch()
            if theirs is not None:
                book = merge(book, theirs)
        raise JournalError(msg.JOURNAL_GAVE_UP.format(attempts=ATTEMPTS))

    def _commit(self, data: bytes) -> str:
        odb = self.repo.repo.odb
        blob = odb.store(IStream(b"blob", len(data), io.BytesIO(data))).binsha
        tree_data = b"100644 " + JOURNAL_FILE.encode() + b"\0" + blob
        tree = odb.store(IStream(b"tree", len(tree_data), io.BytesIO(tree_data))).hexsha
        person = f"{self.identity.name} <{self.identity.email}> {int(time.time())} +0000"
        lines = [f"tree {tree.decode() if isinstance(tree, bytes) else tree}"]
        if self.tip:
            lines.append(f"parent {self.tip}")
        lines += [f"author {person}", f"committer {person}", "", msg.JOURNAL_SUBJECT, ""]
        text = "\n".join(lines).encode("utf-8")
        sha = odb.store(IStream(b"commit", len(text), io.BytesIO(text))).hexsha
        return sha.decode() if isinstance(sha, bytes) else str(sha)

    def _push(self, sha: str) -> bool:
        """True when origin took it; False when the branch moved (someone else wrote)."""
        try:
            with self.repo._auth():
                self.repo.repo.git.push(
                    "--quiet", self.repo.remote, f"{sha}:refs/heads/{self.branch}"
                )
        except git.GitCommandError as exc:
            if any(word in str(exc.stderr) for word in _REJECTED):
                return False
            raise JournalError(msg.JOURNAL_UNREACHABLE.format(detail=_stderr(exc))) from None
        return True


def _stderr(exc: git.GitCommandError) -> str:
    text = str(exc.stderr or exc).strip()
    return text.removeprefix("stderr:").strip().strip("'")[:500]
