"""Social cards: the image a post carries when its publication has none of its own.

Two sizes: 1200x630 for X, Facebook, Telegram and Mastodon, 1080x1080 JPEG for Instagram, which
fetches it from the deployed site (`social/<slug>/square.jpg`).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from pipeline.core.config import KpuConfig
from pipeline.core.files import MAX_IMAGE_BYTES, read_limited
from pipeline.core.model import Publication
from pipeline.publish.channels.base import Image

if TYPE_CHECKING:
    from pipeline.site.render_cache import RenderCache

WIDE = (1200, 630)
SQUARE = (1080, 1080)
SITE_DIR = "social"
BACKGROUND = (142, 27, 27)  # KPU red
BAND = (255, 255, 255)
TEXT = (255, 255, 255)
MUTED = (120, 20, 20)
MIME = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp"}

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@dataclass(frozen=True)
class SocialImages:
    wide: Image
    square: Image


def site_path(slug: str, square: bool = True) -> str:
    """Path of the publication's social image below the site root."""
    return f"{SITE_DIR}/{slug}/{'square.jpg' if square else 'card.png'}"


def preview_paths(publication: Publication) -> tuple[str, str]:
    """(wide, square): the images the posts carry, as paths below the preview site's root: the
    draft's own image (built with its page) or the generated card, and Instagram's square copy."""
    image = publication.front.image
    wide = image.removeprefix("content/") if image else site_path(publication.slug, False)
    return wide, site_path(publication.slug)


def social_images(root: Path, config: KpuConfig, publication: Publication) -> SocialImages:
    """The publication's own image (and a square copy of it), or generated cards."""
    source = root / publication.front.image if publication.front.image else None
    stamp = source.stat().st_mtime_ns if source is not None and source.exists() else 0
    return _social_images(
        publication.front.title, config.office.name, _host(config.base_url), source, stamp
    )


@functools.lru_cache(maxsize=64)
def _social_images(
    title: str, office: str, host: str, source: Path | None, _stamp: int
) -> SocialImages:
    if source is not None and source.exists() and not source.is_symlink():
        data = read_limited(source, MAX_IMAGE_BYTES)  # checked by kpu check; never a device
        wide = Image(data, source.name, MIME.get(source.suffix.lower(), "application/octet-stream"))
        with PILImage.open(io.BytesIO(data)) as photo:
            square = _encode(_pad_square(photo.convert("RGB")), "JPEG")
        return SocialImages(wide, Image(square, "square.jpg", "image/jpeg"))
    wide_png = _encode(draw_card(title, office, host, WIDE), "PNG")
    square_jpg = _encode(draw_card(title, office, host, SQUARE), "JPEG")
    return SocialImages(
        Image(wide_png, "card.png", "image/png"), Image(square_jpg, "square.jpg", "image/jpeg")
    )


def write_site_images(
    root: Path,
    config: KpuConfig,
    publications: Iterable[Publication],
    site_dir: Path,
    cache: RenderCache | None = None,
    write: Callable[[Path, bytes], None] | None = None,
) -> list[Path]:
    """Put each publication's square image into the built site, where Instagram fetches it;
    with `cache` (kpu build's), a card drawn by an earlier build from the same inputs is reused;
    `write(path, data)` stands in for writing the file (kpu build's synced staging tree)."""
    written = []
    for publication in publications:
        target = site_dir / site_path(publication.slug)
        (write or _write_file)(target, _square(root, config, publication, cache))
        written.append(target)
    return written


