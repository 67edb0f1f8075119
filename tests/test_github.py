"""The GitHub REST client against a local server speaking the same wire protocol."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from pipeline.core.errors import RemoteError
from pipeline.core.github import GitHub
from tests.fake_github import FakeGitHub, running


@pytest.fixture
def server() -> Iterator[FakeGitHub]:
    with running() as state:
        yield state


def client(server: FakeGitHub, sleeps: list[float] | None = None) -> GitHub:
    record = sleeps if sleeps is not None else []
    return GitHub(server.repository, base_url=server.url, token="rahasia-123", sleep=record.append)


def test_reviews_follow_link_pagination(server: FakeGitHub) -> None:
    server.add_pull(7, "desain-kpubabar")
    for i in range(230):
        server.review(7, f"user{i}", "COMMENTED")
    reviews = client(server).reviews(7)
    assert [r["user"]["login"] for r in reviews] == [f"user{i}" for i in range(230)]
    assert len(server.requests_to(r"/pulls/7/reviews$")) == 3


def test_token_travels_only_in_the_authorization_header(server: FakeGitHub) -> None:
    server.add_pull(7, "desain-kpubabar")
    gh = client(server)
    gh.pull(7)
    assert server.calls[-1].authorization == "Bearer rahasia-123"
    assert "rahasia" not in repr(gh)


def test_rate_limit_with_retry_after_is_waited_out(server: FakeGitHub) -> None:
    server.add_pull(7, "desain-kpubabar")
    server.injected.append((429, {"Retry-After": "3"}, {"message": "secondary rate limit"}))
    sleeps: list[float] = []
    assert client(server, sleeps).pull(7)["number"] == 7
    assert sleeps == [3.0]


def test_primary_rate_limit_waits_until_reset(server: FakeGitHub) -> None:
    server.add_pull(7, "desain-kpubabar")
    reset = str(int(time.time()) + 5)
    headers = {"x-ratelimit-remaining": "0", "x-ratelimit-reset": reset}
    server.injected.append((403, headers, {"message": "API rate limit exceeded"}))
    sleeps: list[float] = []
    client(server, sleeps).pull(7)
    assert len(sleeps) == 1 and 3 <= sleeps[0] <= 7


def test_rate_limit_too_long_is_an_indonesian_error(server: FakeGitHub) -> None:
    server.injected.append((429, {"Retry-After": "3600"}, {"message": "slow down"}))
    with pytest.raises(RemoteError, match="Batas permintaan ke GitHub habis"):
        client(server).pull(7)


def test_server_errors_are_retried(server: FakeGitHub) -> None:
    server.add_pull(7, "desain-kpubabar")
    server.injected.append((502, {}, {"message": "Bad Gateway"}))
    assert client(server).pull(7)["number"] == 7
    assert len(server.requests_to(r"/pulls/7$")) == 2


def test_missing_pull_request_is_an_indonesian_error(server: FakeGitHub) -> None:
    with pytest.raises(
        RemoteError, match=r"pull request #99 tidak ditemukan di GitHub \(kode 404\)"
    ):
        client(server).pull(99)


def test_forbidden_names_the_permission(server: FakeGitHub) -> None:
    server.injected.append((403, {}, {"message": "Resource not accessible by integration"}))
    with pytest.raises(RemoteError, match="Resource not accessible by integration"):
        client(server).create_comment(7, "halo")


def test_unreachable_server_is_an_indonesian_error() -> None:
    gh = GitHub("a/b", base_url="http://127.0.0.1:9", token="t")
    gh.session.adapters["http://"].max_retries.total = 0  # type: ignore[attr-defined]
    with pytest.raises(RemoteError, match="GitHub tidak dapat dihubungi"):
        gh.pull(1)


def test_from_env_reads_the_actions_variables() -> None:
    env = {
        "GITHUB_REPOSITORY": "o/r",
        "GITHUB_API_URL": "http://x.test/api/v3",
        "GITHUB_TOKEN": "t",
    }
    gh = GitHub.from_env(None, env)
    assert (gh.repository, gh.base_url) == ("o/r", "http://x.test/api/v3")


def test_comments_are_created_and_updated(server: FakeGitHub) -> None:
    gh = client(server)
    created = gh.create_comment(7, "pertama")
    gh.update_comment(created["id"], "kedua")
    assert [c["body"] for c in gh.issue_comments(7)] == ["kedua"]


@pytest.mark.parametrize("status", [200, 422])
def test_json_nested_too_deep_is_an_error_not_a_crash(status: int) -> None:
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Deep(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            data = b"[" * 200_000 + b"]" * 200_000
            self.send_response(status)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Deep)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        github = GitHub("o/r", base_url=f"http://127.0.0.1:{httpd.server_address[1]}")
        with pytest.raises(RemoteError) as caught:
            github.pull(7)
        assert "pull request #7" in str(caught.value)
    finally:
        httpd.shutdown()
        httpd.server_close()
