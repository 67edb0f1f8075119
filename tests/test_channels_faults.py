"""Faults on the wire: rate limits, server errors, timeouts and broken answers, per network.

The publisher runs in-process here (fast), still through the real client libraries and local
servers; the ledger is real.
"""

from __future__ import annotations

import time
from pathlib import Path

from pipeline.check.validate import load_context, validate
from pipeline.publish.social import Report, RetryPolicy, configured_channels, publish
from pipeline.records.ledger import Ledger
from tests.servers.base import Fault
from tests.servers.world import POST, World, entry

CHANNELS = ("x", "facebook", "instagram", "telegram", "mastodon")
POLICY = RetryPolicy(attempts=3, backoff=0.01, max_wait=5)


def run(site: Path, world: World, *, timeout: str = "2", **env: str) -> Report:
    environ = {**world.env(), "KPU_HTTP_TIMEOUT": timeout, **env}
    ctx = load_context(site)
    publications = validate(ctx, [site / POST]).publications
    channels = configured_channels(ctx, CHANNELS, environ)
    return publish(
        ctx, publications, channels, ledger=Ledger.of(site), environ=environ, policy=POLICY
    )


def outcome(report: Report, channel: str) -> tuple[str, str]:
    found = next(o for o in report.outcomes if o.channel == channel)
    return found.status, found.detail


def test_x_rate_limit_waits_until_the_reset_header(site: Path, world: World) -> None:
    reset = str(int(time.time()) + 2)
    world.x.fail(
        "POST /2/tweets", Fault(429, {"title": "Too Many Requests"}, {"x-rate-limit-reset": reset})
    )
    started = time.monotonic()
    report = run(site, world)
    assert time.monotonic() - started >= 1.0
    assert outcome(report, "x") == ("posted", "")
    assert len(world.x.calls("POST /2/tweets")) == 2
    assert len(world.x.live) == 1


def test_telegram_rate_limit_waits_for_retry_after_in_the_body(site: Path, world: World) -> None:
    body = {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 1",
        "parameters": {"retry_after": 1},
    }
    world.telegram.fail("POST /bot*/sendPhoto", Fault(429, body))
    started = time.monotonic()
    report = run(site, world)
    assert time.monotonic() - started >= 1.0
    assert outcome(report, "telegram") == ("posted", "")
    assert len(world.telegram.live) == 1


def test_facebook_throttling_reported_in_the_body_honours_retry_after(
    site: Path, world: World
) -> None:
    body = {"error": {"message": "Application request limit reached", "code": 4}}
    world.graph.fail("POST /v21.0/*/photos", Fault(400, body, {"Retry-After": "1"}))
    report = run(site, world)
    assert outcome(report, "facebook") == ("posted", "")
    assert len(world.graph.calls("POST /v21.0/*/photos")) == 2


