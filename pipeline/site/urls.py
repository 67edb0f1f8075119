"""Where `mkdocs build` puts a post: computed from mkdocs.yml's blog settings, as the blog does."""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import os
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from pipeline.core.model import Publication
from pipeline.core.timeutil import aware, now

BLOG_PLUGINS = ("material/blog", "blog")


@dataclass(frozen=True)
class BlogSettings:
    blog_dir: str
    url_format: str
    date_format: str
    max_categories: int
    slugify: Any
    slugify_separator: str
    categories_slugify: Any
    categories_separator: str
    locale: str
    directory_urls: bool


@functools.lru_cache(maxsize=8)
def blog_settings(mkdocs_config_path: Path) -> BlogSettings:
    """The blog plugin's settings in mkdocs.yml, validated by the plugin's own config class so that
    every default is the plugin's. Only this part of mkdocs.yml is read: no theme, no plugins run."""
    from material.plugins.blog.config import BlogConfig  # MkDocs' config machinery: on first use

    doc = yaml.load(mkdocs_config_path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    options = _blog_options(doc.get("plugins") or [])
    if options is None:
        raise ValueError(f"{mkdocs_config_path}: plugin blog tidak aktif")
    blog = BlogConfig()
    blog.load_dict(options)
    errors, _ = blog.validate()
    if errors:
        raise ValueError(f"{mkdocs_config_path}: {errors[0][0]}: {errors[0][1]}")
    theme = doc.get("theme") or {}
    language = theme.get("language", "en") if isinstance(theme, dict) else "en"
    return BlogSettings(
        blog_dir=blog.blog_dir,
        url_format=blog.post_url_format,
        date_format=blog.post_url_date_format,
        max_categories=blog.post_url_max_categories,
        slugify=blog.post_slugify,
        slugify_separator=blog.post_slugify_separator,
        categories_slugify=blog.categories_slugify,
        categories_separator=blog.categories_slugify_separator,
        locale=str(language).replace("-", "_"),
        directory_urls=bool(doc.get("use_directory_urls", True)),
    )


def _blog_options(plugins: list[Any] | dict[str, Any]) -> dict[str, Any] | None:
    entries = (
        plugins.items()
        if isinstance(plugins, dict)
        else (next(iter(e.items())) if isinstance(e, dict) else (e, {}) for e in plugins)
    )
    for name, options in entries:
        if name in BLOG_PLUGINS:
            options = dict(options or {})
            options.pop("enabled", None)
            return options
    return None


class _Loader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it: !ENV values and !!python/name references (a trusted file)."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode):
        names = [str(name) for name in loader.construct_sequence(node)]
    elif isinstance(node, yaml.ScalarNode):
        names = [str(loader.construct_scalar(node))]
    else:
        return None
    default = names.pop() if len(names) > 1 else None
    return next((os.environ[n] for n in names if n in os.environ), default)


def _python_name(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    module, _, attribute = suffix.rpartition(".")
    return getattr(importlib.import_module(module), attribute)


def _ignore(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    return None


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", _python_name)
_Loader.add_multi_constructor("!", _ignore)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore)


def post_path(
    mkdocs_config_path: Path, publication: Publication, when: dt.datetime | None = None
) -> str:
    """The post's URL path below the site root, e.g. `publikasi/2026/mengenal-uu-pemilu/`.

    `when` stands in for a draft's missing date (drafts are dated on promotion).
    """
    blog = _settings_at(os.getcwd(), mkdocs_config_path)
    front = publication.front
    created = front.date or aware(when or now())
    categories = [blog.categories_slugify(c, blog.categories_separator) for c in front.categories]
    path = blog.url_format.format(
        categories="/".join(categories[: blog.max_categories]),
        date=_format_date(created, blog.date_format, blog.locale),
        file=publication.slug
        if publication.is_draft
        else publication.path.stem,  # promoted as <slug>.md
        slug=front.slug or blog.slugify(front.title, blog.slugify_separator),
    )
    path = posixpath.join(blog.blog_dir, posixpath.normpath(path.strip("/")))
    return f"{path}/" if blog.directory_urls else f"{path}.html"


@functools.lru_cache(maxsize=64)
def _settings_at(cwd: str, mkdocs_config_path: Path) -> BlogSettings:
    """`blog_settings` of the file, looked up per (working folder, path) without building an
    absolute path for every post."""
    return blog_settings(Path(cwd) / mkdocs_config_path)


def post_url(
    base_url: str,
    mkdocs_config_path: Path,
    publication: Publication,
    when: dt.datetime | None = None,
) -> str:
    """The public URL of the post's page on the deployed site."""
    return base_url.rstrip("/") + "/" + post_path(mkdocs_config_path, publication, when)


@functools.lru_cache(maxsize=4096)  # babel costs ~30 us a call; drafts share "today"
def _format_date(value: dt.datetime, pattern: str, locale: str) -> str:
    # As the blog plugin: named formats drop the time, anything else is a CLDR pattern.
    from babel.dates import format_date, format_datetime

    if pattern in ("full", "long", "medium", "short"):
        return format_date(value, format=pattern, locale=locale)
    return format_datetime(value, format=pattern, locale=locale)
