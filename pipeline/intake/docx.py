"""Word in, Markdown out: `kpu new --from-docx` turns a .docx into a draft.

mammoth reads the document's structure (headings, lists, bold/italic, links, tables, images with
their alt text) into HTML, markdownify writes that as Markdown. Text stays text: `<`, `#`, `*`
from Word are escaped, so nothing a document says becomes markup or HTML on the site.
Images go to content/assets/images/<slug>/, where the page finds them once the draft is promoted.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import mammoth
from markdownify import MarkdownConverter

from pipeline.check.validate import MAX_IMAGE_BYTES
from pipeline.core.errors import PipelineError
from pipeline.core.timeutil import now
from pipeline.intake.slug import slugify
from pipeline.messages import docx as msg
from pipeline.messages.new_template import DRAFT

IMAGES_DIR = "content/assets/images"
EXCERPT = "<!-- more -->"
IMAGE_EXTENSIONS = {"image/png": ".png", "image/jpeg": ".jpg", "image/webp": ".webp"}
# Word's "Title" becomes the page title; its Heading 1 sits below it, so every level moves down one.
STYLE_MAP = "\n".join(
    ["p[style-name='Title'] => h1:fresh"]
    + [f"p[style-name='Heading {n}'] => h{n + 1}:fresh" for n in range(1, 6)]
)
_IMAGE_SRC = "kpu-image:"


class DocxError(PipelineError):
    """The document cannot become a draft; carries every reason, in Indonesian."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class DocImage:
    name: str  # file name inside content/assets/images/<slug>/
    data: bytes
    alt: str


@dataclass
class Converted:
    title: str
    slug: str
    body: str
    images: list[DocImage] = field(default_factory=list)


class _Markdown(MarkdownConverter):
    """markdownify with text kept as text.

    Every `#` is escaped (Python-Markdown reads `#Tag` as a heading) and `<` becomes `&lt;`,
    which renders as itself and is never the start of a tag.
    """

    def escape(self, text: str, parent_tags: Any) -> str:
        escaped = str(super().escape(text, parent_tags))  # type: ignore[misc]
        return escaped.replace("\\<", "&lt;").replace("#", "\\#")


def convert(path: Path) -> Converted:
    """Read the document; DocxError lists every problem (no alt text, wrong image type, ...)."""
    shown = path.name
    problems: list[str] = []
    found: list[tuple[bytes, str, str]] = []  # data, extension, alt

    def image(element: Any) -> dict[str, str]:
        number = len(found) + 1
        with element.open() as handle:
            data = handle.read()
        alt = " ".join((element.alt_text or "").split())
        extension = IMAGE_EXTENSIONS.get(element.content_type or "")
        if not alt:
            problems.append(msg.IMAGE_ALT_MISSING.format(path=shown, number=number))
        if extension is None:
            kind = (element.content_type or "?").removeprefix("image/").upper()
            problems.append(msg.IMAGE_TYPE.format(path=shown, number=number, kind=kind))
        elif len(data) > MAX_IMAGE_BYTES:
            size_mb = len(data) / 1024 / 1024
            problems.append(msg.IMAGE_TOO_BIG.format(path=shown, number=number, size_mb=size_mb))
        found.append((data, extension or "", alt))
        return {"src": f"{_IMAGE_SRC}{number}", "alt": alt}

    try:
        with path.open("rb") as handle:
            result = mammoth.convert_to_html(
                handle, style_map=STYLE_MAP, convert_image=mammoth.images.img_element(image)
            )
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DocxError([msg.NOT_DOCX.format(path=shown)]) from exc
    html = str(result.value)
    title, html = _take_title(html)
    title = title or path.stem.replace("_", " ").replace("-", " ").strip()
    markdown = _Markdown(
        heading_style="ATX", bullets="-", escape_misc=True, table_infer_header=True
    ).convert(html)
    if not markdown.strip() and not title:
        problems.append(msg.EMPTY.format(path=shown))
    if problems:
        raise DocxError(problems)
    slug = slugify(title) or "naskah"
    images = [
        DocImage(f"gambar-{n}{ext}", data, alt) for n, (data, ext, alt) in enumerate(found, 1)
    ]
    for n, img in enumerate(images, 1):
        markdown = markdown.replace(f"]({_IMAGE_SRC}{n})", f"](/assets/images/{slug}/{img.name})")
    return Converted(title, slug, _with_excerpt(markdown.strip()), images)


def _take_title(html: str) -> tuple[str, str]:
    """The first top heading (Word's Title, else a leading Heading 1) as the title, removed."""
    match = re.search(r"<h1>(.*?)</h1>", html, re.DOTALL) or re.match(
        r"\s*<h2>(.*?)</h2>", html, re.DOTALL
    )
    if match is None:
        return "", html
    text = _Markdown().convert(match.group(1))
    title = " ".join(text.replace("\\", "").split())
    return title, html[: match.start()] + html[match.end() :]


def _with_excerpt(markdown: str) -> str:
    """The excerpt marker after the first paragraph: the list of publications shows that much."""
    blocks = markdown.split("\n\n") if markdown else []
    first = next((i for i, b in enumerate(blocks) if b and b[0] not in "#|-!<>\\0123456789"), None)
    if first is None:
        blocks.insert(0, msg.BODY_PLACEHOLDER)
        first = 0
    blocks.insert(first + 1, EXCERPT)
    return "\n\n".join(blocks) + "\n"


def draft_text(converted: Converted, today_iso: str) -> str:
    """The `kpu new` template with the document's title and body in place of its sample body."""
    template = DRAFT.format(title=converted.title.replace('"', '\\"'), today=today_iso)
    head, _, _ = template.partition("\n---\n")
    return f"{head}\n---\n\n{converted.body}"


def create_from_docx(root: Path, source: Path) -> tuple[Path, list[Path]]:
    """Write drafts/<today>-<slug>.md and its images; nothing is written when anything fails."""
    if not source.is_file():
        raise DocxError([msg.NOT_FOUND.format(path=source)])
    converted = convert(source)
    today = now().date().isoformat()
    path = root / "drafts" / f"{today}-{converted.slug}.md"
    folder = root / IMAGES_DIR / converted.slug
    targets = [folder / img.name for img in converted.images]
    for target in [path, *targets]:
        if target.exists():
            raise FileExistsError(0, "exists", str(target))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:  # "x": never overwrite
        handle.write(draft_text(converted, today))
    if targets:
        folder.mkdir(parents=True, exist_ok=True)
    for img, target in zip(converted.images, targets, strict=True):
        with target.open("xb") as handle:
            handle.write(img.data)
    return path, targets
