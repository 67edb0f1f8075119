"""Problems found while checking: collected, never raised, printed together at the end."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from pipeline.core import console
from pipeline.core.output import escape_data, escape_property, one_line
from pipeline.messages import cli as msg


class Level(StrEnum):
    """The value is GitHub's workflow-command keyword; `word` is what staff read."""

    ERROR = "error"
    WARNING = "warning"
    NOTICE = "notice"  # kpu check only (Result.notes): what it understood, nothing to fix

    @property
    def word(self) -> str:
        words = {Level.ERROR: msg.ERROR_WORD, Level.WARNING: msg.WARNING_WORD}
        return words.get(self, msg.NOTICE_WORD)


@dataclass(frozen=True, order=True)
class Problem:
    """One finding about one file: where it is, how bad it is, and what to do (Indonesian)."""

    path: str
    line: int | None
    level: Level
    message: str

    def format_text(self, colour: bool = False) -> str:
        """`path:line: kesalahan: message`; in red/yellow when `colour` (a terminal)."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        word = self.level.word
        if colour and self.level is not Level.NOTICE:
            word = console.paint(word, console.RED if self.level is Level.ERROR else console.YELLOW)
        return f"{where}: {word}: {one_line(self.message)}"

    def format_github(self) -> str:
        # GitHub workflow commands: data must escape %, CR and LF; properties also , and :
        props = f"file={escape_property(self.path)}"
        if self.line:
            props += f",line={self.line}"
        return f"::{self.level.value} {props}::{escape_data(self.message)}"


def error(path: str | Path, line: int | None, message: str) -> Problem:
    return Problem(str(path), line, Level.ERROR, message)


def warning(path: str | Path, line: int | None, message: str) -> Problem:
    return Problem(str(path), line, Level.WARNING, message)


def notice(path: str | Path, line: int | None, message: str) -> Problem:
    return Problem(str(path), line, Level.NOTICE, message)


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.level is Level.ERROR for p in problems)
