"""`kpu bundle`: the offline zip, its SHA-256 manifests and the print page of each publication.

Opening the unzipped bundle from file:// in Chromium (and searching in it) is in test_browser.py.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import re
import threading
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from pipeline.core.github import GitHub
from pipeline.records.bundle import Bundle, record_checksum, release_bundle
from pipeline.records.ledger import Book, Entry, Ledger, Page
from pipeline.site.offline import print_uri
from tests.conftest import run_kpu

SLUG = "uu-7-2017-pemilihan-umum"


@pytest.fixture
def bundled(repo: Path) -> tuple[Path, str]:
    page = Page(
        "Mengenal UU Pemilu",
        f"content/posts/2026/{SLUG}.md",
        f"https://kab-bangkabarat.kpu.go.id/publikasi/2026/{SLUG}/",
    )
    page.channels["x"] = Entry(
        "posted", "1", "https://x.com/kpubangkabarat/status/1", "2026-10-08T09:05:00+07:00"
    )
    Ledger.of(repo).save(Book({SLUG: page}))
    result = run_kpu("bundle", "--out", "dist", cwd=repo)
    assert result.code == 0, result.err
    return repo / "dist", result.out


def _zip(out: Path) -> zipfile.ZipFile:
    (path,) = out.glob("dokumentasi-offline-*.zip")
    return zipfile.ZipFile(path)


def test_bundle_reports_the_zip_and_its_checksum(bundled: tuple[Path, str]) -> None:
    out, printed = bundled
    (path,) = out.glob("dokumentasi-offline-*.zip")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert f"Dokumentasi offline dibuat: dist/{path.name} (" in printed
    assert f"SHA-256 {digest}" in printed
    assert (out / "SHA256SUMS").read_text(encoding="utf-8") == f"{digest}  {path.name}\n"


def test_every_file_in_the_zip_is_in_the_manifest_inside_it(bundled: tuple[Path, str]) -> None:
    with _zip(bundled[0]) as zf:
        names = zf.namelist()
        (top,) = {name.split("/", 1)[0] for name in names}
        manifest = zf.read(f"{top}/SHA256SUMS").decode()
        listed = {
            name: digest for digest, name in (line.split("  ", 1) for line in manifest.splitlines())
        }
        files = {name.split("/", 1)[1] for name in names} - {"SHA256SUMS"}
        assert set(listed) == files
        for name in files:
            assert hashlib.sha256(zf.read(f"{top}/{name}")).hexdigest() == listed[name], name


def test_bundle_uses_file_urls_and_loads_nothing_from_the_internet(
    bundled: tuple[Path, str],
) -> None:
    with _zip(bundled[0]) as zf:
        top = zf.namelist()[0].split("/", 1)[0]
        names = set(zf.namelist())
        assert f"{top}/index.html" in names
        assert f"{top}/publikasi/2026/{SLUG}.html" in names  # no directory URLs
        assert f"{top}/search/search_index.js" in names  # the index, inlined for file://
        for name in names:
            if name.endswith(".html"):
                html = zf.read(name).decode()
                scripts = re.findall(r'<script[^>]+src="(https?:[^"]+)"', html)
                links = [
                    tag
                    for tag in re.findall(r"<link [^>]+>", html)
                    if 'href="http' in tag and not re.search(r'rel="(canonical|alternate)"', tag)
                ]
                assert (scripts, links) == ([], []), name


def test_each_publication_has_a_print_page_with_its_record(bundled: tuple[Path, str]) -> None:
    with _zip(bundled[0]) as zf:
        top = zf.namelist()[0].split("/", 1)[0]
        html = zf.read(f"{top}/cetak/2026/{SLUG}.html").decode()
        assert "Nomor 002/ND/HK.03/Kab/X/2026 tanggal 5 Oktober 2026" in html
        assert "8 Oktober 2026, 09.00 WIB" in html
        assert 'href="https://x.com/kpubangkabarat/status/1"' in html
        assert 'id="dasar-hukum"' in html
        assert "Undang-Undang Nomor 7 Tahun 2017" in html
        archive = zf.read(f"{top}/arsip-link/index.html").decode()
        assert f'href="../cetak/2026/{SLUG}.html"' in archive
        assert 'href="../cetak/index.html"' in archive
        index = zf.read(f"{top}/cetak/index.html").decode()
        assert f'href="2026/{SLUG}.html"' in index


def test_print_pages_are_left_out_of_the_search_and_of_the_public_site(
    bundled: tuple[Path, str], repo: Path
) -> None:
    with _zip(bundled[0]) as zf:
        top = zf.namelist()[0].split("/", 1)[0]
        index = zf.read(f"{top}/search/search_index.json").decode()
        assert "cetak/" not in index
    assert run_kpu("build", "--site-dir", "out", cwd=repo).code == 0
    assert not (repo / "out" / "cetak").exists()
    assert not (repo / "out" / "assets" / "javascripts" / "iframe-worker-shim.js").exists()


def test_print_page_keeps_the_depth_of_the_post_so_relative_links_still_work() -> None:
    assert print_uri("posts/2026/uu-pemilu.md") == "cetak/2026/uu-pemilu.md"


def test_recording_a_checksum_keeps_the_lines_of_earlier_zips(tmp_path: Path) -> None:
    manifest = tmp_path / "SHA256SUMS"
    record_checksum(manifest, "dokumentasi-offline-2026-09-30.zip", "a" * 64)
    record_checksum(manifest, "dokumentasi-offline-2026-10-31.zip", "b" * 64)
    record_checksum(manifest, "dokumentasi-offline-2026-10-31.zip", "c" * 64)
    assert manifest.read_text(encoding="utf-8").splitlines() == [
        f"{'a' * 64}  dokumentasi-offline-2026-09-30.zip",
        f"{'c' * 64}  dokumentasi-offline-2026-10-31.zip",
    ]


# --- the monthly release, through a local server speaking GitHub's release endpoints -------------
REPOSITORY = "kpu-bangkabarat/informasi-hukum"
TOKEN = "ghs_Qx7Zv3Tm9Kp2Lw5Rn8Bc"
WIB = dt.timezone(dt.timedelta(hours=7))


class Releases:
    """GET/POST /releases, GET /releases/N/assets, GET and DELETE /releases/assets/N, and the
    upload endpoint named by each release's `upload_url` (on its own path, as uploads.github.com)."""

    def __init__(self) -> None:
        self.releases: list[dict[str, Any]] = []
        self.assets: dict[int, dict[str, Any]] = {}
        self.blobs: dict[int, bytes] = {}
        self.calls: list[tuple[str, str, str | None]] = []
        self.ids = itertools.count(100)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def add_release(self, tag: str) -> dict[str, Any]:
        rid = next(self.ids)
        release = {
            "id": rid,
            "tag_name": tag,
            "name": tag,
            "body": "",
            "html_url": f"https://github.com/{REPOSITORY}/releases/tag/{tag}",
            "upload_url": f"{self.url}/uploads/repos/{REPOSITORY}/releases/{rid}/assets{{?name,label}}",
            "assets": [],
        }
        self.releases.append(release)
        return release

    def add_asset(
        self, release: dict[str, Any], name: str, data: bytes, kind: str
    ) -> dict[str, Any]:
        aid = next(self.ids)
        asset = {
            "id": aid,
            "name": name,
            "content_type": kind,
            "size": len(data),
            "state": "uploaded",
        }
        asset["release_id"] = release["id"]
        self.assets[aid] = asset
        self.blobs[aid] = data
        return asset

    def names(self, release: dict[str, Any]) -> list[str]:
        return sorted(a["name"] for a in self.assets.values() if a["release_id"] == release["id"])

    def blob(self, release: dict[str, Any], name: str) -> bytes:
        (aid,) = [
            i
            for i, a in self.assets.items()
            if a["release_id"] == release["id"] and a["name"] == name
        ]
        return self.blobs[aid]

    def answer(self, handler: BaseHTTPRequestHandler, body: bytes) -> tuple[int, Any]:
        parts = urlsplit(handler.path)
        path, method = parts.path, handler.command
        api = f"/repos/{REPOSITORY}/releases"
        if path.startswith(f"/uploads{api}/") and method == "POST":
            rid = int(path.split("/")[-2])
            release = next(r for r in self.releases if r["id"] == rid)
            name = parse_qs(parts.query)["name"][0]
            if name in self.names(release):
                return 422, {"message": "Validation Failed", "errors": [{"code": "already_exists"}]}
            return 201, self.add_asset(release, name, body, handler.headers["Content-Type"])
        if path == api and method == "GET":
            return 200, self.releases
        if path == api and method == "POST":
            data = json.loads(body)
            release = self.add_release(data["tag_name"])
            release.update(name=data["name"], body=data["body"])
            return 201, release
        if path.startswith(f"{api}/assets/"):
            aid = int(path.rsplit("/", 1)[1])
            if aid not in self.assets:
                return 404, {"message": "Not Found"}
            if method == "DELETE":
                del self.assets[aid]
                return 204, None
            if handler.headers.get("Accept") == "application/octet-stream":
                return 200, self.blobs[aid]
            return 200, self.assets[aid]
        if path.endswith("/assets") and method == "GET":
            rid = int(path.split("/")[-2])
            return 200, [a for a in self.assets.values() if a["release_id"] == rid]
        return 404, {"message": "Not Found"}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        api = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                auth = self.headers.get("Authorization")
                api.calls.append((self.command, urlsplit(self.path).path, auth))
                if auth != f"Bearer {TOKEN}":
                    status, payload = 401, {"message": "Bad credentials"}
                else:
                    status, payload = api.answer(self, body)
                if isinstance(payload, bytes):
                    data, kind = payload, "application/octet-stream"
                else:
                    data = b"" if payload is None else json.dumps(payload).encode()
                    kind = "application/json; charset=utf-8"
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_DELETE = _serve

        return Handler


