"""Discourse context used while normalising the expressions of one document.

Many news expressions cannot be normalised from their own words:

* "Friday", "March 5" and "in May" need the document creation time (DCT)
  *and* the tense of the clause: past-tense news means the most recent
  Friday, "will meet Friday" the next one.
* "the next day", "a year earlier" and "the quarter" are anaphoric: they
  point at the last date the text mentioned, at that date's granularity
  ("1988-Q3" after "the third quarter").

:class:`Context` carries that state for one call of the finder.  It lives
only as long as that call (no module-level state), and records each
normalised expression so that later anaphora can find it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date

from spillover.dates.arith import format_value, parse_iso

_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n\s*\n")
_FUTURE = re.compile(
    r"\b(?:will|'ll|shall|going\s+to|plans?\s+to|planning\s+to|scheduled|expected\s+to|expects?\s+to"
    r"|due\s+to|set\s+to|slated|intends?\s+to|wo\s*n't|won't|upcoming|tomorrow|is\s+to|are\s+to"
    r"|aims?\s+to|hopes?\s+to|will\s+be|postponed\s+until|deadline|expires?|as\s+soon\s+as|should|until)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|said|says|told|\w{3,}ed|ago|yesterday|last|earlier|went|came|took|made|met"
    r"|began|won|lost|fell|rose|left|held|gave|got|saw|became|sold|bought|paid|spent|sent|brought"
    r"|led|ran|struck|hit|shot|killed|found|thought|knew|wrote|spoke|broke|chose|drove|flew|grew"
    r"|threw|fought|since)\b",
    re.IGNORECASE,
)
_PERFECT = re.compile(r"\bhad\b", re.IGNORECASE)
_NOT_PAST = frozenset({"scheduled", "expected", "planned", "proposed", "delayed", "postponed"})


@dataclass(frozen=True)
class Mention:
    """A normalised expression remembered for anaphora resolution."""

    start: int
    value: str
    precision: str
    sentence: int


@dataclass
class Context:
    """Per-document state: the text, its DCT, sentence boundaries and history."""

    text: str
    dct: date | None
    sentence_starts: list[int] = field(default_factory=list)
    history: list[Mention] = field(default_factory=list)
    start: int = 0
    end: int = 0

    @classmethod
    def for_text(cls, text: str, dct: date | None) -> Context:
        """Build a context, splitting ``text`` into rough sentences once."""
        starts = [0] + [m.end() for m in _SENTENCE_BREAK.finditer(text)]
        return cls(text=text, dct=dct, sentence_starts=starts)

    def focus(self, start: int, end: int) -> None:
        """Point the context at the expression being normalised."""
        self.start, self.end = start, end

    def sentence_index(self, position: int | None = None) -> int:
        """Return the index of the sentence containing ``position``."""
        pos = self.start if position is None else position
        return max(0, bisect.bisect_right(self.sentence_starts, pos) - 1)

    def sentence_bounds(self) -> tuple[int, int]:
        """Return (start, end) of the sentence around the current expression."""
        index = self.sentence_index()
        begin = self.sentence_starts[index]
        stop = self.sentence_starts[index + 1] if index + 1 < len(self.sentence_starts) else len(self.text)
        return begin, stop

    def tense(self) -> int:
        """Guess the tense of the clause around the expression: -1, 0 or +1.

        The nearest tense cue wins (a past verb or a future auxiliary such as
        "will", "plans to"), so "said Friday it will..." reads as past for
        "Friday".  Cues are searched within the sentence only; 0 means none.
        """
        begin, stop = self.sentence_bounds()
        best: tuple[int, int] | None = None
        future_spans: list[tuple[int, int]] = []
        for match in _FUTURE.finditer(self.text, begin, stop):
            if self.start <= match.start() < self.end:
                continue
            if match.group().lower() == "until" and _PERFECT.search(self.text, begin, match.start()):
                continue  # "had denied any role until Saturday": a past span, not a deadline ahead
            future_spans.append(match.span())
            distance = self._distance(match.start(), match.end())
            if best is None or distance < best[0]:
                best = (distance, 1)
        for match in _PAST.finditer(self.text, begin, stop):
            if self.start <= match.start() < self.end or match.group().lower() in _NOT_PAST:
                continue
            if any(s <= match.start() < e for s, e in future_spans):
                continue
            distance = self._distance(match.start(), match.end())
            if best is None or distance <= best[0]:
                best = (distance, -1)
        return 0 if best is None else best[1]

    def _distance(self, begin: int, stop: int) -> int:
        if stop <= self.start:
            return self.start - stop
        return max(0, begin - self.end)

    def remember(self, value: str, precision: str) -> None:
        """Record a normalised expression so later anaphora can point at it."""
        self.history.append(Mention(self.start, value, precision, self.sentence_index()))

    def last_day(self) -> date | None:
        """Return the most recent day-level date mentioned, else the DCT.

        This is the anchor of "the next day", "that day" and "a day earlier".
        """
        for mention in reversed(self.history):
            parsed = parse_iso(mention.value)
            if parsed and parsed[1] == "day":
                return parsed[0]
        return self.dct

    def last_of(self, granularity: str) -> date | None:
        """Return the most recent mention at exactly ``granularity`` (e.g. a quarter)."""
        for mention in reversed(self.history):
            parsed = parse_iso(mention.value)
            if parsed and parsed[1] == granularity:
                return parsed[0]
        return None

    def reference(self, sentences_back: int = 1, finer_than_year: bool = False) -> tuple[date, str] | None:
        """Return the latest concrete date in this or the previous ``sentences_back`` sentences.

        "a year earlier" borrows both the date and the granularity of this
        reference; only mentions that are real calendar values count
        (durations and PRESENT_REF are skipped).
        """
        here = self.sentence_index()
        for mention in reversed(self.history):
            if here - mention.sentence > sentences_back:
                break
            parsed = parse_iso(mention.value)
            if parsed is None:
                continue
            if finer_than_year and parsed[1] == "year":
                continue
            return parsed
        return None


@dataclass(frozen=True)
class Resolved:
    """What a handler makes of a match: TimeML value, TIMEX3 type, precision."""

    value: str
    type: str
    precision: str
    #: False for comparison points ("a year earlier"): later anaphora such as
    #: "the quarter" should not latch on to them.
    anchor: bool = True


def date_value(day: date, granularity: str = "day", *, anchor: bool = True) -> Resolved:
    """Wrap a calendar value as a DATE :class:`Resolved` at ``granularity``."""
    return Resolved(format_value(day, granularity), "DATE", granularity, anchor)
