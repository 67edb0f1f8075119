"""`kpu build` with its build cache writes the same site, byte for byte, as a build without it:
after a change (a new post, a post that moved to another year so that links to it change) and
with a damaged cache. Only what is time-dependent by nature is set aside: the feeds' build dates
and the spreadsheet's creation time (and its zip members' timestamps)."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import run_kpu

POST = """\
---
title: "Publikasi nomor {i}"
description: "Ringkasan publikasi nomor {i}."
date: {year}-{month:02d}-{day:02d}T09:00:00+07:00
categories: [Informasi Hukum]
tags: [pemilu]
authors: [tim-desain]
request:
  number: "{i:04d}/ND/HK.03/Kab/X/2026"
  date: 2026-01-01
  unit: "Subbagian Hukum dan SDM"
election_stage: informasi-umum
legal_basis:
  - "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum"
status: ready
---

Pembuka publikasi nomor {i}, lihat juga [publikasi sebelumnya]({link}).

<!-- more -->

## Rincian

Penjelasan lanjutan publikasi nomor {i}.
"""
# the channel's own dates, the time of the build (the items' dates come from the posts)
_BUILD_DATES = re.compile(rb"<pubDate>[^<]*</pubDate>\s*<lastBuildDate>[^<]*</lastBuildDate>")


def _write_post(repo: Path, i: int, year: int = 2026, link: str = "../../profil.md") -> None:
    folder = repo / "content" / "posts" / "2026"  # the year of the URL is the date's
    folder.mkdir(parents=True, exist_ok=True)
    text = POST.format(i=i, year=year, month=1 + i % 12, day=1 + i % 28, link=link)
    (folder / f"publikasi-{i:03d}.md").write_text(text, encoding="utf-8")


def _comparable(site: Path) -> dict[str, bytes]:
    """Every file of the built site, with what a clock puts into it set aside."""
    files: dict[str, bytes] = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        name = path.relative_to(site).as_posix()
        data = path.read_bytes()
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as archive:
                for member in archive.namelist():
                    if member != "docProps/core.xml":
                        files[f"{name}!{member}"] = archive.read(member)
            continue
        if name.startswith("feed_") and name.endswith(".xml"):
            data, found = _BUILD_DATES.subn(b"<pubDate/><lastBuildDate/>", data)
            assert found == 1, name
        files[name] = data
    return files


def _assert_same_site(built: Path, cold: Path) -> None:
    ours, theirs = _comparable(built), _comparable(cold)
    assert sorted(ours) == sorted(theirs)
    differing = [name for name in theirs if ours[name] != theirs[name]]
    assert differing == []


def _build(repo: Path, out: str, *extra: str) -> Path:
    result = run_kpu("build", "--site-dir", out, *extra, cwd=repo)
    assert result.code == 0, result.out + result.err
    return repo / out


def test_build_from_the_cache_is_byte_identical_to_a_cold_build_after_each_change(
    repo: Path,
) -> None:
    for i in range(24):  # more than two pages of the blog's index (ten a page)
        _write_post(repo, i, link="publikasi-000.md" if i else "../../profil.md")
    cold = _build(repo, "cold", "--no-cache")
    assert not (repo / "build" / "cache").exists()  # --no-cache writes none either
    filled = _build(repo, "filled")
    assert _entries(repo / "build" / "cache") > 0
    assert _entries(repo / "build" / "cache", "template") > 20  # the theme's, compiled
    _assert_same_site(filled, cold)
    _assert_same_site(_build(repo, "warm"), cold)

    _write_post(repo, 24)
    # a corrected opening: the excerpt changes on views whose posts and titles stay the same
    corrected = repo / "content" / "posts" / "2026" / "publikasi-003.md"
    text = corrected.read_text("utf-8")
    corrected.write_text(text.replace("Pembuka publikasi", "Pembuka yang diperbaiki"), "utf-8")
    after = _build(repo, "after")
    _assert_same_site(after, _build(repo, "cold-after", "--no-cache"))
    april = (after / "publikasi" / "arsip" / "2026" / "04" / "index.html").read_text("utf-8")
    assert "Pembuka yang diperbaiki" in april

    # the post the others link to is dated 2025: its URL changes, their Markdown does not
    _write_post(repo, 0, year=2025)
    moved = _build(repo, "moved")
    _assert_same_site(moved, _build(repo, "cold-moved", "--no-cache"))
    page = (moved / "publikasi" / "2026" / "publikasi-005" / "index.html").read_text("utf-8")
    assert 'href="../../2025/publikasi-000/"' in page


def _entries(folder: Path, kind: str | None = None) -> int:
    with sqlite3.connect(folder / "entries.sqlite") as db:
        if kind is not None:
            query = "SELECT count(*) FROM entries WHERE kind = ?"
            return int(db.execute(query, (kind,)).fetchone()[0])
        return int(db.execute("SELECT count(*) FROM entries").fetchone()[0])


def test_a_damaged_cache_is_ignored_and_the_site_is_the_same(repo: Path) -> None:
    for i in range(3):
        _write_post(repo, i)
    cold = _build(repo, "cold", "--no-cache")
    _build(repo, "filled", "--cache-dir", "elsewhere")
    cache = repo / "elsewhere" / "entries.sqlite"
    filled = _entries(repo / "elsewhere")
    assert filled > 0
    with sqlite3.connect(cache) as db:  # entries truncated, not JSON, another entry's text
        rows = db.execute("SELECT rowid, entry FROM entries ORDER BY rowid").fetchall()
        for n, (rowid, _) in enumerate(rows):
            damaged = ["", "{not json", rows[0][1]][n % 3]
            db.execute("UPDATE entries SET entry = ? WHERE rowid = ?", (damaged, rowid))
    _assert_same_site(_build(repo, "again", "--cache-dir", "elsewhere"), cold)
    assert _entries(repo / "elsewhere") == filled  # each damaged entry written again

    cache.write_bytes(b"not a database" * 100)  # the whole file
    _assert_same_site(_build(repo, "replaced", "--cache-dir", "elsewhere"), cold)
    assert _entries(repo / "elsewhere") == filled
    assert not (repo / "build" / "cache").exists()


def test_the_cache_keeps_one_builds_entries_and_a_killed_build_loses_only_its_own(
    tmp_path: Path,
) -> None:
    from pipeline.site.render_cache import RenderCache

    first = RenderCache(tmp_path)
    first.put("page", "a", {"html": "<p>a</p>"})
    first.put("page", "b", {"html": "<p>b</p>"})
    first.put("card", "c", {"jpeg": ""})
    first.prune(["page"])
    first.close()

    second = RenderCache(tmp_path)  # this build uses a only
    assert second.get("page", "a") == {"html": "<p>a</p>", "key": "a"}
    second.prune(["page"])
    second.close()
    third = RenderCache(tmp_path)
    assert third.get("page", "b") is None  # unused by the build before: removed
    assert third.get("card", "c") is not None  # another kind's entries: not this prune's
    third.close()

    # a build killed before it ends: its entries are gone, the build before's are whole
    killed = "\n".join(
        [
            "import os, sys",
            "from pathlib import Path",
            "from pipeline.site.render_cache import RenderCache",
            "cache = RenderCache(Path(sys.argv[1]))",
            "cache.get('page', 'a')",
            "cache.put('page', 'new', {'html': 'x'})",
            "cache.put('page', 'a', {'html': 'overwritten'})",
            "os._exit(9)",
        ]
    )
    done = subprocess.run([sys.executable, "-c", killed, str(tmp_path)], check=False)
    assert done.returncode == 9
    after = RenderCache(tmp_path)
    assert after.get("page", "new") is None
    assert after.get("page", "a") == {"html": "<p>a</p>", "key": "a"}
    after.close()


def test_a_cache_another_build_holds_is_done_without_and_kept(tmp_path: Path) -> None:
    """A second build in the same folder waits briefly for the first, then builds without the
    cache: the file is not taken for a damaged one, and the first build's entries stay."""
    from pipeline.site.render_cache import RenderCache

    first = RenderCache(tmp_path)
    first.put("page", "a", {"html": "<p>a</p>"})
    first.close()
    holder = sqlite3.connect(tmp_path / "entries.sqlite", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # the other build, committing
    try:
        second = RenderCache(tmp_path)
        assert second.get("page", "a") is None
        second.put("page", "b", {"html": "<p>b</p>"})
        second.prune(["page"])
        second.close()
    finally:
        holder.execute("COMMIT")
        holder.close()
    third = RenderCache(tmp_path)
    assert third.get("page", "a") == {"html": "<p>a</p>", "key": "a"}
    assert third.get("page", "b") is None
    third.close()


def _keys(folder: Path, kind: str) -> set[str]:
    with sqlite3.connect(folder / "entries.sqlite") as db:
        rows = db.execute("SELECT key FROM entries WHERE kind = ?", (kind,)).fetchall()
    return {key for (key,) in rows}


def test_a_new_post_leaves_the_excerpts_that_only_move_to_the_next_page_cached(repo: Path) -> None:
    for i in range(24):  # three pages of the blog's index and of the category, ten a page
        _write_post(repo, i)
    _build(repo, "filled")
    before = _keys(repo / "build" / "cache", "excerpt")
    newest = POST.format(i=99, year=2026, month=12, day=31, link="../../profil.md")
    (repo / "content" / "posts" / "2026" / "publikasi-099.md").write_text(newest, "utf-8")
    after = _build(repo, "after")
    _assert_same_site(after, _build(repo, "cold", "--no-cache"))
    # every post moved one place down the index and the category. New excerpts: the newest
    # post's three (index, December archive, category) and one of the post that crossed to the
    # category's page 2, one folder deeper. The post that crossed to the index's page 2 is shown
    # from the depth its archive page has: that excerpt is shared; the ones that crossed to
    # page 3 keep theirs.
    new = _keys(repo / "build" / "cache", "excerpt") - before
    titles = sorted(
        str(re.findall(r">(Publikasi nomor \d+)<", entry["content"])) for entry in _read(repo, new)
    )
    assert titles == ["['Publikasi nomor 8']"] + ["['Publikasi nomor 99']"] * 3, titles


def _read(repo: Path, keys: set[str]) -> list[dict[str, str]]:
    with sqlite3.connect(repo / "build" / "cache" / "entries.sqlite") as db:
        rows = db.execute("SELECT key, entry FROM entries WHERE kind = 'excerpt'").fetchall()
    return [json.loads(entry) for key, entry in rows if key in keys]
