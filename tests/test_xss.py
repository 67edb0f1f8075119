"""Hostile input never becomes live HTML (issue #10): a corpus of payloads (tests/xss/), one post
each, built into one site with the real `kpu build` and opened page by page in real Chromium
with hooks that record any script execution, any navigation away and any request that leaves
the site. The same posts go through `kpu check`, which must report every body payload."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import shutil
import threading
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from pipeline.core.safety import url_scheme
from tests.conftest import ROOT, run_kpu
from tests.test_browser import ARGS, CHROMIUM, _ledger

ENGINES = ("mkdocs", "zensical")

CORPUS = yaml.safe_load((Path(__file__).parent / "xss" / "payloads.yml").read_text("utf-8"))
BODY: dict[str, str] = CORPUS["body"]
INERT: dict[str, str] = CORPUS["inert"]
FIELDS: dict[str, str] = CORPUS["fields"]
POSTS = "content/posts/2026"
START = dt.datetime(2026, 9, 1, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))

# Runs before any page script: a payload that executes calls one of these, or sets the flag.
HOOK = """
window.__kpu_runs = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  window[name] = (...args) => { window.__kpu_runs.push(name + "(" + args.join(",") + ")"); };
}
document.addEventListener("securitypolicyviolation", (e) => {
  window.__kpu_runs.push("csp:" + e.violatedDirective + " " + e.blockedURI);
});
"""


def _front(name: str, number: int) -> dict[str, Any]:
    return {
        "title": f"Uji keamanan {name}",
        "description": f"Publikasi uji {name}.",
        "date": START + dt.timedelta(hours=number),
        "categories": ["Informasi Hukum"],
        "tags": ["uji"],
        "authors": ["tim-desain"],
        "request": {
            "number": f"{number:03d}/ND/HK.03/Kab/X/2026",
            "date": dt.date(2026, 8, 1),
            "unit": "Subbagian Hukum dan SDM",
        },
        "election_stage": "informasi-umum",
        "legal_basis": ["Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik"],
        "status": "ready",
    }


def _set(front: dict[str, Any], field: str, payload: str) -> None:
    key = field.split("-")[0]
    if key == "tags":
        front["tags"] = ["uji", payload]
    elif key == "legal_basis":
        front["legal_basis"].append(payload)
    elif key == "image_alt":
        front["image"] = "content/assets/images/uu-14-2008-keterbukaan-informasi-publik.png"
        front["image_alt"] = payload
    elif key == "withdrawn.reason":
        front["withdrawn"] = {"date": START + dt.timedelta(days=30), "reason": payload}
    elif "." in key:
        group, name = key.split(".")
        front.setdefault(group, {})[name] = payload
    else:
        front[key] = payload


def _write(root: Path, name: str, front: dict[str, Any], body: str) -> None:
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n\n" + body
    (root / POSTS / f"uji-{name}.md").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's site plus one post per payload."""
    root = tmp_path_factory.mktemp("xss") / "repo"
    root.mkdir()
    for name in ("kpu.yml", "mkdocs.yml"):
        shutil.copy(ROOT / name, root / name)
    for name in ("data", "content"):
        shutil.copytree(ROOT / name, root / name)
    _ledger(root)
    authors = root / "content" / "publikasi" / ".authors.yml"
    text = authors.read_text(encoding="utf-8")
    text = text.replace("name: Tim Desain Konten", "name: Tim <img src=x onerror=alert('author')>")
    text = text.replace(
        "description: Merancang", "description: <svg onload=alert('bio')></svg> Merancang"
    )
    authors.write_text(text, encoding="utf-8")
    profile = (
        root / "content" / "profil.md"
    )  # a page in the nav: its status and subtitle show there
    hostile_meta = (
        "status: '\"><img src=x onerror=alert(\"status\")>'\nsubtitle: '<svg onload=alert(1)>'\n"
    )
    profile.write_text(
        profile.read_text("utf-8").replace("---\n", "---\n" + hostile_meta, 1), "utf-8"
    )
    number = 0
    for name, payload in {**BODY, **INERT}.items():
        number += 1
        body = f"Pembuka uji {name}.\n\n{payload}\n\n<!-- more -->\n\nIsi uji.\n\n{payload}\n"
        _write(root, name, _front(name, number), body)
    for field, payload in FIELDS.items():
        number += 1
        front = _front(field, number)
        _set(front, field, payload)
        _write(root, field.replace(".", "-"), front, "Pembuka.\n\n<!-- more -->\n\nIsi.\n")
    return root


