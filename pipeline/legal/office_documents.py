"""The office's own legal products: a publication whose front matter carries `document:` issues a
Keputusan KPU Kabupaten. It goes through the same pull request, approvals and promotion as any
publication; once in content/posts it is a registry document like the others (index, page, feed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from pipeline.core.model import FrontMatter, LegalDocument, Publication
from pipeline.core.read import ReadFailed, read_document
from pipeline.core.schema import validate_model
from pipeline.legal.citations import Citation
from pipeline.legal.official_text import pdf_problems
from pipeline.legal.regulations import Registry, Regulation
from pipeline.messages import citations as msg

KIND = "kpts-kpukab"
POSTS_DIR = "content/posts"


def document_key(doc: LegalDocument) -> str:
    return Citation(KIND, doc.number, doc.year).key


def to_regulation(front: FrontMatter, office: str) -> Regulation | None:
    """The registry record of the publication's document (None when it has none)."""
    doc = front.document
    if doc is None:
        return None
    return Regulation(
        key=document_key(doc),
        document_type="Keputusan",
        type=KIND,
        number=doc.number,
        year=doc.year,
        title=doc.title,
        author=office,
        enacted_place=doc.enacted_place,
        enacted_on=doc.enacted_on,
        subjects=tuple(doc.subjects),
        legal_field=doc.legal_field,
        abstract=doc.abstract or front.description,
        amends=tuple(doc.amends),
        revokes=tuple(doc.revokes),
        implements=tuple(doc.implements),
        pdf=doc.pdf,
        sha256=doc.sha256.lower(),
    )


def office_documents(publications: Iterable[Publication], office: str) -> list[Regulation]:
    """The documents of the promoted, not withdrawn publications, newest first."""
    found = [
        to_regulation(pub.front, office)
        for pub in publications
        if pub.front.document is not None and pub.front.withdrawn is None
    ]
    return sorted(
        (r for r in found if r is not None), key=lambda r: r.enacted_on or r.year, reverse=True
    )


def published_keys(root: Path) -> dict[str, str]:
    """Key -> post of every decision already promoted into content/posts (read on demand)."""
    found = {}
    for path in sorted((root / POSTS_DIR).rglob("*.md")):
        if path.is_symlink() or "document:" not in path.read_text("utf-8", errors="replace"):
            continue
        shown = path.relative_to(root).as_posix()
        try:
            front, _ = validate_model(FrontMatter, read_document(path, shown).front, shown)
        except ReadFailed:
            continue
        if front is not None and front.document is not None:
            found[document_key(front.document)] = shown
    return found


def check_document(
    root: Path,
    shown: str,
    front: FrontMatter,
    registry: Registry,
    line_of: Mapping[str, int],
    published: Callable[[], Mapping[str, str]],
) -> Iterator[tuple[int, str]]:
    """(line, message) for everything wrong with the `document:` block, like a registry entry:
    its PDF and SHA-256, its key taken by no other document, its relations pointing at keys of
    the registry or of decisions already published (`published`, looked up only when needed)."""
    doc = front.document
    if doc is None:
        return
    key = document_key(doc)
    if registry.get(key) is not None:
        yield line_of["number"], msg.DOCUMENT_KEY_TAKEN.format(key=key)
    elif published().get(key, shown) != shown:
        other = published()[key]
        yield line_of["number"], msg.DOCUMENT_KEY_PUBLISHED.format(key=key, other=other)
    for text in pdf_problems(root, doc.pdf, doc.sha256):
        field = "sha256" if text.startswith('Kolom "sha256"') else "pdf"
        text = text.replace('Kolom "pdf"', 'Kolom "document.pdf"')
        yield line_of[field], text.replace('Kolom "sha256"', 'Kolom "document.sha256"')
    for field in ("amends", "revokes", "implements"):
        for ref in getattr(doc, field):
            if ref == key:
                yield line_of[field], msg.SELF_REFERENCE.format(field=f"document.{field}", key=ref)
            elif registry.get(ref) is None and ref not in published():
                text = msg.UNKNOWN_REFERENCE.format(field=f"document.{field}", ref=ref)
                yield line_of[field], text
