"""`kpu publish` as staff and CI run it: the real client libraries against local fake networks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.check.validate import load_context, validate
from pipeline.core.config import load_config
from pipeline.core.model import Publication
from pipeline.site.card import social_images
from tests.conftest import _SECRET, ROOT, run_kpu
from tests.servers.telegram import TOKEN as TELEGRAM_TOKEN
from tests.servers.world import PAGE_URL, POST, SLUG, World, entry, ledger

CHANNELS = ("x", "facebook", "instagram", "telegram", "mastodon")
TEXT = (
    "Pemilu berikutnya memang belum dimulai, tetapi data pemilih terus dimutakhirkan. Simak dasar "
    "hukumnya dalam UU Nomor 7 Tahun 2017 tentang Pemilihan Umum.\n\n"
    f"{PAGE_URL}\n\n#KPUBangkaBarat #InformasiHukum"
)


def _publication(repo: Path) -> Publication:
    ctx = load_context(repo)
    return next(p for p in validate(ctx, [repo / POST]).publications)


def test_every_network_gets_exactly_the_rendered_text_and_the_card(
    site: Path, world: World
) -> None:
    result = run_kpu("publish", cwd=site, env=world.env())
    assert result.code == 0, result.out + result.err
    assert world.counts() == dict.fromkeys(CHANNELS, 1)
    card = social_images(site, load_config(site), _publication(site))
    tweet = world.x.live[0]
    assert tweet.text == TEXT
    assert [world.x.media[m] for m in tweet.media_ids] == [card.wide.data]
    assert card.wide.data.startswith(b"\x89PNG")
    fb = world.graph.fb_posts[0]
    assert (fb.text, fb.image) == (TEXT, card.wide.data)
    ig = world.graph.ig_media[0]
    assert ig.text == TEXT
    assert ig.image_url == f"https://kab-bangkabarat.kpu.go.id/social/{SLUG}/square.jpg"
    assert [r.query for r in world.graph.calls("GET /v21.0/*")][0] == {"fields": "status_code"}
    message = world.telegram.live[0]
    assert (message.caption, message.photo) == (TEXT, card.wide.data)
    status = world.mastodon.live[0]
    assert status.text == TEXT
    assert [world.mastodon.media[m] for m in status.media_ids] == [card.wide.data]
    assert status.key == f"kpu-{SLUG}-mastodon"
    assert "Selesai: 5 terkirim, 0 sudah terkirim sebelumnya, 0 ke outbox." in result.out


def test_the_ledger_records_the_page_and_every_post(site: Path, world: World) -> None:
    assert run_kpu("publish", cwd=site, env=world.env()).code == 0
    page = ledger(site)["publications"][SLUG]
    assert page["url"] == PAGE_URL
    assert page["path"] == POST
    tweet = world.x.live[0]
    x = page["channels"]["x"]
    assert {k: x[k] for k in ("status", "remote_id", "url", "attempts", "error", "key")} == {
        "status": "posted",
        "remote_id": tweet.id,
        "url": f"https://x.com/kpubangkabarat/status/{tweet.id}",
        "attempts": 1,
        "error": None,
        "key": f"kpu-{SLUG}-x",
    }
    assert page["channels"]["x"]["time"].endswith("+07:00")
    assert (
        page["channels"]["telegram"]["url"]
        == f"https://t.me/kpubangkabarat/{world.telegram.live[0].id}"
    )
    fb = world.graph.fb_posts[0]
    assert page["channels"]["facebook"]["url"] == f"https://www.facebook.com/{fb.id}"
    assert page["channels"]["instagram"]["url"].startswith("https://www.instagram.com/p/")
    assert page["channels"]["mastodon"]["url"].startswith(
        "https://mastodon.example/@kpubangkabarat/"
    )


def test_a_second_run_posts_nothing_again(site: Path, world: World) -> None:
    assert run_kpu("publish", cwd=site, env=world.env()).code == 0
    again = run_kpu("publish", cwd=site, env=world.env())
    assert again.code == 0, again.out
    assert world.counts() == dict.fromkeys(CHANNELS, 1)
    assert (
        f"{SLUG} -> x: sudah terkirim sebelumnya https://x.com/kpubangkabarat/status/" in again.out
    )
    assert "Selesai: 0 terkirim, 5 sudah terkirim sebelumnya, 0 ke outbox." in again.out


def test_a_channel_without_credentials_goes_to_the_outbox_and_says_so(
    site: Path, world: World
) -> None:
    env = {k: v for k, v in world.env().items() if not k.startswith("TELEGRAM")}
    result = run_kpu("publish", cwd=site, env=env)
    assert result.code == 0, result.out
    assert (
        f"{SLUG} -> telegram: outbox outbox/telegram/{SLUG}/ (kredensial kanal ini belum diatur: "
        "kiriman disimpan di outbox, tidak dikirim)"
    ) in result.out
    folder = site / "outbox" / "telegram" / SLUG
    assert (folder / "post.txt").read_text(encoding="utf-8") == TEXT
    assert (folder / "card.png").read_bytes().startswith(b"\x89PNG")
    assert world.telegram.requests == []
    recorded = entry(site, "telegram")
    assert (recorded["status"], recorded["url"]) == ("outbox", f"outbox/telegram/{SLUG}/")


def test_a_fresh_machine_without_any_credentials_runs_the_whole_flow(site: Path) -> None:
    result = run_kpu("publish", cwd=site)
    assert result.code == 0, result.out + result.err
    for channel in CHANNELS:
        assert (site / "outbox" / channel / SLUG / "post.json").exists()
    assert (
        (site / "outbox" / "instagram" / SLUG / "square.jpg").read_bytes().startswith(b"\xff\xd8")
    )
    assert "0 terkirim, 0 sudah terkirim sebelumnya, 5 ke outbox." in result.out


def test_a_second_run_without_credentials_leaves_the_outbox_as_it_was(site: Path) -> None:
    assert run_kpu("publish", cwd=site).code == 0
    written = {p: p.stat().st_mtime_ns for p in (site / "outbox").rglob("post.json")}
    again = run_kpu("publish", cwd=site)
    assert again.code == 0, again.out
    assert {p: p.stat().st_mtime_ns for p in written} == written
    assert (
        f"{SLUG} -> x: sudah terkirim sebelumnya (ke outbox, pada proses sebelumnya; "
        "tidak ditulis ulang)"
    ) in again.out
    assert "0 terkirim, 5 sudah terkirim sebelumnya, 0 ke outbox." in again.out


def test_dry_run_renders_everything_and_sends_nothing(site: Path, world: World) -> None:
    result = run_kpu("publish", "--dry-run", cwd=site, env=world.env())
    assert result.code == 0, result.out
    assert all(api.requests == [] for api in world.apis)
    assert not (site / "data" / "ledger.json").exists()
    assert not (site / "outbox").exists()
    folder = Path(result.out.rsplit("Kiriman ditulis di ", 1)[1].strip())
    assert (folder / "x" / SLUG / "post.txt").read_text(encoding="utf-8") == TEXT
    assert "tidak ada yang dikirim dan arsip link tidak diubah" in result.out


def test_one_failing_channel_does_not_stop_the_others(site: Path, world: World) -> None:
    env = {**world.env(), "TELEGRAM_BOT_TOKEN": "999:wrong-token-value"}
    result = run_kpu("publish", cwd=site, env=env)
    assert result.code == 1
    assert {k: v for k, v in world.counts().items()} == {
        **dict.fromkeys(CHANNELS, 1),
        "telegram": 0,
    }
    assert f"{SLUG} -> telegram: GAGAL (HTTP 401 Unauthorized (kode 401))" in result.out
    assert "1 kiriman belum berhasil:" in result.out
    assert entry(site, "telegram")["status"] == "failed"
    assert entry(site, "x")["status"] == "posted"
    fixed = run_kpu("publish", cwd=site, env=world.env())
    assert fixed.code == 0, fixed.out
    assert world.counts() == dict.fromkeys(CHANNELS, 1)
    assert entry(site, "telegram")["attempts"] == 2


def test_credentials_never_appear_in_output_or_ledger(site: Path, world: World) -> None:
    closed = "http://127.0.0.1:9"  # nothing listens there: the error names the URL with the token
    env = {**world.env(), "TELEGRAM_API_BASE": closed, "KPU_RETRY_ATTEMPTS": "2"}
    env["X_API_SECRET"] = "wrong-secret-value"
    result = run_kpu("publish", cwd=site, env=env)
    assert result.code == 1
    assert "telegram: GAGAL" in result.out and "x: GAGAL" in result.out
    text = result.out + result.err + (site / "data" / "ledger.json").read_text(encoding="utf-8")
    secrets = [v for k, v in env.items() if _SECRET.search(k)]
    assert secrets and all(secret not in text for secret in secrets)
    assert TELEGRAM_TOKEN.split(":")[1] not in text
    assert "/bot***/sendPhoto" in text or "***" in text


def test_a_crash_after_posting_to_telegram_is_left_for_a_person(site: Path, world: World) -> None:
    crashed = run_kpu(
        "publish", cwd=site, env={**world.env(), "KPU_TEST_KILL_AT": "after-call:telegram"}
    )
    assert crashed.code == -9
    assert entry(site, "telegram")["status"] == "pending"
    again = run_kpu("publish", cwd=site, env=world.env())
    assert again.code == 1
    assert f"{SLUG} -> telegram: PERLU KEPUTUSAN" in again.out
    assert "kpu publish --resolve SLUG KANAL posted URL" in again.out
    assert len(world.telegram.live) == 1
    url = f"https://t.me/kpubangkabarat/{world.telegram.live[0].id}"
    resolved = run_kpu("publish", "--resolve", SLUG, "telegram", "posted", url, cwd=site)
    assert resolved.code == 0, resolved.out + resolved.err
    assert resolved.out.strip() == f"Tercatat: {SLUG} di telegram sekarang posted."
    assert entry(site, "telegram")["remote_id"] == str(world.telegram.live[0].id)
    final = run_kpu("publish", cwd=site, env=world.env())
    assert final.code == 0, final.out
    assert world.counts() == dict.fromkeys(CHANNELS, 1)


@pytest.mark.parametrize("channel", ["x", "facebook", "instagram", "mastodon"])
def test_a_crash_between_the_post_and_the_ledger_write_never_posts_twice(
    site: Path, world: World, channel: str
) -> None:
    # Only this network is real: the kill must not catch another one in the middle of its call.
    alone = world.env_only(channel)
    crashed = run_kpu(
        "publish", cwd=site, env={**alone, "KPU_TEST_KILL_AT": f"after-call:{channel}"}
    )
    assert crashed.code == -9
    assert world.counts()[channel] == 1
    assert entry(site, channel)["status"] == "pending"
    again = run_kpu("publish", cwd=site, env=alone)
    assert again.code == 0, again.out + again.err
    assert world.counts() == {**dict.fromkeys(CHANNELS, 0), channel: 1}
    assert entry(site, channel)["status"] == "posted"
    assert f"{SLUG} -> {channel}: terkirim" in again.out
    assert "ditemukan sudah terkirim pada proses sebelumnya" in again.out


def test_two_runs_at_once_post_everything_exactly_once(site: Path, world: World) -> None:
    env = {k: v for k, v in os.environ.items() if not _SECRET.search(k)}
    env.update(world.env())
    command = [sys.executable, "-m", "pipeline", "publish"]
    runs = [
        subprocess.Popen(
            command, cwd=site, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert world.counts() == dict.fromkeys(CHANNELS, 1)
    assert len(world.x.calls("POST /2/tweets")) == 1
    assert all(entry(site, c)["status"] == "posted" for c in CHANNELS)


def test_publish_refuses_to_post_when_a_publication_is_invalid(site: Path, world: World) -> None:
    path = site / POST
    path.write_text(
        path.read_text(encoding="utf-8").replace("status: ready", "status: terbit"),
        encoding="utf-8",
    )
    result = run_kpu("publish", cwd=site, env=world.env())
    assert result.code == 1
    assert 'Kolom "status" harus salah satu dari' in result.err
    assert all(api.requests == [] for api in world.apis)


def test_the_cli_is_registered() -> None:
    result = run_kpu("--help", cwd=ROOT)
    assert "publish" in result.out and "retract" in result.out


def test_outbox_only_writes_every_post_locally_and_records_nothing(
    site: Path, world: World
) -> None:
    result = run_kpu("publish", "--outbox-only", cwd=site, env=world.env())
    assert result.code == 0, result.out + result.err
    assert all(api.requests == [] for api in world.apis)
    assert not (site / "data" / "ledger.json").exists()
    for channel in CHANNELS:
        assert (site / "outbox" / channel / SLUG / "post.txt").read_text(encoding="utf-8") == TEXT
    assert f"{SLUG} -> x: outbox outbox/x/{SLUG}/\n" in result.out
    assert "Hanya outbox (--outbox-only): tidak ada yang dikirim ke media sosial" in result.out


def test_the_readme_first_command_runs_on_a_fresh_machine(repo: Path) -> None:
    for command in (["check"], ["build"], ["publish", "--outbox-only"]):
        result = run_kpu(*command, cwd=repo)
        assert result.code == 0, (command, result.out, result.err)
    posts = list((repo / "content" / "posts").rglob("*.md"))
    assert len(list((repo / "outbox").glob("*/*/post.json"))) == len(posts) * len(CHANNELS)
    assert len(list((repo / "site" / "social").glob("*/square.jpg"))) == len(posts)
