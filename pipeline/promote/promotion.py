"""SOP steps 7-8 (web half): move approved, ready and due drafts from drafts/ to content/posts/.

Decided from the repository's state alone, every run, for every draft: a skipped run loses
nothing, a repeated run changes nothing. `plan` only reads; `apply` writes, commits and pushes.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from contextlib import suppress
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from pipeline.check.validate import Context, publication_files, validate
from pipeline.core import frontmatter_edit as fm
from pipeline.core.config import ROLE_LABELS
from pipeline.core.errors import ConfigError, PipelineError, RemoteError
from pipeline.core.gitrepo import Commit, GitRepo, Identity
from pipeline.core.model import FrontMatter, Provenance, Publication, canonical_status
from pipeline.core.problems import Level, Problem, error
from pipeline.core.read import ReadFailed, load_yaml, read_document
from pipeline.core.schema import validate_model
from pipeline.core.timeutil import aware
from pipeline.messages import promote as msg
from pipeline.review import rules, sop_events, verify
from pipeline.review.approvals import ApprovalState, Review, evaluate, missing_text, role_label

DRAFTS_DIR = "drafts"
POSTS_DIR = "content/posts"


class Action(StrEnum):
    PROMOTE = "promote"
    SCHEDULED = "scheduled"
    POSTPONED = "postponed"
    DRAFT = "draft"
    UNAPPROVED = "unapproved"
    INVALID = "invalid"
    ERROR = "error"  # an unexpected error in this one draft; the others go on


FAILING = (Action.UNAPPROVED, Action.INVALID, Action.ERROR)


class PullApi(Protocol):
    """The GitHub calls promotion makes (pipeline.core.github.GitHub fits)."""

    def pull(self, number: int) -> dict[str, Any]: ...

    def reviews(self, number: int) -> list[dict[str, Any]]: ...

    def pulls_of_commit(self, sha: str) -> list[dict[str, Any]]: ...


@dataclass(frozen=True)
class PullRef:
    number: int
    url: str
    author: str
    merge: str = ""  # the merge commit, the squash commit, or the last rebased commit on main
    before: str = ""  # main as it stood before the merge: whose rules judge the pull request
    data: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """The pull request as the API returned it (its times and body, for provenance.sop)."""


@dataclass(frozen=True)
class Decision:
    """What this run does with one draft, and why (Indonesian `reason` when it stays)."""

    path: str
    action: Action
    title: str = ""
    target: str | None = None
    pull: PullRef | None = None
    approval: ApprovalState | None = None
    commit: str | None = None
    publish_at: dt.datetime | None = None
    reason: str = ""
    problems: tuple[Problem, ...] = ()
    publication: Publication | None = None
    corrects_date: dt.datetime | None = None  # a correction keeps the published post's date
    sop: dict[str, dt.datetime] | None = (
        None  # SOP event times on GitHub (pipeline.review.sop_events)
    )


@dataclass
class Plan:
    now: dt.datetime
    decisions: list[Decision] = field(default_factory=list)

    def of(self, *actions: Action) -> list[Decision]:
        return [d for d in self.decisions if d.action in actions]

    @property
    def failed(self) -> bool:
        return bool(self.of(*FAILING))


@dataclass
class Result:
    plan: Plan
    commits: list[str] = field(default_factory=list)
    pushed: bool = False
    rebases: int = 0


def drafts_of(root: Path) -> list[Path]:
    folder = root / DRAFTS_DIR
    return publication_files(folder) if folder.is_dir() and not folder.is_symlink() else []


def _symlinked(root: Path, path: Path) -> str | None:
    """The first symlink on the way from `root` to `path` (the file itself included)."""
    current = root
    for part in path.relative_to(root).parts:
        current = current / part
        if current.is_symlink():
            return current.relative_to(root).as_posix()
    return None


def plan(ctx: Context, repo: GitRepo, github: PullApi | None, now: dt.datetime) -> Plan:
    """Decide every draft; reads files, history and the GitHub API, changes nothing."""
    found = drafts_of(ctx.root)
    linked = {p: link for p in found if (link := _symlinked(ctx.root, p))}
    drafts = [p for p in found if p not in linked]
    checked = validate(ctx, drafts) if drafts else None
    problems: dict[str, list[Problem]] = defaultdict(list)
    publications = {}
    if checked is not None:
        for problem in checked.problems:
            problems[problem.path].append(problem)
        publications = {p.path.as_posix(): p for p in checked.publications}
    decider = Decider(ctx, repo, github, now)
    result = Plan(now)
    for path in found:
        shown = path.relative_to(ctx.root).as_posix()
        if path in linked:
            problem = error(shown, None, msg.SYMLINK.format(path=linked[path]))
            result.decisions.append(
                Decision(shown, Action.INVALID, reason=problem.message, problems=(problem,))
            )
            continue
        try:
            decision = decider.decide(shown, publications.get(shown), problems[shown])
        except Exception as exc:  # noqa: BLE001 - one draft's surprise must not stop the others
            detail = f"{type(exc).__name__}: {exc}"[:300]
            decision = Decision(shown, Action.ERROR, reason=msg.UNEXPECTED.format(detail=detail))
        result.decisions.append(decision)
    return result


class Decider:
    """Judges files for promotion: its state, and the merged pull request that brought each file
    in, reviewed against main's rules as they stood before that merge. The withdrawal check
    (pipeline/withdraw/authority.py) asks it the same questions about a published file."""

    def __init__(
        self, ctx: Context, repo: GitRepo, github: PullApi | None, now: dt.datetime
    ) -> None:
        self.ctx, self.repo, self.github, self.now = ctx, repo, github, now
        self._chain: list[str] | None = None
        self._reviews: dict[int, list[Review]] = {}
        self._rules: dict[str, Context] = {}
        self._governed: dict[int, list[str]] = {}

    def decide(
        self, shown: str, publication: Publication | None, problems: list[Problem]
    ) -> Decision:
        status, title = _status_and_title(self.ctx.root / shown, shown)
        if status in ("draft", "postponed"):
            return Decision(shown, Action(status), title=title)
        errors = tuple(p for p in problems if p.level is Level.ERROR)
        if publication is None or errors:
            reason = msg.INVALID.format(count=len(errors))
            return Decision(shown, Action.INVALID, title=title, reason=reason, problems=errors)
        front = publication.front
        year = self.now.astimezone(self.ctx.config.tz).year
        target = f"{POSTS_DIR}/{year}/{publication.slug}.md"
        base = Decision(
            shown,
            Action.UNAPPROVED,
            title=front.title,
            target=target,
            publish_at=front.publish_at,
            publication=publication,
        )
        if front.corrects is not None:
            return self._correction(base, front.corrects)
        if (self.ctx.root / target).exists():
            problem = error(shown, 1, msg.TARGET_EXISTS.format(target=target))
            return _with(base, Action.INVALID, reason=problem.message, problems=(problem,))
        return self._approved(base)

    def _correction(self, base: Decision, corrects: str) -> Decision:
        """A draft replacing a published post: same file, same date, a new approval record."""
        target = corrects.lstrip("/")
        path = self.ctx.root / target
        date = None
        if target.startswith(f"{POSTS_DIR}/") and target.endswith(".md"):
            linked = _symlinked(self.ctx.root, path) if path.exists() else None
            if path.is_file() and linked is None:
                with suppress(ReadFailed):
                    value = read_document(path, target).meta.get("date")
                    date = aware(value, self.ctx.config.tz) if isinstance(value, dt.date) else None
        if date is None:
            problem = error(base.path, 1, msg.CORRECTS_MISSING.format(target=target))
            return _with(base, Action.INVALID, reason=problem.message, problems=(problem,))
        return self._approved(_with(base, base.action, target=target, corrects_date=date))

    def _approved(self, base: Decision) -> Decision:
        last = self.repo.last_commit(base.path)
        if last is None:
            return _with(base, Action.UNAPPROVED, reason=msg.NOT_COMMITTED)
        if self.github is None:
            return _with(
                base, Action.UNAPPROVED, commit=last.sha, reason=msg.NO_API.format(detail="-")
            )
        try:
            pull = self.pull_of(last)
            if pull is None:
                reason = msg.NO_PULL.format(sha=last.sha[:7], branch=self.repo.branch)
                return _with(base, Action.UNAPPROVED, commit=last.sha, reason=reason)
            rules_ctx = self.rules_before(pull)
            state = self.approval(pull, base, rules_ctx)
        except RemoteError as exc:
            return _with(
                base, Action.UNAPPROVED, commit=last.sha, reason=msg.NO_API.format(detail=exc)
            )
        except ConfigError as exc:
            detail = "; ".join(p.format_text() for p in exc.problems)[:500] or "-"
            return _with(
                base,
                Action.INVALID,
                commit=last.sha,
                reason=msg.RULES_BROKEN.format(sha=pull.before[:7] if pull else "-", detail=detail),
            )
        sop = self._sop_times(pull, rules_ctx)
        base = _with(base, base.action, commit=last.sha, pull=pull, approval=state, sop=sop)
        if state.blockers:
            who = ", ".join(
                f"{b.login} ({role_label(b.role, state.labels)})" for b in state.blockers
            )
            return _with(
                base, Action.UNAPPROVED, reason=msg.BLOCKED.format(number=pull.number, who=who)
            )
        if state.missing:
            reason = msg.MISSING.format(number=pull.number, missing=missing_text(state))
            if state.stale:
                who = ", ".join(s.login for s in state.stale)
                reason += "; " + msg.STALE.format(who=who)
            if state.governance:
                files = ", ".join(self._governed.get(pull.number, []))
                reason += "; " + msg.GOVERNANCE.format(files=files)
            return _with(base, Action.UNAPPROVED, reason=reason)
        if not state.governance:
            # Judged by main's data before the merge: the pull request's own registry or stages
            # do not count unless the governance sign-off accepted them.
            refused = self._invalid_before(base, rules_ctx, pull)
            if refused is not None:
                return refused
        if base.publish_at is not None and base.publish_at > self.now:
            return _with(base, Action.SCHEDULED)
        return _with(base, Action.PROMOTE)

    def _invalid_before(self, base: Decision, rules_ctx: Context, pull: PullRef) -> Decision | None:
        checked = validate(rules_ctx, [self.ctx.root / base.path])
        errors = tuple(p for p in checked.problems if p.level is Level.ERROR)
        if not errors:
            return None
        reason = msg.INVALID_BEFORE.format(count=len(errors), sha=pull.before[:7])
        return _with(base, Action.INVALID, reason=reason, problems=errors)

    def _first_parents(self) -> list[str]:
        if self._chain is None:
            self._chain = self.repo.first_parent_chain()
        return self._chain

    def pull_of(self, last: Commit) -> PullRef | None:
        """The merged pull request that brought `last` into this branch, verified with the API."""
        assert self.github is not None
        chain = set(self._first_parents())
        merge = last if last.sha in chain else self.repo.merge_bringing(last.sha)
        if merge is not None and merge.pull_number is not None:
            pull = self.github.pull(merge.pull_number)
            if pull.get("merged_at") and pull.get("merge_commit_sha") == merge.sha:
                return _ref(pull, merge.sha, merge.parents[0])
        branch = self.repo.branch
        for pull in self.github.pulls_of_commit(last.sha):
            merged = pull.get("merge_commit_sha")
            base_ref = (pull.get("base") or {}).get("ref")
            if pull.get("merged_at") and merged and base_ref == branch and merged in chain:
                return _ref(pull, merged, self._before(pull, merged))
        return None

    def _before(self, pull: dict[str, Any], merged: str) -> str:
        """main before the pull request: the merge's first parent, or, for a squash or rebase,
        the parent of the first commit on main's first-parent chain that the pull request made."""
        commit = self.repo.commit(merged)
        if len(commit.parents) > 1:
            return commit.parents[0]
        assert self.github is not None
        count = max(1, int(pull.get("commits") or 1))
        number = int(pull["number"])
        for _ in range(count - 1):
            parent = self.repo.commit(commit.parents[0]) if commit.parents else None
            if parent is None or len(parent.parents) != 1:
                break
            if number not in [
                int(p.get("number", 0)) for p in self.github.pulls_of_commit(parent.sha)
            ]:
                break
            commit = parent
        return commit.parents[0] if commit.parents else commit.sha

    def rules_before(self, pull: PullRef) -> Context:
        """The rules that judge `pull`: main's kpu.yml at the merge's first parent."""
        if pull.before not in self._rules:
            self._rules[pull.before] = rules.context_at(
                self.repo, pull.before, self.ctx.root, self.ctx.today
            )
        if pull.number not in self._governed:
            self._governed[pull.number] = rules.governed_changes(self.repo, pull.before, pull.merge)
        return self._rules[pull.before]

    def _sop_times(self, pull: PullRef, rules_ctx: Context) -> dict[str, dt.datetime]:
        """When GitHub saw each SOP event of this pull request, kept in provenance.sop so that
        kpu report measures steps 1-5 without a token. The intake issue is read only when the
        pull request closes one; an issue that cannot be read is left out."""
        issue = getattr(self.github, "issue", None)
        reviews = self._reviews.get(pull.number, [])
        found = sop_events.pull_times(pull.data, reviews, rules_ctx.config, issue)
        return {name: when for name, (when, _) in found.items()}

    def approval(self, pull: PullRef, base: Decision, rules_ctx: Context) -> ApprovalState:
        """Who signed `pull` off as which SOP role under `rules_ctx`; an approval counts only
        while the draft and its image are what the reviewer saw (else it is stale)."""
        assert self.github is not None and base.publication is not None
        if pull.number not in self._reviews:
            self._reviews[pull.number] = [
                Review.from_api(r) for r in self.github.reviews(pull.number)
            ]
        files = [base.path]
        image = base.publication.front.image
        if image:
            files.append(image.lstrip("/"))

        def changed_since(commit: str | None) -> list[str]:
            return self._changed_since(pull, commit, files)

        return evaluate(
            self._reviews[pull.number],
            pull.author,
            rules_ctx.config,
            governance=bool(self._governed[pull.number]),
            changed_since=changed_since,
        )

    def _changed_since(self, pull: PullRef, commit: str | None, files: list[str]) -> list[str]:
        """The draft files that differ between the reviewed commit and what is promoted now."""
        if not commit:
            return files
        if not self.repo.has_commit(commit):
            self.repo.fetch_ref(f"refs/pull/{pull.number}/head")
        if not self.repo.has_commit(commit):
            return files  # the reviewed version cannot be compared: not counted
        return [f for f in files if self.repo.blob_id(commit, f) != self.repo.blob_id("HEAD", f)]


