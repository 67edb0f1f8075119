"""The `kpu` MkDocs plugin: the hooks only MkDocs has (sanitising and escaping what the theme
prints) and, when `mkdocs build` runs on the repository itself rather than on `kpu build`'s
staged tree, the generated pages and identity through pipeline/site/generate.py."""

from __future__ import annotations

import logging
from collections.abc import MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment
from markdown import Markdown
from markupsafe import Markup
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import yaml_load
from mkdocs.utils.templates import TemplateContext

from pipeline.core.errors import BuildError, ConfigError
from pipeline.core.files import refused_entries
from pipeline.core.identity import fill
from pipeline.core.safety import clean_html, escape
from pipeline.legal.regulations import RegistryError
from pipeline.messages import check as check_msg
from pipeline.site import blog_speedups, feeds, markdown_pool, nav_memo
from pipeline.site.excerpt_memo import memoize
from pipeline.site.html_blocks import EXTENSION

if TYPE_CHECKING:  # the generator's modules load only when the tree is not staged
    from pipeline.site.generate import SiteGenerator

POSTS_PREFIX = "posts/"  # as pipeline/site/generate.py
DOCS_PREFIX = "content/"

if TYPE_CHECKING:
    from pipeline.site.render_cache import RenderCache

PLUGIN = "kpu"


class KpuPluginConfig(Config):
    # true in the configuration `kpu build` writes for its staging tree (pipeline/site/staging.py),
    # where the generated pages and the identity are files and values already
    staged = config_options.Type(bool, default=False)
    # the build cache's folder (pipeline/site/render_cache.py), set by `kpu build` unless --no-cache
    cache_dir = config_options.Optional(config_options.Type(str))
    # in a staged tree: the src_uri of every withdrawn post, which the feeds leave out
    withdrawn = config_options.ListOfItems(config_options.Type(str), default=[])


