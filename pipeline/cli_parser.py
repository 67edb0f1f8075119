"""The `kpu` argument parser in Indonesian: argparse's own strings through a gettext catalog.

argparse looks up every string it prints with its module-level `_` and `ngettext` (bound to
`gettext.gettext` and `gettext.ngettext`); `install()` binds them to `Catalog`, a
`gettext.NullTranslations` whose messages are pipeline/messages/cli.py's. `Parser` adds what
argparse lacks before 3.14: a "maksud Anda" suggestion for a mistyped choice (`kpu chek`).
"""

from __future__ import annotations

import argparse
import difflib
import gettext
import textwrap
from typing import Any

from pipeline.messages import cli as msg


class Catalog(gettext.NullTranslations):
    """argparse's msgids -> Indonesian; an unknown msgid stays as it is (tests list them all)."""

    def gettext(self, message: str) -> str:
        return msg.ARGPARSE.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        message = msgid1 if n == 1 else msgid2
        return msg.ARGPARSE.get(message, message)


CATALOG = Catalog()


def install() -> None:
    """Make argparse speak Indonesian in this process (idempotent)."""
    argparse._ = CATALOG.gettext  # type: ignore[attr-defined]
    argparse.ngettext = CATALOG.ngettext  # type: ignore[attr-defined]


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose description is wrapped once and whose epilog (CONTOH) is kept
    as written, and whose wrong choices get the closest valid one suggested."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        description = kwargs.get("description")
        if description and "\n" not in description:
            kwargs["description"] = textwrap.fill(description, 78)
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(*args, **kwargs)

    def _get_value(self, action: argparse.Action, arg_string: str) -> Any:
        kinds = {int: msg.KIND_INT, float: msg.KIND_FLOAT}
        try:
            return super()._get_value(action, arg_string)  # type: ignore[misc]
        except argparse.ArgumentError:
            if action.type not in kinds:
                raise
            text = msg.INVALID_VALUE.format(kind=kinds[action.type], value=arg_string)
            raise argparse.ArgumentError(action, text) from None

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        choices = action.choices
        if choices is not None and isinstance(value, str) and value not in choices:
            names = [str(choice) for choice in choices]
            close = difflib.get_close_matches(value, names, 1)
            text = (
                msg.INVALID_CHOICE_SUGGEST.format(
                    value=value, closest=close[0], choices=", ".join(names)
                )
                if close
                else msg.INVALID_CHOICE.format(value=value, choices=", ".join(names))
            )
            raise argparse.ArgumentError(action, text)
        super()._check_value(action, value)


def examples_epilog(lines: list[str], tail: str = "") -> str:
    """The CONTOH section of a command's --help: one example command a line."""
    body = "\n".join(f"  {line}" for line in lines)
    return f"{msg.EXAMPLES}\n{body}" + (f"\n\n{tail}" if tail else "")
