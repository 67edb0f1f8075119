"""The workflows' install step, cold and on a warm cache (issue #14).

Run by hand:  .venv/bin/python bench/bench_install.py
Runs the exact `run:` text of check.yml's "Pasang kpu" step with bash in an export of this
checkout (HEAD): once cold (no .venv, an empty pip cache: every wheel downloaded), then again on
the venv the first run left, which is what `actions/cache` restores under the lock file's key.
The cache's own download and unpacking on GitHub are not part of these figures.
Target: the install <= 8 s on a warm cache.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.cpu import child_cpu, environ  # noqa: E402


def install_step() -> str:
    doc = yaml.safe_load((ROOT / ".github" / "workflows" / "check.yml").read_text("utf-8"))
    for job in doc["jobs"].values():
        for step in job["steps"]:
            if step.get("name") == "Pasang kpu":
                return str(step["run"])
    raise SystemExit("no install step in check.yml")


def main() -> None:
    script = install_step()
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "repo"
        tree.mkdir()
        archive = subprocess.run(["git", "archive", "HEAD"], cwd=ROOT, capture_output=True)
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
        env = environ(GITHUB_PATH=str(Path(tmp) / "github_path"), PIP_CACHE_DIR=tmp + "/pip")
        command = ["bash", "-eo", "pipefail", "-c", script]
        cold = child_cpu(command, tree, env)
        warm = [child_cpu(command, tree, env) for _ in range(3)]
    warm.sort(key=lambda r: r.wall)
    mid = warm[1]
    print(f"cold (empty pip cache, no venv): {cold.wall:.1f} s wall, {cold.cpu:.1f} s CPU")
    print(f"warm (venv restored), median of 3: {mid.wall:.1f} s wall, {mid.cpu:.1f} s CPU")


if __name__ == "__main__":
    main()
