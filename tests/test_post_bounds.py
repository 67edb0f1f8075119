"""`kpu check` measures a post exactly only when a cheap upper bound cannot prove it fits
(issue #14): the bound never lets a post through that the exact measurement refuses, and the
problems found are the same either way."""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

import pytest

from pipeline.check.validate import load_context
from pipeline.core.model import FrontMatter, Publication
from pipeline.publish import posts
from pipeline.publish.channels.registry import REGISTRY
from pipeline.publish.posts import check_posts, problems_of, surely_within
from pipeline.publish.x_urls import url_weight
from pipeline.site import urls
from tests.test_x_length import HARD_PIECES

FRONT = {
    "title": "Mengenal UU Nomor 7/2017",
    "description": "Ringkasan pokok-pokok Undang-Undang Pemilu.",
    "categories": ["Informasi Hukum"],
    "request": {"number": "1/ND", "date": "2026-10-01", "unit": "Subbag Hukum"},
    "election_stage": "informasi-umum",
    "legal_basis": ["UU No. 7 Tahun 2017"],
}
URL = "https://kab-bangkabarat.kpu.go.id/publikasi/2026/mengenal-uu-pemilu/"
PIECES = [*HARD_PIECES, URL, "#Pemilu", "#KPUBangkaBarat", "Pemilih " * 20, "😷" * 3]


def _text(rng: random.Random, near: int) -> str:
    """Text of random pieces, about `near` characters long (a limit, give or take)."""
    text = "Pemilu"
    target = rng.randint(max(1, near - 60), near + 30)
    while len(text) < target:
        text += rng.choice(PIECES)
    return text


def test_x_counts_every_url_as_the_weight_the_bound_assumes() -> None:
    assert REGISTRY["x"].limits.urls_as == url_weight()


def test_a_post_the_bound_lets_through_is_within_every_limit_measured_exactly() -> None:
    rng = random.Random(20261202)
    through = refused = 0
    for _ in range(4000):
        name = rng.choice(sorted(REGISTRY))
        limits = REGISTRY[name].limits
        text = _text(rng, rng.choice([limits.text, limits.text // 2, 280, 500]))
        if rng.random() < 0.2:
            text += " #a" * rng.randint(25, 35)
        if surely_within(text, limits):
            through += 1
            assert problems_of(text, name) == [], (name, text)
        elif not problems_of(text, name):
            refused += 1  # measured exactly, and fine
    assert through > 500 and refused > 100  # both ways are taken, near the limits too


@pytest.mark.parametrize(
    "pattern", ["yyyy", "yyyy/MM", "yyyy/MM/dd", "yy-M-d", "y.MM", "yyyyy", "dd.MM.yyyy", "MMMM"]
)
@pytest.mark.parametrize(
    "url_format", ["{date}/{file}", "{date}/{slug}", "{categories}/{date}/../{slug}", "{slug}"]
)
def test_the_url_bound_is_the_real_url_with_its_date_digits_widened(
    monkeypatch: pytest.MonkeyPatch, pattern: str, url_format: str
) -> None:
    rng = random.Random(pattern + url_format)
    for directory_urls in (True, False):
        settings = urls.BlogSettings(
            blog_dir="publikasi",
            url_format=url_format,
            date_format=pattern,
            max_categories=1,
            slugify=lambda text, sep: re.sub(r"\W+", sep, text.lower()).strip(sep),
            slugify_separator="-",
            categories_slugify=lambda text, sep: re.sub(r"\W+", sep, text.lower()),
            categories_separator="-",
            locale="id",
            directory_urls=directory_urls,
        )
        monkeypatch.setattr(urls, "_settings_at", lambda cwd, path, s=settings: s)
        for _ in range(60):
            day = dt.date(rng.randint(1, 9999), rng.randint(1, 12), rng.randint(1, 28))
            when = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
            front = {**FRONT, "title": f"Pemilu {rng.randint(0, 99)}. Tahap {day.year}"}
            publication = Publication(
                Path(f"drafts/2026-10-05-uu-{rng.randint(0, 9)}.md"), FrontMatter(**front), "", 1
            )
            real = urls.post_path(Path("mkdocs.yml"), publication, when=when)
            bound = urls.post_path_bound(Path("mkdocs.yml"), publication)
            if pattern == "MMMM":  # a month's name: only the real date will do
                assert bound is None
                continue
            assert bound is not None and len(bound) >= len(real), (bound, real)
            assert re.sub(r"\d+", "0", bound) == re.sub(r"\d+", "0", real), (bound, real)


def _publications(seed: int, count: int) -> list[Publication]:
    rng = random.Random(seed)
    found = []
    for i in range(count):
        social = {"text": _text(rng, rng.choice([60, 150, 200, 280, 480, 1000, 2200]))}
        for name in rng.sample(["x", "mastodon", "telegram", "instagram"], rng.randint(0, 2)):
            social[name] = _text(rng, rng.choice([60, REGISTRY[name].limits.text]))
        if rng.random() < 0.1:
            social["text"] += f" {URL}"  # the page URL written into the text itself
        front = FrontMatter(**{**FRONT, "social": social})
        found.append(Publication(Path(f"drafts/2026-10-05-p-{i}.md"), front, "", 1))
    return found


def test_check_posts_finds_the_same_problems_with_the_bound_as_measuring_every_post(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = load_context(repo)
    publications = _publications(14, 800)
    fast = [check_posts(ctx, publication) for publication in publications]
    monkeypatch.setattr(posts, "_url_bound", lambda ctx, publication: None)  # measure every post
    exact = [check_posts(ctx, publication) for publication in publications]
    assert fast == exact
    assert sum(bool(f) for f in fast) > 100 and sum(not f for f in fast) > 100
