"""SOP step 8, social half: post every promoted publication once to each of its channels.

Every post goes through the ledger: `pending` is written before the network is called and
`posted` right after, under a lock held for the call. A `pending` entry found later means a run
died mid-call; it is reconciled (looked up, or re-sent where the API makes that safe) or handed to a
person, never sent again blindly.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pipeline.channels import REGISTRY
from pipeline.channels.base import (
    Channel,
    ChannelError,
    OutcomeUnknown,
    Post,
    RateLimited,
    Result,
    Retryable,
)
from pipeline.channels.outbox import Outbox
from pipeline.errors import ValidationFailed
from pipeline.ledger import Book, Entry, Ledger
from pipeline.messages import publish as msg
from pipeline.model import Publication
from pipeline.posts import channels_of, publication_url
from pipeline.problems import has_errors
from pipeline.timeutil import now
from pipeline.validate import Context, validate

POSTS_DIR = "content/posts"
CRASH_HOOK = "KPU_TEST_CRASH_AFTER_POST"
"""Test-only: the name of a channel after whose successful call the process dies at once."""

Status = Literal["posted", "skipped", "failed", "unresolved", "outbox", "waiting"]


@dataclass(frozen=True)
class Outcome:
    slug: str
    channel: str
    status: Status
    url: str | None = None
    detail: str = ""


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def problems(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status in ("failed", "unresolved")]


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try one call: a few attempts, doubling waits, rate limits honoured if short."""

    attempts: int = 4
    backoff: float = 2.0
    max_wait: float = 300.0

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> RetryPolicy:
        def number(name: str, default: float) -> float:
            try:
                return float(environ.get(name, "") or default)
            except ValueError:
                return default

        return cls(
            attempts=int(number("KPU_RETRY_ATTEMPTS", cls.attempts)),
            backoff=number("KPU_RETRY_BACKOFF", cls.backoff),
            max_wait=number("KPU_RATE_LIMIT_MAX_WAIT", cls.max_wait),
        )

    def wait(self, error: Retryable, attempt: int) -> float:
        """Seconds before the next attempt; a rate limit longer than `max_wait` ends the tries."""
        if isinstance(error, RateLimited) and error.retry_after is not None:
            if error.retry_after > self.max_wait:
                raise ChannelError(
                    msg.RATE_LIMIT_TOO_LONG.format(detail=error, minutes=error.retry_after / 60)
                )
            return error.retry_after + 0.5
        return self.backoff * 2 ** (attempt - 1)


def promoted(ctx: Context) -> list[Publication]:
    """Every publication under content/posts/, validated; any error stops before a single post."""
    result = validate(ctx, [ctx.root / POSTS_DIR])
    if has_errors(result.problems):
        raise ValidationFailed([p for p in result.problems if p.level.value == "error"])
    return result.publications


def configured_channels(
    ctx: Context, names: Sequence[str], environ: Mapping[str, str], outbox_dir: Path | None = None
) -> dict[str, Channel]:
    """A channel for each name: the network when its credentials are set, else the outbox."""
    channels: dict[str, Channel] = {}
    for name in names:
        cls = REGISTRY[name]
        if name == "outbox":
            channels[name] = Outbox(ctx.root, ctx.config, environ, directory=outbox_dir)
        elif cls.configured(environ):
            channels[name] = cls(ctx.root, ctx.config, environ)
        else:
            channels[name] = Outbox(
                ctx.root,
                ctx.config,
                environ,
                directory=outbox_dir,
                standing_in=cls,
                note=msg.SENT_TO_OUTBOX,
            )
    return channels


def dry_run_channels(ctx: Context, names: Sequence[str], directory: Path) -> dict[str, Channel]:
    """Every channel replaced by an outbox in `directory`: everything renders, nothing is sent."""
    return {
        name: Outbox(ctx.root, ctx.config, {}, directory=directory, standing_in=REGISTRY[name])
        for name in names
    }


