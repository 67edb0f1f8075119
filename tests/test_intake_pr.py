"""Intake without the CLI: a labelled Nota Dinas issue -> intake.yml's own `run:` steps -> a
branch on a bare origin and a draft pull request linked to the issue, assigned to Tim Desain."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from pipeline.core.timeutil import now
from pipeline.intake.issue_form import FORM_FILE, form_with_stages
from tests.conftest import ROOT, run_kpu
from tests.fake_github import FakeGitHub, running
from tests.merge_flow import Scenario, git
from tests.test_intake import BODY
from tests.workflow_harness import Runner

WORKFLOW = ROOT / ".github" / "workflows" / "intake.yml"


@pytest.fixture
def github() -> Iterator[FakeGitHub]:
    with running() as state:
        yield state


def _issue(github: FakeGitHub, number: int, body: str, labels: tuple[str, ...]) -> dict[str, Any]:
    issue = {
        "id": number * 10,
        "number": number,
        "title": "[Permintaan Publikasi]: UU Pemilu",
        "body": body,
        "user": {"login": "subbag-teknis"},
        "state": "open",
        "labels": [{"name": name} for name in labels],
        "html_url": f"{github.html}/issues/{number}",
    }
    github.issues[number] = issue
    return issue


def _opened(github: FakeGitHub) -> list[dict[str, Any]]:
    """The pull requests intake opened (the scenario's import of the sample posts is PR #1)."""
    return [p for p in github.pulls.values() if p["head"]["ref"].startswith("cms/drafts/")]


def _run(flow: Scenario, github: FakeGitHub, issue: dict[str, Any]) -> Any:
    clone = flow.clone(f"ci-{len(github.pulls)}-{len(github.calls)}")
    runner_tmp = flow.tmp / f"runner-{clone.name}"
    runner_tmp.mkdir()
    event = {"action": "labeled", "issue": issue, "label": {"name": "permintaan-publikasi"}}
    runner = Runner(
        clone, runner_tmp, api_url=github.url, repository=github.repository, event=event
    )
    return runner.run("intake.yml")


def test_labelled_issue_becomes_a_branch_and_a_draft_pull_request_for_tim_desain(
    repo: Path, tmp_path: Path, github: FakeGitHub
) -> None:
    flow = Scenario(tmp_path, repo, github)
    issue = _issue(github, 42, BODY, ("permintaan-publikasi",))
    job = _run(flow, github, issue)
    step = job.step("kpu intake open")
    assert step.code == 0, step.out + step.err
    day = now().date().isoformat()
    branch = f"cms/drafts/{day}-mengenal-uu-pemilu"
    path = f"drafts/{day}-mengenal-uu-pemilu.md"
    (pull,) = _opened(github)
    assert step.out.splitlines() == [
        f"Draf dan pull request dibuat untuk permintaan #42: {pull['html_url']}",
        f"Berkas: {path}, cabang: {branch}",
    ]
    # the branch on origin holds the draft, committed as the bot, on top of main
    assert git("diff", "--name-only", "main", branch, cwd=flow.origin) == path
    assert git("log", "-1", "--format=%an|%s", branch, cwd=flow.origin) == (
        "KPU Publikasi Bot|Draf dari permintaan publikasi #42: Mengenal UU Pemilu"
    )
    draft = yaml.safe_load(git("show", f"{branch}:{path}", cwd=flow.origin).split("---")[1])
    assert draft["request"]["number"] == "012/ND/HK.03/Kab/X/2026"
    assert draft["election_stage"] == "sosialisasi-pendidikan-pemilih"
    # the pull request: draft, from that branch to main, linked to the issue, assigned
    assert pull["draft"] is True and pull["head"]["ref"] == branch and pull["base"]["ref"] == "main"
    assert pull["title"] == "Publikasi: Mengenal UU Pemilu"
    assert "Closes #42" in pull["body"] and f"`{path}`" in pull["body"]
    assert "**Files changed → Review changes\n→ Approve**" in pull["body"]
    assert [a["login"] for a in pull["assignees"]] == ["desain-kpubabar"]
    assert [label["name"] for label in pull["labels"]] == ["decap-cms/draft"]
    (comment,) = github.comments[42]
    assert comment["body"].startswith(f"Draf dibuat: {pull['html_url']} (cabang `{branch}`")
    assert "@desain-kpubabar" in comment["body"]
    # credentials: the token went to the API, never into the output
    assert {c.authorization for c in github.calls} == {"Bearer fake"}
    assert "fake" not in step.out + step.err


def test_running_again_reports_the_open_pull_request_and_creates_nothing(
    repo: Path, tmp_path: Path, github: FakeGitHub
) -> None:
    flow = Scenario(tmp_path, repo, github)
    issue = _issue(github, 42, BODY, ("permintaan-publikasi",))
    assert _run(flow, github, issue).step("kpu intake open").code == 0
    branches = git("branch", "--list", cwd=flow.origin)
    again = _run(flow, github, issue).step("kpu intake open")
    assert again.code == 0, again.out + again.err
    (pull,) = _opened(github)
    assert again.out.strip() == f"Pull request untuk permintaan #42 sudah ada: {pull['html_url']}"
    assert git("branch", "--list", cwd=flow.origin) == branches
    assert len(github.comments[42]) == 1


def test_incomplete_issue_gets_a_comment_listing_what_is_missing(
    repo: Path, tmp_path: Path, github: FakeGitHub
) -> None:
    flow = Scenario(tmp_path, repo, github)
    body = BODY.replace("Subbagian Hukum dan SDM", "_No response_")
    step = _run(flow, github, _issue(github, 43, body, ("permintaan-publikasi",))).step(
        "kpu intake"
    )
    assert step.code == 1
    problem = (
        'Isian "Unit pengusul" di issue kosong. Lengkapi issue-nya (Edit), lalu jalankan lagi.'
    )
    assert step.out.strip() == problem
    (comment,) = github.comments[43]
    assert f"- {problem}" in comment["body"]
    assert _opened(github) == [] and git("branch", "--list", cwd=flow.origin) == "* main"


def test_an_issue_without_the_label_is_refused(
    repo: Path, tmp_path: Path, github: FakeGitHub
) -> None:
    flow = Scenario(tmp_path, repo, github)
    step = _run(flow, github, _issue(github, 44, BODY, ("pertanyaan",))).step("kpu intake")
    assert step.code == 1
    assert 'tidak berlabel "permintaan-publikasi"' in step.out
    assert _opened(github) == []


def test_workflow_runs_only_for_open_labelled_issues_with_least_privilege() -> None:
    doc = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert doc[True] == {"issues": {"types": ["opened", "labeled", "edited"]}}
    assert doc["permissions"] == {}
    job = doc["jobs"]["intake"]
    assert "contains(github.event.issue.labels.*.name, 'permintaan-publikasi')" in job["if"]
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}
    assert job["concurrency"]["cancel-in-progress"] is False
    step = next(s for s in job["steps"] if "kpu intake" in s.get("run", ""))
    assert "${{" not in step["run"]  # the issue's text never reaches a shell


