"""The Daftar Informasi Publik as downloads (CSV and XLSX) with the Perki 1/2021 columns, built
with the site next to the DIP page, from the same rows."""

from __future__ import annotations

import base64
import csv
import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from pipeline.core.config import load_config
from pipeline.core.errors import ConfigError
from pipeline.core.model import Publication
from pipeline.messages import records as msg
from pipeline.site import html_blocks
from pipeline.site.dip import DIP_PAGE, Row, dip_page, rows, when_where
from pipeline.site.offline import directory_urls
from pipeline.site.urls import post_url

if TYPE_CHECKING:
    from pipeline.site.render_cache import RenderCache

CSV_PATH = "ppid/daftar-informasi-publik.csv"
XLSX_PATH = "ppid/daftar-informasi-publik.xlsx"
COLUMNS = (
    "Nomor",
    "Judul informasi",
    "Ringkasan isi informasi",
    "Pejabat/unit yang menguasai informasi",
    "Penanggung jawab pembuatan atau penerbitan informasi",
    "Waktu dan tempat pembuatan informasi",
    "Bentuk informasi yang tersedia",
    "Jangka waktu penyimpanan atau retensi arsip",
    "Jenis informasi",
    "Alamat",
)
WIDTHS = (8, 40, 60, 30, 30, 30, 20, 25, 18, 50)


def table(entries: Sequence[Row], urls: Mapping[str, str]) -> list[list[str]]:
    """One list of cell texts per publication, the columns of COLUMNS."""
    return [
        [
            str(number),
            _plain(entry.title),
            _plain(entry.summary),
            entry.holder or msg.DIP_MISSING,
            entry.responsible or msg.DIP_MISSING,
            when_where(entry) or msg.DIP_MISSING,
            ", ".join(msg.DIP_FORMATS.get(f, f) for f in entry.formats) or msg.DIP_MISSING,
            entry.retention or msg.DIP_MISSING,
            msg.DIP_CATEGORIES.get(entry.category, entry.category),
            urls.get(entry.src_uri, ""),
        ]
        for number, entry in enumerate(entries, 1)
    ]


def _plain(text: str) -> str:
    return " ".join(text.split())


def _safe(cell: str) -> str:
    """A cell a spreadsheet never runs as a formula (CSV/formula injection)."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


def csv_bytes(rows: list[list[str]]) -> bytes:
    """UTF-8 with a byte order mark, so that Excel opens Indonesian text correctly."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows([[_safe(c) for c in row] for row in rows])
    return out.getvalue().encode("utf-8-sig")


def xlsx_bytes(rows: list[list[str]], title: str) -> bytes:
    from openpyxl import Workbook  # 0.2 s to import: only when the rows changed
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "DIP"
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(list(COLUMNS))
    # one style object for every cell: openpyxl files each assignment under the equal one anyway
    wrapped, bold = Alignment(wrap_text=True, vertical="top"), Font(bold=True)
    for cell in sheet[2]:
        cell.font = bold
        cell.alignment = wrapped
    for row in rows:
        sheet.append([_safe(c) for c in row])
    for index, width in enumerate(WIDTHS, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for line in sheet.iter_rows(min_row=3):
        for cell in line:
            cell.alignment = wrapped
    sheet.freeze_panes = "A3"
    book.properties.creator = title
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def cached_xlsx(rows: list[list[str]], title: str, cache: RenderCache | None) -> bytes:
    """xlsx_bytes, or the workbook an earlier build made of the same rows (the build cache's
    "xlsx" entry; the same cells, only the file's creation time is that build's)."""
    if cache is None:
        return xlsx_bytes(rows, title)
    from pipeline.site.render_cache import digest, fingerprint

    key = digest(fingerprint({}, []), rows, title)
    entry = cache.get("xlsx", key)
    if entry is not None:
        try:
            return base64.b64decode(entry["xlsx"], validate=True)
        except (KeyError, TypeError, ValueError):
            pass
    data = xlsx_bytes(rows, title)
    cache.put("xlsx", key, {"xlsx": base64.b64encode(data).decode("ascii")})
    return data


def add_files(
    files: Files,
    config: MkDocsConfig,
    entries: Sequence[Row],
    office: str,
    urls: Mapping[str, str],
    cache: RenderCache | None = None,
) -> None:
    """Register the CSV and XLSX beside the DIP page; `urls` maps src_uri to the public URL;
    `cache`: kpu build's build cache, for the XLSX."""
    rows = table(entries, urls)
    title = f"{msg.DIP_TITLE} {office}"
    files.append(File.generated(config, CSV_PATH, content=csv_bytes(rows)))
    files.append(File.generated(config, XLSX_PATH, content=cached_xlsx(rows, title, cache)))


def add_pages(
    files: Files,
    config: MkDocsConfig,
    publications: Mapping[str, Publication],
    pages: Mapping[str, str],
    cache: RenderCache | None = None,
) -> None:
    """Register the DIP page, built from the site's posts and kpu.yml `dip`; `pages`: each post
    page's URL below the site root (html_blocks.post_pages); `cache` as add_files."""
    try:
        kpu = load_config(Path(config.config_file_path).parent)
    except ConfigError as exc:
        raise PluginError(str(exc)) from exc
    entries = rows(publications, kpu.dip)
    mkdocs_yml = Path(config.config_file_path)
    directory = directory_urls(config)
    token = html_blocks.enable(config)
    base = html_blocks.link_base(config, DIP_PAGE, directory)
    content = dip_page(entries, pages, token=token, directory_urls=directory, base=base)
    files.append(File.generated(config, DIP_PAGE, content=content))

    urls = {uri: post_url(kpu.base_url, mkdocs_yml, pub) for uri, pub in publications.items()}
    add_files(files, config, entries, kpu.office.name, urls, cache)