def _ref(pull: dict[str, Any], merge: str, before: str) -> PullRef:
    author = str((pull.get("user") or {}).get("login", ""))
    return PullRef(
        int(pull["number"]), str(pull.get("html_url", "")), author, merge, before, dict(pull)
    )


def _with(base: Decision, action: Action, **changes: Any) -> Decision:
    values = {**base.__dict__, **changes, "action": action}
    return Decision(**values)


def _status_and_title(path: Path, shown: str) -> tuple[str | None, str]:
    try:
        meta = read_document(path, shown).meta
    except ReadFailed:
        return None, ""
    status, title = canonical_status(meta.get("status", "draft")), meta.get("title")
    return (status if isinstance(status, str) else None), (title if isinstance(title, str) else "")


# --- applying ----------------------------------------------------------------------------------
def provenance_of(decision: Decision, now: dt.datetime, digest: str | None = None) -> Provenance:
    assert decision.pull is not None and decision.approval is not None
    assert decision.publication is not None
    return Provenance(
        source=decision.path,
        content_sha256=digest,
        pr=decision.pull.number,
        url=decision.pull.url,
        approvers=list(decision.approval.approvers),
        memo=decision.publication.front.request.number,
        commit=decision.commit,
        merge=decision.pull.merge or None,
        promoted_at=now,
        issue=sop_events.closed_issue(decision.pull.data),
        sop=decision.sop or None,
    )


