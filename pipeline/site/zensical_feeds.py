"""Zensical's feeds escape what they print, but kpu build stages the front matter already
HTML-escaped (Zensical's page templates print it as it is): after the build, the feeds' titles
and categories are unescaped once, so that a reader's feed shows "Hukum & HAM", as under MkDocs.

Zensical runs no MkDocs plugin, so the kpu plugin cannot drop withdrawn publications from its
feeds while they are written (pipeline/site/feeds.py): they are removed afterwards, by page URL."""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import unescape as xml_unescape

RSS_FEEDS = ("feed_rss_created.xml", "feed_rss_updated.xml")
JSON_FEEDS = ("feed_json_created.json", "feed_json_updated.json")
_TEXT = re.compile(r"<(title|category)>([^<]*)</\1>")  # plain text elements of our own feeds


def unescape_feeds(site_dir: Path) -> None:
    for name in RSS_FEEDS:
        path = site_dir / name
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            path.write_text(_TEXT.sub(_once, text), encoding="utf-8")
    for name in JSON_FEEDS:
        path = site_dir / name
        if path.is_file():
            feed = json.loads(path.read_text(encoding="utf-8"))
            for item in feed.get("items") or []:
                if isinstance(item.get("title"), str):
                    item["title"] = html.unescape(item["title"])
                if isinstance(item.get("tags"), list):
                    item["tags"] = [
                        html.unescape(t) if isinstance(t, str) else t for t in item["tags"]
                    ]
            path.write_text(json.dumps(feed, ensure_ascii=False, indent=2), encoding="utf-8")


def _once(match: re.Match[str]) -> str:
    tag, text = match.group(1), match.group(2)
    return f"<{tag}>{xml_escape(html.unescape(xml_unescape(text)))}</{tag}>"


def drop_withdrawn(site_dir: Path, urls: Iterable[str]) -> int:
    """Remove the items whose link is one of `urls` from every feed; how many were removed."""
    gone = {_key(url) for url in urls}
    if not gone:
        return 0
    dropped = 0
    for name in RSS_FEEDS:
        path = site_dir / name
        if path.is_file():
            dropped += _drop_rss(path, gone)
    for name in JSON_FEEDS:
        path = site_dir / name
        if path.is_file():
            feed = json.loads(path.read_text(encoding="utf-8"))
            items = feed.get("items") or []
            kept = [i for i in items if _key(str(i.get("url") or i.get("id") or "")) not in gone]
            if len(kept) != len(items):
                dropped += len(items) - len(kept)
                feed["items"] = kept
                path.write_text(json.dumps(feed, ensure_ascii=False, indent=2), encoding="utf-8")
    return dropped


def _drop_rss(path: Path, gone: set[str]) -> int:
    text = path.read_text(encoding="utf-8")
    for _, (prefix, uri) in ET.iterparse(path, events=("start-ns",)):  # keep atom: as atom:
        ET.register_namespace(prefix, uri)
    root = ET.fromstring(text)
    dropped = 0
    for channel in root.iter("channel"):
        for item in channel.findall("item"):
            if _key(item.findtext("link") or item.findtext("guid") or "") in gone:
                channel.remove(item)
                dropped += 1
    if dropped:
        # the declaration and the stylesheet instruction before the root, as Zensical wrote them
        prolog = text[: text.index("<" + root.tag)]
        path.write_text(prolog + ET.tostring(root, encoding="unicode"), encoding="utf-8")
    return dropped


def _key(url: str) -> str:
    return url.strip().rstrip("/")
