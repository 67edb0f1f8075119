"""The built site: post URLs are where `mkdocs build` writes the pages, cards are published, and
a withdrawn page shows its notice."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from pipeline.check.validate import load_context, validate
from pipeline.site.card import site_path
from pipeline.site.urls import post_path
from tests.conftest import run_kpu


def _build(repo: Path, strict: bool = True) -> Path:
    site = repo / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml", "-d", str(site)]
    done = subprocess.run(
        command + (["--strict"] if strict else []), cwd=repo, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return site


def _publications(repo: Path):  # type: ignore[no-untyped-def]
    ctx = load_context(repo)
    result = validate(ctx, [repo / "content" / "posts"])
    assert result.publications
    return result.publications


def test_every_post_url_is_where_mkdocs_writes_the_page(repo: Path) -> None:
    site = _build(repo)
    for publication in _publications(repo):
        path = post_path(repo / "mkdocs.yml", publication)
        assert (site / path / "index.html").is_file(), path


@pytest.mark.parametrize(
    ("url_format", "date_format"),
    [("{date}/{slug}", "yyyy/MM"), ("{categories}/{slug}", "yyyy"), ("{file}", "yyyy")],
)
def test_post_urls_follow_other_blog_settings_too(
    repo: Path, url_format: str, date_format: str
) -> None:
    config = repo / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace('post_url_format: "{date}/{file}"', f'post_url_format: "{url_format}"')
    text = text.replace("post_url_date_format: yyyy", f"post_url_date_format: {date_format}")
    config.write_text(text, encoding="utf-8")
    post = next((repo / "content" / "posts").rglob("uu-7-*.md"))
    post.write_text(
        post.read_text(encoding="utf-8").replace(
            'title: "Mengenal UU Nomor 7 Tahun 2017 tentang Pemilihan Umum"',
            'title: "Mengenal UU Nomor 7/2017: Pemilu & Pemilih Ber-KTP-el"',
        ),
        encoding="utf-8",
    )
    site = _build(repo, strict=False)
    for publication in _publications(repo):
        path = post_path(config, publication)
        assert (site / path / "index.html").is_file(), (
            path,
            sorted(p.name for p in (site / "publikasi").iterdir()),
        )


def test_the_built_site_carries_the_square_image_of_every_post_instagram_awaits(
    repo: Path,
) -> None:
    site = _build(repo)
    for publication in _publications(repo):
        with Image.open(site / site_path(publication.slug)) as square:
            assert (square.format, square.size) == ("JPEG", (1080, 1080))
        assert not (site / site_path(publication.slug, square=False)).exists()


def test_posts_already_on_instagram_get_no_image_in_the_site(repo: Path) -> None:
    assert run_kpu("publish", cwd=repo).code == 0  # no credentials: every channel to the outbox
    posted = _publications(repo)[0]
    ledger = repo / "data" / "ledger.json"
    book = json.loads(ledger.read_text(encoding="utf-8"))
    book["publications"][posted.slug]["channels"]["instagram"] = {
        "status": "posted",
        "remote_id": "17890",
        "url": "https://www.instagram.com/p/X/",
        "time": "2026-10-20T09:05:00+07:00",
        "attempts": 1,
        "error": None,
        "last_check": None,
    }
    ledger.write_text(json.dumps(book), encoding="utf-8")
    site = _build(repo)
    assert not (site / site_path(posted.slug)).exists()
    others = [p for p in _publications(repo) if p.slug != posted.slug]
    assert others and all((site / site_path(p.slug)).is_file() for p in others)


def test_a_withdrawn_page_shows_the_notice(repo: Path) -> None:
    post = next((repo / "content" / "posts").rglob("uu-7-*.md"))
    text = post.read_text(encoding="utf-8")
    closing = text.index("\n---\n", 4)
    block = '\nwithdrawn:\n  date: 2026-10-20T10:30:00+07:00\n  reason: "Terdapat kekeliruan nomor pasal."'
    post.write_text(text[:closing] + block + text[closing:], encoding="utf-8")
    assert run_kpu("check", cwd=repo).code == 0
    site = _build(repo)
    publication = next(p for p in _publications(repo) if p.slug.startswith("uu-7-"))
    html = (site / post_path(repo / "mkdocs.yml", publication) / "index.html").read_text(
        encoding="utf-8"
    )
    assert "Publikasi ini telah ditarik" in html
    assert (
        "Ditarik pada 20 Oktober 2026, 10.30 WIB. Alasan: Terdapat kekeliruan nomor pasal." in html
    )
