"""The git side of promotion and records, through GitPython: history questions and safe pushes.

Pushes are never forced: a rejected push is followed by fetch, rebase and another try.
Every GitPython failure leaves this module as a GitError with an Indonesian message.
"""

from __future__ import annotations

import base64
import os
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pipeline.core.errors import GitError
from pipeline.messages import promote as msg

if TYPE_CHECKING:
    import git

MERGE_MESSAGE = re.compile(r"^Merge pull request #(\d+) from (\S+)")
PUSH_ATTEMPTS = 4
T = TypeVar("T")
_REJECTED = ("rejected", "fetch first", "non-fast-forward", "failed to push", "stale info")


@dataclass(frozen=True)
class Identity:
    """Who the bot commits as; KPU_BOT_NAME / KPU_BOT_EMAIL override the default."""

    name: str = "KPU Publikasi Bot"
    email: str = "kpu-publikasi-bot@users.noreply.github.com"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> Identity:
        default = cls()
        return cls(
            environ.get("KPU_BOT_NAME") or default.name,
            environ.get("KPU_BOT_EMAIL") or default.email,
        )

    @property
    def env(self) -> dict[str, str]:
        return {
            "GIT_AUTHOR_NAME": self.name,
            "GIT_AUTHOR_EMAIL": self.email,
            "GIT_COMMITTER_NAME": self.name,
            "GIT_COMMITTER_EMAIL": self.email,
        }


@dataclass(frozen=True)
class Commit:
    sha: str
    summary: str
    parents: tuple[str, ...]

    @property
    def pull_number(self) -> int | None:
        """The PR number of a GitHub merge commit ("Merge pull request #N from ...")."""
        match = MERGE_MESSAGE.match(self.summary)
        return int(match.group(1)) if match and len(self.parents) > 1 else None


