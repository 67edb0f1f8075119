"""The legal documents on the built site (one real `kpu build`, shared by every test here): a page
per document in the JDIH Lembar Kerja order, the index with its filters, PDFs kept in the
repository, and each publication's legal basis with the document's key metadata."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, VALID_DRAFT, run_kpu
from tests.jdihn_schema import BASE, errors

PDF = b"%PDF-1.4\n% uji\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PDF_PATH = "content/dokumen/pkpu-9-2026.pdf"
EXTRA_ENTRY = f"""
  - key: pkpu-9-2026
    type: pkpu
    number: 9
    year: 2026
    title: Uji Naskah PDF
    enacted_place: Jakarta
    enacted_on: 2026-03-02
    promulgated_on: 2026-03-05
    source: BN 2026 (9)
    subjects: [UJI]
    legal_field: Hukum Tata Negara
    abstract: Peraturan <b>uji</b> untuk naskah PDF.
    amends: [pkpu-22-2023]
    pdf: {PDF_PATH}
    sha256: "{hashlib.sha256(PDF).hexdigest()}"
"""
POST = (
    VALID_DRAFT.replace("status: ready", "status: ready\ndate: 2026-10-20T09:00:00+07:00")
    .replace('"Mengenal UU Pemilu"', '"Uji Kutipan"')
    .replace(
        '  - "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum"',
        '  - "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum"\n  - "PKPU 9/2026"',
    )
)


KEPUTUSAN_PDF = b"%PDF-1.7\n% keputusan uji\n%%EOF\n"
KEPUTUSAN_PATH = "content/dokumen/kpts-kpukab-12-2026.pdf"
KEPUTUSAN = (
    VALID_DRAFT.replace("status: ready", "status: ready\ndate: 2026-10-22T10:00:00+07:00")
    .replace('"Mengenal UU Pemilu"', '"Keputusan Uji Daerah Pemilihan"')
    .replace(
        "social:",
        f"""document:
  number: 12
  year: 2026
  title: Penetapan Uji Daerah Pemilihan
  enacted_place: Muntok
  enacted_on: 2026-10-21
  subjects: [DAERAH PEMILIHAN]
  implements: [uu-7-2017]
  pdf: {KEPUTUSAN_PATH}
  sha256: "{hashlib.sha256(KEPUTUSAN_PDF).hexdigest()}"
social:""",
    )
)


def make_repo(root: Path) -> Path:
    """A copy of this repository with one more document (its PDF in content/) and a post."""
    root.mkdir()
    for name in ("kpu.yml", "mkdocs.yml"):
        shutil.copy(ROOT / name, root / name)
    for name in ("data", "content"):
        shutil.copytree(ROOT / name, root / name)
    (root / "drafts").mkdir()
    registry = root / "data" / "regulations.yml"
    registry.write_text(registry.read_text("utf-8") + EXTRA_ENTRY, encoding="utf-8")
    (root / PDF_PATH).parent.mkdir(parents=True, exist_ok=True)
    (root / PDF_PATH).write_bytes(PDF)
    (root / "content" / "posts" / "2026" / "uji-kutipan.md").write_text(POST, encoding="utf-8")
    (root / KEPUTUSAN_PATH).write_bytes(KEPUTUSAN_PDF)
    posts = root / "content" / "posts" / "2026"
    (posts / "keputusan-uji.md").write_text(KEPUTUSAN, encoding="utf-8")
    # a decision still in review: its signed PDF is in the repository but not yet published
    (root / "content" / "dokumen" / "kpts-kpukab-13-2026.pdf").write_bytes(KEPUTUSAN_PDF + b"13")
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_repo(tmp_path_factory.mktemp("regulation-site") / "repo")
    result = run_kpu("build", "--site-dir", "out", cwd=root)
    assert result.code == 0, result.err
    return root / "out"


def read(site: Path, path: str) -> str:
    return (site / path).read_text("utf-8")


def article(html: str) -> str:
    return html[html.index("<article") : html.index("</article>")]


def cells(html: str) -> list[tuple[str, str]]:
    """(label, text) of the metadata table's rows."""
    table = html[html.index('id="keterangan-dokumen"') :]
    table = table[: table.index("</table>")]
    rows = re.findall(r"<tr>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*</tr>", table, re.S)
    return [(label, re.sub(r"<[^>]+>", "", value).strip()) for label, value in rows]


