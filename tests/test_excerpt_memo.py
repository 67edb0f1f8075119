"""A blog excerpt converted once for all the views that list it reads exactly as when Material
converts it afresh for each view (pipeline/site/excerpt_memo.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markdown import Markdown
from material.plugins.blog.structure.markdown import ExcerptTreeprocessor

from pipeline.site.excerpt_memo import memoize
from pipeline.site.render import markdown_settings

ROOT = Path(__file__).resolve().parent.parent

POST = """\
# Judul publikasi

Paragraf pembuka tentang [UU](../../peraturan/uu-7-2017.md), *HTML* dan <b>teks mentah</b>.

!!! note "Catatan"
    Isi catatan.

<!-- more -->

## Dasar hukum

- [Undang-Undang](https://peraturan.bpk.go.id/Details/37644) ([status](#dasar-hukum))

*[HTML]: HyperText Markup Language
"""


@dataclass
class View:  # what the excerpt processor reads of a post or a view: its URL
    url: str


def excerpt_markdown(post: View) -> tuple[Markdown, ExcerptTreeprocessor]:
    """An excerpt's Markdown as Material's blog makes it: the site's extensions, then the
    processor that links the headings to the post, relative to the view being rendered."""
    names, settings = markdown_settings(ROOT)
    md = Markdown(extensions=names, extension_configs=settings)
    processor = ExcerptTreeprocessor(post)  # type: ignore[arg-type]
    md.treeprocessors.register(processor, "excerpt", 0)
    return md, processor


def test_each_view_gets_the_html_of_a_fresh_conversion() -> None:
    post = View("publikasi/2026/judul-publikasi/")
    memo, memo_processor = excerpt_markdown(post)
    memoize(memo)
    views = ["publikasi/", "publikasi/page/2/", "publikasi/", "publikasi/arsip/2026/03/"]
    for url in views:
        fresh, processor = excerpt_markdown(post)
        processor.base = memo_processor.base = View(url)  # type: ignore[assignment]
        expected = fresh.convert(POST)
        assert memo.convert(POST) == expected
        assert memo.toc_tokens == fresh.toc_tokens  # type: ignore[attr-defined]
    assert 'href="../../../2026/judul-publikasi/#dasar-hukum"' in expected  # the last view's
    assert '<abbr title="HyperText Markup Language">HTML</abbr>' in expected


def test_a_changed_source_is_converted_again() -> None:
    post = View("publikasi/2026/judul-publikasi/")
    memo, processor = excerpt_markdown(post)
    memoize(memo)
    processor.base = View("publikasi/")  # type: ignore[assignment]
    memo.convert(POST)
    changed = POST.replace("Paragraf pembuka", "Pembuka yang diperbaiki")
    assert "Pembuka yang diperbaiki" in memo.convert(changed)
    assert "Paragraf pembuka" not in memo.convert(changed)
