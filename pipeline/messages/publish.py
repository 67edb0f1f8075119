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
PREVIEW_PAGE = "Halaman: {url}"
PREVIEW_CHANNEL = "{mark} **{label}** — {length}/{limit} karakter"
PREVIEW_X_COST = (
    "Biaya API X untuk kiriman ini: {usd} USD (X menagih per kiriman; kiriman yang memuat tautan "
    "lebih mahal)."
)
PREVIEW_LINK = "- Tautan dalam kiriman: {url}"
PREVIEW_TAGS = "- Tagar: {tags}"
PREVIEW_IMAGE = "- Gambar: {path} (di artifact pratinjau-situs)"
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
LEDGER_INVALID = (
    "Arsip link {path} tidak sesuai dengan isi yang ditulis kpu: {detail}. Tidak ada yang "
    "dikirim. Jangan disunting dengan tangan; pulihkan versi terakhir yang benar dengan riwayat "
    "git (git log -- {path}), lalu jalankan lagi."
)
LEDGER_DEEP = "isinya bersarang terlalu dalam"
LEDGER_NOT_OBJECT = 'isinya harus sekumpulan kolom dengan "version" dan "publications"'
LEDGER_VERSION = "versi {got} tidak dikenal (kpu ini membaca versi {version}); perbarui kpu"
LEDGER_MISSING = 'kolom "{field}" tidak ada'
LEDGER_FIELD = 'kolom "{field}" tidak sah (isinya {got})'


# --- publishing ------------------------------------------------------------------------------
NOT_YET = "belum waktunya (publish_at)"
ALREADY_IN_OUTBOX = "ke outbox, pada proses sebelumnya; tidak ditulis ulang"
SENT_TO_OUTBOX = "kredensial kanal ini belum diatur: kiriman disimpan di outbox, tidak dikirim"
RECONCILED = "ditemukan sudah terkirim pada proses sebelumnya; tidak dikirim ulang"
FOUND_BEFORE_POSTING = "sudah ada di kanal ini (tautan halamannya ditemukan), walau belum tercatat; tidak dikirim ulang"
LOOKUP_BEFORE_POST_FAILED = "kanal tidak dapat diperiksa sebelum mengirim ({detail}); tidak dikirim, diulang pada proses berikutnya"
LEFT_IN_OUTBOX = (
    "dulu disimpan di outbox (kredensial belum ada), tidak dikirim otomatis; "
    "kirim dengan kpu publish --backfill {channel}"
)
BEFORE_START = (
    "terbit sebelum kanal ini dipakai (sejak {since}); tidak dikirim. Untuk mengirim publikasi "
    "lama juga: kpu publish --backfill {channel} [--since TTTT-BB-HH]"
)
DEADLINE = "kanal ini melewati batas waktu {minutes:.0f} menit; belum dikirim, diulang pada proses berikutnya"
DEADLINE_IN_CALL = (
    "kanal ini tidak menjawab dalam batas waktu {minutes:.0f} menit saat mengirim; hasilnya "
    "diperiksa pada proses berikutnya"
)
PENDING_WITHOUT_CREDENTIALS = (
    "kiriman ke {label} pada proses sebelumnya belum pasti hasilnya, dan kredensialnya kini tidak "
    "ada; tidak ditulis ke outbox. Pasang lagi kredensialnya, atau putuskan dengan kpu publish --resolve"
)
CRASHED = "kesalahan tak terduga ({error}: {detail})"
X_CAP_REACHED = (
    "batas kiriman X bulan ini (channels.x_monthly_cap di kpu.yml) sudah tercapai; ditunda ke "
    "bulan berikutnya, atau naikkan batasnya"
)
INSTAGRAM_DAY_FULL = "batas 50 kiriman Instagram per 24 jam tercapai; ditunda ke proses berikutnya"
QUOTA_FULL = "batas jumlah kiriman kanal ini tercapai; ditunda ke proses berikutnya"
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
    "deferred": "ditunda",
}
LINE = "{slug} -> {channel}: {status}{url}{detail}"
DRY_RUN = "Uji coba (--dry-run): tidak ada yang dikirim dan arsip link tidak diubah. Kiriman ditulis di {path}"
OUTBOX_ONLY = (
    "Hanya outbox (--outbox-only): tidak ada yang dikirim ke media sosial dan arsip link tidak diubah. "
    "Kiriman ditulis di {path}"
)
NOTHING = "Tidak ada publikasi di content/posts/."
SUMMARY_OK = "Selesai: {posted} terkirim, {skipped} sudah terkirim sebelumnya, {outbox} ke outbox."
SUMMARY_DEFERRED = (
    "{count} kiriman ditunda karena batas kanal (kuota atau biaya); dikirim pada proses berikutnya."
)
SINCE_FORMAT = 'tanggal "{got}" tidak sah; tulis seperti 2026-10-05 (tahun-bulan-hari)'
SUMMARY_FAIL = (
    "{count} kiriman belum berhasil:\n{items}\n"
    "Kiriman yang berhasil sudah tercatat di data/ledger.json; jalankan kpu publish lagi untuk "
    "mengulang yang gagal (yang sudah terkirim tidak akan dikirim dua kali)."
)

# --- kpu retract -----------------------------------------------------------------------------
RETRACT_NOT_FOUND = (
    'Publikasi dengan slug "{slug}" tidak ditemukan di content/posts/. Periksa ejaannya.'
)
RETRACT_MARKED = (
    "Halaman {path} ditandai ditarik; pemberitahuan tampil di situs setelah build berikutnya."
)
RETRACT_DEFAULT_REASON = "Publikasi ditarik oleh {office}."
RETRACT_NO_REASON = "Publikasi ditarik."
WITHDRAWN_NOTICE = (
    '!!! warning "Publikasi ini telah ditarik"\n    Ditarik pada {date}. Alasan: {reason}\n'
)

# --- the journal on origin -------------------------------------------------------------------
JOURNAL_SUBJECT = "Jurnal arsip link (kpu publish)"
JOURNAL_UNREACHABLE = (
    "Catatan kiriman tidak dapat disimpan di origin (cabang kpu-ledger): {detail}. Tidak ada yang "
    "dikirim, agar tidak ada kiriman ganda bila proses ini terhenti. Periksa koneksi dan izin "
    "push (contents: write), lalu jalankan kpu publish lagi."
)
JOURNAL_GAVE_UP = (
    "Catatan kiriman tidak dapat disimpan di origin setelah {attempts} kali mencoba (cabang "
    "kpu-ledger terus berubah). Jalankan kpu publish lagi."
)
