"""One channel's posts of a run, in a thread of its own, within a deadline.

For each post: skip what is done, reconcile a `pending` left by a run that died, look the post
up before a fresh send where the network allows, respect the channel's quota, then mark `pending`
durably (on origin) before the call and record the result right after.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass

from pipeline.check.validate import Context
from pipeline.core.errors import PipelineError
from pipeline.core.faults import kill_point
from pipeline.core.model import Publication
from pipeline.messages import publish as msg
from pipeline.publish.channels.base import Channel, ChannelError, OutcomeUnknown, Post, Result
from pipeline.publish.channels.outbox import Outbox
from pipeline.publish.delivery import Outcome, RetryPolicy, deliver
from pipeline.publish.posts import render_post
from pipeline.publish.quotas import Quota
from pipeline.records.durable import Writer
from pipeline.records.ledger import DONE

DEADLINE_ENV = "KPU_CHANNEL_DEADLINE"
DEFAULT_DEADLINE = 15 * 60.0
"""Seconds one channel may take for all its posts of a run (an Actions job allows hours)."""


@dataclass(frozen=True)
class Options:
    """Choices of one run beyond the defaults."""

    backfill: frozenset[str] = frozenset()
    """Channels that also get publications older than their start (or sent to the outbox)."""
    since: dt.date | None = None
    """With `backfill`: only publications dated on or after this day."""
    deadline: float = DEFAULT_DEADLINE

    @classmethod
    def from_env(cls, environ: Mapping[str, str], **given: object) -> Options:
        try:
            deadline = float(environ.get(DEADLINE_ENV, "") or DEFAULT_DEADLINE)
        except ValueError:
            deadline = DEFAULT_DEADLINE
        return cls(deadline=deadline, **given)  # type: ignore[arg-type]


def stand_in(channel: Channel) -> bool:
    return isinstance(channel, Outbox) and channel.standing_in is not None


class ChannelRun:
    """One channel's posts of this run, in a thread of their own, within the deadline."""

    def __init__(
        self,
        channel: Channel,
        items: list[tuple[Publication, str]],
        writer: Writer,
        policy: RetryPolicy,
        environ: Mapping[str, str],
        options: Options,
        ctx: Context,
    ) -> None:
        self.channel, self.items, self.writer = channel, items, writer
        self.policy, self.environ, self.options = policy, environ, options
        self.name = _name(channel)
        self.quota = Quota(self.name, writer.book, _monthly_cap(ctx, self.name))
        self.outcomes: list[Outcome] = []
        self.busy: str | None = None
        """The slug whose call is under way, if any."""
        self._stop = threading.Event()
        self._done = 0
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name=f"kpu-{self.name}", daemon=True)
        self._ends = 0.0

    def start(self) -> None:
        self._ends = time.monotonic() + self.options.deadline
        self._thread.start()

    def finish(self) -> None:
        self._thread.join(max(0.0, self._ends - time.monotonic()))
        if not self._thread.is_alive():
            return
        self._stop.set()  # past the deadline: what is not done yet waits for the next run
        with self._lock:
            busy, left = self.busy, self.items[self._done :]
            self._done = len(self.items)
        minutes = self.options.deadline / 60
        for publication, _ in left:
            slug = publication.slug
            if slug == busy:
                detail = msg.DEADLINE_IN_CALL.format(minutes=minutes)
                self.outcomes.append(Outcome(slug, self.name, "unresolved", detail=detail))
            else:
                detail = msg.DEADLINE.format(minutes=minutes)
                self.outcomes.append(Outcome(slug, self.name, "failed", detail=detail))

    def _run(self) -> None:
        for index, (publication, url) in enumerate(self.items):
            if self._stop.is_set():
                return
            outcome = self._one(publication, url)
            with self._lock:
                if self._done > index:
                    return  # the deadline has already reported this one
                self.outcomes.append(outcome)
                self._done = index + 1

    def _one(self, publication: Publication, url: str) -> Outcome:
        slug, name = publication.slug, self.name
        try:
            return self._post(publication, url)
        except (ChannelError, PipelineError) as exc:
            return self._failed(slug, str(exc))
        except Exception as exc:  # a bug or a library's surprise: this channel's post only
            detail = msg.CRASHED.format(
                error=type(exc).__name__, detail=self.channel.scrub(str(exc))
            )
            if self.busy == slug:  # the request may have gone out: a person or a look-up decides
                self.writer.change(lambda b: b.mark(slug, name, "pending", error=detail))
                return Outcome(
                    slug, name, "unresolved", detail=msg.UNRESOLVED.format(detail=detail)
                )
            return self._failed(slug, detail)
        finally:
            self.busy = None

    def _failed(self, slug: str, detail: str) -> Outcome:
        name = self.name
        if self.writer.entry(slug, name) is not None or self.busy == slug:
            self.writer.change(lambda b: b.mark(slug, name, "failed", error=detail))
        return Outcome(slug, name, "failed", detail=detail)

    def _post(self, publication: Publication, url: str) -> Outcome:
        channel, writer, name = self.channel, self.writer, self.name
        post = render_post(channel, publication, url)
        slug = post.slug
        if stand_in(channel):
            known = writer.entry(slug, name)
            if known is not None and known.status == "pending":  # it may be on the network
                detail = msg.PENDING_WITHOUT_CREDENTIALS.format(label=channel.label)
                return Outcome(slug, name, "unresolved", detail=detail)
            result = channel.publish(post)
            writer.change(
                lambda b: b.mark(slug, name, "outbox", remote_id=result.remote_id, url=result.url)
            )
            return Outcome(slug, name, "outbox", result.url, getattr(channel, "note", ""))
        entry = writer.entry(slug, name)
        if entry is not None and entry.status in DONE:
            return Outcome(slug, name, "skipped", entry.url)
        if entry is not None and entry.status == "pending":
            settled = _reconcile(channel, post, writer)
            if settled is not None:
                return settled
        elif channel.can_lookup:
            found = _lookup_first(channel, post)
            if found is not None:
                return _posted(writer, post, found, msg.FOUND_BEFORE_POSTING)
        wait = self.quota.wait_before()
        if wait is None or wait > self._ends - time.monotonic():
            return Outcome(slug, name, "deferred", detail=_quota_detail(name))
        if wait:
            time.sleep(wait)
        attempts = (entry.attempts if entry else 0) + 1
        writer.change(
            lambda b: b.mark(slug, name, "pending", attempts=attempts, key=post.key, error=None)
        )
        writer.durable()  # on origin before the network is called
        kill_point(f"before-call:{name}", self.environ)
        self.busy = slug
        try:
            result = deliver(channel, post, self.policy)
        except OutcomeUnknown as exc:
            self.busy = None
            unknown = str(exc)
            writer.change(lambda b: b.mark(slug, name, "pending", error=unknown))
            return Outcome(slug, name, "unresolved", detail=msg.UNRESOLVED.format(detail=unknown))
        except ChannelError as exc:
            self.busy = None
            failed = str(exc)
            writer.change(lambda b: b.mark(slug, name, "failed", error=failed))
            return Outcome(slug, name, "failed", detail=failed)
        self.quota.used()
        kill_point(f"after-call:{name}", self.environ)
        self.busy = None
        return _posted(writer, post, result)


