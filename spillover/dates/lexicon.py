"""Word lists and regex fragments shared by the temporal-expression rules.

The finder in :mod:`spillover.dates.patterns` is rule based: every rule is a
regular expression assembled from the fragments below.  Keeping the
vocabulary in one place means a new spelling ("Sept.", "fortnight") is added
once and every rule that mentions months or units picks it up.

Nothing here is computed lazily or mutated: the tables are plain constants and
the helpers are pure functions, so the module is safe to import anywhere.
"""

from __future__ import annotations

import re

#: Month spellings (lower case, without a trailing dot) to month number.
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1,
    "february": 2, "feb": 2,
    "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun": 6,
    "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

#: Weekday spellings to ISO weekday number (Monday = 1).
WEEKDAYS: dict[str, int] = {
    "monday": 1, "mon": 1,
    "tuesday": 2, "tue": 2, "tues": 2,
    "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4,
    "friday": 5, "fri": 5,
    "saturday": 6, "sat": 6,
    "sunday": 7, "sun": 7,
}  # fmt: skip

#: Cardinal number words.
NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a": 1, "an": 1, "single": 1, "dozen": 12,
}  # fmt: skip

#: Ordinal words used for quarters, halves and days of the month.
ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
    "fourth": 4, "4th": 4, "fifth": 5, "final": 4, "last": 4,
}  # fmt: skip

#: Vague quantities: the TimeML value uses ``X`` for the count.
VAGUE_QUANTITIES: frozenset[str] = frozenset(
    {"few", "several", "many", "some", "numerous", "countless", "various", "recent", "coming"}
)

#: Time unit word (singular, lower case) to (ISO 8601 designator, multiplier).
#: Decades and centuries are written as years because TimeBank does so most often.
UNITS: dict[str, tuple[str, int]] = {
    "second": ("S", 1), "minute": ("M", 1), "hour": ("H", 1),
    "day": ("D", 1), "night": ("D", 1), "week": ("W", 1), "fortnight": ("W", 2),
    "month": ("M", 1), "quarter": ("Q", 1), "year": ("Y", 1),
    "decade": ("Y", 10), "century": ("Y", 100), "millennium": ("Y", 1000),
}  # fmt: skip

#: Units whose designator belongs after the ``T`` of an ISO duration.
TIME_UNITS: frozenset[str] = frozenset({"second", "minute", "hour"})

#: Parts of the day and their TimeML codes.
DAY_PARTS: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
    "overnight": "NI", "tonight": "NI", "midday": "MI", "noon": "MI",
}  # fmt: skip

#: Seasons and their TimeML codes.
SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}  # fmt: skip

# ---------------------------------------------------------------- fragments
_DIGIT_WORDS = "one|two|three|four|five|six|seven|eight|nine"
_SMALL = f"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten|{_DIGIT_WORDS}"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
#: A cardinal written in words ("twenty-four", "seven"), digits or as a fraction.
NUM = (
    rf"(?:\d+(?:[.,]\d+)?(?:\s+\d/\d)?|(?:{_TENS})(?:[\s-](?:{_DIGIT_WORDS}))?"
    rf"|(?:{_SMALL})(?:\s+and\s+a\s+half)?|a\s+hundred|(?:a\s+)?couple\s+of|a\s+dozen|a|an|one\s+and\s+a\s+half)"
)
#: Vague counts ("several", "a few").
#: "past"/"coming"/"future" only count with a plural unit ("past years"), so
#: that "the past year" stays a calendar year.
VAGUE = (
    r"(?:a\s+few|few|several|many|some|numerous|countless|recent|(?:coming|future|past)(?=[\s-]+[a-z]+s\b)"
    r"|the\s+past\s+few|the\s+next\s+few)"
)
#: Any time unit, singular or plural.
UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?"
    r"|years?|decades?|century|centuries|millenni(?:um|a))"
)
#: Month name with optional abbreviation dot; capitalised only (see the "may" guard).
MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?"
    r"|Oct\.?|Nov\.?|Dec\.?)(?![a-z])"
)
#: Weekday name, capitalised.
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
#: A part of the day.
DAY_PART = r"(?:morning|afternoon|evening|night)"
#: A season.
SEASON = r"(?:spring|summer|fall|autumn|winter)"
#: Day of the month, with optional ordinal suffix.
DAY_NUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
#: A plausible year for news (1000-2099); rules add context guards.
YEAR = r"(?:1[0-9]\d\d|20\d\d)"

_WORD_NUMBER = re.compile(r"[a-z]+")


def parse_number(text: str) -> float | None:
    """Read a cardinal such as ``"twenty-four"``, ``"2 1/2"`` or ``"a couple of"``.

    Returns ``None`` for vague quantities so that callers can emit ``X``,
    which is how TimeML marks an unknown count.
    """
    cleaned = text.lower().replace(",", "").strip()
    if not cleaned:
        return None
    half = 0.5 if ("1/2" in cleaned or "and a half" in cleaned) else 0.0
    cleaned = cleaned.replace("1/2", "").replace("and a half", "").strip()
    first = cleaned.split()[0] if cleaned.split() else ""
    try:
        return float(first) + half
    except ValueError:
        pass
    if cleaned.startswith("half"):
        return 0.5
    if "couple" in cleaned:
        return 2.0 + half
    total = 0
    found = False
    for word in _WORD_NUMBER.findall(cleaned):
        if word in VAGUE_QUANTITIES:
            return None
        value = NUMBER_WORDS.get(word)
        if value is None:
            continue
        found = True
        total = total * value if value == 100 and total else total + value
    return float(total) + half if found else None


def unit_of(word: str) -> str | None:
    """Return the singular unit name for ``word`` ("centuries" -> "century")."""
    lowered = word.lower().strip()
    if lowered in ("centuries",):
        return "century"
    if lowered.startswith("millenni"):
        return "millennium"
    if lowered.endswith("s") and lowered[:-1] in UNITS:
        return lowered[:-1]
    return lowered if lowered in UNITS else None


def month_of(word: str) -> int | None:
    """Return the month number for a name or abbreviation, ignoring a dot."""
    return MONTHS.get(word.lower().rstrip("."))


def weekday_of(word: str) -> int | None:
    """Return the ISO weekday for a weekday name, ignoring case and dots."""
    return WEEKDAYS.get(word.lower().rstrip("."))


_BACK = frozenset({"last", "past", "previous", "preceding", "this past", "latest", "prior"})
_FORWARD = frozenset({"next", "coming", "following", "this coming"})


def norm_words(text: str | None) -> str:
    """Lower-case ``text``, turn hyphens into spaces and collapse whitespace."""
    return " ".join((text or "").lower().replace("-", " ").split())


def direction_of(rel: str) -> int:
    """Return -1 for "last"/"past"/"previous", +1 for "next"/"coming", else 0."""
    words = norm_words(rel).removeprefix("the ")
    if words in _BACK:
        return -1
    if words in _FORWARD:
        return 1
    return 0
