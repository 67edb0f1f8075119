"""Markdown → HTML of pages (MkDocs' `Page.render`) and of blog excerpts (Material's
`Excerpt.render`) from the build cache when their inputs did not change.

A page's HTML depends on its Markdown and the configuration (in the key) and on where its relative
links lead, which depends on every other file of the site: MkDocs resolves them while rendering
(`_RelativePathTreeprocessor.path_to_url`, which also warns of broken links). So a miss records
each link's answer, and a hit asks `path_to_url` again for every recorded link, with the same
warnings, and is used only when every answer is the same.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from material.plugins.blog.structure import Excerpt
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page, _RelativePathTreeprocessor
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from pipeline.site.render_cache import RenderCache, digest

_log = logging.getLogger("mkdocs.structure.pages")  # where path_to_url warns

_cache: RenderCache | None = None
_fingerprint = ""
_links: list[list[str]] | None = None  # the links of the conversion under way, when recording
_originals: dict[str, Callable[..., Any]] = {}


def activate(cache: RenderCache, fingerprint: str) -> None:
    """Route page and excerpt rendering through `cache` (until `deactivate`)."""
    global _cache, _fingerprint
    _cache, _fingerprint = cache, fingerprint
    if not _originals:
        _originals["page"] = Page.render
        _originals["excerpt"] = Excerpt.render
        _originals["link"] = _RelativePathTreeprocessor.path_to_url
        Page.render = _render_page  # type: ignore[method-assign]
        Excerpt.render = _render_excerpt  # type: ignore[method-assign]
        _RelativePathTreeprocessor.path_to_url = _path_to_url  # type: ignore[method-assign]


def deactivate() -> None:
    global _cache
    _cache = None
    if _originals:
        Page.render = _originals.pop("page")  # type: ignore[method-assign]
        Excerpt.render = _originals.pop("excerpt")  # type: ignore[method-assign]
        _RelativePathTreeprocessor.path_to_url = _originals.pop("link")  # type: ignore[method-assign]


def _path_to_url(self: _RelativePathTreeprocessor, url: str) -> str:
    result: str = _originals["link"](self, url)
    if _links is not None:
        _links.append([url, result])
    return result


@contextmanager
def _recording() -> Iterator[list[list[str]]]:
    global _links
    _links = []
    try:
        yield _links
    finally:
        _links = None


@contextmanager
def _held_warnings() -> Iterator[list[logging.LogRecord]]:
    """The link warnings of a check, kept back: replayed on a hit, dropped on a miss (whose own
    rendering warns again)."""
    held: list[logging.LogRecord] = []

    def hold(record: logging.LogRecord) -> bool:
        held.append(record)
        return False

    _log.addFilter(hold)
    try:
        yield held
    finally:
        _log.removeFilter(hold)


def _links_hold(processor: _RelativePathTreeprocessor, links: Any) -> bool:
    """Every recorded link resolves as it did; the warnings of the check are replayed if so."""
    if not isinstance(links, list):
        return False
    with _held_warnings() as held:
        same = all(_originals["link"](processor, url) == result for url, result in links)
    if same:
        for record in held:
            _log.handle(record)
    return same


def _render_page(self: Page, config: MkDocsConfig, files: Files) -> None:
    cache = _cache
    if cache is None or self.markdown is None:
        _originals["page"](self, config, files)
        return
    key = digest(_fingerprint, self.file.src_uri, self.file.url, self.markdown, self.meta)
    entry = cache.get("markdown", key)
    if entry is not None:
        processor = _RelativePathTreeprocessor(self.file, files, config)
        try:
            if _links_hold(processor, entry["links"]):
                self.content = entry["content"]
                self.toc = get_toc(entry["toc"])
                self._title_from_render = entry["title"]
                self.present_anchor_ids = set(entry["anchors"])
                if _log.getEffectiveLevel() > logging.DEBUG:  # as Page.render
                    self.links_to_anchors = processor.links_to_anchors
                return
        except (KeyError, TypeError, ValueError):
            pass
    with _recording() as links:
        _originals["page"](self, config, files)
    cache.put(
        "markdown",
        key,
        {
            "content": self.content,
            "toc": toc_tokens(self),
            "title": self._title_from_render,
            "anchors": list(self.present_anchor_ids or ()),
            "links": links,
        },
    )


def toc_tokens(page: Page) -> list[dict[str, Any]]:
    def token(item: Any) -> dict[str, Any]:
        return {
            "level": item.level,
            "id": item.id,
            "name": item.title,
            "children": [token(child) for child in item.children],
        }

    return [token(item) for item in page.toc.items]


def _render_excerpt(self: Excerpt, page: Page, separator: str) -> None:
    cache = _cache
    post = self.post
    if cache is None:
        _originals["excerpt"](self, page, separator)
        return
    titled = bool(post._title_from_render)
    # what the view changes in the excerpt: the address of the post from it (the headings link
    # there) and its links, which a hit resolves again from this view; so the excerpt of a post
    # that moves to the next page of an index (same folder depth) is the one kept
    toward = get_relative_url(post.url, page.url)
    key = digest(_fingerprint, post.file.src_uri, post.url, toward, separator, titled)
    key = digest(key, str(post.title), post.markdown)
    entry = cache.get("excerpt", key)
    if entry is not None:
        processor = self.md.treeprocessors["relpath"]
        self.file.url = page.url  # links are resolved from the view, as Excerpt.render does
        try:
            if _links_hold(processor, entry["links"]):
                self.markdown = entry["markdown"]
                self.content = entry["content"]
                self.more = entry["more"]
                self.toc = get_toc(entry["toc"])
                return
        except (KeyError, TypeError, ValueError):
            pass
        finally:
            self.file.url = post.url
    with _recording() as links:
        _originals["excerpt"](self, page, separator)
    entry = {"markdown": self.markdown, "content": self.content, "more": self.more}
    cache.put("excerpt", key, {**entry, "toc": toc_tokens(self), "links": links})
