"""One identity, everywhere (#15): `kpu init` for a kota and a provinsi office in fresh git
copies of this repository, then check, build (real MkDocs), publish to the outbox, CODEOWNERS and
the generated files; nothing of the previous office (the sample, read from this repository's own
kpu.yml) may remain in the built site, the outbox, `.github/` or any generated file."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from pipeline.core.config import KpuConfig, load_config
from pipeline.core.identity import fill, identity, identity_strings, role_labels
from pipeline.review.verify import content_hash
from pipeline.setup.leftovers import find, foreign_strings, sample_config, scan
from tests.conftest import ROOT, run_kpu

GIT = ["git", "-c", "user.name=Tim Desain", "-c", "user.email=desain@example.invalid"]
ROLES = ("tim_desain", "subbag_hukum", "sekretaris", "divisi_pengusul", "ketua")
OFFICES = {
    "kota": {
        "flags": [
            "--office-name", "KPU Kota Pangkalpinang", "--short-name", "KPU Pangkalpinang",
            "--province", "Kepulauan Bangka Belitung",
            "--address", "Jl. Contoh No. 1, Kota Pangkalpinang",
            "--phone", "(0717) 111111", "--email", "ppid@pangkalpinang.kpu.example",
            "--site-url", "https://kpu-pangkalpinang.github.io/informasi-hukum/",
            "--repository", "kpu-pangkalpinang/informasi-hukum",
            "--channels", "x,telegram,mastodon",
            "--account", "x=@kpupkp,https://x.com/kpupkp",
            "--account", "telegram=@kpupkp,https://t.me/kpupkp",
            "--account", "mastodon=@kpupkp@mastodon.social,https://mastodon.social/@kpupkp",
        ],
        "login": "pkp",
        "ketua": "Ketua KPU Kota",
        "hashtag": "#KPUPangkalpinang",
        "place": "Pangkalpinang",
    },
    "provinsi": {
        "flags": [
            "--office-name", "KPU Provinsi Kepulauan Bangka Belitung", "--short-name", "KPU Babel",
            "--seat", "Pangkalpinang",
            "--address", "Jl. Contoh No. 2, Pangkalpinang, Provinsi Kepulauan Bangka Belitung",
            "--phone", "(0717) 222222", "--email", "ppid@babel.kpu.example",
            "--site-url", "https://kpu-babel.github.io/informasi-hukum/",
            "--repository", "kpu-babel/informasi-hukum",
            "--channels", "facebook,telegram",
            "--account", "facebook=KPU Provinsi Kepulauan Bangka Belitung,https://www.facebook.com/kpu.babel",
            "--account", "telegram=@kpubabel,https://t.me/kpubabel",
        ],
        "login": "prov",
        "ketua": "Ketua KPU Provinsi",
        "hashtag": "#KPUBabel",
        "place": "Pangkalpinang",
    },
}  # fmt: skip
POST = """\
---
title: "Mengenal UU Pemilu"
description: "Ringkasan pokok-pokok Undang-Undang Pemilu bagi pemilih."
date: 2026-10-08T09:00:00+07:00
categories: [Informasi Hukum]
tags: [pemilu]
authors: [tim-desain]
request:
  number: "001/ND/HK.03/X/2026"
  date: 2026-10-01
  unit: "Subbagian Hukum dan SDM"
election_stage: informasi-umum
legal_basis:
  - "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum"
social:
  text: "Kenali pokok-pokok UU Pemilu."
status: ready
---

Isi publikasi tentang UU Pemilu.

<!-- more -->

Penjelasan lengkapnya.
"""


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run([*GIT, *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def fresh_copy(tmp_path: Path) -> Path:
    """Every tracked file of this repository, committed in a new repository with a bare origin."""
    dest = tmp_path / "kantor"
    tracked = _git(ROOT, "ls-files", "-z").split("\0")
    for name in filter(None, tracked):
        source = ROOT / name
        if source.is_file() and not source.is_symlink():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            (dest / name).write_bytes(source.read_bytes())
    origin = tmp_path / "origin.git"
    _git(tmp_path, "init", "--quiet", "--bare", "-b", "main", str(origin))
    _git(dest, "init", "--quiet", "-b", "main")
    _git(dest, "add", "--all")
    _git(dest, "commit", "--quiet", "-m", "Salinan repositori")
    _git(dest, "remote", "add", "origin", str(origin))
    _git(dest, "push", "--quiet", "origin", "main")
    return dest


def first_publication(root: Path, config: KpuConfig) -> Path:
    """The office's first publication, imported through its PR #1 like the samples were."""
    approvers = "".join(
        f"  - login: {config.roles[role][0]}\n    role: {role}\n"  # type: ignore[index]
        for role in ("sekretaris", "subbag_hukum", "ketua")
    )
    provenance = (
        "provenance:\n  pr: 1\n"
        f"  url: https://github.com/{config.repository}/pull/1\n"
        f"  approvers:\n{approvers}"
        f"  memo: 001/ND/HK.03/X/2026\n  content_sha256: {content_hash(POST)}\n"
    )
    path = root / "content" / "posts" / "2026" / "mengenal-uu-pemilu.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        POST.replace("status: ready\n", "status: ready\n" + provenance), encoding="utf-8"
    )
    return path


