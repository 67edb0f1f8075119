"""The JDIHN member feed (jdihn/document.json) against BPHN's own schema, vendored from
bphndigitalservice/ildis (tests/schemas/README.md), with format checks on; `last_updated` from
git history, deterministic outside it."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from pipeline.legal.regulations import load_registry
from pipeline.site.jdihn import feed, file_times, registry_times
from tests.conftest import ROOT
from tests.jdihn_schema import BASE, SCHEMA, errors
from tests.test_regulation_site import make_repo


def test_the_format_checker_really_checks_formats() -> None:
    bad = {k: "x" for k in SCHEMA["required"]} | {"tahun_pengundangan": "2026"}
    found = errors([bad])
    assert any("is not a 'date'" in e for e in found), found
    assert any("is not a 'date-time'" in e for e in found), found
    assert any("is not a 'uri'" in e for e in found), found


def test_include_all_adds_every_dated_registry_document_and_stays_valid() -> None:
    registry = load_registry(ROOT / "data" / "regulations.yml")
    records = feed(registry, [], "all", BASE, {})
    assert errors(records) == []
    keys = {r["idData"] for r in records}
    assert {"uu-7-2017", "uu-14-2008", "pkpu-4-2025"} <= keys
    assert "uu-42-2008" not in keys  # no date of enactment recorded: the feed requires one
    assert "perppu-1-2022" not in keys  # enacted, but its promulgation is not recorded
    assert feed(registry, [], "own", BASE, {}) == []
    revoked = load_registry(ROOT / "data" / "regulations.yml")
    assert revoked.status("perki-1-2010") == "dicabut"


def git(root: Path, *args: str, when: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
        cwd=root, env=env, check=True, capture_output=True,
    )  # fmt: skip


def test_last_updated_comes_from_the_git_history_of_the_entry(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo")
    git(root, "init", "-q", when="2026-01-01T00:00:00+07:00")
    git(root, "add", "-A", when="2026-01-01T00:00:00+07:00")
    git(root, "commit", "-q", "-m", "first", when="2026-01-02T08:00:00+07:00")
    path = root / "data" / "regulations.yml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("title: Uji Naskah PDF", "title: Uji Naskah PDF Baru"), "utf-8")
    git(root, "commit", "-q", "-am", "second", when="2026-02-03T09:30:00+07:00")
    registry = load_registry(path)
    times = registry_times(root, registry)
    assert times["pkpu-9-2026"] == dt.datetime(
        2026, 2, 3, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=7))
    )
    assert times["uu-7-2017"] == dt.datetime(
        2026, 1, 2, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=7))
    )
    path.write_text(path.read_text("utf-8").replace("Uji Naskah PDF Baru", "Belum"), "utf-8")
    assert "pkpu-9-2026" not in registry_times(root, load_registry(path))  # uncommitted: no date
    post = "content/posts/2026/keputusan-uji.md"
    found = file_times(
        root, {"kpts-kpukab-12-2026": [post, "content/dokumen/kpts-kpukab-12-2026.pdf"]}
    )
    assert found["kpts-kpukab-12-2026"].isoformat() == "2026-01-02T08:00:00+07:00"


@pytest.mark.parametrize("include", ["own", "all"])
def test_include_is_a_kpu_yml_setting(tmp_path: Path, include: str) -> None:
    from pipeline.core.config import load_config

    (tmp_path / "kpu.yml").write_text(
        (ROOT / "kpu.yml").read_text("utf-8") + f"\njdihn:\n  include: {include}\n", "utf-8"
    )
    assert load_config(tmp_path).jdihn.include == include
