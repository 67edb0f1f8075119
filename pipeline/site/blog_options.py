"""The options of Material's blog plugin (`material.plugins.blog.config.BlogConfig`), as data.

`kpu check` needs the post URL settings of mkdocs.yml, but importing the plugin's config class
brings MkDocs' config machinery, jinja2 and babel (about 0.16 s for one draft). These tables let
`site/urls.py` take the values from the YAML when the plugin would accept them as written;
tests/test_blog_options.py compares them with the plugin's own schema, so they cannot drift.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

# option -> the type(s) the plugin's `Type(...)` accepts (an `Optional(Type(...))` too)
OPTION_TYPES: dict[str, Any] = {  # types, and collections.abc.Callable
    "enabled": bool,
    "blog_dir": str,
    "blog_toc": bool,
    "post_dir": str,
    "post_date_format": str,
    "post_url_date_format": str,
    "post_url_format": str,
    "post_url_max_categories": int,
    "post_slugify": Callable,
    "post_slugify_separator": str,
    "post_excerpt_max_authors": int,
    "post_excerpt_max_categories": int,
    "post_excerpt_separator": str,
    "post_readtime": bool,
    "post_readtime_words_per_minute": int,
    "archive": bool,
    "archive_name": str,
    "archive_date_format": str,
    "archive_url_date_format": str,
    "archive_url_format": str,
    "archive_pagination": bool,
    "archive_pagination_per_page": int,
    "archive_toc": bool,
    "categories": bool,
    "categories_name": str,
    "categories_url_format": str,
    "categories_slugify": Callable,
    "categories_slugify_separator": str,
    "categories_sort_by": Callable,
    "categories_sort_reverse": bool,
    "categories_allowed": list,
    "categories_pagination": bool,
    "categories_pagination_per_page": int,
    "categories_toc": bool,
    "authors": bool,
    "authors_file": str,
    "authors_profiles": bool,
    "authors_profiles_name": str,
    "authors_profiles_url_format": str,
    "authors_profiles_pagination": bool,
    "authors_profiles_pagination_per_page": int,
    "authors_profiles_toc": bool,
    "pagination": bool,
    "pagination_per_page": int,
    "pagination_url_format": str,
    "pagination_format": str,
    "pagination_if_single_page": bool,
    "pagination_keep_content": bool,
    "draft": bool,
    "draft_on_serve": bool,
    "draft_if_future_date": bool,
}
CHOICES: dict[str, tuple[str, ...]] = {"post_excerpt": ("optional", "required")}
DEPRECATED = ("pagination_template",)

# the options a post's URL depends on, with the plugin's defaults (the slugify ones below)
URL_DEFAULTS: tuple[tuple[str, Any], ...] = (
    ("blog_dir", "blog"),
    ("post_url_date_format", "yyyy/MM/dd"),
    ("post_url_format", "{date}/{slug}"),
    ("post_url_max_categories", 1),
    ("post_slugify_separator", "-"),
    ("categories_slugify_separator", "-"),
)
SLUGIFY_OPTIONS = ("post_slugify", "categories_slugify")


def default_slugify() -> Callable[[str, str], str]:
    """The plugin's default for both slugify options: pymdownx's slugify, lower case (imported
    when a title or category is first slugified: a `{date}/{file}` URL never needs it)."""
    return _default_slugify


def _default_slugify(text: str, separator: str) -> str:
    return _pymdownx_slugify()(text, separator)


@functools.cache
def _pymdownx_slugify() -> Callable[[str, str], str]:
    from pymdownx.slugs import slugify

    return slugify(case="lower")  # type: ignore[no-any-return]
