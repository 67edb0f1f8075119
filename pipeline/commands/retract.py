"""`kpu retract SLUG`: prepare a publication's withdrawal as a pull request (or, `--urgent`, the
Ketua's takedown from withdraw.yml)."""

from __future__ import annotations

import argparse
import os

from pipeline.check.validate import Context, load_context
from pipeline.core import console
from pipeline.core.config import load_config
from pipeline.core.errors import GitError, PipelineError, RemoteError
from pipeline.core.github import GitHub
from pipeline.core.gitrepo import GitRepo, Identity
from pipeline.messages import publish as pmsg
from pipeline.messages import withdraw as msg
from pipeline.records.ledger import Ledger
from pipeline.withdraw.retract import committer, find, prepare, urgent


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "retract",
        help="siapkan penarikan publikasi (pull request)",
        description="Siapkan penarikan publikasi: kolom withdrawn (tanggal dan alasan) ditulis di "
        "cabang tarik/SLUG, di-commit, dikirim ke origin dan, dengan GITHUB_TOKEN, dibukakan pull "
        "request. Tidak perlu kredensial media sosial: setelah pull request disetujui seperti "
        "penerbitan dan digabung, alur Terbitkan menghapus kiriman media sosialnya dan "
        "mencatatnya di data/ledger.json. --urgent: penarikan mendesak oleh Ketua dari alur "
        "withdraw.yml (GitHub Actions).",
    )
    p.add_argument("slug", metavar="SLUG", help="slug publikasi, contoh mengenal-uu-pemilu")
    p.add_argument(
        "--reason",
        metavar="ALASAN",
        default=None,
        help='alasan, ditampilkan di halaman (bawaan: "Publikasi ditarik oleh <nama kantor>.")',
    )
    p.add_argument(
        "--no-push", action="store_true", help="commit saja; cabang tidak dikirim ke origin"
    )
    p.add_argument(
        "--urgent",
        action="store_true",
        help="penarikan mendesak (hanya di GitHub Actions, oleh pemegang peran Ketua): langsung "
        "di main, kiriman dihapus saat itu juga",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    ctx = load_context(args.root)
    find(ctx, args.slug)  # a mistyped slug is named before anything else
    reason = args.reason or pmsg.RETRACT_DEFAULT_REASON.format(office=ctx.config.office.name)
    try:
        repo = GitRepo(args.root)
    except GitError as exc:
        raise PipelineError(msg.NOT_A_REPOSITORY.format(root=args.root)) from exc
    if args.urgent:
        return _urgent(args, ctx, repo, reason)
    github = None
    if os.environ.get("GITHUB_TOKEN"):
        try:
            github = GitHub.from_env(load_config(args.root).repository)
        except RemoteError:
            github = None
    done = prepare(
        ctx,
        args.slug,
        reason,
        repo,
        committer(repo, os.environ),
        push=not args.no_push,
        github=github,
    )
    path = done.publication.path.as_posix()
    console.info(
        msg.PREPARED.format(slug=args.slug, branch=done.branch, sha=done.sha[:7], path=path)
    )
    if not done.pushed:
        print(msg.NOT_PUSHED.format(branch=done.branch))
    elif done.pull is not None:
        line = msg.PR_EXISTS if done.existed else msg.PR_OPENED
        print(line.format(number=done.pull.get("number"), url=done.pull.get("html_url")))
    else:
        print(msg.NO_TOKEN_FOR_PR.format(branch=done.branch))
    return 0


def _urgent(args: argparse.Namespace, ctx: Context, repo: GitRepo, reason: str) -> int:
    actor = os.environ.get("GITHUB_TRIGGERING_ACTOR") or os.environ.get("GITHUB_ACTOR", "")
    publication, done = urgent(
        ctx,
        args.slug,
        reason,
        repo,
        Identity.from_env(),
        actor,
        ledger=Ledger.of(args.root),
    )
    for line in done.lines:
        print(line)
    console.info(pmsg.RETRACT_MARKED.format(path=publication.path.as_posix()))
    if done.failed:
        print(msg.FAIL_SUMMARY.format(count=len(done.failed)))
        return 1
    return 0
