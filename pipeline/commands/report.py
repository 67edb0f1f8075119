"""`kpu report`: the Mutu Baku Waktu report (time per SOP step) as an internal page, chart and CSV."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from pipeline.check.validate import load_context, validate
from pipeline.core import console
from pipeline.core.github import GitHub
from pipeline.core.timeutil import now
from pipeline.messages import records as msg
from pipeline.records.ledger import Ledger
from pipeline.records.report import collect, load_sop
from pipeline.records.report_output import REPORT_DIR, headline, write_report

POSTS_DIR = "content/posts"


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "report",
        help="laporan waktu setiap langkah SOP",
        description="Hitung waktu setiap langkah SOP untuk setiap publikasi (dari tanggal Nota "
        "Dinas, riwayat git, peristiwa pull request di GitHub bila GITHUB_TOKEN diatur, dan "
        "data/ledger.json), bandingkan dengan standar di data/sop.yml, lalu tulis halaman "
        "internal, grafik SVG dan CSV.",
    )
    p.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="FOLDER",
        help=f"folder hasil (bawaan: {REPORT_DIR}/)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    sop = load_sop(args.root)
    ctx = load_context(args.root)
    publications = validate(ctx, [args.root / POSTS_DIR]).publications
    github = GitHub.from_env(ctx.config.repository) if os.environ.get("GITHUB_TOKEN") else None
    book = Ledger.of(args.root).load()
    reports = collect(args.root, sop, ctx.config, publications, book, github)
    written = write_report(args.out or args.root / REPORT_DIR, reports, now(), github is not None)
    console.info(headline(reports))
    console.info(msg.REPORT_WRITTEN.format(paths=", ".join(str(p) for p in written)))
    return 0
