"""How far an argument phrase reaches when its actor is looked for.

"Struck the airport in Nakhchivan" names Azerbaijan in its object, but "sanctions on companies that
supplied drones used in attacks on Azerbaijan" does not target Azerbaijan, nor do "targets outside
Azerbaijan", and "protesters in central Nairobi" are not Kenya's government. The actor index
(:mod:`spillover.actors.resolver`) searches :func:`bounded_subtree` for a phrase's actor and asks
:func:`under_locative` whether a capital only places it; :func:`of_objects` gives the "of" and
"from" phrases that say whose a noun is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Prepositions whose object says where something is, not who it is.
LOCATIVE_PREPS = frozenset({"in", "at", "near", "across", "around", "outside", "inside", "throughout", "within"})
SEATED_HEADS = frozenset({"ministry", "government", "authority", "administration", "leadership", "official"})


def in_objects(tok: Token) -> list[Token]:
    """The objects of a noun's "in" phrases, which may say where it sits ("a court *in Baku*")."""
    return [obj for prep in tok.children if prep.dep_ == "prep" and prep.lower_ == "in" for obj in prep.children
            if obj.dep_ == "pobj"]  # fmt: skip


def of_objects(tok: Token) -> list[Token]:
    """The objects of a noun's "of"/"from" phrases, which say whose it is ("officials from Georgia").

    For a seat of government (:data:`SEATED_HEADS`) "in" says so too ("the foreign ministry in Baku").
    """
    preps = ("of", "from", "in") if tok.lemma_.lower() in SEATED_HEADS else ("of", "from")
    return [
        obj
        for prep in tok.children
        if prep.dep_ == "prep" and prep.lower_ in preps
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]
#: Prepositions whose object is what the argument is not ("targets outside Azerbaijan").
EXCLUDING_PREPS = frozenset({"outside", "beyond", "except", "excluding"})
#: Deeds named inside an argument, whose own phrases name their own sides.
OTHER_DEEDS = frozenset({"attack", "strike", "raid", "assault", "bombing", "shelling", "airstrike"})
#: How many words of an argument phrase are searched for its actor.
MAX_SUBTREE = 40


def under_locative(sub: Token, top: Token) -> bool:
    """Tell whether ``sub`` hangs below ``top`` through a locative preposition ("... in Nairobi")."""
    cur = sub
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.dep_ == "pobj" and cur.head.lower_ in LOCATIVE_PREPS:
            return True
        cur = cur.head
    return False


def bounded_subtree(tok: Token) -> list[Token]:
    """The argument's subtree without embedded clauses, whose places and actors are not its own."""
    out: list[Token] = []
    stack = [tok]
    while stack and len(out) < MAX_SUBTREE:
        cur = stack.pop()
        out.append(cur)
        if cur is not tok and cur.lemma_.lower() in OTHER_DEEDS:
            continue  # "components for drones used in *attacks on Azerbaijan*": that deed's target, not this one's
        if cur.dep_ == "prep" and cur.lower_ in EXCLUDING_PREPS:
            continue  # "aimed at hostile targets *outside Azerbaijan*": the one place it was not aimed at
        stack.extend(c for c in cur.children if c.dep_ not in ("relcl", "advcl", "ccomp", "pcomp", "appos", "conj"))
    return out
