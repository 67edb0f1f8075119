"""`kpu retract SLUG`: delete a publication's social posts and mark its page withdrawn."""

from __future__ import annotations

import argparse

from pipeline.ledger import Ledger
from pipeline.messages import publish as msg
from pipeline.retract import retract
from pipeline.validate import load_context


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "retract",
        help="tarik publikasi",
        description="Hapus kiriman media sosial sebuah publikasi dan tandai halamannya ditarik "
        "(halaman tetap ada dengan pemberitahuan). Dicatat di data/ledger.json.",
    )
    p.add_argument("slug", metavar="SLUG", help="slug publikasi, contoh mengenal-uu-pemilu")
    p.add_argument(
        "--reason",
        metavar="ALASAN",
        default=msg.RETRACT_DEFAULT_REASON,
        help="alasan, ditampilkan di halaman",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    ctx = load_context(args.root)
    done = retract(ctx, args.slug, args.reason, ledger=Ledger.of(args.root))
    for channel, url in done.deleted:
        print(msg.RETRACT_DELETED.format(slug=args.slug, channel=channel, url=url))
    for channel, detail in done.failed:
        print(msg.RETRACT_FAILED.format(slug=args.slug, channel=channel, detail=detail))
    print(msg.RETRACT_MARKED.format(path=done.publication.path.as_posix()))
    if done.failed:
        print(msg.RETRACT_FAIL_SUMMARY.format(count=len(done.failed)))
        return 1
    return 0
