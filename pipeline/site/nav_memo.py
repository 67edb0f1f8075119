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
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from jinja2 import Environment, TemplateNotFound
from jinja2.runtime import Context
from mkdocs.structure.nav import Navigation
from mkdocs.utils import normalize_url

MEMOIZED = ("partials/nav.html", "partials/tabs.html")


def install(env: Environment) -> None:
    """Memoize the navigation templates of this environment (once per template)."""
    for name in MEMOIZED:
        try:
            template = env.get_template(name)
        except TemplateNotFound:
            continue
        if not isinstance(template.root_render_func, _Memo):
            template.root_render_func = _Memo(template.root_render_func)  # type: ignore[method-assign]


class _Memo:
    def __init__(self, render: Callable[[Context], Iterator[str]]) -> None:
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
