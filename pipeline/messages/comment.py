"""Indonesian text of the pull request summary comment (`kpu comment`)."""

from __future__ import annotations

TITLE = "## Hasil pemeriksaan publikasi"
CHECK_HEADING = "### Pemeriksaan draf (kpu check)"
CHECK_OK = "✅ Semua {files} berkas sesuai ({warnings} peringatan)."
CHECK_FAIL = (
    "❌ {errors} kesalahan dan {warnings} peringatan pada {files} berkas. Perbaiki lalu push lagi."
)
CHECK_MORE = "… dan {count} temuan lain (lihat log job)."
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

# --- the SOP checklist (pipeline.review.comment_sections) ------------------------------------------
CHECKLIST_HEADING = "### Daftar periksa SOP: siapa yang masih harus bertindak"
HOW_TO_APPROVE = (
    "Cara menyetujui: buka tab **Files changed** → klik **Review changes** → pilih **Approve** → "
    "klik **Submit review**. Bila ada yang harus diperbaiki (*perbaikan*, SOP langkah 7): pilih "
    "**Request changes**, tulis apa yang harus diperbaiki, lalu **Submit review**."
)
ROLE_OR = " atau "
CHECK_DONE = "- ✅ **{rule}**: sudah disetujui oleh {who} ({role})."
CHECK_WAITING = "- ⬜ **{rule}** ({roles}): belum. Menunggu persetujuan dari {who}."
CHECK_NOBODY = (
    "- ⬜ **{rule}** ({roles}): belum, dan tidak ada akun lain yang memegang peran ini di "
    "kpu.yml (roles). Tambahkan akunnya di kpu.yml lewat pull request tersendiri."
)
CHECK_STALE = (
    "- ⚠️ Approve dari {who} untuk versi sebelumnya (commit {commit}) tidak dihitung karena draf "
    "atau gambarnya berubah sesudahnya; minta {login} menyetujui ulang (Files changed → Review "
    "changes → Approve → Submit review)."
)
CHECK_CHANGES = (
    "- ❌ {who} ({role}) meminta perbaikan. Tim Desain memperbaiki draf lalu push; sesudah itu "
    "{login} memeriksa lagi dan memilih Approve."
)
CHECK_COMPLETE = (
    "✅ Semua persetujuan lengkap: draf terbit otomatis setelah pull request digabung (merge)."
)

# --- the page as it will be published -------------------------------------------------------
PAGE_HEADING = "### Halaman web yang akan terbit"
PAGE_SUMMARY = "Buka isi halaman (judul, ringkasan, isi)"
PAGE_TITLE = "**Judul:** {title}"
PAGE_DESCRIPTION = "**Ringkasan:** {description}"
PAGE_BODY = "**Isi** (teks sumber Markdown, seperti tertulis di draf):"
PAGE_CUT = (
    "… isi dipotong: {shown} dari {total} karakter ditampilkan; selengkapnya di pratinjau situs."
)

# --- the preview site -----------------------------------------------------------------------
SITE_HEADING = "### Pratinjau situs (PRATINJAU — belum terbit)"
SITE_ARTIFACT = "📦 [Unduh pratinjau situs (artifact {name})]({url})"
SITE_RUN = (
    "📦 Buka [halaman run pemeriksaan ini]({url}), gulir ke bagian **Artifacts**, lalu unduh "
    "**{name}**."
)
SITE_NO_RUN = (
    "📦 Pratinjau situs ada di artifact **{name}** pada run workflow *Periksa* pull request ini "
    "(tab Checks)."
)
SITE_HOW = (
    "Ekstrak berkas ZIP-nya, lalu buka halaman draf di bawah ini dengan peramban (dobel klik). "
    "Halaman draf bertanda **PRATINJAU — belum terbit** dan tidak masuk pencarian, RSS, maupun "
    "sitemap. Gambar kiriman media sosial ada di folder yang sama."
)
SITE_PAGE = "  - Halaman: {path}"
SITE_IMAGES = "  - Gambar kiriman: {wide} (X, Facebook, Telegram, Mastodon), {square} (Instagram)"
SITE_OWN_IMAGE = "  - Gambar draf: [buka berkasnya di pull request]({view}) ![Gambar draf]({raw})"
SITE_CARD = (
    "  - Draf tanpa gambar: kartu judul dibuat otomatis; lihat berkas di atas dalam artifact."
)
