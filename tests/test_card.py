"""Social cards: the right sizes, Indonesian titles wrapped by measured width, nothing overflows."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageFont

from pipeline.check.validate import load_context, validate
from pipeline.core.config import load_config
from pipeline.site.card import SQUARE, WIDE, draw_card, fit_text, social_images, wrap

FONT = ImageFont.load_default(size=48)
TITLES = [
    "Mengenal UU Nomor 7 Tahun 2017 tentang Pemilihan Umum",
    "Pemberitahuan",
    "Ketentuan Pemungutan Suara Ulang berdasarkan Peraturan Komisi Pemilihan Umum Nomor 25 Tahun "
    "2023 tentang Pemungutan dan Penghitungan Suara dalam Pemilihan Umum, beserta perubahannya",
    "Penyelenggaraan " + "Pemilihan" * 12,  # one word far wider than a line
]


@pytest.mark.parametrize("title", TITLES)
def test_every_wrapped_line_fits_the_measured_width(title: str) -> None:
    lines = wrap(title, FONT, 700)
    assert all(FONT.getlength(line) <= 700 for line in lines)
    assert "".join(lines).replace(" ", "") == title.replace(" ", "")


def test_words_are_kept_whole_when_they_fit() -> None:
    lines = wrap("Daftar Pemilih Tetap Kabupaten Bangka Barat", FONT, 500)
    assert all(
        word in " ".join(lines).split()
        for word in ["Daftar", "Pemilih", "Tetap", "Kabupaten", "Bangka", "Barat"]
    )
    assert len(lines) > 1


def test_a_word_wider_than_the_line_is_broken_across_lines() -> None:
    word = "Pemilihan" * 12
    lines = wrap(word, FONT, 600)
    assert len(lines) > 1 and "".join(lines) == word
    assert all(FONT.getlength(line) <= 600 for line in lines)


def test_a_title_too_long_for_the_box_ends_with_an_ellipsis_inside_it() -> None:
    font, lines = fit_text("kata " * 400, (600, 200), start=60, smallest=30)
    assert lines[-1].endswith("…")
    ascent, descent = font.getmetrics()
    assert len(lines) * int((ascent + descent) * 1.15) <= 200
    assert all(font.getlength(line) <= 600 for line in lines)


@pytest.mark.parametrize("size", [WIDE, SQUARE])
@pytest.mark.parametrize("title", TITLES)
def test_cards_have_the_network_sizes_and_text_stays_off_the_edges(
    size: tuple[int, int], title: str
) -> None:
    card = draw_card(title, "KPU Kabupaten Bangka Barat", "kab-bangkabarat.kpu.go.id", size)
    assert card.size == size
    margin = size[0] // 15
    background = card.getpixel((1, 1))
    for x in (*range(0, margin - 2), *range(size[0] - margin + 2, size[0])):
        for y in range(0, size[1] - size[1] // 6, 7):
            assert card.getpixel((x, y)) == background, (x, y)


def test_publications_without_an_image_get_generated_cards(repo: Path) -> None:
    ctx = load_context(repo)
    publication = next(p for p in validate(ctx).publications if not p.front.image)
    images = social_images(repo, load_config(repo), publication)
    with (
        Image.open(io.BytesIO(images.wide.data)) as wide,
        Image.open(io.BytesIO(images.square.data)) as square,
    ):
        assert (wide.format, wide.size) == ("PNG", WIDE)
        assert (square.format, square.size) == ("JPEG", SQUARE)


def test_a_publication_image_is_sent_as_is_with_a_square_copy_for_instagram(repo: Path) -> None:
    ctx = load_context(repo)
    publication = next(p for p in validate(ctx).publications if p.front.image)
    images = social_images(repo, load_config(repo), publication)
    assert images.wide.data == (repo / (publication.front.image or "")).read_bytes()
    with Image.open(io.BytesIO(images.square.data)) as square:
        assert (square.format, square.size) == ("JPEG", SQUARE)
