"""The archive's and the DIP's tables as ready HTML (pipeline/site/html_blocks.py): the same
links as before, each leading to a page of the built site, hostile values shown as text, and no
way for a draft to use the marker lines to put raw HTML past the sanitiser."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import markdown
import pytest

from pipeline.records.ledger import Book, Check, Entry, Ledger, Page
from pipeline.site import html_blocks, markdown_safety
from pipeline.site.build import build_site
from tests.conftest import run_kpu

TOKEN = "0123456789abcdef0123456789abcdef"
ARCHIVE = "arsip-link/index.md"
DIP = "ppid/daftar-informasi-publik.md"
HREF = re.compile(r'<a href="([^"]*)"[^>]*>(.*?)</a>', re.DOTALL)
HOSTILE_TITLE = '<script>alert(1)</script> "><img src=x onerror=alert(2)> | *a* [b](javascript:c)'
POST = """\
---
title: {title}
description: "Ringkasan <img src=x onerror=alert(3)> | **bukan tebal**"
date: 2026-11-0{day}T09:00:00+07:00
categories: [Informasi Hukum]
tags: [pemilu]
authors: [tim-desain]
request:
  number: "0001/ND/HK.03/Kab/X/2026"
  date: 2026-10-01
  unit: "Subbagian Hukum dan SDM"
election_stage: informasi-umum
legal_basis:
  - "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum"
status: ready
---

Paragraf pembuka.

<!-- more -->

