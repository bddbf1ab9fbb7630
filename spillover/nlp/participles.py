"""Repairs of participles the parser takes for a clause's verb.

The small English pipeline reads a participle that modifies a noun (a reduced relative clause) as
the verb of its own clause, with the noun as subject: in "a missile *fired* from Iran was shot down
by NATO" it makes "fired" a clausal subject, in "a missile *fired* from Iran towards Turkish
airspace was destroyed" a verb coordinated with "destroyed", in "said the missile *intercepted*
over Turkey had malfunctioned" a reported clause of its own, and in "after two drones *launched*
from Iranian territory struck" the time clause's verb. Each repair here re-attaches the noun to
the real verb and the participle to the noun, the reading every reader takes;
:func:`spillover.nlp.repair.repair_parse` runs them first among the repairs of the parse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spillover.nlp.tokens import with_dep

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "NAMING_VERBS",
    "repair_active_conjuncts",
    "repair_naming_participles",
    "repair_participle_clauses",
    "repair_participle_subjects",
    "repair_passive_conjuncts",
    "repair_reduced_relatives",
    "repair_root_participles",
]


def repair_reduced_relatives(doc: Doc) -> Doc:
    """Re-attach "<noun> <participle> ... was <verb>ed" misparsed as a clausal passive subject."""
    for clause in [t for t in with_dep(doc, "csubjpass") if t.tag_ == "VBN"]:
        verb = clause.head
        nouns = [c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i and c.pos_ in ("NOUN", "PROPN")]
        if verb.i == clause.i or len(nouns) != 1 or any(c.dep_ in ("aux", "auxpass") for c in clause.children):
            continue
        noun = nouns[0]
        noun.head = verb
        noun.dep_ = "nsubjpass"
        clause.head = noun
        clause.dep_ = "acl"
    return doc


def repair_passive_conjuncts(doc: Doc) -> Doc:
    """Re-attach "a missile *fired* from Iran towards Turkish airspace *was destroyed* by NATO defences".

    The parser reads the participle as the clause's verb, with the missile as its subject, and the
    real passive verb as a second verb coordinated with it but with no "and" between them. When a
    participle with no auxiliary, object or coordinator of its own has one noun subject before it
    and such a subjectless passive conjunct, the participle modifies the noun and the noun is the
    passive verb's subject.
    """
    for clause in [t for t in doc if t.tag_ == "VBN" and t.dep_ not in ("conj", "acl", "amod")]:
        found = _lone_conjunct(clause, "VBN")
        if found is None:
            continue
        noun, verb = found
        own = {c.dep_ for c in verb.children}
        if "auxpass" not in own or any(dep.startswith("nsubj") for dep in own):
            continue
        _reattach(clause, noun, verb, "nsubjpass")
    return doc


def _lone_conjunct(clause: Token, tag: str) -> tuple[Token, Token] | None:
    """The one noun subject before a bare participle and its one conjunct of ``tag``, if the parse has them.

    A bare participle has no auxiliary, object or coordinator of its own; the conjunct is the clause's real verb.
    """
    nouns = [c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i and c.pos_ in ("NOUN", "PROPN")]
    conjuncts = [c for c in clause.children if c.dep_ == "conj" and c.tag_ == tag]
    if len(nouns) != 1 or len(conjuncts) != 1:
        return None
    if any(c.dep_ in ("aux", "auxpass", "dobj", "cc") for c in clause.children):
        return None
    return nouns[0], conjuncts[0]


def _reattach(clause: Token, noun: Token, verb: Token, subject_dep: str) -> None:
    """Make ``verb`` the clause's verb with ``noun`` as its subject, and the participle a modifier of the noun."""
    if clause.head.i == clause.i:
        verb.head, verb.dep_ = verb, "ROOT"
    else:
        verb.head, verb.dep_ = clause.head, clause.dep_
    for child in [c for c in clause.children if c.i > verb.i]:
        child.head = verb  # ", the ministry said" hung on the participle
    noun.head, noun.dep_ = verb, subject_dep
    clause.head, clause.dep_ = noun, "acl"


#: Labels of a participle that already modifies a noun or is itself a conjunct.
_MODIFYING = frozenset({"conj", "acl", "amod", "relcl"})


