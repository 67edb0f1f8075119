"""The regulation registry (data/regulations.yml): which regulations exist and which are revoked.

Drafts cite regulations in `legal_basis`; `check_citation` turns a revoked one into an error that
names its replacement, so nothing outdated is published (SOP: "Konten harus ... valid").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import Any, Literal, get_args
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator

from pipeline.citations import (
    KIND_NAMES,
    MAX_YEAR,
    MIN_YEAR,
    Citation,
    CitationError,
    Kind,
    parse_citation,
)
from pipeline.errors import PipelineError
from pipeline.messages import citations as msg
from pipeline.read import ReadFailed, YamlDoc, load_yaml, read_text
from pipeline.schema import validate_model

Status = Literal["berlaku", "diubah", "dicabut"]
Level = Literal["error", "warning"]


class Regulation(BaseModel):
    """One regulation as recorded by Subbag Hukum."""

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)

    key: str = Field(description='Registry key; must equal the citation key, e.g. "uu-7-2017".')
    type: Kind = Field(description='Kind code, e.g. "uu", "pkpu", "perki", "kpts-kpu", "uud".')
    number: str = Field("", description='Number as in the canonical text: "7", "88/Kpts/KPU".')
    year: int = Field(description="Year of enactment (Tahun).")
    title: str | None = Field(None, description='Text after "tentang"; only the UUD has none.')
    status: Status = Field(description="berlaku (in force), diubah (amended), dicabut (revoked).")
    replaced_by: str | None = Field(None, description="Key of the replacement; when dicabut.")
    amended_by: tuple[str, ...] = Field((), description="Keys of the amending regulations.")
    link: str = Field(description="https URL of the official text on a .go.id site.")

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
        if not isinstance(value, str) or value not in get_args(Status):
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
    def _official_link(cls, value: str) -> str:
        parts = urlsplit(value)
        host = parts.hostname or ""
        if parts.scheme != "https" or not host.endswith(".go.id") or " " in value:
            raise ValueError(msg.LINK_INVALID.format(got=msg.got(value)))
        return value

    @property
    def citation(self) -> Citation:
        return Citation(self.type, self.number, self.year, self.title)

    @property
    def canonical(self) -> str:
        """Same canonical text as `Citation.canonical`, e.g. "Undang-Undang Nomor 7 Tahun 2017"."""
        return self.citation.canonical


class Registry:
    """The validated regulations, looked up by key; iteration keeps file order."""

    def __init__(self, regulations: Iterable[Regulation]) -> None:
        self._by_key = {regulation.key: regulation for regulation in regulations}

    def get(self, key: str) -> Regulation | None:
        return self._by_key.get(key)

    def __iter__(self) -> Iterator[Regulation]:
        return iter(self._by_key.values())

    def __len__(self) -> int:
        return len(self._by_key)


class RegistryError(PipelineError):
    """data/regulations.yml is invalid; `problems` lists every problem, in Indonesian."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def load_registry(path: Path) -> Registry:
    """Read and validate the registry; raise RegistryError listing all problems at once."""
    display = str(path)
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
            problems.append(_at(entry, index, None, None, text))
            continue
        regulation, found = validate_model(Regulation, entry, display)
        key = entry.data.get("key")
        problems.extend(_at(entry, index, key, p.line, p.message) for p in found)
        if regulation is not None:
            valid.append((index, entry, regulation))
    # keys of entries with other mistakes still count, so one typo does not cascade
    known = {e.data["key"] for e in entries if isinstance(e.data, dict) and "key" in e.data}
    problems.extend(_check_entries(valid, known))
    if problems:
        raise RegistryError([text for _, text in sorted(problems, key=lambda p: p[0])])
    return Registry(regulation for _, _, regulation in valid)


def check_citation(text: str, registry: Registry) -> tuple[Level, str] | None:
    """None when the citation is fine, else (level, Indonesian message) for the draft's author."""
    try:
        citation = parse_citation(text)
    except CitationError as exc:
        return "error", str(exc)
    regulation = registry.get(citation.key)
    if regulation is None:
        return "warning", msg.UNKNOWN.format(canonical=citation.canonical, key=citation.key)
    if regulation.status == "dicabut":
        replacement = _final_replacement(regulation, registry)
        return "error", msg.REVOKED.format(
            canonical=regulation.canonical, replacement=replacement.canonical
        )
    return None