def stand_in(channel: Channel) -> bool:
    return isinstance(channel, Outbox) and channel.standing_in is not None


def publish(
    ctx: Context,
    publications: Sequence[Publication],
    channels: Mapping[str, Channel] | None = None,
    *,
    ledger: Ledger | None,
    environ: Mapping[str, str] | None = None,
    policy: RetryPolicy | None = None,
) -> Report:
    """Post each publication to its channels; `ledger=None` records nothing (dry run).

    `channels` defaults to the configured ones (`configured_channels`). One failing channel
    never stops the others: every outcome is in the report.
    """
    environ = os.environ if environ is None else environ
    policy = policy or RetryPolicy.from_env(environ)
    enabled = ctx.config.channels.enabled
    if channels is None:
        names = sorted({n for p in publications for n in channels_of(p, enabled)})
        channels = configured_channels(ctx, names, environ)
    report = Report()
    due: list[tuple[Publication, str]] = []
    for publication in publications:
        if publication.front.withdrawn is not None:
            continue
        if publication.front.publish_at is not None and publication.front.publish_at > now():
            report.outcomes.append(Outcome(publication.slug, "-", "waiting", detail=msg.NOT_YET))
            continue
        due.append((publication, publication_url(ctx, publication)))
    # A snapshot to skip what is done without rendering it; the locked re-read decides.
    snapshot = _record_pages(ledger, due) if ledger is not None else None
    for publication, url in due:
        for name in channels_of(publication, enabled):
            done = _already_done(channels[name], name, publication.slug, snapshot)
            report.outcomes.append(
                done or _post_one(channels[name], publication, url, ledger, policy, environ)
            )
    return report


def _already_done(channel: Channel, name: str, slug: str, snapshot: Book | None) -> Outcome | None:
    """Posted (or deleted) on the network per the ledger, or already written to this outbox."""
    entry = snapshot.entry(slug, name) if snapshot is not None else None
    if entry is not None and entry.status in ("posted", "deleted"):
        return Outcome(slug, name, "skipped", entry.url)
    if isinstance(channel, Outbox) and (channel.directory / name / slug / "post.json").exists():
        return Outcome(slug, name, "skipped", detail=msg.ALREADY_IN_OUTBOX)
    return None


def _post_one(
    channel: Channel,
    publication: Publication,
    url: str,
    ledger: Ledger | None,
    policy: RetryPolicy,
    environ: Mapping[str, str],
) -> Outcome:
    post = channel.render(publication, url)
    slug, name = post.slug, post.channel
    if ledger is None or stand_in(channel):
        try:
            result = channel.publish(post)
        except ChannelError as exc:
            return Outcome(slug, name, "failed", detail=str(exc))
        return Outcome(slug, name, "outbox", result.url, getattr(channel, "note", ""))
    with ledger.locked() as book:
        entry = book.entry(slug, name)
        if entry is not None and entry.status in ("posted", "deleted"):
            return Outcome(slug, name, "skipped", entry.url)
        if entry is not None and entry.status == "pending":
            settled = _reconcile(channel, post, entry, book, ledger)
            if settled is not None:
                return settled
        attempts = (entry.attempts if entry else 0) + 1
        book.mark(slug, name, "pending", attempts=attempts, key=post.key, error=None)
        ledger.save(book)
        return _send(channel, post, book, ledger, policy, environ)


def _record_pages(ledger: Ledger, due: Sequence[tuple[Publication, str]]) -> Book:
    """Each page is a link of the archive, whatever happens to its posts; one write for all.
    Returns the ledger as written, the snapshot the run starts from."""
    with ledger.locked() as book:
        before = book.to_json()
        for publication, url in due:
            book.page(publication.slug, publication.front.title, publication.path.as_posix(), url)
        if book.to_json() != before:
            ledger.save(book)
        return book


