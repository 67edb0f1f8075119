"""PyYAML's syntax errors said in Indonesian, on the line a person has to fix.

PyYAML reports where it got stuck, which is often a line after the mistake: a missing colon is
found when the next line starts, an unclosed quote when a later line closes it. Each common case
is reasoned back from the marks PyYAML gives and the text of the lines around them.
"""

from __future__ import annotations

import re

import yaml

from pipeline.messages import traps as msg

CURLY_OPEN = "“‘„‟"
CURLY_CLOSE = "”’“‟"
_KEY_LINE = re.compile(r"^\s*(?:-\s+)?[^\s#][^:]*:(?:\s|$)")
_ITEM_LINE = re.compile(r"^\s*-(?:\s|$)")


def explain(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, str] | None:
    """(line index in `text`, Indonesian problem) for the common mistakes, else None."""
    lines = text.split("\n")
    problem = exc.problem or ""
    at, context = exc.problem_mark, exc.context_mark
    if at is None or not 0 <= at.line < len(lines):
        return None
    if context is not None and not 0 <= context.line < len(lines):
        context = None
    if problem == "could not find expected ':'" and context is not None:
        above = _line_above(lines, context.line)
        indented = lines[context.line][:1].isspace()
        if indented and above is not None and _ITEM_LINE.match(lines[above]):
            return context.line, msg.YAML_LIST_ITEM
        return context.line, msg.YAML_NO_COLON
    if problem.startswith("mapping values are not allowed"):
        return _mapping_value(lines, at.line, at.column)
    if problem == "found character that cannot start any token":
        char = lines[at.line][at.column : at.column + 1]
        if char == "\t" or "\t" in lines[at.line][: at.column + 1]:
            return at.line, msg.YAML_TAB
        return at.line, msg.YAML_BAD_START.format(char=char)
    if problem == "found unexpected end of stream" and context is not None:
        quote = lines[context.line][context.column : context.column + 1]
        return context.line, _not_closed(quote)
    if problem == "did not find expected key":
        return _expected_key(lines, at.line, context.line if context else 0)
    if problem == "did not find expected ',' or ']'" and context is not None:
        return context.line, msg.YAML_LIST_NOT_CLOSED
    if problem == "did not find expected ',' or '}'" and context is not None:
        return context.line, msg.YAML_MAP_NOT_CLOSED
    if problem == "did not find expected '-' indicator":
        return at.line, msg.YAML_LIST_ITEM
    if problem.startswith("found unknown escape character") or problem.startswith(
        "did not find expected hexdecimal number"
    ):
        return at.line, msg.YAML_ESCAPE
    if problem == "found a tab character that violates indentation":
        return at.line, msg.YAML_TAB
    if problem in _INDICATOR_PROBLEMS and context is not None:
        return context.line, _special(lines[context.line][context.column : context.column + 1])
    if problem in ("did not find expected node content", "found undefined alias"):
        return at.line, _special(lines[at.line][at.column : at.column + 1])
    if problem == "found unexpected ':'":
        return at.line, msg.YAML_COLON_IN_BRACKETS
    if problem == "block sequence entries are not allowed in this context":
        return at.line, msg.YAML_DASH_PLACE
    return None


# A value starting with & (anchor), * (alias), ! (tag), % (directive), | or > (block text).
_INDICATOR_PROBLEMS = frozenset(
    {
        "did not find expected alphabetic or numeric character",
        "did not find expected whitespace or line break",
        "found unexpected non-alphabetical character",
        "could not find expected directive name",
        "found an indentation indicator equal to 0",
        "did not find expected comment or line break",
    }
)


def _special(char: str) -> str:
    if char.strip():
        return msg.YAML_BAD_START.format(char=char)
    return msg.YAML_SPECIAL


def _mapping_value(lines: list[str], index: int, column: int) -> tuple[int, str]:
    """`: ` where YAML cannot start a key: inside a value on this line, or this line is a key
    that the line above did not let start (its colon is missing, or this line is indented)."""
    line = lines[index]
    head = line[:column]
    if ": " in head:
        key, _, value = line.partition(": ")
        key, value = key.strip(), value.strip()
        if value[:1] in CURLY_OPEN:
            inner = value[1:-1] if value[-1:] in CURLY_CLOSE else value[1:]
            return index, msg.YAML_COLON_IN_CURLY.format(key=key, value=_quoted(inner))
        return index, msg.YAML_COLON_IN_VALUE.format(key=key, value=_quoted(value))
    above = _line_above(lines, index)
    if above is None or _KEY_LINE.match(lines[above]) or _ITEM_LINE.match(lines[above]):
        return index, msg.YAML_INDENT
    if re.search(r":\S", lines[above]):
        return above, msg.YAML_NO_SPACE_AFTER_COLON
    return above, msg.YAML_NO_COLON


def _expected_key(lines: list[str], index: int, start: int) -> tuple[int, str]:
    """A line that is no key: an earlier quote still open, text after a closing quote, or an
    indentation that matches no key above."""
    for i in range(index, max(start, 0) - 1, -1):
        quote = _open_quote(lines[i])
        if quote:
            return i, _not_closed(quote)
    if _text_after_quote(lines[index]):
        return index, msg.YAML_TEXT_AFTER_QUOTE
    return index, msg.YAML_INDENT


def _value_of(line: str) -> str:
    """The text after `key: ` or `- `, without leading spaces."""
    stripped = line.strip()
    if stripped.startswith("- "):
        return stripped[2:].lstrip()
    _, colon, value = stripped.partition(": ")
    return value.lstrip() if colon else ""


def _open_quote(line: str) -> str:
    """The quote that opens this line's value and is not closed on it, or ""."""
    value = _value_of(line)
    if value.startswith('"'):
        return "" if re.match(r'"(?:[^"\\]|\\.)*"', value) else '"'
    if value.startswith("'"):
        return "" if re.match(r"'(?:[^']|'')*'", value) else "'"
    return ""


def _text_after_quote(line: str) -> bool:
    value = _value_of(line)
    found = re.match(r'"(?:[^"\\]|\\.)*"|\'(?:[^\']|\'\')*\'', value)
    if not found:
        return False
    rest = value[found.end() :].strip()
    return bool(rest) and not rest.startswith("#")


def _not_closed(quote: str) -> str:
    kind = msg.QUOTE_SINGLE if quote == "'" else msg.QUOTE_DOUBLE
    return msg.YAML_QUOTE_NOT_CLOSED.format(kind=kind, quote=quote if quote == "'" else '"')


def _line_above(lines: list[str], index: int) -> int | None:
    for i in range(index - 1, -1, -1):
        stripped = lines[i].strip()
        if stripped and not stripped.startswith("#"):
            return i
    return None


def _quoted(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')
