"""The run summary of `kpu promote`: plain text for the log, Markdown for $GITHUB_STEP_SUMMARY."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.core import inert
from pipeline.core.timeutil import format_wib
from pipeline.messages import promote as msg
from pipeline.promote.promotion import FAILING, Action, Decision, Result, approvers_text

_SECTIONS = (
    (Action.PROMOTE, msg.SECTION_PROMOTED),
    (Action.SCHEDULED, msg.SECTION_SCHEDULED),
    (Action.POSTPONED, msg.SECTION_POSTPONED),
    (Action.DRAFT, msg.SECTION_DRAFT),
    (Action.UNAPPROVED, msg.SECTION_UNAPPROVED),
    (Action.INVALID, msg.SECTION_INVALID),
    (Action.ERROR, msg.SECTION_ERROR),
)


@dataclass(frozen=True)
class Section:
    heading: str
    items: list[tuple[str, list[str]]]  # (line, detail lines)


def sections(result: Result, dry_run: bool) -> list[Section]:
    found = []
    for action, heading in _SECTIONS:
        decisions = result.plan.of(action)
        if decisions:
            items = [_item(d, dry_run) for d in decisions]
            found.append(Section(heading.format(count=len(decisions)), items))
    return found


def _item(d: Decision, dry_run: bool) -> tuple[str, list[str]]:
    number = d.pull.number if d.pull else "-"
    if d.action is Action.PROMOTE:
        template = msg.ITEM_WOULD_PROMOTE if dry_run else msg.ITEM_PROMOTED
        line = template.format(
            path=d.path, target=d.target, number=number, approvers=approvers_text(d)
        )
    elif d.action is Action.SCHEDULED:
        when = format_wib(d.publish_at) if d.publish_at else "-"
        line = msg.ITEM_SCHEDULED.format(path=d.path, when=when, number=number)
    elif d.action in (Action.POSTPONED, Action.DRAFT):
        line = msg.ITEM_HELD.format(path=d.path, title=d.title or "-")
    else:
        line = msg.ITEM_REFUSED.format(path=d.path, reason=d.reason)
    return line, [p.format_text() for p in d.problems]


def closing(result: Result, dry_run: bool) -> list[str]:
    lines = []
    promoted = len(result.plan.of(Action.PROMOTE))
    if dry_run:
        lines.append(msg.DRY_RUN)
    elif result.pushed:
        lines.append(msg.DONE_PUSHED.format(count=promoted, rebases=result.rebases))
    elif result.commits:
        lines.append(msg.DONE_LOCAL.format(count=promoted))
    elif not result.plan.decisions:
        lines.append(msg.NOTHING)
    else:
        lines.append(msg.DONE_NONE)
    if result.plan.failed:
        lines.append(msg.FAILED.format(count=len(result.plan.of(*FAILING))))
    return lines


def as_text(result: Result, dry_run: bool = False) -> str:
    out = [msg.TITLE.format(when=format_wib(result.plan.now))]
    for section in sections(result, dry_run):
        out.append(f"{section.heading}:")
        for line, details in section.items:
            out.append(f"  - {line}")
            out.extend(f"      {detail}" for detail in details)
    out.extend(closing(result, dry_run))
    return "\n".join(out) + "\n"


def as_markdown(result: Result, dry_run: bool = False) -> str:
    out = [f"## {msg.TITLE.format(when=format_wib(result.plan.now))}", ""]
    for section in sections(result, dry_run):
        out += [f"### {section.heading}", ""]
        for line, details in section.items:
            out.append(f"- {_md(line)}")
            out.extend(f"  - {inert.code(detail)}" for detail in details)
        out.append("")
    out.extend(f"{line}\n" for line in closing(result, dry_run))
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    """Plain text made inert in Markdown: titles and file names come from drafts."""
    return inert.text(text)
