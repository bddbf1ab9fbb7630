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
from spillover.dates.lexicon import DAY_PARTS, SEASONS, direction_of, norm_words, parse_number, unit_of, weekday_of
from spillover.dates.periods import comparison_base
from spillover.dates.quantities import duration_value

Handler = Callable[[dict[str, str], Context], Resolved | None]

_PERIOD_END = re.compile(r"\s*,?\s*(?:that\s+|which\s+)?(?:ended|ending|ends|to\s+(?:date|end))\b", re.IGNORECASE)
_PRESENT = ("right now", "just now", "now", "currently", "nowadays", "presently", "at present",
            "at the moment", "these days", "current", "the present", "already", "yet", "this moment",
            "at this point", "this time", "today")  # fmt: skip
_FUTURE_REFS = ("future", "soon", "near term", "short term", "long term", "long run", "short run",
                "medium term", "later date")  # fmt: skip


def _with_part(day: date, part: str | None) -> Resolved:
    if not part:
        return date_value(day)
    code = DAY_PARTS.get(norm_words(part), "")
    return Resolved(format_value(day, "day", code), "TIME", "time")


def _deictic(g: dict[str, str], ctx: Context) -> Resolved | None:
    word = norm_words(g["w"])
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
               "the day before yesterday": -2, "the day after tomorrow": 2}  # fmt: skip
    if ctx.dct is None:
        return Resolved("XXXX-XX-XX", "DATE", "day")
    day = ctx.dct + timedelta(days=offsets.get(word, 0))
    part = g.get("part") or ("night" if word == "tonight" else None)
    return _with_part(day, part)


def _day_part(g: dict[str, str], ctx: Context) -> Resolved | None:
    rel = norm_words(g.get("rel"))
    part = norm_words(g["part"])
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
        code = DAY_PARTS.get(norm_words(g.get("part")), "")
        return Resolved(f"XXXX-WXX-{weekday}" + (f"T{code}" if code else ""), "SET", "set")
    rel = norm_words(g.get("rel"))
    if rel in ("the following", "the next", "the previous", "that"):
        anchor = ctx.last_day()
        step = -1 if rel == "the previous" else 1
        if anchor is None:
            return Resolved(f"XXXX-WXX-{weekday}", "DATE", "day")
        day = weekday_relative(anchor, weekday, step, strict=rel != "that")
        return _with_part(day, g.get("part"))
    if ctx.dct is None:
        return Resolved(f"XXXX-WXX-{weekday}", "DATE", "day")
    direction = direction_of(rel)
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
    code = SEASONS[norm_words(g["s"])]
    if "y" in g:
        return Resolved(f"{int(g['y']):04d}-{code}", "DATE", "season")
    if "plural" in g:
        return Resolved(f"XXXX-{code}", "SET", "set")
    rel = norm_words(g.get("rel"))
    return _season_value(ctx, code, direction_of(rel), rel)


def _weekend(ctx: Context, rel: str) -> Resolved | None:
    dct = ctx.dct
    if dct is None:
        return Resolved("XXXX-WXX-WE", "DATE", "weekend")
    direction = direction_of(rel)
    if direction == 0:
        direction = 1 if ctx.tense() > 0 else -1
        saturday = weekday_relative(dct, 6, direction)
        if direction < 0 and dct.isoweekday() == 7:
            saturday = dct - timedelta(days=1)
    else:
        saturday = weekday_relative(dct, 6, direction, strict=True)
        if direction < 0 and dct.isoweekday() == 7:
            saturday -= timedelta(days=7)  # on a Sunday, "last weekend" is not the current one
    return date_value(saturday, "weekend")


def _rel_unit(g: dict[str, str], ctx: Context) -> Resolved | None:
    rel, unit = norm_words(g["rel"]), norm_words(g["unit"])
    if unit in SEASONS:
        return _season_value(ctx, SEASONS[unit], direction_of(rel), rel)
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
    day = shift(anchor, direction_of(rel), unit)
    granularity = unit if unit in ("day", "week", "month", "quarter", "decade", "century") else "year"
    return date_value(day, granularity)


def _offset(g: dict[str, str], ctx: Context) -> Resolved | None:
    unit = unit_of(g["unit"]) or "day"
    number = parse_number(g["n"])
    word = norm_words(g["dir"])
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
    base = comparison_base(ctx) if unit == "year" and number == 1 else None
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
    rel = norm_words(g["rel"])
    words = rel.split()
    step = 1 if any(w in words for w in ("after", "next", "following", "later")) else 0
    step = -1 if any(w in words for w in ("before", "previous", "earlier", "prior")) else step
    unit = next((u for u in ("week", "month", "year") if u in words), None)
    if unit is not None:
        # "the same week" after "a 2018 convention": a bare year says no week or month; the last finer date does
        ref = ctx.reference(sentences_back=3, finer_than_year=unit != "year")
        anchor = ref[0] if ref else ctx.dct
        return date_value(shift(anchor, step, unit), unit) if anchor else None
    anchor = ctx.last_day()
    if anchor is None:
        return Resolved("XXXX-XX-XX", "DATE", "day")
    if "soon" in g:
        return date_value(anchor)  # "shortly afterwards": same day as the last mention
    return _with_part(anchor + timedelta(days=step), "night" if "night" in words else None)


def _ref(g: dict[str, str], ctx: Context) -> Resolved | None:
    return ref_value(g["ref"])


def ref_value(text: str) -> Resolved | None:
    """Map vague deictic words ("now", "recently", "the future") to TimeML refs."""
    words = norm_words(text)
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
    "season": _season,
    "ref": _ref,
}
