"""SOP step 8, social half: post every promoted publication once to each of its channels.

Every post goes through the ledger: `pending` is on origin (the journal, pipeline/journal.py)
before the network is called, and the result is written right after. A `pending` entry found
later means a run died mid-call; it is reconciled (looked up, or re-sent where the API makes that
safe) or handed to a person, never sent again blindly. Where a network can list recent posts, a
fresh post is looked up first too, by its marker (the page URL in the text).

Each channel runs in its own thread with a deadline: a network that fails, hangs or answers
nonsense only ever costs its own posts, marked failed or unresolved with the reason.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
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
from pipeline.durable import Writer
from pipeline.errors import PipelineError, ValidationFailed
from pipeline.faults import kill_point
from pipeline.journal import Journal
from pipeline.ledger import DONE, Book, Entry, Ledger
from pipeline.ledger_merge import merge
from pipeline.messages import publish as msg
from pipeline.model import Publication
from pipeline.posts import channels_of, publication_url
from pipeline.problems import has_errors
from pipeline.quotas import Quota
from pipeline.timeutil import now
from pipeline.validate import Context, validate

POSTS_DIR = "content/posts"
DEADLINE_ENV = "KPU_CHANNEL_DEADLINE"
DEFAULT_DEADLINE = 15 * 60.0
"""Seconds one channel may take for all its posts of a run (an Actions job allows hours)."""

Status = Literal["posted", "skipped", "failed", "unresolved", "outbox", "waiting", "deferred"]


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
    journal: Journal | None = None,
    options: Options | None = None,
) -> Report:
    """Post each publication to its channels; `ledger=None` records nothing (dry run).

    `channels` defaults to the configured ones (`configured_channels`); `journal` is the
    ledger's copy on origin (None: the local file only). One failing channel never stops the
    others: every outcome is in the report.
    """
    environ = os.environ if environ is None else environ
    policy = policy or RetryPolicy.from_env(environ)
    options = options or Options.from_env(environ)
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
    if ledger is None:
        for publication, url in due:
            for name in channels_of(publication, enabled):
                report.outcomes.append(_unrecorded(channels[name], publication, url))
        return report
    with ledger.locked() as book:
        writer = _start(ledger, book, journal, due, channels)
        plans = {name: [] for name in channels}  # type: dict[str, list[tuple[Publication, str]]]
        for publication, url in due:
            for name in channels_of(publication, enabled):
                held = _held_back(writer.book, channels[name], name, publication, options)
                if held is not None:
                    report.outcomes.append(held)
                else:
                    plans[name].append((publication, url))
        runs = [
            _ChannelRun(channels[name], items, writer, policy, environ, options, ctx)
            for name, items in plans.items()
            if items
        ]
        for run in runs:
            run.start()
        for run in runs:
            run.finish()
            report.outcomes.extend(run.outcomes)
        writer.durable()  # the last results are on origin too
        writer.close()
    order = {(p.slug, n): i for i, (p, _) in enumerate(due) for n in channels}
    report.outcomes.sort(key=lambda o: order.get((o.slug, o.channel), -1))
    return report


def _start(
    ledger: Ledger,
    book: Book,
    journal: Journal | None,
    due: Sequence[tuple[Publication, str]],
    channels: Mapping[str, Channel],
) -> Writer:
    """Start from the ledger here and on origin (a lost runner's pending marks are there), note
    every page and every channel that is on, and make that durable before any call."""
    if journal is not None:
        theirs = journal.fetch()
        if theirs is not None:
            book = merge(book, theirs)
    writer = Writer(ledger, book, journal)

    def note(book: Book) -> None:
        for name, channel in channels.items():
            if not isinstance(channel, Outbox):
                book.enable(name)
        for publication, url in due:
            book.page(publication.slug, publication.front.title, publication.path.as_posix(), url)

    writer.change(note)
    writer.durable()
    return writer


def _held_back(
    book: Book, channel: Channel, name: str, publication: Publication, options: Options
) -> Outcome | None:
    """Done already, or not for this channel: older than its start, or left in the outbox."""
    slug = publication.slug
    entry = book.entry(slug, name)
    if entry is not None and entry.status in DONE:
        return Outcome(slug, name, "skipped", entry.url)
    if isinstance(channel, Outbox):
        if entry is not None and entry.status == "outbox":
            return Outcome(slug, name, "skipped", detail=msg.ALREADY_IN_OUTBOX)
        if (channel.directory / name / slug / "post.json").exists():
            return Outcome(slug, name, "skipped", detail=msg.ALREADY_IN_OUTBOX)
        return None
    if entry is not None and entry.status != "outbox":
        return None  # pending or failed: this channel has taken it on
    if name in options.backfill:
        date = publication.front.date
        if options.since is None or (date is not None and date.date() >= options.since):
            return None
    if entry is not None:
        return Outcome(slug, name, "skipped", detail=msg.LEFT_IN_OUTBOX.format(channel=name))
    since = book.channels.get(name)
    page = book.pages.get(slug)
    first_seen = page.first_seen if page is not None else None
    if since is None or not since.since or (first_seen is not None and first_seen >= since.since):
        return None
    return Outcome(
        slug, name, "skipped", detail=msg.BEFORE_START.format(channel=name, since=since.since[:10])
    )


def _unrecorded(channel: Channel, publication: Publication, url: str) -> Outcome:
    """A dry run or --outbox-only: written to the outbox, nothing recorded."""
    post = channel.render(publication, url)
    if isinstance(channel, Outbox) and (channel.folder(post) / "post.json").exists():
        return Outcome(post.slug, post.channel, "skipped", detail=msg.ALREADY_IN_OUTBOX)
    try:
        result = channel.publish(post)
    except ChannelError as exc:
        return Outcome(post.slug, post.channel, "failed", detail=str(exc))
    return Outcome(post.slug, post.channel, "outbox", result.url, getattr(channel, "note", ""))


class _ChannelRun:
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
        post = channel.render(publication, url)
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
    journal: Journal | None = None,
) -> Entry:
    """A person's decision on an entry: `posted URL` (it is there) or `failed` (send it again).
    With a journal, the decision is on origin too, so the next run in CI follows it."""
    if name not in REGISTRY:
        raise ChannelError(msg.RESOLVE_CHANNEL.format(got=name, choices=", ".join(REGISTRY)))
    with ledger.locked() as book:
        if journal is not None:
            theirs = journal.fetch()
            if theirs is not None:
                book = merge(book, theirs)
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
        if journal is not None:
            journal.write(book)
        return entry
