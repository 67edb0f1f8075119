"""Draft text made inert in GitHub Markdown (the PR comment, the job summary).

A value from a draft must show as the characters it is: never a heading, a link, an image, HTML,
an @-mention that pings someone, an issue reference, an emoji shortcode or math. Two forms:
`code()` for a value shown on its own (a file name, a stage key), `text()` for a sentence that
carries values inside it (a problem message). Both keep the text on one line, so no value can
start a block of its own.
"""

from __future__ import annotations

import re
import unicodedata

ZWSP = "\u200b"
ZWJ = "\u200d"  # joins emoji: kept
"""Put inside a token GitHub would act on (`@name`, `#12`, `https://`, `:tada:`) to break it."""
_MARKUP = frozenset("\\`*_[]()<>&!~|{}$^")
"""CommonMark lets any ASCII punctuation be escaped; these are the ones that act mid-line."""
_BREAKERS = (
    (re.compile(r"@"), "@" + ZWSP),  # mentions, team mentions, email autolinks
    (re.compile(r"#(?=\d)"), "#" + ZWSP),  # issue and pull request references
    (re.compile(r"(?<=\w):(?=//)"), ":" + ZWSP),  # autolinked URLs
    (re.compile(r"(?i)\bwww\."), "www" + ZWSP + "."),
    (re.compile(r":(?=[\w+-])"), ":" + ZWSP),  # emoji shortcodes such as :white_check_mark:
)
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x85\v\f]+")


def _visible(value: str) -> str:
    """One line, and no invisible control or bidi character that could reorder what is shown."""
    value = _LINE_BREAKS.sub(" ", value)
    return "".join(
        f"[U+{ord(c):04X}]"
        if unicodedata.category(c) in ("Cc", "Cf") and c not in (ZWSP, ZWJ)
        else c
        for c in value
    )


def text(value: str) -> str:
    """A sentence shown as plain text: every Markdown and HTML character escaped."""
    value = _visible(value)
    for pattern, replacement in _BREAKERS:
        value = pattern.sub(replacement, value)
    return "".join("\\" + c if c in _MARKUP else c for c in value)


def code(value: str) -> str:
    """A value as an inline code span whose fence no backtick in the value can close."""
    value = _visible(value)
    longest = max((len(run) for run in re.findall(r"`+", value)), default=0)
    fence = "`" * (longest + 1)
    if not value.strip(" "):
        value = value or " "
    elif value[0] in "` " or value[-1] in "` ":
        value = f" {value} "
    return f"{fence}{value}{fence}"


def block(value: str, info: str = "text") -> str:
    """A multi-line value as a fenced code block that no line of it can close (a tilde fence
    longer than any tilde run in it); invisible control and bidi characters shown as codes."""
    lines = [_visible(line) for line in value.replace("\r\n", "\n").split("\n")]
    body = "\n".join(lines)
    longest = max((len(run) for run in re.findall(r"~+", body)), default=0)
    fence = "~" * max(4, longest + 1)
    return f"{fence}{info}\n{body}\n{fence}"
