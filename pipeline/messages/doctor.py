"""Indonesian text for `kpu doctor`: one line per finding, each failure with its fix."""

from __future__ import annotations

TITLE = "Pemeriksaan kesiapan repositori untuk menerbitkan (kpu doctor):"
MARKS = {"ok": "✓ OK    ", "fail": "✗ GAGAL ", "info": "• INFO  "}
SUMMARY_OK = "Siap menerbitkan: tidak ada masalah ({infos} catatan)."
SUMMARY_FAIL = "{count} masalah harus diperbaiki sebelum menerbitkan (lihat baris GAGAL di atas)."
SECRETS_WHERE = "Settings → Secrets and variables → Actions → New repository secret"

# --- configuration -----------------------------------------------------------------------------
CONFIG_OK = (
    "Konfigurasi sah: kpu.yml, data/election_stages.yml, data/regulations.yml, data/sop.yml."
)
CONFIG_PROBLEM = "{problem}"
MKDOCS_MISSING = "mkdocs.yml tidak ada di akar repositori; situs tidak dapat dibangun. Pulihkan dari repositori asal."
LEDGER_PROBLEM = "{detail}"
SKIPPED_NO_CONFIG = "Kredensial kanal dan alamat situs tidak diperiksa karena kpu.yml belum sah."

# --- channel credentials -----------------------------------------------------------------------
CHANNEL_OK = "Kanal {label}: kredensial lengkap ({names})."
CHANNEL_SINCE = (
    "Kanal {label} dipakai sejak {since}: publikasi yang lebih lama tidak dikirim ke sana, "
    "kecuali diminta dengan kpu publish --backfill {name} [--since TTTT-BB-HH]."
)
CHANNEL_STARTS = (
    "Kanal {label} mulai dipakai pada kpu publish berikutnya: {count} publikasi yang sudah ada "
    "tidak dikirim ke sana, kecuali diminta dengan kpu publish --backfill {name}."
)
CHANNEL_OUTBOX = (
    "Kanal {label}: {count} kiriman dulu disimpan di outbox (kredensial belum ada) dan tidak "
    "dikirim otomatis; kirim dengan kpu publish --backfill {name}, atau unggah sendiri dari outbox."
)
CHANNEL_MISSING = (
    "Kanal {label}: {names} belum diatur, sehingga kiriman {label} akan disimpan di outbox, tidak "
    "dikirim. Atur di GitHub: {where}."
)
NO_CHANNELS = (
    "Tidak ada kanal media sosial di channels.enabled (kpu.yml): publikasi hanya terbit di situs."
)

# --- GitHub Pages and Actions ------------------------------------------------------------------
SITE_NOT_HTTPS = 'site_url "{url}" harus diawali https:// (GitHub Pages hanya melayani https). Perbaiki di kpu.yml.'
SITE_PAGES_OK = "site_url {url} adalah alamat GitHub Pages repositori {repository}."
SITE_PAGES_WRONG = (
    'site_url "{url}" adalah alamat GitHub Pages, tetapi repositori {repository} terbit di {expected}. '
    "Perbaiki site_url atau repository di kpu.yml."
)
SITE_PAGES_NO_REPO = (
    'site_url "{url}" adalah alamat GitHub Pages, tetapi kolom repository di kpu.yml kosong, jadi '
    "tidak dapat dicocokkan. Isi repository (pemilik/nama)."
)
SITE_CUSTOM = (
    "site_url {url} memakai domain sendiri: pastikan Settings → Pages → Custom domain berisi {host} "
    "dan DNS domain itu mengarah ke GitHub Pages."
)
REPOSITORY_MISSING = (
    "Kolom repository di kpu.yml kosong dan GITHUB_REPOSITORY tidak diatur: persetujuan pull request "
    "tidak dapat dibaca. Isi repository dengan pemilik/nama repositori di GitHub."
)
ACTIONS_OUTSIDE = (
    "Tidak berjalan di GitHub Actions: GITHUB_TOKEN dan GITHUB_REPOSITORY tidak diperiksa "
    "(keduanya disediakan GitHub saat workflow berjalan)."
)
ACTIONS_TOKEN_OK = "GITHUB_TOKEN diatur untuk langkah ini."
ACTIONS_TOKEN_MISSING = (
    "GITHUB_TOKEN tidak diatur untuk langkah ini. Tambahkan ke langkahnya di workflow: "
    "env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}"
)
ACTIONS_REPOSITORY_OK = "GITHUB_REPOSITORY {repository} sama dengan repository di kpu.yml."
ACTIONS_REPOSITORY_WRONG = (
    "Workflow berjalan di repositori {actual}, tetapi kpu.yml menulis repository: {configured}. "
    "Perbaiki kolom repository di kpu.yml."
)

