"""`kpu doctor`: check that this checkout is ready to publish; one line per finding."""

from __future__ import annotations

import argparse
import os

from pipeline.core import console
from pipeline.core.config import load_config
from pipeline.core.github import GitHub
from pipeline.core.timeutil import now
from pipeline.messages import doctor as msg
from pipeline.messages import tokens as tokens_msg
from pipeline.setup import tokens
from pipeline.setup.doctor import REMOTE_TIMEOUT, Finding, Status, diagnose


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "doctor",
        help="periksa kesiapan repositori untuk menerbitkan",
        description="Periksa kpu.yml dan data/*.yml, kredensial setiap kanal yang aktif (hanya "
        "namanya; nilainya tidak pernah ditampilkan), alamat GitHub Pages, langkah kpu di "
        "workflow, kontak PPID (telepon, surel), sisa identitas kantor lain di kpu.yml, content/, "
        "mkdocs.yml, .github/ dan cms/, dan apakah remote origin dapat dihubungi. Dengan --online, "
        "token setiap kanal juga ditanyakan ke API-nya (sah, kedaluwarsa kapan, atau tidak "
        "berlaku). Keluar dengan kode 1 jika ada yang GAGAL.",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=REMOTE_TIMEOUT,
        metavar="DETIK",
        help=f"batas waktu menghubungi remote origin (bawaan {REMOTE_TIMEOUT:g} detik)",
    )
    p.add_argument(
        "--online",
        action="store_true",
        help="tanyakan token setiap kanal yang kredensialnya diatur ke API-nya (Meta debug_token, "
        "Telegram getMe, Mastodon verify_credentials, X users/me)",
    )
    p.add_argument(
        "--only-tokens",
        action="store_true",
        help="hanya pemeriksaan token daring (untuk workflow harian); berarti juga --online",
    )
    p.add_argument(
        "--report-issue",
        action="store_true",
        help=f"buka atau perbarui satu issue GitHub bila token tidak berlaku atau kedaluwarsa "
        f"dalam {tokens.WARN_DAYS} hari, dan tutup bila semua sah (memakai GITHUB_TOKEN)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    findings = [] if args.only_tokens else diagnose(args.root, remote_timeout=args.timeout)
    issue_line = None
    if args.online or args.only_tokens or args.report_issue:
        found, issue_line = _online(args)
        findings += found
    console.info(msg.TITLE)
    for finding in findings:
        line = msg.MARKS[finding.status.value] + finding.text
        if finding.status is Status.FAIL:
            print(line)
        else:
            console.info(line)
    if issue_line:
        console.info(issue_line)
    failures = sum(f.status is Status.FAIL for f in findings)
    infos = sum(f.status is Status.INFO for f in findings)
    if failures:
        print(msg.SUMMARY_FAIL.format(count=failures))
        return 1
    console.info(msg.SUMMARY_OK.format(infos=infos))
    return 0


def _online(args: argparse.Namespace) -> tuple[list[Finding], str | None]:
    """The token lines and, with --report-issue, what happened to the issue."""
    config = load_config(args.root)
    when = now()
    statuses = tokens.check_all(args.root, config, os.environ, when)
    found = tokens.findings(statuses, when)
    if not args.report_issue:
        return found, None
    action = tokens.report_issue(GitHub.from_env(config.repository), statuses, when)
    template = {
        "created": tokens_msg.ISSUE_CREATED,
        "updated": tokens_msg.ISSUE_UPDATED,
        "unchanged": tokens_msg.ISSUE_UNCHANGED,
        "closed": tokens_msg.ISSUE_CLOSED,
    }.get(action.action, tokens_msg.ISSUE_NOTHING)
    return found, template.format(url=action.url or "-")