@pytest.fixture
def releases() -> Iterator[Releases]:
    api = Releases()
    thread = threading.Thread(target=api.server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield api
    finally:
        api.server.shutdown()
        api.server.server_close()


def _small_bundle(tmp_path: Path, name: str, content: bytes) -> Bundle:
    zip_path = tmp_path / name
    zip_path.write_bytes(content)
    digest = hashlib.sha256(content).hexdigest()
    manifest = tmp_path / "SHA256SUMS"
    record_checksum(manifest, name, digest)
    return Bundle(zip_path, manifest, digest, 1)


def test_the_first_bundle_of_a_month_creates_its_release(
    tmp_path: Path, releases: Releases
) -> None:
    bundle = _small_bundle(tmp_path, "dokumentasi-offline-2026-10-09.zip", b"zip-1")
    github = GitHub(REPOSITORY, base_url=releases.url, token=TOKEN)
    release = release_bundle(github, bundle, dt.datetime(2026, 10, 9, 9, tzinfo=WIB))
    assert release["tag_name"] == "dokumentasi-offline-2026-10"
    assert release["name"] == "Dokumentasi Offline Oktober 2026"
    assert "sha256sum -c SHA256SUMS" in release["body"]
    assert releases.names(release) == ["SHA256SUMS", "dokumentasi-offline-2026-10-09.zip"]
    assert releases.blob(release, "dokumentasi-offline-2026-10-09.zip") == b"zip-1"
    kinds = {a["name"]: a["content_type"] for a in releases.assets.values()}
    assert kinds["dokumentasi-offline-2026-10-09.zip"] == "application/zip"


def test_a_later_bundle_keeps_the_checksums_of_the_earlier_zips_of_the_month(
    tmp_path: Path, releases: Releases
) -> None:
    existing = releases.add_release("dokumentasi-offline-2026-10")
    earlier = f"{'a' * 64}  dokumentasi-offline-2026-10-01.zip\n".encode()
    releases.add_asset(existing, "dokumentasi-offline-2026-10-01.zip", b"zip-0", "application/zip")
    releases.add_asset(existing, "SHA256SUMS", earlier, "text/plain")
    releases.add_asset(existing, "dokumentasi-offline-2026-10-09.zip", b"pagi", "application/zip")
    bundle = _small_bundle(tmp_path, "dokumentasi-offline-2026-10-09.zip", b"sore")
    github = GitHub(REPOSITORY, base_url=releases.url, token=TOKEN)
    release_bundle(github, bundle, dt.datetime(2026, 10, 9, 17, tzinfo=WIB))
    assert len(releases.releases) == 1
    assert releases.names(existing) == [
        "SHA256SUMS",
        "dokumentasi-offline-2026-10-01.zip",
        "dokumentasi-offline-2026-10-09.zip",
    ]
    assert releases.blob(existing, "dokumentasi-offline-2026-10-09.zip") == b"sore"
    assert releases.blob(existing, "SHA256SUMS").decode().splitlines() == [
        f"{'a' * 64}  dokumentasi-offline-2026-10-01.zip",
        f"{hashlib.sha256(b'sore').hexdigest()}  dokumentasi-offline-2026-10-09.zip",
    ]


def test_bundle_release_command_prints_the_release_and_never_the_token(
    repo: Path, releases: Releases
) -> None:
    env = {"GITHUB_TOKEN": TOKEN, "GITHUB_API_URL": releases.url, "GITHUB_REPOSITORY": REPOSITORY}
    result = run_kpu("bundle", "--out", "dist", "--release", cwd=repo, env=env)
    assert result.code == 0, result.err
    (release,) = releases.releases
    assert f"Dilampirkan ke rilis {release['tag_name']}: {release['html_url']}\n" in result.out
    assert TOKEN not in result.out + result.err
    (zip_path,) = (repo / "dist").glob("*.zip")
    assert releases.blob(release, zip_path.name) == zip_path.read_bytes()
