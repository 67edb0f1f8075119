"""Issue #9: only what the SOP roles approved reaches the web and social media.

Each walk-around of the issue runs end to end: a bare origin, real merges (merge commit, squash,
rebase), publish.yml's own `run:` steps, the local GitHub API. Every case asserts what the public
would see: the refused draft is neither deployed nor posted, the Indonesian reason is in the log,
and a properly approved publication of the same run is promoted, built and posted.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from pipeline.core import frontmatter_edit as fm
from pipeline.core.timeutil import WIB
from pipeline.review.verify import content_hash
from tests.conftest import VALID_DRAFT
from tests.fake_github import FakeGitHub, running
from tests.merge_flow import Link, Scenario
from tests.workflow_harness import JobRun, StepRun

YEAR = dt.datetime.now(WIB).year
GOOD = "drafts/2026-10-04-keterbukaan-informasi.md"
BAD = "drafts/2026-10-05-mengenal-uu-pemilu.md"
GOOD_SLUG, BAD_SLUG = "keterbukaan-informasi", "mengenal-uu-pemilu"


def draft(title: str, **changes: str) -> str:
    text = VALID_DRAFT.replace('title: "Mengenal UU Pemilu"', f'title: "{title}"')
    for old, new in changes.items():
        text = text.replace(old, new)
    return text


def approve(github: FakeGitHub, number: int, *logins: str) -> None:
    for login in logins or ("sekretaris-kpubabar", "hukum-kpubabar", "ketua-kpubabar"):
        github.review(number, login, "APPROVED")


@pytest.fixture
def github() -> Iterator[FakeGitHub]:
    with running() as state:
        yield state


@pytest.fixture
def flow(tmp_path: Path, repo: Path, github: FakeGitHub) -> Scenario:
    return Scenario(tmp_path, repo, github)


@dataclass
class Outcome:
    job: JobRun
    clone: Path
    flow: Scenario

    @property
    def promote(self) -> StepRun:
        return self.job.step("kpu promote")

    def promoted(self, slug: str) -> bool:
        return f"content/posts/{YEAR}/{slug}.md" in self.flow.origin_files("content/posts")

    def deployed(self, slug: str) -> bool:
        return (self.clone / "_site" / "publikasi" / str(YEAR) / slug / "index.html").exists()

    def posted(self, slug: str) -> bool:
        outbox = [p for p in self.clone.glob("outbox/**/*") if p.is_file()]
        in_outbox = any(slug in p.name or slug.encode() in p.read_bytes() for p in outbox)
        ledger = self.clone / "data" / "ledger.json"
        text = ledger.read_text(encoding="utf-8") if ledger.exists() else ""
        return in_outbox or f'"{slug}"' in text


def good(flow: Scenario, github: FakeGitHub) -> None:
    """PR #11: a proper draft, fully approved, merged first; the same run must publish it."""
    flow.merge_pr(11, {GOOD: draft("Keterbukaan Informasi Publik")})
    approve(github, 11)


def run(flow: Scenario) -> Outcome:
    clone, job = flow.run_workflow()
    return Outcome(job, clone, flow)


def assert_refused(outcome: Outcome, message: str) -> None:
    promote = outcome.promote
    assert promote.code == 1, promote.out + promote.err
    assert message in promote.out, promote.out
    assert BAD in outcome.flow.origin_files("drafts")
    assert not outcome.promoted(BAD_SLUG)
    assert not outcome.deployed(BAD_SLUG)
    assert not outcome.posted(BAD_SLUG)
    # Everything else of the same run went on: promoted, built, posted.
    assert outcome.promoted(GOOD_SLUG), promote.out
    assert outcome.deployed(GOOD_SLUG)
    assert outcome.posted(GOOD_SLUG)
    assert outcome.job.failed  # someone must look


