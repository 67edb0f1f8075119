"""The official text of a legal document: a PDF kept in the repository, or a link to the document
itself (never to a home page or a catalogue, where a reader would have to search again)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from pipeline.messages import citations as msg

PDF_ROOT = "content/"  # published with the site, so the page can offer the download
MAX_PDF_BYTES = 20 * 1024 * 1024
PDF_MAGIC = b"%PDF-"

# Paths of catalogue and search pages on the JDIH and PPID sites that list many documents.
CATALOGUE_PATHS = re.compile(
    r"^/(?:id/)?(?:peraturan(?:-kpu)?|keputusan(?:-kpu)?|regulasi|produk-hukum|dokumen|search|"
    r"cari|pencarian|home|index(?:\.\w+)?|beranda|jdih)?/?$",
    re.IGNORECASE,
)
# The last path segment of a document page: a document slug with its number and year
# ("uu-no-7-tahun-2017", "peraturan-komisi-...-nomor-4-tahun-2025"), a numeric id ("Details/37644/…",
# "regulasi/25049/…", "doc/1325793"), a detail handler ("detailpkpu-…") or a file (".pdf").
DOCUMENT_SEGMENT = re.compile(
    r"(?:^|[-_])(?:no|nomor)[-_]?\d+.*(?:tahun|thn)[-_]?\d{4}|^\d{3,}$|^detail|\.pdf$",
    re.IGNORECASE,
)


def catalogue_link(url: str) -> str | None:
    """Why `url` is not a link to one document (None when it looks like one).

    The rule, on the URL path: no path at all (a home page); a known catalogue path
    (`/peraturan-kpu`, `/regulasi`, `/search`...); or no segment that names one document (its
    number and year, a numeric id, a `detail...` handler or a `.pdf` file).
    """
    parts = urlsplit(url)
    path = parts.path or "/"
    if path.strip("/") == "":
        return msg.LINK_HOME_PAGE
    if CATALOGUE_PATHS.match(path) and not parts.query:
        return msg.LINK_CATALOGUE
    segments = [s for s in path.split("/") if s]
    if not any(DOCUMENT_SEGMENT.search(s) for s in segments):
        return msg.LINK_NOT_A_DOCUMENT
    return None


def pdf_problems(root: Path, relative: str, recorded: str | None) -> list[str]:
    """Every reason the PDF at `relative` (from the repository root) cannot be published."""
    pure = PurePosixPath(relative)
    if pure.is_absolute() or ".." in pure.parts or not relative.startswith(PDF_ROOT):
        return [msg.PDF_OUTSIDE.format(got=relative)]
    if pure.suffix.lower() != ".pdf":
        return [msg.PDF_SUFFIX.format(got=relative)]
    path = root / relative
    current = root
    for part in pure.parts:  # never follow a symlink: it could publish any file of the runner
        current = current / part
        if current.is_symlink():
            return [msg.PDF_SYMLINK.format(got=relative)]
    if not path.is_file():
        return [msg.PDF_MISSING.format(got=relative)]
    size = path.stat().st_size
    if size > MAX_PDF_BYTES:
        mb = MAX_PDF_BYTES // (1024 * 1024)
        return [msg.PDF_TOO_BIG.format(got=relative, size=size, limit=mb)]
    with path.open("rb") as handle:
        if handle.read(len(PDF_MAGIC)) != PDF_MAGIC:
            return [msg.PDF_NOT_PDF.format(got=relative)]
    actual = sha256_of(path)
    if recorded is None:
        return [msg.PDF_SHA_MISSING.format(sha=actual)]
    if recorded.lower() != actual:
        return [msg.PDF_SHA_MISMATCH.format(got=recorded, sha=actual)]
    return []


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
