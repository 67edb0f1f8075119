"""Post text per channel: rendered from the draft, measured as each network does, and rejected by
`kpu check` (before merge) when a network would refuse it."""

from __future__ import annotations

from pathlib import Path

from pipeline.check.validate import load_context, validate
from pipeline.publish.channels.registry import REGISTRY
from pipeline.publish.posts import check_posts, compose_text, measure, preview_markdown
from tests.conftest import VALID_DRAFT, run_kpu, write_draft

SOCIAL = '  text: "Kenali pokok-pokok UU Pemilu."'
URL = "https://kab-bangkabarat.kpu.go.id/publikasi/2026/mengenal-uu-pemilu/"


def _draft(repo: Path, social: str, extra: str = "") -> Path:
    text = VALID_DRAFT.replace(SOCIAL, social)
    if extra:
        text = text.replace("status: ready\n", f"status: ready\n{extra}\n")
    return write_draft(repo, text=text)


def _errors(out: str) -> list[str]:
    return [line for line in out.splitlines() if ": kesalahan: " in line]


def test_text_too_long_for_x_and_mastodon_names_channel_length_limit_and_fix(repo: Path) -> None:
    body = "Pemilih " * 70  # 560 characters
    _draft(repo, f'  text: "{body.strip()}"')
    result = run_kpu("check", "drafts", cwd=repo)
    assert result.code == 1
    x, mastodon = _errors(result.out)
    tail = 2 + 23 + 2 + len("#KPUBangkaBarat #InformasiHukum")
    assert x == (
        f"drafts/2026-10-05-mengenal-uu-pemilu.md:14: kesalahan: Teks kiriman X (Twitter) terlalu panjang: "
        f"{559 + tail} karakter, maksimum 280 (setiap tautan dihitung 23 karakter; emoji dan huruf "
        "Tionghoa/Jepang/Korea dihitung 2). Tulis teks yang lebih pendek khusus X (Twitter) di kolom "
        '"social.x" (tautan halaman dan tagar ditambahkan otomatis), atau persingkat judul dan deskripsi.'
    )
    assert mastodon.endswith(
        f"Teks kiriman Mastodon terlalu panjang: {559 + tail} karakter, maksimum 500 (setiap tautan "
        'dihitung 23 karakter). Tulis teks yang lebih pendek khusus Mastodon di kolom "social.mastodon" '
        "(tautan halaman dan tagar ditambahkan otomatis), atau persingkat judul dan deskripsi."
    )


def test_a_shorter_text_for_one_channel_fixes_that_channel(repo: Path) -> None:
    body = "Pemilih " * 70
    _draft(
        repo, f'  text: "{body.strip()}"\n  x: "Kenali UU Pemilu."\n  mastodon: "Kenali UU Pemilu."'
    )
    result = run_kpu("check", "drafts", cwd=repo)
    assert result.code == 0, result.out


def test_telegram_caption_limit_is_1024(repo: Path) -> None:
    body = "Pemilih " * 135  # 1079 characters
    _draft(repo, f'  text: "{body.strip()}"')
    result = run_kpu("check", "drafts", cwd=repo)
    assert [e.split("Teks kiriman ")[1].split(" terlalu")[0] for e in _errors(result.out)] == [
        "X (Twitter)",
        "Telegram",
        "Mastodon",
    ]
    assert "maksimum 1024" in _errors(result.out)[1]


def test_instagram_allows_at_most_30_hashtags(repo: Path) -> None:
    tags = " ".join(f"#tagar{i}" for i in range(31))
    _draft(repo, f'  text: "Kenali UU Pemilu."\n  instagram: "Kenali UU Pemilu. {tags}"')
    result = run_kpu("check", "drafts", cwd=repo)
    assert result.code == 1
    (error,) = _errors(result.out)
    assert error.endswith(
        'Kiriman Instagram memuat 33 tagar, maksimum 30. Kurangi tagar di kolom "social.instagram" '
        "atau di channels.hashtags pada kpu.yml."
    )