# --- 1. the PR's own rules never judge the PR ----------------------------------------------------
def test_a_pr_emptying_approvals_is_judged_by_mains_rules(
    flow: Scenario, github: FakeGitHub
) -> None:
    good(flow, github)
    config = (flow.staff / "kpu.yml").read_text(encoding="utf-8")
    start = config.index("approvals:\n")
    end = config.index("# Setiap persetujuan wajib")
    loose = config[:start] + "approvals: []\n" + config[end:]
    flow.merge_pr(12, {BAD: VALID_DRAFT, "kpu.yml": loose})
    outcome = run(flow)
    assert_refused(
        outcome,
        f"{BAD}: persetujuan pull request #12 belum lengkap; masih diperlukan: Kesesuaian tahapan "
        "(Sekretaris KPU Kabupaten); Telaah hukum (Subbag Hukum); Persetujuan konten (Divisi "
        "Pengusul atau Ketua KPU Kabupaten); Persetujuan tata kelola (Ketua KPU Kabupaten); pull "
        "request ini mengubah aturan (kpu.yml), sehingga perlu persetujuan tata kelola sesuai "
        "kpu.yml di main",
    )


def test_a_pr_adding_a_colleague_to_two_roles_gains_nothing(
    flow: Scenario, github: FakeGitHub
) -> None:
    good(flow, github)
    config = (flow.staff / "kpu.yml").read_text(encoding="utf-8")
    friendly = config.replace(
        "subbag_hukum: [hukum-kpubabar]", "subbag_hukum: [hukum-kpubabar, teman-desain]"
    ).replace("ketua: [ketua-kpubabar]", "ketua: [ketua-kpubabar, teman-desain]")
    flow.merge_pr(12, {BAD: VALID_DRAFT, "kpu.yml": friendly}, how="squash")
    approve(github, 12, "sekretaris-kpubabar", "teman-desain")
    outcome = run(flow)
    assert_refused(
        outcome,
        f"{BAD}: persetujuan pull request #12 belum lengkap; masih diperlukan: Telaah hukum "
        "(Subbag Hukum); Persetujuan konten (Divisi Pengusul atau Ketua KPU Kabupaten); "
        "Persetujuan tata kelola (Ketua KPU Kabupaten)",
    )


def test_a_pr_reviving_a_revoked_regulation_is_judged_by_mains_registry(
    flow: Scenario, github: FakeGitHub
) -> None:
    good(flow, github)
    registry = (flow.staff / "data" / "regulations.yml").read_text(encoding="utf-8")
    # Relations are written once, on the newer document: dropping Perki 1/2021's `revokes`
    # makes Perki 1/2010 "berlaku" again.
    revived = registry.replace("    revokes: [perki-1-2010]\n", "", 1)
    assert revived != registry
    citing = draft(
        "Mengenal UU Pemilu",
        **{
            '  - "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum"': (
                '  - "Peraturan Komisi Informasi Nomor 1 Tahun 2010 tentang Standar Layanan '
                'Informasi Publik"'
            )
        },
    )
    # Two commits, the registry first: "before" must be main before the first one, not the last.
    flow.open_pr(12, {"data/regulations.yml": revived})
    flow.push_to_pr(12, {BAD: citing}, "Draf yang mengutip Perki 1/2010")
    flow.merge(12, how="rebase")
    approve(github, 12, "sekretaris-kpubabar", "hukum-kpubabar", "divisi-hukum-kpubabar")
    outcome = run(flow)
    assert_refused(
        outcome,
        f"{BAD}: persetujuan pull request #12 belum lengkap; masih diperlukan: Persetujuan tata "
        "kelola (Ketua KPU Kabupaten); pull request ini mengubah aturan (data/regulations.yml)",
    )


def test_the_governance_signoff_accepts_a_rules_change(flow: Scenario, github: FakeGitHub) -> None:
    config = (flow.staff / "kpu.yml").read_text(encoding="utf-8")
    more = config.replace(
        "subbag_hukum: [hukum-kpubabar]", "subbag_hukum: [hukum-kpubabar, hukum2-kpubabar]"
    )
    flow.merge_pr(11, {GOOD: draft("Keterbukaan Informasi Publik"), "kpu.yml": more})
    approve(github, 11)  # the Ketua's approval is the governance sign-off as well
    outcome = run(flow)
    assert outcome.promote.code == 0, outcome.promote.out
    assert outcome.promoted(GOOD_SLUG) and outcome.deployed(GOOD_SLUG) and outcome.posted(GOOD_SLUG)


