"""Indonesian text shown to staff by `kpu check` and the config loader, kept in one place for review."""

from __future__ import annotations

# --- reading a file -------------------------------------------------------------------------
NOT_UTF8 = (
    "Berkas tidak tersimpan sebagai teks UTF-8 (byte tidak sah di posisi {pos}). "
    'Buka di editor teks lalu simpan ulang dengan pilihan encoding "UTF-8".'
)
NO_FRONT_MATTER = (
    'Bagian data (front matter) tidak ditemukan. Baris pertama berkas harus "---", '
    'diikuti kolom-kolom seperti "title:", lalu ditutup lagi dengan "---". '
    'Buat draf baru dengan perintah: kpu new "Judul".'
)
YAML_SYNTAX = (
    "Penulisan front matter tidak sah: {problem}. Periksa baris ini: titik dua setelah nama kolom, "
    "indentasi dengan spasi (bukan tab), dan tanda kutip yang berpasangan."
)
YAML_ALIAS = (
    'Front matter memakai anchor/alias YAML ("&" atau "*" di awal nilai), yang tidak diizinkan. '
    "Tulis nilainya secara langsung; jika teks diawali * atau &, apit dengan tanda kutip."
)
YAML_BAD_DATE = (
    'Tanggal "{got}" tidak ada di kalender. Tulis tanggal yang benar dengan format TTTT-BB-HH, '
    "contoh 2026-10-01."
)
YAML_BAD_VALUE = (
    'Nilai "{got}" tidak dapat dibaca sebagai {tag}. Hapus tanda "!!" di depannya, atau apit '
    "teksnya dengan tanda kutip."
)
YAML_KINDS = {
    "timestamp": "tanggal",
    "int": "angka bulat",
    "float": "angka",
    "bool": "true atau false",
    "null": "nilai kosong",
}
YAML_TAG = (
    'Tanda jenis nilai "{tag}" tidak didukung. Hapus tanda yang diawali "!" di depan nilai, atau '
    "apit teksnya dengan tanda kutip."
)
YAML_KEY_NOT_TEXT = (
    'Nama kolom harus berupa teks, misalnya "title:". Hapus kurung siku atau kurawal di depan '
    "titik dua, atau apit nama kolomnya dengan tanda kutip."
)
YAML_DUPLICATE_KEY = (
    'Kolom "{key}" ditulis dua kali (baris {first} dan baris {second}); hanya satu yang akan '
    "dipakai. Hapus salah satunya."
)
YAML_TOO_DEEP = (
    "Front matter bersarang terlalu dalam (lebih dari {limit} tingkat). Periksa indentasi dan "
    'kurung siku atau kurawal yang tidak ditutup; lihat contoh dengan perintah: kpu new "Judul".'
)
# PyYAML's problem texts, said the way staff can act on them; others keep the technical text.
YAML_PROBLEMS = {
    "could not find expected ':'": "tanda titik dua (:) setelah nama kolom tidak ditemukan",
    "mapping values are not allowed in this context": (
        'ada titik dua (:) di tempat yang tidak boleh; jika teksnya memuat ": ", apit seluruh '
        "teks dengan tanda kutip"
    ),
    "mapping values are not allowed here": (
        'ada titik dua (:) di tempat yang tidak boleh; jika teksnya memuat ": ", apit seluruh '
        "teks dengan tanda kutip"
    ),
    "found character that cannot start any token": (
        "ada karakter yang tidak boleh mengawali nilai atau baris, misalnya tab"
    ),
    "found unexpected end of stream": "tanda kutip dibuka tetapi tidak ditutup",
    "did not find expected key": (
        "baris ini tidak terbaca sebagai kolom; biasanya ada tanda kutip yang belum ditutup di "
        "baris sebelumnya, atau indentasinya tidak sejajar dengan kolom di atasnya"
    ),
    "did not find expected '-' indicator": (
        'butir daftar harus diawali "- " dengan indentasi yang sama seperti butir lainnya'
    ),
    "did not find expected ',' or ']'": 'daftar di dalam kurung siku belum ditutup dengan "]"',
    "did not find expected ',' or '}'": 'kurung kurawal belum ditutup dengan "}"',
    "found undefined alias": 'nilai tidak boleh diawali "*"; apit teksnya dengan tanda kutip',
}
YAML_PROBLEM_OTHER = "pesan teknis: {problem}"
NOT_A_MAPPING = (
    'Front matter harus berupa daftar kolom "nama: nilai", bukan {got}. '
    'Lihat contoh dengan perintah: kpu new "Judul".'
)
UNREADABLE = "Berkas tidak dapat dibaca: {reason}."
TOO_BIG = (
    "Berkas terlalu besar (lebih dari maksimum {limit} byte). "
    "Pindahkan gambar atau lampiran ke berkas terpisah dan persingkat teksnya."
)

