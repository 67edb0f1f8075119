"""A failed `mkdocs build` told in Indonesian: one line per problem, then the engine's own log.

MkDocs writes English (`WARNING -  Doc file 'x.md' contains a link ...`); the lines we know are
said again in Indonesian with the content/ path to fix, any other line is counted and pointed
to. The log itself stays below, without colour codes (it is captured, never a terminal).
"""

from __future__ import annotations

import re

import click

from pipeline.core import os_errors
from pipeline.messages import build as msg

_LEVEL = re.compile(r"^(WARNING|ERROR)\s+-\s+(.*)$")
# the last line of a Python traceback from an OS error: "FileNotFoundError: [Errno 2] ...: '/x'"
_OS_ERROR = re.compile(r"^\w+Error: \[Errno (?P<code>\d+)\] [^']*?(?:: '(?P<path>[^']*)')?$")
_KNOWN = [
    (
        re.compile(
            r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but the target"
            r"(?: '(?P<target>[^']+)')? is not found among documentation files\."
        ),
        msg.LINK_MISSING,
    ),
    (
        re.compile(
            r"Doc file '(?P<page>[^']+)' contains an unrecognized relative link '(?P<link>[^']+)'"
        ),
        msg.LINK_UNRECOGNISED,
    ),
    (
        re.compile(r"Doc file '(?P<page>[^']+)' contains an absolute link '(?P<link>[^']+)'"),
        msg.LINK_ABSOLUTE,
    ),
    (
        re.compile(
            r"Doc file '(?P<page>[^']+)' contains a link to '(?P<link>[^']+)' which is excluded"
        ),
        msg.LINK_EXCLUDED,
    ),
]


def plain(log: str) -> str:
    """The log without ANSI colour codes and without blank lines."""
    return "\n".join(line for line in click.unstyle(log).splitlines() if line.strip())


def problems(log: str) -> list[str]:
    """Each WARNING/ERROR line of the log, in Indonesian where we know its form."""
    found = []
    for line in plain(log).splitlines():
        crash = _OS_ERROR.match(line.strip())
        if crash is not None:
            words = os_errors.reason_for(int(crash["code"]))
            found.append(msg.OS_ERROR.format(reason=words, path=crash["path"] or "-"))
            continue
        level = _LEVEL.match(line.strip())
        if level is None:
            continue
        text = level[2].strip()
        for pattern, template in _KNOWN:
            match = pattern.search(text)
            if match:
                fields = match.groupdict()
                fields["target"] = fields.get("target") or fields["link"]
                found.append(template.format(**fields))
                break
        else:
            found.append(msg.OTHER_ERROR if level[1] == "ERROR" else msg.OTHER_WARNING)
    return found


def summary(log: str) -> str:
    """What `kpu build` says when mkdocs failed: the problems, the fix, then the log."""
    found = problems(log)
    lines = [msg.FAILED.format(count=len(found)) if found else msg.FAILED_UNKNOWN]
    lines += [f"- {line}" for line in found]
    lines += [msg.FIX if found else msg.FIX_UNKNOWN, "", msg.LOG_HEADER, plain(log)]
    return "\n".join(lines)
