"""--quiet and --verbose on every command (#15 item 3): with -q a successful run prints nothing and
exits 0; a failure still prints under -q; -v adds detail, never removes a line."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_kpu

# Commands that succeed on the sample repository without the network.
OFFLINE = [
    ["check"],
    ["verify"],
    ["report"],
    ["codeowners", "--check"],
    ["cms", "config", "--check"],
    ["intake", "form", "--check"],
    ["publish", "--dry-run"],
    ["publish", "--outbox-only"],
]


@pytest.fixture
def sample(site: Path) -> Path:
    """The sample repository with the generated files the --check commands compare."""
    shutil.copytree(ROOT / ".github", site / ".github")
    (site / "cms").mkdir()
    shutil.copy(ROOT / "cms" / "config.yml", site / "cms" / "config.yml")
    git = ["git", "-c", "user.name=KPU", "-c", "user.email=kpu@kpu.invalid", "-C", str(site)]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "sample"], check=True)
    return site


@pytest.mark.parametrize("words", OFFLINE, ids=" ".join)
def test_quiet_success_prints_nothing_and_exits_0(sample: Path, words: list[str]) -> None:
    loud = run_kpu(*words, cwd=sample)
    assert loud.code == 0, loud.out + loud.err
    assert loud.out.strip(), "the normal run says what it did"
    quiet = run_kpu(*words, "-q", cwd=sample)
    assert quiet.code == 0, quiet.out + quiet.err
    assert quiet.out == "" and quiet.err == ""
    verbose = run_kpu(*words, "--verbose", cwd=sample)
    assert verbose.code == 0
    assert len(verbose.out.splitlines()) >= len(loud.out.splitlines())  # dry-run paths differ


def test_quiet_still_prints_failures(sample: Path) -> None:
    owners = sample / ".github" / "CODEOWNERS"
    owners.write_text(owners.read_text(encoding="utf-8") + "\n* @someone\n", encoding="utf-8")
    (sample / "cms" / "config.yml").write_text("backend: {}\n", encoding="utf-8")
    form = sample / ".github" / "ISSUE_TEMPLATE" / "permintaan-publikasi.yml"
    form.write_text(
        form.read_text(encoding="utf-8").replace("Sosialisasi dan", "X dan"), encoding="utf-8"
    )
    post = next((sample / "content" / "posts").rglob("*.md"))
    post.write_text(post.read_text(encoding="utf-8") + "\nDiubah setelah disetujui.\n", "utf-8")
    for words in (
        ["codeowners", "--check"],
        ["cms", "config", "--check"],
        ["intake", "form", "--check"],
        ["verify"],
    ):
        quiet = run_kpu(*words, "-q", cwd=sample)
        assert quiet.code == 1, (words, quiet.out, quiet.err)
        assert quiet.out.strip(), words


def test_quiet_approvals_says_only_what_is_missing(sample: Path) -> None:
    from tests.fake_github import running

    with running() as github:
        env = {"GITHUB_API_URL": github.url, "GITHUB_REPOSITORY": github.repository}
        env["GITHUB_TOKEN"] = "fake"
        github.add_pull(12, "desain-kpubabar")
        github.review(12, "sekretaris-kpubabar", "APPROVED")
        github.review(12, "hukum-kpubabar", "APPROVED")
        missing = run_kpu("approvals", "12", "-q", cwd=sample, env=env)
        github.review(12, "ketua-kpubabar", "APPROVED")
        complete = run_kpu("approvals", "12", "-q", cwd=sample, env=env)
        loud = run_kpu("approvals", "12", cwd=sample, env=env)
    assert missing.code == 1 and "Persetujuan belum lengkap" in missing.out
    assert (complete.code, complete.out, complete.err) == (0, "", "")
    assert loud.code == 0 and "Persetujuan lengkap" in loud.out
