"""Test-only kill points: the fault driver of the merge-flow tests dies at a named instant.

`KPU_TEST_KILL_AT=<point>[:<n>]` SIGKILLs the process the n-th time (default: the first) it
reaches `point`, exactly as a cancelled job or a lost runner would: no cleanup, no flush. Points
are named in the code where they are reached, e.g. `before-call:telegram` (its pending mark is on
origin, the network not yet called), `after-call:x` (the network answered, nothing written),
`journal-pushed`, `record-committed`, `record-pushed`. Unset, this costs one dict look-up.
"""

from __future__ import annotations

import os
import signal
import threading
from collections import Counter
from collections.abc import Mapping

KILL_ENV = "KPU_TEST_KILL_AT"
_seen: Counter[str] = Counter()
_lock = threading.Lock()


def kill_point(point: str, environ: Mapping[str, str] | None = None) -> None:
    wanted = (os.environ if environ is None else environ).get(KILL_ENV)
    if not wanted:
        return
    name, _, nth = (
        wanted.rpartition(":") if wanted.rsplit(":", 1)[-1].isdigit() else (wanted, "", "1")
    )
    if name != point:
        return
    with _lock:
        _seen[point] += 1
        if _seen[point] == int(nth or 1):
            os.kill(os.getpid(), signal.SIGKILL)