def _name(channel: Channel) -> str:
    if isinstance(channel, Outbox) and channel.standing_in is not None:
        return channel.standing_in.name
    return channel.name


def _monthly_cap(ctx: Context, name: str) -> int | None:
    return ctx.config.channels.x_monthly_cap if name == "x" else None


def _quota_detail(name: str) -> str:
    return {
        "x": msg.X_CAP_REACHED,
        "instagram": msg.INSTAGRAM_DAY_FULL,
    }.get(name, msg.QUOTA_FULL)


def _posted(writer: Writer, post: Post, result: Result, note: str = "") -> Outcome:
    writer.change(
        lambda b: b.mark(
            post.slug,
            post.channel,
            "posted",
            remote_id=result.remote_id,
            url=result.url,
            error=None,
        )
    )
    return Outcome(post.slug, post.channel, "posted", result.url, note)


def _lookup_first(channel: Channel, post: Post) -> Result | None:
    """Before a fresh post: is it there already (a run whose record was lost)? A failed look-up
    raises ChannelError: the network is not answering, so posting now would fail too."""
    try:
        return channel.lookup(post)
    except ChannelError as exc:
        raise ChannelError(msg.LOOKUP_BEFORE_POST_FAILED.format(detail=exc)) from None


def _reconcile(channel: Channel, post: Post, writer: Writer) -> Outcome | None:
    """A previous run died after `pending`: find the post, or decide it is safe to send again.

    None means "send": the network says there is no such post, or the API makes a re-send
    harmless (idempotency key). Otherwise the entry stays pending for a person to resolve.
    """
    if not channel.can_lookup:
        if channel.idempotent:
            return None
        detail = msg.CANNOT_LOOK_UP.format(label=channel.label)
        return Outcome(post.slug, post.channel, "unresolved", detail=detail)
    try:
        found = channel.lookup(post)
    except ChannelError as exc:
        if channel.idempotent:
            return None
        detail = msg.LOOKUP_FAILED.format(detail=exc)
        return Outcome(post.slug, post.channel, "unresolved", detail=detail)
    if found is None:
        return None
    return _posted(writer, post, found, msg.RECONCILED)
