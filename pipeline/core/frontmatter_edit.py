"""Edit top-level keys of a Markdown file's YAML front matter as text, keeping everything else.

Staff write comments and their own layout into drafts; re-dumping the YAML would lose them.
These functions replace, insert or remove one key's lines and leave every other byte alone.
"""

from __future__ import annotations

import re

import yaml

from pipeline.core.read import load_yaml

_BOUNDARY = re.compile(r"^-{3,}\s*$")


class EditError(ValueError):
    """The text has no front matter block these functions can edit."""


def _split(text: str) -> tuple[list[str], int]:
    """The file's lines and the index of the closing `---` line."""
    lines = text.splitlines(keepends=True)
    if not lines or not _BOUNDARY.match(lines[0]):
        raise EditError("no front matter")
    for index in range(1, len(lines)):
        if _BOUNDARY.match(lines[index]):
            return lines, index
    raise EditError("front matter is not closed")


def front_text(text: str) -> str:
    """The YAML between the `---` lines."""
    lines, close = _split(text)
    return "".join(lines[1:close])


def _spans(lines: list[str], close: int) -> dict[str, tuple[int, int]]:
    """Top-level key -> (first line, last line) as indexes into `lines`, inclusive."""
    doc = load_yaml("".join(lines[1:close]), "front matter")
    if not isinstance(doc.node, yaml.MappingNode):
        raise EditError("front matter is not a mapping")
    return {
        str(key.value): (1 + key.start_mark.line, 1 + _last_line(value))
        for key, value in doc.node.value
    }


def _last_line(node: yaml.Node) -> int:
    """The last line holding part of `node` (block collections end where the next token starts)."""
    if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False):
        end = node.end_mark
        return end.line - 1 if end.column == 0 and end.line > node.start_mark.line else end.line
    children: list[yaml.Node] = []
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            children.extend((key, value))
    elif isinstance(node, yaml.SequenceNode):
        children = list(node.value)
    return max((_last_line(child) for child in children), default=node.start_mark.line)


def render(key: str, value: object) -> str:
    """`key: value` as block YAML, ending in a newline."""
    return yaml.safe_dump(
        {key: value}, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000
    )


def set_key(text: str, key: str, block: str, after: tuple[str, ...] = ()) -> str:
    """Put `block` (complete `key: ...` lines) in place of `key`, or insert it.

    A new key goes after the first of `after` that exists, else at the end of the front matter.
    """
    lines, close = _split(text)
    spans = _spans(lines, close)
    block = block if block.endswith("\n") else block + "\n"
    if key in spans:
        first, last = spans[key]
        lines[first : last + 1] = [block]
    else:
        anchor = next((spans[k][1] + 1 for k in after if k in spans), close)
        lines[anchor:anchor] = [block]
    return "".join(lines)


def remove_key(text: str, key: str) -> str:
    lines, close = _split(text)
    spans = _spans(lines, close)
    if key not in spans:
        return text
    first, last = spans[key]
    del lines[first : last + 1]
    return "".join(lines)
