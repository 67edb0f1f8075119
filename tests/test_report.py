"""`kpu report`: SOP step times reconstructed from a real git history (draft branch, merge commit,
promotion by `git mv`), GitHub's pull request events and the ledger, against data/sop.yml."""

from __future__ import annotations

import csv
import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from pipeline.check.validate import load_context, validate
from pipeline.core.config import load_config
from pipeline.core.github import GitHub
from pipeline.records.ledger import Book, Entry, Ledger, Page
from pipeline.records.report import PublicationReport, collect, load_sop
from pipeline.records.report_output import format_duration, source_text
from tests.conftest import VALID_DRAFT, run_kpu
from tests.fake_github import FakeGitHub, running

SLUG = "mengenal-uu-pemilu"
DRAFT = "drafts/2026-10-05-mengenal-uu-pemilu.md"
POST = f"content/posts/2026/{SLUG}.md"
REPOSITORY = "kpu-bangkabarat/informasi-hukum"


def git(repo: Path, *args: str, when: str = "2026-10-01T08:00:00+07:00") -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Tim Desain",
        "GIT_AUTHOR_EMAIL": "desain@example.org",
        "GIT_COMMITTER_NAME": "Tim Desain",
        "GIT_COMMITTER_EMAIL": "desain@example.org",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    done = subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


DRAFT_TEXT = VALID_DRAFT.replace("date: 2026-10-01", "date: 2026-10-05").replace(
    "Isi publikasi tentang UU Pemilu.", "Isi publikasi tentang UU Pemilu.\n\n<!-- more -->\n"
)
PROVENANCE = """\
date: 2026-10-06T08:35:00+07:00
provenance:
  pr: 7
  url: https://github.com/kpu-bangkabarat/informasi-hukum/pull/7
  approvers:
    - {login: hukum-kpubabar, role: subbag_hukum}
    - {login: ketua-kpubabar, role: ketua}
  memo: "012/ND/HK.03/Kab/X/2026"
  promoted_at: 2026-10-06T08:35:00+07:00
"""


@pytest.fixture
def history(repo: Path) -> Path:
    """A draft written on a branch (two commits), merged as pull request #7, promoted by git mv,
    and posted to two channels."""
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Situs awal")
    git(repo, "checkout", "-q", "-b", "draf-uu-pemilu")
    (repo / DRAFT).write_text(DRAFT_TEXT.replace("Isi publikasi", "Isi awal"), encoding="utf-8")
    git(repo, "add", DRAFT)
    git(repo, "commit", "-q", "-m", "Draf UU Pemilu", when="2026-10-05T09:00:00+07:00")
    (repo / DRAFT).write_text(DRAFT_TEXT, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Perbaiki isi", when="2026-10-05T15:00:00+07:00")
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--no-ff", "draf-uu-pemilu", "-m",
        "Merge pull request #7 from kpu-bangkabarat/draf-uu-pemilu",
        when="2026-10-06T08:30:00+07:00")  # fmt: skip
    (repo / POST).parent.mkdir(parents=True, exist_ok=True)
    git(repo, "mv", DRAFT, POST)
    text = (repo / POST).read_text(encoding="utf-8")
    (repo / POST).write_text(
        text.replace("status: ready\n", "status: ready\n" + PROVENANCE), "utf-8"
    )
    git(
        repo,
        "commit",
        "-q",
        "-am",
        "Terbitkan: Mengenal UU Pemilu",
        when="2026-10-06T08:35:00+07:00",
    )
    page = Page(
        "Mengenal UU Pemilu", POST, f"https://kab-bangkabarat.kpu.go.id/publikasi/2026/{SLUG}/"
    )
    page.channels["x"] = Entry(
        "posted", "1", "https://x.com/k/status/1", "2026-10-06T08:40:00+07:00"
    )
    page.channels["facebook"] = Entry(
        "posted", "2", "https://fb.com/2", "2026-10-06T08:52:00+07:00"
    )
    page.channels["telegram"] = Entry("failed", time="2026-10-06T08:41:00+07:00")
    Ledger.of(repo).save(Book({SLUG: page}))
    return repo


def _github(server: FakeGitHub) -> None:
    pull = server.add_pull(7, "desain-kpubabar")
    pull.update(created_at="2026-10-05T08:10:00Z", merged_at="2026-10-06T01:30:00Z")
    server.review(7, "hukum-kpubabar", "CHANGES_REQUESTED", at="2026-10-05T09:00:00Z")
    server.review(7, "sekretaris-kpubabar", "APPROVED", at="2026-10-06T00:50:00Z")
    server.review(7, "hukum-kpubabar", "APPROVED", at="2026-10-06T01:00:00Z")
    server.review(7, "ketua-kpubabar", "APPROVED", at="2026-10-06T01:20:00Z")


