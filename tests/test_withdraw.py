"""Withdrawal is a reviewed change carried out by CI: `kpu retract` prepares the pull request,
publish.yml deletes every social post once it is approved and merged (exactly once, whatever
dies), an unapproved withdrawal deletes nothing, and the Ketua's urgent takedown is logged.

Real parts: a bare origin and real merges (tests/merge_flow.py), publish.yml's and withdraw.yml's
own `run:` steps, the local GitHub REST server and the local X/Graph/Telegram/Mastodon servers
with the real client libraries (tweepy, Mastodon.py, requests).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import run_kpu
from tests.fake_github import FakeGitHub, running
from tests.fault_driver import run_job
from tests.merge_flow import Scenario, git
from tests.servers.base import Fault
from tests.servers.world import POST, SLUG, World, only_one_publication
from tests.servers.x import Tweet
from tests.workflow_harness import Runner

NETWORKS = ("x", "facebook", "instagram", "telegram", "mastodon")
SKIP = ("kpu report", "kpu build")  # publish reads neither
REASON = "Terdapat kekeliruan nomor pasal."
APPROVERS = ("sekretaris-kpubabar", "hukum-kpubabar", "ketua-kpubabar")
DELETES = {
    "x": "DELETE /2/tweets/*",
    "telegram": "POST /bot*/deleteMessage",
    "mastodon": "DELETE /api/v1/statuses/*",
}


@pytest.fixture
def github() -> Iterator[FakeGitHub]:
    with running() as state:
        yield state


@pytest.fixture
def published(tmp_path: Path, repo: Path, github: FakeGitHub, world: World) -> Scenario:
    """origin with one publication, posted on every network by a publish.yml job."""
    only_one_publication(repo)
    flow = Scenario(tmp_path, repo, github)
    _, job = run_job(flow, world, NETWORKS, skip=SKIP)
    assert not job.failed, [(s.command, s.out, s.err) for s in job.steps if s.code]
    assert world.counts() == dict.fromkeys(NETWORKS, 1)
    return flow


def origin_ledger(flow: Scenario) -> dict:
    return json.loads(flow.origin_text("data/ledger.json"))


def journal(flow: Scenario) -> dict:
    return json.loads(git("show", "kpu-ledger:ledger.json", cwd=flow.origin))


def statuses(book: dict) -> dict[str, str]:
    channels = book["publications"][SLUG]["channels"]
    return {name: channels[name]["status"] for name in NETWORKS}


def github_env(flow: Scenario) -> dict[str, str]:
    return {
        "GITHUB_TOKEN": "fake",
        "GITHUB_API_URL": flow.github.url,
        "GITHUB_REPOSITORY": flow.github.repository,
    }


def retract_pr(flow: Scenario, reviewers: tuple[str, ...] = APPROVERS) -> int:
    """Staff run `kpu retract` in their clone (no network credentials): the branch is pushed and
    the pull request opened through the GitHub API; then the reviewers approve it."""
    git("pull", "--quiet", "--ff-only", "origin", "main", cwd=flow.staff)
    done = run_kpu("retract", SLUG, "--reason", REASON, cwd=flow.staff, env=github_env(flow))
    assert done.code == 0, done.out + done.err
    number = max(flow.github.pulls)
    assert f"Pull request #{number} dibuka: " in done.out
    branch = f"tarik/{SLUG}"
    head = git("rev-parse", branch, cwd=flow.origin)  # pushed by kpu retract
    git("push", "--quiet", "origin", f"{branch}:refs/pull/{number}/head", cwd=flow.staff)
    pull = flow.github.pulls[number]
    pull["head"]["sha"] = head
    flow.github.commit_pulls[head] = [number]
    for login in reviewers:
        flow.github.review(number, login, "APPROVED")
    return number


def test_an_approved_withdrawal_deletes_every_post_once_and_is_recorded(
    published: Scenario, world: World
) -> None:
    flow = published
    number = retract_pr(flow)
    assert world.counts() == dict.fromkeys(NETWORKS, 1)  # preparing it deleted nothing
    flow.merge(number)
    _, job = run_job(flow, world, NETWORKS, skip=SKIP)
    assert not job.failed, [(s.command, s.out, s.err) for s in job.steps if s.code]
    assert world.counts() == dict.fromkeys(NETWORKS, 0)
    out = job.step("kpu publish").out
    for network in NETWORKS:
        assert f"{SLUG} -> {network}: dihapus (" in out
    ledger = origin_ledger(flow)
    assert statuses(ledger) == dict.fromkeys(NETWORKS, "deleted")
    stamp = ledger["publications"][SLUG]["withdrawn"]
    assert stamp["reason"] == REASON and stamp["pr"] == str(number)
    assert "ketua-kpubabar" in stamp["approved_by"]
    assert journal(flow) == ledger
    assert "withdrawn:" in flow.origin_text(POST)
    calls = {n: len(getattr(world, a).calls(r)) for n, a, r in _delete_routes()}
    _, again = run_job(flow, world, NETWORKS, skip=SKIP)
    assert not again.failed, [(s.command, s.out, s.err) for s in again.steps if s.code]
    assert {n: len(getattr(world, a).calls(r)) for n, a, r in _delete_routes()} == calls
    assert "dihapus" not in again.step("kpu publish").out  # nothing left to do, nothing said
    assert len(world.x.calls("POST /2/tweets")) == 1  # never posted again


def _delete_routes() -> list[tuple[str, str, str]]:
    return [("x", "x", DELETES["x"]), ("telegram", "telegram", DELETES["telegram"]),
            ("mastodon", "mastodon", DELETES["mastodon"])]  # fmt: skip


def test_a_withdrawal_committed_straight_to_main_deletes_nothing(
    published: Scenario, world: World
) -> None:
    flow = published
    git("pull", "--quiet", "--ff-only", "origin", "main", cwd=flow.staff)
    text = (flow.staff / POST).read_text(encoding="utf-8")
    block = f'withdrawn:\n  date: 2026-10-20T10:30:00+07:00\n  reason: "{REASON}"\n'
    head, _, rest = text.partition("\n---\n")
    flow.push_direct({POST: f"{head}\n{block}---\n{rest}"})
    _, job = run_job(flow, world, NETWORKS, skip=SKIP)
    step = job.step("kpu publish")
    assert step.code == 1
    assert (
        f"{POST}: kolom withdrawn ada, tetapi penarikan ini belum disetujui: perubahan terakhir "
        "berkas ini (commit "
    ) in step.out
    assert "tidak masuk lewat pull request yang digabung ke main" in step.out
    assert world.counts() == dict.fromkeys(NETWORKS, 1)
    ledger = origin_ledger(flow)
    assert statuses(ledger) == dict.fromkeys(NETWORKS, "posted")
    assert ledger["publications"][SLUG]["withdrawn"] is None


def test_a_merged_withdrawal_without_every_sign_off_deletes_nothing(
    published: Scenario, world: World
) -> None:
    flow = published
    number = retract_pr(flow, reviewers=("hukum-kpubabar",))
    flow.merge(number)
    _, job = run_job(flow, world, NETWORKS, skip=SKIP)
    step = job.step("kpu publish")
    assert step.code == 1
    assert f"pull request #{number} masih kurang persetujuan: " in step.out
    assert world.counts() == dict.fromkeys(NETWORKS, 1)
    assert statuses(origin_ledger(flow)) == dict.fromkeys(NETWORKS, "posted")


KILLS = [
    # (kill point, network looked at, whether its post was already deleted when the job died)
    ("after-delete:x", "x", True),  # X said "deleted", nothing written yet
    ("after-delete:telegram", "telegram", True),
    ("before-delete:x", "x", False),
    ("journal-pushed:1", "x", False),  # the decision is on origin, nothing deleted yet
    ("journal-committed:2", "x", True),  # every post deleted, origin not yet told
]


@pytest.mark.parametrize(("point", "channel", "deleted"), KILLS, ids=[k[0] for k in KILLS])
def test_a_job_killed_around_a_deletion_finishes_on_the_next_run_without_failing(
    published: Scenario, world: World, point: str, channel: str, deleted: bool
) -> None:
    flow = published
    flow.merge(retract_pr(flow))
    _, killed = run_job(flow, world, NETWORKS, kill_at=point, skip=SKIP)
    assert "killed" in [s.skipped for s in killed.steps], [s.err for s in killed.steps]
    gone_before = world.counts()[channel] == 0
    assert gone_before == deleted
    _, again = run_job(flow, world, NETWORKS, skip=SKIP)
    assert not again.failed, [(s.command, s.out, s.err) for s in again.steps if s.code]
    assert world.counts() == dict.fromkeys(NETWORKS, 0)
    ledger = origin_ledger(flow)
    assert statuses(ledger) == dict.fromkeys(NETWORKS, "deleted")
    assert journal(flow) == ledger
    api = getattr(world, channel)
    calls = api.calls(DELETES[channel])
    # killed after the call: the rerun asks again, the network says "not found", that is done
    assert len(calls) == (2 if gone_before else 1)


def _dispatch(flow: Scenario, world: World, actor: str) -> tuple[Path, object]:
    clone = flow.clone(f"dispatch-{actor}")
    tmp = flow.tmp / f"runner-{clone.name}"
    tmp.mkdir()
    env = world.env()
    extra = {k: v for k, v in env.items() if k.startswith("KPU_") or k.endswith("_API_BASE")}
    runner = Runner(
        clone,
        tmp,
        api_url=flow.github.url,
        repository=flow.github.repository,
        event={"inputs": {"slug": SLUG, "reason": REASON}},
        extra_env={**extra, "GITHUB_ACTOR": actor},
    )
    runner.secrets.update({k: v for k, v in env.items() if k not in extra})
    return clone, runner.run("withdraw.yml", "takedown")


def test_the_ketuas_urgent_takedown_deletes_at_once_and_logs_who(
    published: Scenario, world: World
) -> None:
    flow = published
    _, job = _dispatch(flow, world, "ketua-kpubabar")
    assert not job.failed, [(s.command, s.out, s.err) for s in job.steps if s.code]  # type: ignore[attr-defined]
    assert world.counts() == dict.fromkeys(NETWORKS, 0)
    ledger = origin_ledger(flow)
    assert statuses(ledger) == dict.fromkeys(NETWORKS, "deleted")
    stamp = ledger["publications"][SLUG]["withdrawn"]
    assert stamp["by"] == "ketua-kpubabar" and stamp["via"] == "workflow_dispatch"
    assert stamp["reason"] == REASON
    assert f"Penarikan mendesak {SLUG} oleh @ketua-kpubabar: {REASON}" in flow.origin_subjects()
    assert f'reason: "{REASON}"' in flow.origin_text(POST)
    _, after = run_job(flow, world, NETWORKS, skip=SKIP)  # the publish run that follows
    assert not after.failed, [(s.command, s.out, s.err) for s in after.steps if s.code]
    assert len(world.x.calls(DELETES["x"])) == 1


def test_an_urgent_takedown_by_anyone_else_is_refused_and_changes_nothing(
    published: Scenario, world: World
) -> None:
    flow = published
    before = flow.origin_subjects()
    _, job = _dispatch(flow, world, "desain-kpubabar")
    step = job.step("kpu retract")  # type: ignore[attr-defined]
    assert step.code == 1
    assert "@desain-kpubabar tidak boleh menarik publikasi secara mendesak: hanya pemegang " in (
        step.out + step.err
    )
    assert "@ketua-kpubabar" in step.out + step.err
    assert world.counts() == dict.fromkeys(NETWORKS, 1)
    assert flow.origin_subjects() == before
    assert origin_ledger(flow)["publications"][SLUG]["withdrawn"] is None


def test_retract_prepares_a_branch_and_commit_without_any_credentials(
    published: Scenario, world: World
) -> None:
    flow = published
    git("pull", "--quiet", "--ff-only", "origin", "main", cwd=flow.staff)
    done = run_kpu("retract", SLUG, "--reason", REASON, "--no-push", cwd=flow.staff)
    assert done.code == 0, done.out + done.err
    branch = f"tarik/{SLUG}"
    assert f"Penarikan {SLUG} disiapkan di cabang {branch} (commit " in done.out
    assert f"kirim dengan: git push origin {branch}" in done.out
    assert git("branch", "--show-current", cwd=flow.staff) == "main"
    assert "withdrawn:" not in (flow.staff / POST).read_text(encoding="utf-8")
    text = git("show", f"{branch}:{POST}", cwd=flow.staff)
    assert "withdrawn:\n  date: 20" in text and f'  reason: "{REASON}"\n---\n' in text
    assert git("log", "-1", "--format=%s", branch, cwd=flow.staff) == (
        f"Tarik publikasi {SLUG}: {REASON}"
    )
    assert world.counts() == dict.fromkeys(NETWORKS, 1)
    again = run_kpu("retract", SLUG, "--reason", REASON, "--no-push", cwd=flow.staff)
    assert again.code == 1
    assert f'Cabang "{branch}" sudah ada.' in again.err


def test_a_post_whose_record_was_lost_is_found_and_deleted(
    tmp_path: Path, repo: Path, github: FakeGitHub, world: World
) -> None:
    """A job died right after X answered (the ledger says `pending`); then the publication is
    withdrawn: the post is looked up on X by its page URL and deleted, nothing is posted again."""
    only_one_publication(repo)
    flow = Scenario(tmp_path, repo, github)
    _, killed = run_job(flow, world, ("x",), kill_at="after-call:x", skip=SKIP)
    assert "killed" in [s.skipped for s in killed.steps], [s.err for s in killed.steps]
    assert len(world.x.live) == 1
    assert journal(flow)["publications"][SLUG]["channels"]["x"]["status"] == "pending"
    flow.merge(retract_pr(flow))
    _, job = run_job(flow, world, ("x",), skip=SKIP)
    assert not job.failed, [(s.command, s.out, s.err) for s in job.steps if s.code]
    assert world.x.live == []
    assert f"{SLUG} -> x: dihapus (https://x.com/" in job.step("kpu publish").out
    assert origin_ledger(flow)["publications"][SLUG]["channels"]["x"]["status"] == "deleted"
    assert len(world.x.calls("POST /2/tweets")) == 1


def test_a_withdrawal_is_judged_by_mains_rules_not_the_ones_it_brings(
    published: Scenario, world: World
) -> None:
    """The pull request also lowers the approvals to one sign-off and has just that one: main's
    kpu.yml before the merge decides, so nothing is deleted."""
    flow = published
    number = retract_pr(flow, reviewers=())
    config = (flow.staff / "kpu.yml").read_text(encoding="utf-8")
    start = config.index("\napprovals:")
    end = config.index("\ndistinct_approvers:")
    lowered = "\napprovals:\n  - name: Telaah hukum\n    any_of: [subbag_hukum]"
    flow.push_to_pr(number, {"kpu.yml": config[:start] + lowered + config[end:]})
    flow.github.review(number, "hukum-kpubabar", "APPROVED")
    flow.merge(number)
    _, job = run_job(flow, world, NETWORKS, skip=SKIP)
    step = job.step("kpu publish")
    assert step.code == 1
    assert f"pull request #{number} masih kurang persetujuan: " in step.out
    assert "Persetujuan tata kelola" in step.out
    assert world.counts() == dict.fromkeys(NETWORKS, 1)


def test_a_sick_network_keeps_only_its_own_post_until_the_next_run(
    published: Scenario, world: World
) -> None:
    """X answers 503 to everything; Facebook deletes but answers 502 (the retry gets "does not
    exist", which counts as deleted). Only X's post stays, named; the next run deletes it."""
    flow = published
    flow.merge(retract_pr(flow))
    world.x.sick["/2/"] = Fault(503, {"title": "Service Unavailable", "status": 503})
    world.graph.fail("DELETE /v21.0/*", Fault(502, {"error": {"message": "x"}}, acted=True))
    _, job = run_job(flow, world, NETWORKS, skip=SKIP)
    step = job.step("kpu publish")
    assert step.code == 1
    assert f"{SLUG} -> x: GAGAL dihapus: " in step.out
    assert "1 kiriman publikasi yang ditarik belum terhapus." in step.out
    assert world.counts() == {**dict.fromkeys(NETWORKS, 0), "x": 1}
    ledger = origin_ledger(flow)
    assert statuses(ledger) == {**dict.fromkeys(NETWORKS, "deleted"), "x": "posted"}
    world.x.sick.clear()
    _, again = run_job(flow, world, NETWORKS, skip=SKIP)
    assert not again.failed, [(s.command, s.out, s.err) for s in again.steps if s.code]
    assert world.counts() == dict.fromkeys(NETWORKS, 0)
    assert statuses(origin_ledger(flow)) == dict.fromkeys(NETWORKS, "deleted")


def test_a_post_staff_uploaded_by_hand_from_the_outbox_is_found_and_deleted(
    tmp_path: Path, repo: Path, github: FakeGitHub, world: World
) -> None:
    """X had no credentials, so its post went to the outbox; staff uploaded it by hand. Once X's
    credentials are set, the withdrawal finds that post by its page URL and deletes it."""
    only_one_publication(repo)
    flow = Scenario(tmp_path, repo, github)
    others = tuple(n for n in NETWORKS if n != "x")
    clone, job = run_job(flow, world, others, skip=SKIP)
    assert not job.failed, [(s.command, s.out, s.err) for s in job.steps if s.code]
    assert origin_ledger(flow)["publications"][SLUG]["channels"]["x"]["status"] == "outbox"
    saved = json.loads((clone / "outbox" / "x" / SLUG / "post.json").read_text(encoding="utf-8"))
    world.x.tweets.append(Tweet(str(next(world.x.ids)), saved["text"], []))  # by hand
    flow.merge(retract_pr(flow))
    _, job = run_job(flow, world, NETWORKS, skip=SKIP)
    assert not job.failed, [(s.command, s.out, s.err) for s in job.steps if s.code]
    assert world.counts() == dict.fromkeys(NETWORKS, 0)
    assert statuses(origin_ledger(flow)) == dict.fromkeys(NETWORKS, "deleted")
    assert world.x.calls("POST /2/tweets") == []  # never posted by kpu
