"""No post without its page: `kpu publish` posts a publication only once its page answers 200.

The built site (the real `kpu build`) is served by a local HTTP server standing in for GitHub
Pages; the networks are the local servers of `world`.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from tests.conftest import run_kpu
from tests.servers.world import SLUG, World, only_one_publication

CHANNELS = ("x", "facebook", "instagram", "telegram", "mastodon")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


@contextmanager
def serving(folder: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def _point_site_at(site: Path, url: str) -> None:
    config = site / "kpu.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("site_url: https://kab-bangkabarat.kpu.go.id/", f"site_url: {url}"),
        encoding="utf-8",
    )


def test_a_live_page_is_posted_everywhere(repo: Path, world: World, tmp_path: Path) -> None:
    built = tmp_path / "pages"
    assert run_kpu("build", "--site-dir", str(built), cwd=repo).code == 0
    site = repo
    only_one_publication(site)
    with serving(built) as url:
        _point_site_at(site, url)
        result = run_kpu("publish", "--page-wait", "10", cwd=site, env=world.env())
    assert result.code == 0, result.out + result.err
    assert (
        "Menunggu 1 halaman dapat dibuka (paling lama 10 detik) sebelum mengirim..." in result.out
    )
    assert world.counts() == dict.fromkeys(CHANNELS, 1)


def test_a_page_that_is_not_live_is_not_posted_and_the_run_fails(
    site: Path, world: World, tmp_path: Path
) -> None:
    empty = tmp_path / "not-deployed"
    empty.mkdir()
    with serving(empty) as url:
        _point_site_at(site, url)
        result = run_kpu("publish", "--page-wait", "1", cwd=site, env=world.env())
    assert result.code == 1
    assert world.counts() == dict.fromkeys(CHANNELS, 0)
    page = next(line for line in result.out.splitlines() if "belum dapat dibuka" in line)
    assert page.startswith("content/posts/") and f"{url}publikasi/" in page and SLUG in page
    assert "(jawaban: 404) setelah menunggu 1 detik; publikasi ini tidak dikirim" in page
