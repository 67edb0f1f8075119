"""Shared fixtures: a throwaway copy of the repository and the real CLI in a subprocess."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.servers.world import World, only_one_publication

ROOT = Path(__file__).resolve().parent.parent
_SECRET = re.compile(r"(TOKEN|SECRET|KEY|PASSWORD|BEARER|ACCESS)", re.IGNORECASE)


@pytest.fixture(autouse=True)
def _no_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test can reach a real account: every credential-like variable is removed."""
    for name in list(os.environ):
        if _SECRET.search(name) and not name.startswith("PYTEST"):
            monkeypatch.delenv(name, raising=False)
    # Like a CI runner: no git identity or settings of the machine's user leak into the tests.
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")


@dataclass
class Run:
    code: int
    out: str
    err: str


def run_kpu(*args: str, cwd: Path, env: dict[str, str] | None = None) -> Run:
    """The real `kpu` CLI as staff run it, in a child process."""
    full_env = {k: v for k, v in os.environ.items() if not _SECRET.search(k)}
    full_env.update(env or {})
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=600,
        check=False,
    )
    return Run(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Path]:
    """A copy of this repository's configuration and sample site, with an empty drafts/."""
    dest = tmp_path / "repo"
    dest.mkdir()
    for name in ("kpu.yml", "mkdocs.yml"):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, dest / name)
    for name in ("data", "content"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, dest / name)
    (dest / "drafts").mkdir()
    yield dest


@pytest.fixture
def world() -> Iterator[World]:
    """Local servers speaking the X, Graph, Telegram and Mastodon APIs, and their credentials."""
    world = World.start()
    yield world
    world.stop()


@pytest.fixture
def site(repo: Path) -> Path:
    """The repository copy with exactly one promoted publication."""
    only_one_publication(repo)
    return repo


VALID_DRAFT = """\
---
title: "Mengenal UU Pemilu"
description: "Ringkasan pokok-pokok Undang-Undang Pemilu bagi pemilih."
categories: [Informasi Hukum]
tags: [pemilu]
authors: [tim-desain]
request:
  number: "012/ND/HK.03/Kab/X/2026"
  date: 2026-10-01
  unit: "Subbagian Hukum dan SDM"
election_stage: informasi-umum
legal_basis:
  - "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum"
social:
  text: "Kenali pokok-pokok UU Pemilu."
status: ready
---

Isi publikasi tentang UU Pemilu.

<!-- more -->
"""


def write_draft(
    repo: Path, name: str = "2026-10-05-mengenal-uu-pemilu.md", text: str = VALID_DRAFT
) -> Path:
    path = repo / "drafts" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
