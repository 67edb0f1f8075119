"""Indonesian text for GitHub API failures, kept in one place for review."""

from __future__ import annotations

UNREACHABLE = (
    "GitHub tidak dapat dihubungi ({what}): {reason}. Periksa koneksi internet, lalu jalankan lagi; "
    "di GitHub Actions, jalankan ulang workflow-nya (Re-run jobs)."
)
UNAUTHORIZED = (
    "GitHub menolak token akses ({what}, kode {status}). Pastikan variabel GITHUB_TOKEN berisi token "
    "yang masih berlaku dan punya izin untuk repositori ini."
)
FORBIDDEN = (
    "Token akses tidak punya izin untuk {what} (kode 403: {detail}). Periksa bagian permissions di "
    "workflow, atau minta admin repositori memberi izin."
)
NOT_FOUND = (
    "{what} tidak ditemukan di GitHub (kode 404). Periksa nomor pull request/issue dan nama "
    "repositori ({repository})."
)
RATE_LIMITED = (
    "Batas permintaan ke GitHub habis ({what}); baru bisa lagi sekitar {wait} detik lagi. "
    "Jalankan ulang setelah itu."
)
FAILED = "GitHub menjawab kode {status} untuk {what}: {detail}. Jalankan lagi beberapa saat lagi."
NO_REPOSITORY = (
    'Nama repositori GitHub tidak diketahui. Isi "repository: pemilik/nama" di kpu.yml, atau atur '
    "variabel GITHUB_REPOSITORY (GitHub Actions mengaturnya otomatis)."
)
BAD_JSON = "GitHub mengirim jawaban yang tidak dapat dibaca untuk {what}."
