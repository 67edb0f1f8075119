"""The build cache: what the engine derived from inputs that did not change since the last build
(the HTML of a page's Markdown, of a blog excerpt, of a whole page), kept between builds in a
folder (default build/cache/, in CI restored by the Actions cache).

An entry is a pure function of its key: the key hashes every input of the entry together with the
fingerprint of the build (configuration, theme, package versions and the pipeline's own source),
so a changed theme or upgraded library starts from an empty cache. Entries are JSON texts in one
SQLite file (entries.sqlite): one file to open and to restore, not one per entry. A build's
writes are one transaction, committed when it ends (a killed build leaves the entries of the
build before); an entry, or a file, that cannot be read or parsed is a miss, never an error, and
a damaged file is replaced. After a successful build the entries it did not use are removed, so
the file holds one build's worth.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import shutil
import sqlite3
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from typing import Any

import pipeline

# The libraries whose code turns Markdown and templates into the site's HTML.
LIBRARIES = (
    "mkdocs",
    "mkdocs-material",
    "pymdown-extensions",
    "Markdown",
    "Jinja2",
    "MarkupSafe",
    "mkdocs-rss-plugin",
    "nh3",
    "Babel",
    "pillow",  # the cards, drawn with Pillow's own font
    "openpyxl",  # the DIP's spreadsheet
    "kpu-pipeline",
)
# written by the engine run
ENGINE_KINDS = ("markdown", "excerpt", "page", "search", "readtime", "template")
STAGING_KINDS = ("card", "xlsx")  # written while staging
# Configuration keys that say where files go, not what a page shows.
_PLACES = ("site_dir",)


def stable(value: Any) -> Any:
    """`value` as JSON-able data that is the same in every process (no object addresses)."""
    if isinstance(value, dict):
        return {str(k): stable(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, list | tuple):
        return [stable(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted(str(stable(v)) for v in value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', '')}"
    return str(value)


def digest(*parts: Any) -> str:
    """The hash of `parts` as JSON with sorted keys, written by the C encoder; what JSON has no
    form for as `stable` writes it; keys that cannot be sorted together through `stable`."""
    try:
        text = json.dumps(list(parts), sort_keys=True, default=_plain, **_COMPACT)
    except TypeError:  # keys of different types
        text = json.dumps(stable(list(parts)), **_COMPACT)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_COMPACT: dict[str, Any] = {"ensure_ascii": False, "separators": (",", ":")}


def _plain(value: Any) -> Any:
    """What the JSON encoder cannot write itself, as `stable` writes it."""
    if isinstance(value, set | frozenset):
        return sorted(str(stable(v)) for v in value)
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', '')}"
    return str(value)


@functools.lru_cache(maxsize=1)
def _package_files() -> str:
    return _files_digest([Path(pipeline.__file__).parent])


def _files_digest(folders: Iterable[Path]) -> str:
    files = hashlib.sha256()
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                files.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
                files.update(hashlib.sha256(path.read_bytes()).digest())
    return files.hexdigest()


def fingerprint(document: dict[str, Any], theme_dirs: Iterable[Path]) -> str:
    """The hash of everything every entry depends on: the configuration (without output paths),
    the theme overrides' files, the libraries' versions and the pipeline package's files."""
    config = {key: value for key, value in document.items() if key not in _PLACES}
    versions: dict[str, str | None] = {}
    for name in LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return digest(config, versions, _package_files(), _files_digest(theme_dirs))


DATABASE = "entries.sqlite"
LOCK_WAIT = 2.0  # seconds
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS entries (kind TEXT, key TEXT, entry TEXT, PRIMARY KEY (kind, key))"
)