def stamp(
    text: str, when: dt.datetime, provenance: Provenance, promoted_at: dt.datetime | None = None
) -> str:
    """Set `date`, add `provenance`, drop the spent `publish_at` (and `corrects`); keep every
    other line."""
    stamped = fm.set_key(
        text, "date", f"date: {when.isoformat()}\n", after=("description", "title")
    )
    stamped = fm.remove_key(fm.remove_key(stamped, "publish_at"), "corrects")
    stamped = _canonical_status(stamped)
    when_promoted = promoted_at or when
    data = provenance.model_dump(mode="json", exclude={"promoted_at"}, exclude_none=True)
    block = "# Dicatat otomatis oleh kpu promote: asal persetujuan publikasi ini.\n"
    block += fm.render("provenance", data)
    block += f"  promoted_at: {when_promoted.isoformat()}\n"
    return fm.set_key(stamped, "provenance", block)


def _canonical_status(text: str) -> str:
    """`status: siap` is published as `status: ready`: the site and every later run read one
    value (the approved content's hash is over the canonical value, so it stays the same)."""
    try:
        written = load_yaml(fm.front_text(text), "front matter").data.get("status")
    except (ReadFailed, AttributeError):
        return text
    canonical = canonical_status(written)
    if written is None or canonical == written or not isinstance(canonical, str):
        return text
    return fm.set_key(text, "status", f"status: {canonical}\n")


