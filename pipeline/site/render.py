"""A publication body rendered to HTML as the site renders it (Python-Markdown with the
extensions of mkdocs.yml), so that `kpu check` sees what the sanitiser will see."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import markdown
import yaml

from pipeline.site.blogrules import MKDOCS_FILE, _TolerantLoader

MKDOCS_DEFAULT_EXTENSIONS = ("toc", "tables", "fenced_code")  # MkDocs always adds these


def markdown_settings(root: Path) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """The extension names and their settings from mkdocs.yml `markdown_extensions`."""
    path = root / MKDOCS_FILE
    config: dict[str, Any] = {}
    if path.exists():
        config = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    names = list(MKDOCS_DEFAULT_EXTENSIONS)
    settings: dict[str, dict[str, Any]] = {}
    options: Any
    for entry in config.get("markdown_extensions") or []:
        if isinstance(entry, str):
            name, options = entry, {}
        elif isinstance(entry, dict) and len(entry) == 1:
            name, options = next(iter(entry.items()))
        else:
            continue
        if name not in names:
            names.append(name)
        if isinstance(options, dict):
            settings[name] = options
    return names, settings


class BodyRenderer:
    """One Markdown instance per run, reset between bodies (building it costs more than a body)."""

    def __init__(self, root: Path) -> None:
        names, settings = markdown_settings(root)
        self._md = markdown.Markdown(extensions=names, extension_configs=settings)

    def __call__(self, body: str) -> str:
        self._md.reset()
        return self._md.convert(body)
