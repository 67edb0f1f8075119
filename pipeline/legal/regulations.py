"""The regulation registry (data/regulations.yml): each regulation as a JDIH legal-document record.

Drafts cite regulations in `legal_basis`; `check_citation` turns a revoked one into an error that
names its replacement, so nothing outdated is published (SOP: "Konten harus ... valid"). The
fields follow the JDIH "Lembar Kerja" (Permenkumham 8/2019); relations are written once, on the
acting document, and the status follows from them (pipeline.legal.relations).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal, get_args
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator

from pipeline.core.errors import PipelineError
from pipeline.core.identity import TYPE_TITLE, split_name
from pipeline.core.read import ReadFailed, YamlDoc, load_yaml, read_text
from pipeline.core.schema import validate_model
from pipeline.legal import relations as rel
from pipeline.legal.citations import (
    KIND_NAMES,
    MAX_YEAR,
    MIN_YEAR,
    Citation,
    CitationError,
    Kind,
    parse_citation,
)
from pipeline.legal.official_text import catalogue_link
from pipeline.legal.registry_checks import Found, at_entry, check_entries
from pipeline.legal.relations import Relations, Status
from pipeline.messages import citations as msg

Level = Literal["error", "warning"]
SHA256_RE = re.compile(r"^[0-9a-fA-F]{64}$")
Key = str

KIND_ABBREVIATIONS: dict[str, str] = {
    "uud": "UUD",
    "uu": "UU",
    "perppu": "PERPPU",
    "pp": "PP",
    "perpres": "PERPRES",
    "pkpu": "PKPU",
    "perki": "PERKI",
    "kpts-kpu": "KEPKPU",
    "kpts-kpukab": "KEPKPUKAB",
    "perbawaslu": "PERBAWASLU",
}
"""Singkatan jenis as JDIH catalogues write it."""

KIND_AUTHORS: dict[str, str] = {
    "uud": "Majelis Permusyawaratan Rakyat",
    "uu": "Pemerintah Pusat",
    "perppu": "Pemerintah Pusat",
    "pp": "Pemerintah Pusat",
    "perpres": "Pemerintah Pusat",
    "pkpu": "Komisi Pemilihan Umum",
    "perki": "Komisi Informasi Pusat",
    "kpts-kpu": "Komisi Pemilihan Umum",
    "perbawaslu": "Badan Pengawas Pemilihan Umum",
}
"""Default T.E.U. badan (the issuing body) of each kind; an entry's `author` overrides it."""


