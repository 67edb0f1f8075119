"""`kpu intake open ISSUE` (the workflow on a labelled Nota Dinas issue) and `kpu intake form`."""

from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.core import console
from pipeline.messages import intake as msg


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "intake",
        help="permintaan publikasi (issue Nota Dinas) menjadi draf dan pull request",
        description="SOP langkah 1-2 tanpa terminal: issue Permintaan Publikasi berlabel "
        "permintaan-publikasi menjadi cabang, draf, dan pull request draf untuk Tim Desain.",
    )
    actions = p.add_subparsers(dest="action", metavar="TINDAKAN", required=True)
    opened = actions.add_parser(
        "open",
        help="buat cabang, draf dan pull request draf dari issue NOMOR",
        description="Baca issue lewat GitHub API (GITHUB_TOKEN, GITHUB_REPOSITORY), tulis drafnya "
        "di cabang baru, push, buka pull request draf yang menautkan issue dan ditugaskan ke "
        "Tim Desain (roles.tim_desain di kpu.yml). Tidak membuat ganda bila sudah ada.",
    )
    opened.add_argument("issue", type=int, metavar="NOMOR", help="nomor issue")
    opened.add_argument("--no-push", action="store_true", help="jangan push (hanya untuk uji)")
    opened.set_defaults(run=run_open)
    form = actions.add_parser(
        "form",
        help="perbarui daftar tahapan di formulir issue dari data/election_stages.yml",
        description="Tulis ulang pilihan 'Tahapan pemilu' di .github/ISSUE_TEMPLATE/"
        "permintaan-publikasi.yml dari data/election_stages.yml.",
    )
    form.add_argument("--check", action="store_true", help="jangan menulis; kode 1 bila berbeda")
    form.set_defaults(run=run_form)


def run_open(args: argparse.Namespace) -> int:
    from pipeline.core.config import load_config
    from pipeline.core.github import GitHub
    from pipeline.core.gitrepo import GitRepo, Identity
    from pipeline.intake.issue_form import IntakeError
    from pipeline.intake.issue_pr import open_draft_pull

    github = GitHub.from_env(load_config(args.root).repository)
    try:
        opened = open_draft_pull(
            args.root, args.issue, github, GitRepo(args.root), Identity.from_env(), not args.no_push
        )
    except IntakeError as exc:
        print("\n".join(exc.problems))
        return 1
    if opened.created:
        console.info(
            msg.OPENED.format(
                number=args.issue, url=opened.url, path=opened.path, branch=opened.branch
            )
        )
    else:
        console.info(msg.ALREADY.format(number=args.issue, url=opened.url))
    return 0


def _note_code(root: Path) -> str | None:
    from pipeline.core.config import load_config
    from pipeline.core.errors import ConfigError
    from pipeline.core.identity import identity

    try:
        return identity(load_config(root)).values()["kantor.kode_nota_dinas"]
    except ConfigError:
        return None  # the stage list is still written; kpu doctor names kpu.yml's problems


def run_form(args: argparse.Namespace) -> int:
    from pipeline.check.stages import load_stages
    from pipeline.intake.issue_form import FORM_FILE, form_with_stages

    path = args.root / FORM_FILE
    current = path.read_text(encoding="utf-8")
    stages = {key: stage.name for key, stage in load_stages(args.root).items()}
    fresh = form_with_stages(current, stages, _note_code(args.root))
    if fresh == current:
        console.info(msg.FORM_UNCHANGED.format(path=FORM_FILE))
        return 0
    if args.check:
        print(msg.FORM_DRIFT.format(path=FORM_FILE))
        return 1
    path.write_text(fresh, encoding="utf-8")
    console.info(msg.FORM_WRITTEN.format(path=FORM_FILE))
    return 0
