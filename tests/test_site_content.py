"""The real `mkdocs build --strict` of this repository, checked the way a reader would see it.

One build per module: the site is built from mkdocs.yml, content/ and kpu.yml as committed.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from posixpath import normpath
from urllib.parse import urljoin, urlsplit

import pytest

from pipeline.core.config import load_config
from pipeline.core.read import read_document

ROOT = Path(__file__).resolve().parent.parent
POSTS = sorted((ROOT / "content" / "posts").rglob("*.md"))
FEED_LENGTH = 50  # plugins.rss.length in mkdocs.yml: older posts leave the feed
_LOG_PROBLEM = re.compile(r"^(?:WARNING|ERROR)\s+-", re.MULTILINE)
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_SECRET = re.compile(r"(TOKEN|SECRET|KEY|PASSWORD|BEARER|ACCESS)", re.IGNORECASE)


@dataclass(frozen=True)
class Built:
    site: Path
    code: int
    log: str

    def page(self, url_path: str) -> str:
        """The HTML served at `url_path` (e.g. "publikasi/"), as a reader's browser gets it."""
        path = self.site / url_path.lstrip("/")
        if url_path.endswith("/") or not url_path:
            path = path / "index.html"
        return path.read_text(encoding="utf-8")


@dataclass(frozen=True)
class SamplePost:
    source: Path
    title: str
    date: str


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    site = tmp_path_factory.mktemp("site")
    env = {k: v for k, v in os.environ.items() if not _SECRET.search(k)}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    return Built(site, done.returncode, _ANSI.sub("", done.stdout + done.stderr))


@pytest.fixture(scope="module")
def office() -> dict[str, str]:
    kpu = load_config(ROOT)
    return {"name": kpu.office.name, "address": kpu.office.address, "site_url": kpu.base_url}


@pytest.fixture(scope="module")
def sample_posts() -> list[SamplePost]:
    posts = []
    for source in POSTS:
        meta = read_document(source, str(source.relative_to(ROOT))).meta
        posts.append(SamplePost(source, str(meta["title"]), str(meta["date"])))
    return posts


