"""The Daftar Informasi Publik page: the public information this site has published, with the
columns of the public-information service standard (Perki 1/2021, formerly Perki 1/2010).

A column a publication's front matter `dip` leaves out comes from kpu.yml `dip`.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass

from babel.dates import format_date
from markupsafe import Markup

from pipeline.core.config import DipDefaults
from pipeline.core.model import Publication
from pipeline.messages import records as msg
from pipeline.site import html_blocks
from pipeline.site.html_blocks import href, relative, text

DIP_PAGE = "ppid/daftar-informasi-publik.md"
SERVICE_PAGE = "ppid/standar-layanan.md"


@dataclass(frozen=True)
class Row:
    """One publication's DIP columns, defaults applied; None where neither sets a value."""

    src_uri: str
    title: str
    summary: str
    holder: str | None
    responsible: str | None
    when: dt.datetime | None
    place: str | None
    formats: tuple[str, ...]
    retention: str | None
    category: str


def row(src_uri: str, publication: Publication, defaults: DipDefaults) -> Row:
    """The publication's own `dip` values first, then kpu.yml's."""
    front = publication.front
    own = front.dip
    return Row(
        src_uri=src_uri,
        title=front.title,
        summary=own.summary or front.description,
        holder=own.holder or defaults.holder,
        responsible=own.responsible or defaults.responsible,
        when=front.date,
        place=own.place or defaults.place,
        formats=tuple(own.formats or defaults.formats),
        retention=own.retention or defaults.retention,
        category=own.category or defaults.category,
    )


def rows(publications: Mapping[str, Publication], defaults: DipDefaults) -> list[Row]:
    """Published, not withdrawn information, newest first."""
    found = [
        row(uri, pub, defaults) for uri, pub in publications.items() if pub.front.withdrawn is None
    ]
    oldest = dt.datetime.min.replace(tzinfo=dt.UTC)
    return sorted(found, key=lambda r: (r.when or oldest, r.title), reverse=True)


def dip_page(
    entries: list[Row],
    post_urls: Mapping[str, str],
    *,
    token: str,
    directory_urls: bool = True,
    base: str | None = None,
) -> str:
    """The page's Markdown, its table written as ready HTML (pipeline/site/html_blocks.py, `token`
    this build's). `post_urls`: each row's post page URL below the site root, by src_uri. The
    table's links are final: written from `base` (html_blocks.link_base; by default the page's
    URL with `directory_urls`)."""
    here = posixpath.dirname(DIP_PAGE)
    service = posixpath.relpath(SERVICE_PAGE, here)
    lines = [
        "---",
        f"title: {msg.DIP_TITLE}",
        f"description: {msg.DIP_DESCRIPTION}",
        "hide: [navigation, toc]  # eight columns need the whole width",
        # as the archive: its rows repeat the posts, and Zensical refuses the table as one search
        # section at about 3,000 posts
        "search: {exclude: true}",
        "---",
        "",
        f"# {msg.DIP_TITLE}",
        "",
        msg.DIP_INTRO.format(service=service),
        "",
        msg.DIP_DOWNLOADS.format(
            csv="daftar-informasi-publik.csv", xlsx="daftar-informasi-publik.xlsx"
        ),
        "",
    ]
    if not entries:
        return "\n".join([*lines, msg.DIP_EMPTY, ""])
    page = base or html_blocks.page_url(DIP_PAGE, directory_urls)
    rows = []
    for number, entry in enumerate(entries, 1):
        target = href(relative(post_urls[entry.src_uri], page))
        link = Markup('<a href="{}">{}</a>').format(target, text(entry.title))
        formats = ", ".join(msg.DIP_FORMATS.get(f, f) for f in entry.formats)
        rows.append(
            [
                text(f"{number}."),
                Markup("{}: {}").format(link, text(entry.summary)),
                _value(entry.holder),
                _value(entry.responsible),
                _value(when_where(entry)),
                _value(formats),
                _value(entry.retention),
                text(msg.DIP_CATEGORIES.get(entry.category, entry.category)),
            ]
        )
    header = [text(column) for column in msg.DIP_COLUMNS]
    table = html_blocks.table(header, rows, right=frozenset({0}))
    return "\n".join(lines) + "\n" + html_blocks.block(table, token)


def when_where(entry: Row) -> str | None:
    parts = [format_date(entry.when, format="long", locale="id")] if entry.when else []
    if entry.place:
        parts.append(entry.place)
    return ", ".join(parts) or None


def _value(value: str | None) -> Markup:
    return text(value) if value else text(msg.DIP_MISSING)
