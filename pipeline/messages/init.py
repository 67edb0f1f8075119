"""Indonesian text for `kpu init`: the prompts, the errors, the secrets list and the comments
written into kpu.yml, kept in one place for review."""

from __future__ import annotations

# --- prompts (interactive) ---------------------------------------------------------------------
INTRO = (
    "Menyiapkan repositori untuk kantor KPU Anda. Tekan Enter untuk memakai nilai di dalam "
    "[kurung siku]; ketik - untuk mengosongkan daftar (kanal, pemegang peran)."
)
ASK_OFFICE_NAME = "Nama lengkap kantor (diawali KPU Kabupaten/Kota/Provinsi)"
ASK_PROVINCE = "Provinsi tempat kantor (untuk kantor kabupaten/kota)"
ASK_SEAT = "Kota kedudukan kantor (juga tempat pembuatan informasi di DIP)"
ASK_PHONE = "Nomor telepon resmi kantor (kontak PPID di kaki halaman)"
ASK_EMAIL = "Alamat surel resmi PPID (kaki halaman)"
ASK_SHORT_NAME = "Nama singkat (kartu media sosial dan layar kecil)"
ASK_ADDRESS = "Alamat kantor"
ASK_SITE_URL = "Alamat situs (https://...)"
ASK_REPOSITORY = "Repositori GitHub (pemilik/nama)"
ASK_CHANNELS = "Kanal media sosial yang dipakai, pisahkan dengan koma ({choices})"
ASK_HANDLE = "Akun {label}: nama akun, contoh @kpukabupaten"
ASK_URL = "Akun {label}: alamat profil (https://...)"
ASK_ROLE = "Peran {label}: nama pengguna GitHub, pisahkan dengan koma"
ASK_CLEAR = "Hapus publikasi contoh (content/posts/) dan catatannya? (ya/tidak)"
PROMPT = "{question} [{default}]: "
PROMPT_EMPTY = "{question}: "
YES_WORDS = ("y", "ya", "yes")
NO_WORDS = ("t", "tidak", "n", "no")
ANSWER_YES_NO = 'Jawab "ya" atau "tidak".'
ABORTED = "Dibatalkan; kpu.yml tidak diubah."

# --- problems ----------------------------------------------------------------------------------
ACCOUNT_FORMAT = (
    'Isian --account "{got}" tidak sah. Tulis KANAL=NAMA_AKUN,ALAMAT_PROFIL, contoh '
    "x=@kpukabupaten,https://x.com/kpukabupaten"
)
ROLE_FORMAT = (
    'Isian --role "{got}" tidak sah. Tulis PERAN=akun1,akun2, contoh subbag_hukum=hukum-kpu; '
    "peran: {roles}"
)
CURRENT_UNREADABLE = (
    "kpu.yml yang ada tidak dapat dibaca ({detail}); nilai bawaannya tidak dipakai, jadi setiap "
    "isian wajib diberikan."
)
PROBLEM = "GAGAL: {message}{hint}"
HINT_FLAG = " (isi dengan {flag})"
HINT_FILE = " (sunting bagian ini langsung di kpu.yml)"
NOTHING_WRITTEN = "{count} masalah; kpu.yml tidak ditulis. Perbaiki isiannya, lalu jalankan lagi."

# --- result ------------------------------------------------------------------------------------
WRITTEN = "kpu.yml ditulis dan sah menurut skema konfigurasi."
SECRETS_HEADER = (
    "Secrets yang harus diatur di GitHub, di repositori {repository}: Settings → Secrets and "
    "variables → Actions → New repository secret. Isi nilainya dari akun resmi kanal tersebut; "
    "kanal yang secrets-nya belum lengkap tidak dikirim (kirimannya disimpan di outbox)."
)
SECRETS_CHANNEL = "  {label}:"
SECRETS_ITEM = "    {name} — {description}"
SECRETS_NONE = "Tidak ada kanal media sosial yang aktif, jadi tidak ada secret yang perlu diatur."
SECRETS_GITHUB_TOKEN = (
    "GITHUB_TOKEN tidak perlu diatur: GitHub Actions menyediakannya sendiri untuk setiap workflow."
)
REPOSITORY_UNKNOWN = "(isi kolom repository di kpu.yml)"
NEXT_STEPS = """Langkah berikutnya:
  1. Settings → Pages → Build and deployment → Source: pilih "GitHub Actions".
  2. Periksa bagian dip, channels.hashtags dan approvals di kpu.yml, serta halaman di content/.
  3. Jalankan kpu doctor untuk memeriksa kesiapan repositori sebelum menerbitkan."""