class GitRepo:
    """One working copy: its current branch, its history and its `origin`."""

    def __init__(
        self, root: Path, remote: str = "origin", environ: Mapping[str, str] = os.environ
    ) -> None:
        import git  # GitPython, imported when a repository is first used

        try:
            self.repo = git.Repo(root, search_parent_directories=False)
        except (git.InvalidGitRepositoryError, git.NoSuchPathError) as exc:
            raise GitError(msg.NOT_A_REPOSITORY.format(path=root)) from exc
        self.root = Path(self.repo.working_tree_dir or root)
        self.remote = remote
        self._environ = environ

    @property
    def branch(self) -> str:
        """The current branch; in a detached checkout, the one GITHUB_REF names."""
        if not self.repo.head.is_detached:
            return self.repo.active_branch.name
        ref = self._environ.get("GITHUB_REF", "")
        if ref.startswith("refs/heads/"):
            return ref.removeprefix("refs/heads/")
        raise GitError(msg.DETACHED_HEAD)

    @property
    def head(self) -> str:
        return self.repo.head.commit.hexsha

    @property
    def has_remote(self) -> bool:
        return self.remote in [r.name for r in self.repo.remotes]

    def commit(self, sha: str) -> Commit:
        c = _run(lambda: self.repo.commit(sha))
        return Commit(c.hexsha, str(c.summary), tuple(p.hexsha for p in c.parents))

    def last_commit(self, path: str) -> Commit | None:
        """The commit that last changed `path` in the history of HEAD."""
        sha = self._git("log", "-1", "--format=%H", "HEAD", "--", path).strip()
        return self.commit(sha) if sha else None

    def first_parent_chain(self) -> list[str]:
        return self._git("rev-list", "--first-parent", "HEAD").split()

    def merge_bringing(self, sha: str) -> Commit | None:
        """The first-parent merge commit of HEAD that brought `sha` in from a side branch."""
        chain = set(self.first_parent_chain())
        merges = self._git(
            "rev-list", "--ancestry-path", "--merges", "--reverse", f"{sha}..HEAD"
        ).split()
        for candidate in merges:
            if candidate in chain:
                return self.commit(candidate)
        return None

    def is_ancestor(self, sha: str, of: str = "HEAD") -> bool:
        import git  # GitPython, imported when a repository is first used

        try:
            self.repo.git.merge_base("--is-ancestor", sha, of)
        except git.GitCommandError:
            return False
        return True

    def blob_id(self, rev: str, path: str) -> str | None:
        """The blob (or link) id of `path` at `rev`; None when absent there."""
        try:
            return self._git("rev-parse", "--verify", "--quiet", f"{rev}:{path}").strip() or None
        except GitError:
            return None

    def mode(self, rev: str, path: str) -> str | None:
        """The tree mode of `path` at `rev` (120000 is a symlink); None when absent."""
        out = self._git("ls-tree", rev, "--", path).split()
        return out[0] if out else None

    def read_blob(self, rev: str, path: str) -> bytes | None:
        """The bytes of `path` at `rev`, never through the working tree; None when absent."""
        if self.blob_id(rev, path) is None:
            return None
        execute: Callable[..., object] = self.repo.git.execute
        raw = _run(
            lambda: execute(
                ["git", "cat-file", "blob", f"{rev}:{path}"],
                stdout_as_string=False,
                strip_newline_in_stdout=False,
            )
        )
        return raw if isinstance(raw, bytes) else str(raw).encode()

    def files_at(self, rev: str, prefix: str) -> list[str]:
        out = self._git("ls-tree", "-r", "--name-only", rev, "--", prefix)
        return [line for line in out.splitlines() if line]

    def changed_between(self, before: str, after: str) -> list[str]:
        out = self._git("diff", "--name-only", "--no-renames", before, after)
        return [line for line in out.splitlines() if line]

    def merge_base(self, a: str, b: str) -> str | None:
        try:
            return self._git("merge-base", a, b).strip() or None
        except GitError:
            return None

    def has_commit(self, sha: str) -> bool:
        try:
            self._git("cat-file", "-e", f"{sha}^{{commit}}")
        except GitError:
            return False
        return True

    def fetch_ref(self, ref: str) -> bool:
        """Fetch one ref from origin (e.g. refs/pull/12/head, which GitHub keeps); False if absent."""
        if not self.has_remote:
            return False
        try:
            with self._auth():
                self._git("fetch", "--quiet", self.remote, ref)
        except GitError:
            return False
        return True

    def rev(self, name: str) -> str | None:
        try:
            return (
                self._git("rev-parse", "--verify", "--quiet", f"{name}^{{commit}}").strip() or None
            )
        except GitError:
            return None

    # --- changing the working copy -----------------------------------------------------------
    def move(self, src: str, dst: str) -> None:
        (self.root / dst).parent.mkdir(parents=True, exist_ok=True)
        self._git("mv", "--", src, dst)

    def changed(self, paths: Sequence[str]) -> list[str]:
        """Which of `paths` differ from HEAD, untracked files included."""
        out = self._git("status", "--porcelain=v1", "--untracked-files=all", "--", *paths)
        return [line[3:].split(" -> ")[-1].strip('"') for line in out.splitlines() if line.strip()]

    def commit_paths(self, paths: Sequence[str], message: str, identity: Identity) -> str:
        """Stage `paths` (additions, changes and deletions) and commit them as the bot."""
        present = [p for p in paths if (self.root / p).exists()]
        gone = [p for p in paths if p not in present]
        if present:
            self._git("add", "--all", "--", *present)
        if gone:
            self._git("rm", "--cached", "--quiet", "--ignore-unmatch", "-r", "--", *gone)
        with self.repo.git.custom_environment(**identity.env):
            self._git("commit", "--no-verify", "-m", message, "--", *paths)
        return self.head

    def start_branch(self, name: str) -> None:
        """A new branch at HEAD, checked out (the intake's draft branch)."""
        self._git("checkout", "--quiet", "-b", name)

    # --- the remote ---------------------------------------------------------------------------
    def sync(self) -> None:
        """Fast-forward to the remote branch, so a run acts on the latest state, not its event's."""
        if not self.has_remote:
            return
        branch = self.branch
        with self._auth():
            self._git("fetch", "--quiet", self.remote, branch)
        self._git("merge", "--ff-only", "--quiet", f"{self.remote}/{branch}")

    def push(self, identity: Identity, attempts: int = PUSH_ATTEMPTS) -> int:
        """Push the branch; when rejected, fetch, rebase and retry. Returns the rebases done.

        A rebase rewrites the bot's commits, so it commits as the bot too: a CI runner has no
        git identity of its own.
        """
        import git  # GitPython, imported when a repository is first used

        branch = self.branch
        for attempt in range(attempts):
            try:
                with self._auth():
                    self.repo.git.push(self.remote, f"HEAD:refs/heads/{branch}")
                return attempt
            except git.GitCommandError as exc:
                if not any(word in str(exc.stderr) for word in _REJECTED):
                    raise GitError(msg.PUSH_FAILED.format(detail=_stderr(exc))) from exc
            with self.repo.git.custom_environment(**identity.env):
                self._rebase(branch)
        raise GitError(msg.PUSH_GAVE_UP.format(attempts=attempts))

    def _rebase(self, branch: str) -> None:
        import git  # GitPython, imported when a repository is first used

        with self._auth():
            self._git("fetch", "--quiet", self.remote, branch)
        try:
            self.repo.git.rebase(f"{self.remote}/{branch}")
        except git.GitCommandError as exc:
            with suppress(git.GitCommandError):
                self.repo.git.rebase("--abort")
            raise GitError(msg.REBASE_CONFLICT.format(detail=_stderr(exc))) from exc

    @contextmanager
    def _auth(self) -> Iterator[None]:
        """Hand GITHUB_TOKEN to git for HTTPS remotes through the environment, never argv or disk."""
        token = self._environ.get("GITHUB_TOKEN")
        url = self.repo.remote(self.remote).url if self.has_remote else ""
        if not token or not url.startswith("https://"):
            yield
            return
        server = self._environ.get("GITHUB_SERVER_URL", "https://github.com").rstrip("/")
        basic = base64.b64encode(f"x-access-token:{token}".encode()).decode()
        env = {
            "GIT_CONFIG_COUNT": "1",
            "GIT_CONFIG_KEY_0": f"http.{server}/.extraheader",
            "GIT_CONFIG_VALUE_0": f"AUTHORIZATION: basic {basic}",
        }
        with self.repo.git.custom_environment(**env):
            yield

    def _git(self, *args: str) -> str:
        # GitPython's type stubs lack strip_newline_in_stdout, which execute() accepts.
        execute: Callable[..., object] = self.repo.git.execute
        return _run(lambda: str(execute(["git", *args], strip_newline_in_stdout=False)))


def _run(call: Callable[[], T]) -> T:
    import git  # GitPython, imported when a repository is first used

    try:
        return call()
    except git.GitCommandError as exc:
        raise GitError(msg.GIT_FAILED.format(detail=_stderr(exc))) from exc
    except (ValueError, git.BadName) as exc:
        raise GitError(msg.GIT_FAILED.format(detail=exc)) from exc


def _stderr(exc: git.GitCommandError) -> str:
    text = str(exc.stderr or exc).strip()
    return text.removeprefix("stderr:").strip().strip("'")[:500]
