"""Whom a deed serves or opposes by its own words: who asked for it, whom a protest denounces.

"deployed an air defence system to Nakhchivan at the request of Azerbaijan" was done for Azerbaijan;
"rallied to condemn the Iranian drone attacks" is against Iran. The event coder
(:mod:`spillover.coding.extractor`) reads these two phrases of a deed to recode a deployment as aid
and to give a protest its target.
"""

from __future__ import annotations

from itertools import islice
from typing import TYPE_CHECKING

from spillover.coding.noun_roles import REQUEST_NOUNS
from spillover.coding.roles import marked_infinitive

if TYPE_CHECKING:
    from spacy.tokens import Token

    from spillover.actors.resolver import ActorIndex
    from spillover.records import Actor

#: Verbs of a protest's purpose that name whom it is against ("rallied to condemn the attacks").
_DENOUNCING = frozenset({"condemn", "denounce", "protest", "oppose", "decry"})


def denounced(tok: Token, index: ActorIndex) -> list[Actor]:
    """Whom a protest's purpose clause denounces: the owners of what "to condemn ..." names."""
    purposes = [c for c in tok.children if c.dep_ in ("advcl", "xcomp") and marked_infinitive(c)]
    purposes += [g for c in purposes for g in c.conjuncts]
    for verb in (p for p in purposes if p.lemma_.lower() in _DENOUNCING):
        found = [a for o in verb.children if o.dep_ == "dobj" for a in index.actors_for(o) if a.country]
        if found:
            return found
    return []


def requesting_states(tok: Token, index: ActorIndex) -> list[Actor]:
    """The states at whose request (or invitation) the deed was done: "at the request of Azerbaijan", "at Baku's"."""
    # the phrase may hang on a verb the deed depends on: "approved a motion allowing the government to send troops
    # to Nakhchivan ..., at Baku's request"
    chain = [tok, *islice(tok.ancestors, 3)]
    asked = [
        o
        for node in chain
        for p in node.children
        if p.dep_ == "prep" and p.lower_ in ("at", "upon", "on")
        for o in p.children
        if o.dep_ == "pobj" and o.lemma_.lower() in REQUEST_NOUNS
    ]
    askers = [c for o in asked for c in o.children if c.dep_ == "poss"]
    askers += [g for o in asked for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    return [a for w in askers for a in index.actors_for(w) if a.country]
