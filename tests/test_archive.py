"""Arsip Link Aktif: the generated page lists every publication's links from the ledger."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

from pipeline.core.model import FrontMatter, Publication
from pipeline.records.ledger import Book, Check, Entry, Ledger, Page
from pipeline.site.archive import archive_page, check_text, items
from tests.conftest import run_kpu

WIB = dt.timezone(dt.timedelta(hours=7))
SLUG = "uu-7-2017-pemilihan-umum"
WEB_URL = f"https://kab-bangkabarat.kpu.go.id/publikasi/2026/{SLUG}/"
TOKEN = "0123456789abcdef"


def _publication(slug: str, title: str, date: dt.datetime) -> Publication:
    front = FrontMatter.model_validate(
        {
            "title": title,
            "description": "Ringkasan.",
            "date": date,
            "request": {"number": "001/ND", "date": date.date(), "unit": "Subbagian Hukum"},
            "election_stage": "informasi-umum",
            "legal_basis": ["Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum"],
        }
    )
    return Publication(Path(f"content/posts/{date.year}/{slug}.md"), front, "Isi.", 1)


def _book() -> Book:
    checked = Check("2026-10-09T06:00:00+07:00", 200, True)
    dead = Check("2026-10-09T06:00:00+07:00", 404, False)
    page = Page("Mengenal UU Pemilu", f"content/posts/2026/{SLUG}.md", WEB_URL, last_check=checked)
    page.channels["x"] = Entry(
        "posted",
        "111",
        "https://x.com/kpubangkabarat/status/111",
        "2026-10-08T09:05:00+07:00",
        last_check=dead,
    )
    page.channels["telegram"] = Entry("failed", time="2026-10-08T09:06:00+07:00", error="timeout")
    return Book({SLUG: page})


def test_items_are_newest_first_with_the_web_page_before_the_posts() -> None:
    old = _publication("lama", "Publikasi Lama", dt.datetime(2025, 3, 1, 9, tzinfo=WIB))
    new = _publication(SLUG, "Mengenal UU Pemilu", dt.datetime(2026, 10, 8, 9, tzinfo=WIB))
    found = items({"posts/2025/lama.md": old, f"posts/2026/{SLUG}.md": new}, _book())
    assert [i.title for i in found] == ["Mengenal UU Pemilu", "Publikasi Lama"]
    assert [link.channel for link in found[0].links] == ["web", "telegram", "x"]
    assert found[0].links[0].url == WEB_URL
    assert [link.status for link in found[0].links] == ["Terbit", "Gagal dikirim", "Terkirim"]


def test_a_ledger_record_whose_page_left_the_site_is_still_listed_as_withdrawn() -> None:
    book = _book()
    book.pages[SLUG].withdrawn = {"date": "2026-10-10T10:00:00+07:00", "reason": "keliru"}
    (item,) = items({}, book)
    assert item.src_uri is None
    assert item.when == dt.datetime(2026, 10, 8, 9, 5, tzinfo=WIB)
    assert item.links[0].status == "Ditarik"


def test_page_has_a_year_index_and_one_table_per_year() -> None:
    old = _publication("lama", "Publikasi Lama", dt.datetime(2025, 3, 1, 9, tzinfo=WIB))
    new = _publication(SLUG, "Mengenal UU Pemilu", dt.datetime(2026, 10, 8, 9, tzinfo=WIB))
    found = items({"posts/2025/lama.md": old, f"posts/2026/{SLUG}.md": new}, _book())
    pages = {"lama": "publikasi/2025/lama/", SLUG: f"publikasi/2026/{SLUG}/"}
    entries = [replace(item, url=pages[Path(item.src_uri or "").stem]) for item in found]
    page = archive_page(entries, token=TOKEN)
    assert "Tahun: [2026](#tahun-2026) · [2025](#tahun-2025)" in page
    assert page.index("## 2026 { #tahun-2026 }") < page.index("## 2025 { #tahun-2025 }")
    assert (
        "<tr>\n<td>8 Oktober 2026</td>\n"
        f'<td><a href="../publikasi/2026/{SLUG}/">Mengenal UU Pemilu</a></td>\n'
        "<td>Situs web</td>\n"
        f'<td><a href="{WEB_URL}">kab-bangkabarat.kpu.go.id/publikasi/2026/{SLUG}</a></td>\n'
        "<td>Terbit<br>tautan aktif (9 Oktober 2026, 06.00 WIB)</td>\n</tr>"
    ) in page
    assert (
        "<tr>\n<td></td>\n<td></td>\n<td>X (Twitter)</td>\n"
        '<td><a href="https://x.com/kpubangkabarat/status/111">'
        "x.com/kpubangkabarat/status/111</a></td>\n"
        "<td>Terkirim<br>tautan <strong>mati</strong>: kode 404 (9 Oktober 2026, 06.00 WIB)</td>"
    ) in page
    assert (
        "<td>Telegram</td>\n<td>belum tercatat</td>\n"
        "<td>Gagal dikirim<br>tautan belum diperiksa</td>"
    ) in page
    # each year's table is one block of ready HTML that only this build's token opens
    assert page.count(f"<!-- kpu:html {TOKEN} -->\n<table>") == 2


def test_archive_links_are_written_for_the_offline_build_without_directory_urls() -> None:
    new = _publication(SLUG, "Mengenal UU Pemilu", dt.datetime(2026, 10, 8, 9, tzinfo=WIB))
    (item,) = items({f"posts/2026/{SLUG}.md": new}, Book())
    item = replace(item, url=f"publikasi/2026/{SLUG}.html", print_uri=f"cetak/2026/{SLUG}.md")
    page = archive_page([item], "cetak/index.md", token=TOKEN, directory_urls=False)
    assert f'<a href="../publikasi/2026/{SLUG}.html">Mengenal UU Pemilu</a>' in page
    assert f'(<a href="../cetak/2026/{SLUG}.html">versi cetak</a>)' in page
    assert "[Dokumentasi Offline](../cetak/index.md)" in page  # Markdown: MkDocs resolves it


def test_check_text_says_when_a_server_refused_to_be_checked() -> None:
    refused = Check("2026-10-09T06:00:00+07:00", 429, None)
    assert (
        check_text(refused) == "tautan tidak dapat diperiksa: kode 429 (9 Oktober 2026, 06.00 WIB)"
    )
    unreachable = Check("2026-10-09T06:00:00+07:00", None, False, "tidak dapat <b>dihubungi</b>")
    assert check_text(unreachable) == (
        "tautan <strong>mati</strong>: tidak dapat &lt;b&gt;dihubungi&lt;/b&gt; "
        "(9 Oktober 2026, 06.00 WIB)"
    )


def test_empty_site_says_there_is_nothing_yet() -> None:
    assert "Belum ada publikasi." in archive_page([], token=TOKEN)


def test_built_site_lists_ledger_links_on_the_archive_page(repo: Path) -> None:
    Ledger.of(repo).save(_book())
    result = run_kpu("build", "--site-dir", "out", cwd=repo)
    assert result.code == 0, result.err
    html = (repo / "out" / "arsip-link" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://x.com/kpubangkabarat/status/111"' in html
    assert f'href="../publikasi/2026/{SLUG}/"' in html
    assert "<strong>mati</strong>: kode 404" in html
    # every post of the sample site is there, with its public address even before it is posted
    other = (
        "https://kab-bangkabarat.kpu.go.id/publikasi/2026/uu-14-2008-keterbukaan-informasi-publik/"
    )
    assert f'href="{other}"' in html
    assert re.search(r'<h2 id="tahun-2026"', html)
    nav = (repo / "out" / "index.html").read_text(encoding="utf-8")
    assert 'href="arsip-link/"' in nav


def test_an_unreadable_ledger_fails_the_build_with_the_fix(repo: Path) -> None:
    (repo / "data" / "ledger.json").write_text("{rusak", encoding="utf-8")
    result = run_kpu("build", "--site-dir", "out", cwd=repo)
    assert result.code == 1
    assert "Arsip link data/ledger.json tidak dapat dibaca" in result.err
