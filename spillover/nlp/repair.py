"""Repairs of parser errors that cost the coder whole events.

The small English pipeline reads a reduced relative clause before a passive verb
as a clausal subject: in "a missile fired from Iran was shot down by NATO" it makes
"fired" the clausal subject (``csubjpass``) of "shot" and "missile" the subject of
"fired". The coder then sees a shot-down clause with no weapon, and a missile that
was fired and hit. The repairs of such participles live in :mod:`spillover.nlp.participles`,
those of tags in :mod:`spillover.nlp.tags`, those of reported speech ("Iran said drones had
struck the exclave and expressed regret": the regret is Iran's, not the drones') in
:mod:`spillover.nlp.reported`; :func:`repair_parse` runs them all with the ones here. The
repairs run last in the pipeline (see :func:`spillover.nlp.loader.load_nlp`), so actors,
factuality and dates all see the same tree.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spillover.nlp.participles import (
    repair_active_conjuncts,
    repair_naming_participles,
    repair_participle_clauses,
    repair_participle_subjects,
    repair_passive_conjuncts,
    repair_reduced_relatives,
    repair_root_participles,
)
from spillover.nlp.reported import repair_first_time_clauses, repair_reported_clauses, repair_reported_conjuncts
from spillover.nlp.tags import (
    repair_double_objects,
    repair_intent_participles,
    repair_judged_objects,
    repair_plural_objects,
    repair_present_roots,
)
from spillover.nlp.tokens import with_dep

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "PARAGRAPH_COMPONENT",
    "REPAIR_COMPONENT",
    "paragraph_starts",
    "repair_date_subjects",
    "repair_infinitive_conjuncts",
    "repair_named_objects",
    "repair_parse",
    "repair_participle_clauses",
    "repair_passive_conjuncts",
    "repair_reduced_relatives",
    "repair_subject_roots",
    "repair_subordinate_subjects",
]

#: Name under which the repair is registered as a spaCy pipeline component.
REPAIR_COMPONENT = "spillover_repair"
#: Name of the component that starts a sentence at every new line, run before the parser.
PARAGRAPH_COMPONENT = "spillover_paragraphs"


def paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence after every line break.

    The parser would otherwise run a sentence across a paragraph break ("... offer
    condolences.\n\nThursday: Two drones ..."), so a date, place or actor of the next
    paragraph is read as part of the last sentence of this one. Headlines, datelines
    and timeline entries all end at a line break. Set before the parser, which keeps
    the boundaries it is given.
    """
    starts = [0]
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text and not doc[tok.i + 1].is_space:
            doc[tok.i + 1].is_sent_start = True
            starts.append(tok.i + 1)
    for start in starts:
        _after_clock_time(doc, start)
    return doc


#: A live blog's time stamp: "14:20", "9.05".
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}")
#: Dashes that end a time stamp ("14:20 — Azerbaijan summons ...").
_STAMP_DASHES = frozenset({"—", "–", "-", "--"})


def _after_clock_time(doc: Doc, i: int) -> None:
    """Start a sentence after a live blog's time stamp, "14:20 — Azerbaijan summons Iran's ambassador".

    Parsed with its stamp, the entry's verb is read as a noun the time modifies; the time of day
    dates nothing the document date does not (a stamp with a day, "May 21, 14:20 —", is left alone).
    """
    words = [t for t in doc[i : i + 4] if not t.is_space]
    if len(words) < 3 or not _CLOCK.fullmatch(words[0].text):
        return
    dash = 1 + (words[1].lower_ in ("gmt", "utc", "local"))
    if dash + 1 < len(words) and words[dash].text in _STAMP_DASHES:
        words[dash + 1].is_sent_start = True


def repair_subordinate_subjects(doc: Doc) -> Doc:
    """Give "a day after *Azerbaijan* expelled two diplomats" its subject back.

    The parser sometimes reads the subject of a clause opened by "after"/"before"/"since" as the
    object of that word, which it tags as a marker, and leaves the clause's verb without a
    subject. When the marker's object stands before a verb that has no subject of its own, it
    is made that verb's subject.
    """
    for noun in [t for t in with_dep(doc, "pobj") if t.head.dep_ == "mark"]:
        verb = noun.head.head
        if verb.pos_ != "VERB" or not noun.i < verb.i or noun.pos_ not in ("PROPN", "NOUN", "PRON"):
            continue
        if any(c.dep_.startswith("nsubj") or c.dep_ == "csubj" for c in verb.children):
            continue
        noun.head = verb
        noun.dep_ = "nsubj"
    return doc


