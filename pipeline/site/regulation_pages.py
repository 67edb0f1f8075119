"""Markdown generated for the legal documents: one page per document (/peraturan/<key>/) in the
JDIH Lembar Kerja order, the index with its filters, and each publication's legal-basis section.

Every registry and front matter value is HTML-escaped before it goes into the Markdown.
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from babel.dates import format_date
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from pipeline.core.model import Publication
from pipeline.legal.citations import Citation, CitationError, parse_citation
from pipeline.legal.official_text import PDF_ROOT
from pipeline.legal.regulations import Registry, Regulation, final_replacement
from pipeline.messages import regulations as msg

REGULATIONS_PAGE = "peraturan/index.md"
DOCUMENTS_DIR = "dokumen/"  # content/dokumen/: the official texts, published only when named
STATUS_LABELS = {"berlaku": "Berlaku", "diubah": "Berlaku dengan perubahan", "dicabut": "Dicabut"}
FILTER_COLUMNS = (msg.COL_KIND, msg.COL_YEAR, msg.COL_STATUS)


@dataclass(frozen=True)
class PostRef:
    """A post as the regulation pages need it: where it is and what it cites."""

    src_uri: str
    title: str
    citations: tuple[str, ...]
    when: dt.datetime | None = None


def page_uri(key: str) -> str:
    return f"peraturan/{key}.md"


def citation_key(text: str) -> str | None:
    try:
        return parse_citation(text).key
    except CitationError:
        return None


def citing(posts: Iterable[PostRef]) -> dict[str, list[PostRef]]:
    """Posts by the keys they cite, each post once per key, sorted by title."""
    found: dict[str, list[PostRef]] = {}
    for post in posts:
        for key in dict.fromkeys(filter(None, map(citation_key, post.citations))):
            found.setdefault(key, []).append(post)
    return {key: sorted(group, key=lambda p: p.title) for key, group in found.items()}


def esc(text: object) -> str:
    """One line of escaped text, safe in a table cell."""
    return html.escape(" ".join(str(text).split())).replace("|", "&#124;")


def long_date(value: dt.date | None) -> str:
    return format_date(value, format="long", locale="id") if value else msg.NOT_RECORDED


def rel(src_uri: str, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(src_uri))


def pdf_target(reg: Regulation) -> str | None:
    """The PDF's path inside docs_dir (content/), as Markdown links it."""
    return reg.pdf.removeprefix(PDF_ROOT) if reg.pdf else None


# --- the index ----------------------------------------------------------------------------------
def index_page(registry: Registry, posts: Iterable[PostRef]) -> str:
    """Every document in one table; the filter script turns three columns into selects."""
    cited = citing(posts)
    lines = [
        "---",
        f"title: {msg.INDEX_TITLE}",
        f"description: {msg.INDEX_DESCRIPTION}",
        "hide: [toc]",
        "---",
        "",
        f"# {msg.INDEX_TITLE}",
        "",
        msg.INDEX_INTRO,
        "",
        f'<div class="kpu-filter" data-filter-columns="{",".join(FILTER_COLUMNS)}" markdown>',
        "",
        msg.INDEX_HEADER,
        "|---|---|---:|---|---|---:|",
    ]
    for reg in sorted(registry, key=lambda r: (-r.year, r.type, r.key)):
        link = f"[{esc(reg.canonical)}]({rel(REGULATIONS_PAGE, page_uri(reg.key))})"
        title = f"<br>{esc(reg.title)}" if reg.title else ""
        cells = [
            link + title,
            esc(reg.abbreviation),
            str(reg.year),
            STATUS_LABELS[registry.status(reg.key)],
            esc(long_date(reg.enacted_on)),
            str(len(cited.get(reg.key, []))),
        ]
        lines.append(f"| {' | '.join(cells)} |")
    lines += ["", "</div>", ""]
    return "\n".join(lines)


# --- one document -------------------------------------------------------------------------------
def regulation_page(reg: Regulation, registry: Registry, posts: Sequence[PostRef]) -> str:
    """The document's page: Lembar Kerja fields, status history, relations, publications, text."""
    here = page_uri(reg.key)
    status = registry.status(reg.key)
    lines = [
        "---",
        f"title: '{esc(reg.canonical)}'",
        f"description: '{esc(msg.PAGE_DESCRIPTION.format(canonical=reg.canonical))}'",
        "---",
        "",
        f"# {esc(reg.canonical)}",
        "",
    ]
    if reg.title:
        lines += [f"*{msg.ABOUT} {esc(reg.title)}*", ""]
    if status == "dicabut":
        lines += [_revoked_notice(reg, registry, here), ""]
    lines += ["## " + msg.SECTION_METADATA, "", msg.META_HEADER, "|---|---|"]
    lines += [f"| {label} | {value} |" for label, value in _fields(reg, registry, status, here)]
    lines += ["", "## " + msg.SECTION_HISTORY, ""]
    lines += [f"- {event}" for event in _history(reg, registry, here)]
    lines += ["", "## " + msg.SECTION_PUBLICATIONS, ""]
    if posts:
        lines += [f"- [{esc(post.title)}]({rel(here, post.src_uri)})" for post in posts]
    else:
        lines.append(msg.NO_PUBLICATIONS)
    lines += ["", "## " + msg.SECTION_TEXT, "", _official_text(reg, here), ""]
    return "\n".join(lines)


