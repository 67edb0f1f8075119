"""Indonesian text for `kpu doctor --online` (pipeline.setup.tokens): one line per channel token, and
the GitHub issue kept while a token needs a person."""

from __future__ import annotations

VALID_NO_EXPIRY = (
    "Token {label}{who} sah (diterima API-nya; token ini tidak punya tanggal kedaluwarsa)."
)
VALID_UNTIL = "Token {label}{who} sah sampai {date} ({days} hari lagi)."
EXPIRING = (
    "Token {label}{who} kedaluwarsa pada {date}, {days} hari lagi. Perbarui sebelum tanggal itu: "
    "{fix}"
)
INVALID = "Token {label}{who} tidak berlaku: {detail}. {fix}"
EXPIRED = "masa berlakunya sudah habis"
META_NOT_VALID = "Meta menyatakan token ini tidak sah (is_valid: false)"
META_SCOPE_MISSING = "token tidak punya izin {scopes}, jadi tidak dapat mengirim"
MALFORMED = "jawaban {label} tidak berbentuk seperti biasa"
SECRET_HOW = (
    "lalu simpan nilainya di GitHub: Settings → Secrets and variables → Actions → {names} → "
    "Update secret."
)
FIXES = {
    "facebook": (
        "Buat Page access token baru (Meta Business Suite atau Graph API Explorer, izin "
        "pages_manage_posts, ditukar menjadi token jangka panjang), "
        + SECRET_HOW.format(names="FACEBOOK_PAGE_TOKEN")
    ),
    "instagram": (
        "Buat access token baru untuk akun Instagram bisnis (izin instagram_content_publish, "
        "ditukar menjadi token jangka panjang), " + SECRET_HOW.format(names="INSTAGRAM_TOKEN")
    ),
    "telegram": (
        "Minta token bot dari @BotFather (/token, atau /revoke bila bocor), "
        + SECRET_HOW.format(names="TELEGRAM_BOT_TOKEN")
    ),
    "mastodon": (
        "Buat access token baru di server Mastodon (Preferensi → Pengembangan → aplikasi kantor, "
        "izin write:statuses dan write:media), " + SECRET_HOW.format(names="MASTODON_TOKEN")
    ),
    "x": (
        "Buat ulang Access Token and Secret di developer.x.com (Keys and tokens, izin Read and "
        "Write), " + SECRET_HOW.format(names="X_ACCESS_TOKEN dan X_ACCESS_TOKEN_SECRET")
    ),
}
FIX_DEFAULT = "Buat token baru di layanan itu, " + SECRET_HOW.format(names="secret kanal itu")
NONE_CONFIGURED = (
    "Tidak ada kanal dengan kredensial yang diatur: tidak ada token yang diperiksa secara daring."
)
OFFLINE = "Token kanal tidak diperiksa ke API-nya; jalankan kpu doctor --online untuk memeriksanya."

ISSUE_TITLE = "Token media sosial perlu diperbarui"
ISSUE_INTRO = (
    "Pemeriksaan harian kpu doctor --online ({when}) menemukan token kanal yang tidak berlaku "
    "atau kedaluwarsa dalam {days} hari. Selama token tidak berlaku, kiriman ke kanal itu gagal "
    "atau menunggu; perbarui sesuai petunjuk di setiap baris:"
)
ISSUE_FINE = "Token lain dalam keadaan baik:"
ISSUE_FOOTER = (
    "Issue ini diperbarui setiap hari oleh workflow Terjadwal dan ditutup otomatis setelah semua "
    "token sah lebih dari 14 hari lagi. Nilai token tidak pernah ditulis di sini."
)
ISSUE_CLOSING = (
    "Semua token kanal sah pada pemeriksaan {when} (tidak ada yang kedaluwarsa dalam 14 hari). "
    "Issue ini ditutup otomatis."
)
ISSUE_CREATED = "Issue token kanal dibuat: {url}"
ISSUE_UPDATED = "Issue token kanal diperbarui: {url}"
ISSUE_UNCHANGED = "Issue token kanal masih terbuka, isinya tetap: {url}"
ISSUE_CLOSED = "Semua token sah; issue token kanal ditutup: {url}"
ISSUE_NOTHING = "Semua token sah; tidak ada issue token kanal yang perlu dibuka."