def repair_split_modifiers(doc: Doc) -> Doc:
    """Give "accusing *Azerbaijani* forces of ..." its modifier back.

    The parser sometimes reads a capitalised adjective of nationality before a verb's object as
    a second object ("dative") of the verb; it modifies the noun right after it.
    """
    for tok in [t for t in with_dep(doc, "dative") if t.pos_ in ("PROPN", "ADJ") and t.text[:1].isupper()]:
        if tok.i + 1 >= len(doc):
            continue
        noun = doc[tok.i + 1]
        if noun.dep_ == "dobj" and noun.head.i == tok.head.i and noun.pos_ == "NOUN" and not list(tok.children):
            tok.head = noun
            tok.dep_ = "amod"
    return doc


def repair_named_objects(doc: Doc) -> Doc:
    """Give "Macron called *Lebanese Prime Minister Nawaf Salam*" its object back.

    After "called", the parser may read a person's name with a long title as an object predicate
    (as in "called him a liar") although the verb has no object for it to describe. A predicate
    needs an object: a lone predicate that is a person's name is the object.
    """
    for name in [t for t in with_dep(doc, "oprd") if t.pos_ == "PROPN" and t.ent_type_ == "PERSON"]:
        if not any(c.dep_ in ("dobj", "dative") for c in name.head.children):
            name.dep_ = "dobj"
    return doc


def repair_plot_infinitives(doc: Doc) -> Doc:
    """Give "foiled an alleged plot *to blow up* a section of it" its infinitive back to the plot.

    After a verb whose object is a plan or plot, the parser often hangs the infinitive on the verb (as
    an adverbial or open complement), as if the foiling were done in order to blow it up; it
    describes the plot.
    """
    for clause in [t for t in with_dep(doc, "advcl", "xcomp") if t.pos_ == "VERB"]:
        to = [c for c in clause.children if c.dep_ == "aux" and c.lower_ == "to" and c.i < clause.i]
        plot = next((c for c in clause.head.children if c.dep_ == "dobj" and c.lemma_.lower() in _PLOTS), None)
        if to and plot is not None and plot.i < clause.i and to[0].i == plot.right_edge.i + 1:
            clause.head, clause.dep_ = plot, "acl"
    return doc


def repair_responsible_infinitives(doc: Doc) -> Doc:
    """Give "expected those *responsible* to be punished" its clause back.

    After an object modified by an adjective ("those responsible", "the people guilty"), the parser
    hangs a passive infinitive on the adjective, as if it said how they were responsible; the object
    is the subject of the infinitive, and both are what the verb expects or wants (as it reads
    "expected the perpetrators to be punished").
    """
    for clause in [t for t in with_dep(doc, "xcomp") if t.pos_ == "VERB" and t.head.dep_ == "amod"]:
        adjective, noun = clause.head, clause.head.head
        passive = [c for c in clause.children if c.dep_ == "auxpass"]
        if adjective.pos_ != "ADJ" or noun.dep_ != "dobj" or not passive or noun.head.pos_ != "VERB":
            continue
        clause.head, clause.dep_ = noun.head, "ccomp"
        noun.head, noun.dep_ = clause, "nsubjpass"
    return doc


def repair_date_subjects(doc: Doc) -> Doc:
    """Give "On Wednesday *Azerbaijan* recalled its ambassador" its subject back.

    With no comma after a fronted weekday or month, the parser reads the day as a compound modifier
    of the name after it and the name as the object of "on", so the verb has no subject. When the
    day is a date entity, the name is not, and the name stands right before a subjectless verb, the
    day is the object of the preposition and the name the verb's subject.
    """
    for noun in [t for t in with_dep(doc, "pobj") if t.pos_ == "PROPN" and t.ent_type_ != "DATE"]:
        prep, verb = noun.head, noun.head.head
        days = [c for c in noun.children if c.dep_ == "compound" and c.ent_type_ == "DATE" and c.i < noun.i]
        if len(days) != 1 or prep.dep_ != "prep" or verb.pos_ != "VERB" or noun.right_edge.i + 1 != verb.i:
            continue
        if any(c.dep_.startswith("nsubj") or c.dep_ == "csubj" for c in verb.children):
            continue
        days[0].head, days[0].dep_ = prep, "pobj"
        noun.head, noun.dep_ = verb, "nsubj"
    return doc


#: Nouns of a plan whose infinitive says what was planned.
_PLOTS = frozenset({"plot", "plan", "attempt", "conspiracy", "scheme", "bid"})


