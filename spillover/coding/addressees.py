"""Statements addressed to "both sides" or "all parties": which countries those are.

"China urged both sides to exercise restraint" names no one; the report does. The sides are the
countries it tells fighting each other, or one country and the allies that struck it, or else its
two most mentioned countries; :func:`both_sides` gives each its own event. Split from
:mod:`spillover.coding.dyad`, which completes the other implicit sides.
"""

from __future__ import annotations

import re
from collections import Counter

from spillover.coding.counterparts import MIN_MENTIONS, implied, inferred
from spillover.records import Event, Evidence

#: A statement addressed to both parties of the dispute.
_BOTH_SIDES = re.compile(
    r"\b(?:(?:both|the two) (?:sides|countries|parties|governments|nations|neighbou?rs|capitals)"
    r"|(?:all|the warring|the conflicting) (?:sides|parties))\b",
    re.IGNORECASE,
)


def both_sides(
    original: Event,
    filled: Event,
    counts: Counter[str],
    country_name: dict[str, str],
    attacks: set[tuple[str, str]],
    hostile: set[frozenset[str]],
) -> list[Event]:
    """"Urged both sides to exercise restraint": the statement goes to each of the sides.

    Applies to a statement with a source and no named target whose own words name "both sides",
    "all parties" or "the two countries", and whose source is not one of them. The sides are the
    countries the report names fighting each other, when it names one such pair (or one country
    fighting several, "Israeli and US strikes on Iran": each of them); else its
    two most mentioned countries (each at least ``MIN_MENTIONS`` times; neither needs to dominate),
    when the report names no other country or tells the two in conflict (``hostile``): in a round-up
    of reactions to a strike by no one named, the second most mentioned country is only one more voice.
    Each side gets an event, the first keeping the original id, the other with an id of its own.
    """
    source = original.source
    if original.target is not None or source is None or original.quad_class not in (1, 3):
        return [filled]
    pairs = {frozenset(pair) for pair in attacks}
    allies = _allied_against(attacks)
    fought = len(pairs) == 1 or bool(allies)
    # "Pakistan called for restraint": an appeal to yield with no addressee is to whoever fights
    appeal = original.event_type == "REQUEST" and original.mode == "yield" and fought
    if not (_addressed_to_both(original.evidence) or appeal):
        return [filled]
    sides = sorted(allies or next(iter(pairs))) if fought else _two_sides(counts)
    voices = set(counts) - set(sides) - {source.country}  # countries the report names besides the two and the speaker
    if not fought and voices and frozenset(sides) not in hostile:
        return [filled]
    chosen = filled.target.country if filled.target is not None else None
    if len(sides) < 2 or source.country in sides or (not fought and chosen is not None and chosen not in sides):
        return [filled]  # only a third party speaks to both sides; a side's "both nations" is itself and the other
    span = original.evidence.trigger_span or original.evidence.span
    out = []
    for k, side in enumerate(sorted(sides, key=lambda c: c != chosen)):
        if side == chosen:
            out.append(filled)
            continue
        pair = f"{original.evidence.trigger}|{source.code}|{side}"
        event_id = None if k == 0 else Event.make_id(original.doc_id, span, original.event_type, pair)
        out.append(inferred(original, target=implied(side, country_name), event_id=event_id))
    return out


def _allied_against(attacks: set[tuple[str, str]]) -> frozenset[str]:
    """One country and the allies that attacked it ("Israeli and US strikes on Iran"), if the report tells just that.

    Two or more attackers of one country, which attacks none but them: all are sides of the fight. Not when
    it also struck a third country ("Iranian missiles at US bases in Qatar"): that one is no party.
    """
    for center in {b for _a, b in attacks}:
        allies = {a for a, b in attacks if b == center}
        answered = all(b in allies for a, b in attacks if a == center)  # it struck back at them only
        if len(allies) >= 2 and answered and all(center in (a, b) for a, b in attacks):
            return frozenset(allies | {center})
    return frozenset()


def _two_sides(counts: Counter[str]) -> list[str]:
    """The two countries a report about two sides names most: each twice or more, clear of any third.

    "Both governments" says there are two; a short report may name each only twice.
    """
    top = counts.most_common(3)
    if len(top) < 2 or top[1][1] < 2:
        return []
    if len(top) == 3 and top[2][1] >= top[1][1] and top[1][1] < MIN_MENTIONS:
        return []  # a tie for second place: which two is not clear
    return [top[0][0], top[1][0]]


def _addressed_to_both(evidence: Evidence) -> bool:
    """Whether the event's own words name both sides: "urged *all sides* to ..." right after its trigger.

    Not any mention in the sentence: in "stood in solidarity with Azerbaijan and urged all sides
    to ...", the solidarity is for Azerbaijan alone.
    """
    start = evidence.anchor - evidence.span[0]
    return any(0 <= m.start() - start <= 40 for m in _BOTH_SIDES.finditer(evidence.sentence))