def test_document_page_follows_the_lembar_kerja_order(built: Path) -> None:
    rows = cells(read(built, "peraturan/uu-7-2017/index.html"))
    assert [label for label, _ in rows] == [
        "Tipe dokumen", "Judul", "T.E.U. badan", "Nomor peraturan", "Jenis / bentuk peraturan",
        "Singkatan jenis", "Tahun", "Tempat penetapan", "Tanggal penetapan",
        "Tanggal pengundangan", "Sumber", "Subjek", "Status", "Bahasa", "Bidang hukum", "Abstrak",
        "Diubah dengan", "Mencabut", "Peraturan pelaksana",
    ]  # fmt: skip
    values = dict(rows)
    assert values["Tanggal penetapan"] == "15 Agustus 2017"
    assert values["Tanggal pengundangan"] == "16 Agustus 2017 (belum diverifikasi)"
    assert values["Sumber"] == "LN 2017 (182), TLN (6109)"
    assert values["Status"] == "Berlaku dengan perubahan"
    assert values["T.E.U. badan"] == "Pemerintah Pusat"


def test_relation_written_once_shows_on_both_pages_as_links(built: Path) -> None:
    new = read(built, "peraturan/uu-7-2017/index.html")
    assert 'href="../uu-42-2008/"' in new[new.index(">Mencabut<") :][:400]
    old = read(built, "peraturan/uu-42-2008/index.html")
    assert dict(cells(old))["Dicabut dengan"].startswith("Undang-Undang Nomor 7 Tahun 2017")
    assert 'href="../uu-7-2017/"' in old[old.index(">Dicabut dengan<") :][:400]
    assert "Sudah dicabut" in old and dict(cells(old))["Status"] == "Dicabut"


def test_status_history_lists_the_events_oldest_first(built: Path) -> None:
    page = article(read(built, "peraturan/pkpu-22-2023/index.html"))
    history = page[page.index('id="riwayat-status"') :]
    items = [re.sub(r"<[^>]+>", "", i).strip() for i in re.findall(r"<li>(.*?)</li>", history)]
    assert items[:4] == [
        "Tahun 2023: ditetapkan (tanggal belum dicatat)",
        "1 November 2023: diundangkan",
        "2024: diubah dengan Peraturan Komisi Pemilihan Umum Nomor 11 Tahun 2024 tentang "
        "Perubahan atas Peraturan Komisi Pemilihan Umum Nomor 22 Tahun 2023 tentang Pengelolaan "
        "dan Pelayanan Informasi Publik di Komisi Pemilihan Umum, Komisi Pemilihan Umum "
        "Provinsi, dan Komisi Pemilihan Umum Kabupaten/Kota",
        "22 Desember 2025: diubah dengan Peraturan Komisi Pemilihan Umum Nomor 4 Tahun 2025 "
        "tentang Perubahan Kedua atas Peraturan Komisi Pemilihan Umum Nomor 22 Tahun 2023 "
        "tentang Pengelolaan dan Pelayanan Informasi Publik di Komisi Pemilihan Umum, Komisi "
        "Pemilihan Umum Provinsi, dan Komisi Pemilihan Umum Kabupaten/Kota",
    ]
    assert items[4].startswith(
        "2 Maret 2026: diubah dengan Peraturan Komisi Pemilihan Umum Nomor 9"
    )


def test_document_page_lists_the_publications_explaining_it(built: Path) -> None:
    page = read(built, "peraturan/uu-7-2017/index.html")
    section = page[page.index('id="publikasi-yang-menjelaskan"') :]
    assert 'href="../../publikasi/2026/uji-kutipan/">Uji Kutipan</a>' in section[:3000]
    lonely = read(built, "peraturan/uu-15-2011/index.html")
    assert "Belum ada publikasi yang mengutip dokumen ini." in lonely


def test_pdf_kept_in_the_repository_is_published_with_its_sha256(built: Path) -> None:
    page = read(built, "peraturan/pkpu-9-2026/index.html")
    assert 'href="../../dokumen/pkpu-9-2026.pdf"' in page
    assert hashlib.sha256(PDF).hexdigest() in page
    assert (built / "dokumen" / "pkpu-9-2026.pdf").read_bytes() == PDF


def test_registry_values_are_escaped(built: Path) -> None:
    page = read(built, "peraturan/pkpu-9-2026/index.html")
    assert "Peraturan &lt;b&gt;uji&lt;/b&gt; untuk naskah PDF." in page
    assert "<b>uji</b>" not in page


def test_catalogue_link_is_shown_as_a_provisional_link(built: Path) -> None:
    page = read(built, "peraturan/pkpu-3-2022/index.html")
    assert "Tautan sementara" in page and "belum menuju dokumennya langsung" in page


