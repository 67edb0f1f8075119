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

# --- kpu intake open (the workflow on a labelled issue) ---------------------------------------
NOT_LABELLED = (
    'Issue #{number} tidak berlabel "{label}". Beri label itu pada issue Nota Dinas yang akan '
    "dibuatkan draf."
)
COMMIT = "Draf dari permintaan publikasi #{number}: {title}"
PR_TITLE = "Publikasi: {title}"
PR_BODY = """\
Draf dari Nota Dinas #{number} (SOP langkah 1-2), dibuat otomatis. Closes #{number}

**Tim Desain Konten** ({designers}): lengkapi `{path}`: ringkasan (`description`), isi tulisan
dan teks media sosial. Caranya: buka editor web `/admin/` → Alur Kerja, atau di tab
**Files changed** klik ⋯ pada berkas itu → **Edit file**. Setelah selesai, ubah `status: ready`
lalu klik **Ready for review**.

**Subbag Hukum** dan **Divisi Pengusul/Ketua** menyetujui di tab **Files changed → Review changes
→ Approve** (SOP langkah 7).
"""
ISSUE_COMMENT = (
    "Draf dibuat: {url} (cabang `{branch}`, berkas `{path}`). Tim Desain Konten ({designers}) "
    "akan melengkapinya; persetujuan diberikan di pull request itu."
)
ISSUE_PROBLEMS = (
    "Draf belum dapat dibuat dari issue ini:\n\n{problems}\n\nSetelah issue diperbaiki (Edit), "
    "draf dibuat otomatis."
)
ALREADY = "Pull request untuk permintaan #{number} sudah ada: {url}"
OPENED = "Draf dan pull request dibuat untuk permintaan #{number}: {url}\nBerkas: {path}, cabang: {branch}"
FORM_UNCHANGED = "Daftar tahapan di {path} sudah sama dengan data/election_stages.yml."
FORM_WRITTEN = "Daftar tahapan di {path} diperbarui dari data/election_stages.yml."
FORM_DRIFT = (
    "Daftar tahapan di {path} tidak sama dengan data/election_stages.yml. Jalankan: "
    "kpu intake form, lalu commit {path}."
)