def scanned(root: Path) -> list[Path]:
    """The built site, the outbox, .github/, and every file kpu writes or generates."""
    found: list[Path] = []
    for name in ("site", "outbox", ".github", "drafts", "cms/config.yml", "kpu.yml", "data"):
        base = root / name
        found += [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
    return found


def leftovers(root: Path, config: KpuConfig, previous: KpuConfig) -> dict[str, list[str]]:
    foreign = foreign_strings(config, previous)
    result = {}
    for path in scanned(root):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # images, the offline zip
        hits = find(text, config, foreign)
        if path.relative_to(root).as_posix().startswith("data/regulations"):
            hits = [h for h in hits if h != "Kabupaten"]  # statute titles: "KPU Kabupaten/Kota"
        if hits:
            result[path.relative_to(root).as_posix()] = hits
    return result


def test_the_previous_identity_is_derived_from_the_sample_kpu_yml() -> None:
    original = load_config(ROOT)
    strings = identity_strings(original)
    assert strings == identity_strings(sample_config())  # doctor's copy is the sample's
    for word in ("Bangka Barat", "bangkabarat", "kpubabar", "babar", "Muntok", "KPUBangkaBarat",
                 "ketua-kpubabar", "kab-bangkabarat.kpu.go.id", "kpu-bangkabarat/informasi-hukum",
                 "(0716) 000000", "ppid@kab-bangkabarat.kpu.go.id"):  # fmt: skip
        assert word in strings
    assert "Provinsi Kepulauan Bangka Belitung" not in strings  # the province is shared
    assert len(strings) == 29, sorted(strings)


@pytest.mark.parametrize("kind", ["kota", "provinsi"])
def test_init_leaves_nothing_of_the_previous_office(kind: str, tmp_path: Path) -> None:
    office = OFFICES[kind]
    root = fresh_copy(tmp_path)
    previous = load_config(root)
    login = office["login"]
    roles = [f"--role={r}={r.replace('_', '-')}-{login}" for r in ROLES]
    done = run_kpu("init", "--yes", "--clear-samples", *office["flags"], *roles, cwd=root)
    assert done.code == 0, done.out + done.err
    assert "Ditulis ulang dari kpu.yml: .github/CODEOWNERS" in done.out
    assert "Perlu disunting" not in done.out
    config = load_config(root)
    assert config.office.kind == kind
    assert config.role_labels == role_labels(kind)
    first_publication(root, config)
    for command in (
        ["check"],
        ["build", "--site-dir", "site"],
        ["publish", "--outbox-only"],
        ["codeowners", "--check"],
        ["intake", "form", "--check"],
        ["cms", "config", "--check"],
        ["new", "Publikasi berikutnya"],
    ):
        result = run_kpu(*command, cwd=root)
        assert result.code == 0, (command, result.out + result.err)

    assert leftovers(root, config, previous) == {}
    assert scan(root, config, previous) == {}  # what kpu doctor scans, from the same rules

    ident = identity(config)
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert f'href="mailto:{config.office.email}"' in home
    assert config.office.phone in home  # the footer shows what the pages promise
    assert ident.full_name in home
    for feed in ("feed_rss_created.xml", "feed_rss_updated.xml"):
        assert f"<description>{ident.site_description()}</description>" in (
            root / "site" / feed
        ).read_text(encoding="utf-8")
    outbox = (root / "outbox").rglob("*")
    posts = [p.read_text("utf-8") for p in outbox if p.is_file() and p.suffix != ".png"]
    assert posts and all(office["hashtag"] in text for text in posts if "Kenali" in text)
    dip = (root / "site" / "ppid" / "daftar-informasi-publik" / "index.html").read_text("utf-8")
    assert office["place"] in dip
    template = (root / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert f"**{office['ketua']}**" in template
    profile = (root / "site" / "profil" / "index.html").read_text(encoding="utf-8")
    assert ident.head_election in profile

    doctor = run_kpu("doctor", "--timeout", "5", cwd=root)
    assert "✓ OK    Tidak ada sisa identitas kantor lain" in doctor.out
    assert "✓ OK    Kontak PPID lengkap" in doctor.out
    assert "✓ OK    Pull request template dan formulir permintaan publikasi" in doctor.out


def test_doctor_fails_on_another_offices_words_and_on_missing_contacts(tmp_path: Path) -> None:
    root = fresh_copy(tmp_path)
    office = OFFICES["kota"]
    done = run_kpu("init", "--yes", *office["flags"], cwd=root)
    assert done.code == 0, done.err
    # No --role: the sample's logins stay, and init says where they are.
    assert (
        "Perlu disunting: .github/CODEOWNERS masih memuat identitas kantor sebelumnya" in done.out
    )
    assert "Perlu disunting: kpu.yml" in done.out
    text = (root / "kpu.yml").read_text(encoding="utf-8")
    (root / "kpu.yml").write_text(
        "\n".join(
            line for line in text.splitlines() if '"phone"' not in line and "phone:" not in line
        )
        + "\n",
        encoding="utf-8",
    )
    page = root / "content" / "profil.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\nKantor KPU Kabupaten Bangka Barat di Muntok.\n",
        encoding="utf-8",
    )
    (root / "mkdocs.yml").write_text(
        (root / "mkdocs.yml").read_text(encoding="utf-8") + "# KPU Kota Sungailiat\n",
        encoding="utf-8",
    )
    result = run_kpu("doctor", "--timeout", "5", cwd=root)
    assert result.code == 1
    failures = [line for line in result.out.splitlines() if line.startswith("✗ GAGAL")]
    assert any(
        line.startswith("✗ GAGAL Kontak PPID belum lengkap: office.phone (nomor telepon)")
        and "kpu init --yes --phone" in line
        for line in failures
    ), result.out
    profil = [line for line in failures if "content/profil.md" in line]
    assert profil and "KPU Kabupaten Bangka Barat" in profil[0] and "Muntok" in profil[0]
    assert "kpu.yml menyebut KPU Kota Pangkalpinang" in profil[0]
    # The sample's roles stayed (no --role given): CODEOWNERS and kpu.yml still hold its logins,
    # and any office name that is not this office's is named too.
    assert any("mkdocs.yml" in line and "KPU Kota Sungailiat" in line for line in failures)
    assert any(".github/CODEOWNERS" in line and "kpubabar" in line for line in failures)


def test_the_sample_office_passes_its_own_identity_checks() -> None:
    config = load_config(ROOT)
    assert scan(ROOT, config) == {}
    assert config.office.phone and config.office.email


def test_placeholders_are_escaped_in_prose_and_literal_in_code() -> None:
    values = {"kantor.nama": "KPU *Kota* X", "situs.domain": "kpu_x.example"}
    text = "Di {{ kantor.nama }}: `{{ situs.domain }}` dan \\{{ kantor.nama }} {{ kantor.nam }}"
    assert fill(text, values) == (
        "Di KPU \\*Kota\\* X: `kpu_x.example` dan {{ kantor.nama }} {{ kantor.nam }}"
    )


def test_a_misspelt_placeholder_stops_the_build_naming_the_page(repo: Path) -> None:
    page = repo / "content" / "profil.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n{{ kantor.namaa }}\n", encoding="utf-8")
    result = run_kpu("build", "--site-dir", "site", cwd=repo)
    assert result.code == 1
    assert "content/profil.md: isian identitas kantor tidak dikenal: {{ kantor.namaa }}" in (
        result.out + result.err
    )


