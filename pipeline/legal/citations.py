"""Parse a regulation citation as staff write it into one canonical form and registry key.

"UU 7/2017", "UU No. 7 Tahun 2017" and "Undang-Undang Nomor 7 Tahun 2017 tentang ..." are the
same law; the key ("uu-7-2017") is how drafts are matched against data/regulations.yml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pipeline.messages import citations as msg

Kind = Literal[
    "uud", "uu", "perppu", "pp", "perpres", "pkpu", "perki", "kpts-kpu", "kpts-kpukab", "perbawaslu"
]

KIND_NAMES: dict[str, str] = {
    "uud": "Undang-Undang Dasar Negara Republik Indonesia",
    "uu": "Undang-Undang",
    "perppu": "Peraturan Pemerintah Pengganti Undang-Undang",
    "pp": "Peraturan Pemerintah",
    "perpres": "Peraturan Presiden",
    "pkpu": "Peraturan Komisi Pemilihan Umum",
    "perki": "Peraturan Komisi Informasi",
    "kpts-kpu": "Keputusan Komisi Pemilihan Umum",
    "kpts-kpukab": "Keputusan Komisi Pemilihan Umum Kabupaten",
    "perbawaslu": "Peraturan Badan Pengawas Pemilihan Umum",
}
"""Canonical Indonesian name of each kind, as written in the canonical citation."""

MIN_YEAR, MAX_YEAR = 1945, 2099
KPTS_SUFFIX = "/Kpts/KPU"

_UU = r"undang\s*-?\s*undang"
# Order matters: the longer name must win ("Peraturan Pemerintah Pengganti ..." before
# "Peraturan Pemerintah", "UUD" before "UU").
_HEADS: list[tuple[str, str]] = [
    ("uud", rf"{_UU}\s+dasar(?:\s+negara)?(?:\s+republik\s+indonesia)?|uud(?:\s*nri)?"),
    ("perppu", rf"peraturan\s+pemerintah\s+pengganti\s+{_UU}|perp?pu"),
    ("pp", r"peraturan\s+pemerintah|pp"),
    ("perpres", r"peraturan\s+presiden|perpres"),
    ("pkpu", r"peraturan\s+(?:komisi\s+pemilihan\s+umum|kpu)|pkpu"),
    ("perki", r"peraturan\s+(?:komisi\s+informasi|ki)(?:\s+pusat)?|perki|pki"),
    # the office's own decisions: "Keputusan KPU Kabupaten Bangka Barat Nomor 12 Tahun 2026",
    # "Keputusan KPU Kota Pangkalpinang ...", "Keputusan KPU Provinsi ..." (one kind: the office's)
    (
        "kpts-kpukab",
        r"keputusan\s+(?:komisi\s+pemilihan\s+umum|kpu)\s+(?:kabupaten|kab\.?|kota|provinsi|prov\.?)"
        r"(?:\s+(?!nomor(?![a-z])|no(?![a-z]))[a-z]+)*",
    ),
    ("kpts-kpu", r"keputusan\s+(?:komisi\s+pemilihan\s+umum|kpu)"),
    ("perbawaslu", r"peraturan\s+(?:badan\s+pengawas\s+pemilihan\s+umum|bawaslu)|perbawaslu"),
    ("uu", _UU + r"|uu"),
]
_GROUP = {kind: kind.replace("-", "_") for kind, _ in _HEADS}
_HEAD_RE = re.compile(
    "(?:" + "|".join(f"(?P<{_GROUP[kind]}>{pattern})" for kind, pattern in _HEADS) + r")(?![a-z])"
    # "(Perppu)", "RI", "Republik Indonesia" after the name change nothing
    r"(?:\s*\([^()]{1,30}\)|\s+ri(?![a-z])|\s+republik\s+indonesia(?![a-z]))*",
    re.IGNORECASE,
)
_NUMBER_RE = re.compile(
    r"\s*(?:(?:nomor|nomer|no)(?![a-z])\s*\.?\s*:?\s*)?"
    r"(?P<number>\d+)(?P<kpts>\s*/\s*kpts\s*/\s*kpu)?"
    r"(?:\s*/\s*(?:tahun\s*)?|\s*,?\s+(?:tahun|thn?\.?)\s+)"
    r"(?P<year>\d{4})(?!\d)",
    re.IGNORECASE,
)
_UUD_YEAR_RE = re.compile(r"\s*(?:tahun\s+)?(?P<year>\d{4})(?!\d)", re.IGNORECASE)
_TITLE_RE = re.compile(r"\s*[,;]?\s*(?:tentang(?![a-z])\s*(?P<title>.*))?", re.IGNORECASE)
_DASHES = str.maketrans("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-------")


@dataclass(frozen=True)
class Citation:
    """One regulation as cited; `kind` is a code from KIND_NAMES."""

    kind: str
    number: str  # as in the canonical form: "7", "88/Kpts/KPU"; "" for the constitution
    year: int
    title: str | None = None  # the text after "tentang", whitespace-normalised

    @property
    def key(self) -> str:
        """Stable registry key, e.g. "uu-7-2017", "kpts-kpu-88-2015", "uud-1945"."""
        if self.kind == "uud":
            return f"uud-{self.year}"
        return f"{self.kind}-{self.number.split('/', 1)[0]}-{self.year}".lower()

    @property
    def canonical(self) -> str:
        """The one spelling used on the site, e.g. "Undang-Undang Nomor 7 Tahun 2017"."""
        name = KIND_NAMES[self.kind]
        if self.kind == "uud":
            return f"{name} Tahun {self.year}"
        separator = "/" if "/" in self.number else " "
        return f"{name} Nomor {self.number}{separator}Tahun {self.year}"


class CitationError(ValueError):
    """The citation cannot be read; str(error) tells staff, in Indonesian, how to write it."""

    def __init__(self, message: str, text: str) -> None:
        super().__init__(message)
        self.text = text


def parse_citation(text: str) -> Citation:
    """Read one citation; raise CitationError saying what was received and the expected form."""
    clean = " ".join(text.translate(_DASHES).split()).strip(" .,;")
    shown = msg.shown(clean)
    if not clean:
        raise CitationError(msg.CITATION_EMPTY, text)
    head = _HEAD_RE.match(clean)
    if head is None:
        raise CitationError(msg.CITATION_UNKNOWN_KIND.format(text=shown), text)
    kind = next(k for k, group in _GROUP.items() if head.group(group) is not None)
    if kind == "uud":
        return _constitution(clean, head.end(), text)

    found = _NUMBER_RE.match(clean, head.end())
    if found is None or int(found["number"]) == 0:
        raise CitationError(msg.CITATION_NO_NUMBER.format(text=shown), text)
    year = int(found["year"])
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise CitationError(msg.CITATION_BAD_YEAR.format(year=year, text=shown), text)
    number = str(int(found["number"]))
    if found["kpts"]:
        if kind != "kpts-kpu":
            raise CitationError(msg.CITATION_KPTS_WRONG_KIND.format(text=shown), text)
        number += KPTS_SUFFIX
    return Citation(kind, number, year, _title(clean, found.end(), text))


def _constitution(clean: str, pos: int, text: str) -> Citation:
    year = 1945
    found = _UUD_YEAR_RE.match(clean, pos)
    if found is not None:
        if int(found["year"]) != year:
            raise CitationError(msg.CITATION_UUD_YEAR.format(text=msg.shown(clean)), text)
        pos = found.end()
    return Citation("uud", "", year, _title(clean, pos, text))


def _title(clean: str, pos: int, text: str) -> str | None:
    tail = _TITLE_RE.fullmatch(clean, pos)
    if tail is None:
        rest = msg.shown(clean[pos:].strip())
        raise CitationError(msg.CITATION_TRAILING.format(rest=rest, text=msg.shown(clean)), text)
    return tail["title"] or None
