"""Whose a thing or a role is, and at whom a deed told in a clause is aimed.

Small readings the argument reader (:mod:`spillover.coding.arguments`) applies to roles it found: a role
named without a country belongs to the verb's subject ("Georgia has tripled *police* patrols"), a state's
media stand for the state in a passive it reports, a thing a state owns is no doer ("*its* treaty covers
attacks"), a state's own forces are no target of its mobilisation, a statement's own object decides its
target, and a threat that the speaker's own side
will strike is aimed at the strike's target ("warned that Tehran would strike any base in Azerbaijan").
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import replace
from typing import TYPE_CHECKING

from spillover.actors.coreference import DEFINITE_HEADS
from spillover.coding.phrases import subject_actors
from spillover.coding.roles import prep_objects

if TYPE_CHECKING:
    from spacy.tokens import Token

    from spillover.actors.resolver import ActorIndex
    from spillover.coding.lexicon import TriggerPattern
    from spillover.records import Actor

__all__ = ["FORCES", "aimed_at", "own_object", "owned_roles", "owned_thing", "state_of_media"]

#: Sectors of a state's own apparatus, which its mobilisation moves rather than faces.
FORCES = frozenset({None, "GOV", "MIL", "COP", "SPY"})


#: Prepositions of where, or at whom, a threatened deed is aimed.
_AIMED_PREPS = frozenset({"in", "on", "at", "against", "inside"})


def aimed_at(tok: Token, own: Container[str | None], index: ActorIndex) -> list[Actor]:
    """Whom the deed a threat's clause tells is aimed at, other than the threatener's own side."""
    aimed = [a for c in tok.children if c.dep_ == "ccomp" for a in _deed_objects(c, index)]
    return [a for a in aimed if a.country not in own]


def _deed_objects(deed: Token, index: ActorIndex) -> list[Actor]:
    """Who a deed told in a clause is aimed at: its objects, or where its objects are ("any base in Azerbaijan")."""
    objects = [c for c in deed.children if c.dep_ in ("dobj", "dative")]
    found = [a for o in objects for a in index.actors_for(o)]
    # the place phrase may hang on the object or on the verb itself ("strike any base in Azerbaijan")
    phrases = [p for o in (*objects, deed) for p in o.children if p.dep_ == "prep" and p.lower_ in _AIMED_PREPS]
    return found or [a for p in phrases for a in prep_objects(p, index)]


def owned_thing(noun: Token, index: ActorIndex) -> bool:
    """Whether a subject is a thing its possessor owns, no one who acts: "*its* mutual defence *treaty* covers attacks".

    Such a subject lends the verb's object no doer; a possessed role does ("*its* forces launched attacks").
    """
    if noun.pos_ != "NOUN" or not any(c.dep_ == "poss" for c in noun.children):
        return False
    actor = index.actor_for(noun)
    return actor is not None and actor.sector is None and noun.lemma_.lower() not in DEFINITE_HEADS


def state_of_media(actor: Actor) -> Actor:
    """The country for its media ("Iranian state media"), any other actor as it is.

    Media of no named country ("local media said 30 people were arrested") stand for the state of the
    place where it happened, which a later stage fills in (an unknown country, ``---``).
    """
    if actor.sector != "MED":
        return actor
    return replace(actor, code=actor.country or "---", sector=None)


def owned_roles(sources: list[Actor], verb: Token, index: ActorIndex, unowning: Container[str]) -> list[Actor]:
    """Give a role named without a country the country of the verb's subject.

    "Georgia has tripled police patrols": the police are Georgia's. Not over the ``unowning`` verbs, which
    stop or report the deed ("Turkey foiled a militant attack" is no Turkish militants' attack).
    """
    if verb.lemma_.lower() in unowning:
        return sources
    if any(s.country is not None or not (s.code or "").startswith("---") for s in sources):
        return sources
    owners = [a for a in subject_actors(verb, index) if a.country is not None]
    if not owners:
        return sources
    return [replace(s, code=f"{o.country}{(s.code or '---')[3:]}", country=o.country) for o in owners for s in sources]


def own_object(tok: Token, pattern: TriggerPattern) -> bool:
    """Whether a statement has an object of its own that its pattern does not name.

    Such an object decides the target, so none is borrowed from a coordinated verb: "expressed
    solidarity with Azerbaijan and condemned *what it called an attack*" does not condemn Azerbaijan,
    while "phoned Aliyev and expressed *regret*" still regrets to him.
    """
    return any(
        (c.dep_ == "dobj" and c.lemma_.lower() not in pattern.particles)
        or (c.dep_ == "ccomp" and any(g.lower_ == "what" for g in c.children))  # "what it called"
        for c in tok.children
    )
