"""`kpu linkcheck`: real HTTP against local servers (live, dead, HEAD-refusing, flaky, slow,
bot-blocking) and a local server speaking GitHub's issue endpoints for --report-issue."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from pipeline.core.github import GitHub
from pipeline.records.ledger import Book, Entry, Ledger, Page
from pipeline.records.linkcheck import (
    ISSUE_LABEL,
    ISSUE_MARKER,
    Checker,
    Target,
    default_session,
    report_issue,
    run_check,
    user_agent,
)
from tests.conftest import run_kpu

REPOSITORY = "kpu-bangkabarat/informasi-hukum"
TOKEN = "ghs_rahasia_jangan_dicetak"
WIB = dt.timezone(dt.timedelta(hours=7))
CLOCK = dt.datetime(2026, 10, 9, 6, 0, tzinfo=WIB)


# --- a site with live and dead pages --------------------------------------------------------------
class Site:
    """Serves HEAD and GET like a web server would; records method, path and User-Agent."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str, str]] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.flaky_left = 1
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def status(self, method: str, path: str) -> tuple[int, dict[str, str], float]:
        if path == "/flaky":
            with self.lock:
                self.flaky_left -= 1
                return (503 if self.flaky_left >= 0 else 200), {}, 0.0
        routes: dict[str, tuple[int, dict[str, str], float]] = {
            "/ok": (200, {}, 0.0),
            "/gone": (404, {}, 0.0),
            "/blocked": (429, {}, 0.0),
            "/moved": (301, {"Location": "/ok"}, 0.0),
            "/slow": (200, {}, 0.3),
            "/very-slow": (200, {}, 2.0),
        }
        if path == "/no-head":
            return (405 if method == "HEAD" else 200), {}, 0.0
        return routes.get(path, (404, {}, 0.0))

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _serve(self) -> None:
                path = urlsplit(self.path).path
                with site.lock:
                    site.requests.append((self.command, path, self.headers.get("User-Agent", "")))
                    site.in_flight += 1
                    site.max_in_flight = max(site.max_in_flight, site.in_flight)
                try:
                    status, headers, delay = site.status(self.command, path)
                    time.sleep(delay)
                    body = b"<html><body>Halaman</body></html>"
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if self.command == "GET":
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                finally:
                    with site.lock:
                        site.in_flight -= 1

            do_GET = do_HEAD = _serve

        return Handler


# --- GitHub's issue endpoints ---------------------------------------------------------------------
class Issues:
    """GET/POST /issues, PATCH /issues/N and POST /issues/N/comments, with GitHub's JSON shapes,
    the `labels` and `state` filters, and a token check."""

    def __init__(self) -> None:
        self.issues: dict[int, dict[str, Any]] = {}
        self.comments: dict[int, list[str]] = {}
        self.calls: list[tuple[str, str, str | None]] = []
        self.numbers = itertools.count(1)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def add(self, body: str, labels: list[str], pull: bool = False) -> dict[str, Any]:
        number = next(self.numbers)
        issue = {
            "id": 5000 + number,
            "number": number,
            "html_url": f"https://github.com/{REPOSITORY}/issues/{number}",
            "url": f"{self.url}/repos/{REPOSITORY}/issues/{number}",
            "title": "Issue",
            "body": body,
            "state": "open",
            "state_reason": None,
            "labels": [{"id": 1, "name": name, "color": "d73a4a"} for name in labels],
            "user": {"login": "github-actions[bot]", "type": "Bot"},
            "created_at": "2026-10-08T23:00:00Z",
            "updated_at": "2026-10-08T23:00:00Z",
            "closed_at": None,
        }
        if pull:
            issue["pull_request"] = {"url": f"{self.url}/repos/{REPOSITORY}/pulls/{number}"}
        self.issues[number] = issue
        return issue

    def answer(self, method: str, path: str, query: dict[str, str], body: Any) -> tuple[int, Any]:
        prefix = f"/repos/{REPOSITORY}/issues"
        if not path.startswith(prefix):
            return 404, {"message": "Not Found"}
        rest = path[len(prefix) :].strip("/").split("/") if path != prefix else []
        if method == "GET" and not rest:
            wanted = {name for name in query.get("labels", "").split(",") if name}
            state = query.get("state", "open")
            found = [
                i
                for i in self.issues.values()
                if (state == "all" or i["state"] == state)
                and wanted <= {label["name"] for label in i["labels"]}
            ]
            return 200, found
        if method == "POST" and not rest:
            issue = self.add(body.get("body", ""), body.get("labels", []))
            issue["title"] = body["title"]
            return 201, issue
        if method == "PATCH" and len(rest) == 1 and int(rest[0]) in self.issues:
            issue = self.issues[int(rest[0])]
            issue.update(body)
            if body.get("state") == "closed":
                issue["closed_at"] = "2026-10-09T00:00:00Z"
            return 200, issue
        if method == "POST" and len(rest) == 2 and rest[1] == "comments":
            self.comments.setdefault(int(rest[0]), []).append(body["body"])
            return 201, {"id": 1, "body": body["body"]}
        return 404, {"message": "Not Found"}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        api = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _serve(self) -> None:
                parts = urlsplit(self.path)
                query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length)) if length else None
                auth = self.headers.get("Authorization")
                api.calls.append((self.command, parts.path, auth))
                if auth != f"Bearer {TOKEN}":
                    status, payload = 401, {"message": "Bad credentials"}
                else:
                    status, payload = api.answer(self.command, parts.path, query, body)
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PATCH = _serve

        return Handler


