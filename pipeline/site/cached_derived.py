"""What Material's plugins derive from a page's HTML alone, from the build cache: the search
index's entries of a page (`SearchIndex.add_entry_from_context`, an HTML parse of every page) and
a post's reading time (the blog's `readtime`, another parse). Each is a function of the page's
HTML, table of contents, URL, title and front matter, all in the key; the plugins' own events
still run and collect the entries in the same order."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import material.plugins.blog.plugin as blog_plugin
from material.plugins.search.plugin import SearchIndex
from mkdocs.structure.pages import Page

from pipeline.site.cached_render import toc_tokens
from pipeline.site.page_cache import shape
from pipeline.site.render_cache import RenderCache, digest

_cache: RenderCache | None = None
_fingerprint = ""
_originals: dict[str, Callable[..., Any]] = {}


def activate(cache: RenderCache, fingerprint: str) -> None:
    global _cache, _fingerprint
    _cache, _fingerprint = cache, fingerprint
    if not _originals:
        _originals["search"] = SearchIndex.add_entry_from_context
        _originals["readtime"] = blog_plugin.readtime
        SearchIndex.add_entry_from_context = _index  # type: ignore[method-assign]
        blog_plugin.readtime = _readtime


def deactivate() -> None:
    global _cache
    _cache = None
    if _originals:
        SearchIndex.add_entry_from_context = _originals.pop("search")  # type: ignore[method-assign]
        blog_plugin.readtime = _originals.pop("readtime")


def _index(self: SearchIndex, page: Page) -> None:
    cache = _cache
    if cache is None:
        _originals["search"](self, page)
        return
    toc = toc_tokens(page) if page.toc else []
    meta = shape(page.meta)
    key = digest(_fingerprint, page.url, str(page.title), meta, toc, page.content)
    entry = cache.get("search", key)
    if entry is not None and isinstance(entry.get("entries"), list):
        self.entries.extend(entry["entries"])
        return
    before = len(self.entries)
    _originals["search"](self, page)
    cache.put("search", key, {"entries": self.entries[before:]})


def _readtime(html: str, words_per_minute: int) -> int:
    cache = _cache
    if cache is None:
        return int(_originals["readtime"](html, words_per_minute))
    key = digest(_fingerprint, words_per_minute, html)
    entry = cache.get("readtime", key)
    if entry is not None and isinstance(entry.get("minutes"), int):
        return int(entry["minutes"])
    minutes = int(_originals["readtime"](html, words_per_minute))
    cache.put("readtime", key, {"minutes": minutes})
    return minutes
