"""Reject active content in a Markdown body: script/iframe tags, on*= handlers, javascript: links."""

from __future__ import annotations

import re

# One combined pattern keeps the common (clean) case to a single scan of the body.
_UNSAFE = re.compile(
    r"(?P<script><\s*script\b)"
    r"|(?P<iframe><\s*iframe\b)"
    r"|(?P<event><[a-z][^>]*?\son[a-z]+\s*=)"
    r"|(?P<javascript>(?:\]\(|href\s*=\s*[\"']?|src\s*=\s*[\"']?|<)\s*javascript\s*:)",
    re.IGNORECASE | re.DOTALL,
)


def find_unsafe(body: str) -> list[tuple[int, str]]:
    """Return (0-based line within body, kind) for every unsafe construct."""
    found = []
    for match in _UNSAFE.finditer(body):
        kind = match.lastgroup or "script"
        found.append((body.count("\n", 0, match.start()), kind))
    return found