@pytest.fixture(scope="module", params=ENGINES)
def built(hostile: Path, request: pytest.FixtureRequest) -> Path:
    """The hostile site built by each engine: Zensical runs no MkDocs plugin, so its sanitising is
    the Markdown extension the staged configuration adds (pipeline/site/markdown_safety.py)."""
    site = f"site-{request.param}"
    result = run_kpu("build", "--engine", request.param, "--site-dir", site, cwd=hostile)
    assert result.code == 0, result.err
    return hostile / site


@pytest.fixture(scope="module")
def served(built: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(built))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


def test_corpus_covers_the_issue() -> None:
    assert len(BODY) + len(INERT) + len(FIELDS) >= 60
    for field in ("title", "description", "tags", "request.number", "request.unit",
                  "withdrawn.reason", "legal_basis", "dip.summary", "dip.holder",
                  "dip.responsible", "dip.place", "dip.retention"):  # fmt: skip
        assert field in FIELDS


def test_kpu_check_reports_every_body_payload_with_its_line(hostile: Path) -> None:
    result = run_kpu("check", POSTS, cwd=hostile)
    assert "Traceback" not in result.err
    errors = [row for row in result.out.splitlines() if ": kesalahan: " in row]
    for name in BODY:
        path = f"{POSTS}/uji-{name}.md"
        mine = [row for row in errors if row.startswith(path + ":")]
        assert mine, f"kpu check says nothing about {name}:\n{result.out}"
        line = int(mine[0].split(":")[1])
        text = (hostile / path).read_text(encoding="utf-8").splitlines()
        assert text[line - 1].strip(), (name, line)  # the line of the payload, not a blank one
        assert "dibuang dari situs" in mine[0]
    names = [*INERT, *(field.replace(".", "-") for field in FIELDS)]
    for name in names:  # shown as text, nothing removed: nothing to report
        path = f"{POSTS}/uji-{name}.md"
        mine = [r for r in result.out.splitlines() if r.startswith(path + ":")]
        assert not [r for r in mine if "dibuang" in r], name  # (a citation may be unregistered)


class _Active(HTMLParser):
    """Anything in a built page that could run or redirect, besides the theme's own markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}>")
            is_url = name in {"href", "src", "action", "formaction", "data", "srcdoc"}
            if is_url and url_scheme(value) not in {None, "http", "https", "mailto", "tel"}:
                self.found.append(f"<{tag} {name}={value[:40]}>")
        inline_icon = tag == "svg" and "xmlns" in values  # the theme's icons
        if tag in {"base", "iframe", "object", "embed", "svg", "math", "style"} and not inline_icon:
            self.found.append(f"<{tag}>")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.found.append("<meta refresh>")
        theme_form = values.get("class") == "md-search__form" or "data-md-component" in values
        if tag == "form" and not theme_form:
            self.found.append("<form>")
        if tag == "script" and values.get("type") != "application/json":
            src = values.get("src", "")
            if not src or "://" in src or "/evil" in src:  # inline, or not one of the site's files
                self.found.append(f"<script {src}>")


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _active_markup(site: Path) -> dict[str, list[str]]:
    found = {}
    for page in _pages(site):
        parser = _Active()
        parser.feed(page.read_text(encoding="utf-8"))
        if parser.found:
            found[page.relative_to(site).as_posix()] = parser.found
    return found


def test_built_pages_hold_no_active_markup(built: Path) -> None:
    assert _active_markup(built) == {}


def test_offline_bundle_pages_hold_no_active_markup(hostile: Path, tmp_path: Path) -> None:
    """The print pages of Dokumentasi Offline are generated from the same front matter."""
    result = run_kpu("bundle", "--out", str(tmp_path / "dist"), cwd=hostile)
    assert result.code == 0, result.err
    (archive,) = (tmp_path / "dist").glob("*.zip")
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(tmp_path / "unzipped")
    (site,) = (tmp_path / "unzipped").iterdir()
    assert len(list((site / "cetak").rglob("*.html"))) > len(BODY)
    assert _active_markup(site) == {}


SHOWN_ON_POST = ("title", "title-close", "title-quote", "tags", "tags-ampersand",
                 "request.number", "request.unit", "withdrawn.reason", "legal_basis")  # fmt: skip
SHOWN_ON_DIP = ("dip.summary", "dip.holder", "dip.responsible", "dip.place", "dip.retention")


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Chromium at /usr/bin/chromium")
def test_front_matter_payloads_are_shown_as_text(served: str) -> None:
    """Escaped, not dropped: the reader sees exactly what the draft said."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        tab = browser.new_page()
        for field in SHOWN_ON_POST:
            tab.goto(f"{served}publikasi/2026/uji-{field.replace('.', '-')}/")
            assert FIELDS[field] in tab.locator("article").inner_text(), field
        tab.goto(f"{served}publikasi/2026/uji-title/")
        author = tab.locator(".md-post__authors, .md-profile").first.text_content() or ""
        assert "Tim <img src=x onerror=alert('author')>" in author
        assert FIELDS["title"] in tab.locator(".md-header__topic").last.inner_text()
        assert tab.title().startswith(FIELDS["title"])
        tab.goto(f"{served}publikasi/2026/uji-image_alt/")
        assert tab.locator("article img").first.get_attribute("alt") == FIELDS["image_alt"]
        tab.goto(f"{served}ppid/daftar-informasi-publik/")
        table = " ".join(tab.locator("table").first.inner_text().split())
        for field in SHOWN_ON_DIP:
            assert " ".join(FIELDS[field].split()) in table, field
        browser.close()


