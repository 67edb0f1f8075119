"""`kpu retract` prepares a withdrawal; it never calls a network itself.

The deletions after the approved merge, the kill points and the urgent takedown are in
tests/test_withdraw.py (merge flow, publish.yml and withdraw.yml run for real).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import run_kpu
from tests.servers.world import POST, SLUG, World, entry, only_one_publication

CHANNELS = ("x", "facebook", "instagram", "telegram", "mastodon")
REASON = "Terdapat kekeliruan nomor pasal."
BRANCH = f"tarik/{SLUG}"


def git(*args: str, cwd: Path) -> str:
    env = {
        "GIT_AUTHOR_NAME": "Staf",
        "GIT_AUTHOR_EMAIL": "staf@kpu.test",
        "GIT_COMMITTER_NAME": "Staf",
        "GIT_COMMITTER_EMAIL": "staf@kpu.test",
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(cwd),
        "PATH": "/usr/bin:/bin",
    }
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.fixture
def published(repo: Path, world: World) -> Path:
    """One publication posted to every network, in a git working copy (no origin)."""
    only_one_publication(repo)
    result = run_kpu("publish", cwd=repo, env=world.env())
    assert result.code == 0, result.out + result.err
    git("init", "--quiet", "-b", "main", cwd=repo)
    git("config", "user.name", "Staf Hukum", cwd=repo)
    git("config", "user.email", "hukum@kpu.test", cwd=repo)
    git("add", "--all", cwd=repo)
    git("commit", "--quiet", "-m", "Situs", cwd=repo)
    return repo


def test_retract_commits_the_withdrawal_on_a_branch_and_deletes_nothing(
    published: Path, world: World
) -> None:
    result = run_kpu("retract", SLUG, "--reason", REASON, cwd=published, env=world.env())
    assert result.code == 0, result.out + result.err
    assert world.counts() == dict.fromkeys(CHANNELS, 1)  # credentials set, still nothing deleted
    assert [entry(published, c)["status"] for c in CHANNELS] == ["posted"] * 5
    assert result.out.startswith(f"Penarikan {SLUG} disiapkan di cabang {BRANCH} (commit ")
    assert f"kirim dengan: git push origin {BRANCH}" in result.out  # no origin to push to
    assert git("branch", "--show-current", cwd=published) == "main"
    text = git("show", f"{BRANCH}:{POST}", cwd=published)
    assert "withdrawn:\n  date: 20" in text and f'  reason: "{REASON}"\n---' in text
    assert git("log", "-1", "--format=%an <%ae>|%s", BRANCH, cwd=published) == (
        f"Staf Hukum <hukum@kpu.test>|Tarik publikasi {SLUG}: {REASON}"
    )
    git("checkout", "--quiet", BRANCH, cwd=published)
    assert run_kpu("check", cwd=published).code == 0


def test_a_withdrawal_nobody_approved_deletes_nothing_and_is_never_posted_again(
    published: Path, world: World
) -> None:
    assert run_kpu("retract", SLUG, "--reason", REASON, cwd=published).code == 0
    git("merge", "--quiet", "--ff-only", BRANCH, cwd=published)  # straight onto main
    again = run_kpu("publish", cwd=published, env=world.env())
    assert again.code == 1, again.out
    assert (
        f"{POST}: kolom withdrawn ada, tetapi penarikan ini belum disetujui: persetujuan tidak "
        "dapat diperiksa lewat GitHub (GITHUB_TOKEN tidak diatur). Tidak ada kiriman yang dihapus."
    ) in again.out
    assert world.counts() == dict.fromkeys(CHANNELS, 1)
    assert len(world.x.calls("POST /2/tweets")) == 1
    assert [entry(published, c)["status"] for c in CHANNELS] == ["posted"] * 5


def test_retract_of_a_withdrawn_publication_says_so(published: Path) -> None:
    assert run_kpu("retract", SLUG, "--reason", REASON, cwd=published).code == 0
    git("merge", "--quiet", "--ff-only", BRANCH, cwd=published)
    again = run_kpu("retract", SLUG, cwd=published)
    assert again.code == 1
    assert f"{POST}: publikasi ini sudah ditarik (" in again.err


def test_retract_of_an_unknown_slug_says_so(published: Path) -> None:
    result = run_kpu("retract", "tidak-ada", cwd=published)
    assert result.code == 1
    assert 'Publikasi dengan slug "tidak-ada" tidak ditemukan di content/posts/.' in result.err
