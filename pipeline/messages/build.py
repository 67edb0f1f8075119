"""What `kpu build` says when the site cannot be built (pipeline/site/build_log.py)."""

from __future__ import annotations

FAILED = "Situs gagal dibangun: {count} masalah."
FAILED_UNKNOWN = "Situs gagal dibangun (lihat catatan mesin pembangun di bawah)."
FIX = "Perbaiki masalah di atas, lalu jalankan lagi: kpu build"
FIX_UNKNOWN = "Baca catatan di bawah (baris terakhir biasanya menyebut sebabnya)."
LOG_HEADER = "Catatan lengkap mesin pembangun (MkDocs, bahasa Inggris):"
LINK_MISSING = (
    'Halaman content/{page} menautkan "{link}", tetapi berkas tujuannya (content/{target}) tidak '
    "ada. Perbaiki alamat tautannya atau tambahkan berkasnya."
)
LINK_UNRECOGNISED = (
    'Halaman content/{page} memuat tautan "{link}" yang tidak dikenali. Tautkan berkas .md atau '
    "gambar yang ada, atau tulis alamat lengkap https://..."
)
LINK_ABSOLUTE = (
    'Halaman content/{page} memuat tautan "{link}" yang diawali "/". Tulis tautan relatif ke '
    "berkasnya, atau alamat lengkap https://..."
)
LINK_EXCLUDED = (
    'Halaman content/{page} menautkan "{link}", yang tidak ikut dibangun. Hapus tautannya atau '
    "terbitkan halaman itu."
)
OTHER_WARNING = "MkDocs memberi peringatan (lihat baris WARNING di catatan di bawah)."
OTHER_ERROR = "MkDocs menemukan kesalahan (lihat baris ERROR di catatan di bawah)."
OS_ERROR = (
    "Mesin pembangun berhenti: {reason}: {path}. Periksa folder hasil (--site-dir) dan izinnya."
)
