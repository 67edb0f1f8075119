"""One scrubber for every credential, applied wherever text leaves the process.

Servers echo what they receive: the URL percent-encoded, the Authorization header in a reason
phrase, a JSON body with escaped slashes, a message cut short. So a secret is looked for in the
text as it would read once decoded (percent-encoding, JSON and HTML escapes undone), as base64 at
each of its three alignments (a Basic header is base64 of `user:password`), and piece by piece:
any run of FRAGMENT characters of a secret is removed, so a truncated echo leaks nothing either.
"""

from __future__ import annotations

import base64
import os
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from pipeline.core.credentials import secret_names

MASK = "***"
FRAGMENT = 6
"""A run of this many characters of a secret is a leak; shorter runs are everyday text."""
MIN_SECRET = 6
"""A secret shorter than this would mask ordinary words; such a value is no credential."""
MIN_GUESSED = 8
"""Variables that are secret by name only (`*_TOKEN`) count from this length, so that a flag
such as `SKIP_KEY=true` never turns every `true` in the ledger into ***."""

GITHUB_SECRETS = ("GITHUB_TOKEN", "ACTIONS_RUNTIME_TOKEN", "ACTIONS_ID_TOKEN_REQUEST_TOKEN")
_SECRET_NAME = re.compile(r"TOKEN|SECRET|KEY|PASSWORD|PASSWD|CREDENTIAL", re.IGNORECASE)
_ESCAPE = re.compile(
    r"%(?:25)*(?P<pct>[0-9A-Fa-f]{2})"
    r"|\\u(?P<uni>[0-9A-Fa-f]{4})"
    r"|\\(?P<json>[\\/\"])"
    r"|&#(?P<dec>\d{1,7});"
    r"|&#[xX](?P<hex>[0-9A-Fa-f]{1,6});"
)
_PATTERNS = (
    (re.compile(r"bot\d+:[\w-]+"), MASK),  # Telegram Bot API: the token is part of the URL path
    (
        re.compile(
            r"\b(access_token|oauth_token|oauth_signature|oauth_consumer_key)=[^&\s\"',]+", re.I
        ),
        r"\1=" + MASK,
    ),
    (re.compile(r"\b(Bearer|OAuth|Basic)\s+[\w.~+/=-]{8,}", re.I), r"\1 " + MASK),
)


class Scrubber:
    """Removes the given secrets, in every encoding and every fragment, from text and data."""

    def __init__(self, secrets: Iterable[str]) -> None:
        values = sorted({s for s in secrets if len(s) >= MIN_SECRET}, key=len, reverse=True)
        self.secrets = tuple(values)
        forms = list(values)
        for value in values:
            forms.extend(_base64_cores(value.encode("utf-8")))
        self._grams: dict[int, frozenset[str]] = {}
        for form in forms:
            size = min(FRAGMENT, len(form))
            grams = {form[i : i + size] for i in range(len(form) - size + 1)}
            self._grams[size] = self._grams.get(size, frozenset()) | grams

    def __bool__(self) -> bool:
        return bool(self.secrets)

    def __call__(self, text: str) -> str:
        """`text` with every secret, encoded or cut short, and every token-looking part masked."""
        if self.secrets and text:
            text = self._mask(text)
        for pattern, replacement in _PATTERNS:
            text = pattern.sub(replacement, text)
        return text

    def data(self, value: Any) -> Any:
        """A copy of JSON-like data with every string scrubbed (keys too), structure unchanged."""
        if isinstance(value, str):
            return self(value)
        if isinstance(value, dict):
            return {self.data(k): self.data(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [self.data(v) for v in value]
        return value

    def _mask(self, text: str) -> str:
        chars, starts, ends = _decoded(text)
        decoded = "".join(chars)
        spans: list[tuple[int, int]] = []
        for size, grams in self._grams.items():
            for i in range(len(decoded) - size + 1):
                if decoded[i : i + size] in grams:
                    spans.append((starts[i], ends[i + size - 1]))
        if not spans:
            return text
        out, last = [], 0
        for start, end in _merged(spans):
            out += [text[last:start], MASK]
            last = end
        out.append(text[last:])
        return "".join(out)


def _decoded(text: str) -> tuple[list[str], list[int], list[int]]:
    """The text as a reader would decode it, each character with its span in the original."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for match in _ESCAPE.finditer(text):
        for i in range(pos, match.start()):
            chars.append(text[i])
            starts.append(i)
            ends.append(i + 1)
        code = _code_point(match)
        chars.append(chr(code) if code <= 0x10FFFF else "\ufffd")
        starts.append(match.start())
        ends.append(match.end())
        pos = match.end()
    for i in range(pos, len(text)):
        chars.append(text[i])
        starts.append(i)
        ends.append(i + 1)
    return chars, starts, ends


def _code_point(match: re.Match[str]) -> int:
    if match["pct"] is not None:
        return int(match["pct"], 16)
    if match["uni"] is not None:
        return int(match["uni"], 16)
    if match["json"] is not None:
        return ord(match["json"])
    if match["dec"] is not None:
        return int(match["dec"])
    return int(match["hex"], 16)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _base64_cores(secret: bytes) -> list[str]:
    """The base64 characters that depend on `secret` alone, wherever it sits in the encoded
    bytes (three alignments), in the standard and the URL-safe alphabet."""
    cores = []
    for pad in range(3):
        encoded = base64.b64encode(b"\0" * pad + secret).decode("ascii")
        first = -(-8 * pad // 6)
        last = 8 * (pad + len(secret)) // 6
        core = encoded[first:last]
        if len(core) >= FRAGMENT:
            cores += [core, core.replace("+", "-").replace("/", "_")]
    return cores


def secret_values(environ: Mapping[str, str]) -> set[str]:
    """Every credential in the environment: channel secrets, GitHub tokens, and any variable
    named like a secret."""
    declared = secret_names() | set(GITHUB_SECRETS)
    values = set()
    for name, value in environ.items():
        value = value.strip()
        least = MIN_SECRET if name in declared else MIN_GUESSED
        if (name in declared or _SECRET_NAME.search(name)) and len(value) >= least:
            values.add(value)
    return values


@lru_cache(maxsize=8)
def _cached(secrets: frozenset[str]) -> Scrubber:
    return Scrubber(secrets)


def from_env(environ: Mapping[str, str] | None = None, extra: Iterable[str] = ()) -> Scrubber:
    """The scrubber for the current environment (built once per set of secrets)."""
    found = secret_values(os.environ if environ is None else environ)
    return _cached(frozenset(found | set(extra)))


def scrub(text: str, environ: Mapping[str, str] | None = None, extra: Iterable[str] = ()) -> str:
    """`text` without any credential of the environment."""
    return from_env(environ, extra)(text)