# --- 5. one person, two sign-offs ----------------------------------------------------------------
def test_one_person_in_two_roles_cannot_give_two_signoffs(
    flow: Scenario, github: FakeGitHub
) -> None:
    good(flow, github)
    config = (flow.staff / "kpu.yml").read_text(encoding="utf-8")
    flow.push_direct(
        {
            "kpu.yml": config.replace(
                "ketua: [ketua-kpubabar]", "ketua: [ketua-kpubabar, hukum-kpubabar]"
            )
        },
        "Hukum juga pemegang peran ketua",
    )
    flow.merge_pr(12, {BAD: VALID_DRAFT})
    approve(github, 12, "sekretaris-kpubabar", "hukum-kpubabar")
    outcome = run(flow)
    assert_refused(
        outcome,
        f"{BAD}: persetujuan pull request #12 belum lengkap; masih diperlukan: Persetujuan konten "
        "(Divisi Pengusul atau Ketua KPU Kabupaten)",
    )


# --- 6. one bad draft never blocks the others ----------------------------------------------------
def test_naive_publish_at_is_wib_and_an_unexpected_error_stays_with_its_draft(
    flow: Scenario, github: FakeGitHub
) -> None:
    good(flow, github)
    due = "drafts/2026-01-05-jadwal-lampau.md"
    later = "drafts/2099-10-05-jadwal-nanti.md"
    flow.merge_pr(
        12,
        {  # the form the guide and `kpu new` show: no seconds, no offset
            due: draft(
                "Jadwal Lampau", **{"status: ready": "publish_at: 2026-01-05 09:00\nstatus: ready"}
            ),
            later: draft(
                "Jadwal Nanti", **{"status: ready": "publish_at: 2099-10-05 09:00\nstatus: ready"}
            ),
        },
    )
    approve(github, 12)
    flow.merge_pr(13, {BAD: VALID_DRAFT})
    approve(github, 13)
    github.pulls[13]["number"] = "tiga-belas"  # a malformed answer: unexpected, in one draft only
    outcome = run(flow)
    promote = outcome.promote
    assert "Traceback" not in promote.err, promote.err
    assert (
        f"{later}: terbit mulai 5 Oktober 2099, 09.00 WIB (PR #12, persetujuan lengkap)"
        in promote.out
    )
    assert (
        f"{BAD}: draf ini tidak dapat diproses karena galat tak terduga (ValueError: invalid "
        "literal for int() with base 10: 'tiga-belas'); draf lain tetap diproses." in promote.out
    )
    assert_refused(outcome, "Tidak diterbitkan: galat tak terduga (1)")
    assert outcome.promoted("jadwal-lampau") and outcome.deployed("jadwal-lampau")
    assert outcome.posted("jadwal-lampau")
    assert later in flow.origin_files("drafts")


# --- 7. no post without its page -----------------------------------------------------------------
def test_a_failed_build_deploys_nothing_and_posts_nothing_but_records(
    flow: Scenario, github: FakeGitHub
) -> None:
    good(flow, github)
    # Passes kpu check, but the blog plugin stops the build: an author not in .authors.yml.
    flow.merge_pr(12, {BAD: draft("Mengenal UU Pemilu", **{"[tim-desain]": "[orang-tak-dikenal]"})})
    approve(github, 12)
    outcome = run(flow)
    job = outcome.job
    assert job.step("kpu build").code not in (None, 0)
    steps = {s.name: s for s in job.steps}
    assert steps["Deploy ke GitHub Pages"].skipped == "if: false"
    assert job.step("kpu publish").skipped == "if: false"
    assert job.step("kpu record").code == 0
    assert not outcome.posted(BAD_SLUG) and not outcome.posted(GOOD_SLUG)
    assert job.failed


# --- 3. an approval counts only for what it reviewed --------------------------------------------
def test_a_typo_fix_in_another_file_after_approval_keeps_it(
    flow: Scenario, github: FakeGitHub
) -> None:
    flow.open_pr(11, {GOOD: draft("Keterbukaan Informasi Publik")})
    approve(github, 11)
    flow.push_to_pr(11, {"content/catatan.md": "Catatan tanpa salah ketik.\n"}, "Salah ketik")
    flow.merge(11, how="squash")
    outcome = run(flow)
    assert outcome.promote.code == 0, outcome.promote.out
    assert outcome.promoted(GOOD_SLUG) and outcome.deployed(GOOD_SLUG) and outcome.posted(GOOD_SLUG)


