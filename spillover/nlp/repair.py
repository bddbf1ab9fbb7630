"""Repairs of parser errors that cost the coder whole events.

The small English pipeline reads a reduced relative clause before a passive verb
as a clausal subject: in "a missile fired from Iran was shot down by NATO" it makes
"fired" the clausal subject (``csubjpass``) of "shot" and "missile" the subject of
"fired". The coder then sees a shot-down clause with no weapon, and a missile that
was fired and hit. The repairs of such participles live in :mod:`spillover.nlp.participles`,
those of tags in :mod:`spillover.nlp.tags`; :func:`repair_parse` runs them all with the ones here.
In "Iran said drones had struck the exclave and expressed regret" it coordinates the
regret with the strike, so the drones would express it; :func:`repair_reported_conjuncts`
gives the statement back to the speaker. The repairs run last in the pipeline (see
:func:`spillover.nlp.loader.load_nlp`), so actors, factuality and dates all see the same tree.
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
from spillover.nlp.tags import (
    repair_double_objects,
    repair_intent_participles,
    repair_judged_objects,
    repair_plural_objects,
    repair_present_roots,
)
from spillover.nlp.tokens import with_dep

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

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
    "repair_reported_clauses",
    "repair_reported_conjuncts",
    "repair_subject_roots",
    "repair_subordinate_subjects",
]

#: Name under which the repair is registered as a spaCy pipeline component.
REPAIR_COMPONENT = "spillover_repair"
#: Statement verbs a report's speaker, not a weapon, is the subject of.
_STATEMENT_VERBS = frozenset(
    {"vow", "pledge", "promise", "threaten", "warn", "express", "say", "demand", "call", "urge", "accuse",
     "announce", "add", "insist", "deny", "apologise", "apologize", "reject", "condemn", "blame", "offer"}
)
#: Subjects that cannot speak: "drones had struck ... and vowed" cannot be the drones' vow, nor "the incident
#: had been a technical error ... and accused Israel" the incident's accusation.
_MUTE_NOUNS = frozenset(
    {"drone", "missile", "rocket", "shell", "bomb", "projectile", "warplane", "jet", "aircraft", "munition",
     "strike", "attack", "explosion", "blast", "shelling", "incident", "error", "accident", "crash", "one",
     "defence", "defense", "interceptor", "battery", "radar", "pact", "agreement", "deal", "treaty", "accord",
     "decision", "move", "measure", "step", "sanction", "plan"}
)
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


def repair_reported_conjuncts(doc: Doc) -> Doc:
    """Give "... said drones had struck X, and vowed to respond" its vow back to the speaker.

    The parser coordinates the statement with the reported deed, so the vow would inherit
    the drones as its subject. When the reported clause's subject is a weapon or an attack (or its
    verb is backshifted, :func:`_backshifted`) and the conjoined verb is a statement with no subject
    of its own, the statement is coordinated with the reporting verb instead.
    """
    for verb in [t for t in with_dep(doc, "conj") if t.lemma_.lower() in _STATEMENT_VERBS]:
        clause = verb.head
        speech = clause.head
        if clause.dep_ not in ("ccomp", "advcl") or speech.i == clause.i:
            continue
        if any(c.dep_.startswith("nsubj") for c in verb.children):
            continue
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        mute = bool(subjects) and subjects[0].lemma_.lower() in _MUTE_NOUNS
        # "expressed solidarity ... after Iranian drones struck the exclave, and called the attack a violation":
        # a time clause's weapons say nothing either; the statement is the main clause's next act
        if clause.dep_ == "advcl" and not mute:
            continue
        if not subjects or not (mute or _backshifted(clause, verb) or _judged(clause, subjects[0])):
            continue
        told = speech.head if speech.dep_ == "conj" else speech  # "welcomed the admission but said ..."
        if not any(c.dep_ == "nsubj" for c in told.children):
            continue
        for cc in [c for c in clause.children if c.dep_ == "cc" and c.i < verb.i]:
            cc.head = speech
        verb.head = speech
    return doc


def _judged(clause: Token, subject: Token) -> bool:
    """Whether the reported clause only judges a thing: "said an apology alone *was not enough*".

    A copular clause about a common noun is the speaker's verdict; a statement coordinated with it
    ("... and called for compensation") is the speaker's next act, not the thing's.
    """
    return clause.lemma_.lower() == "be" and subject.pos_ == "NOUN" and not subject.ent_type_


def _backshifted(clause: Token, verb: Token) -> bool:
    """Whether a reported past perfect is followed by a plain past: two tenses, two speakers' clauses.

    "Kurti said the attackers *had fled* into Serbia and *demanded* that Belgrade hand them over":
    the reported deed is backshifted, the demand is told in the narrative past, so it is the
    speaker's next act, not the attackers'. Likewise after a backshifted passive ("admitted that they
    had been launched from its territory and expressed regret").
    """
    perfect = any(c.dep_ == "aux" and c.lower_ == "had" for c in clause.children)
    plain = verb.tag_ == "VBD" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    # only with a finite clause of its own ("demanded *that Belgrade hand them over*"): in "the militants
    # had stormed the town and vowed to hold it" the vow is still the militants'
    finite = any(c.dep_ == "ccomp" and any(g.dep_.startswith("nsubj") for g in c.children) for c in verb.children)
    # nor can a thing that "had been launched from Iranian territory" go on to express regret
    passive = any(c.dep_ == "auxpass" for c in clause.children)
    return perfect and plain and (finite or passive)


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


def repair_reported_clauses(doc: Doc) -> Doc:
    """Give "told reporters after the meeting *that Iran had violated* ..." back to "told".

    The parser hangs a that-clause with its own subject on the nearest noun as a relative clause; when
    that noun sits in a prepositional phrase of a speech verb, the clause is what was said.
    """
    for clause in with_dep(doc, "relcl", "acl"):
        noun = clause.head
        holder = noun.head if noun.dep_ == "pobj" else None
        speech = holder.head if holder is not None and holder.dep_ == "prep" else None
        if speech is None or speech.pos_ != "VERB" or speech.lemma_.lower() not in _SPEECH_HEADS:
            continue
        marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
        subject = any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("that", "which", "who") for c in clause.children
        )
        if marked and subject:
            clause.head = speech
            clause.dep_ = "ccomp"
    return doc


def repair_first_time_clauses(doc: Doc) -> Doc:
    """Give "admitted *for the first time* that a drone had struck ..." its that-clause back.

    The parser reads the clause as a relative clause of "time"; it is what the verb the phrase
    hangs on says or admits. Only when the clause has a subject of its own, so "the first time
    that he visited" stays a relative clause when it has none.
    """
    for clause in [t for t in with_dep(doc, "relcl") if t.head.lemma_.lower() == "time"]:
        time, prep = clause.head, clause.head.head
        ordinal = any(c.dep_ == "amod" and c.lower_ in ("first", "second", "third", "last") for c in time.children)
        verb = prep.head
        if not ordinal or prep.dep_ != "prep" or prep.lower_ != "for" or verb.pos_ != "VERB":
            continue
        marks = [c for c in clause.children if c.lower_ == "that" and c.i < clause.i]
        subject = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that"]
        if not marks or not subject:
            continue
        clause.head = verb
        clause.dep_ = "ccomp"
        marks[0].dep_ = "mark"
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


#: Verbs whose that-clause is what they report.
_SPEECH_HEADS = frozenset({"say", "tell", "announce", "warn", "insist", "add", "claim", "state", "declare", "stress"})


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
