"""SOP step 7 as rules: a pull request's reviews + kpu.yml roles -> who signed off, what is missing.

Pure functions over plain values; reading the reviews from GitHub is pipeline.core.github's job.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from pipeline.core.config import ROLE_LABELS, ApprovalRule, KpuConfig
from pipeline.core.model import Approver
from pipeline.messages import approvals as msg

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
class Stale:
    """An approval given to an earlier version of a draft (or its image) than the one merged."""

    login: str
    commit: str
    files: tuple[str, ...]


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
    stale: tuple[Stale, ...] = ()
    reused: tuple[str, ...] = ()  # logins that would have had to sign off twice
    governance: bool = False  # the pull request changes the rules: the governance sign-off counts
    reviewed: Mapping[str, str] = field(default_factory=dict)  # login -> commit_id approved
    labels: Mapping[str, str] = field(default_factory=lambda: ROLE_LABELS)  # the office's titles

    @property
    def complete(self) -> bool:
        return not self.missing and not self.blockers


def latest_reviews(reviews: Iterable[Review], author: str) -> dict[str, Review]:
    """Each reviewer's standing: their latest APPROVED or CHANGES_REQUESTED review.

    COMMENTED and PENDING reviews leave a prior state as it was; DISMISSED reviews are ignored;
    the author's own reviews never count.
    """
    latest: dict[str, Review] = {}
    ordered = sorted(enumerate(reviews), key=lambda p: (p[1].submitted_at or _EPOCH, p[0]))
    for _, review in ordered:
        login = review.login.lower()
        if login and login != author.lower() and review.state in (APPROVED, CHANGES_REQUESTED):
            latest[login] = review
    return latest


def latest_states(reviews: Iterable[Review], author: str) -> dict[str, str]:
    return {login: r.state for login, r in latest_reviews(reviews, author).items()}


# Given a review's commit_id: the files that differ from what was merged (empty: still valid).
Freshness = Callable[[str | None], Sequence[str]]


def evaluate(
    reviews: Iterable[Review],
    author: str,
    config: KpuConfig,
    *,
    governance: bool = False,
    changed_since: Freshness | None = None,
) -> ApprovalState:
    """Which required sign-offs (kpu.yml `approvals`) the reviews satisfy, and what blocks.

    `config` must be the rules of the base branch, never the pull request's own kpu.yml.
    `governance`: the pull request changes the rules, so `config.governance` is required too.
    `changed_since`: an approval whose reviewed commit differs from the merged draft is stale.
    """
    reviews = list(reviews)
    latest = latest_reviews(reviews, author)
    names = {r.login.lower(): r.login for r in reviews}
    stale: list[Stale] = []
    approving: list[str] = []
    for login, review in latest.items():
        if review.state != APPROVED:
            continue
        differs = tuple(changed_since(review.commit_id)) if changed_since else ()
        if differs:
            stale.append(Stale(names[login], review.commit_id or "-", differs))
        else:
            approving.append(login)
    rules = list(config.approvals)
    holders = {login: config.roles_of(login) for login in approving}
    assigned = _assign(rules, approving, holders, config.distinct_approvers)
    signoffs: list[Signoff] = []
    missing: list[ApprovalRule] = []
    for index, rule in enumerate(rules):
        found = assigned.get(index)
        if found is None:
            missing.append(rule)
        else:
            signoffs.append(Signoff(rule.name, names[found[0]], found[1]))
    if governance:
        rule = config.governance
        found = next(
            (
                (login, role)
                for login in approving
                for role in rule.any_of
                if role in holders[login]
            ),
            None,
        )
        if found is None:
            missing.append(rule)
        else:
            signoffs.append(Signoff(rule.name, names[found[0]], found[1]))
    credited = {s.login.lower() for s in signoffs}
    reused = tuple(
        names[login]
        for login in dict.fromkeys(approving)
        if login in credited
        and any(set(r.any_of) & set(holders[login]) for r in missing if r is not config.governance)
    )
    blockers = tuple(
        Blocker(names[login], config.roles_of(login)[0])
        for login, review in latest.items()
        if review.state == CHANGES_REQUESTED and config.roles_of(login)
    )
    first_role = {s.login.lower(): s.role for s in reversed(signoffs)}
    approvers = tuple(
        Approver(
            login=names[login],
            role=first_role.get(login) or holders[login][0],
            commit=latest[login].commit_id,
        )
        for login in approving
        if holders[login]
    )
    self_approved = any(r.login.lower() == author.lower() and r.state == APPROVED for r in reviews)
    return ApprovalState(
        author=author,
        signoffs=tuple(signoffs),
        missing=tuple(missing),
        blockers=blockers,
        approvers=approvers,
        self_approved=self_approved,
        without_role=tuple(names[login] for login in approving if not holders[login]),
        stale=tuple(stale),
        reused=reused,
        governance=governance,
        reviewed={names[login]: latest[login].commit_id or "" for login in approving},
        labels=config.role_labels,
    )


def _assign(
    rules: Sequence[ApprovalRule],
    logins: Sequence[str],
    holders: Mapping[str, Sequence[str]],
    distinct: bool,
) -> dict[int, tuple[str, str]]:
    """Rule index -> (login, role): as many rules as possible, each by a different login.

    A small exhaustive search (a handful of rules and reviewers), trying logins in review order.
    """

    def options(rule: ApprovalRule) -> list[tuple[str, str]]:
        return [(login, role) for login in logins for role in rule.any_of if role in holders[login]]

    if not distinct:
        return {i: opts[0] for i, rule in enumerate(rules) if (opts := options(rule))}
    best: dict[int, tuple[str, str]] = {}

    def search(index: int, used: frozenset[str], chosen: dict[int, tuple[str, str]]) -> None:
        nonlocal best
        if len(chosen) + (len(rules) - index) <= len(best):
            return
        if index == len(rules):
            best = dict(chosen)
            return
        for login, role in options(rules[index]):
            if login not in used:
                search(index + 1, used | {login}, {**chosen, index: (login, role)})
        search(index + 1, used, chosen)

    search(0, frozenset(), {})
    return best


def role_label(role: str, labels: Mapping[str, str] = ROLE_LABELS) -> str:
    """The role's title; pass `state.labels` (or `config.role_labels`) for the office's own."""
    return labels.get(role, role)


def missing_text(state: ApprovalState) -> str:
    """The missing sign-offs in one Indonesian phrase, naming the roles that can give them."""
    return "; ".join(
        msg.MISSING_ROLE.format(
            rule=rule.name, roles=msg.ROLE_OR.join(role_label(r, state.labels) for r in rule.any_of)
        )
        for rule in state.missing
    )


def describe(state: ApprovalState) -> list[str]:
    """Plain-text lines: who signed off as which role, what is missing, what blocks."""
    lines = [
        msg.SIGNOFF.format(rule=s.rule, login=s.login, role=role_label(s.role, state.labels))
        for s in state.signoffs
    ]
    lines += [
        msg.MISSING.format(
            rule=r.name, roles=msg.ROLE_OR.join(role_label(x, state.labels) for x in r.any_of)
        )
        for r in state.missing
    ]
    lines += [
        msg.BLOCKER.format(login=b.login, role=role_label(b.role, state.labels))
        for b in state.blockers
    ]
    lines += [
        msg.STALE.format(login=s.login, commit=s.commit[:7], files=", ".join(s.files))
        for s in state.stale
    ]
    lines += [msg.REUSED.format(login=login) for login in state.reused]
    if state.governance:
        lines.append(msg.GOVERNANCE.format(rule=governance_name(state)))
    if state.self_approved:
        lines.append(msg.SELF_APPROVAL.format(login=state.author))
    lines += [msg.NO_ROLE.format(login=login) for login in state.without_role]
    return lines


def governance_name(state: ApprovalState) -> str:
    names = [s.rule for s in state.signoffs] + [r.name for r in state.missing]
    return names[-1] if names else "-"


def verdict(state: ApprovalState) -> str:
    if state.blockers:
        return msg.BLOCKED
    if state.missing:
        return msg.INCOMPLETE.format(missing=missing_text(state))
    return msg.COMPLETE


class PullSource(Protocol):
    """What `for_pull` needs from a GitHub client (pipeline.core.github.GitHub fits)."""

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
