"""SOP step 7: approvals by role, read from real review JSON."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.approvals import Review, evaluate
from pipeline.config import load_config
from tests.conftest import ROOT, run_kpu
from tests.fake_github import FakeGitHub, running

CONFIG = load_config(ROOT)
AUTHOR = "desain-kpubabar"


def R(login: str, state: str, at: str = "2026-10-05T02:00:00Z") -> Review:  # noqa: N802
    return Review.from_api({"user": {"login": login}, "state": state, "submitted_at": at})


def test_legal_and_content_approval_complete_the_pull_request() -> None:
    state = evaluate(
        [R("hukum-kpubabar", "APPROVED"), R("ketua-kpubabar", "APPROVED")], AUTHOR, CONFIG
    )
    assert state.complete
    assert [(s.rule, s.login, s.role) for s in state.signoffs] == [
        ("Telaah hukum", "hukum-kpubabar", "subbag_hukum"),
        ("Persetujuan konten", "ketua-kpubabar", "ketua"),
    ]


def test_missing_legal_review_is_named() -> None:
    state = evaluate([R("ketua-kpubabar", "APPROVED")], AUTHOR, CONFIG)
    assert not state.complete
    assert [r.name for r in state.missing] == ["Telaah hukum"]


def test_authors_self_approval_does_not_count() -> None:
    config = CONFIG.model_copy(
        update={"roles": {**CONFIG.roles, "ketua": ["ketua-kpubabar", AUTHOR]}}
    )
    state = evaluate([R("hukum-kpubabar", "APPROVED"), R(AUTHOR, "APPROVED")], AUTHOR, config)
    assert [r.name for r in state.missing] == ["Persetujuan konten"]
    assert state.self_approved


def test_changes_requested_by_a_role_holder_blocks_even_when_rules_are_met() -> None:
    reviews = [
        R("hukum-kpubabar", "APPROVED"),
        R("ketua-kpubabar", "APPROVED"),
        R("divisi-teknis-kpubabar", "CHANGES_REQUESTED"),
    ]
    state = evaluate(reviews, AUTHOR, CONFIG)
    assert not state.complete and state.blockers[0].login == "divisi-teknis-kpubabar"


def test_latest_review_wins_and_comments_do_not_change_it() -> None:
    reviews = [
        R("hukum-kpubabar", "CHANGES_REQUESTED", "2026-10-05T01:00:00Z"),
        R("hukum-kpubabar", "APPROVED", "2026-10-05T02:00:00Z"),
        R("hukum-kpubabar", "COMMENTED", "2026-10-05T03:00:00Z"),
        R("ketua-kpubabar", "APPROVED", "2026-10-05T02:00:00Z"),
    ]
    assert evaluate(reviews, AUTHOR, CONFIG).complete


def test_dismissed_review_is_ignored() -> None:
    reviews = [R("hukum-kpubabar", "DISMISSED"), R("ketua-kpubabar", "APPROVED")]
    assert [r.name for r in evaluate(reviews, AUTHOR, CONFIG).missing] == ["Telaah hukum"]


def test_approval_from_an_account_without_a_role_does_not_count() -> None:
    state = evaluate(
        [R("orang-lain", "APPROVED"), R("orang-lain2", "CHANGES_REQUESTED")], AUTHOR, CONFIG
    )
    assert len(state.missing) == 2 and not state.blockers and state.without_role == ("orang-lain",)


@pytest.fixture
def github() -> Iterator[FakeGitHub]:
    with running() as state:
        yield state


def _env(github: FakeGitHub) -> dict[str, str]:
    return {
        "GITHUB_API_URL": github.url,
        "GITHUB_REPOSITORY": github.repository,
        "GITHUB_TOKEN": "fake",
    }


def test_kpu_approvals_prints_roles_and_exits_0_when_complete(
    repo: Path, github: FakeGitHub
) -> None:
    github.add_pull(12, AUTHOR)
    github.review(12, "hukum-kpubabar", "APPROVED")
    github.review(12, "divisi-hukum-kpubabar", "APPROVED")
    result = run_kpu("approvals", "12", cwd=repo, env=_env(github))
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        f"Persetujuan pull request #12 (oleh {AUTHOR}):",
        "  ✔ Telaah hukum: disetujui hukum-kpubabar sebagai Subbag Hukum",
        "  ✔ Persetujuan konten: disetujui divisi-hukum-kpubabar sebagai Divisi Pengusul",
        "Persetujuan lengkap: draf di pull request ini boleh terbit setelah digabung (merge).",
    ]


def test_kpu_approvals_names_missing_roles_and_exits_1(repo: Path, github: FakeGitHub) -> None:
    github.add_pull(12, AUTHOR)
    github.review(12, "hukum-kpubabar", "APPROVED")
    github.review(12, AUTHOR, "APPROVED")
    result = run_kpu("approvals", "12", cwd=repo, env=_env(github))
    assert result.code == 1
    assert (
        "  ✘ Persetujuan konten: belum ada persetujuan dari Divisi Pengusul atau Ketua KPU Kabupaten"
        in result.out
    )
    assert f"Persetujuan {AUTHOR} atas pull request miliknya sendiri tidak dihitung." in result.out
    assert result.out.rstrip().endswith(
        "Persetujuan belum lengkap. Masih diperlukan: Persetujuan konten (Divisi Pengusul atau Ketua KPU Kabupaten)."
    )
