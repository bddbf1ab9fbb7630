"""Datelines: the "BAKU, March 5 —" that opens a wire story.

The dateline names where the report was filed, not an actor: parsed as a
sentence subject it would make "BAKU" the source of the first event. We find
it once per document so that the actor stage can ignore it and the geo stage
can use it as the fallback location of the story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DATELINE = re.compile(
    r"""^\s*
    (?P<place>[A-Z][A-Z\u00C0-\u024F .'’-]{1,40}?)      # BAKU / TEL AVIV / ANKARA
    (?:\s*\([^)\n]{1,30}\))?                              # optional agency: (Reuters)
    (?:,\s*(?P<rest>[A-Za-z][^—–\n]{0,40}?))?             # optional ", Turkey, March 5"
    \s*(?:—|–|--|-)\s+""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class Dateline:
    """The dateline's place text and the character range it occupies."""

    place: str
    start: int
    end: int
    qualifier: str | None = None
    """The state or country written after the place ("ASTARA, Azerbaijan, March 3 —"), if any."""


def find_dateline(text: str) -> Dateline | None:
    """Return the dateline at the start of ``text``, if the story opens with one."""
    match = _DATELINE.match(text)
    if match is None:
        return None
    place = match.group("place").strip()
    if len(place) < 3 or not place.replace(" ", "").replace("-", "").isalpha():
        return None
    rest = (match.group("rest") or "").split(",")[0].strip()
    # "ASTARA, Azerbaijan, March 3": a capitalised word that is no month or weekday qualifies the place
    words = rest.split()
    qualifier = rest if words and rest[:1].isupper() and words[0].lower().rstrip(".") not in _CALENDAR else None
    return Dateline(place=place.title(), start=match.start("place"), end=match.end(), qualifier=qualifier)


#: Month and weekday names (and abbreviations) that open a dateline's date, not a qualifier of its place.
_CALENDAR = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
     "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)  # fmt: skip
