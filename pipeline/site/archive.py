"""The "Arsip Link Aktif" page (SOP records): every publication's web and social URLs, from the
ledger, newest first, one section per year so that the year index is the filter (no script)."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from babel.dates import format_date
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from pipeline.core.model import FrontMatter, Publication
from pipeline.core.read import ReadFailed, read_document
from pipeline.core.schema import validate_model
from pipeline.core.timeutil import aware, format_wib
from pipeline.legal.regulations import Registry
from pipeline.messages import records as msg
from pipeline.records.ledger import Book, Check, Ledger, LedgerError
from pipeline.site import html_blocks
from pipeline.site.html_blocks import href, relative, text
from pipeline.site.offline import PRINT_INDEX, add_offline_files, directory_urls, offline_build
from pipeline.site.urls import post_url

ARCHIVE_PAGE = "arsip-link/index.md"
POSTS_PREFIX = "posts/"
log = logging.getLogger("mkdocs.plugins.kpu")


@dataclass(frozen=True)
class Link:
    """One row: the web page or one social post of a publication."""

    channel: str  # "web" or a channel name
    status: str
    url: str | None
    check: Check | None


@dataclass(frozen=True)
class Item:
    """One publication as the archive lists it."""

    title: str
    when: dt.datetime | None
    src_uri: str | None  # the page in docs_dir, while it is on the site
    links: tuple[Link, ...]
    print_uri: str | None = None
    url: str | None = None  # the post page's URL below the site root, while it is on the site


def site_publications(files: Files, config: MkDocsConfig) -> dict[str, Publication]:
    """The blog posts of this build by src_uri, validated; an invalid one is logged as a warning,
    which fails the --strict build."""
    root = Path(config.config_file_path).parent.absolute()
    docs = Path(config.docs_dir).absolute().relative_to(root)
    found = {}
    for file in files.documentation_pages():
        if not file.src_uri.startswith(POSTS_PREFIX):
            continue
        shown = (docs / file.src_uri).as_posix()
        try:
            doc = read_document(Path(file.abs_src_path or ""), shown)
        except ReadFailed:
            log.warning(msg.INVALID_POST.format(path=shown))
            continue
        front, _ = validate_model(FrontMatter, doc.front, shown)
        if front is None:
            log.warning(msg.INVALID_POST.format(path=shown))
            continue
        found[file.src_uri] = Publication(Path(shown), front, doc.body, doc.body_line)
    return found


def items(
    publications: Mapping[str, Publication],
    book: Book,
    web_url: Callable[[Publication], str | None] = lambda _: None,
) -> list[Item]:
    """Every publication on the site or in the ledger, newest first. `web_url` gives the address
    of a page that the ledger does not hold yet."""
    result = []
    for uri, pub in publications.items():
        page = book.pages.get(pub.slug)
        withdrawn = pub.front.withdrawn is not None or bool(page and page.withdrawn)
        status = msg.WEB_WITHDRAWN if withdrawn else msg.WEB_PUBLISHED
        url = page.url if page else web_url(pub)
        web = Link("web", status, url, page.last_check if page else None)
        result.append(Item(pub.front.title, pub.front.date, uri, (web, *_posts(book, pub.slug))))
    on_site = {pub.slug for pub in publications.values()}
    for slug, page in book.pages.items():
        if slug in on_site:
            continue
        times = [aware(dt.datetime.fromisoformat(e.time)) for e in page.channels.values() if e.time]
        status = msg.WEB_WITHDRAWN if page.withdrawn else msg.WEB_PUBLISHED
        web = Link("web", status, page.url, page.last_check)
        result.append(Item(page.title, min(times, default=None), None, (web, *_posts(book, slug))))
    oldest = dt.datetime.min.replace(tzinfo=dt.UTC)
    return sorted(result, key=lambda item: (item.when or oldest, item.title), reverse=True)


def _posts(book: Book, slug: str) -> list[Link]:
    page = book.pages.get(slug)
    if page is None:
        return []
    return [
        Link(name, msg.POST_STATUS.get(entry.status, entry.status), entry.url, entry.last_check)
        for name, entry in sorted(page.channels.items())
    ]


def archive_page(
    entries: list[Item],
    print_index: str | None = None,
    *,
    token: str,
    directory_urls: bool = True,
    base: str | None = None,
) -> str:
    """The archive's Markdown: a year index, then one table per year, written as ready HTML
    (pipeline/site/html_blocks.py, `token` this build's); in the offline build, a link to the
    print versions of every publication. The table's links are final: `directory_urls` the
    build's, written from `base` (html_blocks.link_base; by default the page's URL)."""
    lines = [
        "---",
        f"title: {msg.ARCHIVE_TITLE}",
        f"description: {msg.ARCHIVE_DESCRIPTION}",
        "hide: [toc]  # the year index is on the page; the table needs the width",
        # every row repeats a post that search finds itself; Zensical refuses a section of more
        # than 65,536 token positions, which the table passes at about 3,000 posts
        "search: {exclude: true}",
        "---",
        "",
        f"# {msg.ARCHIVE_TITLE}",
        "",
        msg.ARCHIVE_INTRO,
        "",
    ]
    if print_index:
        target = posixpath.relpath(print_index, posixpath.dirname(ARCHIVE_PAGE))
        lines += [msg.ARCHIVE_PRINT_INDEX.format(link=target), ""]
    if not entries:
        return "\n".join([*lines, msg.ARCHIVE_EMPTY, ""])
    by_year: dict[str, list[Item]] = {}
    for item in entries:
        by_year.setdefault(str(item.when.year) if item.when else "-", []).append(item)
    index = " · ".join(f"[{_year_label(year)}](#{_anchor(year)})" for year in by_year)
    lines += [f"{msg.ARCHIVE_YEARS} {index}", ""]
    here = base or html_blocks.page_url(ARCHIVE_PAGE, directory_urls)
    header = [text(column) for column in msg.ARCHIVE_COLUMNS]
    for year, group in by_year.items():
        lines += [f"## {_year_label(year)} {{ #{_anchor(year)} }}", ""]
        rows = [row for item in group for row in _rows(item, here, directory_urls)]
        lines.append(html_blocks.block(html_blocks.table(header, rows), token))
    return "\n".join(lines)


def _rows(item: Item, here: str, directory_urls: bool) -> list[list[Markup]]:
    """The item's rows as HTML cells; `here`: what the links are written from."""
    title = text(item.title)
    if item.url:
        title = _html('<a href="{}">{}</a>', href(relative(item.url, here)), title)
    if item.print_uri:
        printed = relative(html_blocks.page_url(item.print_uri, directory_urls), here)
        title += _html(' (<a href="{}">{}</a>)', href(printed), msg.ARCHIVE_PRINT)
    when = _long_date(item.when.date()) if item.when else Markup("-")
    rows = []
    for i, link in enumerate(item.links):
        first = [when, title] if i == 0 else [Markup(""), Markup("")]
        url = _link(link.url) if link.url else text(msg.ARCHIVE_NOT_RECORDED)
        status = _html("{}<br>{}", text(link.status), check_text(link.check))
        rows.append([*first, text(channel_label(link.channel)), url, status])
    return rows


