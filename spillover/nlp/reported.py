"""Repairs of reported speech: which verb a statement, or what it says, belongs to.

In "Iran said drones had struck the exclave and expressed regret" the small English pipeline
coordinates the regret with the strike, so the drones would express it; in "told reporters after
the meeting that Iran had violated ..." it hangs what was said on "meeting" as a relative clause.
Each repair here gives the statement or its that-clause back to the speaker's verb, so the coder
reads the speaker's own acts and words apart from the deeds they report;
:func:`spillover.nlp.repair.repair_parse` runs them with the other repairs of the parse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spillover.nlp.tokens import with_dep

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["repair_first_time_clauses", "repair_reported_clauses", "repair_reported_conjuncts"]

#: Statement verbs a report's speaker, not a weapon, is the subject of.
_STATEMENT_VERBS = frozenset(
    {"vow", "pledge", "promise", "threaten", "warn", "express", "say", "demand", "call", "urge", "accuse",
     "announce", "add", "insist", "deny", "apologise", "apologize", "reject", "condemn", "blame", "offer",
     "summon"}
)
#: Subjects that cannot speak: "drones had struck ... and vowed" cannot be the drones' vow, nor "the incident
#: had been a technical error ... and accused Israel" the incident's accusation.
_MUTE_NOUNS = frozenset(
    {"drone", "missile", "rocket", "shell", "bomb", "projectile", "warplane", "jet", "aircraft", "munition",
     "strike", "attack", "explosion", "blast", "shelling", "incident", "error", "accident", "crash", "one",
     "defence", "defense", "interceptor", "battery", "radar", "pact", "agreement", "deal", "treaty", "accord",
     "decision", "move", "measure", "step", "sanction", "plan"}
)
#: Verbs whose that-clause is what they report.
_SPEECH_HEADS = frozenset({"say", "tell", "announce", "warn", "insist", "add", "claim", "state", "declare", "stress"})


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
        told_later = _backshifted(clause, verb) or _modal_then_past(clause, verb)
        if not subjects or not (mute or told_later or _judged(clause, subjects[0])):
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


def _modal_then_past(clause: Token, verb: Token) -> bool:
    """Whether a reported "would" clause is followed by a plain past: the speaker's next act.

    "warned that the presence of foreign forces would destabilise the region and summoned Turkey's
    ambassador": what would happen is reported, the summons is told in the narrative past.
    """
    modal = any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might") for c in clause.children)
    return modal and _plain_past(verb) and any(c.dep_ == "dobj" for c in verb.children)


def _plain_past(verb: Token) -> bool:
    """Whether ``verb`` is told in the narrative past, with no auxiliary of its own ("summoned", "demanded")."""
    return verb.tag_ == "VBD" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _backshifted(clause: Token, verb: Token) -> bool:
    """Whether a reported past perfect is followed by a plain past: two tenses, two speakers' clauses.

    "Kurti said the attackers *had fled* into Serbia and *demanded* that Belgrade hand them over":
    the reported deed is backshifted, the demand is told in the narrative past, so it is the
    speaker's next act, not the attackers'. Likewise after a backshifted passive ("admitted that they
    had been launched from its territory and expressed regret").
    """
    perfect = any(c.dep_ == "aux" and c.lower_ == "had" for c in clause.children)
    plain = _plain_past(verb)
    # only with a finite clause of its own ("demanded *that Belgrade hand them over*"): in "the militants
    # had stormed the town and vowed to hold it" the vow is still the militants'
    finite = any(c.dep_ == "ccomp" and any(g.dep_.startswith("nsubj") for g in c.children) for c in verb.children)
    # nor can a thing that "had been launched from Iranian territory" go on to express regret
    passive = any(c.dep_ == "auxpass" for c in clause.children)
    return perfect and plain and (finite or passive)


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