def test_index_lists_every_document_with_filterable_columns(built: Path) -> None:
    index = read(built, "peraturan/index.html")
    assert 'data-filter-columns="Jenis,Tahun,Status"' in index
    headers = re.findall(r"<th[^>]*>(.*?)</th>", index)
    assert headers == ["Peraturan", "Jenis", "Tahun", "Status", "Ditetapkan", "Publikasi"]
    assert index.count('href="../peraturan/') == 0  # links are relative to the index
    assert len(re.findall(r"<a href=\"[a-z0-9-]+/\">", index)) == 27  # 25 + 1 + the decision
    assert "kpu-filter.js" in index
    assert (built / "assets" / "javascripts" / "kpu-filter.js").is_file()


def test_citation_shows_key_metadata_and_the_pdf_download(built: Path) -> None:
    page = read(built, "publikasi/2026/uji-kutipan/index.html")
    section = page[page.index('id="dasar-hukum"') :]
    assert "Jenis: UU · Nomor: 7 · Tahun: 2017 · Status: Berlaku dengan perubahan" in section
    assert re.search(r'href="https://[^"]+\.go\.id/[^"]*"', section)
    assert 'href="../../../peraturan/uu-7-2017/"' in section
    assert "Jenis: PKPU · Nomor: 9 · Tahun: 2026 · Status: Berlaku" in section
    assert 'href="../../../dokumen/pkpu-9-2026.pdf">unduh PDF</a>' in section


# --- the office's own decision ----------------------------------------------------------------
def test_office_decision_is_a_document_with_the_office_as_author(built: Path) -> None:
    page = read(built, "peraturan/kpts-kpukab-12-2026/index.html")
    values = dict(cells(page))
    assert values["T.E.U. badan"] == "KPU Kabupaten Bangka Barat"
    assert values["Judul"] == (
        "Keputusan KPU Kabupaten Bangka Barat Nomor 12 Tahun 2026 tentang Penetapan Uji Daerah "
        "Pemilihan"
    )
    assert values["Tempat penetapan"] == "Muntok"
    assert values["Abstrak"] == "Ringkasan pokok-pokok Undang-Undang Pemilu bagi pemilih."
    assert 'href="../../dokumen/kpts-kpukab-12-2026.pdf"' in page
    assert "Keputusan Uji Daerah Pemilihan</a>" in page  # the publication that issues it
    index = read(built, "peraturan/index.html")
    assert 'href="kpts-kpukab-12-2026/"' in index
    implemented = dict(cells(read(built, "peraturan/uu-7-2017/index.html")))
    assert (
        "Keputusan KPU Kabupaten Bangka Barat Nomor 12 Tahun 2026"
        in (implemented["Peraturan pelaksana"])
    )


# --- the home page --------------------------------------------------------------------------------
def test_home_page_lists_the_latest_publications_and_documents(built: Path) -> None:
    home = read(built, "index.html")
    latest = home[home.index('id="publikasi-terbaru"') :]
    latest = latest[: latest.index('id="cara-meminta-informasi-publik"')]
    titles = re.findall(r'<a href="publikasi/2026/[^"]+/">([^<]+)</a>', latest)
    assert titles[:2] == ["Keputusan Uji Daerah Pemilihan", "Uji Kutipan"]
    assert len(titles) == 5
    documents = re.findall(r'<a href="peraturan/([^"]+)/">', latest)
    assert documents[:2] == ["kpts-kpukab-12-2026", "pkpu-9-2026"]
    assert 'href="peraturan/">Daftar Peraturan</a>' in latest


# --- the JDIHN member feed ------------------------------------------------------------------
def test_built_feed_is_valid_and_holds_the_offices_own_decision(built: Path) -> None:
    records = json.loads(read(built, "jdihn/document.json"))
    assert errors(records) == []
    (record,) = records  # default jdihn.include: own
    assert record["idData"] == "kpts-kpukab-12-2026"
    assert record["teuBadan"] == "KPU Kabupaten Bangka Barat"
    assert record["singkatanJenis"] == "KEPKPUKAB"
    assert record["tanggal_penetapan"] == record["tanggal_pengundangan"] == "2026-10-21"
    assert record["tahun_pengundangan"] == "2026"
    assert record["tempatTerbit"] == "Muntok"
    assert (record["operasi"], record["display"]) == ("4", "1")
    assert record["urlDetailPeraturan"] == BASE + "peraturan/kpts-kpukab-12-2026/"
    assert record["urlDownload"] == BASE + "dokumen/kpts-kpukab-12-2026.pdf"
    assert record["fileDownload"] == "kpts-kpukab-12-2026.pdf"
    # not a git checkout: the date of the decision at midnight WIB, the same on every rebuild
    assert record["last_updated"] == "2026-10-21T00:00:00+07:00"


