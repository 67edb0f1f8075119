"""Material's navigation (sidebar and tabs) rendered once per distinct state, not once per page.

Every page of a Material site prints the whole navigation twice (the sidebar's
`partials/nav.html`, the tabs' `partials/tabs.html`): about a sixth of the build, the same for a
site of 1,000 posts whether kpu builds it or not. What those templates print for a page depends on
the page in three ways only: which items are active, where each link points relative to the page
(MkDocs' `url` filter), and, for a page that is itself in the navigation (or is one of a nav
item's `pages`, as the blog's paginated views are), its own entry and table of contents.

`install` wraps the two templates' render functions: for a page that is not in the navigation,
the HTML is kept under a key of the active flags, the relative address of every link the
templates print (nav items, home page, logo) and the context's base URL, and a page with the
same key gets the same text. A page in the navigation is rendered as it is. The memo lives on the
templates of one build's Jinja environment and dies with it.

Four more partials print the same for every page but for where one link of theirs points, if it
has one: the search box and the colour palette (the configuration and its language only), the
logo (its image's address) and the office block of the footer (the address of the RSS feed).
They are kept under the configuration, the base URL and that one address as the page sees it.
Every memo applies only to the theme's own file or the office templates that ship with kpu
(`pipeline/site/overrides/`): a partial the office overrides in its own `custom_dir` may print
anything, and is rendered for every page as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import material
from jinja2 import Environment, TemplateNotFound
from jinja2.runtime import Context
from mkdocs.structure.nav import Navigation
from mkdocs.utils import normalize_url

MEMOIZED = ("partials/nav.html", "partials/tabs.html")
# partial → the one address it prints that depends on the page ("" for none)
PARTIALS: dict[str, Callable[[Any], str]] = {
    "partials/search.html": lambda config: "",
    "partials/palette.html": lambda config: "",
    "partials/logo.html": lambda config: str(getattr(config.theme, "logo", None) or ""),
    "partials/office.html": lambda config: "feed_rss_created.xml",
}
THEME = Path(material.__file__).parent / "templates"  # the theme's own files
OFFICE_TEMPLATES = Path(__file__).parent / "overrides"  # ours (staged as a copy)


def install(env: Environment) -> None:
    """Memoize the navigation templates and PARTIALS of this environment (once per template)."""
    for name in (*MEMOIZED, *PARTIALS):
        try:
            template = env.get_template(name)
        except TemplateNotFound:
            continue
        if isinstance(template.root_render_func, _Memo | _Partial) or not _own(name, template):
            continue
        memo = _Memo if name in MEMOIZED else _Partial
        template.root_render_func = memo(template.root_render_func, PARTIALS.get(name))  # type: ignore[method-assign]


def _own(name: str, template: Any) -> bool:
    """The template is the theme's file, or ours byte for byte (the staged copy of it)."""
    if template.filename is None:
        return False
    path = Path(template.filename)
    if path.resolve().is_relative_to(THEME.resolve()):
        return True
    ours = OFFICE_TEMPLATES / name
    try:
        return ours.is_file() and path.read_bytes() == ours.read_bytes()
    except OSError:
        return False


class _Partial:
    """A partial kept by configuration, base URL and its one page-dependent address."""

    def __init__(self, render: Callable[[Context], Iterator[str]], link: Any) -> None:
        self.render = render
        self.link: Callable[[Any], str] = link
        self.html: dict[tuple[Any, ...], str] = {}

    def __call__(self, context: Context) -> Iterator[str]:
        page, config = context.get("page"), context.get("config")
        if page is None or config is None or getattr(page, "url", None) is None:
            yield from self.render(context)
            return
        base = context.get("base_url")
        target = self.link(config)
        features = tuple(str(f) for f in context.get("features") or ())
        where = normalize_url(target, page=page, base=base) if target else ""
        key = (id(config), base, features, where)
        html = self.html.get(key)
        if html is None:
            html = self.html[key] = "".join(self.render(context))
        yield html


class _Memo:
    def __init__(self, render: Callable[[Context], Iterator[str]], _: Any = None) -> None:
        self.render = render
        self.html: dict[tuple[Any, ...], str] = {}
        self.navs: dict[int, tuple[Navigation, list[Any], set[int]]] = {}

    def __call__(self, context: Context) -> Iterator[str]:
        key = self._key(context)
        if key is None:
            yield from self.render(context)
            return
        html = self.html.get(key)
        if html is None:
            html = self.html[key] = "".join(self.render(context))
        yield html

    def _key(self, context: Context) -> tuple[Any, ...] | None:
        page, nav, config = context.get("page"), context.get("nav"), context.get("config")
        if page is None or not isinstance(nav, Navigation) or getattr(page, "file", None) is None:
            return None
        known = self.navs.get(id(nav))
        if known is None or known[0] is not nav:
            items = list(_walk(nav.items))
            files = {id(item.file) for item in items if getattr(item, "file", None) is not None}
            for item in items:  # a nav item's own pages: the blog's paginated views
                files.update(id(view.file) for view in getattr(item, "pages", None) or ())
            known = self.navs[id(nav)] = (nav, items, files)
        _, items, files = known
        if id(page.file) in files:  # Page.__eq__ needs the same File object: maybe in the nav
            return None
        targets = [item.url for item in items if getattr(item, "url", None) is not None]
        if nav.homepage is not None:
            targets.append(nav.homepage.url)
        theme = getattr(config, "theme", None)
        targets.append(str(getattr(theme, "logo", None) or ""))
        extra = getattr(config, "extra", None) or {}
        targets.append(str(extra.get("homepage") or ""))
        base = context.get("base_url")
        return (
            id(config),
            base,
            tuple(bool(getattr(item, "active", False)) for item in items),
            tuple(normalize_url(target, page=page, base=base) for target in targets),
        )


def _walk(items: list[Any]) -> Iterator[Any]:
    for item in items:
        yield item
        yield from _walk(getattr(item, "children", None) or [])
