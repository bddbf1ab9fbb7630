"""Repairs of parser errors that cost the coder whole events.

The small English pipeline reads a reduced relative clause before a passive verb
as a clausal subject: in "a missile fired from Iran was shot down by NATO" it makes
"fired" the clausal subject (``csubjpass``) of "shot" and "missile" the subject of
"fired". The coder then sees a shot-down clause with no weapon, and a missile that
was fired and hit. :func:`repair_reduced_relatives` re-attaches the noun as the
passive subject and the participle as its modifier, the reading every reader takes.
The repair runs last in the pipeline (see :func:`spillover.nlp.loader.load_nlp`), so
actors, factuality and dates all see the same tree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["PARAGRAPH_COMPONENT", "REPAIR_COMPONENT", "paragraph_starts", "repair_reduced_relatives"]

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
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text and not doc[tok.i + 1].is_space:
            doc[tok.i + 1].is_sent_start = True
    return doc


def repair_reduced_relatives(doc: Doc) -> Doc:
    """Re-attach "<noun> <participle> ... was <verb>ed" misparsed as a clausal passive subject."""
    for verb in doc:
        for clause in [c for c in verb.children if c.dep_ == "csubjpass" and c.tag_ == "VBN"]:
            nouns = [c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i and c.pos_ in ("NOUN", "PROPN")]
            if len(nouns) != 1 or any(c.dep_ in ("aux", "auxpass") for c in clause.children):
                continue
            noun = nouns[0]
            noun.head = verb
            noun.dep_ = "nsubjpass"
            clause.head = noun
            clause.dep_ = "acl"
    return doc
