"""No credential leaves the process (issue 10), whatever a server echoes back.

One local server plays GitHub and every social network, and answers each request with all it
received (the Authorization header, the URL, the body) raw, percent-encoded, JSON-escaped,
base64-encoded and cut short, in the reason phrase and in the JSON error. Each command then
runs against it, and no secret, in any encoding, and no 6-character piece of one, may appear in
what it prints, in the ledger, the outbox, the job summary, or anything it posted to GitHub.
The leak detector below is independent of pipeline.core.redact.
"""

from __future__ import annotations

import base64
import json
import re
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, unquote

import pytest

from pipeline.core.redact import Scrubber
from pipeline.records.ledger import Book, Entry, Ledger, Page
from pipeline.review.verify import content_hash
from tests.conftest import run_kpu
from tests.servers import graph, mastodon, telegram, x
from tests.servers.world import FAST

GITHUB_TOKEN = "ghs_Vq8Rt3Mz6Kx1Lp9Wn4Bc7Yd2Hf5"
FRAGMENT = 6


class Echo:
    """Answers everything with everything it was sent; keeps what was posted to GitHub."""

    def __init__(self) -> None:
        self.posted: list[str] = []
        # Pull requests it knows (number -> pull, reviews): answered as GitHub would, so that
        # `kpu publish` can verify a record, with what was sent echoed into their text fields.
        self.pulls: dict[int, tuple[dict[str, object], list[dict[str, object]]]] = {}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        echo = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
                auth = self.headers.get("Authorization", "")
                said = f"{auth} {self.path} {body}"
                if self.command == "GET" and re.search(r"/(comments|issues)(\?|$)", self.path):
                    self._send(200, "OK", [])
                    return
                known = re.search(r"/pulls/(\d+)(/reviews)?(\?|$)", self.path)
                if self.command == "GET" and known and int(known[1]) in echo.pulls:
                    pull, reviews = echo.pulls[int(known[1])]
                    if known[2]:
                        self._send(200, "OK", [{**r, "body": said} for r in reviews])
                    else:
                        self._send(200, "OK", {**pull, "title": said, "body": said})
                    return
                if self.command in ("POST", "PATCH") and "/repos/" in self.path:
                    echo.posted.append(body)
                    if self.command == "POST":
                        self._send(201, "Created", {"id": 7, "number": 7, "html_url": said})
                        return
                forms = [
                    said,
                    quote(said, safe=""),
                    json.dumps(said).replace("/", "\\/"),
                    base64.b64encode(said.encode()).decode(),
                    said[: len(said) // 2],
                    auth[7:19],
                ]
                text = " | ".join(forms)
                reason = "Echo " + quote(auth) + " " + auth[:30] + " " + quote(self.path)[:60]
                if "/pulls" in self.path:  # no JSON: the client can only show the reason phrase
                    self._send(422, reason, text, content_type="text/plain")
                    return
                self._send(
                    422,
                    reason,
                    {
                        "ok": False,
                        "error_code": 422,
                        "description": text,
                        "message": text,
                        "detail": text,
                        "title": text,
                        "error": {"message": text, "type": "OAuthException", "code": 100},
                        "errors": [{"message": text}],
                    },
                )

            def _send(
                self, status: int, reason: str, data: object, content_type: str = "application/json"
            ) -> None:
                raw = (data if isinstance(data, str) else json.dumps(data)).encode()
                self.send_response(status, reason.encode("latin-1", "replace").decode("latin-1"))
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = do_HEAD = _any

        return Handler


@pytest.fixture
def echo() -> Iterator[Echo]:
    server = Echo()
    thread = threading.Thread(target=server.server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.server.shutdown()
    server.server.server_close()


def _env(echo: Echo, tmp_path: Path) -> dict[str, str]:
    """The networks' test credentials, with every API pointed at the echo."""
    return {
        **FAST,
        **x.CREDENTIALS,
        "X_API_BASE": echo.url,
        "FACEBOOK_PAGE_ID": graph.PAGE_ID,
        "FACEBOOK_PAGE_TOKEN": graph.PAGE_TOKEN,
        "FACEBOOK_API_BASE": echo.url + "/v21.0",
        "INSTAGRAM_USER_ID": graph.IG_USER,
        "INSTAGRAM_TOKEN": graph.IG_TOKEN,
        "INSTAGRAM_API_BASE": echo.url + "/v21.0",
        "TELEGRAM_BOT_TOKEN": telegram.TOKEN,
        "TELEGRAM_CHAT_ID": telegram.CHAT,
        "TELEGRAM_API_BASE": echo.url,
        "MASTODON_BASE_URL": echo.url,
        "MASTODON_TOKEN": mastodon.TOKEN,
        "GITHUB_TOKEN": GITHUB_TOKEN,
        "GITHUB_API_URL": echo.url,
        "GITHUB_REPOSITORY": "kpu-bangkabarat/informasi-hukum",
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
    }


def _secrets(env: dict[str, str]) -> list[str]:
    names = [n for n in env if re.search(r"TOKEN|SECRET|KEY", n)]
    return [env[n] for n in names]


def _variants(text: str) -> list[str]:
    """The text as a reader could decode it: percent-decoded (twice), JSON-unescaped, and every
    base64-looking run decoded at each alignment."""
    found = [text, unquote(text), unquote(unquote(text)), text.replace("\\/", "/")]
    for run in re.findall(r"[A-Za-z0-9+/_-]{8,}={0,2}", text):
        for start in range(4):
            chunk = run[start:]
            chunk = chunk[: len(chunk) // 4 * 4]
            try:
                found.append(base64.b64decode(chunk, altchars=b"-_").decode("latin-1"))
                found.append(base64.b64decode(chunk).decode("latin-1"))
            except ValueError:
                pass
    return found


def assert_no_leak(where: str, text: str, secrets: list[str]) -> None:
    for variant in _variants(text):
        for secret in secrets:
            for i in range(len(secret) - FRAGMENT + 1):
                piece = secret[i : i + FRAGMENT]
                assert piece not in variant, f"{where}: {piece!r} of a secret in {variant[:300]!r}"


def _outputs(repo: Path, tmp_path: Path, *runs: object) -> dict[str, str]:
    texts: dict[str, str] = {}
    for i, run in enumerate(runs):
        texts[f"run {i} stdout"] = run.out  # type: ignore[attr-defined]
        texts[f"run {i} stderr"] = run.err  # type: ignore[attr-defined]
    for path in [repo / "data" / "ledger.json", tmp_path / "summary.md"]:
        if path.exists():
            texts[str(path)] = path.read_text(encoding="utf-8")
    for path in (repo / "outbox").rglob("*") if (repo / "outbox").exists() else []:
        if path.is_file() and path.suffix in (".txt", ".json"):
            texts[str(path)] = path.read_text(encoding="utf-8")
    return texts


def _check(texts: dict[str, str], echo: Echo, secrets: list[str]) -> None:
    for where, text in texts.items():
        assert_no_leak(where, text, secrets)
    for i, body in enumerate(echo.posted):
        assert_no_leak(f"posted to GitHub #{i}", json.loads(body).get("body", body), secrets)


def test_the_leak_detector_finds_what_the_echo_sends(echo: Echo, tmp_path: Path) -> None:
    """The detector would see every form the echo uses, so a pass below means something."""
    env = _env(echo, tmp_path)
    secrets = _secrets(env)
    said = f"Bearer {GITHUB_TOKEN} /bot{env['TELEGRAM_BOT_TOKEN']}/sendPhoto"
    basic = base64.b64encode(f"user:{env['X_API_SECRET']}".encode()).decode()
    for form in (said, quote(said, safe=""), json.dumps(said).replace("/", "\\/"), said[:16],
                 base64.b64encode(said.encode()).decode(), f"Basic {basic}"):  # fmt: skip
        with pytest.raises(AssertionError):
            assert_no_leak("form", form, secrets)
        assert_no_leak("scrubbed", Scrubber(secrets)(form), secrets)


def test_approvals_comment_and_linkcheck_leak_no_secret(
    site: Path, echo: Echo, tmp_path: Path
) -> None:
    env = _env(echo, tmp_path)
    leaked = quote(f"{echo.url}/bot{env['TELEGRAM_BOT_TOKEN']}/x?access_token={GITHUB_TOKEN}")
    page = Page("Mengenal UU Pemilu", "content/posts/2026/uu-pemilu.md", f"{echo.url}/ok")
    page.channels["x"] = Entry(
        "posted", "1", f"{echo.url}/p?u={leaked}", "2026-10-08T09:05:00+07:00"
    )
    Ledger.of(site).save(Book({"uu-pemilu": page}))
    approvals = run_kpu("approvals", "12", cwd=site, env=env)
    comment = run_kpu("comment", "12", cwd=site, env=env)
    linkcheck = run_kpu("linkcheck", "--report-issue", cwd=site, env=env)
    assert "Traceback" not in approvals.err + comment.err + linkcheck.err
    assert "Echo" in approvals.out + approvals.err  # the echo's reason phrase was shown
    assert echo.posted, "the comment and the issue were posted"
    _check(_outputs(site, tmp_path, approvals, comment, linkcheck), echo, _secrets(env))


def _imported_through_pr_1(site: Path, echo: Echo) -> None:
    """The site as a git history whose commit brought the sample post (its record: PR #1, the
    three SOP approvers), and the echo answering PR #1 as merged there and approved: with a
    GITHUB_TOKEN, `kpu publish` re-checks that record through the API before a real post."""
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t.invalid"]
    subprocess.run([*git, "init", "-q", "-b", "main"], cwd=site, check=True)
    subprocess.run([*git, "add", "-A"], cwd=site, check=True)
    subprocess.run([*git, "commit", "-qm", "awal"], cwd=site, check=True)
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=site, check=True, capture_output=True, text=True
    ).stdout.strip()
    pull = {
        "number": 1,
        "state": "closed",
        "user": {"login": "desain-kpubabar"},
        "merged_at": "2026-10-05T03:00:00Z",
        "merge_commit_sha": head,
        "head": {"sha": head, "ref": "publikasi-1"},
        "base": {"sha": head, "ref": "main"},
    }
    logins = ("sekretaris-kpubabar", "hukum-kpubabar", "ketua-kpubabar")
    reviews = [
        {"id": i, "user": {"login": who}, "state": "APPROVED", "commit_id": head}
        for i, who in enumerate(logins, 1)
    ]
    echo.pulls[1] = (pull, reviews)


def test_publish_and_record_leak_no_secret(site: Path, echo: Echo, tmp_path: Path) -> None:
    env = _env(echo, tmp_path)
    _imported_through_pr_1(site, echo)
    published = run_kpu("publish", cwd=site, env=env)
    assert published.code == 1, published.out  # every network answered 422
    assert "Traceback" not in published.err, published.err
    ledger = json.loads((site / "data" / "ledger.json").read_text(encoding="utf-8"))
    assert "Echo" in json.dumps(ledger) or "422" in json.dumps(ledger)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t.invalid"]
    subprocess.run([*git, "add", "-A"], cwd=site, check=True)
    subprocess.run([*git, "commit", "-qm", "arsip"], cwd=site, check=True)
    origin = f"http://x-access-token:{GITHUB_TOKEN}@127.0.0.1:{echo.server.server_address[1]}/r"
    subprocess.run(["git", "remote", "add", "origin", origin], cwd=site, check=True)
    (site / "data" / "ledger.json").write_text(json.dumps(ledger, indent=1), encoding="utf-8")
    recorded = run_kpu("record", cwd=site, env=env)
    assert "Traceback" not in recorded.err
    outbox = run_kpu("publish", "--outbox-only", cwd=site, env=env)
    _check(_outputs(site, tmp_path, published, recorded, outbox), echo, _secrets(env))


def test_a_secret_pasted_into_a_draft_never_reaches_the_outbox(site: Path, tmp_path: Path) -> None:
    env = {"MASTODON_TOKEN": "Zr5qW8nB3vXk7LmT2pYc9HdJ"}
    post = next((site / "content" / "posts").rglob("*.md"))
    text = post.read_text(encoding="utf-8")
    pasted = text.replace("social:\n", "social:\n  outbox: 'token Zr5qW8nB3vXk7LmT2pYc9HdJ'\n", 1)
    # Recorded as a reviewed correction would be: the record's hash is of the text with the
    # secret, so the post is not refused as edited after approval and does reach the outbox.
    before, after = content_hash(text), content_hash(pasted)
    assert before != after and f"content_sha256: {before}\n" in pasted
    post.write_text(pasted.replace(before, after), encoding="utf-8")
    result = run_kpu("publish", "--outbox-only", cwd=site, env=env)
    texts = _outputs(site, tmp_path, result)
    assert any("outbox" in k for k in texts), result.out + result.err
    for where, content in texts.items():
        assert_no_leak(where, content, list(env.values()))


SECRET = "Qm7xT2vLp9ZkR4wN8sYc"


@pytest.mark.parametrize(
    "leak",
    [
        SECRET,
        quote(f"u:{SECRET}", safe=""),
        quote(quote(f"/bot1:{SECRET}", safe=""), safe=""),
        json.dumps({"u": f"a/{SECRET}"}).replace("/", "\\/"),
        "".join(f"\\u{ord(c):04x}" for c in SECRET),
        f"Basic {base64.b64encode(f'kpu:{SECRET}'.encode()).decode()}",
        base64.urlsafe_b64encode(f"xy{SECRET}".encode()).decode(),
        SECRET[:6],
        SECRET[5:13],
        SECRET[-7:],
    ],
)
def test_every_encoding_and_fragment_is_masked(leak: str) -> None:
    scrubbed = Scrubber([SECRET])(f"awal {leak} akhir")
    assert scrubbed.startswith("awal ") and scrubbed.endswith(" akhir")
    assert "***" in scrubbed
    assert_no_leak("scrubbed", scrubbed, [SECRET])


def test_ordinary_text_and_data_keep_their_shape() -> None:
    scrub = Scrubber([SECRET, "true"])  # a value too short to be a credential is ignored
    assert scrub("true: Qm7xT2 bukan rahasia? ya, potongan 6 huruf") == (
        "true: *** bukan rahasia? ya, potongan 6 huruf"
    )
    data = {"a": [f"x{SECRET}y", 1, None, True], SECRET: "k"}
    assert scrub.data(data) == {"a": ["x***y", 1, None, True], "***": "k"}


def test_the_cli_streams_mask_secrets_split_over_writes(capsys: pytest.CaptureFixture[str]) -> None:
    import sys

    from pipeline.core.output import SafeStream

    stream = SafeStream(sys.stdout, Scrubber([SECRET]))
    stream.write("token " + SECRET[:9])
    stream.write(SECRET[9:] + "\n::add-mask::x\n")
    stream.command("::error file=a.md::pesan")
    stream.flush()
    assert capsys.readouterr().out == "token ***\n» ::add-mask::x\n::error file=a.md::pesan\n"


def test_even_a_crash_prints_no_secret(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from pipeline import cli
    from pipeline.commands import check

    def crash(args: object) -> int:
        raise RuntimeError(f"gagal: https://x.invalid/?t={quote(SECRET)}")

    monkeypatch.setenv("MASTODON_TOKEN", SECRET)
    monkeypatch.setattr(check, "run", crash)  # a bug in a command, as it would surface
    assert cli.main(["check"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" in err and "RuntimeError: gagal: https://x.invalid/?t=***" in err
    assert_no_leak("stderr", err, [SECRET])