def _write_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _square(
    root: Path, config: KpuConfig, publication: Publication, cache: RenderCache | None
) -> bytes:
    if cache is None:
        return social_images(root, config, publication).square.data
    from pipeline.site.render_cache import digest, fingerprint

    source = root / publication.front.image if publication.front.image else None
    photo = None
    if source is not None and source.exists() and not source.is_symlink():
        photo = hashlib.sha256(read_limited(source, MAX_IMAGE_BYTES)).hexdigest()
    office, host = config.office.name, _host(config.base_url)
    key = digest(fingerprint({}, []), publication.front.title, office, host, photo)
    entry = cache.get("card", key)
    if entry is not None:
        try:
            return base64.b64decode(entry["jpeg"], validate=True)
        except (KeyError, TypeError, ValueError):
            pass
    data = social_images(root, config, publication).square.data
    cache.put("card", key, {"jpeg": base64.b64encode(data).decode("ascii")})
    return data


def draw_card(title: str, office: str, host: str, size: tuple[int, int]) -> PILImage.Image:
    """A plain card: the title on KPU red, the office name and site on a white band below."""
    width, height = size
    margin = width // 15
    band = height // 6
    card = PILImage.new("RGB", size, BACKGROUND)
    draw = ImageDraw.Draw(card)
    box = (width - 2 * margin, height - band - 2 * margin)
    font, lines = fit_text(title, box, start=height // 8, smallest=height // 24)
    line_height = _line_height(font)
    top = margin + (box[1] - line_height * len(lines)) // 2
    for i, line in enumerate(lines):
        draw.text((margin, top + i * line_height), line, font=font, fill=TEXT)
    draw.rectangle((0, height - band, width, height), fill=BAND)
    small = ImageFont.load_default(size=max(14, band // 3))
    draw.text((margin, height - band // 2), office, font=small, fill=MUTED, anchor="lm")
    draw.text((width - margin, height - band // 2), host, font=small, fill=MUTED, anchor="rm")
    return card


def fit_text(text: str, box: tuple[int, int], start: int, smallest: int) -> tuple[Font, list[str]]:
    """The largest font (from `start` down to `smallest`) at which `text` wraps into `box`;
    at the smallest size, lines that do not fit are cut and the last one ends with an ellipsis."""
    width, height = box
    size = start
    while True:
        font = ImageFont.load_default(size=size)
        lines = wrap(text, font, width)
        fits = _line_height(font) * len(lines) <= height
        if fits or size <= smallest:
            break
        size = max(smallest, int(size * 0.9))
    room = max(1, height // _line_height(font))
    if len(lines) > room:
        lines = lines[:room]
        lines[-1] = _with_ellipsis(lines[-1], font, width)
    return font, lines


def wrap(text: str, font: Font, width: int) -> list[str]:
    """Word-wrap by measured pixel width; a word wider than a line is broken across lines."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if font.getlength(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        pieces = _break_word(word, font, width)
        lines.extend(pieces[:-1])
        current = pieces[-1]
    if current:
        lines.append(current)
    return lines


def _break_word(word: str, font: Font, width: int) -> list[str]:
    pieces = [""]
    for char in word:
        if pieces[-1] and font.getlength(pieces[-1] + char) > width:
            pieces.append("")
        pieces[-1] += char
    return pieces


def _with_ellipsis(line: str, font: Font, width: int) -> str:
    while line and font.getlength(line + "…") > width:
        line = line[:-1]
    return line.rstrip() + "…"


def _line_height(font: Font) -> int:
    ascent, descent = font.getmetrics()  # type: ignore[union-attr]
    return int((ascent + descent) * 1.15)


def _pad_square(photo: PILImage.Image) -> PILImage.Image:
    side = SQUARE[0]
    photo.thumbnail((side, side))
    square = PILImage.new("RGB", SQUARE, BACKGROUND)
    square.paste(photo, ((side - photo.width) // 2, (side - photo.height) // 2))
    return square


def _encode(image: PILImage.Image, kind: str) -> bytes:
    buffer = io.BytesIO()
    # PNG "optimize" made every card 4x slower to save about 5% of its size.
    image.save(buffer, kind, **({"quality": 90} if kind == "JPEG" else {}))
    return buffer.getvalue()


def _host(base_url: str) -> str:
    return urlsplit(base_url).netloc
