"""Indonesian text for `kpu new --from-issue` (the Nota Dinas issue form -> a draft)."""

from __future__ import annotations

FIELD_MISSING = 'Isian "{label}" di issue kosong. Lengkapi issue-nya (Edit), lalu jalankan lagi.'
DATE_INVALID = (
    'Isian "Tanggal Nota Dinas" harus berformat TTTT-BB-HH, contoh 2026-10-01; tertulis: "{got}". '
    "Perbaiki issue-nya, lalu jalankan lagi."
)
STAGE_UNKNOWN = (
    'Tahapan "{got}" tidak dikenal. Pilih salah satu kunci di data/election_stages.yml: {choices}.'
)
NO_SECTIONS = (
    'Isi issue tidak berbentuk formulir "Permintaan Publikasi" (tidak ada judul "### ..."). '
    "Buat issue baru dengan templat Permintaan Publikasi (Nota Dinas)."
)
NOT_FOUND = (
    'Berkas "{path}" tidak ditemukan. Tulis nomor issue (contoh: 42) atau jalur berkas isi issue.'
)
NEED_COMMENT = "# Kebutuhan menurut Nota Dinas (dari issue{issue}):"
CREATED = "Draf dibuat dari permintaan{issue}: {path}\nLengkapi description, isi tulisan dan teks media sosial, lalu periksa dengan: kpu check {path}"