def _reports(root: Path, github: GitHub | None = None) -> list[PublicationReport]:
    ctx = load_context(root)
    publications = [
        p for p in validate(ctx, [root / "content/posts"]).publications if p.slug == SLUG
    ]
    assert publications, "the promoted post must validate"
    book = Ledger.of(root).load()
    return collect(root, load_sop(root), load_config(root), publications, book, github)


def _times(report: PublicationReport) -> dict[int | None, str | None]:
    return {
        m.number: (format_duration(m.duration) if m.duration is not None else None)
        for m in report.steps
    }


def test_without_github_the_steps_come_from_git_and_the_ledger(history: Path) -> None:
    (report,) = _reports(history)
    assert _times(report) == {
        1: None, 2: None, 3: None, 4: None, 5: None,
        6: "6 jam",  # first draft commit -> last draft commit (no PR time without GitHub)
        7: None,  # when the pull request was opened is only known to GitHub
        8: "22 menit",  # the merge commit -> the last post in the ledger
    }  # fmt: skip
    step8 = report.steps[7]
    assert step8.start is not None and step8.start.source.startswith("git merge ") and step8.over
    # its start is the design's hand-over, known only with the pull request's time
    assert report.steps[6].missing == ("draft_ready",)
    assert [(c, t.strftime("%H:%M")) for c, t in report.posts] == [
        ("facebook", "08:52"),
        ("x", "08:40"),
    ]


def test_with_github_the_pull_request_events_give_design_and_review_times(history: Path) -> None:
    with running(FakeGitHub()) as server:
        _github(server)
        (report,) = _reports(history, GitHub(REPOSITORY, base_url=server.url, token="t"))
    assert _times(report)[6] == "6 jam 10 menit"  # to the pull request's opening
    assert _times(report)[7] == "17 jam 10 menit"  # to the approval that completed kpu.yml's rules
    assert _times(report)[8] == "22 menit"
    # step 3: the pull request opened -> the Sekretaris' own first review
    assert _times(report)[3] == "16 jam 40 menit"
    assert report.steps[2].end is not None
    assert report.steps[2].end.source == "GitHub PR #7, sekretaris-kpubabar"
    # step 4 would run from the Sekretaris' review to Subbag Hukum's, which came first: no time
    step4 = report.steps[3]
    assert step4.duration is None and step4.backwards
    assert source_text(step4) == (
        "tidak terukur: telaah Subbag Hukum (5 Oktober 2026, 16.00 WIB) tercatat sebelum telaah "
        "Sekretaris (6 Oktober 2026, 07.50 WIB), jadi langkah ini tidak berjalan menurut urutan SOP"
    )
    assert _times(report)[1] is None  # a pull request without "Closes #N": no intake issue
    review, overall = report.steps[6], report.overall
    assert review.over and review.end is not None and review.end.source == "GitHub PR #7"
    assert overall is not None and overall.start is not None and overall.duration is not None
    assert overall.start.day_only and overall.at_least  # the memo has a date, not a time
    # so the flow took at least the time from the end of the memo's day (05-10) to the last post
    assert format_duration(overall.duration) == "8 jam 52 menit"


