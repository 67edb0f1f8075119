"""`kpu doctor --online`: each configured channel's credentials asked of its own API, with the
channel's own client (requests for the Graph and Bot APIs, Mastodon.py, tweepy), so a token that
expired or was revoked shows up before a post fails.

Meta's long-lived tokens expire (about 60 days); `debug_token` says when. Telegram, Mastodon and
X tokens do not expire by date, so for them "valid" means the API accepted them just now. The
values never enter a message: every answer passes through the channel's scrubber.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from babel import dates

from pipeline.core.config import KpuConfig
from pipeline.core.github import GitHub, Json
from pipeline.core.timeutil import WIB, format_wib
from pipeline.messages import tokens as msg
from pipeline.publish.channels.base import Channel, ChannelError
from pipeline.publish.channels.facebook import Facebook
from pipeline.publish.channels.graph import Graph
from pipeline.publish.channels.instagram import Instagram
from pipeline.publish.channels.mastodon import Mastodon
from pipeline.publish.channels.registry import REGISTRY
from pipeline.publish.channels.telegram import Telegram
from pipeline.publish.channels.x import X
from pipeline.setup.doctor import Finding, Status

WARN_DAYS = 14
"""A token is reported (and the issue opened) from this many calendar days (WIB) before the day
it expires."""
SCOPES = {"facebook": ("pages_manage_posts",), "instagram": ("instagram_content_publish",)}
"""The permission each Meta token needs to post; a token without it is as good as invalid."""


class State(StrEnum):
    VALID = "valid"
    EXPIRING = "expiring"
    INVALID = "invalid"


@dataclass(frozen=True)
class TokenStatus:
    """One channel's credentials as its API judged them just now."""

    channel: str
    label: str
    state: State
    expires: dt.datetime | None = None
    """When the token (or, if sooner, its data access) stops working; None: no date."""
    account: str = ""
    """Who the token speaks for (the bot's or account's name), to catch a wrong account."""
    detail: str = ""
    """Why it is invalid, as the API said it (scrubbed)."""

    def days_left(self, now: dt.datetime) -> int | None:
        if self.expires is None:
            return None
        return (self.expires.astimezone(WIB).date() - now.astimezone(WIB).date()).days

    @property
    def needs_action(self) -> bool:
        return self.state is not State.VALID


def check_all(
    root: Path, config: KpuConfig, environ: Mapping[str, str], now: dt.datetime
) -> list[TokenStatus]:
    """Every enabled channel whose credentials are set, asked of its API (in registry order).
    Channels without credentials post to the outbox; the offline checks already name them."""
    found = []
    for name, cls in REGISTRY.items():
        if name == "outbox" or name not in config.channels.enabled or name not in CHECKS:
            continue
        if not cls.configured(environ):
            continue
        channel = cls(root, config, environ)
        found.append(check(channel, now))
    return found


def check(channel: Channel, now: dt.datetime) -> TokenStatus:
    """One channel; every failure of the call becomes an INVALID status with the API's words."""
    try:
        account, expires, problem = CHECKS[channel.name](channel)
    except ChannelError as exc:
        return TokenStatus(channel.name, channel.label, State.INVALID, detail=str(exc))
    if problem:
        return TokenStatus(
            channel.name, channel.label, State.INVALID, expires, account, channel.scrub(problem)
        )
    status = TokenStatus(channel.name, channel.label, State.VALID, expires, account)
    days = status.days_left(now)
    if expires is not None and days is not None and days <= WARN_DAYS:
        if expires > now:
            return replace(status, state=State.EXPIRING)
        return replace(status, state=State.INVALID, detail=msg.EXPIRED)
    return status


Check = tuple[str, dt.datetime | None, str]
"""(account, expiry, problem): a problem makes the token invalid though the call succeeded."""


# --- Meta: GET /debug_token -------------------------------------------------------------------
def _meta(channel: Channel) -> Check:
    """The token inspects itself (a user or page token may debug its own token); `expires_at`
    0 means it never expires; `data_access_expires_at` ends the access to data even then."""
    assert isinstance(channel, Facebook | Instagram)
    graph: Graph = channel.graph
    token = graph.token
    body = graph.call("GET", "debug_token", params={"input_token": token})
    data = _field(channel, lambda: body["data"])
    if not isinstance(data, dict):
        raise ChannelError(msg.MALFORMED.format(label=channel.label))
    account = str(data.get("application") or data.get("app_id") or "")
    expiry = [
        dt.datetime.fromtimestamp(int(stamp), dt.UTC)
        for key in ("expires_at", "data_access_expires_at")
        if (stamp := data.get(key))
    ]
    expires = min(expiry) if expiry else None
    if not data.get("is_valid"):
        error = data.get("error")
        error = error if isinstance(error, dict) else {}
        return account, expires, str(error.get("message") or msg.META_NOT_VALID)
    granted = {str(s) for s in data.get("scopes") or []}
    missing = [s for s in SCOPES.get(channel.name, ()) if s not in granted]
    if missing:
        return account, expires, msg.META_SCOPE_MISSING.format(scopes=", ".join(missing))
    return account, expires, ""


# --- Telegram: getMe ----------------------------------------------------------------------------
def _telegram(channel: Channel) -> Check:
    assert isinstance(channel, Telegram)
    me = channel._call("getMe")
    username = _field(channel, lambda: str(me["username"]))
    return f"@{username}", None, ""


