"""What the `kpu` command line itself says: argparse's own strings in Indonesian, and ours.

ARGPARSE maps the exact msgids argparse passes to gettext (Python 3.11 to 3.14) to their
Indonesian text; tests/test_english_scan.py reads the installed argparse source and fails on any
msgid missing here, so a new Python release cannot bring English back unnoticed.
"""

from __future__ import annotations

ERROR_WORD = "kesalahan"
WARNING_WORD = "peringatan"
NOTICE_WORD = "catatan"

ARGPARSE: dict[str, str] = {
    # help screens
    "usage: ": "penggunaan: ",
    "positional arguments": "argumen posisi",
    "options": "opsi",
    "optional arguments": "opsi",
    "subcommands": "subperintah",
    "%(heading)s:": "%(heading)s:",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan nomor versi program lalu keluar",
    " (default: %(default)s)": " (bawaan: %(default)s)",
    # usage errors
    "%(prog)s: error: %(message)s\n": f"%(prog)s: {ERROR_WORD}: %(message)s\n",
    "%(prog)s: warning: %(message)s\n": f"%(prog)s: {WARNING_WORD}: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "pilihan tidak dikenal: %(value)r (pilihan yang ada: %(choices)s)"
    ),
    "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)": (
        "pilihan tidak dikenal: %(value)r; maksud Anda: %(closest)s? "
        "(pilihan yang ada: %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "expected one argument": "perlu satu nilai",
    "expected at most one argument": "paling banyak satu nilai",
    "expected at least one argument": "perlu paling sedikit satu nilai",
    "expected %s argument": "perlu %s nilai",
    "expected %s arguments": "perlu %s nilai",
    "ambiguous option: %(option)s could match %(matches)s": (
        "opsi %(option)s bisa berarti beberapa opsi: %(matches)s; tulis lengkap"
    ),
    "not allowed with argument %s": "tidak boleh dipakai bersama argumen %s",
    "one of the arguments %s is required": "salah satu argumen %s wajib diisi",
    "ignored explicit argument %r": "nilai %r tidak dipakai opsi ini",
    "unexpected option string: %s": "opsi tidak terduga: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "perintah tidak dikenal: %(parser_name)r (pilihan yang ada: %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "berkas '%(filename)s' tidak bisa dibuka: %(error)s",
    'argument "-" with mode %r': 'argumen "-" dengan mode %r',
    "option '%(option)s' is deprecated": "opsi '%(option)s' sudah usang",
    "argument '%(argument_name)s' is deprecated": "argumen '%(argument_name)s' sudah usang",
    "command '%(parser_name)s' is deprecated": "perintah '%(parser_name)s' sudah usang",
    # mistakes in the parser's own definition (a developer sees these, never staff)
    ".__call__() not defined": ".__call__() belum didefinisikan",
    "conflicting subparser: %s": "subperintah bentrok: %s",
    "conflicting subparser alias: %s": "alias subperintah bentrok: %s",
    "cannot merge actions - two groups are named %r": (
        "aksi tidak bisa digabung: dua kelompok bernama %r"
    ),
    "'required' is an invalid argument for positionals": (
        "'required' tidak berlaku untuk argumen posisi"
    ),
    "invalid option string %(option)r: must start with a character %(prefix_chars)r": (
        "opsi %(option)r tidak sah: harus diawali karakter %(prefix_chars)r"
    ),
    "dest= is required for options like %r": "dest= wajib untuk opsi seperti %r",
    "invalid conflict_resolution value: %r": "nilai conflict_resolution tidak sah: %r",
    "conflicting option string: %s": "opsi bentrok: %s",
    "conflicting option strings: %s": "opsi bentrok: %s",
    "mutually exclusive arguments must be optional": (
        "argumen yang saling meniadakan harus berupa opsi"
    ),
    "cannot have multiple subparser arguments": "hanya boleh ada satu kelompok subperintah",
    "%r is not callable": "%r tidak bisa dipanggil",
}

INVALID_CHOICE = "pilihan tidak dikenal: '{value}' (pilihan yang ada: {choices})"
INVALID_CHOICE_SUGGEST = (
    "pilihan tidak dikenal: '{value}'; maksud Anda: {closest}? (pilihan yang ada: {choices})"
)
EXAMPLES = "contoh:"
VERSION_HELP = "tampilkan nomor versi kpu lalu keluar"
INVALID_VALUE = "bukan {kind}: '{value}'"
KIND_INT = "bilangan bulat (contoh 42)"
KIND_FLOAT = "angka (contoh 2.5)"

EXAMPLES_BY_COMMAND: dict[str, list[str]] = {
    "new": [
        'kpu new "Mengenal UU Pemilu"',
        "kpu new --from-docx naskah.docx",
        "kpu new --from-issue 12",
    ],
    "check": [
        "kpu check",
        "kpu check drafts/2026-10-01-mengenal-uu-pemilu.md",
        "kpu check --json > hasil.json",
        "kpu check --format github",
    ],
    "build": ["kpu build", "kpu build --site-dir /tmp/situs", "kpu -v build"],
    "approvals": ["kpu approvals 42", "kpu approvals 42 --json"],
    "promote": ["kpu promote --dry-run", "kpu promote"],
    "verify": ["kpu verify", "kpu verify --out build/verified.json"],
    "record": ["kpu record", "kpu record --no-push"],
    "comment": ["kpu comment 42", "kpu comment 42 --no-post"],
    "publish": [
        "kpu publish --dry-run",
        "kpu publish --dry-run --json",
        "kpu publish --outbox-only",
        "kpu publish",
    ],
    "retract": ['kpu retract mengenal-uu-pemilu --reason "Salah nomor pasal"'],
    "bundle": ["kpu bundle", "kpu bundle --out /tmp/dokumentasi"],
    "linkcheck": ["kpu linkcheck", "kpu linkcheck --workers 4", "kpu linkcheck --report-issue"],
    "report": ["kpu report", "kpu report --out /tmp/laporan"],
    "init": [
        "kpu init",
        'kpu init --yes --office-name "KPU Kota Pangkalpinang" --clear-samples',
    ],
    "codeowners": ["kpu codeowners", "kpu codeowners --check"],
    "doctor": ["kpu doctor", "kpu doctor --timeout 5"],
    "cms": ["kpu cms config", "kpu cms config --check"],
    "intake": ["kpu intake open 12", "kpu intake form --check"],
}
"""Example invocations shown under CONTOH in each command's --help."""

TOP_EXAMPLES = [
    'kpu new "Mengenal UU Pemilu"',
    "kpu check",
    "kpu build",
    "kpu publish --dry-run",
    "kpu PERINTAH --help",
]

QUIET_HELP = "tampilkan hanya kesalahan dan peringatan"
VERBOSE_HELP = "tampilkan juga rincian dan baris kemajuan"
JSON_HELP = "cetak hasil sebagai JSON (bentuknya dijelaskan di README)"
JSON_NEEDS_DRY_RUN = (
    "kpu publish: kesalahan: --json hanya untuk pratinjau; tulis: kpu publish --dry-run --json"
)
PROGRESS_BUNDLE = "Mengemas berkas"
PROGRESS_BUILD = "Menyiapkan halaman"
PROGRESS_LINKCHECK = "Memeriksa tautan"
