"""data/ledger.json: readable JSON, atomic writes, one writer at a time, clear errors."""

from __future__ import annotations

import json
import multiprocessing
import os
import time
from pathlib import Path

import pytest

from pipeline.records.ledger import Book, Ledger, LedgerError


def _book() -> Book:
    book = Book()
    book.page(
        "mengenal-uu-pemilu",
        "Mengenal UU Pemilu",
        "content/posts/2026/mengenal-uu-pemilu.md",
        "https://kab-bangkabarat.kpu.go.id/publikasi/2026/mengenal-uu-pemilu/",
    )
    book.mark(
        "mengenal-uu-pemilu",
        "x",
        "posted",
        remote_id="1",
        url="https://x.com/k/status/1",
        attempts=1,
    )
    return book


def test_a_saved_ledger_reads_back_the_same(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "data" / "ledger.json")
    book = _book()
    ledger.save(book)
    assert ledger.load().to_json() == book.to_json()
    entry = ledger.load().entry("mengenal-uu-pemilu", "x")
    assert entry is not None and (entry.status, entry.remote_id, entry.attempts) == (
        "posted",
        "1",
        1,
    )


def test_the_file_is_plain_sorted_json_with_aware_times(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "ledger.json")
    ledger.save(_book())
    data = json.loads(ledger.path.read_text(encoding="utf-8"))
    assert data["version"] == 1
    time_text = data["publications"]["mengenal-uu-pemilu"]["channels"]["x"]["time"]
    assert time_text.endswith("+07:00")
    assert ledger.path.read_text(encoding="utf-8").endswith("}\n")


def test_a_failed_write_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger = Ledger(tmp_path / "ledger.json")
    ledger.save(_book())
    before = ledger.path.read_bytes()

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    book = _book()
    book.mark("mengenal-uu-pemilu", "x", "deleted")
    with pytest.raises(OSError):
        ledger.save(book)
    assert ledger.path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["ledger.json"]


def test_an_unreadable_ledger_is_an_error_telling_how_to_recover(tmp_path: Path) -> None:
    path = tmp_path / "data" / "ledger.json"
    path.parent.mkdir()
    path.write_text("<<<<<<< HEAD\n{}", encoding="utf-8")
    with pytest.raises(LedgerError, match="pulihkan versi terakhir yang benar dengan riwayat git"):
        Ledger(path).load()


def _hold(path: str, seconds: float) -> None:
    with Ledger(Path(path)).locked():
        time.sleep(seconds)


def test_only_one_process_holds_the_ledger_at_a_time(tmp_path: Path) -> None:
    path = tmp_path / "ledger.json"
    other = multiprocessing.get_context("spawn").Process(target=_hold, args=(str(path), 1.5))
    other.start()
    try:
        deadline = time.monotonic() + 10
        while not Ledger(path).lock_path.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.3)
        busy = Ledger(path, lock_timeout=0.2)
        with pytest.raises(LedgerError, match="sedang dipakai proses lain"), busy.locked():
            pass
        started = time.monotonic()
        with Ledger(path, lock_timeout=10).locked():
            assert time.monotonic() - started > 0.3
    finally:
        other.join()


def test_a_dead_holder_releases_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "ledger.json"
    killed = multiprocessing.get_context("spawn").Process(target=_hold, args=(str(path), 60))
    killed.start()
    time.sleep(1.5)
    killed.kill()
    killed.join()
    with Ledger(path, lock_timeout=2).locked() as book:
        assert book.pages == {}
