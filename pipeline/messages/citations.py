"""Indonesian text about regulation citations and the registry, kept in one place for review."""

from __future__ import annotations

# --- parsing a citation (pipeline.citations) --------------------------------------------------
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

# --- checking a citation against the registry (pipeline.regulations.check_citation) ----------
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

# --- loading data/regulations.yml (pipeline.regulations.load_registry) -----------------------
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
REPLACED_BY_MISSING = (
    'Kolom "replaced_by" wajib diisi karena status "dicabut": tulis key peraturan penggantinya, '
    "misalnya replaced_by: perki-1-2021."
)
REPLACED_BY_NOT_REVOKED = (
    'Kolom "replaced_by" hanya diisi bila status "dicabut", tetapi status tertulis "{status}". '
    "Ubah status menjadi dicabut atau hapus replaced_by."
)
AMENDED_BUT_IN_FORCE = (
    'Kolom "amended_by" terisi tetapi status tertulis "berlaku". Ubah status menjadi "diubah".'
)
UNKNOWN_REFERENCE = (
    'Kolom "{field}" menunjuk key "{ref}" yang tidak ada di data/regulations.yml. Tambahkan entri '
    "untuk peraturan itu atau perbaiki key-nya."
)
SELF_REFERENCE = 'Kolom "{field}" tidak boleh menunjuk entri ini sendiri ("{key}").'
REPLACEMENT_CYCLE = (
    'Kolom "replaced_by" membentuk lingkaran: {chain}. Peraturan pengganti yang terakhir harus '
    'berstatus "berlaku" atau "diubah".'
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
