"""Mutu Baku Waktu: how long each SOP step took for each publication, against data/sop.yml.

Times are reconstructed, never invented: the memo date, the draft's git history, the pull request's
GitHub events (when a token is available; else the merge commit and the `provenance` block) and
the ledger's post times. A step whose start or end left no trace is "tidak tercatat".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

import git
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from pipeline.core.config import KpuConfig
from pipeline.core.errors import ConfigError, GitError
from pipeline.core.github import GitHub
from pipeline.core.gitrepo import MERGE_MESSAGE
from pipeline.core.model import Publication, Text
from pipeline.core.read import ReadFailed, load_yaml, read_text
from pipeline.core.schema import validate_model
from pipeline.core.timeutil import WIB, aware
from pipeline.messages import records as msg
from pipeline.records.ledger import Book
from pipeline.records.ledger import Page as LedgerPage
from pipeline.review.approvals import Review
from pipeline.review.sop_events import pull_times

SOP_FILE = "data/sop.yml"
EventName = Literal[
    "memo",
    "issue_opened",
    "draft_added",
    "draft_ready",
    "draft_last_commit",
    "pr_opened",
    "first_review",
    "review_sekretaris",
    "review_subbag_hukum",
    "approved",
    "merged",
    "promoted",
    "published",
    "posted",
]
_DURATION = re.compile(r"^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$")


def _duration(value: object) -> object:
    if isinstance(value, str):
        match = _DURATION.match(value.replace(" ", ""))
        if not match or not any(match.groups()):
            raise ValueError(msg.SOP_DURATION.format(got=value))
        days, hours, minutes = (int(g or 0) for g in match.groups())
        return dt.timedelta(days=days, hours=hours, minutes=minutes)
    return value


Duration = Annotated[dt.timedelta, BeforeValidator(_duration)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SopStep(_Strict):
    """One step of the SOP with its Mutu Baku time and the events that bound it."""

    number: int = Field(ge=1, description="Step number in the SOP.")
    name: Text = Field(description="Kegiatan, in Indonesian as in the SOP.")
    output: Text | None = Field(None, description="Keluaran (output) of the step.")
    standard: Duration = Field(description='Mutu Baku time: "15m", "2h", "1d" or "1h30m".')
    start: list[EventName] = Field(default_factory=list, description="Start events, first found.")
    end: list[EventName] = Field(default_factory=list, description="End events, first found.")
    note: Text | None = Field(None, description="Why a step cannot be measured, shown as is.")


class Overall(_Strict):
    """The whole flow; its standard is the sum of the steps' standards."""

    name: Text
    start: list[EventName] = Field(min_length=1)
    end: list[EventName] = Field(min_length=1)


class SopConfig(_Strict):
    """data/sop.yml."""

    steps: list[SopStep] = Field(min_length=1)
    overall: Overall | None = None

    @model_validator(mode="after")
    def _numbered(self) -> SopConfig:
        numbers = [s.number for s in self.steps]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(msg.SOP_NUMBERS.format(got=", ".join(map(str, numbers))))
        return self

    @property
    def total_standard(self) -> dt.timedelta:
        return sum((s.standard for s in self.steps), dt.timedelta())


def load_sop(root: Path) -> SopConfig:
    try:
        doc = load_yaml(read_text(root / SOP_FILE, SOP_FILE), SOP_FILE)
    except ReadFailed as exc:
        raise ConfigError([exc.problem]) from exc
    parsed, problems = validate_model(SopConfig, doc, SOP_FILE)
    if problems or not isinstance(parsed, SopConfig):
        raise ConfigError(problems)
    return parsed


# --- events -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Event:
    time: dt.datetime
    source: str  # where the time comes from, shown in the report
    day_only: bool = False  # a date without a time of day (the memo)


@dataclass(frozen=True)
class FileCommit:
    sha: str
    authored: dt.datetime
    committed: dt.datetime
    path: str  # the file's path in this commit


def file_history(repo: git.Repo, path: str, rev: str = "HEAD") -> list[FileCommit]:
    """Commits touching `path` up to `rev`, oldest first, following the rename from drafts/ on
    promotion."""
    try:
        out = repo.git.log("--follow", "--format=@%H %aI %cI", "--name-only", rev, "--", path)
    except git.GitCommandError as exc:
        raise GitError(msg.REPORT_GIT_FAILED.format(path=path, detail=exc.stderr or exc)) from exc
    found: list[FileCommit] = []
    for block in out.split("@")[1:]:
        lines = [line for line in block.splitlines() if line.strip()]
        sha, authored, committed = lines[0].split()
        name = lines[-1] if len(lines) > 1 else path
        when = dt.datetime.fromisoformat
        found.append(FileCommit(sha, when(authored), when(committed), name))
    return found[::-1]


