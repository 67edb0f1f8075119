from __future__ import annotations

import time
from typing import get_args

import pytest

from pipeline.legal.citations import KIND_NAMES, Citation, CitationError, Kind, parse_citation

EXAMPLE = (
    'Contoh penulisan yang benar: "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum" '
    'atau "PKPU Nomor 1 Tahun 2015".'
)
UU_7_2017 = ("Undang-Undang Nomor 7 Tahun 2017", "uu-7-2017")
PKPU_1_2015 = ("Peraturan Komisi Pemilihan Umum Nomor 1 Tahun 2015", "pkpu-1-2015")
PERKI_1_2010 = ("Peraturan Komisi Informasi Nomor 1 Tahun 2010", "perki-1-2010")
KPTS_88_2015 = ("Keputusan Komisi Pemilihan Umum Nomor 88/Kpts/KPU/Tahun 2015", "kpts-kpu-88-2015")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum", UU_7_2017),
        ("UU No. 7 Tahun 2017", UU_7_2017),
        ("UU Nomor 7 Tahun 2017", UU_7_2017),
        ("UU 7/2017", UU_7_2017),
        ("uu  no.7/2017.", UU_7_2017),
        ("Undang undang RI No 7 Tahun 2017", UU_7_2017),
        ("Undang\u2013Undang Nomor 07 Tahun\u00a02017", UU_7_2017),
        ("PKPU Nomor 1 Tahun 2015", PKPU_1_2015),
        ("Peraturan KPU No. 1 Tahun 2015", PKPU_1_2015),
        ("Peraturan KPU RI Nomor 1 Tahun 2015", PKPU_1_2015),
        (
            "Peraturan Komisi Pemilihan Umum Nomor 1 Tahun 2015 tentang Pengelolaan dan Pelayanan "
            "Informasi Publik di Lingkungan Komisi Pemilihan Umum",
            PKPU_1_2015,
        ),
        ("Peraturan Komisi Informasi Nomor 1 Tahun 2010", PERKI_1_2010),
        ("Perki No 1 Tahun 2010", PERKI_1_2010),
        ("PERKI NO 1 TAHUN 2010", PERKI_1_2010),
        ("Keputusan KPU Nomor 88/Kpts/KPU/Tahun 2015", KPTS_88_2015),
        ("Keputusan KPU RI Nomor 88/Kpts/KPU/Tahun 2015 tentang Standar Operasional", KPTS_88_2015),
        ("Keputusan Komisi Pemilihan Umum Nomor: 88/Kpts/KPU/ Tahun 2015", KPTS_88_2015),
        ("Keputusan KPU Nomor 88/KPTS/KPU/2015", KPTS_88_2015),
        (
            "Peraturan Pemerintah Pengganti Undang-Undang (Perppu) Nomor 1 Tahun 2022",
            ("Peraturan Pemerintah Pengganti Undang-Undang Nomor 1 Tahun 2022", "perppu-1-2022"),
        ),
        (
            "Perppu No. 1 Tahun 2022",
            ("Peraturan Pemerintah Pengganti Undang-Undang Nomor 1 Tahun 2022", "perppu-1-2022"),
        ),
        (
            "Peraturan Pemerintah Nomor 61 Tahun 2010 tentang Pelaksanaan UU KIP",
            ("Peraturan Pemerintah Nomor 61 Tahun 2010", "pp-61-2010"),
        ),
        ("PP 61/2010", ("Peraturan Pemerintah Nomor 61 Tahun 2010", "pp-61-2010")),
        (
            "Peraturan Presiden Nomor 12 Tahun 2024",
            ("Peraturan Presiden Nomor 12 Tahun 2024", "perpres-12-2024"),
        ),
        (
            "Perpres No. 12 Tahun 2024",
            ("Peraturan Presiden Nomor 12 Tahun 2024", "perpres-12-2024"),
        ),
        (
            "Peraturan Bawaslu Nomor 7 Tahun 2022",
            ("Peraturan Badan Pengawas Pemilihan Umum Nomor 7 Tahun 2022", "perbawaslu-7-2022"),
        ),
        (
            "Perbawaslu 7/2022",
            ("Peraturan Badan Pengawas Pemilihan Umum Nomor 7 Tahun 2022", "perbawaslu-7-2022"),
        ),
        ("UUD 1945", ("Undang-Undang Dasar Negara Republik Indonesia Tahun 1945", "uud-1945")),
        (
            "UUD NRI Tahun 1945",
            ("Undang-Undang Dasar Negara Republik Indonesia Tahun 1945", "uud-1945"),
        ),
        (
            "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945",
            ("Undang-Undang Dasar Negara Republik Indonesia Tahun 1945", "uud-1945"),
        ),
    ],
)
def test_accepted_forms_normalise_to_one_canonical_text_and_key(
    text: str, expected: tuple[str, str]
) -> None:
    citation = parse_citation(text)
    assert (citation.canonical, citation.key) == expected


