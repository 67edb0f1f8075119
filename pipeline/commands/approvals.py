"""`kpu approvals PR`: who approved a pull request as which SOP role, and what is still missing."""

from __future__ import annotations

import argparse

from pipeline import json_report
from pipeline.core import console
from pipeline.core.config import load_config
from pipeline.core.github import GitHub
from pipeline.messages import approvals as msg
from pipeline.messages import cli as cli_msg
from pipeline.review.approvals import describe, verdict
from pipeline.review.pull_review import Judged, judge


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "approvals",
        help="periksa persetujuan pull request",
        description="Tampilkan siapa yang sudah menyetujui pull request sebagai peran SOP apa, dan "
        "persetujuan yang masih kurang (SOP langkah 7). Keluar dengan kode 1 jika belum lengkap.",
    )
    p.add_argument("number", type=int, metavar="PR", help="nomor pull request")
    p.add_argument("--json", action="store_true", help=cli_msg.JSON_HELP)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    config = load_config(args.root)
    judged = judge(GitHub.from_env(config.repository), args.number, args.root)
    state = judged.state
    if args.json:
        data = json_report.approvals(args.number, state, judged.rules_from, judged.governed)
        print(json_report.dumps(data))
        return 0 if state.complete else 1
    say = console.info if state.complete else print  # -q: only what is still missing
    say(msg.HEADER.format(number=args.number, author=state.author))
    for line in describe(state) + rules_lines(judged):
        say(line)
    say(verdict(state))
    return 0 if state.complete else 1


def rules_lines(judged: Judged) -> list[str]:
    """Which rules judged the pull request, and which rule files it changes."""
    lines = []
    if judged.governed:
        lines.append(msg.GOVERNED_FILES.format(files=", ".join(judged.governed)))
    if judged.rules_from:
        lines.append(msg.RULES_FROM.format(rev=judged.rules_from[:7]))
    else:
        lines.append(msg.RULES_LOCAL)
    return lines
