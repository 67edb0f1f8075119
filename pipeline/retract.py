"""Withdraw a publication: delete its social posts, keep its page with a notice, record it all.

The page is not deleted: readers who follow an old link see that and why it was withdrawn.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from pipeline.channels import REGISTRY
from pipeline.channels.base import ChannelError
from pipeline.errors import PipelineError
from pipeline.ledger import Ledger
from pipeline.messages import publish as msg
from pipeline.model import Publication
from pipeline.publish import POSTS_DIR
from pipeline.timeutil import now
from pipeline.validate import Context, validate

_CLOSING = re.compile(r"^-{3,}\s*$", re.MULTILINE)


@dataclass
class Retraction:
    publication: Publication
    deleted: list[tuple[str, str]] = field(default_factory=list)
    """(channel, url) of each post deleted now."""
    failed: list[tuple[str, str]] = field(default_factory=list)
    """(channel, message) of each post still online."""


def find(ctx: Context, slug: str) -> Publication:
    for publication in validate(ctx, [ctx.root / POSTS_DIR]).publications:
        if publication.slug == slug:
            return publication
    raise PipelineError(msg.RETRACT_NOT_FOUND.format(slug=slug))


def retract(
    ctx: Context,
    slug: str,
    reason: str,
    *,
    ledger: Ledger,
    environ: Mapping[str, str] | None = None,
) -> Retraction:
    """Delete every post the ledger holds as `posted`, then mark the page withdrawn.

    A post that cannot be deleted (no credentials, network error) stays `posted` and is reported,
    so running `kpu retract` again finishes the job.
    """
    environ = os.environ if environ is None else environ
    publication = find(ctx, slug)
    done = Retraction(publication)
    with ledger.locked() as book:
        page = book.pages.get(slug)
        for name, entry in sorted(page.channels.items()) if page else []:
            if entry.status != "posted" or not entry.remote_id:
                continue
            cls = REGISTRY[name]
            if not cls.configured(environ):
                done.failed.append(
                    (name, msg.RETRACT_NO_CREDENTIALS.format(label=cls.label, url=entry.url))
                )
                continue
            try:
                cls(ctx.root, ctx.config, environ).delete(entry.remote_id)
            except ChannelError as exc:
                done.failed.append((name, str(exc)))
                continue
            book.mark(slug, name, "deleted", error=None)
            ledger.save(book)
            done.deleted.append((name, entry.url or ""))
        stamp = mark_withdrawn(ctx, publication, reason)
        if page is not None:
            page.withdrawn = stamp
            ledger.save(book)
    return done


def mark_withdrawn(ctx: Context, publication: Publication, reason: str) -> dict[str, str]:
    """Add `withdrawn: {date, reason}` to the front matter (kept if already there)."""
    if publication.front.withdrawn is not None:
        w = publication.front.withdrawn
        return {"date": w.date.isoformat(timespec="seconds"), "reason": w.reason}
    stamp = {"date": now(ctx.config.tz).isoformat(timespec="seconds"), "reason": reason}
    path = ctx.root / publication.path
    text = path.read_text(encoding="utf-8")
    closing = list(_CLOSING.finditer(text))[
        1
    ]  # the validated file has an opening and a closing line
    block = (
        "withdrawn:\n"
        f"  date: {stamp['date']}\n"
        f"  reason: {json.dumps(reason, ensure_ascii=False)}\n"  # JSON strings are valid YAML
    )
    updated = text[: closing.start()] + block + text[closing.start() :]
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_text(updated, encoding="utf-8")
    os.replace(temp, path)
    return stamp