class RenderCache:
    """Entries by kind (ENGINE_KINDS, STAGING_KINDS) and key, in `folder`/entries.sqlite. The
    file is opened at the first `get` or `put`; `prune` commits this build's entries and
    `close` (or a later `prune`) ends the transaction."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / DATABASE
        self.used: set[tuple[str, str]] = set()
        self.hits = 0
        self.misses = 0
        self._db: sqlite3.Connection | None = None
        self._unusable = False  # a folder that cannot be written: every entry a miss

    def get(self, kind: str, key: str) -> dict[str, Any] | None:
        self.used.add((kind, key))
        row = None
        db = self._open(create=False)
        if db is not None:
            try:
                row = db.execute(
                    "SELECT entry FROM entries WHERE kind = ? AND key = ?", (kind, key)
                ).fetchone()
            except sqlite3.DatabaseError as exc:  # damaged inside: start the file again
                self._failed(exc)
        try:
            entry = json.loads(row[0]) if row is not None else None
        except (TypeError, ValueError):
            entry = None
        if not isinstance(entry, dict) or entry.get("key") != key:
            self.misses += 1
            return None
        self.hits += 1
        return entry

    def put(self, kind: str, key: str, entry: dict[str, Any]) -> None:
        """Kept in this build's transaction; a folder that cannot be written only costs the
        next build its hit."""
        self.used.add((kind, key))
        db = self._open(create=True)
        if db is None:
            return
        text = json.dumps({**entry, "key": key}, ensure_ascii=False)
        try:
            db.execute("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)", (kind, key, text))
        except sqlite3.DatabaseError as exc:
            self._failed(exc)

    def prune(self, kinds: Iterable[str]) -> None:
        """Remove every entry of `kinds` this build did not read or write, and commit; also the
        folders of the cache's earlier layout (one JSON file per entry)."""
        kinds = tuple(kinds)
        for kind in kinds:
            legacy = self.folder / kind
            if legacy.is_dir() and not legacy.is_symlink():
                shutil.rmtree(legacy, ignore_errors=True)
        db = self._open(create=False)
        if db is None:
            return
        try:
            db.execute(
                "CREATE TEMP TABLE IF NOT EXISTS used (kind TEXT, key TEXT, PRIMARY KEY (kind, key))"
            )
            db.execute("DELETE FROM used")
            db.executemany(
                "INSERT INTO used VALUES (?, ?)", [pair for pair in self.used if pair[0] in kinds]
            )
            marks = ", ".join("?" for _ in kinds)
            db.execute(  # NOT EXISTS looks each entry up; NOT IN (kind, key) scanned `used`
                f"DELETE FROM entries WHERE kind IN ({marks}) AND NOT EXISTS "  # noqa: S608
                "(SELECT 1 FROM used WHERE used.kind = entries.kind AND used.key = entries.key)",
                kinds,
            )
            db.commit()
            # the pruned pages back to the disk (a script: a PRAGMA run as a query frees one)
            db.executescript("PRAGMA incremental_vacuum;")
        except sqlite3.DatabaseError as exc:
            self._failed(exc)

    def close(self) -> None:
        """Commit this build's entries and close the file."""
        db, self._db = self._db, None
        if db is not None:
            with contextlib.suppress(sqlite3.DatabaseError):
                db.commit()
                db.close()

    def _open(self, create: bool) -> sqlite3.Connection | None:
        if self._db is not None or self._unusable:
            return self._db
        if not create and not self.path.is_file():
            return None
        try:
            if self.path.is_symlink():
                raise sqlite3.DatabaseError  # never a file elsewhere: replaced
            self.folder.mkdir(parents=True, exist_ok=True)
            self._db = _connect(self.path)
            self._db.execute("SELECT kind, key, entry FROM entries LIMIT 1").fetchall()
        except sqlite3.DatabaseError as exc:  # not a database, or damaged: start it again
            self._failed(exc)
        except OSError:
            self._unusable = True
        return self._db

    def _failed(self, exc: sqlite3.DatabaseError) -> None:
        """A damaged file is replaced; one that is locked (another build in the same folder),
        read-only or on a failing disk is left as it is, and this build does without it."""
        if not isinstance(exc, sqlite3.OperationalError):
            self._replace()
            return
        db, self._db = self._db, None
        self._unusable = True
        if db is not None:
            with contextlib.suppress(sqlite3.DatabaseError):
                db.close()

    def _replace(self) -> None:
        """The damaged file removed and a new, empty one begun, once per build (this build's
        entries so far are lost: misses for the next build)."""
        db, self._db = self._db, None
        if db is not None:
            with contextlib.suppress(sqlite3.DatabaseError):
                db.close()
        if self._unusable:
            return
        self._unusable = True  # a file that stays damaged is not fought over
        try:
            for suffix in ("", "-journal", "-wal", "-shm"):
                self.path.with_name(self.path.name + suffix).unlink(missing_ok=True)
            self._db = _connect(self.path)
        except (sqlite3.DatabaseError, OSError):
            self._db = None


def _connect(path: Path) -> sqlite3.Connection:
    # a build that holds the file (committing) is waited for LOCK_WAIT seconds, then done without
    db = sqlite3.connect(path, timeout=LOCK_WAIT, isolation_level="DEFERRED")
    db.execute("PRAGMA auto_vacuum = INCREMENTAL")  # takes effect in a new file only
    db.execute("PRAGMA synchronous = OFF")  # a cache: a write lost to a crash is a miss
    db.execute(_SCHEMA)
    return db
