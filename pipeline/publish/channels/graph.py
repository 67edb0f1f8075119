"""The Graph API as Facebook Pages and Instagram business accounts share it: one base URL, the
token in the Authorization header (never in a URL), errors in `{"error": {...}}`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pipeline.publish.channels import http

if TYPE_CHECKING:
    import requests

DEFAULT_BASE = "https://graph.facebook.com/v21.0"
# Graph API throttling codes: application, user, page and custom-rate limits.
THROTTLE_CODES = {4, 17, 32, 613, 80001, 80002}


def _describe(body: Any) -> str:
    error = body["error"]
    return f"{error.get('message', '')} (kode {error.get('code', '-')})"


def _throttled(body: Any) -> bool:
    error = body.get("error") if isinstance(body, dict) else None
    return isinstance(error, dict) and error.get("code") in THROTTLE_CODES


DIALECT = http.Dialect(describe=_describe, throttled=_throttled)


class Graph:
    """A tiny Graph API client: `call("POST", "123/photos", data=...)` returns the JSON body."""

    def __init__(
        self, base: str, token: str, scrub: Callable[[str], str], timeout: http.Timeout
    ) -> None:
        self.base = base.rstrip("/")
        self.token = token
        self.scrub = scrub
        self.http: requests.Session = http.session(timeout=timeout)

    def call(self, method: str, path: str, *, creates: bool = False, **kwargs: Any) -> Any:
        headers = {"Authorization": f"Bearer {self.token}"}
        return http.request_json(
            self.http,
            method,
            f"{self.base}/{path.lstrip('/')}",
            creates=creates,
            scrub=self.scrub,
            dialect=DIALECT,
            headers=headers,
            **kwargs,
        )
