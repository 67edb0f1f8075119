from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.core.errors import PipelineError
from pipeline.legal.citations import parse_citation
from pipeline.legal.regulations import (
    Registry,
    RegistryError,
    check_citation,
    final_replacement,
    load_registry,
)

REGISTRY_FILE = Path(__file__).resolve().parents[1] / "data" / "regulations.yml"
SOP_LEGAL_BASIS = [
    "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik",
    "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum",
    "Peraturan Komisi Informasi Nomor 1 Tahun 2010 tentang Standar Layanan Informasi Publik",
    "Peraturan Komisi Pemilihan Umum Nomor 1 Tahun 2015 tentang Pengelolaan dan Pelayanan "
    "Informasi Publik di Lingkungan Komisi Pemilihan Umum",
    "Keputusan KPU RI Nomor 88/Kpts/KPU/Tahun 2015 tentang Standar Operasional Prosedur "
    "Pengelolaan dan Pelayanan Informasi Publik di Lingkungan Komisi Pemilihan Umum",
]


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(REGISTRY_FILE)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "regulations.yml"
    path.write_text(text, encoding="utf-8")
    return path


def entry(key: str, kind: str, number: str, year: int, **extra: str) -> str:
    lines = [
        f"  - key: {key}",
        f"    type: {kind}",
        f"    number: {number}",
        f"    year: {year}",
        "    title: Judul",
        *(f"    {field}: {value}" for field, value in extra.items()),
    ]
    if "link" not in extra:
        lines.append(f"    link: https://peraturan.go.id/id/{key}")
    return "\n".join(lines) + "\n"


# --- the shipped registry ---------------------------------------------------------------------


def test_registry_file_loads(registry: Registry) -> None:
    assert len(registry) >= 20
    assert registry.get("uu-7-2017") is not None


def test_registry_keeps_file_order(registry: Registry) -> None:
    keys = [regulation.key for regulation in registry]
    assert keys[:3] == ["uud-1945", "uu-14-2008", "uu-7-2017"]


def test_every_regulation_key_equals_the_key_of_its_canonical_text(registry: Registry) -> None:
    for regulation in registry:
        assert parse_citation(regulation.canonical).key == regulation.key


def test_every_relation_points_to_a_registered_regulation(registry: Registry) -> None:
    for regulation in registry:
        for key in [*regulation.amends, *regulation.revokes, *regulation.implements]:
            assert registry.get(key) is not None, (regulation.key, key)


def test_every_revoked_regulation_names_a_replacement_in_force(registry: Registry) -> None:
    for regulation in registry:
        if registry.status(regulation.key) == "dicabut":
            replacement = final_replacement(regulation, registry)
            assert replacement.key != regulation.key
            assert registry.status(replacement.key) != "dicabut"


def test_every_link_is_https_on_a_government_site(registry: Registry) -> None:
    for regulation in registry:
        assert regulation.link is not None
        assert regulation.link.startswith("https://")
        assert ".go.id/" in regulation.link


def test_every_sop_legal_basis_is_registered(registry: Registry) -> None:
    for text in SOP_LEGAL_BASIS:
        assert registry.get(parse_citation(text).key) is not None, text


def test_regulation_canonical_text_matches_the_citation(registry: Registry) -> None:
    kpts = registry.get("kpts-kpu-88-2015")
    assert kpts is not None
    assert kpts.canonical == "Keputusan Komisi Pemilihan Umum Nomor 88/Kpts/KPU/Tahun 2015"
    uud = registry.get("uud-1945")
    assert uud is not None
    assert uud.canonical == "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945"


# --- checking citations -----------------------------------------------------------------------


def test_revoked_regulation_is_an_error_naming_its_replacement(registry: Registry) -> None:
    found = check_citation(SOP_LEGAL_BASIS[2], registry)
    assert found == (
        "error",
        'Peraturan "Peraturan Komisi Informasi Nomor 1 Tahun 2010" sudah dicabut dan diganti oleh '
        '"Peraturan Komisi Informasi Nomor 1 Tahun 2021". Ganti kutipan di legal_basis dengan '
        "peraturan pengganti.",
    )


