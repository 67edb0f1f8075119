"""`kpu cms config [--check]`: generate the web editor's config (cms/config.yml) from the schema."""

from __future__ import annotations

import argparse

from pipeline.core import console
from pipeline.intake.cms import CONFIG_FILE, render, write_config
from pipeline.messages import cms as msg


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "cms",
        help="editor web /admin/ (Decap CMS)",
        description="Editor web untuk draf (Decap CMS di /admin/ situs).",
    )
    actions = p.add_subparsers(dest="action", metavar="TINDAKAN", required=True)
    config = actions.add_parser(
        "config",
        help=f"tulis {CONFIG_FILE} dari skema front matter dan berkas data",
        description=f"Tulis {CONFIG_FILE} dari pipeline/core/model.py, kpu.yml, mkdocs.yml, "
        "content/publikasi/.authors.yml dan data/*.yml.",
    )
    config.add_argument(
        "--check",
        action="store_true",
        help=f"jangan menulis; keluar dengan kode 1 jika {CONFIG_FILE} tidak sama dengan hasilnya",
    )
    config.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    path = args.root / CONFIG_FILE
    if args.check:
        current = path.read_text(encoding="utf-8") if path.is_file() else ""
        if current != render(args.root):
            print(msg.DRIFT.format(path=CONFIG_FILE))
            return 1
        console.info(msg.UNCHANGED.format(path=CONFIG_FILE))
        return 0
    changed = write_config(args.root)
    console.info((msg.WRITTEN if changed else msg.UNCHANGED).format(path=CONFIG_FILE))
    return 0
