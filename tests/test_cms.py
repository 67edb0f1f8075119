"""The web editor (Decap CMS at /admin/): its config is generated from the schema and cannot drift,
and a designer fills in the form in real Chromium against decap-server (git mode) on a real
repository; the branch it saves holds a draft that passes `kpu check`."""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import socket
import subprocess
import threading
import time
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from pipeline.core.model import Dip, FrontMatter, Request, Social
from pipeline.intake import cms
from tests.conftest import ROOT, run_kpu

CHROMIUM = Path("/usr/bin/chromium")
NODE = shutil.which("node")
DIST = ROOT / cms.DECAP_DIST
SERVER = ROOT / "cms/node_modules/decap-server/dist/index.js"
SHOTS = ROOT / "test-artifacts" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip
TITLE = "Cek Data Pemilih Sebelum Pemilihan"
LEAD = "Pemilih dapat memeriksa namanya di daftar pemilih tetap."
REST = "Buka laman Cek DPT Online, tulis NIK, lalu tekan Cari."

needs_cms = pytest.mark.skipif(
    not (NODE and (DIST / "decap-cms.js").is_file() and SERVER.is_file() and CHROMIUM.exists()),
    reason="needs node, Chromium and the CMS packages (npm ci --prefix cms)",
)


def test_committed_cms_config_equals_a_fresh_generation() -> None:
    committed = (ROOT / cms.CONFIG_FILE).read_text(encoding="utf-8")
    assert committed == cms.render(ROOT), "run: kpu cms config"
    result = run_kpu("cms", "config", "--check", cwd=ROOT)
    assert result.code == 0 and "sudah terbaru" in result.out


def _form_fields(fields: list[dict[str, Any]], prefix: str = "") -> dict[str, dict[str, Any]]:
    found = {}
    for field in fields:
        path = prefix + field["name"]
        found[path] = field
        found.update(_form_fields(field.get("fields", []), path + "."))
    return found


def test_every_schema_field_is_in_the_form_or_excluded_with_a_reason() -> None:
    config = cms.generate(ROOT)
    form = _form_fields(config["collections"][0]["fields"])
    models: dict[str, type[Any]] = {
        "": FrontMatter,
        "request.": Request,
        "social.": Social,
        "dip.": Dip,
    }
    for prefix, model in models.items():
        for name in model.model_fields:
            path = prefix + name
            if path in cms.EXCLUDED:
                assert cms.EXCLUDED[path] and path not in form
                continue
            assert path in form, f"{path} is neither in the CMS form nor in cms.EXCLUDED"
            assert form[path]["label"] and form[path]["hint"], path  # Indonesian label and hint
            assert form[path]["required"] == (
                model.model_fields[name].is_required() or path in cms.REQUIRED_IN_FORM
            ), path
    assert form["body"]["required"] is True and "default" not in form["body"]  # no placeholder


def test_choices_come_from_the_data_files(tmp_path: Path) -> None:
    form = _form_fields(cms.generate(ROOT)["collections"][0]["fields"])
    stages = yaml.safe_load((ROOT / "data/election_stages.yml").read_text(encoding="utf-8"))
    assert [o["value"] for o in form["election_stage"]["options"]] == list(stages["stages"])
    assert "Informasi Hukum" in form["categories"]["options"]
    assert {o["value"] for o in form["authors"]["options"]} == {"tim-desain", "subbag-hukum"}
    citations = form["legal_basis"]["field"]["choices"]
    assert "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum" in citations
    assert form["legal_basis"]["field"]["widget"] == "kpu-citation"  # free text + suggestions
    assert [o["value"] for o in form["status"]["options"]] == list(
        typing.get_args(FrontMatter.model_fields["status"].annotation)
    )
    assert form["social.x"]["limit"] == 280 and form["social.mastodon"]["limit"] == 500


