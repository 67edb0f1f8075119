"""`kpu report` after the whole flow as it really runs: a Permintaan publikasi issue, the draft pull
request that closes it, the design commits, the three SOP reviews, the merge, then publish.yml's
own steps (promote writes provenance.sop, publish posts to Telegram's Bot API). Every step's time
is asserted, from GitHub through REST and, without a token, from the promotion record."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from pipeline.core.timeutil import WIB
from pipeline.messages import intake as intake_msg
from tests.conftest import VALID_DRAFT, run_kpu
from tests.fake_github import FakeGitHub, running
from tests.merge_flow import Scenario
from tests.servers.world import World
from tests.workflow_harness import Runner

SLUG = "mengenal-uu-pemilu"
DRAFT = f"drafts/2026-10-05-{SLUG}.md"
YEAR = dt.datetime.now(WIB).year
POST = f"content/posts/{YEAR}/{SLUG}.md"
MERGED = "2026-10-05T09:10:00Z"


@pytest.fixture
def github() -> Iterator[FakeGitHub]:
    with running() as state:
        yield state


def _at(monkeypatch: pytest.MonkeyPatch, when: str) -> None:
    """The next commits are made at `when` (the staff's clock)."""
    monkeypatch.setenv("GIT_AUTHOR_DATE", when)
    monkeypatch.setenv("GIT_COMMITTER_DATE", when)


@pytest.fixture
def published(
    tmp_path: Path,
    repo: Path,
    github: FakeGitHub,
    world: World,
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[Path, Scenario]:
    """Issue #2 opened 08:00 WIB; intake's draft commit 08:05 and its pull request #3 08:06;
    the designer's last commit 14:00; Sekretaris 14:30, Subbag Hukum 15:30, Ketua 16:00;
    merged 16:10; then publish.yml runs (posting to Telegram)."""
    flow = Scenario(tmp_path, repo, github)
    issue = github.add_issue(
        "Permintaan publikasi: Mengenal UU Pemilu",
        "### Judul publikasi\n\nMengenal UU Pemilu",
        ["permintaan-publikasi"],
        created_at="2026-10-05T01:00:00Z",
    )
    number = issue["number"] + 1
    template = VALID_DRAFT.replace("Isi publikasi tentang UU Pemilu.", "(isi menyusul)")
    _at(monkeypatch, "2026-10-05T08:05:00+07:00")
    flow.open_pr(number, {DRAFT: template}, author="github-actions[bot]")
    body = intake_msg.PR_BODY.format(number=issue["number"], path=DRAFT, designers="@desain")
    github.pulls[number].update(created_at="2026-10-05T01:06:00Z", body=body, draft=True)
    _at(monkeypatch, "2026-10-05T14:00:00+07:00")
    flow.push_to_pr(number, {DRAFT: VALID_DRAFT}, "Desain konten")
    github.review(number, "sekretaris-kpubabar", "APPROVED", at="2026-10-05T07:30:00Z")
    github.review(number, "hukum-kpubabar", "APPROVED", at="2026-10-05T08:30:00Z")
    github.review(number, "ketua-kpubabar", "APPROVED", at="2026-10-05T09:00:00Z")
    _at(monkeypatch, "2026-10-05T16:10:00+07:00")
    flow.merge(number)
    github.pulls[number].update(merged_at=MERGED, closed_at=MERGED)
    monkeypatch.delenv("GIT_AUTHOR_DATE")
    monkeypatch.delenv("GIT_COMMITTER_DATE")

    clone = flow.clone()
    runner_tmp = tmp_path / "runner"
    runner_tmp.mkdir()
    telegram = world.telegram.env()
    runner = Runner(
        clone,
        runner_tmp,
        api_url=github.url,
        repository=github.repository,
        extra_env={"TELEGRAM_API_BASE": telegram.pop("TELEGRAM_API_BASE"), "KPU_HTTP_TIMEOUT": "5"},
    )
    runner.secrets.update(telegram)
    job = runner.run("publish.yml")
    assert not job.failed, [(s.command, s.out, s.err) for s in job.steps if s.code]
    assert [m for m in world.telegram.live if f"/{SLUG}/" in m.caption]  # posted, for real
    fresh = flow.clone("reader")  # what anyone running kpu report checks out afterwards
    shutil.rmtree(fresh / "content" / "laporan", ignore_errors=True)
    return fresh, flow


def _rows(clone: Path) -> dict[str, dict[str, str]]:
    page = (clone / "laporan" / "index.md").read_text(encoding="utf-8")
    section = page.split("### Mengenal UU Pemilu\n", 1)[1].split("\n### ", 1)[0]
    rows: dict[str, dict[str, str]] = {}
    for line in section.splitlines():
        if line.startswith("| ") and not line.startswith(("| No.", "|---")):
            cells = [c.strip() for c in line.strip("|").split(" | ")]
            rows[cells[0] or "alur"] = {"time": cells[5], "source": cells[6]}
    return rows


EXPECTED = {
    "1": "**paling sedikit 3 hari 8 jam (jam Nota Dinas tidak tercatat)** (melebihi standar)",
    "2": "6 menit",  # issue opened -> intake's pull request
    "3": "**6 jam 24 menit** (melebihi standar)",  # pull request -> the Sekretaris' review
    "4": "1 jam",  # the Sekretaris' review -> Subbag Hukum's
    "5": "5 menit",  # issue opened -> the draft on its branch
    "6": "5 jam 55 menit",  # intake's draft -> the designer's last commit before the reviews
    "7": "**2 jam** (melebihi standar)",  # design handed over -> the approval completing kpu.yml
}


def _ledger_step8(clone: Path) -> str:
    entry = json.loads((clone / "data" / "ledger.json").read_text(encoding="utf-8"))
    posted = dt.datetime.fromisoformat(entry["publications"][SLUG]["channels"]["telegram"]["time"])
    minutes = round((posted - dt.datetime.fromisoformat(MERGED)).total_seconds() / 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    text = " ".join(
        f"{n} {u}" for n, u in ((days, "hari"), (hours, "jam"), (minutes, "menit")) if n
    )
    return f"**{text}** (melebihi standar)"


def test_every_step_is_measured_from_the_promotion_record_and_from_github(
    published: tuple[Path, Scenario], github: FakeGitHub
) -> None:
    clone, flow = published
    front = yaml.safe_load(flow.origin_text(POST).split("---\n")[1])
    assert front["provenance"]["issue"] == 2
    sop = front["provenance"]["sop"]
    assert {k: dt.datetime.fromisoformat(str(v)).isoformat() for k, v in sop.items()} == {
        "issue_opened": "2026-10-05T01:00:00+00:00",
        "pr_opened": "2026-10-05T01:06:00+00:00",
        "first_review": "2026-10-05T07:30:00+00:00",
        "review_sekretaris": "2026-10-05T07:30:00+00:00",
        "review_subbag_hukum": "2026-10-05T08:30:00+00:00",
        "approved": "2026-10-05T09:00:00+00:00",
        "merged": "2026-10-05T09:10:00+00:00",
    }
    result = run_kpu("report", "--out", "laporan", cwd=clone)
    assert result.code == 0, result.err
    rows = _rows(clone)
    assert {n: rows[n]["time"] for n in EXPECTED} == EXPECTED
    assert rows["8"]["time"] == _ledger_step8(clone)
    assert rows["1"]["source"] == (
        "dari tanggal Nota Dinas (tanggal Nota Dinas) sampai issue permintaan publikasi dibuka "
        "(catatan promosi (issue #2))"
    )
    assert rows["3"]["source"] == (
        "dari pull request dibuka (catatan promosi (PR #3)) sampai telaah Sekretaris "
        "(catatan promosi (PR #3))"
    )
    assert rows["6"]["source"].startswith("dari commit pertama draf (git ")
    assert rows["8"]["source"].endswith("sampai kiriman media sosial (arsip tautan)")
    # steps 1, 3, 7 and 8 over their own standard; the five samples' steps are not measurable
    assert result.out.splitlines()[0] == (
        "6 publikasi. Per langkah: 4 dari 8 langkah yang terukur melebihi standar langkahnya "
        "sendiri (40 dari 48 langkah tidak terukur). Seluruh alur: 6 dari 6 alur melebihi "
        "standar seluruh alur (1 hari 4 jam 15 menit, jumlah standar langkah 1-8)."
    )

    # with a token, the same times come from GitHub through REST
    env = {
        "GITHUB_TOKEN": "ghs_FakeReportToken1234",
        "GITHUB_API_URL": github.url,
        "GITHUB_REPOSITORY": github.repository,
    }
    result = run_kpu("report", "--out", "laporan", cwd=clone, env=env)
    assert result.code == 0, result.err
    rows = _rows(clone)
    assert {n: rows[n]["time"] for n in EXPECTED} == EXPECTED
    assert rows["1"]["source"].endswith(
        "sampai issue permintaan publikasi dibuka (GitHub issue #2)"
    )
    assert rows["4"]["source"] == (
        "dari telaah Sekretaris (GitHub PR #3, sekretaris-kpubabar) sampai telaah Subbag Hukum "
        "(GitHub PR #3, hukum-kpubabar)"
    )
    assert github.requests_to(r"/issues/2$")  # the issue the pull request closes was read