def test_changing_the_draft_after_approval_makes_it_stale(
    flow: Scenario, github: FakeGitHub
) -> None:
    good(flow, github)
    reviewed = flow.open_pr(12, {BAD: VALID_DRAFT})
    approve(github, 12)
    flow.push_to_pr(12, {BAD: draft("DIUBAH SETELAH DISETUJUI")}, "Ubah judul")
    flow.merge(12, how="squash")  # the reviewed commit is only in refs/pull/12/head
    outcome = run(flow)
    assert_refused(
        outcome,
        f"{BAD}: persetujuan pull request #12 belum lengkap; masih diperlukan: Kesesuaian tahapan "
        "(Sekretaris KPU Kabupaten); Telaah hukum (Subbag Hukum); Persetujuan konten (Divisi "
        "Pengusul atau Ketua KPU Kabupaten); persetujuan sekretaris-kpubabar, hukum-kpubabar, "
        "ketua-kpubabar diberikan untuk versi sebelumnya; minta persetujuan ulang",
    )
    github_line = outcome.promote.out
    assert "DIUBAH SETELAH DISETUJUI" not in (outcome.clone / "outbox").as_posix()
    assert reviewed  # the reviews name this commit
    assert github_line.count("minta persetujuan ulang") == 1


def test_changing_the_image_after_approval_makes_it_stale(
    flow: Scenario, github: FakeGitHub
) -> None:
    good(flow, github)
    image = "content/assets/images/uu-pemilu.png"
    sample = flow.staff / "content/assets/images/uu-14-2008-keterbukaan-informasi-publik.png"
    changed = io.BytesIO()
    with Image.open(sample) as picture:
        picture = picture.convert("RGB")
        picture.putpixel((0, 0), (255, 0, 0))
        picture.save(changed, format="PNG")
    with_image = draft(
        "Mengenal UU Pemilu",
        **{"status: ready": f'image: {image}\nimage_alt: "Sampul UU Pemilu"\nstatus: ready'},
    )
    flow.open_pr(12, {BAD: with_image, image: sample.read_bytes()})
    approve(github, 12)
    flow.push_to_pr(12, {image: changed.getvalue()}, "Ganti gambar")
    flow.merge(12)
    outcome = run(flow)
    assert_refused(
        outcome,
        "persetujuan sekretaris-kpubabar, hukum-kpubabar, ketua-kpubabar diberikan untuk versi "
        "sebelumnya; minta persetujuan ulang",
    )


# --- 2. nothing public without a verifiable approval --------------------------------------------
POSTED = f"content/posts/{YEAR}/langsung.md"


def _post(title: str = "Langsung Terbit") -> str:
    """A valid published post (dated, as promotion leaves it), but with no record."""
    date = f"date: {YEAR}-10-05T09:00:00+07:00\n"
    return draft(title).replace('description: "', date + 'description: "', 1)


def assert_not_public(outcome: Outcome, path: str, reason: str) -> None:
    verify = outcome.job.step("kpu verify")
    assert verify.code == 1, verify.out + verify.err
    assert f"✘ {path}: {reason}" in verify.out, verify.out
    build = outcome.job.step("kpu build")
    assert f"{path}: tidak terverifikasi, tidak ikut dibangun." in build.out
    slug = Path(path).stem
    assert not outcome.deployed(slug)
    assert not outcome.posted(slug)
    assert outcome.promoted(GOOD_SLUG) and outcome.deployed(GOOD_SLUG)
    assert outcome.posted(GOOD_SLUG)
    assert outcome.job.failed


def test_a_file_committed_straight_into_content_posts_is_neither_deployed_nor_posted(
    flow: Scenario, github: FakeGitHub
) -> None:
    good(flow, github)
    flow.push_direct({POSTED: _post()})
    outcome = run(flow)
    assert outcome.promote.code == 0
    assert_not_public(
        outcome,
        POSTED,
        "tidak ada catatan persetujuan (provenance). Publikasi hanya terbit lewat draf yang "
        "disetujui di pull request lalu dipromosikan oleh kpu promote; berkas yang ditaruh "
        "langsung di content/posts/ tidak ditayangkan",
    )


