"""The run's one writer of the ledger: the local file at once, origin's journal when asked.

Channels run in threads; each change is applied to the shared book and written atomically to
data/ledger.json. `durable()` returns once everything changed so far is on origin: threads that
ask while a push is under way share the next push (group commit), so five channels marking
`pending` at the same time cost one push, not five.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable
from typing import TypeVar

from pipeline.records.journal import Journal
from pipeline.records.ledger import Book, Entry, Ledger
from pipeline.records.ledger_merge import merge

T = TypeVar("T")


class Writer:
    def __init__(self, ledger: Ledger, book: Book, journal: Journal | None) -> None:
        self.ledger = ledger
        self.book = book
        self.journal = journal
        self._cond = threading.Condition()
        self._changed = 0
        self._stored = 0
        self._pushing = False
        self._closed = False

    def close(self) -> None:
        """The run is over: a channel thread still waiting for its network (past the deadline)
        writes nothing any more; its entry stays as it is on origin, for the next run."""
        with self._cond:
            self._closed = True

    def entry(self, slug: str, channel: str) -> Entry | None:
        with self._cond:
            found = self.book.entry(slug, channel)
            return copy.deepcopy(found)

    def change(self, edit: Callable[[Book], T]) -> T:
        """Apply `edit` to the book and write the file; not yet on origin (see `durable`)."""
        with self._cond:
            if self._closed:
                return edit(copy.deepcopy(self.book))
            result = edit(self.book)
            self.ledger.save(self.book)
            self._changed += 1
            return copy.deepcopy(result)

    def durable(self) -> None:
        """Block until every change made so far is on origin (nothing to do without a journal)."""
        if self.journal is None:
            return
        with self._cond:
            if self._closed:
                return
            wanted = self._changed
            while self._stored < wanted:
                if self._pushing:
                    self._cond.wait()
                    continue
                self._push_locked()

    def _push_locked(self) -> None:
        assert self.journal is not None
        self._pushing = True
        upto, snapshot = self._changed, copy.deepcopy(self.book)
        self._cond.release()
        try:
            stored = self.journal.write(snapshot)
        finally:
            self._cond.acquire()
            self._pushing = False
            self._cond.notify_all()
        if stored is not snapshot:  # others wrote meanwhile: keep their entries too
            self.book = merge(self.book, stored)
            self.ledger.save(self.book)
        self._stored = max(self._stored, upto)