def test_both_feeds_are_valid_xml_for_any_tag_or_title(built: Path) -> None:
    for name in ("feed_rss_created.xml", "feed_rss_updated.xml"):
        root = ET.parse(built / name).getroot()  # raises on invalid XML
        titles = [item.findtext("title") for item in root.iter("item")]
        categories = {c.text for c in root.iter("category")}
        assert FIELDS["title"] in titles, name
        assert "Hukum & HAM" in categories, name


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Chromium at /usr/bin/chromium")
def test_no_payload_runs_or_navigates_in_chromium(built: Path, served: str) -> None:
    from playwright.sync_api import sync_playwright

    runs: list[str] = []
    away: list[str] = []
    outside: list[str] = []
    pages = _pages(built)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(locale="id-ID")
        context.add_init_script(HOOK)

        def route(r: Any) -> None:
            if r.request.url.startswith(served) or r.request.url.startswith("data:"):
                r.continue_()
            else:
                outside.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        tab = context.new_page()
        tab.set_default_timeout(15_000)
        tab.on("dialog", lambda d: (runs.append("dialog:" + d.message), d.dismiss()))
        # The hook sees what runs: a page outside the site's policy, with a live payload.
        (built / "kontrol.html").write_text('<img src="x" onerror="alert(1)">', encoding="utf-8")
        tab.goto(served + "kontrol.html")
        tab.wait_for_function("window.__kpu_runs.length > 0")
        assert tab.evaluate("window.__kpu_runs") == ["alert(1)"]
        for page in pages:
            url = served + page.relative_to(built).as_posix()
            tab.goto(url, wait_until="load")
            tab.wait_for_timeout(30)
            runs.extend(f"{url}: {r}" for r in tab.evaluate("window.__kpu_runs"))
            if tab.url.split("#")[0] != url:
                away.append(f"{url} -> {tab.url}")
        # The search box renders titles and tags of the index as HTML (Material's search box;
        # Zensical's is its own component: README, "Engines", differences).
        if built.name == "site-mkdocs":
            tab.goto(served)
            tab.click("input.md-search__input")
            tab.keyboard.type("uji")
            tab.wait_for_selector(".md-search-result__item")
            tab.wait_for_timeout(300)
            runs.extend(f"search: {r}" for r in tab.evaluate("window.__kpu_runs"))
        browser.close()
    print(f"\ncorpus: {len(BODY) + len(INERT) + len(FIELDS)} payloads; {len(pages)} pages opened; "
          f"{len(runs)} executions")  # fmt: skip
    assert runs == []
    assert away == []
    assert outside == []
