"""How much the clauses of one sentence let each of its events weigh.

A sentence often tells one piece of news and, around it, deeds that are only its background: a
relative clause ("freed a diplomat *it arrested*"), an infinitive of purpose ("handed over vehicles
*to support* clinics"), a gerund of time ("lifted the ban *after accusing* the agency"), or a deed that
a request only asks another side for ("urged both sides *to observe* the ceasefire"). These keep a
weak vote rather than being dropped, so the sentence classifier does not make them up again. Last,
one event per type, mode and dyad is kept (:func:`dedupe`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spillover.actors.coreference import SPEECH_VERBS
from spillover.actors.positions import first_conjunct
from spillover.coding.phrases import subject_actors
from spillover.coding.triggers import marked_infinitive

if TYPE_CHECKING:
    from spacy.tokens import Token

    from spillover.actors.resolver import ActorIndex
    from spillover.coding.triggers import Candidate
    from spillover.records import Actor, Event


#: Confidence factor for an event told in a relative clause beside another event: "has freed a
#: diplomat *it arrested*", "the release of two nationals *who had been arrested*" report the
#: release; the arrest is background. (ConfliBERT macro-F1 +0.004, demo unchanged.) Likewise an
#: infinitive of purpose: in "handed over 30 vehicles to support health services" the handover happened;
#: and a gerund of time: in "lifted a ban on UNICEF after accusing it of spying" the lifting is the news.
BACKGROUND_FACTOR = 0.6


def background(cand: Candidate, events: list[Event], candidates: list[Candidate]) -> list[Event]:
    """Weaken the events of a relative, purpose or time clause when the sentence has a trigger outside it."""
    clause = next(
        (t for t in (cand.token, *cand.token.ancestors) if t.dep_ == "relcl" or is_purpose(t) or is_earlier(t)),
        None,
    )
    if clause is None:
        return events
    inside = range(clause.left_edge.i, clause.right_edge.i + 1)
    if not any(c.token.i not in inside for c in candidates):
        return events
    if clause.dep_ == "relcl" and all(e.status == "planned" and e.quad_class == 4 for e in events):
        return events  # "arrested five people who were preparing to bomb a pumping station": the plot is news
    return [replace(e, confidence=round(e.confidence * BACKGROUND_FACTOR, 3)) for e in events]


#: Confidence factor for a deed that a request coded in the same sentence only asks another side for.
ASKED_FACTOR = 0.5


def asked(cand: Candidate, events: list[Event], coded: list[tuple[Candidate, list[Event]]]) -> list[Event]:
    """Weaken the events of a trigger that is only what a request to another side asks for.

    "Russia urged both sides to observe the ceasefire": the urging is the event (REQUEST); the
    ceasefire asked for has not happened. It keeps a weak vote (so the sentence classifier does not
    make the asked deed up again) but rarely reaches the threshold. An order to one's own forces
    ("ordered the armed forces to raise their combat readiness") is the state's deed and stays.
    """
    tok = cand.token
    infinitive = tok.dep_ == "xcomp" and marked_infinitive(tok)
    clause = tok.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)
    if not (infinitive or clause):  # "urged both sides to observe", "demanded that Turkey withdraw"
        return events
    asking = [e for other, evs in coded if other.token.i == tok.head.i for e in evs if e.event_type == "REQUEST"]
    own = [e for e in asking if e.source and e.target and e.source.country and e.source.country == e.target.country]
    if not asking or len(own) == len(asking):
        return events
    return [replace(e, confidence=round(e.confidence * ASKED_FACTOR, 3)) for e in events]


#: Prepositions whose gerund tells a deed as the time of the clause's own ("lifted the ban after accusing the agency").
TIME_PREPS = frozenset({"after", "before", "since"})


def is_earlier(tok: Token) -> bool:
    """A gerund after "after", "before" or "since": the clause's own event is the news, this one its time."""
    return tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.lower_ in TIME_PREPS


