"""The build cache: what the engine derived from inputs that did not change since the last build
(the HTML of a page's Markdown, of a blog excerpt, of a whole page), kept between builds in a
folder (default build/cache/, in CI restored by the Actions cache).

An entry is a pure function of its key: the key hashes every input of the entry together with the
fingerprint of the build (configuration, theme, package versions and the pipeline's own source),
so a changed theme or upgraded library starts from an empty cache. Entries are JSON files written
atomically; one that cannot be read or parsed is a miss, never an error. After a successful build
the entries it did not use are removed, so the folder holds one build's worth.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
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
    "kpu-pipeline",
)
ENGINE_KINDS = ("markdown", "excerpt", "page", "search", "readtime")  # written by the engine run
STAGING_KINDS = ("card",)  # written while staging
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


class RenderCache:
    """Entries by kind (ENGINE_KINDS, STAGING_KINDS) and key, in `folder`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[Path] = set()
        self.hits = 0
        self.misses = 0

    def _path(self, kind: str, key: str) -> Path:
        return self.folder / kind / key[:2] / f"{key}.json"

    def get(self, kind: str, key: str) -> dict[str, Any] | None:
        path = self._path(kind, key)
        self.used.add(path)
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.misses += 1
            return None
        if not isinstance(entry, dict) or entry.get("key") != key:
            self.misses += 1
            return None
        self.hits += 1
        return entry

    def put(self, kind: str, key: str, entry: dict[str, Any]) -> None:
        """Write atomically (a reader sees the old entry, the new one, or none); a folder that
        cannot be written only costs the next build its hit."""
        path = self._path(kind, key)
        self.used.add(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump({**entry, "key": key}, stream, ensure_ascii=False)
            os.replace(temporary, path)
        except OSError:
            return

    def prune(self, kinds: Iterable[str]) -> None:
        """Remove every entry of `kinds` this build did not read or write (and stray temporary
        files); only the cache's own files, whatever else the folder holds."""
        for kind in kinds:
            for path in (self.folder / kind).glob("*/*"):
                if path.suffix not in (".json", ".tmp") or path in self.used:
                    continue
                try:
                    path.unlink()
                except OSError:
                    continue
