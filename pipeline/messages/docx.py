"""Indonesian text for `kpu new --from-docx` (a Word document -> a draft)."""

from __future__ import annotations

NOT_FOUND = 'Berkas Word "{path}" tidak ditemukan. Periksa nama dan foldernya.'
NOT_DOCX = (
    'Berkas "{path}" bukan dokumen Word .docx yang dapat dibaca. Di Word pilih File → Save As → '
    '"Word Document (*.docx)", lalu jalankan lagi.'
)
IMAGE_ALT_MISSING = (
    '{path}: gambar ke-{number} belum punya teks alternatif. Kolom "image_alt" wajib diisi jika ada '
    "gambar: di Word klik kanan gambar → Edit Alt Text (Lihat Teks Alt), tulis satu kalimat yang "
    "menggambarkan isi gambar untuk pembaca tunanetra, simpan, lalu jalankan lagi."
)
IMAGE_TYPE = (
    "{path}: gambar ke-{number} berformat {kind}; situs hanya menerima PNG, JPG atau WEBP. Ganti "
    "gambar itu di Word dengan berkas PNG atau JPG, lalu jalankan lagi."
)
IMAGE_TOO_BIG = (
    "{path}: gambar ke-{number} terlalu besar ({size_mb:.1f} MB, maksimum 5 MB). Perkecil "
    "ukurannya (misalnya lebar 1200 piksel), lalu jalankan lagi."
)
EMPTY = "{path}: dokumen Word kosong (tidak ada teks). Periksa berkasnya, lalu jalankan lagi."
BODY_PLACEHOLDER = "Tulis paragraf pembuka di sini."
CREATED = (
    "Draf dibuat dari {source}: {path}\n{images}Lengkapi description, request (Nota Dinas), "
    "election_stage, legal_basis dan teks media sosial, lalu periksa dengan: kpu check {path}"
)
IMAGES = "Gambar disimpan: {paths}\n"
