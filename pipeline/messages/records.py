"""Indonesian text of the records (SOP "Pencatatan dan Pendataan"): the link archive, the Daftar
Informasi Publik, `kpu linkcheck`, `kpu bundle` and `kpu report`, kept in one place for review."""

from __future__ import annotations

# --- Arsip Link Aktif (site page) ------------------------------------------------------------
ARCHIVE_TITLE = "Arsip Link Aktif"
ARCHIVE_DESCRIPTION = (
    "Setiap publikasi {{ kantor.nama }} beserta tautan halaman web dan kiriman media "
    "sosialnya, tanggal, kanal, dan status pemeriksaan tautannya."
)
ARCHIVE_INTRO = (
    "Catatan seluruh tautan publikasi informasi hukum, sesuai SOP bagian Pencatatan dan "
    "Pendataan. Setiap tautan diperiksa secara berkala; publikasi terbaru di atas."
)
ARCHIVE_YEARS = "Tahun:"
ARCHIVE_EMPTY = "Belum ada publikasi."
ARCHIVE_COLUMNS = ("Tanggal", "Publikasi", "Kanal", "Tautan", "Status dan pemeriksaan terakhir")
ARCHIVE_PRINT = "versi cetak"
ARCHIVE_PRINT_INDEX = "Versi cetak semua publikasi: [Dokumentasi Offline]({link})."
ARCHIVE_NOT_RECORDED = "belum tercatat"
ARCHIVE_NO_DATE = "Tanpa tanggal"
CHANNEL_WEB = "Situs web"
CHANNEL_LABELS = {
    "x": "X (Twitter)",
    "facebook": "Facebook",
    "instagram": "Instagram",
    "telegram": "Telegram",
    "mastodon": "Mastodon",
    "outbox": "Outbox (belum dikirim)",
}
WEB_PUBLISHED = "Terbit"
WEB_WITHDRAWN = "Ditarik"
POST_STATUS = {
    "pending": "Sedang dikirim",
    "posted": "Terkirim",
    "failed": "Gagal dikirim",
    "deleted": "Dihapus",
}
CHECK_NEVER = "tautan belum diperiksa"
CHECK_LIVE = "tautan aktif ({when})"
CHECK_DEAD = "tautan <strong>mati</strong>: {reason} ({when})"  # HTML: the archive's table
CHECK_UNKNOWN = "tautan tidak dapat diperiksa: {reason} ({when})"

# --- Daftar Informasi Publik (site page) -----------------------------------------------------
DIP_TITLE = "Daftar Informasi Publik"
DIP_DESCRIPTION = (
    "Daftar informasi publik yang diterbitkan {{ kantor.nama }} melalui situs ini, "
    "menurut Standar Layanan Informasi Publik."
)
DIP_INTRO = (
    "Daftar Informasi Publik (DIP) memuat informasi hukum yang telah diterbitkan melalui situs "
    "ini, disusun menurut Peraturan Komisi Informasi tentang Standar Layanan Informasi Publik. "
    "Informasi dalam daftar ini dapat diminta kepada PPID; lihat [tata caranya]({service})."
)
DIP_COLUMNS = (
    "No.",
    "Ringkasan isi informasi",
    "Pejabat/unit yang menguasai informasi",
    "Penanggung jawab pembuatan/penerbitan",
    "Waktu dan tempat pembuatan",
    "Bentuk informasi yang tersedia",
    "Jangka waktu penyimpanan",
    "Jenis informasi",
)
LINKCHECK_REGISTRY_HEADER = (
    "{count} tautan naskah resmi di data/regulations.yml tidak menuju dokumennya sendiri "
    "(halaman depan atau katalog); Subbag Hukum perlu menggantinya dengan alamat halaman "
    "dokumennya:"
)
DIP_DOWNLOADS = "Unduh daftar ini: [CSV]({csv}) · [Excel (XLSX)]({xlsx})"
DIP_EMPTY = "Belum ada informasi yang diterbitkan."
DIP_MISSING = "belum ditetapkan"
DIP_CATEGORIES = {
    "berkala": "Berkala",
    "serta_merta": "Serta merta",
    "setiap_saat": "Tersedia setiap saat",
}
DIP_FORMATS = {"softcopy": "Softcopy", "hardcopy": "Hardcopy"}
INVALID_POST = (
    "{path}: front matter tidak sah sehingga publikasi ini tidak dapat dimasukkan ke Arsip Link "
    "dan Daftar Informasi Publik. Jalankan: kpu check {path}"
)

