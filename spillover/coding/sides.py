"""Which sides an event has, when the words around its trigger settle it.

Small judgements the rule coder (:mod:`spillover.coding.extractor`) makes once it has a trigger's
candidate sources and targets: whether a noun names both its sides in a "between" phrase, whether a
claimed deed is claimed by its own doer, whether a condemnation's object names only the victims of an
attack, whether a protest is against an attack, whether two coordinated sides are one state, and
whether an event would be aimed at its own doer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spillover.coding.agency import ARMED_GROUPS, STATE_ORGANS
from spillover.coding.phrases import subject_actors
from spillover.coding.roles import OBJECT_DEPS, occurrence_preps

if TYPE_CHECKING:
    from spacy.tokens import Token

    from spillover.actors.resolver import ActorIndex
    from spillover.records import Actor


_CLAIM_VERBS = frozenset({"claim"})


def between_sides(tok: Token) -> bool:
    """Whether a noun trigger names its sides in a "between" phrase ("talks between A and B")."""
    return tok.pos_ == "NOUN" and any(
        c.dep_ == "prep" and c.lower_ == "between" for c in [*tok.children, *occurrence_preps(tok), *of_between(tok)]
    )


def of_between(tok: Token) -> list[Token]:
    """A "between" phrase hung on the noun's "of" object: "exchanges of fire *between A and B*"."""
    return [
        g
        for p in tok.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children
        if o.dep_ == "pobj"
        for g in o.children
        if g.dep_ == "prep" and g.lower_ == "between"
    ]


def retold_by_doer(tok: Token, source: Actor | None, index: ActorIndex) -> bool:
    """Whether "the attack" is one its own doer says it carried out: a claim told with a verb of saying.

    "Jaish al-Adl said in a statement that its fighters carried out the attack": the attack told before,
    now owned by the group; not a second attack. Only a definite attack noun, only the speaker's own, and
    only an armed group's: a state telling its own strikes ("the Pentagon said the strikes hit launchers")
    reports them, it does not claim them.
    """
    if source is None or source.sector not in ARMED_GROUPS:
        return False
    if tok.pos_ != "NOUN" or not any(c.lower_ == "the" for c in tok.children):
        return False
    speaker = next((t for t in tok.ancestors if t.lemma_.lower() in _SAYING and t.dep_ != "ccomp"), None)
    if speaker is None:
        return False
    return any(a.code == source.code for a in subject_actors(speaker, index))


#: Verbs a group claims a deed with, besides "claim" itself.
_SAYING = frozenset({"say", "announce", "state"})


def claimed_by(tok: Token, source: Actor | None, index: ActorIndex) -> bool:
    """Whether the deed at ``tok`` is claimed by its own doer ("the Taliban claimed they had attacked")."""
    claimant = next((t for t in tok.ancestors if t.lemma_.lower() in _CLAIM_VERBS), None)
    if claimant is None:
        return False
    if source is None:
        return True  # the doer is unnamed but for the claim: "claimed responsibility for the attack"
    return any(
        a.code == source.code or (a.country and a.country == source.country)
        for a in subject_actors(claimant, index)
    )


def victims_only(tok: Token, index: ActorIndex, is_attack: Callable[[Token], bool]) -> bool:
    """Whether a condemnation's object is an attack named without its author, whose targets are its victims.

    "The EU condemns the strikes on Nakhchivan": Nakhchivan was struck, it is not condemned; the
    strikes' author is (:func:`~spillover.coding.roles.attack_author`). An attack named with its
    author ("Iran's strikes", "strikes by Iran") keeps its reading.
    """
    for obj in tok.children:
        if obj.dep_ not in OBJECT_DEPS or not (is_attack(obj) or obj.lemma_.lower() in _VIOLATIONS):
            continue
        return not any(
            (c.dep_ in ("poss", "amod", "compound") and index.actor_for(c) is not None)
            or (c.dep_ == "prep" and c.lower_ == "by")
            for c in obj.children
        )
    return False


def protested_attack(tok: Token, is_attack: Callable[[Token], bool]) -> bool:
    """Whether a protest is "against" or "over" an attack ("to protest against the drone strike")."""
    preps = [p for p in tok.children if p.dep_ == "prep" and p.lower_ in ("against", "over")]
    return any(o.dep_ == "pobj" and is_attack(o) for p in preps for o in p.children)


#: Breaches whose object names the wronged side ("condemned any violation of Azerbaijan's territorial integrity").
_VIOLATIONS = frozenset({"violation", "breach", "infringement", "encroachment", "incursion"})


def allied(a: Actor, b: Actor) -> bool:
    """Whether two coordinated sides are one state: its country, government or forces ("Afghan Taliban forces").

    A government and rebels of one country are two sides ("South Sudan's government and the SPLM-IO agreed").
    """
    state = STATE_ORGANS | {None}
    return a.country is not None and a.country == b.country and a.sector in state and b.sector in state


def acts_on_itself(source: Actor | None, target: Actor | None) -> bool:
    """Whether the target is the source again: the same code, or the source's own bare country.

    "the State Security Service continued its investigation into the plot on Azerbaijan" is no
    AZEGOV→AZE dyad; two sectors of one country (the government and the rebels) are, and so are
    rebels and their own country ("PKK militants who had kidnapped four Turkish engineers").
    """
    if source is None or target is None or not source.code or not target.code:
        return False
    at_home = target.code == source.country and not target.sector and source.sector not in ARMED_GROUPS
    return source.code == target.code or at_home
