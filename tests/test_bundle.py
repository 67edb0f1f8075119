"""`kpu bundle`: the offline zip, its SHA-256 manifests and the print page of each publication.

Opening the unzipped bundle from file:// in Chromium (and searching in it) is in test_browser.py.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

import pytest

from pipeline.bundle import print_uri, record_checksum
from pipeline.ledger import Book, Entry, Ledger, Page
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
        listed = dict(reversed(line.split("  ", 1)) for line in manifest.splitlines())
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