def test_mastodon_rate_limit_waits_for_its_reset_header(site: Path, world: World) -> None:
    reset = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(time.time() + 1.5))
    world.mastodon.fail(
        "POST /api/v1/statuses",
        Fault(
            429,
            {"error": "Too many requests"},
            {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": reset},
        ),
    )
    started = time.monotonic()
    report = run(site, world)
    assert time.monotonic() - started >= 0.5
    assert outcome(report, "mastodon") == ("posted", "")
    assert len(world.mastodon.live) == 1


def test_a_rate_limit_longer_than_the_bound_fails_now_for_the_next_run(
    site: Path, world: World
) -> None:
    reset = str(int(time.time()) + 3600)
    world.x.fail(
        "POST /2/tweets", Fault(429, {"title": "Too Many Requests"}, {"x-rate-limit-reset": reset})
    )
    started = time.monotonic()
    report = run(site, world)
    assert time.monotonic() - started < 5
    status, detail = outcome(report, "x")
    assert status == "failed"
    assert detail.startswith("batas jumlah kiriman tercapai (HTTP 429")
    assert "baru bisa lagi dalam 60 menit" in detail
    assert entry(site, "x")["status"] == "failed"


def test_server_error_then_success_is_retried(site: Path, world: World) -> None:
    world.graph.fail(
        "POST /v21.0/*/photos", Fault(500, {"error": {"message": "Internal", "code": 1}})
    )
    world.telegram.fail(
        "POST /bot*/sendPhoto",
        Fault(502, {"ok": False, "error_code": 502, "description": "Bad Gateway"}),
    )
    world.x.fail("POST /2/tweets", Fault(503, {"title": "Service Unavailable"}))
    world.mastodon.fail("POST /api/v1/statuses", Fault(500, {"error": "oops"}))
    report = run(site, world)
    assert {o.channel: o.status for o in report.outcomes} == dict.fromkeys(CHANNELS, "posted")
    assert world.counts() == dict.fromkeys(CHANNELS, 1)


def test_a_server_that_keeps_failing_gives_up_after_the_attempts(site: Path, world: World) -> None:
    world.graph.fail(
        "POST /v21.0/*/photos", *[Fault(500, {"error": {"message": "Down", "code": 2}})] * 3
    )
    report = run(site, world)
    assert outcome(report, "facebook") == (
        "failed",
        "gagal setelah 3 kali mencoba: HTTP 500 Down (kode 2)",
    )
    assert (
        entry(site, "facebook")["error"] == "gagal setelah 3 kali mencoba: HTTP 500 Down (kode 2)"
    )
    assert world.counts()["x"] == 1


def test_x_timeout_after_the_tweet_was_made_is_found_not_posted_again(
    site: Path, world: World
) -> None:
    world.x.fail("POST /2/tweets", Fault(delay=2.5))
    report = run(site, world, timeout="1")
    assert outcome(report, "x") == ("posted", "")
    assert len(world.x.calls("POST /2/tweets")) == 1
    assert len(world.x.live) == 1
    assert entry(site, "x")["remote_id"] == world.x.live[0].id


def test_a_gateway_error_after_the_tweet_was_made_is_found_not_posted_again(
    site: Path, world: World
) -> None:
    world.x.fail("POST /2/tweets", Fault(502, {"title": "Bad Gateway"}, acted=True))
    report = run(site, world)
    assert outcome(report, "x") == ("posted", "")
    assert len(world.x.calls("POST /2/tweets")) == 1
    assert len(world.x.live) == 1


def test_a_failed_look_up_after_a_timeout_leaves_the_post_pending(site: Path, world: World) -> None:
    world.x.fail("POST /2/tweets", Fault(delay=2.5))
    # The look-up before the post answers; the one after the timeout does not.
    world.x.fail("GET /2/users/me", Fault(), Fault(500, {"title": "Internal"}))
    report = run(site, world, timeout="1")
    status, detail = outcome(report, "x")
    assert status == "unresolved"
    assert "pemeriksaan apakah kiriman sudah ada juga gagal: HTTP 500" in detail
    assert entry(site, "x")["status"] == "pending"
    assert len(world.x.live) == 1


def test_malformed_json_after_instagram_published_is_found_not_published_again(
    site: Path, world: World
) -> None:
    world.graph.fail("POST /v21.0/*/media_publish", Fault(malformed=True))
    report = run(site, world)
    assert outcome(report, "instagram") == ("posted", "")
    assert len(world.graph.ig_media) == 1
    assert entry(site, "instagram")["remote_id"] == world.graph.ig_media[0].id


def test_malformed_json_after_a_facebook_post_is_found_not_posted_again(
    site: Path, world: World
) -> None:
    world.graph.fail("POST /v21.0/*/photos", Fault(malformed=True))
    report = run(site, world)
    assert outcome(report, "facebook") == ("posted", "")
    assert len(world.graph.fb_posts) == 1


def test_telegram_timeout_leaves_the_post_for_a_person(site: Path, world: World) -> None:
    world.telegram.fail("POST /bot*/sendPhoto", Fault(delay=2.5))
    report = run(site, world, timeout="1")
    status, detail = outcome(report, "telegram")
    assert status == "unresolved"
    assert detail.startswith(
        "hasil kiriman tidak diketahui (waktu tunggu habis setelah permintaan terkirim"
    )
    assert len(world.telegram.calls("POST /bot*/sendPhoto")) == 1
    assert entry(site, "telegram")["status"] == "pending"
    assert {
        o.channel: o.status for o in report.outcomes if o.channel != "telegram"
    } == dict.fromkeys(("x", "facebook", "instagram", "mastodon"), "posted")


def test_mastodon_timeout_is_sent_again_with_the_same_idempotency_key(
    site: Path, world: World
) -> None:
    world.mastodon.fail("POST /api/v1/statuses", Fault(delay=2.5))
    report = run(site, world, timeout="1")
    assert outcome(report, "mastodon") == ("posted", "")
    calls = world.mastodon.calls("POST /api/v1/statuses")
    assert len(calls) == 2
    assert {c.header("Idempotency-Key") for c in calls} == {
        f"kpu-{entry(site, 'mastodon')['key'][4:]}"
    }
    assert len(world.mastodon.live) == 1


def test_connection_refused_is_retried_then_reported(site: Path, world: World) -> None:
    report = run(site, world, TELEGRAM_API_BASE="http://127.0.0.1:9")
    status, detail = outcome(report, "telegram")
    assert status == "failed"
    assert detail.startswith("gagal setelah 3 kali mencoba: tidak tersambung")
    assert "/bot***/sendPhoto" in detail
