"""The staging tree `kpu build` hands to the engine: a copy of content/ with every generated page,
file and card written into it, the office templates, and a configuration file (mkdocs.yml with
the staged docs_dir and the identity values of kpu.yml filled in) that MkDocs and Zensical both
read. Nothing in it depends on an engine's plugin hooks, except sanitising under MkDocs, which the
staged `kpu` plugin still does on every rendered page (see README "Hostile input").

Layout below the staging folder (default build/staging/):
  docs/          the docs tree the engine builds
  overrides/     the theme overrides (the package's, then the office's custom_dir over them)
  mkdocs.yml     the generated configuration
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import posixpath
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from mkdocs.config import load_config as load_mkdocs_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError, PluginError
from mkdocs.structure.files import Files, InclusionLevel, get_files
from mkdocs.utils import meta as page_meta
from mkdocs.utils import yaml_load

from pipeline.core.console import Progress
from pipeline.core.errors import BuildError, ConfigError
from pipeline.core.files import MAX_COPY_BYTES, copy_tree, read_limited
from pipeline.core.identity import fill
from pipeline.core.safety import escape
from pipeline.core.synced_tree import SyncedTree
from pipeline.legal.regulations import RegistryError
from pipeline.messages import check as msg
from pipeline.site import feeds, html_blocks
from pipeline.site.generate import FILTER_SCRIPT, OVERRIDES, SiteGenerator

if TYPE_CHECKING:
    from pipeline.site.render_cache import RenderCache

ENGINES = ("mkdocs", "zensical")
CONFIG_NAME = "mkdocs.yml"
DOCS = "docs"
THEME = "overrides"
PLUGIN = "kpu"
# Under Zensical, which runs no MkDocs plugin, every Markdown conversion ends in clean_html.
SANITISER = "pipeline.site.markdown_safety"


def stage(
    root: Path,
    staging: Path,
    site_dir: Path,
    engine: str,
    progress: Progress | None = None,
    cache: Path | None = None,
) -> Path:
    """Write the staging tree for `engine`; return its configuration file. BuildError on any
    problem in the data the generated pages come from. `progress(done, total)` per page written;
    `cache`: the build cache's folder (MkDocs only, pipeline/site/render_cache.py)."""
    if cache is None:
        return _stage(root, staging, site_dir, engine, progress, cache, None)
    from pipeline.site.render_cache import STAGING_KINDS, RenderCache

    store = RenderCache(cache)  # the DIP's spreadsheet and the cards of an earlier build
    try:
        config_file = _stage(root, staging, site_dir, engine, progress, cache, store)
        store.prune(STAGING_KINDS)
    finally:
        store.close()  # before the engine opens the same file
    return config_file


def _stage(
    root: Path,
    staging: Path,
    site_dir: Path,
    engine: str,
    progress: Progress | None,
    cache: Path | None,
    store: RenderCache | None,
) -> Path:
    staging = staging.absolute()
    tree = SyncedTree(staging)  # an older staging tree is rewritten in place, then pruned
    docs = staging / DOCS
    with _warnings_fail() as warnings:
        try:
            generator = SiteGenerator(root)
            config = load_mkdocs_config(str(root / CONFIG_NAME))
            generator.configure(config)
            config.extra["engine"] = engine  # as in the staged configuration (html_blocks)
            original = get_files(config)
            # File.generated names the plugin running an event; here no event runs
            config.plugins._current_plugin = PLUGIN  # type: ignore[attr-defined]
            files = generator.add_files(get_files(config), config, store)
        except (ConfigError, ConfigurationError, PluginError) as exc:
            raise BuildError(msg.BUILD_FAILED.format(detail=str(exc))) from exc
        except RegistryError as exc:
            raise BuildError(msg.BUILD_FAILED.format(detail="\n".join(exc.problems))) from exc
    if warnings:
        raise BuildError(msg.BUILD_FAILED.format(detail="\n".join(warnings)))
    kept = {file.src_uri for file in files}
    withheld = {file.src_uri for file in original if file.src_uri not in kept}  # official texts
    # the pages _write_pages stages from the source are not copied first; withheld files never
    skipped = _written_pages(files) | withheld
    authors = _authors_file(config)
    if authors is not None:  # written with the office's names by _stage_authors
        skipped.add(authors)
    try:
        copy_tree(Path(config.docs_dir), docs, skipped, tree)
    except OSError as exc:  # a link or special file that appeared after kpu build's own check
        detail = f"{exc.filename}: {exc.strerror}"
        raise BuildError(msg.BUILD_REFUSED.format(detail=detail)) from exc
    _write_generated(files, docs, tree)
    try:
        _write_pages(
            files, Path(config.docs_dir), docs, tree, generator, engine == "zensical", progress
        )
    except BuildError as exc:  # a misspelt placeholder on one of the office's pages
        raise BuildError(msg.BUILD_FAILED.format(detail=str(exc))) from exc
    _stage_authors(
        Path(config.docs_dir), docs, tree, config, generator.values, engine == "zensical"
    )
    generator.write_cards(docs, store, write=tree.write)  # reused from the cache, if any
    _stage_theme(root, config.theme.custom_dir, staging / THEME, tree)
    token = html_blocks.enable(config)  # the archive's and the DIP's, written above
    document = _staged_config(root, generator, staging, site_dir, engine, token, cache)
    if config.extra.get(
        "polyfills"
    ):  # the offline bundle's Web Worker shim (pipeline/records/bundle.py)
        document.setdefault("extra", {})["polyfills"] = list(config.extra["polyfills"])
    target = staging / CONFIG_NAME
    text = "# Generated by `kpu build` from mkdocs.yml and kpu.yml; do not edit.\n"
    tree.write(
        target, (text + yaml.safe_dump(document, allow_unicode=True, sort_keys=False)).encode()
    )
    tree.finish()  # nothing of an older tree that this one does not hold stays for the engine
    return target


