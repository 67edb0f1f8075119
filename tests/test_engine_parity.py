"""The same site from both engines (issue #14): `kpu build` with MkDocs + Material and with
Zensical, from one staged tree, gives the same pages with the same key content — title, heading,
citations, the Nota Dinas block and the links of the page's content. What differs is exactly the
list in README.md ("Engines"); the test fails when a difference appears or disappears."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from tests.conftest import ROOT, run_kpu

ENGINES = ("mkdocs", "zensical")
# Files (not pages) that only one engine writes, as README "Engines" lists them.
ONLY_MKDOCS_FILES = {"sitemap.xml.gz", "tags.json"}
ONLY_ZENSICAL_FILES: set[str] = set()
# Where the key content differs, as README "Engines" lists it: (page, key) -> (MkDocs, Zensical).
POSTS = (
    "keputusan-kpu-88-2015-sop-informasi-publik",
    "perki-1-2021-standar-layanan-informasi-publik",
    "pkpu-pengelolaan-informasi-publik",
    "uu-14-2008-keterbukaan-informasi-publik",
    "uu-7-2017-pemilihan-umum",
)
DIFFERENCES: dict[tuple[str, str], tuple[Any, Any]] = {
    # 1. Zensical has no tags listing (`<!-- material/tags -->` in content/tag.md): the tag page
    #    lists no publication, and a post's tags link nowhere.
    ("tag/index.html", "links"): ({f"publikasi/2026/{slug}/" for slug in POSTS}, set()),
    **{(f"publikasi/2026/{slug}/index.html", "links"): ({"tag/"}, set()) for slug in POSTS},
    # 2. Zensical names the month of a blog archive in English, whatever `theme.language`.
    ("publikasi/arsip/2026/10/index.html", "title"): (
        "Oktober 2026 - KPU Kabupaten Bangka Barat",
        "October 2026 - KPU Kabupaten Bangka Barat",
    ),
}


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    import shutil

    root = tmp_path_factory.mktemp("parity") / "repo"
    root.mkdir()
    for name in ("kpu.yml", "mkdocs.yml"):
        shutil.copy(ROOT / name, root / name)
    for name in ("data", "content"):
        shutil.copytree(ROOT / name, root / name)
    built = {}
    for engine in ENGINES:
        result = run_kpu("build", "--engine", engine, "--site-dir", f"site-{engine}", cwd=root)
        assert result.code == 0, result.err
        built[engine] = root / f"site-{engine}"
    return built


def _files(site: Path) -> set[str]:
    skip = ("assets/javascripts/", "assets/stylesheets/", "search/", "assets/images/favicon")
    found = set()
    for path in site.rglob("*"):
        name = path.relative_to(site).as_posix()
        if path.is_file() and not name.startswith(skip) and name != "search.json":
            found.add(name)
    return found


def _text(node: Tag | None) -> str:
    return " ".join(node.get_text(" ").split()) if node is not None else ""


def key_content(page: Path, site: Path) -> dict[str, Any]:
    """What a reader relies on: the page title, its heading, the documents it cites, the Nota
    Dinas block, and where the links of its content lead."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article.md-content__inner")
    here = posixpath.dirname(page.relative_to(site).as_posix())
    links: set[str] = set()
    citations: list[str] = []
    memo: list[str] = []
    if article is not None:
        for a in article.find_all("a", href=True):
            href = str(a["href"])
            if "headerlink" in (a.get("class") or []) or href.startswith("#"):
                continue
            target = (
                href
                if "://" in href or href.startswith(("mailto:", "tel:"))
                else _resolve(here, href)
            )
            links.add(target)
            if target.startswith("peraturan/") and target != "peraturan/":
                citations.append(f"{_text(a)} -> {target}")
        heading = article.find(id="keterangan-publikasi")
        block = heading.find_next("ul") if heading is not None else None
        memo = [_text(li) for li in block.find_all("li")] if isinstance(block, Tag) else []
    return {
        "title": _text(soup.title),
        "h1": _text(article.find("h1")) if article is not None else "",
        "citations": citations,
        "nota_dinas": memo,
        "links": links,
    }


def _resolve(here: str, href: str) -> str:
    path = href.split("#")[0]
    joined = posixpath.normpath(posixpath.join(here, path)) if path else here
    joined = re.sub(r"(^|/)index\.html$", r"\1", joined)
    return "" if joined == "." else joined.removeprefix("./") + ("/" if path.endswith("/") else "")


