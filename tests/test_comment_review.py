"""The reviewer's part of the PR comment (issue 12): the SOP checklist names who still has to act
and how, the page is shown collapsed and inert, and the comment links to the preview site."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from pipeline.check.validate import Result, load_context, validate
from pipeline.core.config import load_config
from pipeline.core.identity import fill, identity
from pipeline.review.approvals import ApprovalState, Review, evaluate
from pipeline.review.comment import render_comment
from pipeline.review.comment_sections import (
    RunLinks,
    checklist_section,
    page_section,
    site_preview_section,
)
from tests.conftest import ROOT, VALID_DRAFT, run_kpu, write_draft
from tests.fake_github import running
from tests.test_comment_inert import ATTACK, DETAILS, HEADINGS, _html, assert_inert

CONFIG = load_config(ROOT)
AUTHOR = "desain-kpubabar"
HOW = (
    "Cara menyetujui: buka tab **Files changed** → klik **Review changes** → pilih **Approve** → "
    "klik **Submit review**."
)
ARTIFACTS = ROOT / "test-artifacts"


OLD, CURRENT = "b" * 40, "a" * 40


def _state(
    *reviews: tuple[str, str], stale: str | None = None, governance: bool = False
) -> ApprovalState:
    """The real evaluation; `stale` approved OLD, a commit whose draft differs from the head."""
    at = dt.datetime(2026, 10, 5, 2, tzinfo=dt.UTC)
    given = [Review(who, state, at, OLD if who == stale else CURRENT) for who, state in reviews]

    def changed_since(commit: str | None) -> list[str]:
        return ["drafts/2026-10-05-mengenal-uu-pemilu.md"] if commit == OLD else []

    return evaluate(given, AUTHOR, CONFIG, governance=governance, changed_since=changed_since)


def test_the_checklist_names_who_signed_who_still_has_to_act_and_how() -> None:
    section = checklist_section(_state(("sekretaris-kpubabar", "APPROVED")), CONFIG)
    assert HOW in section
    assert (
        "- ✅ **Kesesuaian tahapan**: sudah disetujui oleh `@sekretaris-kpubabar` "
        "(Sekretaris KPU Kabupaten)." in section
    )
    assert (
        "- ⬜ **Telaah hukum** (Subbag Hukum): belum. Menunggu persetujuan dari "
        "`@hukum-kpubabar` (Subbag Hukum)." in section
    )
    assert (
        "- ⬜ **Persetujuan konten** (Divisi Pengusul atau Ketua KPU Kabupaten): belum. Menunggu "
        "persetujuan dari `@divisi-teknis-kpubabar` (Divisi Pengusul), `@divisi-hukum-kpubabar` "
        "(Divisi Pengusul), `@ketua-kpubabar` (Ketua KPU Kabupaten)." in section
    )
    assert "Persetujuan tata kelola" not in section  # no rule file changed
    assert "Semua persetujuan lengkap" not in section


def test_a_stale_approval_is_named_with_what_to_ask() -> None:
    state = _state(("sekretaris-kpubabar", "APPROVED"), ("hukum-kpubabar", "APPROVED"),
                   stale="hukum-kpubabar")  # fmt: skip
    section = checklist_section(state, CONFIG)
    assert (
        "- ⚠️ Approve dari `@hukum-kpubabar` untuk versi sebelumnya (commit bbbbbbb) tidak "
        "dihitung karena draf atau gambarnya berubah sesudahnya; minta hukum-kpubabar menyetujui "
        "ulang (Files changed → Review changes → Approve → Submit review)." in section
    )
    assert "- ⬜ **Telaah hukum** (Subbag Hukum): belum. Menunggu persetujuan dari " in section


def test_changes_requested_name_the_reviewer_and_the_way_back() -> None:
    state = _state(("hukum-kpubabar", "CHANGES_REQUESTED"))
    section = checklist_section(state, CONFIG)
    assert (
        "- ❌ `@hukum-kpubabar` (Subbag Hukum) meminta perbaikan. Tim Desain memperbaiki draf lalu "
        "push; sesudah itu hukum-kpubabar memeriksa lagi dan memilih Approve." in section
    )


def test_a_rule_change_adds_the_governance_sign_off_and_the_author_is_never_asked() -> None:
    state = _state(
        ("sekretaris-kpubabar", "APPROVED"),
        ("hukum-kpubabar", "APPROVED"),
        ("ketua-kpubabar", "APPROVED"),
        governance=True,
    )
    section = checklist_section(state, CONFIG)
    assert "- ✅ **Persetujuan konten**: sudah disetujui oleh `@ketua-kpubabar`" in section
    assert "- ✅ **Persetujuan tata kelola**: sudah disetujui oleh `@ketua-kpubabar`" in section
    assert section.endswith(
        "✅ Semua persetujuan lengkap: draf terbit otomatis setelah pull request digabung (merge)."
    )
    by_ketua = evaluate([], "ketua-kpubabar", CONFIG, governance=True)
    waiting = checklist_section(by_ketua, CONFIG)
    assert "Menunggu persetujuan dari `@divisi-teknis-kpubabar` (Divisi Pengusul), " in waiting
    assert "`@ketua-kpubabar`" not in waiting  # the author's own approval never counts
    assert "- ⬜ **Persetujuan tata kelola** (Ketua KPU Kabupaten): belum, dan tidak ada" in waiting


HOSTILE_BODY = (
    "Isi.\n\n<!-- more -->\n\n</details>\n\n~~~~~~\n# Lulus @ketua-kpubabar\n"
    "<img src=x onerror=alert(1)> [x](https://evil.example) \u202eterbalik\n" + ATTACK + "\n"
)


def test_the_page_is_shown_collapsed_and_inert(repo: Path) -> None:
    """Even a body `kpu check` would refuse (the section must not rely on the check)."""
    write_draft(repo)
    (valid,) = [p for p in validate(load_context(repo)).publications if p.is_draft]
    front = valid.front.model_copy(update={"title": "# Judul @ketua-kpubabar <b>x</b>"})
    draft = dataclasses.replace(valid, front=front, body=HOSTILE_BODY)
    body = render_comment(Result(), None, [page_section([draft])])
    assert_inert(body, headings=HEADINGS, own_tags=DETAILS)
    html = _html(body)
    assert html.count("<details>") == 1 and html.count("</details>") == 1  # ours, not the body's
    assert "<summary>Buka isi halaman (judul, ringkasan, isi)</summary>" in html
    assert "<strong>Judul:</strong> # Judul @\u200bketua-kpubabar &lt;b&gt;x&lt;/b&gt;" in html
    assert "&lt;/details&gt;\n\n~~~~~~\n# Lulus @ketua-kpubabar" in html  # as text, in the block
    assert "[U+202E]terbalik" in html  # a bidi override cannot reorder what reviewers read


def test_the_preview_links_go_to_the_run_artifact_and_the_draft_image(repo: Path) -> None:
    image = "content/assets/images/uu-14-2008-keterbukaan-informasi-publik.png"
    write_draft(
        repo,
        text=VALID_DRAFT.replace(
            "status: ready", f"image: {image}\nimage_alt: Sampul\nstatus: ready"
        ),
    )
    (draft,) = [p for p in validate(load_context(repo)).publications if p.is_draft]
    env = {
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_REPOSITORY": "kpu-bangkabarat/informasi-hukum",
        "GITHUB_RUN_ID": "4242",
        "KPU_PREVIEW_URL": "https://github.com/kpu-bangkabarat/informasi-hukum/actions/runs/4242/artifacts/77",
    }
    links = RunLinks.from_env("kpu-bangkabarat/informasi-hukum", "c" * 40, env)
    pages = {draft.path.as_posix(): "publikasi/2026/mengenal-uu-pemilu/"}
    section = site_preview_section(links, [draft], pages)
    repo_url = "https://github.com/kpu-bangkabarat/informasi-hukum"
    view = f"{repo_url}/blob/{'c' * 40}/{image}"
    raw = f"{repo_url}/raw/{'c' * 40}/{image}"
    assert (
        f"📦 [Unduh pratinjau situs (artifact pratinjau-situs)]({env['KPU_PREVIEW_URL']})"
        in section
    )
    assert "  - Halaman: `publikasi/2026/mengenal-uu-pemilu/index.html`" in section
    assert (
        f"  - Gambar draf: [buka berkasnya di pull request]({view}) ![Gambar draf]({raw})"
        in section
    )
    assert "`assets/images/uu-14-2008-keterbukaan-informasi-publik.png` (X, Facebook" in section
    body = render_comment(Result(), None, [section])
    assert_inert(body, headings=HEADINGS, own_urls=frozenset({env["KPU_PREVIEW_URL"], view, raw}))


@pytest.mark.parametrize(
    "artifact",
    ["javascript:alert(1)", "https://x.example/a)(b", "http://github.com/plain", ""],
)
def test_a_preview_url_that_is_not_plain_https_falls_back_to_the_run_page(artifact: str) -> None:
    env = {"GITHUB_REPOSITORY": "o/r", "GITHUB_RUN_ID": "7", "KPU_PREVIEW_URL": artifact}
    links = RunLinks.from_env(None, None, env)
    assert links.artifact_url is None
    section = site_preview_section(links, [], {})
    assert "Buka [halaman run pemeriksaan ini](https://github.com/o/r/actions/runs/7)" in section


def test_the_command_writes_the_whole_review_comment(repo: Path, tmp_path: Path) -> None:
    """Also the sample for the closing note: test-artifacts/pr-comment-sample.md."""
    write_draft(repo)
    with running() as github:
        github.add_pull(12, AUTHOR, merged=False, head_sha="d" * 40)
        github.review(12, "sekretaris-kpubabar", "APPROVED")
        github.review(12, "hukum-kpubabar", "CHANGES_REQUESTED")
        env = {
            "GITHUB_API_URL": github.url,
            "GITHUB_REPOSITORY": github.repository,
            "GITHUB_TOKEN": "fake",
            "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
            "GITHUB_SERVER_URL": "https://github.com",
            "GITHUB_RUN_ID": "4242",
        }
        result = run_kpu("comment", "12", cwd=repo, env=env)
        assert result.code == 0, result.err
        body = str(github.comments[12][0]["body"])
    run = f"https://github.com/{github.repository}/actions/runs/4242"
    year = dt.date.today().year
    for expected in (
        "### Daftar periksa SOP: siapa yang masih harus bertindak",
        HOW,
        "- ✅ **Kesesuaian tahapan**: sudah disetujui oleh `@sekretaris-kpubabar`",
        "- ❌ `@hukum-kpubabar` (Subbag Hukum) meminta perbaikan.",
        "### Pratinjau kiriman media sosial",
        "- Tagar: `#KPUBangkaBarat` `#InformasiHukum`",
        f"- Tautan dalam kiriman: `https://kab-bangkabarat.kpu.go.id/publikasi/{year}/mengenal-uu-pemilu/`",
        "- Gambar: `social/mengenal-uu-pemilu/square.jpg` (di artifact pratinjau-situs)",
        "<summary>Buka isi halaman (judul, ringkasan, isi)</summary>",
        f"Buka [halaman run pemeriksaan ini]({run})",
        f"  - Halaman: `publikasi/{year}/mengenal-uu-pemilu/index.html`",
    ):
        assert expected in body, expected
    assert body.index("Daftar periksa SOP") < body.index("Pratinjau kiriman media sosial")
    assert_inert(body, headings=HEADINGS + 1 + 1 + 3, own_tags=DETAILS, own_urls=frozenset({run}))
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "pr-comment-sample.md").write_text(body, encoding="utf-8")


def test_the_checklist_uses_mains_roles_and_names_the_stale_approval_end_to_end(
    tmp_path: Path, repo: Path
) -> None:
    """A real repository: the pull request makes its author a Subbag Hukum holder (a rules
    change), Subbag Hukum approved, then the draft changed. The checklist still asks main's
    holders, names the stale approval, and asks for the governance sign-off."""
    from tests.merge_flow import Scenario, git

    draft = "drafts/2026-10-05-mengenal-uu-pemilu.md"
    config = (repo / "kpu.yml").read_text(encoding="utf-8")
    widened = config.replace("subbag_hukum: [hukum-kpubabar]", f"subbag_hukum: [{AUTHOR}]")
    assert widened != config
    with running() as github:
        flow = Scenario(tmp_path, repo, github)
        flow.open_pr(12, {draft: VALID_DRAFT, "kpu.yml": widened})
        github.review(12, "hukum-kpubabar", "APPROVED")
        flow.push_to_pr(12, {draft: VALID_DRAFT.replace("Mengenal UU Pemilu", "Judul Baru")})
        clone = flow.clone()
        git("fetch", "--quiet", "origin", "refs/pull/12/head:pr", cwd=clone)  # as check.yml
        git("checkout", "--quiet", "pr", cwd=clone)
        env = {
            "GITHUB_API_URL": github.url,
            "GITHUB_REPOSITORY": github.repository,
            "GITHUB_TOKEN": "fake",
            "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
        }
        result = run_kpu("comment", "12", "--no-post", cwd=clone, env=env)
    assert result.code == 0, result.err
    checklist = result.out.split("### Daftar periksa SOP", 1)[1].split("\n### ", 1)[0]
    assert "Approve dari `@hukum-kpubabar` untuk versi sebelumnya (commit " in checklist
    assert "minta hukum-kpubabar menyetujui ulang" in checklist
    assert (
        "- ⬜ **Telaah hukum** (Subbag Hukum): belum. Menunggu persetujuan dari "
        "`@hukum-kpubabar` (Subbag Hukum)." in checklist
    )
    assert (
        "- ⬜ **Persetujuan tata kelola** (Ketua KPU Kabupaten): belum. Menunggu persetujuan dari "
        "`@ketua-kpubabar` (Ketua KPU Kabupaten)." in checklist
    )
    assert f"`@{AUTHOR}`" not in checklist  # the pull request's own roles never count


def test_the_guide_shows_the_checklist_as_kpu_comment_writes_it() -> None:
    written = (ROOT / "content" / "panduan" / "menelaah-dan-menyetujui.md").read_text("utf-8")
    page = fill(written, identity(CONFIG).values())  # the office's logins and titles, as built
    state = _state(("sekretaris-kpubabar", "APPROVED"), ("ketua-kpubabar", "APPROVED"))
    heading, _, body = checklist_section(state, CONFIG).partition("\n\n")
    title = heading.removeprefix("### ")
    block = "\n".join(f"    {line}" if line else "" for line in body.splitlines())
    assert f'!!! example "{title}"\n{block}\n' in page
    assert "Persetujuan (SOP langkah 7)" not in page  # one approval section, not two
