"""The pull request summary comment: validation, approvals, and room for more sections.

One comment per pull request, found again by a hidden marker and updated in place.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from pipeline.check.validate import Result
from pipeline.core import inert
from pipeline.core.config import KpuConfig
from pipeline.core.problems import Level
from pipeline.core.timeutil import format_day
from pipeline.messages import comment as msg
from pipeline.review.approvals import ApprovalState
from pipeline.review.comment_sections import checklist_section

MARKER = "<!-- kpu:pr-comment -->"
MAX_PROBLEMS = 50


class CommentApi(Protocol):
    def issue_comments(self, number: int) -> list[dict[str, Any]]: ...

    def create_comment(self, number: int, body: str) -> dict[str, Any]: ...

    def update_comment(self, comment_id: int, body: str) -> dict[str, Any]: ...


def render_comment(
    validation: Result,
    approval: ApprovalState | str | None,
    extra_sections: Sequence[str] | None = None,
    config: KpuConfig | None = None,
) -> str:
    """The comment body. `approval` is the state, or an Indonesian reason it could not be read;
    with the state and `config` (main's rules) the SOP checklist says who still has to act.

    `extra_sections` are complete Markdown sections (e.g. social post previews) added before
    the footer, in order; any draft value in them must go through `pipeline.core.inert`.
    """
    parts = [MARKER, msg.TITLE, "", _validation_section(validation)]
    if isinstance(approval, ApprovalState) and config is not None:
        parts += ["", checklist_section(approval, config)]
    elif isinstance(approval, str) and approval:
        unavailable = inert.text(msg.APPROVAL_UNAVAILABLE.format(detail=approval))
        parts += ["", msg.CHECKLIST_HEADING, "", unavailable]
    for section in extra_sections or ():
        parts += ["", section.strip()]
    parts += ["", "---", msg.FOOTER]
    return "\n".join(parts) + "\n"


def _validation_section(result: Result) -> str:
    errors = [p for p in result.problems if p.level is Level.ERROR]
    warnings = len(result.problems) - len(errors)
    lines = [msg.CHECK_HEADING, ""]
    if errors:
        lines.append(
            msg.CHECK_FAIL.format(errors=len(errors), warnings=warnings, files=result.files)
        )
    else:
        lines.append(msg.CHECK_OK.format(files=result.files, warnings=warnings))
    shown = sorted(result.problems, key=lambda p: (p.level is not Level.ERROR, p.path, p.line or 0))
    if shown:
        lines.append("")
    for problem in shown[:MAX_PROBLEMS]:
        icon = "❌" if problem.level is Level.ERROR else "⚠️"
        where = f"{problem.path}:{problem.line}" if problem.line else problem.path
        lines.append(f"- {icon} {inert.code(where)} {inert.text(problem.message)}")
    if len(shown) > MAX_PROBLEMS:
        lines.append(msg.CHECK_MORE.format(count=len(shown) - MAX_PROBLEMS))
    return "\n".join(lines)


def drafts_section(validation: Result) -> str:
    """What each valid draft will publish, for the reviewer; every value shown inert."""
    drafts = [p for p in validation.publications if p.is_draft]
    lines = [msg.DRAFTS_HEADING, ""]
    if not drafts:
        return "\n".join([*lines, msg.DRAFTS_NONE])
    for pub in drafts:
        front = pub.front
        lines.append(f"- {inert.code(pub.path.as_posix())} {inert.text(front.title)}")
        fields = [
            (msg.FIELD_DESCRIPTION, inert.text(front.description)),
            (msg.FIELD_STAGE, inert.code(front.election_stage)),
            (
                msg.FIELD_REQUEST,
                msg.REQUEST.format(
                    number=inert.code(front.request.number),
                    date=format_day(front.request.date),
                    unit=inert.text(front.request.unit),
                ),
            ),  # fmt: skip
            (msg.FIELD_LEGAL_BASIS, "; ".join(inert.text(c) for c in front.legal_basis)),
            (msg.FIELD_TAGS, ", ".join(inert.code(t) for t in front.tags) or "-"),
            (msg.FIELD_SOCIAL, inert.text(front.social.text or "-")),
        ]
        lines += [f"  - {label}: {value}" for label, value in fields]
    return "\n".join(lines)


def upsert_comment(github: CommentApi, number: int, body: str) -> dict[str, Any]:
    """Update the comment carrying MARKER, or create it."""
    for comment in github.issue_comments(number):
        if MARKER in str(comment.get("body", "")):
            return github.update_comment(int(comment["id"]), body)
    return github.create_comment(number, body)
