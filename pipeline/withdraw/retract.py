"""Withdraw a publication: `kpu retract` prepares the change, CI carries it out.

The page is not deleted: readers who follow an old link see that and why it was withdrawn.
`prepare` sets `withdrawn: {date, reason}` on the post in a branch of its own, commits it and,
with a token, opens the pull request; it needs no network's credentials. Once that pull request
is approved like a publication and merged, `kpu publish` in publish.yml deletes the social posts
(pipeline/withdraw/authority.py, withdraw_run.py). `urgent` is the Ketua's takedown from withdraw.yml.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass

from pipeline.check.validate import Context, validate
from pipeline.core.errors import GitError, PipelineError
from pipeline.core.github import GitHub
from pipeline.core.gitrepo import GitRepo, Identity
from pipeline.core.model import Publication
from pipeline.core.timeutil import now
from pipeline.messages import publish as pmsg
from pipeline.messages import withdraw as msg
from pipeline.publish.social import POSTS_DIR
from pipeline.records.journal import Journal
from pipeline.records.ledger import Ledger
from pipeline.withdraw.authority import MAIN, Authorised, stamp_of, urgent_actor_allowed
from pipeline.withdraw.deletions import Deletions, carry_out

_CLOSING = re.compile(r"^-{3,}\s*$", re.MULTILINE)
BRANCH_PREFIX = "tarik/"
URGENT_VIA = "workflow_dispatch"


@dataclass(frozen=True)
class Prepared:
    publication: Publication
    branch: str
    sha: str
    pushed: bool
    pull: dict[str, object] | None = None
    existed: bool = False


def find(ctx: Context, slug: str) -> Publication:
    for publication in validate(ctx, [ctx.root / POSTS_DIR]).publications:
        if publication.slug == slug:
            return publication
    raise PipelineError(pmsg.RETRACT_NOT_FOUND.format(slug=slug))


def branch_for(slug: str) -> str:
    return f"{BRANCH_PREFIX}{slug}"


def prepare(
    ctx: Context,
    slug: str,
    reason: str,
    repo: GitRepo,
    identity: Identity,
    *,
    push: bool = True,
    github: GitHub | None = None,
) -> Prepared:
    """A branch `tarik/<slug>` from the current one, with `withdrawn:` on the post, committed;
    pushed and (with `github`) the pull request opened. The working copy returns to its branch."""
    publication = find(ctx, slug)
    shown = publication.path.as_posix()
    if publication.front.withdrawn is not None:
        when = publication.front.withdrawn.date.isoformat(timespec="minutes")
        raise PipelineError(msg.ALREADY_WITHDRAWN.format(path=shown, date=when))
    if repo.changed([shown]):
        raise PipelineError(msg.DIRTY.format(path=shown))
    branch = branch_for(slug)
    if repo.rev(f"refs/heads/{branch}") is not None:
        raise PipelineError(msg.BRANCH_EXISTS.format(branch=branch))
    base = repo.branch
    repo.start_branch(branch)
    try:
        mark_withdrawn(ctx, publication, reason)
        sha = repo.commit_paths([shown], msg.COMMIT.format(slug=slug, reason=reason), identity)
        pushed = False
        if push and repo.has_remote:
            repo.push(identity)
            pushed = True
    finally:
        repo._git("checkout", "--quiet", base)
    if github is None or not pushed:
        return Prepared(publication, branch, sha, pushed)
    owner = github.repository.split("/")[0]
    for pull in github.open_pulls(f"{owner}:{branch}"):
        return Prepared(publication, branch, sha, pushed, pull, existed=True)
    body = msg.PR_BODY.format(path=shown, reason=reason)
    title = msg.PR_TITLE.format(title=publication.front.title)
    pull = github.create_pull(title, branch, base, body, draft=False)
    return Prepared(publication, branch, sha, pushed, pull)


def committer(repo: GitRepo, environ: Mapping[str, str]) -> Identity:
    """The person's own git identity on their computer; the bot's in CI (KPU_BOT_NAME)."""
    if not environ.get("KPU_BOT_NAME"):
        try:
            name = repo._git("config", "user.name").strip()
            email = repo._git("config", "user.email").strip()
        except GitError:
            name = email = ""
        if name and email:
            return Identity(name, email)
    return Identity.from_env(environ)


def urgent(
    ctx: Context,
    slug: str,
    reason: str,
    repo: GitRepo,
    identity: Identity,
    actor: str,
    *,
    ledger: Ledger,
    environ: Mapping[str, str] | None = None,
) -> tuple[Publication, Deletions]:
    """The Ketua's takedown: allowed by main's kpu.yml, `withdrawn:` committed to main as the
    bot, the decision (with who) in the ledger and on origin, then every post deleted."""
    environ = os.environ if environ is None else environ
    if not actor:
        raise PipelineError(msg.NO_ACTOR)
    if repo.branch != MAIN:
        raise PipelineError(msg.URGENT_NOT_MAIN.format(branch=repo.branch))
    urgent_actor_allowed(repo, actor)
    repo.sync()
    publication = find(ctx, slug)
    if publication.front.withdrawn is None:
        mark_withdrawn(ctx, publication, reason)
        message = msg.URGENT_COMMIT.format(slug=slug, login=actor, reason=reason)
        repo.commit_paths([publication.path.as_posix()], message, identity)
        repo.push(identity)
        publication = find(ctx, slug)
    stamp = stamp_of(publication, by=actor, via=URGENT_VIA)
    journal = Journal.of(ctx.root, environ)
    done = carry_out(
        ctx, ledger, [Authorised(publication, stamp)], journal=journal, environ=environ
    )
    return publication, done


def mark_withdrawn(ctx: Context, publication: Publication, reason: str) -> dict[str, str]:
    """Add `withdrawn: {date, reason}` to the front matter (kept if already there)."""
    if publication.front.withdrawn is not None:
        w = publication.front.withdrawn
        return {"date": w.date.isoformat(timespec="seconds"), "reason": w.reason}
    stamp = {"date": now(ctx.config.tz).isoformat(timespec="seconds"), "reason": reason}
    path = ctx.root / publication.path
    text = path.read_text(encoding="utf-8")
    closing = list(_CLOSING.finditer(text))[1]  # the validated file has an opening and a closing
    block = (
        "withdrawn:\n"
        f"  date: {stamp['date']}\n"
        f"  reason: {json.dumps(reason, ensure_ascii=False)}\n"  # JSON strings are valid YAML
    )
    updated = text[: closing.start()] + block + text[closing.start() :]
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_text(updated, encoding="utf-8")
    os.replace(temp, path)
    return stamp
