"""SOP step 7 as rules: a pull request's reviews + kpu.yml roles -> who signed off, what is missing.

Pure functions over plain values; reading the reviews from GitHub is pipeline.github's job.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from pipeline.config import ROLE_LABELS, ApprovalRule, KpuConfig
from pipeline.messages import approvals as msg
from pipeline.model import Approver

APPROVED = "APPROVED"
CHANGES_REQUESTED = "CHANGES_REQUESTED"
_EPOCH = dt.datetime.min.replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class Review:
    """One submitted pull request review, as the REST API reports it."""

    login: str
    state: str
    submitted_at: dt.datetime | None = None
    commit_id: str | None = None

    @classmethod
    def from_api(cls, data: Mapping[str, Any]) -> Review:
        user = data.get("user") or {}
        submitted = data.get("submitted_at")
        when = dt.datetime.fromisoformat(submitted.replace("Z", "+00:00")) if submitted else None
        return cls(
            str(user.get("login", "")), str(data.get("state", "")), when, data.get("commit_id")
        )


@dataclass(frozen=True)
class Signoff:
    rule: str
    login: str
    role: str


@dataclass(frozen=True)
class Blocker:
    login: str
    role: str


@dataclass(frozen=True)
class ApprovalState:
    """The outcome for one pull request; `complete` is what promotion asks."""

    author: str
    signoffs: tuple[Signoff, ...]
    missing: tuple[ApprovalRule, ...]
    blockers: tuple[Blocker, ...]
    approvers: tuple[Approver, ...]
    self_approved: bool = False
    without_role: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        return not self.missing and not self.blockers


def latest_states(reviews: Iterable[Review], author: str) -> dict[str, str]:
    """Each reviewer's standing: their latest APPROVED or CHANGES_REQUESTED review.

    COMMENTED and PENDING reviews leave a prior state as it was; DISMISSED reviews are ignored;
    the author's own reviews never count.
    """
    states: dict[str, str] = {}
    ordered = sorted(enumerate(reviews), key=lambda p: (p[1].submitted_at or _EPOCH, p[0]))
    for _, review in ordered:
        login = review.login.lower()
        if login and login != author.lower() and review.state in (APPROVED, CHANGES_REQUESTED):
            states[login] = review.state
    return states


def evaluate(reviews: Iterable[Review], author: str, config: KpuConfig) -> ApprovalState:
    """Which required sign-offs (kpu.yml `approvals`) the reviews satisfy, and what blocks."""
    reviews = list(reviews)
    states = latest_states(reviews, author)
    names = {r.login.lower(): r.login for r in reviews}
    approving = [login for login, state in states.items() if state == APPROVED]
    signoffs: list[Signoff] = []
    missing: list[ApprovalRule] = []
    for rule in config.approvals:
        found = _first_holder(approving, rule, config)
        if found is None:
            missing.append(rule)
        else:
            signoffs.append(Signoff(rule.name, names[found[0]], found[1]))
    blockers = tuple(
        Blocker(names[login], config.roles_of(login)[0])
        for login, state in states.items()
        if state == CHANGES_REQUESTED and config.roles_of(login)
    )
    credited = {s.login.lower(): s.role for s in signoffs}
    approvers = tuple(
        Approver(login=names[login], role=credited.get(login) or config.roles_of(login)[0])
        for login in approving
        if config.roles_of(login)
    )
    self_approved = any(r.login.lower() == author.lower() and r.state == APPROVED for r in reviews)
    return ApprovalState(
        author=author,
        signoffs=tuple(signoffs),
        missing=tuple(missing),
        blockers=blockers,
        approvers=approvers,
        self_approved=self_approved,
        without_role=tuple(names[login] for login in approving if not config.roles_of(login)),
    )


def _first_holder(
    logins: list[str], rule: ApprovalRule, config: KpuConfig
) -> tuple[str, str] | None:
    for login in logins:
        held = config.roles_of(login)
        for role in rule.any_of:
            if role in held:
                return login, role
    return None


def role_label(role: str) -> str:
    return ROLE_LABELS.get(role, role)


def missing_text(state: ApprovalState) -> str:
    """The missing sign-offs in one Indonesian phrase, naming the roles that can give them."""
    return "; ".join(
        msg.MISSING_ROLE.format(
            rule=rule.name, roles=msg.ROLE_OR.join(map(role_label, rule.any_of))
        )
        for rule in state.missing
    )


def describe(state: ApprovalState) -> list[str]:
    """Plain-text lines: who signed off as which role, what is missing, what blocks."""
    lines = [
        msg.SIGNOFF.format(rule=s.rule, login=s.login, role=role_label(s.role))
        for s in state.signoffs
    ]
    lines += [
        msg.MISSING.format(rule=r.name, roles=msg.ROLE_OR.join(map(role_label, r.any_of)))
        for r in state.missing
    ]
    lines += [msg.BLOCKER.format(login=b.login, role=role_label(b.role)) for b in state.blockers]
    if state.self_approved:
        lines.append(msg.SELF_APPROVAL.format(login=state.author))
    lines += [msg.NO_ROLE.format(login=login) for login in state.without_role]
    return lines


def verdict(state: ApprovalState) -> str:
    if state.blockers:
        return msg.BLOCKED
    if state.missing:
        return msg.INCOMPLETE.format(missing=missing_text(state))
    return msg.COMPLETE


class PullSource(Protocol):
    """What `for_pull` needs from a GitHub client (pipeline.github.GitHub fits)."""

    def pull(self, number: int) -> dict[str, Any]: ...

    def reviews(self, number: int) -> list[dict[str, Any]]: ...


def for_pull(
    github: PullSource, number: int, config: KpuConfig
) -> tuple[dict[str, Any], ApprovalState]:
    """Read one pull request and its reviews, then evaluate them."""
    pull = github.pull(number)
    author = str((pull.get("user") or {}).get("login", ""))
    reviews = [Review.from_api(r) for r in github.reviews(number)]
    return pull, evaluate(reviews, author, config)
