"""No English UI words on any screen staff or citizens read (#15): the built site and the CLI.

The site: a real `mkdocs build` of the sample repository; every page's visible text (outside
code blocks, which show files and commands as typed) and its aria-label, title, placeholder and
alt attributes. The CLI: every command's --help and its usage errors, run as staff run them.
A word counts when it is in ENGLISH, a list of the words the engines we use write in their UI
(argparse, MkDocs, Material, the C library's error texts); words Indonesian borrowed and that
staff use (draf, commit, pull request) are not in it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipeline.cli import build_parser
from tests.conftest import run_kpu

ENGLISH = frozenset(
    [
        "usage",
        "positional",
        "arguments",
        "argument",
        "options",
        "optional",
        "show",
        "help",
        "message",
        "exit",
        "error",
        "errors",
        "warning",
        "warnings",
        "required",
        "invalid",
        "choice",
        "choose",
        "value",
        "following",
        "expected",
        "unrecognized",
        "maybe",
        "meant",
        "ambiguous",
        "allowed",
        "header",
        "footer",
        "metadata",
        "found",
        "such",
        "directory",
        "permission",
        "denied",
        "the",
        "and",
        "with",
        "made",
        "for",
        "of",
        "from",
        "to",
        "is",
        "are",
        "was",
        "not",
        "this",
        "that",
        "type",
        "typing",
        "start",
        "previous",
        "next",
        "copy",
        "copied",
        "clipboard",
        "skip",
        "back",
        "top",
        "share",
        "results",
        "result",
        "matching",
        "documents",
        "document",
        "built",
        "building",
        "aborted",
        "strict",
        "doc",
        "contains",
        "target",
        "among",
        "documentation",
        "files",
        "pages",
        "search",
        "reset",
        "clear",
        "initializing",
        "more",
        "on",
        "page",
        "read",
        "minute",
        "minutes",
        "last",
        "updated",
        "created",
        "contributors",
        "version",
        "number",
        "subcommands",
        "default",
    ]
)
ALLOWED_PHRASES = (
    # proper nouns: names of programs, laws' official English acronyms, our feeds' format
    "MkDocs",
    "Material",
    "RSS",
    "Markdown",
    "GitHub Actions",
    "GitHub Pages",
    "GitHub",
    "Decap CMS",
    "Dokumentasi Offline",
    "Arsip Link Aktif",
    # the staff guide names the buttons of GitHub's and Meta's own (English) screens, which staff
    # must find as they are written there
    "Files changed",
    "Create a new branch for this commit and start a pull request",
    "Commit directly to the",
    "Add file",
    "Upload files",
    "Edit this file",
    "Use this template",
    "Secrets and variables",
    "Collaborators and teams",
    "Page access token",
    "Settings → Pages → Build and deployment",
)
"""Removed from a text before its words are looked up; each is a name, not a UI word."""

_SKIPPED_TAGS = {"script", "style", "code", "pre", "kbd", "svg", "template"}
_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")


class _Text(HTMLParser):
    """What a reader sees or hears of a page: text outside code, and the labelling attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip += 1
        for name, value in attrs:
            if name in _ATTRIBUTES and value:
                self.parts.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def english_words(text: str) -> set[str]:
    text = " ".join(text.split())
    for phrase in ALLOWED_PHRASES:
        text = text.replace(phrase, " ")
    text = re.sub(r"(?<!\w)--?[\w-]+", " ", text)  # option names, typed as they are
    text = re.sub(r"\{[\w,]+\}", " ", text)  # argparse's list of typed choices
    text = re.sub(r"\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b", " ", text)  # environment variables
    text = re.sub(r"https?://\S+|\S+\.(?:md|yml|json|docx|html|zip)\b", " ", text)
    return {word for word in re.findall(r"[A-Za-z]+", text) if word.lower() in ENGLISH}


def page_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(parser.parts)


def test_the_scan_finds_what_argparse_and_material_say_in_english() -> None:
    """The scanner itself: it must see the English this issue found, so a pass means something."""
    assert english_words("usage: kpu [-h]\n\npositional arguments:") == {
        "usage",
        "positional",
        "arguments",
    }
    assert english_words(page_text('<nav aria-label="Header"><h1>404 - Not found</h1></nav>')) == {
        "Header",
        "Not",
        "found",
    }
    assert english_words(
        page_text("<p>Lihat <code>the file</code> di Material for MkDocs</p>")
    ) == {"for"}


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    from tests.conftest import ROOT

    repo = tmp_path_factory.mktemp("scan") / "repo"
    repo.mkdir()
    for name in ("kpu.yml", "mkdocs.yml"):
        shutil.copy(ROOT / name, repo / name)
    for name in ("data", "content"):
        shutil.copytree(ROOT / name, repo / name)
    result = run_kpu("build", "--site-dir", "site", cwd=repo)
    assert result.code == 0, result.err
    return repo / "site"


def test_no_english_ui_word_on_any_built_page(built_site: Path) -> None:
    found = {}
    for page in sorted(built_site.rglob("*.html")):
        if "admin" in page.relative_to(built_site).parts:  # Decap CMS's own editor, not ours
            continue
        words = english_words(page_text(page.read_text(encoding="utf-8")))
        if words:
            found[page.relative_to(built_site).as_posix()] = sorted(words)
    assert found == {}


