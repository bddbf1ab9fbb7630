"""Calendar arithmetic and TimeML value formatting.

Relative expressions ("last month", "three weeks ago", "on Tuesday") are
resolved here rather than through a date library because the rules need
*granularity-aware* arithmetic: "last month" is a month value, "last week" an
ISO week, and "a year earlier" keeps the granularity of whatever it is
anchored to ("1988-Q3" for a quarter).  The functions are pure so they can be
reused by the event-date resolver as well as the finder.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

#: Granularities understood by :func:`format_value`, coarsest last.
GRANULARITIES: tuple[str, ...] = (
    "day",
    "week",
    "weekend",
    "month",
    "season",
    "quarter",
    "half",
    "year",
    "decade",
    "century",
)

_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def add_months(day: date, months: int) -> date:
    """Shift ``day`` by whole months, clamping to the end of shorter months."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def shift(day: date, amount: int, unit: str) -> date:
    """Move ``day`` by ``amount`` units (day, week, month, quarter, year...).

    Units coarser than a day are applied on the calendar (months are clamped)
    so that "a month ago" from March 31 lands in February, not in March.
    """
    if unit in ("day", "night"):
        return day + timedelta(days=amount)
    if unit in ("week", "weekend"):
        return day + timedelta(weeks=amount)
    if unit == "fortnight":
        return day + timedelta(weeks=2 * amount)
    if unit == "month":
        return add_months(day, amount)
    if unit == "season":
        return add_months(day, 3 * amount)
    if unit == "quarter":
        return add_months(day, 3 * amount)
    if unit == "half":
        return add_months(day, 6 * amount)
    multiplier = {"year": 1, "decade": 10, "century": 100, "millennium": 1000}.get(unit)
    if multiplier is None:
        return day
    year = max(1, min(9999, day.year + amount * multiplier))
    last = calendar.monthrange(year, day.month)[1]
    return date(year, day.month, min(day.day, last))


def quarter_of(day: date) -> int:
    """Return the calendar quarter (1-4) containing ``day``."""
    return (day.month - 1) // 3 + 1


def season_of(day: date) -> tuple[int, str]:
    """Return (year, code) of the meteorological season containing ``day``.

    Winter is attributed to the year in which it starts (December), which is
    how TimeML annotators write "last winter" ("1997-WI" for Jan 1998).
    """
    if day.month == 12:
        return day.year, "WI"
    if day.month <= 2:
        return day.year - 1, "WI"
    for code, start in (("FA", 9), ("SU", 6), ("SP", 3)):
        if day.month >= start:
            return day.year, code
    return day.year, "SP"  # pragma: no cover - months 3..11 are handled above


def season_start(year: int, code: str) -> date:
    """Return the first day of the season ``code`` of ``year``."""
    return date(year, _SEASON_START.get(code, 3), 1)


def format_value(day: date, granularity: str, extra: str = "") -> str:
    """Render ``day`` as a TimeML value at ``granularity``.

    ``extra`` carries the code of a season or a part of day, which the
    granularity alone cannot express.
    """
    if granularity == "day":
        return day.isoformat() + (f"T{extra}" if extra else "")
    if granularity in ("week", "weekend"):
        iso_year, week, _ = day.isocalendar()
        suffix = "-WE" if granularity == "weekend" else ""
        return f"{iso_year:04d}-W{week:02d}{suffix}"
    if granularity == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == "season":
        year, code = season_of(day)
        return f"{year:04d}-{extra or code}"
    if granularity == "quarter":
        return f"{day.year:04d}-Q{quarter_of(day)}"
    if granularity == "half":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if granularity == "decade":
        return f"{day.year // 10:03d}"
    if granularity == "century":
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"


def weekday_relative(anchor: date, weekday: int, direction: int, *, strict: bool = False) -> date:
    """Return the ``weekday`` (ISO, Monday = 1) nearest ``anchor`` in ``direction``.

    ``direction`` is -1 for the past, +1 for the future.  A weekday equal to
    the anchor's resolves to the anchor itself unless ``strict`` is set, which
    is what "last Friday" / "next Friday" need: news written on a Friday that
    says "Friday" means that day, but "next Friday" means a week later.
    """
    delta = (weekday - anchor.isoweekday()) % 7
    if direction > 0:
        if delta == 0 and strict:
            delta = 7
        return anchor + timedelta(days=delta)
    back = (anchor.isoweekday() - weekday) % 7
    if back == 0 and strict:
        back = 7
    return anchor - timedelta(days=back)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """Return the ``nth`` ``weekday`` of a month (``nth=-1`` for the last one)."""
    if nth > 0:
        first = date(year, month, 1)
        offset = (weekday - first.isoweekday()) % 7
        return first + timedelta(days=offset + 7 * (nth - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def easter(year: int) -> date:
    """Return Western Easter Sunday (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


def holiday(name: str, year: int) -> date | None:
    """Return the date of a (mostly US) holiday named in news text.

    Only holidays with a fixed rule are covered; the name is matched on its
    first distinctive word so "Christmas Day" and "Christmas" agree.
    """
    key = name.lower()
    fixed = {
        "christmas eve": (12, 24),
        "christmas": (12, 25),
        "new year's eve": (12, 31),
        "new year": (1, 1),
        "independence day": (7, 4),
        "halloween": (10, 31),
        "valentine": (2, 14),
        "veterans day": (11, 11),
        "boxing day": (12, 26),
    }
    for prefix, (month, day) in fixed.items():
        if key.startswith(prefix):
            return date(year, month, day)
    if key.startswith("thanksgiving"):
        return nth_weekday(year, 11, 4, 4)
    if key.startswith("labor day"):
        return nth_weekday(year, 9, 1, 1)
    if key.startswith("memorial day"):
        return nth_weekday(year, 5, 1, -1)
    if key.startswith("election day"):
        return nth_weekday(year, 11, 1, 1) + timedelta(days=1)
    if key.startswith("easter"):
        return easter(year)
    if key.startswith("good friday"):
        return easter(year) - timedelta(days=2)
    return None


def parse_iso(value: str | None) -> tuple[date, str] | None:
    """Read back a TimeML value into (representative date, granularity).

    Used to anchor anaphoric expressions on an earlier timex: "the next day"
    needs the previous date as a :class:`datetime.date`, and "a year earlier"
    needs to know that the anchor was, say, a quarter.
    """
    if not value or len(value) < 4 or not value[:4].isdigit():
        return None
    try:
        year = int(value[:4])
        rest = value[4:]
        if not rest:
            return date(year, 1, 1), "year"
        if rest[1] == "Q" and rest[2:3].isdigit():
            return date(year, 3 * int(rest[2]) - 2, 1), "quarter"
        if rest[1] == "H" and rest[2:3].isdigit():
            return date(year, 1 if rest[2] == "1" else 7, 1), "half"
        if rest[1] == "W" and rest[2:4].isdigit():
            day = date.fromisocalendar(year, int(rest[2:4]), 1)
            return day, "weekend" if rest.endswith("WE") else "week"
        if rest[1:3] in _SEASON_START:
            return season_start(year, rest[1:3]), "season"
        month = int(rest[1:3])
        if len(rest) < 6 or not rest[4:6].isdigit():
            return date(year, month, 1), "month"
        return date(year, month, int(rest[4:6])), "day"
    except (ValueError, IndexError):
        return None
