"""The home page's "Publikasi terbaru": the latest publications and legal documents, generated
at build time where content/index.md has the marker."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from pipeline.core.model import Publication
from pipeline.legal.regulations import Registry
from pipeline.messages import regulations as msg
from pipeline.site.regulation_pages import STATUS_LABELS, esc, long_date, page_uri, rel

HOME_PAGE = "index.md"
MARKER = "<!-- kpu:terbaru -->"
LATEST = 5


def latest_markdown(
    publications: Mapping[str, Publication], registry: Registry, count: int = LATEST
) -> str:
    """Two short lists, newest first: publications (not withdrawn) and documents."""
    oldest = dt.datetime.min.replace(tzinfo=dt.UTC)
    posts = sorted(
        ((uri, pub) for uri, pub in publications.items() if pub.front.withdrawn is None),
        key=lambda item: (item[1].front.date or oldest, item[1].front.title),
        reverse=True,
    )[:count]
    lines = [f"### {msg.HOME_PUBLICATIONS}", ""]
    if not posts:
        lines.append(msg.HOME_NO_PUBLICATIONS)
    for uri, pub in posts:
        when = long_date(pub.front.date.date()) if pub.front.date else ""
        lines.append(f"- [{esc(pub.front.title)}]({rel(HOME_PAGE, uri)}) · {esc(when)}")
    documents = sorted(
        registry, key=lambda r: (r.enacted_on or dt.date(r.year, 1, 1), r.key), reverse=True
    )[:count]
    lines += ["", f"### {msg.HOME_DOCUMENTS}", ""]
    for reg in documents:
        title = f" tentang {esc(reg.title)}" if reg.title else ""
        status = STATUS_LABELS[registry.status(reg.key)]
        lines.append(
            f"- [{esc(reg.canonical)}]({rel(HOME_PAGE, page_uri(reg.key))}){title} · {status}"
        )
    lines += ["", msg.HOME_ALL.format(index=rel(HOME_PAGE, "peraturan/index.md")), ""]
    return "\n".join(lines)
