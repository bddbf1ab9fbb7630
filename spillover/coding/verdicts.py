"""Judgements and classings a speaker reports, which the trigger matcher reads before coding a word.

"Azerbaijan said the strike *was* a violation of its sovereignty" is a verdict: the copula of a
reported clause, whose ``be`` rows the lexicon holds; "said the test *violated* a resolution" judges
the test as well. "would *regard* any attack on X *as* an attack on Y" classes a kind of deed and
tells none that was done. These readings of the parse live apart from the lexicon matching in
:mod:`spillover.coding.triggers` that uses them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Verbs whose subject is a thing judged when someone reports them: "said the test *violated* a resolution",
#: "said any dialogue with Tehran *required* an apology" (the speaker demands it of the side the clause names).
_JUDGING_VERBS = frozenset({"violate", "require"})


def reported_violation(tok: Token) -> bool:
    """Whether ``tok`` is a judging verb in a clause someone reports, with a subject: "said the test *violated* ..."."""
    if tok.lemma_.lower() not in _JUDGING_VERBS or tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in VERDICT_SPEECH:
        return False
    return any(c.dep_ == "nsubj" for c in tok.children)


#: Verbs that report a judgement told as a copula: "said the strikes were illegal".
VERDICT_SPEECH = frozenset({"say", "tell", "add", "state", "declare", "insist", "stress", "note", "warn", "write"})


#: Complements that own up to a deed rather than judge another's ("was a technical error").
_ADMITTED = frozenset({"error", "mistake", "accident", "misunderstanding", "malfunction"})


def is_verdict(tok: Token) -> bool:
    """Whether ``tok`` is the copula of a judgement someone reports: "Azerbaijan said the strike *was* a violation".

    The lexicon's ``be`` rows ("be unacceptable", "be act terrorist") then name the judgement; the one who says
    it judges the copula's subject. A narrator's copula ("the attack was a violation") reports nobody's verdict.
    """
    if reported_violation(tok):
        return True  # "said the test violated a resolution": the test is judged
    if tok.lemma_.lower() != "be" or tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in VERDICT_SPEECH:
        return False
    complements = [c for c in tok.children if c.dep_ in ("acomp", "attr")]
    # "said the incident had been a regrettable technical error": an admission, however it is qualified
    return bool(complements) and not any(c.lemma_.lower() in _ADMITTED for c in complements)


#: Verbs that class something as something else ("regard any attack on X as an attack on Y").
_REGARDING = frozenset({"consider", "regard", "treat", "deem", "view", "see"})


#: How the noun a verb of regarding classes hangs on it: its object, or the passive's subject.
CLASSED_DEPS = ("dobj", "nsubjpass")


def regarded(noun: Token) -> bool:
    """Whether a deed noun is a kind a verb of regarding classes: "would *regard* any attack on X *as* an attack on Y".

    Either noun, the one classed (the object, with an "as" phrase or a second noun beside it) or the
    class it is put in (the "as" object or that second noun), names no deed that was done, when the
    one classed is indefinite.
    """
    verb = noun.head
    if (noun.dep_ == "pobj" and verb.lower_ == "as") or (noun.dep_ == "appos" and verb.dep_ == "dobj"):
        verb = verb.head
    elif noun.dep_ not in CLASSED_DEPS:
        return False
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _REGARDING:
        return False
    # "any attack on Azerbaijan would be regarded as an attack on Türkiye": the passive's subject is the one classed
    objects = [c for c in verb.children if c.dep_ in CLASSED_DEPS]
    as_phrase = any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)
    second = any(c.dep_ in ("appos", "oprd") for o in objects for c in o.children) or any(
        c.dep_ == "oprd" for c in verb.children
    )
    # "considers *the* strike an act of terrorism" classes a deed that was done: only "an"/"any" is a kind
    generic = all(d.lower_ in ("a", "an", "any") for o in objects for d in o.children if d.dep_ in ("det", "poss"))
    return bool(objects) and (as_phrase or second) and generic
