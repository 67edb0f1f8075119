"""`kpu check`: validate drafts and published posts, print every problem, exit 1 on any error."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.check.validate import load_context, validate
from pipeline.core import console, output
from pipeline.core.errors import ConfigError, GitError
from pipeline.core.gitdir import may_be_repository
from pipeline.core.problems import Level, has_errors
from pipeline.messages import check as msg
from pipeline.messages import cli as cli_msg


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "check",
        help="periksa draf dan publikasi",
        description="Periksa draf (drafts/) dan publikasi (content/posts/): kolom wajib, tahapan, "
        "dasar hukum, gambar, dan keamanan isi. Keluar dengan kode 1 jika ada kesalahan.",
    )
    p.add_argument(
        "paths", nargs="*", type=Path, metavar="BERKAS", help="berkas atau folder (bawaan: semua)"
    )
    p.add_argument(
        "--format",
        choices=["text", "github"],
        default="text",
        help="text: baris biasa (bawaan); github: anotasi GitHub Actions",
    )
    p.add_argument("--json", action="store_true", help=cli_msg.JSON_HELP)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    ctx = load_context(args.root)
    result = validate(ctx, args.paths, keep=False)
    if args.json:
        from pipeline import json_report  # the approvals and delivery shapes: only for --json

        data = json_report.check(result.problems, result.files, governance_notice(args.root))
        print(json_report.dumps(data))
        return 1 if has_errors(result.problems) else 0
    coloured = console.colour(sys.stdout)
    for problem in sorted(result.problems, key=lambda p: (p.path, p.line or 0)):
        if args.format == "github":
            output.command(problem.format_github())
        else:
            print(problem.format_text(colour=coloured))
    for note in sorted(result.notes):
        if args.format == "github":
            output.command(note.format_github())  # ::notice, beside the file in the pull request
        else:
            console.info(note.format_text())
    errors = sum(p.level is Level.ERROR for p in result.problems)
    warnings = len(result.problems) - errors
    if result.files == 0:
        console.info(
            msg.NO_FILES.format(paths=", ".join(map(str, args.paths)) or "drafts/, content/posts/")
        )
    elif errors:
        console.info(msg.SUMMARY_FAIL.format(errors=errors, warnings=warnings, files=result.files))
    else:
        console.info(msg.SUMMARY_OK.format(files=result.files, warnings=warnings))
    notice = governance_notice(args.root)
    if notice:
        print(notice)
    return 1 if has_errors(result.problems) else 0


def governance_notice(root: Path) -> str | None:
    """Before merge: say that a change to the rules needs the governance sign-off of main."""
    if not may_be_repository(root):
        return None
    # GitPython and the approval rules: only in a repository (a pull request's checkout)
    from pipeline.core.gitrepo import GitRepo
    from pipeline.messages import approvals as amsg
    from pipeline.review import rules
    from pipeline.review.approvals import role_label

    try:
        found = rules.governed_since_base(GitRepo(root))
        if not found or not found[1]:
            return None
        config = rules.config_at(GitRepo(root), found[0])
    except (GitError, ConfigError):
        return None
    rule = config.governance
    return msg.GOVERNANCE_NOTICE.format(
        files=", ".join(found[1]),
        rule=rule.name,
        roles=amsg.ROLE_OR.join(role_label(r, config.role_labels) for r in rule.any_of),
    )
