"""One Markdown instance for all of MkDocs' pages in a build, instead of a new one per page.

`Page.render` makes a `markdown.Markdown` with every extension of the site for each page (1,361
of them for 1,000 posts), then registers four processors of its own on it, converts the page and
drops the instance. Python-Markdown supports converting many documents with one instance:
`Markdown.reset()` clears its state and calls each extension's own `reset`. While `activate` is
on, the `Markdown` that `Page.render` asks for is one kept instance, reset, whenever the
settings are the same as last time and every extension is one whose whole per-document state
`reset` clears (the names in RESETTABLE, from reading each one's source); the page's four
processors replace the previous page's (they register under fixed names). Any other settings
(an Extension object, an extension not listed) get a new instance, as without this module.

`deactivate` restores MkDocs' module. Both are idempotent; the kpu plugin activates in
on_config and deactivates in on_shutdown, which MkDocs runs even when the build fails.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

import markdown

log = logging.getLogger("mkdocs.plugins.kpu")

# Extensions whose state between documents lives only in what Markdown.reset() clears (the
# html stash, references, toc tokens) or in their own reset() (abbr, superfences). Not
# footnotes: its reset() numbers the next document (with UNIQUE_IDS, other ids than MkDocs).
RESETTABLE = frozenset(
    {
        "abbr",
        "admonition",
        "attr_list",
        "def_list",
        "fenced_code",
        "md_in_html",
        "tables",
        "toc",
        "pymdownx.details",
        "pymdownx.superfences",
        "pipeline.site.html_blocks",
    }
)
_originals: dict[str, Any] = {}


def _known(name: str) -> bool:
    return name.removeprefix("markdown.extensions.") in RESETTABLE


class _Pool:
    """Stands in for the `markdown` module in mkdocs.structure.pages: its `Markdown` is the kept
    instance where that is safe; every other name is the module's own."""

    def __init__(self, module: Any) -> None:
        self._module = module
        self._md: markdown.Markdown | None = None
        self._settings: tuple[list[Any], dict[str, Any]] | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._module, name)

    def Markdown(  # noqa: N802 - the name Page.render calls
        self,
        extensions: Sequence[Any] = (),
        extension_configs: Mapping[str, Any] | None = None,
        **options: Any,
    ) -> markdown.Markdown:
        configs = dict(extension_configs or {})
        poolable = not options and all(isinstance(e, str) and _known(e) for e in extensions)
        if not poolable:
            return self._module.Markdown(
                extensions=extensions, extension_configs=configs, **options
            )
        settings = (list(extensions), configs)
        if self._md is None or self._settings != settings:
            self._md = self._module.Markdown(extensions=extensions, extension_configs=configs)
            self._settings = settings
        else:
            self._md.reset()
        return self._md


def activate() -> None:
    """Page.render gets the kept instance (once per process until deactivate)."""
    if _originals:
        return
    import mkdocs.structure.pages as pages

    if getattr(pages, "markdown", None) is not markdown:
        log.debug("page Markdown: MkDocs makes it differently, left as it is")
        return
    _originals["markdown"] = pages.markdown
    pages.markdown = _Pool(markdown)  # type: ignore[assignment]


def deactivate() -> None:
    if _originals:
        import mkdocs.structure.pages as pages

        pages.markdown = _originals.pop("markdown")
