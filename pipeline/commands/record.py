"""`kpu record`: commit data/ledger.json (and other record files) if the run changed them."""

from __future__ import annotations

import argparse

from pipeline.core import console
from pipeline.core.gitrepo import GitRepo, Identity
from pipeline.messages import promote as msg
from pipeline.records.journal import Journal
from pipeline.records.record import RECORD_PATHS, record


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "record",
        help="commit arsip publikasi",
        description="Commit arsip tautan (data/ledger.json) dan berkas catatan lain yang berubah, "
        "sebagai bot, lalu push. Tidak melakukan apa pun jika tidak ada yang berubah.",
    )
    p.add_argument(
        "paths",
        nargs="*",
        metavar="BERKAS",
        help=f"berkas catatan (bawaan: {', '.join(RECORD_PATHS)})",
    )
    p.add_argument("--no-push", action="store_true", help="commit lokal saja, tanpa push")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    repo = GitRepo(args.root)
    journal = None if args.no_push else Journal.of(args.root)
    done = record(repo, Identity.from_env(), args.paths or RECORD_PATHS, not args.no_push, journal)
    shown = ", ".join(done.paths)
    if done.commit is None:
        console.info(msg.RECORD_NOTHING)
    elif done.pushed:
        console.info(msg.RECORD_DONE.format(paths=shown))
    else:
        console.info(msg.RECORD_LOCAL.format(paths=shown))
    return 0
