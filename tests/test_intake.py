"""SOP step 1: the issue form (Nota Dinas) becomes a draft that staff only need to finish."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from pipeline.check.stages import load_stages
from pipeline.core import frontmatter_edit as fm
from pipeline.intake.issue_form import LABELS
from tests.conftest import ROOT, run_kpu
from tests.fake_github import FakeGitHub, running

FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "permintaan-publikasi.yml"
BODY = """\
### Judul publikasi

Mengenal UU Pemilu

### Nomor Nota Dinas

012/ND/HK.03/Kab/X/2026

### Tanggal Nota Dinas

2026-10-01

### Unit pengusul

Subbagian Hukum dan SDM

### Kebutuhan publikasi

Masyarakat perlu tahu pokok-pokok UU Pemilu.
Terutama hak pilih.

### Tahapan pemilu

sosialisasi-pendidikan-pemilih — Sosialisasi dan pendidikan pemilih

### Dasar hukum

Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum
Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik
"""


def test_issue_form_labels_and_stages_match_the_parser() -> None:
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    labels = [f["attributes"]["label"] for f in form["body"] if f["type"] != "markdown"]
    assert labels == list(LABELS.values())
    dropdown = next(f for f in form["body"] if f["type"] == "dropdown")
    keys = [option.split(" — ")[0] for option in dropdown["attributes"]["options"]]
    assert keys == list(load_stages(ROOT))


def test_issue_body_file_becomes_a_filled_in_draft(repo: Path) -> None:
    (repo / "issue.md").write_text(BODY, encoding="utf-8")
    result = run_kpu("new", "--from-issue", "issue.md", cwd=repo)
    assert result.code == 0, result.out + result.err
    draft = next((repo / "drafts").glob("*-mengenal-uu-pemilu.md"))
    assert f"Draf dibuat dari permintaan: drafts/{draft.name}" in result.out
    text = draft.read_text(encoding="utf-8")
    front = yaml.safe_load(fm.front_text(text))
    assert front["title"] == "Mengenal UU Pemilu"
    assert front["request"] == {
        "number": "012/ND/HK.03/Kab/X/2026",
        "date": dt.date(2026, 10, 1),
        "unit": "Subbagian Hukum dan SDM",
    }
    assert front["election_stage"] == "sosialisasi-pendidikan-pemilih"
    assert front["legal_basis"] == [
        "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum",
        "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik",
    ]
    assert front["status"] == "draft"
    assert "#   Masyarakat perlu tahu pokok-pokok UU Pemilu." in text
    assert "# Ringkasan 1-2 kalimat" in text  # the template's guidance stays
    check = run_kpu("check", f"drafts/{draft.name}", cwd=repo)
    assert 'Kolom "description" tidak boleh kosong.' in check.out  # left for staff to write
    assert "request" not in check.out and "legal_basis" not in check.out


@pytest.fixture
def github() -> Iterator[FakeGitHub]:
    with running() as state:
        yield state


def test_issue_number_is_read_through_the_api(repo: Path, github: FakeGitHub) -> None:
    github.issues[42] = {
        "id": 5,
        "number": 42,
        "title": "[Permintaan Publikasi]: UU Pemilu",
        "body": BODY,
        "user": {"login": "subbag-teknis"},
        "state": "open",
        "html_url": f"{github.html}/issues/42",
    }
    env = {
        "GITHUB_API_URL": github.url,
        "GITHUB_REPOSITORY": github.repository,
        "GITHUB_TOKEN": "fake",
    }
    result = run_kpu("new", "--from-issue", "42", cwd=repo, env=env)
    assert result.code == 0, result.out + result.err
    assert "Draf dibuat dari permintaan #42: drafts/" in result.out
    text = next((repo / "drafts").glob("*.md")).read_text(encoding="utf-8")
    assert "# Kebutuhan menurut Nota Dinas (dari issue #42):" in text


def test_incomplete_issue_lists_every_problem(repo: Path) -> None:
    body = BODY.replace("2026-10-01", "1 Oktober 2026").replace(
        "Subbagian Hukum dan SDM", "_No response_"
    )
    (repo / "issue.md").write_text(
        body.replace("sosialisasi-pendidikan-pemilih —", "kampanye-2031 —"), encoding="utf-8"
    )
    result = run_kpu("new", "--from-issue", "issue.md", cwd=repo)
    assert result.code == 1
    assert result.out.splitlines() == [
        'Isian "Unit pengusul" di issue kosong. Lengkapi issue-nya (Edit), lalu jalankan lagi.',
        'Isian "Tanggal Nota Dinas" harus berformat TTTT-BB-HH, contoh 2026-10-01; tertulis: "1 Oktober 2026". '
        "Perbaiki issue-nya, lalu jalankan lagi.",
        'Tahapan "kampanye-2031" tidak dikenal. Pilih salah satu kunci di data/election_stages.yml: '
        + ", ".join(load_stages(ROOT))
        + ".",
    ]
    assert not list((repo / "drafts").glob("*.md"))


def test_new_with_a_title_still_works(repo: Path) -> None:
    assert run_kpu("new", "Judul Biasa", cwd=repo).code == 0