def _mark(reg: Regulation, field: str, value: str) -> str:
    return value + msg.UNCONFIRMED_MARK if field in reg.unconfirmed else value


def _fields(reg: Regulation, registry: Registry, status: str, here: str) -> list[tuple[str, str]]:
    """(label, Markdown) in the order of the JDIH Lembar Kerja."""
    status_text = STATUS_LABELS[status]
    if reg.status_note:
        status_text += f" ({esc(reg.status_note)})"
    rows = [
        (msg.F_DOCUMENT_TYPE, esc(reg.document_type)),
        (
            msg.F_TITLE,
            _mark(
                reg, "title", esc(reg.canonical + (f" tentang {reg.title}" if reg.title else ""))
            ),
        ),
        (msg.F_AUTHOR, esc(reg.teu)),
        (msg.F_NUMBER, esc(reg.number or "-")),
        (msg.F_KIND, esc(reg.kind_name)),
        (msg.F_ABBREVIATION, esc(reg.abbreviation)),
        (msg.F_YEAR, str(reg.year)),
        (msg.F_PLACE, _mark(reg, "enacted_place", esc(reg.enacted_place or msg.NOT_RECORDED))),
        (msg.F_ENACTED, _mark(reg, "enacted_on", esc(long_date(reg.enacted_on)))),
        (msg.F_PROMULGATED, _mark(reg, "promulgated_on", esc(_promulgated(reg)))),
        (msg.F_SOURCE, _mark(reg, "source", esc(reg.source or msg.NOT_RECORDED))),
        (msg.F_SUBJECTS, _mark(reg, "subjects", esc(", ".join(reg.subjects) or msg.NOT_RECORDED))),
        (msg.F_STATUS, _mark(reg, "status", status_text)),
        (msg.F_LANGUAGE, esc(reg.language)),
        (msg.F_FIELD, _mark(reg, "legal_field", esc(reg.legal_field or msg.NOT_RECORDED))),
        (msg.F_ABSTRACT, _mark(reg, "abstract", esc(reg.abstract or msg.NOT_RECORDED))),
    ]
    for label, keys in registry.relations(reg.key).both_ways():
        rows.append((label, "<br>".join(_link_to(registry, key, here) for key in keys)))
    return rows


def _promulgated(reg: Regulation) -> str:
    if reg.promulgated_on is None and reg.type.startswith("kpts-"):
        return msg.NOT_PROMULGATED  # a Keputusan takes effect without promulgation
    return long_date(reg.promulgated_on)


def _link_to(registry: Registry, key: str, here: str) -> str:
    other = registry.get(key)
    name = other.canonical if other else key
    title = f" tentang {esc(other.title)}" if other and other.title else ""
    return f"[{esc(name)}]({rel(here, page_uri(key))}){title}"


def _history(reg: Regulation, registry: Registry, here: str) -> list[str]:
    """What happened to the document, oldest first: enacted, promulgated, amended, revoked."""
    events: list[tuple[tuple[int, dt.date], str]] = []
    year_start = dt.date(reg.year, 1, 1)
    enacted = reg.enacted_on or year_start
    if reg.enacted_on:
        events.append(((0, enacted), msg.H_ENACTED.format(date=long_date(reg.enacted_on))))
    else:
        events.append(((0, enacted), msg.H_ENACTED_YEAR.format(year=reg.year)))
    if reg.promulgated_on:
        date = long_date(reg.promulgated_on)
        events.append(((0, reg.promulgated_on), msg.H_PROMULGATED.format(date=date)))
    relations = registry.relations(reg.key)
    for template, keys in (
        (msg.H_AMENDED, relations.amended_by),
        (msg.H_REVOKED, relations.revoked_by),
    ):
        for key in keys:
            other = registry.get(key)
            if other is None:
                continue
            when = other.enacted_on or other.promulgated_on
            shown = long_date(when) if when else str(other.year)
            order = (1, when or dt.date(other.year, 1, 1))
            events.append(
                (order, template.format(date=esc(shown), link=_link_to(registry, key, here)))
            )
    return [text for _, text in sorted(events, key=lambda e: e[0][1])]


def _revoked_notice(reg: Regulation, registry: Registry, here: str) -> str:
    replacement = final_replacement(reg, registry)
    return msg.REVOKED_NOTICE.format(link=_link_to(registry, replacement.key, here))


def _official_text(reg: Regulation, here: str) -> str:
    parts = []
    target = pdf_target(reg)
    if target is not None:
        link = rel(here, target)
        parts.append(msg.TEXT_PDF.format(link=link, sha=esc(reg.sha256 or "")))
    if reg.link:
        shown = reg.link  # validated: https, .go.id, nothing that could end the autolink
        if "link" in reg.unconfirmed:
            parts.append(msg.TEXT_LINK_UNCONFIRMED.format(url=shown))
        else:
            parts.append(msg.TEXT_LINK.format(url=shown))
    return "\n\n".join(parts)


