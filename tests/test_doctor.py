"""`kpu doctor` on real checkouts: a real git repository with a bare origin, the real workflows."""

from __future__ import annotations

import hashlib
import re
import shutil
import socket
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.core.config import load_config
from pipeline.publish.channels.registry import environment
from pipeline.setup.doctor import Finding, Status, diagnose, pages, pages_url, remote
from tests.conftest import ROOT, run_kpu

WORKFLOWS = ROOT / ".github" / "workflows"
GIT = ["git", "-c", "user.name=Tim Desain", "-c", "user.email=desain@example.invalid"]


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run([*GIT, *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def checkout(repo: Path, tmp_path: Path) -> Path:
    """The repository as an office clones it: workflows, a commit, an `origin` it pushed to."""
    shutil.copytree(WORKFLOWS, repo / ".github" / "workflows")
    shutil.copy(ROOT / ".github" / "CODEOWNERS", repo / ".github" / "CODEOWNERS")
    origin = tmp_path / "origin.git"
    _git(tmp_path, "init", "--quiet", "--bare", "-b", "main", str(origin))
    _git(repo, "init", "--quiet", "-b", "main")
    _git(repo, "add", "--all")
    _git(repo, "commit", "--quiet", "-m", "Repositori kantor")
    _git(repo, "remote", "add", "origin", str(origin))
    _git(repo, "push", "--quiet", "origin", "main")
    return repo


def _secrets(root: Path) -> dict[str, str]:
    """A distinct fake value for every variable an enabled channel requires; random-looking like
    a real credential, since every 6-character piece of a secret is masked in the output."""
    enabled = set(load_config(root).channels.enabled)
    return {
        var.name: "np" + hashlib.sha256(var.name.encode()).hexdigest()[:22]
        for name, var in environment()
        if name in enabled and var.required
    }


def _lines(out: str, mark: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith(mark)]


def test_a_ready_checkout_passes(checkout: Path) -> None:
    result = run_kpu("doctor", cwd=checkout, env=_secrets(checkout))
    assert result.code == 0, result.out
    assert _lines(result.out, "✗") == []
    assert "✓ OK    Kanal Telegram: kredensial lengkap (TELEGRAM_BOT_TOKEN, TELEGRAM_CHAT_ID)." in (
        result.out.splitlines()
    )
    assert f"✓ OK    Remote origin ({checkout.parent / 'origin.git'}) dapat dihubungi." in (
        result.out.splitlines()
    )
    assert result.out.splitlines()[-1].startswith("Siap menerbitkan: tidak ada masalah")


def test_a_missing_secret_names_the_variable_and_the_outbox_fallback(checkout: Path) -> None:
    env = _secrets(checkout)
    del env["TELEGRAM_BOT_TOKEN"]
    env["MASTODON_TOKEN"] = "   "  # blank counts as missing
    result = run_kpu("doctor", cwd=checkout, env=env)
    assert result.code == 1
    assert _lines(result.out, "✗") == [
        "✗ GAGAL Kanal Telegram: TELEGRAM_BOT_TOKEN belum diatur, sehingga kiriman Telegram akan "
        "disimpan di outbox, tidak dikirim. Atur di GitHub: Settings → Secrets and variables → "
        "Actions → New repository secret.",
        "✗ GAGAL Kanal Mastodon: MASTODON_TOKEN belum diatur, sehingga kiriman Mastodon akan "
        "disimpan di outbox, tidak dikirim. Atur di GitHub: Settings → Secrets and variables → "
        "Actions → New repository secret.",
    ]
    assert result.out.splitlines()[-1] == (
        "2 masalah harus diperbaiki sebelum menerbitkan (lihat baris GAGAL di atas)."
    )


def test_no_secret_value_ever_appears_in_the_output(checkout: Path) -> None:
    env = _secrets(checkout)
    env |= {"GITHUB_TOKEN": "ghs_palsu0123456789abcdef", "GITHUB_ACTIONS": "true",
            "GITHUB_REPOSITORY": "kpu-bangkabarat/informasi-hukum"}  # fmt: skip
    del env["X_API_KEY"]
    # An origin whose URL carries a credential, on a port where nothing listens.
    _git(checkout, "remote", "set-url", "origin",
         f"http://x-access-token:{env['FACEBOOK_PAGE_TOKEN']}@127.0.0.1:{_free_port()}/repo.git")  # fmt: skip
    result = run_kpu("doctor", "--timeout", "10", cwd=checkout, env=env)
    assert result.code == 1
    shown = result.out + result.err
    for name, value in env.items():
        if name not in ("GITHUB_ACTIONS", "GITHUB_REPOSITORY"):
            assert value not in shown, name
    assert "X_API_KEY belum diatur" in shown
    assert "http://***@127.0.0.1" in shown
    assert "✓ OK    GITHUB_TOKEN diatur untuk langkah ini." in shown


def test_a_broken_kpu_yml_is_named_with_its_line(checkout: Path) -> None:
    env = _secrets(checkout)
    (checkout / "kpu.yml").write_text(
        "office:\n  name: KPU\n  short_name: KPU\nsite_url: bukan-alamat\n", encoding="utf-8"
    )
    result = run_kpu("doctor", cwd=checkout, env=env)
    assert result.code == 1
    failures = _lines(result.out, "✗")
    assert '✗ GAGAL kpu.yml:1: kesalahan: Kolom "office.address" wajib diisi.' in failures
    assert any(
        line.startswith('✗ GAGAL kpu.yml:4: kesalahan: Kolom "site_url"') for line in failures
    )
    assert (
        "• INFO  Kredensial kanal dan alamat situs tidak diperiksa karena kpu.yml belum sah."
        in result.out.splitlines()
    )


def test_a_broken_data_file_is_named(checkout: Path) -> None:
    (checkout / "data" / "sop.yml").write_text("steps: [\n", encoding="utf-8")
    result = run_kpu("doctor", cwd=checkout, env=_secrets(checkout))
    assert result.code == 1
    assert any(line.startswith("✗ GAGAL data/sop.yml:") for line in result.out.splitlines())


def test_a_workflow_without_kpu_publish_is_named(checkout: Path) -> None:
    path = checkout / ".github" / "workflows" / "publish.yml"
    text = path.read_text(encoding="utf-8").replace(
        "run: kpu publish --only-verified build/verified.json\n", "run: echo dilewati\n"
    )
    path.write_text(text, encoding="utf-8")
    result = run_kpu("doctor", cwd=checkout, env=_secrets(checkout))
    assert result.code == 1
    assert _lines(result.out, "✗") == [
        "✗ GAGAL .github/workflows/publish.yml: tidak ada langkah yang menjalankan kpu publish, "
        "jadi publikasi tidak dikirim ke media sosial. Pulihkan langkah itu dari repositori asal."
    ]
    assert (
        '• INFO  .github/workflows/publish.yml: langkah "Kirim ke media sosial" menjalankan '
        "perintah di luar kpu (echo dilewati). Pastikan perubahan ini disengaja."
    ) in result.out.splitlines()


def test_reordered_steps_and_a_dropped_secret_are_named(checkout: Path) -> None:
    path = checkout / ".github" / "workflows" / "publish.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("run: kpu promote\n", "run: kpu TMP\n").replace(
        "run: kpu record\n", "run: kpu promote\n").replace("run: kpu TMP\n", "run: kpu record\n")  # fmt: skip
    text = text.replace("          TELEGRAM_BOT_TOKEN: ${{ secrets.TELEGRAM_BOT_TOKEN }}\n", "")
    path.write_text(text, encoding="utf-8")
    result = run_kpu("doctor", cwd=checkout, env=_secrets(checkout))
    assert result.code == 1
    failures = _lines(result.out, "✗")
    assert [line for line in failures if "urutan" in line] == [
        "✗ GAGAL .github/workflows/publish.yml: urutan langkah berubah: kpu promote harus "
        "berjalan sebelum kpu verify. Pulihkan urutan dari repositori asal.",
        "✗ GAGAL .github/workflows/publish.yml: urutan langkah berubah: kpu publish harus "
        "berjalan sebelum kpu record. Pulihkan urutan dari repositori asal.",
    ]
    assert (
        "✗ GAGAL .github/workflows/publish.yml: langkah kpu publish tidak meneruskan secret "
        "TELEGRAM_BOT_TOKEN, sehingga kiriman Telegram disimpan di outbox. Tambahkan di env "
        "langkah itu, misalnya TELEGRAM_BOT_TOKEN: ${{ secrets.TELEGRAM_BOT_TOKEN }}"
    ) in failures


def test_a_missing_workflow_and_a_scheduled_job_without_secrets_are_named(checkout: Path) -> None:
    (checkout / ".github" / "workflows" / "check.yml").unlink()
    path = checkout / ".github" / "workflows" / "scheduled.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("      X_API_KEY: ${{ secrets.X_API_KEY }}\n", "", 1)
    path.write_text(text, encoding="utf-8")
    result = run_kpu("doctor", cwd=checkout, env=_secrets(checkout))
    assert result.code == 1
    assert _lines(result.out, "✗") == [
        "✗ GAGAL .github/workflows/check.yml tidak ada: pemeriksaan pull request tidak berjalan. "
        "Pulihkan berkas ini dari repositori asal.",
        "✗ GAGAL .github/workflows/scheduled.yml: job publish memanggil publish.yml tanpa "
        "meneruskan secret X_API_KEY; kiriman terjadwal X (Twitter) akan disimpan di outbox. "
        "Tambahkan di bagian secrets job itu (atau secrets: inherit).",
    ]


def test_an_unreachable_remote_is_named(checkout: Path, tmp_path: Path) -> None:
    _git(checkout, "remote", "set-url", "origin", str(tmp_path / "tidak-ada.git"))
    result = run_kpu("doctor", cwd=checkout, env=_secrets(checkout))
    assert result.code == 1
    (line,) = _lines(result.out, "✗")
    assert line.startswith(
        f"✗ GAGAL Remote origin ({tmp_path / 'tidak-ada.git'}) tidak dapat dihubungi: "
    )
    assert line.endswith(
        "Periksa koneksi internet, alamat remote (git remote -v) dan hak akses ke repositori."
    )


def test_a_remote_that_never_answers_is_cut_off_by_the_timeout(
    checkout: Path, silent_server: int
) -> None:
    _git(checkout, "remote", "set-url", "origin", f"http://127.0.0.1:{silent_server}/repo.git")
    config = load_config(checkout)
    (finding,) = remote(checkout, config, {}, timeout=1.0)
    assert finding.status is Status.FAIL
    assert "tidak ada jawaban dalam 1 detik" in finding.text


def test_no_origin_and_no_repository_are_named(repo: Path) -> None:
    result = run_kpu("doctor", cwd=repo, env=_secrets(repo))
    assert result.code == 1
    assert (
        f"✗ GAGAL {repo} bukan repositori git. Salin (clone) repositori dari GitHub, lalu "
        "jalankan kpu doctor di dalamnya."
    ) in result.out.splitlines()
    _git(repo, "init", "--quiet", "-b", "main")
    result = run_kpu("doctor", cwd=repo, env=_secrets(repo))
    assert (
        "✗ GAGAL Belum ada remote origin, jadi hasil promosi dan arsip tidak dapat dikirim. "
        "Tambahkan dengan: git remote add origin "
        "https://github.com/kpu-bangkabarat/informasi-hukum.git"
    ) in result.out.splitlines()


def test_an_origin_on_github_must_be_the_configured_repository(
    checkout: Path, tmp_path: Path
) -> None:
    url = "https://github.com/orang-lain/repo-lain.git"
    _git(checkout, "remote", "set-url", "origin", url)
    # git itself answers from the bare origin: no network is used.
    _git(checkout, "config", f"url.{tmp_path / 'origin.git'}.insteadOf", url)
    (first, second) = remote(checkout, load_config(checkout), {}, timeout=10.0)
    assert first == Finding(Status.FAIL, (
        f"Remote origin ({url}) menunjuk ke repositori orang-lain/repo-lain, tetapi kpu.yml "
        "menulis repository: kpu-bangkabarat/informasi-hukum. Samakan keduanya."))  # fmt: skip
    assert second.status is Status.OK


# --- GitHub Pages and Actions ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("repository", "expected"),
    [
        (
            "KPU-Pangkalpinang/informasi-hukum",
            "https://kpu-pangkalpinang.github.io/informasi-hukum/",
        ),
        ("kpu-pkp/kpu-pkp.github.io", "https://kpu-pkp.github.io/"),
    ],
)
def test_pages_url_of_a_repository(repository: str, expected: str) -> None:
    assert pages_url(repository) == expected


