"""CODEOWNERS generated from kpu.yml's roles, so that GitHub asks the right people to review.

Drafts and publications are owned by everyone who can give a required sign-off; the rules
(kpu.yml, data/, .github/) by the holders of the governance sign-off. With "Require review from
Code Owners" switched on, GitHub then enforces what `kpu promote` checks.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.core.config import KpuConfig

CODEOWNERS_FILE = ".github/CODEOWNERS"
HEADER = """\
# Dibuat oleh `kpu codeowners` dari roles dan approvals di kpu.yml; jangan diubah dengan tangan.
# Ubah kpu.yml lalu jalankan `kpu codeowners` (lewat pull request, dengan persetujuan tata kelola).
# Persetujuan yang dihitung tetap ditentukan oleh kpu.yml di main.
"""
CONTENT_PATHS = ("/drafts/", "/content/posts/")
RULE_PATHS = ("/kpu.yml", "/data/", "/.github/", "/pipeline/", "/pyproject.toml", "/mkdocs.yml")


def _holders(config: KpuConfig, roles: list[str]) -> list[str]:
    logins: list[str] = []
    for role in roles:
        logins += config.roles.get(role, [])  # type: ignore[call-overload]
    return list(dict.fromkeys(logins))


def render(config: KpuConfig) -> str:
    reviewers = _holders(config, [r for rule in config.approvals for r in rule.any_of])
    governors = _holders(config, list(config.governance.any_of))
    lines = [HEADER]
    width = max(len(p) for p in CONTENT_PATHS + RULE_PATHS) + 2
    for paths, owners in ((CONTENT_PATHS, reviewers), (RULE_PATHS, governors)):
        if owners:
            for path in paths:
                lines.append(path.ljust(width) + " ".join(f"@{login}" for login in owners) + "\n")
    return "".join(lines)


def is_current(root: Path, config: KpuConfig) -> bool:
    path = root / CODEOWNERS_FILE
    if path.is_symlink() or not path.is_file():
        return False
    return path.read_text(encoding="utf-8") == render(config)


def write(root: Path, config: KpuConfig) -> Path:
    path = root / CODEOWNERS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_symlink():
        path.unlink()
    path.write_text(render(config), encoding="utf-8")
    return path