# --- a publication's legal basis ---------------------------------------------------------------
def document_section(src_uri: str, reg: Regulation, registry: Registry) -> str:
    """On the page of a publication that issues a decision: the decision, its page and its PDF."""
    lines = ["", "## " + msg.DOCUMENT_ISSUED, ""]
    link = f"[{esc(reg.canonical)}]({rel(src_uri, page_uri(reg.key))})"
    title = f" tentang {esc(reg.title)}" if reg.title else ""
    facts = msg.DOCUMENT_FACTS.format(
        date=esc(long_date(reg.enacted_on)),
        place=esc(reg.enacted_place or msg.NOT_RECORDED),
        status=STATUS_LABELS[registry.status(reg.key)],
    )
    line = f"- {link}{title}<br>{facts}"
    target = pdf_target(reg)
    if target is not None:
        line += f" · [{msg.DOWNLOAD_PDF}]({rel(src_uri, target)})"
    lines.append(line)
    return "\n".join(lines) + "\n"


def legal_basis_section(src_uri: str, citations: Iterable[str], registry: Registry) -> str:
    """Markdown appended to a post: each citation with its key metadata, its page, its text."""
    lines = ["", "## " + msg.LEGAL_BASIS, ""]
    for text in citations:
        key = citation_key(text)
        reg = registry.get(key) if key else None
        if reg is None:
            lines.append(f"- {esc(text)}")
            continue
        title = f" tentang {reg.title}" if reg.title else ""
        official = reg.link or (rel(src_uri, pdf_target(reg) or "") if reg.pdf else "")
        facts = msg.CITATION_FACTS.format(
            kind=esc(reg.abbreviation),
            number=esc(reg.number or "-"),
            year=reg.year,
            status=STATUS_LABELS[registry.status(reg.key)],
        )
        line = (
            f"- [{esc(reg.canonical + title)}]({official}) "
            f"([{msg.STATUS_AND_PUBLICATIONS}]({rel(src_uri, page_uri(reg.key))}))"
            f"<br>{facts}"
        )
        target = pdf_target(reg)
        if target is not None:
            line += f" · [{msg.DOWNLOAD_PDF}]({rel(src_uri, target)})"
        lines.append(line)
    return "\n".join(lines) + "\n"


# --- registering the pages ------------------------------------------------------------------------
def post_refs(publications: Mapping[str, Publication]) -> list[PostRef]:
    """The site's posts that are not withdrawn, as the regulation pages cite them."""
    refs = []
    for uri, pub in publications.items():
        if pub.front.withdrawn is not None:
            continue
        cited = list(pub.front.legal_basis)
        if pub.front.document is not None:  # a publication explains the decision it issues
            doc = pub.front.document
            cited.append(Citation("kpts-kpukab", doc.number, doc.year).canonical)
        refs.append(PostRef(uri, pub.front.title, tuple(cited), pub.front.date))
    return refs


def withhold_unpublished_pdfs(files: Files, registry: Registry) -> list[str]:
    """Leave out of the site every PDF under content/dokumen/ that no published document names:
    the signed PDF of a decision whose draft is not yet promoted (waiting for approval or for its
    publish_at) must not be reachable by its URL before the decision itself is published."""
    published = {reg.pdf for reg in registry if reg.pdf}
    withheld = []
    for file in list(files):
        if file.src_uri.startswith(DOCUMENTS_DIR) and PDF_ROOT + file.src_uri not in published:
            files.remove(file)
            withheld.append(file.src_uri)
    return withheld


def add_pages(
    files: Files, config: MkDocsConfig, publications: Mapping[str, Publication], registry: Registry
) -> None:
    """The index and one page per document, from the registry and the site's posts."""
    posts = post_refs(publications)
    cited = citing(posts)
    files.append(File.generated(config, REGULATIONS_PAGE, content=index_page(registry, posts)))
    for reg in registry:
        content = regulation_page(reg, registry, cited.get(reg.key, []))
        files.append(File.generated(config, page_uri(reg.key), content=content))


def archive_section(registry: Registry, src_uri: str) -> str:
    """Appended to the Arsip Link Aktif: every official text this site itself publishes (the PDFs
    kept in the repository), with the SHA-256 a reader can check a copy against."""
    kept = [reg for reg in registry if reg.pdf]
    if not kept:
        return ""
    lines = ["", f"## {msg.ARCHIVE_DOCUMENTS} {{ #naskah-dokumen }}", "", msg.ARCHIVE_INTRO, ""]
    lines += [msg.ARCHIVE_HEADER, "|---|---|---|"]
    for reg in kept:
        page = f"[{esc(reg.canonical)}]({rel(src_uri, page_uri(reg.key))})"
        target = pdf_target(reg) or ""
        pdf = f"[{esc(posixpath.basename(target))}]({rel(src_uri, target)})"
        lines.append(f"| {page} | {pdf} | `{esc(reg.sha256 or '')}` |")
    return "\n".join(lines) + "\n"
