"""The pull request's preview site: its drafts built as they will appear once promoted.

`stage` copies the build inputs into a staging folder (the checkout's content/ is never touched)
and places each valid draft where `kpu promote` will put it, dated today, with a visible
"PRATINJAU — belum terbit" banner. After `mkdocs build`, `finish` keeps those pages out of the
search index, the RSS/JSON feeds and the sitemap, and marks them `noindex`: a preview is for the
reviewers, never for search engines or feed readers.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from pipeline.check.validate import load_context, validate
from pipeline.core import frontmatter_edit as fm
from pipeline.core.config import KpuConfig, load_config
from pipeline.core.model import Publication
from pipeline.core.problems import Level
from pipeline.core.timeutil import aware
from pipeline.review.verify import copy_build_inputs
from pipeline.site import card
from pipeline.site.urls import post_path

BANNER_TITLE = "PRATINJAU — belum terbit"
BANNER = (
    f'!!! danger "{BANNER_TITLE}"\n\n'
    "    Halaman ini pratinjau draf dari pull request yang belum disetujui. Isinya bisa masih "
    "berubah; halaman ini tidak ada di situs yang terbit.\n\n"
)
NOINDEX = '<meta name="robots" content="noindex, nofollow">'
POSTS_DIR = "content/posts"
FEEDS = ("feed_rss_created.xml", "feed_rss_updated.xml")
JSON_FEEDS = ("feed_json_created.json", "feed_json_updated.json")
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


@dataclass(frozen=True)
class PreviewPage:
    """One draft in the staging tree: where it came from and where the site shows it."""

    draft: str  # drafts/... in the checkout
    target: str  # content/posts/<yyyy>/<slug>.md in the staging tree
    path: str  # the page's URL path below the site root, e.g. publikasi/2026/slug/
    publication: Publication


def stage(root: Path, into: Path, today: dt.date | None = None) -> list[PreviewPage]:
    """Copy the build inputs to `into` and promote every valid draft there (not in `root`)."""
    copy_build_inputs(root, into)
    ctx = load_context(root, today)
    result = validate(ctx)
    failing = {p.path for p in result.problems if p.level is Level.ERROR}
    now = aware(ctx.today, ctx.config.tz)
    pages = []
    for publication in result.publications:
        shown = publication.path.as_posix()
        if not publication.is_draft or shown in failing:
            continue
        target = f"{POSTS_DIR}/{now.year}/{publication.slug}.md"
        if (into / target).exists():
            continue  # a correction or a clash: `kpu check` and `kpu promote` report it
        text = (root / publication.path).read_text(encoding="utf-8")
        (into / target).parent.mkdir(parents=True, exist_ok=True)
        (into / target).write_text(_as_promoted(text, now), encoding="utf-8")
        url_path = page_path(into, publication, now)
        pages.append(PreviewPage(shown, target, url_path, publication))
    return pages


def page_path(root: Path, publication: Publication, when: dt.datetime) -> str:
    """The page's path below the site root once promoted on `when`."""
    return post_path(root / "mkdocs.yml", publication, when=when)


def _as_promoted(text: str, when: dt.datetime) -> str:
    """The draft as `kpu promote` stamps it (date set, publish_at and corrects spent), with the
    banner as the first thing on the page and in its excerpt."""
    stamped = fm.set_key(
        text, "date", f"date: {when.isoformat()}\n", after=("description", "title")
    )
    stamped = fm.remove_key(fm.remove_key(stamped, "publish_at"), "corrects")
    lines = stamped.splitlines(keepends=True)
    close = 1 + len(fm.front_text(stamped).splitlines())  # the closing `---` line
    head, body = "".join(lines[: close + 1]), "".join(lines[close + 1 :])
    return f"{head}\n{BANNER}{body.lstrip(chr(10))}"


