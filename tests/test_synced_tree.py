"""The staging tree is rewritten in place (pipeline/core/synced_tree.py): an unchanged file is not
written again, whatever the build no longer stages disappears, and a tree holding anything but
plain files and folders is thrown away without following it."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from pipeline.core.synced_tree import SyncedTree
from pipeline.site.staging import stage
from tests.test_render_cache import _write_post


def _tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_an_unchanged_file_is_left_alone_and_a_changed_one_rewritten(tmp_path: Path) -> None:
    root = tmp_path / "staging"
    first = SyncedTree(root)
    first.write(root / "docs" / "a.md", b"sama")
    first.write(root / "docs" / "b.md", b"lama")
    first.finish()
    before = {name: os.stat(root / "docs" / name).st_ino for name in ("a.md", "b.md")}
    os.utime(root / "docs" / "a.md", ns=(1, 1))

    second = SyncedTree(root)
    second.write(root / "docs" / "a.md", b"sama")
    second.write(root / "docs" / "b.md", b"baru!")
    second.finish()

    assert os.stat(root / "docs" / "a.md").st_mtime_ns == 1  # not written again
    assert os.stat(root / "docs" / "a.md").st_ino == before["a.md"]
    assert (root / "docs" / "b.md").read_bytes() == b"baru!"


def test_what_a_run_does_not_write_is_gone_after_it(tmp_path: Path) -> None:
    root = tmp_path / "staging"
    first = SyncedTree(root)
    first.write(root / "docs" / "posts" / "lama.md", b"x")
    first.write(root / "docs" / "tetap.md", b"y")
    first.write(root / "docs" / "jadi-folder", b"file")
    first.write(root / "docs" / "jadi-file" / "isi.md", b"folder")
    first.finish()

    second = SyncedTree(root)
    second.write(root / "docs" / "tetap.md", b"y")
    second.write(root / "docs" / "jadi-folder" / "isi.md", b"sekarang folder")
    second.write(root / "docs" / "jadi-file", b"sekarang file")
    second.finish()

    assert _tree(root) == {
        "docs/jadi-file": b"sekarang file",
        "docs/jadi-folder/isi.md": b"sekarang folder",
        "docs/tetap.md": b"y",
    }
    assert not (root / "docs" / "posts").exists()  # an emptied folder goes too


def test_a_link_planted_in_the_tree_wipes_it_without_touching_its_target(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("jangan disentuh")
    root = tmp_path / "staging"
    first = SyncedTree(root)
    first.write(root / "docs" / "a.md", b"a")
    first.finish()
    (root / "docs" / "assets").symlink_to(outside, target_is_directory=True)
    (root / "docs" / "b.md").symlink_to(outside / "secret.txt")

    second = SyncedTree(root)
    second.write(root / "docs" / "b.md", b"b")
    second.write(root / "docs" / "assets" / "secret.txt", b"ditimpa?")
    second.finish()

    assert (outside / "secret.txt").read_text() == "jangan disentuh"
    assert not (root / "docs" / "b.md").is_symlink()
    assert not (root / "docs" / "assets").is_symlink()
    assert _tree(root) == {"docs/assets/secret.txt": b"ditimpa?", "docs/b.md": b"b"}


def test_a_write_outside_the_tree_is_refused(tmp_path: Path) -> None:
    tree = SyncedTree(tmp_path / "staging")
    with pytest.raises(ValueError):
        tree.write(tmp_path / "staging" / ".." / "lolos.md", b"x")
    assert not (tmp_path / "lolos.md").exists()


def _normalised(root: Path) -> dict[str, bytes]:
    """The staged tree with what differs between two runs set aside: this build's html_blocks
    token (random per build) and the creation time in the DIP workbook."""
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    token = config.split("token: ", 1)[1].split()[0].strip("'\"").encode()
    found: dict[str, bytes] = {}
    for name, data in _tree(root).items():
        if name.endswith(".xlsx"):
            with zipfile.ZipFile(io.BytesIO(data)) as book:
                for member in book.namelist():
                    if member != "docProps/core.xml":
                        found[f"{name}!{member}"] = book.read(member)
        else:
            found[name] = data.replace(token, b"TOKEN")
    return found


def test_a_staging_over_an_older_tree_equals_a_fresh_one(repo: Path, tmp_path: Path) -> None:
    for i in range(3):
        _write_post(repo, i)
    staging = repo / "build" / "staging"
    stage(repo, staging, repo / "out", "mkdocs")
    first = _normalised(staging)
    removed = next(name for name in first if name.endswith("publikasi-002.md"))

    (repo / "content" / removed.removeprefix("docs/")).unlink()  # a post taken off the site
    _write_post(repo, 7)  # and a new one
    stage(repo, staging, repo / "out", "mkdocs")
    fresh = tmp_path / "fresh"
    stage(repo, fresh, repo / "out", "mkdocs")

    again = _normalised(staging)
    assert removed not in again
    assert any(name.endswith("publikasi-007.md") for name in again)
    assert again == _normalised(fresh)


def test_a_file_staged_from_two_sources_is_written_once_and_kept(repo: Path) -> None:
    """The office's own template over ours and the filled .authors.yml over the written one are
    each written once: a second staging with nothing changed leaves both files untouched."""
    own = repo / "office-theme" / "partials"
    own.mkdir(parents=True)
    (own / "search.html").write_text("<div>pencarian kantor</div>\n", encoding="utf-8")
    config = repo / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("theme:\n", "theme:\n  custom_dir: office-theme\n", 1), "utf-8")
    staging = repo / "build" / "staging"
    stage(repo, staging, repo / "out", "mkdocs")
    search = staging / "overrides" / "partials" / "search.html"
    authors = staging / "docs" / "publikasi" / ".authors.yml"
    assert search.read_text(encoding="utf-8") == "<div>pencarian kantor</div>\n"
    assert "{{ kantor.nama }}" not in authors.read_text(encoding="utf-8")
    before = {path: os.stat(path) for path in (search, authors)}

    stage(repo, staging, repo / "out", "mkdocs")
    for path, was in before.items():
        now = os.stat(path)
        assert (now.st_ino, now.st_mtime_ns) == (was.st_ino, was.st_mtime_ns), path
