"""Indonesian text of the legal-document pages, the JDIHN feed and the home page lists."""

from __future__ import annotations

# --- the index (peraturan/index.md) ----------------------------------------------------------
INDEX_TITLE = "Daftar Peraturan"
INDEX_DESCRIPTION = (
    "Peraturan dan keputusan yang menjadi dasar hukum publikasi, dengan status, tanggal, dan "
    "naskah resminya."
)
INDEX_INTRO = (
    "Peraturan perundang-undangan dan keputusan yang dikutip dalam publikasi informasi hukum, "
    "dengan statusnya dan naskah resminya. Pilih jenis, tahun, atau status untuk menyaring "
    "daftar; setiap judul membuka halaman dokumennya."
)
COL_KIND = "Jenis"
COL_YEAR = "Tahun"
COL_STATUS = "Status"
INDEX_HEADER = f"| Peraturan | {COL_KIND} | {COL_YEAR} | {COL_STATUS} | Ditetapkan | Publikasi |"

# --- one document (peraturan/<key>.md) --------------------------------------------------------
PAGE_DESCRIPTION = "Metadata, status, relasi, dan naskah resmi {canonical}."
ABOUT = "tentang"
SECTION_METADATA = "Keterangan dokumen"
SECTION_HISTORY = "Riwayat status"
SECTION_PUBLICATIONS = "Publikasi yang menjelaskan"
SECTION_TEXT = "Naskah resmi"
META_HEADER = "| Kolom | Isi |"
F_DOCUMENT_TYPE = "Tipe dokumen"
F_TITLE = "Judul"
F_AUTHOR = "T.E.U. badan"
F_NUMBER = "Nomor peraturan"
F_KIND = "Jenis / bentuk peraturan"
F_ABBREVIATION = "Singkatan jenis"
F_YEAR = "Tahun"
F_PLACE = "Tempat penetapan"
F_ENACTED = "Tanggal penetapan"
F_PROMULGATED = "Tanggal pengundangan"
F_SOURCE = "Sumber"
F_SUBJECTS = "Subjek"
F_STATUS = "Status"
F_LANGUAGE = "Bahasa"
F_FIELD = "Bidang hukum"
F_ABSTRACT = "Abstrak"
NOT_RECORDED = "belum dicatat"
NOT_PROMULGATED = "tidak diundangkan (keputusan)"
UNCONFIRMED_MARK = " *(belum diverifikasi)*"
H_ENACTED = "{date}: ditetapkan"
H_ENACTED_YEAR = "Tahun {year}: ditetapkan (tanggal belum dicatat)"
H_PROMULGATED = "{date}: diundangkan"
H_AMENDED = "{date}: diubah dengan {link}"
H_REVOKED = "{date}: dicabut dengan {link}"
REVOKED_NOTICE = (
    '!!! warning "Sudah dicabut"\n    Dokumen ini sudah tidak berlaku. Yang berlaku sekarang: '
    "{link}."
)
NO_PUBLICATIONS = "Belum ada publikasi yang mengutip dokumen ini."
TEXT_PDF = "[Unduh naskah resmi (PDF)]({link})<br>SHA-256: `{sha}`"
TEXT_LINK = "Naskah resmi: <{url}>"
TEXT_LINK_UNCONFIRMED = (
    "Tautan sementara: <{url}> *(halaman ini belum menuju dokumennya langsung; Subbag Hukum "
    "sedang memeriksanya)*"
)

# --- a publication's legal basis ---------------------------------------------------------------
LEGAL_BASIS = "Dasar hukum"
STATUS_AND_PUBLICATIONS = "status dan publikasi terkait"
CITATION_FACTS = "Jenis: {kind} · Nomor: {number} · Tahun: {year} · Status: {status}"
DOWNLOAD_PDF = "unduh PDF"
DOCUMENT_ISSUED = "Dokumen yang diterbitkan"
DOCUMENT_FACTS = "Ditetapkan di {place} pada {date} · Status: {status}"

# --- the home page (content/index.md, marker <!-- kpu:terbaru -->) ----------------------------
HOME_PUBLICATIONS = "Publikasi"
HOME_DOCUMENTS = "Dokumen hukum"
HOME_NO_PUBLICATIONS = "Belum ada publikasi."
HOME_ALL = "Semua dokumen, dengan saringan jenis, tahun, dan status: [Daftar Peraturan]({index})."

# --- the Arsip Link Aktif (documents kept in the repository) ---------------------------------
ARCHIVE_DOCUMENTS = "Naskah dokumen hukum"
ARCHIVE_INTRO = (
    "Naskah resmi yang disimpan dan diterbitkan oleh situs ini sendiri. Sidik SHA-256 dapat "
    "dipakai untuk memastikan salinan yang Anda terima sama dengan yang diterbitkan."
)
ARCHIVE_HEADER = "| Dokumen | Berkas | SHA-256 |"
