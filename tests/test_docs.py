"""The documentation keeps up with the code: README commands, CLI commands, config fields."""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.cli import COMMANDS, build_parser
from pipeline.core.config import KpuConfig

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _readme_commands() -> list[str]:
    first_block = re.search(r"```(?:sh|bash|console)?\n(.*?)```", README, re.DOTALL)
    assert first_block, "README must open with a code block of commands"
    return [line.strip() for line in first_block.group(1).splitlines() if line.strip()]


def test_readme_opens_with_the_two_commands() -> None:
    commands = [c for c in _readme_commands() if not c.startswith("#")]
    assert len(commands) == 2, commands
    assert "kpu" in commands[0] and "pip install" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    test_command = [c for c in _readme_commands() if not c.startswith("#")][1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    last = [line for line in ci.splitlines() if line.strip() and not line.startswith("#")][-1]
    assert last.strip() == test_command


def test_every_cli_command_is_documented_in_the_readme() -> None:
    parser = build_parser()
    names = [m.__name__.rsplit(".", 1)[-1] for m in COMMANDS]
    assert names, parser
    for name in names:
        assert f"`kpu {name}" in README, f"kpu {name} is missing from README.md"


def test_every_kpu_yml_field_is_in_the_configuration_reference() -> None:
    def fields(model: type, prefix: str = "") -> list[str]:
        found = []
        for name, info in model.model_fields.items():  # type: ignore[attr-defined]
            found.append(prefix + name)
            sub = info.annotation
            if hasattr(sub, "model_fields"):
                found += fields(sub, prefix + name + ".")
        return found

    for field in fields(KpuConfig):
        assert f"`{field}`" in README, f"kpu.yml field {field} is missing from README.md"


def test_readme_credentials_table_is_the_one_generated_from_the_channels() -> None:
    from pipeline.publish.channels.registry import environment, environment_markdown

    assert environment_markdown().strip() in README, "regenerate it: environment_markdown()"
    assert all(f"`{var.name}`" in README for _, var in environment())
