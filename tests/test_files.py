"""Files the build must never publish (issue #10): symlinks, devices and FIFOs under content/,
drafts/ and data/ stop `kpu check` and `kpu build` with an error naming each; files are read
within their byte limit; the build gets no credential."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from pipeline.core.files import TooBig, read_limited
from pipeline.site.build import build_environment
from tests.conftest import ROOT, run_kpu, write_draft

SYMLINK = "Ini tautan simbolik (symlink)"


def test_symlink_to_the_process_environment_stops_check_and_build(repo: Path) -> None:
    (repo / "content" / "assets" / "env.json").symlink_to("/proc/self/environ")
    check = run_kpu("check", cwd=repo)
    assert check.code == 1
    assert f'content/assets/env.json: kesalahan: {SYMLINK} ke "/proc/self/environ"' in check.out
    build = run_kpu("build", "--site-dir", "out", cwd=repo, env={"GITHUB_TOKEN": "ghs_secret"})
    assert build.code == 1
    assert "Situs tidak dibangun" in build.err
    assert f"content/assets/env.json: kesalahan: {SYMLINK}" in build.err
    assert not (repo / "out").exists()  # mkdocs never ran


def test_symlinked_folder_and_file_are_refused_without_being_walked(repo: Path) -> None:
    (repo / "content" / "assets" / "etc").symlink_to("/etc", target_is_directory=True)
    (repo / "data" / "passwd.yml").symlink_to("/etc/passwd")
    result = run_kpu("build", "--site-dir", "out", cwd=repo)
    assert result.code == 1
    assert f'content/assets/etc: kesalahan: {SYMLINK} ke "/etc"' in result.err
    assert f'data/passwd.yml: kesalahan: {SYMLINK} ke "/etc/passwd"' in result.err
    assert "content/assets/etc/" not in result.err  # the linked folder was not entered
    assert not (repo / "out").exists()


def test_plain_mkdocs_build_refuses_a_symlink_too(repo: Path) -> None:
    """MkDocs itself walks docs_dir following symlinks: the kpu plugin stops it first."""
    (repo / "content" / "assets" / "passwd.txt").symlink_to("/etc/passwd")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(repo / "out")],
        cwd=repo, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert f"content/assets/passwd.txt: kesalahan: {SYMLINK}" in done.stderr
    assert not list((repo / "out").rglob("passwd.txt"))


def test_draft_symlinked_to_dev_zero_is_refused_not_read(repo: Path) -> None:
    write_draft(repo)
    (repo / "drafts" / "2026-10-06-nol.md").symlink_to("/dev/zero")
    result = run_kpu("check", cwd=repo)
    assert result.code == 1
    assert f'drafts/2026-10-06-nol.md: kesalahan: {SYMLINK} ke "/dev/zero"' in result.out
    assert "Traceback" not in result.err


def test_symlink_given_by_name_is_not_read(repo: Path) -> None:
    (repo / "drafts" / "2026-10-06-sandi.md").symlink_to("/etc/passwd")
    result = run_kpu("check", "drafts/2026-10-06-sandi.md", cwd=repo)
    assert result.code == 1
    assert (
        "drafts/2026-10-06-sandi.md: kesalahan: Berkas ini tautan simbolik (symlink) dan tidak "
        in (result.out)
    )
    assert "root:" not in result.out


def test_fifo_in_drafts_is_refused_without_hanging(repo: Path) -> None:
    os.mkfifo(repo / "drafts" / "2026-10-06-pipa.md")
    result = run_kpu("check", cwd=repo)  # run_kpu has a timeout: a blocking open would fail it
    assert result.code == 1
    assert "drafts/2026-10-06-pipa.md: kesalahan: Ini bukan berkas biasa (FIFO/pipa bernama)" in (
        result.out
    )
    build = run_kpu("build", "--site-dir", "out", cwd=repo)
    assert build.code == 1 and "drafts/2026-10-06-pipa.md" in build.err


def test_device_in_content_is_refused(repo: Path) -> None:
    device = repo / "content" / "assets" / "nol.bin"
    try:
        os.mknod(device, stat.S_IFCHR | 0o600, os.makedev(1, 5))
    except PermissionError:
        pytest.skip("creating a device needs CAP_MKNOD")
    result = run_kpu("check", cwd=repo)
    assert "content/assets/nol.bin: kesalahan: Ini bukan berkas biasa (perangkat karakter)" in (
        result.out
    )


def test_size_limit_counts_bytes_read_not_st_size(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        read_limited(Path("/dev/zero"), 10)  # st_size 0, endless: refused as not a regular file
    big = tmp_path / "besar.md"
    big.write_bytes(b"x" * 11)
    assert read_limited(big, 11) == b"x" * 11
    with pytest.raises(TooBig):
        read_limited(big, 10)
    link = tmp_path / "tautan.md"
    link.symlink_to(big)
    with pytest.raises(OSError):
        read_limited(link, 100)  # O_NOFOLLOW


def test_draft_over_the_limit_is_refused_by_what_is_read(repo: Path) -> None:
    draft = write_draft(repo)
    draft.write_text(draft.read_text(encoding="utf-8") + "x" * 1_000_001, encoding="utf-8")
    result = run_kpu("check", cwd=repo)
    assert result.code == 1
    assert "Berkas terlalu besar (lebih dari maksimum 1000000 byte)" in result.out


def test_the_build_gets_no_credential() -> None:
    environ = {
        "PATH": "/usr/bin",
        "KPU_OFFLINE": "true",
        "GITHUB_TOKEN": "ghs_x",
        "ACTIONS_ID_TOKEN_REQUEST_TOKEN": "oidc",
        "ACTIONS_ID_TOKEN_REQUEST_URL": "https://token.example/",
        "ACTIONS_RUNTIME_TOKEN": "rt",
        "X_API_KEY": "k",
        "X_API_SECRET": "s",
        "FACEBOOK_PAGE_TOKEN": "f",
        "MASTODON_TOKEN": "m",
        "TELEGRAM_BOT_TOKEN": "t",
    }
    assert build_environment(environ) == {"PATH": "/usr/bin", "KPU_OFFLINE": "true"}


@pytest.mark.parametrize("workflow", ["publish.yml", "check.yml"])
def test_the_build_step_of_the_workflows_has_no_env(workflow: str) -> None:
    jobs = yaml.safe_load((ROOT / ".github" / "workflows" / workflow).read_text("utf-8"))["jobs"]
    steps = [s for job in jobs.values() for s in job.get("steps", [])]
    builds = [s for s in steps if str(s.get("run", "")).startswith("kpu build")]
    assert builds, workflow
    for step in builds:
        assert "env" not in step, step


def test_the_staging_copy_never_follows_a_link(tmp_path: Path) -> None:
    """kpu build copies content/ into its staging tree (issue #14) without reading a link."""
    from pipeline.core.files import copy_tree

    source = tmp_path / "content"
    (source / "posts").mkdir(parents=True)
    (source / "posts" / "a.md").write_text("halo", encoding="utf-8")
    copy_tree(source, tmp_path / "copy")
    assert (tmp_path / "copy" / "posts" / "a.md").read_text(encoding="utf-8") == "halo"
    secret = tmp_path / "secret.txt"
    secret.write_text("rahasia", encoding="utf-8")
    (source / "posts" / "b.md").symlink_to(secret)
    with pytest.raises(OSError):
        copy_tree(source, tmp_path / "again")
    assert not any("rahasia" in p.read_text() for p in (tmp_path / "again").rglob("*.md"))


def test_a_page_the_staging_writes_itself_is_not_copied_but_a_link_there_is_still_refused(
    tmp_path: Path,
) -> None:
    from pipeline.core.files import copy_tree

    source = tmp_path / "content"
    (source / "posts").mkdir(parents=True)
    (source / "posts" / "a.md").write_text("halo", encoding="utf-8")
    (source / "logo.png").write_bytes(b"png")
    copy_tree(source, tmp_path / "copy", skip={"posts/a.md"})
    assert not (tmp_path / "copy" / "posts" / "a.md").exists()
    assert (tmp_path / "copy" / "logo.png").read_bytes() == b"png"
    secret = tmp_path / "secret.txt"
    secret.write_text("rahasia", encoding="utf-8")
    (source / "posts" / "b.md").symlink_to(secret)
    with pytest.raises(OSError):
        copy_tree(source, tmp_path / "again", skip={"posts/b.md"})