def _checked_stamp(decision: Decision, now: dt.datetime, root: Path) -> str:
    """The stamped text, proven to parse back into the same front matter before anything moves."""
    text = (root / decision.path).read_text(encoding="utf-8")
    try:
        digest = verify.content_hash(text)
        when = decision.corrects_date or now
        stamped = stamp(text, when, provenance_of(decision, now, digest), promoted_at=now)
        doc = load_yaml(fm.front_text(stamped), decision.path, first_line=2)
        front, problems = validate_model(FrontMatter, doc, decision.path)
    except (fm.EditError, ReadFailed, verify.Unverifiable) as exc:
        raise PipelineError(msg.STAMP_FAILED.format(detail=exc)) from exc
    if verify.content_hash(stamped) != digest:
        raise PipelineError(msg.STAMP_FAILED.format(detail="content_sha256"))
    if front is None or front.date != (decision.corrects_date or now) or front.provenance is None:
        detail = "; ".join(p.message for p in problems) or "-"
        raise PipelineError(msg.STAMP_FAILED.format(detail=detail))
    return stamped


def commit_message(decision: Decision) -> str:
    assert decision.pull is not None and decision.publication is not None
    body = msg.COMMIT_BODY.format(
        path=decision.path,
        target=decision.target,
        number=decision.pull.number,
        url=decision.pull.url,
        approvers=approvers_text(decision),
        memo=decision.publication.front.request.number,
        commit=decision.commit,
    )
    return msg.COMMIT_SUBJECT.format(title=decision.title) + "\n\n" + body