def _serve(server: ThreadingHTTPServer) -> Iterator[None]:
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def site() -> Iterator[Site]:
    server = Site()
    for _ in _serve(server.server):
        yield server


@pytest.fixture
def github() -> Iterator[Issues]:
    api = Issues()
    for _ in _serve(api.server):
        yield api


def _closed_port() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/hilang"


def _checker(**kwargs: Any) -> Checker:
    kwargs.setdefault("session", default_session(backoff=0.0))
    agent = user_agent("KPU Kabupaten Bangka Barat", REPOSITORY)
    return Checker(agent, clock=lambda: CLOCK, **kwargs)


def _book(site: Site, x_path: str = "/gone", web_path: str = "/ok") -> Book:
    page = Page("Mengenal UU Pemilu", "content/posts/2026/uu-pemilu.md", site.url + web_path)
    page.channels["x"] = Entry("posted", "1", site.url + x_path, "2026-10-08T09:05:00+07:00")
    page.channels["facebook"] = Entry(
        "posted", "2", site.url + "/blocked", "2026-10-08T09:06:00+07:00"
    )
    page.channels["telegram"] = Entry("failed", time="2026-10-08T09:07:00+07:00")
    page.channels["mastodon"] = Entry(
        "deleted", "3", site.url + "/gone", "2026-10-08T09:08:00+07:00"
    )
    return Book({"uu-pemilu": page})


# --- checking ---------------------------------------------------------------------------------------
def test_live_dead_and_not_checkable_links_are_told_apart(site: Site) -> None:
    targets = [
        Target("a", "A", "web", site.url + "/ok"),
        Target("a", "A", "x", site.url + "/gone"),
        Target("a", "A", "facebook", site.url + "/blocked"),
        Target("a", "A", "mastodon", site.url + "/moved"),
        Target("a", "A", "telegram", _closed_port()),
    ]
    got = [(r.status_code, r.ok, r.error) for r in _checker().check_all(targets)]
    assert got == [
        (200, True, None),
        (404, False, None),
        (429, None, None),
        (200, True, None),
        (None, False, "server tidak dapat dihubungi (alamat salah, atau servernya mati)"),
    ]


def test_head_refused_is_asked_again_with_get(site: Site) -> None:
    (result,) = _checker().check_all([Target("a", "A", "web", site.url + "/no-head")])
    assert result.ok is True
    assert [(m, p) for m, p, _ in site.requests] == [("HEAD", "/no-head"), ("GET", "/no-head")]


def test_a_server_error_is_tried_again_before_the_link_counts_as_dead(site: Site) -> None:
    (result,) = _checker().check_all([Target("a", "A", "web", site.url + "/flaky")])
    assert (result.status_code, result.ok) == (200, True)
    assert [(m, p) for m, p, _ in site.requests] == [("HEAD", "/flaky"), ("HEAD", "/flaky")]


def test_a_server_that_does_not_answer_in_time_is_dead_with_the_reason(site: Site) -> None:
    checker = _checker(session=default_session(retries=0), timeout=(1.0, 0.2))
    (result,) = checker.check_all([Target("a", "A", "web", site.url + "/very-slow")])
    assert (result.ok, result.error) == (False, "waktu habis, server tidak menjawab")


