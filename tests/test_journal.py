"""The journal on origin's kpu-ledger branch: plain commits, never forced, a union when two
writers meet, and a clear error when origin cannot be reached."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.records.journal import Journal, JournalError
from pipeline.records.ledger import Book
from tests.merge_flow import git


def _clone(origin: Path, path: Path) -> Path:
    git("clone", "--quiet", str(origin), str(path), cwd=path.parent)
    return path


def _book(slug: str) -> Book:
    book = Book()
    book.page(slug, "T", f"content/posts/2026/{slug}.md", f"https://k.example/{slug}/")
    book.mark(slug, "telegram", "pending", attempts=1)
    return book


@pytest.fixture
def origin(tmp_path: Path) -> Path:
    origin = tmp_path / "origin.git"
    git("init", "--quiet", "--bare", "-b", "main", str(origin), cwd=tmp_path)
    seed = _clone(origin, tmp_path / "seed")
    (seed / "README.md").write_text("x\n", encoding="utf-8")
    git("add", "--all", cwd=seed)
    git("commit", "--quiet", "-m", "awal", cwd=seed)
    git("push", "--quiet", "origin", "HEAD:main", cwd=seed)
    return origin


def test_two_writers_meet_as_a_union_and_nothing_is_forced(tmp_path: Path, origin: Path) -> None:
    one = Journal.of(_clone(origin, tmp_path / "one"), {})
    two = Journal.of(_clone(origin, tmp_path / "two"), {})
    assert one is not None and two is not None
    assert one.fetch() is None and two.fetch() is None  # no journal yet
    one.write(_book("a"))
    stored = two.write(_book("b"))  # its tip is stale: rejected, fetched, merged, pushed
    assert sorted(stored.pages) == ["a", "b"]
    assert sorted(Book.from_text(git("show", "kpu-ledger:ledger.json", cwd=origin)).pages) == [
        "a",
        "b",
    ]
    history = git("log", "--format=%s", "kpu-ledger", cwd=origin).splitlines()
    assert history == ["Jurnal arsip link (kpu publish)"] * 2  # one on top of the other
    assert git("log", "--format=%s", "main", cwd=origin).splitlines() == ["awal"]


def test_an_unreachable_origin_is_an_error_before_anything_is_posted(tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    git("init", "--quiet", "-b", "main", str(clone), cwd=tmp_path)
    git("remote", "add", "origin", str(tmp_path / "gone.git"), cwd=clone)
    journal = Journal.of(clone, {})
    assert journal is not None
    with pytest.raises(JournalError) as caught:
        journal.fetch()
    assert "Catatan kiriman tidak dapat disimpan di origin (cabang kpu-ledger)" in str(caught.value)
    assert "Tidak ada yang dikirim" in str(caught.value)


def test_no_origin_means_no_journal(tmp_path: Path) -> None:
    assert Journal.of(tmp_path, {}) is None  # not a repository: the local ledger only
    git("init", "--quiet", str(tmp_path / "local"), cwd=tmp_path)
    assert Journal.of(tmp_path / "local", {}) is None
