"""Where a mention stands in the parse: the facts coreference weighs.

Whether a name is a clause's subject (the topic a definite description or a counted group takes up), the
subject of a main clause rather than of a clause below it, only the venue of a meeting ("met *in Tbilisi*"),
or one of the speakers acting on a group; how many sides a counted group stands for ("the two countries");
and where "this sentence and the one before" begins. Used by :mod:`spillover.actors.coreference`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = [
    "acting_subjects",
    "counted_group",
    "first_conjunct",
    "in_subject",
    "main_subject",
    "of_a_subject",
    "previous_sentence_start",
    "told_to_act",
    "venue",
]


def told_to_act(pronoun: Token) -> Token | None:
    """Who an infinitive's possessive pronoun stands for: the one told to act, if named before it.

    "urged Iran to withdraw *its* forces", "called on Armenia to pull back *its* troops".
    """
    if pronoun.dep_ != "poss" or pronoun.head.dep_ != "dobj":
        return None
    verb = pronoun.head.head
    if verb.dep_ == "xcomp" and verb.head.dep_ == "xcomp":
        verb = verb.head  # "called on Iran to stop threatening *its* neighbours"
    if verb.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    for child in verb.head.children:
        if child.i > verb.i:
            continue
        if child.dep_ in ("dobj", "dative") and child.pos_ in ("PROPN", "NOUN"):
            return child
        if child.dep_ == "prep" and child.lower_ in ("on", "upon"):
            return next((o for o in child.children if o.dep_ == "pobj"), None)
    return None


def first_conjunct(tok: Token) -> Token:
    """The first of the coordinated words ``tok`` belongs to ("met ... and *signed*" → met), else ``tok``."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def main_subject(tok: Token) -> bool:
    """Whether a name is, or names, the subject of a main clause, not of a clause below one.

    "*Kazakhstan and Uzbekistan* expressed", "Delegations from *Armenia*", "*Uzbekistan's* ministry said".
    """
    cur = tok
    for _ in range(6):
        if cur.dep_ in ("nsubj", "nsubjpass"):
            return first_conjunct(cur.head).dep_ == "ROOT"
        if cur.dep_ not in ("poss", "compound", "amod", "pobj", "prep", "conj", "appos") or cur.head.i == cur.i:
            return False
        if cur.dep_ == "prep" and cur.lower_ not in ("of", "from"):
            return False
        cur = cur.head
    return False


def of_a_subject(tok: Token) -> bool:
    """Whether ``tok`` is a subject or names the owner of one ("the ministers of the two countries")."""
    subjects = ("nsubj", "nsubjpass")
    if tok.dep_ in subjects or (tok.dep_ == "poss" and tok.head.dep_ in subjects):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ in subjects


def venue(tok: Token) -> bool:
    """Whether a capital is only where something took place: "met *in Tbilisi*", "talks *at* Baku"."""
    return tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at") and tok.head.head.pos_ == "VERB"


def in_subject(span: Span) -> bool:
    """Whether a mention is a clause's subject or names the subject's owner ("Azerbaijan's Foreign Ministry")."""
    for t in span:
        if t.dep_ in ("nsubj", "nsubjpass") or (
            t.dep_ in ("poss", "compound", "amod") and t.head.dep_ in ("nsubj", "nsubjpass")
        ):
            return True
    return False


def previous_sentence_start(tok: Token) -> int:
    """Index of the first token of the sentence before ``tok``'s (its own if it is the first).

    What "this sentence and the one before" covers, the window of a topic or a series.
    """
    start = tok.sent.start
    return tok.doc[start - 1].sent.start if start > 0 else start


#: Counts in "the two leaders", "the three ministers".
_GROUP_COUNTS = {"two": 2, "three": 3, "four": 4, "both": 2}


def counted_group(head: Token) -> int:
    """How many sides a definite counted group stands for ("the three ministers" → 3), else 0."""
    if head.tag_ != "NNS" or not any(c.lower_ in ("the", "both") for c in head.children):
        return 0
    counts = [_GROUP_COUNTS[c.lower_] for c in head.children if c.lower_ in _GROUP_COUNTS]
    return counts[0] if counts else 0


def acting_subjects(tok: Token) -> set[int]:
    """Token indices of the subjects (with conjuncts) of the verbs above an object ``tok``.

    Whoever acts on a group is not in it ("Russia offered to mediate between *the two countries*");
    a group that is itself a subject may be the speakers ("Russia and China said *the two countries*
    would ..."), so nothing is excluded for a subject.
    """
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return set()
    out: set[int] = set()
    for verb in tok.ancestors:
        if verb.dep_ in ("nsubj", "nsubjpass"):
            break  # "the talks between the two countries" as a subject: no acting subject above it
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                out.update(t.i for t in (child, *child.conjuncts) for t in t.subtree)
    return out