def test_a_stage_added_to_the_data_file_makes_the_committed_config_stale(repo: Path) -> None:
    (repo / "cms").mkdir()
    shutil.copy(ROOT / cms.CONFIG_FILE, repo / cms.CONFIG_FILE)
    assert run_kpu("cms", "config", "--check", cwd=repo).code == 0
    stages = repo / "data/election_stages.yml"
    stages.write_text(
        stages.read_text(encoding="utf-8")
        + "  pilkada-2029:\n    name: Pemilihan 2029\n    start: 2028-01-01\n    end: 2029-12-31\n",
        encoding="utf-8",
    )
    stale = run_kpu("cms", "config", "--check", cwd=repo)
    assert stale.code == 1
    assert stale.out.strip() == (
        "Konfigurasi editor web cms/config.yml tidak sama dengan hasil pembuatan ulang dari skema "
        "dan berkas data. Jalankan: kpu cms config, lalu commit cms/config.yml."
    )
    assert run_kpu("cms", "config", cwd=repo).code == 0
    assert "pilkada-2029" in (repo / cms.CONFIG_FILE).read_text(encoding="utf-8")


def test_build_without_the_cms_package_still_works_and_says_admin_is_skipped(repo: Path) -> None:
    result = run_kpu("build", cwd=repo)
    assert result.code == 0, result.err
    assert "Editor web /admin/ dilewati: paket Decap CMS belum terpasang." in result.out
    assert not (repo / "site/admin").exists()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)
    return done.stdout


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


IDENTITY = {
    "GIT_AUTHOR_NAME": "Tim Desain",
    "GIT_AUTHOR_EMAIL": "desain@kpu.invalid",
    "GIT_COMMITTER_NAME": "Tim Desain",
    "GIT_COMMITTER_EMAIL": "desain@kpu.invalid",
}