# --- Mastodon: GET /api/v1/accounts/verify_credentials -----------------------------------------
def _mastodon(channel: Channel) -> Check:
    assert isinstance(channel, Mastodon)
    api = channel._connect()
    me = channel._call(api.account_verify_credentials)
    return _field(channel, lambda: "@" + str(me["acct"])), None, ""


# --- X: GET /2/users/me -------------------------------------------------------------------------
def _x(channel: Channel) -> Check:
    assert isinstance(channel, X)
    client, _ = channel._connect()
    me = channel._call(lambda: client.get_me(user_auth=True))
    return _field(channel, lambda: "@" + str(me.data.username)), None, ""


CHECKS: dict[str, Callable[[Channel], Check]] = {
    "facebook": _meta,
    "instagram": _meta,
    "telegram": _telegram,
    "mastodon": _mastodon,
    "x": _x,
}


def _field(channel: Channel, read: Callable[[], Any]) -> Any:
    try:
        return read()
    except (KeyError, IndexError, TypeError, AttributeError, ValueError):
        raise ChannelError(msg.MALFORMED.format(label=channel.label)) from None


# --- text --------------------------------------------------------------------------------------
def describe(status: TokenStatus, now: dt.datetime) -> str:
    """One Indonesian line: valid / expires on DATE in N days / invalid: what to do."""
    who = f" ({status.account})" if status.account else ""
    if status.state is State.INVALID:
        fix = msg.FIXES.get(status.channel, msg.FIX_DEFAULT)
        return msg.INVALID.format(label=status.label, who=who, detail=status.detail or "-", fix=fix)
    if status.expires is None:
        return msg.VALID_NO_EXPIRY.format(label=status.label, who=who)
    days = status.days_left(now) or 0
    template = msg.EXPIRING if status.state is State.EXPIRING else msg.VALID_UNTIL
    fix = msg.FIXES.get(status.channel, msg.FIX_DEFAULT)
    return template.format(
        label=status.label, who=who, date=format_date(status.expires), days=days, fix=fix
    )


def format_date(value: dt.datetime) -> str:
    """5 Oktober 2026 (Babel, Indonesian), the day in WIB."""
    return dates.format_date(value.astimezone(WIB).date(), "d MMMM y", locale="id")


def needs_action(statuses: Sequence[TokenStatus]) -> list[TokenStatus]:
    return [s for s in statuses if s.needs_action]


# --- one GitHub issue while a token needs a person ----------------------------------------------
ISSUE_LABEL = "token-kanal"
ISSUE_MARKER = "<!-- kpu-doctor: token kanal, diperbarui otomatis -->"


@dataclass(frozen=True)
class IssueAction:
    """What --report-issue did: created, updated, closed or none; and to which issue."""

    action: str
    number: int | None = None
    url: str | None = None


def issue_body(statuses: Sequence[TokenStatus], now: dt.datetime) -> str:
    lines = [ISSUE_MARKER, msg.ISSUE_INTRO.format(when=format_wib(now), days=WARN_DAYS), ""]
    lines += [f"- {describe(s, now)}" for s in needs_action(statuses)]
    fine = [s for s in statuses if not s.needs_action]
    if fine:
        lines += ["", msg.ISSUE_FINE, ""] + [f"- {describe(s, now)}" for s in fine]
    lines += ["", msg.ISSUE_FOOTER, ""]
    return "\n".join(lines)


def find_issue(github: GitHub) -> Json | None:
    """The open issue this check keeps: by its label, else by the hidden marker in its body."""
    for labels in (ISSUE_LABEL, None):
        for issue in github.issues(labels=labels):
            if "pull_request" not in issue and ISSUE_MARKER in str(issue.get("body") or ""):
                return issue
    return None


def report_issue(github: GitHub, statuses: Sequence[TokenStatus], now: dt.datetime) -> IssueAction:
    """Open the one issue when a token is invalid or expires within WARN_DAYS days, update it in
    place on later runs (the days left change), close it with a comment once all are fine."""
    existing = find_issue(github)
    if needs_action(statuses):
        body = issue_body(statuses, now)
        if existing is not None:
            number = int(existing["number"])
            if existing.get("body") == body:
                return IssueAction("unchanged", number, existing.get("html_url"))
            updated = github.update_issue(number, body=body)
            return IssueAction("updated", number, updated.get("html_url"))
        created = github.create_issue(msg.ISSUE_TITLE, body, [ISSUE_LABEL])
        return IssueAction("created", int(created["number"]), created.get("html_url"))
    if existing is None:
        return IssueAction("none")
    number = int(existing["number"])
    github.create_comment(number, msg.ISSUE_CLOSING.format(when=format_wib(now)))
    closed = github.update_issue(number, state="closed", state_reason="completed")
    return IssueAction("closed", number, closed.get("html_url"))


# --- as kpu doctor lines ------------------------------------------------------------------------
def findings(statuses: Sequence[TokenStatus], now: dt.datetime) -> list[Finding]:
    """One doctor line per channel: valid is OK, expiring soon or invalid is a failure."""
    if not statuses:
        return [Finding(Status.INFO, msg.NONE_CONFIGURED)]
    return [
        Finding(Status.FAIL if s.needs_action else Status.OK, describe(s, now)) for s in statuses
    ]
