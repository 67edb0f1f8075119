"""Each network on its own: one that is down, slow, failing, throttling or answering nonsense
costs only its own posts (marked with the reason); every other network is posted, and the run
says something failed. The real client libraries run against the local servers, in-process."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.check.validate import load_context, validate
from pipeline.publish.social import Options, Report, RetryPolicy, configured_channels, publish
from pipeline.records.ledger import Ledger
from tests.servers.base import FakeApi, Fault
from tests.servers.graph import IG_USER, PAGE_ID
from tests.servers.world import POST, World, entry

NETWORKS = ("x", "facebook", "instagram", "telegram", "mastodon")
POLICY = RetryPolicy(attempts=2, backoff=0.01, max_wait=5)
HTML = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
DOWN = "http://127.0.0.1:9"  # nothing listens there
BASE_VARIABLE = {
    "x": "X_API_BASE",
    "facebook": "FACEBOOK_API_BASE",
    "instagram": "INSTAGRAM_API_BASE",
    "telegram": "TELEGRAM_API_BASE",
    "mastodon": "MASTODON_BASE_URL",
}


def server(world: World, network: str) -> tuple[FakeApi, str]:
    """The fake that serves `network`, and the path prefix of that network's requests."""
    return {
        "x": (world.x, "/"),
        "facebook": (world.graph, f"/v21.0/{PAGE_ID}"),
        "instagram": (world.graph, f"/v21.0/{IG_USER}"),
        "telegram": (world.telegram, "/bot"),
        "mastodon": (world.mastodon, "/api"),
    }[network]


def throttle_once(world: World, network: str) -> None:
    """A 429 (or the Graph API's throttling code) with a reset one second away, then normal."""
    reset = str(int(time.time()) + 1)
    routes = {
        "x": ("POST /2/tweets", Fault(429, {"title": "Too Many Requests"}, {"x-rate-limit-reset": reset})),
        "facebook": ("POST /v21.0/*/photos", Fault(400, {"error": {"message": "limit", "code": 4}}, {"Retry-After": "1"})),
        "instagram": ("POST /v21.0/*/media_publish", Fault(429, {"error": {"message": "limit", "code": 4}}, {"Retry-After": "1"})),
        "telegram": ("POST /bot*/sendPhoto", Fault(429, {"ok": False, "error_code": 429, "description": "Too Many Requests: retry after 1", "parameters": {"retry_after": 1}})),
        "mastodon": ("POST /api/v1/statuses", Fault(429, {"error": "Too many requests"}, {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(time.time() + 2))})),
    }  # fmt: skip
    api, _ = server(world, network)
    route, fault = routes[network]
    api.fail(route, fault)


def sicken(world: World, network: str, fault: Fault) -> dict[str, str]:
    api, prefix = server(world, network)
    api.sick[prefix] = fault
    return {}


SICKNESS: dict[str, Callable[[World, str], dict[str, str]]] = {
    "down": lambda world, network: {BASE_VARIABLE[network]: DOWN},
    "slow": lambda world, network: sicken(world, network, Fault(delay=4)),
    "500": lambda world, network: sicken(world, network, Fault(500, {"error": "Internal"})),
    "malformed-200": lambda world, network: sicken(world, network, Fault(200, [])),
    "html-error-page": lambda world, network: sicken(
        world, network, Fault(502, headers={"Content-Type": "text/html"}, raw=HTML)
    ),
}


def run(site: Path, world: World, extra: dict[str, str], deadline: float = 60.0) -> Report:
    environ = {**world.env(), "KPU_HTTP_TIMEOUT": "1", **extra}
    ctx = load_context(site)
    publications = validate(ctx, [site / POST]).publications
    channels = configured_channels(ctx, NETWORKS, environ)
    return publish(
        ctx,
        publications,
        channels,
        ledger=Ledger.of(site),
        environ=environ,
        policy=POLICY,
        options=Options(deadline=deadline),
    )


def statuses(report: Report) -> dict[str, str]:
    return {o.channel: o.status for o in report.outcomes}


@pytest.mark.parametrize("network", NETWORKS)
@pytest.mark.parametrize("sickness", SICKNESS)
def test_a_sick_network_costs_only_its_own_post(
    site: Path, world: World, network: str, sickness: str
) -> None:
    extra = SICKNESS[sickness](world, network)
    started = time.monotonic()
    report = run(site, world, extra, deadline=6.0)
    took = time.monotonic() - started
    got = statuses(report)
    assert got == {**dict.fromkeys(NETWORKS, "posted"), network: got[network]}
    assert got[network] in ("failed", "unresolved"), report.outcomes
    sick = next(o for o in report.outcomes if o.channel == network)
    assert sick.detail and "Traceback" not in sick.detail
    assert report.problems == [sick]  # `kpu publish` exits 1
    counts = world.counts()
    assert counts == {**dict.fromkeys(NETWORKS, 1), network: counts[network]}
    assert counts[network] <= 1
    recorded = entry(site, network)["status"] if network in _channels(site) else "none"
    assert recorded in ("failed", "pending", "none")
    assert took < 20, took  # a hanging network is bounded by timeouts and the deadline


def _channels(site: Path) -> dict:
    from tests.servers.world import ledger

    return ledger(site)["publications"]["uu-7-2017-pemilihan-umum"]["channels"]  # type: ignore[no-any-return]


@pytest.mark.parametrize("network", NETWORKS)
def test_a_429_with_a_reset_waits_and_then_posts(site: Path, world: World, network: str) -> None:
    throttle_once(world, network)
    started = time.monotonic()
    report = run(site, world, {})
    assert time.monotonic() - started >= 0.5
    assert statuses(report) == dict.fromkeys(NETWORKS, "posted")
    assert world.counts() == dict.fromkeys(NETWORKS, 1)


def test_a_network_that_never_answers_is_cut_off_by_the_channel_deadline(
    site: Path, world: World
) -> None:
    world.mastodon.sick["/api/v1/statuses"] = Fault(delay=30)
    started = time.monotonic()
    report = run(site, world, {"KPU_HTTP_TIMEOUT": "25"}, deadline=2.0)
    assert time.monotonic() - started < 10
    got = statuses(report)
    assert got == {**dict.fromkeys(NETWORKS, "posted"), "mastodon": "unresolved"}
    detail = next(o.detail for o in report.outcomes if o.channel == "mastodon")
    assert "tidak menjawab dalam batas waktu" in detail
    assert entry(site, "mastodon")["status"] == "pending"  # the next run looks it up