def approvers_text(decision: Decision) -> str:
    approvers = decision.approval.approvers if decision.approval else ()
    labels = decision.approval.labels if decision.approval else {}
    return ", ".join(
        msg.APPROVER.format(login=a.login, role=role_label(a.role, labels or ROLE_LABELS))
        for a in approvers
    )


def apply(plan: Plan, repo: GitRepo, identity: Identity, push: bool = True) -> Result:
    """Move, stamp and commit every promotable draft (one commit each), then push once.

    Each draft is stamped and proven before it moves; one that fails is reported (ERROR) and
    left in drafts/, and the others still go.
    """
    result = Result(plan)
    for index, decision in enumerate(plan.decisions):
        if decision.action is not Action.PROMOTE:
            continue
        assert decision.target is not None
        try:
            stamped = _checked_stamp(decision, plan.now, repo.root)
        except Exception as exc:  # noqa: BLE001 - reported per draft, the others go on
            detail = str(exc) if isinstance(exc, PipelineError) else f"{type(exc).__name__}: {exc}"
            reason = msg.UNEXPECTED.format(detail=detail[:300])
            plan.decisions[index] = _with(decision, Action.ERROR, reason=reason)
            continue
        if decision.corrects_date is None:
            repo.move(decision.path, decision.target)
        else:  # a correction replaces the published file in place
            (repo.root / decision.path).unlink()
        (repo.root / decision.target).write_text(stamped, encoding="utf-8")
        result.commits.append(
            repo.commit_paths([decision.path, decision.target], commit_message(decision), identity)
        )
    if result.commits and push and repo.has_remote:
        result.rebases = repo.push(identity)
        result.pushed = True
    return result