@pytest.fixture
def office(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A real repository with the CMS installed, its built site served, decap-server in git mode."""
    repo = tmp_path / "repo"
    repo.mkdir()
    for name in ("kpu.yml", "mkdocs.yml", ".gitignore"):
        shutil.copy(ROOT / name, repo / name)
    for name in ("data", "content", "drafts"):
        shutil.copytree(ROOT / name, repo / name)
    (repo / "cms").mkdir()
    shutil.copy(ROOT / cms.CONFIG_FILE, repo / cms.CONFIG_FILE)
    dist = repo / cms.DECAP_DIST
    dist.mkdir(parents=True)
    for source in DIST.iterdir():
        if cms._bundle_file(source.name):
            shutil.copyfile(source, dist / source.name)
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    subprocess.run(
        ["git", "commit", "-qm", "Awal"], cwd=repo, check=True, env=os.environ | IDENTITY
    )
    built = run_kpu("build", "--site-dir", str(tmp_path / "site"), cwd=repo)
    assert built.code == 0, built.err
    assert "Editor web:" in built.out
    port = _free_port()
    config = tmp_path / "site/admin/config.yml"
    local = f"local_backend:\n  url: http://localhost:{port}/api/v1\n"
    config.write_text(config.read_text(encoding="utf-8").replace("local_backend: true\n", local))
    env = os.environ | IDENTITY | {
        "MODE": "git", "GIT_REPO_DIRECTORY": str(repo), "PORT": str(port), "BIND_HOST": "127.0.0.1",
        "LOG_LEVEL": "warn",
    }  # fmt: skip
    server = subprocess.Popen([str(NODE), str(SERVER)], cwd=tmp_path, env=env)
    handler = functools.partial(_Quiet, directory=str(tmp_path / "site"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True).start()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.1)
    try:
        yield repo, f"http://localhost:{httpd.server_address[1]}/admin/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        server.terminate()
        server.wait(timeout=10)


@needs_cms
def test_designer_saves_a_draft_through_the_form_and_its_branch_passes_check(
    office: tuple[Path, str], tmp_path: Path
) -> None:
    from playwright.sync_api import expect, sync_playwright

    repo, url = office
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            tab = browser.new_page(viewport={"width": 1280, "height": 1000}, locale="id-ID")
            tab.set_default_timeout(20_000)
            errors: list[str] = []
            tab.on("pageerror", lambda exc: errors.append(str(exc)))
            started = time.monotonic()
            tab.goto(url)
            tab.get_by_role("button", name="Masuk", exact=True).click()
            tab.get_by_role("link", name="Buat draf baru").click()
            tab.get_by_label("Judul", exact=True).fill(TITLE)
            tab.get_by_label("Ringkasan", exact=True).fill(
                "Pemilih dapat memeriksa namanya di daftar pemilih lewat Cek DPT Online."
            )
            tab.get_by_label("Nomor Nota Dinas").fill("015/ND/HK.03/Kab/XI/2026")
            tab.get_by_label("Tanggal Nota Dinas").fill("2026-11-20")
            # the site's date style under the browser's picker, whatever its locale (#15)
            expect(tab.locator(".kpu-date-shown").first).to_have_text(
                "Tertulis di situs: 20 November 2026"
            )
            tab.get_by_label("Unit pengusul").fill("Subbagian Perencanaan, Data dan Informasi")
            tab.get_by_label("Tahapan pemilu (SOP langkah 3)").click()
            tab.get_by_text("Pemutakhiran Data Pemilih Berkelanjutan", exact=True).click()
            tab.get_by_role("button", name="Tambah dasar hukum (sop langkah 4)").click()
            citation = tab.get_by_placeholder("Pilih dari daftar atau tulis lengkap")
            citation.fill("Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum")
            social = tab.get_by_label("Teks untuk semua kanal")
            social.fill("Sudah terdaftar sebagai pemilih? Cek namamu di Cek DPT Online.")
            _write_body(tab, LEAD, REST)
            expect(tab.locator(".kpu-counter").first).to_contain_text("/ 280 karakter")
            _shot(tab, "cms-social-counter")
            tab.get_by_label("Judul", exact=True).scroll_into_view_if_needed()
            _shot(tab, "cms-form")
            tab.get_by_role("button", name="Simpan", exact=True).click()
            expect(tab.get_by_text("Draf tersimpan")).to_be_visible()
            saved = time.monotonic() - started
            assert not errors, errors
        finally:
            browser.close()
    print(f"\n/admin/ opened -> draft saved: {saved:.1f} s")
    (SHOTS / "cms-timing.txt").write_text(f"{saved:.2f}\n", encoding="utf-8")
    branches = _git(repo, "branch", "--list", "cms/*").split()
    assert len(branches) == 1 and branches[0].startswith("cms/drafts/")
    files = _git(repo, "diff", "--name-only", "main", branches[0]).split()
    (draft,) = files
    assert draft.startswith("drafts/") and draft.endswith("-cek-data-pemilih-sebelum-pemilihan.md")
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", "-b", branches[0], str(repo), str(clone))
    text = (clone / draft).read_text(encoding="utf-8")
    assert f"title: {TITLE}" in text
    assert re.search(r"^  date: '?2026-11-20'?$", text, re.M), text  # stored ISO, as kpu new writes
    body = text.split("\n---\n", 1)[1]
    assert body.strip().split("\n\n") == [LEAD, "<!-- more -->", REST]
    checked = run_kpu("check", draft, cwd=clone)
    assert checked.code == 0, checked.out
    assert "0 peringatan" in checked.out or "peringatan" in checked.out


def _shot(tab: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / f"{name}.png"))


def _fill_required(tab: Any, title: str) -> None:
    tab.get_by_label("Judul", exact=True).fill(title)
    tab.get_by_label("Ringkasan", exact=True).fill("Jadwal pencocokan dan penelitian data pemilih.")
    tab.get_by_label("Nomor Nota Dinas").fill("016/ND/HK.03/Kab/XI/2026")
    tab.get_by_label("Tanggal Nota Dinas").fill("2026-11-21")
    tab.get_by_label("Unit pengusul").fill("Subbagian Hukum dan SDM")
    tab.get_by_label("Tahapan pemilu (SOP langkah 3)").click()
    tab.get_by_text("Informasi umum (di luar tahapan)", exact=True).click()
    tab.get_by_role("button", name="Tambah dasar hukum (sop langkah 4)").click()
    tab.get_by_placeholder("Pilih dari daftar atau tulis lengkap").fill(
        "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum"
    )
    tab.get_by_label("Teks untuk semua kanal").fill("Jadwal coklit sudah terbit.")
    _write_body(tab, "Jadwal coklit sudah terbit.", "Petugas datang ke rumah pemilih.")


def _write_body(tab: Any, *paragraphs: str) -> None:
    """Type into the rich-text editor as a designer does: Enter between paragraphs."""
    tab.locator("[data-slate-editor]").click()
    for index, paragraph in enumerate(paragraphs):
        if index:
            tab.keyboard.press("Enter")
        tab.keyboard.type(paragraph)


@needs_cms
def test_an_uploaded_image_cannot_be_saved_without_alt_text(
    office: tuple[Path, str], tmp_path: Path
) -> None:
    from PIL import Image
    from playwright.sync_api import expect, sync_playwright

    repo, url = office
    picture = tmp_path / "jadwal-coklit.png"
    Image.new("RGB", (120, 80), (0, 90, 160)).save(picture)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            tab = browser.new_page(viewport={"width": 1280, "height": 1000}, locale="id-ID")
            tab.set_default_timeout(20_000)
            tab.goto(url)
            tab.get_by_role("button", name="Masuk", exact=True).click()
            tab.get_by_role("link", name="Buat draf baru").click()
            _fill_required(tab, "Jadwal Coklit")
            tab.get_by_role("button", name="Pilih gambar").click()
            tab.locator("input[type=file]").set_input_files(str(picture))
            tab.get_by_role("button", name="Pakai yang dipilih").click()
            tab.get_by_role("button", name="Simpan", exact=True).click()
            expect(tab.get_by_text("Teks alternatif wajib diisi jika ada gambar")).to_be_visible()
            assert _git(repo, "branch", "--list", "cms/*") == ""
            tab.get_by_label("Teks alternatif gambar").fill("Bagan jadwal coklit berwarna biru")
            tab.get_by_role("button", name="Simpan", exact=True).click()
            expect(tab.get_by_text("Draf tersimpan")).to_be_visible()
        finally:
            browser.close()
    (branch,) = _git(repo, "branch", "--list", "cms/*").split()
    files = sorted(_git(repo, "diff", "--name-only", "main", branch).split())
    assert files[0] == "content/assets/images/jadwal-coklit.png"
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", "-b", branch, str(repo), str(clone))
    text = (clone / files[1]).read_text(encoding="utf-8")
    assert "image: content/assets/images/jadwal-coklit.png" in text
    assert "image_alt: Bagan jadwal coklit berwarna biru" in text
    checked = run_kpu("check", files[1], cwd=clone)
    assert checked.code == 0, checked.out


def test_dates_are_shown_in_the_site_style_and_stored_iso() -> None:
    form = _form_fields(cms.generate(ROOT)["collections"][0]["fields"])
    for path, stored in (("request.date", "YYYY-MM-DD"), ("publish_at", "YYYY-MM-DD HH:mm")):
        assert form[path]["widget"] == "kpu-date"
        assert form[path]["format"] == stored
        assert form[path]["display"].startswith("D MMMM YYYY")
        assert "date_format" not in form[path]  # Decap's own: a storage format, never shown
    script = (ROOT / "pipeline/site/admin/kpu-cms.js").read_text(encoding="utf-8")
    assert 'CMS.registerWidget("kpu-date", DateControl, datePreview)' in script


def test_a_schedule_as_the_editor_writes_it_is_read_in_wib(repo: Path) -> None:
    from pipeline.check.validate import load_context, validate
    from tests.conftest import VALID_DRAFT

    form = _form_fields(cms.generate(ROOT)["collections"][0]["fields"])
    assert form["publish_at"]["format"] == "YYYY-MM-DD HH:mm"
    draft = repo / "drafts/2026-10-05-mengenal-uu-pemilu.md"
    draft.write_text(VALID_DRAFT.replace("status:", "publish_at: 2026-12-24 09:00\nstatus:"))
    (publication,) = validate(load_context(repo), [draft]).publications
    assert publication.front.publish_at is not None
    assert publication.front.publish_at.isoformat() == "2026-12-24T09:00:00+07:00"
