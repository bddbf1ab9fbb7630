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

from spillover.geo.common import normalise
from spillover.geo.gazetteer import Candidate, Gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

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
#: Our own facility entries (spillover/data/places/extra_places.tsv) whose names run on in common
#: nouns ("Astara border crossing", "Sangachal oil terminal") are matched whatever spaCy tagged them.
_FACILITY_FEATURES = frozenset({"crossing", "airport", "port", "site", "base", "pipeline", "landmark"})
#: Cities this large are matched by their own name even when spaCy misses them.
MIN_CITY_POPULATION = 50_000
_MAX_TOKENS = 6
#: English words that are also names of sizeable places ("Man" in Côte d'Ivoire,
#: "Mobile", "Reading"): matched only when spaCy itself calls them a place.
_COMMON_WORDS = frozenset(
    {
        "act",
        "man",
        "union",
        "forest",
        "reservoir",
        "channel",
        "capitol",
        "gulf",
        "mobile",
        "reading",
        "nice",
        "bath",
        "split",
        "independence",
        "liberty",
        "victoria",
        "florence",
        "hope",
        "unity",
        "justice",
        "concord",
        "commerce",
        "enterprise",
        "progress",
        "providence",
        "mission",
        "orange",
        "eagle",
        "buffalo",
        "phoenix",
        "aurora",
        "normal",
        "marathon",
    }
)
#: Prepositions after which a one-word name spaCy took for a person is a place
#: ("arrested in Alexandria").
_LOCATIVE = frozenset(
    {"in", "at", "from", "near", "to", "outside", "into", "across", "of", "around", "over", "inside", "towards",
     "toward"}
)
#: Verbs whose object is a place ("visited Baku", "toured Kherson"), a cue like a locative preposition.
_VISIT_VERBS = frozenset({"visit", "tour", "reach", "enter", "leave"})
#: Verbs of attack whose direct object, when it is a strong place name, is the place struck ("Two drones
#: strike Nakhchivan", where the tagger calls the name a person).
_STRIKE_VERBS = frozenset({"strike", "hit", "bomb", "shell", "pound", "target"})
#: Common nouns that, right after a name, show the name is a place.
_PLACE_NOUNS = frozenset(
    {"exclave", "enclave", "region", "province", "city", "town", "village", "district", "airport", "port",
     "border", "oblast", "governorate", "state", "area", "valley", "outskirts", "frontier", "crossing", "base"}
)
#: Deeds named after where they happened: "the Nakhchivan attack", "the Kabul bombing".
_EVENT_NOUNS = frozenset(
    {"attack", "strike", "bombing", "blast", "explosion", "raid", "shelling", "massacre", "incident", "offensive"}
)
#: Nouns that, right after a one-word name, show the name is a place
#: ("Gainesville man charged", "Alexandria police said").
_RESIDENT_NOUNS = frozenset(
    {"man", "woman", "men", "women", "police", "officials", "resident", "residents", "city", "native"}
)


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


def is_strong(candidates: list[Candidate], *, allow_alias: bool = False) -> bool:
    """Tell whether a gazetteer hit is reliable enough without an NER entity.

    Args:
        candidates: The gazetteer's answers for the name.
        allow_alias: Also accept a sizeable city known under this spelling as an
            alternate name ("Nakhchivan" for Naxçıvan, "Kiev" for Kyiv); used
            only where the context already points to a place.
    """
    for cand in candidates:
        if cand.match == "demonym":
            continue
        if cand.feature in _STRONG_FEATURES:
            return True
        if cand.population >= MIN_CITY_POPULATION and (cand.match == "name" or allow_alias):
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


def find_toponyms(
    doc: Doc, gazetteer: Gazetteer | None = None, *, include_demonyms: bool = False, text: str | None = None
) -> list[tuple[int, int, str]]:
    """Return ``(start_char, end_char, text)`` of every place mention, in text order.

    Args:
        doc: A spaCy document parsed with a pipeline that has NER and a tagger.
        gazetteer: When given, one-word GPE entities unknown to the gazetteer
            are dropped (spaCy's small model calls many surnames GPE), strong
            gazetteer names that spaCy missed are added, and a one-word
            "person" after a locative preposition is kept if it is a strong
            place name (see the module docstring).
        include_demonyms: Also return adjectival mentions ("Iranian"), which
            geoparsing gold sets annotate but which do not locate an event.
        text: ``doc.text``, when the caller has it already (``Doc.text`` joins every token on each access).
    """
    found: dict[tuple[int, int], str] = {}
    text = doc.text if text is None else text
    blocked = [False] * len(doc)
    for ent in doc.ents:
        offsets = _trim(ent)
        keep = offsets is not None and _keep_entity(ent, gazetteer, include_demonyms)
        if keep and offsets is not None:
            found[offsets] = text[offsets[0] : offsets[1]]
        if keep or ent.label_ in PLACE_LABELS | {"PERSON", "DATE", "TIME", "MONEY", "NORP"}:
            for i in range(ent.start, ent.end):
                blocked[i] = True
    if gazetteer is not None:
        capitalised = [False] * len(doc)  # a name starts with a capital: no other token is looked up
        for i, tok in enumerate(doc):
            capitalised[i] = tok.text[:1].isupper()
            end = _facility_at(doc, text, i, gazetteer) if tok.pos_ == "PROPN" else None
            if end is not None:  # the whole facility name replaces any entity inside it ("Astara")
                start_char, end_char = tok.idx, doc[end - 1].idx + len(doc[end - 1].text)
                for key in [k for k in found if k[0] < end_char and start_char < k[1]]:
                    del found[key]
                found[(start_char, end_char)] = text[start_char:end_char]
                for k in range(i, end):
                    blocked[k] = True
        starts = {sent.start for sent in doc.sents}  # Token.is_sent_start rescans the doc each call
        i = 0
        while i < len(doc):
            end = _match_at(doc, text, i, blocked, gazetteer, starts) if capitalised[i] else None
            if end is None:
                i += 1
                continue
            start_char, end_char = doc[i].idx, doc[end - 1].idx + len(doc[end - 1].text)
            found[(start_char, end_char)] = text[start_char:end_char]
            i = end
    return [(s, e, text) for (s, e), text in sorted(found.items())]