class _Element(HTMLParser):
    """Text and links inside the first element whose tag and class match (e.g. the header)."""

    def __init__(self, tag: str, css_class: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tag, self.css_class = tag, css_class
        self.depth = 0
        self.done = False
        self.text: list[str] = []
        self.links: list[tuple[str, str]] = []  # (href, text)
        self._link: list[str] | None = None
        self._href = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if self.depth:
            if tag == self.tag:
                self.depth += 1
            if tag == "a":
                self._href, self._link = dict(attrs).get("href") or "", []
        elif not self.done and tag == self.tag and self.css_class in classes:
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if not self.depth:
            return
        if tag == "a" and self._link is not None:
            self.links.append((self._href, " ".join("".join(self._link).split())))
            self._link = None
        if tag == self.tag:
            self.depth -= 1
            self.done = self.depth == 0

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.text.append(data)
            if self._link is not None:
                self._link.append(data)

    @classmethod
    def of(cls, html: str, tag: str, css_class: str) -> _Element:
        found = cls(tag, css_class)
        found.feed(html)
        return found

    @property
    def plain(self) -> str:
        return " ".join(" ".join(self.text).split())


def _post_links(built: Built) -> dict[str, str]:
    """Post title -> URL path of the post, from every page of the blog index."""
    pages = ["publikasi/"] + [
        str(p.parent.relative_to(built.site)) + "/"
        for p in sorted((built.site / "publikasi" / "page").glob("*/index.html"))
    ]
    links: dict[str, str] = {}
    for url_path in pages:
        for href, text in _Element.of(built.page(url_path), "div", "md-content").links:
            target = normpath(urlsplit(urljoin("/" + url_path, href)).path).lstrip("/") + "/"
            if text and target.startswith("publikasi/") and "#" not in href:
                links.setdefault(text, target)
    return links


def _feed(built: Built) -> ET.Element:
    return ET.fromstring((built.site / "feed_rss_created.xml").read_text(encoding="utf-8"))


def test_there_are_sample_posts_to_check() -> None:
    assert len(POSTS) >= 5


def test_site_builds_in_strict_mode_without_warnings(built: Built) -> None:
    assert built.code == 0, built.log
    assert _LOG_PROBLEM.findall(built.log) == [], built.log


def test_home_page_is_in_indonesian(built: Built) -> None:
    assert re.search(r'<html\s[^>]*lang="id"', built.page("")), "halaman beranda tanpa lang=id"


def test_post_page_names_the_office_in_its_header(
    built: Built, office: dict[str, str], sample_posts: list[SamplePost]
) -> None:
    url_path = _post_links(built)[sample_posts[0].title]
    header = _Element.of(built.page(url_path), "header", "md-header")
    assert office["name"] in header.plain


def test_post_page_shows_the_office_address_in_its_footer(
    built: Built, office: dict[str, str], sample_posts: list[SamplePost]
) -> None:
    url_path = _post_links(built)[sample_posts[0].title]
    footer = _Element.of(built.page(url_path), "footer", "md-footer")
    assert office["name"] in footer.plain
    assert " ".join(office["address"].split()) in footer.plain


def test_footer_links_every_official_social_account(built: Built) -> None:
    accounts = load_config(ROOT).channels.accounts
    hrefs = {
        href.rstrip("/") for href, _ in _Element.of(built.page(""), "footer", "md-footer").links
    }
    for account in accounts.values():
        assert str(account.url).rstrip("/") in hrefs


def test_every_sample_post_is_listed_on_the_blog_index(
    built: Built, sample_posts: list[SamplePost]
) -> None:
    links = _post_links(built)
    missing = [post.title for post in sample_posts if post.title not in links]
    assert missing == []
    for post in sample_posts:
        assert (built.site / links[post.title] / "index.html").is_file()


def test_every_recent_sample_post_is_in_the_rss_feed_with_a_working_link(
    built: Built, office: dict[str, str], sample_posts: list[SamplePost]
) -> None:
    items = {
        item.findtext("title"): item.findtext("link") or "" for item in _feed(built).iter("item")
    }
    recent = sorted(sample_posts, key=lambda p: p.date, reverse=True)[:FEED_LENGTH]
    missing = [post.title for post in recent if post.title not in items]
    assert missing == []
    for post in recent:
        link = items[post.title]
        assert link.startswith(office["site_url"])
        assert (built.site / link.removeprefix(office["site_url"]) / "index.html").is_file(), link


def test_search_index_finds_indonesian_words_of_a_post(built: Built) -> None:
    index = json.loads((built.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    # Lunr has no Indonesian stemmer: an English one would mangle Indonesian words.
    assert "stemmer" not in index["config"]["pipeline"]
    hits = [
        doc["location"]
        for doc in index["docs"]
        if doc["location"].startswith("publikasi/2026/")
        and re.search(r"\bkeberatan\b", doc["text"], re.IGNORECASE)
    ]
    assert hits, "kata 'keberatan' dari publikasi tidak ada di indeks pencarian"


def test_feed_image_of_a_post_is_a_published_file(built: Built, office: dict[str, str]) -> None:
    enclosures = [e.get("url") or "" for e in _feed(built).iter("enclosure")]
    assert enclosures, "tidak ada publikasi bergambar di umpan RSS"
    for url in enclosures:
        assert url.startswith(office["site_url"])
        assert (built.site / url.removeprefix(office["site_url"])).is_file(), url


def test_feed_logo_is_a_published_file(built: Built, office: dict[str, str]) -> None:
    url = _feed(built).findtext("channel/image/url") or ""
    assert url.startswith(office["site_url"]), url
    assert (built.site / url.removeprefix(office["site_url"])).is_file(), url
