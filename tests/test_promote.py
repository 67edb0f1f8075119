"""Promotion details: the front matter stamp keeps the staff's text; --dry-run changes nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from pipeline.core import frontmatter_edit as fm
from pipeline.core.model import Approver, Provenance
from pipeline.core.timeutil import WIB
from pipeline.promote.promotion import stamp
from tests.conftest import VALID_DRAFT, run_kpu
from tests.fake_github import FakeGitHub, running
from tests.merge_flow import Scenario, git

WHEN = dt.datetime(2026, 10, 5, 9, 30, tzinfo=WIB)
PROVENANCE = Provenance(
    pr=12,
    url="https://github.com/o/r/pull/12",
    memo="012/ND/HK.03/Kab/X/2026",
    commit="a" * 40,
    approvers=[Approver(login="hukum-kpubabar", role="subbag_hukum")],
)
COMMENTED = VALID_DRAFT.replace(
    "tags: [pemilu]\n", "tags: [pemilu]   # kata kunci\n# Catatan staf: jangan dihapus.\n"
).replace("status: ready\n", "publish_at: 2026-10-05 09:00\nstatus: ready  # siap\n")


def test_stamp_adds_date_and_provenance_and_keeps_every_other_line() -> None:
    stamped = stamp(COMMENTED, WHEN, PROVENANCE)
    front = yaml.safe_load(fm.front_text(stamped))
    assert front["date"] == WHEN
    assert front["provenance"]["pr"] == 12
    assert front["provenance"]["approvers"] == [{"login": "hukum-kpubabar", "role": "subbag_hukum"}]
    assert front["provenance"]["promoted_at"] == WHEN
    assert "publish_at" not in front
    kept = [line for line in COMMENTED.splitlines() if not line.startswith("publish_at")]
    stamped_lines = stamped.splitlines()
    assert all(line in stamped_lines for line in kept)
    assert (
        stamped_lines.index("date: 2026-10-05T09:30:00+07:00")
        == stamped_lines.index(
            'description: "Ringkasan pokok-pokok Undang-Undang Pemilu bagi pemilih."'
        )
        + 1
    )
    assert stamped.endswith(VALID_DRAFT.split("---\n", 2)[2])


def test_stamping_twice_replaces_instead_of_duplicating() -> None:
    once = stamp(COMMENTED, WHEN, PROVENANCE)
    twice = stamp(once, WHEN, PROVENANCE)
    assert twice.count("provenance:") == 1 and twice.count("\ndate:") == 1


def test_set_key_replaces_a_multiline_value_only() -> None:
    text = "---\ntitle: a\nlegal_basis:\n  - x\n  - y\n# komentar\nstatus: ready\n---\nbody\n"
    out = fm.set_key(text, "legal_basis", "legal_basis:\n  - z\n")
    assert out == "---\ntitle: a\nlegal_basis:\n  - z\n# komentar\nstatus: ready\n---\nbody\n"


@pytest.fixture
def github() -> Iterator[FakeGitHub]:
    with running() as state:
        yield state


def test_dry_run_reports_without_changing_anything(
    tmp_path: Path, repo: Path, github: FakeGitHub
) -> None:
    flow = Scenario(tmp_path, repo, github)
    flow.merge_pr(12, {"drafts/2026-10-05-mengenal-uu-pemilu.md": VALID_DRAFT})
    github.review(12, "sekretaris-kpubabar", "APPROVED")
    github.review(12, "hukum-kpubabar", "APPROVED")
    github.review(12, "ketua-kpubabar", "APPROVED")
    clone = flow.clone()
    head = git("rev-parse", "HEAD", cwd=clone)
    env = {
        "GITHUB_API_URL": github.url,
        "GITHUB_REPOSITORY": github.repository,
        "GITHUB_TOKEN": "fake",
    }
    result = run_kpu("promote", "--dry-run", cwd=clone, env=env)
    assert result.code == 0, result.err
    assert "belum dijalankan (--dry-run)" in result.out
    assert "Mode uji (--dry-run): tidak ada berkas yang diubah, tidak ada commit." in result.out
    assert git("rev-parse", "HEAD", cwd=clone) == head
    assert git("status", "--porcelain", cwd=clone) == ""
