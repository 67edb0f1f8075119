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
    """Display form used on the site and in messages (Babel, `id`): 5 Oktober 2026, 09.00 WIB."""
    from babel.dates import format_datetime  # its locale data only when a date is shown

    return format_datetime(value.astimezone(WIB), "d MMMM y, HH.mm", locale="id") + " WIB"


def format_day(value: date) -> str:
    """A day on the site and in messages, the same style as format_wib: 5 Oktober 2026."""
    from babel.dates import format_date

    return format_date(value, format="long", locale="id")
