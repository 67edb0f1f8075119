"""Indonesian labels and hints of the web editor's form (Decap CMS at /admin/), by field path."""

from __future__ import annotations

COLLECTION_LABEL = "Draf publikasi"
COLLECTION_SINGULAR = "draf"
COLLECTION_DESCRIPTION = (
    "Draf yang sedang ditulis dan ditelaah. Simpan = draf tersimpan di cabang sendiri; "
    "geser ke Ditelaah lalu Siap di Alur Kerja agar Subbag Hukum dan Divisi Pengusul/Ketua menyetujuinya."
)
BODY_LABEL = "Isi publikasi"
BODY_HINT = (
    "Paragraf pertama menjadi ringkasan di daftar publikasi: penanda <!-- more --> sesudahnya "
    "ditambahkan otomatis saat menyimpan. Pisahkan paragraf dengan Enter. Setiap gambar wajib "
    "diberi teks alternatif (Alt)."
)
SOCIAL_LIMIT_HINT = "Batas {label}: {limit} karakter (tautan dihitung {url} karakter)."

# path -> (label, hint). Every field of pipeline/core/model.py's FrontMatter that the form shows.
FIELDS: dict[str, tuple[str, str]] = {
    "title": ("Judul", "Judul publikasi, tampil di situs dan media sosial."),
    "description": (
        "Ringkasan",
        "Satu atau dua kalimat, maksimum 300 karakter; juga deskripsi halaman di mesin pencari.",
    ),
    "categories": ("Kategori", "Kategori di situs; pilih satu atau lebih."),
    "tags": ("Kata kunci", "Kata kunci, dipisah koma, contoh: pemilu, data pemilih."),
    "authors": ("Penulis", "Penulis yang tampil di halaman (dari content/publikasi/.authors.yml)."),
    "request": ("Nota Dinas (SOP langkah 1)", "Nota Dinas permintaan publikasi."),
    "request.number": ("Nomor Nota Dinas", "Contoh: 001/ND/HK.03/Kab/X/2026."),
    "request.date": ("Tanggal Nota Dinas", "Tanggal pada Nota Dinas."),
    "request.unit": ("Unit pengusul", "Subbagian/divisi pengusul, contoh Subbagian Hukum dan SDM."),
    "election_stage": (
        "Tahapan pemilu (SOP langkah 3)",
        "Tahapan atau kegiatan yang terkait (data/election_stages.yml).",
    ),
    "legal_basis": (
        "Dasar hukum (SOP langkah 4)",
        "Minimal satu peraturan. Pilih dari daftar peraturan Subbag Hukum, atau tulis lengkap "
        'bila belum ada, contoh "Peraturan KPU Nomor 7 Tahun 2022 tentang ...".',
    ),
    "image": (
        "Gambar",
        "Opsional. PNG, JPG atau WEBP, maksimum 5 MB; dipakai di halaman dan unggahan media sosial.",
    ),
    "image_alt": (
        "Teks alternatif gambar",
        "Wajib jika ada gambar: satu kalimat yang menggambarkan isi gambar untuk pembaca tunanetra.",
    ),
    "social": ("Teks media sosial", "Tautan ke halaman ditambahkan otomatis."),
    "social.text": ("Teks untuk semua kanal", "Dipakai setiap kanal yang tidak diisi sendiri."),
    "social.x": ("Khusus X (Twitter)", "Opsional; menggantikan teks umum di X."),
    "social.facebook": ("Khusus Facebook", "Opsional; menggantikan teks umum di Facebook."),
    "social.instagram": ("Khusus Instagram", "Opsional; menggantikan teks umum di Instagram."),
    "social.telegram": ("Khusus Telegram", "Opsional; menggantikan teks umum di Telegram."),
    "social.mastodon": ("Khusus Mastodon", "Opsional; menggantikan teks umum di Mastodon."),
    "social.outbox": ("Khusus outbox", "Opsional; hanya untuk arsip kiriman lokal."),
    "channels": (
        "Kanal media sosial",
        "Opsional; kosongkan untuk memakai kanal bawaan kantor (kpu.yml).",
    ),
    "publish_at": ("Jadwal terbit", "Opsional: jangan terbit sebelum waktu ini (WIB)."),
    "status": (
        "Status draf",
        "Draf: masih ditulis. Siap: siap ditelaah dan terbit. Ditunda: SOP langkah 3. Di berkas draf "
        "boleh ditulis draf, siap atau ditunda; kpu check membacanya sebagai draft, ready, postponed.",
    ),
    "dip": (
        "Daftar Informasi Publik (DIP)",
        "Opsional; kolom yang kosong memakai isian bawaan kantor (kpu.yml bagian dip).",
    ),
    "dip.summary": ("Ringkasan isi informasi", "Bawaan: Ringkasan di atas."),
    "dip.holder": ("Pejabat/unit yang menguasai informasi", "Bawaan: kpu.yml."),
    "dip.responsible": ("Penanggung jawab", "Pembuatan atau penerbitan informasi."),
    "dip.place": ("Tempat pembuatan informasi", "Waktunya adalah tanggal terbit."),
    "dip.formats": ("Bentuk informasi", "Softcopy, hardcopy, atau keduanya."),
    "dip.retention": ("Jangka waktu penyimpanan", "Retensi arsip."),
    "dip.category": ("Kategori DIP", "Berkala, serta merta, atau setiap saat."),
    "pin": ("Sematkan di atas", "Opsional: tampilkan publikasi ini paling atas di daftar."),
}

STATUS_OPTIONS = {"draft": "Draf (sedang ditulis)", "ready": "Siap terbit", "postponed": "Ditunda"}
DIP_FORMATS = {"softcopy": "Softcopy", "hardcopy": "Hardcopy"}
DIP_CATEGORIES = {
    "berkala": "Berkala",
    "serta_merta": "Serta merta",
    "setiap_saat": "Setiap saat",
}

DRIFT = (
    "Konfigurasi editor web {path} tidak sama dengan hasil pembuatan ulang dari skema dan berkas data. "
    "Jalankan: kpu cms config, lalu commit {path}."
)
WRITTEN = "Konfigurasi editor web ditulis: {path}"
UNCHANGED = "Konfigurasi editor web sudah terbaru: {path}"
ADMIN_SKIPPED = "Editor web /admin/ dilewati: paket Decap CMS belum terpasang. Pasang dengan: npm ci --prefix cms"
ADMIN_BUILT = "Editor web: {path}"
