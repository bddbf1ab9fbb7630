"""Argument rules beyond the trigger's own dependents, on sentences we wrote."""

from __future__ import annotations

from datetime import date

import pytest

from spillover.coding.roles import drop_subsumed
from spillover.records import Actor, Event, Evidence
from spillover.settings import Settings

pytestmark = pytest.mark.slow


def _events(pipeline, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    # every candidate: these tests are about the rules, not the confidence threshold
    return pipeline.extract_texts([(text, date(2026, 3, 7))], min_confidence=0.0)[0]


def _types(events: list[Event]) -> list[str]:
    return [e.event_type for e in events]


def test_bare_noun_object_of_coded_verb_is_dropped(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Armenia condemned the attack on Tuesday.")
    assert "ACCUSE" in _types(events)
    assert "ASSAULT" not in _types(events)


def test_bare_noun_alone_in_its_sentence_is_kept(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "The new package includes asset freezes.")
    assert "SANCTION" in _types(events)


def test_noun_with_actors_under_verb_is_kept(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Greece condemned the Turkish strikes on Cyprus.")
    assert any(e.event_type == "ASSAULT" and e.source and e.source.country == "TUR" for e in events)


def test_denied_role_in_attack_makes_denier_the_source(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Syria denied any role in the attack on Jordan.")
    ev = next(e for e in events if e.event_type == "ASSAULT")
    assert ev.source is not None and ev.source.country == "SYR"
    assert ev.target is not None and ev.target.country == "JOR"
    assert ev.status == "denied"


def test_denied_involvement_recodes_earlier_attack(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Syrian rockets hit Jordan on Monday. Damascus denied involvement."
    events = _events(pipeline, text)
    denied = [e for e in events if e.event_type == "ASSAULT" and e.status == "denied"]
    assert denied, [(e.event_type, e.status, e.evidence.trigger) for e in events]
    assert denied[0].source is not None and denied[0].source.country == "SYR"
    assert denied[0].evidence.sentence_index == 1


def test_a_denial_restates_the_attack_between_two_named_sides_not_its_victims(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Iranian drones attacked Azerbaijan's airport in Nakhchivan on Thursday. Baku protested over what it called"
        " a terrorist attack on civilians. Tehran denied any involvement."
    )
    denied = [e for e in _events(pipeline, text) if e.event_type == "ASSAULT" and e.status == "denied"]
    assert denied and denied[0].target is not None and denied[0].target.country == "AZE"
    # the classifier reads the denial as a rejection: that is the same statement, so it keeps its score
    assert denied[0].confidence >= Settings().min_confidence


def test_an_echo_leaves_a_victim_group_open_for_the_other_side(pipeline) -> None:  # type: ignore[no-untyped-def]
    from spillover.coding.roles import echo_event

    doc = pipeline.nlp("Tehran denied any involvement.")
    civilians = Actor(text="civilians", code="---CVL", sector="CVL")
    evidence = Evidence("An attack on civilians.", (0, 23), "attack", "rules-v1:noun:attack")
    attack = Event(id="a", doc_id="d", event_type="ASSAULT", evidence=evidence, target=civilians)
    iran = Actor(text="Tehran", code="IRN", country="IRN")
    echo = echo_event(attack, doc[3], iran, "denied", 0.5, 1)
    assert echo.target is None and echo.source == iran and echo.status == "denied"


def test_no_echo_without_an_earlier_violent_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Damascus denied involvement.")
    assert "ASSAULT" not in _types(events)


def test_first_person_subject_is_the_reporting_speaker(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = '"We will not hesitate to respond," the Greek defence minister told reporters.'
    events = _events(pipeline, text)
    ev = next(e for e in events if e.event_type == "THREATEN")
    assert ev.source is not None and ev.source.country == "GRC"


def test_an_actor_another_covers_more_precisely_is_dropped() -> None:
    officials = Actor(text="Belarusian officials", name="Belarus", code="BLRGOV", country="BLR", sector="GOV")
    companies = Actor(text="state companies", name="Belarus", code="BLR", country="BLR")
    rebels = Actor(text="the SPLM-IO", name="SPLM-IO", code="SSDREB", country="SSD", sector="REB")
    juba = Actor(text="the government", name="South Sudan", code="SSDGOV", country="SSD", sector="GOV")
    assert drop_subsumed([officials, companies]) == [officials]
    assert drop_subsumed([companies, officials]) == [officials]
    assert drop_subsumed([juba, rebels]) == [juba, rebels]  # one country, two sides: a domestic dyad
    assert drop_subsumed([officials, officials]) == [officials]
