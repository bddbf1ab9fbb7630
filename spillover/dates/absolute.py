"""Normalisers for calendar expressions: dates, months, years, decades, holidays.

These expressions name a calendar unit directly, so the only judgement call
is the missing year of "March 5" or "in May".  :func:`infer_year` makes it:
the year that puts the date nearest the DCT, pushed into the past for
past-tense clauses and into the future for future-tense ones.  This is the
usual news-domain heuristic (HeidelTime's "news" mode does the same) and is
right for reports written about recent events.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date

from spillover.dates.arith import holiday
from spillover.dates.context import Context, Resolved, date_value
from spillover.dates.lexicon import NUMBER_WORDS, month_of, parse_number

Handler = Callable[[dict[str, str], Context], "Resolved | None"]

#: How far before the DCT a future-tense date may lie (reporting lag).
_PAST_SLACK_DAYS = 7
#: How far after the DCT a past-tense clause may still point.
_PAST_HORIZON_DAYS = 90
_PAST_HORIZON_MONTHS = 3
_OF_YEAR = re.compile(r"\s+(?:of\s+)?(next|last|this)\s+year\b", re.IGNORECASE)
_ORDINAL_CENTURY = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
}  # fmt: skip
_DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
    "seventies": 7, "eighties": 8, "nineties": 9,
}  # fmt: skip


def infer_year(ctx: Context, month: int, day: int | None = None) -> int | None:
    """Choose the year of a month (and day) written without one.

    The nearest occurrence to the DCT wins, within what the tense allows: a
    future-tense clause only takes occurrences after the DCT ("will meet on
    Jan. 14"); a past-tense one still accepts the near future, because news
    routinely mentions upcoming dates in past-tense sentences ("said the
    offer expires Dec. 7"), but not a date many months ahead.  Returns
    ``None`` without a DCT so callers can write ``XXXX``.
    """
    dct = ctx.dct
    if dct is None:
        return None
    tense = ctx.tense()
    best_year = dct.year
    best_gap: int | None = None
    for year in (dct.year - 1, dct.year, dct.year + 1):
        if day is None:
            gap = (year * 12 + month) - (dct.year * 12 + dct.month)
            slack, horizon = 0, _PAST_HORIZON_MONTHS
        else:
            last = calendar.monthrange(year, month)[1]
            gap = (date(year, month, min(day, last)) - dct).days
            slack, horizon = _PAST_SLACK_DAYS, _PAST_HORIZON_DAYS
        if (tense > 0 and gap < -slack) or (tense < 0 and gap > horizon):
            continue
        if best_gap is None or abs(gap) < abs(best_gap):
            best_year, best_gap = year, gap
    return best_year


def _two_digit_year(text: str, ctx: Context) -> int:
    value = int(text)
    if len(text) == 4:
        return value
    pivot = (ctx.dct.year if ctx.dct else 2000) % 100 + 10
    return (2000 if value <= pivot else 1900) + value


def _day_of(text: str) -> int:
    return int("".join(ch for ch in text if ch.isdigit()))


def _calendar_day(year: int | None, month: int, day: int) -> Resolved | None:
    if day < 1 or day > 31:
        return None
    if year is None:
        return Resolved(f"XXXX-{month:02d}-{day:02d}", "DATE", "day")
    if day > calendar.monthrange(year, month)[1]:
        return None
    return date_value(date(year, month, day))


def _iso(g: dict[str, str], ctx: Context) -> Resolved | None:
    year, month = int(g["y"]), int(g["m"])
    if "d" not in g:
        return Resolved(f"{year:04d}-{month:02d}", "DATE", "month")
    resolved = _calendar_day(year, month, int(g["d"]))
    if resolved and "h" in g:
        return Resolved(f"{resolved.value}T{g['h']}:{g['min']}", "TIME", "time")
    return resolved


def _slash(g: dict[str, str], ctx: Context) -> Resolved | None:
    first, second = int(g["a"]), int(g["b"])
    month, day = (first, second) if first <= 12 else (second, first)
    if month > 12 or month < 1:
        return None
    return _calendar_day(_two_digit_year(g["y"], ctx), month, day)


def _month_day(g: dict[str, str], ctx: Context) -> Resolved | None:
    month = month_of(g["mon"])
    if month is None:
        return None
    day = _day_of(g["d"])
    year = int(g["y"]) if "y" in g else infer_year(ctx, month, day)
    return _calendar_day(year, month, day)


def _week_of(g: dict[str, str], ctx: Context) -> Resolved | None:
    resolved = _month_day(g, ctx)
    if resolved is None or resolved.value.startswith("X"):
        return resolved
    return date_value(date.fromisoformat(resolved.value), "week")


def _month_value(ctx: Context, month: int, mod: str) -> Resolved | None:
    dct = ctx.dct
    words = mod.lower().split()
    if dct is None:
        return Resolved(f"XXXX-{month:02d}", "DATE", "month")
    if "last" in words or "past" in words:
        year = dct.year if month < dct.month else dct.year - 1
    elif "next" in words or "coming" in words:
        year = dct.year if month > dct.month else dct.year + 1
    elif words == ["this"]:
        year = dct.year
    else:
        year = infer_year(ctx, month) or dct.year
    return date_value(date(year, month, 1), "month")


def _month(g: dict[str, str], ctx: Context) -> Resolved | None:
    month = month_of(g["mon"])
    if month is None:
        return None
    following = _OF_YEAR.match(ctx.text, ctx.end)
    if following and ctx.dct is not None and not g.get("mod"):
        # "October of next year": the annotated span may stop at the month.
        return _month_year({"mon": g["mon"], "yrel": following.group(1)}, ctx)
    return _month_value(ctx, month, g.get("mod", ""))


def _month_year(g: dict[str, str], ctx: Context) -> Resolved | None:
    month = month_of(g["mon"])
    if month is None:
        return None
    if "y" in g:
        year = int(g["y"])
    elif "sy" in g:
        year = int(_spoken_year(g, ctx).value)
    elif ctx.dct is None:
        return Resolved(f"XXXX-{month:02d}", "DATE", "month")
    else:
        rel = g.get("yrel", "this").lower()
        year = ctx.dct.year + (1 if rel == "next" else -1 if rel == "last" else 0)
    return date_value(date(year, month, 1), "month")


def _year(g: dict[str, str], ctx: Context) -> Resolved | None:
    return Resolved(f"{int(g['y']):04d}", "DATE", "year")


def _fiscal_short(g: dict[str, str], ctx: Context) -> Resolved | None:
    return Resolved(f"{_two_digit_year(g['yy'], ctx):04d}", "DATE", "year")


def _spoken_year(g: dict[str, str], ctx: Context) -> Resolved:
    words = g["sy"].lower().replace("-", " ").split()
    if words[0] == "nineteen":
        rest = words[1:]
        if rest == ["hundred"]:
            return Resolved("1900", "DATE", "year")
        tail = parse_number(" ".join(rest)) or 0
        return Resolved(f"{1900 + int(tail):04d}", "DATE", "year")
    tail = sum(NUMBER_WORDS.get(word, 0) for word in words[2:] if word != "and")
    return Resolved(f"{2000 + tail:04d}", "DATE", "year")


def _decade(g: dict[str, str], ctx: Context) -> Resolved | None:
    if "dec" in g:
        return Resolved(g["dec"][:3], "DATE", "decade")
    digit = int(g["dd"][0]) if "dd" in g else _DECADE_WORDS.get(g.get("dw", "").lower())
    if digit is None:
        return None
    now = ctx.dct.year if ctx.dct else 2000
    century = now // 100 if digit <= (now // 10) % 10 else now // 100 - 1
    return Resolved(f"{century:02d}{digit}", "DATE", "decade")


def _century(g: dict[str, str], ctx: Context) -> Resolved | None:
    word = g["ord"].lower().replace("-", " ")
    if word[:2].isdigit() or word[:1].isdigit():
        number = _day_of(word)
    elif word.startswith("twenty"):
        number = 21
    else:
        number = _ORDINAL_CENTURY.get(word, 0)
    if number <= 0:
        return None
    return Resolved(f"{number - 1:02d}", "DATE", "century")


def _holiday(g: dict[str, str], ctx: Context) -> Resolved | None:
    name = " ".join(g["hol"].split())
    if "y" in g:
        year: int | None = int(g["y"])
    else:
        probe = holiday(name, ctx.dct.year if ctx.dct else 2000)
        year = infer_year(ctx, probe.month, probe.day) if probe else None
    if year is None:
        return None
    day = holiday(name, year)
    return date_value(day) if day else None


#: Rule name -> normaliser, for the rules in :mod:`spillover.dates.patterns`.
HANDLERS: dict[str, Handler] = {
    "iso": _iso,
    "slash": _slash,
    "mdy": _month_day,
    "dmy": _month_day,
    "week_of": _week_of,
    "month": _month,
    "month_year": _month_year,
    "year": _year,
    "year_range": _year,
    "fy": _fiscal_short,
    "short_year": _fiscal_short,
    "spoken_year": _spoken_year,
    "decade": _decade,
    "century": _century,
    "holiday": _holiday,
}
