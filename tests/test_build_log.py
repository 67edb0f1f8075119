"""A failed build told in Indonesian (#15): each MkDocs problem line, then the plain log."""

from __future__ import annotations

from pipeline.site.build_log import plain, problems, summary

LOG = (
    "\x1b[33m │  \x1b[1mMaterial for MkDocs reaches end of life\x1b[0m\n"
    "INFO    -  Cleaning site directory\n"
    "WARNING -  Doc file 'posts/2026/a.md' contains a link 'b.md', but the target "
    "'posts/2026/b.md' is not found among documentation files.\n"
    "WARNING -  Doc file 'ppid/index.md' contains an absolute link '/x/', it was left as is.\n"
    "WARNING -  Some plugin said something new\n"
    "Aborted with 3 warnings in strict mode!\n"
)


def test_each_warning_is_one_indonesian_line_naming_the_content_file() -> None:
    assert problems(LOG) == [
        'Halaman content/posts/2026/a.md menautkan "b.md", tetapi berkas tujuannya '
        "(content/posts/2026/b.md) tidak ada. Perbaiki alamat tautannya atau tambahkan berkasnya.",
        'Halaman content/ppid/index.md memuat tautan "/x/" yang diawali "/". Tulis tautan relatif '
        "ke berkasnya, atau alamat lengkap https://...",
        "MkDocs memberi peringatan (lihat baris WARNING di catatan di bawah).",
    ]


def test_an_os_error_in_the_engine_traceback_is_said_in_words() -> None:
    log = "Traceback (most recent call last):\nFileNotFoundError: [Errno 2] No such file: '/o'\n"
    assert problems(log) == [
        "Mesin pembangun berhenti: berkas tidak ditemukan: /o. Periksa folder hasil (--site-dir) "
        "dan izinnya."
    ]


def test_the_summary_comes_first_and_the_log_below_without_colour_codes() -> None:
    text = summary(LOG)
    assert text.splitlines()[0] == "Situs gagal dibangun: 3 masalah."
    assert "\x1b" not in text
    log = text.index("Catatan lengkap mesin pembangun (MkDocs, bahasa Inggris):")
    assert text[log:].endswith(plain(LOG))
    assert "Aborted with 3 warnings in strict mode!" in text[log:]
