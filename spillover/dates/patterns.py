"""The rule set that *finds* temporal expressions (not what they mean).

Each :class:`Rule` is one compiled regular expression with named groups; the
groups are the only interface to the normalisers (``HANDLERS`` in
:mod:`~spillover.dates.absolute`, :mod:`~spillover.dates.relative`,
:mod:`~spillover.dates.periods` and :mod:`~spillover.dates.quantities`),
which turn a match into a TimeML value.  Finding and normalising are split
so that the evaluator can normalise a gold span with exactly the same code
paths as the end-to-end finder.  :mod:`~spillover.dates.scan` runs the rules.

Why regular expressions and not dateparser's search: dateparser needs
milliseconds per sentence and misses most relative expressions news relies on
("a year earlier", "the third quarter").  Each rule also lists its keywords
and how far a match can reach around them, so the scanner only runs it where
it can match.

Spans follow the TimeBank conventions: leading prepositions ("on", "in") are
*excluded*, determiners and modifiers ("the past", "early", "last") are
*included*.  All patterns are case-insensitive except month, weekday and
holiday names, which must be capitalised to keep "may", "march", "sun" and
"fall" (the verbs) out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spillover.dates.lexicon import (
    DAY_NUM,
    DAY_PART,
    MONTH,
    MONTHS,
    NUM,
    SEASON,
    UNIT,
    VAGUE,
    WEEKDAY,
    YEAR,
)

_CS_MONTH = f"(?-i:{MONTH})"
_CS_WEEKDAY = f"(?-i:{WEEKDAY})"
_LEFT = r"(?<![\w$£€.,/-])"
_RIGHT = r"(?![\w/])"
_NOT_NUMBER_AFTER = r"(?![\d/]|[.,:]\d|\s*(?:%|percent|per\s*cent))"

_MODS = (
    r"(?:early|late|mid|middle|the\s+middle\s+of|the\s+end\s+of|end\s+of|the\s+beginning\s+of"
    r"|beginning\s+of|the\s+start\s+of|start\s+of|last|next|this|this\s+past|this\s+coming"
    r"|the\s+coming|coming|the\s+past|the\s+first\s+half\s+of|the\s+second\s+half\s+of)"
)
_REL = (
    r"(?:this\s+past|this\s+coming|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+previous"
    r"|the\s+following|the\s+current|the\s+same|the\s+preceding|the\s+latest|last|next|this|past|coming"
    r"|previous|following|current|that|the)"
)
_PERIOD_MOD = (
    r"(?:(?:early|late|mid|earlier|later)(?:\s+in)?[\s-]+"
    r"|(?:the\s+)?(?:end|beginning|start|middle|rest|remainder|balance|turn)\s+of\s+)"
)
_QUALIFIER = (
    r"(?:about|around|nearly|almost|some|more\s+than|less\s+than|fewer\s+than|at\s+least"
    r"|at\s+most|over|under|up\s+to|roughly|approximately|only|just|no\s+more\s+than"
    r"|no\s+less\s+than|within|another|an\s+additional|an?\s+extra|the\s+first|the\s+final"
    r"|the\s+past|the\s+last|the\s+next|the\s+latest|the\s+previous|the\s+coming"
    r"|the\s+following|the\s+entire|the\s+whole|the\s+full|the|a\s+period\s+of|each\s+of\s+the\s+past"
    r")"
)
_HOLIDAY = (
    r"(?-i:Christmas(?:\s+(?:Day|Eve))?|New\s+Year's(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?"
    r"|Easter(?:\s+Sunday)?|Good\s+Friday|Independence\s+Day|Labor\s+Day|Memorial\s+Day"
    r"|Halloween|Valentine's\s+Day|Veterans\s+Day|Boxing\s+Day|Election\s+Day)"
)
_SPOKEN_YEAR = (
    r"(?P<sy>nineteen[\s-]+(?:hundred|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?)"
    r"|two\s+thousand(?:\s+and)?(?:\s+(?:one|two|three|four|five|six|seven|eight|nine|ten))?)"
)
_ORDINAL_WORDS = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
    r"|twenty[\s-]first|\d{1,2}(?:st|nd|rd|th))"
)


@dataclass(frozen=True)
class Rule:
    """A named pattern; ``priority`` breaks ties between equally long matches.

    ``keys`` are the lower-case words (or ``#CLASS`` token classes) of which
    at least one occurs in every match; the scanner only runs the regex
    around them, which is what keeps finding fast.
    """

    name: str
    regex: re.Pattern[str]
    priority: int = 0
    keys: frozenset[str] = frozenset()
    reach: tuple[int, int] = (72, 64)


@dataclass(frozen=True)
class Candidate:
    """A span some rule matched, with the rule's named groups, not yet normalised."""

    start: int
    end: int
    rule: str
    groups: dict[str, str]
    priority: int = 0
    parts: tuple[Candidate, ...] = ()


_UNIT_KEYS = (
    "second seconds minute minutes hour hours day days night nights week weeks fortnight fortnights"
    " month months quarter quarters year years decade decades century centuries millennium millennia"
)
_MONTH_KEYS = " ".join(MONTHS)
_WEEKDAY_KEYS = "monday tuesday wednesday thursday friday saturday sunday"
_SEASON_KEYS = "spring summer fall autumn winter springs summers falls autumns winters"
_KEYS: dict[str, str] = {
    "iso": "#YEAR",
    "slash": "#SLASH",
    "week_of": "week",
    "mdy": _MONTH_KEYS,
    "dmy": _MONTH_KEYS,
    "month_year": _MONTH_KEYS,
    "month": _MONTH_KEYS,
    "year": "#YEAR",
    "year_range": "#YEAR",
    "fy": "#FY fy",
    "short_year": "#SHORTYEAR",
    "spoken_year": "nineteen thousand",
    "decade": "#DECADE twenties thirties forties fifties sixties seventies eighties nineties",
    "century": "century",
    "deictic": "today tonight yesterday tomorrow",
    "day_part": "morning afternoon evening night overnight",
    "weekday": _WEEKDAY_KEYS + " mondays tuesdays wednesdays thursdays fridays saturdays sundays",
    "rel_unit": "week weekend month quarter year decade century day season " + _SEASON_KEYS,
    "offset": _UNIT_KEYS,
    "anaphoric": "day week month year night morning afterward afterwards thereafter later",
    "year_ago": "year month week",
    "quarter": "quarter quarters half halves",
    "period": "period",
    "q_abbrev": "#QABBR",
    "season": _SEASON_KEYS,
    "ref": "now currently nowadays presently present moment days current recently lately past previously"
    " formerly recent future soon term run date once",
    "duration": _UNIT_KEYS,
    "half_unit": "half",
    "bare_units": "years months decades weeks centuries",
    "set": "daily weekly monthly annually yearly hourly nightly biweekly quarterly semiannually semi every each per",
    "time": "m am pm noon midnight midday o'clock #CLOCK morning afternoon evening utc gmt hours hrs",
    "holiday": "christmas thanksgiving easter independence labor memorial halloween valentine's veterans boxing"
    " election year's friday",
}


#: How far a match may start before / end after its keyword, for rules whose
#: keyword sits at a known end of the expression (the unit of "three days").
_REACH: dict[str, tuple[int, int]] = {
    "iso": (8, 24),
    "slash": (8, 12),
    "week_of": (12, 32),
    "mdy": (40, 28),
    "dmy": (40, 28),
    "month_year": (40, 40),
    "month": (40, 8),
    "year": (32, 24),
    "year_range": (8, 12),
    "fy": (8, 12),
    "short_year": (4, 8),
    "spoken_year": (24, 48),
    "decade": (32, 12),
    "century": (56, 12),
    "deictic": (24, 32),
    "day_part": (40, 12),
    "weekday": (32, 32),
    "duration": (56, 24),
    "offset": (56, 32),
    "rel_unit": (56, 16),
    "anaphoric": (40, 32),
    "year_ago": (16, 48),
    "quarter": (64, 48),
    "period": (48, 32),
    "q_abbrev": (8, 12),
    "season": (24, 32),
    "ref": (24, 24),
    "half_unit": (16, 32),
    "bare_units": (4, 24),
    "set": (24, 40),
    "time": (48, 40),
    "holiday": (24, 32),
}


def _rule(name: str, pattern: str, priority: int = 0) -> Rule:
    regex = re.compile(_LEFT + pattern + _RIGHT, re.IGNORECASE)
    return Rule(name, regex, priority, frozenset(_KEYS[name].split()), _REACH[name])


#: All rules, most specific first (order only matters for equal spans).
RULES: tuple[Rule, ...] = (
    _rule(
        "iso",
        rf"(?P<y>{YEAR})-(?P<m>0[1-9]|1[0-2])(?:-(?P<d>0[1-9]|[12]\d|3[01]))?(?:T(?P<h>[01]\d|2[0-3]):(?P<min>[0-5]\d))?",
        5,
    ),
    _rule("slash", r"(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<y>\d{4}|\d{2})", 5),
    _rule("week_of", rf"the\s+week\s+of\s+(?P<mon>{_CS_MONTH})\s*(?P<d>{DAY_NUM})(?:,?\s+(?P<y>{YEAR}))?", 6),
    _rule(
        "mdy",
        rf"(?:(?P<wd>{_CS_WEEKDAY}),?\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?(?:the\s+)?(?P<mon>{_CS_MONTH})\s*(?P<d>{DAY_NUM})"
        rf"{_NOT_NUMBER_AFTER}(?:(?:,\s*|\s+)(?P<y>{YEAR}){_NOT_NUMBER_AFTER})?",
        4,
    ),
    _rule(
        "dmy",
        rf"(?:(?P<wd>{_CS_WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>{DAY_NUM})\s+(?:of\s+)?(?P<mon>{_CS_MONTH})"
        rf"(?:,?\s+(?P<y>{YEAR}){_NOT_NUMBER_AFTER})?",
        4,
    ),
    _rule(
        "month_year",
        rf"(?:(?P<mod>{_MODS})[\s-]+)?(?P<mon>{_CS_MONTH}),?\s+(?:of\s+)?(?:(?P<y>{YEAR}){_NOT_NUMBER_AFTER}"
        rf"|(?P<yrel>this|last|next)\s+year|{_SPOKEN_YEAR})",
        3,
    ),
    _rule("month", rf"(?:(?P<mod>{_MODS})[\s-]+)?(?P<mon>{_CS_MONTH})(?P<poss>'s)?", 1),
    _rule(
        "year",
        rf"(?:(?P<pre>fiscal(?:[\s-]+year)?|FY|calendar(?:\s+year)?|the\s+year|model\s+year|early|late|mid|post|pre)[\s-]*)?"
        rf"(?P<y>{YEAR}){_NOT_NUMBER_AFTER}(?!\s*(?:-|to)\s*\d{{2}}(?!\d))",
        2,
    ),
    _rule("year_range", rf"(?P<y>{YEAR})-(?P<y2>\d{{2}}|{YEAR})(?!\d)", 3),
    _rule("fy", r"FY[\s']?(?P<yy>\d\d)(?!\d)", 2),
    _rule("short_year", r"(?<![\w'])'(?P<yy>\d\d)(?![\w'])", 1),
    _rule("spoken_year", rf"(?:the\s+year\s+)?{_SPOKEN_YEAR}", 1),
    _rule(
        "decade",
        r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<dec>1[0-9]\d0|20\d0)'?s|'(?P<dd>\d0)'?s"
        r"|(?<=the\s)(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))",
        2,
    ),
    _rule("century", rf"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<ord>{_ORDINAL_WORDS})[\s-]+century", 2),
    _rule(
        "deictic",
        r"(?:(?P<mod>earlier|later|early|late)\s+)?(?P<w>today|tonight|yesterday|tomorrow"
        r"|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)(?:'s)?"
        rf"(?:[\s-]+(?P<part>{DAY_PART}))?",
        3,
    ),
    _rule(
        "day_part",
        r"(?:(?P<mod>early|late|mid|later|earlier)[\s-]+)?(?:(?P<rel>this|last|the|that|tomorrow|yesterday|the\s+next|the\s+following|the\s+previous)[\s-]+)?"
        r"(?P<part>morning|afternoon|evening|night|overnight)(?!s)",
        1,
    ),
    _rule(
        "weekday",
        rf"(?:(?P<rel>last|next|this|this\s+past|this\s+coming|coming|past|the\s+following|the\s+previous|the\s+next|that|early|late)\s+)?"
        rf"(?P<wd>{_CS_WEEKDAY})(?P<plural>s)?(?:'s)?(?:[\s-]+(?P<part>{DAY_PART})(?P<partplural>s)?)?",
        2,
    ),
    _rule(
        "rel_unit",
        rf"(?P<mod>{_PERIOD_MOD})?(?P<rel>{_REL})[\s-]+(?:(?P<fiscal>fiscal|calendar|full)\s+)?(?P<unit>week|weekend|month|quarter|year|decade|century|day|season|{SEASON})(?P<poss>'s)?(?![\w-])",
        1,
    ),
    _rule(
        "offset",
        rf"(?:(?P<q>{_QUALIFIER})\s+)?(?P<n>{NUM}|{VAGUE})[\s-]+(?:(?:more|additional|full|trading|business|calendar)\s+)?"
        rf"(?P<unit>{UNIT})\s+(?P<dir>ago|from\s+now|hence|(?:earlier|later|before|after|previously|back|since|prior)"
        # "three days after the attack" dates nothing by itself: only a bare
        # "after"/"later" (followed by punctuation or a new clause) is a point.
        r"(?=\s*(?:[.,;:!?)\"']|$|and\b|but\b|or\b|when\b|he\b|she\b|they\b|it\b|that\b|as\b|with\b|in\b"
        r"|to\b|at\b|on\b|for\b|of\b)))",
        3,
    ),
    _rule(
        "anaphoric",
        r"(?P<rel>the\s+day\s+before|the\s+day\s+after|the\s+next\s+day|the\s+following\s+day|the\s+previous\s+day"
        r"|the\s+same\s+day|that\s+same\s+day|that\s+day|the\s+day\s+earlier|the\s+day\s+later|the\s+night\s+before"
        r"|the\s+next\s+morning|the\s+following\s+morning|a\s+day\s+(?:earlier|later|before|after)"
        r"|the\s+same\s+(?:week|month|year)|the\s+following\s+(?:week|month|year)|the\s+previous\s+(?:week|month|year)"
        r"|the\s+(?:week|month|year)\s+(?:before|after|earlier|later|previous|prior)"
        r"|(?P<soon>(?:shortly|soon|immediately|not\s+long)\s+(?:afterwards?|thereafter)|(?:moments|minutes|hours)\s+later"
        r"|afterwards?|thereafter))(?=\s*[.,;:!?)]|\s+(?:and|but|when|as|to|in|at|on|the|he|she|it|they)\b|$)",
        4,
    ),
    _rule(
        "year_ago",
        r"(?:the\s+)?(?:same\s+)?(?:year|month|week)[\s-]+(?P<dir>ago|earlier|before)(?:\s+(?P<what>period|quarter|months|month|half|level|week|year|results?|figures?|time))?",
        3,
    ),
    _rule(
        "quarter",
        r"(?:(?P<the>the|its|their|this|last|next|that)\s+)?(?:(?P<pre>fiscal|fiscal[\s-]+year|calendar|this\s+year's|last\s+year's"
        r"|next\s+year's|year[\s-]+(?:ago|earlier)|latest|current|previous|prior|past|last(?![\s-]+half)|next|coming|recent|same"
        r"|comparable|corresponding|most\s+recent|just[\s-]+(?:ended|completed)|seasonally\s+slow)[\s-]+)*"
        rf"(?:(?P<ypre>{YEAR})[\s-]+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)?[\s-]*(?:(?:fiscal|calendar)[\s-]+)?"
        r"(?P<q>quarters?|half|halves)(?:(?:\s+of|,)\s+(?:(?:the\s+)?(?:fiscal|calendar)\s+)?"
        rf"(?:(?:year\s+)?(?P<y>{YEAR})|(?P<yrel>this|last|next|the)\s+(?:fiscal\s+)?year)"
        r"|\s+(?P<ago>a\s+year\s+(?:ago|earlier)|last\s+year))?(?![\w-])",
        2,
    ),
    _rule(
        "period",
        r"(?P<the>the|that)\s+(?:(?P<pre>latest|comparable|same|year[\s-]+(?:ago|earlier)|corresponding|previous|prior|year-before)\s+)?"
        rf"(?:(?P<ypre>{YEAR})\s+)?period(?:\s+(?P<ago>a\s+year\s+(?:ago|earlier)|last\s+year)|\s+of\s+(?P<y>{YEAR}))?",
        2,
    ),
    _rule("q_abbrev", rf"(?:(?P<ord>[1-4])Q|Q(?P<ord2>[1-4]))(?:\s*(?P<y>{YEAR}))?", 2),
    _rule(
        "season",
        rf"(?:(?P<rel>last|this|next|this\s+past|the\s+coming|coming|past|early|late|mid|the|the\s+early|the\s+late)[\s-]+)?(?P<s>{SEASON})(?P<plural>s)?"
        rf"(?:(?:\s+of)?\s+(?:(?P<y>{YEAR})|{_SPOKEN_YEAR}))?",
        1,
    ),
    _rule(
        "ref",
        r"(?P<ref>right\s+now|just\s+now|now|currently|nowadays|presently|at\s+present|at\s+the\s+moment|these\s+days"
        r"|current|recently|lately|the\s+past|previously|formerly|recent(?=\s+(?:days|weeks|months|years|times|decades))?"
        r"|the\s+near\s+future|the\s+future|soon|future|the\s+near\s+term|the\s+short\s+term|the\s+long\s+term"
        r"|the\s+long\s+run|the\s+short\s+run|the\s+medium\s+term|a\s+later\s+date|later\s+date|the\s+present|once)",
        0,
    ),
    _rule(
        "duration",
        rf"(?:(?P<q>{_QUALIFIER})\s+)?(?:(?P<q2>{_QUALIFIER})\s+)?(?P<n>{NUM}|{VAGUE})[\s-]+(?:(?P<more>more|additional|full|straight|consecutive|trading|business|calendar|working|long)[\s-]+)?"
        rf"(?P<unit>{UNIT})(?:(?P<and>\s+and\s+a\s+half))?(?P<suffix>-long|-old|\s+old)?(?![\w-])",
        1,
    ),
    _rule("half_unit", rf"(?P<h>half\s+an?|a\s+half)[\s-]+(?P<unit>{UNIT})", 1),
    _rule(
        "bare_units",
        r"(?P<unit>years|months|decades|weeks|centuries)(?=\s+(?:ago|of|to\s+come|earlier|later|before|after))",
        0,
    ),
    _rule(
        "set",
        rf"(?P<w>daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|quarterly|semiannually|semi-annually)"
        rf"|(?P<every>every|each|per)\s+(?:(?P<n>{NUM}|other)\s+)?(?P<unit>{UNIT}|{_CS_WEEKDAY}|{DAY_PART}|{_CS_MONTH})",
        1,
    ),
    _rule(
        "time",
        r"(?:(?P<approx>about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
        r"(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>[ap]\.?\s?m\b\.?|o'clock)"
        r"|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?!\d)|(?P<named>noon|midnight|midday)"
        r"|(?P<mil>[01]\d|2[0-3])(?P<mm>[0-5]\d)(?=\s+(?:UTC|GMT|hours|hrs)\b)"
        r"|(?P<hw>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+(?:o'clock\s+)?in\s+the\s+(?P<hpart>morning|afternoon|evening))"
        r"(?:\s+(?P<tz>(?-i:[ECMP][SD]T|GMT|UTC|Z)|local\s+time))?",
        3,
    ),
    _rule("holiday", rf"(?P<hol>{_HOLIDAY})(?:,?\s+(?P<y>{YEAR}))?", 3),
)
