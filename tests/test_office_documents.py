"""The office's own Keputusan as a publication with `document:`: checked like a draft by
`kpu check` (metadata, PDF, SHA-256, key, relations), before any approval or promotion."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pipeline.core.model import FrontMatter
from pipeline.legal.office_documents import to_regulation
from tests.conftest import VALID_DRAFT, run_kpu, write_draft

PDF = b"%PDF-1.7\n% keputusan\n%%EOF\n"


def draft(number: str, pdf: str, sha: str, implements: str = "[uu-7-2017]") -> str:
    return VALID_DRAFT.replace(
        "social:",
        f"""document:
  number: {number}
  year: 2026
  title: Penetapan Daerah Pemilihan
  enacted_place: Muntok
  enacted_on: 2026-10-21
  implements: {implements}
  pdf: {pdf}
  sha256: "{sha}"
social:""",
    )


def test_valid_decision_draft_passes_the_check(repo: Path) -> None:
    (repo / "content" / "dokumen").mkdir()
    (repo / "content" / "dokumen" / "kpts-12.pdf").write_bytes(PDF)
    sha = hashlib.sha256(PDF).hexdigest()
    write_draft(repo, text=draft("12", "content/dokumen/kpts-12.pdf", sha))
    result = run_kpu("check", "drafts", cwd=repo)
    assert result.code == 0, result.out
    assert "Semua 1 berkas sesuai (0 peringatan)." in result.out


def test_decision_draft_problems_are_errors_with_their_lines(repo: Path) -> None:
    (repo / "content" / "dokumen").mkdir()
    (repo / "content" / "dokumen" / "kpts-12.pdf").write_bytes(PDF + b"diubah")
    sha = hashlib.sha256(PDF).hexdigest()
    actual = hashlib.sha256(PDF + b"diubah").hexdigest()
    path = write_draft(repo, text=draft("12", "content/dokumen/kpts-12.pdf", sha, "[uu-99-2099]"))
    result = run_kpu("check", "drafts", cwd=repo)
    assert result.code == 1
    shown = path.relative_to(repo).as_posix()
    assert (
        f'{shown}:22: kesalahan: Kolom "document.sha256" tidak cocok dengan berkas PDF: '
        in result.out
    )
    assert f"berkasnya {actual}." in result.out
    assert (
        f'{shown}:20: kesalahan: Kolom "document.implements" menunjuk key "uu-99-2099" yang tidak ada '
        "di data/regulations.yml." in result.out
    )


def test_decision_number_must_be_a_plain_number(repo: Path) -> None:
    write_draft(repo, text=draft('"12/PL.01"', "content/dokumen/x.pdf", "a" * 64))
    result = run_kpu("check", "drafts", cwd=repo)
    assert result.code == 1
    assert (
        'drafts/2026-10-05-mengenal-uu-pemilu.md:15: kesalahan: Kolom "document.number": harus angka '
        'nomor keputusan saja, misalnya 12 (dikutip "Nomor 12 Tahun 2026"); tertulis: "12/PL.01".'
    ) in result.out


def test_decision_becomes_a_registry_document_of_the_office() -> None:
    import yaml

    front = FrontMatter.model_validate(
        yaml.safe_load(draft("12", "content/dokumen/k.pdf", "A" * 64).split("---")[1])
    )
    reg = to_regulation(front, "KPU Kabupaten Bangka Barat")
    assert reg is not None
    assert reg.key == "kpts-kpukab-12-2026"
    assert reg.canonical == "Keputusan KPU Kabupaten Bangka Barat Nomor 12 Tahun 2026"
    assert reg.teu == "KPU Kabupaten Bangka Barat"
    assert reg.abbreviation == "KEPKPUKAB"
    assert reg.sha256 == "a" * 64
    assert reg.implements == ("uu-7-2017",)


def test_new_decision_may_revoke_one_already_published_but_not_reuse_its_number(
    repo: Path,
) -> None:
    docs = repo / "content" / "dokumen"
    docs.mkdir()
    (docs / "kpts-12.pdf").write_bytes(PDF)
    sha = hashlib.sha256(PDF).hexdigest()
    old = draft("12", "content/dokumen/kpts-12.pdf", sha).replace(
        "status: ready", "status: ready\ndate: 2026-10-20T09:00:00+07:00"
    )
    (repo / "content" / "posts" / "2026" / "keputusan-12.md").write_text(old, encoding="utf-8")
    write_draft(repo, text=draft("13", "content/dokumen/kpts-12.pdf", sha, "[]").replace(
        "  implements: []", "  revokes: [kpts-kpukab-12-2026]"
    ))  # fmt: skip
    assert run_kpu("check", "drafts", cwd=repo).code == 0
    write_draft(repo, text=draft("12", "content/dokumen/kpts-12.pdf", sha))
    result = run_kpu("check", "drafts", cwd=repo)
    assert result.code == 1
    assert (
        'drafts/2026-10-05-mengenal-uu-pemilu.md:15: kesalahan: Kolom "document.number": keputusan '
        'dengan key "kpts-kpukab-12-2026" sudah diterbitkan oleh '
        "content/posts/2026/keputusan-12.md. Periksa nomor dan tahun keputusannya."
    ) in result.out
