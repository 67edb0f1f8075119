"""The link ledger ("Arsip Link Aktif"): every page URL and every social post, committed as
data/ledger.json.

It is what makes posting happen exactly once: an entry turns `pending` before a network is called
and `posted` right after, each write atomic (temp file, fsync, os.replace) and made under a file
lock that is held for the whole call, so two runs never post the same thing.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from filelock import FileLock, Timeout

from pipeline import redact
from pipeline.config import KpuConfig
from pipeline.errors import PipelineError
from pipeline.messages import publish as msg
from pipeline.model import Publication, channels_of
from pipeline.timeutil import now

LEDGER_FILE = "data/ledger.json"
INSTAGRAM = "instagram"
LOCK_TIMEOUT = 30 * 60.0
Status = Literal["pending", "posted", "failed", "deleted"]
STATUSES: tuple[Status, ...] = ("pending", "posted", "failed", "deleted")


class LedgerError(PipelineError):
    """data/ledger.json cannot be read, or another run holds it for too long."""


@dataclass
class Check:
    """The last `kpu linkcheck` of one URL: ok is None when the server refused to be checked."""

    time: str
    status_code: int | None = None
    ok: bool | None = None
    error: str | None = None


def _check(raw: Any) -> Check | None:
    return Check(**raw) if raw else None


@dataclass
class Entry:
    """One publication on one channel."""

    status: Status
    remote_id: str | None = None
    url: str | None = None
    time: str | None = None
    attempts: int = 0
    error: str | None = None
    key: str | None = None
    last_check: Check | None = None


@dataclass
class Page:
    """One publication: its web page and its posts, by channel."""

    title: str
    path: str
    url: str
    channels: dict[str, Entry] = field(default_factory=dict)
    withdrawn: dict[str, str] | None = None
    last_check: Check | None = None  # of the web page URL


@dataclass
class Book:
    """The whole ledger in memory."""

    pages: dict[str, Page] = field(default_factory=dict)

    def entry(self, slug: str, channel: str) -> Entry | None:
        page = self.pages.get(slug)
        return page.channels.get(channel) if page else None

    def page(self, slug: str, title: str, path: str, url: str) -> Page:
        """The page record, created or refreshed (a page may move when its date changes)."""
        page = self.pages.get(slug)
        if page is None:
            page = self.pages[slug] = Page(title, path, url)
        page.title, page.path, page.url = title, path, url
        return page

    def mark(self, slug: str, channel: str, status: Status, **changes: Any) -> Entry:
        page = self.pages[slug]
        entry = page.channels.setdefault(channel, Entry(status))
        entry.status = status
        entry.time = now().isoformat(timespec="seconds")
        for name, value in changes.items():
            setattr(entry, name, value)
        return entry

    def to_json(self) -> dict[str, Any]:
        return {
            "version": 1,
            "publications": {slug: asdict(p) for slug, p in sorted(self.pages.items())},
        }

    @classmethod
    def from_json(cls, data: Any) -> Book:
        pages = {}
        for slug, raw in (data.get("publications") or {}).items():
            channels = {
                name: Entry(**{**entry, "last_check": _check(entry.get("last_check"))})
                for name, entry in (raw.get("channels") or {}).items()
            }
            pages[slug] = Page(
                raw["title"],
                raw["path"],
                raw["url"],
                channels,
                raw.get("withdrawn"),
                _check(raw.get("last_check")),
            )
        return cls(pages)


class Ledger:
    """data/ledger.json and its lock."""

    def __init__(self, path: Path, lock_timeout: float = LOCK_TIMEOUT) -> None:
        self.path = path
        digest = hashlib.sha256(str(path.absolute()).encode()).hexdigest()[:16]
        # The lock lives outside the repository so that it can never be committed.
        self.lock_path = Path(tempfile.gettempdir()) / f"kpu-ledger-{digest}.lock"
        self.lock_timeout = lock_timeout

    @classmethod
    def of(cls, root: Path) -> Ledger:
        return cls(root / LEDGER_FILE)

    @contextlib.contextmanager
    def locked(self) -> Iterator[Book]:
        """Hold the lock and yield the current ledger; the OS releases it if the process dies."""
        lock = FileLock(self.lock_path, timeout=self.lock_timeout)
        try:
            lock.acquire()
        except Timeout as exc:
            raise LedgerError(msg.LEDGER_BUSY.format(minutes=int(self.lock_timeout // 60))) from exc
        try:
            yield self.load()
        finally:
            lock.release()

    def load(self) -> Book:
        if not self.path.exists():
            return Book()
        try:
            return Book.from_json(json.loads(self.path.read_text(encoding="utf-8")))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise LedgerError(msg.LEDGER_UNREADABLE.format(path=LEDGER_FILE, detail=exc)) from exc

    def save(self, book: Book) -> None:
        """Write atomically: a crash leaves either the old or the new file, never half of one."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = redact.from_env().data(book.to_json())  # servers echo tokens into URLs and ids
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        fd, temp = tempfile.mkstemp(prefix=".ledger-", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, self.path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)
            raise
        _fsync_dir(self.path.parent)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def awaiting_instagram(
    root: Path, config: KpuConfig, publications: Iterable[Publication]
) -> list[Publication]:
    """Publications whose Instagram post is still to come: the build must publish their square
    image, which Instagram fetches by URL. Drawing one for every post of a large site would cost
    more than the rest of the build, for images nobody fetches again."""
    book = Ledger.of(root).load()
    enabled = config.channels.enabled
    waiting = []
    for publication in publications:
        if INSTAGRAM not in channels_of(publication, enabled) or publication.front.withdrawn:
            continue
        entry = book.entry(publication.slug, INSTAGRAM)
        if entry is None or entry.status not in ("posted", "deleted"):
            waiting.append(publication)
    return waiting