def test_revoked_kpu_regulation_names_pkpu_22_2023(registry: Registry) -> None:
    found = check_citation("PKPU No. 1 Tahun 2015", registry)
    assert found == (
        "error",
        'Peraturan "Peraturan Komisi Pemilihan Umum Nomor 1 Tahun 2015" sudah dicabut dan diganti '
        'oleh "Peraturan Komisi Pemilihan Umum Nomor 22 Tahun 2023". Ganti kutipan di legal_basis '
        "dengan peraturan pengganti.",
    )


def test_regulation_revoked_twice_names_the_one_in_force(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "regulations:\n"
        + entry("uu-1-2001", "uu", "1", 2001)
        + entry("uu-2-2002", "uu", "2", 2002, revokes="[uu-1-2001]")
        + entry("uu-3-2003", "uu", "3", 2003, revokes="[uu-2-2002]"),
    )
    found = check_citation("UU 1/2001", load_registry(path))
    assert found is not None
    assert found[1].startswith(
        'Peraturan "Undang-Undang Nomor 1 Tahun 2001" sudah dicabut dan diganti oleh '
        '"Undang-Undang Nomor 3 Tahun 2003".'
    )


@pytest.mark.parametrize("text", ["UU 7/2017", "UU No. 14 Tahun 2008", "UUD 1945", "Perki 1/2021"])
def test_regulation_in_force_or_amended_is_fine(registry: Registry, text: str) -> None:
    assert check_citation(text, registry) is None


def test_unknown_regulation_is_a_warning_saying_how_to_add_it(registry: Registry) -> None:
    found = check_citation("Peraturan Bawaslu Nomor 99 Tahun 2030", registry)
    assert found == (
        "warning",
        'Peraturan "Peraturan Badan Pengawas Pemilihan Umum Nomor 99 Tahun 2030" belum tercatat '
        "di data/regulations.yml, jadi statusnya (berlaku, diubah, atau dicabut) tidak dapat "
        "diperiksa. Periksa kembali nomor dan tahunnya; jika sudah benar, minta Subbag Hukum "
        'menambahkan satu entri di data/regulations.yml dengan key "perbawaslu-99-2030" beserta '
        "type, number, year, title, status, dan link ke naskah resminya (misalnya di "
        "peraturan.go.id atau jdih.kpu.go.id).",
    )


def test_unparseable_citation_is_an_error_with_the_citation_message(registry: Registry) -> None:
    found = check_citation("UU Tahun 2017", registry)
    assert found == (
        "error",
        'Nomor dan tahun peraturan pada "UU Tahun 2017" tidak terbaca. Setelah jenis peraturan '
        'tulis "Nomor <angka> Tahun <tahun>". Contoh penulisan yang benar: "Undang-Undang Nomor 7 '
        'Tahun 2017 tentang Pemilihan Umum" atau "PKPU Nomor 1 Tahun 2015".',
    )


# --- a broken registry ------------------------------------------------------------------------


