"""drafts/ on a fresh clone: a README for designers that check, promote and the build skip."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from pipeline.promote.promotion import drafts_of
from tests.conftest import ROOT, run_kpu


def test_a_fresh_clone_has_drafts_with_an_indonesian_readme() -> None:
    tracked = subprocess.run(
        ["git", "ls-files", "drafts"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    assert "drafts/README.md" in tracked
    text = (ROOT / "drafts" / "README.md").read_text(encoding="utf-8")
    assert "draf" in text and "kpu check" in text and "/admin/" in text


def test_check_and_promote_skip_the_drafts_readme(repo: Path) -> None:
    shutil.copy(ROOT / "drafts" / "README.md", repo / "drafts" / "README.md")
    result = run_kpu("check", cwd=repo)
    assert result.code == 0, result.out
    assert "README" not in result.out
    assert drafts_of(repo) == []
    run_kpu("new", "Judul Baru", cwd=repo)
    assert [p.name.endswith("-judul-baru.md") for p in drafts_of(repo)] == [True]
    result = run_kpu("check", cwd=repo)
    assert "README.md" not in result.out
    assert 'Kolom "description" tidak boleh kosong.' in result.out
