"""Is the default branch set up to help? Branch protection and rulesets, read through REST.

What the approval rules need from GitHub itself: changes reach the branch only through a pull
request, a new push dismisses earlier approvals, code owners (CODEOWNERS, generated from the
roles) must review, and nobody bypasses that except the workflow's own bot.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from pipeline.core.errors import RemoteError
from pipeline.messages import doctor as msg


class ProtectionApi(Protocol):
    def branch_protection(self, branch: str) -> dict[str, Any] | None: ...

    def branch_rules(self, branch: str) -> list[dict[str, Any]]: ...


@dataclass(frozen=True)
class Setting:
    name: str  # what to switch on, in Indonesian
    on: bool


def settings(protection: dict[str, Any] | None, rules: list[dict[str, Any]]) -> list[Setting]:
    """The four settings, from classic protection or from any ruleset rule of the branch."""
    reviews = (protection or {}).get("required_pull_request_reviews") or {}
    pull_rules = [r.get("parameters") or {} for r in rules if r.get("type") == "pull_request"]
    admins = ((protection or {}).get("enforce_admins") or {}).get("enabled") is True
    return [
        Setting(msg.PROTECT_PR, bool(reviews) or bool(pull_rules)),
        Setting(
            msg.PROTECT_STALE,
            reviews.get("dismiss_stale_reviews") is True
            or any(p.get("dismiss_stale_reviews_on_push") is True for p in pull_rules),
        ),
        Setting(
            msg.PROTECT_CODEOWNERS,
            reviews.get("require_code_owner_reviews") is True
            or any(p.get("require_code_owner_review") is True for p in pull_rules),
        ),
        # A ruleset applies to administrators unless they are listed as bypass actors.
        Setting(msg.PROTECT_NO_BYPASS, admins or bool(pull_rules)),
    ]


def check(github: ProtectionApi, branch: str) -> tuple[list[Setting], str | None]:
    """The settings, or an Indonesian reason they could not be read."""
    try:
        protection = github.branch_protection(branch)
        rules = github.branch_rules(branch)
    except RemoteError as exc:
        return [], str(exc)
    return settings(protection, rules), None
