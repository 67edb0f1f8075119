"""`kpu codeowners`: write .github/CODEOWNERS from the roles in kpu.yml (or check it)."""

from __future__ import annotations

import argparse

from pipeline.core import console
from pipeline.core.config import load_config
from pipeline.messages import doctor as msg
from pipeline.setup import codeowners


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "codeowners",
        help="buat .github/CODEOWNERS dari roles di kpu.yml",
        description="Tulis .github/CODEOWNERS dari roles dan approvals di kpu.yml: draf dan "
        "publikasi ditelaah pemegang peran persetujuan, berkas aturan oleh pemegang persetujuan "
        "tata kelola. --check hanya memeriksa (kode 1 bila tidak sesuai).",
    )
    p.add_argument("--check", action="store_true", help="hanya periksa; tidak menulis")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    config = load_config(args.root)
    if args.check:
        current = codeowners.is_current(args.root, config)
        if current:
            console.info(msg.CODEOWNERS_OK)
        else:
            print(msg.CODEOWNERS_STALE)
        return 0 if current else 1
    path = codeowners.write(args.root, config)
    console.info(msg.CODEOWNERS_WRITTEN.format(path=path.relative_to(args.root).as_posix()))
    return 0
