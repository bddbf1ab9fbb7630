"""Coding of sentences we wrote in the ways ACLED-style reports tell protests, fighting and policing.

Each case names the phrasing it checks; the sentences are ours, not taken from any evaluation set.
"""

from __future__ import annotations

import pytest

from spillover.records import Event

pytestmark = pytest.mark.slow


def _events(pipeline, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    # every candidate: these tests are about the rules, not the confidence threshold
    return pipeline.extract_texts([(text, None)], min_confidence=0.0)[0]


def test_sides_hung_on_a_verb_of_occurrence(pipeline) -> None:  # type: ignore[no-untyped-def]
    """'clashes erupted between police and students': the "between" phrase names the clash's sides."""
    events = _events(pipeline, "Clashes erupted between riot police and students outside the university in Dhaka.")
    riot = next(e for e in events if e.evidence.trigger == "Clashes")
    assert (riot.event_type, riot.mode) == ("PROTEST", "riot")
    assert riot.target is not None and riot.target.sector == "COP"
