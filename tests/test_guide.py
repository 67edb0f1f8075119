"""The staff guide (content/panduan/) keeps up with the code: it builds, every `kpu` command it shows
exists and parses, every picture exists with alt text, and every message it quotes is the one the
real command prints today."""

from __future__ import annotations

import re
import shlex
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from pipeline.cli import COMMANDS, build_parser
from pipeline.core.config import load_config
from pipeline.core.identity import fill, identity
from pipeline.core.model import FrontMatter
from pipeline.messages import intake
from pipeline.messages.new_template import DRAFT
from pipeline.publish.channels.registry import environment
from pipeline.review.approvals import Review, evaluate
from pipeline.review.comment_sections import checklist_section
from tests.conftest import ROOT, VALID_DRAFT, run_kpu

GUIDE = ROOT / "content" / "panduan"
PAGES = sorted(GUIDE.glob("*.md"))
SHOTS = ROOT / "content" / "assets" / "images" / "panduan"
MAX_IMAGE_BYTES = 200 * 1024
DRAFT_PATH = "drafts/2026-10-05-mengenal-uu-pemilu.md"
_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")
_KPU_WORD = re.compile(r"(?<![\w.-])kpu ([a-z][a-z-]*)")
_CODE_SPAN = re.compile(r"`(kpu [^`]+)`")
_FENCE = re.compile(r"^```[a-z]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
_CHECK_EXAMPLE = re.compile(r"<!-- kpu-check: ([a-z-]+) -->\n```text\n(.*?)```", re.DOTALL)

# The drafts behind the `kpu check` examples of membaca-pemeriksaan.md: each is one mistake away
# from the valid draft shared by the tests.
_VALID = VALID_DRAFT
_UU7 = '"Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum"'
EXAMPLES = {
    "draf-baru": DRAFT.format(title="Mengenal UU Pemilu", today="2026-10-01"),
    "salah-ketik": _VALID.replace("title:", "tittle:"),
    "tab": _VALID.replace("  number:", "\tnumber:"),
    "titik-dua": _VALID.replace("election_stage: informasi-umum", "election_stage informasi-umum"),
    "tanggal-salah": _VALID.replace("date: 2026-10-01", "date: 1 Oktober 2026"),
    "peraturan-dicabut": _VALID.replace(
        _UU7,
        '"Peraturan Komisi Informasi Nomor 1 Tahun 2010 tentang Standar Layanan Informasi Publik"',
    ),
    "peraturan-tidak-dikenal": _VALID.replace(_UU7, '"Peraturan tentang pemilu"'),
    "gambar-tanpa-alt": _VALID.replace(
        "social:", "image: content/assets/images/mengenal-uu-pemilu.png\nsocial:"
    ),
    "tahapan-berakhir": _VALID.replace("informasi-umum", "pemilu-2024"),
}


def _filled(text: str) -> str:
    """The page as a reader sees it: the office's placeholders filled from kpu.yml (#15)."""
    return fill(text, identity(load_config(ROOT)).values(), markdown=False)


def _text(name: str) -> str:
    return _filled((GUIDE / name).read_text(encoding="utf-8"))


def _all_text() -> str:
    return "\n".join(_filled(page.read_text(encoding="utf-8")) for page in PAGES)


def _sample_image(repo: Path) -> None:
    shutil.copy(
        ROOT / "content" / "assets" / "images" / "feed-logo.png",
        repo / "content" / "assets" / "images" / "mengenal-uu-pemilu.png",
    )


# --- structure ---------------------------------------------------------------------------------
def test_every_guide_page_is_in_the_panduan_tab() -> None:
    nav = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nplugins:")[0])
    tabs = {next(iter(item)): item[next(iter(item))] for item in nav["nav"]}
    assert sorted(tabs["Panduan"]) == sorted(f"panduan/{p.name}" for p in PAGES)
    assert tabs["Panduan"][0] == "panduan/index.md"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("site")
    result = run_kpu("build", "--site-dir", str(site), cwd=ROOT)
    assert result.code == 0, result.out + result.err
    assert not re.search(r"^(WARNING|ERROR)\b", result.err, re.MULTILINE), result.err
    return site


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.images: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.images.append(dict(attrs))


def test_the_guide_builds_and_every_built_image_has_alt_text(built: Path) -> None:
    for page in PAGES:
        html_path = built / "panduan" / ("" if page.stem == "index" else page.stem) / "index.html"
        assert html_path.is_file(), page.name
        parser = _Images()
        parser.feed(html_path.read_text(encoding="utf-8"))
        for image in parser.images:
            if "/panduan/" not in (image.get("src") or ""):
                continue  # the theme's own icons
            assert (image.get("alt") or "").strip(), f"{page.name}: {image}"
            target = (html_path.parent / str(image["src"])).resolve()
            assert target.is_file(), f"{page.name}: {image['src']}"


def test_every_screenshot_exists_is_small_and_has_alt_text() -> None:
    used: set[Path] = set()
    for page in PAGES:
        for alt, src in _IMAGE.findall(page.read_text(encoding="utf-8")):
            path = (page.parent / src).resolve()
            assert path.is_file(), f"{page.name}: {src}"
            assert len(alt.strip()) >= 20, f"{page.name}: {src} needs a describing alt text"
            assert path.stat().st_size <= MAX_IMAGE_BYTES, f"{src}: {path.stat().st_size} bytes"
            used.add(path)
    shots = set(SHOTS.glob("*.png"))
    assert shots, "no screenshots in content/assets/images/panduan/"
    assert shots <= used, f"screenshots no page shows: {sorted(p.name for p in shots - used)}"


def test_every_kpu_command_the_guide_mentions_exists() -> None:
    names = {m.__name__.rsplit(".", 1)[-1] for m in COMMANDS}
    mentioned = set(_KPU_WORD.findall(_all_text()))
    assert mentioned, "the guide mentions no kpu command"
    assert mentioned <= names, f"not kpu commands: {sorted(mentioned - names)}"


def test_every_kpu_command_line_the_guide_shows_parses() -> None:
    text = _all_text()
    lines = _CODE_SPAN.findall(text)
    for block in _FENCE.findall(text):
        lines += [line.strip() for line in block.splitlines() if line.strip().startswith("kpu ")]
    assert len(lines) > 10
    parser = build_parser()
    for line in lines:
        if len(shlex.split(line)) < 3:
            continue  # a command named in prose ("`kpu retract`"); its name is checked above
        try:
            parser.parse_args(shlex.split(line)[1:])
        except SystemExit:
            pytest.fail(f"the guide shows a command kpu does not accept: {line}")


# --- quoted outputs are the real ones ----------------------------------------------------------
def test_the_check_examples_are_what_kpu_check_prints(repo: Path) -> None:
    examples = dict(_CHECK_EXAMPLE.findall(_text("membaca-pemeriksaan.md")))
    assert sorted(examples) == sorted(EXAMPLES)
    _sample_image(repo)
    for name, draft in EXAMPLES.items():
        (repo / DRAFT_PATH).write_text(draft, encoding="utf-8")
        result = run_kpu("check", DRAFT_PATH, cwd=repo)
        assert result.out == examples[name], name


def test_the_sample_draft_passes_kpu_check(repo: Path) -> None:
    found = re.search(
        r"<!-- contoh-draf -->\n```markdown\n(.*?)```", _text("menulis-draf.md"), re.S
    )
    assert found
    _sample_image(repo)
    (repo / DRAFT_PATH).write_text(found.group(1), encoding="utf-8")
    result = run_kpu("check", DRAFT_PATH, cwd=repo)
    assert result.code == 0 and "(0 peringatan)" in result.out, result.out


def test_every_front_matter_field_is_explained() -> None:
    page = _text("menulis-draf.md")
    for name, info in FrontMatter.model_fields.items():
        assert f"`{name}`" in page, name
        nested = getattr(_model_of(info.annotation), "model_fields", {})
        if name in ("provenance", "withdrawn"):
            continue  # stamped by kpu promote / kpu retract: explained whole, never typed by staff
        for sub in nested:
            assert f"`{name}.{sub}`" in page, f"{name}.{sub}"


def _model_of(annotation: object) -> object:
    if hasattr(annotation, "model_fields"):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        if hasattr(arg, "model_fields"):
            return arg
    return None


def test_the_approval_comments_are_what_kpu_comment_writes() -> None:
    page = _text("menelaah-dan-menyetujui.md")
    config = load_config(ROOT)
    for rule in config.approvals:
        assert rule.name in page
    sekretaris = Review("sekretaris-kpubabar", "APPROVED")
    scenarios = [
        [sekretaris, Review("ketua-kpubabar", "APPROVED")],
        [
            sekretaris,
            Review("hukum-kpubabar", "CHANGES_REQUESTED"),
            Review("ketua-kpubabar", "APPROVED"),
        ],
        [sekretaris, Review("hukum-kpubabar", "APPROVED"), Review("ketua-kpubabar", "APPROVED")],
    ]
    assert "Persetujuan (SOP langkah 7)" not in page  # the one section is the checklist
    for reviews in scenarios:
        state = evaluate(reviews, "desain-kpubabar", config)
        heading, _, body = checklist_section(state, config).partition("\n\n")
        block = "\n".join(f"    {line}" if line else "" for line in body.splitlines())
        assert f'!!! example "{heading.removeprefix("### ")}"\n{block}\n' in page


def test_the_intake_messages_are_the_real_ones() -> None:
    page = _text("permintaan-publikasi.md")
    path = "drafts/2026-10-05-mengenal-undang-undang-pemilu.md"
    assert intake.CREATED.format(issue=" #42", path=path) in page
    assert intake.DATE_INVALID.format(got="1 Oktober 2026") in page


def test_the_init_error_example_is_what_kpu_init_prints(repo: Path) -> None:
    result = run_kpu("init", "--yes", "--site-url", "kpu-kota-contoh.github.io", cwd=repo)
    assert result.code == 2
    assert f"```text\n{result.err}```" in _text("menyiapkan-kantor.md")


def test_the_secrets_table_lists_every_required_variable() -> None:
    page = _text("menyiapkan-kantor.md")
    for _, var in environment():
        if var.required:
            assert f"`{var.name}`" in page, var.name
