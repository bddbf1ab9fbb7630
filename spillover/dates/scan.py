"""Run the rules of :mod:`spillover.dates.patterns` quickly, and filter the matches.

Python's regex engine cannot skip ahead to a pattern that starts with a
lookbehind or an optional group, so running thirty rules over a document
costs a few microseconds *per character*, milliseconds per sentence.  The
scanner therefore tokenises the text once, looks every token up in an index
of rule keywords ("quarter", "ago", month names, four-digit years...) and
runs each rule only in a window around its keywords.  Every rule match
contains one of its keywords, so nothing is lost; on news text the scan is
about twenty times cheaper than running the rules over the whole text.
"""

from __future__ import annotations

import re
from collections import defaultdict

from spillover.dates.patterns import RULES, Candidate, Rule

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)?")
_DECADE_TOKEN = re.compile(r"(?:1[0-9]|20)?\d0s", re.IGNORECASE)
_QABBR_TOKEN = re.compile(r"[1-4]q|q[1-4]", re.IGNORECASE)
#: Characters a window extends before / after a keyword; longer than any rule's reach.
_BACK = 72
_AHEAD = 64


def _build_index(rules: tuple[Rule, ...]) -> dict[str, tuple[int, ...]]:
    index: dict[str, list[int]] = defaultdict(list)
    for position, rule in enumerate(rules):
        for key in rule.keys:
            index[key].append(position)
    return {key: tuple(values) for key, values in index.items()}


_INDEX = _build_index(RULES)


def _class_keys(lowered: str, text: str, end: int) -> list[str]:
    """Return the ``#CLASS`` keys of a token that is not a plain keyword."""
    keys: list[str] = []
    base = lowered[:-2] if lowered.endswith("'s") else lowered
    if base != lowered:
        keys.append(base)
    if base.isdigit():
        if len(base) == 4 and 1000 <= int(base) <= 2099:
            keys.append("#YEAR")
        if base != lowered and base.endswith("0"):
            keys.append("#DECADE")
        if len(base) == 2 and text[end - 3 : end - 2] == "'":
            keys.append("#SHORTYEAR")
        nxt = text[end : end + 1]
        if nxt == "/":
            keys.append("#SLASH")
        elif nxt in (":", "."):
            keys.append("#CLOCK")
    elif _DECADE_TOKEN.fullmatch(base):
        keys.append("#DECADE")
    elif _QABBR_TOKEN.fullmatch(base):
        keys.append("#QABBR")
    elif base.startswith("fy"):
        keys.append("#FY")
        if len(base) == 6 and base[2:].isdigit():
            keys.append("#YEAR")
    return keys


def _windows(text: str) -> dict[int, list[tuple[int, int]]]:
    """Map rule position -> merged character windows around its keywords."""
    hits: dict[int, list[tuple[int, int]]] = defaultdict(list)
    size = len(text)
    index = _INDEX
    for match in _TOKEN.finditer(text):
        lowered = match.group().lower()
        positions = index.get(lowered)
        extra = _class_keys(lowered, text, match.end()) if (lowered[0].isdigit() or "'" in lowered
                                                            or lowered[0] in "fq") else ()  # fmt: skip
        if positions is None and not extra:
            continue
        start, end = match.span()
        for key_positions in (positions or (), *(index.get(key, ()) for key in extra)):
            for position in key_positions:
                back, ahead = RULES[position].reach
                hits[position].append((max(0, start - back), min(size, end + ahead)))
    merged: dict[int, list[tuple[int, int]]] = {}
    for position, spans in hits.items():
        spans.sort()
        out = [spans[0]]
        for start, end in spans[1:]:
            if start <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], end))
            else:
                out.append((start, end))
        merged[position] = out
    return merged


