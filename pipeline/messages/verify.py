"""Indonesian text for `kpu verify`, the verified-only build and the checks before posting."""

from __future__ import annotations

# --- no post without its page ------------------------------------------------------------------
NOT_LIVE = (
    "{path}: halaman {url} belum dapat dibuka (jawaban: {status}) setelah menunggu {wait} detik; "
    "publikasi ini tidak dikirim ke media sosial sekarang dan dicoba lagi pada jalankan berikutnya. "
    "Periksa apakah deploy GitHub Pages berhasil."
)
WAITING = "Menunggu {count} halaman dapat dibuka (paling lama {wait} detik) sebelum mengirim..."

# --- why a publication is not verified -----------------------------------------------------------
NO_FRONT_MATTER = (
    "front matter tidak terbaca, sehingga catatan persetujuannya tidak dapat diperiksa"
)
NO_RECORD = (
    "tidak ada catatan persetujuan (provenance). Publikasi hanya terbit lewat draf yang disetujui "
    "di pull request lalu dipromosikan oleh kpu promote; berkas yang ditaruh langsung di "
    "content/posts/ tidak ditayangkan"
)
BAD_RECORD = "catatan persetujuan (provenance) tidak lengkap atau rusak"
NO_HASH = "catatan persetujuan tidak memuat content_sha256 (sidik isi yang disetujui)"
EDITED = (
    "isinya berubah sesudah disetujui dan dipromosikan (sidik isi tidak cocok). Ajukan koreksi "
    "lewat pull request agar ditelaah dan disetujui ulang"
)
SYMLINK = "{path} adalah symlink (tautan ke berkas lain); publikasi harus berkas biasa"
UNREADABLE = "berkas tidak dapat dibaca ({detail})"
NO_HISTORY = (
    "riwayat git repositori tidak tersedia, sehingga pull request-nya tidak dapat ditelusuri; "
    "jalankan di salinan repositori yang lengkap (actions/checkout dengan fetch-depth: 0)"
)
NO_API = "persetujuan tidak dapat diperiksa karena GitHub tidak dapat dihubungi: {detail}"
NOT_MERGED = "pull request #{number} yang disebut catatan persetujuan belum atau tidak digabung"
OTHER_MERGE = (
    "catatan menyebut commit merge {sha}, tetapi pull request #{number} digabung di commit lain"
)
NOT_ON_MAIN = "commit merge {sha} dari pull request #{number} tidak ada di riwayat cabang utama"
SOURCE_MISSING = "isi yang disetujui ({source}) tidak ditemukan di pull request #{number}"
NOT_WHAT_WAS_APPROVED = (
    "isinya bukan yang dibawa pull request #{number} ({source}); catatan persetujuan ini tidak "
    "berlaku untuk berkas ini"
)
NO_APPROVERS = "catatan persetujuan tidak menyebut penyetuju pull request #{number}"
REVIEW_MISSING = (
    "tidak ada persetujuan (Approve) dari {login} di pull request #{number} seperti yang dicatat"
)

# --- kpu verify ----------------------------------------------------------------------------------
LINE_OK = "✔ {path}"
LINE_BAD = "✘ {path}: {reason}"
LOCAL_ONLY = (
    "Catatan: GitHub tidak tersedia (GITHUB_TOKEN/GITHUB_REPOSITORY), hanya sidik isi yang "
    "diperiksa."
)
SUMMARY_OK = "{count} publikasi terverifikasi; daftar ditulis ke {path}."
SUMMARY_BAD = (
    "{bad} publikasi tidak terverifikasi: tidak ditayangkan dan tidak dikirim ke media sosial "
    "(lihat alasannya di atas). {count} publikasi lain terverifikasi; daftar ditulis ke {path}."
)
LIST_UNREADABLE = "Daftar publikasi terverifikasi {path} tidak terbaca; jalankan kpu verify dahulu."
SKIPPED_UNVERIFIED = "{path}: tidak terverifikasi, tidak ikut {what}."