def repair_active_conjuncts(doc: Doc) -> Doc:
    """Re-attach "drones *launched* from Iran *hit* Nakhchivan airport".

    The parser reads the participle as the clause's verb, with the drones as its subject, and the
    real verb as a second verb coordinated with it with no "and" or comma between them. When a
    participle with no auxiliary, object or coordinator of its own, but a "from" or "by" phrase,
    has one noun subject before it and such a subjectless conjunct in the past tense, the
    participle modifies the noun and the noun is the conjunct's subject (as
    :func:`repair_passive_conjuncts` does for a passive one).
    """
    heads = {c.head.i: c.head for c in with_dep(doc, "conj") if c.tag_ == "VBD"}  # the clause has a conjunct
    for clause in [t for _i, t in sorted(heads.items()) if t.tag_ in ("VBN", "VBD") and t.dep_ not in _MODIFYING]:
        found = _lone_conjunct(clause, "VBD")
        if found is None:
            continue
        noun, verb = found
        if not any(c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by") for c in clause.children):
            continue
        if any(t.is_punct for t in doc[clause.i + 1 : verb.i]):
            continue
        if any(c.dep_.startswith("nsubj") for c in verb.children):
            continue
        _reattach(clause, noun, verb, "nsubj")
    return doc


#: Participles that give a group the name it goes by ("a militia *calling* itself ..."); the actor resolver reads
#: the same name off them.
NAMING_VERBS = frozenset({"call", "name", "style", "dub"})


def repair_naming_participles(doc: Doc) -> Doc:
    """Re-attach "an Iran-aligned militia *calling* itself the Islamic Resistance in Iraq *claimed* responsibility".

    The parser reads the naming participle as the sentence's verb and the real verb as its clausal
    complement, with no subject of its own. When such a participle has a reflexive object and a noun
    subject, the participle modifies the noun and the noun is the complement's subject.
    """
    for clause in [t for t in with_dep(doc, "ROOT") if t.tag_ == "VBG" and t.lemma_.lower() in NAMING_VERBS]:
        nouns = [c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i and c.pos_ in ("NOUN", "PROPN")]
        reflexive = any(c.dep_ == "dobj" and c.lower_ in ("itself", "themselves") for c in clause.children)
        verbs = [c for c in clause.children if c.dep_ in ("ccomp", "conj") and c.tag_ == "VBD" and c.i > clause.i]
        if len(nouns) != 1 or not reflexive or len(verbs) != 1:
            continue
        verb = verbs[0]
        if any(c.dep_.startswith("nsubj") for c in verb.children):
            continue
        _reattach(clause, nouns[0], verb, "nsubj")
    return doc


def repair_participle_clauses(doc: Doc) -> Doc:
    """Re-attach "said the missile *intercepted* over Turkey *had malfunctioned*".

    The parser reads the participle as a reported clause with the missile as its subject, and the
    real verb as a second, subjectless clause reported by the same verb. When a reported participle
    with no auxiliary or object of its own, and one noun subject before it, is followed at once by
    such a clause with an auxiliary, the participle modifies the noun, which is the next clause's
    subject.
    """
    for clause in [t for t in with_dep(doc, "ccomp") if t.tag_ in ("VBN", "VBD")]:
        after = clause.right_edge.i + 1
        if after >= len(doc) or clause.head.i == clause.i:
            continue
        verb = doc[after].head if doc[after].dep_ in ("aux", "auxpass", "neg") else doc[after]
        nouns = [c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i and c.pos_ == "NOUN"]
        if len(nouns) != 1 or any(c.dep_ in ("aux", "auxpass", "dobj", "mark") for c in clause.children):
            continue
        own = {c.dep_ for c in verb.children}
        if verb.dep_ != "ccomp" or verb.head.i != clause.head.i or not own & {"aux", "auxpass"}:
            continue
        if any(dep.startswith(("nsubj", "csubj")) or dep == "mark" for dep in own):
            continue
        noun = nouns[0]
        noun.head, noun.dep_ = verb, "nsubjpass" if "auxpass" in own else "nsubj"
        clause.head, clause.dep_ = noun, "acl"
    return doc


def repair_participle_subjects(doc: Doc) -> Doc:
    """Re-read "after two drones *launched* from Iranian territory *struck* its exclave".

    The parser takes the participle for the clause's verb (with the drones as its subject) and hangs
    the real verb on the main clause, where it would inherit the main subject. When a time clause's
    verb has no object, a "from"/"by" phrase and is followed at once by a subjectless verb coordinated
    with the main one, the participle modifies its subject noun and the next verb is the clause's own.
    """
    for clause in [t for t in with_dep(doc, "advcl") if t.tag_ in ("VBN", "VBD")]:
        main = clause.head
        after = clause.right_edge.i + 1
        if after >= len(doc) or main.i == clause.i:
            continue
        verb = doc[after]
        marks = [c for c in clause.children if c.dep_ == "mark"]
        subjects = [c for c in clause.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
        agentive = any(c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by") for c in clause.children)
        objects = any(c.dep_ in ("dobj", "aux", "auxpass") for c in clause.children)
        subjectless = not any(c.dep_.startswith("nsubj") for c in verb.children)
        if not (marks and len(subjects) == 1 and agentive and not objects):
            continue
        if verb.dep_ != "conj" or verb.head.i != main.i or verb.pos_ != "VERB" or not subjectless:
            continue
        noun = subjects[0]
        noun.head, noun.dep_ = verb, "nsubj"
        clause.head, clause.dep_ = noun, "acl"
        verb.head, verb.dep_ = main, "advcl"
        for mark in marks:
            mark.head = verb
    return doc


def repair_root_participles(doc: Doc) -> Doc:
    """Re-read "Iraqi militias *threatened* on Saturday to attack American forces" as a clause.

    The parser makes the subject noun the sentence's root and the past-tense verb a participle
    modifying it, so the threat has no subject. A root noun whose one verb is such a participle with
    a to-infinitive of its own (and no agent or auxiliary, as a true passive participle would have)
    is the subject of that verb.
    """
    for noun in [t for t in with_dep(doc, "ROOT") if t.pos_ in ("NOUN", "PROPN")]:
        verbs = [c for c in noun.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD")]
        if len(verbs) != 1:
            continue
        verb = verbs[0]
        deps = {c.dep_ for c in verb.children}
        if "xcomp" not in deps or deps & {"agent", "auxpass", "aux", "nsubj", "nsubjpass"}:
            continue
        verb.head, verb.dep_ = verb, "ROOT"
        noun.head, noun.dep_ = verb, "nsubj"
        for child in [c for c in noun.children if c.dep_ == "punct" and c.i > verb.i]:
            child.head = verb
    return doc
