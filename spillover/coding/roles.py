"""Argument rules that look beyond the trigger's own dependents.

The extractor reads sources and targets off a trigger's children; the rules
here use the rest of the sentence: whether a nominal event merely restates
another event already coded ("condemned *the attack*"), and who is claiming or
denying a part in an event ("Iran denied any *role in* the attack").
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spillover.records import Actor, Event, Evidence

if TYPE_CHECKING:
    from spacy.tokens import Token

    from spillover.coding.extractor import Candidate

OBJECT_DEPS = frozenset({"dobj", "obj", "dative"})
#: Nouns that attribute an event to someone: "denied any role in", "claimed responsibility for".
RESPONSIBILITY_NOUNS = frozenset(
    {"role", "involvement", "responsibility", "part", "hand", "complicity", "participation", "link", "links"}
)


def responsibility_verb(tok: Token) -> Token | None:
    """The verb whose subject claims, admits or denies a part in the event ``tok`` names.

    "Iran denied any role in the attack", "the group claimed responsibility for
    the bombing", "Tehran denied involvement in the strike": the event noun hangs
    off a responsibility noun (via "in"/"for"), itself the object of a verb. The
    verb's subject is the alleged perpetrator, so it is the event's source; the
    verb's own meaning (deny, admit) sets the status through factuality.
    """
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep" or tok.head.lower_ not in ("in", "for", "to", "with"):
        return None
    noun = tok.head.head
    if noun.lemma_.lower() not in RESPONSIBILITY_NOUNS or noun.dep_ not in OBJECT_DEPS:
        return None
    return noun.head if noun.head.pos_ in ("VERB", "AUX") else None


def unnamed_responsibility(verb: Token) -> Token | None:
    """The responsibility noun object of ``verb`` when it names no event of its own.

    "Tehran denied involvement", "Iran has denied any role in the incident": the
    event is the one the document is about, named in an earlier sentence.
    """
    for child in verb.children:
        if child.dep_ in OBJECT_DEPS and child.lemma_.lower() in RESPONSIBILITY_NOUNS:
            return child
    return None


def echo_event(
    antecedent: Event, noun: Token, source: Actor, status: str, confidence: float, sentence_index: int
) -> Event:
    """The earlier event restated with the party now claiming or denying a part in it.

    The antecedent keeps its type, CAMEO code and target; the source becomes the
    subject of the denial (the denier is who the accusation is about) and the
    status comes from the denial's own wording.
    """
    sent = noun.sent
    trigger_span = (noun.idx, noun.idx + len(noun.text))
    key = f"{noun.text}|{source.code or ''}|{antecedent.target.code if antecedent.target else ''}"
    return replace(
        antecedent,
        id=Event.make_id(antecedent.doc_id, trigger_span, antecedent.event_type, key),
        evidence=Evidence(
            sentence=sent.text,
            span=(sent.start_char, sent.end_char),
            trigger=noun.text,
            coder=f"{antecedent.evidence.coder}+anaphora",
            sentence_index=sentence_index,
            trigger_span=trigger_span,
        ),
        source=source,
        status=status,
        confidence=round(confidence, 3),
        date=None,
        date_precision=None,
        location=None,
    )


def bare_restatement(
    cand: Candidate, events: list[Event], coded: list[tuple[Candidate, list[Event]]]
) -> bool:
    """Whether a nominal event without any actor merely echoes the sentence's other events.

    "Azerbaijan condemned the attack", "China rejected the criticism", "called for
    further demonstrations": the noun names an event already reported (or only
    talked about) and nothing in the sentence says who did it to whom, so coding
    it adds an event no analyst can use. Only a noun that is an argument of
    another coded trigger, or that repeats the type and CAMEO code of an event
    with actors in the sentence, is dropped: a bare noun elsewhere ("The measures
    include asset freezes", "killed when an explosive device went off") often
    carries the most specific description of what happened.
    """
    if not _is_bare_noun(cand, events):
        return False
    governor = _governor(cand.token)
    for other, evs in coded:
        if other is cand or not evs:
            continue
        if governor is not None and other.token.i == governor.i:
            return True  # "condemned the attack": an argument of another event
        if not _is_bare_noun(other, evs) and any(
            ev.event_type == cand.pattern.event_type and ev.cameo == cand.pattern.cameo
            and (not cand.pattern.mode or ev.mode == cand.pattern.mode)
            for ev in evs
        ):
            return True  # "drones struck the airport ... the attack": the same event, actors already found
    return False


def _governor(tok: Token) -> Token | None:
    """The word whose argument the noun is: the verb of an object, the word a preposition attaches to."""
    if tok.dep_ in OBJECT_DEPS:
        return tok.head
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        return tok.head.head
    return None


def _is_bare_noun(cand: Candidate, events: list[Event]) -> bool:
    """A nominal trigger none of whose readings found a source or a target."""
    return cand.pattern.pos == "NOUN" and not any(ev.source is not None or ev.target is not None for ev in events)
