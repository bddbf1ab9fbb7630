"""Which of a sentence's time expressions belong to a given event?

"Iran acknowledged on Saturday that its drones had struck the exclave on
Thursday": the acknowledgement is Saturday's, the strike Thursday's, although
"on Saturday" is the nearer expression to "struck" in characters. A time
expression belongs to the event whose clause it attaches to in the dependency
parse; the character-distance rule of :mod:`spillover.dates.resolver` then
chooses among those only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from spillover.dates.resolver import anaphoric_offset, event_date
from spillover.dates.timex import Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Dependencies that open a clause of its own: climbing through one leaves the event's clause.
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "xcomp", "conj", "parataxis", "acl", "pcomp"})
_MAX_HOPS = 6


def _attaches_to(tok: Token, trigger: Token) -> bool:
    cur = tok
    for _ in range(_MAX_HOPS):
        if cur.i == trigger.i:
            return True
        if cur.dep_ in _CLAUSE_DEPS or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def timexes_for(trigger: Token, sent: Span, timexes: Sequence[Timex]) -> list[Timex]:
    """The timexes attached to ``trigger``'s clause, or else the sentence's but those describing other nouns.

    Args:
        trigger: The event's trigger token.
        sent: The sentence holding it.
        timexes: Every timex of the document (character offsets into the text).
    """
    doc = sent.doc
    inside = [
        t for t in timexes if sent.start_char <= t.start < sent.end_char and not _names_a_thing(t, doc, trigger)
    ]
    # "acknowledged on Saturday that ... and expressed regret": coordinated verbs share the
    # first one's adjuncts, so a conjunct without its own looks at the verb it is joined to
    for verb in (trigger, trigger.head) if trigger.dep_ == "conj" else (trigger,):
        attached = []
        for timex in inside:
            span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
            if span is not None and _attaches_to(span.root, verb):
                attached.append(timex)
        if attached:
            return attached
    # "The missile was launched from western Iran and followed the path of one intercepted on March 4":
    # an expression in a clause that only describes a noun dates that other event
    return [t for t in inside if not _in_noun_clause(t, doc, trigger)]


def _in_noun_clause(timex: Timex, doc: Doc, trigger: Token) -> bool:
    """Whether the expression sits in a relative or participle clause of a noun that does not hold the trigger.

    "one intercepted on March 4", "the escort, withdrawn last week", "trucks stuck there since early March";
    not a present participle. An infinitive's clause ("invited him to visit in the autumn") counts too.
    """
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return False
    cur = span.root
    for _ in range(_MAX_HOPS):
        if cur.dep_ in _CLAUSE_DEPS or cur.head.i == cur.i:
            break
        cur = cur.head
    # "a convoy carrying Iranian weapons ... late on Saturday": a present participle describes what the noun
    # is or holds, with no time of its own; the expression belongs to the clause around it
    described = cur.dep_ == "relcl" or (cur.dep_ == "acl" and cur.tag_ != "VBG")
    # "thanked Georgia and invited Kobakhidze to visit Baku in the autumn": an infinitive's time is its deed's
    offered = cur.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
    return (described or offered) and cur.i != trigger.i and not cur.is_ancestor(trigger)


def _names_a_thing(timex: Timex, doc: Doc, trigger: Token) -> bool:
    """Whether the expression only dates a noun other than the trigger ("respect the *1899* arbitral award").

    "the 2015 nuclear deal", "the 1899 award" or "a protest note over Thursday's strike" says when
    that thing was made, not when the sentence's event happened; on the trigger itself ("Thursday's
    strike") it dates the event; so does an "of" phrase ("the drone incidents of the past month").
    """
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    modifier = root.dep_ in ("nummod", "compound", "amod", "nmod", "poss")
    if modifier:
        return root.head.pos_ in ("NOUN", "PROPN") and root.head.i != trigger.i
    # "to investigate the drone incidents *of the past month*": an "of" phrase dates its noun
    of = root.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None
    return of is not None and of.head.pos_ == "NOUN" and of.head.i != trigger.i


#: "a day after", "two days before": the subordinators that put an event at an offset from another.
_OFFSET_MARKS = {"after": -1, "before": 1}
_DURATION = re.compile(r"^P(?:(\d+)D|(\d+)W|T\d+H|TXH|XD)$")


def offset_anchor(trigger: Token, timexes: Sequence[Timex]) -> tuple[Token, int] | None:
    """The event an "N days after/before" phrase dates ``trigger`` from, and the signed day offset.

    "Iran fired missiles on Sunday, a day after warplanes struck": *struck* is one day before
    *fired* (-1); "comes five days after a drone strike": the strike is five days before *comes*
    (-5). Hours count as the same day. None when the trigger has no such phrase.
    """
    for node in (trigger, trigger.head) if trigger.dep_ == "pobj" else (trigger,):
        marker = next((c for c in node.children if c.dep_ in ("mark", "prep") and c.lower_ in _OFFSET_MARKS), None)
        if marker is None and node.lower_ in _OFFSET_MARKS:
            marker = node
        if marker is None:
            continue
        holder = marker if marker is node else node
        amount = next((c for c in (*holder.children, *marker.children) if c.dep_ == "npadvmod"), None)
        if amount is None:
            continue
        # the first word of the amount ("A day"), not the blanked dateline the parser may hang on it
        start = next(t.idx for t in amount.subtree if not t.is_space)
        timex = next((t for t in timexes if t.start == start), None)
        match = _DURATION.match(timex.value or "") if timex is not None else None
        if match is not None:
            days = int(match.group(1)) if match.group(1) else 7 * int(match.group(2)) if match.group(2) else 0
        else:
            # "a day after the group fired": the finder read the whole phrase as a date after the last one told
            told = anaphoric_offset(timex.text) if timex is not None else None
            if told is None or told[1] not in ("day", "week"):
                continue
            days = abs(told[0]) * (7 if told[1] == "week" else 1)
        governor = marker.head if marker is not node else node.head
        if governor.i == node.i:
            governor = node.head
        if governor.i == trigger.i:
            return None
        return governor, _OFFSET_MARKS[marker.lower_] * days
    return None


def offset_date(
    trigger: Token, sent: Span, timexes: Sequence[Timex], dct: date | None, previous: tuple[str, str] | None = None
) -> tuple[str, str] | None:
    """``(ISO day, "day")`` for an event dated "N days after/before" another in its sentence, else None.

    The other event is dated as usual (its own time expression, else the document date) and the
    offset applied: "fired on Sunday, a day after warplanes struck" puts the strikes on Saturday.
    """
    found = offset_anchor(trigger, timexes)
    if found is None:
        return None
    governor, days = found
    candidates = timexes_for(governor, sent, timexes)
    base, precision = event_date(sent.start_char, sent.end_char, governor.idx, candidates, dct, previous)
    if base is None or precision not in ("day", "document"):
        return None
    return (date.fromisoformat(base) + timedelta(days=days)).isoformat(), "day"
