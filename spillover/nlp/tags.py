"""Repairs of part-of-speech errors that cost the coder whole events.

The small English pipeline misreads the "-s" of English plurals and present tenses: in "imposed
*asset freezes* and travel bans" it takes "freezes" for a verb whose subject is "asset", and in the
headline-style "Azerbaijan *summons* Iran's ambassador" of timelines it takes "summons" for a plural
noun with "Azerbaijan" as its compound. Each repair here re-tags the word and re-attaches its
neighbours as a reader would; :func:`spillover.nlp.repair.repair_parse` runs them with the other
repairs of the parse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spillover.nlp.tokens import with_dep

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["repair_double_objects", "repair_intent_participles", "repair_plural_objects", "repair_present_roots"]

#: Verbs of saying, thinking and perceiving, whose clausal complements are real clauses.
_REPORTING = frozenset(
    {"say", "tell", "announce", "warn", "insist", "add", "claim", "state", "declare", "stress", "believe", "think",
     "expect", "hope", "fear", "know", "show", "suggest", "report", "deny", "admit", "acknowledge", "confirm",
     "note", "argue", "mean"}
)  # fmt: skip


def repair_plural_objects(doc: Doc) -> Doc:
    """Give "imposed *asset freezes* and travel bans" its object back.

    The tagger reads a plural noun after a bare noun as a present-tense verb, so the verb before them
    gets a clause ("asset" doing "freezes") instead of an object. When a verb with no object of its
    own is followed at once by a bare common noun and a verb in "-s" that is that clause's only
    content, the two are a compound noun and the verb's object. Never after a verb of saying or
    thinking, whose clauses are real ("said prices rise").
    """
    for clause in [t for t in with_dep(doc, "ccomp") if t.tag_ == "VBZ" and t.lower_.endswith("s")]:
        verb = clause.head
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        if verb.pos_ != "VERB" or verb.lemma_.lower() in _REPORTING or len(subjects) != 1:
            continue
        noun = subjects[0]
        if noun.pos_ != "NOUN" or noun.i != verb.i + 1 or clause.i != noun.i + 1 or list(noun.children):
            continue
        if any(c.dep_ in ("dobj", "mark", "aux", "auxpass", "neg") for c in (*verb.children, *clause.children)):
            continue
        noun.head, noun.dep_ = clause, "compound"
        clause.head, clause.dep_ = verb, "dobj"
        clause.pos_, clause.tag_ = "NOUN", "NNS"
        clause.lemma_ = _singular(clause.lower_)
    return doc


def repair_present_roots(doc: Doc) -> Doc:
    """Give a headline-style "Azerbaijan *summons* Iran's ambassador" its verb back.

    In the present tense of timelines and headlines the tagger reads a verb in "-s" as a plural noun,
    with the subject as its compound. A noun that heads its sentence and has a direct object of its
    own is a verb; the name before it is its subject (also when the tagger got the verb right but
    still hung its subject on as a compound).
    """
    for root in [t for t in with_dep(doc, "ROOT") if t.pos_ in ("NOUN", "VERB") and t.lower_.endswith("s")]:
        if not any(c.dep_ == "dobj" for c in root.children) or any(c.dep_ == "nsubj" for c in root.children):
            continue  # (a verb with its subject as a compound, "13:40 — Azerbaijan summons ...", likewise)
        names = [c for c in root.children if c.dep_ in ("compound", "nmod") and c.i < root.i and c.pos_ == "PROPN"]
        if not names:
            continue
        root.pos_, root.tag_, root.lemma_ = "VERB", "VBZ", _singular(root.lower_)
        subject = names[-1]
        subject.dep_ = "nsubj"
        for other in names[:-1]:
            other.head, other.dep_ = subject, "compound"
    for root in [t for t in with_dep(doc, "ROOT") if t.pos_ == "PROPN" and t.i > 1]:
        _verb_between_names(root)
    for noun in [t for t in with_dep(doc, "conj") if t.pos_ == "NOUN" and t.lower_.endswith("s")]:
        _coordinated_present(noun)
    return doc


#: Verbs of stance that a present-tense report coordinates ("condemns ... and *voices* solidarity").
_STANCE_VERBS = frozenset({"voice", "express", "offer", "pledge", "reaffirm", "reiterate", "urge", "demand"})


def _coordinated_present(noun: Token) -> None:
    """Give "condemns what it calls a reckless attack and *voices* full solidarity with Bahrain" its verb back.

    After "and", a verb in "-s" coordinated with a present-tense verb reads to the tagger as a plural
    noun, and its object and phrases hang on the verb before it. A stance verb so read, right after
    "and", with no words of its own, is the main verb's conjunct, and what follows it is its own.
    """
    verb = noun.head
    if verb.tag_ != "VBZ" or noun.i == 0 or noun.doc[noun.i - 1].lower_ != "and" or list(noun.children):
        return
    if _singular(noun.lower_) not in _STANCE_VERBS:
        return
    main = next((a for a in (verb, *verb.ancestors) if a.dep_ == "ROOT"), verb)
    if main.tag_ != "VBZ":
        return
    noun.pos_, noun.tag_, noun.lemma_ = "VERB", "VBZ", _singular(noun.lower_)
    noun.head = main
    noun.doc[noun.i - 1].head = main
    for word in [c for c in verb.children if c.i > noun.i]:
        word.head = noun
        word.dep_ = "dobj" if word.dep_ == "oprd" else word.dep_


def _verb_between_names(root: Token) -> None:
    """Give "Erdogan *phones* Aliyev to express solidarity" its verb back.

    With a name on either side, the tagger reads the verb in "-s" as one more word of a single long
    name that heads the sentence. When the sentence's head name has, right before it, a word in "-s"
    that itself has a name right before it, that word is the verb: the first name its subject, the
    second its object, and a clause hung on the second name ("to express solidarity") is the verb's.
    """
    doc = root.doc
    verb, subject = doc[root.i - 1], doc[root.i - 2]
    if verb.head.i != root.i or verb.dep_ != "compound" or not verb.lower_.endswith("s") or verb.is_title:
        return
    if subject.pos_ != "PROPN" or subject.head.i != verb.i:
        return
    for child in [c for c in root.children if c.i < verb.i]:
        child.head = subject  # "Turkish President Recep Tayyip": the subject's own words
    verb.head, verb.dep_ = verb, "ROOT"
    verb.pos_, verb.tag_, verb.lemma_ = "VERB", "VBZ", _singular(verb.lower_)
    subject.dep_ = "nsubj"
    for child in [c for c in root.children if c.i > root.i]:
        child.head = verb
        if child.dep_ in ("relcl", "acl"):
            child.dep_ = "advcl"
    root.head, root.dep_ = verb, "dobj"


def repair_double_objects(doc: Doc) -> Doc:
    """Give "accused *Azerbaijani forces* of opening fire" its one object back.

    The tagger reads a demonym before a plural noun as a name, and the parser makes the two words two
    objects of the verb. Of two objects side by side, the first with no words of its own modifies the second.
    """
    for first in [t for t in with_dep(doc, "dobj") if t.i < len(doc) - 1 and t.pos_ in ("PROPN", "ADJ")]:
        second = doc[first.i + 1]
        if second.dep_ != "dobj" or second.head.i != first.head.i or second.pos_ != "NOUN" or list(first.children):
            continue
        first.head, first.dep_ = second, "amod" if first.ent_type_ == "NORP" or first.pos_ == "ADJ" else "compound"
    return doc


#: Participles of intent whose infinitive is what a group set out to do ("a cell *planning* to bomb"), with
#: their base forms.
_INTENT = {"planning": "plan", "plotting": "plot", "preparing": "prepare", "seeking": "seek", "trying": "try",
           "intending": "intend", "aiming": "aim", "attempting": "attempt"}


def repair_intent_participles(doc: Doc) -> Doc:
    """Give "broke up a cell *planning* to bomb a pumping station" its plotters back.

    The tagger reads a participle of intent after a group noun as a noun with the group as its
    compound ("cell planning"), and the parser then hangs the infinitive on the main verb, as if the
    ones who broke up the cell meant to bomb. The participle modifies the group and the infinitive
    is its complement, so the group is who planned the deed.
    """
    for noun in [t for t in doc if t.pos_ == "NOUN" and t.lower_ in _INTENT and t.i + 2 < len(doc)]:
        groups = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i == noun.i - 1]
        to, deed = doc[noun.i + 1], doc[noun.i + 2]
        if not groups or to.lower_ != "to" or deed.pos_ != "VERB" or deed.head.i != noun.head.i or noun.head == noun:
            continue
        if deed.dep_ not in ("advcl", "xcomp") or to.head.i != deed.i:
            continue
        group = groups[0]
        group.head, group.dep_ = noun.head, noun.dep_
        for child in [c for c in noun.children if c.i < group.i]:
            child.head = group  # "a second cell": the determiner and modifiers are the group's
        noun.head, noun.dep_ = group, "acl"
        noun.pos_, noun.tag_, noun.lemma_ = "VERB", "VBG", _INTENT[noun.lower_]
        deed.head, deed.dep_ = noun, "xcomp"
    return doc


def _singular(word: str) -> str:
    """The singular of a regular English plural ("freezes" → "freeze", "sanctions" → "sanction")."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zzes")):
        return word[:-2]
    return word[:-1]


def repair_judged_objects(doc: Doc) -> Doc:
    """Give "called *the launch* reckless" its object back.

    The parser reads a noun before a judging adjective as the adjective's compound ("the launch
    reckless" as one phrase), leaving the verb with no object and the judgement with no deed. A
    noun compound with the determiner of an object predicate (``oprd``) adjective is the verb's object.
    """
    for adjective in [t for t in with_dep(doc, "oprd") if t.pos_ == "ADJ"]:
        nouns = [c for c in adjective.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
        dets = [c for c in adjective.children if c.dep_ == "det"]
        if len(nouns) != 1 or not dets or any(c.dep_ == "dobj" for c in adjective.head.children):
            continue
        noun = nouns[0]
        noun.head, noun.dep_ = adjective.head, "dobj"
        for det in dets:
            det.head = noun
    return doc
