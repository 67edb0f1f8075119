"""Relations between registry documents (written once, shown both ways), the status that follows
from them, and the official text (PDF kept in the repository, or a link to the document)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from pipeline.legal.official_text import MAX_PDF_BYTES, catalogue_link
from pipeline.legal.regulations import Registry, RegistryError, check_citation, load_registry

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def load(tmp_path: Path, entries: str) -> Registry:
    (tmp_path / "data").mkdir(exist_ok=True)
    path = tmp_path / "data" / "regulations.yml"
    path.write_text("regulations:\n" + entries, encoding="utf-8")
    return load_registry(path)


def problems(tmp_path: Path, entries: str) -> list[str]:
    with pytest.raises(RegistryError) as caught:
        load(tmp_path, entries)
    return caught.value.problems


def uu(number: int, year: int, *extra: str) -> str:
    lines = [
        f"  - key: uu-{number}-{year}",
        "    type: uu",
        f"    number: {number}",
        f"    year: {year}",
        "    title: Judul",
        f"    link: https://peraturan.go.id/id/uu-no-{number}-tahun-{year}",
        *(f"    {line}" for line in extra),
    ]
    return "\n".join(lines) + "\n"


# --- both ways ------------------------------------------------------------------------------
def test_a_relation_written_once_is_shown_on_both_documents(tmp_path: Path) -> None:
    registry = load(
        tmp_path,
        uu(1, 2001)
        + uu(2, 2002, "amends: [uu-1-2001]")
        + uu(3, 2003, "revokes: [uu-1-2001]", "implements: [uu-2-2002]"),
    )
    assert registry.relations("uu-1-2001").both_ways() == [
        ("Diubah dengan", ("uu-2-2002",)),
        ("Dicabut dengan", ("uu-3-2003",)),
    ]
    assert registry.relations("uu-2-2002").both_ways() == [
        ("Mengubah", ("uu-1-2001",)),
        ("Peraturan pelaksana", ("uu-3-2003",)),
    ]
    assert registry.relations("uu-3-2003").both_ways() == [
        ("Mencabut", ("uu-1-2001",)),
        ("Melaksanakan", ("uu-2-2002",)),
    ]


def test_status_follows_from_the_relations(tmp_path: Path) -> None:
    registry = load(
        tmp_path,
        uu(1, 2001) + uu(2, 2002, "amends: [uu-1-2001]") + uu(3, 2003, "revokes: [uu-2-2002]"),
    )
    assert [registry.status(k) for k in ("uu-1-2001", "uu-2-2002", "uu-3-2003")] == [
        "diubah",
        "dicabut",
        "berlaku",
    ]


def test_declared_diubah_stands_for_amendments_outside_the_registry(tmp_path: Path) -> None:
    registry = load(tmp_path, uu(1, 2001, "status: diubah"))
    assert registry.status("uu-1-2001") == "diubah"
    assert check_citation("UU 1/2001", registry) is None


def test_revoked_by_a_relation_is_an_error_naming_the_revoker(tmp_path: Path) -> None:
    registry = load(tmp_path, uu(1, 2001) + uu(2, 2002, "revokes: [uu-1-2001]"))
    assert check_citation("UU Nomor 1 Tahun 2001", registry) == (
        "error",
        'Peraturan "Undang-Undang Nomor 1 Tahun 2001" sudah dicabut dan diganti oleh '
        '"Undang-Undang Nomor 2 Tahun 2002". Ganti kutipan di legal_basis dengan peraturan '
        "pengganti.",
    )


# --- every relation error -------------------------------------------------------------------
def test_dangling_key_is_an_error(tmp_path: Path) -> None:
    assert problems(tmp_path, uu(1, 2001, "implements: [uu-9-2009]")) == [
        'Baris 8, entri ke-1 ("uu-1-2001"): Kolom "implements" menunjuk key "uu-9-2009" yang '
        "tidak ada di data/regulations.yml. Tambahkan entri untuk peraturan itu atau perbaiki "
        "key-nya."
    ]


def test_relation_to_itself_is_an_error(tmp_path: Path) -> None:
    assert problems(tmp_path, uu(1, 2001, "revokes: [uu-1-2001]")) == [
        'Baris 8, entri ke-1 ("uu-1-2001"): Kolom "revokes" tidak boleh menunjuk entri ini '
        'sendiri ("uu-1-2001").'
    ]


def test_cycle_is_an_error_on_each_member(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        uu(1, 2001, "amends: [uu-2-2002]")
        + uu(2, 2002, "revokes: [uu-3-2003]")
        + uu(3, 2003, "amends: [uu-1-2001]"),
    )
    tail = (
        "Sebuah peraturan tidak dapat mengubah atau mencabut peraturan yang mengubah atau "
        "mencabutnya; periksa arah relasinya."
    )
    assert found == [
        'Baris 8, entri ke-1 ("uu-1-2001"): Relasi antarperaturan (amends, revokes, implements) '
        f"membentuk lingkaran: uu-1-2001 -> uu-2-2002 -> uu-3-2003 -> uu-1-2001. {tail}",
        'Baris 15, entri ke-2 ("uu-2-2002"): Relasi antarperaturan (amends, revokes, implements) '
        f"membentuk lingkaran: uu-2-2002 -> uu-3-2003 -> uu-1-2001 -> uu-2-2002. {tail}",
        'Baris 22, entri ke-3 ("uu-3-2003"): Relasi antarperaturan (amends, revokes, implements) '
        f"membentuk lingkaran: uu-3-2003 -> uu-1-2001 -> uu-2-2002 -> uu-3-2003. {tail}",
    ]


@pytest.mark.parametrize(
    ("field", "inverse"), [("replaced_by", "revokes"), ("amended_by", "amends")]
)
def test_relation_on_the_old_side_says_where_it_goes_now(
    tmp_path: Path, field: str, inverse: str
) -> None:
    found = problems(tmp_path, uu(1, 2001, f"{field}: uu-2-2002") + uu(2, 2002))
    assert found == [
        f'Baris 8, entri ke-1 ("uu-1-2001"): Kolom "{field}" tidak dipakai lagi: relasi ditulis '
        "satu kali, di peraturan yang mengubah atau mencabut. Hapus kolom ini dan tulis di entri "
        f'"uu-2-2002": {inverse}: [uu-1-2001].'
    ]


def test_declared_dicabut_without_a_revoker_is_an_error(tmp_path: Path) -> None:
    assert problems(tmp_path, uu(1, 2001, "status: dicabut")) == [
        'Baris 8, entri ke-1 ("uu-1-2001"): Kolom "status": status "dicabut" tidak ditulis '
        "sendiri. Tulis revokes: [uu-1-2001] di entri peraturan yang mencabutnya (tambahkan "
        "entrinya bila belum ada), lalu hapus status ini."
    ]


def test_declared_berlaku_contradicting_an_amendment_is_an_error(tmp_path: Path) -> None:
    found = problems(tmp_path, uu(1, 2001, "status: berlaku") + uu(2, 2002, "amends: [uu-1-2001]"))
    assert found == [
        'Baris 8, entri ke-1 ("uu-1-2001"): Kolom "status" tertulis "berlaku", padahal peraturan '
        "ini diubah oleh uu-2-2002. Hapus kolom status: statusnya ditentukan dari relasi."
    ]


def test_declared_diubah_contradicting_a_revocation_is_an_error(tmp_path: Path) -> None:
    found = problems(tmp_path, uu(1, 2001, "status: diubah") + uu(2, 2002, "revokes: [uu-1-2001]"))
    assert found == [
        'Baris 8, entri ke-1 ("uu-1-2001"): Kolom "status" tertulis "diubah", padahal peraturan '
        "ini dicabut oleh uu-2-2002. Hapus kolom status: statusnya ditentukan dari relasi."
    ]


def test_unconfirmed_names_only_fields_of_the_entry(tmp_path: Path) -> None:
    (found,) = problems(tmp_path, uu(1, 2001, "unconfirmed: [tanggal]"))
    assert found.startswith(
        'Baris 8, entri ke-1 ("uu-1-2001"): Kolom "unconfirmed" menyebut "tanggal", yang bukan '
        "kolom entri ini. Pilihan: title, enacted_place, enacted_on,"
    )


def test_entry_without_official_text_is_an_error(tmp_path: Path) -> None:
    entry = "  - key: uu-1-2001\n    type: uu\n    number: 1\n    year: 2001\n    title: Judul\n"
    assert problems(tmp_path, entry) == [
        'Baris 2, entri ke-1 ("uu-1-2001"): Entri ini tidak punya naskah resmi: isi "link" '
        '(alamat halaman dokumennya) atau "pdf" (berkas PDF di folder content/).'
    ]


# --- the PDF kept in the repository ---------------------------------------------------------
def pdf_entry(path: str, sha: str | None) -> str:
    extra = [f"pdf: {path}"] + ([f"sha256: {sha}"] if sha else [])
    return uu(1, 2001, *extra)


def write_pdf(tmp_path: Path, data: bytes = PDF, name: str = "uu-1-2001.pdf") -> str:
    folder = tmp_path / "content" / "dokumen"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)
    return f"content/dokumen/{name}"


def test_pdf_with_its_sha256_loads(tmp_path: Path) -> None:
    path = write_pdf(tmp_path)
    registry = load(tmp_path, pdf_entry(path, hashlib.sha256(PDF).hexdigest()))
    reg = registry.get("uu-1-2001")
    assert reg is not None and reg.pdf == path


def test_pdf_without_sha256_says_the_value_to_record(tmp_path: Path) -> None:
    sha = hashlib.sha256(PDF).hexdigest()
    assert problems(tmp_path, pdf_entry(write_pdf(tmp_path), None)) == [
        'Baris 8, entri ke-1 ("uu-1-2001"): Kolom "sha256" wajib diisi bersama pdf, agar berkas '
        f"yang terbit dapat diperiksa keasliannya. Tulis sha256: {sha}"
    ]


def test_changed_pdf_is_caught_by_its_sha256(tmp_path: Path) -> None:
    path = write_pdf(tmp_path, PDF + b"changed")
    sha = hashlib.sha256(PDF + b"changed").hexdigest()
    assert problems(tmp_path, pdf_entry(path, "f" * 64)) == [
        'Baris 9, entri ke-1 ("uu-1-2001"): Kolom "sha256" tidak cocok dengan berkas PDF: '
        f'tertulis "{"f" * 64}", berkasnya {sha}. Bila PDF memang diganti, perbarui sha256; bila '
        "tidak, kembalikan berkas yang benar."
    ]


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        (
            "data/uu.pdf",
            'Kolom "pdf": berkas harus berada di folder content/ (ditulis dari akar repositori, '
            'misalnya content/dokumen/kpts-1-2026.pdf); tertulis: "data/uu.pdf".',
        ),
        (
            "content/../kpu.yml.pdf",
            'Kolom "pdf": berkas harus berada di folder content/ (ditulis dari akar repositori, '
            'misalnya content/dokumen/kpts-1-2026.pdf); tertulis: "content/../kpu.yml.pdf".',
        ),
        (
            "content/dokumen/uu.docx",
            'Kolom "pdf": berkas harus berakhiran .pdf; tertulis: "content/dokumen/uu.docx".',
        ),
        (
            "content/dokumen/tidak-ada.pdf",
            'Kolom "pdf": berkas "content/dokumen/tidak-ada.pdf" tidak ada. Periksa nama dan '
            "foldernya.",
        ),
    ],
)
def test_pdf_path_problems(tmp_path: Path, path: str, problem: str) -> None:
    assert problems(tmp_path, pdf_entry(path, "f" * 64)) == [
        f'Baris 8, entri ke-1 ("uu-1-2001"): {problem}'
    ]


def test_file_that_is_not_a_pdf_is_rejected(tmp_path: Path) -> None:
    path = write_pdf(tmp_path, b"PK\x03\x04 a zip")
    assert problems(tmp_path, pdf_entry(path, "f" * 64)) == [
        'Baris 8, entri ke-1 ("uu-1-2001"): Kolom "pdf": berkas "content/dokumen/uu-1-2001.pdf" '
        "bukan PDF (tidak diawali %PDF-). Simpan ulang sebagai PDF."
    ]


def test_pdf_over_the_size_limit_is_rejected(tmp_path: Path) -> None:
    path = write_pdf(tmp_path)
    os.truncate(tmp_path / path, MAX_PDF_BYTES + 1)  # sparse: no 20 MB written
    assert problems(tmp_path, pdf_entry(path, "f" * 64)) == [
        'Baris 8, entri ke-1 ("uu-1-2001"): Kolom "pdf": berkas "content/dokumen/uu-1-2001.pdf" '
        f"berukuran {MAX_PDF_BYTES + 1} bita, melebihi batas 20 MB. Kecilkan ukurannya (misalnya "
        "pindai ulang dengan resolusi 150 dpi) atau tautkan naskah resminya."
    ]


def test_symlinked_pdf_is_never_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(PDF)
    (tmp_path / "content" / "dokumen").mkdir(parents=True)
    (tmp_path / "content" / "dokumen" / "uu.pdf").symlink_to(secret)
    assert problems(tmp_path, pdf_entry("content/dokumen/uu.pdf", "f" * 64)) == [
        'Baris 8, entri ke-1 ("uu-1-2001"): Kolom "pdf": "content/dokumen/uu.pdf" adalah tautan '
        "simbolik (symlink); simpan berkas PDF aslinya."
    ]


def test_sha256_must_be_a_hex_digest(tmp_path: Path) -> None:
    assert problems(tmp_path, uu(1, 2001, "sha256: 12")) == [
        'Baris 8, entri ke-1 ("uu-1-2001"): Kolom "sha256": harus 64 huruf/angka heksadesimal, '
        'sebaiknya ditulis dalam tanda kutip (sha256: "9f86d0..."); tertulis: "12".'
    ]


def test_sha256_without_pdf_is_an_error(tmp_path: Path) -> None:
    assert problems(tmp_path, uu(1, 2001, f"sha256: {'a' * 64}")) == [
        'Baris 8, entri ke-1 ("uu-1-2001"): Kolom "sha256" hanya diisi bersama kolom "pdf". '
        "Hapus sha256 atau isi pdf."
    ]


# --- a link to the document itself ------------------------------------------------------------
@pytest.mark.parametrize(
    "url",
    [
        "https://peraturan.go.id/id/uu-no-14-tahun-2008",
        "https://peraturan.bpk.go.id/Details/37644/uu-no-7-tahun-2017",
        "https://ppid.kpu.go.id/regulasi/27793/peraturan-komisi-pemilihan-umum-nomor-4-tahun-2025",
        "https://jdih.kpu.go.id/aceh/acehtamiang/detailpkpu-6a4d54565251253344253344",
        "https://jdih.kpu.go.id/data/data_pkpu/PKPU_22_2023.pdf",
    ],
)
def test_document_pages_are_accepted(url: str) -> None:
    assert catalogue_link(url) is None


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://www.mpr.go.id/", "halaman depan"),
        ("https://komisiinformasi.go.id", "halaman depan"),
        ("https://jdih.kpu.go.id/peraturan-kpu", "katalog"),
        ("https://jdih.kpu.go.id/keputusan-kpu/", "katalog"),
        ("https://ppid.kpu.go.id/regulasi", "katalog"),
        ("https://kpu.go.id/berita/pengumuman", "tidak tampak"),
    ],
)
def test_home_and_catalogue_pages_are_flagged(url: str, kind: str) -> None:
    reason = catalogue_link(url)
    assert reason is not None and kind in reason
