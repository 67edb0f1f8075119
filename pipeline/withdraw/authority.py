"""Who may withdraw a publication: a reviewed, merged pull request, or the Ketua in a hurry.

Withdrawing removes public information just as publishing adds it, so the rule is the SOP's
own: the pull request that set `withdrawn:` needs the same sign-offs as a publication (kpu.yml
`approvals`, plus the governance sign-off when it also changes the rules), judged by main's
rules as they stood before the merge and only for the version of the file that was reviewed.
The one exception is the urgent takedown (`kpu retract --urgent`, run by withdraw.yml on
`workflow_dispatch`): the person who starts it must hold `ketua` or a governance role in main's
kpu.yml. Either way the decision is written into the ledger (`withdrawn` of the page, with
`pr`/`approved_by` or `by`/`via`), so a later run finishes the deletions without asking again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pipeline.check.validate import Context
from pipeline.core.errors import ConfigError, PipelineError, RemoteError
from pipeline.core.gitrepo import GitRepo
from pipeline.core.model import Publication
from pipeline.core.timeutil import now
from pipeline.messages import withdraw as msg
from pipeline.promote.promotion import Action, Decider, Decision, PullApi
from pipeline.records.ledger import Book
from pipeline.review import rules
from pipeline.review.approvals import missing_text, role_label

URGENT_ROLES = ("ketua",)
MAIN = "main"


@dataclass(frozen=True)
class Authorised:
    publication: Publication
    stamp: dict[str, str]
    """What the ledger's page records as `withdrawn`: date, reason, and who decided."""


@dataclass(frozen=True)
class Refused:
    path: str
    reason: str


def stamp_of(publication: Publication, **who: str) -> dict[str, str]:
    withdrawn = publication.front.withdrawn
    assert withdrawn is not None
    return {
        "date": withdrawn.date.isoformat(timespec="seconds"),
        "reason": withdrawn.reason,
        **who,
    }


def who_text(stamp: Mapping[str, str]) -> str:
    if stamp.get("by"):
        return msg.BY_PERSON.format(login=stamp["by"], via=stamp.get("via", "-"))
    return msg.BY_PULL.format(number=stamp.get("pr", "-"), approvers=stamp.get("approved_by", "-"))


def decide(
    ctx: Context,
    publications: list[Publication],
    book: Book,
    repo: GitRepo | None,
    github: PullApi | None,
) -> tuple[list[Authorised], list[Refused]]:
    """Every publication with `withdrawn:`: authorised (by the ledger's record of an earlier
    decision, or by its approved pull request now), or refused with the reason."""
    authorised: list[Authorised] = []
    refused: list[Refused] = []
    decider = Decider(ctx, repo, github, now()) if repo is not None else None
    for publication in publications:
        if publication.front.withdrawn is None:
            continue
        page = book.pages.get(publication.slug)
        if page is not None and page.withdrawn is not None:
            authorised.append(Authorised(publication, dict(page.withdrawn)))
            continue
        shown = publication.path.as_posix()
        if decider is None or github is None:
            detail = msg.NO_TOKEN if github is None else "-"
            refused.append(Refused(shown, msg.NO_API.format(detail=detail)))
            continue
        try:
            authorised.append(_by_pull(decider, publication))
        except PipelineError as exc:
            refused.append(Refused(shown, str(exc)))
    return authorised, refused


def _by_pull(decider: Decider, publication: Publication) -> Authorised:
    """The merged pull request that last changed the file, its reviews against main's rules."""
    shown = publication.path.as_posix()
    repo = decider.repo
    last = repo.last_commit(shown)
    if last is None:
        raise PipelineError(msg.NO_PULL.format(sha="-", branch=repo.branch))
    try:
        pull = decider.pull_of(last)
        if pull is None:
            raise PipelineError(msg.NO_PULL.format(sha=last.sha[:7], branch=repo.branch))
        rules_ctx = decider.rules_before(pull)
        base = Decision(shown, Action.UNAPPROVED, publication=publication)
        state = decider.approval(pull, base, rules_ctx)
    except RemoteError as exc:
        raise PipelineError(msg.NO_API.format(detail=exc)) from None
    except ConfigError as exc:
        detail = "; ".join(p.format_text() for p in exc.problems)[:300] or "-"
        raise PipelineError(msg.NO_API.format(detail=detail)) from None
    if state.blockers:
        who = ", ".join(f"{b.login} ({role_label(b.role)})" for b in state.blockers)
        raise PipelineError(msg.BLOCKED.format(number=pull.number, who=who))
    if state.missing:
        raise PipelineError(msg.MISSING.format(number=pull.number, missing=missing_text(state)))
    approvers = ", ".join(f"{s.login} ({role_label(s.role)})" for s in state.signoffs)
    return Authorised(
        publication, stamp_of(publication, pr=str(pull.number), approved_by=approvers)
    )


def urgent_actor_allowed(repo: GitRepo, login: str) -> None:
    """Raise unless `login` holds `ketua` or a governance role in main's kpu.yml (origin's main
    when there is one: the branch the workflow was started on does not choose the rules)."""
    rev = repo.rev(f"{repo.remote}/{MAIN}") if repo.has_remote else None
    config = rules.config_at(repo, rev or "HEAD")
    allowed = tuple(dict.fromkeys((*URGENT_ROLES, *config.governance.any_of)))
    if any(role in allowed for role in config.roles_of(login)):
        return
    held = {f"@{h}" for role, logins in config.roles.items() if role in allowed for h in logins}
    holders = ", ".join(sorted(held))
    roles = ", ".join(role_label(r) for r in allowed)
    raise PipelineError(msg.NOT_KETUA.format(login=login, roles=roles, holders=holders or "-"))
