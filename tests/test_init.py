"""`kpu init`: a new office's kpu.yml from flags or prompts, validated before it is written."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

from pipeline.core.config import KpuConfig, load_config
from pipeline.publish.channels.registry import environment
from pipeline.records.ledger import Book, Entry, Ledger, Page
from pipeline.setup.init import (
    Answers,
    apply,
    check,
    clear_samples,
    current_settings,
    render,
    secrets_to_set,
)
from tests.conftest import ROOT, run_kpu

_SECRET = re.compile(r"(TOKEN|SECRET|KEY|PASSWORD|BEARER|ACCESS)", re.IGNORECASE)
NEW_OFFICE = [
    "--office-name", "KPU Kota Pangkalpinang",
    "--short-name", "KPU Pangkalpinang",
    "--address", "Jl. Contoh No. 1, Pangkalpinang",
    "--site-url", "https://kpu-pangkalpinang.github.io/informasi-hukum/",
    "--repository", "kpu-pangkalpinang/informasi-hukum",
    "--channels", "x,telegram",
    "--account", "x=@kpupkp,https://x.com/kpupkp",
    "--account", "telegram=@kpupkp,https://t.me/kpupkp",
    "--role", "subbag_hukum=hukum-pkp,hukum-pkp2",
    "--role", "ketua=ketua-pkp",
]  # fmt: skip
SECRET_LINE = re.compile(r"^ {4}([A-Z0-9_]+) — ", re.MULTILINE)


def _printed_secrets(out: str) -> list[str]:
    return SECRET_LINE.findall(out)


def _table(enabled: set[str]) -> list[str]:
    return [var.name for name, var in environment() if name in enabled and var.required]


def test_init_from_flags_writes_a_kpu_yml_that_loads_and_validates(repo: Path) -> None:
    result = run_kpu("init", "--yes", *NEW_OFFICE, cwd=repo)
    assert result.code == 0, result.err
    config = load_config(repo)
    assert config.office.name == "KPU Kota Pangkalpinang"
    assert config.office.short_name == "KPU Pangkalpinang"
    assert config.office.address == "Jl. Contoh No. 1, Pangkalpinang"
    assert config.base_url == "https://kpu-pangkalpinang.github.io/informasi-hukum/"
    assert config.repository == "kpu-pangkalpinang/informasi-hukum"
    assert config.channels.enabled == ["x", "telegram"]
    assert {k: (a.handle, str(a.url)) for k, a in config.channels.accounts.items()} == {
        "x": ("@kpupkp", "https://x.com/kpupkp"),
        "telegram": ("@kpupkp", "https://t.me/kpupkp"),
    }
    assert config.roles["subbag_hukum"] == ["hukum-pkp", "hukum-pkp2"]
    assert config.roles["ketua"] == ["ketua-pkp"]
    assert "kpu.yml ditulis dan sah menurut skema konfigurasi." in result.out
    assert "  Subbag Hukum: hukum-pkp, hukum-pkp2" in result.out
    # The whole checkout still works with it: the site builds with the new identity.
    assert run_kpu("check", cwd=repo).code == 0


def test_printed_secrets_are_the_channel_table_rows_of_the_enabled_channels(repo: Path) -> None:
    result = run_kpu("init", "--yes", *NEW_OFFICE, cwd=repo)
    assert result.code == 0, result.err
    assert _printed_secrets(result.out) == _table({"x", "telegram"})
    assert "Settings → Secrets and variables → Actions" in result.out
    assert "GITHUB_TOKEN tidak perlu diatur" in result.out


def test_every_required_variable_of_every_channel_is_printed_when_all_are_enabled(
    repo: Path,
) -> None:
    result = run_kpu("init", "--yes", cwd=repo)
    assert result.code == 0, result.err
    enabled = set(load_config(repo).channels.enabled)
    assert _printed_secrets(result.out) == _table(enabled)
    assert set(_printed_secrets(result.out)) == {
        var.name for _, var in environment() if var.required
    }


def test_init_never_prints_a_credential_value(repo: Path) -> None:
    fake = {var.name: f"nilai-rahasia-{i}-xyz" for i, (_, var) in enumerate(environment())}
    fake["GITHUB_TOKEN"] = "ghs_nilairahasiatoken123"
    result = run_kpu("init", "--yes", *NEW_OFFICE, cwd=repo, env=fake)
    assert result.code == 0, result.err
    for value in fake.values():
        assert value not in result.out + result.err


def test_running_init_again_without_answers_keeps_every_value(repo: Path) -> None:
    before = load_config(repo)
    result = run_kpu("init", "--yes", cwd=repo)
    assert result.code == 0, result.err
    assert load_config(repo) == before


def test_a_new_office_name_replaces_the_old_one_in_the_dip_defaults(repo: Path) -> None:
    result = run_kpu("init", "--yes", "--office-name", "KPU Kota Pangkalpinang", cwd=repo)
    assert result.code == 0, result.err
    dip = load_config(repo).dip
    assert dip.responsible == "PPID KPU Kota Pangkalpinang"
    assert "Bangka Barat" not in (dip.holder or "")


def test_invalid_input_writes_nothing_and_names_each_flag(repo: Path) -> None:
    before = (repo / "kpu.yml").read_bytes()
    posts = sorted((repo / "content" / "posts").rglob("*.md"))
    result = run_kpu(
        "init", "--yes", "--clear-samples",
        "--site-url", "kpu-pangkalpinang.github.io",
        "--office-name", " ",
        "--role", "hukum=seseorang",
        "--account", "tiktok=@kpu,https://tiktok.com/@kpu",
        cwd=repo,
    )  # fmt: skip
    assert result.code == 2
    assert (repo / "kpu.yml").read_bytes() == before
    assert sorted((repo / "content" / "posts").rglob("*.md")) == posts
    lines = result.err.splitlines()
    assert 'GAGAL: Kolom "office.name" tidak boleh kosong. (isi dengan --office-name)' in lines
    assert (
        'GAGAL: Kolom "site_url" harus berupa alamat web lengkap yang diawali https://, '
        'tertulis: "kpu-pangkalpinang.github.io". (isi dengan --site-url)'
    ) in lines
    assert any(line.startswith('GAGAL: Kolom "roles.hukum" harus salah satu dari:') and
               line.endswith("(isi dengan --role)") for line in lines)  # fmt: skip
    assert any(line.startswith('GAGAL: Kolom "channels.accounts.tiktok"') and
               line.endswith("(isi dengan --account)") for line in lines)  # fmt: skip
    assert lines[-1] == "4 masalah; kpu.yml tidak ditulis. Perbaiki isiannya, lalu jalankan lagi."
    assert result.out == ""


def test_a_malformed_account_flag_is_refused_with_its_format(repo: Path) -> None:
    before = (repo / "kpu.yml").read_bytes()
    result = run_kpu("init", "--yes", "--account", "x@kpupkp", cwd=repo)
    assert result.code == 2
    assert result.err.splitlines()[0] == (
        'GAGAL: Isian --account "x@kpupkp" tidak sah. Tulis KANAL=NAMA_AKUN,ALAMAT_PROFIL, '
        "contoh x=@kpukabupaten,https://x.com/kpukabupaten"
    )
    assert (repo / "kpu.yml").read_bytes() == before


def test_an_unreadable_kpu_yml_gives_no_defaults_but_flags_can_replace_it(repo: Path) -> None:
    (repo / "kpu.yml").write_text("office: [\n", encoding="utf-8")
    refused = run_kpu("init", "--yes", cwd=repo)
    assert refused.code == 2
    assert refused.out.startswith("kpu.yml yang ada tidak dapat dibaca (")
    assert (repo / "kpu.yml").read_text(encoding="utf-8") == "office: [\n"
    result = run_kpu("init", "--yes", *NEW_OFFICE, cwd=repo)
    assert result.code == 0, result.err
    assert load_config(repo).office.name == "KPU Kota Pangkalpinang"


def test_clear_samples_removes_posts_their_image_links_and_ledger_entries(repo: Path) -> None:
    slug = "uu-7-2017-pemilihan-umum"
    page = Page("Mengenal UU", f"content/posts/2026/{slug}.md", f"https://x.example/{slug}/")
    page.channels["x"] = Entry("posted", "1", "https://x.com/kpubangkabarat/status/1")
    Ledger.of(repo).save(Book({slug: page}))
    kept = sorted(p.relative_to(repo) for p in (repo / "content").rglob("*.md")
                  if "posts" not in p.parts)  # fmt: skip
    result = run_kpu("init", "--yes", "--clear-samples", cwd=repo)
    assert result.code == 0, result.err
    assert list((repo / "content" / "posts").rglob("*.md")) == []
    assert Ledger.of(repo).load().pages == {}
    assert sorted(p.relative_to(repo) for p in (repo / "content").rglob("*.md")) == kept
    assert not (repo / "content/assets/images/uu-14-2008-keterbukaan-informasi-publik.png").exists()
    assert "../posts/" not in (repo / "content" / "hukum" / "index.md").read_text(encoding="utf-8")
    assert f"Dihapus (contoh): content/posts/2026/{slug}.md" in result.out
    assert "Catatan contoh dihapus dari data/ledger.json: 1" in result.out
    # Nothing links to a removed post any more: the strict build passes.
    built = run_kpu("build", "--site-dir", "site", cwd=repo)
    assert built.code == 0, built.out + built.err


def test_clear_samples_keeps_an_image_a_page_still_uses(tmp_path: Path) -> None:
    post = tmp_path / "content" / "posts" / "2026" / "contoh.md"
    post.parent.mkdir(parents=True)
    post.write_text("---\ntitle: Contoh\nimage: content/assets/images/logo.png\n---\n", "utf-8")
    image = tmp_path / "content" / "assets" / "images" / "logo.png"
    image.parent.mkdir(parents=True)
    image.write_bytes(b"png")
    (tmp_path / "content" / "profil.md").write_text(
        "![Logo](assets/images/logo.png) dan [contoh](posts/2026/contoh.md#bagian).\n", "utf-8"
    )
    done = clear_samples(tmp_path)
    assert done.posts == ["content/posts/2026/contoh.md"] and done.images == []
    assert image.exists()
    assert done.links == {"content/profil.md": 1}
    text = (tmp_path / "content" / "profil.md").read_text(encoding="utf-8")
    assert text == "![Logo](assets/images/logo.png) dan contoh.\n"


def test_the_rendered_file_is_what_the_schema_reads_back() -> None:
    config = load_config(ROOT)
    text = render(config)
    assert text.startswith("# Identitas kantor dan aturan publikasi.")
    again, problems = check(_yaml(text))
    assert problems == [] and again == config


def test_secrets_to_set_follows_the_registry_order() -> None:
    config = KpuConfig.model_validate(
        {
            "office": {"name": "A", "short_name": "A", "address": "A"},
            "site_url": "https://a.github.io/b/",
            "channels": {"enabled": ["mastodon", "x", "outbox"]},
        }
    )
    assert [(label, [v.name for v in vs]) for label, vs in secrets_to_set(config)] == [
        ("X (Twitter)", ["X_API_KEY", "X_API_SECRET", "X_ACCESS_TOKEN", "X_ACCESS_TOKEN_SECRET"]),
        ("Mastodon", ["MASTODON_BASE_URL", "MASTODON_TOKEN"]),
    ]


def test_answers_left_empty_keep_the_current_values(repo: Path) -> None:
    current, unreadable = current_settings(repo)
    config, problems = check(apply(current, Answers()))
    assert unreadable is None and problems == [] and config == load_config(repo)


# --- interactive -------------------------------------------------------------------------------
INTERVIEW = [
    ("Nama lengkap kantor (diawali KPU Kabupaten/Kota/Provinsi) [KPU Kabupaten Bangka Barat]: ",
     "KPU Kota Pangkalpinang"),
    ("Nama singkat (kartu media sosial dan layar kecil) [KPU Bangka Barat]: ", "KPU Pangkalpinang"),
    ("Provinsi tempat kantor (untuk kantor kabupaten/kota) [Kepulauan Bangka Belitung]: ", ""),
    ("Kota kedudukan kantor (juga tempat pembuatan informasi di DIP) [Pangkalpinang]: ", ""),
    ("Alamat kantor [", "Jl. Contoh No. 1, Pangkalpinang"),
    ("Nomor telepon resmi kantor (kontak PPID di kaki halaman): ", "(0717) 123456"),
    ("Alamat surel resmi PPID (kaki halaman): ", "ppid@kpu-pangkalpinang.example"),
    ("Alamat situs (https://...) [https://kab-bangkabarat.kpu.go.id/]: ",
     "https://kpu-pangkalpinang.github.io/informasi-hukum/"),
    ("Repositori GitHub (pemilik/nama) [kpu-bangkabarat/informasi-hukum]: ",
     "kpu-pangkalpinang/informasi-hukum"),
    ("Kanal media sosial yang dipakai, pisahkan dengan koma (x, facebook, instagram, telegram, "
     "mastodon) [x, facebook, instagram, telegram, mastodon]: ", "telegram"),
    ("Akun Telegram: nama akun, contoh @kpukabupaten [@kpubangkabarat]: ", "@kpupkp"),
    ("Akun Telegram: alamat profil (https://...) [https://t.me/kpubangkabarat]: ",
     "https://t.me/kpupkp"),
    ("Peran Subbag Hukum: nama pengguna GitHub, pisahkan dengan koma [hukum-kpubabar]: ",
     "hukum-pkp"),
    ("Peran Sekretaris KPU Kota: nama pengguna GitHub, pisahkan dengan koma "
     "[sekretaris-kpubabar]: ", "-"),
    ("Peran Divisi Pengusul: ", ""),
    ("Peran Ketua KPU Kota: ", "ketua-pkp"),
    ("Peran Tim Desain Konten: ", ""),
    ("Hapus publikasi contoh (content/posts/) dan catatannya? (ya/tidak) [tidak]: ", "mungkin"),
    ('Jawab "ya" atau "tidak".', "ya"),
]  # fmt: skip


def _expect_interview_result(repo: Path, out: str) -> None:
    config = load_config(repo)
    assert config.office.name == "KPU Kota Pangkalpinang"
    assert config.office.province == "Kepulauan Bangka Belitung"  # Enter kept the current value
    assert config.office.seat == "Pangkalpinang"  # a city office sits in its city
    assert config.office.phone == "(0717) 123456"  # another office's contacts were not offered
    assert config.role_labels["ketua"] == "Ketua KPU Kota"
    assert config.channels.enabled == ["telegram"]
    assert list(config.channels.accounts) == ["telegram"]
    assert config.roles["subbag_hukum"] == ["hukum-pkp"]
    assert config.roles["sekretaris"] == []  # "-" empties a list
    assert config.roles["divisi_pengusul"] == ["divisi-teknis-kpubabar", "divisi-hukum-kpubabar"]
    assert config.roles["ketua"] == ["ketua-pkp"]
    assert list((repo / "content" / "posts").rglob("*.md")) == []
    assert _printed_secrets(out) == _table({"telegram"})


def test_interactive_init_through_a_pseudo_terminal(repo: Path) -> None:
    code, out = _converse(["init"], repo, INTERVIEW)
    assert code == 0, out
    assert out.startswith("Menyiapkan repositori untuk kantor KPU Anda.")
    _expect_interview_result(repo, out)


def test_interactive_flag_reads_the_answers_from_a_pipe(repo: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not _SECRET.search(k)}
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "init", "--interactive"],
        cwd=repo,
        input="".join(answer + "\n" for _, answer in INTERVIEW),
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    for prompt, _ in INTERVIEW:
        assert prompt in done.stdout
    _expect_interview_result(repo, done.stdout)


def test_flags_become_the_defaults_of_the_prompts_and_eof_writes_nothing(repo: Path) -> None:
    before = (repo / "kpu.yml").read_bytes()
    env = {k: v for k, v in os.environ.items() if not _SECRET.search(k)}
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "init", "--interactive", "--short-name", "KPU X"],
        cwd=repo,
        input="\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert "Nama singkat (kartu media sosial dan layar kecil) [KPU X]: " in done.stdout
    assert done.stdout.rstrip().endswith("Dibatalkan; kpu.yml tidak diubah.")
    assert (repo / "kpu.yml").read_bytes() == before


def test_without_a_terminal_init_asks_nothing(repo: Path) -> None:
    result = run_kpu("init", "--short-name", "KPU X", cwd=repo)
    assert result.code == 0, result.err
    assert "[" not in result.out.splitlines()[0]
    assert load_config(repo).office.short_name == "KPU X"


# --- helpers -----------------------------------------------------------------------------------
def _yaml(text: str) -> dict:  # type: ignore[type-arg]
    from pipeline.core.read import load_yaml

    return load_yaml(text, "kpu.yml").data  # type: ignore[no-any-return]


def _converse(args: list[str], cwd: Path, answers: list[tuple[str, str]]) -> tuple[int, str]:
    """Run the CLI on a pseudo-terminal: wait for each prompt, type the answer."""
    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if not _SECRET.search(k)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "pipeline", *args],
        cwd=cwd, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True,
    )  # fmt: skip
    os.close(slave)
    seen, start = b"", 0
    try:
        for prompt, answer in answers:
            seen, start = _read_until(master, seen, start, prompt, proc)
            os.write(master, answer.encode() + b"\n")
        seen += _read_rest(master)
        code = proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    return code, seen.decode("utf-8", "replace").replace("\r\n", "\n")


def _read_until(
    fd: int,
    seen: bytes,
    start: int,
    prompt: str,
    proc: subprocess.Popen,  # type: ignore[type-arg]
) -> tuple[bytes, int]:
    wanted = prompt.encode()
    deadline = time.monotonic() + 60
    while (found := seen.find(wanted, start)) < 0:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                seen += os.read(fd, 4096)
            except OSError:
                break
        elif proc.poll() is not None or time.monotonic() > deadline:
            break
    assert found >= 0, f"prompt {prompt!r} not shown; output so far:\n{seen.decode()}"
    return seen, found + len(wanted)


def _read_rest(fd: int) -> bytes:
    chunks = []
    while True:
        ready, _, _ = select.select([fd], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)
