"""`kpu build`: the real strict mkdocs build of content/, never drafts, with linked citations."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import VALID_DRAFT, run_kpu, write_draft


def _post(repo: Path, name: str, text: str) -> Path:
    path = repo / "content" / "posts" / "2026" / name
    path.write_text(text, encoding="utf-8")
    return path


PUBLISHED = VALID_DRAFT.replace("status: ready", "status: ready\ndate: 2026-10-20T09:00:00+07:00")


def test_build_writes_the_site_and_never_a_draft(repo: Path) -> None:
    write_draft(
        repo, text=VALID_DRAFT.replace("Mengenal UU Pemilu", "Draf Rahasia Belum Disetujui")
    )
    result = run_kpu("build", "--site-dir", "out", cwd=repo)
    assert result.code == 0, result.err
    assert "Situs selesai dibangun di" in result.out
    site = repo / "out"
    assert (site / "index.html").is_file()
    every_page = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert "Draf Rahasia Belum Disetujui" not in every_page
    assert "Draf Rahasia" not in (site / "search" / "search_index.json").read_text(encoding="utf-8")


def test_broken_link_fails_the_build_in_indonesian_with_mkdocs_log_below(repo: Path) -> None:
    text = PUBLISHED.replace("Isi publikasi tentang UU Pemilu.", "Lihat [halaman](tidak-ada.md).")
    _post(repo, "tautan-rusak.md", text)
    result = run_kpu("build", "--site-dir", "out", cwd=repo)
    assert result.code == 1
    lines = result.err.splitlines()
    assert lines[0] == "kpu: Situs gagal dibangun: 1 masalah."
    assert lines[1] == (
        '- Halaman content/posts/2026/tautan-rusak.md menautkan "tidak-ada.md", tetapi berkas '
        "tujuannya (content/posts/2026/tidak-ada.md) tidak ada. Perbaiki alamat tautannya atau "
        "tambahkan berkasnya."
    )
    log = result.err.index("Catatan lengkap mesin pembangun (MkDocs, bahasa Inggris):")
    assert "contains a link 'tidak-ada.md'" in result.err[log:]
    assert "\x1b[" not in result.err  # captured, so no colour codes


def test_post_page_shows_its_image_with_alt_text_and_its_memo(repo: Path) -> None:
    from PIL import Image

    images = repo / "content" / "assets" / "images"
    images.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (120, 63), "red").save(images / "uji.png")
    text = PUBLISHED.replace(
        "status: ready",
        'status: ready\nimage: content/assets/images/uji.png\nimage_alt: "Kartu uji publikasi"',
    )
    _post(repo, "uji-gambar.md", text.replace('"Mengenal UU Pemilu"', '"Uji Gambar"'))
    assert run_kpu("build", "--site-dir", "out", cwd=repo).code == 0
    page = (repo / "out" / "publikasi" / "2026" / "uji-gambar" / "index.html").read_text("utf-8")
    assert '<img alt="Kartu uji publikasi" src="../../../assets/images/uji.png"' in page
    memo = page[page.index('id="keterangan-publikasi"') :]
    assert "Nota Dinas: nomor 012/ND/HK.03/Kab/X/2026, tanggal 1 Oktober 2026" in memo
    assert "Diusulkan oleh: Subbagian Hukum dan SDM" in memo
    assert "Tahapan: Informasi umum (di luar tahapan)" in memo


def test_the_plugin_and_the_generator_agree_on_where_posts_and_content_live() -> None:
    """The plugin keeps its own copies (it must not import the generator in a staged build):
    a post's feed image and withdrawn notice depend on the two agreeing."""
    from pipeline.site import generate, plugin

    assert (plugin.POSTS_PREFIX, plugin.DOCS_PREFIX) == (
        generate.POSTS_PREFIX,
        generate.DOCS_PREFIX,
    )
