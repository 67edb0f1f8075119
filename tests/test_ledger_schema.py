"""A ledger that is not what kpu wrote is an error naming data/ledger.json, never an empty ledger
that posts everything again; two ledgers meet as a union that loses no entry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.core.gitrepo import GitRepo, Identity
from pipeline.records.ledger import Book, Ledger, LedgerError
from pipeline.records.ledger_merge import merge
from pipeline.records.record import record
from tests.conftest import run_kpu
from tests.merge_flow import git
from tests.servers.world import SLUG, World

PAGE = {"title": "T", "path": "content/posts/2026/a.md", "url": "https://k.example/a/"}
CORRUPT = {
    "empty object": "{}",
    "publications null": '{"version": 1, "publications": null}',
    "a list": "[]",
    "publications a list": '{"version": 1, "publications": []}',
    "bogus status": json.dumps(
        {"version": 1, "publications": {SLUG: {**PAGE, "channels": {"x": {"status": "bogus"}}}}}
    ),
    "status a number": json.dumps(
        {"version": 1, "publications": {SLUG: {**PAGE, "channels": {"x": {"status": 7}}}}}
    ),
    "version 99": '{"version": 99, "publications": {}}',
    "deeply nested": '{"version": 1, "publications": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "not json": '{"version": 1, "publications": {',
}


@pytest.mark.parametrize("text", CORRUPT.values(), ids=CORRUPT.keys())
def test_a_corrupt_ledger_stops_publish_before_any_post_and_names_the_file(
    site: Path, world: World, text: str
) -> None:
    (site / "data" / "ledger.json").write_text(text, encoding="utf-8")
    result = run_kpu("publish", cwd=site, env=world.env())
    assert result.code == 1, result.out + result.err
    assert "Traceback" not in result.err
    assert "Arsip link data/ledger.json tidak" in result.err
    assert "pulihkan versi terakhir yang benar dengan riwayat git" in result.err
    assert all(api.requests == [] for api in world.apis)
    assert (site / "data" / "ledger.json").read_text(encoding="utf-8") == text  # untouched


def test_the_messages_say_what_is_wrong() -> None:
    said = {}
    for name in (
        "bogus status",
        "version 99",
        "publications null",
        "deeply nested",
        "empty object",
    ):
        with pytest.raises(LedgerError) as caught:
            Book.from_text(CORRUPT[name])
        said[name] = str(caught.value)
    assert (
        f'kolom "publications.{SLUG}.channels.x.status" tidak sah (isinya "bogus")'
        in said["bogus status"]
    )
    assert "versi 99 tidak dikenal (kpu ini membaca versi 1); perbarui kpu" in said["version 99"]
    assert 'kolom "publications" tidak sah (isinya kosong)' in said["publications null"]
    assert "isinya bersarang terlalu dalam" in said["deeply nested"]
    assert 'kolom "version" tidak ada; kolom "publications" tidak ada' in said["empty object"]


def test_a_missing_file_and_an_empty_valid_ledger_are_both_empty(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "ledger.json")
    assert ledger.load().pages == {}
    ledger.path.write_text('{"version": 1, "publications": {}}', encoding="utf-8")
    assert ledger.load().pages == {}


def _book(status: str, time: str, attempts: int = 1, slug: str = "a") -> Book:
    book = Book()
    book.page(slug, "T", f"content/posts/2026/{slug}.md", f"https://k.example/{slug}/")
    entry = book.mark(slug, "x", status, attempts=attempts)  # type: ignore[arg-type]
    entry.time = time
    return book


def test_the_union_keeps_every_entry_and_a_post_that_exists_wins() -> None:
    posted = _book("posted", "2026-10-05T09:00:00+07:00")
    later_failed = _book("failed", "2026-10-05T10:00:00+07:00")
    assert merge(later_failed, posted).pages["a"].channels["x"].status == "posted"
    assert merge(posted, later_failed).pages["a"].channels["x"].status == "posted"
    pending = _book("pending", "2026-10-05T09:00:00+07:00")
    decided = _book("failed", "2026-10-05T09:30:00+07:00")  # kpu publish --resolve ... failed
    assert merge(pending, decided).pages["a"].channels["x"].status == "failed"
    assert merge(decided, pending).pages["a"].channels["x"].status == "failed"
    same_second = _book("failed", "2026-10-05T09:00:00+07:00")
    assert merge(pending, same_second).pages["a"].channels["x"].status == "failed"
    other = _book("posted", "2026-10-05T09:00:00+07:00", slug="b")
    assert sorted(merge(pending, other).pages) == ["a", "b"]


def test_two_record_commits_racing_on_main_are_merged_as_a_union(tmp_path: Path) -> None:
    origin = tmp_path / "origin.git"
    git("init", "--quiet", "--bare", "-b", "main", str(origin), cwd=tmp_path)
    first, second = tmp_path / "first", tmp_path / "second"
    git("clone", "--quiet", str(origin), str(first), cwd=tmp_path)
    (first / "data").mkdir()
    Ledger.of(first).save(Book())
    git("add", "--all", cwd=first)
    git("commit", "--quiet", "-m", "awal", cwd=first)
    git("push", "--quiet", "origin", "HEAD:main", cwd=first)
    git("clone", "--quiet", str(origin), str(second), cwd=tmp_path)
    Ledger.of(first).save(_book("posted", "2026-10-05T09:00:00+07:00", slug="a"))
    Ledger.of(second).save(_book("posted", "2026-10-05T09:00:00+07:00", slug="b"))
    identity = Identity()
    assert record(GitRepo(first), identity).pushed
    assert record(GitRepo(second), identity).pushed  # rejected, rebased with the union driver
    merged = Book.from_text(git("show", "main:data/ledger.json", cwd=origin))
    assert sorted(merged.pages) == ["a", "b"]