class Regulation(BaseModel):
    """One legal document as recorded by Subbag Hukum, in the JDIH Lembar Kerja fields."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, coerce_numbers_to_str=True, defer_build=True
    )

    key: str = Field(description='Registry key; must equal the citation key, e.g. "uu-7-2017".')
    document_type: str = Field("Peraturan Perundang-undangan", description="Tipe dokumen (JDIH).")
    type: Kind = Field(description='Jenis as a kind code, e.g. "uu", "pkpu", "perki", "kpts-kpu".')
    number: str = Field("", description='Nomor as in the canonical text: "7", "88/Kpts/KPU".')
    year: int = Field(description="Tahun of the regulation.")
    title: str | None = Field(None, description='Judul: the text after "tentang".')
    author: str | None = Field(None, description="T.E.U. badan; default by kind (KIND_AUTHORS).")
    enacted_place: str | None = Field(None, description="Tempat penetapan, e.g. Jakarta.")
    enacted_on: dt.date | None = Field(None, description="Tanggal penetapan.")
    promulgated_on: dt.date | None = Field(None, description="Tanggal pengundangan.")
    source: str | None = Field(None, description='Sumber, e.g. "LN 2017 (182), TLN (6109)".')
    subjects: tuple[str, ...] = Field((), description="Subjek (JDIH subject headings).")
    language: str = Field("Indonesia", description="Bahasa.")
    legal_field: str | None = Field(None, description="Bidang hukum, e.g. Hukum Tata Negara.")
    abstract: str | None = Field(None, description="Abstrak.")
    status: Status | None = Field(
        None, description="Only `diubah` for amendments outside the registry; else derived."
    )
    status_note: str | None = Field(None, description="Keterangan status, shown on its page.")
    amends: tuple[str, ...] = Field((), description="Keys this document amends (mengubah).")
    revokes: tuple[str, ...] = Field((), description="Keys this document revokes (mencabut).")
    implements: tuple[str, ...] = Field((), description="Keys this document implements.")
    link: str | None = Field(None, description="https URL of the document's own page (.go.id).")
    pdf: str | None = Field(None, description="The official text kept under content/.")
    sha256: str | None = Field(None, description="SHA-256 of the PDF, checked on every load.")
    unconfirmed: tuple[str, ...] = Field((), description="Fields Subbag Hukum has yet to check.")

    @field_validator("type", mode="before")
    @classmethod
    def _known_kind(cls, value: object) -> object:
        if not isinstance(value, str) or value not in KIND_NAMES:
            choices = ", ".join(KIND_NAMES)
            raise ValueError(msg.KIND_INVALID.format(choices=choices, got=msg.got(value)))
        return value

    @field_validator("status", mode="before")
    @classmethod
    def _known_status(cls, value: object) -> object:
        if value is not None and (not isinstance(value, str) or value not in get_args(Status)):
            choices = ", ".join(get_args(Status))
            raise ValueError(msg.STATUS_INVALID.format(choices=choices, got=msg.got(value)))
        return value

    @field_validator("year")
    @classmethod
    def _year_in_range(cls, value: int) -> int:
        if not MIN_YEAR <= value <= MAX_YEAR:
            raise ValueError(msg.YEAR_RANGE)
        return value

    @field_validator("link")
    @classmethod
    def _official_link(cls, value: str | None) -> str | None:
        if value is None:
            return value
        parts = urlsplit(value)
        host = parts.hostname or ""
        unsafe = any(c in value for c in " <>\"()[]'\\")  # would break the Markdown link
        if parts.scheme != "https" or not host.endswith(".go.id") or unsafe:
            raise ValueError(msg.LINK_INVALID.format(got=msg.got(value)))
        return value

    @field_validator("sha256", mode="before")
    @classmethod
    def _hex_digest(cls, value: object) -> object:
        if value is not None and not (isinstance(value, str) and SHA256_RE.match(value)):
            raise ValueError(msg.SHA_FORMAT.format(got=msg.got(value)))
        return value

    @property
    def citation(self) -> Citation:
        return Citation(self.type, self.number, self.year, self.title)

    @property
    def canonical(self) -> str:
        """Same canonical text as `Citation.canonical`, e.g. "Undang-Undang Nomor 7 Tahun 2017";
        the office's own decisions carry its name: "Keputusan KPU Kabupaten Bangka Barat ..."."""
        if self.type == "kpts-kpukab" and self.author:
            return f"Keputusan {self.author} Nomor {self.number} Tahun {self.year}"
        return self.citation.canonical

    @property
    def kind_name(self) -> str:
        if self.type == "kpts-kpukab" and self.author:  # the office's type, not always Kabupaten
            kind = split_name(self.author)[0]
            if kind is not None:
                return f"Keputusan Komisi Pemilihan Umum {TYPE_TITLE[kind]}"
        return KIND_NAMES[self.type]

    @property
    def abbreviation(self) -> str:
        return KIND_ABBREVIATIONS.get(self.type, self.type.upper())

    @property
    def teu(self) -> str:
        return self.author or KIND_AUTHORS.get(self.type, "")


class Registry:
    """The validated documents, looked up by key; iteration keeps file order. Relations and
    status are computed once, both ways, from what each document wrote."""

    def __init__(self, regulations: Iterable[Regulation], lines: dict[str, int] | None = None):
        self._by_key = {regulation.key: regulation for regulation in regulations}
        self._relations = rel.build(
            {
                key: {f: getattr(r, f) for f in rel.RELATION_FIELDS}
                for key, r in self._by_key.items()
            }
        )
        self.lines = lines or {}  # first line of each entry in its file (for git history)

    def get(self, key: str) -> Regulation | None:
        return self._by_key.get(key)

    def relations(self, key: str) -> Relations:
        return self._relations.get(key, Relations())

    def status(self, key: str) -> Status:
        reg = self._by_key[key]
        return rel.derived_status(self.relations(key), reg.status)

    def with_documents(self, extra: Iterable[Regulation]) -> Registry:
        """This registry plus documents from elsewhere (the office's own decisions)."""
        return Registry([*self._by_key.values(), *extra], self.lines)

    def __iter__(self) -> Iterator[Regulation]:
        return iter(self._by_key.values())

    def __len__(self) -> int:
        return len(self._by_key)


