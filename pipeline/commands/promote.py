"""`kpu promote`: publish every approved, ready and due draft (drafts/ -> content/posts/)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from pipeline.check.validate import load_context
from pipeline.core import console, redact
from pipeline.core.errors import RemoteError
from pipeline.core.github import GitHub
from pipeline.core.gitrepo import GitRepo, Identity
from pipeline.core.timeutil import now
from pipeline.promote import promotion as promote
from pipeline.promote import report as promote_report


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "promote",
        help="terbitkan draf yang sudah disetujui",
        description="Periksa setiap draf di drafts/: yang berstatus ready, sah, disetujui lewat pull "
        "request (SOP langkah 7) dan sudah waktunya, dipindahkan ke content/posts/<tahun>/, dicap "
        "tanggal dan asal persetujuannya, di-commit dan di-push. Keluar dengan kode 1 jika ada draf "
        "ready yang belum disetujui atau tidak sah.",
    )
    p.add_argument("--dry-run", action="store_true", help="hanya laporkan; tidak mengubah apa pun")
    p.add_argument("--no-push", action="store_true", help="commit lokal saja, tanpa push")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    ctx = load_context(args.root)
    repo = GitRepo(args.root)
    if not args.dry_run:
        repo.sync()
    try:
        github: GitHub | None = GitHub.from_env(ctx.config.repository)
    except RemoteError:
        github = None
    moment = now(ctx.config.tz).replace(microsecond=0)
    plan = promote.plan(ctx, repo, github, moment)
    if args.dry_run:
        result = promote.Result(plan)
    else:
        result = promote.apply(plan, repo, Identity.from_env(), push=not args.no_push)
        write_output("completed", "true")
        write_output("promoted", str(len(result.commits)))
    if plan.failed or not console.quiet():
        print(promote_report.as_text(result, args.dry_run), end="")
    write_summary(promote_report.as_markdown(result, args.dry_run))
    return 1 if plan.failed else 0


def write_output(name: str, value: str) -> None:
    """A step output for later workflow steps (`steps.<id>.outputs.<name>`)."""
    target = os.environ.get("GITHUB_OUTPUT")
    if target:
        with Path(target).open("a", encoding="utf-8") as handle:
            handle.write(f"{name}={value}\n")


def write_summary(markdown: str) -> None:
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with Path(target).open("a", encoding="utf-8") as handle:
            handle.write(redact.scrub(markdown))  # the job summary is shown on GitHub
