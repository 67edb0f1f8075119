"""Exactly once on every network, whatever dies: the merge flow killed at every step boundary and
around every network call, then the next job from origin in a fresh clone.

What is asserted is what the public sees: on each network, one post per promoted publication.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, VALID_DRAFT, run_kpu
from tests.fake_github import FakeGitHub, running
from tests.fault_driver import copy_of, run_job
from tests.merge_flow import Scenario, git
from tests.servers.world import World, only_one_publication

NETWORKS = ("x", "facebook", "instagram", "telegram", "mastodon")
DRAFT = "drafts/2026-10-05-mengenal-uu-pemilu.md"


@pytest.fixture
def github() -> Iterator[FakeGitHub]:
    with running() as state:
        yield state


def _flow(tmp: Path, base: Path, github: FakeGitHub) -> Scenario:
    flow = Scenario(tmp, base, github)
    flow.merge_pr(12, {DRAFT: VALID_DRAFT})
    for login in ("sekretaris-kpubabar", "hukum-kpubabar", "ketua-kpubabar"):  # kpu.yml approvals
        github.review(12, login, "APPROVED")
    return flow


@pytest.fixture
def flow(tmp_path: Path, repo: Path, github: FakeGitHub) -> Scenario:
    """origin with the sample site and one approved merged draft, not yet promoted."""
    return _flow(tmp_path, repo, github)


def origin_ledger(flow: Scenario) -> dict:
    return json.loads(flow.origin_text("data/ledger.json"))


def journal(flow: Scenario) -> dict:
    """The ledger's copy on origin's kpu-ledger branch (empty when no job has written it)."""
    if "kpu-ledger" not in git("branch", "--list", "kpu-ledger", cwd=flow.origin):
        return {"publications": {}}
    return json.loads(git("show", "kpu-ledger:ledger.json", cwd=flow.origin))


def posts_per_publication(world: World, network: str, urls: dict[str, str]) -> Counter[str]:
    """How many live posts on `network` carry each publication's page URL."""
    texts = {
        "x": [t.text for t in world.x.live],
        "facebook": [p.text for p in world.graph.live(world.graph.fb_posts)],
        "instagram": [m.text for m in world.graph.live(world.graph.ig_media)],
        "telegram": [m.caption for m in world.telegram.live],
        "mastodon": [s.text for s in world.mastodon.live],
    }[network]
    return Counter(slug for slug, url in urls.items() for text in texts if url in text)


def test_one_job_posts_every_promoted_publication_once_and_journal_and_ledger_agree(
    flow: Scenario, world: World
) -> None:
    _, job = run_job(flow, world, NETWORKS)
    assert not job.failed, [(s.command, s.out, s.err) for s in job.steps if s.code]
    ledger = origin_ledger(flow)
    urls = {slug: page["url"] for slug, page in ledger["publications"].items()}
    assert len(urls) == 6
    for network in NETWORKS:
        assert posts_per_publication(world, network, urls) == dict.fromkeys(urls, 1), network
    assert journal(flow) == ledger


# --- the kill-point matrix -----------------------------------------------------------------------
FAST = ("kpu report", "kpu build")  # neither is read by publish or record; the job above runs them
LOOKUP = ("x", "facebook", "instagram", "mastodon")
MATRIX = [
    # (kill point, networks with credentials in that job; the others go to the outbox)
    ("step:kpu promote", NETWORKS),
    *[(f"{when}:{n}", LOOKUP) for n in LOOKUP for when in ("before-call", "after-call")],
    ("before-call:telegram", ("telegram",)),
    ("after-call:telegram", ("telegram",)),
    ("journal-pushed:3", LOOKUP),
    ("journal-committed:3", ("telegram",)),
    ("journal-pushed:3", ("telegram",)),
    ("step:kpu publish", NETWORKS),
    ("record-committed", NETWORKS),
    ("record-pushed", NETWORKS),
]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scenario]:
    """One published post and a draft promoted by a job that then stopped: two to post. Made
    once; each test starts from a copy of its origin. (The build is not run, so the sample site
    may lose the posts its pages link to.)"""
    tmp = tmp_path_factory.mktemp("promoted")
    base = tmp / "repo"
    base.mkdir()
    for name in ("kpu.yml", "mkdocs.yml"):
        shutil.copy(ROOT / name, base / name)
    for name in ("data", "content"):
        shutil.copytree(ROOT / name, base / name)
    (base / "drafts").mkdir()
    only_one_publication(base)
    with running() as github:
        flow = _flow(tmp, base, github)
        _, job = run_job(flow, None, (), after_step="kpu promote", skip=FAST)
        assert job.step("kpu promote").code == 0, job.step("kpu promote").out
        yield flow


@pytest.fixture
def promoted(template: Scenario, tmp_path: Path) -> Scenario:
    return copy_of(template, tmp_path)


def person_resolves(flow: Scenario, world: World, urls: dict[str, str]) -> list[str]:
    """What staff do with each Telegram post left for a person: look at the channel, decide."""
    decided = []
    pending = [
        slug
        for slug, page in journal(flow)["publications"].items()
        if page["channels"].get("telegram", {}).get("status") == "pending"
    ]
    clone = flow.clone("staff-resolve")
    for slug in pending:
        there = [m for m in world.telegram.live if urls[slug] in m.caption]
        decision = ["posted", f"https://t.me/kpubangkabarat/{there[0].id}"] if there else ["failed"]
        done = run_kpu("publish", "--resolve", slug, "telegram", *decision, cwd=clone)
        assert done.code == 0, done.out + done.err
        decided.append(f"{slug}:{decision[0]}")
    return decided


@pytest.mark.parametrize(("point", "networks"), MATRIX, ids=[f"{p}-{len(n)}" for p, n in MATRIX])
def test_a_job_killed_anywhere_never_posts_twice_and_loses_nothing(
    promoted: Scenario, world: World, point: str, networks: tuple[str, ...]
) -> None:
    flow = promoted
    if point.startswith("step:"):
        _, killed = run_job(flow, world, networks, after_step=point[5:], skip=FAST)
    else:
        _, killed = run_job(flow, world, networks, kill_at=point, skip=FAST)
        assert "killed" in [s.skipped for s in killed.steps], [s.err for s in killed.steps]
    urls = {s: p["url"] for s, p in journal(flow)["publications"].items()}
    assert len(urls) == 2 or point == "step:kpu promote"
    after_kill = {n: dict(posts_per_publication(world, n, urls)) for n in networks}
    assert all(c <= 1 for n in networks for c in after_kill[n].values()), after_kill
    _, again = run_job(flow, world, networks, skip=FAST)
    urls = {s: p["url"] for s, p in origin_ledger(flow)["publications"].items()}
    assert len(urls) == 2
    decided = person_resolves(flow, world, urls) if "telegram" in networks else []
    if decided:
        assert again.step("kpu publish").code == 1  # it said a person must decide
        _, again = run_job(flow, world, networks, skip=FAST)
    assert not again.failed, [(s.command, s.out, s.err) for s in again.steps if s.code]
    counts = {n: dict(posts_per_publication(world, n, urls)) for n in networks}
    print(f"KILL-MATRIX {point} killed={after_kill} final={counts} resolved={decided}")
    assert counts == {n: dict.fromkeys(urls, 1) for n in networks}
    assert journal(flow) == origin_ledger(flow)