def test_command_writes_the_page_chart_and_csv_and_the_site_still_builds(history: Path) -> None:
    result = run_kpu("report", cwd=history)
    assert result.code == 0, result.err
    assert result.out.startswith(
        "6 publikasi. Per langkah: 1 dari 2 langkah yang terukur melebihi standar langkahnya "
        "sendiri (46 dari 48 langkah tidak terukur). Seluruh alur: 5 dari 6 alur melebihi "
        "standar seluruh alur (1 hari 4 jam 15 menit, jumlah standar langkah 1-8).\n"
    )
    folder = history / "content" / "laporan"
    page = (folder / "index.md").read_text(encoding="utf-8")
    assert "search:\n  exclude: true" in page
    assert (
        "| 8 | Mempublikasikan ke media sosial dan web | 15 menit | 6 Oktober 2026, 08.30 WIB "
        "| 6 Oktober 2026, 08.52 WIB | **22 menit** (melebihi standar) | dari pull request digabung "
        "(git merge "
    ) in page
    assert "| 7 | Mengecek kesesuaian konten | 30 menit | - | - | tidak terukur " in page
    assert (
        "tidak terukur: draf selesai didesain (commit terakhir sebelum telaah pertama) tidak "
        "tercatat |"
    ) in page
    assert "- Facebook: 6 Oktober 2026, 08.52 WIB (22 menit)" in page
    assert "- X (Twitter): 6 Oktober 2026, 08.40 WIB (10 menit)" in page
    svg = (folder / "waktu-sop.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "Langkah 8. Mempublikasikan" in svg
    with (folder / "waktu-sop.csv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["slug"] == SLUG]
    step8 = next(r for r in rows if r["langkah"] == "8" and not r["kanal"])
    assert (step8["durasi_menit"], step8["status"]) == ("22", "melebihi")
    assert next(r for r in rows if r["kanal"] == "x")["durasi_menit"] == "10"
    assert next(r for r in rows if r["langkah"] == "7")["status"] == "tidak terukur"

    built = run_kpu("build", "--site-dir", "out", cwd=history)
    assert built.code == 0, built.err
    assert (history / "out" / "laporan" / "index.html").is_file()
    assert (history / "out" / "laporan" / "waktu-sop.svg").is_file()
    index = (history / "out" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "laporan/" not in index
    assert 'href="laporan/"' not in (history / "out" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("standard: 2h", 'lama waktu "dua jam" tidak dikenal; tulis seperti "15m"'),
        ("start: [draft_added]", 'Kolom "steps.5.start.0" harus salah satu dari'),
        ("number: 2", "nomor langkah harus urut mulai dari 1"),
    ],
)
def test_a_wrong_sop_file_is_a_configuration_error_naming_the_field(
    repo: Path, change: str, expected: str
) -> None:
    sop = repo / "data" / "sop.yml"
    wrong = {
        "standard: 2h": "standard: dua jam",
        "start: [draft_added]": "start: [draf_dibuat]",
        "number: 2": "number: 9",
    }[change]
    sop.write_text(sop.read_text(encoding="utf-8").replace(change, wrong, 1), encoding="utf-8")
    result = run_kpu("report", cwd=repo)
    assert result.code == 2
    assert "data/sop.yml:" in result.err and expected in result.err
    assert not (repo / "content" / "laporan").exists()  # nothing written before the check


def test_outside_a_git_repository_the_report_says_how_to_get_the_history(repo: Path) -> None:
    result = run_kpu("report", cwd=repo)
    assert result.code == 1
    assert "bukan repositori git" in result.err and "git clone" in result.err


def test_durations_read_as_indonesian() -> None:
    assert format_duration(dt.timedelta(days=1, hours=2, minutes=5)) == "1 hari 2 jam 5 menit"
    assert format_duration(dt.timedelta(seconds=20)) == "kurang dari 1 menit"


def test_on_the_sample_posts_the_headline_counts_what_the_rows_mark(repo: Path) -> None:
    """The five sample publications were added straight to content/posts/ and posted to the
    outbox only: no step is measurable, yet every flow (memo date to publication) is over."""
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Situs awal")
    result = run_kpu("report", "--out", "laporan", cwd=repo)
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == (
        "5 publikasi. Per langkah: 0 dari 0 langkah yang terukur melebihi standar langkahnya "
        "sendiri (40 dari 40 langkah tidak terukur). Seluruh alur: 5 dari 5 alur melebihi "
        "standar seluruh alur (1 hari 4 jam 15 menit, jumlah standar langkah 1-8)."
    )
    page = (repo / "laporan" / "index.md").read_text(encoding="utf-8")
    rows = [line for line in page.splitlines() if line.startswith("| ") and "WIB" in line]
    flows = [r for r in rows if r.startswith("|  | Seluruh alur")]
    assert len(flows) == 5 and all("(melebihi standar)" in r for r in flows)
    assert not [r for r in rows if r not in flows and "(melebihi standar)" in r]
    assert (
        "| 1 | Mengusulkan kebutuhan publikasi informasi hukum | 15 menit | 14 Oktober 2026 | - "
        "| tidak terukur | tidak terukur: issue permintaan publikasi dibuka tidak tercatat "
        "(terukur bila Nota Dinas diajukan lewat issue Permintaan publikasi) |"
    ) in page
    assert "|  | Seluruh alur | 1 hari 4 jam 15 menit | 5 dari 5 | " in page  # the summary row
    assert "paling sedikit " in flows[0] and "(jam Nota Dinas tidak tercatat)" in flows[0]
    assert "dari tanggal Nota Dinas (tanggal Nota Dinas) sampai tanggal terbit" in flows[0]
