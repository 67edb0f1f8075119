"""The `kpu` MkDocs plugin: office identity from kpu.yml, generated pages, linked citations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from pipeline.config import load_config
from pipeline.errors import ConfigError
from pipeline.read import ReadFailed, read_document
from pipeline.regulations import Registry, RegistryError, load_registry
from pipeline.site import archive, dip
from pipeline.site.pages import (
    REGULATIONS_PAGE,
    PostRef,
    image_markdown,
    legal_basis_section,
    notice_markdown,
    regulations_page,
    request_section,
)
from pipeline.stages import load_stages

POSTS_PREFIX = "posts/"
DOCS_PREFIX = "content/"  # front matter paths are written from the repository root
FEED_LOGO = "assets/images/feed-logo.png"
OVERRIDES = str(Path(__file__).parent / "overrides")


class KpuPlugin(BasePlugin):  # type: ignore[type-arg]
    """Reads kpu.yml and the registry once per build; adds pages the site generates itself."""

    registry: Registry
    stages: dict[str, str]

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        try:
            kpu = load_config(root)
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
        rss = config.plugins.get("rss")
        if rss is not None and not rss.config.get("image"):
            rss.config["image"] = kpu.base_url + FEED_LOGO
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        posts = [
            _post_ref(f) for f in files.documentation_pages() if f.src_uri.startswith(POSTS_PREFIX)
        ]
        content = regulations_page(self.registry, [p for p in posts if p is not None])
        files.append(File.generated(config, REGULATIONS_PAGE, content=content))
        published = archive.site_publications(files, config)
        archive.add_pages(files, config, published, self.registry)
        dip.add_pages(files, config, published)
        return files

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files, **_: Any
    ) -> str:
        if not page.file.src_uri.startswith(POSTS_PREFIX):
            return markdown
        markdown = notice_markdown(page.meta.get("withdrawn")) + markdown  # kpu retract
        image = page.meta.get("image")
        if isinstance(image, str):  # the feed and social meta tags want it relative to the site
            page.meta["image"] = image = image.removeprefix(DOCS_PREFIX)
            alt = str(page.meta.get("image_alt") or "")
            markdown = image_markdown(page.file.src_uri, image, alt) + markdown
        citations = page.meta.get("legal_basis")
        if isinstance(citations, list):
            markdown += legal_basis_section(page.file.src_uri, map(str, citations), self.registry)
        return markdown + request_section(page.meta, self.stages)

    def on_post_build(self, config: MkDocsConfig) -> None:
        """Social cards into the built site: Instagram fetches them from their public URL."""
        from pipeline.card import write_site_cards  # Pillow and the channels: only after a build

        write_site_cards(Path(config.config_file_path).parent, Path(config.site_dir))


def _post_ref(file: File) -> PostRef | None:
    try:
        doc = read_document(Path(file.abs_src_path or ""), file.src_uri)
    except ReadFailed:
        return None
    meta = doc.meta
    citations = meta.get("legal_basis") or []
    if not isinstance(citations, list):
        return None
    return PostRef(file.src_uri, str(meta.get("title", file.src_uri)), tuple(map(str, citations)))