def test_the_rules_of_a_leftover() -> None:
    kota = KpuConfig.model_validate(
        {
            "office": {
                "name": "KPU Kota Pangkalpinang",
                "short_name": "KPU Pangkalpinang",
                "province": "Kepulauan Bangka Belitung",
                "address": "Pangkalpinang",
            },
            "site_url": "https://kpu-pangkalpinang.github.io/informasi-hukum/",
        }
    )
    foreign = foreign_strings(kota)
    assert (
        find("KPU Kabupaten/Kota dan KPU Provinsi Kepulauan Bangka Belitung", kota, foreign) == []
    )
    assert find("disetujui Ketua KPU Kabupaten", kota, foreign) == ["Kabupaten"]
    assert "babar" in find("lihat kpu-babar-editor.netlify.app", kota, foreign)
    assert find("probabarray", kota, foreign) == []  # a short word only as a word
    assert (
        find("https://kab-bangkabarat.kpu.go.id/", kota, foreign)[0] == "kab-bangkabarat.kpu.go.id"
    )
    assert find("Salam dari KPU Kota Sungailiat Nomor 3", kota, foreign) == ["KPU Kota Sungailiat"]
    assert find("Contoh: KPU Kota Contoh", kota, foreign) == []  # the guide's example office
    # The same office is never foreign to itself.
    assert foreign_strings(sample_config()) == set()