def test_the_site_speaks_indonesian_to_screen_readers_and_on_its_404(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="id"' in home
    assert 'aria-label="Kepala halaman"' in home
    assert 'aria-label="Kaki halaman"' in home
    missing = (built_site / "404.html").read_text(encoding="utf-8")
    assert "<title>Halaman tidak ditemukan - " in missing
    assert "<h1>404 - Halaman tidak ditemukan</h1>" in missing


def test_search_index_applies_no_english_stemming(built_site: Path) -> None:
    """lunr has no Indonesian; Material's `id` strings give an empty pipeline: words as written."""
    import json

    config = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))["config"]
    assert [step for step in config["pipeline"] if step.strip()] == []


def _commands() -> list[list[str]]:
    """Every command path: `kpu`, `kpu check`, ..., and nested ones like `kpu cms config`."""
    found = [[]]
    parser = build_parser()

    def walk(p: object, path: list[str]) -> None:
        for action in getattr(p, "_actions", []):
            choices = getattr(action, "choices", None)
            if isinstance(choices, dict):
                for name, child in choices.items():
                    found.append([*path, name])
                    walk(child, [*path, name])

    walk(parser, [])
    return found


@pytest.mark.parametrize("command", _commands(), ids=lambda c: " ".join(c) or "kpu")
def test_every_help_screen_is_indonesian_with_examples(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as done:
        build_parser().parse_args([*command, "--help"])
    assert done.value.code == 0
    shown = capsys.readouterr().out
    assert shown.startswith("penggunaan: kpu")
    assert english_words(shown) == set(), shown
    if len(command) == 1:  # a command staff type; nested actions share their command's examples
        assert "\ncontoh:\n  kpu " in shown


USAGE_ERRORS = [
    (["chek"], "argumen PERINTAH: pilihan tidak dikenal: 'chek'; maksud Anda: check?"),
    (["approvals"], "argumen berikut wajib diisi: PR"),
    (["approvals", "x"], "argumen PR: bukan bilangan bulat (contoh 42): 'x'"),
    (["doctor", "--timeout", "lama"], "argumen --timeout: bukan angka (contoh 2.5): 'lama'"),
    (["check", "--format", "gitub"], "maksud Anda: github?"),
    (["check", "--bogus"], "argumen tidak dikenal: --bogus"),
    (["build", "--site-dir"], "argumen --site-dir: perlu satu nilai"),
    (["-q", "-v", "check"], "argumen -v/--verbose: tidak boleh dipakai bersama argumen -q/--quiet"),
    (["cms"], "argumen berikut wajib diisi: TINDAKAN"),
]


@pytest.mark.parametrize(("argv", "expected"), USAGE_ERRORS, ids=lambda v: str(v))
def test_usage_errors_are_indonesian(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as done:
        build_parser().parse_args(argv)
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert ": kesalahan: " in err
    assert expected in err, err
    assert english_words(err) == set(), err


def test_missing_files_are_named_in_indonesian(tmp_path: Path) -> None:
    from tests.conftest import ROOT

    verified = run_kpu("build", "--only-verified", "tidak-ada.json", cwd=ROOT)
    assert verified.code == 1
    assert english_words(verified.err) == set(), verified.err
    word = run_kpu("new", "--from-docx", str(tmp_path / "naskah.docx"), cwd=tmp_path)
    assert word.code != 0
    assert english_words(word.out + word.err) == set(), word.out + word.err
    assert "No such file" not in word.out + word.err


def test_an_os_error_is_said_in_words_with_its_path() -> None:
    import errno

    from pipeline.core.os_errors import describe_os_error

    missing = FileNotFoundError(errno.ENOENT, "No such file or directory", "drafts/x.md")
    assert describe_os_error(missing) == "berkas tidak ditemukan: drafts/x.md"
    denied = PermissionError(errno.EACCES, "Permission denied", "site")
    assert describe_os_error(denied) == "tidak ada izin untuk membuka berkas ini: site"


def _argparse_msgids() -> set[str]:
    """Every literal string the installed argparse passes to `_()` or `ngettext()`."""
    import argparse
    import ast

    tree = ast.parse(Path(argparse.__file__).read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        call = isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        if call and node.func.id in ("_", "ngettext"):  # type: ignore[attr-defined]
            count = 1 if node.func.id == "_" else 2  # type: ignore[attr-defined]
            for arg in node.args[:count]:  # type: ignore[attr-defined]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.add(arg.value)
    return found


def test_the_catalog_has_every_msgid_of_this_python_argparse() -> None:
    from pipeline.messages.cli import ARGPARSE

    msgids = _argparse_msgids()
    assert "usage: " in msgids  # the parse works: this is argparse's source
    assert sorted(msgids - ARGPARSE.keys()) == []


def test_every_translation_keeps_its_placeholders() -> None:
    from pipeline.messages.cli import ARGPARSE

    placeholder = re.compile(r"%(?:\(\w+\))?[rs]")
    for msgid, text in ARGPARSE.items():
        wanted = sorted(p[:-1] for p in placeholder.findall(msgid))  # %r or %s: either shows it
        assert sorted(p[:-1] for p in placeholder.findall(text)) == wanted, msgid
