"""Normalisers for reporting periods: quarters, halves and year-ago comparisons.

Business and economic news (a large share of wire copy, and all of WSJ-style
earnings reports) dates events by *reporting period*: "third-quarter profit
rose ... from a year earlier", "in the latest period", "the year-ago
quarter".  These are resolved together because they share one idea: the
document talks about a current reporting period (the last quarter or month
it named, else the quarter before the DCT) and compares it with the same
period a year back.  Comparison values are marked ``anchor=False`` so that
a later "the quarter" still means the current period, not the year-ago one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from spillover.dates.arith import shift
from spillover.dates.context import Context, Resolved, date_value
from spillover.dates.lexicon import MONTH, ORDINALS, YEAR, direction_of, month_of, norm_words

Handler = Callable[[dict[str, str], Context], Resolved | None]

_ENDED = re.compile(
    rf"\s*,?\s*(?:that\s+|which\s+)?(?:ended|ending|ends|through)\s+({MONTH})\s*(\d{{1,2}}(?!\d))?(?:,?\s+({YEAR}))?"
)


def comparison_base(ctx: Context, granularity: str | None = None) -> tuple[date, str] | None:
    """Return the period a "year-ago" comparison is about.

    Financial news states a figure for the reporting period, then compares
    it with "a year earlier": the reporting period is the last date named in
    the same sentence (its granularity is kept: "1988-Q3" after a quarter),
    else the last quarter the document mentioned.
    """
    ref = ctx.reference(sentences_back=0)
    if ref is not None and (granularity is None or ref[1] == granularity):
        return ref
    last = ctx.last_of(granularity or "quarter")
    if last is not None:
        return last, granularity or "quarter"
    return None


def _year_ago(g: dict[str, str], ctx: Context) -> Resolved | None:
    what = norm_words(g.get("what"))
    unit = "year" if "year" in norm_words(ctx.text[ctx.start : ctx.end]) else "month"
    base = comparison_base(ctx, "quarter" if what == "quarter" else None)
    if base is None and what == "quarter" and ctx.dct:
        base = (shift(ctx.dct, -1, "quarter"), "quarter")
    if base is None:
        return date_value(shift(ctx.dct, -1, unit), unit, anchor=False) if ctx.dct else None
    return date_value(shift(base[0], -1, unit), base[1], anchor=False)


def _period_of(g: dict[str, str], ctx: Context, granularity: str, number: int | None) -> Resolved | None:
    """Shared logic of "the third quarter", "the year-ago quarter", "the latest period"."""
    dct = ctx.dct
    pre = norm_words(g.get("pre"))
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
        elif "current" in pre or norm_words(g.get("the")) == "this":
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
        base = date(dct.year + direction_of(norm_words(g.get("yrel")) or pre.split()[0]), base.month, 1)
    elif comparison:
        reference = last or shift(dct, -1, granularity)
        base = date(reference.year - 1, base.month if number else reference.month, 1)
    return date_value(base, granularity, anchor=not comparison)


def _quarter(g: dict[str, str], ctx: Context) -> Resolved | None:
    ordinal, kind = norm_words(g.get("ord")), norm_words(g["q"])
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
    pre = norm_words(g.get("pre"))
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


#: Rule name -> normaliser, for the rules in :mod:`spillover.dates.patterns`.
HANDLERS: dict[str, Handler] = {
    "year_ago": _year_ago,
    "quarter": _quarter,
    "period": _period,
    "q_abbrev": _q_abbrev,
}
