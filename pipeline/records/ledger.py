"""The link ledger ("Arsip Link Aktif"): every page URL and every social post, committed as
data/ledger.json.

It is what makes posting happen exactly once: an entry turns `pending` before a network is called
and `posted` right after, each write atomic (temp file, fsync, os.replace) and made under a file
lock, so two runs never post the same thing. The file is validated against its schema on every
read: a ledger that is not what we wrote is an error, never an empty ledger that posts everything
again. Its copy on origin (pipeline/records/journal.py) outlives the runner.
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
from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, ValidationError

from pipeline.core import redact
from pipeline.core.config import KpuConfig
from pipeline.core.errors import PipelineError
from pipeline.core.model import Publication, channels_of
from pipeline.core.timeutil import now
from pipeline.messages import publish as msg

LEDGER_FILE = "data/ledger.json"
INSTAGRAM = "instagram"
LOCK_TIMEOUT = 30 * 60.0
VERSION = 1
Status = Literal["pending", "posted", "failed", "deleted", "outbox"]
STATUSES: tuple[Status, ...] = ("pending", "posted", "failed", "deleted", "outbox")
DONE: tuple[Status, ...] = ("posted", "deleted")
"""The post exists (or existed) on the network: never sent again."""


class LedgerError(PipelineError):
    """data/ledger.json cannot be read, or another run holds it for too long."""


@dataclass
class Check:
    """The last `kpu linkcheck` of one URL: ok is None when the server refused to be checked."""

    time: str
    status_code: int | None = None
    ok: bool | None = None
    error: str | None = None


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
class Since:
    """When a channel was first used with real credentials: older publications are not posted
    to it unless asked (`kpu publish --backfill`)."""

    since: str


@dataclass
class Page:
    """One publication: its web page and its posts, by channel."""

    title: str
    path: str
    url: str
    channels: dict[str, Entry] = field(default_factory=dict)
    withdrawn: dict[str, str] | None = None
    last_check: Check | None = None  # of the web page URL
    first_seen: str | None = None
    """When `kpu publish` first recorded the page; None for pages recorded before that was kept."""


@dataclass
class Book:
    """The whole ledger in memory."""

    pages: dict[str, Page] = field(default_factory=dict)
    channels: dict[str, Since] = field(default_factory=dict)

    def entry(self, slug: str, channel: str) -> Entry | None:
        page = self.pages.get(slug)
        return page.channels.get(channel) if page else None

    def page(self, slug: str, title: str, path: str, url: str) -> Page:
        """The page record, created or refreshed (a page may move when its date changes)."""
        page = self.pages.get(slug)
        if page is None:
            page = self.pages[slug] = Page(title, path, url, first_seen=_stamp())
        page.title, page.path, page.url = title, path, url
        return page

    def enable(self, channel: str) -> Since:
        """Note that `channel` is in use with credentials, from now on (kept once set)."""
        known = self.channels.get(channel)
        if known is None:
            # A ledger from before this was recorded already holds posts to the channel: it has
            # been on from the start, so nothing it was meant to receive is left out.
            had_posts = any(
                (e := p.channels.get(channel)) is not None and e.status != "outbox"
                for p in self.pages.values()
            )
            known = self.channels[channel] = Since("" if had_posts else _stamp())
        return known

    def mark(self, slug: str, channel: str, status: Status, **changes: Any) -> Entry:
        page = self.pages[slug]
        entry = page.channels.setdefault(channel, Entry(status))
        entry.status = status
        entry.time = _stamp()
        for name, value in changes.items():
            setattr(entry, name, value)
        return entry

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"version": VERSION}
        if self.channels:
            data["channels"] = {name: asdict(s) for name, s in sorted(self.channels.items())}
        data["publications"] = {slug: asdict(p) for slug, p in sorted(self.pages.items())}
        return data

    def to_text(self) -> str:
        """The file's text (and the journal's), secrets scrubbed: servers echo tokens into URLs."""
        data = redact.from_env().data(self.to_json())
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_json(cls, data: Any) -> Book:
        """The ledger from its JSON; raises LedgerError naming what is not as we wrote it."""
        checked = _validated(data)
        pages = {}
        for slug, raw in checked.publications.items():
            channels = {
                name: Entry(**{**entry.model_dump(), "last_check": _check(entry.last_check)})
                for name, entry in raw.channels.items()
            }
            pages[slug] = Page(
                raw.title,
                raw.path,
                raw.url,
                channels,
                raw.withdrawn,
                _check(raw.last_check),
                raw.first_seen,
            )
        since = {name: Since(s.since) for name, s in checked.channels.items()}
        return cls(pages, since)

    @classmethod
    def from_text(cls, text: str | bytes, display: str = LEDGER_FILE) -> Book:
        try:
            data = json.loads(text)
        except RecursionError:
            detail = msg.LEDGER_DEEP
            raise LedgerError(msg.LEDGER_UNREADABLE.format(path=display, detail=detail)) from None
        except ValueError as exc:
            raise LedgerError(msg.LEDGER_UNREADABLE.format(path=display, detail=exc)) from None
        try:
            return cls.from_json(data)
        except LedgerError as exc:
            raise LedgerError(msg.LEDGER_INVALID.format(path=display, detail=exc)) from None


def _stamp() -> str:
    return now().isoformat(timespec="seconds")


def _check(raw: Any) -> Check | None:
    if raw is None:
        return None
    if isinstance(raw, BaseModel):
        raw = raw.model_dump()
    return Check(**raw)


# --- the schema, checked on every read -----------------------------------------------------------
class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class _CheckSchema(_Strict):
    time: StrictStr
    status_code: StrictInt | None = None
    ok: bool | None = None
    error: StrictStr | None = None


class _EntrySchema(_Strict):
    status: Status
    remote_id: StrictStr | None = None
    url: StrictStr | None = None
    time: StrictStr | None = None
    attempts: StrictInt = Field(0, ge=0)
    error: StrictStr | None = None
    key: StrictStr | None = None
    last_check: _CheckSchema | None = None


class _PageSchema(_Strict):
    title: StrictStr
    path: StrictStr
    url: StrictStr
    channels: dict[StrictStr, _EntrySchema] = Field(default_factory=dict)
    withdrawn: dict[StrictStr, StrictStr] | None = None
    last_check: _CheckSchema | None = None
    first_seen: StrictStr | None = None


class _SinceSchema(_Strict):
    since: StrictStr


class _LedgerSchema(_Strict):
    version: StrictInt
    channels: dict[StrictStr, _SinceSchema] = Field(default_factory=dict)
    publications: dict[StrictStr, _PageSchema]


def _validated(data: Any) -> _LedgerSchema:
    if not isinstance(data, dict):
        raise LedgerError(msg.LEDGER_NOT_OBJECT)
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version != VERSION:
        raise LedgerError(msg.LEDGER_VERSION.format(got=version, version=VERSION))
    try:
        return _LedgerSchema.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors(include_url=False)[:5]:
            where = ".".join(str(p) for p in err["loc"]) or "(seluruh berkas)"
            if err["type"] == "missing":
                problems.append(msg.LEDGER_MISSING.format(field=where))
            else:
                problems.append(msg.LEDGER_FIELD.format(field=where, got=_shown(err.get("input"))))
        raise LedgerError("; ".join(problems)) from None


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "sekumpulan sub-kolom"
    if isinstance(value, list):
        return "sebuah daftar"
    if value is None:
        return "kosong"
    return json.dumps(value, ensure_ascii=False)[:60]


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
            text = self.path.read_bytes()
        except OSError as exc:
            raise LedgerError(msg.LEDGER_UNREADABLE.format(path=LEDGER_FILE, detail=exc)) from exc
        return Book.from_text(text)

    def save(self, book: Book) -> None:
        """Write atomically: a crash leaves either the old or the new file, never half of one."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = book.to_text()
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
    root: Path, config: KpuConfig, publications: Iterable[Publication], book: Book | None = None
) -> list[Publication]:
    """Publications whose Instagram post is still to come: the build must publish their square
    image, which Instagram fetches by URL. Drawing one for every post of a large site would cost
    more than the rest of the build, for images nobody fetches again. `book`: the ledger of
    `root` when the caller has read it already."""
    book = Ledger.of(root).load() if book is None else book
    enabled = config.channels.enabled
    waiting = []
    for publication in publications:
        if INSTAGRAM not in channels_of(publication, enabled) or publication.front.withdrawn:
            continue
        entry = book.entry(publication.slug, INSTAGRAM)
        if entry is None or entry.status not in DONE:
            waiting.append(publication)
    return waiting
