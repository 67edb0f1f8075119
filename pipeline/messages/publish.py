"""Indonesian text shown to staff by `kpu publish`, `kpu retract` and the post checks."""

from __future__ import annotations

# --- post length (kpu check) -----------------------------------------------------------------
POST_TOO_LONG = (
    "Teks kiriman {label} terlalu panjang: {length} karakter, maksimum {limit}{how}. "
    'Tulis teks yang lebih pendek khusus {label} di kolom "social.{key}" '
    "(tautan halaman dan tagar ditambahkan otomatis), atau persingkat judul dan deskripsi."
)
HOW_X_COUNTS = (
    " (setiap tautan dihitung 23 karakter; emoji dan huruf Tionghoa/Jepang/Korea dihitung 2)"
)
HOW_URLS_COUNT = " (setiap tautan dihitung 23 karakter)"
TOO_MANY_HASHTAGS = (
    "Kiriman {label} memuat {count} tagar, maksimum {limit}. "
    'Kurangi tagar di kolom "social.{key}" atau di channels.hashtags pada kpu.yml.'
)

# --- preview (PR comment) --------------------------------------------------------------------
PREVIEW_TITLE = "### Pratinjau kiriman media sosial"
PREVIEW_PAGE = "Halaman: <{url}>"
PREVIEW_CHANNEL = "{mark} **{label}** — {length}/{limit} karakter"
PREVIEW_NONE = "Tidak ada publikasi yang akan dikirim."

# --- ledger ----------------------------------------------------------------------------------
LEDGER_BUSY = (
    "Arsip link (data/ledger.json) sedang dipakai proses lain lebih dari {minutes} menit. "
    "Tunggu proses itu selesai, lalu jalankan perintah ini lagi."
)
LEDGER_UNREADABLE = (
    "Arsip link {path} tidak dapat dibaca ({detail}). Jangan disunting dengan tangan; "
    "pulihkan versi terakhir yang benar dengan riwayat git, lalu jalankan lagi."
)

# --- publishing ------------------------------------------------------------------------------
NOT_YET = "belum waktunya (publish_at)"
ALREADY_IN_OUTBOX = "ke outbox, pada proses sebelumnya; tidak ditulis ulang"
SENT_TO_OUTBOX = "kredensial kanal ini belum diatur: kiriman disimpan di outbox, tidak dikirim"
RECONCILED = "ditemukan sudah terkirim pada proses sebelumnya; tidak dikirim ulang"
UNRESOLVED = (
    "hasil kiriman tidak diketahui ({detail}). Periksa akun kanal ini: jika kiriman ada, jalankan "
    "kpu publish --resolve SLUG KANAL posted URL; jika tidak ada, kpu publish --resolve SLUG KANAL failed"
)
CANNOT_LOOK_UP = (
    "proses sebelumnya terhenti saat mengirim ke {label}, dan {label} tidak dapat ditanya apakah "
    "kiriman itu sudah ada. Periksa kanal secara langsung: jika kiriman ada, jalankan "
    "kpu publish --resolve SLUG KANAL posted URL; jika tidak ada, kpu publish --resolve SLUG KANAL failed"
)
LOOKUP_FAILED = (
    "proses sebelumnya terhenti saat mengirim, dan pemeriksaan kiriman gagal ({detail}). "
    "Jalankan kpu publish lagi nanti, atau putuskan dengan kpu publish --resolve"
)
LOOKUP_AFTER_ERROR = "{error}; pemeriksaan apakah kiriman sudah ada juga gagal: {detail}"
GAVE_UP = "gagal setelah {attempts} kali mencoba: {detail}"
RATE_LIMIT_TOO_LONG = (
    "batas jumlah kiriman tercapai ({detail}); baru bisa lagi dalam {minutes:.0f} menit. "
    "Jalankan kpu publish lagi setelah itu"
)

# --- resolve ---------------------------------------------------------------------------------
RESOLVE_USAGE = "Cara pakai: kpu publish --resolve SLUG KANAL posted URL, atau kpu publish --resolve SLUG KANAL failed"
RESOLVE_CHANNEL = 'Kanal "{got}" tidak dikenal. Pilih salah satu: {choices}.'
RESOLVE_NO_ENTRY = (
    'Arsip link tidak memuat kiriman "{slug}" ke kanal {channel}. Periksa ejaan slug dan kanal.'
)
RESOLVE_NEEDS_URL = "Tulis juga alamat (URL) kiriman yang sudah ada, contoh: ... posted https://x.com/akun/status/123"
RESOLVE_STATUS = 'Keputusan "{got}" tidak dikenal. Pilih posted (dengan URL) atau failed.'
RESOLVED_BY_PERSON = "diputuskan oleh petugas dengan kpu publish --resolve"
RESOLVED = "Tercatat: {slug} di {channel} sekarang {status}."

# --- kpu publish output ----------------------------------------------------------------------
STATUS_LABELS = {
    "posted": "terkirim",
    "skipped": "sudah terkirim sebelumnya",
    "failed": "GAGAL",
    "unresolved": "PERLU KEPUTUSAN",
    "outbox": "outbox",
    "waiting": "menunggu",
}
LINE = "{slug} -> {channel}: {status}{url}{detail}"
DRY_RUN = "Uji coba (--dry-run): tidak ada yang dikirim dan arsip link tidak diubah. Kiriman ditulis di {path}"
OUTBOX_ONLY = (
    "Hanya outbox (--outbox-only): tidak ada yang dikirim ke media sosial dan arsip link tidak diubah. "
    "Kiriman ditulis di {path}"
)
NOTHING = "Tidak ada publikasi di content/posts/."
SUMMARY_OK = "Selesai: {posted} terkirim, {skipped} sudah terkirim sebelumnya, {outbox} ke outbox."
SUMMARY_FAIL = (
    "{count} kiriman belum berhasil:\n{items}\n"
    "Kiriman yang berhasil sudah tercatat di data/ledger.json; jalankan kpu publish lagi untuk "
    "mengulang yang gagal (yang sudah terkirim tidak akan dikirim dua kali)."
)

# --- kpu retract -----------------------------------------------------------------------------
RETRACT_NOT_FOUND = (
    'Publikasi dengan slug "{slug}" tidak ditemukan di content/posts/. Periksa ejaannya.'
)
RETRACT_NO_CREDENTIALS = "kredensial {label} belum diatur, kiriman tidak dapat dihapus otomatis; hapus secara manual: {url}"
RETRACT_DELETED = "{slug} -> {channel}: dihapus ({url})"
RETRACT_FAILED = "{slug} -> {channel}: GAGAL dihapus: {detail}"
RETRACT_MARKED = (
    "Halaman {path} ditandai ditarik; pemberitahuan tampil di situs setelah build berikutnya."
)
RETRACT_FAIL_SUMMARY = (
    "{count} kiriman belum terhapus. Jalankan kpu retract lagi setelah masalahnya diperbaiki."
)
RETRACT_DEFAULT_REASON = "Publikasi ditarik oleh KPU Kabupaten."
WITHDRAWN_NOTICE = (
    '!!! warning "Publikasi ini telah ditarik"\n    Ditarik pada {date}. Alasan: {reason}\n'
)
