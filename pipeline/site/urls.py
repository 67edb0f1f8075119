"""Where `mkdocs build` puts a post: computed from mkdocs.yml's blog settings, as the blog does."""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import itertools
import os
import posixpath
import re
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from pipeline.core.model import Publication
from pipeline.core.read import load_as
from pipeline.core.timeutil import aware, now
from pipeline.site import blog_options

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
    """The blog plugin's settings in mkdocs.yml, with the plugin's defaults. Only this part of
    mkdocs.yml is read: no theme, no plugins run. When every option is one the plugin accepts as
    written, the values are taken from the YAML (`_plain_values`); anything else goes through the
    plugin's own config class, which says what is wrong."""
    doc = load_as(mkdocs_config_path.read_text(encoding="utf-8"), _Loader) or {}
    options = _blog_options(doc.get("plugins") or [])
    if options is None:
        raise ValueError(f"{mkdocs_config_path}: plugin blog tidak aktif")
    values = _plain_values(options)
    if values is None:
        values = _material_values(mkdocs_config_path, options)
    theme = doc.get("theme") or {}
    language = theme.get("language", "en") if isinstance(theme, dict) else "en"
    return BlogSettings(
        blog_dir=values["blog_dir"],
        url_format=values["post_url_format"],
        date_format=values["post_url_date_format"],
        max_categories=values["post_url_max_categories"],
        slugify=values["post_slugify"],
        slugify_separator=values["post_slugify_separator"],
        categories_slugify=values["categories_slugify"],
        categories_separator=values["categories_slugify_separator"],
        locale=str(language).replace("-", "_"),
        directory_urls=bool(doc.get("use_directory_urls", True)),
    )


def _plain_values(options: dict[str, Any]) -> dict[str, Any] | None:
    """The URL options (given or default) when every option given has a type the plugin accepts
    as it is (`blog_options.OPTION_TYPES`); None when the plugin's config class must decide
    (a wrong type, an empty value, a deprecated name), so its messages stay its own."""
    for name, value in options.items():
        accepted = blog_options.OPTION_TYPES.get(name)
        choices = blog_options.CHOICES.get(name)
        if name in blog_options.DEPRECATED or value is None:
            return None
        if choices is not None and value not in choices:
            return None
        if accepted is not None and not isinstance(value, accepted):
            return None
        # an unknown name is only a warning to the plugin: ignored here as well
    values = {name: options.get(name, default) for name, default in blog_options.URL_DEFAULTS}
    for name in blog_options.SLUGIFY_OPTIONS:
        values[name] = options[name] if name in options else blog_options.default_slugify()
    return values


def _material_values(mkdocs_config_path: Path, options: dict[str, Any]) -> dict[str, Any]:
    """The URL options validated by Material's `BlogConfig` (MkDocs' config machinery)."""
    from material.plugins.blog.config import BlogConfig

    blog = BlogConfig()
    blog.load_dict(options)
    errors, _ = blog.validate()
    if errors:
        raise ValueError(f"{mkdocs_config_path}: {errors[0][0]}: {errors[0][1]}")
    names = [name for name, _ in blog_options.URL_DEFAULTS] + list(blog_options.SLUGIFY_OPTIONS)
    return {name: blog[name] for name in names}


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
    mkdocs_config_path: Path,
    publication: Publication,
    when: dt.datetime | None = None,
    directory_urls: bool | None = None,
) -> str:
    """The post's URL path below the site root, e.g. `publikasi/2026/mengenal-uu-pemilu/`.

    `when` stands in for a draft's missing date (drafts are dated on promotion);
    `directory_urls` overrides mkdocs.yml's use_directory_urls (the offline build turns it off).
    """
    blog = _settings_of(mkdocs_config_path)
    created = publication.front.date or aware(when or now())
    date = _format_date(created, blog.date_format, blog.locale)
    return _path(blog, publication, date, directory_urls)


