"""The `kpu` command line: parses arguments and prints; every rule lives in pipeline modules.

Exit codes: 0 success; 1 the work failed (validation errors, a failed build or post);
2 wrong usage or invalid configuration (kpu.yml, data/*.yml).
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from pipeline import __version__, console
from pipeline import cli_parser as cp
from pipeline.commands import (
    approvals,
    build,
    bundle,
    check,
    cms,
    codeowners,
    comment,
    doctor,
    init,
    intake,
    linkcheck,
    new,
    promote,
    publish,
    record,
    report,
    retract,
    verify,
)
from pipeline.errors import ConfigError, PipelineError
from pipeline.messages import cli as msg
from pipeline.os_errors import describe_os_error
from pipeline.output import safe_streams

COMMANDS = [
    new,
    check,
    build,
    approvals,
    promote,
    verify,
    record,
    comment,
    publish,
    retract,
    bundle,
    linkcheck,
    report,
    init,
    codeowners,
    doctor,
    cms,
    intake,
]

EPILOG = """Kode keluar: 0 berhasil; 1 pekerjaan gagal (ada kesalahan isi, situs gagal dibangun,
kiriman gagal); 2 perintah salah tulis atau konfigurasi (kpu.yml, data/*.yml) tidak sah."""


def build_parser() -> argparse.ArgumentParser:
    cp.install()
    parser = cp.Parser(
        prog="kpu",
        description="Alur publikasi informasi hukum KPU: draf -> telaah -> situs dan media sosial.",
        epilog=cp.examples_epilog(msg.TOP_EXAMPLES, EPILOG),
    )
    parser.add_argument(
        "--version", action="version", version=f"kpu {__version__}", help=msg.VERSION_HELP
    )
    _add_loudness(parser, argparse.SUPPRESS)
    parser.add_argument(
        "--root",
        type=Path,
        default=Path("."),
        metavar="FOLDER",
        help="akar repositori (bawaan: folder saat ini)",
    )
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH", required=True)
    for module in COMMANDS:
        module.add_parser(sub)
    for name, command in sub.choices.items():
        command.epilog = cp.examples_epilog(msg.EXAMPLES_BY_COMMAND[name])
        _add_loudness(command, argparse.SUPPRESS)
    return parser


def _add_loudness(parser: argparse.ArgumentParser, default: object) -> None:
    """-q/-v, accepted before or after the command; SUPPRESS keeps one given earlier."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument("-q", "--quiet", action="store_true", default=default, help=msg.QUIET_HELP)
    group.add_argument(
        "-v", "--verbose", action="store_true", default=default, help=msg.VERBOSE_HELP
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; whatever it prints is scrubbed of secrets and of workflow commands."""
    with safe_streams():
        try:
            return _main(argv)
        except Exception:  # a bug: its traceback still goes through the scrubbing stream
            traceback.print_exc()
            return 1


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    console.configure(getattr(args, "quiet", False), getattr(args, "verbose", False))
    try:
        return int(args.run(args))
    except ConfigError as exc:
        for problem in exc.problems:
            print(problem.format_text(), file=sys.stderr)
        return 2
    except PipelineError as exc:
        print(f"kpu: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader went away (`kpu check --json | head`): nothing to say
        return 1
    except OSError as exc:  # a file the user named is missing, unreadable, or the disk is full
        print(f"kpu: {msg.ERROR_WORD}: {describe_os_error(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
