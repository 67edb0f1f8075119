"""The `kpu` MkDocs plugin: office identity from kpu.yml, generated pages, linked citations."""

from __future__ import annotations

from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from pipeline.config import KpuConfig, load_config
from pipeline.errors import ConfigError
from pipeline.files import refused_entries
from pipeline.ledger import awaiting_instagram
from pipeline.messages import check as check_msg
from pipeline.model import Publication
from pipeline.office_documents import document_key, office_documents
from pipeline.regulations import Registry, RegistryError, Regulation, load_registry
from pipeline.safety import clean_html, escape
from pipeline.site import archive, csp, dip, feeds, home, jdihn, regulation_pages
from pipeline.site.pages import image_markdown, notice_markdown, request_section
from pipeline.site.regulation_pages import legal_basis_section
from pipeline.stages import load_stages

POSTS_PREFIX = "posts/"
DOCS_PREFIX = "content/"  # front matter paths are written from the repository root
FEED_LOGO = "assets/images/feed-logo.png"
OVERRIDES = str(Path(__file__).parent / "overrides")
FILTER_SCRIPT = "assets/javascripts/kpu-filter.js"  # shipped in overrides/, copied by MkDocs
SCRIPTS = Path(__file__).parent / "scripts"
SCRIPTS_URI = "assets/javascripts/kpu/"


