"""CPU-second timing for the benches: the machine is shared, so wall clock is noise.

`child_cpu` runs a command and returns the user + system CPU seconds of it and of every process it
waited for (rusage of children), plus its peak resident memory; `alternate` runs several commands
in turn, round after round, so that a change in the machine's load hits them all alike.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Run:
    cpu: float  # user + system seconds, the command and its children
    wall: float
    peak_mb: float  # the largest resident set of any one process it waited for


def child_cpu(
    command: Sequence[str], cwd: Path, env: dict[str, str] | None = None, check: bool = True
) -> Run:
    """One run of `command`; raises with its output when it fails and `check` is set."""
    import time

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        list(command), cwd=cwd, capture_output=True, text=True, check=False, env=env
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if check and done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)}: {(done.stdout + done.stderr)[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # ru_maxrss of children is the maximum over all children so far (KiB on Linux)
    return Run(cpu, wall, after.ru_maxrss / 1024)


def peak_rss_mb(command: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    """Peak resident memory of one run, measured alone by GNU time (ru_maxrss of RUSAGE_CHILDREN
    is the maximum over every child so far, so it cannot separate runs)."""
    out = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *command],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    return int(out.stderr.strip().splitlines()[-1]) / 1024


def alternate(
    commands: dict[str, Sequence[str]],
    cwd: Path,
    rounds: int = 5,
    env: dict[str, str] | None = None,
    before_each: dict[str, object] | None = None,
) -> dict[str, list[Run]]:
    """Each command once per round; `before_each[name]()` runs untimed before it. The order
    rotates by one each round, so that no command always follows the same one (a 1.8 GB
    Zensical run slowed the build after it); the disk is synced after each untimed step, so
    that the writes and deletions it left are not paid inside the timed command."""
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    names = list(commands)
    for turn in range(rounds):
        shift = turn % len(names) if names else 0
        for name in names[shift:] + names[:shift]:
            hook = (before_each or {}).get(name)
            if callable(hook):
                hook()
            os.sync()
            runs[name].append(child_cpu(commands[name], cwd, env))
    return runs


def median_cpu(runs: list[Run]) -> float:
    return statistics.median(r.cpu for r in runs)


def median_wall(runs: list[Run]) -> float:
    return statistics.median(r.wall for r in runs)


def environ(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(extra)
    return env
