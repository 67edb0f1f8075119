"""The PR comment shows draft values as text, never as Markdown that acts (issue 10).

The comment is rendered to HTML by cmark-gfm (GitHub's own parser, with its autolink extension);
GitHub's mention, issue-reference and emoji filters act on that HTML's text outside code, so the
test looks for their triggers there.
"""

from __future__ import annotations

import re
from pathlib import Path

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options

from pipeline.check.validate import load_context, validate
from pipeline.core import inert
from pipeline.review.comment import drafts_section, render_comment
from tests.conftest import VALID_DRAFT, write_draft
from tests.fake_github import FakeGitHub, running

ATTACK = (
    "Z](https://evil.example/x) ![px](https://evil.example/t.gif) <img src=x onerror=alert(1)> "
    "<b>tebal</b> @kpu-admin @org/team #12 :white_check_mark: www.evil.example $x^2$ | a | "
    "~~coret~~ **tebal** `kode` ``` [ref]: https://evil.example &lt;"
)
BLOCK = "|\n    ok\n    # ✅ Semua pemeriksaan lulus\n    > kutipan\n    1. daftar\n    " + ATTACK
HEADINGS = 3  # the comment's own: title, check, drafts (the approvals: the SOP checklist below)
PREVIEW_HEADINGS = 1  # "Pratinjau kiriman media sosial"; plus one per previewed draft
REVIEW_HEADINGS = 3  # the SOP checklist, the page as it will be published, the preview site
DETAILS = frozenset({"details", "summary"})  # the comment's own collapsed block around each page


def _field(text: str, field: str) -> str:
    value = '"' + ATTACK.replace('"', '\\"') + '"'
    replacements = {
        "title": ('title: "Mengenal UU Pemilu"', f"title: {value}"),
        "description": ('description: "Ringkasan pokok-pokok Undang-Undang Pemilu bagi pemilih."',
                        f"description: {BLOCK}"),
        "election_stage": ("election_stage: informasi-umum", f"election_stage: {value}"),
        "request.number": ('number: "012/ND/HK.03/Kab/X/2026"', f"number: {value}"),
        "request.unit": ('unit: "Subbagian Hukum dan SDM"', f"unit: {value}"),
        "request.date": ("date: 2026-10-01", f"date: {value}"),
        "legal_basis": ('- "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum"',
                        f'- "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum"\n  - {value}'),
        "tags": ("tags: [pemilu]", f"tags: [pemilu, {value}]"),
        "categories": ("categories: [Informasi Hukum]", f"categories: [{value}]"),
        "social.text": ('text: "Kenali pokok-pokok UU Pemilu."',
                        f'x: "Kenali UU Pemilu."\n  text: {BLOCK}'),
    }  # fmt: skip
    old, new = replacements[field]
    assert old in text
    return text.replace(old, new)


def _html(body: str) -> str:
    return cmarkgfm.github_flavored_markdown_to_html(body, options=Options.CMARK_OPT_UNSAFE)


def assert_inert(
    body: str,
    headings: int = HEADINGS,
    own_tags: frozenset[str] = frozenset(),
    own_urls: frozenset[str] = frozenset(),
) -> None:
    """`own_tags`/`own_urls`: the tags and the link/image targets the comment itself writes;
    anything else (every link and image when none is given) must not be there."""
    html = _html(body)
    targets = set(re.findall(r'<(?:a href|img src)="([^"]*)"', html))
    assert targets <= own_urls, (targets - own_urls, html)
    if not own_urls:
        assert "<a " not in html and "<img" not in html, html
    assert len(re.findall(r"<h[1-6]>", html)) == headings, html
    tags = set(re.findall(r"</?([a-z0-9]+)", html))
    allowed = {"p", "ul", "li", "h2", "h3", "h4", "code", "pre", "strong", "em", "hr"} | own_tags
    if own_urls:
        allowed |= {"a", "img"}
    assert tags <= allowed, tags
    for forbidden in ("blockquote", "<ol", "<table", "<del"):
        assert forbidden not in html
    outside_code = re.sub(r"<code>.*?</code>", "", html, flags=re.S)
    text = re.sub(r"<[^>]+>", "", outside_code)
    assert not re.search(r"(?<![\w\u200b])@[A-Za-z0-9]", text), text  # mentions
    assert not re.search(r"#\d", text), text  # issue references
    assert not re.search(r":[a-z_]+:", text), text  # emoji shortcodes
    fenced = re.sub(r"(?ms)^(~{4,})[^\n]*\n.*?^\1[ \t]*$", "", body)  # outside fenced blocks
    source = re.sub(r"(`+)(?!`).*?(?<!`)\1(?!`)", "", fenced)  # and outside code spans
    assert not re.search(r"(?<!\\)\$", source), source  # math: GitHub takes \$ as a dollar