@contextmanager
def _warnings_fail() -> Iterator[list[str]]:
    """Warnings of the generators (an invalid post) fail the build, as `mkdocs build --strict`."""
    found: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            found.append(record.getMessage())

    handler = Collect(logging.WARNING)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield found
    finally:
        logger.removeHandler(handler)


def _write_generated(files: Files, docs: Path, tree: SyncedTree) -> None:
    for file in files:
        if file.generated_by is not None:
            tree.write(docs / file.src_uri, file.content_bytes)


def _written_pages(files: Files) -> set[str]:
    """The pages written in docs_dir, which _write_pages stages (the generated ones are written
    by _write_generated)."""
    pages = files.documentation_pages(inclusion=InclusionLevel.is_included)
    return {file.src_uri for file in pages if file.generated_by is None}


def _write_pages(
    files: Files,
    source_docs: Path,
    docs: Path,
    tree: SyncedTree,
    generator: SiteGenerator,
    escape_meta: bool,
    progress: Progress | None = None,
) -> None:
    """The sections the site adds to written pages (home, archive, posts), into their Markdown;
    the front matter stays as it was written, except under `escape_meta` (Zensical, whose
    templates print front matter as it is, and which has no hook to escape it): every text value
    HTML-escaped, as the `kpu` plugin's on_page_markdown does under MkDocs. A page of docs_dir is
    read from there (never through a link) and staged as it is when nothing changes; a generated
    page is read back from the staging tree."""
    pages = files.documentation_pages(inclusion=InclusionLevel.is_included)
    for done, file in enumerate(pages, start=1):
        if progress is not None:
            progress(done, len(pages))
        path = docs / file.src_uri
        written = file.generated_by is None
        data = read_limited(source_docs / file.src_uri if written else path, MAX_COPY_BYTES)
        # as Path.read_text: the byte order mark dropped, universal newlines
        source = data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
        markdown, meta = page_meta.get_data(source)
        filled = generator.page_meta(file.src_uri, meta)  # the office's placeholders
        changed = generator.page_markdown(markdown, file.src_uri, filled)
        head = source[: len(source) - len(markdown)]  # get_data leaves the text after it as is
        escaped = _escaped(filled) if escape_meta else filled
        if escaped != meta:
            head = _front_matter(escaped)
        if changed != markdown or escaped != meta:
            tree.write(path, (head + changed).encode("utf-8"))
        elif written:
            tree.write(path, data)


def _escaped(values: dict[str, Any]) -> dict[str, Any]:
    """Text values and lists of text HTML-escaped; other values (dates, mappings) as they are."""
    result: dict[str, Any] = {}
    for key, value in values.items():
        if isinstance(value, str):
            value = str(escape(value))
        elif isinstance(value, list):
            value = [str(escape(item)) if isinstance(item, str) else item for item in value]
        result[key] = value
    return result


def _front_matter(meta: dict[str, Any]) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n"


def _authors_file(config: MkDocsConfig) -> str | None:
    """The blog's .authors.yml below docs_dir (POSIX, relative), None without the blog."""
    blog = config.plugins.get("material/blog") or config.plugins.get("blog")
    if blog is None:
        return None
    blog_dir = str(blog.config.get("blog_dir", "blog"))
    authors_file = str(blog.config.get("authors_file", "{blog}/.authors.yml"))
    return posixpath.normpath(authors_file.format(blog=blog_dir))


