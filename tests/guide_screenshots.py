"""Retake the staff guide's screenshots (content/assets/images/panduan/) from the real built site.

    .venv/bin/python -m tests.guide_screenshots

A copy of this repository gets a demonstration ledger (posts and link checks), one withdrawn
publication (`kpu retract`) and the SOP time report (`kpu report`); it is built with `kpu build`,
served on 127.0.0.1 and photographed by Debian's Chromium (/usr/bin/chromium, driven by Playwright so
that a page can be scrolled to the section a picture is about). Each PNG is reduced to a 256-colour
palette so that it stays under the guide's 200 KB limit.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from PIL import Image

from pipeline.records.ledger import Book, Check, Entry, Ledger, Page

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "content" / "assets" / "images" / "panduan"
CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars",
]  # fmt: skip
SITE = "https://kab-bangkabarat.kpu.go.id/"
RETRACTED = "pkpu-pengelolaan-informasi-publik"
SHOTS = {  # file: (URL path, viewport height, heading to scroll to)
    "beranda.png": ("", 900, None),
    "publikasi-dasar-hukum.png": ("publikasi/2026/uu-7-2017-pemilihan-umum/", 900, "#dasar-hukum"),
    "daftar-peraturan.png": ("peraturan/", 900, None),
    "arsip-link-aktif.png": ("arsip-link/", 900, None),
    "publikasi-ditarik.png": (f"publikasi/2026/{RETRACTED}/", 700, None),
    "laporan-waktu-sop.png": ("laporan/", 900, None),
}
MAX_BYTES = 200 * 1024


def _demo_ledger(root: Path) -> None:
    checked = "2026-10-09T06:00:00+07:00"
    book = Book()
    for slug, posted in (("uu-7-2017-pemilihan-umum", "2026-10-08T09:05:00+07:00"),
                         ("uu-14-2008-keterbukaan-informasi-publik", "2026-10-06T10:00:00+07:00")):  # fmt: skip
        page = Page(slug, f"content/posts/2026/{slug}.md", f"{SITE}publikasi/2026/{slug}/",
                    last_check=Check(checked, 200, True))  # fmt: skip
        page.channels["x"] = Entry("posted", "111", "https://x.com/kpubangkabarat/status/111",
                                   posted, last_check=Check(checked, 200, True))  # fmt: skip
        page.channels["telegram"] = Entry("posted", "7", "https://t.me/kpubangkabarat/7", posted,
                                          last_check=Check(checked, 404, False))  # fmt: skip
        book.pages[slug] = page
    Ledger.of(root).save(book)


def _kpu(root: Path, *args: str) -> None:
    subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=root, check=True)


def _git(root: Path, *args: str) -> None:
    ident = ["-c", "user.name=Tim Desain", "-c", "user.email=desain@example.invalid"]
    subprocess.run(["git", *ident, *args], cwd=root, check=True, capture_output=True)


def prepare(root: Path) -> None:
    for name in ("kpu.yml", "mkdocs.yml"):
        shutil.copy(ROOT / name, root / name)
    for name in ("data", "content"):
        shutil.copytree(ROOT / name, root / name)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "Contoh")
    _demo_ledger(root)
    # kpu retract prepares the withdrawal on its own branch; merged here as its pull request would be
    _kpu(
        root,
        "retract",
        RETRACTED,
        "--reason",
        "Diganti oleh publikasi yang diperbarui.",
        "--no-push",
    )
    _git(root, "merge", "-q", "--ff-only", f"tarik/{RETRACTED}")
    _kpu(root, "report")
    _kpu(root, "build", "--site-dir", "site")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


def shoot(site: Path) -> None:
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    OUT.mkdir(parents=True, exist_ok=True)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            for name, (path, height, heading) in SHOTS.items():
                context = browser.new_context(
                    viewport={"width": 1280, "height": height}, locale="id-ID"
                )
                tab = context.new_page()
                tab.goto(base + path, wait_until="networkidle")
                if heading:
                    tab.locator(heading).evaluate("el => window.scrollTo(0, el.offsetTop - 90)")
                tab.wait_for_timeout(500)  # Material fades its tabs back in after a scroll
                target = OUT / name
                tab.screenshot(path=str(target))
                context.close()
                optimise(target)
                print(f"{target.relative_to(ROOT)}: {target.stat().st_size // 1024} KB")
            browser.close()
    finally:
        server.shutdown()
        server.server_close()


def optimise(path: Path) -> None:
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)
    if path.stat().st_size > MAX_BYTES:
        raise SystemExit(f"{path}: {path.stat().st_size} bytes, more than {MAX_BYTES}")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="kpu-panduan-") as temp:
        root = Path(temp) / "repo"
        root.mkdir()
        prepare(root)
        shoot(root / "site")


if __name__ == "__main__":
    main()
