"""CLI conventions (#15): --json for other tools, --quiet/--verbose, colour only on a terminal
and never with NO_COLOR, a progress line on stderr only on a terminal or with --verbose."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

from tests.conftest import VALID_DRAFT, run_kpu, write_draft
from tests.fake_github import FakeGitHub, running

BROKEN = VALID_DRAFT.replace('title: "Mengenal UU Pemilu"', 'title: ""')


def test_check_json_lists_every_problem_with_path_line_level_and_message(repo: Path) -> None:
    write_draft(repo, text=BROKEN)
    write_draft(
        repo,
        "2026-10-05-spasi.md",
        VALID_DRAFT.replace("Isi publikasi", "Isi\u200bpublikasi").replace(
            "Mengenal UU Pemilu", "Spasi Tak Terlihat"
        ),
    )
    result = run_kpu("check", "--json", cwd=repo)
    assert result.code == 1
    data = json.loads(result.out)  # stdout holds the JSON object and nothing else
    assert set(data) == {"version", "ok", "files", "errors", "warnings", "problems", "notice"}
    assert (data["version"], data["ok"]) == (1, False)
    assert data["errors"] == sum(p["level"] == "error" for p in data["problems"]) >= 1
    assert data["warnings"] == sum(p["level"] == "warning" for p in data["problems"]) >= 1
    first = next(p for p in data["problems"] if p["level"] == "error")
    assert first["path"] == "drafts/2026-10-05-mengenal-uu-pemilu.md"
    assert isinstance(first["line"], int)
    assert "title" in first["message"]
    text = run_kpu("check", cwd=repo)
    shown = [
        row for row in text.out.splitlines() if ": kesalahan: " in row or ": peringatan: " in row
    ]
    assert len(shown) == len(data["problems"])  # the same findings as the text form
    counts = f"{data['errors']} kesalahan dan {data['warnings']} peringatan pada {data['files']} "
    assert counts in text.out


def test_approvals_json_names_signoffs_and_what_is_missing(repo: Path) -> None:
    author = "desain-kpubabar"
    with running() as github:
        github.add_pull(12, author)
        github.review(12, "sekretaris-kpubabar", "APPROVED")
        github.review(12, "hukum-kpubabar", "APPROVED")
        result = run_kpu("approvals", "12", "--json", cwd=repo, env=_env(github))
    assert result.code == 1
    data = json.loads(result.out)
    assert data["version"] == 1
    assert (data["pull_request"], data["author"], data["complete"]) == (12, author, False)
    assert {(s["login"], s["role"]) for s in data["signoffs"]} == {
        ("sekretaris-kpubabar", "sekretaris"),
        ("hukum-kpubabar", "subbag_hukum"),
    }
    assert [m["rule"] for m in data["missing"]] == ["Persetujuan konten"]
    assert "divisi_pengusul" in data["missing"][0]["any_of"]


def _env(github: FakeGitHub) -> dict[str, str]:
    return {
        "GITHUB_API_URL": github.url,
        "GITHUB_REPOSITORY": github.repository,
        "GITHUB_TOKEN": "fake",
    }


def test_publish_dry_run_json_lists_each_post_and_its_outbox_file(site: Path) -> None:
    result = run_kpu("publish", "--dry-run", "--json", cwd=site)
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert (data["version"], data["dry_run"], data["ok"]) == (1, True, True)
    assert data["posts"], data
    for post in data["posts"]:
        assert set(post) == {"slug", "channel", "status", "url", "detail"}
        assert post["status"] == "outbox"
        assert Path(post["url"]).is_relative_to(data["folder"])
    assert not (site / "data" / "ledger.json").exists() or "outbox" not in (
        site / "data" / "ledger.json"
    ).read_text(encoding="utf-8")


def test_publish_json_without_dry_run_is_refused_before_anything_is_sent(site: Path) -> None:
    result = run_kpu("publish", "--json", cwd=site)
    assert result.code == 2
    assert "kpu publish --dry-run --json" in result.err
    assert result.out == ""


def test_quiet_leaves_out_the_summary_but_never_a_problem(repo: Path) -> None:
    write_draft(repo, text=BROKEN)
    loud = run_kpu("check", cwd=repo)
    quiet = run_kpu("check", "-q", cwd=repo)
    before = run_kpu("-q", "check", cwd=repo)
    assert quiet.code == loud.code == before.code == 1
    problems = [row for row in loud.out.splitlines() if ": kesalahan: " in row]
    assert problems and quiet.out.splitlines() == problems == before.out.splitlines()
    assert "kesalahan dan" in loud.out.splitlines()[-1]  # the summary the quiet run leaves out


def _on_terminal(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    """Run kpu with stdout and stderr on a real pseudo-terminal; what it wrote there."""
    leader, follower = pty.openpty()
    full_env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | env
    child = subprocess.Popen(
        [sys.executable, "-m", "pipeline", *args],
        cwd=cwd,
        stdout=follower,
        stderr=follower,
        env=full_env,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    child.wait(timeout=120)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_levels_are_coloured_on_a_terminal_only_and_never_with_no_color(repo: Path) -> None:
    write_draft(repo, text=BROKEN)
    terminal = _on_terminal(["check"], repo, {})
    assert "\x1b[31mkesalahan\x1b[0m: " in terminal
    assert "\x1b[" not in _on_terminal(["check"], repo, {"NO_COLOR": "1"})
    assert "\x1b[" not in run_kpu("check", cwd=repo).out  # a pipe, as in a workflow log


def test_progress_line_only_on_a_terminal_or_with_verbose(repo: Path) -> None:
    site = repo
    verbose = run_kpu("-v", "bundle", "--out", "b2", cwd=site)
    assert verbose.code == 0, verbose.err
    lines = [row for row in verbose.err.splitlines() if row.startswith("Mengemas berkas ")]
    assert lines, verbose.err
    done, total = lines[-1].removeprefix("Mengemas berkas ").split("/")
    assert done == total and int(total) > 10
    assert "\r" not in verbose.err  # not a terminal: whole lines, no redrawing
    terminal = _on_terminal(["bundle", "--out", "b3"], site, {})
    assert "\rMengemas berkas " in terminal


def test_build_counts_the_staged_pages_and_announces_the_engine(repo: Path) -> None:
    verbose = run_kpu("build", "--verbose", "--site-dir", "s1", cwd=repo)
    assert verbose.code == 0, verbose.err
    lines = verbose.err.splitlines()
    counted = [row for row in lines if row.startswith("Menyiapkan halaman ")]
    assert counted, verbose.err
    done, total = counted[-1].removeprefix("Menyiapkan halaman ").split("/")
    assert done == total and int(total) >= len(list((repo / "content").rglob("*.md")))
    engine = lines.index("Membangun halaman HTML dengan mesin situs mkdocs...")
    assert engine > lines.index(counted[-1])  # the engine runs after the staging
    plain = run_kpu("build", "--site-dir", "s2", cwd=repo)
    assert plain.code == 0 and "Menyiapkan halaman" not in plain.err + plain.out
    terminal = _on_terminal(["build", "--site-dir", "s3"], repo, {})
    assert "\rMenyiapkan halaman " in terminal and "mesin situs mkdocs" in terminal


def test_progress_is_silent_on_a_pipe_unless_verbose() -> None:
    import io

    from pipeline.core import console

    pipe = io.StringIO()
    console.configure()
    console.Progress("Memeriksa tautan", pipe)(3, 10)
    assert pipe.getvalue() == ""
    console.configure(verbose=True)
    try:
        console.Progress("Memeriksa tautan", pipe)(3, 10)
    finally:
        console.configure()
    assert pipe.getvalue() == "Memeriksa tautan 3/10\n"
