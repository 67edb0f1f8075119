"""No post without its page: wait (bounded) until each publication's page URL answers 200.

Pages deploys take a while to reach the CDN; Instagram fetches the image from the site. A
publication whose page is not live when the deadline passes is not posted this run; the next
run tries again, so nothing is lost.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence

import requests

USER_AGENT = "kpu-pipeline (pemeriksa halaman sebelum kirim)"
CONNECT_READ = (5.0, 10.0)
INTERVAL = 5.0


def _status(session: requests.Session, url: str) -> str:
    try:
        response = session.get(
            url, timeout=CONNECT_READ, headers={"User-Agent": USER_AGENT}, allow_redirects=True
        )
    except requests.RequestException as exc:
        return type(exc).__name__
    response.close()
    return str(response.status_code)


def wait_live(
    urls: Sequence[str],
    wait: float,
    *,
    interval: float = INTERVAL,
    session: requests.Session | None = None,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> Mapping[str, str]:
    """Each URL -> "200" once it answered 200, else the last status or error seen.

    One shared deadline for all URLs, so a run waits at most `wait` seconds in total.
    """
    session = session or requests.Session()
    seen: dict[str, str] = {}
    pending = list(dict.fromkeys(urls))
    deadline = clock() + wait
    while True:
        for url in list(pending):
            seen[url] = _status(session, url)
            if seen[url] == "200":
                pending.remove(url)
        if not pending or clock() >= deadline:
            return seen
        sleep(min(interval, max(0.0, deadline - clock())))