def git_events(repo: git.Repo, publication: Publication) -> tuple[dict[str, Event], int | None]:
    """draft_added, draft_last_commit, promoted and (from a merge commit) merged; and the number
    of the pull request that merge names, if any."""
    history = file_history(repo, publication.path.as_posix())
    drafts = [c for c in history if c.path.startswith("drafts/")]
    provenance = publication.front.provenance
    if not drafts and provenance is not None and provenance.source and provenance.commit:
        # git's rename detection misses a short draft whose stamp changed half its lines; the
        # record names the draft and its last commit, so its history is read from there.
        try:
            drafts = [
                c
                for c in file_history(repo, provenance.source, provenance.commit)
                if c.path.startswith("drafts/")
            ]
        except GitError:
            drafts = []
        history = [*drafts, *history]
    events: dict[str, Event] = {}
    for commit in drafts:  # every draft commit, for draft_ready (see design_done)
        events[f"_draft {commit.sha}"] = Event(commit.authored, f"git {commit.sha[:7]}")
    if not drafts:
        return events, None  # added straight to content/posts/: no trace of the SOP steps in git
    events["draft_added"] = Event(drafts[0].authored, f"git {drafts[0].sha[:7]}")
    events["draft_last_commit"] = Event(drafts[-1].authored, f"git {drafts[-1].sha[:7]}")
    moved = next((c for c in history if not c.path.startswith("drafts/")), None)
    if moved is not None:
        events["promoted"] = Event(moved.committed, f"git {moved.sha[:7]}")
        merge = _merge_bringing(repo, drafts[-1].sha, moved.sha)
        if merge is not None:
            events["merged"] = Event(merge.committed_datetime, f"git merge {merge.hexsha[:7]}")
            number = MERGE_MESSAGE.match(str(merge.summary))
            return events, int(number.group(1)) if number else None
    return events, None


def _merge_bringing(repo: git.Repo, sha: str, until: str) -> git.Commit | None:
    """The first merge on the way from the draft's last commit to its promotion."""
    try:
        merges = repo.git.rev_list("--ancestry-path", "--merges", "--reverse", f"{sha}..{until}")
    except git.GitCommandError:
        return None
    first = merges.split()[:1]
    return repo.commit(first[0]) if first else None


def pull_events(github: GitHub, number: int, config: KpuConfig) -> dict[str, Event]:
    """The pull request's SOP events through REST (pipeline.review.sop_events), each naming its source."""
    pull = github.pull(number)
    reviews = [Review.from_api(r) for r in github.reviews(number)]
    source = f"GitHub PR #{number}"
    events = {}
    for name, (when, who) in pull_times(pull, reviews, config, github.issue).items():
        if name == "issue_opened":
            events[name] = Event(when, f"GitHub issue {who}")
        else:
            events[name] = Event(when, f"{source}, {who}" if name.startswith("review_") else source)
    return events


def design_done(events: Mapping[str, Event]) -> Event | None:
    """draft_ready: the design was handed over for review. The last draft commit before the
    first review (a draft pull request opened by `kpu intake` exists before the design), but not
    before the pull request was opened (a designer's own pull request follows the commits).
    Commits after the first review are corrections (step 7); None without a pull request time."""
    opened = events.get("pr_opened")
    if opened is None:
        return None
    review = events.get("first_review")
    commits = [
        e
        for k, e in events.items()
        if k.startswith("_draft ") and (review is None or e.time <= review.time)
    ]
    last = max(commits, key=lambda e: e.time, default=None)
    return last if last is not None and last.time > opened.time else opened


def record_events(publication: Publication, page: LedgerPage | None) -> dict[str, Event]:
    """memo, promoted (provenance), published (date) and posted (the ledger's last post)."""
    front = publication.front
    events = {"memo": Event(aware(front.request.date), msg.SOURCE_MEMO, day_only=True)}
    provenance = front.provenance
    if provenance is not None and provenance.promoted_at is not None:
        events["promoted"] = Event(provenance.promoted_at, msg.SOURCE_PROVENANCE)
    if provenance is not None:
        for name, when in (provenance.sop or {}).items():
            issue, pr = provenance.issue, provenance.pr
            where = f"issue #{issue}" if name == "issue_opened" else f"PR #{pr}"
            events[name] = Event(when, msg.SOURCE_PROVENANCE_OF.format(where=where))
    if front.date is not None:
        events["published"] = Event(front.date, msg.SOURCE_DATE)
    times = post_times(page)
    if times:
        events["posted"] = Event(max(times.values()), msg.SOURCE_LEDGER)
    return events


def post_times(page: LedgerPage | None) -> dict[str, dt.datetime]:
    """Each channel's time of posting, for the posts the ledger holds as posted."""
    if page is None:
        return {}
    return {
        name: aware(dt.datetime.fromisoformat(entry.time))
        for name, entry in sorted(page.channels.items())
        if entry.status == "posted" and entry.time
    }


