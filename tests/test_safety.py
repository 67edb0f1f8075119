"""The allowlist keeps what the site's Markdown legitimately produces and nothing else (#10)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.core.safety import clean_html, findings, md_text, md_url
from pipeline.site.render import BodyRenderer
from tests.conftest import ROOT

PAGES = sorted((ROOT / "content").rglob("*.md"))
LEGIT = """\
# Judul

## Bagian { #bagian-khusus .kelas }

!!! note "Catatan"
    Isi **catatan** dengan [tautan](https://jdih.kpu.go.id/) dan `kode`.

??? warning "Rincian"
    Isi yang dilipat.

| Kiri | Tengah | Kanan |
|:-----|:------:|------:|
| a    | b      | c     |

![Logo KPU](../assets/images/favicon.svg){ width="120" }

Surel [kami](mailto:ppid@example.go.id), telepon [kami](tel:+62716), tanya PPID.

*[PPID]: Pejabat Pengelola Informasi dan Dokumentasi

PPID
:   Pejabat Pengelola Informasi dan Dokumentasi

```python
print("<b>halo</b>")
```

[Bagian](#bagian-khusus) · [Profil](../profil.md)
"""


@pytest.fixture(scope="module")
def render() -> BodyRenderer:
    return BodyRenderer(ROOT)


def _without_comments(html: str) -> str:
    return re.sub(r"<!--.*?-->", "", html, flags=re.DOTALL)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_page_of_the_site_passes_the_sanitiser_unchanged(
    render: BodyRenderer, page: Path
) -> None:
    body = page.read_text(encoding="utf-8").split("\n---", 1)[-1]
    html = render(body)
    assert findings(html) == []
    assert _normalised(clean_html(html)) == _normalised(_without_comments(html))


def test_markdown_features_survive_the_sanitiser(render: BodyRenderer) -> None:
    html = render(LEGIT)
    cleaned = clean_html(html)
    assert findings(html) == []
    for kept in (
        '<h2 class="kelas" id="bagian-khusus">',
        'class="headerlink" href="#bagian-khusus" title="Tautan ke bagian ini"',
        '<div class="admonition note">',
        '<p class="admonition-title">Catatan</p>',
        '<details class="warning">',
        "<summary>Rincian</summary>",
        '<th style="text-align:left">Kiri</th>',
        '<td style="text-align:right">c</td>',
        'alt="Logo KPU"',
        'width="120"',
        'href="mailto:ppid@example.go.id"',
        'href="tel:+62716"',
        '<abbr title="Pejabat',
        '<dt><abbr title="Pejabat',
        '<div class="highlight"><pre><span></span><code>',
        '<span class="nb">print</span>',
        "&lt;b&gt;halo&lt;/b&gt;",
        'href="../profil.md"',
    ):
        assert kept in cleaned, kept


def test_what_runs_is_removed_and_named() -> None:
    html = (
        '<p><a href="&#106;avascript:alert(1)" onclick="x()">a</a>'
        '<img src="x" onerror="alert(1)" style="position:fixed">'
        '<!--><img src=x onerror=alert(2)>--><base href="https://evil.example/"></p>'
    )
    cleaned = clean_html(html)
    assert "javascript" not in cleaned and "onerror" not in cleaned and "base" not in cleaned
    assert "style" not in cleaned and "onclick" not in cleaned
    assert [(f.kind, f.name, f.tag) for f in findings(html)] == [
        ("url", "javascript", "a"),
        ("attribute", "onclick", "a"),
        ("attribute", "onerror", "img"),
        ("attribute", "style", "img"),
        ("attribute", "onerror", "img"),
        ("tag", "base", "base"),
    ]


def test_values_in_generated_markdown_are_literal_text(render: BodyRenderer) -> None:
    value = "Hukum & HAM <img src=x onerror=alert(1)> [a](javascript:x) {onclick=y} *b* | `c`"
    html = render(f"- Nilai: {md_text(value)}")
    assert findings(html) == []
    assert "Hukum &amp; HAM &lt;img src=x onerror=alert(1)&gt; [a](javascript:x)" in html
    assert "{onclick=y} *b* | `c`" in html
    assert md_url("https://jdih.kpu.go.id/a(b)") == "<https://jdih.kpu.go.id/a(b)>"
    assert md_url("https://jdih.kpu.go.id/") == "https://jdih.kpu.go.id/"


def _normalised(html: str) -> str:
    """Serialisation differences only: entities, quoting, self-closing tags, spacing in styles."""
    html = html.replace(" />", ">").replace("/>", ">").replace("&para;", "¶")
    html = re.sub(r'style="text-align: (\w+);"', r'style="text-align:\1"', html)
    return re.sub(r"\s+", " ", html).strip()