def repair_subject_roots(doc: Doc) -> Doc:
    """Give "Oman, which has mediated ... in the past, *offered* to host negotiations" its main verb back.

    After a subject with a relative clause or a phrase set off by commas ("Several members, including
    France and Britain, *called* on Iran"), the parser may make the subject the root and hang the
    finite verb on it as a participle modifier. A sentence needs a verb: a past form after the
    clause, with no subject of its own, is the sentence's verb and the name its subject.
    """
    for root in [t for t in with_dep(doc, "ROOT") if t.pos_ in ("PROPN", "NOUN")]:
        clauses = [
            c for c in root.children
            if c.dep_ == "relcl" or (c.dep_ in ("prep", "appos") and c.i > 0 and doc[c.i - 1].text == ",")
        ]  # fmt: skip
        verbs = [c for c in root.children if c.dep_ == "acl" and c.tag_ in ("VBD", "VBN") and c.pos_ == "VERB"]
        if not clauses or len(verbs) != 1 or verbs[0].i < clauses[-1].right_edge.i:
            continue
        verb = verbs[0]
        if any(c.dep_.startswith("nsubj") for c in verb.children):
            continue
        for tok in [c for c in root.children if c.dep_ == "punct" and c.i > clauses[-1].right_edge.i]:
            tok.head = verb
        verb.head, verb.dep_ = verb, "ROOT"
        root.head, root.dep_ = verb, "nsubj"
    return doc


def repair_infinitive_conjuncts(doc: Doc) -> Doc:
    """Give "said the alliance would do whatever was necessary to protect Türkiye *and condemned* ..." back.

    A past-tense verb cannot be coordinated with an infinitive; the parser does so when the
    infinitive ends the clause before it. The verb goes to the nearest finite past-tense verb
    above it, as the writer meant: the reporting verb, or "fired tear gas to disperse the crowd
    *and detained* dozens of protesters".
    """
    for verb in [t for t in with_dep(doc, "conj") if t.tag_ == "VBD"]:
        infinitive = verb.head
        if infinitive.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in infinitive.children):
            continue
        if any(c.dep_.startswith("nsubj") for c in verb.children):
            continue
        finite = next((a for a in infinitive.ancestors if a.pos_ == "VERB" and a.tag_ == "VBD"), None)
        if finite is None:
            continue
        for cc in [c for c in infinitive.children if c.dep_ == "cc" and c.i < verb.i]:
            cc.head = finite
        verb.head = finite
    return doc


def repair_persona_non_grata(doc: Doc) -> Doc:
    """Give "declared two Iranian diplomats *persona non grata*" its object back.

    The parser reads the Latin phrase as a verb whose subject is the diplomats, so "declare" has no
    object and the expulsion no target. The diplomats are the object, the phrase its predicate
    (``oprd``), and whatever hung on "persona" (the date, a coordinated "and gave them 48 hours")
    belongs to "declare".
    """
    if "persona non" not in doc.text.lower():
        return doc
    for persona in [t for t in doc[:-2] if t.lower_ == "persona" and doc[t.i + 1].lower_ == "non"]:
        verb = persona.head
        if persona.dep_ not in ("ccomp", "xcomp", "conj") or verb.pos_ != "VERB" or verb.i > persona.i:
            continue
        for child in list(persona.children):
            if child.dep_ == "nsubj":
                child.head, child.dep_ = verb, "dobj"
            elif child.i > persona.i + 2 or child.i < persona.i:
                child.head = verb
        persona.dep_ = "oprd"
    return doc


def repair_parse(doc: Doc) -> Doc:
    """Every repair of this module that runs after the parser, in order."""
    doc = repair_participle_clauses(repair_passive_conjuncts(repair_reduced_relatives(repair_root_participles(doc))))
    doc = repair_naming_participles(repair_active_conjuncts(doc))
    doc = repair_reported_clauses(repair_subordinate_subjects(doc))
    doc = repair_split_modifiers(repair_first_time_clauses(repair_participle_subjects(doc)))
    doc = repair_double_objects(repair_named_objects(repair_responsible_infinitives(repair_judged_objects(doc))))
    doc = repair_plural_objects(repair_date_subjects(repair_plot_infinitives(repair_intent_participles(doc))))
    doc = repair_subject_roots(repair_present_roots(repair_infinitive_conjuncts(repair_persona_non_grata(doc))))
    return repair_reported_conjuncts(doc)
