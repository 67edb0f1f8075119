"""Messages for the traps of Word and of the `kpu new` template (pipeline/check/traps.py) and for
YAML syntax errors pinned to the line a person has to fix (pipeline/core/yaml_problems.py)."""

from __future__ import annotations

# --- values lost or changed by the way they were typed -----------------------------------------
HASH_SWALLOWED = (
    'Nilai kolom "{field}" dianggap kosong: tanda # setelah titik dua memulai komentar, sehingga '
    'teks "#{rest}" terbuang. Apit seluruh teks dengan tanda kutip lurus, contoh: '
    '{key}: "#{rest}"'
)
HASH_SWALLOWED_ITEM = (
    'Butir daftar di kolom "{field}" dianggap kosong: tanda # setelah "- " memulai komentar, '
    'sehingga teks "#{rest}" terbuang. Apit teksnya dengan tanda kutip lurus, contoh: '
    '- "#{rest}"'
)
CURLY_QUOTES = (
    'Kolom "{field}" diapit tanda kutip lengkung dari Word ({left} … {right}), yang tidak dibaca '
    "sebagai tanda kutip: keduanya ikut menjadi bagian dari isinya. Ganti dengan tanda kutip "
    'lurus "..." atau hapus saja. Jika tanda kutip lengkung itu memang bagian dari teks, apit '
    "seluruhnya dengan tanda kutip lurus."
)
INVISIBLE_IN_KEY = (
    'Nama kolom "{shown}" memuat {what} ({code}), biasanya tersalin dari Word atau WhatsApp; nama '
    "kolom itu tidak dikenali{nested}. Hapus spasi di awal baris dan di sekitar nama kolom, lalu "
    "ketik ulang dengan tombol spasi biasa."
)
INVISIBLE_IN_KEY_NESTED = ", dan baris ini tidak lagi menjadi bagian dari kolom di atasnya"
INVISIBLE_IN_VALUE = (
    'Kolom "{field}" memuat {what} ({code}), biasanya tersalin dari Word atau WhatsApp, sehingga '
    'nilainya tidak cocok dengan pilihan yang ada. Hapus lalu ketik ulang nilainya: "{clean}".'
)
INVISIBLE_NAMES = {
    "\u00a0": "spasi tak-putus (non-breaking space)",
    "\u2007": "spasi angka (figure space)",
    "\u202f": "spasi tak-putus sempit",
    "\u200b": "spasi tak terlihat (zero-width space)",
    "\u200c": "pemisah tak terlihat (zero-width non-joiner)",
    "\u200d": "penyambung tak terlihat (zero-width joiner)",
    "\u2060": "penyambung kata tak terlihat (word joiner)",
    "\ufeff": "tanda BOM tak terlihat",
    "\u00ad": "tanda hubung lunak tak terlihat (soft hyphen)",
}
INVISIBLE_OTHER = "karakter tak terlihat"
SPACE_OTHER = "spasi khusus"

# --- the kpu new template left as it was ---------------------------------------------------------
TEMPLATE_MARKER_LEFT = (
    'Baris ini masih contoh dari templat kpu new (tanda "{marker}"){value}. Ganti dengan isian '
    "yang sebenarnya (atau pastikan contoh itu memang benar), lalu hapus tanda "
    '"{marker}" di baris ini{ready}.'
)
TEMPLATE_MARKER_VALUE = ': "{value}"'
TEMPLATE_BODY_LEFT = (
    'Isi tulisan masih memuat teks contoh dari templat ("{sentence}"). Ganti dengan isi '
    "publikasi yang sebenarnya{ready}."
)
TEMPLATE_READY = " sebelum status diubah menjadi ready (siap)"

# --- YAML syntax errors, pinned to the line to fix -----------------------------------------------
YAML_WRONG = "Penulisan front matter tidak sah: {problem}."
YAML_NO_COLON = (
    'baris ini tidak punya titik dua (:) setelah nama kolom. Tulis "nama: nilai", contoh '
    '"title: Sosialisasi Pemilu"; jika baris ini lanjutan teks dari baris di atasnya, gabungkan '
    "ke baris itu"
)
YAML_NO_SPACE_AFTER_COLON = (
    'baris ini tidak punya spasi setelah titik dua: tulis "nama: nilai" (titik dua, spasi, lalu '
    'nilainya), contoh "title: Sosialisasi Pemilu"'
)
YAML_COLON_IN_VALUE = (
    'nilai di baris ini memuat titik dua dan spasi (": "), yang dibaca sebagai kolom baru. Apit '
    'seluruh nilainya dengan tanda kutip lurus, contoh: {key}: "{value}"'
)
YAML_COLON_IN_CURLY = (
    'nilai di baris ini memuat ": " dan diapit tanda kutip lengkung dari Word (“ ”), yang tidak '
    'dibaca sebagai tanda kutip. Ganti dengan tanda kutip lurus, contoh: {key}: "{value}"'
)
YAML_INDENT = (
    "indentasi baris ini tidak sejajar dengan kolom di atasnya. Sub-kolom ditulis dengan jumlah "
    "spasi yang sama (misalnya dua spasi) di awal baris; kolom utama tanpa spasi"
)
YAML_TAB = (
    "baris ini memakai tab untuk indentasi atau sebagai pemisah. Hapus tab itu dan ganti dengan "
    "spasi (dua spasi untuk sub-kolom)"
)
YAML_BAD_START = (
    'nilai di baris ini diawali "{char}", yang tidak boleh mengawali nilai. Apit seluruh nilainya '
    "dengan tanda kutip lurus"
)
YAML_QUOTE_NOT_CLOSED = (
    "tanda kutip {kind} dibuka di baris ini tetapi tidak ditutup. Tambahkan tanda kutip penutup "
    "{quote} di akhir nilainya (di baris yang sama)"
)
YAML_TEXT_AFTER_QUOTE = (
    "ada teks setelah tanda kutip penutup di baris ini. Apit seluruh nilai dengan tanda kutip, "
    'atau tulis tanda kutip di dalam teks sebagai \\" (garis miring terbalik lalu tanda kutip)'
)
YAML_LIST_NOT_CLOSED = 'kurung siku "[" dibuka di baris ini tetapi tidak ditutup dengan "]"'
YAML_MAP_NOT_CLOSED = 'kurung kurawal "{{" dibuka di baris ini tetapi tidak ditutup dengan "}}"'
YAML_LIST_ITEM = (
    'butir daftar di baris ini harus diawali "- " dengan indentasi yang sama seperti butir lainnya'
)
YAML_ESCAPE = (
    "ada garis miring terbalik (\\) di dalam tanda kutip ganda di baris ini. Tulis \\\\ untuk "
    "satu garis miring terbalik, atau apit nilainya dengan tanda kutip tunggal '...'"
)
YAML_SPECIAL = (
    "ada tanda baca khusus di baris ini (misalnya & * ! % | > [ ] {{ }} atau @) di tempat yang "
    "tidak boleh. Apit seluruh nilainya dengan tanda kutip lurus"
)
YAML_COLON_IN_BRACKETS = (
    "ada titik dua (:) di dalam kurung siku di baris ini. Apit butir yang memuat titik dua dengan "
    'tanda kutip lurus, contoh: [ "Pemilu: 2029" ]'
)
YAML_DASH_PLACE = (
    'tanda "- " (butir daftar) di baris ini ada di tempat yang tidak boleh. Tulis setiap butir di '
    'baris sendiri, diawali "- ", di bawah nama kolomnya'
)
QUOTE_DOUBLE = 'ganda (")'
QUOTE_SINGLE = "tunggal (')"
