"""Characters that never belong in a draft: invisible controls, bidi overrides, hidden spaces.

They pass YAML and pydantic untouched, yet a bidi override shows reviewers different text from
what is published, a NUL truncates it in other tools, and a newline in a title lets one line of
the workflow log start with a command of its own.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from pipeline.core.problems import Problem, error, warning
from pipeline.core.read import Document
from pipeline.messages import check as msg

BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u180e")
ZWJ = "\u200d"
ALLOWED_CONTROLS = frozenset("\t\n")
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
MULTI_LINE = frozenset({"description", "social", "withdrawn", "dip"})
"""Top-level fields whose text may run over several lines; every other value is one line."""


# What front matter needs to hold a value that is not plain printable ASCII on one line: such a
# character itself, an escape (double quotes), a block scalar, or an empty line inside a scalar
# (folded into a line break). YAML without any of these makes every string value plain.
_MAYBE_HIDDEN = re.compile(r"[\x00-\x09\x0b-\x1f\x7f\\|>]")
_EMPTY_LINE = re.compile(r"\n *\n")


def _plain_yaml(text: str) -> bool:
    text = text.strip("\n")
    return text.isascii() and not _MAYBE_HIDDEN.search(text) and not _EMPTY_LINE.search(text)


def check_document(doc: Document) -> Iterator[Problem]:
    """Every hidden or control character in the front matter values and the body, by line."""
    plain = bool(doc.front.text) and _plain_yaml(doc.front.text)
    for loc, text in () if plain else _strings(doc.meta, ()):
        line = doc.front.line_of(loc)
        field = ".".join(str(p) for p in loc)
        for kind, char in _findings(text):
            yield _problem(kind, doc.display, line, char, field)
        if loc[:1] and loc[0] not in MULTI_LINE and ("\n" in text.strip() or "\r" in text):
            yield error(doc.display, line, msg.TEXT_NEWLINE.format(field=field))
    if doc.body.isascii() and not _ASCII_CONTROL.search(doc.body):
        return
    for offset, body_line in enumerate(doc.body.split("\n")):
        for kind, char in _findings(body_line):
            yield _problem(kind, doc.display, doc.body_line + offset, char, None)


def _problem(kind: str, display: str, line: int, char: str, field: str | None) -> Problem:
    where = msg.TEXT_IN_FIELD.format(field=field) if field else msg.TEXT_IN_BODY
    code = f"U+{ord(char):04X}"
    if kind == "bidi":
        return error(display, line, msg.TEXT_BIDI.format(where=where, code=code))
    if kind == "control":
        return error(display, line, msg.TEXT_CONTROL.format(where=where, code=code))
    return warning(display, line, msg.TEXT_ZERO_WIDTH.format(where=where, code=code))


def _strings(value: Any, loc: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Every string that is not plain printable ASCII, with its location (depth is bounded by
    pipeline.core.read.MAX_DEPTH)."""
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for key, item in items:
        if isinstance(item, str):
            if not (item.isascii() and item.isprintable()):
                yield (*loc, key), item
        elif isinstance(item, (dict, list)):
            yield from _strings(item, (*loc, key))


def _findings(text: str) -> Iterator[tuple[str, str]]:
    """(kind, character) once per kind in one text: one problem per kind and line is enough."""
    if text.isascii() and text.isprintable():
        return
    seen: set[str] = set()
    for i, char in enumerate(text):
        kind = _kind(text, i, char)
        if kind is not None and kind not in seen:
            seen.add(kind)
            yield kind, char


def _kind(text: str, i: int, char: str) -> str | None:
    if char in BIDI:
        return "bidi"
    if char in ZERO_WIDTH:
        return None if char == ZWJ and _joins_emoji(text, i) else "zero-width"
    if char not in ALLOWED_CONTROLS and unicodedata.category(char) == "Cc":
        return "control"
    return None


def _joins_emoji(text: str, i: int) -> bool:
    """A zero-width joiner between two symbols builds one emoji (e.g. a family); that is fine."""
    if i == 0 or i == len(text) - 1:
        return False
    return all(unicodedata.category(c) in ("So", "Sk", "Mn") for c in (text[i - 1], text[i + 1]))
