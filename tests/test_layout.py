"""The package shows the flow: one folder per stage, each saying what it does, and no import circle.

An import circle is counted over every import the code can run, at module level or inside a
function (a lazy import is still a dependency), and importing `a.b.c` also runs `a/__init__.py`
and `a/b/__init__.py`. Only imports under `if TYPE_CHECKING:` are left out: they never run.
"""

from __future__ import annotations

import ast
import graphlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "pipeline"
STAGES = ("core", "intake", "check", "legal", "review", "promote", "site", "publish", "withdraw")
STAGES += ("records", "setup", "commands", "messages", "publish/channels")


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _type_checking_nodes(tree: ast.Module) -> set[int]:
    skipped = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(n) for statement in node.body for n in ast.walk(statement))
    return skipped


def _imported(node: ast.Import | ast.ImportFrom) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    assert node.level == 0, "the package uses absolute imports only"
    module = node.module or ""
    return [module] + [f"{module}.{alias.name}" for alias in node.names]


def import_graph() -> dict[str, set[str]]:
    """module -> the pipeline modules it imports (and the packages those imports run)."""
    modules = _modules()

    def known(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skipped = _type_checking_nodes(tree)
        targets: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom) and id(node) not in skipped:
                targets.update(filter(None, map(known, _imported(node))))
        # importing a module runs every package __init__ above it
        for target in list(targets):
            parts = target.split(".")
            targets.update(".".join(parts[:i]) for i in range(1, len(parts)))
        targets.discard(name)
        graph[name] = {t for t in targets if not name.startswith(t + ".")}
    return graph


def test_the_package_has_no_import_circle() -> None:
    graph = import_graph()
    assert len(graph) > 100, "the graph must see the whole package"
    try:
        list(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as exc:
        pytest.fail(f"import circle: {' -> '.join(exc.args[1])}")


def test_the_check_does_not_climb_into_posting_or_the_site_build() -> None:
    """Validation may measure post text, but never reaches a network client or the engine run."""
    graph = import_graph()
    reached, todo = set(), ["pipeline.check.validate"]
    while todo:
        for target in graph[todo.pop()] - reached:
            reached.add(target)
            todo.append(target)
    forbidden = {"pipeline.publish.social", "pipeline.publish.channel_run", "pipeline.site.build"}
    forbidden |= {"pipeline.site.staging", "pipeline.records.journal", "pipeline.promote.promotion"}
    assert not reached & forbidden


def test_the_top_level_holds_only_the_command_line_and_the_stage_folders() -> None:
    files = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert files == ["__init__.py", "__main__.py", "cli.py", "cli_parser.py", "json_report.py"]
    folders = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert folders == {stage for stage in STAGES if "/" not in stage}


@pytest.mark.parametrize("folder", STAGES)
def test_each_folder_says_its_role_in_one_paragraph(folder: str) -> None:
    doc = ast.get_docstring(ast.parse((PACKAGE / folder / "__init__.py").read_text("utf-8")))
    assert doc, f"pipeline/{folder}/__init__.py needs a docstring"
    assert "\n\n" not in doc.strip() and len(doc.split()) >= 15, doc


def test_the_readme_architecture_table_points_at_every_folder() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Architecture", 1)[1].split("\n## ", 1)[0]
    linked = set(re.findall(r"\(pipeline/([a-z_/]+)/\)", section))
    assert linked == set(STAGES)
