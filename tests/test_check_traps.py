"""`kpu check` catches what Word and the `kpu new` template do to YAML, each with its fix (#12).

Every case is a real draft file run through the real `kpu check`; the line numbers refer to
VALID_DRAFT (title on line 2, request on 7-10, legal basis on 13, social text on 15, status on
16).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import VALID_DRAFT, run_kpu, write_draft
from tests.fake_github import FakeGitHub, running
from tests.merge_flow import Scenario, git

SHOWN = "drafts/2026-10-05-mengenal-uu-pemilu.md"
SOCIAL = '  text: "Kenali pokok-pokok UU Pemilu."'


def check(repo: Path, text: str) -> tuple[int, list[str]]:
    """Exit status and the problem lines (warnings and errors) of `kpu check` on one draft."""
    write_draft(repo, text=text)
    result = run_kpu("check", SHOWN, cwd=repo)
    assert "Traceback" not in result.err, result.err
    return result.code, [row for row in result.out.splitlines() if row.startswith(SHOWN)]


def draft(old: str, new: str) -> str:
    assert old in VALID_DRAFT
    return VALID_DRAFT.replace(old, new)


# --- 1. an unquoted # swallows the value ----------------------------------------------------------
def test_unquoted_hashtag_that_empties_the_social_text_is_an_error(repo: Path) -> None:
    code, rows = check(repo, draft(SOCIAL, "  text: #PemiluDamai Kenali pokok-pokok UU Pemilu."))
    assert code == 1
    assert rows == [
        f'{SHOWN}:15: kesalahan: Nilai kolom "social.text" dianggap kosong: tanda # setelah titik dua '
        'memulai komentar, sehingga teks "#PemiluDamai Kenali pokok-pokok UU Pemilu." terbuang. '
        'Apit seluruh teks dengan tanda kutip lurus, contoh: text: "#PemiluDamai Kenali '
        'pokok-pokok UU Pemilu."'
    ]


def test_unquoted_hashtag_in_the_title_is_one_error_not_also_an_empty_title(repo: Path) -> None:
    code, rows = check(repo, draft('title: "Mengenal UU Pemilu"', "title: #MengenalUUPemilu"))
    assert code == 1
    assert len(rows) == 1
    assert rows[0].startswith(f'{SHOWN}:2: kesalahan: Nilai kolom "title" dianggap kosong: tanda #')


def test_unquoted_hashtag_as_a_list_item_is_an_error(repo: Path) -> None:
    code, rows = check(repo, draft("tags: [pemilu]", "tags:\n  - #PemiluDamai"))
    assert code == 1
    assert rows == [
        f'{SHOWN}:6: kesalahan: Butir daftar di kolom "tags" dianggap kosong: tanda # setelah "- " '
        'memulai komentar, sehingga teks "#PemiluDamai" terbuang. Apit teksnya dengan tanda kutip '
        'lurus, contoh: - "#PemiluDamai"'
    ]


def test_hashtag_inside_straight_quotes_and_a_real_comment_pass(repo: Path) -> None:
    text = draft(SOCIAL, '  text: "#PemiluDamai Kenali pokok-pokok UU Pemilu."  # tagar di depan')
    code, rows = check(repo, text.replace("status: ready", "status: ready  # sudah ditelaah"))
    assert (code, rows) == (0, [])


def test_an_empty_optional_value_with_a_spaced_comment_is_left_alone(repo: Path) -> None:
    text = draft("status: ready", "status: ready\npublish_at:  # nanti diisi Sekretaris")
    assert check(repo, text) == (0, [])


# --- 2. Word's curly quotes --------------------------------------------------------------------
def test_curly_quotes_around_the_title_are_an_error_with_the_fix(repo: Path) -> None:
    code, rows = check(repo, draft('title: "Mengenal UU Pemilu"', "title: “Mengenal UU Pemilu”"))
    assert code == 1
    assert rows == [
        f'{SHOWN}:2: kesalahan: Kolom "title" diapit tanda kutip lengkung dari Word (“ … ”), yang '
        "tidak dibaca sebagai tanda kutip: keduanya ikut menjadi bagian dari isinya. Ganti dengan "
        'tanda kutip lurus "..." atau hapus saja. Jika tanda kutip lengkung itu memang bagian dari '
        "teks, apit seluruhnya dengan tanda kutip lurus."
    ]


def test_curly_single_quotes_in_a_list_are_an_error_on_their_line(repo: Path) -> None:
    uu7 = '  - "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum"'
    code, rows = check(repo, draft(uu7, uu7.replace('"', "‘", 1)[:-1] + "’"))
    assert code == 1
    assert any(r.startswith(f'{SHOWN}:13: kesalahan: Kolom "legal_basis.0" diapit') for r in rows)


def test_curly_quotes_inside_straight_quotes_are_the_author_s_choice(repo: Path) -> None:
    text = draft('title: "Mengenal UU Pemilu"', 'title: "“Mengenal UU Pemilu”"')
    assert check(repo, text) == (0, [])


def test_curly_quotes_around_a_value_with_a_colon_say_so_on_that_line(repo: Path) -> None:
    code, rows = check(repo, draft('title: "Mengenal UU Pemilu"', "title: “Mengenal: UU Pemilu”"))
    assert code == 1
    assert rows == [
        f"{SHOWN}:2: kesalahan: Penulisan front matter tidak sah: nilai di baris ini memuat "
        '": " dan diapit tanda kutip lengkung dari Word (“ ”), yang tidak dibaca sebagai tanda '
        'kutip. Ganti dengan tanda kutip lurus, contoh: title: "Mengenal: UU Pemilu".'
    ]


# --- 3. invisible characters in keys and in exact values ----------------------------------------
def test_non_breaking_spaces_indenting_a_key_name_the_character_and_the_line(repo: Path) -> None:
    unit = '  unit: "Subbagian Hukum dan SDM"'
    code, rows = check(repo, draft(unit, "\u00a0\u00a0" + unit.lstrip()))
    assert code == 1
    assert (
        f'{SHOWN}:10: kesalahan: Nama kolom "unit" memuat spasi tak-putus (non-breaking space) '
        "(U+00A0), biasanya tersalin dari Word atau WhatsApp; nama kolom itu tidak dikenali, dan "
        "baris ini tidak lagi menjadi bagian dari kolom di atasnya. Hapus spasi di awal baris dan "
        "di sekitar nama kolom, lalu ketik ulang dengan tombol spasi biasa."
    ) in rows
    assert not any("tidak dikenal." in r for r in rows)  # not 'Kolom "  unit" tidak dikenal'


def test_zero_width_space_inside_a_key_is_named(repo: Path) -> None:
    code, rows = check(repo, draft("election_stage:", "election\u200b_stage:"))
    assert code == 1
    assert rows[-1] == (
        f'{SHOWN}:11: kesalahan: Nama kolom "election_stage" memuat spasi tak terlihat (zero-width '
        "space) (U+200B), biasanya tersalin dari Word atau WhatsApp; nama kolom itu tidak "
        "dikenali. Hapus spasi di awal baris dan di sekitar nama kolom, lalu ketik ulang dengan "
        "tombol spasi biasa."
    )


def test_non_breaking_space_after_the_status_is_an_error_not_an_unknown_choice(
    repo: Path,
) -> None:
    code, rows = check(repo, draft("status: ready", "status: ready\u00a0"))
    assert code == 1
    assert rows == [
        f'{SHOWN}:16: kesalahan: Kolom "status" memuat spasi tak-putus (non-breaking space) (U+00A0), '
        "biasanya tersalin dari Word atau WhatsApp, sehingga nilainya tidak cocok dengan pilihan "
        'yang ada. Hapus lalu ketik ulang nilainya: "ready".'
    ]


def test_non_breaking_space_inside_a_memo_date_is_an_error(repo: Path) -> None:
    code, rows = check(repo, draft("date: 2026-10-01", 'date: "2026-10-01\u00a0"'))
    assert code == 1
    assert rows == [
        f'{SHOWN}:9: kesalahan: Kolom "request.date" memuat spasi tak-putus (non-breaking space) '
        "(U+00A0), biasanya tersalin dari Word atau WhatsApp, sehingga nilainya tidak cocok dengan "
        'pilihan yang ada. Hapus lalu ketik ulang nilainya: "2026-10-01".'
    ]


# --- 4. the kpu new template left as it was ------------------------------------------------------
def _filled_template(repo: Path) -> Path:
    """A `kpu new` draft with its empty fields filled in and its sample values left."""
    assert run_kpu("new", "Mengenal UU Pemilu", cwd=repo).code == 0
    path = next((repo / "drafts").glob("*-mengenal-uu-pemilu.md"))
    text = path.read_text(encoding="utf-8")
    for old, new in (
        ('description: ""', 'description: "Pokok-pokok UU Pemilu."'),
        ('number: ""', 'number: "012/ND/HK.03/Kab/X/2026"'),
        ('unit: ""', 'unit: "Subbagian Hukum dan SDM"'),
        ('  text: ""', '  text: "Kenali UU Pemilu."'),
    ):
        assert old in text
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return path


def _rows(repo: Path, path: Path) -> tuple[int, list[str]]:
    shown = path.relative_to(repo).as_posix()
    result = run_kpu("check", shown, cwd=repo)
    return result.code, [r.removeprefix(shown + ":") for r in result.out.splitlines() if shown in r]


def test_template_samples_left_in_a_draft_are_warnings_naming_each_line(repo: Path) -> None:
    path = _filled_template(repo)
    code, rows = _rows(repo, path)
    assert code == 0
    today = path.name[:10]
    assert rows == [
        '15: peringatan: Baris ini masih contoh dari templat kpu new (tanda "[CONTOH]"): '
        f'"{today}". Ganti dengan isian yang sebenarnya (atau pastikan contoh itu memang benar), '
        'lalu hapus tanda "[CONTOH]" di baris ini.',
        '21: peringatan: Baris ini masih contoh dari templat kpu new (tanda "[CONTOH]"): '
        '"Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum". Ganti dengan isian yang '
        'sebenarnya (atau pastikan contoh itu memang benar), lalu hapus tanda "[CONTOH]" di baris '
        "ini.",
        '48: peringatan: Isi tulisan masih memuat teks contoh dari templat ("Tulis isi publikasi di '
        'sini"). Ganti dengan isi publikasi yang sebenarnya.',
    ]


@pytest.mark.parametrize("ready", ["ready", "siap"])
def test_template_samples_left_are_errors_once_the_draft_is_ready(repo: Path, ready: str) -> None:
    path = _filled_template(repo)
    text = path.read_text(encoding="utf-8").replace("status: draft", f"status: {ready}")
    path.write_text(text, encoding="utf-8")
    code, rows = _rows(repo, path)
    assert code == 1
    notes = [r for r in rows if ": catatan: " in r]
    assert len(notes) == (ready == "siap")  # the alias is said once, at info level
    rows = [r for r in rows if r not in notes]
    assert [r.split(": ", 2)[:2] for r in rows] == [
        ["15", "kesalahan"],
        ["21", "kesalahan"],
        ["48", "kesalahan"],
    ]
    assert all(r.endswith(" sebelum status diubah menjadi ready (siap).") for r in rows)


def test_template_samples_replaced_and_marks_removed_pass(repo: Path) -> None:
    path = _filled_template(repo)
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"  # \[CONTOH\].*", "", text)  # kept the sample values: they are right here
    body = text.index("\n---\n") + 5
    text = text[:body] + "\nIsi yang sebenarnya.\n\n<!-- more -->\n\nLanjutan.\n"
    path.write_text(text.replace("status: draft", "status: ready"), encoding="utf-8")
    code, rows = _rows(repo, path)
    assert (code, rows) == (0, [])


def test_a_marker_inside_a_value_is_the_author_s_text(repo: Path) -> None:
    text = draft('title: "Mengenal UU Pemilu"', 'title: "Mengenal UU Pemilu # [CONTOH]"')
    assert check(repo, text) == (0, [])


# --- 5. status in Indonesian -----------------------------------------------------------------
@pytest.mark.parametrize("written", ["siap", "Siap", "SIAP", "draf", "Ditunda", "ditunda"])
def test_indonesian_status_is_accepted(repo: Path, written: str) -> None:
    value = {"siap": "ready", "draf": "draft", "ditunda": "postponed"}[written.casefold()]
    note = f'{SHOWN}:16: catatan: status "{written}" dibaca sebagai "{value}"; tidak ada yang perlu'
    assert check(repo, draft("status: ready", f"status: {written}")) == (0, [note + " diubah."])
    quiet = run_kpu("check", "-q", SHOWN, cwd=repo)  # info level: -q leaves it out
    assert (quiet.code, quiet.out) == (0, "")
    github = run_kpu("check", "--format", "github", SHOWN, cwd=repo)
    assert f"::notice file={SHOWN},line=16::status" in github.out


def test_the_english_status_gets_no_note(repo: Path) -> None:
    assert check(repo, draft("status: ready", "status: Ready")) == (0, [])
    assert check(repo, VALID_DRAFT) == (0, [])


def test_an_unknown_status_still_lists_the_choices(repo: Path) -> None:
    code, rows = check(repo, draft("status: ready", "status: selesai"))
    assert code == 1
    assert rows == [
        f"{SHOWN}:16: kesalahan: Kolom \"status\" harus salah satu dari: 'draft', 'ready' atau "
        "'postponed'; tertulis: \"selesai\"."
    ]


@pytest.fixture
def github() -> Iterator[FakeGitHub]:
    with running() as state:
        yield state


def test_status_siap_is_promoted_as_ready_and_verifies(
    tmp_path: Path, repo: Path, github: FakeGitHub
) -> None:
    flow = Scenario(tmp_path, repo, github)
    flow.merge_pr(12, {SHOWN: draft("status: ready", "status: siap")})
    for login in ("sekretaris-kpubabar", "hukum-kpubabar", "ketua-kpubabar"):
        github.review(12, login, "APPROVED")
    _, job = flow.run_workflow()
    promote = job.step("kpu promote")
    assert promote.code == 0, promote.out + promote.err
    assert job.step("kpu verify").code == 0, job.step("kpu verify").out
    [post] = [p for p in flow.origin_files("content/posts") if p.endswith("mengenal-uu-pemilu.md")]
    text = flow.origin_text(post)
    assert "\nstatus: ready\n" in text and "siap" not in text
    assert flow.origin_files("drafts") == []


def test_status_draf_stays_a_draft_when_merged(
    tmp_path: Path, repo: Path, github: FakeGitHub
) -> None:
    flow = Scenario(tmp_path, repo, github)
    flow.merge_pr(12, {SHOWN: draft("status: ready", "status: draf")})
    clone = flow.clone()
    env = {"GITHUB_API_URL": github.url, "GITHUB_REPOSITORY": github.repository}
    result = run_kpu("promote", "--dry-run", cwd=clone, env={**env, "GITHUB_TOKEN": "fake"})
    assert result.code == 0, result.out + result.err
    assert "Masih draf, status draft (1)" in result.out
    assert git("status", "--porcelain", cwd=clone) == ""


# --- 6. YAML syntax errors in Indonesian, on the line to fix ---------------------------------
YAML_CASES = {
    "missing colon": (
        draft('description: "', 'judul Sosialisasi\ndescription: "'),
        3,
        'baris ini tidak punya titik dua (:) setelah nama kolom. Tulis "nama: nilai", contoh '
        '"title: Sosialisasi Pemilu"; jika baris ini lanjutan teks dari baris di atasnya, '
        "gabungkan ke baris itu.",
    ),
    "missing colon before a sub-key": (
        draft("election_stage: informasi-umum", "election_stage informasi-umum"),
        11,
        'baris ini tidak punya titik dua (:) setelah nama kolom. Tulis "nama: nilai", contoh '
        '"title: Sosialisasi Pemilu"; jika baris ini lanjutan teks dari baris di atasnya, '
        "gabungkan ke baris itu.",
    ),
    "no space after the colon": (
        draft('title: "Mengenal UU Pemilu"', 'title:"Mengenal UU Pemilu"'),
        2,
        'baris ini tidak punya spasi setelah titik dua: tulis "nama: nilai" (titik dua, spasi, '
        'lalu nilainya), contoh "title: Sosialisasi Pemilu".',
    ),
    "colon inside a value": (
        draft('title: "Mengenal UU Pemilu"', "title: Mengenal UU Pemilu: Pokok-pokoknya"),
        2,
        'nilai di baris ini memuat titik dua dan spasi (": "), yang dibaca sebagai kolom baru. '
        'Apit seluruh nilainya dengan tanda kutip lurus, contoh: title: "Mengenal UU Pemilu: '
        'Pokok-pokoknya".',
    ),
    "unclosed double quote": (
        draft('title: "Mengenal UU Pemilu"', 'title: "Mengenal UU Pemilu'),
        2,
        'tanda kutip ganda (") dibuka di baris ini tetapi tidak ditutup. Tambahkan tanda kutip '
        'penutup " di akhir nilainya (di baris yang sama).',
    ),
    "unclosed single quote": (
        draft(SOCIAL, "  text: 'Kenali pokok-pokok UU Pemilu."),
        15,
        "tanda kutip tunggal (') dibuka di baris ini tetapi tidak ditutup. Tambahkan tanda kutip "
        "penutup ' di akhir nilainya (di baris yang sama).",
    ),
    "text after the closing quote": (
        draft('title: "Mengenal UU Pemilu"', 'title: "Mengenal" UU Pemilu'),
        2,
        "ada teks setelah tanda kutip penutup di baris ini. Apit seluruh nilai dengan tanda "
        'kutip, atau tulis tanda kutip di dalam teks sebagai \\" (garis miring terbalik lalu '
        "tanda kutip).",
    ),
    "tab indent": (
        draft("  number:", "\tnumber:"),
        8,
        "baris ini memakai tab untuk indentasi atau sebagai pemisah. Hapus tab itu dan ganti "
        "dengan spasi (dua spasi untuk sub-kolom).",
    ),
    "sub-key indented too far": (
        draft("  date: 2026-10-01", "   date: 2026-10-01"),
        9,
        "indentasi baris ini tidak sejajar dengan kolom di atasnya. Sub-kolom ditulis dengan "
        "jumlah spasi yang sama (misalnya dua spasi) di awal baris; kolom utama tanpa spasi.",
    ),
    "sub-key indented too little": (
        draft("  date: 2026-10-01", " date: 2026-10-01"),
        9,
        "indentasi baris ini tidak sejajar dengan kolom di atasnya. Sub-kolom ditulis dengan "
        "jumlah spasi yang sama (misalnya dua spasi) di awal baris; kolom utama tanpa spasi.",
    ),
    "list not closed": (
        draft("tags: [pemilu]", "tags: [pemilu, uu"),
        5,
        'kurung siku "[" dibuka di baris ini tetapi tidak ditutup dengan "]".',
    ),
    "list item without a dash": (
        draft(
            '  - "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum"',
            '  - "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum"\n  UU Nomor 14 Tahun 2008',
        ),
        14,
        'butir daftar di baris ini harus diawali "- " dengan indentasi yang sama seperti butir '
        "lainnya.",
    ),
    "backslash inside double quotes": (
        draft('title: "Mengenal UU Pemilu"', 'title: "Mengenal UU Pemilu \\dokumen"'),
        2,
        "ada garis miring terbalik (\\) di dalam tanda kutip ganda di baris ini. Tulis \\\\ untuk "
        "satu garis miring terbalik, atau apit nilainya dengan tanda kutip tunggal '...'.",
    ),
    "ampersand at the start": (
        draft("authors: [tim-desain]", "authors: & tim-desain"),
        6,
        'nilai di baris ini diawali "&", yang tidak boleh mengawali nilai. Apit seluruh nilainya '
        "dengan tanda kutip lurus.",
    ),
    "colon inside brackets": (
        draft("categories: [Informasi Hukum]", "categories: [Informasi Hukum:]"),
        4,
        "ada titik dua (:) di dalam kurung siku di baris ini. Apit butir yang memuat titik dua "
        'dengan tanda kutip lurus, contoh: [ "Pemilu: 2029" ].',
    ),
    "mention at the start": (
        draft(SOCIAL, "  text: @kpubabar mengajak mengenal UU Pemilu."),
        15,
        'nilai di baris ini diawali "@", yang tidak boleh mengawali nilai. Apit seluruh nilainya '
        "dengan tanda kutip lurus.",
    ),
}


@pytest.mark.parametrize("name", sorted(YAML_CASES))
def test_yaml_mistake_is_said_in_indonesian_on_the_line_to_fix(repo: Path, name: str) -> None:
    text, line, problem = YAML_CASES[name]
    code, rows = check(repo, text)
    assert code == 1
    assert rows == [f"{SHOWN}:{line}: kesalahan: Penulisan front matter tidak sah: {problem}"]


def test_duplicate_key_names_both_lines(repo: Path) -> None:
    code, rows = check(repo, draft("status: ready", 'status: ready\ntitle: "Lagi"'))
    assert code == 1
    assert rows == [
        f'{SHOWN}:17: kesalahan: Kolom "title" ditulis dua kali (baris 2 dan baris 17); hanya satu '
        "yang akan dipakai. Hapus salah satunya."
    ]