def test_issue_form_stage_list_is_generated_from_the_stages_file(repo: Path) -> None:
    (repo / ".github").mkdir()
    shutil.copytree(ROOT / ".github" / "ISSUE_TEMPLATE", repo / ".github" / "ISSUE_TEMPLATE")
    assert run_kpu("intake", "form", "--check", cwd=repo).code == 0
    stages = repo / "data/election_stages.yml"
    stages.write_text(
        stages.read_text(encoding="utf-8")
        + "  pilkada-2029:\n    name: Pemilihan 2029\n    start: 2028-01-01\n    end: 2029-12-31\n",
        encoding="utf-8",
    )
    stale = run_kpu("intake", "form", "--check", cwd=repo)
    assert stale.code == 1 and "Jalankan: kpu intake form" in stale.out
    assert run_kpu("intake", "form", cwd=repo).code == 0
    form = yaml.safe_load((repo / FORM_FILE).read_text(encoding="utf-8"))
    dropdown = next(f for f in form["body"] if f.get("id") == "tahapan")
    assert dropdown["attributes"]["options"][-1] == "pilkada-2029 — Pemilihan 2029"
    text = (repo / FORM_FILE).read_text(encoding="utf-8")
    assert text.startswith("# Nota Dinas permintaan publikasi")  # comments kept


def test_form_generation_replaces_only_the_stage_options() -> None:
    text = (ROOT / FORM_FILE).read_text(encoding="utf-8")
    fresh = form_with_stages(text, {"a": "Satu"})
    options = [line for line in text.splitlines(keepends=True) if line.startswith("        - ")]
    assert fresh == text.replace("".join(options), "        - a — Satu\n")