def _html(template: str, *args: object, **kwargs: object) -> Markup:
    """`template` (our own HTML) with every value escaped: as Markup(template).format, whose
    Python formatter was a third of the archive's cost at 1,000 posts."""
    escaped = {name: escape(value) for name, value in kwargs.items()}
    return Markup(template.format(*map(escape, args), **escaped))


@functools.lru_cache(maxsize=4096)
def _long_date(day: dt.date) -> Markup:
    """A date as the archive prints it (1 Desember 2026); many posts share one."""
    return text(format_date(day, format="long", locale="id"))


def _link(url: str) -> Markup:
    """The address as its text, without the scheme, so that the table stays narrow."""
    shown = url.split("://", 1)[-1].rstrip("/")
    if not url.startswith(("https://", "http://")):  # the ledger is data: never a script link
        return text(url)
    return _html('<a href="{}">{}</a>', href(url), text(shown))


def channel_label(channel: str) -> str:
    return msg.CHANNEL_WEB if channel == "web" else msg.CHANNEL_LABELS.get(channel, channel)


def check_text(check: Check | None) -> Markup:
    """The last check as a reader sees it (HTML): live, dead (and why) or not checkable."""
    if check is None:
        return text(msg.CHECK_NEVER)
    when = text(format_wib(dt.datetime.fromisoformat(check.time)))
    reason = f"kode {check.status_code}" if check.status_code else (check.error or "-")
    if check.ok:
        return _html(msg.CHECK_LIVE, when=when)
    if check.ok is None:
        return _html(msg.CHECK_UNKNOWN, reason=text(reason), when=when)
    return _html(msg.CHECK_DEAD, reason=text(reason), when=when)


def _year_label(year: str) -> str:
    return year if year != "-" else msg.ARCHIVE_NO_DATE


def _anchor(year: str) -> str:
    return f"tahun-{year}" if year != "-" else "tanpa-tanggal"


def load_book(config: MkDocsConfig) -> Book:
    """The ledger of the site's repository (PluginError when it cannot be read)."""
    try:
        return Ledger.of(Path(config.config_file_path).parent).load()
    except LedgerError as exc:
        raise PluginError(str(exc)) from exc


def add_pages(
    files: Files,
    config: MkDocsConfig,
    publications: Mapping[str, Publication],
    registry: Registry,
    pages: Mapping[str, str],
    book: Book,
) -> None:
    """Register the archive page, from the site's posts and `book` (data/ledger.json, see
    load_book); in the offline build, also one print page per publication (Dokumentasi
    Offline). `pages`: each post page's URL below the site root (html_blocks.post_pages)."""
    mkdocs_yml = Path(config.config_file_path)
    entries = items(
        publications, book, lambda pub: post_url(config.site_url or "", mkdocs_yml, pub)
    )
    directory = directory_urls(config)
    base = html_blocks.link_base(config, ARCHIVE_PAGE, directory)
    entries = [replace(e, url=pages.get(e.src_uri or "")) for e in entries]
    print_index = None
    if offline_build(config):
        printed = add_offline_files(files, config, publications, registry, book)
        entries = [replace(e, print_uri=printed.get(e.src_uri or "")) for e in entries]
        print_index = PRINT_INDEX
    token = html_blocks.enable(config)
    content = archive_page(entries, print_index, token=token, directory_urls=directory, base=base)
    files.append(File.generated(config, ARCHIVE_PAGE, content=content))
