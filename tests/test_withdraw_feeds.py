"""A withdrawn publication keeps its page (with the notice) but leaves the RSS and JSON feeds."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import run_kpu
from tests.servers.world import PAGE_URL, POST, SLUG

FEEDS = ("feed_rss_created.xml", "feed_rss_updated.xml")
JSON_FEEDS = ("feed_json_created.json", "feed_json_updated.json")


def _withdraw(repo: Path) -> None:
    path = repo / POST
    text = path.read_text(encoding="utf-8")
    closing = text.index("\n---\n", 4)
    block = '\nwithdrawn:\n  date: 2026-10-20T10:30:00+07:00\n  reason: "Terdapat kekeliruan."'
    path.write_text(text[:closing] + block + text[closing:], encoding="utf-8")


def _links(site: Path) -> dict[str, list[str]]:
    found = {}
    for name in FEEDS:
        root = ET.fromstring((site / name).read_text(encoding="utf-8"))
        found[name] = [item.findtext("link") or "" for item in root.iter("item")]
    for name in JSON_FEEDS:
        if (site / name).exists():
            data = json.loads((site / name).read_text(encoding="utf-8"))
            found[name] = [str(item.get("url")) for item in data.get("items", [])]
    return found


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_a_withdrawn_publication_leaves_the_feeds_and_keeps_its_page(
    repo: Path, tmp_path: Path, engine: str
) -> None:
    before = tmp_path / "before"
    assert run_kpu("build", "--engine", engine, "--site-dir", str(before), cwd=repo).code == 0
    listed = _links(before)
    assert set(listed) == {*FEEDS, *JSON_FEEDS}, listed  # both engines write all four
    assert all(PAGE_URL in links for links in listed.values()), listed
    _withdraw(repo)
    after = tmp_path / "after"
    built = run_kpu("build", "--engine", engine, "--site-dir", str(after), cwd=repo)
    assert built.code == 0, built.out + built.err
    for name, links in _links(after).items():
        assert PAGE_URL not in links, name
        assert len(links) == len(listed[name]) - 1, name  # the others stay
    page = (after / "publikasi" / "2026" / SLUG / "index.html").read_text(encoding="utf-8")
    assert "Publikasi ini telah ditarik" in page
    rss = (after / FEEDS[0]).read_text(encoding="utf-8")
    assert "<?xml-stylesheet" in rss or engine == "mkdocs"  # Zensical's prolog is kept
    assert "ns0:" not in rss and "<atom:link" in rss  # the namespace keeps its prefix
