"""A local HTTP server speaking the GitHub REST wire protocol for the endpoints the pipeline uses.

It serves recorded-shape JSON (ids, user.login, state, submitted_at, commit_id, html_url, ...),
paginates with Link headers, and can be told to answer with rate limits or server errors, so the
real `requests` client, its retries and its pagination run against it.
"""

from __future__ import annotations

import itertools
import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

REPOSITORY = "kpu-bangkabarat/informasi-hukum"
_ids = itertools.count(1000)


@dataclass
class Call:
    method: str
    path: str
    authorization: str | None
    body: Any = None


@dataclass
class FakeGitHub:
    """Server state: what GitHub knows, plus a record of every request it received."""

    repository: str = REPOSITORY
    pulls: dict[int, dict[str, Any]] = field(default_factory=dict)
    reviews: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    commit_pulls: dict[str, list[int]] = field(default_factory=dict)
    files: dict[int, list[str]] = field(default_factory=dict)  # GET /pulls/{n}/files
    protection: dict[str, Any] | None = None  # classic branch protection of main (None: 404)
    rules: list[dict[str, Any]] = field(default_factory=list)  # ruleset rules of main
    issues: dict[int, dict[str, Any]] = field(default_factory=dict)
    comments: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    releases: list[dict[str, Any]] = field(default_factory=list)
    assets: dict[int, bytes] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)
    # (status, headers, body) answered before the real ones, one per request
    injected: list[tuple[int, dict[str, str], Any]] = field(default_factory=list)
    url: str = ""

    @property
    def html(self) -> str:
        return f"https://github.com/{self.repository}"

    # --- scenario helpers ------------------------------------------------------------------------
    def add_pull(
        self,
        number: int,
        author: str,
        *,
        head_sha: str = "0" * 40,
        merge_sha: str | None = None,
        branch: str = "fitur",
        merged: bool = True,
    ) -> dict[str, Any]:
        pull = {
            "url": f"{self.url}/repos/{self.repository}/pulls/{number}",
            "id": next(_ids),
            "node_id": f"PR_kwDO{number:08d}",
            "html_url": f"{self.html}/pull/{number}",
            "number": number,
            "state": "closed" if merged else "open",
            "locked": False,
            "title": f"Publikasi #{number}",
            "user": _user(author),
            "body": "",
            "created_at": "2026-10-05T01:00:00Z",
            "updated_at": "2026-10-05T03:00:00Z",
            "closed_at": "2026-10-05T03:00:00Z" if merged else None,
            "merged_at": "2026-10-05T03:00:00Z" if merged else None,
            "merge_commit_sha": merge_sha,
            "head": {
                "label": f"kpu:{branch}",
                "ref": branch,
                "sha": head_sha,
                "repo": {"full_name": self.repository},
            },
            "base": {
                "label": "kpu:main",
                "ref": "main",
                "sha": "1" * 40,
                "repo": {"full_name": self.repository},
            },
            "merged": merged,
            "commits": 1,
            "author_association": "MEMBER",
        }
        self.pulls[number] = pull
        self.reviews.setdefault(number, [])
        return pull

    def review(
        self,
        number: int,
        login: str,
        state: str,
        at: str = "2026-10-05T02:00:00Z",
        commit_id: str | None = None,
    ) -> None:
        """A submitted review of the pull request's current head (or of `commit_id`)."""
        rid = next(_ids)
        pull = self.pulls[number]
        self.reviews.setdefault(number, []).append(
            {
                "id": rid,
                "node_id": f"PRR_kwDO{rid:08d}",
                "user": _user(login),
                "body": "" if state == "APPROVED" else "Mohon diperbaiki.",
                "state": state,
                "html_url": f"{self.html}/pull/{number}#pullrequestreview-{rid}",
                "pull_request_url": pull["url"],
                "author_association": "MEMBER",
                "_links": {"html": {"href": f"{self.html}/pull/{number}#pullrequestreview-{rid}"}},
                "submitted_at": at,
                "commit_id": commit_id or pull["head"]["sha"],
            }
        )

    def requests_to(self, pattern: str) -> list[Call]:
        return [c for c in self.calls if re.search(pattern, c.path)]

    # --- HTTP ---------------------------------------------------------------------------------
    def answer(self, method: str, path: str, body: Any) -> tuple[int, Any]:
        prefix = f"/repos/{self.repository}"
        if not path.startswith(prefix):
            return 404, {"message": "Not Found"}
        route = path[len(prefix) :]
        for pattern, handler in self._routes(method):
            match = re.fullmatch(pattern, route)
            if match:
                return handler(*match.groups(), body)  # type: ignore[no-any-return]
        return 404, {"message": "Not Found", "documentation_url": "https://docs.github.com/rest"}

    def _routes(self, method: str) -> list[tuple[str, Any]]:
        if method == "GET":
            return [
                (r"/pulls", self._list_pulls),
                (r"/pulls/(\d+)", lambda n, _: self._found(self.pulls.get(int(n)))),
                (r"/pulls/(\d+)/reviews", lambda n, _: self._found(self.reviews.get(int(n)))),
                (
                    r"/pulls/(\d+)/files",
                    lambda n, _: (200, [{"filename": f} for f in self.files.get(int(n), [])]),
                ),
                (
                    r"/commits/([0-9a-f]+)/pulls",
                    lambda sha, _: (200, [self.pulls[n] for n in self.commit_pulls.get(sha, [])]),
                ),
                (
                    r"/branches/main/protection",
                    lambda _: (
                        (200, self.protection)
                        if self.protection is not None
                        else (404, {"message": "Branch not protected"})
                    ),
                ),
                (r"/rules/branches/main", lambda _: (200, self.rules)),
                (r"/issues", self._list_issues),
                (r"/issues/(\d+)", lambda n, _: self._found(self.issues.get(int(n)))),
                (r"/issues/(\d+)/comments", lambda n, _: (200, self.comments.get(int(n), []))),
                (r"/releases", lambda _: (200, self.releases)),
                (
                    r"/releases/(\d+)/assets",
                    lambda rid, _: (200, self._release(int(rid))["assets"]),
                ),
            ]
        if method == "DELETE":
            return [(r"/releases/assets/(\d+)", self._delete_asset)]
        if method == "POST":
            return [
                (r"/issues/(\d+)/comments", self._create_comment),
                (r"/issues", self._create_issue),
                (r"/pulls", self._create_pull),
                (r"/issues/(\d+)/assignees", self._add_assignees),
                (r"/releases", self._create_release),
                (r"/uploads/releases/(\d+)/assets", self._upload_asset),
            ]
        if method == "PATCH":
            return [
                (r"/issues/comments/(\d+)", self._update_comment),
                (r"/issues/(\d+)", self._update_issue),
            ]
        return []

    # Pull requests opened by `kpu intake open` (GET receives the parsed query as its body).
    def _list_pulls(self, query: dict[str, list[str]]) -> tuple[int, Any]:
        head = (query.get("head") or [""])[0]
        state = (query.get("state") or ["open"])[0]
        found = [
            p
            for p in self.pulls.values()
            if (not head or f"{self.repository.split('/')[0]}:{p['head']['ref']}" == head)
            and (state == "all" or p["state"] == state)
        ]
        return 200, found

    # Issues kept by the checks (`kpu doctor --report-issue`): list filtered as GitHub does
    # (state, comma-separated labels; pull requests are issues too), create with labels.
    def add_issue(
        self, title: str, body: str, labels: list[str], created_at: str = "2026-10-01T01:00:00Z"
    ) -> dict[str, Any]:
        number = max([*self.pulls, *self.issues, 0]) + 1
        issue = {
            "url": f"{self.url}/repos/{self.repository}/issues/{number}",
            "id": next(_ids),
            "number": number,
            "html_url": f"{self.html}/issues/{number}",
            "title": title,
            "body": body,
            "state": "open",
            "state_reason": None,
            "labels": [{"name": name} for name in labels],
            "user": _user("github-actions[bot]", kind="Bot"),
            "created_at": created_at,
            "updated_at": created_at,
            "closed_at": None,
        }
        self.issues[number] = issue
        return issue

    def _list_issues(self, query: dict[str, list[str]]) -> tuple[int, Any]:
        state = (query.get("state") or ["open"])[0]
        wanted = {w for w in (query.get("labels") or [""])[0].split(",") if w}
        found = [
            i
            for i in [
                *self.issues.values(),
                *({**p, "pull_request": {}} for p in self.pulls.values()),
            ]
            if (state == "all" or i["state"] == state)
            and wanted <= {label["name"] for label in i.get("labels") or []}
        ]
        return 200, sorted(found, key=lambda i: -int(i["number"]))

    def _create_issue(self, body: Any) -> tuple[int, Any]:
        return 201, self.add_issue(body["title"], body.get("body") or "", body.get("labels") or [])

    def _create_pull(self, body: Any) -> tuple[int, Any]:
        number = max([*self.pulls, *self.issues, 0]) + 1
        pull = self.add_pull(number, "github-actions[bot]", branch=body["head"], merged=False)
        pull.update(
            title=body["title"], body=body["body"], draft=body.get("draft", False),
            base={"ref": body["base"]}, assignees=[], labels=[],
        )  # fmt: skip
        return 201, pull

    def _add_assignees(self, number: str, body: Any) -> tuple[int, Any]:
        target = self.pulls.get(int(number)) or self.issues.get(int(number))
        if target is None:
            return 404, {"message": "Not Found"}
        target.setdefault("assignees", []).extend(_user(login) for login in body["assignees"])
        return 201, target

    def _update_issue(self, number: str, body: Any) -> tuple[int, Any]:
        target = self.pulls.get(int(number)) or self.issues.get(int(number))
        if target is None:
            return 404, {"message": "Not Found"}
        if "labels" in body:
            body = body | {"labels": [{"name": name} for name in body["labels"]]}
        target.update(body)
        return 200, target

    # Releases (used by `kpu bundle --release`, a step of publish.yml); uploads go to upload_url.
    def _release(self, rid: int) -> dict[str, Any]:
        return next(r for r in self.releases if r["id"] == rid)

    def _create_release(self, body: Any) -> tuple[int, Any]:
        rid = next(_ids)
        release = {
            "id": rid,
            "tag_name": body["tag_name"],
            "name": body.get("name"),
            "body": body.get("body"),
            "html_url": f"{self.html}/releases/tag/{body['tag_name']}",
            "assets": [],
            "upload_url": f"{self.url}/repos/{self.repository}/uploads/releases/{rid}/assets{{?name,label}}",
        }
        self.releases.append(release)
        return 201, release

    def _upload_asset(self, rid: str, body: Any) -> tuple[int, Any]:
        aid = next(_ids)
        data, name = body
        self.assets[aid] = data
        asset = {
            "id": aid,
            "name": name,
            "size": len(data),
            "state": "uploaded",
            "browser_download_url": f"{self.html}/releases/download/x/{name}",
        }
        self._release(int(rid))["assets"].append(asset)
        return 201, asset

    def _delete_asset(self, aid: str, _: Any) -> tuple[int, Any]:
        for release in self.releases:
            release["assets"] = [a for a in release["assets"] if a["id"] != int(aid)]
        self.assets.pop(int(aid), None)
        return 204, None

    @staticmethod
    def _found(value: Any) -> tuple[int, Any]:
        return (200, value) if value is not None else (404, {"message": "Not Found"})

    def _create_comment(self, number: str, body: Any) -> tuple[int, Any]:
        cid = next(_ids)
        comment = {
            "id": cid,
            "html_url": f"{self.html}/pull/{number}#issuecomment-{cid}",
            "user": _user("github-actions[bot]", kind="Bot"),
            "body": body["body"],
            "created_at": "2026-10-05T04:00:00Z",
            "updated_at": "2026-10-05T04:00:00Z",
        }
        self.comments.setdefault(int(number), []).append(comment)
        return 201, comment

    def _update_comment(self, cid: str, body: Any) -> tuple[int, Any]:
        for comment in itertools.chain.from_iterable(self.comments.values()):
            if comment["id"] == int(cid):
                comment["body"] = body["body"]
                comment["updated_at"] = "2026-10-05T05:00:00Z"
                return 200, comment
        return 404, {"message": "Not Found"}


