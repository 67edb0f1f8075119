"""An operating-system error in Indonesian words: what went wrong, and with which path.

Python's own text ("No such file or directory") comes from the C library in English; staff read
this instead. The errno decides the words, so the message does not depend on the OS locale.
"""

from __future__ import annotations

import errno

_REASONS = {
    errno.ENOENT: "berkas tidak ditemukan",
    errno.EACCES: "tidak ada izin untuk membuka berkas ini",
    errno.EPERM: "tidak ada izin untuk membuka berkas ini",
    errno.EISDIR: "ini sebuah folder, bukan berkas",
    errno.ENOTDIR: "salah satu bagian jalurnya bukan folder",
    errno.EEXIST: "berkas sudah ada",
    errno.ENOSPC: "disk penuh",
    errno.EROFS: "disk hanya bisa dibaca",
    errno.ENAMETOOLONG: "nama berkas terlalu panjang",
    errno.ELOOP: "tautan simbolik (symlink) tidak diikuti",
    errno.EMFILE: "terlalu banyak berkas terbuka",
    errno.EIO: "disk gagal dibaca atau ditulis",
    errno.ENOTEMPTY: "folder tidak kosong",
}
UNKNOWN = "kesalahan sistem berkas (kode {code})"


def reason(exc: OSError) -> str:
    """The Indonesian words for the error alone, without the path."""
    if not exc.errno and exc.strerror:  # raised by our own code, already in words
        return str(exc.strerror)
    return reason_for(exc.errno or 0)


def reason_for(code: int) -> str:
    """The words for an errno number (also one read from another program's traceback)."""
    return _REASONS.get(code) or UNKNOWN.format(code=code)


def describe_os_error(exc: OSError) -> str:
    """`berkas tidak ditemukan: drafts/x.md` (both paths of a failed rename or copy)."""
    words = reason(exc)
    paths = [str(p) for p in (exc.filename, exc.filename2) if p is not None]
    return f"{words}: {' -> '.join(paths)}" if paths else words