def detect(text: str) -> list[Candidate]:
    """Run the rules over ``text`` and keep the longest non-overlapping matches.

    Longest-match-wins is what makes "last Friday morning" one expression
    instead of "last", "Friday" and "morning"; ties go to the rule with the
    higher priority, then to the earlier rule in :data:`RULES`.
    """
    found: dict[tuple[int, int, int], tuple[int, int, int, int, Candidate]] = {}
    for order, spans in _windows(text).items():
        rule = RULES[order]
        for window_start, window_end in spans:
            for match in rule.regex.finditer(text, window_start, window_end):
                start, end = match.span()
                while end > start and text[end - 1] in " \t\n,-":
                    end -= 1
                if end <= start or (start, end, order) in found:
                    continue
                groups = {key: value for key, value in match.groupdict().items() if value is not None}
                cand = Candidate(start, end, rule.name, groups, rule.priority)
                found[(start, end, order)] = (-(end - start), -rule.priority, order, start, cand)
    ranked = sorted(found.values(), key=lambda item: item[:4])
    occupied = bytearray(len(text))
    chosen: list[Candidate] = []
    for *_, cand in ranked:
        if any(occupied[cand.start : cand.end]):
            continue
        occupied[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
        chosen.append(cand)
    chosen.sort(key=lambda c: c.start)
    return chosen


_MAY_CONTEXT = re.compile(
    r"(?:\b(?:in|of|since|until|till|by|during|through|from|to|before|after|between|and|or|early|late"
    r"|mid|last|next|this|each|every|until|on|for)\s+|-)$",
    re.IGNORECASE,
)
_COUNT_NOUN_AFTER = re.compile(
    r"\s+(?:people|persons|troops|soldiers|men|women|children|feet|foot|meters|metres|miles|kilometers"
    r"|kilometres|tons|tonnes|shares|barrels|units|cases|jobs|employees|workers|students|dollars"
    r"|pounds|yen|euros|votes|seats|points|acres|hectares|times|members|homes|houses|cars|vehicles"
    r"|pages|words|rooms|beds|acres|residents|refugees|prisoners|police|officers|protesters|copies)\b",
    re.IGNORECASE,
)
#: Vague words that TimeML annotators mostly leave untagged in news text.
_UNTAGGED_REFS = re.compile(r"(?:once|then|before|later|earlier|previously|soon|future|recent)$", re.IGNORECASE)
_YEAR_PREPOSITION = re.compile(
    r"\b(?:since|in|of|from|until|till|to|by|before|after|the|class\s+of)\s+$", re.IGNORECASE
)
_NUMBER_BEFORE = re.compile(r"(?:No\.|number|#|\d[\s,]*)$")
_UNTAGGED_SETS = frozenset({"quarterly", "annually", "semiannually", "semi-annually"})


def plausible(cand: Candidate, text: str) -> bool:
    """Reject matches that are usually not temporal in running text.

    Only used when *finding* expressions: when a gold span is given, the
    annotator has already decided it is temporal, so the guards are skipped.
    """
    g = cand.groups
    before = text[max(0, cand.start - 20) : cand.start]
    after = text[cand.end : cand.end + 25]
    if cand.rule == "month" and "mod" not in g:
        name = g["mon"]
        if name.rstrip(".") in ("Jan", "Mar", "Jun", "Jul", "Sep", "Sept", "Dec", "Oct", "Nov", "Feb", "Apr", "Aug"):
            return name.endswith(".") and bool(_MAY_CONTEXT.search(before))
        if name in ("May", "March") and not _MAY_CONTEXT.search(before):
            return False
    if cand.rule == "short_year" and not _YEAR_PREPOSITION.search(before):
        return False
    if cand.rule == "year" and (_COUNT_NOUN_AFTER.match(after) or _NUMBER_BEFORE.search(before)):
        return False
    if cand.rule == "season" and g["s"].lower() in ("fall", "spring") and not ("rel" in g or "y" in g):
        return False
    if cand.rule == "ref" and _UNTAGGED_REFS.match(g.get("ref", "")):
        return False
    if cand.rule == "set" and g.get("w", "").lower() in _UNTAGGED_SETS:
        return False
    if cand.rule == "duration":
        raw = g.get("n", "").lower()
        if "suffix" in g and "old" in g["suffix"].lower():
            return False  # ages ("a 6-year-old boy") are not temporal expressions
        if raw in ("a", "an") and g.get("unit", "").lower() == "quarter" and after.lstrip().startswith("of"):
            return False
    if cand.rule == "period" and not any(k in g for k in ("pre", "ypre", "ago", "y")):
        return False
    return not (cand.rule == "quarter" and not any(k in g for k in ("pre", "ord", "the", "ypre")))
