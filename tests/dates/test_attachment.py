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


def test_coordinated_verb_shares_the_first_verbs_date(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Ankara protested on Friday that the missile had crossed its border on Tuesday, and it summoned the envoy."
    doc = pipeline.nlp(text)
    timexes = find_timexes(text, date(2026, 3, 7))
    sent = next(iter(doc.sents))
    summoned = next(t for t in doc if t.text == "summoned")
    if summoned.dep_ != "conj" or summoned.head.text != "protested":
        pytest.skip(f"parser attached 'summoned' to {summoned.head.text!r} ({summoned.dep_})")
    assert [t.text for t in timexes_for(summoned, sent, timexes)] == ["Friday"]


def test_the_datelines_date_does_not_date_the_events(pipeline) -> None:  # type: ignore[no-untyped-def]
    from spillover.records import Document

    text = "MANILA, October 14 — A Chinese coast guard ship fired water cannon at a Philippine vessel on Monday."
    doc = Document.from_text(text, published=date(2025, 10, 14))
    events = pipeline.process([doc], 0.0)[0][1]
    fired = next(e for e in events if e.evidence.trigger.startswith("fired"))
    assert (fired.date, fired.date_precision) == ("2025-10-13", "day")


def test_a_day_after_dates_the_earlier_event_from_the_later_one(pipeline) -> None:  # type: ignore[no-untyped-def]
    from spillover.dates.attachment import offset_date

    text = "Iran fired missiles at Israel on Sunday, a day after Israeli warplanes struck nuclear sites in Iran."
    doc = pipeline.nlp(text)
    timexes = find_timexes(text, date(2026, 3, 1))
    sent = next(iter(doc.sents))
    struck = next(t for t in doc if t.text == "struck")
    fired = next(t for t in doc if t.text == "fired")
    if struck.head.i != fired.i:
        pytest.skip(f"parser attached 'struck' to {struck.head.text!r}")
    assert offset_date(struck, sent, timexes, date(2026, 3, 1)) == ("2026-02-28", "day")
    assert offset_date(fired, sent, timexes, date(2026, 3, 1)) is None


def test_days_after_a_nominal_event_count_back_from_its_governing_verb(pipeline) -> None:  # type: ignore[no-untyped-def]
    from spillover.dates.attachment import offset_date

    text = "The announcement comes five days after a drone strike on the airport."
    doc = pipeline.nlp(text)
    timexes = find_timexes(text, date(2026, 3, 10))
    strike = next(t for t in doc if t.text == "strike")
    assert offset_date(strike, next(iter(doc.sents)), timexes, date(2026, 3, 10)) == ("2026-03-05", "day")