def test_title_after_tentang_is_kept_with_whitespace_normalised() -> None:
    citation = parse_citation("UU Nomor 7 Tahun 2017   tentang  Pemilihan\n Umum.")
    assert citation == Citation("uu", "7", 2017, "Pemilihan Umum")


def test_citation_without_title_has_none() -> None:
    assert parse_citation("UU 7/2017").title is None


def test_keputusan_number_keeps_its_kpts_part() -> None:
    assert parse_citation("Keputusan KPU Nomor 88/Kpts/KPU/Tahun 2015").number == "88/Kpts/KPU"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Kutipan peraturan kosong. " + EXAMPLE),
        ("   ", "Kutipan peraturan kosong. " + EXAMPLE),
        (
            "Peraturan tentang sesuatu",
            'Jenis peraturan pada "Peraturan tentang sesuatu" tidak dikenali. Awali kutipan dengan '
            "jenisnya: Undang-Undang (UU), Perppu, Peraturan Pemerintah (PP), Peraturan Presiden "
            "(Perpres), Peraturan KPU (PKPU), Peraturan Komisi Informasi (Perki), Keputusan KPU, "
            "Peraturan Bawaslu, atau UUD 1945. " + EXAMPLE,
        ),
        (
            "UU Tahun 2017",
            'Nomor dan tahun peraturan pada "UU Tahun 2017" tidak terbaca. Setelah jenis peraturan '
            'tulis "Nomor <angka> Tahun <tahun>". ' + EXAMPLE,
        ),
        (
            "UU 7/1900",
            'Tahun 1900 pada "UU 7/1900" tidak mungkin benar: tahun peraturan harus antara '
            "1945 dan 2099. " + EXAMPLE,
        ),
        (
            "PKPU Nomor 88/Kpts/KPU/Tahun 2015",
            'Penulisan "/Kpts/KPU" pada "PKPU Nomor 88/Kpts/KPU/Tahun 2015" hanya dipakai untuk '
            'Keputusan KPU, contoh "Keputusan KPU Nomor 88/Kpts/KPU/Tahun 2015". Untuk jenis '
            'peraturan lain tulis "Nomor <angka> Tahun <tahun>". ' + EXAMPLE,
        ),
        (
            "UU 7/2017 sebagaimana telah diubah dengan UU 7/2023",
            'Bagian "sebagaimana telah diubah dengan UU 7/2023" pada "UU 7/2017 sebagaimana telah '
            'diubah dengan UU 7/2023" tidak dikenali. Judul peraturan ditulis setelah kata '
            '"tentang", dan setiap peraturan (termasuk peraturan yang mengubahnya) ditulis sebagai '
            "butir legal_basis sendiri. " + EXAMPLE,
        ),
        (
            "UUD 1950",
            'Undang-Undang Dasar yang berlaku adalah UUD 1945, tetapi tertulis "UUD 1950". Tulis '
            '"Undang-Undang Dasar Negara Republik Indonesia Tahun 1945" atau "UUD 1945".',
        ),
    ],
)
def test_unreadable_citation_is_explained_in_indonesian_with_the_expected_form(
    text: str, message: str
) -> None:
    with pytest.raises(CitationError) as caught:
        parse_citation(text)
    assert str(caught.value) == message
    assert caught.value.text == text


def test_citation_error_is_a_value_error() -> None:
    assert issubclass(CitationError, ValueError)


def test_long_garbage_is_cut_in_the_message() -> None:
    with pytest.raises(CitationError) as caught:
        parse_citation("Surat " + "x" * 500)
    assert "x" * 100 not in str(caught.value)
    assert "…" in str(caught.value)


def test_every_kind_code_has_a_canonical_name() -> None:
    assert set(get_args(Kind)) == set(KIND_NAMES)


def test_canonical_text_parses_back_to_the_same_citation() -> None:
    for kind in KIND_NAMES:
        number = "" if kind == "uud" else ("88/Kpts/KPU" if kind == "kpts-kpu" else "12")
        year = 1945 if kind == "uud" else 2020
        citation = Citation(kind, number, year)
        assert parse_citation(citation.canonical) == citation


def test_ten_thousand_citations_parse_well_under_a_second() -> None:
    texts = [
        "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum",
        "Keputusan KPU RI Nomor 88/Kpts/KPU/Tahun 2015 tentang Standar Operasional Prosedur",
        "Perki No 1 Tahun 2010",
        "UU 7/2017",
        "UUD 1945",
    ] * 2000
    start = time.perf_counter()
    for text in texts:
        parse_citation(text)
    assert time.perf_counter() - start < 1.0
