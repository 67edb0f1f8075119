"""Daftar Informasi Publik: the page's columns, front matter `dip` over kpu.yml `dip` defaults."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pipeline.core.config import DipDefaults
from pipeline.core.model import FrontMatter, Publication
from pipeline.site.dip import dip_page, row, rows
from tests.conftest import VALID_DRAFT, run_kpu, write_draft

WIB = dt.timezone(dt.timedelta(hours=7))
DEFAULTS = DipDefaults(
    holder="Subbagian Hukum dan SDM",
    responsible="PPID KPU Kabupaten Bangka Barat",
    place="Muntok",
    formats=["softcopy", "hardcopy"],
    retention="5 tahun",
    category="berkala",
)
URI = "posts/2026/uu-pemilu.md"
URLS = {URI: "publikasi/2026/uu-pemilu/"}
TOKEN = "0123456789abcdef"


def _publication(dip: dict[str, object] | None = None, withdrawn: bool = False) -> Publication:
    data: dict[str, object] = {
        "title": "Mengenal UU Pemilu",
        "description": "Ringkasan pokok-pokok UU Pemilu.",
        "date": dt.datetime(2026, 10, 8, 9, tzinfo=WIB),
        "request": {"number": "001/ND", "date": dt.date(2026, 10, 5), "unit": "Subbagian Hukum"},
        "election_stage": "informasi-umum",
        "legal_basis": ["Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum"],
    }
    if dip is not None:
        data["dip"] = dip
    if withdrawn:
        data["withdrawn"] = {"date": dt.datetime(2026, 10, 9, tzinfo=WIB), "reason": "keliru"}
    return Publication(
        Path("content/posts/2026/uu-pemilu.md"), FrontMatter.model_validate(data), "", 1
    )


def test_missing_columns_come_from_kpu_yml_and_the_summary_from_the_description() -> None:
    got = row("posts/2026/uu-pemilu.md", _publication(), DEFAULTS)
    assert got.summary == "Ringkasan pokok-pokok UU Pemilu."
    assert (got.holder, got.place, got.retention, got.category) == (
        "Subbagian Hukum dan SDM",
        "Muntok",
        "5 tahun",
        "berkala",
    )
    assert got.formats == ("softcopy", "hardcopy")


def test_front_matter_dip_overrides_each_default() -> None:
    own: dict[str, object] = {
        "summary": "Ringkas.",
        "category": "serta_merta",
        "formats": ["softcopy"],
        "retention": "1 tahun",
    }
    got = row("posts/2026/uu-pemilu.md", _publication(own), DEFAULTS)
    assert (got.summary, got.category, got.formats, got.retention) == (
        "Ringkas.",
        "serta_merta",
        ("softcopy",),
        "1 tahun",
    )
    assert got.holder == "Subbagian Hukum dan SDM"


def test_page_has_the_columns_of_the_standard_and_one_numbered_row() -> None:
    page = dip_page(rows({URI: _publication()}, DEFAULTS), URLS, token=TOKEN)
    assert (
        '<th style="text-align: right;">No.</th>\n<th>Ringkasan isi informasi</th>\n'
        "<th>Pejabat/unit yang menguasai informasi</th>\n"
        "<th>Penanggung jawab pembuatan/penerbitan</th>\n<th>Waktu dan tempat pembuatan</th>\n"
        "<th>Bentuk informasi yang tersedia</th>\n<th>Jangka waktu penyimpanan</th>\n"
        "<th>Jenis informasi</th>"
    ) in page
    assert (
        '<td style="text-align: right;">1.</td>\n'
        '<td><a href="../../publikasi/2026/uu-pemilu/">Mengenal UU Pemilu</a>: '
        "Ringkasan pokok-pokok UU Pemilu.</td>\n"
        "<td>Subbagian Hukum dan SDM</td>\n<td>PPID KPU Kabupaten Bangka Barat</td>\n"
        "<td>8 Oktober 2026, Muntok</td>\n<td>Softcopy, Hardcopy</td>\n<td>5 tahun</td>\n"
        "<td>Berkala</td>"
    ) in page
    assert page.count(f"<!-- kpu:html {TOKEN} -->\n<table>") == 1


def test_the_offline_build_links_the_html_file_of_each_post() -> None:
    urls = {URI: "publikasi/2026/uu-pemilu.html"}
    page = dip_page(rows({URI: _publication()}, DEFAULTS), urls, token=TOKEN, directory_urls=False)
    assert '<a href="../publikasi/2026/uu-pemilu.html">Mengenal UU Pemilu</a>' in page


def test_a_column_set_nowhere_says_so_instead_of_guessing() -> None:
    page = dip_page(rows({URI: _publication()}, DipDefaults.model_validate({})), URLS, token=TOKEN)
    assert (
        "<td>belum ditetapkan</td>\n<td>belum ditetapkan</td>\n<td>8 Oktober 2026</td>\n"
        "<td>Softcopy</td>\n<td>belum ditetapkan</td>"
    ) in page


def test_withdrawn_information_leaves_the_list() -> None:
    page = dip_page(rows({URI: _publication(withdrawn=True)}, DEFAULTS), URLS, token=TOKEN)
    assert "Belum ada informasi yang diterbitkan." in page


def test_an_unknown_dip_column_in_a_draft_is_an_error_naming_the_field(repo: Path) -> None:
    write_draft(
        repo, text=VALID_DRAFT.replace("status: ready", "status: ready\ndip:\n  kategori: berkala")
    )
    result = run_kpu("check", cwd=repo)
    assert result.code == 1
    assert 'Kolom "dip.kategori" tidak dikenal.' in result.out


def test_a_wrong_dip_category_in_kpu_yml_is_a_configuration_error(repo: Path) -> None:
    config = repo / "kpu.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("category: berkala", "category: rahasia"),
        encoding="utf-8",
    )
    result = run_kpu("check", cwd=repo)
    assert result.code == 2
    assert "kpu.yml:" in result.err and "dip.category" in result.err


def test_built_site_has_the_dip_page_in_the_ppid_menu(repo: Path) -> None:
    result = run_kpu("build", "--site-dir", "out", cwd=repo)
    assert result.code == 0, result.err
    html = (repo / "out" / "ppid" / "daftar-informasi-publik" / "index.html").read_text("utf-8")
    assert "Jangka waktu penyimpanan" in html
    assert 'href="../../publikasi/2026/uu-7-2017-pemilihan-umum/"' in html
    assert "PPID KPU Kabupaten Bangka Barat" in html
    home = (repo / "out" / "index.html").read_text(encoding="utf-8")
    assert 'href="ppid/daftar-informasi-publik/"' in home