DERIVED_WRITTEN = "Ditulis ulang dari kpu.yml: {path}"
LEFTOVER = (
    "Perlu disunting: {path} masih memuat identitas kantor sebelumnya ({found}); ganti dengan "
    "isian seperti {{{{ kantor.nama }}}} atau dengan nama kantor Anda (kpu doctor memeriksanya)."
)
SUMMARY_ACCOUNTS = "Akun resmi (tampil di kaki setiap halaman situs):"
SUMMARY_ROLES = "Pemegang peran SOP (persetujuan mereka di pull request yang dihitung):"
SUMMARY_ITEM = "  {label}: {value}"
SUMMARY_NONE = "(belum ada)"

# --- --clear-samples ---------------------------------------------------------------------------
CLEARED_POST = "Dihapus (contoh): {path}"
CLEARED_IMAGE = "Dihapus (gambar contoh): {path}"
CLEARED_LINKS = "Tautan ke publikasi contoh dijadikan teks biasa: {path} ({count})"
CLEARED_LEDGER = "Catatan contoh dihapus dari data/ledger.json: {count}"
CLEARED_NONE = "Tidak ada publikasi contoh di content/posts/."

# --- comments written into kpu.yml -------------------------------------------------------------
HEADER = """\
# Identitas kantor dan aturan publikasi. Kantor KPU lain cukup mengubah berkas ini (dan secrets-nya).
# Office identity and publishing rules: the one file another KPU office edits to adopt this repository.
# Ditulis oleh kpu init; boleh disunting langsung. Periksa hasilnya dengan: kpu doctor
"""
SECTION_COMMENTS = {
    "channels": '# Kanal media sosial; yang di enabled dipakai bila draf tidak menulis kolom "channels".',
    "roles": "# Pemegang peran SOP (nama pengguna GitHub staf).",
    "approvals": "# Persetujuan wajib sebelum draf terbit (SOP langkah 7).",
    "dip": (
        "# Daftar Informasi Publik (DIP, Perki 1/2021): isian bawaan untuk setiap publikasi.\n"
        '# Publikasi dapat menimpa kolom mana pun lewat bagian "dip:" di front matter-nya.'
    ),
}
FIELD_COMMENTS = {
    "office.type": "kabupaten, kota, atau provinsi: menentukan sebutan peran",
    "office.province": "provinsi tempat kantor (KPU Provinsi di atasnya)",
    "office.seat": "kota kedudukan kantor",
    "office.phone": "kontak PPID di kaki setiap halaman; pastikan nomor resmi",
    "office.email": "kontak PPID di kaki setiap halaman; pastikan alamat resmi",
    "office.short_name": "nama singkat untuk kartu dan tanda tangan kiriman",
    "timezone": "WIB",
    "repository": "pemilik/nama repositori di GitHub",
    "dip.holder": "yang menguasai informasi",
    "dip.responsible": "penanggung jawab pembuatan/penerbitan",
    "dip.place": "tempat pembuatan informasi",
    "dip.formats": "bentuk yang tersedia: softcopy dan/atau hardcopy",
    "dip.retention": "jangka waktu penyimpanan",
    "dip.category": "berkala, serta_merta, atau setiap_saat",
}
PLACEHOLDERS = {
    "office.phone": '# phone: "..."   # WAJIB: nomor telepon resmi kantor (kontak PPID)',
    "office.email": '# email: "..."   # WAJIB: alamat surel resmi PPID',
}
