"""Benchmark the cost of durability: the journal writes `kpu publish` makes on origin.

Run by hand:  .venv/bin/python bench/bench_durability.py
Target (issue #11): the durable writes add at most 2 s to a run posting 20 publications.

For 1 and for 20 publications, every network real (the local servers of tests/servers, the real
client libraries), the same run is made twice from the same starting point: once with the
journal on a bare origin (a clone, as in CI) and once without it (no origin: the local ledger
only). Reported: the time inside the journal's writes (commit objects + `git push`), the number
of pushes, and the wall-clock difference between the two runs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.check.validate import load_context, validate  # noqa: E402
from pipeline.publish.social import RetryPolicy, configured_channels, publish  # noqa: E402
from pipeline.records.journal import Journal  # noqa: E402
from pipeline.records.ledger import Ledger  # noqa: E402
from tests.servers.world import World  # noqa: E402

NETWORKS = ("x", "facebook", "instagram", "telegram", "mastodon")
SAMPLE = ROOT / "content" / "posts" / "2026" / "uu-7-2017-pemilihan-umum.md"


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def site(tmp: Path, count: int) -> Path:
    repo = tmp / "repo"
    repo.mkdir()
    for name in ("kpu.yml", "mkdocs.yml"):
        shutil.copy(ROOT / name, repo / name)
    for name in ("data", "content"):
        shutil.copytree(ROOT / name, repo / name)
    posts = repo / "content" / "posts"
    for path in posts.rglob("*.md"):
        path.unlink()
    text = SAMPLE.read_text(encoding="utf-8")
    for i in range(count):
        (posts / "2026" / f"publikasi-{i:02d}.md").write_text(
            text.replace('title: "', f'title: "({i}) ', 1), encoding="utf-8"
        )
    return repo


def with_origin(repo: Path, tmp: Path) -> Path:
    origin = tmp / "origin.git"
    git("init", "--quiet", "--bare", "-b", "main", str(origin), cwd=tmp)
    env = ["-c", "user.name=Bench", "-c", "user.email=bench@kpu.invalid"]
    git("init", "--quiet", "-b", "main", cwd=repo)
    git("add", "--all", cwd=repo)
    git(*env, "commit", "--quiet", "-m", "awal", cwd=repo)
    git("remote", "add", "origin", str(origin), cwd=repo)
    git("push", "--quiet", "origin", "main", cwd=repo)
    return origin


def run(count: int, durable: bool) -> tuple[float, Journal | None]:
    tmp = Path(tempfile.mkdtemp(prefix="kpu-bench-durability-"))
    world = World.start()
    try:
        repo = site(tmp, count)
        if durable:
            with_origin(repo, tmp)
        environ = {**os.environ, **world.env()}
        ctx = load_context(repo)
        publications = validate(ctx, [repo / "content" / "posts"]).publications
        assert len(publications) == count
        channels = configured_channels(ctx, NETWORKS, environ)
        journal = Journal.of(repo, environ) if durable else None
        started = time.perf_counter()
        report = publish(
            ctx,
            publications,
            channels,
            ledger=Ledger.of(repo),
            environ=environ,
            policy=RetryPolicy(),
            journal=journal,
        )
        took = time.perf_counter() - started
        assert not report.problems, report.problems
        assert world.counts() == dict.fromkeys(NETWORKS, count)
        return took, journal
    finally:
        world.stop()
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    run(1, durable=False)  # warm-up: imports, fonts, the first card
    print(
        "| publications | posts | run without journal | run with journal | difference "
        "| inside journal writes | pushes | per post |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for count in (1, 20):
        plain, _ = run(count, durable=False)
        took, journal = run(count, durable=True)
        assert journal is not None
        posts = count * len(NETWORKS)
        print(
            f"| {count} | {posts} | {plain:.2f} s | {took:.2f} s | {took - plain:+.2f} s "
            f"| {journal.seconds:.2f} s | {journal.pushes} | {journal.seconds / posts * 1000:.0f} ms |"
        )


if __name__ == "__main__":
    main()
