"""The `kpu` command line: parses arguments and prints; every rule lives in pipeline modules.

Exit codes: 0 success; 1 the work failed (validation errors, a failed build or post);
2 wrong usage or invalid configuration (kpu.yml, data/*.yml).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from pipeline import __version__
from pipeline import cli_parser as cp
from pipeline.core import console
from pipeline.core.errors import ConfigError, PipelineError
from pipeline.core.os_errors import describe_os_error
from pipeline.core.output import safe_streams
from pipeline.messages import cli as msg

# Every command, in the order `kpu --help` lists them, with its one-line help. A command's module
# (pipeline/commands/<name>.py) is imported only when that command runs (or for the full parser),
# so that `kpu --help` and `kpu check` do not pay for the libraries of the other commands.
COMMAND_HELP: dict[str, str] = {
    "new": "buat draf publikasi baru",
    "check": "periksa draf dan publikasi",
    "build": "bangun situs",
    "approvals": "periksa persetujuan pull request",
    "promote": "terbitkan draf yang sudah disetujui",
    "verify": "periksa catatan persetujuan setiap publikasi",
    "record": "commit arsip publikasi",
    "comment": "tulis komentar ringkasan di pull request",
    "publish": "kirim publikasi ke media sosial",
    "retract": "siapkan penarikan publikasi (pull request)",
    "bundle": "buat dokumentasi offline (zip)",
    "linkcheck": "periksa semua tautan Arsip Link Aktif",
    "report": "laporan waktu setiap langkah SOP",
    "init": "siapkan repositori untuk kantor baru",
    "codeowners": "buat .github/CODEOWNERS dari roles di kpu.yml",
    "doctor": "periksa kesiapan repositori untuk menerbitkan",
    "cms": "editor web /admin/ (Decap CMS)",
    "intake": "permintaan publikasi (issue Nota Dinas) menjadi draf dan pull request",
}


def command_module(name: str) -> ModuleType:
    """The command's module, imported with the cyclic garbage collector paused: an import makes
    thousands of objects (functions, classes, pydantic's schemas) and none of them is garbage,
    yet every collection on the way rescans them all (about 5 % of `kpu check`'s start-up)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return importlib.import_module(f"pipeline.commands.{name}")
    finally:
        if was_enabled:
            gc.enable()


def __getattr__(name: str) -> Any:
    if name == "COMMANDS":  # the command modules, imported on request (tests, documentation)
        return [command_module(n) for n in COMMAND_HELP]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


EPILOG = """Kode keluar: 0 berhasil; 1 pekerjaan gagal (ada kesalahan isi, situs gagal dibangun,
kiriman gagal); 2 perintah salah tulis atau konfigurasi (kpu.yml, data/*.yml) tidak sah."""


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The full parser; with `only`, that command's own and the others' names and help alone."""
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
    for name, help_text in COMMAND_HELP.items():
        if only is None or name == only:
            command_module(name).add_parser(sub)
        else:
            sub.add_parser(name, help=help_text)  # its options are read when it is the one run
    for name, command in sub.choices.items():
        command.epilog = cp.examples_epilog(msg.EXAMPLES_BY_COMMAND[name])
        for each in [command, *_actions_of(command)]:
            _add_loudness(each, argparse.SUPPRESS)
    return parser


def _actions_of(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """The parsers of a command's own subcommands (`kpu cms config`, `kpu intake form`)."""
    return [
        choice
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for choice in action.choices.values()
    ]


def _add_loudness(parser: argparse.ArgumentParser, default: object) -> None:
    """-q/-v, accepted before or after the command; SUPPRESS keeps one given earlier."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument("-q", "--quiet", action="store_true", default=default, help=msg.QUIET_HELP)
    group.add_argument(
        "-v", "--verbose", action="store_true", default=default, help=msg.VERBOSE_HELP
    )


def chosen_command(argv: Sequence[str]) -> str:
    """The command named in `argv` (the first word that is not an option or the value of
    --root), or "" when none is; `kpu --help` lists the commands without importing any."""
    words = iter(argv)
    for word in words:
        if word == "--":
            break
        if word.startswith("--r") and "=" not in word and "--root".startswith(word):
            next(words, None)
        elif not word.startswith("-"):
            return word if word in COMMAND_HELP else ""
    return ""


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; whatever it prints is scrubbed of secrets and of workflow commands."""
    with safe_streams():
        try:
            return _main(argv)
        except Exception:  # a bug: its traceback still goes through the scrubbing stream
            traceback.print_exc()
            return 1


def _main(argv: Sequence[str] | None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(chosen_command(words)).parse_args(words)
    if not hasattr(args, "run"):  # a spelling the quick look missed: parse again with everything
        args = build_parser().parse_args(words)
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