# --- Dokumentasi Offline: print pages and `kpu bundle` ----------------------------------------
PRINT_TITLE = "{title} (versi cetak)"
PRINT_PUBLISHED = "Diterbitkan"
PRINT_WEB = "Alamat web"
PRINT_MEMO = "Nota Dinas"
PRINT_MEMO_VALUE = "Nomor {number} tanggal {date}, dari {unit}"
PRINT_WITHDRAWN = "Ditarik"
PRINT_POSTS = "Kiriman media sosial:"
PRINT_INDEX_TITLE = "Dokumentasi Offline: versi cetak publikasi"
PRINT_INDEX_DESCRIPTION = "Setiap publikasi dalam format siap cetak, beserta catatan penerbitannya."
PRINT_INDEX_INTRO = (
    "Salinan setiap publikasi beserta catatan penerbitannya (Nota Dinas, alamat web, kiriman "
    "media sosial), siap dicetak dari peramban (Ctrl+P)."
)
BUNDLE_NOT_OFFLINE = (
    "Situs dibangun tanpa mode offline: search/search_index.js tidak ada. Pastikan mkdocs.yml "
    'memuat plugin "offline" dengan enabled: !ENV [KPU_OFFLINE, false].'
)
BUNDLE_OK = "Dokumentasi offline dibuat: {zip} ({files} berkas, SHA-256 {sha256})."
BUNDLE_MANIFEST = "Daftar checksum: {manifest} (periksa dengan: sha256sum -c SHA256SUMS)."
BUNDLE_RELEASED = "Dilampirkan ke rilis {tag}: {url}"
RELEASE_NAME = "Dokumentasi Offline {month}"
RELEASE_BODY = (
    "Salinan offline situs publikasi informasi hukum (SOP: Dokumentasi Offline). Unduh berkas zip, "
    "ekstrak, lalu buka index.html di peramban; tidak perlu internet. Keutuhan berkas dapat "
    "diperiksa dengan: sha256sum -c SHA256SUMS"
)

# --- kpu linkcheck ---------------------------------------------------------------------------
LINK_TIMEOUT = "waktu habis, server tidak menjawab"
LINK_UNREACHABLE = "server tidak dapat dihubungi (alamat salah, atau servernya mati)"
LINK_REDIRECTS = "terlalu banyak pengalihan (redirect)"
LINK_FAILED = "permintaan gagal ({kind})"
LINK_CODE = "kode {code}"
LINKCHECK_NONE = "Belum ada tautan yang tercatat di data/ledger.json; tidak ada yang diperiksa."
LINKCHECK_DEAD_HEADER = "Tautan mati ({count}):"
LINKCHECK_DEAD = '- "{title}" ({slug}), {channel}: {url}\n  Masalah: {reason}.\n  Perbaikan: {fix}'
LINKCHECK_FIX_WEB = (
    "pastikan berkas publikasinya masih ada di content/posts/ dan workflow penerbitan terakhir "
    "berhasil. Bila publikasi memang ditarik, jalankan kpu retract {slug} agar halamannya tetap "
    "ada dengan pemberitahuan."
)
LINKCHECK_FIX_POST = (
    "buka tautannya di peramban. Bila kiriman memang hilang dari akun {channel}, tandai untuk "
    "dikirim ulang dengan kpu publish --resolve {slug} {key} failed, lalu jalankan workflow "
    "penerbitan."
)
LINKCHECK_UNCHECKABLE_HEADER = (
    "Tidak dapat diperiksa otomatis ({count}); server menolak program pemeriksa, buka sendiri "
    "di peramban:"
)
LINKCHECK_UNCHECKABLE = '- "{title}", {channel}: {url} ({reason})'
LINKCHECK_SUMMARY = (
    "{total} tautan diperiksa: {live} aktif, {dead} mati, {unknown} tidak dapat diperiksa. "
    "Hasilnya dicatat di data/ledger.json."
)

