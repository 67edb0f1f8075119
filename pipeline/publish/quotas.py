"""What each network lets us post, and what X charges: respected by waiting or deferring a post
to the next run, never by dropping it."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.core.timeutil import WIB
from pipeline.records.ledger import Book

X_PRICE_PER_POST = 0.015
"""USD per post created through X's API (pay-per-use pricing)."""
X_PRICE_PER_POST_WITH_URL = 0.20
"""USD per post that carries a URL: every post of ours links its page."""


def x_post_cost(text: str) -> float:
    """What one post with `text` costs on X, in USD (shown in the PR comment's preview)."""
    from pipeline.publish.x_urls import extract_urls_with_indices

    return X_PRICE_PER_POST_WITH_URL if extract_urls_with_indices(text) else X_PRICE_PER_POST


@dataclass(frozen=True)
class Window:
    """At most `count` posts in any `seconds`; `wait` says whether to wait for room or defer."""

    count: int
    seconds: float
    wait: bool


WINDOWS: dict[str, Window] = {
    "telegram": Window(20, 60.0, wait=True),  # about 20 messages a minute in one channel
    "instagram": Window(50, 24 * 3600.0, wait=False),  # 50 API-published posts in 24 hours
}


class Quota:
    """One channel's posting budget for this run, counting what the ledger shows as posted."""

    def __init__(
        self,
        channel: str,
        book: Book,
        monthly_cap: int | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.channel = channel
        self.window = WINDOWS.get(channel)
        self.monthly_cap = monthly_cap
        self.clock = clock
        self._lock = threading.Lock()
        times = _posted_times(book, channel)
        month = dt.datetime.fromtimestamp(clock(), WIB).strftime("%Y-%m")
        self.this_month = sum(
            dt.datetime.fromtimestamp(t, WIB).strftime("%Y-%m") == month for t in times
        )
        span = self.window.seconds if self.window else 0.0
        self.recent: deque[float] = deque(sorted(t for t in times if t > clock() - span))

    def wait_before(self) -> float | None:
        """Seconds to wait before the next post (0: now); None: defer it to a later run."""
        with self._lock:
            if self.monthly_cap is not None and self.this_month >= self.monthly_cap:
                return None
            if self.window is None:
                return 0.0
            now = self.clock()
            while self.recent and self.recent[0] <= now - self.window.seconds:
                self.recent.popleft()
            if len(self.recent) < self.window.count:
                return 0.0
            if not self.window.wait:
                return None
            return self.recent[0] + self.window.seconds - now

    def used(self) -> None:
        with self._lock:
            self.this_month += 1
            self.recent.append(self.clock())


def _posted_times(book: Book, channel: str) -> list[float]:
    times = []
    for page in book.pages.values():
        entry = page.channels.get(channel)
        if entry is not None and entry.status in ("posted", "deleted") and entry.time:
            try:
                times.append(dt.datetime.fromisoformat(entry.time).timestamp())
            except ValueError:
                continue
    return times
