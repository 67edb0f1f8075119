"""Indonesian text for `kpu promote`, `kpu record` and their git operations, kept in one place."""

from __future__ import annotations

# --- why a draft stays in drafts/ ----------------------------------------------------------------
NOT_COMMITTED = "berkas belum di-commit; draf hanya terbit melalui pull request yang disetujui"
NO_PULL = (
    "perubahan terakhirnya (commit {sha}) tidak masuk melalui pull request yang digabung "
    "(langsung di-push ke {branch}?). Ajukan perubahan lewat pull request agar ditelaah dan disetujui "
    "(SOP langkah 7)"
)
NO_API = "persetujuan tidak dapat diperiksa karena GitHub tidak dapat dihubungi: {detail}"
MISSING = "persetujuan pull request #{number} belum lengkap; masih diperlukan: {missing}"
BLOCKED = (
    "di pull request #{number}, {who} meminta perbaikan (perbaikan) yang belum disetujui ulang"
)
INVALID = (
    "draf belum sah: {count} kesalahan (lihat di bawah); perbaiki lalu ajukan pull request baru"
)
TARGET_EXISTS = 'sudah ada publikasi di {target}. Ganti nama berkas draf atau isi kolom "slug" dengan alamat lain'
SYMLINK = (
    "{path} adalah symlink (tautan ke berkas lain); draf dan publikasi harus berkas biasa. Ganti "
    "symlink itu dengan isi berkasnya lewat pull request"
)
UNEXPECTED = (
    "draf ini tidak dapat diproses karena galat tak terduga ({detail}); draf lain tetap diproses. "
    "Laporkan ke pengelola repositori"
)
STALE = "persetujuan {who} diberikan untuk versi sebelumnya; minta persetujuan ulang"
GOVERNANCE = (
    "pull request ini mengubah aturan ({files}), sehingga perlu persetujuan tata kelola sesuai "
    "kpu.yml di main"
)
INVALID_BEFORE = (
    "draf tidak sah menurut aturan di main sebelum merge (commit {sha}): {count} kesalahan (lihat "
    "di bawah). Aturan yang diubah pull request itu sendiri tidak dipakai tanpa persetujuan tata "
    "kelola"
)
RULES_BROKEN = "aturan di main sebelum merge (commit {sha}) tidak terbaca: {detail}"
CORRECTS_MISSING = (
    'kolom "corrects" menyebut {target}, tetapi itu bukan publikasi di content/posts/ yang sudah '
    "terbit (berkas biasa dengan tanggal). Tulis alamat berkas publikasi yang dikoreksi, misalnya "
    "content/posts/2026/nama-publikasi.md"
)
STAMP_FAILED = "cap tanggal dan asal persetujuan tidak dapat ditulis ke front matter: {detail}"

# --- run summary ---------------------------------------------------------------------------------
TITLE = "Promosi draf — {when}"
SECTION_PROMOTED = "Diterbitkan ke content/posts/ ({count})"
SECTION_SCHEDULED = "Terjadwal, menunggu waktu terbit ({count})"
SECTION_POSTPONED = "Ditunda, status postponed (SOP langkah 3) ({count})"
SECTION_DRAFT = "Masih draf, status draft ({count})"
SECTION_UNAPPROVED = "Tidak diterbitkan: belum disetujui ({count})"
SECTION_INVALID = "Tidak diterbitkan: draf tidak sah ({count})"
SECTION_ERROR = "Tidak diterbitkan: galat tak terduga ({count})"
ITEM_PROMOTED = "{path} → {target} (PR #{number}; {approvers})"
ITEM_WOULD_PROMOTE = "{path} → {target} (PR #{number}; {approvers}) — belum dijalankan (--dry-run)"
ITEM_SCHEDULED = "{path}: terbit mulai {when} (PR #{number}, persetujuan lengkap)"
ITEM_HELD = "{path}: {title}"
ITEM_REFUSED = "{path}: {reason}"
APPROVER = "{login} sebagai {role}"
NOTHING = "Tidak ada draf di drafts/."
DONE_PUSHED = (
    "{count} publikasi diterbitkan dan dikirim ke repositori ({rebases} kali disusul commit lain)."
)
DONE_LOCAL = "{count} publikasi diterbitkan (commit lokal, tidak di-push)."
DONE_NONE = "Tidak ada draf yang siap terbit saat ini."
DRY_RUN = "Mode uji (--dry-run): tidak ada berkas yang diubah, tidak ada commit."
FAILED = (
    "{count} draf tidak diterbitkan karena belum disetujui, tidak sah, atau galat (lihat di atas). "
    "Draf itu tetap di drafts/ dan tidak dikirim ke media sosial."
)

# --- the commit ----------------------------------------------------------------------------------
COMMIT_SUBJECT = "Terbitkan: {title}"
COMMIT_BODY = """\
Draf {path} dipromosikan ke {target} oleh kpu promote.

Pull request: #{number} {url}
Disetujui: {approvers}
Nota Dinas: {memo}
Commit draf: {commit}"""

# --- kpu record ----------------------------------------------------------------------------------
RECORD_SUBJECT = "Catat arsip publikasi: {paths}"
RECORD_NOTHING = "Arsip tidak berubah; tidak ada yang di-commit."
RECORD_DONE = "Arsip di-commit dan dikirim: {paths}."
RECORD_LOCAL = "Arsip di-commit (lokal, tanpa remote): {paths}."

# --- git -----------------------------------------------------------------------------------------
NOT_A_REPOSITORY = "{path} bukan repositori git. Jalankan perintah ini di dalam salinan repositori."
DETACHED_HEAD = (
    "Repositori tidak berada di sebuah cabang (detached HEAD) dan GITHUB_REF tidak menyebut cabangnya. "
    "Checkout cabang utama terlebih dahulu, misalnya: git checkout main"
)
GIT_FAILED = "Perintah git gagal: {detail}"
PUSH_FAILED = "Push ke repositori gagal: {detail}"
PUSH_GAVE_UP = (
    "Push ditolak {attempts} kali karena repositori terus berubah. Jalankan ulang workflow; tidak ada "
    "yang hilang, draf akan dipromosikan pada percobaan berikutnya."
)
REBASE_CONFLICT = (
    "Repositori berubah di tempat yang sama selama proses berjalan, sehingga commit tidak dapat "
    "disusun ulang (rebase): {detail}. Jalankan ulang workflow; draf tetap aman di drafts/."
)