def test_broken_registry_lists_every_problem_at_once(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "regulations:\n"
        + entry("uu-7-2017", "uu", "7", 2017)  # lines 2-7
        + entry("uu-7-2017", "uu", "7", 2017)  # lines 8-13: duplicate key
        + entry("uu-8-2012", "uu", "8", 2012, status="dicabut")  # 14-20: no revoker
        + entry("uu-14-2008", "uu", "14", 2008, link="http://example.com/uu")  # 21-26
        + entry("pkpu-1-2016", "pkpu", "1", 2015, amends="[pkpu-9-2099]")  # 27-33
        + "  - key: uu-15-2011\n    type: undang\n    year: 2011\n    statue: dicabut\n"  # 34-37
        + "    link: https://peraturan.go.id/id/uu-no-15-tahun-2011\n"  # 38
        + "  - just a string\n",  # 39
    )
    with pytest.raises(RegistryError) as caught:
        load_registry(path)
    assert caught.value.problems == [
        'Baris 8, entri ke-2 ("uu-7-2017"): Kolom "key": "uu-7-2017" sudah dipakai oleh entri '
        "ke-1. Setiap peraturan hanya boleh dicatat satu kali; hapus salah satunya.",
        'Baris 19, entri ke-3 ("uu-8-2012"): Kolom "status": status "dicabut" tidak ditulis '
        "sendiri. Tulis revokes: [uu-8-2012] di entri peraturan yang mencabutnya (tambahkan "
        "entrinya bila belum ada), lalu hapus status ini.",
        'Baris 26, entri ke-4 ("uu-14-2008"): Kolom "link": harus alamat https ke naskah resmi di '
        "situs pemerintah (berakhiran .go.id), misalnya "
        'https://peraturan.go.id/id/uu-no-7-tahun-2017; tertulis: "http://example.com/uu".',
        'Baris 27, entri ke-5 ("pkpu-1-2016"): Kolom "key" harus "pkpu-1-2015" (dibentuk dari '
        'type, number, dan year); tertulis: "pkpu-1-2016".',
        'Baris 32, entri ke-5 ("pkpu-1-2016"): Kolom "amends" menunjuk key "pkpu-9-2099" yang '
        "tidak ada di data/regulations.yml. Tambahkan entri untuk peraturan itu atau perbaiki "
        "key-nya.",
        'Baris 35, entri ke-6 ("uu-15-2011"): Kolom "type": harus salah satu kode jenis: uud, uu, '
        'perppu, pp, perpres, pkpu, perki, kpts-kpu, kpts-kpukab, perbawaslu; tertulis: "undang".',
        'Baris 37, entri ke-6 ("uu-15-2011"): Kolom "statue" tidak dikenal. Mungkin maksudnya '
        '"status"? Periksa ejaannya atau hapus kolom ini.',
        "Baris 39, entri ke-7: Butir ini harus berisi kolom-kolom (key, type, number, year, title, "
        'status, link), tertulis: "just a string".',
    ]
    assert str(caught.value) == "\n".join(caught.value.problems)


def test_keputusan_number_must_keep_its_kpts_part_or_be_plain(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "regulations:\n" + entry("kpts-kpu-88-2015", "kpts-kpu", "88/kpts", 2015),
    )
    with pytest.raises(RegistryError) as caught:
        load_registry(path)
    assert caught.value.problems == [
        'Baris 4, entri ke-1 ("kpts-kpu-88-2015"): Kolom "number" tidak sah untuk type "kpts-kpu"; '
        'tertulis: "88/kpts". Tulis angkanya saja tanpa nol di depan, misalnya 7; untuk Keputusan '
        'KPU misalnya "88/Kpts/KPU"; untuk UUD 1945 hapus kolom number.'
    ]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "",
            'Isi berkas harus berupa kolom "regulations:" berisi daftar peraturan, setiap butir '
            'diawali "- key: ...". Tertulis: kosong.',
        ),
        (
            "regulations: uu-7-2017\n",
            'Isi berkas harus berupa kolom "regulations:" berisi daftar peraturan, setiap butir '
            'diawali "- key: ...". Tertulis: "uu-7-2017".',
        ),
        (
            "regulations: []\n",
            'Baris 1: Daftar "regulations:" kosong. Catat minimal peraturan dasar hukum SOP.',
        ),
    ],
)
def test_registry_without_a_list_of_regulations_is_rejected(
    tmp_path: Path, text: str, problem: str
) -> None:
    with pytest.raises(RegistryError) as caught:
        load_registry(write(tmp_path, text))
    assert caught.value.problems == [problem]


def test_registry_with_broken_yaml_points_at_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "regulations:\n  - key: [uu-7-2017\n")
    with pytest.raises(RegistryError) as caught:
        load_registry(path)
    assert len(caught.value.problems) == 1
    assert caught.value.problems[0].startswith("Baris ")


def test_missing_registry_file_is_a_registry_error(tmp_path: Path) -> None:
    with pytest.raises(RegistryError) as caught:
        load_registry(tmp_path / "nothing.yml")
    assert len(caught.value.problems) == 1


def test_registry_error_belongs_to_the_pipeline_exception_tree() -> None:
    assert issubclass(RegistryError, PipelineError)