def finish(root: Path, site_dir: Path, pages: list[PreviewPage]) -> None:
    """Add each preview's post images; keep its page out of search, feeds and sitemap and mark
    it noindex."""
    if not pages:
        return
    config = load_config(root)
    _write_images(root, config, site_dir, pages)
    for page in pages:
        html = (
            site_dir / page.path / "index.html" if page.path.endswith("/") else site_dir / page.path
        )
        if html.is_file():
            text = html.read_text(encoding="utf-8")
            html.write_text(text.replace("</head>", f"  {NOINDEX}\n</head>", 1), encoding="utf-8")
    # The search index holds paths below the site root; feeds and sitemap hold full URLs (the
    # site may live below a path, e.g. a GitHub Pages project site).
    paths = {page.path for page in pages} | {config.base_url + page.path for page in pages}
    _filter_search(site_dir / "search" / "search_index.json", paths)
    for name in FEEDS:
        _filter_feed(site_dir / name, paths)
    for name in JSON_FEEDS:
        _filter_json_feed(site_dir / name, paths)
    _filter_sitemap(site_dir / "sitemap.xml", paths)


def _write_images(root: Path, config: KpuConfig, site_dir: Path, pages: list[PreviewPage]) -> None:
    for page in pages:
        images = card.social_images(root, config, page.publication)
        wide, square = card.preview_paths(page.publication)
        for path, image in ((wide, images.wide), (square, images.square)):
            target = site_dir / path
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(image.data)


def _is_preview(url: str, paths: set[str]) -> bool:
    return url.split("#", 1)[0] in paths


def _filter_search(index: Path, paths: set[str]) -> None:
    """Drop the preview pages' entries, and the listings that show a preview's excerpt (the
    banner's title is in them)."""
    if not index.is_file():
        return
    data = json.loads(index.read_text(encoding="utf-8"))
    data["docs"] = [
        doc
        for doc in data.get("docs", [])
        if not _is_preview(str(doc.get("location", "")), paths)
        and BANNER_TITLE not in str(doc.get("text", ""))
        and BANNER_TITLE not in str(doc.get("title", ""))
    ]
    index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _filter_feed(feed: Path, paths: set[str]) -> None:
    """Drop the preview's <item>s. By pattern on the file the rss plugin just wrote, because
    ElementTree would also drop its stylesheet instruction (rss.xsl) and its layout."""
    if not feed.is_file():
        return
    text = feed.read_text(encoding="utf-8")
    kept = re.sub(
        r"\s*<item>.*?</item>",
        lambda m: "" if _item_is_preview(m.group(0), paths) else m.group(0),
        text,
        flags=re.S,
    )
    feed.write_text(kept, encoding="utf-8")


def _item_is_preview(item: str, paths: set[str]) -> bool:
    link = re.search(r"<link>(.*?)</link>", item, flags=re.S)
    return link is not None and _is_preview(link.group(1).strip(), paths)


def _filter_json_feed(feed: Path, paths: set[str]) -> None:
    if not feed.is_file():
        return
    data = json.loads(feed.read_text(encoding="utf-8"))
    data["items"] = [i for i in data.get("items", []) if not _is_preview(str(i.get("url")), paths)]
    feed.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def _filter_sitemap(sitemap: Path, paths: set[str]) -> None:
    if not sitemap.is_file():
        return
    ElementTree.register_namespace("", SITEMAP_NS)
    tree = ElementTree.parse(sitemap)  # noqa: S314 - the file mkdocs itself just wrote
    urlset = tree.getroot()
    for url in list(urlset):
        loc = url.find(f"{{{SITEMAP_NS}}}loc")
        if loc is not None and loc.text and _is_preview(loc.text.strip(), paths):
            urlset.remove(url)
    tree.write(sitemap, encoding="utf-8", xml_declaration=True)
    zipped = sitemap.with_name("sitemap.xml.gz")
    if zipped.is_file():
        zipped.write_bytes(gzip.compress(sitemap.read_bytes(), mtime=0))
