"""Timezone rules: every datetime is aware; naive input is read as WIB (Asia/Jakarta)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

WIB = ZoneInfo("Asia/Jakarta")


def aware(value: datetime | date, tz: ZoneInfo = WIB) -> datetime:
    """A date becomes midnight; a naive datetime is taken to be in `tz`."""
    if not isinstance(value, datetime):
        value = datetime.combine(value, time(0, 0))
    if value.tzinfo is None:
        value = value.replace(tzinfo=tz)
    return value


def now(tz: ZoneInfo = WIB) -> datetime:
    return datetime.now(tz)


def format_wib(value: datetime) -> str:
    """Display form used on the site and in messages: 05-10-2026 09:00 WIB."""
    return value.astimezone(WIB).strftime("%d-%m-%Y %H:%M WIB")
