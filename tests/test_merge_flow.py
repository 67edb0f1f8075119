"""The merge flow end to end: real merges into a bare origin, the real publish.yml steps, a local
GitHub API. What is asserted is what staff and the public see: files, commits, site, messages."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from pipeline.core.timeutil import WIB, format_wib
from tests.conftest import VALID_DRAFT
from tests.fake_github import FakeGitHub, running
from tests.merge_flow import AUTHOR, Scenario, git
from tests.workflow_harness import WORKFLOWS, registered_commands

DRAFT = "drafts/2026-10-05-mengenal-uu-pemilu.md"
YEAR = dt.datetime.now(WIB).year
POST = f"content/posts/{YEAR}/mengenal-uu-pemilu.md"


def draft(title: str = "Mengenal UU Pemilu", **changes: str) -> str:
    text = VALID_DRAFT.replace('title: "Mengenal UU Pemilu"', f'title: "{title}"')
    for old, new in changes.items():
        text = text.replace(old, new)
    return text


def approve(github: FakeGitHub, number: int) -> None:
    github.review(number, "sekretaris-kpubabar", "APPROVED")
    github.review(number, "hukum-kpubabar", "APPROVED")
    github.review(number, "ketua-kpubabar", "APPROVED")


@pytest.fixture
def github() -> Iterator[FakeGitHub]:
    with running() as state:
        yield state


@pytest.fixture
def flow(tmp_path: Path, repo: Path, github: FakeGitHub) -> Scenario:
    return Scenario(tmp_path, repo, github)


def published(flow: Scenario) -> list[str]:
    return [s for s in flow.origin_subjects() if s.startswith("Terbitkan: ")]


def front_of(text: str) -> dict:
    return yaml.safe_load(text.split("---\n")[1])


def test_approved_draft_is_promoted_built_and_pushed(flow: Scenario, github: FakeGitHub) -> None:
    merge = flow.merge_pr(12, {DRAFT: VALID_DRAFT})
    approve(github, 12)
    clone, job = flow.run_workflow()
    promote = job.step("kpu promote")
    assert promote.code == 0, promote.out + promote.err
    assert not job.failed, [(s.command, s.out, s.err) for s in job.steps if s.code]
    assert flow.origin_files("drafts") == []
    assert POST in flow.origin_files("content/posts")
    assert published(flow) == ["Terbitkan: Mengenal UU Pemilu"]
    authors = git("log", "-2", "--format=%an <%ae>", "main", cwd=flow.origin).splitlines()
    assert set(authors) == {"KPU Publikasi Bot <kpu-publikasi-bot@users.noreply.github.com>"}
    if "publish" in registered_commands():  # the ledger records what was posted, as the bot
        assert flow.origin_subjects()[0] == "Catat arsip publikasi: data/ledger.json"
        assert "mengenal-uu-pemilu" in flow.origin_text("data/ledger.json")
    front = front_of(flow.origin_text(POST))
    assert front["provenance"]["pr"] == 12
    assert (
        front["provenance"]["url"] == "https://github.com/kpu-bangkabarat/informasi-hukum/pull/12"
    )
    assert front["provenance"]["memo"] == "012/ND/HK.03/Kab/X/2026"
    head = git("rev-parse", f"{merge}^2", cwd=flow.origin)
    assert front["provenance"]["approvers"] == [
        {"login": "sekretaris-kpubabar", "role": "sekretaris", "commit": head},
        {"login": "hukum-kpubabar", "role": "subbag_hukum", "commit": head},
        {"login": "ketua-kpubabar", "role": "ketua", "commit": head},
    ]
    assert front["provenance"]["commit"] == head
    assert front["provenance"]["merge"] == merge
    assert front["date"].utcoffset() == dt.timedelta(hours=7)
    assert (
        clone / "_site" / "publikasi" / str(YEAR) / "mengenal-uu-pemilu" / "index.html"
    ).exists()
    assert "Diterbitkan ke content/posts/ (1)" in promote.out
    assert (
        f"{DRAFT} → {POST} (PR #12; sekretaris-kpubabar sebagai Sekretaris KPU Kabupaten, "
        "hukum-kpubabar sebagai Subbag Hukum, ketua-kpubabar sebagai Ketua KPU Kabupaten)"
        in promote.out
    )
    assert "### Diterbitkan ke content/posts/ (1)" in job.summary


def test_two_merges_with_the_first_run_skipped_are_both_promoted_by_the_next(
    flow: Scenario, github: FakeGitHub
) -> None:
    flow.merge_pr(12, {DRAFT: VALID_DRAFT})
    approve(github, 12)
    second = "drafts/2026-10-06-keterbukaan-informasi.md"
    flow.merge_pr(13, {second: draft("Keterbukaan Informasi Publik")})
    approve(github, 13)
    _, job = flow.run_workflow()  # only the run of the second push happens
    assert not job.failed, job.step("kpu promote").out
    assert flow.origin_files("drafts") == []
    posts = flow.origin_files("content/posts")
    assert POST in posts and f"content/posts/{YEAR}/keterbukaan-informasi.md" in posts
    assert published(flow) == [
        "Terbitkan: Keterbukaan Informasi Publik",
        "Terbitkan: Mengenal UU Pemilu",
    ]


def test_changes_requested_blocks_promotion_and_names_the_reviewer(
    flow: Scenario, github: FakeGitHub
) -> None:
    flow.merge_pr(12, {DRAFT: VALID_DRAFT})
    approve(github, 12)
    github.review(12, "divisi-teknis-kpubabar", "CHANGES_REQUESTED")
    _, job = flow.run_workflow()
    promote = job.step("kpu promote")
    assert promote.code == 1
    assert (
        f"{DRAFT}: di pull request #12, divisi-teknis-kpubabar (Divisi Pengusul) meminta perbaikan"
        in promote.out
    )
    assert flow.origin_files("drafts") == [DRAFT]
    assert POST not in flow.origin_files("content/posts")


def test_direct_push_without_pull_request_is_refused_and_nothing_is_posted(
    flow: Scenario, github: FakeGitHub
) -> None:
    sha = flow.push_direct({DRAFT: VALID_DRAFT})
    clone, job = flow.run_workflow()
    promote = job.step("kpu promote")
    assert promote.code == 1
    assert (
        f"{DRAFT}: perubahan terakhirnya (commit {sha[:7]}) tidak masuk melalui pull request yang "
        "digabung (langsung di-push ke main?)" in promote.out
    )
    assert "Tidak diterbitkan: belum disetujui (1)" in promote.out
    assert flow.origin_files("drafts") == [DRAFT]
    assert POST not in flow.origin_files("content/posts")
    outbox = [p for p in clone.glob("outbox/**/*") if p.is_file()]
    assert not [
        p
        for p in outbox
        if "mengenal-uu-pemilu" in p.name or b"mengenal-uu-pemilu" in p.read_bytes()
    ]
    ledger = clone / "data" / "ledger.json"
    assert "mengenal-uu-pemilu" not in (
        ledger.read_text(encoding="utf-8") if ledger.exists() else ""
    )
    assert github.requests_to(f"/commits/{sha}/pulls")


def test_missing_approval_names_the_missing_roles(
    flow: Scenario, github: FakeGitHub, repo: Path
) -> None:
    flow.merge_pr(12, {DRAFT: VALID_DRAFT})
    github.review(12, "sekretaris-kpubabar", "APPROVED")
    github.review(12, "hukum-kpubabar", "APPROVED")
    github.review(12, AUTHOR, "APPROVED")  # the author's own approval never counts
    _, job = flow.run_workflow()
    promote = job.step("kpu promote")
    assert promote.code == 1
    assert (
        f"{DRAFT}: persetujuan pull request #12 belum lengkap; masih diperlukan: "
        "Persetujuan konten (Divisi Pengusul atau Ketua KPU Kabupaten)" in promote.out
    )
    assert flow.origin_files("drafts") == [DRAFT]


def test_postponed_and_draft_statuses_stay_and_are_listed(
    flow: Scenario, github: FakeGitHub
) -> None:
    held = "drafts/2026-10-07-ditunda.md"
    wip = "drafts/2026-10-08-masih-ditulis.md"
    flow.merge_pr(
        12,
        {
            held: draft("Ditunda Dulu", **{"status: ready": "status: postponed"}),
            wip: draft("Masih Ditulis", **{"status: ready": "status: draft"}),
        },
    )
    approve(github, 12)
    _, job = flow.run_workflow()
    promote = job.step("kpu promote")
    assert promote.code == 0, promote.out
    assert (
        f"Ditunda, status postponed (SOP langkah 3) (1):\n  - {held}: Ditunda Dulu" in promote.out
    )
    assert f"Masih draf, status draft (1):\n  - {wip}: Masih Ditulis" in promote.out
    assert sorted(flow.origin_files("drafts")) == [held, wip]


def test_scheduled_draft_waits_for_publish_at_then_the_scheduled_run_promotes_it(
    flow: Scenario, github: FakeGitHub
) -> None:
    due = (dt.datetime.now(WIB) + dt.timedelta(seconds=4)).replace(microsecond=0)
    text = draft(**{"status: ready": f"publish_at: {due.isoformat()}\nstatus: ready"})
    flow.merge_pr(12, {DRAFT: text})
    approve(github, 12)
    _, early = flow.run_workflow()
    assert early.step("kpu promote").code == 0
    assert (
        f"{DRAFT}: terbit mulai {format_wib(due)} (PR #12, persetujuan lengkap)"
        in early.step("kpu promote").out
    )
    assert flow.origin_files("drafts") == [DRAFT]
    while dt.datetime.now(WIB) <= due:
        time.sleep(0.2)
    _, later = flow.run_workflow("publish.yml")  # what scheduled.yml calls
    assert later.step("kpu promote").code == 0
    assert flow.origin_files("drafts") == []
    stamped = flow.origin_text(POST)
    assert "publish_at" not in stamped


def test_second_run_changes_nothing(flow: Scenario, github: FakeGitHub) -> None:
    flow.merge_pr(12, {DRAFT: VALID_DRAFT})
    approve(github, 12)
    flow.run_workflow()
    before = git("rev-parse", "main", cwd=flow.origin)
    _, again = flow.run_workflow()
    assert again.step("kpu promote").code == 0
    assert "Tidak ada draf yang siap terbit saat ini." in again.step("kpu promote").out or (
        "Tidak ada draf di drafts/." in again.step("kpu promote").out
    )
    assert git("rev-parse", "main", cwd=flow.origin) == before


def test_origin_moving_during_the_run_is_rebased_and_pushed(
    flow: Scenario, github: FakeGitHub
) -> None:
    flow.merge_pr(12, {DRAFT: VALID_DRAFT})
    approve(github, 12)
    other = flow.clone("other")
    (other / "content" / "catatan.txt").write_text("perubahan lain\n", encoding="utf-8")
    git("add", "content/catatan.txt", cwd=other)
    git("commit", "--quiet", "-m", "Perubahan dari orang lain", cwd=other)
    ci = flow.clone("ci")
    hook = ci / ".git" / "hooks" / "pre-push"
    marker = flow.tmp / "moved"
    hook.write_text(
        "#!/bin/sh\n"
        f'if [ ! -e "{marker}" ]; then touch "{marker}"; '
        f'env -u GIT_DIR -u GIT_WORK_TREE -u GIT_INDEX_FILE git -C "{other}" push --quiet origin main; fi\n',
        encoding="utf-8",
    )
    hook.chmod(0o755)
    _, job = flow.run_workflow(clone=ci)
    promote = job.step("kpu promote")
    assert promote.code == 0, promote.out + promote.err
    assert "(1 kali disusul commit lain)" in promote.out
    subjects = [s for s in flow.origin_subjects() if not s.startswith("Catat arsip")]
    assert subjects[:2] == ["Terbitkan: Mengenal UU Pemilu", "Perubahan dari orang lain"]
    assert git("log", "--merges", "--format=%s", "-1", "main", cwd=flow.origin).startswith(
        "Merge pull request #12"
    )


def test_publish_workflow_runs_every_run_step_in_order(flow: Scenario, github: FakeGitHub) -> None:
    flow.merge_pr(12, {DRAFT: VALID_DRAFT})
    approve(github, 12)
    clone, job = flow.run_workflow()
    steps = yaml.safe_load((WORKFLOWS / "publish.yml").read_text(encoding="utf-8"))["jobs"][
        "publish"
    ]["steps"]
    commands = [s["run"] for s in steps if "run" in s and s["run"].startswith("kpu ")]
    expected = [c for c in commands if c.split()[1] in registered_commands()]
    assert expected[:4] == [
        "kpu promote",
        "kpu report",
        "kpu verify --out build/verified.json",
        "kpu build --site-dir _site --only-verified build/verified.json",
    ]
    assert "kpu record" in expected
    assert job.ran == expected
    assert not job.failed, [(s.command, s.out, s.err) for s in job.steps if s.code]
    report = (clone / "_site" / "laporan" / "index.html").read_text(encoding="utf-8")
    assert "Mengenal UU Pemilu" in report  # the SOP time report of this run is on the site
