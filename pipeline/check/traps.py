"""Mistakes that YAML accepts silently: the traps of Word and of the `kpu new` template.

Each is found in the YAML as written (its node tree and its lines, comments included), because
the parsed data no longer shows it: `text: #Pemilu` is simply empty, `title: “Judul”` a title
with Word's quotes in it, a non-breaking space a key nobody can see is wrong.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import yaml

from pipeline.core.model import canonical_status
from pipeline.core.problems import Problem, error, warning
from pipeline.core.read import Document
from pipeline.messages import docx as docx_msg
from pipeline.messages import traps as msg
from pipeline.messages.new_template import BODY_PLACEHOLDERS, MARKER

CURLY_OPEN = "“‘„‟"
CURLY_CLOSE = "”’“‟"
CODE_FIELDS = frozenset(
    {"status", "slug", "election_stage", "categories", "authors", "channels", "image", "date"}
    | {"publish_at", "corrects"}
)
"""Fields whose value must match a choice, a key or a format exactly: an invisible character
there is an error, not a cosmetic flaw."""
_NULL = "tag:yaml.org,2002:null"
# `#Pemilu` right after the colon is a hashtag that YAML read as a comment; `# catatan` (a space
# after the #) is how people write a comment on purpose, so it is left alone.
_HASH_AFTER_KEY = re.compile(r"[ \t]*:[ \t]+#(\S.*)$")
_HASH_AFTER_DASH = re.compile(r"[ \t]*#(\S.*)$")
Loc = tuple[str | int, ...]


def check_traps(doc: Document) -> list[Problem]:
    """Every trap in one document; template leftovers only in drafts (published pages are
    history), as errors once the draft says it is ready."""
    front = doc.front
    if front.node is None:
        return []
    # Only a `#` can swallow a value or carry the template's marker: most drafts skip the lines.
    lines = front.text.split("\n") if "#" in front.text else []
    found: list[Problem] = []
    # Curly quotes and invisible characters are not ASCII, and only a `#` swallows a value:
    # plain ASCII front matter without one has nothing for the walk to find.
    walk = _pairs(front.node, ()) if lines or not front.text.isascii() else iter(())
    for loc, key, value in walk:
        line = front.first_line + (key or value).start_mark.line
        if key is not None:
            found.extend(_invisible_key(doc.display, line, key))
        if isinstance(value, yaml.ScalarNode):
            found.extend(_scalar(doc.display, line, lines, loc, key, value))
    if doc.display.startswith("drafts/"):
        ready = canonical_status(doc.meta.get("status", "draft")) == "ready"
        found.extend(_template_left(doc, lines, ready))
    return found


def _pairs(node: yaml.Node, loc: Loc) -> Iterator[tuple[Loc, yaml.ScalarNode | None, yaml.Node]]:
    """(location, key node or None for a list item, value node) for every value in the tree."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                yield (*loc, key.value), key, value
                yield from _pairs(value, (*loc, key.value))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            yield (*loc, i), None, item
            yield from _pairs(item, (*loc, i))


def _field(loc: Loc) -> str:
    return ".".join(str(part) for part in loc)


def _scalar(
    shown: str,
    line: int,
    lines: list[str],
    loc: Loc,
    key: yaml.ScalarNode | None,
    value: yaml.ScalarNode,
) -> Iterator[Problem]:
    if value.tag == _NULL and value.value == "":
        yield from _hash_swallowed(shown, line, lines, loc, key, value)
        return
    text = value.value
    curly = len(text) >= 2 and text[0] in CURLY_OPEN and text[-1] in CURLY_CLOSE
    if not value.style and curly:  # plain: the C loader says "", the Python one None
        quotes = msg.CURLY_QUOTES.format(field=_field(loc), left=text[0], right=text[-1])
        yield error(shown, line, quotes)
    top = next((p for p in loc if isinstance(p, str)), "")
    if (top in CODE_FIELDS and len(loc) <= 2) or loc == ("request", "date"):
        char = _invisible(text)
        if char:
            clean = "".join(c for c in text if not _is_invisible(c)).strip()
            what, code = _name(char)
            yield error(
                shown,
                line,
                msg.INVISIBLE_IN_VALUE.format(field=_field(loc), what=what, code=code, clean=clean),
            )


