"""`kpu verify`: every publication in content/posts/ checked against its approval record."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from pipeline.commands.promote import write_output
from pipeline.core import console
from pipeline.core.config import load_config
from pipeline.core.errors import GitError, RemoteError
from pipeline.core.github import GitHub
from pipeline.core.gitrepo import GitRepo
from pipeline.messages import verify as msg
from pipeline.review import verify

DEFAULT_LIST = Path("build/verified.json")


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "verify",
        help="periksa catatan persetujuan setiap publikasi",
        description="Periksa setiap publikasi di content/posts/: ada catatan persetujuan, isinya "
        "sama dengan yang disetujui, dan (bila GITHUB_TOKEN tersedia) pull request-nya digabung ke "
        "cabang utama dengan persetujuan yang tercatat. Daftar publikasi yang terverifikasi "
        "ditulis ke --out, untuk kpu build --only-verified dan kpu publish --only-verified. "
        "Keluar dengan kode 1 jika ada yang tidak terverifikasi.",
    )
    p.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_LIST,
        metavar="BERKAS",
        help="berkas daftar (bawaan: build/verified.json)",
    )
    p.set_defaults(run=run)


def verifier_for(root: Path, with_api: bool = True) -> verify.Verifier:
    """With the GitHub API when a token is set (as in Actions), else the local check only."""
    if not with_api or not os.environ.get("GITHUB_TOKEN"):
        return verify.Verifier(root)
    try:
        github = GitHub.from_env(load_config(root).repository)
    except RemoteError:
        return verify.Verifier(root)
    try:
        repo: GitRepo | None = GitRepo(root)
    except GitError:
        repo = None  # fails closed: with a token, a record is checked against the history
    return verify.Verifier(root, repo, github)


def run(args: argparse.Namespace) -> int:
    verifier = verifier_for(args.root)
    if verifier.github is None:
        console.info(msg.LOCAL_ONLY)
    checked = verifier.check_all(verify.posts_of(args.root))
    for item in checked:
        if item.ok:
            console.info(msg.LINE_OK.format(path=item.path))
        else:
            print(msg.LINE_BAD.format(path=item.path, reason=item.reason))
    out = args.out if args.out.is_absolute() else args.root / args.out
    verify.write_list(out, checked, args.root)
    write_output("listed", "true")
    bad = sum(not c.ok for c in checked)
    good = len(checked) - bad
    summary = (msg.SUMMARY_BAD if bad else msg.SUMMARY_OK).format(
        bad=bad, count=good, path=args.out
    )
    if bad:
        print(summary)
    else:
        console.info(summary)
    return 1 if bad else 0