def _stage_authors(
    source: Path,
    docs: Path,
    tree: SyncedTree,
    config: MkDocsConfig,
    values: dict[str, str],
    escape_text: bool,
) -> None:
    """The blog's .authors.yml (read from `source`, the docs_dir; the copy skips it), the
    office's placeholders filled in names and descriptions, and under `escape_text` escaped
    (Zensical prints them as they are; under MkDocs the `kpu` plugin escapes them after the blog
    has read them)."""
    relative = _authors_file(config)
    if relative is None:
        return
    try:  # O_NOFOLLOW: a link swapped in after kpu build's own check is refused
        text = read_limited(source / relative, MAX_COPY_BYTES).decode("utf-8")
    except FileNotFoundError:
        return
    except OSError as exc:  # a link or special file that appeared after kpu build's own check
        detail = f"{exc.filename}: {exc.strerror}"
        raise BuildError(msg.BUILD_REFUSED.format(detail=detail)) from exc
    document = yaml.safe_load(text) or {}
    for author in (document.get("authors") or {}).values():
        for key in ("name", "description"):
            if isinstance(author.get(key), str):
                filled = fill(author[key], values, markdown=False)
                author[key] = str(escape(filled)) if escape_text else filled
    data = yaml.safe_dump(document, allow_unicode=True, sort_keys=False).encode()
    tree.write(docs / relative, data)


def _stage_theme(root: Path, custom_dir: str | None, target: Path, tree: SyncedTree) -> None:
    """The package's overrides, then the office's own custom_dir over them (Zensical takes one
    folder; MkDocs would take both, in the same order); a file of both is written once."""
    office = (root / custom_dir).absolute() if custom_dir else None
    copy_tree(OVERRIDES, target, _files_below(office) if office else frozenset(), tree)
    if office is not None:
        copy_tree(office, target, tree=tree)


def _files_below(folder: Path) -> set[str]:
    """The regular files below `folder` (POSIX, relative), links not followed."""
    found: set[str] = set()
    pending = [(folder, "")]
    while pending:
        here, at = pending.pop()
        with os.scandir(here) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    pending.append((Path(entry.path), at + entry.name + "/"))
                elif entry.is_file(follow_symlinks=False):
                    found.add(at + entry.name)
    return found


def _relative(path: Path, staging: Path) -> str:
    path = path.absolute()
    return path.relative_to(staging).as_posix() if path.is_relative_to(staging) else str(path)


def _staged_config(
    root: Path,
    generator: SiteGenerator,
    staging: Path,
    site_dir: Path,
    engine: str,
    token: str,
    cache: Path | None = None,
) -> dict[str, Any]:
    docs, theme = staging / DOCS, staging / THEME
    with (root / CONFIG_NAME).open(encoding="utf-8") as stream:
        document: dict[str, Any] = yaml_load(stream) or {}  # MkDocs' own loader: !ENV resolved
    values = generator.identity(document.get("site_description"))
    document["site_name"] = values["site_name"]
    document["site_description"] = values["site_description"]
    document["site_url"] = values["site_url"]
    # relative to the configuration file, as both engines read them (Zensical needs it so)
    document["docs_dir"] = _relative(docs, staging)
    document["site_dir"] = _relative(site_dir, staging)
    theme_options = document.get("theme") or {}
    if isinstance(theme_options, str):
        theme_options = {"name": theme_options}
    theme_options["custom_dir"] = _relative(theme, staging)
    document["theme"] = theme_options
    extra = document.setdefault("extra", {})
    extra["office"] = values["office"]
    extra["content_security_policy"] = values["content_security_policy"]
    extra["engine"] = engine
    extra["build_year"] = dt.datetime.now(dt.UTC).year  # what MkDocs calls build_date_utc.year
    scripts = document.setdefault("extra_javascript", [])
    if FILTER_SCRIPT not in scripts:
        scripts.append(FILTER_SCRIPT)
    plugins = []
    for entry in document.get("plugins") or []:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if name == PLUGIN:
            if engine == "mkdocs":  # sanitising and escaping only: everything else is staged
                withdrawn = feeds.withdrawn_uris(generator.published_by_uri)
                kpu: dict[str, Any] = {"staged": True, "withdrawn": withdrawn}
                if cache is not None:
                    kpu["cache_dir"] = str(cache.absolute())
                plugins.append({PLUGIN: kpu})
            continue
        if name == "rss":
            options = dict(options or {})
            options.setdefault("image", values["feed_image"])
        plugins.append({name: options} if options is not None else name)
    document["plugins"] = plugins
    extensions = document.setdefault("markdown_extensions", [])
    # the generated pages' ready HTML (the sanitiser still sees it, under either engine)
    extensions.append({html_blocks.EXTENSION: {"token": token}})
    if engine == "zensical":
        extensions.append(SANITISER)
    return document
