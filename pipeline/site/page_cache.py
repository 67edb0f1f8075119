"""Whole pages from the build cache: the theme's template is not rendered again for a page when
nothing it prints can have changed.

The key holds everything the templates read: the page itself (URL, title, front matter, the
sanitised HTML and the table of contents, its neighbours and parents, a post's authors,
categories and settings), the navigation (every item's title, URL and front matter: the sidebar
and tabs print them all), what plugins added to the page's context (the tags' links) and the
build's fingerprint (configuration, theme, packages). The plugins still run their page events,
so what they collect per page (search index, feeds, sitemap, tags) is the same as without the
cache. A blog view (index, archive, category page) adds its excerpts as the template prints
them and its pagination to the key.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import jinja2
from material.plugins.blog.structure import View
from mkdocs.structure import StructureItem
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from pipeline.site.cached_render import toc_tokens
from pipeline.site.render_cache import RenderCache, digest

# The context MkDocs gives every page (mkdocs/commands/build.py get_context): derived from the
# page and the configuration, which are in the key by themselves.
_STANDARD = {"nav", "pages", "config", "page", "build_date_utc", "mkdocs_version"}
# What the blog adds to a view's context: its excerpts and pagination (keyed by _blog_shape).
_BLOG_CONTEXT = _STANDARD | {"posts", "pagination"}

_cache: RenderCache | None = None
_fingerprint = ""
_nav: tuple[int, str] | None = None  # id of the Navigation and its shape's hash
_pending: tuple[str, Any] | None = None  # the key and context of the page about to be rendered
_original: Callable[..., str] | None = None


def activate(cache: RenderCache, fingerprint: str) -> None:
    global _cache, _fingerprint, _original
    _cache, _fingerprint = cache, fingerprint
    if _original is None:
        _original = jinja2.Template.render
        jinja2.Template.render = _render  # type: ignore[method-assign]


def deactivate() -> None:
    global _cache, _original, _nav, _pending
    _cache, _nav, _pending = None, None, None
    if _original is not None:
        jinja2.Template.render = _original  # type: ignore[method-assign]
        _original = None


def offer(context: Mapping[str, Any], page: Page, nav: Navigation) -> None:
    """Called last among the page's context events: the page's key, for the render to come."""
    global _pending
    _pending = None
    if _cache is None:
        return
    extras = {name: value for name, value in context.items() if name not in _BLOG_CONTEXT}
    year = getattr(context.get("build_date_utc"), "year", None)  # the footer's copyright year
    blog = _blog_shape(page, context)
    key = digest(_fingerprint, _nav_key(nav), _page_shape(page), shape(extras), blog, year)
    _pending = (key, context)


def _render(self: jinja2.Template, *args: Any, **kwargs: Any) -> str:
    global _pending
    assert _original is not None
    pending, cache = _pending, _cache
    if pending is None or cache is None or not args or args[0] is not pending[1] or kwargs:
        return _original(self, *args, **kwargs)
    _pending = None
    key = digest(pending[0], self.name)
    entry = cache.get("page", key)
    if entry is not None and isinstance(entry.get("html"), str):
        return str(entry["html"])
    html = _original(self, *args, **kwargs)
    cache.put("page", key, {"html": html})
    return html


def _nav_key(nav: Navigation) -> str:
    """The navigation's shape, once per build (titles are final once every page is rendered)."""
    global _nav
    if _nav is None or _nav[0] != id(nav):
        homepage = nav.homepage.url if nav.homepage is not None else None
        _nav = (id(nav), digest(_items(nav.items), homepage))
    return _nav[1]


def _items(items: list[Any]) -> list[Any]:
    return [
        [
            type(item).__name__,
            str(item.title),
            getattr(item, "url", None),
            bool(getattr(item, "is_index", False)),
            shape(getattr(item, "meta", None)),
            _items(item.children or []),
        ]
        for item in items
    ]


def _page_shape(page: Page) -> list[Any]:
    toc = toc_tokens(page) if page.toc else []
    post = [shape(getattr(page, name, None)) for name in ("authors", "categories", "config")]
    return [
        type(page).__name__,
        page.file.src_uri,
        page.file.dest_uri,
        page.url,
        page.canonical_url,
        page.abs_url,
        page.edit_url,
        str(page.title),
        page.is_homepage,
        shape(page.meta),
        page.content,
        toc,
        shape(page.previous_page),
        shape(page.next_page),
        [shape(parent) for parent in page.ancestors],
        post,
    ]


def _blog_shape(page: Page, context: Mapping[str, Any]) -> list[Any] | None:
    """A blog view's excerpts as partials/post.html prints them, and its pagination (the pages
    of the view, this one's place among them, the number of posts)."""
    if not isinstance(page, View) and "posts" not in context and "pagination" not in context:
        return None
    posts = [
        [
            excerpt.url,
            excerpt.content,
            excerpt.more,
            shape(excerpt.meta),
            shape(excerpt.config),
            [shape(author) for author in excerpt.authors],
            [shape(category) for category in excerpt.categories],
            toc_tokens(excerpt) if excerpt.toc else [],
        ]
        for excerpt in context.get("posts") or ()
    ]
    pages = [view.url for view in getattr(page, "pages", None) or ()]
    paged = context.get("pagination") is not None
    return [posts, pages, len(getattr(page, "posts", None) or ()), paged]


def shape(value: Any, depth: int = 3) -> Any:
    """`value` as plain data for the key: pages and sections by class, title and URL; mappings,
    lists and objects by their contents, `depth` objects deep. Whatever else prints an address
    in its text only makes the key new each build (a miss, never a wrong page)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, StructureItem):
        return [type(value).__name__, str(value.title), getattr(value, "url", None)]
    if isinstance(value, Mapping):
        return {str(k): shape(v, depth) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [shape(v, depth) for v in value]
        return items if isinstance(value, list | tuple) else sorted(map(str, items))
    if depth > 0 and hasattr(value, "__dict__"):
        return [type(value).__name__, shape(vars(value), depth - 1)]
    return [type(value).__name__, str(value)]
