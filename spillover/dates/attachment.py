"""Which of a sentence's time expressions belong to a given event?

"Iran acknowledged on Saturday that its drones had struck the exclave on
Thursday": the acknowledgement is Saturday's, the strike Thursday's, although
"on Saturday" is the nearer expression to "struck" in characters. A time
expression belongs to the event whose clause it attaches to in the dependency
parse; the character-distance rule of :mod:`spillover.dates.resolver` then
chooses among those only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from spillover.dates.timex import Timex

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

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
    """The timexes attached to ``trigger``'s clause, or all of the sentence's when none is.

    Args:
        trigger: The event's trigger token.
        sent: The sentence holding it.
        timexes: Every timex of the document (character offsets into the text).
    """
    inside = [t for t in timexes if sent.start_char <= t.start < sent.end_char]
    doc = sent.doc
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
    return inside
