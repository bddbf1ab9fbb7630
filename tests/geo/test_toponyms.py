from __future__ import annotations

from typing import Any

from spillover.geo.gazetteer import Gazetteer
from spillover.geo.toponyms import find_toponyms


def texts(doc_text: str, nlp: Any, gazetteer: Gazetteer, **kwargs: Any) -> list[str]:
    doc = nlp(doc_text)
    found = find_toponyms(doc, gazetteer, **kwargs)
    for start, end, text in found:
        assert doc_text[start:end] == text
    return [text for _, _, text in found]


def test_entities_and_gazetteer_names(nlp: Any, gazetteer: Gazetteer) -> None:
    text = (
        "Iranian drones hit the Nakhchivan International Airport on Thursday. "
        "Tankers were stopped in the Strait of Hormuz, officials in Baku said."
    )
    found = texts(text, nlp, gazetteer)
    assert "Nakhchivan International Airport" in found
    assert "Strait of Hormuz" in found
    assert "Baku" in found
    assert "Iranian" not in found
    assert "Iranian" in texts(text, nlp, gazetteer, include_demonyms=True)


def test_common_words_are_not_places(nlp: Any, gazetteer: Gazetteer) -> None:
    text = "Of the two options, Along with the others, the Act was passed by the Union council."
    assert texts(text, nlp, gazetteer) == []


def test_without_gazetteer_only_entities(nlp: Any) -> None:
    doc = nlp("Protesters marched through Paris while ministers met in Berlin.")
    assert [t for _, _, t in find_toponyms(doc)] == ["Paris", "Berlin"]


def test_a_city_tagged_as_a_person_after_around(nlp: Any, gazetteer: Gazetteer) -> None:
    # the small model calls Tabriz a person here; "around" cues a place as "in" does
    text = "When Israeli jets pounded targets around Tabriz on March 1, Azerbaijan said nothing."
    assert "Tabriz" in texts(text, nlp, gazetteer)


def test_a_name_after_an_attack_on_is_a_place(nlp: Any, gazetteer: Gazetteer) -> None:
    doc = nlp("Azerbaijan said it had accepted Iran's formal apology for the drone attack on Nakhchivan.")
    assert "Nakhchivan" in [text for _s, _e, text in find_toponyms(doc, gazetteer)]


def test_a_name_struck_by_drones_is_a_place(nlp: Any, gazetteer: Gazetteer) -> None:
    # the small model calls Nakhchivan a person here; what drones strike is where they struck
    text = "March 5: Two drones strike Nakhchivan; one hits the airport terminal."
    assert "Nakhchivan" in texts(text, nlp, gazetteer)


def test_a_dashed_facility_name_before_any_noun(nlp: Any, gazetteer: Gazetteer) -> None:
    found = texts("Officers broke up a plot to sabotage the Baku–Tbilisi–Ceyhan line.", nlp, gazetteer)
    assert "Baku–Tbilisi–Ceyhan" in found and "Tbilisi" not in found
