"""SOP step 8, social half: post every promoted publication once to each of its channels.

Every post goes through the ledger: `pending` is on origin (the journal, pipeline/records/journal.py)
before the network is called, and the result is written right after. A `pending` entry found
later means a run died mid-call; it is reconciled (looked up, or re-sent where the API makes that
safe) or handed to a person, never sent again blindly. Where a network can list recent posts, a
fresh post is looked up first too, by its marker (the page URL in the text).

Each channel runs in its own thread with a deadline: a network that fails, hangs or answers
nonsense only ever costs its own posts, marked failed or unresolved with the reason.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.check.validate import Context, validate
from pipeline.core.errors import ValidationFailed
from pipeline.core.model import Publication
from pipeline.core.problems import has_errors
from pipeline.core.timeutil import now
from pipeline.messages import publish as msg
from pipeline.publish.channel_run import ChannelRun, Options, stand_in
from pipeline.publish.channels.base import Channel, ChannelError
from pipeline.publish.channels.outbox import Outbox
from pipeline.publish.channels.registry import REGISTRY
from pipeline.publish.delivery import Outcome, RetryPolicy, Status, deliver
from pipeline.publish.posts import channels_of, publication_url, render_post
from pipeline.records.durable import Writer
from pipeline.records.journal import Journal
from pipeline.records.ledger import DONE, Book, Entry, Ledger
from pipeline.records.ledger_merge import merge

POSTS_DIR = "content/posts"
__all__ = ["Options", "Outcome", "RetryPolicy", "Status", "deliver", "publish", "stand_in"]


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def problems(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status in ("failed", "unresolved")]


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
            ChannelRun(channels[name], items, writer, policy, environ, options, ctx)
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
    post = render_post(channel, publication, url)
    if isinstance(channel, Outbox) and (channel.folder(post) / "post.json").exists():
        return Outcome(post.slug, post.channel, "skipped", detail=msg.ALREADY_IN_OUTBOX)
    try:
        result = channel.publish(post)
    except ChannelError as exc:
        return Outcome(post.slug, post.channel, "failed", detail=str(exc))
    return Outcome(post.slug, post.channel, "outbox", result.url, getattr(channel, "note", ""))


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
