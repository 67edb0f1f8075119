"""`kpu publish`: post every promoted publication not yet posted, once, and record the links."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

from pipeline import json_report
from pipeline.check.validate import Context, load_context
from pipeline.commands import withdrawals
from pipeline.commands.verify import verifier_for
from pipeline.core import console
from pipeline.core.model import Publication
from pipeline.messages import cli as cli_msg
from pipeline.messages import publish as msg
from pipeline.messages import verify as vmsg
from pipeline.publish.channels.outbox import OUTBOX_DIR
from pipeline.publish.channels.registry import REGISTRY
from pipeline.publish.liveness import wait_live
from pipeline.publish.posts import channels_of, publication_url
from pipeline.publish.social import (
    Options,
    Outcome,
    Report,
    configured_channels,
    dry_run_channels,
    promoted,
    publish,
    resolve,
    stand_in,
)
from pipeline.records.journal import Journal
from pipeline.records.ledger import Book, Ledger
from pipeline.review import verify


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "publish",
        help="kirim publikasi ke media sosial",
        description="Kirim setiap publikasi di content/posts/ yang belum terkirim ke kanal media "
        "sosialnya (kolom channels, atau channels.enabled di kpu.yml), masing-masing tepat satu kali, "
        "dan catat tautannya di data/ledger.json. Kanal tanpa kredensial ditulis ke outbox/.",
    )
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="hanya tampilkan dan tulis kiriman ke folder sementara; tidak mengirim, arsip tidak diubah",
    )
    p.add_argument(
        "--json", action="store_true", help=cli_msg.JSON_HELP + " (hanya dengan --dry-run)"
    )
    p.add_argument(
        "--outbox-only",
        action="store_true",
        help="tulis semua kiriman ke outbox/ saja, apa pun kredensialnya; arsip tidak diubah",
    )
    p.add_argument(
        "--only-verified",
        type=Path,
        metavar="DAFTAR",
        help="kirim hanya publikasi yang tercantum (dan tidak berubah) di daftar kpu verify",
    )
    p.add_argument(
        "--page-wait",
        type=float,
        default=float(os.environ.get("KPU_PAGE_WAIT") or 0),
        metavar="DETIK",
        help="kirim publikasi hanya setelah halamannya dapat dibuka (HTTP 200); tunggu paling lama "
        "DETIK detik (bawaan: KPU_PAGE_WAIT, 0 = tidak diperiksa)",
    )
    p.add_argument(
        "--resolve",
        nargs="+",
        metavar="NILAI",
        help="putuskan kiriman yang hasilnya tidak diketahui: SLUG KANAL posted URL, atau SLUG KANAL failed",
    )
    p.add_argument(
        "--backfill",
        action="append",
        default=[],
        metavar="KANAL",
        choices=[n for n in REGISTRY if n != "outbox"],
        help="kirim juga publikasi lama ke KANAL (yang terbit sebelum kanal itu dipakai, atau "
        "yang dulu disimpan di outbox); boleh diulang",
    )
    p.add_argument(
        "--since",
        type=_day,
        metavar="TTTT-BB-HH",
        help="dengan --backfill: hanya publikasi bertanggal sejak hari ini",
    )
    p.set_defaults(run=run)


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(msg.SINCE_FORMAT.format(got=text)) from None


def run(args: argparse.Namespace) -> int:
    ctx = load_context(args.root)
    ledger = Ledger.of(args.root)
    if args.resolve:
        if len(args.resolve) not in (3, 4):
            print(msg.RESOLVE_USAGE)
            return 2
        slug, channel, status, *url = args.resolve
        journal = Journal.of(args.root)
        entry = resolve(
            ctx, ledger, slug, channel, status, url[0] if url else None, journal=journal
        )
        console.info(msg.RESOLVED.format(slug=slug, channel=channel, status=entry.status))
        return 0
    if args.json and not args.dry_run:
        print(cli_msg.JSON_NEEDS_DRY_RUN, file=sys.stderr)
        return 2
    publications = promoted(ctx)
    local_only = args.dry_run or args.outbox_only
    # Approved withdrawals first: their posts are deleted, never posted (pipeline/withdraw/authority.py).
    withdrawn = 0 if local_only else withdrawals.run(ctx, args.root, ledger, publications)
    remaining = [p for p in publications if p.front.withdrawn is None]
    if publications and not remaining:
        return withdrawn  # every publication is withdrawn: nothing to post, nothing to say
    return max(withdrawn, _post(args, ctx, ledger, remaining))


def _post(
    args: argparse.Namespace, ctx: Context, ledger: Ledger, publications: list[Publication]
) -> int:
    if not publications:
        if args.json:
            print(json_report.dumps(json_report.dry_run([], Path(), [])))
            return 0
        console.info(msg.NOTHING)
        return 0
    local_only = args.dry_run or args.outbox_only
    real = None if local_only else awaiting_real_post(ctx, publications, ledger.load())
    publications, unverified = verified_only(ctx, publications, args.only_verified, real)
    if not args.json:
        for line in unverified:
            print(line)
    if not publications and not args.json:
        return 1 if unverified else 0
    if args.dry_run or args.outbox_only:
        # Nothing leaves the machine and nothing is recorded: every channel is an outbox.
        folder = (
            Path(tempfile.mkdtemp(prefix="kpu-dry-run-"))
            if args.dry_run
            else args.root / OUTBOX_DIR
        )
        names = sorted(
            {n for p in publications for n in channels_of(p, ctx.config.channels.enabled)}
        )
        report = publish(ctx, publications, dry_run_channels(ctx, names, folder), ledger=None)
        if args.json:
            print(json_report.dumps(json_report.dry_run(report.outcomes, folder, unverified)))
            return 1 if report.problems or unverified else 0
        _print(report)
        console.info((msg.DRY_RUN if args.dry_run else msg.OUTBOX_ONLY).format(path=folder))
        return 1 if report.problems or unverified else 0
    publications, not_live = live_only(ctx, publications, args.page_wait, real or set())
    options = Options.from_env(os.environ, backfill=frozenset(args.backfill), since=args.since)
    posted = (
        publish(ctx, publications, ledger=ledger, journal=Journal.of(args.root), options=options)
        if publications
        else None
    )
    if posted is not None:
        _print(posted)
    for line in not_live:
        print(line)
    return 1 if unverified or not_live or (posted is not None and posted.problems) else 0


def awaiting_real_post(ctx: Context, publications: list[Publication], book: Book) -> set[Path]:
    """The publications with a post still to make on a real network (its credentials set).

    Only these need the pull request re-checked through the API and their page live: a post the
    ledger holds as posted or deleted is never sent again, so checking it again is wasted work
    (two API calls, one page request per publication, every run).
    """
    enabled = ctx.config.channels.enabled
    names = sorted({n for p in publications for n in channels_of(p, enabled)})
    channels = configured_channels(ctx, names, os.environ)

    def waiting(publication: Publication, name: str) -> bool:
        entry = book.entry(publication.slug, name)
        done = entry is not None and entry.status in ("posted", "deleted")
        return not stand_in(channels[name]) and not done

    return {p.path for p in publications if any(waiting(p, n) for n in channels_of(p, enabled))}


def verified_only(
    ctx: Context, publications: list[Publication], listed: Path | None, real: set[Path] | None
) -> tuple[list[Publication], list[str]]:
    """Only what a verifiable approval covers is posted: the list of `kpu verify` when given,
    the record and content hash always, and (with a token, for a publication in `real`, about
    to be posted to a real network) the pull request through the GitHub API. `real` None: a
    dry run, checked locally only."""
    local, remote = verify.Verifier(ctx.root), verifier_for(ctx.root, real is not None)
    allowed = verify.read_list(listed) if listed is not None else None
    kept, lines = [], []
    for publication in publications:
        shown = publication.path.as_posix()
        if allowed is not None and not verify.still_verified(ctx.root, allowed, shown):
            lines.append(vmsg.SKIPPED_UNVERIFIED.format(path=shown, what="dikirim"))
            continue
        checked = (remote if publication.path in (real or set()) else local).check(
            ctx.root / publication.path
        )
        if checked.ok:
            kept.append(publication)
        else:
            lines.append(vmsg.LINE_BAD.format(path=shown, reason=checked.reason))
    return kept, lines


def live_only(
    ctx: Context, publications: list[Publication], wait: float, real: set[Path]
) -> tuple[list[Publication], list[str]]:
    """The publications whose page answers 200 (those in `real`, about to go to a real
    network), and why not."""
    if wait <= 0:
        return publications, []
    urls = {p.path: publication_url(ctx, p) for p in publications if p.path in real}
    if not urls:
        return publications, []
    console.info(vmsg.WAITING.format(count=len(urls), wait=int(wait)))
    status = wait_live(list(urls.values()), wait)
    refused = {path for path, url in urls.items() if status.get(url) != "200"}
    lines = [
        vmsg.NOT_LIVE.format(
            path=path.as_posix(), url=urls[path], status=status.get(urls[path], "-"), wait=int(wait)
        )
        for path in sorted(refused)
    ]
    return [p for p in publications if p.path not in refused], lines


def _print(report: Report) -> None:
    problems = report.problems
    for outcome in report.outcomes:
        if outcome in problems:
            print(_line(outcome))
        else:
            console.info(_line(outcome))
    if problems:
        items = "\n".join(f"- {_line(o)}" for o in problems)
        print(msg.SUMMARY_FAIL.format(count=len(problems), items=items))
        return
    count = {
        s: sum(o.status == s for o in report.outcomes)
        for s in ("posted", "skipped", "outbox", "deferred")
    }
    deferred = count.pop("deferred")
    console.info(msg.SUMMARY_OK.format(**count))
    if deferred:
        console.info(msg.SUMMARY_DEFERRED.format(count=deferred))


def _line(outcome: Outcome) -> str:
    return msg.LINE.format(
        slug=outcome.slug,
        channel=outcome.channel,
        status=msg.STATUS_LABELS[outcome.status],
        url=f" {outcome.url}" if outcome.url else "",
        detail=f" ({outcome.detail})" if outcome.detail else "",
    )
