"""What the site generates from kpu.yml, data/ and the posts: the office identity, the generated
pages (regulation index and pages, DIP and its exports, Arsip Link Aktif, JDIHN feed, the theme's
scripts) and the sections added to written pages (home latest, Nota Dinas, legal basis).

One generator serves both paths: `kpu build` writes its output as files into a staging copy of the
docs tree (pipeline/site/staging.py) that any engine builds, and the `kpu` MkDocs plugin calls it
from its hooks when `mkdocs build` runs on the repository itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from pipeline.check.stages import load_stages
from pipeline.core.config import KpuConfig, load_config
from pipeline.core.errors import BuildError
from pipeline.core.identity import fill, identity, unknown
from pipeline.core.model import Publication
from pipeline.legal.office_documents import document_key, office_documents
from pipeline.legal.regulations import Registry, Regulation, load_registry
from pipeline.messages import check as check_msg
from pipeline.records.ledger import Book, awaiting_instagram
from pipeline.site import archive, csp, home, html_blocks, jdihn, regulation_pages
from pipeline.site.pages import image_markdown, notice_markdown, request_section
from pipeline.site.regulation_pages import legal_basis_section

if TYPE_CHECKING:
    from pipeline.site.render_cache import RenderCache

POSTS_PREFIX = "posts/"
DOCS_PREFIX = "content/"  # front matter paths are written from the repository root
FEED_LOGO = "assets/images/feed-logo.png"
OVERRIDES = Path(__file__).parent / "overrides"
FILTER_SCRIPT = "assets/javascripts/kpu-filter.js"  # shipped in overrides/, copied with the theme
SCRIPTS = Path(__file__).parent / "scripts"
SCRIPTS_URI = "assets/javascripts/kpu/"


class SiteGenerator:
    """kpu.yml, the registry and the stages, read once per build (ConfigError, RegistryError)."""

    published: list[Publication]
    published_by_uri: dict[str, Publication]

    def __init__(self, root: Path) -> None:
        self.root = root
        self.kpu: KpuConfig = load_config(root)
        self.registry: Registry = load_registry(root / "data" / "regulations.yml")
        self.stages = {key: stage.name for key, stage in load_stages(root).items()}
        self.published = []
        self.published_by_uri = {}
        self.book: Book | None = None  # data/ledger.json, read by add_files
        # the placeholders of the office's pages ({{ kantor.nama }}), from kpu.yml
        self.values: dict[str, str] = identity(self.kpu).values()

    def identity(self, described: str | None = None) -> dict[str, Any]:
        """The configuration values the site takes from kpu.yml (`described`: mkdocs.yml's own
        site_description, which may use the placeholders)."""
        office, kpu = self.kpu.office, self.kpu
        return {
            "site_name": office.name,
            # read by the RSS feeds' <description> and the pages' meta description
            "site_description": (
                fill(described, self.values, markdown=False)
                if described
                else identity(kpu).site_description()
            ),
            "site_url": kpu.base_url,
            "office": {
                "name": office.name,
                "short_name": office.short_name,
                "address": office.address,
                "phone": office.phone,
                "email": office.email,
                "site_url": kpu.base_url,
                "social": {name: str(acc.url) for name, acc in kpu.channels.accounts.items()},
            },
            "content_security_policy": csp.policy(),
            "feed_image": kpu.base_url + FEED_LOGO,
        }

    def configure(self, config: MkDocsConfig) -> None:
        """The identity and the office templates into a loaded MkDocs configuration."""
        values = self.identity(config.site_description)
        # The office templates ship with the package, so any checkout builds with them; a
        # `custom_dir` of the office's own still wins over them.
        dirs = config.theme.dirs
        if str(OVERRIDES) not in dirs:
            dirs.insert(1 if config.theme.custom_dir else 0, str(OVERRIDES))
        if FILTER_SCRIPT not in map(str, config.extra_javascript):
            config.extra_javascript.append(FILTER_SCRIPT)  # type: ignore[arg-type]
        config.site_name = values["site_name"]
        config.site_url = values["site_url"]
        config.site_description = values["site_description"]
        config.extra["office"] = values["office"]
        config.extra["content_security_policy"] = values["content_security_policy"]
        rss = config.plugins.get("rss")
        if rss is not None and not rss.config.get("image"):
            rss.config["image"] = values["feed_image"]
        html_blocks.enable(config)  # the generated pages' ready HTML (pipeline/site/html_blocks.py)

    def add_files(
        self, files: Files, config: MkDocsConfig, cache: RenderCache | None = None
    ) -> Files:
        """The generated pages and files join the site's own (PluginError on bad data);
        `cache`: kpu build's build cache (the DIP's spreadsheet)."""
        published = archive.site_publications(files, config)
        self.published = list(published.values())
        self.published_by_uri = published
        own = office_documents(self.published, self.kpu.office.name)
        self.registry = self.registry.with_documents(own)  # the office's Keputusan join the rest
        regulation_pages.withhold_unpublished_pdfs(files, self.registry)
        regulation_pages.add_pages(files, config, published, self.registry)
        jdihn.add_feed(files, config, self.registry, published, self.kpu)
        pages = html_blocks.post_pages(config, published)  # the links of the two tables
        self.book = archive.load_book(config)  # read once: the archive and the cards need it
        archive.add_pages(files, config, published, self.registry, pages, self.book)
        from pipeline.site import dip_export  # openpyxl loads only for the build

        dip_export.add_pages(files, config, published, pages, cache)
        for script in sorted(SCRIPTS.glob("*.js")):  # the theme's inline scripts, as files (CSP)
            uri = SCRIPTS_URI + script.name
            files.append(File.generated(config, uri, abs_src_path=str(script)))
        return files

    def page_markdown(self, markdown: str, src_uri: str, meta: Mapping[str, Any]) -> str:
        """A written page's Markdown with what the site adds to it (`meta` is its front matter)."""
        if src_uri == home.HOME_PAGE and home.MARKER in markdown:
            latest = home.latest_markdown(self.published_by_uri, self.registry)
            return markdown.replace(home.MARKER, latest, 1)
        if src_uri == archive.ARCHIVE_PAGE:
            return markdown + regulation_pages.archive_section(self.registry, src_uri)
        if src_uri.startswith(POSTS_PREFIX):
            return self._post_markdown(markdown, src_uri, meta)
        return self._identity_markdown(markdown, src_uri, meta)

    def page_meta(self, src_uri: str, meta: Mapping[str, Any]) -> dict[str, Any]:
        """A written page's front matter with the office's placeholders filled; posts are
        drafts, untouched."""
        if src_uri.startswith(POSTS_PREFIX):
            return dict(meta)
        return {
            key: fill(value, self.values, markdown=False) if isinstance(value, str) else value
            for key, value in meta.items()
        }

    def _identity_markdown(self, markdown: str, src_uri: str, meta: Mapping[str, Any]) -> str:
        """The office's pages name it through placeholders ({{ kantor.nama }}) filled from
        kpu.yml; a misspelt one stops the build, naming the page (BuildError)."""
        texts = [markdown] + [value for value in meta.values() if isinstance(value, str)]
        wrong = [found for text in texts for found in unknown(text, self.values)]
        if wrong:
            raise BuildError(
                check_msg.UNKNOWN_PLACEHOLDER.format(
                    path=DOCS_PREFIX + src_uri,
                    found=", ".join(dict.fromkeys(wrong)),
                    known=", ".join(sorted(self.values)),
                )
            )
        return fill(markdown, self.values)

    def _post_markdown(self, markdown: str, src_uri: str, meta: Mapping[str, Any]) -> str:
        markdown = notice_markdown(meta.get("withdrawn")) + markdown  # kpu retract
        image = meta.get("image")
        if isinstance(image, str):
            alt = str(meta.get("image_alt") or "")
            markdown = image_markdown(src_uri, image.removeprefix(DOCS_PREFIX), alt) + markdown
        issued = self._issued(src_uri)
        if issued is not None:  # the office's own decision: shown where the post explains it
            markdown += regulation_pages.document_section(src_uri, issued, self.registry)
        citations = meta.get("legal_basis")
        if isinstance(citations, list):
            markdown += legal_basis_section(src_uri, map(str, citations), self.registry)
        return markdown + request_section(meta, self.stages)

    def _issued(self, src_uri: str) -> Regulation | None:
        """The decision the post issues, from its validated front matter."""
        publication = self.published_by_uri.get(src_uri)
        if publication is None or publication.front.document is None:
            return None
        return self.registry.get(document_key(publication.front.document))

    def write_cards(
        self,
        target: Path,
        cache: RenderCache | None = None,
        write: Callable[[Path, bytes], None] | None = None,
    ) -> None:
        """Social cards below `target` (the built site, or the staged docs tree): Instagram
        fetches them from their public URL. `cache`: kpu build's (pipeline/site/render_cache.py);
        `write`: the staging tree's writer (see card.write_site_images)."""
        waiting = awaiting_instagram(self.root, self.kpu, self.published, self.book)
        if waiting:  # Pillow and the channels are loaded only when there is a card to draw
            from pipeline.site.card import write_site_images

            write_site_images(self.root, self.kpu, waiting, target, cache, write)
