"""Where events happened: the locator's choices through the real pipeline."""

from __future__ import annotations

from datetime import date

from spillover.geo.gazetteer import Gazetteer
from spillover.records import Document, Event


def _events(pipeline, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    return pipeline.process([Document.from_text(text, published=date(2026, 3, 6))], 0.0)[0][1]


def test_capital_of_a_country(gazetteer: Gazetteer) -> None:
    baku = gazetteer.capital("AZE")
    assert baku is not None and baku.name == "Baku" and baku.country == "AZE"
    assert gazetteer.capital("XXX") is None


def test_government_statement_is_placed_in_its_capital_not_the_dateline(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "TBILISI, March 6 — Azerbaijan's Foreign Ministry summoned Iran's ambassador on Friday.")
    ev = next(e for e in events if e.event_type == "ACCUSE")
    assert ev.location is not None and ev.location.name == "Baku" and ev.location.precision == "city"


def test_statement_of_the_dateline_country_stays_at_the_dateline(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "GANJA, March 6 — Azerbaijan's Foreign Ministry summoned Iran's ambassador on Friday.")
    ev = next(e for e in events if e.event_type == "ACCUSE")
    assert ev.location is not None and ev.location.name == "Ganja"


def test_route_phrase_places_the_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Azerbaijan evacuated foreign nationals through the Astara border crossing on Sunday.")
    ev = next(e for e in events if e.event_type == "AID")
    assert ev.location is not None and "Astara" in (ev.location.name or "") and ev.location.country == "AZE"