# --- files the site must never publish (pipeline/core/files.py) -------------------------------------
SYMLINK_REFUSED = (
    'Ini tautan simbolik (symlink) ke "{target}". Situs tidak pernah menyalin symlink, karena '
    "isinya bisa berasal dari luar repositori (misalnya rahasia server). Hapus symlink itu dan "
    "simpan salinan berkas aslinya di tempat yang sama."
)
SPECIAL_FILE = (
    "Ini bukan berkas biasa ({kind}) dan tidak boleh ada di repositori situs. Hapus dari "
    "repositori; hanya berkas dan folder biasa yang diterbitkan."
)
KIND_CHAR_DEVICE = "perangkat karakter"
KIND_BLOCK_DEVICE = "perangkat blok"
KIND_FIFO = "FIFO/pipa bernama"
KIND_SOCKET = "soket"
KIND_OTHER = "jenis khusus"
NOT_A_REGULAR_FILE = "bukan berkas biasa"
SYMLINK_NOT_READ = "Berkas ini tautan simbolik (symlink) dan tidak dibaca. " + (
    "Simpan salinan berkas aslinya di tempat yang sama."
)

# --- hidden characters (pipeline/check/characters.py) ------------------------------------------------
TEXT_IN_FIELD = 'Kolom "{field}"'
TEXT_IN_BODY = "Isi tulisan"
TEXT_BIDI = (
    "{where} memuat karakter pembalik arah teks ({code}), yang membuat teks tampil berbeda dari "
    "isinya. Hapus karakter itu: ketik ulang teksnya, jangan menyalin dari dokumen lain."
)
TEXT_CONTROL = (
    "{where} memuat karakter kendali tak terlihat ({code}). Hapus karakter itu: ketik ulang "
    "teksnya, jangan menyalin dari dokumen lain."
)
TEXT_ZERO_WIDTH = (
    "{where} memuat spasi tak terlihat ({code}), yang mengganggu pencarian dan pembaca layar. "
    "Hapus karakter itu: ketik ulang kata di sekitarnya."
)
TEXT_NEWLINE = (
    'Kolom "{field}" harus ditulis dalam satu baris. Gabungkan teksnya menjadi satu baris '
    "(tanpa tanda | atau > dan tanpa \\n)."
)

# --- schema (pydantic error types -> Indonesian) ----------------------------------------------
FIELD_REQUIRED = 'Kolom "{field}" wajib diisi.'
FIELD_EMPTY = 'Kolom "{field}" tidak boleh kosong.'
FIELD_TEXT = 'Kolom "{field}" harus berupa teks, tertulis: {got}.'
FIELD_LIST = (
    'Kolom "{field}" harus berupa daftar; tulis setiap butir di baris sendiri diawali "- ".'
)
FIELD_LIST_MIN = 'Kolom "{field}" harus berisi minimal {min} butir.'
FIELD_MAPPING = (
    'Kolom "{field}" harus berisi sub-kolom (misalnya "number:", "date:"), tertulis: {got}.'
)
FIELD_DATE = 'Kolom "{field}" harus berupa tanggal dengan format TTTT-BB-HH, contoh 2026-10-01; tertulis: {got}.'
FIELD_DATETIME = (
    'Kolom "{field}" harus berupa tanggal dan jam, contoh 2026-10-05 09:00 (dibaca sebagai WIB) '
    "atau 2026-10-05T09:00:00+07:00; tertulis: {got}."
)
FIELD_CHOICE = 'Kolom "{field}" harus salah satu dari: {choices}; tertulis: {got}.'
FIELD_TOO_LONG = (
    'Kolom "{field}" terlalu panjang ({length} karakter, maksimum {limit}). Persingkat teksnya.'
)
FIELD_UNKNOWN = 'Kolom "{field}" tidak dikenal.{suggestion} Periksa ejaannya atau hapus kolom ini.'
FIELD_UNKNOWN_SUGGEST = ' Mungkin maksudnya "{close}"?'
FIELD_INVALID = 'Isi kolom "{field}" tidak sah: {detail}; tertulis: {got}.'
FIELD_RULE = 'Kolom "{field}": {detail}'
FIELD_URL = (
    'Kolom "{field}" harus berupa alamat web lengkap yang diawali https://, tertulis: {got}.'
)
FIELD_BOOL = 'Kolom "{field}" harus berisi true atau false, tertulis: {got}.'
FIELD_INT = 'Kolom "{field}" harus berupa angka bulat, tertulis: {got}.'