class KpuPlugin(BasePlugin[KpuPluginConfig]):
    """Sanitises every page; generates the site's own pages when the tree is not staged."""

    generator: SiteGenerator | None = None
    cache: RenderCache | None = None
    withdrawn_sources: set[Path] = set()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        refused = refused_entries(root)  # before MkDocs walks docs_dir, which follows symlinks
        if refused:
            detail = "\n".join(problem.format_text() for problem in refused)
            raise PluginError(check_msg.BUILD_REFUSED.format(detail=detail))
        blog_speedups.activate()  # before the blog reads its posts in on_files
        markdown_pool.activate()  # one Markdown instance for the pages, reset between them
        if self.config.staged:
            if self.config.cache_dir:
                self._start_cache(config)
            return config
        from pipeline.site.generate import SiteGenerator

        try:
            self.generator = SiteGenerator(root)
        except ConfigError as exc:
            raise PluginError(str(exc)) from exc
        except RegistryError as exc:
            raise PluginError("\n".join(exc.problems)) from exc
        self.generator.configure(config)
        return config

    def _start_cache(self, config: MkDocsConfig) -> None:
        from pipeline.site import cached_derived, cached_render, cached_templates, page_cache
        from pipeline.site.render_cache import RenderCache, fingerprint

        with open(config.config_file_path, encoding="utf-8") as stream:
            document = yaml_load(stream) or {}
        document["plugins"] = [  # where the cache lives is no input of what it holds
            {PLUGIN: {"staged": True}} if isinstance(entry, dict) and PLUGIN in entry else entry
            for entry in document.get("plugins") or []
        ]
        # nor is the token of the generated pages' HTML blocks, new in every build: the pages
        # whose Markdown carries it are keyed by that Markdown (pipeline/site/html_blocks.py)
        document["markdown_extensions"] = [
            {EXTENSION: {}} if isinstance(entry, dict) and EXTENSION in entry else entry
            for entry in document.get("markdown_extensions") or []
        ]
        theme = [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
        self.cache = RenderCache(Path(str(self.config.cache_dir)))
        key = fingerprint(document, theme)
        cached_render.activate(self.cache, key)
        page_cache.activate(self.cache, key)
        cached_derived.activate(self.cache, key)
        cached_templates.activate(self.cache, key)  # the templates compiled by the build before

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        values: dict[str, str] = {}
        if self.generator is not None:
            self.generator.add_files(files, config)
            values = self.generator.values
        _escape_authors(config, values)  # a staged tree has its placeholders filled already
        if self.generator is not None:
            published = self.generator.published_by_uri
            self.withdrawn_sources = feeds.withdrawn_sources(published, files)
        else:  # staged: the staging step has read and validated the posts already
            self.withdrawn_sources = feeds.sources(self.config.withdrawn, files)
        return files

    @event_priority(-100)  # after the blog's on_nav (-50): its posts are final
    def on_nav(self, nav: Navigation, config: MkDocsConfig, **_: Any) -> Navigation:
        blog_speedups.wrap_posts(config)
        return nav

    def on_env(self, env: Environment, **_: Any) -> Environment:
        nav_memo.install(env)  # the navigation once per state, not once per page
        return env

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files, **_: Any
    ) -> str:
        if self.generator is not None:
            src_uri = page.file.src_uri
            try:
                page.meta.update(self.generator.page_meta(src_uri, page.meta))
                markdown = self.generator.page_markdown(markdown, src_uri, page.meta)
            except BuildError as exc:  # a misspelt placeholder on one of the office's pages
                raise PluginError(str(exc)) from exc
        image = page.meta.get("image")
        if page.file.src_uri.startswith(POSTS_PREFIX) and isinstance(image, str):
            page.meta["image"] = image.removeprefix(DOCS_PREFIX)  # the feed wants it site-relative
        _escape_meta(page.meta)
        return markdown

    def on_page_content(self, html: str, page: Page, **_: Any) -> str:
        """Every page, written or generated, leaves Markdown through the allowlist sanitiser."""
        rendered = getattr(page, "_title_from_render", None)
        if isinstance(rendered, str):  # the first heading's text, already HTML: printed as it is
            page._title_from_render = Markup(rendered)
        # a blog post's excerpt, which the blog made in its on_page_markdown
        excerpt = getattr(page, "excerpt", None)
        if excerpt is not None and isinstance(getattr(excerpt, "md", None), Markdown):
            memoize(excerpt.md)  # converted once, not once per view that lists the post
        return clean_html(html)

    @event_priority(-150)  # after the blog plugin (-100) has rendered the excerpts of its views
    def on_page_context(
        self, context: TemplateContext, page: Page, nav: Navigation, **_: Any
    ) -> TemplateContext:
        """Blog views show excerpts that the blog renders from the posts' Markdown itself. Last of
        the page's context events: the build cache's key of the whole page is taken here."""
        for excerpt in context.get("posts") or ():  # type: ignore[attr-defined]
            excerpt.content = clean_html(excerpt.content)
        if self.cache is not None:
            from pipeline.site import page_cache

            page_cache.offer(context, page, nav)
        return context

    @event_priority(50)  # before the rss plugin writes its feeds from the items it collected
    def on_post_build(self, config: MkDocsConfig) -> None:
        """Withdrawn posts out of the feeds; social cards into the built site (a staged tree has
        them among its files)."""
        feeds.drop_withdrawn(config.plugins, self.withdrawn_sources)
        if self.generator is not None:
            self.generator.write_cards(Path(config.site_dir))
        if self.cache is not None:
            from pipeline.site.render_cache import ENGINE_KINDS

            self.cache.prune(ENGINE_KINDS)
            logging.getLogger("mkdocs.plugins.kpu").debug(
                "build cache: %d hits, %d misses", self.cache.hits, self.cache.misses
            )

    def on_shutdown(self) -> None:
        blog_speedups.deactivate()
        markdown_pool.deactivate()
        if self.cache is not None:
            from pipeline.site import cached_derived, cached_render, cached_templates, page_cache

            cached_render.deactivate()
            cached_templates.deactivate()
            page_cache.deactivate()
            cached_derived.deactivate()
            self.cache.close()
            self.cache = None


def _escape_meta(meta: MutableMapping[str, Any]) -> None:
    """Front matter as the theme and the other plugins print it (title, description, subtitle,
    tags, status, ...): HTML-escaped Markup, which Jinja prints as it is and never escapes twice;
    the feeds and the search index get entities. Plain values (keys, paths) are unchanged."""
    for key, value in list(meta.items()):
        if isinstance(value, str):
            meta[key] = escape(value)
        elif isinstance(value, list):
            meta[key] = [escape(item) if isinstance(item, str) else item for item in value]


def _escape_authors(config: MkDocsConfig, values: dict[str, str]) -> None:
    """The blog prints the names and descriptions of .authors.yml as they are: the office's
    placeholders filled, then escaped once (the blog loads them in its on_config, before any
    on_files)."""
    blog = config.plugins.get("material/blog") or config.plugins.get("blog")
    for author in (getattr(blog, "authors", None) or {}).values():
        for key in ("name", "description"):
            if isinstance(author[key], str):
                author[key] = escape(fill(author[key], values, markdown=False))
