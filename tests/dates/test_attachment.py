from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from spacy.tokens import Span, Token

from spillover.dates.attachment import offset_date, timexes_for
from spillover.dates.timex import Timex, find_timexes
from spillover.records import Document

pytestmark = pytest.mark.slow


@dataclass
class Parsed:
    """One parsed sentence with the document's time expressions."""

    sent: Span
    timexes: list[Timex]

    def token(self, text: str) -> Token:
        return next(t for t in self.sent if t.text == text)


def _parse(pipeline, text: str, dct: date) -> Parsed:  # type: ignore[no-untyped-def]
    return Parsed(next(iter(pipeline.nlp(text).sents)), find_timexes(text, dct))


def test_each_clause_keeps_its_own_date(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Iran acknowledged on Saturday that its drones had struck the exclave on Thursday."
    p = _parse(pipeline, text, date(2026, 3, 7))
    (own,) = timexes_for(p.token("struck"), p.sent, p.timexes)
    assert "Thursday" in own.text and own.value == "2026-03-05"
    assert all("Saturday" in t.text for t in timexes_for(p.token("acknowledged"), p.sent, p.timexes))


def test_falls_back_to_the_whole_sentence(pipeline) -> None:  # type: ignore[no-untyped-def]
    p = _parse(pipeline, "On Monday, protests spread and police made arrests.", date(2026, 3, 7))
    assert [t.text for t in timexes_for(p.token("made"), p.sent, p.timexes)] == [t.text for t in p.timexes]


def test_coordinated_verb_shares_the_first_verbs_date(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Ankara protested on Friday that the missile had crossed its border on Tuesday, and it summoned the envoy."
    p = _parse(pipeline, text, date(2026, 3, 7))
    summoned = p.token("summoned")
    if summoned.dep_ != "conj" or summoned.head.text != "protested":
        pytest.skip(f"parser attached 'summoned' to {summoned.head.text!r} ({summoned.dep_})")
    assert [t.text for t in timexes_for(summoned, p.sent, p.timexes)] == ["Friday"]


def test_the_datelines_date_does_not_date_the_events(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "MANILA, October 14 — A Chinese coast guard ship fired water cannon at a Philippine vessel on Monday."
    doc = Document.from_text(text, published=date(2025, 10, 14))
    events = pipeline.process([doc], 0.0)[0][1]
    fired = next(e for e in events if e.evidence.trigger.startswith("fired"))
    assert (fired.date, fired.date_precision) == ("2025-10-13", "day")


def test_a_day_after_dates_the_earlier_event_from_the_later_one(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Iran fired missiles at Israel on Sunday, a day after Israeli warplanes struck nuclear sites in Iran."
    p = _parse(pipeline, text, date(2026, 3, 1))
    struck, fired = p.token("struck"), p.token("fired")
    if struck.head.i != fired.i:
        pytest.skip(f"parser attached 'struck' to {struck.head.text!r}")
    assert offset_date(struck, p.sent, p.timexes, date(2026, 3, 1)) == ("2026-02-28", "day")
    assert offset_date(fired, p.sent, p.timexes, date(2026, 3, 1)) is None


def test_days_after_a_nominal_event_count_back_from_its_governing_verb(pipeline) -> None:  # type: ignore[no-untyped-def]
    p = _parse(pipeline, "The announcement comes five days after a drone strike on the airport.", date(2026, 3, 10))
    assert offset_date(p.token("strike"), p.sent, p.timexes, date(2026, 3, 10)) == ("2026-03-05", "day")


def test_a_year_that_names_a_thing_does_not_date_the_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "CARICOM urged Venezuela to respect the 1899 arbitral award over Thursday's clash."
    p = _parse(pipeline, text, date(2026, 5, 14))
    assert timexes_for(p.token("urged"), p.sent, p.timexes) == []
    (own,) = timexes_for(p.token("clash"), p.sent, p.timexes)
    assert "Thursday" in own.text


def test_a_date_in_a_clause_describing_a_noun_dates_that_other_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    parsed = _parse(
        pipeline,
        "Baku also asked Tehran to return the ambassador's security escort, withdrawn last week.",
        date(2026, 3, 17),
    )
    assert timexes_for(parsed.token("asked"), parsed.sent, parsed.timexes) == []
    withdrawn = timexes_for(parsed.token("withdrawn"), parsed.sent, parsed.timexes)
    assert [t.text for t in withdrawn] == ["last week"]


def test_a_date_after_a_present_participle_dates_the_clause_around_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    parsed = _parse(
        pipeline,
        "Israeli aircraft struck a convoy carrying Iranian weapons near the Syrian border town of Albu Kamal late on"
        " Saturday, a monitoring group said.",
        date(2026, 3, 15),
    )
    assert [t.value for t in timexes_for(parsed.token("struck"), parsed.sent, parsed.timexes)] == ["2026-03-14"]


def test_a_day_after_under_a_dateline_counts_back_from_the_report(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "BAKU, March 7 — A day after Iranian drones struck Nakhchivan, Azerbaijan's parliament held an emergency"
        " session."
    )
    events = pipeline.extract_texts([(text, date(2026, 3, 7))], min_confidence=0.0)[0]
    struck = next(e for e in events if e.evidence.trigger == "struck")
    assert (struck.date, struck.date_precision) == ("2026-03-06", "day")


def test_an_of_phrase_dates_its_noun_not_the_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The two sides agreed to set up a joint commission to investigate the drone incidents of the past month."
    p = _parse(pipeline, text, date(2026, 4, 24))
    assert p.timexes and timexes_for(p.token("agreed"), p.sent, p.timexes) == []


def test_an_infinitives_time_is_its_own_deeds(pipeline) -> None:  # type: ignore[no-untyped-def]
    p = _parse(pipeline, "The two leaders agreed to meet in Astana next month.", date(2026, 3, 10))
    assert timexes_for(p.token("agreed"), p.sent, p.timexes) == []
    assert [t.text for t in timexes_for(p.token("meet"), p.sent, p.timexes)] == ["next month"]


def test_a_day_after_read_as_a_date_still_puts_the_clause_a_day_before(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Israeli jets struck Hezbollah weapons depots in southern Lebanon on Thursday, a day after the group fired "
        "a barrage of rockets at northern Israel."
    )
    p = _parse(pipeline, text, date(2026, 3, 19))
    assert offset_date(p.token("fired"), p.sent, p.timexes, date(2026, 3, 19)) == ("2026-03-18", "day")
