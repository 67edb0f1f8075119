"""Indonesian text for `kpu verify`, the verified-only build and the checks before posting."""

from __future__ import annotations

# --- no post without its page ------------------------------------------------------------------
NOT_LIVE = (
    "{path}: halaman {url} belum dapat dibuka (jawaban: {status}) setelah menunggu {wait} detik; "
    "publikasi ini tidak dikirim ke media sosial sekarang dan dicoba lagi pada jalankan berikutnya. "
    "Periksa apakah deploy GitHub Pages berhasil."
)
WAITING = "Menunggu {count} halaman dapat dibuka (paling lama {wait} detik) sebelum mengirim..."
