"""Which calibrated events a user sees: the per-sentence selection."""

from __future__ import annotations

from spillover.coding.calibration import select_confident
from spillover.records import Event, Evidence


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
