"""A small GitHub REST client: the few endpoints the pipeline reads and writes, nothing more.

Transport failures and 5xx answers are retried by urllib3; rate limits (403/429 with
Retry-After or x-ratelimit-reset) are waited out here. Every failure becomes a RemoteError
in Indonesian. The token only ever travels in the Authorization header.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from pipeline.core import redact
from pipeline.core.errors import RemoteError
from pipeline.messages import github as msg

DEFAULT_API_URL = "https://api.github.com"
USER_AGENT = "kpu-pipeline"
TIMEOUT = 30.0
Json = dict[str, Any]


class _Retry(Retry):
    # 429 is a rate limit: GitHub._request waits it out (Retry-After or x-ratelimit-reset).
    RETRY_AFTER_STATUS_CODES = frozenset({503})


def default_session(retries: int = 3, backoff: float = 0.5) -> requests.Session:
    """A session that retries connection errors and 5xx answers, honouring Retry-After."""
    retry = _Retry(
        total=retries,
        connect=retries,
        read=retries,
        status=retries,
        status_forcelist=(500, 502, 503, 504),
        allowed_methods=frozenset({"GET", "PATCH", "PUT", "DELETE"}),  # never repeat a POST
        backoff_factor=backoff,
        respect_retry_after_header=True,
        raise_on_status=False,
    )
    session = requests.Session()
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    return session


class GitHub:
    """The REST endpoints of one repository (`owner/name`) that the pipeline needs."""

    def __init__(
        self,
        repository: str,
        base_url: str = DEFAULT_API_URL,
        token: str | None = None,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
        max_wait: float = 120.0,
    ) -> None:
        self.repository = repository
        self.base_url = base_url.rstrip("/")
        self.session = session if session is not None else default_session()
        self._token = token
        self._scrub = redact.from_env(extra=[token] if token else [])
        self._sleep = sleep
        self.max_wait = max_wait

    @classmethod
    def from_env(
        cls, repository: str | None = None, environ: Mapping[str, str] = os.environ
    ) -> GitHub:
        """As in GitHub Actions: GITHUB_API_URL, GITHUB_TOKEN, GITHUB_REPOSITORY."""
        repo = environ.get("GITHUB_REPOSITORY") or repository
        if not repo:
            raise RemoteError(msg.NO_REPOSITORY)
        return cls(
            repo,
            base_url=environ.get("GITHUB_API_URL") or DEFAULT_API_URL,
            token=environ.get("GITHUB_TOKEN") or None,
        )

    def __repr__(self) -> str:  # never show the token
        return f"GitHub({self.repository!r}, base_url={self.base_url!r})"

    # --- endpoints ------------------------------------------------------------------------------
    def pull(self, number: int) -> Json:
        return self._json("GET", f"/pulls/{number}", what=f"pull request #{number}")

    def reviews(self, number: int) -> list[Json]:
        return self._pages(f"/pulls/{number}/reviews", what=f"review pull request #{number}")

    def pull_files(self, number: int) -> list[Json]:
        return self._pages(f"/pulls/{number}/files", what=f"berkas pull request #{number}")

    def branch_protection(self, branch: str) -> Json | None:
        """Classic branch protection; None when the branch has none (404)."""
        try:
            return self._json("GET", f"/branches/{branch}/protection", what=f"proteksi {branch}")
        except RemoteError as exc:
            if exc.status == 404:
                return None
            raise

    def branch_rules(self, branch: str) -> list[Json]:
        """The ruleset rules that apply to the branch."""
        return self._pages(f"/rules/branches/{branch}", what=f"ruleset {branch}")

    def pulls_of_commit(self, sha: str) -> list[Json]:
        return self._pages(f"/commits/{sha}/pulls", what=f"pull request untuk commit {sha[:7]}")

    def issue(self, number: int) -> Json:
        return self._json("GET", f"/issues/{number}", what=f"issue #{number}")

    def issue_comments(self, number: int) -> list[Json]:
        return self._pages(f"/issues/{number}/comments", what=f"komentar #{number}")

    def create_comment(self, number: int, body: str) -> Json:
        return self._json(
            "POST", f"/issues/{number}/comments", {"body": body}, what=f"komentar #{number}"
        )

    def update_comment(self, comment_id: int, body: str) -> Json:
        path = f"/issues/comments/{comment_id}"
        return self._json("PATCH", path, {"body": body}, what=f"komentar {comment_id}")

    def issues(self, labels: str | None = None, state: str = "open") -> list[Json]:
        """Issues (and pull requests, which carry a `pull_request` key) of the repository."""
        query = urlencode({"state": state, **({"labels": labels} if labels else {})})
        return self._pages(f"/issues?{query}", what="daftar issue")

    def create_issue(self, title: str, body: str, labels: Sequence[str] = ()) -> Json:
        data = {"title": title, "body": body, "labels": list(labels)}
        return self._json("POST", "/issues", data, what="issue baru")

    def update_issue(self, number: int, **fields: Any) -> Json:
        return self._json("PATCH", f"/issues/{number}", fields, what=f"issue #{number}")

    def open_pulls(self, head: str) -> list[Json]:
        """Open pull requests from `head` ("owner:branch")."""
        query = urlencode({"state": "open", "head": head})
        return self._pages(f"/pulls?{query}", what="daftar pull request")

    def create_pull(self, title: str, head: str, base: str, body: str, draft: bool = True) -> Json:
        data = {"title": title, "head": head, "base": base, "body": body, "draft": draft}
        return self._json("POST", "/pulls", data, what="pull request baru")

    def add_assignees(self, number: int, logins: Sequence[str]) -> Json:
        data = {"assignees": list(logins)}
        return self._json("POST", f"/issues/{number}/assignees", data, what=f"penugasan #{number}")

    def releases(self) -> list[Json]:
        return self._pages("/releases", what="daftar rilis")

    def create_release(self, tag: str, name: str, body: str, target: str | None = None) -> Json:
        data = {"tag_name": tag, "name": name, "body": body}
        if target:
            data["target_commitish"] = target
        return self._json("POST", "/releases", data, what=f"rilis {tag}")

    def release_assets(self, release_id: int) -> list[Json]:
        return self._pages(f"/releases/{release_id}/assets", what="lampiran rilis")

    def download_asset(self, asset_id: int) -> bytes:
        url, accept = (
            self._url(f"/releases/assets/{asset_id}"),
            {"Accept": "application/octet-stream"},
        )
        return self._request("GET", url, None, what=f"lampiran {asset_id}", headers=accept).content

    def delete_asset(self, asset_id: int) -> None:
        self._request(
            "DELETE", self._url(f"/releases/assets/{asset_id}"), None, what="lampiran lama"
        )

    def upload_asset(self, release: Json, name: str, data: bytes, content_type: str) -> Json:
        """To the release's `upload_url` (uploads.github.com on github.com), as raw bytes."""
        url = str(release["upload_url"]).split("{", 1)[0] + "?" + urlencode({"name": name})
        response = self._request(
            "POST",
            url,
            None,
            what=f"unggah {name}",
            data=data,
            headers={"Content-Type": content_type},
        )
        result = response.json()
        return result if isinstance(result, dict) else {}

    # --- plumbing -------------------------------------------------------------------------------
    def _json(self, method: str, path: str, body: Json | None = None, *, what: str) -> Json:
        data = self._request(method, self._url(path), body, what=what)
        try:
            result = data.json()
        except (ValueError, RecursionError) as exc:  # RecursionError: JSON nested too deep
            raise RemoteError(msg.BAD_JSON.format(what=what)) from exc
        if not isinstance(result, dict):
            raise RemoteError(msg.BAD_JSON.format(what=what))
        return result

    def _pages(self, path: str, *, what: str) -> list[Json]:
        """Every item of a paginated list, following the Link: rel="next" header."""
        items: list[Json] = []
        url: str | None = self._url(path) + ("&" if "?" in path else "?") + "per_page=100"
        while url:
            response = self._request("GET", url, None, what=what)
            try:
                page = response.json()
            except (ValueError, RecursionError) as exc:  # RecursionError: JSON nested too deep
                raise RemoteError(msg.BAD_JSON.format(what=what)) from exc
            if not isinstance(page, list):
                raise RemoteError(msg.BAD_JSON.format(what=what))
            items.extend(item for item in page if isinstance(item, dict))
            url = response.links.get("next", {}).get("url")
        return items

    def _url(self, path: str) -> str:
        return f"{self.base_url}/repos/{self.repository}{path}"

    def _headers(self) -> dict[str, str]:
        headers = {
            "Accept": "application/vnd.github+json",
            "X-GitHub-Api-Version": "2022-11-28",
            "User-Agent": USER_AGENT,
        }
        if self._token:
            headers["Authorization"] = f"Bearer {self._token}"
        return headers

    def _request(
        self,
        method: str,
        url: str,
        body: Json | None,
        *,
        what: str,
        data: bytes | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> requests.Response:
        waited = 0.0
        while True:
            try:
                response = self.session.request(
                    method,
                    url,
                    json=None if body is None else self._scrub.data(body),  # nothing posted leaks
                    data=data,
                    headers={**self._headers(), **(headers or {})},
                    timeout=TIMEOUT,
                )
            except requests.RequestException as exc:
                raise RemoteError(
                    msg.UNREACHABLE.format(what=what, reason=type(exc).__name__)
                ) from exc
            wait = rate_limit_wait(response)
            if wait is None:
                break
            if waited + wait > self.max_wait:
                raise RemoteError(msg.RATE_LIMITED.format(what=what, wait=int(wait)))
            self._sleep(wait)
            waited += wait
        if response.status_code >= 400:
            raise self._error(response, what)
        return response

    def _error(self, response: requests.Response, what: str) -> RemoteError:
        """The failure in Indonesian; what the server said (it may echo our headers) scrubbed."""
        error = RemoteError(self._scrub(self._explain(response, what)))
        error.status = response.status_code
        return error

    def _explain(self, response: requests.Response, what: str) -> str:
        status = response.status_code
        detail = _detail(response)
        if status == 401:
            return msg.UNAUTHORIZED.format(what=what, status=status)
        if status == 403:
            return msg.FORBIDDEN.format(what=what, detail=detail)
        if status == 404:
            return msg.NOT_FOUND.format(what=what, repository=self.repository)
        return msg.FAILED.format(status=status, what=what, detail=detail)


def rate_limit_wait(
    response: requests.Response, now: Callable[[], float] = time.time
) -> float | None:
    """Seconds to wait before retrying a rate-limited answer; None if it is not rate-limited."""
    if response.status_code not in (403, 429):
        return None
    retry_after = response.headers.get("Retry-After")
    if retry_after is not None:
        try:
            return max(0.0, float(retry_after))
        except ValueError:
            return 60.0
    if response.headers.get("x-ratelimit-remaining") == "0":
        reset = response.headers.get("x-ratelimit-reset")
        try:
            return max(0.0, float(reset or 0) - now()) + 1.0
        except ValueError:
            return 60.0
    if response.status_code == 429:
        return 60.0
    return None


def _detail(response: requests.Response) -> str:
    try:
        data = response.json()
    except (ValueError, RecursionError):
        return response.reason or "-"
    if isinstance(data, dict) and isinstance(data.get("message"), str):
        return str(data["message"])[:200]
    return response.reason or "-"
