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


@pytest.mark.parametrize(
    ("text", "trigger", "label"),
    [
        ("Riot police used stun grenades on students outside the university in Yangon.", "grenades",
         "ASSAULT/repression"),
        ("Scuffles broke out between marchers and police outside the parliament in Tbilisi.", "Scuffles",
         "PROTEST/riot"),
        ("Some 200 fighters of a government-allied militia defected to the rebels in Upper Nile state.", "defected",
         "MOBILIZE/troops"),
        ("Jihadists charged an army camp near Menaka overnight.", "charged", "ASSAULT/"),
        ("Troops captured a senior commander of the group near Beledweyne on Sunday.", "captured", "COERCE/arrest"),
        ("Taliban militants captured a district in the north on Friday.", "captured", "COERCE/seize"),
    ],
)
def test_crowd_control_protest_violence_defections_and_captures(pipeline, text, trigger, label) -> None:  # type: ignore[no-untyped-def]
    """Lexicon 1.13.0: crowd-control grenades, scuffles, defections, charges on camps, captured people vs places."""
    event = next(e for e in _events(pipeline, text) if e.evidence.trigger == trigger)
    assert f"{event.event_type}/{event.mode or ''}".startswith(label)


def test_a_verb_tagged_as_a_noun_is_told_by_its_particle(pipeline) -> None:  # type: ignore[no-untyped-def]
    """'WHO and UNICEF hand over ... supplies': the tagger's noun 'hand' governs a particle, so it is the verb."""
    events = _events(pipeline, "WHO and UNICEF hand over badly needed supplies to health workers in Juba.")
    assert any(e.event_type == "AID" and e.evidence.coder.startswith("rules") for e in events)