def test_requests_name_the_office_and_the_repository(site: Site) -> None:
    _checker().check_all([Target("a", "A", "web", site.url + "/ok")])
    assert site.requests[0][2] == (
        "kpu-linkcheck/1.0 (KPU Kabupaten Bangka Barat; pemeriksa Arsip Link Aktif; "
        f"+https://github.com/{REPOSITORY})"
    )


def test_no_more_requests_at_once_than_workers_and_each_url_once(site: Site) -> None:
    targets = [Target(str(i), "A", "web", f"{site.url}/slow?{i}") for i in range(6)]
    targets.append(Target("6", "A", "x", f"{site.url}/slow?0"))  # same URL as the first
    results = _checker(workers=2).check_all(targets)
    assert all(r.ok for r in results) and len(results) == 7
    assert site.max_in_flight == 2
    assert len(site.requests) == 6


# --- recording ----------------------------------------------------------------------------------
def test_results_are_recorded_in_the_ledger_as_last_check(site: Site, tmp_path: Path) -> None:
    ledger = Ledger.of(tmp_path)
    ledger.save(_book(site))
    results = run_check(ledger, _checker())
    assert [(r.target.channel, r.ok) for r in results] == [
        ("web", True),
        ("facebook", None),
        ("x", False),
    ]  # failed and deleted posts have nothing to check
    saved = json.loads((tmp_path / "data" / "ledger.json").read_text(encoding="utf-8"))
    page = saved["publications"]["uu-pemilu"]
    when = "2026-10-09T06:00:00+07:00"
    assert page["last_check"] == {"time": when, "status_code": 200, "ok": True, "error": None}
    assert page["channels"]["x"]["last_check"] == {
        "time": when,
        "status_code": 404,
        "ok": False,
        "error": None,
    }
    assert page["channels"]["facebook"]["last_check"]["ok"] is None
    assert page["channels"]["mastodon"]["last_check"] is None


# --- the command ---------------------------------------------------------------------------------
def test_command_prints_dead_links_with_the_fix_and_exits_1(site: Site, repo: Path) -> None:
    Ledger.of(repo).save(_book(site))
    result = run_kpu("linkcheck", cwd=repo)
    assert result.code == 1, result.err
    assert result.out.startswith("Tautan mati (1):\n")
    assert (
        f'- "Mengenal UU Pemilu" (uu-pemilu), X (Twitter): {site.url}/gone\n'
        "  Masalah: kode 404.\n"
        "  Perbaikan: buka tautannya di peramban. Bila kiriman memang hilang dari akun X (Twitter), "
        "tandai untuk dikirim ulang dengan kpu publish --resolve uu-pemilu x failed, lalu jalankan "
        "workflow penerbitan.\n"
    ) in result.out
    assert f'- "Mengenal UU Pemilu", Facebook: {site.url}/blocked (kode 429)\n' in result.out
    assert result.out.endswith(
        "3 tautan diperiksa: 1 aktif, 1 mati, 1 tidak dapat diperiksa. "
        "Hasilnya dicatat di data/ledger.json.\n"
    )
    assert {agent for _, _, agent in site.requests} == {
        "kpu-linkcheck/1.0 (KPU Kabupaten Bangka Barat; pemeriksa Arsip Link Aktif; "
        "+https://github.com/kpu-bangkabarat/informasi-hukum)"
    }  # from kpu.yml: office.name and repository


def test_command_exits_0_when_every_link_is_live(site: Site, repo: Path) -> None:
    Ledger.of(repo).save(_book(site, x_path="/ok"))
    result = run_kpu("linkcheck", cwd=repo)
    assert result.code == 0, result.out + result.err
    assert "Tautan mati" not in result.out


