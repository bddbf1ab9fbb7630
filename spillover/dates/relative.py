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

from collections.abc import Callable
from datetime import date, timedelta

from spillover.dates.arith import format_value, quarter_of, season_of, season_start, shift, weekday_relative
from spillover.dates.context import Context, Resolved, date_value
from spillover.dates.quantities import duration_value
from spillover.dates.lexicon import DAY_PARTS, ORDINALS, SEASONS, parse_number, unit_of, weekday_of

Handler = Callable[[dict[str, str], Context], Resolved | None]

_BACK = frozenset({"last", "past", "previous", "preceding", "this past"})
_FORWARD = frozenset({"next", "coming", "following", "this coming"})
_PRESENT = ("right now", "just now", "now", "currently", "nowadays", "presently", "at present",
            "at the moment", "these days", "current", "the present")  # fmt: skip
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


def _rel_unit(g: dict[str, str], ctx: Context) -> Resolved | None:
    rel, unit = _norm(g["rel"]), _norm(g["unit"])
    if unit in SEASONS:
        return _season_value(ctx, SEASONS[unit], _direction(rel), rel)
    if unit == "season":
        return None
    if rel in ("the past", "the last", "the next", "the coming") and not g.get("mod"):
        value = "P2D" if unit == "weekend" else duration_value(1, unit)
        return Resolved(value, "DURATION", "duration")
    anaphoric = rel in ("the following", "the previous", "the same", "that", "the preceding")
    anchor = ctx.last_day() if anaphoric and unit == "day" else ctx.dct
    if anaphoric and unit != "day":
        ref = ctx.reference(sentences_back=3)
        anchor = ref[0] if ref else ctx.dct
    if rel == "the" and unit not in ("day",):
        anchor = ctx.dct
    if anchor is None:
        return Resolved("XXXX", "DATE", "year")
    day = shift(anchor, _direction(rel), unit)
    granularity = {"day": "day", "week": "week", "weekend": "weekend", "month": "month", "quarter": "quarter",
                   "year": "year", "decade": "decade", "century": "century"}.get(unit, "year")  # fmt: skip
    return date_value(day, granularity)


def _offset(g: dict[str, str], ctx: Context) -> Resolved | None:
    unit = unit_of(g["unit"]) or "day"
    number = parse_number(g["n"])
    direction = -1 if _norm(g["dir"]) in ("ago", "earlier", "before", "previously", "back", "since", "prior") else 1
    if number is None:
        return Resolved("PAST_REF" if direction < 0 else "FUTURE_REF", "DATE", "past_ref")
    if unit in ("hour", "minute", "second"):
        return Resolved("PAST_REF" if direction < 0 else "FUTURE_REF", "DATE", "past_ref")
    deictic = _norm(g["dir"]) in ("ago", "from now", "hence", "back")
    granularity = {"night": "day", "fortnight": "week", "millennium": "century"}.get(unit, unit)
    anchor = ctx.dct if deictic else None
    if unit in ("year", "month"):
        ref = ctx.reference(sentences_back=0 if deictic else 1, finer_than_year=unit == "year")
        if ref is not None and (not deictic or ref[1] in ("quarter", "half")):
            anchor, granularity = ref[0], ref[1] if ref[1] != "year" else granularity
    if anchor is None:
        anchor = ctx.last_day() if unit == "day" else (ctx.reference() or (ctx.dct, ""))[0]
    if anchor is None:
        return Resolved("XXXX", "DATE", "year")
    amount = int(round(number)) * direction
    return date_value(shift(anchor, amount, unit), granularity)


def _anaphoric(g: dict[str, str], ctx: Context) -> Resolved | None:
    rel = _norm(g["rel"])
    if rel.endswith(("week", "month", "year", "before", "after", "earlier", "later")) and "day" not in rel:
        unit = next(u for u in ("week", "month", "year") if u in rel)
        step = 1 if any(w in rel for w in ("following", "after", "later")) else -1 if any(
            w in rel for w in ("previous", "before", "earlier")) else 0  # fmt: skip
        ref = ctx.reference(sentences_back=3)
        anchor = ref[0] if ref else ctx.dct
        return date_value(shift(anchor, step, unit), unit) if anchor else None
    anchor = ctx.last_day()
    if anchor is None:
        return Resolved("XXXX-XX-XX", "DATE", "day")
    if any(w in rel for w in ("before", "previous", "earlier")):
        anchor -= timedelta(days=1)
    elif any(w in rel for w in ("after", "next", "following", "later")):
        anchor += timedelta(days=1)
    return _with_part(anchor, "night" if "night" in rel else None)


def _year_ago(g: dict[str, str], ctx: Context) -> Resolved | None:
    unit = "year" if "year" in _norm(g.get("dir", "") + " " + ctx.text[ctx.start : ctx.end]) else "month"
    ref = ctx.reference(sentences_back=1, finer_than_year=True)
    if ref is None and _norm(g.get("what")) == "quarter" and ctx.dct:
        last = ctx.last_of("quarter") or shift(ctx.dct, -1, "quarter")
        ref = (last, "quarter")
    if ref is None:
        if ctx.dct is None:
            return None
        return date_value(shift(ctx.dct, -1, unit), unit)
    return date_value(shift(ref[0], -1, unit), ref[1])


def _quarter(g: dict[str, str], ctx: Context) -> Resolved | None:
    pre, ordinal, kind = _norm(g.get("pre")), _norm(g.get("ord")), _norm(g["q"])
    half = kind.startswith("hal")
    if not (pre or ordinal or g.get("the")):
        return None
    if kind in ("quarters", "halves"):
        if not ordinal:
            return None
        return Resolved(f"XXXX-{'H' if half else 'Q'}{ORDINALS.get(ordinal, 1)}", "SET", "set")
    granularity = "half" if half else "quarter"
    dct = ctx.dct
    if dct is None:
        return Resolved(f"XXXX-{'H' if half else 'Q'}{ORDINALS.get(ordinal, 'X')}", "DATE", granularity)
    year = dct.year
    if "y" in g:
        year = int(g["y"])
    elif g.get("yrel") or "year's" in pre:
        year += _direction(_norm(g.get("yrel")) or pre.split()[0])
    elif "year ago" in pre or "year earlier" in pre:
        ref = ctx.last_of(granularity)
        year = (ref.year if ref else year) - 1
    if ordinal:
        number = ORDINALS.get(ordinal, 4)
        start = date(year, 1 if half else 3 * number - 2, 1) if not half else date(year, 6 * number - 5, 1)
        if "y" not in g and not g.get("yrel") and "year" not in pre and start > dct and ctx.tense() <= 0:
            start = shift(start, -1, "year")
        return date_value(start, granularity)
    if any(word in pre for word in ("latest", "recent", "just", "previous", "prior", "past", "last")):
        return date_value(shift(dct, -1, granularity), granularity)
    if "next" in pre or "coming" in pre:
        return date_value(shift(dct, 1, granularity), granularity)
    if "current" in pre or _norm(g.get("the")) == "this":
        return date_value(dct, granularity)
    last = ctx.last_of(granularity)
    if last is not None:
        return date_value(last if "year" not in pre else date(year, last.month, 1), granularity)
    return date_value(shift(dct, -1 if quarter_of(dct) > 0 else 0, granularity), granularity)


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
    "q_abbrev": _q_abbrev,
    "season": _season,
    "ref": _ref,
}
