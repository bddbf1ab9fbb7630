"""Candidates merged and refined by who did the deed: finds, crowds, aircraft (sentences we wrote)."""

from __future__ import annotations

from datetime import date

import pytest

from spillover.coding.candidates import drop_redundant
from spillover.coding.triggers import match_trigger
from spillover.records import Event

pytestmark = pytest.mark.slow


def _events(pipeline, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    return pipeline.extract_texts([(text, date(2026, 3, 7))], min_confidence=0.0)[0]


@pytest.mark.parametrize(
    "text",
    [
        "Army engineers discovered a depot which contained anti-tank missiles, rockets and mortar rounds near Idlib.",
        "Two explosive devices were found outside a school in Kandahar and made safe by police.",
        "Customs officers intercepted a parcel holding a pipe bomb at the post office in Athens.",
    ],
)
def test_weapons_found_or_seized_are_no_attack(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, text)
    assert any(e.event_type == "COERCE" and e.mode == "confiscate" for e in events)
    assert not any(e.event_type == "ASSAULT" for e in events)


@pytest.mark.parametrize(
    ("text", "event_type", "mode"),
    [
        # protesters' violence is a violent demonstration
        ("Protesters attacked a police station in Dhaka on Friday.", "PROTEST", "riot"),
        ("Demonstrators hurled bottles and bricks at riot police outside parliament in Athens.", "PROTEST", "riot"),
        # a crowd's violence without a cause is mob violence
        ("Villagers clashed with sticks and iron rods over a disputed field near Rangpur on Monday.", "PROTEST", "mob"),
        ("A suspected thief was set ablaze by an angry mob in Warri on Wednesday.", "PROTEST", "mob"),
        ("A mob lynched two men accused of stealing cattle in Jharkhand.", "PROTEST", "mob"),
        # aircraft make an air strike; heavier weapons keep a crowd's attack an attack
        ("Syrian warplanes destroyed an arms depot in Homs province on Sunday.", "ASSAULT", "aerial"),
        ("Saudi jets fired missiles at a village in Saada on Saturday.", "ASSAULT", "aerial"),
        ("Georgian demonstrators launched missiles at government buildings in Tbilisi.", "ASSAULT", "heavy-weapons"),
        ("Suspected militants hurled a grenade at a police bunker in Srinagar on Thursday.", "ASSAULT", "grenade"),
    ],
)
def test_the_doer_decides_the_kind_of_attack(pipeline, text: str, event_type: str, mode: str) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, text)
    assert any(e.event_type == event_type and e.mode == mode for e in events)
    if event_type == "PROTEST":
        assert all(e.cameo == "145" for e in events if e.event_type == "PROTEST")
        assert not any(e.event_type == "ASSAULT" for e in events)


def test_fighters_are_people_not_fighter_jets(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Al-Shabaab fighters attacked an army base near Baidoa on Tuesday night.")
    assert any(e.event_type == "ASSAULT" for e in events)
    assert not any(e.mode == "aerial" for e in events)




@pytest.mark.parametrize(
    "text",
    [
        "Ankara summoned Iran's ambassador to protest.",
        "Seoul summoned the Japanese envoy on Friday to complain about the textbooks.",
    ],
)
def test_a_diplomatic_step_taken_to_protest_is_one_complaint(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    sent = pipeline.nlp(text)[:]
    found = [c for tok in sent if (c := match_trigger(tok, pipeline.extractor.lexicon)) is not None]
    assert len(found) == 2  # the summons and the verb naming its purpose
    kept = drop_redundant(found)
    assert [c.token.lemma_ for c in kept] == ["summon"]
