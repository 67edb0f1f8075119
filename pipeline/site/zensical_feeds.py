"""Zensical's feeds escape what they print, but kpu build stages the front matter already
HTML-escaped (Zensical's page templates print it as it is): after the build, the feeds' titles
and categories are unescaped once, so that a reader's feed shows "Hukum & HAM", as under MkDocs."""

from __future__ import annotations

import html
import json
import re
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
