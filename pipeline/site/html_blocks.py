"""Ready HTML inside generated Markdown pages: a Python-Markdown extension that takes each block
between two marker lines out of the conversion (into the HTML stash), so that Python-Markdown does
not parse what the pipeline wrote as HTML already. The Arsip Link Aktif and the Daftar Informasi
Publik write their tables so: parsed as Markdown, the tables' tens of thousands of cells cost more
than the rest of the build's pages.

Only the pipeline can write a marker that counts: each carries a random token made once per build
(`enable`, in the configuration of both engines) and never written into the built site; a draft
that copies the marker lines cannot know it, and its lines stay an HTML comment, which the
sanitiser removes. The stashed HTML is not exempt from sanitising: the raw-HTML postprocessor puts
it back before the sanitiser runs (the `kpu` plugin's on_page_content under MkDocs, the
pipeline.site.markdown_safety postprocessor under Zensical), and every value in it from data or
front matter is escaped where the page is written (`text`, `href`).
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from pipeline.core.model import Publication
from pipeline.core.safety import escape
from pipeline.site.offline import directory_urls
from pipeline.site.urls import post_path

EXTENSION = "pipeline.site.html_blocks"
# After normalize_whitespace (30), which removes the stash's placeholder characters from the
# source, before html_block (20), which would parse the block as raw HTML (slowly, in Python).
PRIORITY = 25
_START = "<!-- kpu:html {token} -->"
_END = "<!-- /kpu:html {token} -->"


def enable(config: MkDocsConfig) -> str:
    """The extension in the loaded configuration (once) with this build's token; returns it."""
    options = config.mdx_configs.setdefault(EXTENSION, {})
    if EXTENSION not in config.markdown_extensions:
        config.markdown_extensions.append(EXTENSION)
    if not options.get("token"):
        options["token"] = secrets.token_hex(16)
    return str(options["token"])


def block(html: str, token: str) -> str:
    """`html` between the marker lines, as lines of a Markdown page (blank lines around it)."""
    return f"{_START.format(token=token)}\n{html}\n{_END.format(token=token)}\n"


def text(value: object) -> Markup:
    """A value from data or front matter as the text of an element: on one line, escaped."""
    return escape(" ".join(str(value).split()))


def href(url: str) -> Markup:
    """A URL as an attribute value: escaped; < and > percent-encoded as a Markdown link had them."""
    return escape(url.replace("<", "%3C").replace(">", "%3E"))


def page_url(src_uri: str, directory_urls: bool) -> str:
    """The URL below the site root that MkDocs gives the page `src_uri` (`x/` or `x.html`)."""
    return File(src_uri, None, "", directory_urls).url


def post_pages(config: MkDocsConfig, publications: Mapping[str, Publication]) -> dict[str, str]:
    """Each post page's URL below the site root in this build (offline: `x.html`), by src_uri."""
    mkdocs_yml = Path(config.config_file_path)
    directory = directory_urls(config)
    return {
        uri: post_path(mkdocs_yml, pub, directory_urls=directory)
        for uri, pub in publications.items()
    }


def link_base(config: MkDocsConfig, src_uri: str, directory_urls: bool) -> str:
    """What the relative links in a generated page's HTML are written from. MkDocs leaves raw
    HTML as it is: from the page's URL. Zensical resolves every relative link of the converted
    page from the folder of its source file, then writes it from the page's URL: from the source
    file (the staging step names the engine in `extra.engine` before the pages are generated)."""
    if config.extra.get("engine") == "zensical":
        return src_uri
    return page_url(src_uri, directory_urls)


def relative(url: str, base: str) -> str:
    """`url` (below the site root) as a link written from `base` (`link_base`); a last part with
    a dot in `base` is a file, whose folder it starts from (MkDocs' rule)."""
    return get_relative_url(url, base)


def table(
    header: list[Markup], rows: list[list[Markup]], right: frozenset[int] = frozenset()
) -> str:
    """A table as Python-Markdown's tables extension writes it; `right`: the right-aligned
    columns. The cells are HTML already."""
    style = ' style="text-align: right;"'
    head = "".join(
        f"<th{style if i in right else ''}>{cell}</th>\n" for i, cell in enumerate(header)
    )
    body = [
        "<tr>\n"
        + "".join(f"<td{style if i in right else ''}>{cell}</td>\n" for i, cell in enumerate(row))
        + "</tr>\n"
        for row in rows
    ]
    return (
        f"<table>\n<thead>\n<tr>\n{head}</tr>\n</thead>\n<tbody>\n{''.join(body)}</tbody>\n</table>"
    )


class _Blocks(Preprocessor):
    def __init__(self, md: Markdown, token: str) -> None:
        super().__init__(md)
        self.start = _START.format(token=token) if token else None
        self.end = _END.format(token=token)

    def run(self, lines: list[str]) -> list[str]:
        if self.start is None or self.start not in lines:
            return lines
        out: list[str] = []
        at = 0
        while True:
            try:
                begin = lines.index(self.start, at)
                end = lines.index(self.end, begin + 1)
            except ValueError:
                break
            out += lines[at:begin]
            out += ["", self.md.htmlStash.store("\n".join(lines[begin + 1 : end])), ""]
            at = end + 1
        return out + lines[at:]


class HtmlBlocksExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {"token": ["", "this build's token; marker lines without it are text"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        token = str(self.getConfig("token") or "")
        md.preprocessors.register(_Blocks(md, token), "kpu_html_blocks", PRIORITY)


def makeExtension(**kwargs: Any) -> HtmlBlocksExtension:  # noqa: N802 (Python-Markdown's name)
    return HtmlBlocksExtension(**kwargs)
