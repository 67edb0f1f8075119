"""Nothing public without a verifiable approval: every publication's record checked.

Promotion writes, per publication, a record (front matter `provenance`): the pull request, its
merge commit, the approvers with their roles and the commit each reviewed, the draft's path in
the pull request, and `content_sha256`, a hash of what was approved. Verification checks:

- locally: the record is there and the hash matches the file now (edited after promotion?);
- through git and the GitHub REST API, when available: the pull request is merged, its merge
  commit is on main's first-parent chain, the approved content is what the pull request brought
  (the draft at the reviewed commit, or the file at the merge for publications imported through
  a pull request), and every recorded approver has an APPROVED review of that pull request.

The verified publications are written to a file that `kpu build --only-verified` and
`kpu publish` read; the others are reported with their file and an Indonesian reason.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from pipeline.core import frontmatter_edit as fm
from pipeline.core import os_errors
from pipeline.core.errors import PipelineError, RemoteError
from pipeline.core.gitrepo import GitRepo
from pipeline.core.model import Provenance, canonical_status
from pipeline.core.read import ReadFailed, load_yaml
from pipeline.messages import verify as msg

POSTS_DIR = "content/posts"
# Keys promotion (date, provenance, publish_at) or retraction (withdrawn) write: not approved text.
STAMPED_KEYS = ("date", "provenance", "publish_at", "withdrawn", "corrects")
LIST_VERSION = 1


class Unverifiable(PipelineError):
    """A publication whose record does not hold; the message says why, in Indonesian."""


class VerifyApi(Protocol):
    def pull(self, number: int) -> dict[str, Any]: ...

    def reviews(self, number: int) -> list[dict[str, Any]]: ...


@dataclass(frozen=True)
class Checked:
    path: str
    ok: bool
    reason: str = ""


def content_hash(text: str) -> str:
    """SHA-256 of the front matter without the stamped keys (as data) and of the body as is."""
    try:
        lines, close = fm._split(text)
    except fm.EditError as exc:
        raise Unverifiable(msg.NO_FRONT_MATTER) from exc
    try:
        data = load_yaml("".join(lines[1:close]), "front matter").data
    except ReadFailed as exc:
        raise Unverifiable(msg.NO_FRONT_MATTER) from exc
    if not isinstance(data, dict):
        raise Unverifiable(msg.NO_FRONT_MATTER)
    kept = {str(k): v for k, v in data.items() if k not in STAMPED_KEYS}
    if "status" in kept:  # `siap` is promoted as `ready`: the same approval, one value
        kept["status"] = canonical_status(kept["status"])
    canonical = json.dumps(kept, sort_keys=True, ensure_ascii=False, default=str)
    body = "".join(lines[close + 1 :])
    return hashlib.sha256((canonical + "\n---\n" + body).encode("utf-8")).hexdigest()


def record_of(text: str) -> Provenance:
    try:
        data = load_yaml(fm.front_text(text), "front matter").data
    except (fm.EditError, ReadFailed) as exc:
        raise Unverifiable(msg.NO_FRONT_MATTER) from exc
    raw = data.get("provenance") if isinstance(data, dict) else None
    if not isinstance(raw, dict):
        raise Unverifiable(msg.NO_RECORD)
    try:
        return Provenance.model_validate(raw)
    except ValueError as exc:
        raise Unverifiable(msg.BAD_RECORD) from exc


def posts_of(root: Path) -> list[Path]:
    folder = root / POSTS_DIR
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*.md") if not p.name.startswith("."))


def _read(root: Path, path: Path) -> str:
    current = root
    for part in path.relative_to(root).parts:
        current = current / part
        if current.is_symlink():
            raise Unverifiable(msg.SYMLINK.format(path=current.relative_to(root).as_posix()))
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise Unverifiable(msg.UNREADABLE.format(detail=os_errors.reason(exc))) from exc
    except UnicodeDecodeError as exc:
        raise Unverifiable(msg.UNREADABLE.format(detail="bukan teks UTF-8")) from exc


class Verifier:
    """Checks publications; `github`/`repo` None means the local check only."""

    def __init__(
        self, root: Path, repo: GitRepo | None = None, github: VerifyApi | None = None
    ) -> None:
        self.root, self.repo, self.github = root, repo, github
        self._chain: set[str] | None = None
        self._pulls: dict[int, dict[str, Any]] = {}
        self._reviews: dict[int, list[dict[str, Any]]] = {}

    def check(self, path: Path) -> Checked:
        shown = path.relative_to(self.root).as_posix()
        try:
            self._check(shown, _read(self.root, path))
        except Unverifiable as exc:
            return Checked(shown, False, str(exc))
        except RemoteError as exc:
            return Checked(shown, False, msg.NO_API.format(detail=exc))
        return Checked(shown, True)

    def check_all(self, paths: Iterable[Path]) -> list[Checked]:
        return [self.check(p) for p in paths]

    def _check(self, shown: str, text: str) -> None:
        record = record_of(text)
        digest = content_hash(text)
        if not record.content_sha256:
            raise Unverifiable(msg.NO_HASH)
        if record.content_sha256 != digest:
            raise Unverifiable(msg.EDITED)
        if self.github is None:
            return
        if self.repo is None:
            raise Unverifiable(msg.NO_HISTORY)
        pull = self._pull(record.pr)
        merged = pull.get("merge_commit_sha")
        if not pull.get("merged_at") or not merged:
            raise Unverifiable(msg.NOT_MERGED.format(number=record.pr))
        if record.merge and record.merge != merged:
            raise Unverifiable(msg.OTHER_MERGE.format(number=record.pr, sha=record.merge[:7]))
        if str(merged) not in self._first_parents():
            raise Unverifiable(msg.NOT_ON_MAIN.format(number=record.pr, sha=str(merged)[:7]))
        self._approved_content(record, shown, str(merged))
        self._reviews_exist(record)

    def _approved_content(self, record: Provenance, shown: str, merged: str) -> None:
        """The hash is of what was reviewed: the draft at each approver's reviewed commit, or,
        for a publication imported through a pull request, this file as the merge brought it."""
        reviewed = [a.commit for a in record.approvers if a.commit]
        if reviewed:
            source = record.source or shown
            for rev in dict.fromkeys(reviewed):
                self._same_content(record, rev, source)
        else:
            self._same_content(record, merged, shown)

    def _same_content(self, record: Provenance, rev: str, source: str) -> None:
        assert self.repo is not None
        if not self.repo.has_commit(rev):
            self.repo.fetch_ref(f"refs/pull/{record.pr}/head")
        blob = self.repo.read_blob(rev, source) if self.repo.has_commit(rev) else None
        if blob is None:
            raise Unverifiable(msg.SOURCE_MISSING.format(number=record.pr, source=source))
        try:
            approved = content_hash(blob.decode("utf-8"))
        except (UnicodeDecodeError, Unverifiable) as exc:
            raise Unverifiable(msg.SOURCE_MISSING.format(number=record.pr, source=source)) from exc
        if approved != record.content_sha256:
            raise Unverifiable(msg.NOT_WHAT_WAS_APPROVED.format(number=record.pr, source=source))

    def _reviews_exist(self, record: Provenance) -> None:
        assert self.github is not None
        if record.pr not in self._reviews:
            self._reviews[record.pr] = self.github.reviews(record.pr)
        author = str((self._pull(record.pr).get("user") or {}).get("login", "")).lower()
        approved = {
            (str((r.get("user") or {}).get("login", "")).lower(), r.get("commit_id"))
            for r in self._reviews[record.pr]
            if r.get("state") == "APPROVED"
        }
        if not record.approvers:
            raise Unverifiable(msg.NO_APPROVERS.format(number=record.pr))
        for approver in record.approvers:
            login = approver.login.lower()
            ok = login != author and any(
                who == login and (approver.commit is None or sha == approver.commit)
                for who, sha in approved
            )
            if not ok:
                raise Unverifiable(
                    msg.REVIEW_MISSING.format(number=record.pr, login=approver.login)
                )

    def _pull(self, number: int) -> dict[str, Any]:
        assert self.github is not None
        if number not in self._pulls:
            self._pulls[number] = self.github.pull(number)
        return self._pulls[number]

    def _first_parents(self) -> set[str]:
        assert self.repo is not None
        if self._chain is None:
            self._chain = set(self.repo.first_parent_chain())
        return self._chain


# --- the list of verified publications ---------------------------------------------------------
def write_list(target: Path, checked: Sequence[Checked], root: Path) -> None:
    """The verified publications with their hashes: what the build and the posting may use."""
    verified = {}
    for item in checked:
        if item.ok:
            verified[item.path] = content_hash((root / item.path).read_text(encoding="utf-8"))
    data = {"version": LIST_VERSION, "verified": verified}
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def read_list(source: Path) -> dict[str, str]:
    """path -> content hash, as `kpu verify` wrote it; a list that is not ours is an error."""
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PipelineError(msg.LIST_UNREADABLE.format(path=source)) from exc
    verified = data.get("verified") if isinstance(data, dict) else None
    if data.get("version") != LIST_VERSION or not isinstance(verified, dict):
        raise PipelineError(msg.LIST_UNREADABLE.format(path=source))
    return {str(k): str(v) for k, v in verified.items()}


def still_verified(root: Path, listed: dict[str, str], shown: str) -> bool:
    """Listed, and unchanged since the list was written."""
    if shown not in listed:
        return False
    try:
        return content_hash(_read(root, root / shown)) == listed[shown]
    except Unverifiable:
        return False


# Everything the site build reads, relative to the repository root (the kpu plugin's root).
BUILD_INPUTS = ("mkdocs.yml", "kpu.yml", "data", "content")


def copy_build_inputs(root: Path, into: Path) -> None:
    """The build inputs of `root` copied to `into`; symlinks copied as links, never followed
    (the build then refuses them, naming each)."""
    into.mkdir(parents=True, exist_ok=True)
    for name in BUILD_INPUTS:
        source = root / name
        if source.is_dir() and not source.is_symlink():
            shutil.copytree(source, into / name, symlinks=True)
        elif source.exists() or source.is_symlink():
            shutil.copy2(source, into / name, follow_symlinks=False)


def verified_tree(root: Path, into: Path, listed: dict[str, str]) -> list[str]:
    """A copy of the build inputs without the posts that are not (or no longer) verified.

    Symlinks are copied as links, never followed. Returns the posts left out.
    """
    copy_build_inputs(root, into)
    left_out = []
    for path in posts_of(root):
        shown = path.relative_to(root).as_posix()
        if not still_verified(root, listed, shown):
            (into / shown).unlink()
            left_out.append(shown)
    return left_out
