"""Markdown generated at build time for posts: image, withdrawal notice and SOP record.

The regulation pages and the legal-basis section live in regulation_pages.py."""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Mapping
from typing import Any

from pipeline.core.safety import md_text, md_url
from pipeline.core.timeutil import aware, format_day, format_wib
from pipeline.messages import publish as publish_msg


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
    when = format_day(memo_date) if isinstance(memo_date, dt.date) else str(memo_date)
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
    reason = md_text(withdrawn.get("reason") or publish_msg.RETRACT_NO_REASON)
    return publish_msg.WITHDRAWN_NOTICE.format(date=md_text(shown), reason=reason) + "\n"


def _link(url: str) -> str:
    """An address shown as itself: a link when it is http(s), else plain text."""
    if url.startswith(("https://", "http://")):
        return f"[{md_text(url)}]({md_url(url)})"
    return md_text(url)
