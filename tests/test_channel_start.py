"""A channel starts "from now on", outbox fall-backs are kept, and quotas and costs are respected:
turning a network on never floods it with the archive, and nothing is dropped."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from pipeline.core.config import load_config
from pipeline.core.errors import ConfigError
from pipeline.core.timeutil import WIB
from pipeline.publish.quotas import Quota, x_post_cost
from pipeline.records.ledger import Book
from tests.conftest import run_kpu
from tests.servers.world import World

SLUGS = 5  # the sample site's publications
ENABLED = "enabled: [x, facebook, instagram, telegram, mastodon]"


def _ledger(repo: Path) -> dict:
    return json.loads((repo / "data" / "ledger.json").read_text(encoding="utf-8"))


def _statuses(repo: Path, channel: str) -> list[str]:
    pages = _ledger(repo)["publications"].values()
    return sorted(p["channels"][channel]["status"] for p in pages if channel in p["channels"])


def _kpu_yml(repo: Path, old: str, new: str) -> None:
    path = repo / "kpu.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_turning_a_channel_on_posts_only_what_comes_after_unless_backfilled(
    repo: Path, world: World
) -> None:
    _kpu_yml(repo, ENABLED, "enabled: [x, facebook, instagram, mastodon]")
    first = run_kpu("publish", cwd=repo, env=world.env())
    assert first.code == 0, first.out + first.err
    assert world.counts()["x"] == SLUGS and world.counts()["telegram"] == 0
    _kpu_yml(repo, "enabled: [x, facebook, instagram, mastodon]", ENABLED)
    second = run_kpu("publish", cwd=repo, env=world.env())
    assert second.code == 0, second.out + second.err
    assert world.counts() == {**world.counts(), "telegram": 0}
    today = dt.datetime.now(WIB).date().isoformat()
    assert (
        f"uu-7-2017-pemilihan-umum -> telegram: sudah terkirim sebelumnya (terbit sebelum kanal "
        f"ini dipakai (sejak {today}); tidak dikirim. Untuk mengirim publikasi lama juga: kpu "
        "publish --backfill telegram [--since TTTT-BB-HH])"
    ) in second.out
    assert _ledger(repo)["channels"]["telegram"]["since"].startswith(today)
    doctor = run_kpu("doctor", cwd=repo, env=world.env())
    assert f"Kanal Telegram dipakai sejak {today}: publikasi yang lebih lama tidak dikirim" in (
        doctor.out
    )
    some = run_kpu(
        "publish", "--backfill", "telegram", "--since", "2026-10-12", cwd=repo, env=world.env()
    )
    assert some.code == 0, some.out + some.err
    assert world.counts()["telegram"] == 3  # dated 12, 15 and 19 October
    rest = run_kpu("publish", "--backfill", "telegram", cwd=repo, env=world.env())
    assert rest.code == 0, rest.out + rest.err
    assert world.counts() == dict.fromkeys(world.counts(), SLUGS)
    assert _statuses(repo, "telegram") == ["posted"] * SLUGS


def test_a_new_publication_after_the_start_is_posted_to_the_new_channel(
    repo: Path, world: World
) -> None:
    _kpu_yml(repo, ENABLED, "enabled: [x]")
    assert run_kpu("publish", cwd=repo, env=world.env()).code == 0
    _kpu_yml(repo, "enabled: [x]", "enabled: [x, telegram]")
    assert run_kpu("publish", cwd=repo, env=world.env()).code == 0
    assert world.counts()["telegram"] == 0
    source = repo / "content" / "posts" / "2026" / "uu-7-2017-pemilihan-umum.md"
    text = source.read_text(encoding="utf-8").replace(
        "date: 2026-10-08T09:00:00+07:00", "date: 2026-10-20T09:00:00+07:00"
    )
    (source.parent / "uu-7-2017-ringkasan.md").write_text(text, encoding="utf-8")
    third = run_kpu("publish", cwd=repo, env=world.env())
    assert third.code == 0, third.out + third.err
    assert [m.caption.count("uu-7-2017-ringkasan") for m in world.telegram.live] == [1]
    assert world.counts()["x"] == SLUGS + 1


def test_posts_left_in_the_outbox_stay_there_when_credentials_arrive(
    repo: Path, world: World
) -> None:
    without = {k: v for k, v in world.env().items() if not k.startswith("TELEGRAM")}
    assert run_kpu("publish", cwd=repo, env=without).code == 0
    assert _statuses(repo, "telegram") == ["outbox"] * SLUGS
    assert len(list((repo / "outbox" / "telegram").glob("*/post.json"))) == SLUGS
    later = run_kpu("publish", cwd=repo, env=world.env())
    assert later.code == 0, later.out + later.err
    assert world.counts()["telegram"] == 0
    assert (
        "dulu disimpan di outbox (kredensial belum ada), tidak dikirim otomatis; kirim dengan kpu publish --backfill telegram"
        in later.out
    )
    doctor = run_kpu("doctor", cwd=repo, env=world.env())
    assert f"Kanal Telegram: {SLUGS} kiriman dulu disimpan di outbox" in doctor.out
    asked = run_kpu("publish", "--backfill", "telegram", cwd=repo, env=world.env())
    assert asked.code == 0, asked.out + asked.err
    assert world.counts()["telegram"] == SLUGS
    assert _statuses(repo, "telegram") == ["posted"] * SLUGS


def test_the_x_monthly_cap_defers_posts_to_next_month_and_drops_none(
    repo: Path, world: World
) -> None:
    _kpu_yml(repo, ENABLED, "enabled: [x]\n  x_monthly_cap: 2")
    result = run_kpu("publish", cwd=repo, env=world.env())
    assert result.code == 0, result.out + result.err
    assert world.counts()["x"] == 2
    assert result.out.count("x: ditunda (batas kiriman X bulan ini") == SLUGS - 2
    assert f"{SLUGS - 2} kiriman ditunda karena batas kanal" in result.out
    again = run_kpu("publish", cwd=repo, env=world.env())
    assert again.code == 0 and world.counts()["x"] == 2
    _kpu_yml(repo, "x_monthly_cap: 2", "x_monthly_cap: 10")
    assert run_kpu("publish", cwd=repo, env=world.env()).code == 0
    assert world.counts()["x"] == SLUGS


def test_a_negative_x_cap_is_a_configuration_error(repo: Path) -> None:
    _kpu_yml(repo, ENABLED, f"{ENABLED}\n  x_monthly_cap: -1")
    with pytest.raises(ConfigError) as caught:
        load_config(repo)
    assert "x_monthly_cap" in str([p.format_text() for p in caught.value.problems])


def _posted(book: Book, channel: str, count: int, when: dt.datetime) -> None:
    for i in range(count):
        book.page(f"p{i}", "T", f"content/posts/p{i}.md", f"https://k.example/p{i}/")
        book.mark(f"p{i}", channel, "posted").time = when.isoformat(timespec="seconds")


def test_instagram_allows_50_posts_a_day_then_defers() -> None:
    now = dt.datetime(2026, 10, 20, 12, tzinfo=WIB)
    book = Book()
    _posted(book, "instagram", 50, now - dt.timedelta(hours=3))
    assert Quota("instagram", book, clock=now.timestamp).wait_before() is None
    tomorrow = (now + dt.timedelta(hours=22)).timestamp
    assert Quota("instagram", book, clock=tomorrow).wait_before() == 0.0


def test_telegram_waits_for_room_after_20_messages_a_minute() -> None:
    now = dt.datetime(2026, 10, 20, 12, tzinfo=WIB).timestamp()
    quota = Quota("telegram", Book(), clock=lambda: now)
    for _ in range(20):
        assert quota.wait_before() == 0.0
        quota.used()
    assert quota.wait_before() == pytest.approx(60.0)


def test_an_x_post_costs_twenty_cents_with_the_page_url_and_one_and_a_half_without() -> None:
    assert x_post_cost("Baca https://kab-bangkabarat.kpu.go.id/publikasi/2026/a/") == 0.20
    assert x_post_cost("Tanpa tautan") == 0.015