def test_a_pages_address_must_belong_to_the_repository(repo: Path) -> None:
    from pydantic import HttpUrl

    config = load_config(repo)
    good = config.model_copy(
        update={"site_url": HttpUrl("https://kpu-pkp.github.io/informasi-hukum/"),
                "repository": "kpu-pkp/informasi-hukum"})  # fmt: skip
    wrong = good.model_copy(update={"repository": "kpu-lain/informasi-hukum"})
    plain = good.model_copy(update={"site_url": HttpUrl("http://kpu-pkp.go.id/")})
    assert pages(good, {})[0].status is Status.OK
    (finding, _) = pages(wrong, {})
    assert finding == Finding(Status.FAIL, (
        'site_url "https://kpu-pkp.github.io/informasi-hukum/" adalah alamat GitHub Pages, tetapi '
        "repositori kpu-lain/informasi-hukum terbit di https://kpu-lain.github.io/informasi-hukum/. "
        "Perbaiki site_url atau repository di kpu.yml."))  # fmt: skip
    assert pages(plain, {})[0].status is Status.FAIL


def test_in_actions_the_token_and_the_repository_are_checked(repo: Path) -> None:
    config = load_config(repo)
    actions = {"GITHUB_ACTIONS": "true", "GITHUB_REPOSITORY": "kpu-lain/repo"}
    texts = [f.text for f in pages(config, actions) if f.status is Status.FAIL]
    assert texts == [
        "GITHUB_TOKEN tidak diatur untuk langkah ini. Tambahkan ke langkahnya di workflow: "
        "env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}",
        "Workflow berjalan di repositori kpu-lain/repo, tetapi kpu.yml menulis repository: "
        "kpu-bangkabarat/informasi-hukum. Perbaiki kolom repository di kpu.yml.",
    ]


