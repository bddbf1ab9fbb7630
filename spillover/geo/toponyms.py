"""Find toponym mentions in a parsed document.

spaCy's small English model finds most place names as GPE, LOC or FAC
entities, but misses or mislabels exactly the names conflict news depends on:
"Nakhchivan", "Fordow", "Strait of Hormuz", "Al Udeid" often come out as PERSON,
ORG or nothing. So entity spans are complemented by gazetteer matches, kept
strict to stay precise: every token must be tagged a proper noun (small joiners
like "of" and "al" excepted), the name must be a strong gazetteer entry
(country, region, curated feature or a sizeable city under its own name), and
it must not overlap a person's name. Capitalised function words ("Of",
"Along") never qualify because they are not proper nouns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spillover.geo.gazetteer import Candidate, Gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

#: spaCy entity labels that denote places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Lower-case words allowed inside a multi-word place name.
_JOINERS = frozenset({"of", "al", "el", "de", "da", "du", "la", "le", "ad", "ash", "as", "and", "-"})
#: Features strong enough to be matched outside spaCy's entities.
_STRONG_FEATURES = frozenset(
    {
        "country",
        "admin1",
        "capital",
        "continent",
        "region",
        "water",
        "crossing",
        "airport",
        "port",
        "site",
        "base",
        "pipeline",
        "landmark",
    }
)
#: Cities this large are matched by their own name even when spaCy misses them.
MIN_CITY_POPULATION = 50_000
_MAX_TOKENS = 6


def _trim(span: Span) -> tuple[int, int] | None:
    """Return char offsets of an entity without a leading "the" or trailing "'s"."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ == "the":
        start += 1
    while end > start and span.doc[end - 1].lower_ in {"'s", "’s", "'"}:
        end -= 1
    if start >= end:
        return None
    return span.doc[start].idx, span.doc[end - 1].idx + len(span.doc[end - 1].text)


def is_strong(candidates: list[Candidate]) -> bool:
    """Tell whether a gazetteer hit is reliable enough without an NER entity."""
    for cand in candidates:
        if cand.match == "demonym":
            continue
        if cand.feature in _STRONG_FEATURES:
            return True
        if cand.match == "name" and cand.population >= MIN_CITY_POPULATION:
            return True
    return False


def _proper(doc: Doc, start: int, end: int) -> bool:
    """Tell whether tokens ``start:end`` look like one proper name."""
    first, last = doc[start], doc[end - 1]
    if first.pos_ != "PROPN" or last.pos_ != "PROPN" or not first.text[:1].isupper():
        return False
    for tok in doc[start:end]:
        if tok.is_punct and tok.text not in {"-", "–"}:
            return False
        if tok.pos_ != "PROPN" and tok.lower_ not in _JOINERS:
            return False
    return True


def find_toponyms(doc: Doc, gazetteer: Gazetteer | None = None) -> list[tuple[int, int, str]]:
    """Return ``(start_char, end_char, text)`` of every place mention, in text order.

    Args:
        doc: A spaCy document parsed with a pipeline that has NER and a tagger.
        gazetteer: When given, strong gazetteer names that spaCy did not tag
            as places are added (see the module docstring for the rules).
    """
    found: dict[tuple[int, int], str] = {}
    blocked = [False] * len(doc)
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            offsets = _trim(ent)
            if offsets is not None:
                found[offsets] = doc.text[offsets[0] : offsets[1]]
        if ent.label_ in PLACE_LABELS or ent.label_ in {"PERSON", "DATE", "TIME", "MONEY", "NORP"}:
            for i in range(ent.start, ent.end):
                blocked[i] = True
    if gazetteer is not None:
        i = 0
        while i < len(doc):
            match = _match_at(doc, i, blocked, gazetteer)
            if match is None:
                i += 1
                continue
            end = match
            start_char, end_char = doc[i].idx, doc[end - 1].idx + len(doc[end - 1].text)
            found[(start_char, end_char)] = doc.text[start_char:end_char]
            i = end
    return [(s, e, text) for (s, e), text in sorted(found.items())]


def _match_at(doc: Doc, i: int, blocked: list[bool], gazetteer: Gazetteer) -> int | None:
    """Return the end token of the longest strong gazetteer name starting at ``i``."""
    if blocked[i] or not doc[i].text[:1].isupper():
        return None
    for end in range(min(len(doc), i + _MAX_TOKENS), i, -1):
        if any(blocked[i:end]) or not _proper(doc, i, end):
            continue
        text = doc.text[doc[i].idx : doc[end - 1].idx + len(doc[end - 1].text)]
        if is_strong(gazetteer.lookup(text)):
            return end
    return None