def post_path_bound(mkdocs_config_path: Path, publication: Publication) -> str | None:
    """A stand-in for `post_path` that is at least as long and has the same characters except
    the date's digits, which are zeros as wide as the date pattern's fields can be; computed
    without babel. None when the pattern has a field that is not a number (a month's name, a
    named format) or the URL format uses any field with a spec or a conversion: then only the
    real path will do."""
    blog = _settings_of(mkdocs_config_path)
    widest = _widest_date(blog.date_format)
    names, plain = _fields(blog.url_format)
    if widest is None or not plain:
        return None
    return _path(blog, publication, widest)


def _path(
    blog: BlogSettings, publication: Publication, date: str, directory_urls: bool | None = None
) -> str:
    # as the blog plugin's _format_path_for_post; only the fields the format uses are computed
    names, _ = _fields(blog.url_format)
    front = publication.front
    values = {"date": date}
    if names is None or "categories" in names:
        categories = front.categories[: blog.max_categories]
        values["categories"] = "/".join(
            blog.categories_slugify(c, blog.categories_separator) for c in categories
        )
    if names is None or "file" in names:  # a draft is promoted as <slug>.md
        values["file"] = publication.slug if publication.is_draft else publication.path.stem
    if names is None or "slug" in names:
        values["slug"] = front.slug or blog.slugify(front.title, blog.slugify_separator)
    path = blog.url_format.format(**values)
    path = posixpath.join(blog.blog_dir, posixpath.normpath(path.strip("/")))
    directory = blog.directory_urls if directory_urls is None else directory_urls
    return f"{path}/" if directory else f"{path}.html"


@functools.lru_cache(maxsize=16)
def _widest_date(pattern: str) -> str | None:
    """`pattern` with each field as zeros of its widest output, literal text kept; None when a
    field is not a plain number or the pattern quotes text.

    babel writes numeric fields with '%0*d': a year has at most four digits (datetime's limit)
    unless the pattern pads it further (`yy` keeps two), a month or a day (`M`, `MM`, `d`, `dd`)
    at most two; `MMM` and longer are names.
    """
    out = []
    for char, run in itertools.groupby(pattern):
        n = len(list(run))
        if char == "y":
            out.append("0" * max(n, 4))
        elif char in "Md" and n <= 2:
            out.append("00")
        elif char.isalpha() or char == "'":
            return None
        else:
            out.append(char * n)
    return "".join(out)


@functools.lru_cache(maxsize=16)
def _fields(url_format: str) -> tuple[frozenset[str] | None, bool]:
    """The names of the URL format's fields (None when it does not parse: `format` will say
    why) and whether every field is a bare name, without spec or conversion."""
    try:
        fields = [f for f in string.Formatter().parse(url_format) if f[1] is not None]
    except ValueError:
        return None, False
    names = frozenset(re.split(r"[.\[]", name or "", maxsplit=1)[0] for _, name, _, _ in fields)
    return names, all(not spec and not conversion for _, _, spec, conversion in fields)


def _settings_of(mkdocs_config_path: Path) -> BlogSettings:
    """`blog_settings` of the file; the working folder is asked only for a relative path (an
    absolute one, as `kpu check` passes for every draft, is the same file from anywhere)."""
    cwd = "" if mkdocs_config_path.is_absolute() else os.getcwd()
    return _settings_at(cwd, mkdocs_config_path)


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


def post_url_bound(base_url: str, mkdocs_config_path: Path, publication: Publication) -> str | None:
    """`post_url` with the path of `post_path_bound` (None when that has none)."""
    path = post_path_bound(mkdocs_config_path, publication)
    return None if path is None else base_url.rstrip("/") + "/" + path


@functools.lru_cache(maxsize=4096)  # babel costs ~30 us a call; drafts share "today"
def _format_date(value: dt.datetime, pattern: str, locale: str) -> str:
    # As the blog plugin: named formats drop the time, anything else is a CLDR pattern.
    from babel.dates import format_date, format_datetime

    if pattern in ("full", "long", "medium", "short"):
        return format_date(value, format=pattern, locale=locale)
    return format_datetime(value, format=pattern, locale=locale)