# --- kpu linkcheck --report-issue ------------------------------------------------------------
ISSUE_TITLE = "Tautan mati di Arsip Link Aktif"
ISSUE_INTRO = (
    "Pemeriksaan tautan otomatis pada {when} menemukan **{dead} dari {total} tautan mati**. "
    "Issue ini diperbarui pada setiap pemeriksaan dan ditutup otomatis bila semua tautan aktif "
    "kembali."
)
ISSUE_HEADER = "| Publikasi | Kanal | Tautan | Masalah |\n|---|---|---|---|"
ISSUE_ROW = "| {title} (`{slug}`) | {channel} | <{url}> | {reason} |"
ISSUE_FIX = (
    "**Cara memperbaiki.** Halaman web yang mati: pastikan berkasnya masih ada di "
    "`content/posts/` dan workflow penerbitan terakhir berhasil; bila sengaja ditarik, jalankan "
    "`kpu retract SLUG`. Kiriman media sosial yang hilang: tandai untuk dikirim ulang dengan "
    "`kpu publish --resolve SLUG KANAL failed`, lalu jalankan workflow penerbitan."
)
ISSUE_CLOSING = (
    "Semua {total} tautan aktif kembali pada pemeriksaan {when}. Issue ini ditutup otomatis."
)
ISSUE_CREATED = "Issue tautan mati dibuat: {url}"
ISSUE_UPDATED = "Issue tautan mati diperbarui: {url}"
ISSUE_CLOSED = "Semua tautan aktif; issue tautan mati ditutup: {url}"
ISSUE_NOTHING = "Semua tautan aktif; tidak ada issue tautan mati yang perlu dibuka."

