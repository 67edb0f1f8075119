"""Benchmark the build cache: adding one post to a 1,000-post site.

Run by hand:  .venv/bin/python bench/bench_incremental.py [N] [ROUNDS] [cards]
Target (issue #14, item 2): the build after adding one post, with the cache of the build before
it, <= 0.5x the full build of the same tree (`kpu build --no-cache`). CPU seconds, median of
alternating rounds (bench/cpu.py); before each timed incremental build the post is taken out and
the tree built untimed, so that the cache holds exactly the build before the change.
"full" starts without a staging tree or cache, as a fresh CI runner. "incremental, staging kept"
keeps the build before's cache and staging tree, which is rewritten in place: CI's case since
publish.yml's Actions cache holds build/staging/ with build/cache/ (and a checkout's second
build). "incremental" has the cache only, as a runner whose cache holds no staging tree (the
first run after that change).
The site's posts were published long ago (bench_merge_flow.record_history), as on the office's
site: only the new post waits for Instagram and gets a card. With `cards`, no post has been
published yet: every one waits for Instagram and the build draws (or reuses) its card.
"""

from __future__ import annotations

import compileall
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_merge_flow import POST, make_site, record_history  # noqa: E402
from bench.cpu import alternate, child_cpu, environ, median_cpu  # noqa: E402


def main(count: int, rounds: int, cards: bool = False) -> None:
    # as the workflows' `pip install .` leaves kpu: byte-compiled (this sandbox writes no .pyc)
    compileall.compile_dir(ROOT / "pipeline", quiet=1)
    kpu = [sys.executable, "-m", "pipeline", "-q", "build", "--site-dir"]
    env = environ(PYTHONPATH=str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        site = make_site(Path(tmp) / "site", count)
        if not cards:
            record_history(site)
        new = site / "content" / "posts" / "2026" / "bench-publikasi-baru.md"
        text = POST.format(i=count, month=12, day=1)  # the newest: first on the blog's index

        def with_post() -> None:
            new.write_text(text, encoding="utf-8")

        def cache_of_the_build_before() -> None:
            new.unlink(missing_ok=True)
            child_cpu(kpu + [str(Path(tmp) / "before")], site, env)
            with_post()

        def fresh_runner() -> None:  # no staging tree
            shutil.rmtree(site / "build" / "staging", ignore_errors=True)

        def cache_on_a_fresh_runner() -> None:
            cache_of_the_build_before()
            fresh_runner()

        def full() -> None:
            with_post()
            fresh_runner()

        runs = alternate(
            {
                "full": kpu + [str(Path(tmp) / "full"), "--no-cache"],
                "incremental": kpu + [str(Path(tmp) / "incremental")],
                "incremental, staging kept": kpu + [str(Path(tmp) / "kept")],
            },
            site,
            rounds=rounds,
            env=env,
            before_each={
                "full": full,
                "incremental": cache_on_a_fresh_runner,
                "incremental, staging kept": cache_of_the_build_before,
            },
        )
    whole = median_cpu(runs["full"])
    print(
        f"{count} posts{' (cards)' if cards else ''}, {rounds} rounds: "
        f"full `kpu build --no-cache` on a fresh runner {whole:.1f} s CPU"
    )
    for name, label in (
        ("incremental, staging kept", "build cache and staging tree restored (CI)"),
        ("incremental", "the build cache only, no staging tree"),
    ):
        cpu = median_cpu(runs[name])
        print(f"  after adding one post, {label}: {cpu:.1f} s CPU, ratio {cpu / whole:.2f}x")
    for name, measured in runs.items():
        print(f"  {name}: " + ", ".join(f"{run.cpu:.1f}" for run in measured))


if __name__ == "__main__":
    main(
        int(sys.argv[1]) if len(sys.argv) > 1 else 1000,
        int(sys.argv[2]) if len(sys.argv) > 2 else 3,
        cards="cards" in sys.argv[3:],
    )
