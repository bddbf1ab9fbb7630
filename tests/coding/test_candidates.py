"""Candidates merged and refined by who did the deed: finds, crowds, aircraft (sentences we wrote)."""

from __future__ import annotations

from datetime import date

import pytest

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
    "text",
    [
        "Protesters attacked a police station in Dhaka on Friday.",
        "Demonstrators hurled bottles and bricks at riot police outside parliament in Athens.",
    ],
)
def test_violence_by_protesters_is_a_violent_demonstration(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, text)
    assert any(e.event_type == "PROTEST" and e.mode == "riot" for e in events)
    assert not any(e.event_type == "ASSAULT" for e in events)


def test_protesters_firing_missiles_stay_an_attack(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Georgian demonstrators launched missiles at government buildings in Tbilisi.")
    assert any(e.event_type == "ASSAULT" and e.mode == "heavy-weapons" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Villagers clashed with sticks and iron rods over a disputed field near Rangpur on Monday.",
        "A suspected thief was set ablaze by an angry mob in Warri on Wednesday.",
        "A mob lynched two men accused of stealing cattle in Jharkhand.",
    ],
)
def test_violence_by_a_crowd_without_a_cause_is_mob_violence(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, text)
    assert any(e.event_type == "PROTEST" and e.mode == "mob" and e.cameo == "145" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Syrian warplanes destroyed an arms depot in Homs province on Sunday.",
        "Saudi jets fired missiles at a village in Saada on Saturday.",
    ],
)
def test_attack_by_aircraft_is_an_air_strike(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, text)
    assert any(e.event_type == "ASSAULT" and e.mode == "aerial" for e in events)


def test_fighters_are_people_not_fighter_jets(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Al-Shabaab fighters attacked an army base near Baidoa on Tuesday night.")
    assert any(e.event_type == "ASSAULT" for e in events)
    assert not any(e.mode == "aerial" for e in events)


def test_grenade_attack_has_its_own_mode(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Suspected militants hurled a grenade at a police bunker in Srinagar on Thursday.")
    assert any(e.event_type == "ASSAULT" and e.mode == "grenade" and e.cameo == "183" for e in events)
