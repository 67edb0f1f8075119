"""What the CLI prints, made safe for a workflow log: no credential, no command from a draft.

GitHub Actions reads every line of a step's output as a possible workflow command (`::error`,
`::add-mask::`, `::stop-commands::`, and the older `##[...]`), after leading spaces, and a line
ends at LF, CR or CRLF. Draft text reaches the log inside messages (a title, a stage key), so
every line the CLI writes goes through `neutralise`; only `command()` writes a real one, with
its data escaped by GitHub's rules (%, CR, LF; in properties also `:` and `,`).
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import TextIO

from pipeline.core import redact

_LINE_BREAK = re.compile(r"(\r\n|\r|\n)")
_COMMAND_START = re.compile(r"^(\s*)(::|##\[)")
SHOWN_AS = "» "
"""Put before a line that would read as a workflow command; it then reads as plain text."""


def neutralise(text: str) -> str:
    """`text` in which no line can start a workflow command."""
    parts = _LINE_BREAK.split(text)
    for i in range(0, len(parts), 2):
        parts[i] = _COMMAND_START.sub(lambda m: m[1] + SHOWN_AS + m[2], parts[i])
    return "".join(parts)


def escape_data(value: str) -> str:
    """A workflow command's message: GitHub unescapes %25, %0D and %0A, and nothing else."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def one_line(text: str) -> str:
    """Untrusted text inside a one-line message: its line breaks shown, never obeyed."""
    return _LINE_BREAK.sub(lambda m: "\\r\\n" if m[0] == "\r\n" else repr(m[0])[1:-1], text)


class SafeStream(io.TextIOBase):
    """A text stream that scrubs secrets and neutralises workflow commands, line by line.

    Whole lines are processed so that a secret or a `::` split over several writes is still
    seen; a partial line goes out on flush.
    """

    def __init__(self, raw: TextIO, scrub: Callable[[str], str]) -> None:
        super().__init__()
        self.raw = raw
        self._scrub = scrub
        self._pending = ""
        self._at_line_start = True

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.raw, "encoding", "utf-8") or "utf-8"

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self.raw.isatty()

    def fileno(self) -> int:
        return self.raw.fileno()

    def write(self, text: str) -> int:
        self._pending += text
        cut = max(self._pending.rfind("\n"), self._pending.rfind("\r"))
        if cut >= 0:
            done, self._pending = self._pending[: cut + 1], self._pending[cut + 1 :]
            self._emit(done)
        return len(text)

    def command(self, line: str) -> None:
        """A real workflow command, built by the caller with `escape_data`/`escape_property`."""
        self.flush()
        if not self._at_line_start:
            self.raw.write("\n")
        self.raw.write(self._scrub(line).rstrip("\r\n") + "\n")
        self._at_line_start = True

    def flush(self) -> None:
        if self._pending:
            done, self._pending = self._pending, ""
            self._emit(done)
        self.raw.flush()

    def _emit(self, text: str) -> None:
        text = self._scrub(text)
        safe = neutralise(text) if self._at_line_start else _neutralise_after_first(text)
        self.raw.write(safe)
        self._at_line_start = text.endswith(("\n", "\r"))


def _neutralise_after_first(text: str) -> str:
    """The first line continues one already started, so only later lines can start a command."""
    match = _LINE_BREAK.search(text)
    if match is None:
        return text
    return text[: match.end()] + neutralise(text[match.end() :])


def command(line: str) -> None:
    """Write one real workflow command to stdout (bypassing the neutraliser, still scrubbed)."""
    stream = sys.stdout
    if isinstance(stream, SafeStream):
        stream.command(line)
    else:
        print(redact.scrub(line), flush=True)


@contextmanager
def safe_streams() -> Iterator[None]:
    """Within the block, stdout and stderr are SafeStreams scrubbing this environment's secrets."""
    scrubber = redact.from_env()
    saved = sys.stdout, sys.stderr
    sys.stdout = SafeStream(saved[0], scrubber)
    sys.stderr = SafeStream(saved[1], scrubber)
    try:
        yield
    finally:
        for stream in (sys.stdout, sys.stderr):
            with suppress(OSError, ValueError):
                stream.flush()
        sys.stdout, sys.stderr = saved
