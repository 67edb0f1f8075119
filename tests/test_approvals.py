"""SOP step 7: approvals by role, read from real review JSON."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.core.config import load_config
from pipeline.review.approvals import Review, describe, evaluate
from tests.conftest import ROOT, VALID_DRAFT, run_kpu
from tests.fake_github import FakeGitHub, running
from tests.merge_flow import Scenario, git

CONFIG = load_config(ROOT)
AUTHOR = "desain-kpubabar"
DRAFT = "drafts/2026-10-05-mengenal-uu-pemilu.md"


def R(login: str, state: str, at: str = "2026-10-05T02:00:00Z") -> Review:  # noqa: N802
    return Review.from_api({"user": {"login": login}, "state": state, "submitted_at": at})


SEKRETARIS = R("sekretaris-kpubabar", "APPROVED")


def test_stage_legal_and_content_approval_complete_the_pull_request() -> None:
    state = evaluate(
        [SEKRETARIS, R("hukum-kpubabar", "APPROVED"), R("ketua-kpubabar", "APPROVED")],
        AUTHOR,
        CONFIG,
    )
    assert state.complete
    assert [(s.rule, s.login, s.role) for s in state.signoffs] == [
        ("Kesesuaian tahapan", "sekretaris-kpubabar", "sekretaris"),
        ("Telaah hukum", "hukum-kpubabar", "subbag_hukum"),
        ("Persetujuan konten", "ketua-kpubabar", "ketua"),
    ]


def test_the_default_rules_follow_the_sop_table() -> None:
    assert [(r.name, r.any_of) for r in CONFIG.approvals] == [
        ("Kesesuaian tahapan", ["sekretaris"]),
        ("Telaah hukum", ["subbag_hukum"]),
        ("Persetujuan konten", ["divisi_pengusul", "ketua"]),
    ]
    assert CONFIG.distinct_approvers
    assert (CONFIG.governance.name, CONFIG.governance.any_of) == (
        "Persetujuan tata kelola",
        ["ketua"],
    )


def test_missing_legal_review_is_named() -> None:
    state = evaluate([SEKRETARIS, R("ketua-kpubabar", "APPROVED")], AUTHOR, CONFIG)
    assert not state.complete
    assert [r.name for r in state.missing] == ["Telaah hukum"]


def test_one_person_in_two_roles_gives_only_one_signoff() -> None:
    config = CONFIG.model_copy(
        update={"roles": {**CONFIG.roles, "ketua": ["ketua-kpubabar", "hukum-kpubabar"]}}
    )
    state = evaluate([SEKRETARIS, R("hukum-kpubabar", "APPROVED")], AUTHOR, config)
    assert not state.complete
    assert [r.name for r in state.missing] == ["Persetujuan konten"]
    assert state.reused == ("hukum-kpubabar",)
    assert (
        "  • hukum-kpubabar sudah dihitung untuk satu persetujuan; setiap persetujuan wajib "
        "diberikan orang yang berbeda (distinct_approvers di kpu.yml)."
    ) in describe(state)


def test_distinct_people_are_matched_whatever_the_review_order() -> None:
    # ketua-kpubabar also holds subbag_hukum: they must be credited as Ketua, not as legal review.
    config = CONFIG.model_copy(
        update={"roles": {**CONFIG.roles, "subbag_hukum": ["hukum-kpubabar", "ketua-kpubabar"]}}
    )
    reviews = [SEKRETARIS, R("ketua-kpubabar", "APPROVED"), R("hukum-kpubabar", "APPROVED")]
    state = evaluate(reviews, AUTHOR, config)
    assert state.complete
    assert [(s.rule, s.login) for s in state.signoffs][1:] == [
        ("Telaah hukum", "hukum-kpubabar"),
        ("Persetujuan konten", "ketua-kpubabar"),
    ]


def test_kpu_yml_may_let_one_person_give_two_signoffs() -> None:
    config = CONFIG.model_copy(
        update={
            "roles": {**CONFIG.roles, "ketua": ["ketua-kpubabar", "hukum-kpubabar"]},
            "distinct_approvers": False,
        }
    )
    assert evaluate([SEKRETARIS, R("hukum-kpubabar", "APPROVED")], AUTHOR, config).complete


def test_rule_changes_need_the_governance_signoff() -> None:
    reviews = [SEKRETARIS, R("hukum-kpubabar", "APPROVED"), R("divisi-hukum-kpubabar", "APPROVED")]
    state = evaluate(reviews, AUTHOR, CONFIG, governance=True)
    assert [r.name for r in state.missing] == ["Persetujuan tata kelola"]
    assert evaluate(
        [*reviews, R("ketua-kpubabar", "APPROVED")], AUTHOR, CONFIG, governance=True
    ).complete


def test_an_approval_of_an_older_version_is_stale() -> None:
    reviews = [
        SEKRETARIS,
        Review("hukum-kpubabar", "APPROVED", commit_id="a" * 40),
        R("ketua-kpubabar", "APPROVED"),
    ]
    state = evaluate(
        reviews,
        AUTHOR,
        CONFIG,
        changed_since=lambda sha: ["drafts/x.md"] if sha == "a" * 40 else [],
    )
    assert [r.name for r in state.missing] == ["Telaah hukum"]
    assert (
        "  ✘ Persetujuan hukum-kpubabar untuk commit aaaaaaa tidak dihitung: disetujui untuk versi "
        "sebelumnya; minta persetujuan ulang (berubah sesudahnya: drafts/x.md)."
    ) in describe(state)


def test_authors_self_approval_does_not_count() -> None:
    config = CONFIG.model_copy(
        update={"roles": {**CONFIG.roles, "ketua": ["ketua-kpubabar", AUTHOR]}}
    )
    state = evaluate(
        [SEKRETARIS, R("hukum-kpubabar", "APPROVED"), R(AUTHOR, "APPROVED")], AUTHOR, config
    )
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
        SEKRETARIS,
    ]
    assert evaluate(reviews, AUTHOR, CONFIG).complete


def test_dismissed_review_is_ignored() -> None:
    reviews = [R("hukum-kpubabar", "DISMISSED"), R("ketua-kpubabar", "APPROVED"), SEKRETARIS]
    assert [r.name for r in evaluate(reviews, AUTHOR, CONFIG).missing] == ["Telaah hukum"]


def test_approval_from_an_account_without_a_role_does_not_count() -> None:
    state = evaluate(
        [R("orang-lain", "APPROVED"), R("orang-lain2", "CHANGES_REQUESTED")], AUTHOR, CONFIG
    )
    assert len(state.missing) == 3 and not state.blockers and state.without_role == ("orang-lain",)


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
    github.review(12, "sekretaris-kpubabar", "APPROVED")
    github.review(12, "hukum-kpubabar", "APPROVED")
    github.review(12, "divisi-hukum-kpubabar", "APPROVED")
    result = run_kpu("approvals", "12", cwd=repo, env=_env(github))
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        f"Persetujuan pull request #12 (oleh {AUTHOR}):",
        "  ✔ Kesesuaian tahapan: disetujui sekretaris-kpubabar sebagai Sekretaris KPU Kabupaten",
        "  ✔ Telaah hukum: disetujui hukum-kpubabar sebagai Subbag Hukum",
        "  ✔ Persetujuan konten: disetujui divisi-hukum-kpubabar sebagai Divisi Pengusul",
        "  • Cabang main tidak tersedia di salinan ini; dinilai dengan kpu.yml di folder ini. "
        "Jalankan di salinan repositori yang lengkap (git fetch origin main) untuk penilaian yang "
        "pasti.",
        "Persetujuan lengkap: draf di pull request ini boleh terbit setelah digabung (merge).",
    ]


def test_kpu_approvals_names_missing_roles_and_exits_1(repo: Path, github: FakeGitHub) -> None:
    github.add_pull(12, AUTHOR)
    github.review(12, "sekretaris-kpubabar", "APPROVED")
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


def test_before_merge_kpu_approvals_judges_by_origin_main_and_names_stale_and_governance(
    tmp_path: Path, repo: Path, github: FakeGitHub
) -> None:
    flow = Scenario(tmp_path, repo, github)
    config = (flow.staff / "kpu.yml").read_text(encoding="utf-8")
    friendly = config.replace("ketua: [ketua-kpubabar]", "ketua: [ketua-kpubabar, teman-desain]")
    first = flow.open_pr(12, {DRAFT: VALID_DRAFT, "kpu.yml": friendly})
    for login in ("sekretaris-kpubabar", "hukum-kpubabar"):
        github.review(12, login, "APPROVED")
    flow.push_to_pr(12, {DRAFT: VALID_DRAFT.replace("Mengenal UU Pemilu", "Judul Baru")})
    github.review(12, "teman-desain", "APPROVED")  # the PR's own kpu.yml gives them a role
    clone = flow.clone()
    base = git("rev-parse", "origin/main", cwd=clone)
    result = run_kpu("approvals", "12", cwd=clone, env=_env(github))
    assert result.code == 1
    lines = result.out.splitlines()
    for login in ("sekretaris-kpubabar", "hukum-kpubabar"):
        assert (
            f"  ✘ Persetujuan {login} untuk commit {first[:7]} tidak dihitung: disetujui untuk "
            f"versi sebelumnya; minta persetujuan ulang (berubah sesudahnya: {DRAFT})."
        ) in lines
    assert (
        "  • Persetujuan teman-desain tidak dihitung: akun ini tidak tercantum di roles pada kpu.yml."
        in lines
    )
    assert (
        "  • Pull request ini mengubah aturan (peran/persetujuan di kpu.yml, data/*.yml, "
        ".github/workflows/, .github/CODEOWNERS, atau kode pipeline/), jadi memerlukan juga "
        "Persetujuan tata kelola sesuai kpu.yml di main."
    ) in lines
    assert "  • Berkas aturan yang diubah: kpu.yml." in lines
    assert (
        f"  • Dinilai dengan aturan kpu.yml dan data/*.yml di commit {base[:7]} (main sebelum "
        "merge), bukan dengan versi di pull request ini."
    ) in lines


def test_kpu_check_says_a_rules_change_needs_the_governance_signoff(
    tmp_path: Path, repo: Path, github: FakeGitHub
) -> None:
    flow = Scenario(tmp_path, repo, github)
    clone = flow.clone()
    git("checkout", "--quiet", "-b", "ubah-aturan", cwd=clone)
    registry = clone / "data" / "regulations.yml"
    registry.write_text(registry.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    git("commit", "--quiet", "-am", "Ubah registri", cwd=clone)
    result = run_kpu("check", cwd=clone)
    assert result.code == 0, result.out
    assert result.out.rstrip().endswith(
        "Catatan: perubahan ini mengubah aturan (data/regulations.yml). Pull request-nya "
        "memerlukan juga Persetujuan tata kelola (Ketua KPU Kabupaten) sesuai kpu.yml di main; "
        "aturan yang diubah baru berlaku setelah digabung."
    )


def test_the_pr_comment_names_stale_approvals_and_the_governance_signoff(
    tmp_path: Path, repo: Path, github: FakeGitHub
) -> None:
    flow = Scenario(tmp_path, repo, github)
    flow.open_pr(12, {DRAFT: VALID_DRAFT, ".github/workflows/catatan.yml": "name: Catatan\n"})
    github.review(12, "hukum-kpubabar", "APPROVED")
    flow.push_to_pr(12, {DRAFT: VALID_DRAFT.replace("Mengenal UU Pemilu", "Judul Baru")})
    clone = flow.clone()
    git("fetch", "--quiet", "origin", "refs/pull/12/head:pr", cwd=clone)  # as check.yml has it
    git("checkout", "--quiet", "pr", cwd=clone)
    env = {**_env(github), "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md")}
    result = run_kpu("comment", "12", "--no-post", cwd=clone, env=env)
    assert result.code == 0, result.err
    assert "- ⚠️ Approve dari `@hukum-kpubabar` untuk versi sebelumnya (commit " in result.out
    assert "minta hukum-kpubabar menyetujui ulang" in result.out
    assert "Pull request ini mengubah aturan" in result.out
    assert "**Persetujuan tata kelola** (Ketua KPU Kabupaten): belum" in result.out
