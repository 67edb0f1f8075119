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

from pipeline.core.config import DipDefaults
from pipeline.core.model import Publication
from pipeline.core.safety import md_text
from pipeline.messages import records as msg

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


def dip_page(entries: list[Row]) -> str:
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
    lines += [msg.DIP_HEADER, "|---:|---|---|---|---|---|---|---|"]
    for number, entry in enumerate(entries, 1):
        link = f"[{_cell(entry.title)}]({posixpath.relpath(entry.src_uri, here)})"
        cells = [
            f"{number}.",
            f"{link}: {_cell(entry.summary)}",
            _value(entry.holder),
            _value(entry.responsible),
            _value(when_where(entry)),
            _cell(", ".join(msg.DIP_FORMATS.get(f, f) for f in entry.formats)) or msg.DIP_MISSING,
            _value(entry.retention),
            _cell(msg.DIP_CATEGORIES.get(entry.category, entry.category)),
        ]
        lines.append(f"| {' | '.join(cells)} |")
    return "\n".join(lines) + "\n"


def when_where(entry: Row) -> str | None:
    parts = [format_date(entry.when, format="long", locale="id")] if entry.when else []
    if entry.place:
        parts.append(entry.place)
    return ", ".join(parts) or None


def _value(text: str | None) -> str:
    return _cell(text) if text else msg.DIP_MISSING


def _cell(text: str) -> str:
    """Table cells hold one line of literal text (no column separator, no HTML, no Markdown)."""
    return md_text(text)
