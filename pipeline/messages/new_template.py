"""The draft written by `kpu new`: every field, each with a short Indonesian explanation."""

from __future__ import annotations

MARKER = "[CONTOH]"
"""Written by the template after each sample value; kpu check flags a line that still has it."""
BODY_PLACEHOLDERS = (
    "Tulis isi publikasi di sini.",
    "Lanjutkan penjelasan: apa isi peraturannya, siapa yang terdampak",
)
"""The template's sample body; kpu check flags a draft that still contains it."""

DRAFT = """\
---
# Judul publikasi, tampil di situs dan media sosial.
title: "{title}"
# Ringkasan 1-2 kalimat (maksimum 300 karakter).
description: ""
# Kategori di situs: Informasi Hukum, Keterbukaan Informasi, atau Tahapan Pemilu.
categories: [Informasi Hukum]
# Kata kunci, dipisah koma.
tags: []
# Penulis: kunci dari content/publikasi/.authors.yml.
authors: [tim-desain]
# SOP langkah 1: Nota Dinas permintaan publikasi.
request:
  number: ""          # nomor Nota Dinas, contoh 001/ND/HK.03/Kab/X/2026
  date: {today}    # [CONTOH] tanggal Nota Dinas (TTTT-BB-HH): ganti, lalu hapus tanda [CONTOH]
  unit: ""            # subbagian/divisi pengusul, contoh Subbagian Hukum dan SDM
# SOP langkah 3: tahapan pemilu yang terkait (lihat data/election_stages.yml).
election_stage: informasi-umum
# SOP langkah 4: peraturan yang menjadi dasar, minimal satu, ditulis lengkap.
legal_basis:
  - "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum"  # [CONTOH] ganti atau biarkan, lalu hapus tanda [CONTOH]
# Gambar (opsional): jalur dari akar repositori, PNG/JPG/WEBP, maksimum 5 MB.
# Jika diisi, image_alt wajib: satu kalimat yang menggambarkan isi gambar.
# image: content/assets/images/nama-gambar.png
# image_alt: ""
# Teks unggahan media sosial (tautan ditambahkan otomatis). Boleh diganti per kanal: x, facebook, ...
social:
  text: ""
# Kanal media sosial (opsional; bawaan dari kpu.yml): [x, facebook, instagram, telegram, mastodon]
# channels: [x, facebook]
# Jadwal terbit (opsional), jam WIB: 2026-10-05 09:00
# publish_at: 2026-10-05 09:00
# Keputusan kantor ini yang diterbitkan publikasi ini (opsional): metadata dan PDF-nya.
# Setelah disetujui dan terbit, keputusan ini tampil di Daftar Peraturan dan umpan JDIHN.
# document:
#   number: 12                 # nomor keputusan (angka saja)
#   year: 2026
#   title: ""                  # judul, teks setelah "tentang"
#   enacted_place: ""          # tempat penetapan (kota kedudukan kantor)
#   enacted_on: 2026-10-01     # tanggal penetapan
#   pdf: content/dokumen/keputusan-12-2026.pdf    # berkas PDF yang ditandatangani, maks. 20 MB
#   sha256: ""                 # kpu check menyebut nilainya
# Status: draft (sedang ditulis), ready (siap ditelaah dan terbit), postponed (ditunda, SOP langkah 3).
# Boleh juga ditulis draf, siap atau ditunda. Baris bertanda CONTOH yang tersisa menghalangi status ready.
status: draft
---

Tulis isi publikasi di sini. Paragraf pertama menjadi ringkasan di halaman daftar publikasi.

<!-- more -->

Lanjutkan penjelasan: apa isi peraturannya, siapa yang terdampak, dan apa yang perlu dilakukan
masyarakat.
"""