{body}
"""


def _convert(text: str, token: str) -> str:
    """`text` as both engines convert a page: with the kpu extensions, the sanitiser last."""
    md = markdown.Markdown(
        extensions=["tables", "md_in_html", html_blocks.makeExtension(token=token)]
        + [markdown_safety.makeExtension()]
    )
    return md.convert(text)


def test_a_marked_block_with_the_build_token_is_not_parsed_as_markdown() -> None:
    html = _convert("# Judul\n\n" + html_blocks.block("*a* | **b**", TOKEN), TOKEN)
    assert "*a* | **b**" in html  # as written: no emphasis
    assert "kpu:html" not in html


def test_marker_lines_without_this_builds_token_are_only_a_comment() -> None:
    page = html_blocks.block("*a* **b**", "another-build")
    html = _convert(page, TOKEN)
    assert "<em>a</em> <strong>b</strong>" in html  # Markdown as any page
    assert "kpu:html" not in html  # the comment is gone (sanitiser)
    assert "<em>" in _convert(html_blocks.block("*a*", ""), "")  # no token: nothing opens


def test_the_stashed_html_still_goes_through_the_sanitiser() -> None:
    hostile = '**stashed**\n<script>alert(1)</script><img src=x onerror="alert(2)">'
    hostile += '<a href="javascript:alert(3)">x</a>'
    html = _convert(html_blocks.block(hostile, TOKEN), TOKEN)
    assert "**stashed**" in html  # the block was taken out of the conversion ...
    assert "<script" not in html and "onerror" not in html and "javascript:" not in html
    assert '<img src="x">' in html


def _resolves(site: Path, page: Path, url: str) -> Path | None:
    """The file of the built site that a relative link on `page` opens (None: no such file)."""
    base = page.parent.relative_to(site).as_posix()
    target = posixpath.normpath(posixpath.join(base, url.split("#", 1)[0]))
    path = site / target
    if url.split("#", 1)[0].endswith("/") or path.is_dir():
        path = path / "index.html"
    return path if path.is_file() else None


def _article(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    return html[html.index("<article") : html.index("</article>")]


def _titles(repo: Path) -> dict[str, str]:
    titles = {}
    for post in sorted((repo / "content" / "posts").rglob("*.md")):
        found = re.search(r'^title: "?(.*?)"?$', post.read_text(encoding="utf-8"), re.MULTILINE)
        assert found is not None
        titles[post.stem] = found.group(1)
    return titles


@pytest.mark.parametrize(
    ("engine", "offline"), [("mkdocs", False), ("mkdocs", True), ("zensical", False)]
)
def test_every_link_of_the_archive_and_the_dip_opens_a_file_of_the_built_site(
    repo: Path, engine: str, offline: bool
) -> None:
    env = {"KPU_OFFLINE": "true"} if offline else {}
    result = run_kpu(
        "build", "--no-cache", "--engine", engine, "--site-dir", "out", cwd=repo, env=env
    )
    assert result.code == 0, result.err
    site = repo / "out"
    dip = site / (
        "ppid/daftar-informasi-publik.html" if offline else DIP.replace(".md", "/index.html")
    )
    titles = _titles(repo)
    for page in (site / "arsip-link" / "index.html", dip):
        links = HREF.findall(_article(page))
        relative = [(url, label) for url, label in links if not re.match(r"[a-z]+:|#", url)]
        assert relative, page
        for url, _ in relative:
            assert _resolves(site, page, url) is not None, f"{page.name}: {url}"
        # each post's title opens that post's page
        linked = {label: url for url, label in relative}
        for slug, title in titles.items():
            target = _resolves(site, page, linked[title])
            assert target is not None
            assert slug in target.as_posix()
            assert f">{title}<" in target.read_text(encoding="utf-8")
        if offline and page.parent.name == "arsip-link":  # the print versions too
            printed = [url for url, label in relative if label == "versi cetak"]
            assert len(printed) == len(titles)
            assert all(url.startswith("../cetak/") and url.endswith(".html") for url in printed)


def _hostile_site(repo: Path) -> None:
    posts = repo / "content" / "posts" / "2026"
    title = '"' + HOSTILE_TITLE.replace('"', '\\"') + '"'
    (posts / "judul-berbahaya.md").write_text(
        POST.format(title=title, day=1, body="Isi."), encoding="utf-8"
    )
    marked = (
        "<!-- kpu:html -->\n<!-- kpu:html {token} -->\n"
        "<script>alert(4)</script>\n<img src=x onerror=alert(5)>\n**ditebalkan**\n"
        "<!-- /kpu:html {token} -->\n<!-- /kpu:html -->"
    )
    (posts / "penanda-html.md").write_text(
        POST.format(title='"Penanda HTML"', day=2, body=marked.format(token=TOKEN)),
        encoding="utf-8",
    )
    check = Check("2026-11-02T06:00:00+07:00", None, False, '<img src=x onerror=alert(6)> "|"')
    page = Page(
        "Lama <script>alert(7)</script>",
        "content/posts/2025/lama.md",
        'https://example.invalid/lama/"><img src=x onerror=alert(8)>',
        withdrawn={"date": "2025-10-10T10:00:00+07:00", "reason": "keliru"},
        last_check=check,
    )
    page.channels["x"] = Entry("posted", "1", "javascript:alert(9)", "2025-03-01T09:00:00+07:00")
    Ledger.of(repo).save(Book({"lama": page}))


def _assert_inert(html: str) -> None:
    """No script, no image (whose onerror would run), no javascript: link: only text."""
    assert "<script" not in html
    assert "<img" not in html
    assert 'href="javascript:' not in html


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_hostile_titles_urls_and_reasons_are_text_in_the_archive_and_the_dip(
    repo: Path, engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _hostile_site(repo)
    # even the token of this very build, known to the draft, opens no way past the sanitiser
    monkeypatch.setattr(html_blocks.secrets, "token_hex", lambda _: TOKEN)
    monkeypatch.chdir(repo)
    build_site(repo, repo / "out", engine=engine)
    site = repo / "out"
    archive = _article(site / "arsip-link" / "index.html")
    dip = _article(site / "ppid" / "daftar-informasi-publik" / "index.html")
    shown = '&lt;script&gt;alert(1)&lt;/script&gt; "&gt;&lt;img src=x onerror=alert(2)&gt; | *a* [b](javascript:c)'
    for html in (archive, dip):
        _assert_inert(html)
        assert re.search(r'<a href="[^"]*judul-berbahaya/">' + re.escape(shown) + "</a>", html)
    assert "&lt;img src=x onerror=alert(3)&gt; | **bukan tebal**" in dip
    assert "Lama &lt;script&gt;alert(7)&lt;/script&gt;" in archive
    assert "<td>javascript:alert(9)</td>" in archive  # shown, never a link
    assert '<a href="https://example.invalid/lama/&quot;%3E%3Cimg src=x onerror=alert(8)%3E">' in (
        archive
    )
    assert 'tautan <strong>mati</strong>: &lt;img src=x onerror=alert(6)&gt; "|"' in archive
    post = _article(site / "publikasi" / "2026" / "penanda-html" / "index.html")
    assert "<script" not in post and "alert(4)" not in post
    assert "onerror" not in post  # the image stays (an allowed tag), its handler does not


def test_a_token_copied_from_an_earlier_build_opens_nothing(repo: Path) -> None:
    assert run_kpu("build", "--no-cache", "--site-dir", "out", cwd=repo).code == 0
    staged = (repo / "build" / "staging" / "mkdocs.yml").read_text(encoding="utf-8")
    found = re.search(r"pipeline\.site\.html_blocks:\n\s+token: (\w+)", staged)
    assert found is not None
    body = f"<!-- kpu:html {found.group(1)} -->\n**tebal**\n<!-- /kpu:html {found.group(1)} -->"
    post = repo / "content" / "posts" / "2026" / "token-lama.md"
    post.write_text(POST.format(title='"Token lama"', day=3, body=body), encoding="utf-8")
    result = run_kpu("build", "--no-cache", "--site-dir", "out", cwd=repo)
    assert result.code == 0, result.err
    html = _article(repo / "out" / "publikasi" / "2026" / "token-lama" / "index.html")
    assert "<strong>tebal</strong>" in html  # Markdown, as on any page: the marker did nothing