def _keep_entity(ent: Span, gazetteer: Gazetteer | None, include_demonyms: bool) -> bool:
    """Decide whether a spaCy entity is a toponym mention."""
    if gazetteer is None:
        return ent.label_ in PLACE_LABELS
    if ent.label_ == "NORP":
        found = gazetteer.lookup(ent.text)
        # "the governor of East Azerbaijan province": a region the tagger reads as a nationality
        region = len(ent) > 1 and any(c.match == "name" and c.feature == "admin1" for c in found)
        return region or (include_demonyms and any(c.match == "demonym" for c in found))
    if ent.label_ in {"PERSON", "ORG"} and len(ent) == 1:
        before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
        after = ent.doc[ent.end].lower_ if ent.end < len(ent.doc) else ""
        visited = ent.start > 0 and ent.doc[ent.start - 1].lemma_.lower() in _VISIT_VERBS  # "visited Baku"
        visited = visited or (ent.root.dep_ == "dobj" and ent.root.head.lemma_.lower() in _STRIKE_VERBS)
        # "into the Nakhchivan exclave": a place-type noun after the name, whatever its tag (spaCy tags the
        # rare "exclave" as an adverb and the name as a person)
        cue = before in _LOCATIVE or after in _RESIDENT_NOUNS or after in _PLACE_NOUNS or visited
        # "the drone attack on Nakhchivan": what a deed was "on" is where it struck
        struck = before == "on" and ent.start > 1 and ent.doc[ent.start - 2].lemma_.lower() in _EVENT_NOUNS
        cue = cue or struck
        # "the Nakhchivan attack"; never an acronym ("the SDF shelling" names who shelled)
        named_deed = ent.end < len(ent.doc) and ent.doc[ent.end].lemma_.lower() in _EVENT_NOUNS
        cue = cue or (named_deed and not ent.text.isupper())
        return cue and is_strong(gazetteer.lookup(ent.text), allow_alias=True)
    if ent.label_ not in PLACE_LABELS:
        return False
    if ent.label_ == "GPE" and len(ent) == 1:
        return bool(gazetteer.lookup(ent.text)) or ent.text.isupper()
    return True


def _match_at(
    doc: Doc, text: str, i: int, blocked: list[bool], gazetteer: Gazetteer, starts: set[int]
) -> int | None:
    """Return the end token of the longest strong gazetteer name starting at ``i``."""
    if blocked[i] or not doc[i].text[:1].isupper():
        return None
    for end in range(min(len(doc), i + _MAX_TOKENS), i, -1):
        if any(blocked[i:end]) or not _proper(doc, i, end):
            continue
        if end - i == 1 and not _plausible_word(doc[i], starts):
            continue
        name = text[doc[i].idx : doc[end - 1].idx + len(doc[end - 1].text)]
        found = gazetteer.lookup(name)
        if end - i == 1 and len(name) <= 4 and not name.isupper():
            # Short title-case words only under a place's own name, never an
            # abbreviation alias matched case-insensitively ("Act" vs ACT).
            found = [c for c in found if normalise(c.name) == normalise(name)]
        # an exonym under which GeoNames files a sizeable city only as an alternate
        # name ("Nakhchivan" for Naxçıvan) counts when it is a proper noun before a
        # place-type noun ("Nakhchivan exclave", "Kharkiv region")
        after = doc[end].lemma_.lower() if end < len(doc) else ""
        if is_strong(found, allow_alias=after in _PLACE_NOUNS):
            return end
    return None


_DASHES = frozenset({"–", "—"})  # en and em dashes join names; a hyphen is part of one ("al-Asad")


def _facility_at(doc: Doc, text: str, i: int, gazetteer: Gazetteer) -> int | None:
    """End token of a facility name that starts with a proper noun and runs on in common nouns.

    Dashes may join its proper nouns ("the Baku–Tbilisi–Ceyhan oil pipeline"): the towns in such a
    name are the facility's ends, not places of their own.
    """
    run: list[Token] = []  # the words after the first that may belong to the name, in order
    for k in range(i + 1, min(len(doc), i + 8)):
        t = doc[k]
        if not ((t.pos_ in ("NOUN", "PROPN") and not t.is_punct) or t.text in _DASHES):
            break
        run.append(t)
    first_noun = next((n for n, t in enumerate(run) if t.pos_ == "NOUN"), None)
    if first_noun is None:
        return None
    start = doc[i].idx
    # longest first; the tail must hold a common noun, unless dashes join the names before it ("the
    # Baku–Tbilisi–Ceyhan line": the facility's own name, whatever word the writer puts after it)
    joined = any(t.text in _DASHES for t in run[:first_noun])
    for n in range(len(run), first_noun - 1 if joined and first_noun > 0 else first_noun, -1):
        last = run[n - 1]
        name = text[start : last.idx + len(last.text)]
        if any(c.feature in _FACILITY_FEATURES and c.match != "demonym" for c in gazetteer.lookup(name)):
            return i + 1 + n
    return None


def _plausible_word(tok: Token, starts: set[int]) -> bool:
    """Tell whether a single capitalised word may be matched as a place name.

    Sentence-initial words and common English words are left to spaCy's
    entity recogniser.
    """
    return tok.i not in starts and tok.lower_ not in _COMMON_WORDS
