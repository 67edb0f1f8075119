"""Benchmark `kpu check` on N generated valid drafts against the bare cost of parsing them.

Run by hand:  .venv/bin/python bench/bench_check.py [N] [ROUNDS]
              (BEFORE=/path/to/older/checkout adds that code's `kpu check` to the same rounds)
Target (issue #14): `kpu check` of 10,000 drafts <= 1.5x the bare CSafeLoader parse of the same
files' front matter (`yaml.load(..., Loader=yaml.CSafeLoader)` of each file's front matter block),
both as commands, in CPU seconds (the command and its children), medians of alternating runs.

Bytecode: the GitHub workflows install kpu with `pip install --no-deps --no-build-isolation .`
(not editable), and pip byte-compiles the package as it installs it, so a workflow's `kpu check`
never compiles the pipeline's modules from source. The dev install here is editable and this
sandbox sets PYTHONDONTWRITEBYTECODE=1, so without help every run would compile them (about
0.04 s). The measured `kpu check` therefore runs on compiled bytecode: before each of its runs the
`pipeline` folder (of this checkout and of BEFORE's) is byte-compiled (`compileall`, untimed;
`__pycache__/` is gitignored). The same rounds also run "check, from source" (and BEFORE's),
with every `pipeline/**/__pycache__` removed first (untimed), the figure as measured before this
change, so both are printed side by side.
"""

from __future__ import annotations

import compileall
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import frontmatter
import yaml

ROOT = Path(__file__).resolve().parent.parent
BEFORE = os.environ.get("BEFORE", "")  # a pipeline checkout to compare with, in the same run
sys.path.insert(0, str(ROOT))

from bench.cpu import alternate, median_cpu, median_wall  # noqa: E402
from pipeline.check.validate import load_context, validate  # noqa: E402

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


BARE_SCRIPT = """\
import glob, re, yaml
boundary = re.compile(r"^-{3,}\\s*$", re.MULTILINE)
for p in sorted(glob.glob("drafts/*.md")):
    with open(p, encoding="utf-8") as f:
        text = f.read()
    yaml.load(boundary.split(text, 2)[1], Loader=yaml.CSafeLoader)
"""


def make_repo(n: int) -> Path:
    repo = Path(tempfile.mkdtemp(prefix="kpu-bench-"))
    shutil.copy(ROOT / "kpu.yml", repo / "kpu.yml")
    shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")  # the blog settings give post URLs
    shutil.copytree(ROOT / "data", repo / "data")
    drafts = repo / "drafts"
    drafts.mkdir()
    for i in range(n):
        text = DRAFT.format(i=i, citation=CITATIONS[i % len(CITATIONS)])
        (drafts / f"2026-10-05-publikasi-{i}.md").write_text(text, encoding="utf-8")
    return repo


def compiled(checkout: Path) -> None:
    """Byte-compile `checkout`/pipeline, as pip does when the workflows install kpu."""
    if not compileall.compile_dir(checkout / "pipeline", quiet=1):
        raise RuntimeError(f"compileall failed for {checkout / 'pipeline'}")


def from_source(checkout: Path) -> None:
    """Remove `checkout`/pipeline's bytecode, so the next run compiles every module it imports."""
    for cache in (checkout / "pipeline").rglob("__pycache__"):
        shutil.rmtree(cache)


def best_of(runs: int, func) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def _bare_in_process(files: list[Path]) -> None:
    boundary = re.compile(r"^-{3,}\s*$", re.MULTILINE)
    for p in files:
        yaml.load(boundary.split(p.read_text(encoding="utf-8"), 2)[1], Loader=yaml.CSafeLoader)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    repo = make_repo(n)
    files = sorted((repo / "drafts").glob("*.md"))
    try:
        result = validate(load_context(repo))
        assert len(result.publications) == n and not result.problems, result.problems[:3]
        bare = best_of(3, lambda: _bare_in_process(files))
        pyfm = best_of(3, lambda: [frontmatter.load(str(p)) for p in files])
        check = best_of(3, lambda: validate(load_context(repo), keep=False))
        check_command = [sys.executable, "-m", "pipeline", "check"]
        commands = {
            "bare": [sys.executable, "-c", BARE_SCRIPT],
            "check": check_command,
            "check, from source": check_command,
        }
        hooks: dict[str, object] = {
            "check": lambda: compiled(ROOT),
            "check, from source": lambda: from_source(ROOT),
        }
        if BEFORE:  # another checkout's pipeline/, e.g. `git archive <commit>` unpacked
            before = ["env", f"PYTHONPATH={BEFORE}", *check_command]
            commands["before"] = before
            commands["before, from source"] = before
            hooks["before"] = lambda: compiled(Path(BEFORE))
            hooks["before, from source"] = lambda: from_source(Path(BEFORE))
        runs = alternate(commands, repo, rounds, before_each=hooks)
    finally:
        shutil.rmtree(repo)
        compiled(ROOT)  # leave the checkout compiled, as an install would
    bare_cpu, check_cpu = median_cpu(runs["bare"]), median_cpu(runs["check"])
    print(f"drafts: {n}, {rounds} alternating rounds, medians; `kpu check` on compiled bytecode")
    print(
        f"bare CSafeLoader parse as a command: {bare_cpu:.3f} s CPU, "
        f"{median_wall(runs['bare']):.3f} s wall"
    )
    print(
        f"kpu check as a command: {check_cpu:.3f} s CPU, {median_wall(runs['check']):.3f} s wall"
        f"  -> {check_cpu / bare_cpu:.2f}x the bare parse (CPU)"
    )
    for name in ("check, from source", "before", "before, from source"):
        if name not in runs:
            continue
        label = name.replace("check", "kpu check").replace("before", f"kpu check of {BEFORE}")
        cpu = median_cpu(runs[name])
        print(
            f"{label}: {cpu:.3f} s CPU, {median_wall(runs[name]):.3f} s wall"
            f"  -> {cpu / bare_cpu:.2f}x the bare parse (CPU)"
        )
    print(
        f"in process (wall, best of 3): bare CSafeLoader {bare:.3f} s, python-frontmatter "
        f"{pyfm:.3f} s, load_context + validate {check:.3f} s ({check / bare:.2f}x)"
    )


if __name__ == "__main__":
    main()
