"""The files under .github/ and cms/ that name the office's people or roles, regenerated from
kpu.yml: CODEOWNERS (the role holders), the pull request template (the sign-offs, with the
office type's role titles), the issue form (the example Nota Dinas number) and the web editor's
config. `kpu init` writes them; `kpu doctor` names the stale ones."""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.core.config import KpuConfig
from pipeline.core.identity import identity
from pipeline.setup import codeowners

PR_TEMPLATE = ".github/pull_request_template.md"
START, END = "<!-- kpu:persetujuan -->", "<!-- /kpu:persetujuan -->"
_BLOCK = re.compile(re.escape(START) + r".*?" + re.escape(END), re.DOTALL)


def signoff_lines(config: KpuConfig) -> str:
    labels = config.role_labels
    lines = [
        "- " + " atau ".join(f"**{labels[role]}**" for role in rule.any_of) + f" ({rule.name})"
        for rule in config.approvals
    ]
    return "\n".join([START, *lines, END])


def pr_template(text: str, config: KpuConfig) -> str:
    return _BLOCK.sub(lambda _: signoff_lines(config), text, count=1)


def _form(root: Path, config: KpuConfig) -> tuple[Path, str, str] | None:
    from pipeline.check.stages import load_stages
    from pipeline.intake.issue_form import FORM_FILE, form_with_stages

    path = root / FORM_FILE
    if not path.is_file() or path.is_symlink():
        return None
    current = path.read_text(encoding="utf-8")
    stages = {key: stage.name for key, stage in load_stages(root).items()}
    code = identity(config).values()["kantor.kode_nota_dinas"]
    return path, current, form_with_stages(current, stages, code)


def _pr(root: Path, config: KpuConfig) -> tuple[Path, str, str] | None:
    path = root / PR_TEMPLATE
    if not path.is_file() or path.is_symlink():
        return None
    current = path.read_text(encoding="utf-8")
    return path, current, pr_template(current, config)


def stale(root: Path, config: KpuConfig) -> list[str]:
    """The derived files that do not say what kpu.yml says (CODEOWNERS is doctor's own line)."""
    found = []
    for got in (_pr(root, config), _form(root, config)):
        if got is not None and got[1] != got[2]:
            found.append(got[0].relative_to(root).as_posix())
    return found


def refresh(root: Path, config: KpuConfig) -> list[str]:
    """Write every derived file that changed; the paths written."""
    written = []
    if not codeowners.is_current(root, config):
        codeowners.write(root, config)
        written.append(codeowners.CODEOWNERS_FILE)
    for got in (_pr(root, config), _form(root, config)):
        if got is not None and got[1] != got[2]:
            got[0].write_text(got[2], encoding="utf-8")
            written.append(got[0].relative_to(root).as_posix())
    if (root / "cms" / "config.yml").is_file():
        from pipeline.intake import cms

        if cms.write_config(root):
            written.append("cms/config.yml")
    return written
