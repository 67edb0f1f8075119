"""Checks of data/regulations.yml that need more than one field or entry: keys, relations
(dangling, self, cycles), the declared status against the relations, the official text (PDF and
SHA-256) and the `unconfirmed` names. Every problem is (line, text), listed in file order."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.core.read import YamlDoc
from pipeline.legal import relations as rel
from pipeline.legal.citations import Citation, CitationError, parse_citation
from pipeline.legal.official_text import pdf_problems
from pipeline.messages import citations as msg

if TYPE_CHECKING:
    from pipeline.legal.regulations import Registry, Regulation

Found = tuple[int, str]
CONFIRMABLE = (
    "title",
    "enacted_place",
    "enacted_on",
    "promulgated_on",
    "source",
    "subjects",
    "legal_field",
    "abstract",
    "amends",
    "revokes",
    "implements",
    "status",
    "link",
)
"""Fields an entry may list under `unconfirmed`."""


def at_entry(entry: YamlDoc, index: int, key: object, line: int | None, text: str) -> Found:
    line = line or entry.line_of(())
    return line, msg.where_entry(line, index, key) + text


def _at_field(entry: YamlDoc, index: int, key: str, field: str, text: str) -> Found:
    return at_entry(entry, index, key, entry.line_of((field,)), text)


def check_entries(
    valid: list[tuple[int, YamlDoc, Regulation]], known: set[str], root: Path, registry: Registry
) -> Iterator[Found]:
    """Rules that need more than one field or entry: keys, titles, relations, status, files.
    `registry` holds the valid entries, so that relations are seen both ways."""
    first_index: dict[str, int] = {}
    by_key = {regulation.key: regulation for _, _, regulation in valid}
    edges = {k: [*r.amends, *r.revokes, *r.implements] for k, r in by_key.items()}
    for index, entry, reg in valid:
        at = partial(_at_field, entry, index, reg.key)
        if reg.key in first_index:
            yield at("key", msg.DUPLICATE_KEY.format(key=reg.key, first=first_index[reg.key]))
        else:
            first_index[reg.key] = index
        yield from _check_key(reg, at)
        if reg.title is None and reg.type != "uud":
            yield at("title", msg.TITLE_MISSING)
        yield from _check_relations(reg, at, known, edges)
        yield from _check_status(reg, at, registry)
        yield from _check_text(reg, at, root)
        for field in reg.unconfirmed:
            if field not in CONFIRMABLE:
                choices = ", ".join(CONFIRMABLE)
                yield at(
                    "unconfirmed", msg.UNCONFIRMED_UNKNOWN.format(field=field, choices=choices)
                )


def _check_relations(
    reg: Regulation, at: Callable[[str, str], Found], known: set[str], edges: dict[str, list[str]]
) -> Iterator[Found]:
    for field in rel.RELATION_FIELDS:
        for ref in getattr(reg, field):
            if ref == reg.key:
                yield at(field, msg.SELF_REFERENCE.format(field=field, key=ref))
            elif ref not in known:
                yield at(field, msg.UNKNOWN_REFERENCE.format(field=field, ref=ref))
    cycle = rel.cycle_through(reg.key, edges)
    if cycle:
        field = next(f for f in rel.RELATION_FIELDS if cycle[1] in getattr(reg, f))
        yield at(field, msg.RELATION_CYCLE.format(chain=" -> ".join(cycle)))


def _check_status(
    reg: Regulation, at: Callable[[str, str], Found], registry: Registry
) -> Iterator[Found]:
    """A declared status may only add what the registry cannot know (amendments outside it)."""
    relations = registry.relations(reg.key)
    if reg.status == "dicabut" and not relations.revoked_by:
        yield at("status", msg.DECLARED_REVOKED.format(key=reg.key))
    elif reg.status in ("berlaku", "diubah") and relations.revoked_by:
        by = ", ".join(relations.revoked_by)
        text = msg.DECLARED_IN_FORCE.format(relation=msg.DECLARED_RELATION_REVOKED, by=by)
        yield at("status", text.replace('"berlaku"', f'"{reg.status}"'))
    elif reg.status == "berlaku" and relations.amended_by:
        by = ", ".join(relations.amended_by)
        yield at(
            "status", msg.DECLARED_IN_FORCE.format(relation=msg.DECLARED_RELATION_AMENDED, by=by)
        )


def _check_text(reg: Regulation, at: Callable[[str, str], Found], root: Path) -> Iterator[Found]:
    if reg.link is None and reg.pdf is None:
        yield at("link", msg.NO_OFFICIAL_TEXT)
    if reg.pdf is None:
        if reg.sha256 is not None:
            yield at("sha256", msg.SHA_WITHOUT_PDF)
        return
    for text in pdf_problems(root, reg.pdf, reg.sha256):
        about_sha = reg.sha256 is not None and text.startswith('Kolom "sha256"')
        yield at("sha256" if about_sha else "pdf", text)


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