# --- publication rules -----------------------------------------------------------------------
STAGE_UNKNOWN = (
    'Tahapan "{got}" di kolom election_stage tidak dikenal. Pilih salah satu kunci di '
    "data/election_stages.yml: {choices}."
)
STAGE_ENDED = (
    'Tahapan "{name}" sudah berakhir pada {end}. Periksa kembali kesesuaian kebutuhan dengan tahapan '
    "saat ini (SOP langkah 3); jika tidak sesuai, ubah status menjadi postponed (ditunda)."
)
STAGE_NOT_STARTED = (
    'Tahapan "{name}" baru dimulai pada {start}. Periksa kembali kesesuaian kebutuhan dengan tahapan '
    "saat ini (SOP langkah 3)."
)
IMAGE_ALT_MISSING = (
    'Kolom "image_alt" wajib diisi jika ada gambar: tulis satu kalimat yang menggambarkan isi gambar '
    "untuk pembaca tunanetra."
)
IMAGE_OUTSIDE = (
    'Gambar "{got}" berada di luar repositori. Simpan gambar di folder content/assets/images/ lalu '
    'tulis jalurnya seperti "content/assets/images/nama-gambar.png".'
)
IMAGE_MISSING = (
    'Gambar "{got}" tidak ditemukan. Pastikan berkas sudah diunggah dan jalurnya ditulis dari akar '
    'repositori, contoh "content/assets/images/nama-gambar.png" (huruf besar/kecil berpengaruh).'
)
IMAGE_TYPE = 'Gambar "{got}" harus berformat PNG, JPG atau WEBP. Ekspor ulang gambar ke salah satu format itu.'
IMAGE_CORRUPT = 'Gambar "{got}" tidak dapat dibuka sebagai {kind}. Ekspor ulang gambarnya.'
IMAGE_TOO_BIG = (
    'Gambar "{got}" terlalu besar (lebih dari {limit_mb} MB). Perkecil ukurannya '
    "(misalnya lebar 1200 piksel) lalu unggah ulang."
)
IMAGE_SYMLINK = (
    'Gambar "{got}" adalah tautan simbolik (symlink) dan tidak dipakai. Simpan salinan gambar '
    "aslinya di content/assets/images/."
)
UNSAFE_HTML = (
    "Isi tulisan memuat {what}, yang dapat menjalankan kode atau mengelabui pembaca, sehingga "
    "dibuang dari situs. Hapus bagian itu; untuk menyematkan video, dokumen atau formulir, tulis "
    "tautannya saja (https://...)."
)
STRIPPED_HTML = (
    "Isi tulisan memuat {what}, yang tidak didukung situs dan dibuang saat situs dibangun. Hapus "
    "bagian itu atau tulis dengan format Markdown biasa."
)


def stripped_what(kind: str, name: str, tag: str) -> str:
    """What the sanitiser removes, as a reviewer reads it."""
    if kind == "tag":
        return f"tag <{name}>"
    if kind == "url":
        return f'tautan "{name}:" (pada <{tag}>)'
    if name.startswith("on"):
        return f"atribut peristiwa {name}= (pada <{tag}>)"
    if name == "style":
        return f"atribut style= (pada <{tag}>)"
    return f"atribut {name} (pada <{tag}>)"


