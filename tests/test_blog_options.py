"""The post URL settings `kpu check` reads from mkdocs.yml without Material agree with Material's
own blog config (issue #14): the option tables match its schema, and for every mkdocs.yml variant
the URLs computed are the ones Material's config gives (or the same error)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from material.plugins.blog.config import BlogConfig
from mkdocs.config.config_options import Choice, Deprecated, Optional, Type

from pipeline.core.model import FrontMatter, Publication
from pipeline.site import blog_options, urls

ROOT = Path(__file__).resolve().parent.parent


def test_the_option_tables_are_material_s_schema() -> None:
    types, choices, deprecated = {}, {}, []
    for name, option in BlogConfig._schema:
        if isinstance(option, Deprecated):
            deprecated.append(name)
            continue
        inner = option.option if isinstance(option, Optional) else option
        if isinstance(inner, Choice):
            choices[name] = tuple(inner.choices)
        else:
            assert isinstance(inner, Type), name
            types[name] = inner._type
    assert types == blog_options.OPTION_TYPES
    assert choices == blog_options.CHOICES
    assert tuple(deprecated) == blog_options.DEPRECATED


def test_the_url_defaults_are_material_s() -> None:
    blog = BlogConfig()
    blog.load_dict({})
    assert blog.validate() == ([], [])
    assert {name: blog[name] for name, _ in blog_options.URL_DEFAULTS} == dict(
        blog_options.URL_DEFAULTS
    )
    titles = ["Mengenal UU Nomor 7/2017: Pemilu & Pemilih Ber-KTP-el", "Tahapan Pemilu 2029", "É ü"]
    for name in blog_options.SLUGIFY_OPTIONS:
        for title in titles:
            assert blog[name](title, "-") == blog_options.default_slugify()(title, "-")
            assert blog[name](title, "_") == blog_options.default_slugify()(title, "_")


BLOG = """\
site_name: KPU
theme:
  name: material
  language: {language}
use_directory_urls: {directory_urls}
plugins:
  - search
  - blog:
{options}
"""
VARIANTS = {
    "this repository": None,
    "all defaults": "",
    "dated slugs": '      post_url_format: "{date}/{slug}"\n      post_url_date_format: yyyy/MM/dd',
    "categories": (
        '      blog_dir: warta/berita\n      post_url_format: "{categories}/{slug}"\n'
        "      post_url_max_categories: 2\n      categories_slugify_separator: _"
    ),
    "month names": '      post_url_date_format: "MMMM yyyy"\n      post_url_format: "{date}/{file}"',
    "a slugify of its own": (
        "      post_slugify: !!python/name:markdown.extensions.toc.slugify\n"
        '      post_url_format: "{slug}"'
    ),
    "slugify by object": (
        "      post_slugify: !!python/object/apply:pymdownx.slugs.slugify\n"
        "        kwds: {case: lower}\n"
        '      post_url_format: "{slug}"'
    ),
    "unknown option": '      post_url_format: "{file}"\n      not_an_option: 3',
    "other options": (
        "      post_excerpt: required\n      archive: false\n      pagination_per_page: 5\n"
        "      categories_allowed: [Informasi Hukum]\n      draft: true"
    ),
}
BROKEN = {
    "a number as text": "      post_url_max_categories: two",
    "a wrong choice": "      post_excerpt: always",
    "an empty value": "      blog_dir:",
    "a deprecated name": "      pagination_template: '~2~'",
}


def _mkdocs_yml(tmp_path: Path, options: str | None, directory_urls: bool, language: str) -> Path:
    path = tmp_path / "mkdocs.yml"
    if options is None:
        text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        if not directory_urls:
            text += "use_directory_urls: false\n"
    else:
        text = BLOG.format(
            options=options or "      enabled: true",
            directory_urls=str(directory_urls).lower(),
            language=language,
        )
    path.write_text(text, encoding="utf-8")
    return path


def _publications() -> list[Publication]:
    front = {
        "title": "Mengenal UU Nomor 7/2017: Pemilu & Pemilih Ber-KTP-el",
        "description": "Ringkasan.",
        "categories": ["Informasi Hukum", "Tahapan Pemilu"],
        "request": {"number": "1/ND", "date": "2026-10-01", "unit": "Subbag Hukum"},
        "election_stage": "informasi-umum",
        "legal_basis": ["UU No. 7 Tahun 2017"],
    }
    dated = {**front, "date": "2026-03-07T09:00:00+07:00", "slug": "uu-7"}
    return [
        Publication(Path("drafts/2026-10-05-mengenal-uu.md"), FrontMatter(**front), "", 1),
        Publication(Path("content/posts/2026/uu-7.md"), FrontMatter(**dated), "", 1),
    ]


def _paths_with(settings: urls.BlogSettings, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setattr(urls, "_settings_at", lambda cwd, path: settings)
    when = dt.datetime(2026, 12, 2, 10, 0, tzinfo=dt.UTC)
    return [urls.post_path(Path("mkdocs.yml"), p, when=when) for p in _publications()]


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize(("directory_urls", "language"), [(True, "id"), (False, "en")])
def test_post_urls_are_the_ones_material_s_config_gives(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    variant: str,
    directory_urls: bool,
    language: str,
) -> None:
    path = _mkdocs_yml(tmp_path, VARIANTS[variant], directory_urls, language)
    urls.blog_settings.cache_clear()
    ours = urls.blog_settings(path)
    options = urls._blog_options(urls.yaml.load(path.read_text(), Loader=urls._Loader)["plugins"])
    # read from the YAML alone, except where a value is not plain data (an object to construct)
    assert (urls._plain_values(options or {}) is None) == (variant == "slugify by object")
    with monkeypatch.context() as patched:  # the same file, through Material's BlogConfig only
        patched.setattr(urls, "_plain_values", lambda options: None)
        urls.blog_settings.cache_clear()
        material = urls.blog_settings(path)
    urls.blog_settings.cache_clear()
    assert _paths_with(ours, monkeypatch) == _paths_with(material, monkeypatch)


@pytest.mark.parametrize("variant", sorted(BROKEN))
def test_a_setting_material_refuses_gives_material_s_own_error(
    tmp_path: Path, variant: str
) -> None:
    path = _mkdocs_yml(tmp_path, BROKEN[variant], True, "id")
    urls.blog_settings.cache_clear()
    blog = BlogConfig()
    blog.load_dict(
        urls._blog_options(urls.yaml.load(path.read_text(), Loader=urls._Loader)["plugins"])
    )
    errors, _ = blog.validate()
    try:
        if errors:
            with pytest.raises(ValueError, match="^" + str(path)) as refused:
                urls.blog_settings(path)
            assert str(refused.value) == f"{path}: {errors[0][0]}: {errors[0][1]}"
        else:  # accepted by Material (an empty value takes the default): the same settings
            assert urls.blog_settings(path).blog_dir == blog.blog_dir
    finally:
        urls.blog_settings.cache_clear()
