"""`kpu build --preview-drafts`: the pull request's drafts in the real `mkdocs build`, as they
will appear once promoted, marked PRATINJAU and kept out of search, feeds and the sitemap."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, VALID_DRAFT, run_kpu, write_draft

UNIQUE = "Kalimatpratinjauunik muncul di halaman draf."
PREVIEW = f"publikasi/{dt.date.today().year}/mengenal-uu-pemilu/"
PUBLISHED = "publikasi/2026/uu-7-2017-pemilihan-umum/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    repo = tmp_path_factory.mktemp("preview") / "repo"
    repo.mkdir()
    for name in ("kpu.yml", "mkdocs.yml"):
        shutil.copy(ROOT / name, repo / name)
    for name in ("data", "content"):
        shutil.copytree(ROOT / name, repo / name)
    body = "Isi publikasi tentang UU Pemilu.\n\n<!-- more -->\n\n" + UNIQUE + "\n"
    write_draft(repo, text=VALID_DRAFT.split("\nIsi publikasi", 1)[0] + "\n" + body)
    write_draft(repo, name="2026-10-06-rusak.md", text=VALID_DRAFT.replace("title: ", "judul: "))
    site = repo / "_site"
    done = run_kpu("build", "--preview-drafts", "--site-dir", str(site), cwd=repo)
    assert done.code == 0, done.out + done.err
    assert f"drafts/2026-10-05-mengenal-uu-pemilu.md -> /{PREVIEW}" in done.out
    assert "rusak" not in done.out  # a draft that fails kpu check is not previewed
    return repo, site


def test_the_draft_page_exists_with_the_banner_and_noindex(built: tuple[Path, Path]) -> None:
    _, site = built
    html = (site / PREVIEW / "index.html").read_text(encoding="utf-8")
    assert UNIQUE in html
    banner = re.search(
        r'<div class="admonition danger">\s*<p class="admonition-title">(.*?)</p>', html
    )
    assert banner is not None and banner.group(1) == "PRATINJAU — belum terbit", html[:2000]
    assert '<meta name="robots" content="noindex, nofollow">' in html
    listing = (site / "publikasi" / "index.html").read_text(encoding="utf-8")
    assert "PRATINJAU — belum terbit" in listing  # the excerpt in the blog's list carries it too


def test_the_draft_is_not_in_the_search_index(built: tuple[Path, Path]) -> None:
    _, site = built
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert not [loc for loc in locations if loc.startswith(PREVIEW)]
    assert "Kalimatpratinjauunik" not in json.dumps(index, ensure_ascii=False)
    assert "PRATINJAU" not in json.dumps(index, ensure_ascii=False)
    assert PUBLISHED in locations  # published posts stay searchable


@pytest.mark.parametrize("feed", ["feed_rss_created.xml", "feed_rss_updated.xml"])
def test_the_draft_is_not_in_the_rss_feeds(built: tuple[Path, Path], feed: str) -> None:
    _, site = built
    text = (site / feed).read_text(encoding="utf-8")
    assert "mengenal-uu-pemilu" not in text and "Kalimatpratinjauunik" not in text
    assert f"<link>https://kab-bangkabarat.kpu.go.id/{PUBLISHED}</link>" in text


@pytest.mark.parametrize("feed", ["feed_json_created.json", "feed_json_updated.json"])
def test_the_draft_is_not_in_the_json_feeds(built: tuple[Path, Path], feed: str) -> None:
    _, site = built
    items = json.loads((site / feed).read_text(encoding="utf-8"))["items"]
    urls = [item["url"] for item in items]
    assert not [u for u in urls if "mengenal-uu-pemilu" in u]
    assert f"https://kab-bangkabarat.kpu.go.id/{PUBLISHED}" in urls


def test_the_draft_is_not_in_the_sitemap(built: tuple[Path, Path]) -> None:
    import gzip

    _, site = built
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "mengenal-uu-pemilu" not in sitemap
    assert f"<loc>https://kab-bangkabarat.kpu.go.id/{PUBLISHED}</loc>" in sitemap
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode() == sitemap


def test_published_posts_are_unaffected(built: tuple[Path, Path]) -> None:
    _, site = built
    html = (site / PUBLISHED / "index.html").read_text(encoding="utf-8")
    assert "PRATINJAU" not in html and "noindex" not in html


def test_the_post_images_are_in_the_preview(built: tuple[Path, Path]) -> None:
    _, site = built
    card = (site / "social" / "mengenal-uu-pemilu" / "card.png").read_bytes()
    square = (site / "social" / "mengenal-uu-pemilu" / "square.jpg").read_bytes()
    assert card.startswith(b"\x89PNG") and square.startswith(b"\xff\xd8")


def test_the_checkout_is_left_as_it_was(built: tuple[Path, Path]) -> None:
    repo, _ = built
    assert not list((repo / "content" / "posts").rglob("mengenal-uu-pemilu*"))
    assert (repo / "drafts" / "2026-10-05-mengenal-uu-pemilu.md").read_text(encoding="utf-8")
    assert "PRATINJAU" not in (repo / "drafts" / "2026-10-05-mengenal-uu-pemilu.md").read_text(
        encoding="utf-8"
    )


def test_preview_and_only_verified_do_not_mix(repo: Path) -> None:
    done = run_kpu("build", "--preview-drafts", "--only-verified", "x.json", cwd=repo)
    assert done.code == 2
    assert "--preview-drafts tidak bisa dipakai bersama --only-verified" in done.out


CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "test-artifacts" / "screenshots"


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Chromium at /usr/bin/chromium")
def test_a_reviewer_opening_the_unzipped_page_sees_the_banner(built: tuple[Path, Path]) -> None:
    """As the comment tells reviewers: unzip the artifact, double-click the page (file://)."""
    from playwright.sync_api import expect, sync_playwright

    _, site = built
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=args)
        try:
            tab = browser.new_page(viewport={"width": 1100, "height": 800}, locale="id-ID")
            tab.goto((site / PREVIEW / "index.html").as_uri())
            banner = tab.locator(".admonition.danger .admonition-title")
            expect(banner).to_have_text("PRATINJAU — belum terbit")
            expect(banner).to_be_visible()
            assert tab.locator("h1").first.inner_text() == "Mengenal UU Pemilu"
            color = banner.evaluate("e => getComputedStyle(e).backgroundColor")
            assert color not in ("rgba(0, 0, 0, 0)", "transparent")  # the theme's CSS loaded
            SHOTS.mkdir(parents=True, exist_ok=True)
            tab.screenshot(path=str(SHOTS / "preview-draft-page.png"))
        finally:
            browser.close()


def test_a_site_below_a_path_keeps_the_preview_out_of_feeds_and_sitemap(repo: Path) -> None:
    """A GitHub Pages project site: full URLs carry the repository's path."""
    base = "https://kpu-bangkabarat.github.io/informasi-hukum/"
    config = (repo / "kpu.yml").read_text(encoding="utf-8")
    (repo / "kpu.yml").write_text(
        config.replace("site_url: https://kab-bangkabarat.kpu.go.id/", f"site_url: {base}"),
        encoding="utf-8",
    )
    write_draft(repo)
    site = repo / "_site"
    done = run_kpu("build", "--preview-drafts", "--site-dir", str(site), cwd=repo)
    assert done.code == 0, done.out + done.err
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{base}{PUBLISHED}</loc>" in sitemap
    assert "mengenal-uu-pemilu" not in sitemap
    feed = (site / "feed_rss_created.xml").read_text(encoding="utf-8")
    assert f"<link>{base}{PUBLISHED}</link>" in feed and "mengenal-uu-pemilu" not in feed
