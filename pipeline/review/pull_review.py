"""`kpu approvals` and the PR comment: one pull request judged by its base branch's rules.

Before the merge the rules are those of the base branch (`origin/main`), after it those of the
merge's first parent; the pull request's own kpu.yml never counts. Without a git checkout (or
without the base branch fetched) the rules of the working folder are used, and the result says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from pipeline.core.config import KpuConfig, load_config
from pipeline.core.errors import GitError
from pipeline.core.gitrepo import GitRepo
from pipeline.core.read import ReadFailed, load_yaml
from pipeline.review import rules
from pipeline.review.approvals import ApprovalState, Review, evaluate

DRAFT_PREFIX = "drafts/"


class PullReader(Protocol):
    def pull(self, number: int) -> dict[str, Any]: ...

    def reviews(self, number: int) -> list[dict[str, Any]]: ...

    def pull_files(self, number: int) -> list[dict[str, Any]]: ...


@dataclass(frozen=True)
class Judged:
    pull: dict[str, Any]
    state: ApprovalState
    rules_from: str | None  # the revision whose rules were used; None: the working folder
    governed: tuple[str, ...] = ()
    config: KpuConfig | None = None  # the rules used (roles and their holders)


def judge(github: PullReader, number: int, root: Path) -> Judged:
    pull = github.pull(number)
    author = str((pull.get("user") or {}).get("login", ""))
    reviews = [Review.from_api(r) for r in github.reviews(number)]
    repo = _repo(root)
    base, after = _revisions(repo, pull) if repo is not None else (None, None)
    config = rules.config_at(repo, base) if repo is not None and base else load_config(root)
    files = _files(github, number, repo, base, after)
    governed = rules.governed_in(files, lambda: _config_texts(repo, base, after))
    watched = _watched(files, repo, after)

    def changed_since(commit: str | None) -> list[str]:
        if repo is None or after is None or not watched:
            return []
        if not commit or not repo.has_commit(commit):
            return watched
        return [f for f in watched if repo.blob_id(commit, f) != repo.blob_id(after, f)]

    state = evaluate(
        reviews, author, config, governance=bool(governed), changed_since=changed_since
    )
    return Judged(pull, state, base, tuple(governed), config)


def _repo(root: Path) -> GitRepo | None:
    try:
        return GitRepo(root)
    except GitError:
        return None


def _revisions(repo: GitRepo, pull: dict[str, Any]) -> tuple[str | None, str | None]:
    """(rules revision, the pull request's merged or head revision), as far as they are local."""
    merged = pull.get("merge_commit_sha") if pull.get("merged_at") else None
    if merged and repo.has_commit(str(merged)):
        commit = repo.commit(str(merged))
        if len(commit.parents) > 1:
            return commit.parents[0], commit.sha
        base_sha = (pull.get("base") or {}).get("sha")
        if base_sha and repo.has_commit(str(base_sha)):
            return str(base_sha), commit.sha
        return (commit.parents[0] if commit.parents else None), commit.sha
    ref = str((pull.get("base") or {}).get("ref") or "main")
    base = repo.rev(f"{repo.remote}/{ref}") or repo.rev(ref)
    head = str((pull.get("head") or {}).get("sha") or "")
    number = int(pull.get("number") or 0)
    if head and not repo.has_commit(head) and number:
        repo.fetch_ref(f"refs/pull/{number}/head")
    return base, head if head and repo.has_commit(head) else None


def _files(
    github: PullReader, number: int, repo: GitRepo | None, base: str | None, after: str | None
) -> list[str]:
    if repo is not None and base and after:
        merge_base = repo.merge_base(base, after) or base
        return repo.changed_between(merge_base, after)
    return [str(f.get("filename", "")) for f in github.pull_files(number)]


def _config_texts(
    repo: GitRepo | None, base: str | None, after: str | None
) -> tuple[bytes | None, bytes | None]:
    if repo is None or not base or not after:
        return None, b"(tidak dapat dibandingkan)"
    return repo.read_blob(base, rules.CONFIG_FILE), repo.read_blob(after, rules.CONFIG_FILE)


def _watched(files: list[str], repo: GitRepo | None, after: str | None) -> list[str]:
    """The pull request's drafts and the images they reference, as of `after`."""
    drafts = [f for f in files if f.startswith(DRAFT_PREFIX) and f.endswith(".md")]
    watched = list(drafts)
    if repo is None or after is None:
        return watched
    for name in drafts:
        image = _image_of(repo.read_blob(after, name), name)
        if image:
            watched.append(image)
    return watched


def _image_of(data: bytes | None, name: str) -> str | None:
    if not data:
        return None
    text = data.decode("utf-8", errors="replace")
    if not text.startswith("---"):
        return None
    front = text.split("---", 2)[1] if text.count("---") >= 2 else ""
    try:
        meta = load_yaml(front, name).data
    except ReadFailed:
        return None
    image = meta.get("image") if isinstance(meta, dict) else None
    return image.lstrip("/") if isinstance(image, str) else None
