"""Scenario builder for the merge flow: a bare origin, a staff clone, real merges, a CI clone."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tests.fake_github import FakeGitHub
from tests.workflow_harness import ROOT, JobRun, Runner

AUTHOR = "desain-kpubabar"
_IDENTITY = {
    "GIT_AUTHOR_NAME": "Tim Desain",
    "GIT_AUTHOR_EMAIL": "desain@kpu.test",
    "GIT_COMMITTER_NAME": "Tim Desain",
    "GIT_COMMITTER_EMAIL": "desain@kpu.test",
}


@dataclass(frozen=True)
class Link:
    """A symlink to write into the working copy (git stores it as a link, mode 120000)."""

    target: str


def git(*args: str, cwd: Path) -> str:
    env = {**os.environ, **_IDENTITY, "GIT_CONFIG_NOSYSTEM": "1"}
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed:\n{done.stderr}")
    return done.stdout.strip()


class Scenario:
    """origin.git (bare) <- staff (where people commit and merge); CI runs in fresh clones."""

    def __init__(self, tmp: Path, site: Path, github: FakeGitHub) -> None:
        self.tmp, self.github = tmp, github
        self.origin = tmp / "origin.git"
        git("init", "--quiet", "--bare", "-b", "main", str(self.origin), cwd=tmp)
        self.staff = tmp / "staff"
        shutil.copytree(site, self.staff)
        shutil.copy(ROOT / ".gitignore", self.staff / ".gitignore")
        (self.staff / "drafts" / ".gitkeep").write_text("", encoding="utf-8")
        git("init", "--quiet", "-b", "main", cwd=self.staff)
        posts = self.staff / "content" / "posts"
        held = tmp / "sample-posts"
        if posts.is_dir():
            shutil.move(posts, held)
        git("add", "--all", cwd=self.staff)
        git("commit", "--quiet", "-m", "Situs awal", cwd=self.staff)
        git("remote", "add", "origin", str(self.origin), cwd=self.staff)
        git("push", "--quiet", "origin", "main", cwd=self.staff)
        if held.is_dir():
            self._import_samples(held)

    def _import_samples(self, held: Path) -> None:
        """The sample publications come in as an office imports its old posts: PR #1, reviewed
        by the three SOP roles, merged; their records (provenance: pr 1) then verify."""
        files = {
            f"content/posts/{p.relative_to(held).as_posix()}": p.read_text(encoding="utf-8")
            for p in sorted(held.rglob("*.md"))
        }
        shutil.rmtree(held)
        self.open_pr(1, files)
        for login in ("sekretaris-kpubabar", "hukum-kpubabar", "ketua-kpubabar"):
            self.github.review(1, login, "APPROVED")
        self.merge(1)

    def open_pr(
        self, number: int, files: dict[str, str | bytes | Link], author: str = AUTHOR
    ) -> str:
        """A feature branch with `files`, pushed as GitHub keeps it (refs/pull/N/head); open."""
        branch = f"publikasi-{number}"
        git("checkout", "--quiet", "main", cwd=self.staff)
        git("pull", "--quiet", "--ff-only", "origin", "main", cwd=self.staff)
        git("checkout", "--quiet", "-b", branch, cwd=self.staff)
        git("checkout", "--quiet", "main", cwd=self.staff)
        self.github.add_pull(number, author, branch=branch, merged=False)["commits"] = 0
        return self.push_to_pr(number, files, f"Draf untuk PR #{number}")

    def push_to_pr(
        self, number: int, files: dict[str, str | bytes | Link], message: str = "Perbaikan"
    ) -> str:
        """One more commit on the pull request's branch (after a review, say)."""
        pull = self.github.pulls[number]
        branch = pull["head"]["ref"]
        git("checkout", "--quiet", branch, cwd=self.staff)
        self._write(files)
        git("add", "--all", cwd=self.staff)
        git("commit", "--quiet", "-m", message, cwd=self.staff)
        head = git("rev-parse", "HEAD", cwd=self.staff)
        git(
            "push",
            "--quiet",
            "--force",
            "origin",
            f"{branch}:refs/pull/{number}/head",
            cwd=self.staff,
        )
        git("checkout", "--quiet", "main", cwd=self.staff)
        pull["head"]["sha"] = head
        pull["commits"] = int(pull.get("commits") or 0) + 1
        self.github.commit_pulls[head] = [number]
        return head

    def merge(self, number: int, how: str = "merge") -> str:
        """Merge as GitHub's button does: a merge commit (--no-ff), a squash, or a rebase."""
        pull = self.github.pulls[number]
        branch = pull["head"]["ref"]
        git("checkout", "--quiet", "main", cwd=self.staff)
        git("pull", "--quiet", "--ff-only", "origin", "main", cwd=self.staff)
        base = git("rev-parse", "HEAD", cwd=self.staff)
        if how == "merge":
            message = (
                f"Merge pull request #{number} from {self.github.repository.split('/')[0]}/{branch}"
            )
            git("merge", "--quiet", "--no-ff", "-m", message, branch, cwd=self.staff)
        elif how == "squash":
            git("merge", "--quiet", "--squash", branch, cwd=self.staff)
            git("commit", "--quiet", "-m", f"{pull['title']} (#{number})", cwd=self.staff)
        elif how == "rebase":
            commits = git("rev-list", "--reverse", f"{base}..{branch}", cwd=self.staff).split()
            for sha in commits:
                git("cherry-pick", "--quiet", "--allow-empty", sha, cwd=self.staff)
        else:
            raise ValueError(how)
        merge = git("rev-parse", "HEAD", cwd=self.staff)
        git("push", "--quiet", "origin", "main", cwd=self.staff)
        if how != "merge":  # GitHub associates the commits it wrote on main with the pull request
            for sha in git("rev-list", f"{base}..{merge}", cwd=self.staff).split():
                self.github.commit_pulls[sha] = [number]
        pull.update(
            state="closed",
            merged=True,
            merged_at="2026-10-05T03:00:00Z",
            closed_at="2026-10-05T03:00:00Z",
            merge_commit_sha=merge,
        )
        pull["base"]["sha"] = base
        return merge

    def merge_pr(
        self,
        number: int,
        files: dict[str, str | bytes | Link],
        author: str = AUTHOR,
        how: str = "merge",
    ) -> str:
        """A feature branch with `files`, merged the way GitHub's merge button does."""
        self.open_pr(number, files, author)
        return self.merge(number, how)

    def push_direct(
        self, files: dict[str, str | bytes | Link], message: str = "Langsung ke main"
    ) -> str:
        git("checkout", "--quiet", "main", cwd=self.staff)
        git("pull", "--quiet", "--ff-only", "origin", "main", cwd=self.staff)
        self._write(files)
        git("add", "--all", cwd=self.staff)
        git("commit", "--quiet", "-m", message, cwd=self.staff)
        git("push", "--quiet", "origin", "main", cwd=self.staff)
        return git("rev-parse", "HEAD", cwd=self.staff)

    def _write(self, files: dict[str, str | bytes | Link]) -> None:
        for name, content in files.items():
            path = self.staff / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, Link):
                if path.is_symlink() or path.exists():
                    path.unlink()
                path.symlink_to(content.target)
            elif isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")

    def clone(self, name: str = "ci") -> Path:
        """What actions/checkout with fetch-depth: 0 leaves: a full clone on branch main."""
        target = self.tmp / name
        if target.exists():
            shutil.rmtree(target)
        git("clone", "--quiet", str(self.origin), str(target), cwd=self.tmp)
        return target

    def run_workflow(
        self, workflow: str = "publish.yml", clone: Path | None = None
    ) -> tuple[Path, JobRun]:
        clone = clone or self.clone()
        runner_tmp = self.tmp / f"runner-{clone.name}"
        if runner_tmp.exists():
            shutil.rmtree(runner_tmp)
        runner_tmp.mkdir()
        runner = Runner(
            clone, runner_tmp, api_url=self.github.url, repository=self.github.repository
        )
        return clone, runner.run(workflow)

    def origin_subjects(self) -> list[str]:
        return git("log", "--format=%s", "main", cwd=self.origin).splitlines()

    def origin_files(self, prefix: str) -> list[str]:
        out = git("ls-tree", "-r", "--name-only", "main", "--", prefix, cwd=self.origin)
        return [line for line in out.splitlines() if not line.endswith(".gitkeep")]

    def origin_text(self, path: str) -> str:
        return git("show", f"main:{path}", cwd=self.origin)
