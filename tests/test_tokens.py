"""`kpu doctor --online`: every channel's token asked of its API through the channel's own client
(requests for Graph and the Bot API, Mastodon.py, tweepy with a checked OAuth 1.0a signature),
against the local servers; and the one issue the daily job keeps while a token needs a person."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from pipeline.core.timeutil import WIB
from pipeline.setup.tokens import ISSUE_LABEL, ISSUE_MARKER
from tests.conftest import run_kpu
from tests.fake_github import REPOSITORY, FakeGitHub, running
from tests.servers.graph import DAY, IG_TOKEN, PAGE_TOKEN
from tests.servers.world import World
from tests.workflow_harness import WORKFLOWS, Runner

MONTHS = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember"
SECRETS_HOW = "lalu simpan nilainya di GitHub: Settings → Secrets and variables → Actions → "


def _date(stamp: int) -> str:
    day = dt.datetime.fromtimestamp(stamp, WIB)
    return f"{day.day} {MONTHS.split()[day.month - 1]} {day.year}"


def _in_days(days: int) -> int:
    return int(time.time()) + days * DAY


def _secrets(world: World) -> list[str]:
    return [v for k, v in world.env().items() if "TOKEN" in k or "SECRET" in k or "KEY" in k]


def _doctor(repo: Path, env: dict[str, str], *extra: str) -> tuple[int, list[str], str]:
    result = run_kpu("doctor", "--online", "--only-tokens", *extra, cwd=repo, env=env)
    lines = result.out.splitlines()
    return result.code, lines, result.out + result.err


def test_every_valid_token_is_one_ok_line_and_meta_says_when_it_expires(
    repo: Path, world: World
) -> None:
    facebook = world.graph.tokens[PAGE_TOKEN]
    facebook.expires_at = _in_days(45)
    world.graph.tokens[IG_TOKEN].expires_at = 0  # never expires, but data access does
    instagram_data = world.graph.tokens[IG_TOKEN].data_access_expires_at = _in_days(80)
    code, lines, text = _doctor(repo, world.env())
    assert code == 0, text
    assert lines[1:6] == [
        "✓ OK    Token X (Twitter) (@kpubangkabarat) sah (diterima API-nya; token ini tidak punya "
        "tanggal kedaluwarsa).",
        f"✓ OK    Token Facebook (KPU Publikasi) sah sampai {_date(facebook.expires_at)} "
        "(45 hari lagi).",
        f"✓ OK    Token Instagram (KPU Publikasi) sah sampai {_date(instagram_data)} "
        "(80 hari lagi).",
        "✓ OK    Token Telegram (@kpu_publikasi_bot) sah (diterima API-nya; token ini tidak punya "
        "tanggal kedaluwarsa).",
        "✓ OK    Token Mastodon (@kpubangkabarat) sah (diterima API-nya; token ini tidak punya "
        "tanggal kedaluwarsa).",
    ]
    # each API was really asked, with the client library the channel posts with
    (debug,) = [
        r for r in world.graph.calls("GET /v21.0/debug_token") if "Bearer EAAG" in str(r.headers)
    ]
    assert debug.query["input_token"] == PAGE_TOKEN
    assert world.telegram.calls("POST /bot*/getMe")
    assert world.mastodon.calls("GET /api/v1/accounts/verify_credentials")
    assert world.x.calls("GET /2/users/me")  # tweepy, OAuth 1.0a signature verified
    assert not any(secret in text for secret in _secrets(world))


def test_a_token_expiring_within_14_days_fails_with_its_date_and_the_fix(
    repo: Path, world: World
) -> None:
    world.graph.tokens[PAGE_TOKEN].expires_at = _in_days(10)
    code, lines, text = _doctor(repo, world.env_only("facebook"))
    assert code == 1
    assert lines[1] == (
        f"✗ GAGAL Token Facebook (KPU Publikasi) kedaluwarsa pada "
        f"{_date(_in_days(10))}, 10 hari lagi. Perbarui sebelum tanggal itu: Buat Page access "
        "token baru (Meta Business Suite atau Graph API Explorer, izin pages_manage_posts, "
        f"ditukar menjadi token jangka panjang), {SECRETS_HOW}FACEBOOK_PAGE_TOKEN → Update secret."
    )
    assert PAGE_TOKEN not in text


def test_revoked_and_rejected_tokens_are_invalid_with_what_the_api_said(
    repo: Path, world: World
) -> None:
    env = world.env()
    env["TELEGRAM_BOT_TOKEN"] = "7301945826:AAHrevokedRevokedRevoked000"
    env["MASTODON_TOKEN"] = "Mq1RevokedRevokedRevoked"
    env["X_ACCESS_TOKEN_SECRET"] = "XzWrongWrongWrongWrong1"  # the signature no longer matches
    world.graph.tokens[IG_TOKEN].is_valid = False
    world.graph.tokens[PAGE_TOKEN].scopes = ["pages_show_list"]
    code, lines, text = _doctor(repo, env)
    assert code == 1
    failed = [line for line in lines if line.startswith("✗ GAGAL")]
    assert [line.split(":")[0] for line in failed] == [
        "✗ GAGAL Token X (Twitter) tidak berlaku",
        "✗ GAGAL Token Facebook (KPU Publikasi) tidak berlaku",
        "✗ GAGAL Token Instagram (KPU Publikasi) tidak berlaku",
        "✗ GAGAL Token Telegram tidak berlaku",
        "✗ GAGAL Token Mastodon tidak berlaku",
    ]
    assert "tidak berlaku: HTTP 401 bad OAuth" in failed[0]
    assert "Buat ulang Access Token and Secret di developer.x.com" in failed[0]
    assert "token tidak punya izin pages_manage_posts, jadi tidak dapat mengirim." in failed[1]
    assert "The session has been invalidated because the user changed their password" in failed[2]
    assert "Unauthorized (kode 401). Minta token bot dari @BotFather" in failed[3]
    assert "The access token is invalid" in failed[4] and "MASTODON_TOKEN" in failed[4]
    for secret in [*_secrets(world), *(env[k] for k in ("TELEGRAM_BOT_TOKEN", "MASTODON_TOKEN"))]:
        assert secret not in text
    assert "AAHrevoked" not in text and "7301945826" not in text


def test_an_expired_meta_token_is_refused_by_the_api_and_reported_invalid(
    repo: Path, world: World
) -> None:
    world.graph.tokens[IG_TOKEN].expires_at = _in_days(-2)
    code, lines, _ = _doctor(repo, world.env_only("instagram"))
    assert code == 1
    assert lines[1].startswith(
        "✗ GAGAL Token Instagram tidak berlaku: HTTP 400 Error validating access token: Session "
        "has expired. (kode 190). Buat access token baru untuk akun Instagram bisnis"
    )


def test_channels_without_credentials_are_not_asked(repo: Path, world: World) -> None:
    code, lines, _ = _doctor(repo, {})
    assert code == 0
    assert lines[1] == (
        "• INFO  Tidak ada kanal dengan kredensial yang diatur: tidak ada token yang diperiksa "
        "secara daring."
    )
    assert not any(api.requests for api in world.apis)


def test_without_online_doctor_asks_no_api(repo: Path, world: World) -> None:
    result = run_kpu("doctor", cwd=repo, env=world.env())
    assert "Token " not in result.out
    assert not any(api.requests for api in world.apis)


# --- the issue --------------------------------------------------------------------------------
def _issues(server: FakeGitHub) -> list[dict]:
    return [i for i in server.issues.values() if ISSUE_MARKER in i["body"]]


def test_one_issue_opened_kept_up_to_date_then_closed_when_all_are_fine(
    repo: Path, world: World
) -> None:
    with running(FakeGitHub()) as github:
        github.add_issue("Tampilan beranda", "Warna tombol", ["bug"])
        env = {
            **world.env(),
            "GITHUB_TOKEN": "ghs_FakeTokenForTheIssue123",
            "GITHUB_API_URL": github.url,
            "GITHUB_REPOSITORY": REPOSITORY,
        }
        world.graph.tokens[PAGE_TOKEN].expires_at = _in_days(12)
        code, lines, text = _doctor(repo, env, "--report-issue")
        assert code == 1
        (issue,) = _issues(github)
        assert f"Issue token kanal dibuat: {issue['html_url']}" in lines
        assert issue["title"] == "Token media sosial perlu diperbarui"
        assert [label["name"] for label in issue["labels"]] == [ISSUE_LABEL]
        body = issue["body"]
        assert (
            f"- Token Facebook (KPU Publikasi) kedaluwarsa pada {_date(_in_days(12))}, 12 hari"
            in body
        )
        assert "Token lain dalam keadaan baik:" in body and "- Token Telegram" in body
        assert not any(secret in body + text for secret in _secrets(world))

        # the next day: the same issue, not a second one; unchanged text is not rewritten
        code, lines, _ = _doctor(repo, env, "--report-issue")
        assert f"Issue token kanal masih terbuka, isinya tetap: {issue['html_url']}" in lines
        env["MASTODON_TOKEN"] = "Mq1RevokedRevokedRevoked"
        _doctor(repo, env, "--report-issue")
        assert _issues(github) == [issue] and "- Token Mastodon tidak berlaku" in issue["body"]
        created = [c for c in github.requests_to(r"/issues$") if c.method == "POST"]
        edits = [c for c in github.requests_to(r"/issues/\d+$") if c.method == "PATCH"]
        assert (len(created), len(edits)) == (1, 1)  # the unchanged run wrote nothing

        # the token renewed and the bad one replaced: closed, with a comment
        env["MASTODON_TOKEN"] = world.mastodon.env()["MASTODON_TOKEN"]
        world.graph.tokens[PAGE_TOKEN].expires_at = _in_days(60)
        code, lines, _ = _doctor(repo, env, "--report-issue")
        assert code == 0
        assert issue["state"] == "closed" and issue["state_reason"] == "completed"
        (comment,) = github.comments[issue["number"]]
        assert comment["body"].startswith("Semua token kanal sah pada pemeriksaan ")
        code, lines, _ = _doctor(repo, env, "--report-issue")
        assert "Semua token sah; tidak ada issue token kanal yang perlu dibuka." in lines
        assert github.issues[1]["state"] == "open"  # the other issue is left alone


def test_the_daily_job_runs_the_check_with_every_channel_secret(
    repo: Path, world: World, tmp_path: Path
) -> None:
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True)
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty",
         "-m", "awal"], cwd=repo, check=True,
    )  # fmt: skip
    world.graph.tokens[IG_TOKEN].is_valid = False
    with running(FakeGitHub()) as github:
        bases = {
            k: v
            for k, v in world.env().items()
            if k.endswith("_API_BASE") or k in ("KPU_HTTP_TIMEOUT",)
        }
        runner = Runner(
            repo,
            tmp_path,
            api_url=github.url,
            repository=REPOSITORY,
            event={"schedule": "0 23 * * *"},
            extra_env=bases,
        )
        runner.secrets.update({k: v for k, v in world.env().items() if k not in bases})
        job = runner.run("scheduled.yml", "tokens")
        step = job.step("kpu doctor")
        assert step.code == 1, step.out + step.err
        (issue,) = _issues(github)
        assert "- Token Instagram (KPU Publikasi) tidak berlaku" in issue["body"]
        assert "- Token X (Twitter) (@kpubangkabarat) sah" in issue["body"]
        assert not any(secret in step.out + step.err for secret in _secrets(world))


@pytest.mark.parametrize("days", [14, 15])
def test_the_warning_starts_14_days_before(repo: Path, world: World, days: int) -> None:
    world.graph.tokens[PAGE_TOKEN].expires_at = _in_days(days) + 60
    code, _, _ = _doctor(repo, world.env_only("facebook"))
    assert code == (1 if days <= 14 else 0)


def test_doctor_names_a_scheduled_workflow_that_no_longer_checks_the_tokens(repo: Path) -> None:
    shutil.copytree(WORKFLOWS, repo / ".github" / "workflows")
    path = repo / ".github" / "workflows" / "scheduled.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.split("\n  # Token media sosial")[0] + "\n", encoding="utf-8")
    result = run_kpu("doctor", cwd=repo)
    assert (
        "✗ GAGAL .github/workflows/scheduled.yml: tidak ada langkah yang menjalankan kpu doctor, "
        "jadi token media sosial tidak diperiksa setiap hari (kpu doctor --online). Pulihkan "
        "langkah itu dari repositori asal."
    ) in result.out.splitlines()
