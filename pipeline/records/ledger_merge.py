"""Two ledgers made one: a union that never loses an entry.

Used wherever two copies meet: the journal on origin and the file on the runner, and git's
rebase of a `kpu record` commit over another one (`python -m pipeline.records.ledger_merge` is the merge
driver `kpu record` hands to git). A post that exists (posted, deleted) always wins over one that
may not; otherwise the later decision wins.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

from pipeline.records.ledger import DONE, Book, Check, Entry, LedgerError, Page, Since

_LATER_IN_AN_ATTEMPT = {"pending": 0, "failed": 1, "outbox": 1, "posted": 2, "deleted": 3}


def merge(ours: Book, theirs: Book) -> Book:
    """Every page and entry of both; where both hold one, the one that knows more."""
    result = copy.deepcopy(ours)
    for slug, page in theirs.pages.items():
        mine = result.pages.get(slug)
        result.pages[slug] = copy.deepcopy(page) if mine is None else _page(mine, page)
    for name, since in theirs.channels.items():
        known = result.channels.get(name)
        if known is None or since.since < known.since:
            result.channels[name] = Since(since.since)
    return result


def _page(ours: Page, theirs: Page) -> Page:
    for name, entry in theirs.channels.items():
        mine = ours.channels.get(name)
        ours.channels[name] = copy.deepcopy(entry) if mine is None else _entry(mine, entry)
    ours.withdrawn = ours.withdrawn or theirs.withdrawn
    ours.last_check = _later_check(ours.last_check, theirs.last_check)
    seen = [s for s in (ours.first_seen, theirs.first_seen) if s]
    ours.first_seen = min(seen) if seen else None
    return ours


def _entry(ours: Entry, theirs: Entry) -> Entry:
    if (ours.status in DONE) != (theirs.status in DONE):
        return ours if ours.status in DONE else copy.deepcopy(theirs)
    if (ours.attempts, ours.time or "") != (theirs.attempts, theirs.time or ""):
        newer = (
            ours
            if (ours.time or "", ours.attempts) >= (theirs.time or "", theirs.attempts)
            else theirs
        )
    else:  # the same attempt in the same second: its result comes after its pending mark
        later = _LATER_IN_AN_ATTEMPT[theirs.status] > _LATER_IN_AN_ATTEMPT[ours.status]
        newer = theirs if later else ours
    chosen = copy.deepcopy(newer)
    chosen.last_check = _later_check(ours.last_check, theirs.last_check)
    return chosen


def _later_check(a: Check | None, b: Check | None) -> Check | None:
    if a is None or b is None:
        return a or b
    return a if a.time >= b.time else b


def main(argv: list[str]) -> int:
    """git merge driver: `%O %A %B`; the union is written to %A (ours). Exit 1 = conflict."""
    _, ours_path, theirs_path = (Path(a) for a in argv[:3])
    try:
        ours = Book.from_text(ours_path.read_bytes())
        theirs = Book.from_text(theirs_path.read_bytes())
    except LedgerError as exc:
        print(exc, file=sys.stderr)
        return 1
    ours_path.write_text(merge(ours, theirs).to_text(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