def _hash_swallowed(
    shown: str,
    line: int,
    lines: list[str],
    loc: Loc,
    key: yaml.ScalarNode | None,
    value: yaml.ScalarNode,
) -> Iterator[Problem]:
    """An empty value followed on its line by `#text`: the text was meant, YAML read a comment."""
    if key is not None:
        mark = key.end_mark
        after = _HASH_AFTER_KEY.match(_at(lines, mark.line)[mark.column :])
    else:
        mark = value.start_mark
        row = _at(lines, mark.line)
        dash = row[: mark.column].rstrip().endswith("-")
        after = _HASH_AFTER_DASH.match(row[mark.column :]) if dash else None
    rest = after.group(1).rstrip() if after else ""
    if not rest.strip():
        return
    if key is None:
        yield error(shown, line, msg.HASH_SWALLOWED_ITEM.format(field=_field(loc[:-1]), rest=rest))
    else:
        text = msg.HASH_SWALLOWED.format(field=_field(loc), key=key.value, rest=rest)
        yield error(shown, line, text)


def _at(lines: list[str], index: int) -> str:
    return lines[index] if 0 <= index < len(lines) else ""


def _is_invisible(char: str) -> bool:
    """Spaces other than the space bar's, and format characters (zero-width, soft hyphen, BOM)."""
    if char == " " or char.isascii():
        return False
    return unicodedata.category(char) in ("Zs", "Cf")


def _invisible(text: str) -> str:
    if text.isascii():
        return ""
    return next((c for c in text if _is_invisible(c)), "")


def _name(char: str) -> tuple[str, str]:
    default = msg.SPACE_OTHER if unicodedata.category(char) == "Zs" else msg.INVISIBLE_OTHER
    return msg.INVISIBLE_NAMES.get(char, default), f"U+{ord(char):04X}"


def _invisible_key(shown: str, line: int, key: yaml.ScalarNode) -> Iterator[Problem]:
    char = _invisible(key.value)
    if not char:
        return
    what, code = _name(char)
    clean = "".join(c for c in key.value if not _is_invisible(c)).strip()
    nested = msg.INVISIBLE_IN_KEY_NESTED if _is_invisible(key.value[0]) else ""
    yield error(
        shown, line, msg.INVISIBLE_IN_KEY.format(shown=clean, what=what, code=code, nested=nested)
    )


def _template_left(doc: Document, lines: list[str], ready: bool) -> Iterator[Problem]:
    """The `kpu new` template's sample values (marked on their line) and its sample body."""
    make = error if ready else warning
    tail = msg.TEMPLATE_READY if ready else ""
    marked = MARKER in doc.front.text
    spans, values = _scalar_spans(doc.front.node) if marked else ([], {})
    for index, row in enumerate(lines if marked else ()):
        column = row.find(MARKER)
        if column < 0 or "#" not in row[:column]:
            continue
        if any(start <= (index, column) < end for start, end in spans):
            continue  # the marker's text inside a value, not the template's comment
        value = values.get(index)
        shown = msg.TEMPLATE_MARKER_VALUE.format(value=value) if value else ""
        text = msg.TEMPLATE_MARKER_LEFT.format(marker=MARKER, value=shown, ready=tail)
        yield make(doc.display, doc.front.first_line + index, text)
    for sentence in (*BODY_PLACEHOLDERS, docx_msg.BODY_PLACEHOLDER):
        at = doc.body.find(sentence)
        if at >= 0:
            line = doc.body_line + doc.body.count("\n", 0, at)
            text = msg.TEMPLATE_BODY_LEFT.format(sentence=sentence.rstrip("."), ready=tail)
            yield make(doc.display, line, text)
            return


def _scalar_spans(
    root: yaml.Node | None,
) -> tuple[list[tuple[tuple[int, int], tuple[int, int]]], dict[int, str]]:
    """Where each scalar's text lies, and the value written on each line (for the message)."""
    spans: list[tuple[tuple[int, int], tuple[int, int]]] = []
    values: dict[int, str] = {}
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            start, end = node.start_mark, node.end_mark
            spans.append(((start.line, start.column), (end.line, end.column)))
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
                if isinstance(value, yaml.ScalarNode) and value.value:
                    values[value.start_mark.line] = value.value
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
            for item in node.value:
                if isinstance(item, yaml.ScalarNode) and item.value:
                    values[item.start_mark.line] = item.value
    return spans, values
