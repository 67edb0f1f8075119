"""SOP steps 1-2 without the CLI: a labelled Nota Dinas issue becomes a branch and a draft pull
request assigned to Tim Desain (run by .github/workflows/intake.yml as `kpu intake open N`).

Idempotent: an open pull request for the issue's branch is reported, never duplicated, so the
workflow may run again when the issue is edited. Problems go back to the issue as a comment, so
the requester sees what to fix without reading a workflow log.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.check.stages import load_stages
from pipeline.core.config import load_config
from pipeline.core.github import GitHub
from pipeline.core.gitrepo import GitRepo, Identity
from pipeline.core.timeutil import now
from pipeline.intake.issue_form import IntakeError, create_from_issue, parse
from pipeline.intake.slug import slugify
from pipeline.messages import intake as msg

LABEL = "permintaan-publikasi"
# Decap CMS lists open pull requests from cms/<collection>/<entry> with this label on its
# editorial-workflow board, so a request also shows up in /admin/ under "Draf".
BRANCH_PREFIX = "cms/drafts/"
WORKFLOW_LABEL = "decap-cms/draft"


@dataclass(frozen=True)
class Opened:
    number: int
    url: str
    branch: str
    path: str
    created: bool  # False: the pull request for this issue was already open


def branch_for(title: str, day: str) -> str:
    return f"{BRANCH_PREFIX}{day}-{slugify(title)}"


def open_draft_pull(
    root: Path, number: int, github: GitHub, repo: GitRepo, identity: Identity, push: bool = True
) -> Opened:
    """Issue -> drafts/<day>-<slug>.md on its own branch -> draft pull request, assigned."""
    config = load_config(root)
    issue = github.issue(number)
    labels = [str(label.get("name")) for label in issue.get("labels") or []]
    if LABEL not in labels:
        raise IntakeError([msg.NOT_LABELLED.format(number=number, label=LABEL)])
    try:
        request = parse(str(issue.get("body") or ""), list(load_stages(root)), number)
    except IntakeError as exc:
        problems = "\n".join(f"- {p}" for p in exc.problems)
        github.create_comment(number, msg.ISSUE_PROBLEMS.format(problems=problems))
        raise
    day = now().date().isoformat()
    branch = branch_for(request.title, day)
    owner = github.repository.split("/")[0]
    path = f"drafts/{branch.removeprefix(BRANCH_PREFIX)}.md"
    for pull in github.open_pulls(f"{owner}:{branch}"):
        return Opened(int(pull["number"]), str(pull["html_url"]), branch, path, False)
    base = repo.branch
    repo.start_branch(branch)
    written = create_from_issue(root, request).relative_to(root).as_posix()
    repo.commit_paths([written], msg.COMMIT.format(number=number, title=request.title), identity)
    if push:
        repo.push(identity)
    designers = config.roles.get("tim_desain", [])
    shown = ", ".join(f"@{login}" for login in designers) or "-"
    body = msg.PR_BODY.format(number=number, path=written, designers=shown)
    pull = github.create_pull(msg.PR_TITLE.format(title=request.title), branch, base, body)
    pr_number = int(pull["number"])
    if designers:
        github.add_assignees(pr_number, designers)
    github.update_issue(pr_number, labels=[WORKFLOW_LABEL])
    url = str(pull["html_url"])
    comment = msg.ISSUE_COMMENT.format(url=url, branch=branch, path=written, designers=shown)
    github.create_comment(number, comment)
    return Opened(pr_number, url, branch, written, True)
