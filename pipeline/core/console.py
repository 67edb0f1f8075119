"""How loud the CLI is (--quiet/--verbose), whether it may colour, and its progress line.

Colour only on a terminal and never when NO_COLOR is set to a non-empty value
(https://no-color.org); the progress line goes to stderr, only on a terminal or with --verbose,
so a workflow log and a pipe stay plain.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import TextIO

QUIET, NORMAL, VERBOSE = 0, 1, 2

RED, YELLOW, _RESET = "\033[31m", "\033[33m", "\033[0m"


@dataclass
class Settings:
    level: int = NORMAL


SETTINGS = Settings()


def configure(quiet: bool = False, verbose: bool = False) -> None:
    SETTINGS.level = QUIET if quiet else VERBOSE if verbose else NORMAL


def quiet() -> bool:
    return SETTINGS.level == QUIET


def verbose() -> bool:
    return SETTINGS.level == VERBOSE


def info(text: str) -> None:
    """A summary or success line on stdout; --quiet leaves it out."""
    if not quiet():
        print(text)


def detail(text: str) -> None:
    """A detail line on stderr, shown only with --verbose."""
    if verbose():
        print(text, file=sys.stderr)


def colour(stream: TextIO | None = None) -> bool:
    stream = sys.stdout if stream is None else stream
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def paint(text: str, code: str) -> str:
    """`text` in an ANSI colour; callers decide with `colour()` whether the stream may show it."""
    return f"{code}{text}{_RESET}"


class Progress:
    """`label 3/40` redrawn in place on a terminal; with --verbose and no terminal, a plain
    line at every tenth of the work. Otherwise silent. Call it as `progress(done, total)`."""

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.label = label
        self.stream = sys.stderr if stream is None else stream
        isatty = getattr(self.stream, "isatty", None)
        self.tty = bool(isatty and isatty())
        self.shown = (self.tty or verbose()) and not quiet()
        self._last_tenth = -1

    def __call__(self, done: int, total: int) -> None:
        if not self.shown:
            return
        line = f"{self.label} {done}/{total}"
        if self.tty:
            self.stream.write(f"\r{line}")
            self.stream.flush()
            return
        tenth = done * 10 // max(total, 1)
        if tenth != self._last_tenth:
            self._last_tenth = tenth
            print(line, file=self.stream)

    def note(self, text: str) -> None:
        """A line of its own (the next stage of the work), under the same conditions."""
        if not self.shown:
            return
        if self.tty:
            self.stream.write("\r\033[K")
        print(text, file=self.stream, flush=True)
        self._last_tenth = -1

    def close(self) -> None:
        """Clear the redrawn line, so that what follows starts at the left edge."""
        if self.shown and self.tty:
            self.stream.write("\r\033[K")
            self.stream.flush()
