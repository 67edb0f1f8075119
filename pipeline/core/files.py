"""Files the build must never publish: the trees MkDocs reads are walked without following any
link, and only plain files and folders are allowed in them; files are read within a byte limit.

A symlink in content/ would copy whatever it points to (/proc/self/environ, /etc/passwd) into the
public site; a device or FIFO would hang or exhaust memory. `kpu check` and `kpu build` both refuse
them, naming each one, before MkDocs runs.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Container, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.core.problems import Problem, error
from pipeline.messages import check as msg

if TYPE_CHECKING:
    from pipeline.core.synced_tree import SyncedTree

# content/ holds the pages and assets MkDocs copies; drafts/ is read by kpu check and promote;
# data/ (registries, ledger) is rendered into generated pages.
PUBLISHED_TREES = ("content", "drafts", "data")
MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_COPY_BYTES = 512 * 1024 * 1024  # one file of the docs tree, staged for the build
_CHUNK = 1 << 16
_KINDS = {
    stat.S_IFCHR: msg.KIND_CHAR_DEVICE,
    stat.S_IFBLK: msg.KIND_BLOCK_DEVICE,
    stat.S_IFIFO: msg.KIND_FIFO,
    stat.S_IFSOCK: msg.KIND_SOCKET,
}


class TooBig(Exception):
    """More bytes than the limit: the file was not read beyond limit + 1."""


def refused_entries(root: Path, trees: Iterable[str] = PUBLISHED_TREES) -> list[Problem]:
    """Every symlink, device, FIFO or socket under the given folders of `root`, as errors; the
    walk never follows a link (os.scandir entries are judged by lstat)."""
    problems = []
    for tree in trees:
        top = root / tree
        if top.is_symlink():
            problems.append(_symlink(root, top))
        elif top.is_dir():
            problems.extend(_walk(root, top))
    return problems


def _walk(root: Path, folder: Path) -> Iterator[Problem]:
    with os.scandir(folder) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            if entry.is_file(follow_symlinks=False):
                continue  # the usual case, decided from the directory entry alone
            path = Path(entry.path)
            if entry.is_symlink():
                yield _symlink(root, path)
            elif entry.is_dir(follow_symlinks=False):
                yield from _walk(root, path)
            else:
                mode = entry.stat(follow_symlinks=False).st_mode
                kind = _KINDS.get(stat.S_IFMT(mode), msg.KIND_OTHER)
                yield error(_shown(root, path), None, msg.SPECIAL_FILE.format(kind=kind))


def _symlink(root: Path, path: Path) -> Problem:
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    return error(_shown(root, path), None, msg.SYMLINK_REFUSED.format(target=target))


def _shown(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of a regular file, never more than `limit` (TooBig beyond it). The file is opened
    without following a symlink and without blocking on a FIFO; its size is what is read, not
    what st_size claims (0 for /dev/zero)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(0, msg.NOT_A_REGULAR_FILE)
        # st_size only sizes the first read (a file may grow); reading stops at limit + 1 bytes.
        data = bytearray()
        step = max(info.st_size + 1, _CHUNK)
        while len(data) <= limit:
            wanted = min(step, limit + 1 - len(data))
            chunk = os.read(fd, wanted)
            data += chunk
            if len(chunk) < wanted:  # a regular file's short read is its end
                break
    finally:
        os.close(fd)
    if len(data) > limit:
        raise TooBig(path)
    return bytes(data)


def copy_tree(
    source: Path,
    target: Path,
    skip: Container[str] = frozenset(),
    tree: SyncedTree | None = None,
    _at: str = "",
) -> None:
    """Copy a folder of plain files and folders; a link, device or FIFO stops the copy (OSError)
    before anything it points to is read. `target` may exist: files in it are overwritten.
    `skip`: paths below `source` (POSIX, relative) of files the caller writes itself; `tree`: the
    synced tree `target` is in (pipeline/core/synced_tree.py), which writes only changed files."""
    if tree is None:
        target.mkdir(parents=True, exist_ok=True)
    else:
        tree.mkdir(target)
    with os.scandir(source) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            path = Path(entry.path)
            relative = _at + entry.name
            if entry.is_dir(follow_symlinks=False):
                copy_tree(path, target / entry.name, skip, tree, relative + "/")
            elif entry.is_file(follow_symlinks=False):
                if relative in skip:
                    continue
                # read_limited opens with O_NOFOLLOW: a link swapped in after the scan is refused
                data = read_limited(path, MAX_COPY_BYTES)
                if tree is None:
                    (target / entry.name).write_bytes(data)
                else:
                    tree.write(target / entry.name, data)
            else:
                raise OSError(0, msg.NOT_A_REGULAR_FILE, str(path))
