"""`kpu linkcheck`: check every URL of the Arsip Link Aktif, record the results, list dead links."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.check.validate import REGISTRY_FILE
from pipeline.core import console
from pipeline.core.config import load_config
from pipeline.core.github import GitHub
from pipeline.legal.regulations import RegistryError, link_warnings, load_registry
from pipeline.messages import cli as cli_msg
from pipeline.messages import records as msg
from pipeline.records.ledger import Ledger
from pipeline.records.linkcheck import (
    WORKERS,
    Checker,
    Result,
    channel_label,
    reason,
    report_issue,
    run_check,
    user_agent,
)


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "linkcheck",
        help="periksa semua tautan Arsip Link Aktif",
        description="Periksa setiap tautan yang tercatat di data/ledger.json (halaman web dan "
        "kiriman media sosial), catat hasilnya di sana, dan tampilkan tautan yang mati. Keluar "
        "dengan kode 1 jika ada tautan mati.",
    )
    p.add_argument(
        "--report-issue",
        action="store_true",
        help="buka atau perbarui satu issue GitHub berisi tautan mati, dan tutup bila semua aktif "
        "(memakai GITHUB_TOKEN dan GITHUB_API_URL)",
    )
    p.add_argument(
        "--workers",
        type=int,
        default=WORKERS,
        metavar="JUMLAH",
        help=f"pemeriksaan serentak (bawaan {WORKERS})",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    config = load_config(args.root)
    agent = user_agent(config.office.name, config.repository)
    progress = console.Progress(cli_msg.PROGRESS_LINKCHECK)
    try:
        results = run_check(Ledger.of(args.root), Checker(agent, workers=args.workers), progress)
    finally:
        progress.close()
    if not results:
        console.info(msg.LINKCHECK_NONE)
    else:
        _print(results)
    _print_registry(args.root)
    if args.report_issue and results:
        action = report_issue(GitHub.from_env(config.repository), results)
        console.info(_issue_line(action.action, action.url))
    return 1 if any(r.dead for r in results) else 0


def _print(results: list[Result]) -> None:
    dead = [r for r in results if r.dead]
    unknown = [r for r in results if r.ok is None]
    if dead:
        print(msg.LINKCHECK_DEAD_HEADER.format(count=len(dead)))
        for r in dead:
            t = r.target
            label = channel_label(t.channel)
            fix = (
                msg.LINKCHECK_FIX_WEB.format(slug=t.slug)
                if t.channel == "web"
                else msg.LINKCHECK_FIX_POST.format(channel=label, slug=t.slug, key=t.channel)
            )
            print(
                msg.LINKCHECK_DEAD.format(
                    title=t.title, slug=t.slug, channel=label, url=t.url, reason=reason(r), fix=fix
                )
            )
    if unknown:
        print(msg.LINKCHECK_UNCHECKABLE_HEADER.format(count=len(unknown)))
        for r in unknown:
            t = r.target
            print(
                msg.LINKCHECK_UNCHECKABLE.format(
                    title=t.title, channel=channel_label(t.channel), url=t.url, reason=reason(r)
                )
            )
    live = len(results) - len(dead) - len(unknown)
    summary = msg.LINKCHECK_SUMMARY.format(
        total=len(results), live=live, dead=len(dead), unknown=len(unknown)
    )
    if dead:
        print(summary)
    else:
        console.info(summary)


def _issue_line(action: str, url: str | None) -> str:
    template = {
        "created": msg.ISSUE_CREATED,
        "updated": msg.ISSUE_UPDATED,
        "closed": msg.ISSUE_CLOSED,
    }.get(action, msg.ISSUE_NOTHING)
    return template.format(url=url or "-")


def _print_registry(root: Path) -> None:
    """The registry's "naskah resmi" links that open a home or catalogue page (a heuristic on
    the URL path, pipeline.legal.official_text.catalogue_link); listed on stderr, never counted as
    dead, so the ledger's report stays as it was."""
    try:
        found = link_warnings(load_registry(root / REGISTRY_FILE))
    except RegistryError as exc:
        print("\n".join(exc.problems), file=sys.stderr)
        return
    if found:
        print(msg.LINKCHECK_REGISTRY_HEADER.format(count=len(found)), file=sys.stderr)
        for line, text in found:
            print(f"{REGISTRY_FILE}:{line}: {text}", file=sys.stderr)
