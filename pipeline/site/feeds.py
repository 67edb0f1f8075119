"""The RSS and JSON feeds leave withdrawn publications out.

A withdrawn page stays on the site with its notice, but a feed reader shows an item as news: a
publication the office has withdrawn must not be offered as one. The rss plugin collects its
items while the pages render and writes the feeds in its `on_post_build`; the kpu plugin drops
the withdrawn ones from that list just before (a higher event priority).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.structure.files import Files

if TYPE_CHECKING:
    from pipeline.core.model import Publication


def withdrawn_sources(published: Mapping[str, Publication], files: Files) -> set[Path]:
    """The absolute source paths of the withdrawn posts of this build."""
    return sources(withdrawn_uris(published), files)


def withdrawn_uris(published: Mapping[str, Publication]) -> list[str]:
    """The src_uri of the withdrawn posts, in the order of `published`."""
    return [uri for uri, pub in published.items() if pub.front.withdrawn is not None]


def sources(uris: Iterable[str], files: Files) -> set[Path]:
    """The absolute source paths of the pages `uris` of this build."""
    found = set()
    for uri in uris:
        file = files.get_file_from_path(uri)
        if file is not None and file.abs_src_path:
            found.add(Path(file.abs_src_path).absolute())
    return found


def drop_withdrawn(plugins: Mapping[str, Any], withdrawn: Iterable[Path]) -> int:
    """Remove the withdrawn posts from the rss plugin's items; returns how many were dropped."""
    rss = plugins.get("rss")
    items = getattr(rss, "pages_to_filter", None)
    gone = set(withdrawn)
    if not isinstance(items, list) or not gone:
        return 0
    kept = [i for i in items if i.abs_path is None or Path(i.abs_path).absolute() not in gone]
    dropped = len(items) - len(kept)
    items[:] = kept
    return dropped