def infinitive_on_noun(tok: Token) -> bool:
    """Whether ``tok`` is a to-infinitive describing a noun ("on suspicion of planning *to blow up*").

    An infinitive on such a noun names a deed intended or suspected, not one done: "a plan to attack",
    "an attempt to bomb", and the parser's "suspicion [of planning] to blow up".
    """
    described = tok.head.lemma_.lower() in _INTENT_NOUNS  # not "the decision to expel 23 diplomats": done
    return tok.dep_ == "acl" and tok.pos_ == "VERB" and described and marked_infinitive(tok)


#: Nouns whose to-infinitive is only intended or suspected ("a plot to bomb", "suspicion of planning to").
_INTENT_NOUNS = frozenset(
    {"suspicion", "plan", "plot", "attempt", "bid", "intention", "intent", "conspiracy", "scheme", "charge",
     "accusation", "allegation", "threat", "preparation"}
)  # fmt: skip


def is_purpose(tok: Token) -> bool:
    """Whether ``tok`` heads an infinitive of purpose ("handed over 30 vehicles *to support* clinics")."""
    return tok.dep_ == "advcl" and tok.pos_ == "VERB" and marked_infinitive(tok)


def dedupe(events: list[Event]) -> list[Event]:
    """Keep one event per (type, mode, source, target) in a sentence: the most confident.

    The mode counts: "ordered the ambassador to leave and recalled its own envoy" is an expulsion and a
    recall, two sanctions between the same sides.
    """
    best: dict[tuple[str, str | None, str | None, str | None, str], Event] = {}
    for ev in events:
        source, target = ev.source.code if ev.source else None, ev.target.code if ev.target else None
        key = (ev.event_type, ev.mode, source, target, ev.status)
        if key not in best or ev.confidence > best[key].confidence:
            best[key] = ev
    return sorted(best.values(), key=lambda e: e.evidence.anchor)


#: Verbs whose that-clause, negated, is the speaker's denial of a deed ("said it had not attacked").
_DENYING_SPEECH = frozenset(
    {"say", "insist", "stress", "state", "tell", "claim", "maintain", "assert", "reiterate", "add", "affirm"}
)


def denying_speech(tok: Token) -> Token | None:
    """The speech verb whose that-clause is the negated deed ``tok``, if it is one.

    "Iran's embassy said the missile had not been aimed at Türkiye", "Baku insisted its troops did not
    fire first": the deed is not just negated, it is denied by whoever says so, which matters when the
    speaker is its alleged doer (see the extractor).
    """
    if tok.pos_ != "VERB":
        return None
    # "said the missile had malfunctioned and had not been aimed at Turkey": a conjunct is reported too
    return reporting_verb(first_conjunct(tok), _DENYING_SPEECH, steps=1)


#: Verbs by which a state announces its own deed ("Israel said an air strike had killed ...").
_ANNOUNCING = frozenset({"say", "announce", "confirm", "claim", "state", "declare"})


def announcing_speech(tok: Token) -> Token | None:
    """The verb of saying whose reported clause tells the deed ``tok`` names, up to three steps up."""
    return reporting_verb(tok, _ANNOUNCING, steps=3)


def clause_speakers(tok: Token, index: ActorIndex) -> list[Actor]:
    """The subjects of the verb of saying whose that-clause ``tok`` heads: who owns what the clause judges.

    "Said the group would pay a heavy price" (a threat), "said the attack bore the hallmarks of a group
    linked to Iran" (an attribution): each the speaker's.
    """
    speech = reporting_verb(tok, SPEECH_VERBS, steps=1)
    return subject_actors(speech, index) if speech is not None else []


def reporting_verb(tok: Token, verbs: frozenset[str], *, steps: int) -> Token | None:
    """The verb of ``verbs`` whose reported clause (``ccomp``) holds ``tok``, climbing at most ``steps`` heads."""
    cur = tok
    for _ in range(steps):
        if cur.head.i == cur.i:
            return None
        if cur.dep_ == "ccomp" and cur.head.lemma_.lower() in verbs:
            return cur.head
        cur = cur.head
    return None