class KpuPlugin(BasePlugin):  # type: ignore[type-arg]
    """Reads kpu.yml and the registry once per build; adds pages the site generates itself."""

    registry: Registry
    stages: dict[str, str]
    kpu: KpuConfig
    published: list[Publication]
    published_by_uri: dict[str, Publication]

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        refused = refused_entries(root)  # before MkDocs walks docs_dir, which follows symlinks
        if refused:
            detail = "\n".join(problem.format_text() for problem in refused)
            raise PluginError(check_msg.BUILD_REFUSED.format(detail=detail))
        try:
            self.kpu = kpu = load_config(root)
            self.registry = load_registry(root / "data" / "regulations.yml")
            self.stages = {key: stage.name for key, stage in load_stages(root).items()}
        except ConfigError as exc:
            raise PluginError(str(exc)) from exc
        except RegistryError as exc:
            raise PluginError("\n".join(exc.problems)) from exc
        office = kpu.office
        # The office templates ship with the package, so any checkout builds with them; a
        # `custom_dir` of the office's own still wins over them.
        dirs = config.theme.dirs
        if OVERRIDES not in dirs:
            dirs.insert(1 if config.theme.custom_dir else 0, OVERRIDES)
        if FILTER_SCRIPT not in map(str, config.extra_javascript):
            config.extra_javascript.append(FILTER_SCRIPT)  # type: ignore[arg-type]
        config.site_name = office.name
        config.site_url = kpu.base_url
        config.extra["office"] = {
            "name": office.name,
            "short_name": office.short_name,
            "address": office.address,
            "phone": office.phone,
            "email": office.email,
            "site_url": kpu.base_url,
            "social": {name: str(acc.url) for name, acc in kpu.channels.accounts.items()},
        }
        config.extra["content_security_policy"] = csp.policy()
        rss = config.plugins.get("rss")
        if rss is not None and not rss.config.get("image"):
            rss.config["image"] = kpu.base_url + FEED_LOGO
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        published = archive.site_publications(files, config)
        self.published = list(published.values())
        self.published_by_uri = published
        self.withdrawn_sources = feeds.withdrawn_sources(published, files)
        own = office_documents(self.published, self.kpu.office.name)
        self.registry = self.registry.with_documents(own)  # the office's Keputusan join the rest
        regulation_pages.withhold_unpublished_pdfs(files, self.registry)
        regulation_pages.add_pages(files, config, published, self.registry)
        jdihn.add_feed(files, config, self.registry, published, self.kpu)
        archive.add_pages(files, config, published, self.registry)
        dip.add_pages(files, config, published)
        _escape_authors(config)
        for script in sorted(SCRIPTS.glob("*.js")):  # the theme's inline scripts, as files (CSP)
            uri = SCRIPTS_URI + script.name
            files.append(File.generated(config, uri, abs_src_path=str(script)))
        return files

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files, **_: Any
    ) -> str:
        if page.file.src_uri == home.HOME_PAGE and home.MARKER in markdown:
            latest = home.latest_markdown(self.published_by_uri, self.registry)
            markdown = markdown.replace(home.MARKER, latest, 1)
        elif page.file.src_uri == archive.ARCHIVE_PAGE:
            markdown += regulation_pages.archive_section(self.registry, page.file.src_uri)
        elif page.file.src_uri.startswith(POSTS_PREFIX):
            markdown = self._post_markdown(markdown, page)
        _escape_meta(page.meta)
        return markdown

    def _post_markdown(self, markdown: str, page: Page) -> str:
        markdown = notice_markdown(page.meta.get("withdrawn")) + markdown  # kpu retract
        image = page.meta.get("image")
        if isinstance(image, str):  # the feed and social meta tags want it relative to the site
            page.meta["image"] = image = image.removeprefix(DOCS_PREFIX)
            alt = str(page.meta.get("image_alt") or "")
            markdown = image_markdown(page.file.src_uri, image, alt) + markdown
        issued = self._issued(page.file.src_uri)
        if issued is not None:  # the office's own decision: shown where the post explains it
            markdown += regulation_pages.document_section(page.file.src_uri, issued, self.registry)
        citations = page.meta.get("legal_basis")
        if isinstance(citations, list):
            markdown += legal_basis_section(page.file.src_uri, map(str, citations), self.registry)
        return markdown + request_section(page.meta, self.stages)

    def _issued(self, src_uri: str) -> Regulation | None:
        """The decision the post issues, from its validated front matter."""
        publication = self.published_by_uri.get(src_uri)
        if publication is None or publication.front.document is None:
            return None
        return self.registry.get(document_key(publication.front.document))

    def on_page_content(self, html: str, page: Page, **_: Any) -> str:
        """Every page, written or generated, leaves Markdown through the allowlist sanitiser."""
        rendered = getattr(page, "_title_from_render", None)
        if isinstance(rendered, str):  # the first heading's text, already HTML: printed as it is
            page._title_from_render = Markup(rendered)
        return clean_html(html)

    @event_priority(-150)  # after the blog plugin (-100) has rendered the excerpts of its views
    def on_page_context(self, context: TemplateContext, page: Page, **_: Any) -> TemplateContext:
        """Blog views show excerpts that the blog renders from the posts' Markdown itself."""
        for excerpt in context.get("posts") or ():  # type: ignore[attr-defined]
            excerpt.content = clean_html(excerpt.content)
        return context

    @event_priority(50)  # before the rss plugin writes its feeds from the items it collected
    def on_post_build(self, config: MkDocsConfig) -> None:
        """Withdrawn posts out of the feeds; social cards into the built site: Instagram
        fetches them from their public URL."""
        feeds.drop_withdrawn(config.plugins, self.withdrawn_sources)
        root = Path(config.config_file_path).parent
        waiting = awaiting_instagram(root, self.kpu, self.published)
        if waiting:  # Pillow and the channels are loaded only when there is a card to draw
            from pipeline.card import write_site_images

            write_site_images(root, self.kpu, waiting, Path(config.site_dir))


def _escape_meta(meta: MutableMapping[str, Any]) -> None:
    """Front matter as the theme and the other plugins print it (title, description, subtitle,
    tags, status, ...): HTML-escaped Markup, which Jinja prints as it is and never escapes twice;
    the feeds and the search index get entities. Plain values (keys, paths) are unchanged."""
    for key, value in list(meta.items()):
        if isinstance(value, str):
            meta[key] = escape(value)
        elif isinstance(value, list):
            meta[key] = [escape(item) if isinstance(item, str) else item for item in value]


def _escape_authors(config: MkDocsConfig) -> None:
    """The blog prints the names and descriptions of .authors.yml as they are: escape them once
    (the blog loads them in its on_config, before any on_files)."""
    blog = config.plugins.get("material/blog") or config.plugins.get("blog")
    for author in (getattr(blog, "authors", None) or {}).values():
        for key in ("name", "description"):
            if isinstance(author[key], str):
                author[key] = escape(author[key])
