"""Place anaphors: "the exclave", "the town", "the capital" stand for a place named before.

A report names Nakhchivan once and then tells of "strikes on the exclave" or "a school in the
town"; the locator needs the place behind each such description. :func:`place_anaphor` says what
kind of place a bare definite noun points back at, and :func:`antecedent` picks the latest earlier
place of that kind ("the capital" is that of the latest country named).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from spillover.geo.gazetteer import Gazetteer
    from spillover.records import Place

#: Definite descriptions that point back at a place already named: "exercises in the exclave",
#: "strikes across the country", "clashes in the town". Region words take the latest admin area or
#: region ("the region" only those); town words the latest city; "the capital" that of the latest
#: country; "the country" is resolved per event (see :meth:`~spillover.geo.event_location.EventLocator.locate`).
REGION_NOUNS = frozenset({"exclave", "enclave", "province", "territory", "governorate", "oblast", "district"})
CITY_NOUNS = frozenset({"city", "town", "village"})
COUNTRY_NOUNS = frozenset({"country", "nation"})
_OK_MODIFIERS = frozenset({"whole", "entire", "same", "tiny", "small", "mountainous", "landlocked", "coastal"})


def place_anaphor(tok: Token) -> str | None:
    """The kind of earlier place a bare definite noun stands for ("the exclave" → "region"), or None.

    Only "the" + noun with no naming modifier counts: "the city of Kisumu" names its own place
    and "the Iranian capital" is already a toponym.
    """
    lemma = tok.lemma_.lower()
    if lemma in REGION_NOUNS or lemma == "region":
        kind = "region"
    elif lemma in CITY_NOUNS:
        kind = "city"
    elif lemma == "capital":
        kind = "capital"
    elif lemma in COUNTRY_NOUNS:
        kind = "country"
    else:
        return None
    if tok.pos_ != "NOUN" or tok.tag_ != "NN":
        return None
    dets = [c for c in tok.children if c.dep_ == "det"]
    if len(dets) != 1 or dets[0].lower_ != "the":
        return None
    for child in tok.children:
        if child.dep_ in ("compound", "poss", "nmod", "appos", "nummod") or (
            child.dep_ == "amod" and child.lower_ not in _OK_MODIFIERS
        ):
            return None
        if child.dep_ == "prep" and child.lower_ == "of":
            return None
    return "regionword" if lemma == "region" else kind


def antecedent(kind: str, earlier: Sequence[Place], gazetteer: Gazetteer) -> Place | None:
    """The latest earlier place that fits an anaphor of ``kind`` (``earlier`` is newest first)."""
    if kind in ("region", "regionword"):
        for place in earlier:
            if place.precision in ("admin", "region"):
                return place
        if kind == "region":  # an exclave named only through its airport or town
            return next((p for p in earlier if p.precision in ("city", "point")), None)
        return None
    if kind == "city":
        return next((p for p in earlier if p.precision == "city"), None)
    country = next((p.country for p in earlier if p.country), None)  # "the capital"
    capital = gazetteer.capital(country) if country else None
    return capital.as_place(capital.name, 1.0, precision="city") if capital is not None else None
