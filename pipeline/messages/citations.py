"""Indonesian text about regulation citations and the registry, kept in one place for review."""

from __future__ import annotations

# --- parsing a citation (pipeline.legal.citations) --------------------------------------------------
EXAMPLE = (
    'Contoh penulisan yang benar: "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum" '
    'atau "PKPU Nomor 1 Tahun 2015".'
)
CITATION_EMPTY = "Kutipan peraturan kosong. " + EXAMPLE
CITATION_UNKNOWN_KIND = (
    'Jenis peraturan pada "{text}" tidak dikenali. Awali kutipan dengan jenisnya: '
    "Undang-Undang (UU), Perppu, Peraturan Pemerintah (PP), Peraturan Presiden (Perpres), "
    "Peraturan KPU (PKPU), Peraturan Komisi Informasi (Perki), Keputusan KPU, Peraturan Bawaslu, "
    "atau UUD 1945. " + EXAMPLE
)
CITATION_NO_NUMBER = (
    'Nomor dan tahun peraturan pada "{text}" tidak terbaca. Setelah jenis peraturan tulis '
    '"Nomor <angka> Tahun <tahun>". ' + EXAMPLE
)
CITATION_BAD_YEAR = (
    'Tahun {year} pada "{text}" tidak mungkin benar: tahun peraturan harus antara 1945 dan 2099. '
    + EXAMPLE
)
CITATION_KPTS_WRONG_KIND = (
    'Penulisan "/Kpts/KPU" pada "{text}" hanya dipakai untuk Keputusan KPU, contoh '
    '"Keputusan KPU Nomor 88/Kpts/KPU/Tahun 2015". Untuk jenis peraturan lain tulis '
    '"Nomor <angka> Tahun <tahun>". ' + EXAMPLE
)
CITATION_UUD_YEAR = (
    'Undang-Undang Dasar yang berlaku adalah UUD 1945, tetapi tertulis "{text}". Tulis '
    '"Undang-Undang Dasar Negara Republik Indonesia Tahun 1945" atau "UUD 1945".'
)
CITATION_TRAILING = (
    'Bagian "{rest}" pada "{text}" tidak dikenali. Judul peraturan ditulis setelah kata "tentang", '
    "dan setiap peraturan (termasuk peraturan yang mengubahnya) ditulis sebagai butir legal_basis "
    "sendiri. " + EXAMPLE
)
SHOWN_MAX = 80  # longer citations are cut in messages so the sentence stays readable

# --- checking a citation against the registry (pipeline.legal.regulations.check_citation) ----------
REVOKED = (
    'Peraturan "{canonical}" sudah dicabut dan diganti oleh "{replacement}". '
    "Ganti kutipan di legal_basis dengan peraturan pengganti."
)
UNKNOWN = (
    'Peraturan "{canonical}" belum tercatat di data/regulations.yml, jadi statusnya (berlaku, '
    "diubah, atau dicabut) tidak dapat diperiksa. Periksa kembali nomor dan tahunnya; jika sudah "
    "benar, minta Subbag Hukum menambahkan satu entri di data/regulations.yml dengan "
    'key "{key}" beserta type, number, year, title, status, dan link ke naskah resminya '
    "(misalnya di peraturan.go.id atau jdih.kpu.go.id)."
)

# --- loading data/regulations.yml (pipeline.legal.regulations.load_registry) -----------------------
WHERE_ENTRY = "Baris {line}, entri ke-{index}{key}: "
WHERE_ENTRY_KEY = ' ("{key}")'
WHERE_FILE = "Baris {line}: "
NOT_A_LIST = (
    'Isi berkas harus berupa kolom "regulations:" berisi daftar peraturan, setiap butir diawali '
    '"- key: ...". Tertulis: {got}.'
)
TOP_UNKNOWN = 'Kolom "{field}" di luar "regulations:" tidak dikenal. Hapus kolom ini.'
EMPTY_LIST = 'Daftar "regulations:" kosong. Catat minimal peraturan dasar hukum SOP.'
ENTRY_NOT_A_MAPPING = (
    "Butir ini harus berisi kolom-kolom (key, type, number, year, title, status, link), "
    "tertulis: {got}."
)
DUPLICATE_KEY = (
    'Kolom "key": "{key}" sudah dipakai oleh entri ke-{first}. Setiap peraturan hanya boleh '
    "dicatat satu kali; hapus salah satunya."
)
KEY_MISMATCH = (
    'Kolom "key" harus "{expected}" (dibentuk dari type, number, dan year); tertulis: "{got}".'
)
NUMBER_INVALID = (
    'Kolom "number" tidak sah untuk type "{kind}"; tertulis: "{got}". Tulis angkanya saja tanpa '
    'nol di depan, misalnya 7; untuk Keputusan KPU misalnya "88/Kpts/KPU"; untuk UUD 1945 hapus '
    "kolom number."
)
TITLE_MISSING = 'Kolom "title" wajib diisi: tulis judul peraturan (teks setelah kata "tentang").'
KIND_INVALID = "harus salah satu kode jenis: {choices}; tertulis: {got}."
STATUS_INVALID = "harus salah satu dari: {choices}; tertulis: {got}."
YEAR_RANGE = "harus tahun antara 1945 dan 2099."
LINK_INVALID = (
    "harus alamat https ke naskah resmi di situs pemerintah (berakhiran .go.id), misalnya "
    "https://peraturan.go.id/id/uu-no-7-tahun-2017; tertulis: {got}."
)
LEGACY_RELATION = (
    'Kolom "{field}" tidak dipakai lagi: relasi ditulis satu kali, di peraturan yang mengubah atau '
    'mencabut. Hapus kolom ini dan tulis di entri "{ref}": {inverse}: [{key}].'
)
UNKNOWN_REFERENCE = (
    'Kolom "{field}" menunjuk key "{ref}" yang tidak ada di data/regulations.yml. Tambahkan entri '
    "untuk peraturan itu atau perbaiki key-nya."
)
DOCUMENT_KEY_TAKEN = (
    'Kolom "document.number": dokumen ini akan tercatat dengan key "{key}", yang sudah dipakai di '
    "data/regulations.yml. Periksa nomor dan tahun keputusannya."
)
DOCUMENT_KEY_PUBLISHED = (
    'Kolom "document.number": keputusan dengan key "{key}" sudah diterbitkan oleh {other}. '
    "Periksa nomor dan tahun keputusannya."
)
SELF_REFERENCE = 'Kolom "{field}" tidak boleh menunjuk entri ini sendiri ("{key}").'
RELATION_CYCLE = (
    "Relasi antarperaturan (amends, revokes, implements) membentuk lingkaran: {chain}. Sebuah "
    "peraturan tidak dapat mengubah atau mencabut peraturan yang mengubah atau mencabutnya; "
    "periksa arah relasinya."
)
DECLARED_REVOKED = (
    'Kolom "status": status "dicabut" tidak ditulis sendiri. Tulis revokes: [{key}] di entri '
    "peraturan yang mencabutnya (tambahkan entrinya bila belum ada), lalu hapus status ini."
)
DECLARED_IN_FORCE = (
    'Kolom "status" tertulis "berlaku", padahal {relation} oleh {by}. Hapus kolom status: '
    "statusnya ditentukan dari relasi."
)
DECLARED_RELATION_AMENDED = "peraturan ini diubah"
DECLARED_RELATION_REVOKED = "peraturan ini dicabut"
SHA_FORMAT = (
    "harus 64 huruf/angka heksadesimal, sebaiknya ditulis dalam tanda kutip "
    '(sha256: "9f86d0..."); tertulis: {got}.'
)
SHA_WITHOUT_PDF = 'Kolom "sha256" hanya diisi bersama kolom "pdf". Hapus sha256 atau isi pdf.'
UNCONFIRMED_UNKNOWN = (
    'Kolom "unconfirmed" menyebut "{field}", yang bukan kolom entri ini. Pilihan: {choices}.'
)
NO_OFFICIAL_TEXT = (
    'Entri ini tidak punya naskah resmi: isi "link" (alamat halaman dokumennya) atau "pdf" '
    "(berkas PDF di folder content/)."
)

