"""What `kpu build` does to make Material's work proportional (pipeline/site/blog_speedups.py,
pipeline/site/nav_memo.py) changes nothing on the site: the same tree built by MkDocs with and
without them is the same, byte for byte; each shortcut answers as the code it stands in for."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from jinja2 import Environment
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from pipeline.site import blog_speedups, markdown_pool, nav_memo
from pipeline.site.staging import stage
from tests.test_render_cache import _assert_same_site, _write_post


def _mkdocs(config_file: Path, site_dir: Path) -> None:
    """`mkdocs build --strict` of a staged tree, in this process (so that it can be observed)."""
    from mkdocs.__main__ import cli

    here = os.getcwd()
    os.chdir(config_file.parent)
    try:
        cli.main(
            ["build", "--strict", "-q", "-f", str(config_file), "-d", str(site_dir)],
            standalone_mode=False,
        )
    finally:
        os.chdir(here)


@pytest.fixture
def staged(repo: Path) -> Iterator[Path]:
    for i in range(24):  # three pages of the blog's index, month archives, a category
        _write_post(repo, i, link="publikasi-000.md" if i else "../../profil.md")
    yield stage(repo, repo / "build" / "staging", repo / "out", "mkdocs")


def test_the_site_is_byte_identical_with_and_without_the_shortcuts(
    staged: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as off:
        off.setattr(nav_memo, "install", lambda env: None)
        off.setattr(blog_speedups, "activate", lambda: None)
        off.setattr(blog_speedups, "wrap_posts", lambda config: None)
        off.setattr(markdown_pool, "activate", lambda: None)
        _mkdocs(staged, tmp_path / "without")

    made: list[object] = []
    real = markdown.Markdown

    class Counted(real):  # type: ignore[misc,valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            made.append(self)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(markdown, "Markdown", Counted)
    environments: list[Environment] = []
    install = nav_memo.install
    monkeypatch.setattr(nav_memo, "install", lambda env: (environments.append(env), install(env)))
    asked: list[object] = []
    contains = blog_speedups.Posts.__contains__
    monkeypatch.setattr(
        blog_speedups.Posts, "__contains__", lambda self, p: asked.append(p) or contains(self, p)
    )
    _mkdocs(staged, tmp_path / "with")

    _assert_same_site(tmp_path / "with", tmp_path / "without")
    # the shortcuts did run: the blog asked its question of every page, the navigation was kept
    pages = len(list((tmp_path / "with").rglob("index.html")))
    assert len(asked) >= pages
    kept = [
        len(template.root_render_func.html)
        for template in (environments[0].get_template(name) for name in nav_memo.MEMOIZED)
        if isinstance(template.root_render_func, nav_memo._Memo)
    ]
    assert len(kept) == 2 and all(0 < count < pages / 4 for count in kept), (kept, pages)
    # the partials that print the same on every page but for one address
    partials = {
        name: template.root_render_func.html
        for name, template in ((n, environments[0].get_template(n)) for n in nav_memo.PARTIALS)
        if isinstance(template.root_render_func, nav_memo._Partial)
    }
    assert sorted(partials) == sorted(nav_memo.PARTIALS)
    # once per depth of the pages (the base URL), not once per page
    assert all(0 < len(html) < pages / 4 for html in partials.values()), partials.keys()
    import material.plugins.blog.structure as structure

    assert structure.SafeLoader is yaml.SafeLoader  # undone when the build ended
    # the pages shared one instance: those made are the excerpts' (one per post) and a few
    assert len(made) < pages / 2, (len(made), pages)
    import mkdocs.structure.pages

    assert mkdocs.structure.pages.markdown is markdown  # undone when the build ended


def _page(title: str, uri: str, kind: type[Page] = Page) -> Page:
    file = File(uri, "/docs", "/site", use_directory_urls=True)
    return kind(title, file, {})  # type: ignore[arg-type]


class _Other(Page):
    pass


class _Picky(Page):
    def __eq__(self, other: object) -> bool:
        return isinstance(other, Page) and other.title == self.title

    __hash__ = Page.__hash__


@pytest.mark.parametrize("kind", [Page, _Picky])
def test_posts_answer_in_exactly_as_a_list(kind: type[Page]) -> None:
    posts = [_page(f"Post {i}", f"posts/p{i}.md", kind) for i in range(5)]
    twin = _page("Post 2", "posts/p2.md")
    twin.file = posts[2].file  # another Page object of the same file: equal, not identical
    candidates: list[Any] = [
        *posts,
        twin,
        _page("Post 2", "posts/other.md"),
        _page("Post 3", "posts/p3.md", _Other),
        _page("Profil", "profil.md"),
        "posts/p1.md",
        None,
    ]
    wrapped = blog_speedups.Posts(posts)
    for candidate in candidates:
        assert (candidate in wrapped) == (candidate in posts), candidate
    assert (twin in wrapped) is True
    assert ("x" in blog_speedups.Posts()) is False


@pytest.mark.parametrize(
    "text",
    [
        "title: Judul\ndate: 2026-01-02\ntags: [a, b]\nn: 007\nyes: on\n",
        "title: 'kutip'\nnested: {a: [1, 2.5, null, ~]}\n",
    ],
)
def test_front_matter_read_by_libyaml_is_what_safeloader_reads(text: str) -> None:
    assert yaml.load(text, blog_speedups._LibyamlFirst) == yaml.load(text, yaml.SafeLoader)


def test_a_yaml_mistake_gets_safeloaders_own_message() -> None:
    text = "title: Judul\n  tanggal: [2026\n"
    with pytest.raises(yaml.YAMLError) as theirs:
        yaml.load(text, yaml.SafeLoader)
    with pytest.raises(yaml.YAMLError) as ours:
        yaml.load(text, blog_speedups._LibyamlFirst)
    assert str(ours.value) == str(theirs.value)


def test_an_excerpts_markdown_made_on_first_use_converts_as_one_made_at_once() -> None:
    from markdown import Markdown
    from markdown.treeprocessors import Treeprocessor

    class Shout(Treeprocessor):
        def run(self, root: Any) -> None:
            for element in root.iter("p"):
                element.text = (element.text or "").upper()

    settings = {"extensions": ["toc", "tables", "attr_list"], "extension_configs": {}}
    eager = Markdown(**settings)
    eager.treeprocessors.register(Shout(eager), "shout", 0)
    lazy = blog_speedups.LazyMarkdown(**settings)
    processor = Shout(lazy)
    lazy.treeprocessors.register(processor, "shout", 0)
    assert lazy.treeprocessors["shout"] is processor  # handed back without making the instance
    assert "_kpu_pending" in lazy.__dict__
    text = "# Judul\n\nisi *miring*\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    assert lazy.convert(text) == eager.convert(text)
    assert "_kpu_pending" not in lazy.__dict__
    assert lazy.treeprocessors.get_index_for_name(
        "shout"
    ) == eager.treeprocessors.get_index_for_name("shout")


_SOURCES = [
    "# Judul\n\n*[KPU]: Komisi Pemilihan Umum\n\nKPU menetapkan [tautan][r].\n\n[r]: https://a.example\n",
    "# Judul\n\n## Judul\n\nKPU tanpa singkatan di sini; [tautan][r] tanpa rujukan.\n",
    '!!! note "Catatan"\n    isi\n\n??? info "Rincian"\n    lagi\n\n```python\nx = 1\n```\n',
    '<div markdown="1">\n**tebal**\n</div>\n\nIstilah\n:   definisi {: #istilah }\n',
    "| a | b |\n|---|---|\n| 1 | 2 |\n\n<!-- kpu:html abc -->\n<b>x</b>\n<!-- /kpu:html abc -->\n",
]


def test_one_kept_instance_converts_pages_exactly_as_new_ones() -> None:
    import mkdocs.structure.pages as pages

    extensions = [*markdown_pool.RESETTABLE]
    configs = {"toc": {"permalink": True}, "pipeline.site.html_blocks": {"token": "abc"}}
    markdown_pool.activate()
    try:
        pool = pages.markdown
        kept = [pool.Markdown(extensions=extensions, extension_configs=configs)]
        results = []
        for source in _SOURCES * 2:
            md = pool.Markdown(extensions=extensions, extension_configs=configs)
            kept.append(md)
            results.append((md.convert(source), md.toc_tokens))
        unknown = pool.Markdown(extensions=[*extensions, "footnotes"], extension_configs=configs)
    finally:
        markdown_pool.deactivate()
    assert all(md is kept[0] for md in kept)  # one instance, reset between pages
    assert unknown is not kept[0]  # an extension not known to reset fully: a new instance
    for source, (html, toc) in zip(_SOURCES * 2, results, strict=True):
        fresh = markdown.Markdown(extensions=extensions, extension_configs=configs)
        assert (html, toc) == (fresh.convert(source), fresh.toc_tokens)
    assert "<abbr" in results[0][0] and "<abbr" not in results[1][0]  # nothing carried over
    assert pages.markdown is markdown


def test_a_partial_the_office_overrides_is_rendered_for_every_page(tmp_path: Path) -> None:
    """The memos hold for the theme's partials and ours; an office's own may print the page."""
    from jinja2 import FileSystemLoader

    ours = (nav_memo.OFFICE_TEMPLATES / "partials" / "search.html").read_text("utf-8")
    for folder, text in (("staged", ours), ("office", "<p>{{ page.title }}</p>")):
        (tmp_path / folder / "partials").mkdir(parents=True)
        (tmp_path / folder / "partials" / "search.html").write_text(text, "utf-8")
    staged = Environment(loader=FileSystemLoader(str(tmp_path / "staged")))
    nav_memo.install(staged)
    assert isinstance(
        staged.get_template("partials/search.html").root_render_func, nav_memo._Partial
    )
    office = Environment(loader=FileSystemLoader(str(tmp_path / "office")))
    nav_memo.install(office)
    template = office.get_template("partials/search.html")
    assert not isinstance(template.root_render_func, nav_memo._Partial)
    config = object()
    pages = [_page(title, f"{title}.md") for title in ("Satu", "Dua")]
    printed = [template.render(page=page, config=config, base_url="..") for page in pages]
    assert printed == ["<p>Satu</p>", "<p>Dua</p>"]