# --- the Daftar Informasi Publik as downloads -----------------------------------------------
DIP_COLUMNS = [
    "Nomor", "Judul informasi", "Ringkasan isi informasi",
    "Pejabat/unit yang menguasai informasi",
    "Penanggung jawab pembuatan atau penerbitan informasi",
    "Waktu dan tempat pembuatan informasi", "Bentuk informasi yang tersedia",
    "Jangka waktu penyimpanan atau retensi arsip", "Jenis informasi", "Alamat",
]  # fmt: skip


def test_dip_page_links_its_csv_and_xlsx_downloads(built: Path) -> None:
    page = read(built, "ppid/daftar-informasi-publik/index.html")
    assert 'href="../daftar-informasi-publik.csv">CSV</a>' in page
    assert 'href="../daftar-informasi-publik.xlsx">Excel (XLSX)</a>' in page


def test_dip_csv_has_the_perki_columns_and_every_publication(built: Path) -> None:
    import csv
    import io

    raw = (built / "ppid" / "daftar-informasi-publik.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads the UTF-8 as UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == DIP_COLUMNS
    assert [r[1] for r in rows[1:3]] == ["Keputusan Uji Daerah Pemilihan", "Uji Kutipan"]
    assert len(rows) == 1 + 7  # the five samples and the two posts of this build
    first = rows[1]
    assert first[0] == "1"
    assert first[5].startswith("22 Oktober 2026")
    assert first[9] == BASE + "publikasi/2026/keputusan-uji/"


def test_dip_xlsx_holds_the_same_table(built: Path) -> None:
    import csv
    import io

    from openpyxl import load_workbook

    book = load_workbook(built / "ppid" / "daftar-informasi-publik.xlsx", read_only=True)
    sheet = book["DIP"]
    values = [
        [c if c is not None else "" for c in row] for row in sheet.iter_rows(values_only=True)
    ]
    assert values[0][0] == "Daftar Informasi Publik KPU Kabupaten Bangka Barat"
    text = (built / "ppid" / "daftar-informasi-publik.csv").read_bytes().decode("utf-8-sig")
    assert values[1:] == list(csv.reader(io.StringIO(text)))


def test_link_archive_lists_the_pdfs_the_site_publishes_with_their_sha256(built: Path) -> None:
    page = read(built, "arsip-link/index.html")
    section = page[page.index('id="naskah-dokumen"') :]
    assert 'href="../dokumen/pkpu-9-2026.pdf">pkpu-9-2026.pdf</a>' in section
    assert hashlib.sha256(PDF).hexdigest() in section
    assert 'href="../dokumen/kpts-kpukab-12-2026.pdf"' in section
    assert 'href="../peraturan/kpts-kpukab-12-2026/"' in section


def test_post_issuing_a_decision_shows_it_with_its_pdf(built: Path) -> None:
    page = read(built, "publikasi/2026/keputusan-uji/index.html")
    section = page[page.index('id="dokumen-yang-diterbitkan"') :]
    section = section[: section.index('id="dasar-hukum"')]
    assert 'href="../../../peraturan/kpts-kpukab-12-2026/"' in section
    assert "Ditetapkan di Muntok pada 21 Oktober 2026 · Status: Berlaku" in section
    assert 'href="../../../dokumen/kpts-kpukab-12-2026.pdf">unduh PDF</a>' in section
    values = dict(cells(read(built, "peraturan/kpts-kpukab-12-2026/index.html")))
    assert values["Tanggal pengundangan"] == "tidak diundangkan (keputusan)"


def test_offline_bundle_carries_the_pdfs_the_feed_and_the_filter_script(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    import zipfile

    root = make_repo(tmp_path_factory.mktemp("regulation-bundle") / "repo")
    result = run_kpu("bundle", "--out", "dist", cwd=root)
    assert result.code == 0, result.err
    (archive,) = (root / "dist").glob("*.zip")
    with zipfile.ZipFile(archive) as zf:
        names = {name.split("/", 1)[1]: name for name in zf.namelist()}
        assert zf.read(names["dokumen/pkpu-9-2026.pdf"]) == PDF
        sums = zf.read(names["SHA256SUMS"]).decode()
        index = zf.read(names["peraturan/index.html"]).decode()
    assert f"{hashlib.sha256(PDF).hexdigest()}  dokumen/pkpu-9-2026.pdf" in sums
    assert {"jdihn/document.json", "assets/javascripts/kpu-filter.js"} <= set(names)
    assert 'href="pkpu-9-2026.html"' in index  # offline: file links, no directory URLs


def test_pdf_of_a_decision_not_yet_published_stays_off_the_site(built: Path) -> None:
    assert (built / "dokumen" / "kpts-kpukab-12-2026.pdf").is_file()
    assert not (built / "dokumen" / "kpts-kpukab-13-2026.pdf").exists()
