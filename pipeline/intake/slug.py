"""A draft's file name from its title: lower-case ASCII words joined by hyphens, at most 80
characters (`kpu new`, the Word import and the Nota Dinas issue all name drafts this way)."""

from __future__ import annotations

import re
import unicodedata


def slugify(title: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80].strip("-")
