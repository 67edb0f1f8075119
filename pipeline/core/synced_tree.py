"""A folder of plain files that a run writes again in place: a file whose bytes did not change is
left as it is (no new inode, no new write), and whatever the run did not write is removed when it
finishes. `kpu build` stages its docs tree this way, so a build after a small change writes only
what changed, and a tree that outlived a killed run is put right by the next one.

The folder is trusted only when it holds plain files and folders: if any entry is a link, device,
FIFO or socket (nothing kpu writes), the whole folder is deleted first, without following it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
from pathlib import Path

from pipeline.core.files import read_limited


class SyncedTree:
    """Write files below `root`; `finish()` removes every file and folder this run did not write."""

    def __init__(self, root: Path) -> None:
        self.root = Path(os.path.normpath(root.absolute()))
        self._files, self._folders = _inventory(self.root)
        self._kept: set[str] = set()  # paths (str) this run wrote or found already right
        self._made: set[str] = {str(self.root)}
        self.root.mkdir(parents=True, exist_ok=True)

    def mkdir(self, folder: Path) -> None:
        """`folder` (below root) exists as a folder after this call and outlives finish()."""
        folder = _within(self.root, folder)
        if str(folder) in self._made:  # made (and its way cleared) earlier in this run
            return
        self._clear_way(folder)
        folder.mkdir(parents=True, exist_ok=True)
        self._made.update(str(p) for p in (folder, *folder.parents) if p.is_relative_to(self.root))

    def write(self, path: Path, data: bytes) -> None:
        """`path` (below root) holds `data`; an existing file with these bytes is not touched."""
        path = _within(self.root, path)
        if path == self.root:
            raise ValueError(f"{path} is the tree itself")
        name = str(path)
        self._kept.add(name)
        if name in self._files and _holds(path, data):
            return
        if name in self._folders:  # a folder of an older tree where this run puts a file
            shutil.rmtree(path)
            self._folders.discard(name)
        if str(path.parent) not in self._made:
            self.mkdir(path.parent)
        path.write_bytes(data)

    def finish(self) -> None:
        """Remove the files and folders of the older tree that this run did not write."""
        for name in self._files - self._kept:
            # gone with a folder this run replaced by a file
            with contextlib.suppress(FileNotFoundError, NotADirectoryError):
                os.unlink(name)
        for name in sorted(self._folders - self._made, key=len, reverse=True):
            with contextlib.suppress(OSError):  # gone, or not empty: it holds a file written now
                os.rmdir(name)
        self._files = set(self._kept)
        self._folders = set(self._made)

    def _clear_way(self, folder: Path) -> None:
        """A file of the older tree where this run needs a folder is removed."""
        for part in (*reversed(folder.parents), folder):
            name = str(part)
            if name in self._files and name not in self._kept:
                Path(name).unlink()
                self._files.discard(name)


def _within(root: Path, path: Path) -> Path:
    """`path` absolute and normalised ("..", "."), ValueError unless it lies in `root`."""
    normal = Path(os.path.normpath(path.absolute()))
    if not normal.is_relative_to(root):
        raise ValueError(f"{path} is not below {root}")
    return normal


def _holds(path: Path, data: bytes) -> bool:
    try:
        info = os.lstat(path)
        return info.st_size == len(data) and read_limited(path, len(data)) == data
    except OSError:
        return False


def _inventory(root: Path) -> tuple[set[str], set[str]]:
    """The regular files and the folders below `root` (str paths). Anything else anywhere in it,
    or `root` itself not a folder, and the tree is deleted: nothing in it is trusted."""
    files: set[str] = set()
    folders: set[str] = set()
    try:
        info = os.lstat(root)
    except FileNotFoundError:
        return files, folders
    if not stat.S_ISDIR(info.st_mode):
        root.unlink()
        return files, folders
    pending = [str(root)]
    while pending:
        folder = pending.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.add(entry.path)
                    pending.append(entry.path)
                elif entry.is_file(follow_symlinks=False):
                    files.add(entry.path)
                else:  # a link, device, FIFO or socket: kpu never writes one
                    shutil.rmtree(root)  # rmtree removes links, never what they point to
                    return set(), set()
    return files, folders