def _user(login: str, kind: str = "User") -> dict[str, Any]:
    return {
        "login": login,
        "id": abs(hash(login)) % 10_000_000,
        "type": kind,
        "html_url": f"https://github.com/{login}",
        "site_admin": False,
    }


def _handler(state: FakeGitHub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # keep test output clean
            pass

        def _serve(self) -> None:
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            if "json" in (self.headers.get("Content-Type") or ""):
                body: Any = json.loads(raw) if raw else None
            else:  # a release asset upload: raw bytes, named in the query
                body = (raw, parse_qs(parts.query).get("name", [""])[0]) if raw else None
            state.calls.append(
                Call(self.command, parts.path, self.headers.get("Authorization"), body)
            )
            if state.injected:
                status, headers, payload = state.injected.pop(0)
                self._send(status, payload, headers)
                return
            if self.command == "GET":
                body = parse_qs(parts.query)
            status, payload = state.answer(self.command, parts.path, body)
            headers: dict[str, str] = {}
            if isinstance(payload, list) and status == 200:
                payload, headers = _paginate(payload, parts, state.url, parse_qs(parts.query))
            self._send(status, payload, headers)

        def _send(self, status: int, payload: Any, headers: dict[str, str]) -> None:
            data = b"" if status == 204 else json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PATCH = do_DELETE = _serve

    return Handler


def _paginate(
    items: list[Any], parts: Any, base: str, query: dict[str, list[str]]
) -> tuple[Any, dict[str, str]]:
    per_page = int(query.get("per_page", ["30"])[0])
    page = int(query.get("page", ["1"])[0])
    chunk = items[(page - 1) * per_page : page * per_page]
    headers = {}
    if page * per_page < len(items):
        nxt = f"{base}{parts.path}?per_page={per_page}&page={page + 1}"
        headers["Link"] = f'<{nxt}>; rel="next"'
    return chunk, headers


@contextmanager
def running(state: FakeGitHub | None = None) -> Iterator[FakeGitHub]:
    """Serve `state` on 127.0.0.1 at a random port for the duration of the block."""
    state = state or FakeGitHub()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