def test_command_with_no_ledger_says_there_is_nothing_to_check(repo: Path) -> None:
    result = run_kpu("linkcheck", cwd=repo)
    assert (result.code, result.out) == (
        0,
        "Belum ada tautan yang tercatat di data/ledger.json; tidak ada yang diperiksa.\n",
    )
    # the registry's catalogue links are listed for Subbag Hukum, apart from the ledger's
    assert result.err.startswith(
        "4 tautan naskah resmi di data/regulations.yml tidak menuju dokumennya sendiri "
    )
    lines = (repo / "data" / "regulations.yml").read_text(encoding="utf-8").splitlines()
    entry = lines.index("  - key: pkpu-7-2023") + 1  # the message names the entry's line
    assert (
        f'data/regulations.yml:{entry}: Naskah resmi "pkpu-7-2023": tautan '
        "https://jdih.kpu.go.id/peraturan-kpu menuju halaman katalog atau pencarian, bukan ke "
        "dokumennya. Buka katalognya, cari peraturan ini, lalu salin alamat halaman detailnya.\n"
    ) in result.err


# --- the GitHub issue ----------------------------------------------------------------------------
def _client(github: Issues) -> GitHub:
    return GitHub(REPOSITORY, base_url=github.url, token=TOKEN)


def test_one_issue_is_opened_then_updated_in_place_then_closed(site: Site, github: Issues) -> None:
    github.add("Issue lain tentang tampilan.", ["bug"])
    dead = _checker().check_all(
        [Target("uu-pemilu", "Mengenal UU Pemilu", "x", site.url + "/gone")]
    )
    opened = report_issue(_client(github), dead)
    assert opened.action == "created"
    issue = github.issues[opened.number or 0]
    assert issue["title"] == "Tautan mati di Arsip Link Aktif"
    assert [label["name"] for label in issue["labels"]] == [ISSUE_LABEL]
    assert issue["body"].startswith(ISSUE_MARKER)
    assert (
        f"| Mengenal UU Pemilu (`uu-pemilu`) | X (Twitter) | <{site.url}/gone> | kode 404 |"
        in (issue["body"])
    )
    assert "menemukan **1 dari 1 tautan mati**" in issue["body"]

    again = report_issue(_client(github), dead)
    assert (again.action, again.number) == ("updated", opened.number)
    assert len(github.issues) == 2  # still one dead-links issue

    live = _checker().check_all([Target("uu-pemilu", "Mengenal UU Pemilu", "x", site.url + "/ok")])
    closed = report_issue(_client(github), live)
    assert (closed.action, closed.number) == ("closed", opened.number)
    assert issue["state"] == "closed" and issue["state_reason"] == "completed"
    assert github.comments[opened.number or 0] == [
        "Semua 1 tautan aktif kembali pada pemeriksaan 9 Oktober 2026, 06.00 WIB. "
        "Issue ini ditutup otomatis."
    ]
    assert report_issue(_client(github), live).action == "none"


def test_the_issue_is_found_by_its_marker_when_its_label_was_dropped(
    site: Site, github: Issues
) -> None:
    github.add("PR", [], pull=True)
    kept = github.add(f"{ISSUE_MARKER}\nlama", [])
    dead = _checker().check_all([Target("a", "A", "web", site.url + "/gone")])
    assert report_issue(_client(github), dead).number == kept["number"]


def test_command_reports_the_issue_without_ever_printing_the_token(
    site: Site, github: Issues, repo: Path
) -> None:
    Ledger.of(repo).save(_book(site))
    env = {"GITHUB_TOKEN": TOKEN, "GITHUB_API_URL": github.url, "GITHUB_REPOSITORY": REPOSITORY}
    result = run_kpu("linkcheck", "--report-issue", cwd=repo, env=env)
    assert result.code == 1
    assert f"Issue tautan mati dibuat: https://github.com/{REPOSITORY}/issues/1\n" in result.out
    assert TOKEN not in result.out + result.err
    assert {auth for _, _, auth in github.calls} == {f"Bearer {TOKEN}"}


def test_a_rejected_token_is_an_indonesian_error_after_the_check_was_recorded(
    site: Site, github: Issues, repo: Path
) -> None:
    Ledger.of(repo).save(_book(site))
    env = {"GITHUB_TOKEN": "salah", "GITHUB_API_URL": github.url, "GITHUB_REPOSITORY": REPOSITORY}
    result = run_kpu("linkcheck", "--report-issue", cwd=repo, env=env)
    assert result.code == 1
    assert "GitHub menolak token akses" in result.err
    saved = json.loads((repo / "data" / "ledger.json").read_text(encoding="utf-8"))
    assert saved["publications"]["uu-pemilu"]["channels"]["x"]["last_check"]["status_code"] == 404
