"""Status of events read off the parse: conditions and refusals."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _events(pipeline, text: str):  # type: ignore[no-untyped-def]
    return pipeline.extract_texts([(text, None)], min_confidence=0.0)[0]


def test_deed_in_an_if_or_unless_clause_has_not_happened(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Hezbollah will keep the soldiers unless Israel frees the Lebanese prisoners.")
    freed = next(e for e in events if e.evidence.trigger.startswith("frees"))
    assert freed.status == "planned"
    plain = _events(pipeline, "Israel frees the Lebanese prisoners.")
    assert next(e for e in plain if e.evidence.trigger.startswith("frees")).status == "occurred"


def test_cannot_accept_is_a_refusal(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Bangladesh said it cannot accept any more refugees from Myanmar.")
    assert any(e.event_type == "REJECT" and e.status == "occurred" for e in events), events


def test_a_time_clause_under_an_accusation_is_given_as_fact(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(
        pipeline,
        "Azerbaijan accused Iran of a terrorist attack after two Iranian drones crossed the border, "
        "one of them hitting the terminal of Nakhchivan airport.",
    )
    hit = next(e for e in events if e.evidence.trigger == "hitting")
    assert hit.status == "occurred" and hit.source is not None and hit.source.country == "IRN"
    accused = _events(pipeline, "Azerbaijan accused Iran of hitting the terminal of Nakhchivan airport.")
    assert next(e for e in accused if e.evidence.trigger == "hitting").status == "alleged"


def test_a_missile_shot_down_was_an_attempted_attack_a_jet_shot_down_was_hit(pipeline) -> None:  # type: ignore[no-untyped-def]
    missile = _events(pipeline, "NATO air defences shot down an Iranian missile heading towards Turkish airspace.")
    assert any(e.evidence.trigger == "shot" and e.status == "attempted" for e in missile), missile
    jet = _events(pipeline, "Turkey shot down a Russian jet.")
    assert any(e.evidence.trigger == "shot" and e.status == "occurred" for e in jet), jet


def test_a_deed_offered_by_a_noun_is_planned(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Kabul welcomed Australia's offer to send troops to Kandahar.")
    sending = next(e for e in events if e.evidence.trigger == "send")
    assert sending.status == "planned"


def test_readiness_is_no_plan_of_its_own(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Azerbaijan placed its armed forces in Nakhchivan on full combat readiness on Sunday.")
    assert any(e.event_type == "MOBILIZE" and e.status == "occurred" for e in events)


def test_a_bare_infinitive_joined_to_a_requested_one_is_requested_too(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Greece has asked NATO to help patrol its airspace, share intelligence and increase naval patrols."
    moves = [e for e in _events(pipeline, text) if e.event_type == "MOBILIZE"]
    assert moves and all(e.status == "planned" for e in moves)


def test_a_deed_asked_about_with_whether_is_not_told_as_done(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The foreign ministry said relations would depend on whether Iran took responsibility for the attack."
    owned = [e for e in _events(pipeline, text) if e.event_type == "CONCEDE"]
    assert owned and all(e.status == "planned" for e in owned)


def test_a_rejection_told_as_an_aside_to_a_charge_happened(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Iran's military accused Azerbaijan on Sunday of allowing Israeli aircraft to fly over its territory to"
        " attack Iran, a claim Baku immediately rejected."
    )
    rejected = [e for e in _events(pipeline, text) if e.event_type == "REJECT"]
    assert rejected and rejected[0].status == "occurred" and rejected[0].source is not None
    assert rejected[0].source.country == "AZE"


def test_what_a_blocked_statement_says_was_not_said(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Hungary blocked a joint statement condemning Tehran, diplomats said.")
    condemned = next(e for e in events if e.evidence.trigger == "condemning")
    assert condemned.status == "negated"
    assert next(e for e in events if e.evidence.trigger == "blocked").status == "occurred"