# --- data/sop.yml and kpu report -------------------------------------------------------------
SOP_DURATION = (
    'lama waktu "{got}" tidak dikenal; tulis seperti "15m" (15 menit), "2h" (2 jam), "1d" (1 hari) '
    'atau "1h30m"'
)
SOP_NUMBERS = "nomor langkah harus urut mulai dari 1 (1, 2, 3, ...); tertulis: {got}"
REPORT_NOT_A_REPOSITORY = (
    "{path} bukan repositori git, sehingga waktu setiap langkah tidak dapat ditelusuri. Jalankan "
    "kpu report di dalam salinan repositori (git clone), dengan seluruh riwayatnya."
)
REPORT_GIT_FAILED = (
    "Riwayat git {path} tidak dapat dibaca: {detail}. Pastikan repositori diambil dengan seluruh "
    "riwayatnya (di GitHub Actions: fetch-depth: 0)."
)
SOURCE_MEMO = "tanggal Nota Dinas"
SOURCE_PROVENANCE = "catatan promosi"
SOURCE_PROVENANCE_OF = "catatan promosi ({where})"
SOURCE_DATE = "tanggal terbit"
SOURCE_LEDGER = "arsip tautan"
REPORT_TITLE = "Laporan Mutu Baku Waktu SOP"
REPORT_FRONT = [
    "---",
    f"title: {REPORT_TITLE}",
    "description: Waktu setiap langkah SOP publikasi informasi hukum dibandingkan dengan mutu bakunya.",
    "search:",
    "  exclude: true",
    "---",
    "",
]
REPORT_INTRO = (
    "Halaman internal. Dibuat {when} oleh kpu report dari tanggal Nota Dinas, riwayat git draf, "
    "{source} dan arsip tautan (data/ledger.json). Setiap langkah menyebut peristiwa awal dan "
    "akhirnya serta dari mana waktunya dibaca. Langkah yang tidak meninggalkan jejak waktu "
    'ditulis "tidak terukur" beserta alasannya; waktunya tidak diperkirakan. Tanggal Nota Dinas '
    "tidak berjam, jadi waktu yang dihitung darinya adalah waktu paling sedikit. Waktu yang "
    "melebihi standar dicetak tebal dan ditandai."
)
REPORT_WITH_GITHUB = (
    "issue permintaan publikasi dan peristiwa pull request di GitHub (dibuka, ditelaah, "
    "disetujui, digabung)"
)
REPORT_WITHOUT_GITHUB = (
    "catatan promosi (waktu issue, pull request, telaah, persetujuan dan merge yang dicatat kpu "
    "promote dari GitHub; GITHUB_TOKEN tidak diatur, jadi GitHub tidak ditanya langsung)"
)
REPORT_EMPTY = "Belum ada publikasi."
REPORT_SUMMARY = "Ringkasan per langkah"
REPORT_SUMMARY_HEADER = "| No. | Kegiatan | Standar | Tercatat | Median | Melebihi standar |"
REPORT_CHART_ALT = (
    "Grafik waktu setiap langkah yang tercatat per publikasi; garis putus-putus adalah standar "
    "waktunya, batang merah melebihi standar"
)
REPORT_CSV = "Unduh data lengkap (CSV)"
REPORT_PER_PUBLICATION = "Per publikasi"
REPORT_STEP_HEADER = "| No. | Kegiatan | Standar | Mulai | Selesai | Waktu | Sumber |"
REPORT_NOT_RECORDED = "tidak tercatat"
REPORT_OVER = "**{duration}** (melebihi standar)"
REPORT_UNDER_A_MINUTE = "kurang dari 1 menit"
REPORT_POSTS = "Waktu setiap kiriman media sosial (dihitung dari awal langkah 8):"
REPORT_POST = "- {channel}: {when} ({after})"
REPORT_CHART_PANEL = "Langkah {number}. {name} (standar {standard})"
REPORT_CHART_AXIS = "jam"
REPORT_CHART_EMPTY = "Belum ada langkah yang tercatat waktunya."
REPORT_WRITTEN = "Laporan waktu SOP ditulis: {paths}."
REPORT_SUMMARY_LINE = (
    "{count} publikasi. Per langkah: {steps_over} dari {measured} langkah yang terukur melebihi "
    "standar langkahnya sendiri ({unmeasured} dari {steps} langkah tidak terukur). Seluruh alur: "
    "{flows_over} dari {flows} alur melebihi standar seluruh alur ({standard}, jumlah standar "
    "langkah 1-8)."
)
REPORT_SUMMARY_WHY = (
    "Keduanya dihitung terpisah: sebuah alur dapat melebihi standar seluruh alur walaupun tidak "
    "ada langkah terukur yang melebihi standarnya, karena langkah yang tidak terukur dan waktu "
    "tunggu di antara langkah ikut terhitung dalam alur."
)
REPORT_NOT_MEASURED = "tidak terukur"
REPORT_MISSING = "tidak terukur: {events} tidak tercatat"
REPORT_MISSING_NOTE = "tidak terukur: {events} tidak tercatat ({note})"
REPORT_BACKWARDS = (
    "tidak terukur: {end} ({end_at}) tercatat sebelum {start} ({start_at}), jadi langkah ini "
    "tidak berjalan menurut urutan SOP"
)
REPORT_FROM_TO = "dari {start} ({start_source}) sampai {end} ({end_source})"
REPORT_AT_LEAST = "paling sedikit {duration} (jam Nota Dinas tidak tercatat)"
REPORT_SAME_DAY = "pada hari yang sama (jam Nota Dinas tidak tercatat)"
REPORT_OVERALL_ROW = "Seluruh alur"
EVENT_LABELS = {
    "memo": "tanggal Nota Dinas",
    "issue_opened": "issue permintaan publikasi dibuka",
    "draft_added": "commit pertama draf",
    "draft_ready": "draf selesai didesain (commit terakhir sebelum telaah pertama)",
    "draft_last_commit": "commit terakhir draf",
    "pr_opened": "pull request dibuka",
    "first_review": "telaah pertama",
    "review_sekretaris": "telaah Sekretaris",
    "review_subbag_hukum": "telaah Subbag Hukum",
    "approved": "persetujuan lengkap",
    "merged": "pull request digabung",
    "promoted": "promosi draf",
    "published": "tanggal terbit",
    "posted": "kiriman media sosial",
}
