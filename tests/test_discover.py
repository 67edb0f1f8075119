"""`kpu check` lists publications from directory entries, without a stat per file (issue #14):
the same files, in the same order, as `Path.rglob("*.md")` with its filters."""

from __future__ import annotations

import os
from pathlib import Path

from pipeline.check.validate import README_NAME, discover, publication_files


def _by_rglob(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.rglob("*.md")
        if not p.name.startswith(".") and p.name.lower() != README_NAME
    )


def test_the_publications_found_are_rglob_s_in_its_order(tmp_path: Path) -> None:
    drafts = tmp_path / "drafts"
    for name in (
        "b.md", "a.md", "README.md", "readme.MD", ".hidden.md", "x.MD", "notes.txt", ".md",
        "2026/z.md", "2026/10/a.md", ".git/c.md", "sub.md/inner.md", "A/b.md", "a-b/c.md",
    ):  # fmt: skip
        path = drafts / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    (drafts / "folder.md").mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "far.md").write_text("x", encoding="utf-8")
    os.symlink(outside, drafts / "linked")  # never followed
    os.symlink(outside / "far.md", drafts / "link.md")  # listed, then refused as a symlink
    found = publication_files(drafts)
    assert found == _by_rglob(drafts)
    assert drafts / "link.md" in found and drafts / "folder.md" in found
    assert drafts / "link.md" not in list(discover(tmp_path, [drafts]))
    assert [p for p in discover(tmp_path, [drafts])] == [
        p for p in _by_rglob(drafts) if not p.is_symlink()
    ]
