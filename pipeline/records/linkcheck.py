"""Keep the Arsip Link Aktif checked: every recorded URL is requested (HEAD, then GET if HEAD is
refused), the answer is stored in the ledger as `last_check`, and dead links are reported.

A server that refuses automated visitors (401, 403, 429, 999) is "not checkable", not dead: social
networks do that to bots, and an issue that cries wolf every day would soon be ignored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ReadTimeoutError
from urllib3.util.retry import Retry

from pipeline.core.github import GitHub, Json
from pipeline.core.timeutil import format_wib, now
from pipeline.messages import records as msg
from pipeline.records.ledger import Book, Check, Ledger

WORKERS = 8
TIMEOUT = (10.0, 20.0)  # connect, read (seconds)
RETRIES = 2
AGENT = "kpu-linkcheck/1.0"
NOT_CHECKABLE = frozenset({401, 403, 429, 999})
HEAD_REFUSED_FROM = 400  # any error to HEAD is asked again with GET: many servers mishandle HEAD
SKIPPED_CHANNELS = frozenset({"outbox"})  # files in the repository, not URLs


@dataclass(frozen=True)
class Target:
    """One recorded URL: a publication's web page (channel "web") or one of its posts."""

    slug: str
    title: str
    channel: str
    url: str


@dataclass(frozen=True)
class Result:
    target: Target
    status_code: int | None
    ok: bool | None  # None: the server would not let a program check it
    error: str | None
    time: dt.datetime

    @property
    def dead(self) -> bool:
        return self.ok is False

    def as_check(self) -> Check:
        return Check(self.time.isoformat(timespec="seconds"), self.status_code, self.ok, self.error)


def targets(book: Book) -> list[Target]:
    """Every URL worth checking: each page (a withdrawn one stays, with its notice) and each post
    the ledger holds as posted."""
    found = []
    for slug, page in sorted(book.pages.items()):
        found.append(Target(slug, page.title, "web", page.url))
        for name, entry in sorted(page.channels.items()):
            if entry.status == "posted" and entry.url and name not in SKIPPED_CHANNELS:
                found.append(Target(slug, page.title, name, entry.url))
    return found


def default_session(retries: int = RETRIES, backoff: float = 0.5) -> requests.Session:
    """Connection errors, read timeouts and 5xx answers are tried again with a growing pause.

    Retry-After is not obeyed: one server asking for an hour must not stall the daily check.
    """
    retry = Retry(
        total=retries,
        connect=retries,
        read=retries,
        status=retries,
        status_forcelist=(500, 502, 503, 504),
        allowed_methods=frozenset({"HEAD", "GET"}),
        backoff_factor=backoff,
        respect_retry_after_header=False,
        raise_on_status=False,
    )
    session = requests.Session()
    adapter = HTTPAdapter(max_retries=retry, pool_maxsize=WORKERS)
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    return session


def user_agent(office: str, repository: str | None) -> str:
    """Names who is asking and where to read why, so that a site owner can reach the office."""
    where = f"; +https://github.com/{repository}" if repository else ""
    name = office.encode("ascii", "replace").decode()  # header values are Latin-1 at most
    return f"{AGENT} ({name}; pemeriksa Arsip Link Aktif{where})"


class Checker:
    """Requests URLs politely: a User-Agent naming the office, timeouts, bounded concurrency."""

    def __init__(
        self,
        agent: str = AGENT,
        session: requests.Session | None = None,
        workers: int = WORKERS,
        timeout: tuple[float, float] = TIMEOUT,
        clock: Callable[[], dt.datetime] = now,
    ) -> None:
        self.session = session if session is not None else default_session()
        self.workers = workers
        self.timeout = timeout
        self.clock = clock
        self.headers = {
            "User-Agent": agent,
            "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
        }

    def check_all(
        self, found: Sequence[Target], progress: Callable[[int, int], None] | None = None
    ) -> list[Result]:
        """Each distinct URL is requested once; results come back in the order of `found`.
        `progress(done, total)` after each URL, from this thread."""
        urls = list(dict.fromkeys(t.url for t in found))
        answers = {}
        with ThreadPoolExecutor(max_workers=max(1, self.workers)) as pool:
            for done, (url, answer) in enumerate(
                zip(urls, pool.map(self.check, urls), strict=True), start=1
            ):
                answers[url] = answer
                if progress is not None:
                    progress(done, len(urls))
        return [Result(t, *answers[t.url]) for t in found]

    def check(self, url: str) -> tuple[int | None, bool | None, str | None, dt.datetime]:
        """(status code, ok, error, time) of one URL; never raises for network trouble."""
        try:
            status = self._status(url)
        except requests.Timeout:
            return None, False, msg.LINK_TIMEOUT, self.clock()
        except requests.TooManyRedirects:
            return None, False, msg.LINK_REDIRECTS, self.clock()
        except requests.ConnectionError as exc:
            # urllib3 wraps a read timeout it has given up retrying as a connection error
            if isinstance(
                getattr(exc.args[0] if exc.args else None, "reason", None), ReadTimeoutError
            ):
                return None, False, msg.LINK_TIMEOUT, self.clock()
            return None, False, msg.LINK_UNREACHABLE, self.clock()
        except requests.RequestException as exc:
            return None, False, msg.LINK_FAILED.format(kind=type(exc).__name__), self.clock()
        if status in NOT_CHECKABLE:
            return status, None, None, self.clock()
        return status, status < 400, None, self.clock()

    def _status(self, url: str) -> int:
        head = self.session.head(
            url, headers=self.headers, timeout=self.timeout, allow_redirects=True
        )
        head.close()
        if head.status_code < HEAD_REFUSED_FROM:
            return head.status_code
        with self.session.get(
            url, headers=self.headers, timeout=self.timeout, allow_redirects=True, stream=True
        ) as response:
            return response.status_code


