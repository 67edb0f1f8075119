"""The repository set up to help: branch protection read through REST, CODEOWNERS from roles."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.core.config import load_config
from pipeline.setup import codeowners
from pipeline.setup.doctor import Status, diagnose
from tests.conftest import ROOT, run_kpu
from tests.fake_github import FakeGitHub, running


@pytest.fixture
def github() -> Iterator[FakeGitHub]:
    with running() as state:
        yield state


def _env(github: FakeGitHub) -> dict[str, str]:
    return {
        "GITHUB_API_URL": github.url,
        "GITHUB_REPOSITORY": github.repository,
        "GITHUB_TOKEN": "rahasia-uji-123456",
    }


def _branch_lines(repo: Path, github: FakeGitHub) -> list[tuple[Status, str]]:
    return [
        (f.status, f.text) for f in diagnose(repo, _env(github)) if f.text.startswith("Cabang main")
    ]


def test_the_committed_codeowners_is_the_one_generated_from_the_roles() -> None:
    assert codeowners.is_current(ROOT, load_config(ROOT))
    text = (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert "/kpu.yml         @ketua-kpubabar\n" in text
    assert "/drafts/         @sekretaris-kpubabar @hukum-kpubabar" in text


def test_a_role_change_makes_codeowners_stale_until_regenerated(repo: Path) -> None:
    (repo / ".github").mkdir()
    shutil.copy(ROOT / ".github" / "CODEOWNERS", repo / ".github" / "CODEOWNERS")
    config = repo / "kpu.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "ketua: [ketua-kpubabar]", "ketua: [ketua-baru-kpubabar]"
        ),
        encoding="utf-8",
    )
    stale = run_kpu("codeowners", "--check", cwd=repo)
    assert stale.code == 1
    assert stale.out.strip() == (
        ".github/CODEOWNERS tidak sesuai dengan roles di kpu.yml; jalankan kpu codeowners lalu "
        "ajukan perubahannya lewat pull request."
    )
    assert run_kpu("codeowners", cwd=repo).code == 0
    assert "/.github/        @ketua-baru-kpubabar\n" in (repo / ".github" / "CODEOWNERS").read_text(
        encoding="utf-8"
    )
    assert run_kpu("codeowners", "--check", cwd=repo).code == 0


def test_an_unprotected_branch_is_named_with_each_setting_to_switch_on(
    repo: Path, github: FakeGitHub
) -> None:
    lines = _branch_lines(repo, github)
    assert [s for s, _ in lines] == [Status.FAIL] * 4
    assert lines[0][1] == (
        "Cabang main: perubahan hanya lewat pull request (Require a pull request before merging) "
        "— belum aktif. Aktifkan di GitHub: Settings → Rules → Rulesets (atau Settings → Branches "
        "→ Branch protection rules) untuk cabang main."
    )
    assert "Dismiss stale pull request approvals" in lines[1][1]
    assert "Require review from Code Owners" in lines[2][1]
    assert "kecualikan hanya GitHub Actions" in lines[3][1]
    assert github.requests_to("/branches/main/protection$")
    assert github.requests_to("/rules/branches/main$")


def test_classic_protection_with_everything_on_passes(repo: Path, github: FakeGitHub) -> None:
    github.protection = {
        "required_pull_request_reviews": {
            "dismiss_stale_reviews": True,
            "require_code_owner_reviews": True,
            "required_approving_review_count": 3,
        },
        "enforce_admins": {"enabled": True},
    }
    assert [s for s, _ in _branch_lines(repo, github)] == [Status.OK] * 4


def test_a_ruleset_without_stale_dismissal_names_only_that(repo: Path, github: FakeGitHub) -> None:
    github.rules = [
        {
            "type": "pull_request",
            "ruleset_id": 7,
            "parameters": {
                "dismiss_stale_reviews_on_push": False,
                "require_code_owner_review": True,
                "required_approving_review_count": 3,
            },
        }
    ]
    lines = _branch_lines(repo, github)
    assert [s for s, _ in lines] == [Status.OK, Status.FAIL, Status.OK, Status.OK]


def test_without_a_token_the_protection_is_not_checked_and_says_so(repo: Path) -> None:
    texts = [f.text for f in diagnose(repo, {}) if "Perlindungan cabang" in f.text]
    assert texts == [
        "Perlindungan cabang tidak diperiksa: GITHUB_TOKEN belum diatur. Jalankan dengan token "
        "yang boleh membaca pengaturan repositori untuk memeriksanya."
    ]


def test_an_unreadable_protection_is_a_failure_without_the_token(
    repo: Path, github: FakeGitHub
) -> None:
    github.injected.append((403, {}, {"message": "Resource not accessible by integration"}))
    texts = [f.text for f in diagnose(repo, _env(github)) if "Perlindungan cabang" in f.text]
    assert len(texts) == 1 and texts[0].startswith("Perlindungan cabang main tidak dapat dibaca:")
    assert "rahasia-uji-123456" not in texts[0]
