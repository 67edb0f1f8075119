"""`kpu retract`: the social posts go, the page stays with a notice, the ledger says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_kpu
from tests.servers.world import POST, SLUG, World, entry, ledger, only_one_publication

CHANNELS = ("x", "facebook", "instagram", "telegram", "mastodon")
REASON = "Terdapat kekeliruan nomor pasal."


@pytest.fixture
def published(repo: Path, world: World) -> Path:
    only_one_publication(repo)
    result = run_kpu("publish", cwd=repo, env=world.env())
    assert result.code == 0, result.out + result.err
    return repo


def test_retract_deletes_every_post_and_marks_the_page(published: Path, world: World) -> None:
    urls = {c: entry(published, c)["url"] for c in CHANNELS}
    result = run_kpu("retract", SLUG, "--reason", REASON, cwd=published, env=world.env())
    assert result.code == 0, result.out + result.err
    assert world.counts() == dict.fromkeys(CHANNELS, 0)
    for channel in CHANNELS:
        assert f"{SLUG} -> {channel}: dihapus ({urls[channel]})" in result.out
        assert entry(published, channel)["status"] == "deleted"
    assert f"Halaman {POST} ditandai ditarik" in result.out
    text = (published / POST).read_text(encoding="utf-8")
    assert "withdrawn:\n  date: 20" in text and f'  reason: "{REASON}"\n---\n' in text
    assert ledger(published)["publications"][SLUG]["withdrawn"]["reason"] == REASON
    assert run_kpu("check", cwd=published).code == 0


def test_a_withdrawn_publication_is_never_posted_again(published: Path, world: World) -> None:
    assert run_kpu("retract", SLUG, "--reason", REASON, cwd=published, env=world.env()).code == 0
    again = run_kpu("publish", cwd=published, env=world.env())
    assert again.code == 0, again.out
    assert world.counts() == dict.fromkeys(CHANNELS, 0)
    assert len(world.x.calls("POST /2/tweets")) == 1


def test_retract_without_credentials_names_the_posts_to_delete_by_hand(
    published: Path, world: World
) -> None:
    env = {k: v for k, v in world.env().items() if not k.startswith("TELEGRAM")}
    url = entry(published, "telegram")["url"]
    result = run_kpu("retract", SLUG, "--reason", REASON, cwd=published, env=env)
    assert result.code == 1
    assert (
        f"{SLUG} -> telegram: GAGAL dihapus: kredensial Telegram belum diatur, kiriman tidak dapat "
        f"dihapus otomatis; hapus secara manual: {url}"
    ) in result.out
    assert "1 kiriman belum terhapus." in result.out
    assert entry(published, "telegram")["status"] == "posted"
    assert world.counts() == {**dict.fromkeys(CHANNELS, 0), "telegram": 1}
    finished = run_kpu("retract", SLUG, cwd=published, env=world.env())
    assert finished.code == 0, finished.out
    assert world.counts()["telegram"] == 0
    assert (published / POST).read_text(encoding="utf-8").count("withdrawn:") == 1


def test_retract_of_an_unknown_slug_says_so(published: Path) -> None:
    result = run_kpu("retract", "tidak-ada", cwd=published)
    assert result.code == 1
    assert 'Publikasi dengan slug "tidak-ada" tidak ditemukan di content/posts/.' in result.err
