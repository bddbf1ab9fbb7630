"""Which calibrated events a user sees: the per-sentence selection."""

from __future__ import annotations

from dataclasses import replace

from spillover.coding.calibration import FEATURES, event_features, merge_same_deed, select_confident
from spillover.records import Actor, Event, Evidence


def _event(name: str, sentence: int, confidence: float) -> Event:
    return Event(
        id=name,
        doc_id="d",
        event_type="ACCUSE",
        evidence=Evidence("s", (0, 1), name, "rules-v1:verb:x", sentence_index=sentence),
        confidence=confidence,
    )


def test_best_event_of_a_sentence_needs_only_the_threshold_the_others_the_higher_bar() -> None:
    events = [
        _event("best0", 0, 0.30),
        _event("weak0", 0, 0.20),
        _event("strong0", 0, 0.29),
        _event("only1", 1, 0.18),
        _event("under1", 1, 0.10),
        _event("solid2", 2, 0.60),
        _event("second2", 2, 0.40),
    ]
    kept = [e.id for e in select_confident(events, threshold=0.16, secondary=0.25)]
    assert kept == ["best0", "strong0", "only1", "solid2", "second2"]


def test_secondary_equal_to_threshold_keeps_everything_above_it() -> None:
    events = [_event("a", 0, 0.5), _event("b", 0, 0.2), _event("c", 0, 0.1)]
    assert [e.id for e in select_confident(events, 0.15, 0.15)] == ["a", "b"]


def _deed(name: str, source: str | None, target: str | None, confidence: float, **kw: object) -> Event:
    def actor(code: str | None) -> Actor | None:
        if code is None:
            return None
        country = code[:3] if not code.startswith("---") and code not in ("EU", "UN") else None
        return Actor(text=code, name=None, code=code, country=country, sector=code[3:] or None)

    return replace(_event(name, int(kw.get("sentence", 0)), confidence), source=actor(source), target=actor(target))


def test_one_deed_of_a_sentence_is_kept_once_whatever_the_actors_precision() -> None:
    events = [
        _deed("condemned", "AZEGOV", "IRN", 0.68),
        _deed("held", "AZE", "IRN", 0.85),
        _deed("note", "AZEGOV", None, 0.39),
        _deed("other-target", "AZE", "RUS", 0.5),
        _deed("next-sentence", "AZE", "IRN", 0.6, sentence=1),
    ]
    assert [e.id for e in merge_same_deed(events)] == ["held", "other-target", "next-sentence"]


def test_the_two_directions_of_a_reciprocal_deed_stay_two_events() -> None:
    events = [_deed("a", "SSDGOV", "SSDREB", 0.7), _deed("b", "SSDREB", "SSDGOV", 0.69)]
    assert [e.id for e in merge_same_deed(events)] == ["a", "b"]


def test_other_types_or_statuses_are_other_deeds() -> None:
    denied = replace(_deed("denied", "IRN", "AZE", 0.5), status="denied")
    events = [_deed("done", "IRN", "AZE", 0.6), denied, replace(_deed("t", "IRN", "AZE", 0.4), event_type="THREATEN")]
    assert len(merge_same_deed(events)) == 3


def test_two_modes_of_one_type_are_two_deeds() -> None:
    recall = replace(_deed("recalled", "CODGOV", "RWAGOV", 0.9), event_type="SANCTION", mode="withdraw")
    flights = replace(_deed("suspended", "COD", "RWA", 0.4), event_type="SANCTION", mode="discontinue")
    vague = replace(_deed("cut", "COD", "RWA", 0.3), event_type="SANCTION", mode=None)
    assert [e.id for e in merge_same_deed([recall, flights, vague])] == ["recalled", "suspended"]


def test_the_one_hit_in_one_deed_and_the_doer_of_another_are_two_deeds() -> None:
    """'police came under a grenade attack while they were conducting a raid': the attack and the raid."""
    events = [_deed("raid", "BGD", None, 0.4), _deed("came", None, "BGDCOP", 0.3)]
    assert [e.id for e in merge_same_deed(events)] == ["raid", "came"]


def test_a_mobilisation_that_took_place_may_face_no_one() -> None:
    no_target = FEATURES.index("no_target")
    deployed = replace(_event("a", 0, 0.8), event_type="MOBILIZE")
    offered = replace(deployed, status="planned")
    accusation = _event("b", 0, 0.8)
    assert event_features(deployed)[no_target] == 0.0
    assert event_features(offered)[no_target] == 1.0
    assert event_features(accusation)[no_target] == 1.0