def _send(
    channel: Channel,
    post: Post,
    book: Book,
    ledger: Ledger,
    policy: RetryPolicy,
    environ: Mapping[str, str],
) -> Outcome:
    try:
        result = deliver(channel, post, policy)
    except OutcomeUnknown as exc:
        book.mark(post.slug, post.channel, "pending", error=str(exc))
        ledger.save(book)
        return Outcome(
            post.slug, post.channel, "unresolved", detail=msg.UNRESOLVED.format(detail=exc)
        )
    except ChannelError as exc:
        book.mark(post.slug, post.channel, "failed", error=str(exc))
        ledger.save(book)
        return Outcome(post.slug, post.channel, "failed", detail=str(exc))
    if environ.get(CRASH_HOOK) == post.channel:
        os._exit(99)  # simulates a crash between the network's answer and the ledger write
    book.mark(
        post.slug, post.channel, "posted", remote_id=result.remote_id, url=result.url, error=None
    )
    ledger.save(book)
    return Outcome(post.slug, post.channel, "posted", result.url)


def _reconcile(
    channel: Channel, post: Post, entry: Entry, book: Book, ledger: Ledger
) -> Outcome | None:
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
    book.mark(
        post.slug, post.channel, "posted", remote_id=found.remote_id, url=found.url, error=None
    )
    ledger.save(book)
    return Outcome(post.slug, post.channel, "posted", found.url, msg.RECONCILED)


def deliver(
    channel: Channel, post: Post, policy: RetryPolicy, sleep: Callable[[float], None] = time.sleep
) -> Result:
    """Publish with bounded retries. Before sending again after a failure that may have taken
    effect (a timeout, a 5xx), look for the post; where the network cannot be asked and a re-send
    is not harmless, stop (OutcomeUnknown) and leave it to a person."""
    attempt = 0
    while True:
        attempt += 1
        try:
            return channel.publish(post)
        except OutcomeUnknown as exc:
            if not (channel.idempotent or channel.can_lookup):
                raise
            error: Retryable = Retryable(str(exc))
        except Retryable as exc:
            error = exc
        if not isinstance(error, RateLimited):  # a 429 means the request was refused
            found = _look_again(channel, post, error)
            if found is not None:
                return found
        if attempt >= policy.attempts:
            raise ChannelError(msg.GAVE_UP.format(attempts=attempt, detail=error))
        sleep(policy.wait(error, attempt))


def _look_again(channel: Channel, post: Post, error: ChannelError) -> Result | None:
    if channel.idempotent or not channel.can_lookup:
        return None  # an idempotent re-send cannot duplicate; without look-up there is no choice
    try:
        return channel.lookup(post)
    except ChannelError as exc:
        raise OutcomeUnknown(msg.LOOKUP_AFTER_ERROR.format(error=error, detail=exc)) from None


def resolve(
    ctx: Context,
    ledger: Ledger,
    slug: str,
    name: str,
    status: str,
    url: str | None,
    environ: Mapping[str, str] | None = None,
) -> Entry:
    """A person's decision on an entry: `posted URL` (it is there) or `failed` (send it again)."""
    if name not in REGISTRY:
        raise ChannelError(msg.RESOLVE_CHANNEL.format(got=name, choices=", ".join(REGISTRY)))
    with ledger.locked() as book:
        if book.entry(slug, name) is None:
            raise ChannelError(msg.RESOLVE_NO_ENTRY.format(slug=slug, channel=name))
        if status == "posted":
            if not url:
                raise ChannelError(msg.RESOLVE_NEEDS_URL)
            channel = REGISTRY[name](ctx.root, ctx.config, environ or {})
            entry = book.mark(
                slug,
                name,
                "posted",
                remote_id=channel.id_from_url(url),
                url=url,
                error=msg.RESOLVED_BY_PERSON,
            )
        elif status == "failed":
            entry = book.mark(slug, name, "failed", error=msg.RESOLVED_BY_PERSON)
        else:
            raise ChannelError(msg.RESOLVE_STATUS.format(got=status))
        ledger.save(book)
        return entry
