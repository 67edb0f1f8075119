"""Benchmark `kpu check` on N generated valid drafts against the bare cost of parsing them.

Run by hand:  .venv/bin/python bench/bench_check.py [N]
Target (issue #2): 10,000 drafts <= 2 s on a 2-core machine and <= 1.5x the bare parse.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import frontmatter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.validate import load_context, validate  # noqa: E402

CITATIONS = [
    "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum",
    "UU No. 14 Tahun 2008",
    "Keputusan KPU Nomor 88/Kpts/KPU/Tahun 2015",
]

DRAFT = """\
---
title: "Publikasi informasi hukum nomor {i}"
description: "Ringkasan publikasi nomor {i} tentang keterbukaan informasi publik."
categories: [Informasi Hukum]
tags: [pemilu, ppid]
authors: [tim-desain]
request:
  number: "{i:03d}/ND/HK.03/Kab/X/2026"
  date: 2026-10-01
  unit: "Subbagian Hukum dan SDM"
election_stage: informasi-umum
legal_basis:
  - "{citation}"
social:
  text: "Kenali hak Anda atas informasi publik, bagian {i}."
status: ready
---

Isi publikasi nomor {i}. Paragraf pertama menjadi ringkasan.

<!-- more -->

Penjelasan lebih lanjut tentang peraturan yang berlaku, hak pemilih, dan kewajiban badan publik.
"""


BARE_SCRIPT = (
    "import glob, frontmatter\nfor p in sorted(glob.glob('drafts/*.md')): frontmatter.load(p)\n"
)


def _run(command: list[str], cwd: Path) -> None:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, (done.stdout + done.stderr)[-2000:]


def make_repo(n: int) -> Path:
    repo = Path(tempfile.mkdtemp(prefix="kpu-bench-"))
    shutil.copy(ROOT / "kpu.yml", repo / "kpu.yml")
    shutil.copytree(ROOT / "data", repo / "data")
    drafts = repo / "drafts"
    drafts.mkdir()
    for i in range(n):
        text = DRAFT.format(i=i, citation=CITATIONS[i % len(CITATIONS)])
        (drafts / f"2026-10-05-publikasi-{i}.md").write_text(text, encoding="utf-8")
    return repo


def best_of(runs: int, func) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    repo = make_repo(n)
    files = sorted((repo / "drafts").glob("*.md"))
    try:
        bare = best_of(3, lambda: [frontmatter.load(str(p)) for p in files])
        result = validate(load_context(repo))
        assert len(result.publications) == n and not result.problems, result.problems[:3]
        check = best_of(3, lambda: validate(load_context(repo), keep=False))
        bare_cli = best_of(3, lambda: _run([sys.executable, "-c", BARE_SCRIPT], repo))
        cli = best_of(3, lambda: _run([sys.executable, "-m", "pipeline", "check"], repo))
    finally:
        shutil.rmtree(repo)
    print(f"drafts: {n}")
    print(f"bare front-matter parse (python-frontmatter): {bare:.3f} s")
    print(
        f"kpu check, in process (load_context + validate): {check:.3f} s  ({check / bare:.2f}x bare)"
    )
    print(f"bare parse as a command (interpreter start + parse): {bare_cli:.3f} s")
    print(f"kpu check as a command: {cli:.3f} s  ({cli / bare_cli:.2f}x the bare command)")


if __name__ == "__main__":
    main()
