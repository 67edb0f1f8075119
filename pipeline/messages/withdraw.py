"""Indonesian text of withdrawals: `kpu retract` (the pull request), the deletions `kpu publish`
carries out after the merge, and the Ketua's urgent takedown."""

from __future__ import annotations

# --- kpu retract: preparing the pull request ----------------------------------------------------
BRANCH_EXISTS = (
    'Cabang "{branch}" sudah ada. Penarikan publikasi ini sudah disiapkan; buka pull request-nya, '
    "atau hapus cabang itu bila ingin menyiapkannya lagi."
)
ALREADY_WITHDRAWN = "{path}: publikasi ini sudah ditarik ({date}); tidak ada yang perlu diubah."
COMMIT = "Tarik publikasi {slug}: {reason}"
PREPARED = (
    "Penarikan {slug} disiapkan di cabang {branch} (commit {sha}): kolom withdrawn di {path}. "
    "Kiriman media sosial dihapus oleh CI setelah pull request disetujui dan digabung."
)
NOT_PUSHED = "Cabang belum dikirim ke origin (tanpa --push); kirim dengan: git push origin {branch}"
PR_TITLE = "Tarik publikasi: {title}"
PR_BODY = (
    "Penarikan publikasi `{path}`.\n\n"
    "Alasan (tampil di halaman): {reason}\n\n"
    "Setelah pull request ini disetujui sesuai SOP (persetujuan yang sama dengan penerbitan) dan "
    "digabung, alur Terbitkan menghapus kiriman media sosialnya di setiap kanal, halaman tetap "
    "ada dengan pemberitahuan penarikan, dan penarikan dicatat di Arsip Link Aktif."
)
PR_OPENED = "Pull request #{number} dibuka: {url}"
PR_EXISTS = "Pull request #{number} untuk cabang ini sudah terbuka: {url}"
NO_TOKEN_FOR_PR = (
    "GITHUB_TOKEN tidak diatur: pull request tidak dibuka. Buka pull request dari cabang "
    "{branch} di GitHub."
)
NOT_A_REPOSITORY = (
    "{root} bukan repositori git: penarikan disiapkan sebagai commit di cabang baru. Jalankan "
    "kpu retract di salinan repositori (git clone)."
)
DIRTY = (
    "{path} punya perubahan yang belum di-commit. Simpan (commit) atau batalkan perubahan itu "
    "dulu, lalu jalankan kpu retract lagi."
)

# --- kpu publish: carrying out approved withdrawals ---------------------------------------------
DELETED = "{slug} -> {channel}: dihapus ({url})"
ALREADY_GONE = "{slug} -> {channel}: sudah dihapus sebelumnya"
NEVER_POSTED = (
    "{slug} -> {channel}: tidak pernah terkirim ke jaringan ({status}); tidak ada yang dihapus"
)
OUTBOX_BY_HAND = (
    "{slug} -> {channel}: kiriman ini dulu disimpan di outbox untuk diunggah manual; bila sudah "
    "diunggah ke {label}, hapus kiriman itu secara manual"
)
DELETE_FAILED = "{slug} -> {channel}: GAGAL dihapus: {detail}"
NO_CREDENTIALS = (
    "kredensial {label} belum diatur, kiriman tidak dapat dihapus otomatis; atur secret-nya "
    "(kpu doctor menyebut namanya) atau hapus secara manual: {url}"
)
PENDING_UNKNOWN = (
    "hasil kiriman sebelumnya tidak diketahui dan {label} tidak dapat ditanya; periksa kanal, "
    "hapus kirimannya bila ada, lalu putuskan dengan kpu publish --resolve {slug} {channel} failed"
)
RECORDED = "{path}: penarikan dicatat di Arsip Link Aktif ({who})."
BY_PULL = "pull request #{number}, disetujui {approvers}"
BY_PERSON = "penarikan mendesak oleh @{login} ({via})"
NOT_APPROVED = (
    "{path}: kolom withdrawn ada, tetapi penarikan ini belum disetujui: {reason}. Tidak ada "
    "kiriman yang dihapus. Penarikan harus lewat pull request (kpu retract menyiapkannya) dengan "
    "persetujuan yang sama dengan penerbitan."
)
NO_PULL = (
    "perubahan terakhir berkas ini (commit {sha}) tidak masuk lewat pull request yang digabung "
    "ke {branch}"
)
NO_API = "persetujuan tidak dapat diperiksa lewat GitHub ({detail})"
NO_TOKEN = "GITHUB_TOKEN tidak diatur"
MISSING = "pull request #{number} masih kurang persetujuan: {missing}"
BLOCKED = "pull request #{number} diminta perbaikan oleh {who}"
FAIL_SUMMARY = (
    "{count} kiriman publikasi yang ditarik belum terhapus. Jalankan alur Terbitkan lagi setelah "
    "masalahnya diperbaiki; yang sudah terhapus tidak dihapus dua kali."
)

# --- the urgent takedown (workflow_dispatch) ----------------------------------------------------
NO_ACTOR = (
    "Penarikan mendesak hanya dijalankan di GitHub Actions: GITHUB_ACTOR tidak diatur. Dari "
    "komputer sendiri, siapkan pull request dengan kpu retract SLUG --reason ..."
)
NOT_KETUA = (
    "@{login} tidak boleh menarik publikasi secara mendesak: hanya pemegang peran {roles} "
    "menurut kpu.yml di main ({holders}). Ajukan penarikan lewat pull request (kpu retract)."
)
URGENT_COMMIT = "Penarikan mendesak {slug} oleh @{login}: {reason}"
URGENT_NOT_MAIN = (
    "Penarikan mendesak hanya dari cabang main (aturannya dibaca dari main); cabang ini: {branch}."
)
