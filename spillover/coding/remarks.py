"""Statements that CAMEO codes by what they say, not by the trigger that found them.

The lexicon finds "expressed concern" (disapproval, 110) and "agree" (an agreement,
030). Two readings of the same words are remarks rather than acts:

* Concern that names no one it is aimed at ("voiced concern about the
  escalation", "concern for the president's health") is a pessimistic remark
  (012), not a reproach. Concern is aimed when the thing worried about is an
  actor or an actor's own ("concern over *China's* conduct"); an actor buried
  further down ("the escalation of hostilities between Israel and Hamas", "the
  position of the Uruguayan government") does not make the worry a reproach.
  All 13 "express/voice concern" sentences of ConfliBERT's ``cameo_class`` file
  are neutral in its gold; the demo's "concern over China's conduct" is an
  accusation in ours.
* Agreeing *with a view* ("agree with the NCAA that ...", "agree with the
  recommendation") is accord with a position (019), not an agreement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from spillover.actors.resolver import ActorIndex
    from spillover.coding.lexicon import TriggerPattern

__all__ = ["ACCORD_CODE", "CONCERN_WORDS", "PESSIMISM_CODE", "remark_code"]

#: Nouns of worry in disapproval patterns ("express concern"): with no one to aim at, CAMEO 012.
CONCERN_WORDS = frozenset({"concern", "alarm", "worry", "unease", "anxiety"})
PESSIMISM_CODE = "012"
#: Agreeing *with a view* ("agree with the recommendation", "agreed with X that ...") is CAMEO 019.
ACCORD_CODE = "019"
_VIEW_NOUNS = frozenset(
    {"recommendation", "assessment", "view", "position", "finding", "conclusion", "statement", "analysis", "what"}
)
#: Prepositions that introduce what a concern is about; "concern *for*" is sympathy, never a reproach.
_ABOUT_PREPS = frozenset({"over", "about", "at", "regarding", "with", "on"})


def remark_code(tok: Token, pattern: TriggerPattern, index: ActorIndex) -> str | None:
    """The CAMEO code of the remark the trigger makes, when it is a remark; else None."""
    if CONCERN_WORDS.intersection(pattern.particles) and not concern_is_aimed(tok, index):
        return PESSIMISM_CODE
    if pattern.pattern == "agree" and agrees_with_a_view(tok):
        return ACCORD_CODE
    return None


def concern_is_aimed(tok: Token, index: ActorIndex) -> bool:
    """Whether the concern expressed by ``tok`` is about an actor or an actor's own conduct."""
    nouns = [c for c in tok.children if c.lemma_.lower() in CONCERN_WORDS]
    for holder in (tok, *nouns):
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in _ABOUT_PREPS:
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                if any(index.named_by(o) is not None for o in (obj, *obj.conjuncts)):
                    return True  # "concern over China", "over China's conduct", "over its conduct"
    return False


def agrees_with_a_view(tok: Token) -> bool:
    """Whether "agree" voices accord with a position rather than concluding an agreement."""
    withs = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"]
    if withs and any(c.dep_ == "ccomp" for c in tok.children):
        return True  # "agree with X that ...", but "Hungary and Romania agreed that they should cooperate" agree
    for obj in (o for prep in withs for o in prep.children):
        if obj.dep_ == "pcomp" or (obj.dep_ == "pobj" and obj.lemma_.lower() in _VIEW_NOUNS):
            return True
        if obj.dep_ == "pobj" and any(_is_that_clause(c) for c in obj.children):
            return True  # "agree with the finding that ..."
    return False


def _is_that_clause(tok: Token) -> bool:
    return tok.dep_ in ("ccomp", "acl", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in tok.children)
