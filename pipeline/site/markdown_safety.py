"""A Python-Markdown extension that ends every conversion in the allowlist sanitiser
(pipeline/safety.clean_html). `kpu build --engine zensical` lists it in the staged configuration:
Zensical runs no MkDocs plugin, so the `kpu` plugin's on_page_content cannot sanitise there, but
Zensical converts every page and every blog excerpt with the configured extensions."""

from __future__ import annotations

from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

from pipeline.core.safety import clean_html

# Below Python-Markdown's own postprocessors (raw HTML 30, &amp; 20, unescape 10): raw HTML from the
# page is back in place before the sanitiser sees it.
PRIORITY = 0


class _Sanitise(Postprocessor):
    def run(self, text: str) -> str:
        return clean_html(text)


class SanitiseExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.postprocessors.register(_Sanitise(md), "kpu_sanitise", PRIORITY)


def makeExtension(**kwargs: Any) -> SanitiseExtension:  # noqa: N802 (Python-Markdown's name)
    return SanitiseExtension(**kwargs)
