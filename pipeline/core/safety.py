"""Hostile text never becomes live HTML: the site's allowlist sanitiser (nh3) and the escaping of
values from front matter and data files.

One allowlist serves both sides: the `kpu` plugin cleans every rendered page with `clean_html`,
and `kpu check` lists with `findings` what that cleaning would remove, before the merge.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3
from markupsafe import Markup

# What Markdown, the enabled extensions (abbr, admonition, attr_list, def_list, md_in_html, tables,
# toc with permalinks, pymdownx.details and superfences) and the blog excerpts produce.
TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
        "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3",
        "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s",
        "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
        "tfoot", "th", "thead", "time", "tr", "ul", "var", "wbr",
    }
)  # fmt: skip
GENERIC_ATTRIBUTES = frozenset({"class", "id", "title", "lang", "dir"})
ATTRIBUTES = {
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "ol": {"start", "reversed", "type"},
    "td": {"colspan", "rowspan", "align", "style"},
    "th": {"colspan", "rowspan", "align", "scope", "style"},
    "col": {"span"},
    "colgroup": {"span"},
    "details": {"open"},
    "time": {"datetime"},
    "del": {"datetime"},
    "ins": {"datetime"},
    "q": {"cite"},
    "blockquote": {"cite"},
    # The regulation index names the table columns its filters read (kpu-filter.js builds the
    # controls itself; the attribute only carries column names, nothing that runs).
    "div": {"data-filter-columns"},
}
# Markdown tables align columns with style="text-align: ..."; nothing else survives in a style.
STYLE_PROPERTIES = frozenset({"text-align"})
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
URL_ATTRIBUTES = frozenset({"href", "src", "cite", "action", "formaction", "data", "poster"})
# Removed with everything inside them, not only the tags: their content is code or a form.
DROPPED_WITH_CONTENT = frozenset(
    {
        "script", "style", "template", "textarea", "noscript", "iframe", "object", "embed",
        "svg", "math", "select", "form", "title", "xmp", "noembed", "noframes", "frameset",
        "applet",
    }
)  # fmt: skip
# What the page itself relies on (Material's "__config", the search form, its components).
_RESERVED_ID = re.compile(r"^(?:__|md-|kpu-)", re.IGNORECASE)
_NAMED_ATTRIBUTES = frozenset({"id"})

# Tags and attributes that run code, load other pages or change what the whole page is: `kpu
# check` reports these as errors; anything else the sanitiser drops is a warning.
EXECUTABLE_TAGS = frozenset(
    {
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input",
        "button", "select", "textarea", "base", "meta", "link", "style", "svg", "math",
        "template", "portal", "audio", "video", "source", "track", "noscript",
    }
)  # fmt: skip
EXECUTABLE_ATTRIBUTES = frozenset({"style", "formaction", "action", "srcdoc", "srcset", "xmlns"})


def _keep_attribute(element: str, attribute: str, value: str) -> str | None:
    if attribute in _NAMED_ATTRIBUTES and _RESERVED_ID.match(value):
        return None
    return value


_CLEANER = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags=set(DROPPED_WITH_CONTENT),
    attributes={"*": set(GENERIC_ATTRIBUTES), **{k: set(v) for k, v in ATTRIBUTES.items()}},
    attribute_filter=_keep_attribute,
    strip_comments=True,
    link_rel=None,
    url_schemes=set(URL_SCHEMES),
    filter_style_properties=set(STYLE_PROPERTIES),
)


def clean_html(fragment: str) -> str:
    """The fragment with everything outside the allowlist removed (nh3, i.e. ammonia)."""
    return str(_CLEANER.clean(fragment))


# --- what cleaning removes, for kpu check ----------------------------------------------------------
@dataclass(frozen=True)
class Finding:
    """One construct the sanitiser removes. `needle` is what to look for in the source."""

    kind: str  # "tag", "attribute", "url"
    name: str  # the tag, the attribute, or the URL scheme
    tag: str
    executable: bool
    needle: str


# The inspection reads the fragment as a browser does: parsed by the same HTML5 parser as the
# sanitiser (html5ever inside nh3) with nearly everything kept, then listed from that unambiguous
# serialisation. Python's html.parser alone reads `<!--><img onerror=...>` differently.
_KNOWN_TAGS = TAGS | EXECUTABLE_TAGS | {
    "acronym", "address", "area", "article", "aside", "bdi", "bdo", "big", "blink", "body",
    "canvas", "center", "data", "datalist", "dialog", "fieldset", "font", "footer", "frame",
    "head", "header", "hgroup", "html", "image", "keygen", "label", "legend", "main", "map",
    "marquee", "menu", "meter", "nav", "optgroup", "option", "output", "param", "picture",
    "plaintext", "progress", "rp", "rt", "ruby", "search", "section", "slot", "strike", "tt",
    "u", "xmp", "animate", "animatemotion", "animatetransform", "set", "foreignobject", "g",
    "use", "text", "tspan", "a", "mtext", "mglyph", "mi", "mo", "mn", "ms",
    "annotation-xml", "maction", "isindex", "title",
}  # fmt: skip
_INSPECTOR_SCHEMES = URL_SCHEMES | {
    "javascript", "vbscript", "livescript", "data", "file", "ftp", "blob", "filesystem", "jar",
    "ms-its", "mhtml", "view-source", "intent", "android-app",
}  # fmt: skip
_NORMALISER = nh3.Cleaner(
    tags=set(_KNOWN_TAGS),
    clean_content_tags=set(),
    attributes={},
    generic_attribute_prefixes={""},
    strip_comments=True,
    link_rel=None,
    url_schemes=set(_INSPECTOR_SCHEMES),
)


def findings(fragment: str) -> list[Finding]:
    """Every tag, attribute and URL of `fragment` that `clean_html` would remove, in order."""
    parser = _Inspector()
    for match in _DOCUMENT_TAG.finditer(fragment):  # a fragment parser drops them; a page does not
        tag = match.group(1).lower()
        parser.found.append(Finding("tag", tag, tag, True, f"<{tag}"))
    parser.feed(str(_NORMALISER.clean(fragment)))
    parser.close()
    return parser.found


# In a page, <body onload=...> inside the content adds its attributes to the page's own <body>.
_DOCUMENT_TAG = re.compile(r"<(body|html|head)[\s/>]", re.IGNORECASE)


def url_scheme(value: str) -> str | None:
    """The scheme a browser would see (entities decoded, control characters and spaces removed),
    or None for a relative URL."""
    decoded = html.unescape(value)
    compact = "".join(ch for ch in decoded if ch > " " and ch != "\x7f").lower()
    match = re.match(r"([a-z][a-z0-9+.\-]*):", compact)
    if match is None:
        return None
    first = re.search(r"[:/?#]", compact)
    return match.group(1) if first is not None and compact[first.start()] == ":" else None


class _Inspector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Finding] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TAGS:
            self.found.append(Finding("tag", tag, tag, tag in EXECUTABLE_TAGS, f"<{tag}"))
        allowed = GENERIC_ATTRIBUTES | ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            text = value or ""
            if name in URL_ATTRIBUTES:
                scheme = url_scheme(text)
                if scheme is not None and scheme not in URL_SCHEMES:
                    self.found.append(Finding("url", scheme, tag, True, scheme))
                    continue
            if tag not in TAGS:
                if name.startswith("on") or name in EXECUTABLE_ATTRIBUTES:
                    self.found.append(Finding("attribute", name, tag, True, f"{name}="))
                continue
            if name not in allowed or (name == "style" and not _only_alignment(text)):
                executable = name.startswith("on") or name in EXECUTABLE_ATTRIBUTES
                self.found.append(Finding("attribute", name, tag, executable, f"{name}="))
            elif name in _NAMED_ATTRIBUTES and _RESERVED_ID.match(text):
                self.found.append(Finding("attribute", f'{name}="{text}"', tag, True, text))

    handle_startendtag = handle_starttag


def _only_alignment(style: str) -> bool:
    declarations = [d for d in style.split(";") if d.strip()]
    return all(d.split(":", 1)[0].strip().lower() in STYLE_PROPERTIES for d in declarations)


def locate(body: str, found: list[Finding]) -> list[int]:
    """The 0-based line of `body` each finding most likely comes from: the next place, in document
    order, where its tag, attribute name or URL scheme appears (entities decoded, spaces
    removed); 0 when it cannot be told."""
    lines = ["".join(html.unescape(line).lower().split()) for line in body.splitlines()]
    after: dict[str, tuple[int, int]] = {}
    result = []
    for finding in found:
        needle = "".join(finding.needle.lower().split())
        line, col = after.get(needle, (0, 0))
        while line < len(lines):
            at = lines[line].find(needle, col)
            if at >= 0:
                after[needle] = (line, at + 1)
                break
            line, col = line + 1, 0
        else:
            after[needle] = (0, 0)
            line = 0
        result.append(line)
    return result


# --- escaping values from front matter and data files ----------------------------------------------
# Python-Markdown's escapable characters that start syntax anywhere in a line (links, emphasis,
# code, attr_list, table cells, heading ids); list and heading markers only count at the start
# of a line, where generated Markdown never puts a value.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#!|])")
_PLAIN_URL = re.compile(r"[^\s()<>\\]+")


def escape(text: object) -> Markup:
    """HTML-escaped text that templates print as it is (Jinja's `e` leaves Markup alone)."""
    return Markup.escape(str(text))


def md_text(text: object) -> str:
    """A value as literal text inside generated Markdown: on one line, entities for HTML, and a
    backslash before every character Markdown or its extensions would read as syntax."""
    flat = " ".join(str(text).split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(flat, quote=True))


def md_url(url: str) -> str:
    """A link destination inside generated Markdown, as it is when that is unambiguous, else in
    <...> (which keeps spaces and parentheses). The sanitiser still judges its scheme."""
    if _PLAIN_URL.fullmatch(url):
        return url
    return "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"