class RegistryError(PipelineError):
    """data/regulations.yml is invalid; `problems` lists every problem, in Indonesian."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


LEGACY_FIELDS = {"replaced_by": "revokes", "amended_by": "amends"}


def load_registry(path: Path, root: Path | None = None) -> Registry:
    """Read and validate the registry; raise RegistryError listing all problems at once.
    `root` (default: the folder above data/) is where PDF paths start."""
    display = str(path)
    root = root if root is not None else path.parent.parent
    try:
        doc = load_yaml(read_text(path, display), display)
    except ReadFailed as exc:
        line = exc.problem.line
        where = msg.WHERE_FILE.format(line=line) if line else ""
        raise RegistryError([where + exc.problem.message]) from exc
    entries, problems = _entries(doc)
    valid: list[tuple[int, YamlDoc, Regulation]] = []
    for index, entry in enumerate(entries, start=1):
        if not isinstance(entry.data, dict):
            text = msg.ENTRY_NOT_A_MAPPING.format(got=msg.got(entry.data))
            problems.append(at_entry(entry, index, None, None, text))
            continue
        problems.extend(_legacy(entry, index))
        data = {k: v for k, v in entry.data.items() if k not in LEGACY_FIELDS}
        regulation, found = validate_model(
            Regulation, YamlDoc(data, entry.node, entry.first_line), display
        )
        key = entry.data.get("key")
        problems.extend(at_entry(entry, index, key, p.line, p.message) for p in found)
        if regulation is not None:
            valid.append((index, entry, regulation))
    # keys of entries with other mistakes still count, so one typo does not cascade
    known = {e.data["key"] for e in entries if isinstance(e.data, dict) and "key" in e.data}
    registry = Registry(regulation for _, _, regulation in valid)
    problems.extend(check_entries(valid, known, root, registry))
    if problems:
        raise RegistryError([text for _, text in sorted(problems, key=lambda p: p[0])])
    registry.lines = {reg.key: entry.line_of(()) for _, entry, reg in valid}
    return registry


def link_warnings(registry: Registry, *, marked: bool = True) -> list[tuple[int, str]]:
    """(line, message) for each "naskah resmi" link that opens a home or catalogue page.
    `marked=False` leaves out links the entry already lists as `unconfirmed` (kpu check warns
    about new mistakes; kpu linkcheck lists them all)."""
    found = []
    for reg in registry:
        if reg.link is None or reg.pdf is not None or (not marked and "link" in reg.unconfirmed):
            continue
        reason = catalogue_link(reg.link)
        if reason:
            text = msg.LINK_CATALOGUE_WARNING.format(key=reg.key, url=reg.link, reason=reason)
            found.append((registry.lines.get(reg.key, 0), text))
    return found


def check_citation(text: str, registry: Registry) -> tuple[Level, str] | None:
    """None when the citation is fine, else (level, Indonesian message) for the draft's author."""
    try:
        citation = parse_citation(text)
    except CitationError as exc:
        return "error", str(exc)
    regulation = registry.get(citation.key)
    if regulation is None:
        return "warning", msg.UNKNOWN.format(canonical=citation.canonical, key=citation.key)
    if registry.status(regulation.key) == "dicabut":
        replacement = final_replacement(regulation, registry)
        return "error", msg.REVOKED.format(
            canonical=regulation.canonical, replacement=replacement.canonical
        )
    return None


def final_replacement(regulation: Regulation, registry: Registry) -> Regulation:
    """Follow "dicabut dengan" (the newest revoker each time) to the document that applies today."""
    seen = {regulation.key}
    current = regulation
    while True:
        revokers = [registry.get(k) for k in registry.relations(current.key).revoked_by]
        candidates = [r for r in revokers if r is not None and r.key not in seen]
        if not candidates:
            return current
        current = max(candidates, key=_when)
        seen.add(current.key)
        if registry.status(current.key) != "dicabut":
            return current


def _when(reg: Regulation) -> tuple[int, dt.date]:
    return reg.year, reg.enacted_on or dt.date(reg.year, 1, 1)


# --- validation helpers: every problem is (line, text) so they can be listed in file order ------
def _legacy(entry: YamlDoc, index: int) -> Iterator[Found]:
    """replaced_by/amended_by wrote a relation on the wrong side: say where it goes now."""
    key = entry.data.get("key")
    for field, inverse in LEGACY_FIELDS.items():
        if field not in entry.data:
            continue
        value = entry.data[field]
        refs = value if isinstance(value, list) else [value]
        text = msg.LEGACY_RELATION.format(
            field=field, ref=", ".join(map(str, refs)), inverse=inverse, key=key
        )
        yield at_entry(entry, index, key, entry.line_of((field,)), text)


def _entries(doc: YamlDoc) -> tuple[list[YamlDoc], list[Found]]:
    """Split the file into one YamlDoc per entry, so each problem points at its own line."""
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("regulations"), list):
        shown = data.get("regulations") if isinstance(data, dict) else data
        return [], [(0, msg.NOT_A_LIST.format(got=msg.got(shown)))]
    problems: list[Found] = []
    for field in data:
        if field != "regulations":
            line = doc.line_of((field,))
            problems.append(
                (line, msg.WHERE_FILE.format(line=line) + msg.TOP_UNKNOWN.format(field=field))
            )
    if not data["regulations"]:
        line = doc.line_of(("regulations",))
        problems.append((line, msg.WHERE_FILE.format(line=line) + msg.EMPTY_LIST))
    items = _child(doc.node, "regulations")
    nodes = getattr(items, "value", [])
    entries = [
        YamlDoc(value, nodes[i] if i < len(nodes) else items, doc.first_line)
        for i, value in enumerate(data["regulations"])
    ]
    return entries, problems


def _child(node: Any, name: str) -> Any:
    for key, value in getattr(node, "value", []):
        if getattr(key, "value", None) == name:
            return value
    return node
