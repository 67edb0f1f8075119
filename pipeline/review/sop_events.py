"""The SOP events a pull request leaves on GitHub: the intake issue it closes (the Nota Dinas form,
opened), the pull request opened, the first review, the Sekretaris' and Subbag Hukum's own first
reviews, the approval that completed kpu.yml's rules, and the merge.

`kpu report` reads them through REST when a token is given; `kpu promote` writes the same times
into the publication's `provenance.sop`, so the report can measure steps 1-5 without a token.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal

from pipeline.core.config import KpuConfig
from pipeline.core.errors import RemoteError
from pipeline.core.timeutil import aware
from pipeline.review.approvals import APPROVED, Review, evaluate

CLOSES = re.compile(r"\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\s+#(\d+)", re.IGNORECASE)
REVIEW_ROLES: tuple[Literal["sekretaris", "subbag_hukum"], ...] = ("sekretaris", "subbag_hukum")
"""Roles whose own first review is an SOP event (step 3: the need, step 4: the legal basis)."""
Json = dict[str, Any]


def github_time(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def closed_issue(pull: Mapping[str, Any]) -> int | None:
    """The issue the pull request closes ("Closes #12", as `kpu intake open` writes it)."""
    match = CLOSES.search(str(pull.get("body") or ""))
    return int(match.group(1)) if match else None


def pull_times(
    pull: Mapping[str, Any],
    reviews: Sequence[Review],
    config: KpuConfig,
    issue: Callable[[int], Json] | None = None,
) -> dict[str, tuple[dt.datetime, str]]:
    """event -> (time, who or what recorded it), from the pull request, its reviews and, through
    `issue`, the intake issue it closes. An issue that cannot be read is left out."""
    found: dict[str, tuple[dt.datetime, str]] = {}
    for name, key in (("pr_opened", "created_at"), ("merged", "merged_at")):
        if pull.get(key):
            found[name] = (github_time(str(pull[key])), "")
    ordered = sorted(
        (r for r in reviews if r.submitted_at), key=lambda r: r.submitted_at or dt.datetime.min
    )
    if ordered:
        found["first_review"] = (
            aware(ordered[0].submitted_at or dt.datetime.min),
            ordered[0].login,
        )
    for role in REVIEW_ROLES:
        holders = {login.lower() for login in config.roles.get(role, [])}
        mine = next((r for r in ordered if r.login.lower() in holders), None)
        if mine is not None and mine.submitted_at is not None:
            found[f"review_{role}"] = (aware(mine.submitted_at), mine.login)
    author = str((pull.get("user") or {}).get("login", ""))
    for i, review in enumerate(ordered):
        if review.state == APPROVED and evaluate(ordered[: i + 1], author, config).complete:
            found["approved"] = (aware(review.submitted_at or dt.datetime.min), review.login)
            break
    number = closed_issue(pull)
    if number is not None and issue is not None:
        try:
            data = issue(number)
        except RemoteError:
            data = {}
        if data.get("created_at") and "pull_request" not in data:
            found["issue_opened"] = (github_time(str(data["created_at"])), f"#{number}")
    return found
