"""Property-based fuzzing of `kpu check` (issue 10): hostile drafts never crash the check.

Drafts are made from the valid one by mutating its front matter lines (values replaced by odd
YAML: tags, anchors, escapes, deep nesting, long names, control and bidi characters; lines
inserted, duplicated, dropped) and its body. Whatever comes out, the check gives no traceback,
only problems naming the file and a line, in Indonesian, and an exit code of 0 or 1.

The budget is fixed and derandomized, so CI runs the same examples every time.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.check.validate import Context, load_context, validate_file
from tests.conftest import ROOT, VALID_DRAFT, run_kpu

IN_PROCESS_EXAMPLES = 1500
CLI_EXAMPLES = 3
CLI_BATCH = 25
_FUZZ = dict(
    derandomize=True,
    database=None,
    deadline=None,  # two shared cores: timing says nothing here; the budget is the count
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)

_, _FRONT, _BODY = VALID_DRAFT.split("---\n", 2)
FRONT_LINES = _FRONT.strip("\n").split("\n")
BODY_LINES = _BODY.split("\n")
KEYS = [
    "title", "description", "date", "categories", "tags", "authors", "slug", "request",
    "election_stage", "legal_basis", "image", "image_alt", "social", "channels", "publish_at",
    "status", "provenance", "dip", "withdrawn", "pin", "readtime", "hide", "number", "unit",
    "text", "a[b", "x]", "?", "<<", "", "1", "true", "null", "judul",
]  # fmt: skip
ODD = [
    "\u202e", "\u2066", "\u200b", "\u200d", "\ufeff", "\x00", "\x07", "\x1b", "\t", "\r", "\x85",
    "\u2028", ":", ": ", "[", "]", "{", "}", "#", "&a ", "*a", "!", "!!", "|", ">", "'", '"',
    "%", "@here", "`", "<img src=x onerror=alert(1)>", "\\", "-", "- ", "?", ",", "::error::x",
    "::add-mask::y", "---", "...", "~", "2026-13-45", "2026-10-05T25:00", "0x1F", ".inf",
    "content/assets/images/", "../", "/etc/passwd", "Undang-Undang Nomor 7 Tahun 2017",
]  # fmt: skip
TAGS = [
    "!!timestamp", "!!int", "!!float", "!!bool", "!!null", "!!str", "!!binary", "!!set",
    "!!omap", "!!python/object:os.system", "!foo", "!<tag:x>",
]  # fmt: skip

_plain = st.lists(st.sampled_from(ODD) | st.text(max_size=6), max_size=8).map("".join)
_escapes = st.sampled_from(["\\0", "\\n", "\\r", "\\t", "\\x1b", "\\u202e", "\\u200b", "\\N"])
_quoted = st.lists(_escapes | st.text(alphabet=st.characters(exclude_characters='"\\')), max_size=6)
_scalar = st.one_of(
    _plain,
    _quoted.map(lambda parts: '"' + "".join(parts) + '"'),
    st.text(max_size=20).map(lambda t: "'" + t.replace("'", "''") + "'"),
    st.tuples(st.sampled_from(TAGS), _plain).map(" ".join),
    st.sampled_from([255, 256, 300, 2001, 4100]).map(lambda n: "content/assets/images/" + "a" * n),
    st.integers(min_value=1, max_value=400).map(lambda n: "[" * n + "]" * n),
    st.integers(min_value=1, max_value=60).map(lambda n: "{a: " * n + "1" + "}" * n),
)
_value = st.recursive(
    _scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3).map(lambda xs: "[" + ", ".join(xs) + "]"),
        st.lists(st.tuples(st.sampled_from(KEYS), inner), max_size=3).map(
            lambda kvs: "{" + ", ".join(f"{k}: {v}" for k, v in kvs) + "}"
        ),
    ),
    max_leaves=6,
)
_line = st.one_of(
    st.tuples(st.sampled_from(KEYS), _value).map(lambda kv: f"{kv[0]}: {kv[1]}"),
    st.tuples(
        st.sampled_from(["  ", "    ", "\t", "  - ", "- "]), st.sampled_from(KEYS), _value
    ).map(lambda t: f"{t[0]}{t[1]}: {t[2]}"),
    _plain,
)


@st.composite
def _lines(draw: st.DrawFn, base: list[str], extra: st.SearchStrategy[str]) -> list[str]:
    """`base` with a few lines replaced, inserted, duplicated or dropped."""
    lines = list(base)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        i = draw(st.integers(min_value=0, max_value=max(len(lines) - 1, 0)))
        action = draw(st.sampled_from(["replace", "value", "insert", "duplicate", "drop"]))
        if not lines or action == "insert":
            lines.insert(i, draw(extra))
        elif action == "replace":
            lines[i] = draw(extra)
        elif action == "value" and ":" in lines[i]:
            lines[i] = lines[i].split(":", 1)[0] + ": " + draw(_value)
        elif action == "duplicate":
            lines.insert(i, lines[i])
        else:
            del lines[i]
    return lines


_body_line = st.one_of(
    _plain,
    st.text(max_size=40),
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            "<svg/onload=alert(1)>",
            "[r]: javascript:alert(1)",
            "![a](x.svg){onload=alert(1)}",
            "---",
            "<!-- more -->",
            "\u202eevil",
        ]
    ),
)
DRAFTS = st.one_of(
    st.tuples(_lines(FRONT_LINES, _line), st.just(BODY_LINES)),
    st.tuples(st.just(FRONT_LINES), _lines(BODY_LINES, _body_line)),
    st.tuples(_lines(FRONT_LINES, _line), _lines(BODY_LINES, _body_line)),
).map(lambda fb: "---\n" + "\n".join(fb[0]) + "\n---\n" + "\n".join(fb[1]))
WHOLE_FILES = st.one_of(DRAFTS, DRAFTS, DRAFTS, st.text(max_size=300))

INDONESIAN = re.compile(
    r"\b(tidak|harus|wajib|dengan|atau|yang|dari|berkas|kolom|tulis|isi|hapus|periksa)\b", re.I
)
ENGLISH = re.compile(r"Input should|Field required|Traceback|Error:|object has no|Exception")


@pytest.fixture(scope="module")
def fuzz_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzz")
    for name in ("kpu.yml", "mkdocs.yml"):
        shutil.copy(ROOT / name, root / name)
    for name in ("data", "content"):
        shutil.copytree(ROOT / name, root / name)
    (root / "drafts").mkdir()
    return root


@pytest.fixture(scope="module")
def fuzz_ctx(fuzz_root: Path) -> Context:
    return load_context(fuzz_root)


def _assert_good_problems(problems: list, shown: str) -> None:  # type: ignore[type-arg]
    for problem in problems:
        assert problem.path == shown
        assert isinstance(problem.line, int) and problem.line >= 1, problem
        assert INDONESIAN.search(problem.message), problem.message
        assert not ENGLISH.search(problem.message), problem.message


@settings(max_examples=IN_PROCESS_EXAMPLES, **_FUZZ)  # type: ignore[arg-type]
@given(text=WHOLE_FILES)
def test_no_draft_crashes_the_check(fuzz_root: Path, fuzz_ctx: Context, text: str) -> None:
    path = fuzz_root / "drafts" / "2026-10-05-fuzz.md"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    publication, problems = validate_file(fuzz_ctx, path, "drafts/2026-10-05-fuzz.md")
    _assert_good_problems(problems, "drafts/2026-10-05-fuzz.md")
    errors = [p for p in problems if p.level.value == "error"]
    assert (publication is None) == bool(errors)


ROW = re.compile(r"^drafts/2026-10-05-f\d+\.md:\d+: (kesalahan|peringatan): ")


@settings(max_examples=CLI_EXAMPLES, **_FUZZ)  # type: ignore[arg-type]
@given(texts=st.lists(WHOLE_FILES, min_size=CLI_BATCH, max_size=CLI_BATCH))
def test_the_real_cli_only_ever_says_file_line_problems(fuzz_root: Path, texts: list[str]) -> None:
    drafts = fuzz_root / "drafts"
    shutil.rmtree(drafts)
    drafts.mkdir()
    for i, text in enumerate(texts):
        (drafts / f"2026-10-05-f{i}.md").write_text(text, encoding="utf-8", errors="surrogatepass")
    result = run_kpu("check", "drafts", cwd=fuzz_root)
    assert result.code in (0, 1), result.err
    assert result.err == ""
    *rows, summary = result.out.rstrip("\n").split("\n")
    for row in rows:
        assert ROW.match(row), row
        assert INDONESIAN.search(row.split(": ", 2)[2]), row
    assert summary.startswith(("Semua ", f"{result.out.count(': kesalahan: ')} kesalahan")), summary
    assert (result.code == 1) == (": kesalahan: " in result.out)
