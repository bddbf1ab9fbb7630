from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from spillover.errors import StoreError
from spillover.records import Actor, Document, Event, Evidence, Place, Sentence
from spillover.store.database import EventFilter, Store
from spillover.store.migrations import LATEST, current_version


def _event(doc: Document, n: int, etype: str, src: str, tgt: str | None, day: str) -> Event:
    return Event(
        id=f"e{n}",
        doc_id=doc.id,
        event_type=etype,
        evidence=Evidence("Iran struck Azerbaijan.", (0, 23), "struck", "rules-v1:verb:strike", 0, (5, 11)),
        mode="aerial",
        context=("military",),
        cameo="195",
        quad_class=4,
        intensity=-10.0,
        source=Actor(text="Iran", name="Iran", code=src, country=src[:3], sector=src[3:] or None),
        target=Actor(text="Azerbaijan", name="Azerbaijan", code=tgt, country=tgt[:3]) if tgt else None,
        location=Place(
            text="Nakhchivan", name="Nakhchivan", country="AZE", lat=39.2, lon=45.4, geonameid=147622, precision="city"
        ),
        date=day,
        date_precision="day",
        status="occurred",
        confidence=0.8,
    )


def test_roundtrip_and_filters(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 's.db'}")
    doc = Document.from_text("Iran struck Azerbaijan.", title="t", published=date(2026, 3, 5))
    events = [
        _event(doc, 1, "ASSAULT", "IRNMIL", "AZE", "2026-03-05"),
        _event(doc, 2, "ACCUSE", "AZE", "IRN", "2026-03-06"),
        _event(doc, 3, "THREATEN", "TUR", None, "2026-03-07"),
    ]
    assert store.add_document(doc, [Sentence(doc.id, 0, 0, 23, doc.text)], events)
    assert not store.add_document(doc, [], [])  # stored once
    got = list(store.events())
    assert [e.id for e in got] == ["e1", "e2", "e3"]
    assert got[0] == events[0]  # every field survives the round trip
    assert [e.id for e in store.events(EventFilter(country="AZE"))] == ["e1", "e2"]
    assert [e.id for e in store.events(EventFilter(source="IRN"))] == ["e1"]
    assert [e.id for e in store.events(EventFilter(event_type=["threaten"]))] == ["e3"]
    assert [e.id for e in store.events(EventFilter(since="2026-03-06"))] == ["e2", "e3"]
    assert [e.id for e in store.events(EventFilter(limit=1))] == ["e1"]
    counts = store.counts()
    assert counts == {"documents": 1, "sentences": 1, "events": 3, "actors": 5, "places": 1}


def test_migrations_recorded_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    Store.open(url)
    store = Store.open(url)
    with store.engine.connect() as conn:
        assert current_version(conn) == LATEST


def test_bad_url_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="cannot open store"):
        Store.open("nosuchdialect://x")


def test_failed_write_leaves_nothing(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'f.db'}")
    doc = Document.from_text("text")
    bad = [_event(doc, 1, "ASSAULT", "IRN", "AZE", "2026-03-05")] * 2  # duplicate primary key
    with pytest.raises(StoreError):
        store.add_document(doc, [], bad)
    assert store.counts()["documents"] == 0
