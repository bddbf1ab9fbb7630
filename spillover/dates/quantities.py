"""Normalisers for durations, recurring sets and clock times.

Durations ("three days", "the past two years", "a five-year plan") become
ISO 8601 periods (``P3D``, ``P2Y``); vague counts ("several weeks") use the
TimeML ``X`` placeholder (``PXW``).  Sets ("daily", "every Thursday") and
clock times ("10:35 a.m.") are grouped here because they share the number
parsing.  Clock times are attached to the day they are said to happen on:
an explicit neighbouring date when the finder merged one in, otherwise the
last day mentioned in the same sentence, otherwise the DCT.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spillover.dates.arith import format_value
from spillover.dates.context import Context, Resolved
from spillover.dates.lexicon import DAY_PARTS, TIME_UNITS, UNITS, month_of, parse_number, unit_of, weekday_of

Handler = Callable[[dict[str, str], Context], Resolved | None]

_RATE_BEFORE = re.compile(r"(?:\d|%|percent|cents?|dollars?|times|twice|once|thrice)[\s,]*$", re.IGNORECASE)
#: A bare clock time ("at 10 p.m.") belongs to a day mentioned this recently.
_TIME_ANCHOR_SENTENCES = 2
_VAGUE_UNIT = {"D": "D", "W": "W", "M": "M", "Q": "Q", "Y": "Y", "H": "H", "S": "S"}
_WORD_SETS = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
    "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W", "quarterly": "P3M",
    "semiannually": "P6M", "semi-annually": "P6M",
}  # fmt: skip
_HOURS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}  # fmt: skip


def _format_number(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else f"{number:g}"


def duration_value(number: float | None, unit: str) -> str:
    """Render an ISO 8601 / TimeML period for ``number`` ``unit`` (None = vague).

    Fractions are carried down one unit when that gives a whole number
    ("2 1/2 hours" -> ``PT2H30M``, "a year and a half" -> ``P18M``) because
    TimeML values are integers in practice.
    """
    code, multiplier = UNITS.get(unit, ("D", 1))
    prefix = "PT" if unit in TIME_UNITS else "P"
    if number is None:
        vague = {"decade": "E", "century": "C", "millennium": "L"}.get(unit, _VAGUE_UNIT.get(code, code))
        return f"{prefix}X{vague}"
    number *= multiplier
    if not float(number).is_integer():
        if unit == "year" and float(number * 12).is_integer():
            return f"P{int(number * 12)}M"
        if unit in ("hour", "minute"):
            whole = int(number)
            rest = round((number - whole) * 60)
            small = "M" if unit == "hour" else "S"
            return f"PT{whole}{code}{rest}{small}" if whole else f"PT{rest}{small}"
        if unit == "day" and float(number * 24).is_integer():
            return f"PT{int(number * 24)}H"
        if unit == "month":
            return f"P{round(number * 30)}D"
    return f"{prefix}{_format_number(number)}{code}"


def _duration(g: dict[str, str], ctx: Context) -> Resolved | None:
    unit = unit_of(g["unit"])
    if unit is None:
        return None
    raw = " ".join(g["n"].lower().split())
    number = parse_number(raw)
    if "and" in g and number is not None:
        number += 0.5
    qualifiers = " ".join(filter(None, (g.get("q"), g.get("q2")))).lower()
    rate = _RATE_BEFORE.search(ctx.text[max(0, ctx.start - 30) : ctx.start])
    if raw in ("a", "an") and not qualifiers and unit in ("day", "week", "month", "year", "hour") and rate:
        return Resolved(duration_value(1, unit), "SET", "set")  # "$50,000 a year", "twice a day"
    if raw == "recent":
        if unit == "year":
            return Resolved("PAST_REF", "DATE", "past_ref")
        return Resolved(duration_value(None, unit), "DURATION", "duration")
    if raw == "future" or (raw == "coming" and unit in ("month", "quarter")):
        return Resolved("FUTURE_REF", "DATE", "future_ref")
    if raw == "past":
        return Resolved("PAST_REF", "DATE", "past_ref")
    return Resolved(duration_value(number, unit), "DURATION", "duration")


def _half_unit(g: dict[str, str], ctx: Context) -> Resolved | None:
    unit = unit_of(g["unit"])
    if unit is None:
        return None
    return Resolved(duration_value(0.5, unit), "DURATION", "duration")


def _bare_units(g: dict[str, str], ctx: Context) -> Resolved | None:
    unit = unit_of(g["unit"])
    return Resolved(duration_value(None, unit), "DURATION", "duration") if unit else None


def _set(g: dict[str, str], ctx: Context) -> Resolved | None:
    if "w" in g:
        value = _WORD_SETS.get(g["w"].lower())
        return Resolved(value, "SET", "set") if value else None
    target = g["unit"]
    weekday = weekday_of(target)
    if weekday is not None:
        return Resolved(f"XXXX-WXX-{weekday}", "SET", "set")
    month = month_of(target)
    if month is not None:
        return Resolved(f"XXXX-{month:02d}", "SET", "set")
    if target.lower() in DAY_PARTS:
        return Resolved(f"XXXX-XX-XXT{DAY_PARTS[target.lower()]}", "SET", "set")
    unit = unit_of(target)
    if unit is None:
        return None
    raw = g.get("n", "one").lower()
    number = 2.0 if raw == "other" else parse_number(raw)
    return Resolved(duration_value(number or 1, unit), "SET", "set")


def clock_time(g: dict[str, str]) -> str | None:
    """Return ``HH:MM`` (or a part-of-day code) for a time-of-day match."""
    if "named" in g:
        return {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[g["named"].lower()]
    if "hw" in g:
        word = g["hw"].lower()
        hour = int(word) if word.isdigit() else _HOURS.get(word, 0)
        if g["hpart"].lower() in ("afternoon", "evening") and hour < 12:
            hour += 12
        return f"{hour:02d}:00"
    zone = "Z" if g.get("tz", "").upper() in ("UTC", "GMT", "Z") else ""
    if "h24" in g:
        return f"{int(g['h24']):02d}:{g['m24']}{zone}"
    if "mil" in g:
        return f"{g['mil']}:{g['mm']}{zone}"
    hour = int(g["h"])
    minute = int(g.get("min") or 0)
    marker = g.get("ampm", "").lower().replace(".", "").replace(" ", "")
    if marker in ("am", "pm") and not 1 <= hour <= 12:
        return None
    if marker == "pm" and hour < 12:
        hour += 12
    elif marker == "am" and hour == 12:
        hour = 0
    if hour > 24:
        return None
    return f"{hour:02d}:{minute:02d}{zone}"


def _time(g: dict[str, str], ctx: Context) -> Resolved | None:
    clock = clock_time(g)
    if clock is None:
        return None
    recent = ctx.history and ctx.sentence_index() - ctx.history[-1].sentence <= _TIME_ANCHOR_SENTENCES
    day = ctx.last_day() if recent and not _entry_stamp(ctx) else ctx.dct
    if day is None:
        return Resolved(f"XXXX-XX-XXT{clock}", "TIME", "time")
    return Resolved(format_value(day, "day", clock), "TIME", "time")


def _entry_stamp(ctx: Context) -> bool:
    """Whether the time opens a line and is followed by a dash or colon: a live report's entry stamp.

    "09:45 - The spokesman says ... on Thursday. / 11:30 - Azerbaijan has closed ...": the stamp
    is the time of the entry on the day of the report, not on the last day an entry mentioned.
    """
    before = ctx.text[: ctx.start].rstrip(" \t")
    after = ctx.text[ctx.end :].lstrip(" \t")
    return (not before or before.endswith("\n")) and after[:1] in ("-", "\u2013", "\u2014", ":")


#: Rule name -> normaliser, for the rules in :mod:`spillover.dates.patterns`.
HANDLERS: dict[str, Handler] = {
    "duration": _duration,
    "half_unit": _half_unit,
    "bare_units": _bare_units,
    "set": _set,
    "time": _time,
}