@pytest.mark.parametrize(
    "field",
    ["title", "description", "election_stage", "request.number", "request.unit", "request.date",
     "legal_basis", "tags", "categories", "social.text"],
)  # fmt: skip
def test_every_draft_field_is_inert_in_the_comment(repo: Path, field: str) -> None:
    write_draft(repo, text=_field(VALID_DRAFT, field))
    result = validate(load_context(repo))
    body = render_comment(result, None, [drafts_section(result)])
    assert "evil.example" in body, body  # the value is shown (as a draft or in its problem)
    assert_inert(body)


NASTY_NAME = "2026-10-05-`x` @kpu-admin <img src=x onerror=alert(1)> [a](https:##evil) #12.md"


def test_file_names_cannot_break_out_of_their_code_span(repo: Path) -> None:
    write_draft(repo, name=NASTY_NAME, text=VALID_DRAFT.replace("title: ''", ""))
    write_draft(repo, name="2026-10-05-``.md", text="no front matter")
    result = validate(load_context(repo))
    body = render_comment(result, None, [drafts_section(result)])
    assert_inert(body)
    html = _html(body)
    assert "<code>drafts/2026-10-05-`x` @kpu-admin &lt;img src=x" in html
    assert "<code>drafts/2026-10-05-``.md:1</code>" in html


def test_code_span_fence_is_longer_than_any_backtick_run() -> None:
    assert inert.code("a`b") == "``a`b``"
    assert inert.code("``x") == "``` ``x ```"
    assert _html(inert.code("```` ## h\n@a")) == "<p><code>```` ## h @a</code></p>\n"


def test_the_posted_comment_is_inert(repo: Path, tmp_path: Path) -> None:
    from tests.conftest import run_kpu

    write_draft(repo, text=_field(VALID_DRAFT, "title"))
    write_draft(repo, name=NASTY_NAME, text=_field(VALID_DRAFT, "election_stage"))
    with running() as github:
        github.add_pull(12, "desain-kpubabar", merged=False)
        env = {
            "GITHUB_API_URL": github.url,
            "GITHUB_REPOSITORY": github.repository,
            "GITHUB_TOKEN": "fake",
            "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
        }
        result = run_kpu("comment", "12", cwd=repo, env=env)
        assert result.code == 0, result.err
        posted = _posted(github)
    assert "evil.example" in posted
    # The valid draft (hostile title) is previewed as it will be posted: a heading of the
    # preview and one per draft, each showing the title as text.
    assert "### Pratinjau kiriman media sosial" in posted
    assert_inert(
        posted, headings=HEADINGS + PREVIEW_HEADINGS + 1 + REVIEW_HEADINGS, own_tags=DETAILS
    )


def _posted(github: FakeGitHub) -> str:
    return str(github.comments[12][0]["body"])


def test_the_promote_job_summary_shows_titles_and_problems_inert() -> None:
    import datetime as dt

    from pipeline.core.problems import error
    from pipeline.promote.promotion import Action, Decision, Plan, Result
    from pipeline.promote.report import as_markdown

    now = dt.datetime(2026, 10, 5, 9, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    held = Decision(f"drafts/{NASTY_NAME}", Action.DRAFT, title=ATTACK)
    bad = Decision(
        "drafts/b.md", Action.INVALID, reason=ATTACK, problems=(error("drafts/b.md", 2, ATTACK),)
    )
    body = as_markdown(Result(Plan(now, [held, bad])))
    html = _html(body)
    assert "evil.example" in html
    assert "<a " not in html and "<img" not in html and "<b>" not in html, html
    text = re.sub(r"<[^>]+>", "", re.sub(r"<code>.*?</code>", "", html, flags=re.S))
    assert not re.search(r"(?<![\w\u200b])@[A-Za-z0-9]", text), text
    assert not re.search(r":[a-z_]+:", text), text
