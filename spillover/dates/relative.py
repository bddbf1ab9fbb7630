"""Normalisers for expressions relative to the DCT or to an earlier mention.

Two anchors are used, following TimeML practice for news:

* **deictic** expressions ("yesterday", "last week", "Friday", "two years
  ago", "this quarter") are resolved against the document creation time;
* **anaphoric** expressions ("the next day", "a year earlier", "the same
  month", "the quarter") are resolved against the latest suitable mention in
  the :class:`~spillover.dates.context.Context` history, falling back to the
  DCT when there is none.

Without a DCT the deictic ones get ``XXXX``-style placeholders, because a
wrong concrete date is worse for event coding than an honest unknown.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from spillover.dates.arith import format_value, season_of, season_start, shift, weekday_relative
from spillover.dates.context import Context, Resolved, date_value
from spillover.dates.lexicon import (
    DAY_PARTS,
    MONTH,
    ORDINALS,
    SEASONS,
    YEAR,
    month_of,
    parse_number,
    unit_of,
    weekday_of,
)
from spillover.dates.quantities import duration_value

Handler = Callable[[dict[str, str], Context], Resolved | None]

_PERIOD_END = re.compile(r"\s*,?\s*(?:that\s+|which\s+)?(?:ended|ending|ends|to\s+(?:date|end))\b", re.IGNORECASE)
_ENDED = re.compile(
    rf"\s*,?\s*(?:that\s+|which\s+)?(?:ended|ending|ends|through)\s+({MONTH})\s*(\d{{1,2}}(?!\d))?(?:,?\s+({YEAR}))?"
)

_BACK = frozenset({"last", "past", "previous", "preceding", "this past", "latest"})
_FORWARD = frozenset({"next", "coming", "following", "this coming"})
_PRESENT = ("right now", "just now", "now", "currently", "nowadays", "presently", "at present",
            "at the moment", "these days", "current", "the present", "already", "yet", "this moment",
            "at this point", "this time", "today")  # fmt: skip
_FUTURE_REFS = ("future", "soon", "near term", "short term", "long term", "long run", "short run",
                "medium term", "later date")  # fmt: skip


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().replace("-", " ").split())


def _direction(rel: str) -> int:
    words = _norm(rel).removeprefix("the ")
    if words in _BACK or words == "last":
        return -1
    if words in _FORWARD:
        return 1
    return 0


def _with_part(day: date, part: str | None) -> Resolved:
    if not part:
        return date_value(day)
    code = DAY_PARTS.get(_norm(part), "")
    return Resolved(format_value(day, "day", code), "TIME", "time")


def _deictic(g: dict[str, str], ctx: Context) -> Resolved | None:
    word = _norm(g["w"])
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
               "the day before yesterday": -2, "the day after tomorrow": 2}  # fmt: skip
    if ctx.dct is None:
        return Resolved("XXXX-XX-XX", "DATE", "day")
    day = ctx.dct + timedelta(days=offsets.get(word, 0))
    part = g.get("part") or ("night" if word == "tonight" else None)
    return _with_part(day, part)


def _day_part(g: dict[str, str], ctx: Context) -> Resolved | None:
    rel = _norm(g.get("rel"))
    part = _norm(g["part"])
    if rel in ("this", "") and ctx.dct is not None and (rel or part != "overnight"):
        anchor: date | None = ctx.dct
    elif rel in ("last", "yesterday") or part == "overnight":
        anchor = ctx.dct - timedelta(days=1) if ctx.dct else None
    elif rel == "tomorrow":
        anchor = ctx.dct + timedelta(days=1) if ctx.dct else None
    elif rel in ("the next", "the following"):
        last = ctx.last_day()
        return date_value(last + timedelta(days=1)) if last else None
    elif rel == "the previous":
        last = ctx.last_day()
        anchor = last - timedelta(days=1) if last else None
    else:
        anchor = ctx.last_day()
    if anchor is None:
        return Resolved("XXXX-XX-XXT" + DAY_PARTS.get(part, "MO"), "TIME", "time")
    return _with_part(anchor, "night" if part == "overnight" else part)


def _weekday(g: dict[str, str], ctx: Context) -> Resolved | None:
    weekday = weekday_of(g["wd"])
    if weekday is None:
        return None
    if "plural" in g or "partplural" in g:
        code = DAY_PARTS.get(_norm(g.get("part")), "")
        return Resolved(f"XXXX-WXX-{weekday}" + (f"T{code}" if code else ""), "SET", "set")
    rel = _norm(g.get("rel"))
    if rel in ("the following", "the next", "the previous", "that"):
        anchor = ctx.last_day()
        step = -1 if rel == "the previous" else 1
        if anchor is None:
            return Resolved(f"XXXX-WXX-{weekday}", "DATE", "day")
        day = weekday_relative(anchor, weekday, step, strict=rel != "that")
        return _with_part(day, g.get("part"))
    if ctx.dct is None:
        return Resolved(f"XXXX-WXX-{weekday}", "DATE", "day")
    direction = _direction(rel)
    if direction:
        day = weekday_relative(ctx.dct, weekday, direction, strict=True)
    elif rel == "this":
        day = weekday_relative(ctx.dct, weekday, -1 if ctx.tense() < 0 else 1)
    else:
        day = weekday_relative(ctx.dct, weekday, 1 if ctx.tense() > 0 else -1)
    return _with_part(day, g.get("part"))


def _season_value(ctx: Context, code: str, direction: int, rel: str) -> Resolved | None:
    dct = ctx.dct
    if dct is None:
        return Resolved(f"XXXX-{code}", "DATE", "season")
    current = season_of(dct)
    if direction < 0:
        year = dct.year
        while season_start(year, code) > dct or (year, code) == current:
            year -= 1
    elif direction > 0:
        year = dct.year - 1
        while season_start(year, code) <= dct:
            year += 1
    else:
        year = dct.year if code != "WI" or dct.month == 12 else dct.year - 1
        if rel != "this" and ctx.tense() < 0 and season_start(year, code) > dct:
            year -= 1
        elif ctx.tense() > 0 and season_start(year, code) < dct and (year, code) != current:
            year += 1
    return Resolved(f"{year:04d}-{code}", "DATE", "season")


def _season(g: dict[str, str], ctx: Context) -> Resolved | None:
    code = SEASONS[_norm(g["s"])]
    if "y" in g:
        return Resolved(f"{int(g['y']):04d}-{code}", "DATE", "season")
    if "plural" in g:
        return Resolved(f"XXXX-{code}", "SET", "set")
    rel = _norm(g.get("rel"))
    return _season_value(ctx, code, _direction(rel), rel)


def _weekend(ctx: Context, rel: str) -> Resolved | None:
    dct = ctx.dct
    if dct is None:
        return Resolved("XXXX-WXX-WE", "DATE", "weekend")
    direction = _direction(rel)
    if direction == 0:
        direction = 1 if ctx.tense() > 0 else -1
        saturday = weekday_relative(dct, 6, direction)
        if direction < 0 and dct.isoweekday() == 7:
            saturday = dct - timedelta(days=1)
    else:
        saturday = weekday_relative(dct, 6, direction, strict=True)
        if direction < 0 and dct.isoweekday() >= 6:
            saturday -= timedelta(days=7)
    return date_value(saturday, "weekend")


def _rel_unit(g: dict[str, str], ctx: Context) -> Resolved | None:
    rel, unit = _norm(g["rel"]), _norm(g["unit"])
    if unit in SEASONS:
        return _season_value(ctx, SEASONS[unit], _direction(rel), rel)
    if unit == "season":
        return None
    if unit == "weekend" and not rel.startswith(("the past", "the last", "the next", "the coming")):
        return _weekend(ctx, rel)
    # "the year ended Sept. 30" is a fiscal period (a duration), "for the year, sales rose" a date.
    period_end = _PERIOD_END.match(ctx.text, ctx.end) is not None
    if rel == "the" and unit == "year" and (period_end or g.get("fiscal") == "fiscal") and not g.get("mod"):
        value = "P2D" if unit == "weekend" else duration_value(1, unit)
        return Resolved(value, "DURATION", "duration")
    anaphoric = rel in ("the following", "the previous", "the same", "that", "the preceding")
    anchor = ctx.last_day() if (anaphoric or rel == "the") and unit == "day" else ctx.dct
    if anaphoric and unit != "day":
        ref = ctx.reference(sentences_back=3)
        anchor = ref[0] if ref else ctx.dct
    if anchor is None:
        return Resolved("XXXX", "DATE", "year")
    day = shift(anchor, _direction(rel), unit)
    granularity = unit if unit in ("day", "week", "month", "quarter", "decade", "century") else "year"
    return date_value(day, granularity)


def _comparison_base(ctx: Context, granularity: str | None = None) -> tuple[date, str] | None:
    """Return the period a "year-ago" comparison is about.

    Financial news states a figure for the reporting period, then compares
    it with "a year earlier": the reporting period is the last finer-than-year
    date in the sentence, else the last quarter the document mentioned.
    """
    ref = ctx.reference(sentences_back=0)
    if ref is not None and (granularity is None or ref[1] == granularity):
        return ref
    last = ctx.last_of(granularity or "quarter")
    if last is not None:
        return last, granularity or "quarter"
    return None


def _offset(g: dict[str, str], ctx: Context) -> Resolved | None:
    unit = unit_of(g["unit"]) or "day"
    number = parse_number(g["n"])
    word = _norm(g["dir"])
    direction = -1 if word in ("ago", "earlier", "before", "previously", "back", "since", "prior") else 1
    if number is None or unit in ("hour", "minute", "second"):
        return Resolved(
            "PAST_REF" if direction < 0 else "FUTURE_REF", "DATE", "past_ref" if direction < 0 else "future_ref"
        )
    deictic = word in ("ago", "from now", "hence", "back")
    # "a week ago" names a day (DCT - 7), as annotators read it; "last week" stays a week.
    granularity = {"night": "day", "week": "day", "fortnight": "day", "millennium": "century"}.get(unit, unit)
    if unit in ("decade", "century"):
        granularity = "year"
    amount = round(number) * direction
    base = _comparison_base(ctx) if unit == "year" and number == 1 else None
    if base is not None:
        return date_value(shift(base[0], amount, unit), base[1], anchor=False)
    if deictic:
        anchor = ctx.dct
    elif unit in ("day", "week"):
        anchor = ctx.last_day()
    else:
        ref = ctx.reference()
        anchor = ref[0] if ref else ctx.dct
    if anchor is None:
        return Resolved("XXXX", "DATE", "year")
    return date_value(shift(anchor, amount, unit), granularity, anchor=unit in ("day", "week"))


def _anaphoric(g: dict[str, str], ctx: Context) -> Resolved | None:
    rel = _norm(g["rel"])
    words = rel.split()
    step = 1 if any(w in words for w in ("after", "next", "following", "later")) else 0
    step = -1 if any(w in words for w in ("before", "previous", "earlier", "prior")) else step
    unit = next((u for u in ("week", "month", "year") if u in words), None)
    if unit is not None:
        ref = ctx.reference(sentences_back=3)
        anchor = ref[0] if ref else ctx.dct
        return date_value(shift(anchor, step, unit), unit) if anchor else None
    anchor = ctx.last_day()
    if anchor is None:
        return Resolved("XXXX-XX-XX", "DATE", "day")
    if "soon" in g:
        return date_value(anchor)  # "shortly afterwards": same day as the last mention
    return _with_part(anchor + timedelta(days=step), "night" if "night" in words else None)


def _year_ago(g: dict[str, str], ctx: Context) -> Resolved | None:
    what = _norm(g.get("what"))
    unit = "year" if "year" in _norm(ctx.text[ctx.start : ctx.end]) else "month"
    base = _comparison_base(ctx, "quarter" if what == "quarter" else None)
    if base is None and what == "quarter" and ctx.dct:
        base = (shift(ctx.dct, -1, "quarter"), "quarter")
    if base is None:
        return date_value(shift(ctx.dct, -1, unit), unit, anchor=False) if ctx.dct else None
    return date_value(shift(base[0], -1, unit), base[1], anchor=False)


def _period_of(g: dict[str, str], ctx: Context, granularity: str, number: int | None) -> Resolved | None:
    """Shared logic of "the third quarter", "the year-ago quarter", "the latest period"."""
    dct = ctx.dct
    pre = _norm(g.get("pre"))
    letter = "H" if granularity == "half" else "Q"
    if dct is None:
        return Resolved(f"XXXX-{letter}{number or 'X'}", "DATE", granularity)
    comparison = "year ago" in pre or "year earlier" in pre or "year before" in pre or "ago" in g
    explicit = g.get("y") or g.get("ypre")
    last = ctx.last_of(granularity)
    ended = _ENDED.match(ctx.text, ctx.end)
    if number is None and ended and month_of(ended.group(1)):
        month = month_of(ended.group(1)) or 1
        end_year = int(ended.group(3)) if ended.group(3) else (dct.year if month <= dct.month else dct.year - 1)
        day = int(ended.group(2) or 28)
        # A fiscal quarter "ended July 31" is mostly May-July: step back half a quarter.
        period_end = date(end_year, month, min(day, 28)) - timedelta(days=45)
        return date_value(period_end, granularity)
    if number is None:
        if (
            any(word in pre for word in ("latest", "recent", "just", "previous", "prior", "past", "last"))
            and not comparison
        ):
            base = shift(dct, -1, granularity)
        elif "next" in pre or "coming" in pre:
            base = shift(dct, 1, granularity)
        elif "current" in pre or _norm(g.get("the")) == "this":
            base = dct
        else:
            base = last or shift(dct, -1, granularity)
    else:
        month = 6 * number - 5 if granularity == "half" else 3 * number - 2
        base = date(dct.year, month, 1)
        if not (explicit or comparison or g.get("yrel") or "year's" in pre) and base > dct and ctx.tense() < 0:
            base = shift(base, -1, "year")
    if explicit:
        base = date(int(explicit), base.month, 1)
    elif g.get("yrel") or "year's" in pre:
        base = date(dct.year + _direction(_norm(g.get("yrel")) or pre.split()[0]), base.month, 1)
    elif comparison:
        reference = last or shift(dct, -1, granularity)
        base = date(reference.year - 1, base.month if number else reference.month, 1)
    return date_value(base, granularity, anchor=not comparison)


def _quarter(g: dict[str, str], ctx: Context) -> Resolved | None:
    ordinal, kind = _norm(g.get("ord")), _norm(g["q"])
    half = kind.startswith("hal")
    if kind in ("quarters", "halves"):
        if not ordinal:
            return None
        return Resolved(f"XXXX-{'H' if half else 'Q'}{ORDINALS.get(ordinal, 1)}", "SET", "set")
    number = ORDINALS.get(ordinal) if ordinal else None
    if half and number is not None:
        number = min(number, 2)
    return _period_of(g, ctx, "half" if half else "quarter", number)


def _period(g: dict[str, str], ctx: Context) -> Resolved | None:
    pre = _norm(g.get("pre"))
    if "ago" in g or "year" in pre:
        ref = ctx.reference(sentences_back=0)
        if ref is not None and ref[1] != "year":
            return date_value(shift(ref[0], -1, "year"), ref[1], anchor=False)
    resolved = _period_of(g, ctx, "quarter", None)
    return Resolved(resolved.value, resolved.type, resolved.precision, False) if resolved else None


def _q_abbrev(g: dict[str, str], ctx: Context) -> Resolved | None:
    number = int(g.get("ord") or g.get("ord2") or "1")
    year = int(g["y"]) if "y" in g else (ctx.dct.year if ctx.dct else None)
    return Resolved(f"{year:04d}-Q{number}" if year else f"XXXX-Q{number}", "DATE", "quarter")


def _ref(g: dict[str, str], ctx: Context) -> Resolved | None:
    return ref_value(g["ref"])


def ref_value(text: str) -> Resolved | None:
    """Map vague deictic words ("now", "recently", "the future") to TimeML refs."""
    words = _norm(text)
    if words in _PRESENT:
        return Resolved("PRESENT_REF", "DATE", "present_ref")
    if any(word in words for word in _FUTURE_REFS):
        return Resolved("FUTURE_REF", "DATE", "future_ref")
    if words in ("recently", "lately", "the past", "previously", "formerly", "recent", "once", "earlier",
                 "in the past", "the time", "then", "before", "more recently"):  # fmt: skip
        return Resolved("PAST_REF", "DATE", "past_ref")
    return None


#: Rule name -> normaliser, for the rules in :mod:`spillover.dates.patterns`.
HANDLERS: dict[str, Handler] = {
    "deictic": _deictic,
    "day_part": _day_part,
    "weekday": _weekday,
    "rel_unit": _rel_unit,
    "offset": _offset,
    "anaphoric": _anaphoric,
    "year_ago": _year_ago,
    "quarter": _quarter,
    "period": _period,
    "q_abbrev": _q_abbrev,
    "season": _season,
    "ref": _ref,
}
