"""Markdown generated at build time: the regulation index and each post's legal-basis section."""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pipeline.citations import CitationError, parse_citation
from pipeline.messages import publish as publish_msg
from pipeline.regulations import Registry
from pipeline.safety import md_text, md_url
from pipeline.timeutil import aware, format_wib

REGULATIONS_PAGE = "peraturan/index.md"
STATUS_LABELS = {"berlaku": "Berlaku", "diubah": "Berlaku dengan perubahan", "dicabut": "Dicabut"}


@dataclass(frozen=True)
class PostRef:
    """A post as the regulation index needs it: where it is and what it cites."""

    src_uri: str
    title: str
    citations: tuple[str, ...]


def citation_key(text: str) -> str | None:
    try:
        return parse_citation(text).key
    except CitationError:
        return None


def regulations_page(registry: Registry, posts: Iterable[PostRef]) -> str:
    """One section per regulation, anchored by its key, listing the posts that cite it."""
    citing: dict[str, list[PostRef]] = {}
    for post in posts:
        for key in dict.fromkeys(filter(None, map(citation_key, post.citations))):
            citing.setdefault(key, []).append(post)
    here = posixpath.dirname(REGULATIONS_PAGE)
    lines = [
        "---",
        "title: Daftar Peraturan",
        "description: Peraturan yang menjadi dasar hukum publikasi, beserta publikasi yang mengutipnya.",
        "---",
        "",
        "# Daftar Peraturan",
        "",
        "Peraturan perundang-undangan yang dikutip dalam publikasi informasi hukum KPU, beserta "
        "statusnya dan tautan ke naskah resminya.",
        "",
    ]
    for reg in registry:
        lines += [f"## {md_text(reg.canonical)} {{ #{reg.key} }}", ""]
        if reg.title:
            lines += [f"*{md_text(reg.title)}*", ""]
        status = STATUS_LABELS.get(reg.status, reg.status)
        if reg.status == "dicabut" and reg.replaced_by:
            new = registry.get(reg.replaced_by)
            if new is not None:
                status += f", diganti oleh [{md_text(new.canonical)}](#{new.key})"
        lines += [f"- Status: {status}", f"- Naskah resmi: {_link(reg.link)}"]
        posts = sorted(citing.get(reg.key, []), key=lambda p: p.title)
        if posts:
            lines.append("- Dikutip oleh:")
            for post in posts:
                title = md_text(post.title)
                lines.append(f"    - [{title}]({posixpath.relpath(post.src_uri, here)})")
        else:
            lines.append("- Belum dikutip oleh publikasi mana pun.")
        lines.append("")
    return "\n".join(lines)


def legal_basis_section(src_uri: str, citations: Iterable[str], registry: Registry) -> str:
    """Markdown appended to a post: each citation linked to its official text and to the index."""
    index = posixpath.relpath(REGULATIONS_PAGE, posixpath.dirname(src_uri))
    lines = ["", "## Dasar hukum", ""]
    for text in citations:
        key = citation_key(text)
        reg = registry.get(key) if key else None
        if reg is None:
            lines.append(f"- {md_text(text)}")
            continue
        title = f" tentang {reg.title}" if reg.title else ""
        lines.append(
            f"- [{md_text(reg.canonical + title)}]({md_url(reg.link)}) "
            f"([status dan publikasi terkait]({index}#{reg.key}))"
        )
    return "\n".join(lines) + "\n"


def image_markdown(src_uri: str, image: str, alt: str) -> str:
    """The publication's image at the top of its page; `image` is relative to the docs dir."""
    path = posixpath.relpath(image, posixpath.dirname(src_uri))
    return f"![{md_text(alt)}]({md_url(path)})\n\n"


def request_section(meta: Mapping[str, Any], stages: Mapping[str, str]) -> str:
    """The SOP record of a publication: which memo asked for it, in which election stage."""
    request = meta.get("request")
    if not isinstance(request, dict):
        return ""
    memo_date = request.get("date")
    when = memo_date.strftime("%d-%m-%Y") if isinstance(memo_date, dt.date) else str(memo_date)
    lines = ["", "## Keterangan publikasi", ""]
    number, unit = md_text(request.get("number")), md_text(request.get("unit"))
    lines.append(f"- Nota Dinas: nomor {number}, tanggal {md_text(when)}")
    lines.append(f"- Diusulkan oleh: {unit}")
    stage = meta.get("election_stage")
    if isinstance(stage, str):
        lines.append(f"- Tahapan: {md_text(stages.get(stage, stage))}")
    return "\n".join(lines) + "\n"


def notice_markdown(withdrawn: object) -> str:
    """The admonition shown at the top of a withdrawn page (from its `withdrawn` front matter)."""
    if not isinstance(withdrawn, dict):
        return ""
    when = withdrawn.get("date")
    shown = format_wib(aware(when)) if isinstance(when, dt.date) else str(when or "-")
    reason = md_text(withdrawn.get("reason") or publish_msg.RETRACT_DEFAULT_REASON)
    return publish_msg.WITHDRAWN_NOTICE.format(date=md_text(shown), reason=reason) + "\n"


def _link(url: str) -> str:
    """An address shown as itself: a link when it is http(s), else plain text."""
    if url.startswith(("https://", "http://")):
        return f"[{md_text(url)}]({md_url(url)})"
    return md_text(url)
