"""`kpu check`: every bad input gives one clear Indonesian error with file and line, never a traceback."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import VALID_DRAFT, run_kpu, write_draft

CORPUS = Path(__file__).parent / "corpus"

# file in tests/corpus -> (line, text the user must see)
BAD_INPUTS = {
    # the line to fix: where the quote opens, not where PyYAML noticed it (#12)
    "malformed-yaml.md": (2, 'tanda kutip ganda (") dibuka di baris ini tetapi tidak ditutup'),
    "tab-indent.md": (8, "baris ini memakai tab untuk indentasi atau sebagai pemisah"),
    "yaml-alias-bomb.md": (1, "anchor/alias YAML"),
    "missing-title.md": (2, 'Kolom "title" wajib diisi.'),
    "empty-title.md": (2, 'Kolom "title" tidak boleh kosong.'),
    "title-is-list.md": (2, 'Kolom "title" harus berupa teks, tertulis: sebuah daftar.'),
    "memo-date-not-a-date.md": (
        9,
        'Kolom "request.date" harus berupa tanggal dengan format TTTT-BB-HH, contoh 2026-10-01; '
        'tertulis: "1 Oktober 2026".',
    ),
    "memo-date-impossible.md": (9, 'Tanggal "2026-13-45" tidak ada di kalender.'),
    "missing-request.md": (2, 'Kolom "request" wajib diisi.'),
    "empty-legal-basis.md": (12, 'Kolom "legal_basis" harus berisi minimal 1 butir.'),
    "legal-basis-not-a-list.md": (12, 'Kolom "legal_basis" harus berupa daftar'),
    "unparseable-citation.md": (13, "Peraturan tentang pemilu"),
    "revoked-citation.md": (13, "sudah dicabut dan diganti oleh"),
    "unknown-stage.md": (11, 'Tahapan "kampanye-2031" di kolom election_stage tidak dikenal.'),
    "wrong-status.md": (
        16,
        "Kolom \"status\" harus salah satu dari: 'draft', 'ready' atau 'postponed'; "
        'tertulis: "selesai".',
    ),
    "unknown-field.md": (6, 'Kolom "legal_bases" tidak dikenal. Mungkin maksudnya "legal_basis"?'),
    "publish-at-not-a-date.md": (17, 'Kolom "publish_at" harus berupa tanggal dan jam'),
    "image-escapes-repo.md": (17, "berada di luar repositori"),
    "image-absolute.md": (17, "berada di luar repositori"),
    "image-missing.md": (17, "tidak ditemukan"),
    "image-without-alt.md": (17, 'Kolom "image_alt" wajib diisi jika ada gambar'),  # image exists
    "script-tag.md": (25, "tag <script>"),
    "iframe-tag.md": (23, "tag <iframe>"),
    "event-attribute.md": (23, "atribut peristiwa onerror= (pada <img>)"),
    "javascript-link.md": (23, 'tautan "javascript:"'),
    "no-front-matter.md": (1, "Bagian data (front matter) tidak ditemukan."),
    "front-matter-is-a-list.md": (1, 'Front matter harus berupa daftar kolom "nama: nilai"'),
    "description-too-long.md": (
        3,
        'Kolom "description" terlalu panjang (379 karakter, maksimum 300).',
    ),
    # Found by fuzzing (issue 10): each crashed the whole check before.
    "timestamp-tag.md": (2, 'Nilai "x" tidak dapat dibaca sebagai tanggal.'),
    "image-name-too-long.md": (17, "tidak ditemukan"),
    "key-with-bracket.md": (17, 'Kolom "catatan[1]" tidak dikenal.'),
    "deeply-nested.md": (17, "Front matter bersarang terlalu dalam (lebih dari 20 tingkat)."),
    # Accepted before, silently.
    "duplicate-key.md": (17, 'Kolom "title" ditulis dua kali (baris 2 dan baris 17)'),
    "bidi-override.md": (2, 'Kolom "title" memuat karakter pembalik arah teks (U+202E)'),
    "nul-in-title.md": (2, 'Kolom "title" memuat karakter kendali tak terlihat (U+0000)'),
    "newline-in-title.md": (2, 'Kolom "title" harus ditulis dalam satu baris.'),
    "title-too-long.md": (2, 'Kolom "title" terlalu panjang (2013 karakter, maksimum 2000).'),
}


def test_every_corpus_file_has_a_case() -> None:
    assert sorted(p.name for p in CORPUS.glob("*.md")) == sorted(BAD_INPUTS)


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_gives_one_clear_error(repo: Path, name: str) -> None:
    line, text = BAD_INPUTS[name]
    draft = f"2026-10-05-{name}"
    images = repo / "content" / "assets" / "images"
    images.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (120, 63), "red").save(images / "contoh.png")
    shutil.copy(CORPUS / name, repo / "drafts" / draft)
    result = run_kpu("check", cwd=repo)
    assert result.code == 1, result.out + result.err
    assert "Traceback" not in result.err
    errors = [row for row in result.out.splitlines() if ": kesalahan: " in row]
    assert len(errors) == 1, result.out
    assert errors[0].startswith(f"drafts/{draft}:{line}: kesalahan: "), errors[0]
    assert text in errors[0]


def test_zero_width_space_is_a_warning_naming_the_line(repo: Path) -> None:
    write_draft(repo, text=VALID_DRAFT.replace("Isi publikasi", "Isi\u200bpublikasi"))
    result = run_kpu("check", cwd=repo)
    assert result.code == 0, result.out
    assert (
        "drafts/2026-10-05-mengenal-uu-pemilu.md:19: peringatan: Isi tulisan memuat spasi tak "
        "terlihat (U+200B)" in result.out
    )


def test_emoji_joined_by_zero_width_joiner_is_fine(repo: Path) -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    write_draft(repo, text=VALID_DRAFT.replace("Kenali pokok", f"{family} Kenali pokok"))
    result = run_kpu("check", cwd=repo)
    assert result.code == 0, result.out
    assert "warning" not in result.out


INJECTED = r"x\n::error file=a.md::palsu\r::add-mask::Pemilu\n  ::stop-commands::t\n##[error]y"


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_draft_text_cannot_start_a_workflow_command_in_the_log(repo: Path, fmt: str) -> None:
    text = VALID_DRAFT.replace("election_stage: informasi-umum", f'election_stage: "{INJECTED}"')
    write_draft(repo, text=text.replace("Mengenal UU Pemilu", r"Judul\n::warning::palsu"))
    result = run_kpu("check", "--format", fmt, cwd=repo)
    assert result.code == 1
    lines = (result.out + result.err).replace("\r", "\n").splitlines()
    commands = [line for line in lines if line.lstrip().startswith(("::", "##["))]
    if fmt == "text":
        assert commands == []
        assert 'Tahapan "x\\n::error file=a.md::palsu\\r::add-mask::Pemilu' in result.out
    else:  # the real annotations only, one per problem, each data-escaped by GitHub's rules
        assert commands and all(c.startswith("::error file=drafts/") for c in commands)
        assert "%0A::error file=a.md::palsu%0D::add-mask::Pemilu" in result.out


def test_valid_draft_passes(repo: Path) -> None:
    write_draft(repo)
    result = run_kpu("check", cwd=repo)
    assert result.code == 0, result.out + result.err
    assert ": kesalahan:" not in result.out and "error" not in result.out
    assert result.out.strip().splitlines()[-1].startswith("Semua ")


def test_non_utf8_bytes_name_the_line(repo: Path) -> None:
    raw = VALID_DRAFT.replace("Isi publikasi", "Isi publikasi \xe9").encode("latin-1")
    (repo / "drafts" / "2026-10-05-latin.md").write_bytes(raw)
    result = run_kpu("check", cwd=repo)
    assert result.code == 1
    assert (
        "drafts/2026-10-05-latin.md:19: kesalahan: Berkas tidak tersimpan sebagai teks UTF-8"
        in result.out
    )


def test_file_over_one_megabyte_is_refused_before_parsing(repo: Path) -> None:
    write_draft(repo, text=VALID_DRAFT + "kata " * 220_000)
    result = run_kpu("check", cwd=repo)
    assert result.code == 1
    assert "Berkas terlalu besar (" in result.out
    assert "maksimum 1000000 byte" in result.out


def test_symlinked_image_pointing_outside_the_repo_is_refused(repo: Path, tmp_path: Path) -> None:
    outside = tmp_path / "rahasia.png"
    Image.new("RGB", (10, 10)).save(outside)
    images = repo / "content" / "assets" / "images"
    images.mkdir(parents=True, exist_ok=True)
    os.symlink(outside, images / "tautan.png")
    text = VALID_DRAFT.replace(
        "status: ready", 'status: ready\nimage: content/assets/images/tautan.png\nimage_alt: "Logo"'
    )
    write_draft(repo, text=text)
    result = run_kpu("check", cwd=repo)
    assert result.code == 1
    assert (
        ':17: kesalahan: Gambar "content/assets/images/tautan.png" adalah tautan simbolik (symlink)'
        in result.out
    )
    assert (
        f'content/assets/images/tautan.png: kesalahan: Ini tautan simbolik (symlink) ke "{outside}"'
        in (result.out)
    )


def test_image_inside_repo_with_alt_text_passes(repo: Path) -> None:
    images = repo / "content" / "assets" / "images"
    images.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (120, 63), "red").save(images / "kartu.png")
    text = VALID_DRAFT.replace(
        "status: ready", 'status: ready\nimage: content/assets/images/kartu.png\nimage_alt: "Kartu"'
    )
    write_draft(repo, text=text)
    assert run_kpu("check", cwd=repo).code == 0


def test_image_that_is_not_really_a_png_is_refused(repo: Path) -> None:
    images = repo / "content" / "assets" / "images"
    images.mkdir(parents=True, exist_ok=True)
    (images / "palsu.png").write_text("bukan gambar")
    text = VALID_DRAFT.replace(
        "status: ready", 'status: ready\nimage: content/assets/images/palsu.png\nimage_alt: "Palsu"'
    )
    write_draft(repo, text=text)
    result = run_kpu("check", cwd=repo)
    assert 'Gambar "content/assets/images/palsu.png" tidak dapat dibuka sebagai PNG.' in result.out


def test_duplicate_slugs_are_an_error_naming_the_other_file(repo: Path) -> None:
    write_draft(repo, "2026-10-05-mengenal-uu-pemilu.md")
    write_draft(repo, "2026-10-07-mengenal-uu-pemilu.md")
    result = run_kpu("check", cwd=repo)
    assert result.code == 1
    assert (
        'drafts/2026-10-07-mengenal-uu-pemilu.md:1: kesalahan: Alamat (slug) "mengenal-uu-pemilu" sudah '
        "dipakai oleh drafts/2026-10-05-mengenal-uu-pemilu.md."
    ) in result.out


def test_ended_stage_is_a_warning_not_an_error(repo: Path) -> None:
    write_draft(repo, text=VALID_DRAFT.replace("informasi-umum", "pemilu-2024"))
    result = run_kpu("check", cwd=repo)
    assert result.code == 0
    assert (
        ':11: peringatan: Tahapan "Tahapan Pemilu 2024" sudah berakhir pada 20 Oktober 2024.'
        in result.out
    )


def test_all_problems_of_all_files_are_reported_together(repo: Path) -> None:
    write_draft(repo, "2026-10-05-a.md", VALID_DRAFT.replace('title: "Mengenal UU Pemilu"\n', ""))
    write_draft(repo, "2026-10-05-b.md", VALID_DRAFT.replace("status: ready", "status: selesai"))
    result = run_kpu("check", "drafts", cwd=repo)
    assert result.code == 1
    assert "drafts/2026-10-05-a.md:2: kesalahan:" in result.out
    assert "drafts/2026-10-05-b.md:16: kesalahan:" in result.out
    assert "2 kesalahan dan 0 peringatan pada 2 berkas." in result.out


def test_github_format_prints_workflow_annotations(repo: Path) -> None:
    write_draft(repo, text=VALID_DRAFT.replace("status: ready", "status: selesai"))
    result = run_kpu("check", "--format", "github", cwd=repo)
    assert result.code == 1
    assert result.out.startswith(
        '::error file=drafts/2026-10-05-mengenal-uu-pemilu.md,line=16::Kolom "status" harus salah satu dari:'
    )


def test_check_of_one_path_checks_only_that_file(repo: Path) -> None:
    good = write_draft(repo, "2026-10-05-baik.md")
    write_draft(repo, "2026-10-05-rusak.md", "tanpa front matter")
    result = run_kpu("check", str(good.relative_to(repo)), cwd=repo)
    assert result.code == 0, result.out


def test_invalid_kpu_yml_is_reported_with_its_line_and_exit_code_2(repo: Path) -> None:
    config = repo / "kpu.yml"
    config.write_text(config.read_text().replace("site_url: https://", "site_url: ftp-bukan-url "))
    result = run_kpu("check", cwd=repo)
    assert result.code == 2
    assert "kpu.yml:" in result.err
    assert 'Kolom "site_url" harus berupa alamat web lengkap yang diawali https://' in result.err


def test_category_the_site_does_not_offer_is_an_error(repo: Path) -> None:
    write_draft(
        repo, text=VALID_DRAFT.replace("categories: [Informasi Hukum]", "categories: [Berita]")
    )
    result = run_kpu("check", "drafts", cwd=repo)
    assert result.code == 1
    assert (
        ':4: kesalahan: Kategori "Berita" tidak tersedia di situs. Pilih salah satu: Informasi Hukum, '
        "Keterbukaan Informasi, Tahapan Pemilu" in result.out
    )


def test_missing_excerpt_marker_is_an_error_before_the_build_fails(repo: Path) -> None:
    write_draft(repo, text=VALID_DRAFT.replace("<!-- more -->\n", ""))
    result = run_kpu("check", "drafts", cwd=repo)
    assert result.code == 1
    assert (
        ':19: kesalahan: Isi tulisan belum memuat penanda ringkasan "<!-- more -->".' in result.out
    )
