"""The blog plugin settings that can stop `mkdocs build`, read cheaply so `kpu check` finds them first."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from pipeline.core.read import load_as

MKDOCS_FILE = "mkdocs.yml"


@dataclass(frozen=True)
class BlogRules:
    """`categories_allowed` (None: any) and the excerpt separator when excerpts are required."""

    categories_allowed: tuple[str, ...] | None = None
    required_separator: str | None = None


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may use tags such as !ENV or !!python/name; their values do not matter here."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    return None


_TolerantLoader.add_multi_constructor("!", _ignore_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


def load_blog_rules(root: Path) -> BlogRules:
    path = root / MKDOCS_FILE
    if not path.exists():
        return BlogRules()
    config = load_as(path.read_text(encoding="utf-8"), _TolerantLoader) or {}
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and ("blog" in entry or "material/blog" in entry):
            blog = entry.get("blog") or entry.get("material/blog") or {}
            allowed = blog.get("categories_allowed") or None
            separator = None
            if blog.get("post_excerpt") == "required":
                separator = blog.get("post_excerpt_separator", "<!-- more -->")
            return BlogRules(tuple(allowed) if allowed else None, separator)
    return BlogRules()