# --- the official text (pipeline.legal.official_text) ---------------------------------------------
LINK_HOME_PAGE = (
    "menuju halaman depan situs, bukan ke dokumennya. Ganti dengan alamat halaman peraturan itu "
    "sendiri (halaman detail di jdih atau peraturan.go.id) atau simpan PDF-nya di kolom pdf."
)
LINK_CATALOGUE = (
    "menuju halaman katalog atau pencarian, bukan ke dokumennya. Buka katalognya, cari peraturan "
    "ini, lalu salin alamat halaman detailnya."
)
LINK_NOT_A_DOCUMENT = (
    "tidak tampak seperti alamat satu dokumen (tidak ada nomor dan tahun, nomor dokumen, "
    "halaman detail, atau berkas .pdf pada alamatnya). Pastikan alamatnya membuka peraturan ini."
)
LINK_CATALOGUE_WARNING = 'Naskah resmi "{key}": tautan {url} {reason}'
PDF_OUTSIDE = (
    'Kolom "pdf": berkas harus berada di folder content/ (ditulis dari akar repositori, misalnya '
    'content/dokumen/kpts-1-2026.pdf); tertulis: "{got}".'
)
PDF_SUFFIX = 'Kolom "pdf": berkas harus berakhiran .pdf; tertulis: "{got}".'
PDF_SYMLINK = 'Kolom "pdf": "{got}" adalah tautan simbolik (symlink); simpan berkas PDF aslinya.'
PDF_MISSING = 'Kolom "pdf": berkas "{got}" tidak ada. Periksa nama dan foldernya.'
PDF_TOO_BIG = (
    'Kolom "pdf": berkas "{got}" berukuran {size} bita, melebihi batas {limit} MB. Kecilkan '
    "ukurannya (misalnya pindai ulang dengan resolusi 150 dpi) atau tautkan naskah resminya."
)
PDF_NOT_PDF = (
    'Kolom "pdf": berkas "{got}" bukan PDF (tidak diawali %PDF-). Simpan ulang sebagai PDF.'
)
PDF_SHA_MISSING = (
    'Kolom "sha256" wajib diisi bersama pdf, agar berkas yang terbit dapat diperiksa keasliannya. '
    "Tulis sha256: {sha}"
)
PDF_SHA_MISMATCH = (
    'Kolom "sha256" tidak cocok dengan berkas PDF: tertulis "{got}", berkasnya {sha}. Bila PDF '
    "memang diganti, perbarui sha256; bila tidak, kembalikan berkas yang benar."
)


def shown(text: str) -> str:
    """The citation as quoted back to staff: cut when too long to read in one sentence."""
    return text if len(text) <= SHOWN_MAX else text[: SHOWN_MAX - 1].rstrip() + "…"


def where_entry(line: int, index: int, key: object) -> str:
    """Prefix naming the line, position and key of a registry entry."""
    named = WHERE_ENTRY_KEY.format(key=key) if isinstance(key, str) and key else ""
    return WHERE_ENTRY.format(line=line, index=index, key=named)


def got(value: object) -> str:
    """A received value as quoted in a message."""
    if value is None:
        return "kosong"
    if isinstance(value, list):
        return "sebuah daftar"
    if isinstance(value, dict):
        return "sekumpulan kolom"
    return f'"{value}"'