def test_the_repository_as_committed_has_sound_workflows() -> None:
    found = diagnose(ROOT, {}, remote_timeout=1.0)
    workflow_failures = [f.text for f in found if f.status is Status.FAIL and ".github" in f.text]
    assert workflow_failures == []


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A TCP port that accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield server.getsockname()[1]
    finally:
        stop.set()
        thread.join()
        for conn in held:
            conn.close()
        server.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_readme_channel_recipe_names_real_code() -> None:
    from pipeline.core.model import CHANNEL_NAMES, Social
    from pipeline.messages import records
    from pipeline.publish.channels import base as channel_base
    from pipeline.publish.channels.registry import REGISTRY

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    recipe = readme.split("## How to add a channel", 1)[1].split("\n## ", 1)[0]
    for path in re.findall(r"`((?:pipeline|tests)/[\w/.]+)`", recipe):
        assert (ROOT / path).exists(), path
    for name in ("Channel", "EnvVar", "Limits", "Result", "ChannelError", "Retryable",
                 "RateLimited", "OutcomeUnknown"):  # fmt: skip
        assert re.search(rf"\b{name}\b", recipe) and hasattr(channel_base, name), name
    for method in ("publish", "delete", "lookup", "scrub"):
        assert hasattr(channel_base.Channel, method), method
    assert tuple(REGISTRY) == CHANNEL_NAMES and CHANNEL_NAMES[-1] == "outbox"
    assert "x" in Social.model_fields and "x" in records.CHANNEL_LABELS