def test_a_publication_edited_after_promotion_is_taken_off_the_build(
    flow: Scenario, github: FakeGitHub
) -> None:
    flow.merge_pr(12, {BAD: VALID_DRAFT})
    approve(github, 12)
    first = run(flow)
    assert not first.job.failed, [(s.command, s.out) for s in first.job.steps if s.code]
    assert first.deployed(BAD_SLUG)
    post = f"content/posts/{YEAR}/{BAD_SLUG}.md"
    edited = flow.origin_text(post).replace("Isi publikasi tentang UU Pemilu.", "DIUBAH DIAM-DIAM.")
    good(flow, github)
    flow.push_direct({post: edited + "\n"})
    outcome = run(flow)
    verify = outcome.job.step("kpu verify")
    assert verify.code == 1
    assert (
        f"✘ {post}: isinya berubah sesudah disetujui dan dipromosikan (sidik isi tidak cocok). "
        "Ajukan koreksi lewat pull request agar ditelaah dan disetujui ulang"
    ) in verify.out
    assert not outcome.deployed(BAD_SLUG)
    assert outcome.deployed(GOOD_SLUG) and outcome.posted(GOOD_SLUG)


def test_forged_provenance_naming_a_real_approved_pr_is_refused(
    flow: Scenario, github: FakeGitHub
) -> None:
    good(flow, github)
    reviewed = github.pulls[11]["head"]["sha"]
    forged = _post()
    record = {
        "pr": 11,
        "url": f"{github.html}/pull/11",
        "approvers": [
            {"login": login, "role": role, "commit": reviewed}
            for login, role in (
                ("sekretaris-kpubabar", "sekretaris"),
                ("hukum-kpubabar", "subbag_hukum"),
                ("ketua-kpubabar", "ketua"),
            )
        ],
        "source": GOOD,
        "content_sha256": content_hash(forged),
    }
    forged = fm.set_key(forged, "provenance", fm.render("provenance", record))
    assert content_hash(forged) == record["content_sha256"]
    flow.push_direct({POSTED: forged})
    outcome = run(flow)
    assert_not_public(
        outcome,
        POSTED,
        f"isinya bukan yang dibawa pull request #11 ({GOOD}); catatan persetujuan ini tidak "
        "berlaku untuk berkas ini",
    )


# --- 4. symlinks are never followed --------------------------------------------------------------
def test_an_approved_symlinked_draft_is_refused_and_a_later_change_to_its_target_never_posts(
    flow: Scenario, github: FakeGitHub
) -> None:
    good(flow, github)
    flow.merge_pr(12, {"content/catatan.md": VALID_DRAFT, BAD: Link("../content/catatan.md")})
    approve(github, 12)
    flow.merge_pr(13, {"content/catatan.md": draft("DIUBAH TANPA TELAAH")})  # no review at all
    outcome = run(flow)
    assert_refused(
        outcome,
        f"{BAD}: {BAD} adalah symlink (tautan ke berkas lain); draf dan publikasi harus berkas "
        "biasa. Ganti symlink itu dengan isi berkasnya lewat pull request",
    )
    assert "DIUBAH TANPA TELAAH" not in outcome.promote.out


def test_a_correction_goes_through_a_reviewed_pr_and_replaces_the_post(
    flow: Scenario, github: FakeGitHub
) -> None:
    flow.merge_pr(12, {BAD: VALID_DRAFT})
    approve(github, 12)
    first = run(flow)
    assert not first.job.failed
    post = f"content/posts/{YEAR}/{BAD_SLUG}.md"
    date = front_date(flow.origin_text(post))
    fixed = VALID_DRAFT.replace("status: ready", f"corrects: {post}\nstatus: ready").replace(
        "Isi publikasi tentang UU Pemilu.", "Isi publikasi yang sudah dikoreksi."
    )
    flow.merge_pr(14, {"drafts/2026-10-20-koreksi-uu-pemilu.md": fixed})
    approve(github, 14)
    outcome = run(flow)
    assert not outcome.job.failed, [(s.command, s.out) for s in outcome.job.steps if s.code]
    assert f"✔ {post}" in outcome.job.step("kpu verify").out
    text = flow.origin_text(post)
    assert "Isi publikasi yang sudah dikoreksi." in text and "corrects" not in text
    assert front_date(text) == date
    assert "pr: 14" in text
    assert flow.origin_files("drafts") == []
    page = outcome.clone / "_site" / "publikasi" / str(YEAR) / BAD_SLUG / "index.html"
    assert "Isi publikasi yang sudah dikoreksi." in page.read_text(encoding="utf-8")


def front_date(text: str) -> str:
    return next(line for line in text.splitlines() if line.startswith("date: "))
