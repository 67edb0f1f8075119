"""Carry out authorised withdrawals: each social post deleted once, the ledger says so.

State-based, like posting: the desired state is "no post of a withdrawn publication on any
network". Each run looks at the ledger (merged with origin's journal first) and deletes what is
still `posted`; every deletion is marked `deleted` right after the network answers, and the
journal carries it to origin before the run ends. A run that dies between the call and the
write deletes again next time: the network answers "not found" and that counts as done, so a
post is never left online and nothing fails. A `pending` post (a run died mid-post) is looked up
where the network can be asked; Telegram's is left to a person.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.check.validate import Context
from pipeline.core.faults import kill_point
from pipeline.messages import withdraw as msg
from pipeline.publish.channels.base import Channel, ChannelError, Retryable
from pipeline.publish.channels.outbox import OUTBOX_DIR
from pipeline.publish.channels.registry import REGISTRY
from pipeline.publish.delivery import RetryPolicy
from pipeline.publish.posts import publication_url, render_post
from pipeline.records.durable import Writer
from pipeline.records.journal import Journal
from pipeline.records.ledger import Book, Entry, Ledger
from pipeline.records.ledger_merge import merge
from pipeline.withdraw.authority import Authorised, who_text


@dataclass
class Deletions:
    lines: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    deleted: list[tuple[str, str]] = field(default_factory=list)
    """(slug, channel) deleted by this run."""


def carry_out(
    ctx: Context,
    ledger: Ledger,
    authorised: Sequence[Authorised],
    *,
    journal: Journal | None,
    environ: Mapping[str, str],
    policy: RetryPolicy | None = None,
) -> Deletions:
    """Record each withdrawal on its page (durably, before any call), then delete every post
    still online. Never raises for one network: what fails is in `failed`, for the next run."""
    done = Deletions()
    if not authorised:
        return done
    policy = policy or RetryPolicy.from_env(environ)
    with ledger.locked() as book:
        if journal is not None:
            theirs = journal.fetch()
            if theirs is not None:
                book = merge(book, theirs)
        writer = Writer(ledger, book, journal)

        def note(book: Book) -> None:
            for item in authorised:
                pub = item.publication
                page = book.page(
                    pub.slug, pub.front.title, pub.path.as_posix(), publication_url(ctx, pub)
                )
                if page.withdrawn is None:
                    page.withdrawn = dict(item.stamp)

        writer.change(note)
        writer.durable()
        for item in authorised:
            pub = item.publication
            stamp = writer.book.pages[pub.slug].withdrawn or item.stamp
            done.lines.append(msg.RECORDED.format(path=pub.path.as_posix(), who=who_text(stamp)))
            page = writer.book.pages[pub.slug]
            for name in sorted(page.channels):
                entry = writer.entry(pub.slug, name)
                if entry is not None:
                    _one(ctx, writer, item, name, entry, environ, policy, done)
        writer.durable()
        writer.close()
    return done


def _one(
    ctx: Context,
    writer: Writer,
    item: Authorised,
    name: str,
    entry: Entry,
    environ: Mapping[str, str],
    policy: RetryPolicy,
    done: Deletions,
) -> None:
    slug = item.publication.slug
    if entry.status == "deleted":
        done.lines.append(msg.ALREADY_GONE.format(slug=slug, channel=name))
        return
    if entry.status == "outbox" or name == "outbox":
        _clear_outbox(ctx, name, slug)
    cls = REGISTRY.get(name)
    by_hand = entry.status == "outbox" and cls is not None and name != "outbox"
    if by_hand and cls is not None and not (cls.configured(environ) and cls.can_lookup):
        # staff may have uploaded it from the outbox by hand: only they know where it is
        done.lines.append(msg.OUTBOX_BY_HAND.format(slug=slug, channel=name, label=cls.label))
        return
    if cls is None or name == "outbox" or (entry.status in ("failed", "outbox") and not by_hand):
        done.lines.append(msg.NEVER_POSTED.format(slug=slug, channel=name, status=entry.status))
        return
    if not cls.configured(environ):
        _fail(done, slug, name, msg.NO_CREDENTIALS.format(label=cls.label, url=entry.url or "-"))
        return
    channel = cls(ctx.root, ctx.config, environ)
    remote_id, url = entry.remote_id, entry.url
    try:
        if entry.status in ("pending", "outbox"):
            if not channel.can_lookup:
                detail = msg.PENDING_UNKNOWN.format(label=cls.label, slug=slug, channel=name)
                _fail(done, slug, name, detail)
                return
            post = render_post(channel, item.publication, publication_url(ctx, item.publication))
            found = channel.lookup(post)
            if found is None:  # it never reached the network: nothing to delete
                if entry.status == "pending":
                    writer.change(lambda b: b.mark(slug, name, "failed", error=None))
                done.lines.append(msg.NEVER_POSTED.format(slug=slug, channel=name, status="-"))
                return
            remote_id, url = found.remote_id, found.url
        if not remote_id:
            _fail(done, slug, name, msg.NO_CREDENTIALS.format(label=cls.label, url=url or "-"))
            return
        kill_point(f"before-delete:{name}", environ)
        _delete(channel, remote_id, policy)
    except ChannelError as exc:
        _fail(done, slug, name, str(exc))
        return
    kill_point(f"after-delete:{name}", environ)
    writer.change(lambda b: b.mark(slug, name, "deleted", remote_id=remote_id, url=url, error=None))
    done.deleted.append((slug, name))
    done.lines.append(msg.DELETED.format(slug=slug, channel=name, url=url or "-"))


def _delete(channel: Channel, remote_id: str, policy: RetryPolicy) -> None:
    """Delete with bounded retries; a post already gone counts as deleted (each channel's
    `delete` treats the network's "not found" as done)."""
    attempt = 0
    while True:
        attempt += 1
        try:
            channel.delete(remote_id)
            return
        except Retryable as exc:
            if attempt >= policy.attempts:
                raise
            time.sleep(policy.wait(exc, attempt))


def _fail(done: Deletions, slug: str, name: str, detail: str) -> None:
    line = msg.DELETE_FAILED.format(slug=slug, channel=name, detail=detail)
    done.lines.append(line)
    done.failed.append(line)


def _clear_outbox(ctx: Context, name: str, slug: str) -> None:
    """A post waiting in the outbox for staff to upload by hand must not be uploaded now."""
    folder = Path(ctx.root / OUTBOX_DIR / name / slug)
    if folder.is_dir() and not folder.is_symlink():
        shutil.rmtree(folder, ignore_errors=True)
