"""The offline build's extra files (Dokumentasi Offline, added by the kpu MkDocs plugin): a print
page per publication with its record, their index, and the local Web Worker shim."""

from __future__ import annotations

import datetime as dt
import json
import posixpath
from collections.abc import Mapping
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from pipeline.core.model import Publication
from pipeline.core.safety import md_text, md_url
from pipeline.core.timeutil import format_day, format_wib
from pipeline.legal.regulations import Registry
from pipeline.messages import records as msg
from pipeline.records.ledger import Book
from pipeline.records.ledger import Page as LedgerPage
from pipeline.site.regulation_pages import legal_basis_section

PRINT_DIR = "cetak"
PRINT_INDEX = f"{PRINT_DIR}/index.md"
POSTS_PREFIX = "posts/"
SHIM_URI = "assets/javascripts/iframe-worker-shim.js"
SHIM_DIR = Path(__file__).parent / "vendor" / "iframe-worker"
SHIM_FILE = SHIM_DIR / "shim-csp.js"  # the vendored shim without its inline script (CSP)
SHIM_BOOT_URI = "assets/javascripts/iframe-worker-boot.js"  # beside the shim, which loads it
SHIM_BOOT_FILE = SHIM_DIR / "iframe-worker-boot.js"


def offline_build(config: MkDocsConfig) -> bool:
    """True in the build of `kpu bundle`, where Material's offline plugin is enabled."""
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(offline is not None and offline.config.get("enabled"))


def directory_urls(config: MkDocsConfig) -> bool:
    """Whether pages get `x/` URLs: use_directory_urls, except in the offline build, whose plugin
    turns it off in its on_config (which the staging step, loading the configuration only, never
    runs)."""
    return bool(config.use_directory_urls) and not offline_build(config)


def add_offline_files(
    files: Files,
    config: MkDocsConfig,
    publications: Mapping[str, Publication],
    registry: Registry,
    book: Book,
) -> dict[str, str]:
    """Add a print page per publication and the local Web Worker shim; returns post -> print page.

    Material's offline plugin would load the shim from unpkg.com: it is served from the bundle.
    """
    polyfills = config.extra.get("polyfills") or []
    config.extra["polyfills"] = [p for p in polyfills if "iframe-worker" not in str(p)] + [SHIM_URI]
    files.append(File.generated(config, SHIM_URI, abs_src_path=str(SHIM_FILE)))
    files.append(File.generated(config, SHIM_BOOT_URI, abs_src_path=str(SHIM_BOOT_FILE)))
    printed = {}
    for uri, publication in publications.items():
        target = print_uri(uri)
        page = book.pages.get(publication.slug)
        content = print_page(target, publication, registry, page)
        files.append(File.generated(config, target, content=content))
        printed[uri] = target
    index = print_index(printed, publications)
    files.append(File.generated(config, PRINT_INDEX, content=index))
    return printed


def print_uri(src_uri: str) -> str:
    """`posts/2026/x.md` -> `cetak/2026/x.md`: the same depth, so relative links still work."""
    return f"{PRINT_DIR}/{src_uri.removeprefix(POSTS_PREFIX)}"


def _front(title: str, description: str) -> list[str]:
    # JSON strings are valid YAML scalars, whatever the title contains.
    return [
        "---",
        f"title: {json.dumps(title, ensure_ascii=False)}",
        f"description: {json.dumps(description, ensure_ascii=False)}",
        "hide: [navigation, toc, footer]",
        "search:",
        "  exclude: true",
        "---",
        "",
    ]


def print_page(
    uri: str, publication: Publication, registry: Registry, page: LedgerPage | None
) -> str:
    """A publication with its record: memo, dates, web address and posts, then its legal basis."""
    front = publication.front
    request = front.request
    lines = _front(msg.PRINT_TITLE.format(title=front.title), front.description)
    lines += [f"# {md_text(front.title)}", "", f"*{md_text(front.description)}*", ""]
    facts = [(msg.PRINT_PUBLISHED, _when(front.date) if front.date else "-")]
    if page is not None:
        facts.append((msg.PRINT_WEB, _address(page.url)))
    memo = msg.PRINT_MEMO_VALUE.format(
        number=md_text(request.number), date=_date(request.date), unit=md_text(request.unit)
    )
    facts.append((msg.PRINT_MEMO, memo))
    if front.withdrawn is not None:
        reason = md_text(front.withdrawn.reason)
        facts.append((msg.PRINT_WITHDRAWN, f"{_when(front.withdrawn.date)}: {reason}"))
    for term, value in facts:
        lines += [term, f":   {value}", ""]
    if page is not None and page.channels:
        lines += [msg.PRINT_POSTS, ""]
        for name, entry in sorted(page.channels.items()):
            label = md_text(msg.CHANNEL_LABELS.get(name, name))
            status = md_text(msg.POST_STATUS.get(entry.status, entry.status))
            where = _address(entry.url) if entry.url else msg.ARCHIVE_NOT_RECORDED
            lines.append(f"- {label}: {where} ({status})")
        lines.append("")
    lines += ["---", "", publication.body.rstrip(), ""]
    lines.append(legal_basis_section(uri, front.legal_basis, registry))
    return "\n".join(lines)


def print_index(printed: Mapping[str, str], publications: Mapping[str, Publication]) -> str:
    lines = _front(msg.PRINT_INDEX_TITLE, msg.PRINT_INDEX_DESCRIPTION)
    lines += [f"# {msg.PRINT_INDEX_TITLE}", "", msg.PRINT_INDEX_INTRO, ""]
    here = posixpath.dirname(PRINT_INDEX)
    oldest = dt.datetime.min.replace(tzinfo=dt.UTC)
    ordered = sorted(printed, key=lambda u: publications[u].front.date or oldest, reverse=True)
    for uri in ordered:
        front = publications[uri].front
        when = _date(front.date) if front.date else "-"
        link = posixpath.relpath(printed[uri], here)
        lines.append(f"- [{md_text(front.title)}]({link}) ({when})")
    return "\n".join(lines) + "\n"


def _address(url: str) -> str:
    """A recorded address as an autolink when it is http(s); the ledger is data, shown as text."""
    if url.startswith(("https://", "http://")) and md_url(url) == url:
        return f"<{url}>"
    return md_text(url)


def _date(value: dt.date) -> str:
    return format_day(value)


def _when(value: dt.datetime) -> str:
    return format_wib(value)
