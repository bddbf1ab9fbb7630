"""Give each coded event a date and a date precision.

Rules, in order:

1. **Candidates.** Only DATE and TIME expressions inside the event's sentence
   (``sentence_start <= start < sentence_end``) are considered; durations
   ("three days"), sets ("daily") and vague references ("recently",
   "the future") do not say *when* something happened.
2. **Nearest wins.** The candidate closest to the trigger (character
   distance between the trigger start and the expression span) is chosen; on
   a tie the expression *before* the trigger wins, because English news puts
   the time adverbial early ("On Tuesday, troops shelled ...").  Character
   distance is a cheap proxy for syntactic attachment that is right for the
   short clauses of news reports.
3. **Anaphora.** When the chosen expression is anaphoric -- "a day earlier",
   "three days later", "the same day", "the next day", "shortly afterwards"
   -- and ``previous`` (the date and precision of the event mentioned just
   before) is given, it is re-resolved against that event: the finder only
   knows the last *date mentioned in the text*, while the caller knows the
   event chain.  Without ``previous`` the finder's own value is used, which
   is anchored on the last date the text mentioned or else the DCT.
4. **Granularity.** Values map to ``(ISO string, precision)``:
   a day (or a clock time) -> ``("2026-03-05", "day")``; a month ->
   ``("2026-03", "month")``; an ISO week -> the month holding its Thursday,
   precision ``"month"`` (weeks are not in the precision vocabulary and a
   made-up day would overstate what the text says); a year, quarter, half or
   season -> ``("2026", "year")``; ``PRESENT_REF`` ("now") -> the DCT with
   precision ``"document"``.  Decades, centuries and values left unresolved
   (``XXXX``) give ``(None, "none")``.
5. **Default.** An event with no usable expression inherits the document
   date with precision ``"document"`` -- news reports mostly describe what
   happened on or just before their publication day, and downstream users
   can filter on the precision.  Without a DCT the answer is
   ``(None, "none")``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from spillover.dates.arith import parse_iso, shift
from spillover.dates.lexicon import NUM, UNIT, parse_number, unit_of, weekday_of
from spillover.dates.timex import Timex
from spillover.records import Event

_ANAPHORIC_OFFSET = re.compile(
    rf"(?P<n>{NUM})[\s-]+(?P<unit>{UNIT})\s+(?P<dir>earlier|later|before|after|afterwards?|previously|prior)\b",
    re.IGNORECASE,
)
_SAME_DAY = re.compile(
    r"\b(?:the\s+same\s+day|that\s+(?:same\s+)?day|(?:later|earlier)\s+that\s+(?:day|morning|afternoon|evening|night)"
    r"|(?:shortly|soon|immediately|not\s+long)\s+(?:afterwards?|thereafter)|(?:moments|minutes|hours)\s+later"
    r"|afterwards?|thereafter)\b",
    re.IGNORECASE,
)
_NEXT_DAY = re.compile(
    r"\b(?:the\s+(?:next|following)\s+(?:day|morning|evening|night)|the\s+day\s+after|a\s+day\s+later)\b", re.IGNORECASE
)
_PREVIOUS_DAY = re.compile(
    r"\b(?:the\s+(?:previous|preceding)\s+day|the\s+day\s+before|the\s+night\s+before|a\s+day\s+earlier)\b",
    re.IGNORECASE,
)
_VAGUE = frozenset({"PAST_REF", "FUTURE_REF"})
_RANK = {"day": 0, "month": 1, "year": 2}


def _coarser(first: str, second: str) -> str:
    return first if _RANK.get(first, 0) >= _RANK.get(second, 0) else second


def value_to_date(value: str | None, dct: date | None) -> tuple[str | None, str]:
    """Map a TimeML value to ``(ISO date string, precision)`` (see rule 4)."""
    if not value:
        return None, "none"
    if value == "PRESENT_REF":
        return (dct.isoformat(), "document") if dct else (None, "none")
    parsed = parse_iso(value)
    if parsed is None:
        return None, "none"
    day, granularity = parsed
    if granularity == "day":
        return day.isoformat(), "day"
    if granularity in ("week", "weekend"):
        thursday = day + timedelta(days=3)
        return f"{thursday.year:04d}-{thursday.month:02d}", "month"
    if granularity == "month":
        return f"{day.year:04d}-{day.month:02d}", "month"
    return f"{day.year:04d}", "year"


def _usable(timex: Timex) -> bool:
    """DATE/TIME values that say when: calendar values, decades, centuries, "now"."""
    value = timex.value
    if timex.type not in ("DATE", "TIME") or not value or value in _VAGUE:
        return False
    return value == "PRESENT_REF" or parse_iso(value) is not None or (value.isdigit() and len(value) in (2, 3))


def anaphoric_offset(text: str) -> tuple[int, str] | None:
    """Return (signed amount, unit) if ``text`` is relative to a previous event."""
    match = _ANAPHORIC_OFFSET.search(text)
    if match:
        number = parse_number(match.group("n"))
        unit = unit_of(match.group("unit")) or "day"
        if number is None:
            return None
        sign = -1 if match.group("dir").lower() in ("earlier", "before", "previously", "prior") else 1
        return sign * round(number), unit
    if _PREVIOUS_DAY.search(text):
        return -1, "day"
    if _NEXT_DAY.search(text):
        return 1, "day"
    if _SAME_DAY.search(text):
        return 0, "day"
    return None


def _relative_to(previous: tuple[str, str], amount: int, unit: str) -> tuple[str | None, str] | None:
    parsed = parse_iso(previous[0])
    if parsed is None:
        return None
    base, granularity = parsed
    base_precision = "day" if previous[1] in ("day", "document") else previous[1]
    if granularity != "day" and base_precision == "day":
        base_precision = "month" if granularity == "month" else "year"
    unit_precision = {"day": "day", "night": "day", "week": "day", "fortnight": "day", "month": "month"}.get(
        unit, "year"
    )
    precision = _coarser(base_precision, unit_precision)
    # "A day earlier" than an event known only to the year is still that year.
    moved = shift(base, amount, unit) if _RANK.get(unit_precision, 0) >= _RANK.get(base_precision, 0) else base
    if precision == "day":
        return moved.isoformat(), "day"
    if precision == "month":
        return f"{moved.year:04d}-{moved.month:02d}", "month"
    return f"{moved.year:04d}", "year"


#: A season with no year or direction ("in the autumn", "autumn") and its TimeML value ("2025-FA").
_BARE_SEASON = re.compile(r"^(?:in\s+)?(?:the\s+)?(?:spring|summer|fall|autumn|winter)$", re.IGNORECASE)
_SEASON_VALUE = re.compile(r"^\d{4}-(?:SP|SU|FA|WI)$")


def _bare_weekday(text: str) -> bool:
    """Whether ``text`` is a weekday with no "last"/"next" to fix its direction ("on Wednesday")."""
    words = text.lower().replace(",", " ").split()
    if words and words[0] == "on":
        words = words[1:]
    return len(words) == 1 and weekday_of(words[0]) is not None


def _distance(timex: Timex, trigger_start: int) -> tuple[int, int]:
    if timex.end <= trigger_start:
        return trigger_start - timex.end, 0
    if timex.start > trigger_start:
        return timex.start - trigger_start, 1
    return 0, 0


def event_date(
    sentence_start: int,
    sentence_end: int,
    trigger_start: int,
    timexes: list[Timex],
    dct: date | None,
    previous: tuple[str, str] | None = None,
    *,
    prefer_future: bool = False,
) -> tuple[str | None, str]:
    """Date the event whose trigger starts at ``trigger_start``.

    Args:
        sentence_start: Character offset where the event's sentence starts.
        sentence_end: Offset just after the sentence.
        trigger_start: Offset of the event trigger, in the same coordinates.
        timexes: Expressions of the document, from :func:`~spillover.dates.timex.find_timexes`.
        dct: Document creation date; the fallback date.
        previous: ``(date, precision)`` of the event mentioned just before,
            the anchor of "a day earlier" / "the same day".
        prefer_future: The event is planned or threatened: a bare weekday after its trigger
            that the past-tense story resolved to the past week ("hoped to send the first
            convoy on Wednesday") is the coming one; so is a bare season resolved to last year.

    Returns:
        ``(ISO date or None, precision)`` with precision one of "day",
        "month", "year", "document", "none" (see the module docstring).

    """
    candidates = [t for t in timexes if sentence_start <= t.start < sentence_end and _usable(t)]
    if candidates:
        chosen = min(candidates, key=lambda t: _distance(t, trigger_start))
        offset = anaphoric_offset(chosen.text) if previous and previous[0] else None
        if offset is not None and previous is not None:
            resolved = _relative_to(previous, *offset)
            if resolved is not None:
                return resolved
        value, precision = value_to_date(chosen.value, dct)
        # only a weekday in the plan's own words, after its trigger: in "said on Monday that it had
        # thwarted a plot to bomb", Monday dates the telling, not the plot
        ahead = prefer_future and chosen.start > trigger_start
        if ahead and value and dct and precision == "day" and _bare_weekday(chosen.text):
            day = date.fromisoformat(value)
            if day < dct:
                value = (day + timedelta(days=7)).isoformat()
        # "invited him to visit Baku in the autumn", told in June: the coming autumn, not last year's
        season = _BARE_SEASON.match(chosen.text) and _SEASON_VALUE.match(chosen.value or "")
        if ahead and season and dct and value and precision == "year" and int(value) < dct.year:
            value = f"{int(value) + 1:04d}"
        return value, precision
    if dct is None:
        return None, "none"
    return dct.isoformat(), "document"


#: Sentence openers that start a new story within the report: no date carries over them.
TOPIC_SHIFTS = frozenset({"separately", "meanwhile", "elsewhere"})


#: A date that heads a timeline entry is followed by a colon or a dash.
_HEADER_MARK = re.compile(r"\s*[:\u2014\u2013-]\s")


@dataclass(frozen=True)
class Header:
    """A timeline entry's date (see :func:`timeline_header`) and where its paragraph ends."""

    value: str
    precision: str
    end: int


def carry_dates(events: Sequence[Event]) -> list[Event]:
    """Date an undated event from the same actor's dated event in the sentence just before.

    "Erdoğan phoned Aliyev on Thursday evening. Erdoğan told his counterpart that ...": the second
    sentence names no time but continues the call. An event that only has the document date takes
    the day of the latest event of the previous sentence with the same source (code or country).
    A deed told again with its author ("Thursday's drone strike on Nakhchivan. Two drones launched
    from Iran struck the exclave") takes the date of the same deed told without one: same event
    type, same target country, no source before; and a deed told on without its doer ("Two drones
    flew into Nakhchivan on March 5. One hit the terminal") the date of the same type against the
    same country in the sentence before. A sentence opening with "Separately" or
    "Meanwhile" starts another story and carries nothing over.
    ``events`` are one document's, in reading order.
    """
    out: list[Event] = []
    for event in events:
        source = event.source
        shift = event.evidence.sentence.lstrip().split(" ", 1)[0].strip(",").lower() in TOPIC_SHIFTS
        told_on = event.status not in ("planned", "threatened")  # a plan has no day of its own to inherit
        if event.date_precision == "document" and not shift and told_on and (source or event.target):
            index = event.evidence.sentence_index
            for prev in reversed(out):
                if prev.evidence.sentence_index < index - 1:
                    break
                if source is not None:
                    same = prev.source is not None and (
                        prev.source.code == source.code or (source.country and prev.source.country == source.country)
                    )
                    same = same or _same_deed_unnamed(prev, event)
                else:  # "Two drones flew into Nakhchivan on March 5. One hit the terminal": the deed goes on
                    same = _same_deed_continued(prev, event)
                if _past_perfect(prev):
                    continue  # "two days after officials had rejected any involvement": background, not the story's day
                if prev.evidence.sentence_index == index - 1 and prev.date_precision == "day" and same:
                    event = replace(event, date=prev.date, date_precision="day")
                    break
        out.append(event)
    return out


def _past_perfect(event: Event) -> bool:
    """Whether the event is told in the past perfect ("had rejected"): background to the sentence's news."""
    evidence = event.evidence
    before = evidence.sentence[: max(0, evidence.anchor - evidence.span[0])].split()[-3:]
    return "had" in (w.lower() for w in before)


def _same_deed_continued(prev: Event, event: Event) -> bool:
    """Whether ``event`` may tell on the deed ``prev`` told: the same type against the same country."""
    return (
        prev.event_type == event.event_type
        and prev.target is not None
        and event.target is not None
        and prev.target.country is not None
        and prev.target.country == event.target.country
    )


def _same_deed_unnamed(prev: Event, event: Event) -> bool:
    """Whether ``prev`` is ``event``'s deed told without its author (same type and target country)."""
    return prev.source is None and _same_deed_continued(prev, event)


def timeline_header(
    text: str, sentence_start: int, timexes_by_start: Mapping[int, Timex], dct: date | None
) -> Header | None:
    """The date a timeline entry opens with ("Tuesday: Aliyev went to ...", "March 5 - Two drones ...").

    Analyses often tell a week day by day, each paragraph headed by its date. The
    header dates every event of its paragraph that names no date of its own, the
    opening sentence included (the parser leaves the header outside the clause).

    Args:
        text: The document's text.
        sentence_start: Offset of the sentence that may open with a header.
        timexes_by_start: The document's expressions by start offset, built once per document
            so each sentence is one lookup.
        dct: Document creation date.

    Returns:
        The header's date, precision and the offset where its paragraph ends, or None.
    """
    begin = sentence_start
    while begin < len(text) and text[begin].isspace():
        begin += 1
    timex = timexes_by_start.get(begin)
    if timex is None or not _usable(timex) or not _HEADER_MARK.match(text, timex.end):
        return None
    value, precision = value_to_date(timex.value, dct)
    if value is None or precision not in ("day", "month"):
        return None
    end = text.find("\n", timex.end)
    return Header(value, precision, len(text) if end < 0 else end)
