"""Start-up cost of `kpu` commands: CPU seconds of `kpu --help` and of `kpu check` of one draft,
against a bare interpreter, and the largest imports (`python -X importtime`).

Run by hand:  .venv/bin/python bench/bench_imports.py [ROUNDS]
              (BEFORE=/path/to/older/checkout adds that code's `kpu check` of one draft)
Target (issue #14): `kpu --help` and `kpu check` of one file: import <= 0.25 s.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_check import make_repo  # noqa: E402
from bench.cpu import alternate, median_cpu  # noqa: E402

PY = sys.executable
BEFORE = os.environ.get("BEFORE", "")  # a pipeline checkout to compare with, in the same run


def importtime(args: list[str], cwd: Path) -> tuple[float, list[tuple[float, str]]]:
    """Total import time of the run (seconds, the top-level entries) and the top 8 packages."""
    done = subprocess.run(
        [PY, "-X", "importtime", *args], cwd=cwd, capture_output=True, text=True, check=False
    )
    rows = []
    for line in done.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if m:
            rows.append((int(m.group(2)) / 1e6, len(m.group(3)), m.group(4)))
    total = sum(cum for cum, depth, _ in rows if depth == 1)
    top = sorted(((cum, name) for cum, depth, name in rows if depth <= 3), reverse=True)[:8]
    return total, top


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    repo = make_repo(1)
    one = next((repo / "drafts").glob("*.md")).relative_to(repo).as_posix()
    commands = {
        "python -c pass": [PY, "-c", "pass"],
        "kpu --help": [PY, "-m", "pipeline", "--help"],
        "kpu check ONE": [PY, "-m", "pipeline", "check", one],
    }
    if BEFORE:  # another checkout's pipeline/, e.g. `git archive <commit>` unpacked
        commands["before: check ONE"] = ["env", f"PYTHONPATH={BEFORE}", *commands["kpu check ONE"]]
    try:
        runs = alternate(commands, repo, rounds)
        help_imports, help_top = importtime(["-m", "pipeline", "--help"], repo)
        check_imports, check_top = importtime(["-m", "pipeline", "check", one], repo)
    finally:
        shutil.rmtree(repo)
    bare = median_cpu(runs["python -c pass"])
    print(f"{rounds} alternating rounds, median CPU seconds (user + system)")
    for name, found in runs.items():
        cpu = median_cpu(found)
        print(f"  {name:16} {cpu:.3f} s   (above a bare interpreter: {cpu - bare:.3f} s)")
    print(
        f"-X importtime, all imports: kpu --help {help_imports:.3f} s, "
        f"kpu check ONE {check_imports:.3f} s (wall clock, one run)"
    )
    for label, top in (("kpu --help", help_top), ("kpu check ONE", check_top)):
        print(f"  largest in {label}: " + ", ".join(f"{n} {s * 1000:.0f} ms" for s, n in top[:6]))


if __name__ == "__main__":
    main()
