"""`kpu approvals PR`: who approved a pull request as which SOP role, and what is still missing."""

from __future__ import annotations

import argparse

from pipeline.approvals import describe, for_pull, verdict
from pipeline.config import load_config
from pipeline.github import GitHub
from pipeline.messages import approvals as msg


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "approvals",
        help="periksa persetujuan pull request",
        description="Tampilkan siapa yang sudah menyetujui pull request sebagai peran SOP apa, dan "
        "persetujuan yang masih kurang (SOP langkah 7). Keluar dengan kode 1 jika belum lengkap.",
    )
    p.add_argument("number", type=int, metavar="PR", help="nomor pull request")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    config = load_config(args.root)
    _, state = for_pull(GitHub.from_env(config.repository), args.number, config)
    print(msg.HEADER.format(number=args.number, author=state.author))
    for line in describe(state):
        print(line)
    print(verdict(state))
    return 0 if state.complete else 1
