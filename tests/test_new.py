"""`kpu new`: a complete, commented draft that staff can fill in; never overwrites."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_kpu


def test_new_writes_a_dated_draft_with_every_field_explained(repo: Path) -> None:
    result = run_kpu("new", "Mengenal Keterbukaan Informasi Publik", cwd=repo)
    assert result.code == 0, result.err
    drafts = list((repo / "drafts").glob("*.md"))
    assert len(drafts) == 1
    draft = drafts[0]
    assert draft.name.endswith("-mengenal-keterbukaan-informasi-publik.md")
    assert f"Draf dibuat: drafts/{draft.name}" in result.out
    text = draft.read_text(encoding="utf-8")
    for field in (
        "title:",
        "description:",
        "request:",
        "number:",
        "election_stage:",
        "legal_basis:",
        "social:",
        "status: draft",
        "# image:",
        "# publish_at:",
        "# channels:",
    ):
        assert field in text
    assert "Nota Dinas" in text and "SOP langkah 3" in text


def test_new_draft_fails_check_until_filled_in(repo: Path) -> None:
    run_kpu("new", "Judul Baru", cwd=repo)
    result = run_kpu("check", cwd=repo)
    assert result.code == 1
    assert 'Kolom "description" tidak boleh kosong.' in result.out
    assert 'Kolom "request.number" tidak boleh kosong.' in result.out


def test_new_refuses_to_overwrite(repo: Path) -> None:
    assert run_kpu("new", "Judul Sama", cwd=repo).code == 0
    draft = next((repo / "drafts").glob("*.md"))
    draft.write_text("isi yang sudah dikerjakan", encoding="utf-8")
    again = run_kpu("new", "Judul Sama", cwd=repo)
    assert again.code == 1
    assert "sudah ada dan tidak ditimpa" in again.out
    assert draft.read_text(encoding="utf-8") == "isi yang sudah dikerjakan"


def test_new_with_a_title_of_only_symbols_is_refused(repo: Path) -> None:
    result = run_kpu("new", "!!!", cwd=repo)
    assert result.code == 1
    assert "Judul tidak boleh kosong" in result.out