def test_both_engines_write_the_same_pages_and_files(sites: dict[str, Path]) -> None:
    mkdocs, zensical = (_files(sites[engine]) for engine in ENGINES)
    assert {p for p in mkdocs if p.endswith(".html")} == {
        p for p in zensical if p.endswith(".html")
    }
    assert mkdocs - zensical == ONLY_MKDOCS_FILES
    assert zensical - mkdocs == ONLY_ZENSICAL_FILES
    assert len([p for p in mkdocs if p.endswith(".html")]) > 30  # the generated pages are there


def _differences(sites: dict[str, Path]) -> dict[tuple[str, str], tuple[Any, Any]]:
    """(page, key) -> (MkDocs' value, Zensical's value) wherever they differ; for links, the
    links only one engine has."""
    pages = sorted(p.relative_to(sites["mkdocs"]) for p in sites["mkdocs"].rglob("*.html"))
    found: dict[tuple[str, str], tuple[Any, Any]] = {}
    for page in pages:
        mine, theirs = (key_content(sites[e] / page, sites[e]) for e in ENGINES)
        for key in ("title", "h1", "citations", "nota_dinas"):
            if mine[key] != theirs[key]:
                found[(page.as_posix(), key)] = (mine[key], theirs[key])
        if mine["links"] != theirs["links"]:
            only = (mine["links"] - theirs["links"], theirs["links"] - mine["links"])
            found[(page.as_posix(), "links")] = only
    return found


def test_every_page_has_the_same_key_content(sites: dict[str, Path]) -> None:
    assert _differences(sites) == DIFFERENCES
    memos = [
        page
        for page in sites["zensical"].rglob("*.html")
        if key_content(page, sites["zensical"])["nota_dinas"]
    ]
    assert len(memos) >= 5  # every sample post shows its Nota Dinas block under Zensical too


def test_citations_lead_to_the_regulation_pages_under_both_engines(sites: dict[str, Path]) -> None:
    post = Path("publikasi/2026/uu-7-2017-pemilihan-umum/index.html")
    for engine in ENGINES:
        content = key_content(sites[engine] / post, sites[engine])
        assert content["citations"], engine
        for citation in content["citations"]:
            target = citation.split(" -> ")[1]
            assert (sites[engine] / target / "index.html").is_file(), (engine, citation)


def _search_locations(site: Path) -> list[str]:
    import json

    material, zensical = site / "search" / "search_index.json", site / "search.json"
    index = json.loads((material if material.is_file() else zensical).read_text(encoding="utf-8"))
    return [str(entry.get("location", "")) for entry in index.get("docs") or index["items"]]


@pytest.mark.parametrize(
    ("page", "title"),
    [("arsip-link/", "Arsip Link Aktif"), ("ppid/daftar-informasi-publik/", "Daftar Informasi")],
)
def test_the_listing_pages_are_on_the_site_but_not_in_either_search_index(
    sites: dict[str, Path], page: str, title: str
) -> None:
    """Their rows repeat the posts search finds itself; in Zensical's index each table would pass
    the token limit of one section at about 3,000 posts and fail the build."""
    for engine in ENGINES:
        assert title in (sites[engine] / page / "index.html").read_text(encoding="utf-8")
        locations = _search_locations(sites[engine])
        assert any(loc.startswith("publikasi/2026/") for loc in locations), engine
        assert not [loc for loc in locations if loc.startswith(page)], engine


def test_kpu_yml_engine_chooses_the_engine_and_the_flag_wins(tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "repo"
    root.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    text = (ROOT / "kpu.yml").read_text(encoding="utf-8")
    (root / "kpu.yml").write_text(text + "\nengine: zensical\n", encoding="utf-8")
    for name in ("data", "content"):
        shutil.copytree(ROOT / name, root / name)

    def generator(site: str) -> str:
        soup = BeautifulSoup((root / site / "index.html").read_text("utf-8"), "html.parser")
        tag = soup.find("meta", attrs={"name": "generator"})
        return str(tag["content"]) if isinstance(tag, Tag) else ""

    assert run_kpu("build", "--site-dir", "a", cwd=root).code == 0
    assert generator("a").startswith("zensical-")
    assert run_kpu("build", "--engine", "mkdocs", "--site-dir", "b", cwd=root).code == 0
    assert generator("b").startswith("mkdocs-")
    assert not (root / "a" / "sitemap.xml.gz").exists()  # a Zensical site, moved whole
    (root / "kpu.yml").write_text(text + "\nengine: hugo\n", encoding="utf-8")
    failed = run_kpu("build", "--site-dir", "c", cwd=root)
    assert failed.code == 2 and "engine" in failed.err and "Traceback" not in failed.err
