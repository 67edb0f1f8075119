"""`kpu new --from-docx`: a Word document (made here with python-docx) becomes a draft."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import markdown
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches
from PIL import Image

from pipeline.core import frontmatter_edit as fm
from tests.conftest import run_kpu

TITLE = "Mengenal PKPU Pemutakhiran Data Pemilih"
SLUG = "mengenal-pkpu-pemutakhiran-data-pemilih"


def _hyperlink(paragraph: docx.text.paragraph.Paragraph, url: str, text: str) -> None:
    rel = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    label = OxmlElement("w:t")
    label.text = text
    run.append(label)
    link.append(run)
    paragraph._p.append(link)


def _png(color: tuple[int, int, int]) -> io.BytesIO:
    data = io.BytesIO()
    Image.new("RGB", (60, 40), color).save(data, "PNG")
    data.seek(0)
    return data


def write_docx(
    path: Path, *, alts: tuple[str, ...] = ("Bagan alur pemutakhiran data pemilih",)
) -> Path:
    document = docx.Document()
    document.add_heading(TITLE, level=0)
    document.add_paragraph(
        "Data pemilih terus dimutakhirkan. Tulisan #PemiluDamai <script>alert(1)</script> tetap teks."
    )
    mixed = document.add_paragraph("Pemilih wajib ")
    mixed.add_run("terdaftar").bold = True
    mixed.add_run(" dan ")
    mixed.add_run("memeriksa datanya").italic = True
    mixed.add_run(". Cek di ")
    _hyperlink(mixed, "https://cekdptonline.kpu.go.id/", "Cek DPT Online")
    document.add_heading("Cara memeriksa", level=1)
    document.add_paragraph("Siapkan NIK", style="List Bullet")
    document.add_paragraph("Buka laman Cek DPT", style="List Bullet")
    document.add_paragraph("Isi NIK", style="List Number")
    document.add_heading("Jadwal", level=2)
    table = document.add_table(rows=3, cols=2)
    for row, (a, b) in enumerate(
        [("Kegiatan", "Waktu"), ("Coklit", "Oktober"), ("Rekap", "November")]
    ):
        table.cell(row, 0).text = a
        table.cell(row, 1).text = b
    for number, alt in enumerate(alts):
        document.add_picture(_png((200, 30 * number, 0)), width=Inches(1))
        document.inline_shapes[number]._inline.docPr.set("descr", alt)
    document.save(path)
    return path


def _draft(repo: Path) -> Path:
    (draft,) = (repo / "drafts").glob("*.md")
    return draft


def test_word_document_becomes_a_draft_with_its_structure_and_image(
    repo: Path, tmp_path: Path
) -> None:
    source = write_docx(tmp_path / "NASKAH.docx")
    result = run_kpu("new", "--from-docx", str(source), cwd=repo)
    assert result.code == 0, result.out + result.err
    draft = _draft(repo)
    assert draft.name.endswith(f"-{SLUG}.md")
    image = f"content/assets/images/{SLUG}/gambar-1.png"
    assert f"Draf dibuat dari NASKAH.docx: drafts/{draft.name}" in result.out
    assert f"Gambar disimpan: {image}" in result.out
    text = draft.read_text(encoding="utf-8")
    assert f'title: "{TITLE}"' in text
    body = text.split("\n---\n", 1)[1]
    assert TITLE not in body  # the Word title is the page title, not a heading in the body
    assert "\n<!-- more -->\n" in body
    assert (
        body.index("Data pemilih terus") < body.index("<!-- more -->") < body.index("Pemilih wajib")
    )
    assert "Pemilih wajib **terdaftar** dan *memeriksa datanya*." in body
    assert "[Cek DPT Online](https://cekdptonline.kpu.go.id/)" in body
    assert "\n## Cara memeriksa\n" in body and "\n### Jadwal\n" in body
    assert "- Siapkan NIK\n- Buka laman Cek DPT" in body and "1. Isi NIK" in body
    assert "| Kegiatan | Waktu |\n| --- | --- |\n| Coklit | Oktober |\n| Rekap | November |" in body
    assert f"![Bagan alur pemutakhiran data pemilih](/assets/images/{SLUG}/gambar-1.png)" in body
    with Image.open(repo / image) as saved:
        assert (saved.format, saved.size) == ("PNG", (60, 40))


def test_text_from_word_stays_text_on_the_page(repo: Path, tmp_path: Path) -> None:
    run_kpu("new", "--from-docx", str(write_docx(tmp_path / "n.docx")), cwd=repo)
    body = _draft(repo).read_text(encoding="utf-8").split("\n---\n", 1)[1]
    html = markdown.markdown(body, extensions=["tables"])
    assert "<script" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "#PemiluDamai" in html and "<h1" not in html
    assert "<table>" in html and '<a href="https://cekdptonline.kpu.go.id/">' in html


def test_converted_draft_reports_exactly_the_front_matter_left_and_passes_once_filled(
    repo: Path, tmp_path: Path
) -> None:
    run_kpu("new", "--from-docx", str(write_docx(tmp_path / "n.docx")), cwd=repo)
    draft = _draft(repo)
    result = run_kpu("check", cwd=repo)
    assert result.code == 1
    shown = f"drafts/{draft.name}"
    missing = re.findall(rf"^{re.escape(shown)}:\d+: kesalahan: (.*)$", result.out, re.MULTILINE)
    assert missing == [
        'Kolom "description" tidak boleh kosong.',
        'Kolom "request.number" tidak boleh kosong.',
        'Kolom "request.unit" tidak boleh kosong.',
        'Kolom "social.text" tidak boleh kosong.',
    ]
    text = draft.read_text(encoding="utf-8")
    text = fm.set_key(text, "description", fm.render("description", "Cara memeriksa data pemilih."))
    memo = {"number": "014/ND/HK.03/Kab/X/2026", "date": "2026-10-01", "unit": "Subbagian Hukum"}
    text = fm.set_key(text, "request", fm.render("request", memo))
    text = fm.set_key(text, "social", fm.render("social", {"text": "Sudah terdaftar? Cek datamu."}))
    draft.write_text(text, encoding="utf-8")
    result = run_kpu("check", cwd=repo)
    assert result.code == 0, result.out


def test_image_without_alt_text_is_refused_and_nothing_is_written(
    repo: Path, tmp_path: Path
) -> None:
    source = write_docx(tmp_path / "NASKAH.docx", alts=("Bagan alur", ""))
    result = run_kpu("new", "--from-docx", str(source), cwd=repo)
    assert result.code == 1
    assert result.out.strip() == (
        'NASKAH.docx: gambar ke-2 belum punya teks alternatif. Kolom "image_alt" wajib diisi jika '
        "ada gambar: di Word klik kanan gambar → Edit Alt Text (Lihat Teks Alt), tulis satu kalimat "
        "yang menggambarkan isi gambar untuk pembaca tunanetra, simpan, lalu jalankan lagi."
    )
    assert list((repo / "drafts").iterdir()) == []
    assert not (repo / "content/assets/images" / SLUG).exists()


def test_a_file_that_is_not_a_word_document_says_how_to_save_one(
    repo: Path, tmp_path: Path
) -> None:
    source = tmp_path / "naskah.docx"
    source.write_text("bukan docx", encoding="utf-8")
    result = run_kpu("new", "--from-docx", str(source), cwd=repo)
    assert result.code == 1
    assert 'Berkas "naskah.docx" bukan dokumen Word .docx' in result.out
    missing = run_kpu("new", "--from-docx", str(tmp_path / "tidak-ada.docx"), cwd=repo)
    assert missing.code == 1 and "tidak ditemukan" in missing.out


def test_an_existing_draft_is_not_overwritten(repo: Path, tmp_path: Path) -> None:
    source = write_docx(tmp_path / "n.docx")
    run_kpu("new", "--from-docx", str(source), cwd=repo)
    before = _draft(repo).read_text(encoding="utf-8")
    again = run_kpu("new", "--from-docx", str(source), cwd=repo)
    assert again.code == 1 and "sudah ada dan tidak ditimpa" in again.out
    assert _draft(repo).read_text(encoding="utf-8") == before


def test_once_promoted_the_page_shows_the_word_image_with_its_alt_text(
    repo: Path, tmp_path: Path
) -> None:
    run_kpu("new", "--from-docx", str(write_docx(tmp_path / "n.docx")), cwd=repo)
    draft = _draft(repo)
    text = draft.read_text(encoding="utf-8")
    text = fm.set_key(text, "description", fm.render("description", "Cara memeriksa data pemilih."))
    memo = {"number": "014/ND/HK.03/Kab/X/2026", "date": "2026-10-01", "unit": "Subbagian Hukum"}
    text = fm.set_key(text, "request", fm.render("request", memo))
    text = fm.set_key(text, "social", fm.render("social", {"text": "Cek datamu."}))
    text = fm.set_key(text, "status", "status: ready\ndate: 2026-10-09T09:00:00+07:00\n")
    (repo / "content/posts/2026" / f"{SLUG}.md").write_text(text, encoding="utf-8")  # as promoted
    draft.unlink()
    assert run_kpu("build", cwd=repo).code == 0
    page = repo / "site/publikasi/2026" / SLUG / "index.html"
    tag = re.search(
        r"<img alt=\"Bagan alur pemutakhiran data pemilih\" src=\"([^\"]+)\"",
        page.read_text(encoding="utf-8"),
    )
    assert tag is not None
    assert (page.parent / tag.group(1)).resolve() == (
        repo / "site/assets/images" / SLUG / "gambar-1.png"
    ).resolve()
    assert (page.parent / tag.group(1)).is_file()