DUPLICATE_SLUG = (
    'Alamat (slug) "{slug}" sudah dipakai oleh {other}. Ganti nama berkas atau isi kolom "slug" '
    "dengan alamat lain."
)
CHANNEL_UNKNOWN = 'Kanal "{got}" di kolom channels tidak dikenal. Pilih dari kanal yang aktif di kpu.yml: {choices}.'
CATEGORY_UNKNOWN = (
    'Kategori "{got}" tidak tersedia di situs. Pilih salah satu: {choices} '
    "(huruf besar/kecil berpengaruh)."
)
EXCERPT_MISSING = (
    'Isi tulisan belum memuat penanda ringkasan "{separator}". Sisipkan baris {separator} setelah '
    "paragraf pertama: bagian di atasnya tampil sebagai ringkasan di daftar publikasi."
)
DATE_MISSING_IN_CONTENT = (
    'Publikasi di content/ wajib punya kolom "date" (tanggal terbit). Biasanya diisi otomatis saat '
    "dipromosikan; isi dengan tanggal dan jam terbit, contoh 2026-10-05T09:00:00+07:00."
)
PUBLISH_AT_IN_CONTENT = (
    'Kolom "publish_at" hanya berlaku untuk draf. Hapus kolom ini dari publikasi yang sudah terbit.'
)
SLUG_INVALID = (
    'Nama berkas "{name}" tidak dapat dijadikan alamat halaman. Gunakan huruf kecil, angka, dan tanda '
    'hubung saja, contoh "2026-10-05-mengenal-uu-pemilu.md".'
)

# --- summary ---------------------------------------------------------------------------------
SUMMARY_OK = "Semua {files} berkas sesuai ({warnings} peringatan)."
SUMMARY_FAIL = "{errors} kesalahan dan {warnings} peringatan pada {files} berkas. Perbaiki kesalahan di atas lalu jalankan lagi: kpu check"
NO_FILES = "Tidak ada berkas publikasi (.md) di {paths}."
PATH_MISSING = 'Berkas atau folder "{path}" tidak ditemukan.'

# --- kpu new ---------------------------------------------------------------------------------
NEW_EXISTS = 'Draf "{path}" sudah ada dan tidak ditimpa. Pakai judul lain, atau edit berkas itu.'
NEW_CREATED = "Draf dibuat: {path}\nIsi setiap kolom (penjelasan ada di berkas), lalu periksa dengan: kpu check {path}"
NEW_TITLE_EMPTY = 'Judul tidak boleh kosong. Contoh: kpu new "Mengenal UU Pemilu"'

# --- kpu build -------------------------------------------------------------------------------
BUILD_OK = "Situs selesai dibangun di {path}."
STATUS_ALIAS_READ = 'status "{written}" dibaca sebagai "{value}"; tidak ada yang perlu diubah.'
BUILD_ENGINE_RUNNING = "Membangun halaman HTML dengan mesin situs {engine}..."
PREVIEW_PAGE = (
    "Pratinjau: {draft} -> /{path} (bertanda PRATINJAU, tidak masuk pencarian/RSS/sitemap)"
)
PREVIEW_NOT_WITH_VERIFIED = (
    "--preview-drafts tidak bisa dipakai bersama --only-verified: pratinjau untuk pull request, "
    "--only-verified untuk situs yang terbit."
)
BUILD_FAILED = "Pembangunan situs gagal:\n{detail}"
GOVERNANCE_NOTICE = (
    "Catatan: perubahan ini mengubah aturan ({files}). Pull request-nya memerlukan juga {rule} "
    "({roles}) sesuai kpu.yml di main; aturan yang diubah baru berlaku setelah digabung."
)
UNKNOWN_PLACEHOLDER = (
    "{path}: isian identitas kantor tidak dikenal: {found}. Perbaiki ejaannya; isian yang "
    "tersedia (diisi dari kpu.yml): {known}"
)
BUILD_REFUSED = (
    "Situs tidak dibangun: berkas berikut tidak boleh diterbitkan. Hapus lalu jalankan lagi "
    "kpu build.\n{detail}"
)
ZENSICAL_MISSING = (
    "Mesin situs zensical (kpu.yml `engine: zensical` atau --engine zensical) belum terpasang. "
    "Pasang dengan: pip install -e '.[zensical]', atau bangun dengan --engine mkdocs."
)
