"""Deeds a speaker only demands or asks for of another side, coded as the speaker's demand.

"Russia says Israel *must end* its attacks on Syria", "Azerbaijan *called for* sanctions",
"Baku *expected* Tehran *to apologise*": the deed the clause names has not happened, nothing but
the demand or the appeal has. These readings find the verb of saying or asking that turns a deed
into the speaker's request (CAMEO 10x), apart from the argument rules of :mod:`spillover.coding.roles`
that read a trigger's sources and targets off the rest of the sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spillover.actors.coreference import SPEECH_VERBS
from spillover.actors.positions import first_conjunct
from spillover.coding.roles import TEMPORAL_MARKS, marked_infinitive

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Modals that turn what a speaker says about another's deed into a demand.
DEMAND_MODALS = frozenset({"must", "should", "ought"})
#: Verbs whose clausal complement carries the demand ("said Israel must end its attacks").
DEMAND_SPEECH = SPEECH_VERBS | {"reaffirm", "argue", "maintain", "demand", "believe"}
_TO_CLAUSE = frozenset({"dobj", "pobj", "prep", "compound", "amod", "xcomp", "acomp", "nsubjpass", "conj"})
_PRONOUNS = frozenset({"i", "we", "it", "they", "he", "she", "us", "you"})


def demand_speaker(tok: Token) -> Token | None:
    """The speech verb of "X said Y must/should <deed>", when ``tok`` names that deed, else None.

    CAMEO codes the sentence as X demanding something of Y, not as Y's deed: "Russia says Israel
    must end attacks on Syria" is a demand (10x), "Turkey must mediate" is a call for mediation.
    A pronoun subject ("Iran said it must respond") is the speaker's own resolve, not a demand.
    """
    clause = tok
    for _ in range(5):
        if clause.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "aux" and c.lower_ in DEMAND_MODALS for c in clause.children
        ):
            break
        if clause.dep_ not in _TO_CLAUSE or clause.head.i == clause.i:
            return None
        clause = clause.head
    else:
        return None
    top = first_conjunct(clause)
    subjects = [c for c in (*clause.children, *top.children) if c.dep_ in ("nsubj", "nsubjpass")]
    if top.dep_ != "ccomp" or top.head.lemma_.lower() not in DEMAND_SPEECH:
        return None
    if not subjects or any(s.lower_ in _PRONOUNS for s in subjects):
        return None
    return top.head


#: Verbs that ask for a deed: "called for sanctions", "demanded an embargo". "urge" and "press" are
#: left out: their object is the one asked ("urged Kenya to investigate"), and the urging is coded itself.
APPEAL_VERBS = frozenset({"call", "appeal", "demand", "expect", "tell"})
#: Appeal verbs that ask only of someone named, with a to-infinitive ("expected Tehran to apologise",
#: "told Iran to apologise"): without it they forecast ("is expected to") or report ("told reporters that").
ADDRESSED_APPEALS = frozenset({"expect", "tell"})
#: Verbs that ask for a deed only through a preposition ("called *for* sanctions", "called *on* X to").
_APPEAL_PREPS = {"call": frozenset({"for", "on", "upon"}), "appeal": frozenset({"for", "to"})}
_APPEAL_CLAUSE = frozenset({"dobj", "pobj", "prep", "compound", "xcomp", "ccomp", "advcl", "conj"})


#: Subordinators of clauses of time or cause, which no appeal asks for ("called for talks *after* X accused Y").
_TIME_MARKS = TEMPORAL_MARKS | {"because", "following"}


def appeal_speaker(tok: Token) -> Token | None:
    """The appeal verb of "X called for <deed>" / "X called on Y to <deed>", when ``tok`` names the deed.

    CAMEO codes a call for sanctions or for a protest as the caller's demand (verbal conflict),
    not as the sanctions or the protest: nothing but the call has happened. Only the complement
    counts ("called for Egyptians to join a march", "demanded sanctions on Belarus"), not an
    adverbial clause or the subject. "call" asks only with "for", "on" or "upon"; a bare "called
    the envoy" is a phone call or a summons. "expect" asks only of someone named ("expected Tehran
    to apologise"); "is expected to" and "expects to" are forecasts and plans.
    """
    node = tok
    for _ in range(5):
        if node.dep_ not in _APPEAL_CLAUSE or node.head.i == node.i:
            return None
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in node.children):
            return None  # "called on both to talk, after Baku accused Tehran of an attack": a clause of time
        if node.dep_ == "advcl" and node.tag_ == "VBG" and not any(c.dep_ in ("mark", "aux") for c in node.children):
            return None  # "demanded the release of the tanker, calling the seizure piracy": said as it demanded
        head = node.head
        lemma = head.lemma_.lower()
        if head.pos_ == "VERB" and lemma in APPEAL_VERBS:
            if lemma == "expect":  # "Baku expected Tehran to apologise"; not "is expected to", "expects to"
                active = not any(c.dep_ == "auxpass" for c in head.children)
                addressed = node.dep_ == "ccomp" and any(c.dep_ == "nsubj" for c in node.children)
                return head if active and addressed else None
            if lemma == "tell":  # "told Tehran to apologise"; not "told reporters that Iran struck"
                infinitive = node.dep_ == "xcomp" and marked_infinitive(node)
                named = any(c.dep_ == "dobj" for c in head.children)
                return head if infinitive and named else None
            preps = _APPEAL_PREPS.get(lemma)
            if preps is None:
                return head
            marks = {c.lower_ for c in head.children if c.dep_ in ("prep", "prt", "mark")}
            marks.update(c.lower_ for c in node.children if c.dep_ == "mark")
            return head if marks & preps else None
        node = head
    return None
