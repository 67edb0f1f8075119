"""`kpu comment`: one summary comment per pull request, updated in place; forks get the summary."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.check.validate import Result
from pipeline.review.comment import MARKER, render_comment
from tests.conftest import VALID_DRAFT, run_kpu, write_draft
from tests.fake_github import FakeGitHub, running


@pytest.fixture
def github() -> Iterator[FakeGitHub]:
    with running() as state:
        yield state


def _env(github: FakeGitHub, tmp: Path) -> dict[str, str]:
    return {
        "GITHUB_API_URL": github.url,
        "GITHUB_REPOSITORY": github.repository,
        "GITHUB_TOKEN": "fake",
        "GITHUB_STEP_SUMMARY": str(tmp / "summary.md"),
    }


def test_comment_is_created_once_then_updated_in_place(
    repo: Path, github: FakeGitHub, tmp_path: Path
) -> None:
    github.add_pull(12, "desain-kpubabar", merged=False)
    github.review(12, "hukum-kpubabar", "APPROVED")
    write_draft(repo, text=VALID_DRAFT.replace('title: "Mengenal UU Pemilu"', "title: ''"))
    first = run_kpu("comment", "12", cwd=repo, env=_env(github, tmp_path))
    assert first.code == 0, first.err
    assert first.out.strip() == "Komentar ringkasan diperbarui di pull request #12."
    write_draft(repo)
    github.review(12, "sekretaris-kpubabar", "APPROVED")
    github.review(12, "ketua-kpubabar", "APPROVED")
    assert run_kpu("comment", "12", cwd=repo, env=_env(github, tmp_path)).code == 0
    comments = github.comments[12]
    assert len(comments) == 1
    body = comments[0]["body"]
    assert body.startswith(MARKER)
    assert "✅ Semua" in body
    assert "- ✅ **Telaah hukum**: sudah disetujui oleh `@hukum-kpubabar` (Subbag Hukum)." in body
    assert "✅ Semua persetujuan lengkap" in body
    assert "Persetujuan (SOP langkah 7)" not in body  # the approvals are shown once
    assert body.count("### Daftar periksa SOP") == 1
    assert len(github.requests_to(r"/issues/comments/\d+$")) == 1


def test_validation_errors_and_missing_roles_are_listed(
    repo: Path, github: FakeGitHub, tmp_path: Path
) -> None:
    github.add_pull(12, "desain-kpubabar", merged=False)
    write_draft(repo, text=VALID_DRAFT.replace('title: "Mengenal UU Pemilu"', "title: ''"))
    run_kpu("comment", "12", cwd=repo, env=_env(github, tmp_path))
    body = github.comments[12][0]["body"]
    assert "❌ 1 kesalahan" in body
    assert '`drafts/2026-10-05-mengenal-uu-pemilu.md:2` Kolom "title" tidak boleh kosong.' in body
    assert "- ⬜ **Telaah hukum** (Subbag Hukum): belum. Menunggu persetujuan dari" in body
    assert "**Persetujuan belum lengkap. Masih diperlukan: " in body
    assert "Telaah hukum \\(Subbag Hukum\\)" in body  # inert: a bracket is only text


def test_read_only_token_of_a_fork_still_writes_the_job_summary(
    repo: Path, github: FakeGitHub, tmp_path: Path
) -> None:
    github.add_pull(12, "kontributor-luar", merged=False)
    write_draft(repo)
    github.injected = [  # pull, reviews, comments: readable; writing a comment: refused
        (200, {}, github.pulls[12]),
        (200, {}, []),
        (200, {}, []),
        (403, {}, {"message": "Resource not accessible by integration"}),
    ]
    result = run_kpu("comment", "12", cwd=repo, env=_env(github, tmp_path))
    assert result.code == 0
    assert "Untuk pull request dari fork, token GitHub hanya bisa membaca" in result.out
    assert MARKER in (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert 12 not in github.comments


def test_extra_sections_go_before_the_footer() -> None:
    body = render_comment(Result(), None, ["### Pratinjau media sosial\n\nteks"])
    assert body.index("### Pratinjau media sosial") < body.index("_Komentar ini diperbarui")