def _final_replacement(regulation: Regulation, registry: Registry) -> Regulation:
    """Follow replaced_by until a regulation in force: cite the one that applies today."""
    seen = {regulation.key}
    current = regulation
    while current.replaced_by and current.replaced_by not in seen:
        following = registry.get(current.replaced_by)
        if following is None:
            break
        seen.add(following.key)
        current = following
        if current.status != "dicabut":
            break
    return current


# --- validation helpers: every problem is (line, text) so they can be listed in file order ------
Found = tuple[int, str]


def _at(entry: YamlDoc, index: int, key: object, line: int | None, text: str) -> Found:
    line = line or entry.line_of(())
    return line, msg.where_entry(line, index, key) + text


def _at_field(entry: YamlDoc, index: int, key: str, field: str, text: str) -> Found:
    return _at(entry, index, key, entry.line_of((field,)), text)


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


def _check_entries(
    valid: list[tuple[int, YamlDoc, Regulation]], known: set[str]
) -> Iterator[Found]:
    """Rules that need more than one field or entry: keys, titles, status and references."""
    first_index: dict[str, int] = {}
    by_key = {regulation.key: regulation for _, _, regulation in valid}
    for index, entry, reg in valid:
        at = partial(_at_field, entry, index, reg.key)
        if reg.key in first_index:
            yield at("key", msg.DUPLICATE_KEY.format(key=reg.key, first=first_index[reg.key]))
        else:
            first_index[reg.key] = index
        yield from _check_entry(reg, at, known, by_key)


def _check_entry(
    reg: Regulation, at: Callable[[str, str], Found], known: set[str], by_key: dict[str, Regulation]
) -> Iterator[Found]:
    yield from _check_key(reg, at)
    if reg.title is None and reg.type != "uud":
        yield at("title", msg.TITLE_MISSING)
    if reg.status == "dicabut" and reg.replaced_by is None:
        yield at("status", msg.REPLACED_BY_MISSING)
    if reg.status != "dicabut" and reg.replaced_by is not None:
        yield at("replaced_by", msg.REPLACED_BY_NOT_REVOKED.format(status=reg.status))
    if reg.status == "berlaku" and reg.amended_by:
        yield at("amended_by", msg.AMENDED_BUT_IN_FORCE)
    references = [("replaced_by", reg.replaced_by)] if reg.replaced_by else []
    references += [("amended_by", ref) for ref in reg.amended_by]
    for field, ref in references:
        if ref == reg.key:
            yield at(field, msg.SELF_REFERENCE.format(field=field, key=ref))
        elif ref not in known:
            yield at(field, msg.UNKNOWN_REFERENCE.format(field=field, ref=ref))
    cycle = _replacement_cycle(reg, by_key)
    if cycle:
        yield at("replaced_by", msg.REPLACEMENT_CYCLE.format(chain=" -> ".join(cycle)))


def _check_key(reg: Regulation, at: Callable[[str, str], Found]) -> Iterator[Found]:
    """The key must be the citation key of the entry's own canonical text."""
    expected = Citation(reg.type, reg.number, reg.year)
    try:
        readable = parse_citation(expected.canonical) == expected
    except CitationError:
        readable = False
    if not readable:
        yield at("number", msg.NUMBER_INVALID.format(kind=reg.type, got=reg.number))
    elif expected.key != reg.key:
        yield at("key", msg.KEY_MISMATCH.format(expected=expected.key, got=reg.key))


def _replacement_cycle(reg: Regulation, by_key: dict[str, Regulation]) -> list[str] | None:
    """The replaced_by chain when it leads back to `reg` (a revoked law cannot replace itself)."""
    chain = [reg.key]
    current = reg
    while current.replaced_by and current.replaced_by in by_key:
        if current.replaced_by == reg.key:
            return [*chain, reg.key] if len(chain) > 1 else None  # self-reference reported apart
        if current.replaced_by in chain:
            return None  # a cycle further along: reported on its own members
        current = by_key[current.replaced_by]
        chain.append(current.key)
    return None
