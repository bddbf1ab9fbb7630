from __future__ import annotations

from datetime import date

import pytest

from spillover.dates.attachment import timexes_for
from spillover.dates.timex import find_timexes

pytestmark = pytest.mark.slow


def test_each_clause_keeps_its_own_date(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Iran acknowledged on Saturday that its drones had struck the exclave on Thursday."
    doc = pipeline.nlp(text)
    timexes = find_timexes(text, date(2026, 3, 7))
    sent = next(iter(doc.sents))
    struck = next(t for t in doc if t.text == "struck")
    acknowledged = next(t for t in doc if t.text == "acknowledged")
    (own,) = timexes_for(struck, sent, timexes)
    assert "Thursday" in own.text and own.value == "2026-03-05"
    assert all("Saturday" in t.text for t in timexes_for(acknowledged, sent, timexes))


def test_falls_back_to_the_whole_sentence(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "On Monday, protests spread and police made arrests."
    doc = pipeline.nlp(text)
    timexes = find_timexes(text, date(2026, 3, 7))
    sent = next(iter(doc.sents))
    arrests = next(t for t in doc if t.text == "made")
    assert [t.text for t in timexes_for(arrests, sent, timexes)] == [t.text for t in timexes]