def record(ledger: Ledger, results: Iterable[Result]) -> None:
    """Store each result as `last_check` of its page or post, under the ledger's lock.

    The ledger is read again inside the lock: a publish that ran during the check is kept.
    """
    by_target = {(r.target.slug, r.target.channel, r.target.url): r.as_check() for r in results}
    with ledger.locked() as book:
        for (slug, channel, url), check in by_target.items():
            page = book.pages.get(slug)
            if page is None:
                continue
            if channel == "web":
                if page.url == url:
                    page.last_check = check
                continue
            entry = page.channels.get(channel)
            if entry is not None and entry.url == url:
                entry.last_check = check
        ledger.save(book)


def run_check(
    ledger: Ledger, checker: Checker, progress: Callable[[int, int], None] | None = None
) -> list[Result]:
    """Check every recorded URL, then record the results; the network is used outside the lock."""
    results = checker.check_all(targets(ledger.load()), progress)
    if results:
        record(ledger, results)
    return results


# --- one GitHub issue listing the dead links -----------------------------------------------------
ISSUE_LABEL = "tautan-mati"
ISSUE_MARKER = "<!-- kpu-linkcheck: daftar tautan mati, diperbarui otomatis -->"


@dataclass(frozen=True)
class IssueAction:
    """What --report-issue did: created, updated, closed or nothing; and to which issue."""

    action: str
    number: int | None = None
    url: str | None = None


def reason(result: Result) -> str:
    if result.status_code is not None:
        return msg.LINK_CODE.format(code=result.status_code)
    return result.error or "-"


def channel_label(channel: str) -> str:
    return msg.CHANNEL_WEB if channel == "web" else msg.CHANNEL_LABELS.get(channel, channel)


def issue_body(results: Sequence[Result]) -> str:
    dead = [r for r in results if r.dead]
    when = format_wib(max(r.time for r in results))
    lines = [ISSUE_MARKER, msg.ISSUE_INTRO.format(when=when, dead=len(dead), total=len(results))]
    lines += ["", msg.ISSUE_HEADER]
    for r in dead:
        title = r.target.title.replace("|", "\\|")
        channel = channel_label(r.target.channel)
        row = msg.ISSUE_ROW.format(
            title=title, slug=r.target.slug, channel=channel, url=r.target.url, reason=reason(r)
        )
        lines.append(row)
    lines += ["", msg.ISSUE_FIX, ""]
    return "\n".join(lines)


def find_issue(github: GitHub) -> Json | None:
    """The open issue this check keeps: by its label, else by the hidden marker in its body
    (labels are dropped when the token may not set them)."""
    for labels in (ISSUE_LABEL, None):
        for issue in github.issues(labels=labels):
            if "pull_request" not in issue and ISSUE_MARKER in str(issue.get("body") or ""):
                return issue
    return None


def report_issue(github: GitHub, results: Sequence[Result]) -> IssueAction:
    """Open or update the one dead-links issue; close it once every link is live again."""
    existing = find_issue(github)
    if any(r.dead for r in results):
        body = issue_body(results)
        if existing is not None:
            updated = github.update_issue(int(existing["number"]), body=body)
            return IssueAction("updated", int(existing["number"]), updated.get("html_url"))
        created = github.create_issue(msg.ISSUE_TITLE, body, [ISSUE_LABEL])
        return IssueAction("created", int(created["number"]), created.get("html_url"))
    if existing is None:
        return IssueAction("none")
    number = int(existing["number"])
    when = format_wib(max((r.time for r in results), default=now()))
    github.create_comment(number, msg.ISSUE_CLOSING.format(total=len(results), when=when))
    closed = github.update_issue(number, state="closed", state_reason="completed")
    return IssueAction("closed", number, closed.get("html_url"))