# --- workflows ---------------------------------------------------------------------------------
WORKFLOW_MISSING = (
    "{path} tidak ada: {purpose} tidak berjalan. Pulihkan berkas ini dari repositori asal."
)
WORKFLOW_UNREADABLE = (
    "{path} tidak dapat dibaca sebagai YAML ({detail}). Pulihkan dari repositori asal."
)
WORKFLOW_OK = "{path}: menjalankan {commands}."
WORKFLOW_COMMAND_MISSING = (
    "{path}: tidak ada langkah yang menjalankan {command}, jadi {purpose}. "
    "Pulihkan langkah itu dari repositori asal."
)
WORKFLOW_ORDER = (
    "{path}: urutan langkah berubah: {first} harus berjalan sebelum {then}. Pulihkan urutan dari "
    "repositori asal."
)
WORKFLOW_EXTRA = (
    '{path}: langkah "{name}" menjalankan perintah di luar kpu ({command}). Pastikan perubahan '
    "ini disengaja."
)
WORKFLOW_SECRET_MISSING = (
    "{path}: langkah {command} tidak meneruskan secret {names}, sehingga kiriman {label} disimpan "
    "di outbox. Tambahkan di env langkah itu, misalnya {example}: ${{{{ secrets.{example} }}}}"
)
WORKFLOW_CALL_MISSING = (
    "{path}: tidak ada job yang memanggil publish.yml (uses: ./.github/workflows/publish.yml), "
    "jadi publikasi terjadwal (publish_at) tidak pernah terbit."
)
WORKFLOW_CALL_SECRETS = (
    "{path}: job {job} memanggil publish.yml tanpa meneruskan secret {names}; kiriman terjadwal "
    "{label} akan disimpan di outbox. Tambahkan di bagian secrets job itu (atau secrets: inherit)."
)
PURPOSES = {
    "kpu promote": "draf yang disetujui tidak pernah dipindahkan ke content/posts/",
    "kpu build": "situs tidak dibangun",
    "kpu publish": "publikasi tidak dikirim ke media sosial",
    "kpu record": "arsip tautan (data/ledger.json) tidak disimpan",
    "kpu check": "draf di pull request tidak diperiksa",
    "kpu comment": "pull request tidak mendapat komentar ringkasan",
    "kpu linkcheck": "Arsip Link Aktif tidak diperiksa setiap hari",
    "kpu doctor": "token media sosial tidak diperiksa setiap hari (kpu doctor --online)",
}
WORKFLOW_PURPOSES = {
    "publish.yml": "penerbitan setelah merge",
    "check.yml": "pemeriksaan pull request",
    "scheduled.yml": "penerbitan terjadwal, pemeriksaan tautan dan token harian",
}

# --- git remote --------------------------------------------------------------------------------
NOT_A_REPOSITORY = (
    "{path} bukan repositori git. Salin (clone) repositori dari GitHub, lalu jalankan kpu doctor "
    "di dalamnya."
)
NO_ORIGIN = (
    "Belum ada remote origin, jadi hasil promosi dan arsip tidak dapat dikirim. Tambahkan dengan: "
    "git remote add origin {url}"
)
ORIGIN_URL_EXAMPLE = "https://github.com/{repository}.git"
ORIGIN_OK = "Remote origin ({url}) dapat dihubungi."
ORIGIN_UNREACHABLE = (
    "Remote origin ({url}) tidak dapat dihubungi: {detail}. Periksa koneksi internet, alamat "
    "remote (git remote -v) dan hak akses ke repositori."
)
ORIGIN_TIMEOUT = "tidak ada jawaban dalam {seconds:g} detik"
ORIGIN_OTHER_REPOSITORY = (
    "Remote origin ({url}) menunjuk ke repositori {actual}, tetapi kpu.yml menulis repository: "
    "{configured}. Samakan keduanya."
)