# --- measuring -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Measure:
    """One step of one publication: the events found and what they say."""

    number: int | None  # None: the whole flow
    name: str
    standard: dt.timedelta
    start: Event | None
    end: Event | None
    note: str | None = None
    missing: tuple[str, ...] = ()  # the events looked for in vain
    start_name: str | None = None  # which event of the step's list gave the start
    end_name: str | None = None

    @property
    def duration(self) -> dt.timedelta | None:
        """The time the step took; from a date without a time of day (the memo), the shortest
        it can have taken: from the end of that day (0 when it ended on the same day)."""
        if self.start is None or self.end is None:
            return None
        start = self.start.time
        if self.start.day_only:
            day = start.astimezone(WIB).date()
            if self.end.time.astimezone(WIB).date() < day:
                return None
            start = aware(day + dt.timedelta(days=1), WIB)
            return max(self.end.time - start, dt.timedelta())
        if self.end.time < start:
            return None
        return self.end.time - start

    @property
    def at_least(self) -> bool:
        """The duration is a lower bound: the start is known to the day only."""
        return self.start is not None and self.start.day_only

    @property
    def backwards(self) -> bool:
        """Both events are known but the end came first (e.g. a review before the step began)."""
        return self.start is not None and self.end is not None and self.duration is None

    @property
    def over(self) -> bool:
        return self.duration is not None and self.duration > self.standard


@dataclass(frozen=True)
class PublicationReport:
    slug: str
    title: str
    steps: tuple[Measure, ...]
    overall: Measure | None
    posts: tuple[tuple[str, dt.datetime], ...]
    post_start: Event | None  # the start of step 8, from which each post's time is counted


@dataclass(frozen=True)
class Totals:
    """What the headline counts, stated apart: steps against their own SOP standard, and whole
    flows against the overall standard (the sum of the steps'), which a flow can exceed while
    no single measured step does (the unmeasured steps and the waits between steps count)."""

    publications: int
    steps: int
    measured: int
    steps_over: int
    flows: int
    flows_over: int


def totals(reports: Sequence[PublicationReport]) -> Totals:
    steps = [m for r in reports for m in r.steps]
    flows = [r.overall for r in reports if r.overall is not None and r.overall.duration is not None]
    return Totals(
        len(reports),
        len(steps),
        sum(m.duration is not None for m in steps),
        sum(m.over for m in steps),
        len(flows),
        sum(m.over for m in flows),
    )


def _first(names: Iterable[str], events: Mapping[str, Event]) -> Event | None:
    return next((events[n] for n in names if n in events), None)


def _measure(
    number: int | None,
    name: str,
    standard: dt.timedelta,
    start: Sequence[str],
    end: Sequence[str],
    events: Mapping[str, Event],
    note: str | None = None,
) -> Measure:
    first_name = next((n for n in start if n in events), None)
    last_name = next((n for n in end if n in events), None)
    first = events[first_name] if first_name else None
    last = events[last_name] if last_name else None
    missing = [*(start if first is None else []), *(end if last is None else [])]
    return Measure(number, name, standard, first, last, note, tuple(missing), first_name, last_name)


def measure(
    sop: SopConfig,
    publication: Publication,
    events: Mapping[str, Event],
    posts: Mapping[str, dt.datetime],
) -> PublicationReport:
    steps = tuple(
        _measure(s.number, s.name, s.standard, s.start, s.end, events, s.note) for s in sop.steps
    )
    o = sop.overall
    overall = _measure(None, o.name, sop.total_standard, o.start, o.end, events) if o else None
    last = sop.steps[-1]
    return PublicationReport(
        publication.slug,
        publication.front.title,
        steps,
        overall,
        tuple(posts.items()),
        _first(last.start, events),
    )


def collect(
    root: Path,
    sop: SopConfig,
    config: KpuConfig,
    publications: Iterable[Publication],
    book: Book,
    github: GitHub | None = None,
) -> list[PublicationReport]:
    """Every publication's report, newest first. Later sources win: git, then the publication's
    own record, then GitHub's exact times."""
    try:
        repo = git.Repo(root)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError) as exc:
        raise GitError(msg.REPORT_NOT_A_REPOSITORY.format(path=root)) from exc
    reports = []
    oldest = dt.datetime.min.replace(tzinfo=dt.UTC)
    ordered = sorted(publications, key=lambda p: p.front.date or oldest, reverse=True)
    for publication in ordered:
        events, number = git_events(repo, publication)
        page = book.pages.get(publication.slug)
        events.update(record_events(publication, page))
        provenance = publication.front.provenance
        number = provenance.pr if provenance is not None else number
        if github is not None and number is not None:
            events.update(pull_events(github, number, config))
        ready = design_done(events)
        if ready is not None:
            events["draft_ready"] = ready
        reports.append(measure(sop, publication, events, post_times(page)))
    return reports
