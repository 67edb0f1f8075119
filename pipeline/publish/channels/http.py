"""Shared HTTP plumbing: one requests Session per channel, with a timeout on every call and an
optional base override (tests point a real client library at a local server this way)."""

from __future__ import annotations

import functools
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from pipeline.publish.channels.base import (
    ChannelError,
    OutcomeUnknown,
    RateLimited,
    Retryable,
)

if TYPE_CHECKING:  # requests is imported when a channel first talks to its network
    import requests

DEFAULT_TIMEOUT = 30.0
DEFAULT_CONNECT_TIMEOUT = 10.0
TIMEOUT_ENV = "KPU_HTTP_TIMEOUT"
CONNECT_TIMEOUT_ENV = "KPU_HTTP_CONNECT_TIMEOUT"
Timeout = tuple[float, float]
"""(connect, read) seconds, as requests takes them."""


def default_timeout(environ: Mapping[str, str] | None = None) -> Timeout:
    """Seconds to wait to connect and for each answer; KPU_HTTP_CONNECT_TIMEOUT and
    KPU_HTTP_TIMEOUT override them (tests use short ones)."""
    environ = os.environ if environ is None else environ
    read = _seconds(environ, TIMEOUT_ENV, DEFAULT_TIMEOUT)
    connect = _seconds(environ, CONNECT_TIMEOUT_ENV, min(DEFAULT_CONNECT_TIMEOUT, read))
    return (connect, read)


def _seconds(environ: Mapping[str, str], name: str, default: float) -> float:
    try:
        value = float(environ.get(name, "") or default)
    except ValueError:
        return default
    return value if value > 0 else default


@functools.cache
def _adapter_class() -> type:
    """The adapter class, defined on first use so that importing the channels (every `kpu`
    command does, for the names of their secrets) does not import requests."""
    from requests.adapters import HTTPAdapter

    class _Adapter(HTTPAdapter):
        """Adds a timeout to calls that have none (tweepy's Client sets none) and, when `base`
        is given, sends every request to that scheme, host and path prefix instead."""

        def __init__(self, base: str | None, timeout: Timeout) -> None:
            super().__init__()
            self.base = urlsplit(base) if base else None
            self.timeout = timeout

        def send(
            self,
            request: requests.PreparedRequest,
            stream: bool = False,
            timeout: float | tuple[float, float] | tuple[float, None] | None = None,
            verify: bool | str = True,
            cert: bytes | str | tuple[bytes | str, bytes | str] | None = None,
            proxies: Mapping[str, str] | None = None,
        ) -> requests.Response:
            if self.base is not None and request.url:
                parts = urlsplit(request.url)
                path = self.base.path.rstrip("/") + parts.path
                request.url = urlunsplit(
                    (self.base.scheme, self.base.netloc, path, parts.query, "")
                )
            timeout = self.timeout if timeout is None else timeout
            return super().send(request, stream, timeout, verify, cert, proxies)

    return _Adapter


def session(base: str | None = None, timeout: Timeout | None = None) -> requests.Session:
    """A Session whose every request has a timeout and, with `base`, goes to that server."""
    import requests

    result = requests.Session()
    adapter = _adapter_class()(base, timeout or default_timeout())
    result.mount("https://", adapter)
    result.mount("http://", adapter)
    return result


def retry_after(response: requests.Response, now: float | None = None) -> float | None:
    """Seconds to wait from Retry-After (seconds or HTTP date) or x-rate-limit-reset (epoch)."""
    now = time.time() if now is None else now
    value = response.headers.get("Retry-After")
    if value:
        try:
            return max(0.0, float(value))
        except ValueError:
            from email.utils import parsedate_to_datetime  # only a rate-limited post needs it

            try:
                return max(0.0, parsedate_to_datetime(value).timestamp() - now)
            except (TypeError, ValueError):
                pass
    reset = response.headers.get("x-rate-limit-reset")
    if reset:
        try:
            return max(0.0, float(reset) - now)
        except ValueError:
            pass
    return None


def _no(_: Any) -> Any:
    return None


@dataclass(frozen=True)
class Dialect:
    """How an API reports errors in its JSON body (the Graph API and the Bot API differ)."""

    describe: Callable[[Any], str] = str
    throttled: Callable[[Any], bool] = _no
    """A rate limit reported in the body rather than as HTTP 429 (Graph API codes 4, 17, ...)."""
    wait: Callable[[Any], float | None] = _no
    """Seconds to wait given in the body (Bot API `parameters.retry_after`)."""


def request_json(
    http: requests.Session,
    method: str,
    url: str,
    *,
    creates: bool = False,
    scrub: Callable[[str], str],
    dialect: Dialect = Dialect(),
    **kwargs: Any,
) -> Any:
    """Send one request and return its JSON; translate every failure into a channel error.

    `creates`: the call makes a post, so a read timeout or an unreadable success means the post
    may exist (OutcomeUnknown) rather than that it is safe to send again.
    """
    import requests

    try:
        response = http.request(method, url, **kwargs)
    except (requests.ConnectionError, requests.Timeout) as exc:
        if never_sent(exc):
            raise Retryable(scrub(f"tidak tersambung: {exc}")) from None
        raise _timeout(creates, scrub(str(exc))) from None
    except requests.RequestException as exc:
        raise ChannelError(scrub(f"permintaan gagal: {exc}")) from None
    try:
        body = response.json()
    except ValueError:
        body = None
    status = response.status_code
    if status >= 400 or body is None:
        detail = scrub(f"HTTP {status} {_detail(response, body, dialect)}")
        if status == 429 or (body is not None and dialect.throttled(body)):
            wait = retry_after(response)
            raise RateLimited(detail, wait if wait is not None else _safe(dialect.wait, body))
        if status >= 500:
            raise Retryable(detail)
        if status >= 400:
            raise ChannelError(detail)
        raise OutcomeUnknown(detail) if creates else ChannelError(detail)
    return body


def _safe(read: Callable[[Any], float | None], body: Any) -> float | None:
    try:
        return read(body) if body is not None else None
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def never_sent(exc: BaseException) -> bool:
    """The connection was never made, so the server cannot have acted on the request."""
    import requests
    from urllib3.exceptions import NameResolutionError, NewConnectionError

    if isinstance(exc, requests.ConnectTimeout):
        return True
    reason = getattr(exc.args[0], "reason", None) if exc.args else None
    return isinstance(reason, NewConnectionError | NameResolutionError)


def _timeout(creates: bool, detail: str) -> ChannelError:
    if creates:
        return OutcomeUnknown(f"waktu tunggu habis setelah permintaan terkirim: {detail}")
    return Retryable(f"waktu tunggu habis: {detail}")


def _detail(response: requests.Response, body: Any, dialect: Dialect) -> str:
    if body is None:
        return "(jawaban bukan JSON yang sah) " + response.text[:200]
    try:
        return dialect.describe(body)
    except (KeyError, TypeError, AttributeError):
        return response.text[:300]
