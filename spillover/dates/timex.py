"""Find and normalise temporal expressions (TIMEX3) in English news text.

Pipeline for one document:

1. :func:`spillover.dates.scan.detect` runs the regex rules and keeps the
   longest non-overlapping matches; :func:`~spillover.dates.scan.plausible`
   drops the usual false friends ("May" the verb, "2000 troops").
2. A clock time directly followed by a date ("10 p.m. Wednesday",
   "5 p.m. EST, Nov. 6") is merged into one expression, as TimeML does.
3. Candidates are normalised left to right with a shared
   :class:`~spillover.dates.context.Context`, so anaphora ("the next day",
   "a year earlier", "the quarter") resolve against what was said before
   and deictic words against the document creation time (DCT).

Values follow TimeML TIMEX3: ``2026-03-05``, ``2026-03``, ``2026-W10``,
``2026-Q1``, ``2026-SU``, ``199`` (the 1990s), ``P3D``, ``PRESENT_REF``,
``2026-03-05T14:00``; without a DCT, relative expressions get placeholders
such as ``XXXX-XX-XX``.  dateparser is deliberately not used: the rules are
cheaper (about 0.1-0.2 ms per news sentence, all stages included) and they
see the discourse, which a per-string parser cannot.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from spillover.dates import absolute, periods, quantities, relative
from spillover.dates.arith import format_value, parse_iso
from spillover.dates.context import Context, Resolved
from spillover.dates.lexicon import unit_of
from spillover.dates.patterns import Candidate
from spillover.dates.scan import detect, plausible

_HANDLERS: dict[str, Callable[[dict[str, str], Context], Resolved | None]] = {
    **absolute.HANDLERS,
    **relative.HANDLERS,
    **periods.HANDLERS,
    **quantities.HANDLERS,
}
_TIME_RULES = frozenset({"time", "day_part"})
#: Characters a clock time may precede the day it belongs to.
_TIME_DAY_GAP = 30
_DAY_RULES = frozenset({"weekday", "mdy", "dmy", "deictic", "iso", "slash", "holiday", "anaphoric"})


@dataclass(frozen=True)
class Timex:
    """One temporal expression with its character span and TimeML value.

    ``precision`` is the granularity of ``value`` ("day", "month", "year",
    "week", "quarter", "season", "time", "duration", "set", "present_ref",
    ...) so the event-date resolver can tell a day from a whole year
    without parsing the value again.  ``type`` is the TIMEX3 type.
    """

    start: int
    end: int
    text: str
    value: str | None
    precision: str
    type: str


def _separator_allows_merge(between: str) -> bool:
    stripped = between.strip().lower().strip(",").strip()
    return len(between) <= 4 and stripped in ("", "on")


def _merge_times(cands: Sequence[Candidate], text: str) -> list[Candidate]:
    """Join "<time> <day>" pairs into one candidate carrying both parts."""
    merged: list[Candidate] = []
    index = 0
    while index < len(cands):
        cand = cands[index]
        nxt = cands[index + 1] if index + 1 < len(cands) else None
        if (
            nxt is not None
            and cand.rule in _TIME_RULES
            and nxt.rule in _DAY_RULES
            and _separator_allows_merge(text[cand.end : nxt.start])
        ):
            merged.append(Candidate(cand.start, nxt.end, "merged", {}, 5, (cand, nxt)))
            index += 2
            continue
        merged.append(cand)
        index += 1
    return merged


def _resolve_merged(cand: Candidate, ctx: Context) -> Resolved | None:
    time_part, day_part = cand.parts
    ctx.focus(day_part.start, day_part.end)
    day = _resolve(day_part, ctx)
    ctx.focus(cand.start, cand.end)
    if day is None:
        return None
    parsed = parse_iso(day.value)
    if parsed is None or parsed[1] != "day":
        return day
    if time_part.rule == "time":
        clock = quantities.clock_time(time_part.groups)
    else:
        part = time_part.groups.get("part", "").lower()
        clock = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}.get(part)
    if clock is None:
        return day
    return Resolved(format_value(parsed[0], "day", clock), "TIME", "time")


def _fallback(text: str) -> Resolved | None:
    """Value for a gold span no rule matched: vague refs and bare plural units."""
    ref = relative.ref_value(text)
    if ref is not None:
        return ref
    for word in reversed(text.lower().replace("-", " ").split()):
        unit = unit_of(word)
        if unit is not None and word.endswith("s"):
            return Resolved(quantities.duration_value(None, unit), "DURATION", "duration")
    return None


def _resolve(cand: Candidate, ctx: Context) -> Resolved | None:
    if cand.rule == "merged":
        return _resolve_merged(cand, ctx)
    if cand.rule == "fallback":
        return _fallback(cand.groups.get("text", ""))
    handler = _HANDLERS.get(cand.rule)
    return handler(cand.groups, ctx) if handler else None


def _time_before_day(cand: Candidate, nxt: Candidate | None, ctx: Context) -> Resolved | None:
    """Date a clock time by the day that follows it closely ("10:35 a.m. (0735 GMT) Friday")."""
    if nxt is None or nxt.rule not in _DAY_RULES or nxt.start - cand.end > _TIME_DAY_GAP:
        return None
    if ctx.sentence_index(nxt.start) != ctx.sentence_index(cand.start):
        return None
    return _resolve_merged(Candidate(cand.start, cand.end, "merged", {}, 5, (cand, nxt)), ctx)


def _run(cands: Sequence[Candidate], ctx: Context) -> list[tuple[Candidate, Resolved | None]]:
    """Normalise candidates in text order, remembering each for anaphora."""
    out: list[tuple[Candidate, Resolved | None]] = []
    ordered = sorted(cands, key=lambda c: c.start)
    for index, cand in enumerate(ordered):
        ctx.focus(cand.start, cand.end)
        resolved = None
        if cand.rule == "time":
            resolved = _time_before_day(cand, ordered[index + 1] if index + 1 < len(ordered) else None, ctx)
            ctx.focus(cand.start, cand.end)
        if resolved is None:
            resolved = _resolve(cand, ctx)
        if resolved is not None and resolved.anchor and resolved.type in ("DATE", "TIME"):
            ctx.remember(resolved.value, resolved.precision)
        out.append((cand, resolved))
    return out


def find_timexes(text: str, dct: date | None) -> list[Timex]:
    """Find the temporal expressions of ``text`` and normalise them against ``dct``.

    Args:
        text: The document (or a sentence) in English.
        dct: Document creation time; ``None`` leaves relative values unresolved.

    Returns:
        The expressions in text order; every one has a value.

    """
    ctx = Context.for_text(text, dct)
    cands = _merge_times([c for c in detect(text) if plausible(c, text)], text)
    timexes: list[Timex] = []
    for cand, resolved in _run(cands, ctx):
        if resolved is None:
            continue
        timexes.append(
            Timex(cand.start, cand.end, text[cand.start : cand.end], resolved.value, resolved.precision, resolved.type)
        )
    return timexes


def _forced_candidate(text: str, start: int, end: int) -> Candidate:
    """Build one candidate covering exactly ``text[start:end]``.

    The rules are re-run on the span alone (no plausibility guards: the caller
    already knows it is temporal); several pieces are merged as in the finder
    and otherwise the longest piece lends its rule to the whole span.
    """
    piece = text[start:end]
    subs = [Candidate(c.start + start, c.end + start, c.rule, c.groups, c.priority) for c in detect(piece)]
    subs = _merge_times(subs, text)
    if not subs:
        return Candidate(start, end, "fallback", {"text": piece})
    best = max(subs, key=lambda c: (c.end - c.start, c.priority))
    return Candidate(start, end, best.rule, best.groups, best.priority, best.parts)


def normalise_spans(text: str, spans: Sequence[tuple[int, int]], dct: date | None) -> list[Timex | None]:
    """Normalise given expression spans, with the rest of the text as context.

    Used to score normalisation separately from detection (TempEval's value
    accuracy): expressions found outside the given spans still feed the
    anaphora history, as they would in :func:`find_timexes`.
    """
    ctx = Context.for_text(text, dct)
    forced = [_forced_candidate(text, start, end) for start, end in spans]
    others = [c for c in detect(text) if plausible(c, text) and not any(c.start < e and s < c.end for s, e in spans)]
    results: dict[tuple[int, int], Timex] = {}
    for cand, resolved in _run([*forced, *_merge_times(others, text)], ctx):
        if resolved is not None and cand in forced:
            key = (cand.start, cand.end)
            results[key] = Timex(cand.start, cand.end, text[cand.start : cand.end], resolved.value,
                                 resolved.precision, resolved.type)  # fmt: skip
    return [results.get((start, end)) for start, end in spans]
