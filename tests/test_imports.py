"""Every `kpu` command starts fast because each one imports only what it uses (issue #14).

Not timed (speed is measured in bench/bench_imports.py): these tests look at which libraries a
command has loaded, in a fresh interpreter, so that one top-level import of a heavy library in
the wrong module fails here instead of slowing every command down unnoticed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from pipeline.cli import COMMAND_HELP, build_parser, chosen_command, command_module
from tests.conftest import VALID_DRAFT

# Libraries only some commands need: posting, building, documents, HTTP, git, images.
POSTING = ("tweepy", "mastodon", "requests", "urllib3")
BUILDING = ("mkdocs.commands", "material.plugins.blog.plugin", "openpyxl")
DOCUMENTS = ("mammoth", "markdownify", "docx", "frontmatter")
OTHERS = ("PIL", "filelock", "multiprocessing")
NOT_FOR_HELP = (
    POSTING
    + BUILDING
    + DOCUMENTS
    + OTHERS
    + ("pydantic", "yaml", "twitter_text", "mkdocs", "material", "babel", "git", "markdown")
    + ("jinja2", "nh3")
)

# ... nor by `kpu check` of one ordinary draft outside a git repository (issue #14)
NOT_FOR_ONE_DRAFT = ("mkdocs", "material", "jinja2", "babel", "twitter_text", "git", "markdown")

_PROBE = """\
import json, sys
from pipeline.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print("\\n@@MODULES@@" + json.dumps(sorted(sys.modules)))
sys.exit(code)
"""


def _loaded(args: list[str], cwd: Path) -> tuple[int, str, set[str]]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    out, _, modules = done.stdout.rpartition("@@MODULES@@")
    assert modules, done.stdout + done.stderr
    return done.returncode, out + done.stderr, set(json.loads(modules))


def _present(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(n for n in names if n in modules)


def test_kpu_help_imports_no_command_library(repo: Path) -> None:
    code, out, modules = _loaded(["--help"], repo)
    assert code == 0, out
    for name in COMMAND_HELP:  # every command is still listed, with its help
        assert name in out and COMMAND_HELP[name][:20] in " ".join(out.split())
    assert _present(modules, NOT_FOR_HELP) == []
    assert not any(m.startswith("pipeline.commands.") for m in modules)


def test_kpu_check_of_one_draft_imports_neither_posting_nor_building(repo: Path) -> None:
    draft = repo / "drafts" / "2026-10-05-mengenal-uu-pemilu.md"
    draft.write_text(VALID_DRAFT, encoding="utf-8")
    code, out, modules = _loaded(["check", "drafts/2026-10-05-mengenal-uu-pemilu.md"], repo)
    assert code == 0, out
    assert "Semua 1 berkas sesuai" in out
    assert _present(modules, POSTING + BUILDING + DOCUMENTS + OTHERS) == []
    # the post URL settings come from mkdocs.yml without Material's config machinery, and a post
    # this far below every limit needs neither babel's date nor twitter-text's URL expressions
    assert _present(modules, NOT_FOR_ONE_DRAFT) == []
    commands = {m for m in modules if m.startswith("pipeline.commands.")}
    assert commands == {"pipeline.commands.check"}


def test_a_bad_draft_is_still_reported_with_the_lazy_imports(repo: Path) -> None:
    draft = repo / "drafts" / "2026-10-05-mengenal-uu-pemilu.md"
    long_text = "Kenali pokok-pokok UU Pemilu. " * 20  # over X's 280
    draft.write_text(
        VALID_DRAFT.replace("Kenali pokok-pokok UU Pemilu.", long_text), encoding="utf-8"
    )
    code, out, modules = _loaded(["check", "drafts/2026-10-05-mengenal-uu-pemilu.md"], repo)
    assert code == 1
    assert "X" in out and "280" in out
    # measured with twitter-text's URL extractor, without the emoji tables of its package __init__
    assert "twitter_text.extract_urls" in modules
    assert "twitter_text.extract_emojis" not in modules


def test_each_command_help_in_the_table_is_the_command_s_own() -> None:
    """The one-line help `kpu --help` shows without importing a command is the one the
    command's module declares (no drift between the two)."""
    full = build_parser()
    sub = next(a for a in full._actions if isinstance(a, argparse._SubParsersAction))
    declared = {action.dest: action.help for action in sub._choices_actions}
    assert declared == COMMAND_HELP
    for name in COMMAND_HELP:
        assert command_module(name).__name__ == f"pipeline.commands.{name}"


def test_the_command_is_found_past_the_root_option() -> None:
    assert chosen_command(["--root", "check", "build"]) == "build"
    assert chosen_command(["--root=x", "check"]) == "check"
    assert chosen_command(["--ro", "x", "publish", "--dry-run"]) == "publish"
    assert chosen_command(["--help"]) == ""
    assert chosen_command(["nonsense"]) == ""


def test_a_command_s_own_help_and_options_still_work(repo: Path) -> None:
    code, out, _ = _loaded(["check", "--help"], repo)
    assert code == 0 and "--format" in out
    code, out, _ = _loaded(["--root", str(repo), "check", "--format", "nope"], repo)
    assert code == 2 and "--format" in out


def test_twitter_text_loaded_for_urls_first_still_imports_in_full_afterwards() -> None:
    """x_urls loads the URL extractor without the package's __init__; the full library imported
    later (non-ASCII text) must work and agree with it."""
    probe = """\
import sys
from pipeline.publish import x_urls
from pipeline.publish.posts import x_weighted_length
ascii_text = "Baca https://kpu.example/publikasi/2026/a/ dan kpu.go.id hari ini #Pemilu"
first = x_weighted_length(ascii_text)
assert "twitter_text.extract_emojis" not in sys.modules
from twitter_text import parse_tweet
import twitter_text
assert callable(parse_tweet) and callable(twitter_text.parse_tweet)
assert parse_tweet(ascii_text).weightedLength == first, first
assert x_weighted_length("Pemilu 😀 " + ascii_text) == parse_tweet("Pemilu 😀 " + ascii_text).weightedLength
print("ok", first)
"""
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0 and done.stdout.startswith("ok "), done.stdout + done.stderr
