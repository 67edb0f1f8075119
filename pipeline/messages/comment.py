"""Indonesian text of the pull request summary comment (`kpu comment`)."""

from __future__ import annotations

TITLE = "## Hasil pemeriksaan publikasi"
CHECK_HEADING = "### Pemeriksaan draf (kpu check)"
CHECK_OK = "✅ Semua {files} berkas sesuai ({warnings} peringatan)."
CHECK_FAIL = (
    "❌ {errors} kesalahan dan {warnings} peringatan pada {files} berkas. Perbaiki lalu push lagi."
)
CHECK_MORE = "… dan {count} temuan lain (lihat log job)."
APPROVAL_HEADING = "### Persetujuan (SOP langkah 7)"
APPROVAL_UNAVAILABLE = "Persetujuan tidak dapat dibaca dari GitHub: {detail}"
DRAFTS_HEADING = "### Isi draf yang akan terbit"
DRAFTS_NONE = "Tidak ada draf yang lolos pemeriksaan."
FIELD_DESCRIPTION = "Ringkasan"
FIELD_STAGE = "Tahapan"
FIELD_REQUEST = "Nota Dinas"
REQUEST = "{number} tanggal {date} dari {unit}"
FIELD_LEGAL_BASIS = "Dasar hukum"
FIELD_TAGS = "Tag"
FIELD_SOCIAL = "Teks media sosial"
FOOTER = "_Komentar ini diperbarui otomatis oleh `kpu comment` setiap kali pull request berubah._"
POSTED = "Komentar ringkasan diperbarui di pull request #{number}."
NOT_POSTED = (
    "Komentar tidak dapat ditulis ({detail}). Untuk pull request dari fork, token GitHub hanya "
    "bisa membaca; ringkasan yang sama ada di ringkasan job (Summary)."
)
