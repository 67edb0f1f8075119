"""`kpu comment PR`: write or update the summary comment on a pull request (and the job summary)."""

from __future__ import annotations

import argparse

from pipeline.check.validate import load_context, validate
from pipeline.commands.promote import write_summary
from pipeline.core import console
from pipeline.core.errors import RemoteError
from pipeline.core.github import GitHub
from pipeline.core.timeutil import aware
from pipeline.messages import comment as msg
from pipeline.publish.posts import preview_markdown
from pipeline.review.approvals import ApprovalState
from pipeline.review.comment import drafts_section, render_comment, upsert_comment
from pipeline.review.comment_sections import (
    RunLinks,
    page_section,
    site_preview_section,
)
from pipeline.review.pull_review import judge
from pipeline.site import preview


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "comment",
        help="tulis komentar ringkasan di pull request",
        description="Tulis (atau perbarui) satu komentar di pull request berisi hasil pemeriksaan "
        "draf dan persetujuan yang masih kurang. Ringkasan yang sama ditulis ke ringkasan job.",
    )
    p.add_argument("number", type=int, metavar="PR", help="nomor pull request")
    p.add_argument("--no-post", action="store_true", help="jangan tulis ke GitHub; cetak saja")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    ctx = load_context(args.root)
    validation = validate(ctx)
    approval: ApprovalState | str | None
    judged = None
    try:
        github = GitHub.from_env(ctx.config.repository)
        judged = judge(github, args.number, args.root)
        approval = judged.state
    except RemoteError as exc:
        github, approval = None, str(exc)
    drafts = [p for p in validation.publications if p.is_draft]
    sections = []
    sections.append(drafts_section(validation))
    if drafts:  # each channel's post as it will go out, with its length and X's price
        sections.append(preview_markdown(drafts, ctx))
        sections.append(page_section(drafts))
        head = str(((judged.pull if judged else {}).get("head") or {}).get("sha") or "")
        links = RunLinks.from_env(ctx.config.repository, head or None)
        now = aware(ctx.today, ctx.config.tz)
        pages = {p.path.as_posix(): preview.page_path(ctx.root, p, now) for p in drafts}
        sections.append(site_preview_section(links, drafts, pages))
    # the SOP checklist (who still has to act, by name and role, and how) under main's rules
    rules = (judged.config if judged else None) or ctx.config
    body = render_comment(validation, approval, sections, rules)
    write_summary(body)
    if args.no_post or github is None:
        print(body, end="")
        return 0
    try:
        upsert_comment(github, args.number, body)
    except RemoteError as exc:
        print(msg.NOT_POSTED.format(detail=exc))
        return 0
    console.info(msg.POSTED.format(number=args.number))
    return 0