def test_without_social_text_the_error_points_at_the_title(repo: Path) -> None:
    long_title = "Mengenal " + "Undang-Undang Pemilihan Umum " * 10
    text = VALID_DRAFT.replace('title: "Mengenal UU Pemilu"', f'title: "{long_title.strip()}"')
    text = text.replace("social:\n" + SOCIAL + "\n", "")
    write_draft(repo, text=text)
    result = run_kpu("check", "drafts", cwd=repo)
    assert result.code == 1
    assert _errors(result.out)[0].startswith(
        "drafts/2026-10-05-mengenal-uu-pemilu.md:2: kesalahan: Teks kiriman X"
    )


def test_only_the_draft_channels_are_checked(repo: Path) -> None:
    body = "Pemilih " * 70
    _draft(repo, f'  text: "{body.strip()}"', extra="channels: [telegram, facebook]")
    assert run_kpu("check", "drafts", cwd=repo).code == 0


def test_x_counts_cjk_and_emoji_double_and_every_url_as_23() -> None:
    limits = REGISTRY["x"].limits
    assert measure("日" * 100, limits) == 200
    assert measure("Pemilu 🗳️", limits) == len("Pemilu ") + 2
    assert measure("https://example.com/" + "a" * 200, limits) == 23


def test_mastodon_counts_every_url_as_23_and_facebook_counts_it_as_written() -> None:
    url = "https://example.com/" + "a" * 100
    assert measure(f"Baca {url}", REGISTRY["mastodon"].limits) == 5 + 23
    assert measure(f"Baca {url}", REGISTRY["facebook"].limits) == 5 + len(url)


def test_hashtags_already_in_the_text_are_not_repeated(repo: Path) -> None:
    write_draft(
        repo, text=VALID_DRAFT.replace(SOCIAL, '  text: "Kenali UU Pemilu #kpubangkabarat"')
    )
    ctx = load_context(repo)
    (publication,) = validate(ctx, [repo / "drafts"]).publications
    text = compose_text(publication, "x", URL, ["#KPUBangkaBarat", "#InformasiHukum"])
    assert text == f"Kenali UU Pemilu #kpubangkabarat\n\n{URL}\n\n#InformasiHukum"
    assert check_posts(ctx, publication) == []


def test_the_preview_shows_each_channel_post_with_its_length_and_limit(repo: Path) -> None:
    write_draft(repo)
    ctx = load_context(repo, today=None)
    (publication,) = validate(ctx, [repo / "drafts"]).publications
    preview = preview_markdown([publication], ctx)
    year = ctx.today.year
    url = f"https://kab-bangkabarat.kpu.go.id/publikasi/{year}/mengenal-uu-pemilu/"  # as promoted
    post = f"Kenali pokok-pokok UU Pemilu.\n\n{url}\n\n#KPUBangkaBarat #InformasiHukum"
    assert preview.startswith(
        f"### Pratinjau kiriman media sosial\n\n#### Mengenal UU Pemilu\n\nHalaman: `{url}`\n"
    )
    assert (
        f"✅ **X (Twitter)** — {29 + 2 + 23 + 2 + 31}/280 karakter\n\n"
        "Biaya API X untuk kiriman ini: 0,2 USD (X menagih per kiriman; kiriman yang memuat "
        f"tautan lebih mahal).\n\n~~~~text\n{post}\n~~~~\n" in preview
    )
    assert f"✅ **Telegram** — {len(post)}/1024 karakter" in preview
    assert preview.count("~~~~text") == 5


def test_a_post_cannot_close_its_fence_or_turn_its_title_into_markup(repo: Path) -> None:
    hostile = '  text: "~~~~\\n# Semua lulus @ketua ![x](https://evil.example/p.png)"'
    write_draft(
        repo,
        text=VALID_DRAFT.replace(SOCIAL, hostile).replace(
            'title: "Mengenal UU Pemilu"', 'title: "# Lulus @ketua"'
        ),
    )
    ctx = load_context(repo)
    (publication,) = validate(ctx, [repo / "drafts"]).publications
    preview = preview_markdown([publication], ctx)
    assert "#### # Lulus @\u200bketua\n" in preview  # the title stays text in our heading
    assert "~~~~~text\n~~~~\n# Semua lulus" in preview  # a longer fence than the text's own
    assert "\n~~~~\n\n" not in preview.split("~~~~~text", 1)[1].split("~~~~~\n", 1)[0]


def test_the_preview_of_nothing_says_so(repo: Path) -> None:
    assert preview_markdown([], load_context(repo)).endswith(
        "Tidak ada publikasi yang akan dikirim.\n"
    )