# --- branch protection (pipeline.setup.protection) ---------------------------------------------------
PROTECT_PR = "perubahan hanya lewat pull request (Require a pull request before merging)"
PROTECT_STALE = (
    "persetujuan lama gugur bila ada push baru (Dismiss stale pull request approvals when new "
    "commits are pushed)"
)
PROTECT_CODEOWNERS = "wajib ditelaah pemilik kode/CODEOWNERS (Require review from Code Owners)"
PROTECT_NO_BYPASS = (
    "tidak ada yang melewati aturan ini (Do not allow bypassing / Include administrators); "
    "kecualikan hanya GitHub Actions, yang mendorong commit kpu promote dan kpu record"
)
PROTECT_OK = "Cabang {branch}: {setting} — aktif."
PROTECT_MISSING = (
    "Cabang {branch}: {setting} — belum aktif. Aktifkan di GitHub: Settings → Rules → Rulesets "
    "(atau Settings → Branches → Branch protection rules) untuk cabang {branch}."
)
PROTECT_UNREADABLE = (
    "Perlindungan cabang {branch} tidak dapat dibaca: {detail} Periksa dengan akun admin, atau "
    "jalankan kpu doctor dengan GITHUB_TOKEN yang boleh membaca pengaturan repositori."
)
PROTECT_SKIPPED = (
    "Perlindungan cabang tidak diperiksa: GITHUB_TOKEN belum diatur. Jalankan dengan token yang "
    "boleh membaca pengaturan repositori untuk memeriksanya."
)
CODEOWNERS_OK = ".github/CODEOWNERS sesuai dengan roles di kpu.yml."
CODEOWNERS_STALE = (
    ".github/CODEOWNERS tidak sesuai dengan roles di kpu.yml; jalankan kpu codeowners lalu ajukan "
    "perubahannya lewat pull request."
)
CODEOWNERS_WRITTEN = "{path} ditulis dari roles di kpu.yml."

# --- identity: one office, everywhere ----------------------------------------------------------
CONTACT_OK = "Kontak PPID lengkap di kaki setiap halaman: telepon {phone}, surel {email}."
CONTACT_MISSING = (
    "Kontak PPID belum lengkap: {fields} belum diisi di kpu.yml (bagian office). Halaman Beranda, "
    "Profil dan PPID menyebut nomor telepon dan surel ada di bagian bawah setiap halaman. Isi "
    'dengan nomor dan surel resmi yang sudah dikonfirmasi PPID: kpu init --yes --phone "..." '
    '--email "..."'
)
CONTACT_FIELDS = {"phone": "office.phone (nomor telepon)", "email": "office.email (surel)"}
LEFTOVERS_OK = "Tidak ada sisa identitas kantor lain di content/, mkdocs.yml, .github/ dan cms/."
LEFTOVER = (
    "{path}: masih memuat identitas kantor lain ({found}), padahal kpu.yml menyebut {office}. "
    "Ganti dengan isian dari kpu.yml, misalnya {{{{ kantor.nama }}}}, {{{{ kantor.wilayah }}}} atau "
    "{{{{ peran.ketua }}}} (daftar lengkap di panduan Menyiapkan kantor), atau tulis nama kantor Anda "
    "sendiri."
)
DERIVED_OK = "Pull request template dan formulir permintaan publikasi sesuai dengan kpu.yml."
DERIVED_STALE = (
    "{path} tidak sesuai dengan kpu.yml (sebutan peran atau nomor Nota Dinas); jalankan kpu init "
    "--yes untuk menulisnya ulang, lalu ajukan perubahannya lewat pull request."
)
