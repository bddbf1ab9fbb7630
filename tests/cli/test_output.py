from __future__ import annotations

import csv
import io
import json

from spillover.cli.output import FLAT_COLUMNS, flat_row, write_csv, write_geojson, write_jsonl
from spillover.records import Actor, Event, Evidence, Place


def _event(n: int, place: Place | None) -> Event:
    return Event(
        id=f"e{n}",
        doc_id="d1",
        event_type="ASSAULT",
        evidence=Evidence("Drones struck the airport.", (10, 36), "struck", "rules-v1:verb:strike", 0, (17, 23)),
        mode="aerial",
        cameo="195",
        quad_class=4,
        intensity=-10.0,
        source=Actor(text="Iranian drones", name="Iran", code="IRNMIL", country="IRN", sector="MIL"),
        location=place,
        date="2026-03-05",
        date_precision="day",
        confidence=0.8,
    )


NAKHCHIVAN = Place(text="Nakhchivan", name="Nakhchivan", country="AZE", lat=39.2089, lon=45.4122,
                   geonameid=147622, precision="city")


def test_geojson_points_in_lon_lat_order_with_properties() -> None:
    out = io.StringIO()
    written, skipped = write_geojson([_event(1, NAKHCHIVAN), _event(2, None)], out)
    assert (written, skipped) == (1, 1)
    data = json.loads(out.getvalue())
    assert data["type"] == "FeatureCollection"
    (feature,) = data["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [45.4122, 39.2089]}
    props = feature["properties"]
    assert props["event_type"] == "ASSAULT" and props["source_code"] == "IRNMIL"
    assert props["location_name"] == "Nakhchivan" and "lat" not in props


def test_csv_and_jsonl_agree() -> None:
    events = [_event(1, NAKHCHIVAN)]
    text = io.StringIO()
    write_csv(events, text)
    (row,) = list(csv.DictReader(io.StringIO(text.getvalue())))
    assert list(row) == list(FLAT_COLUMNS)
    assert row["span_start"] == "10" and row["source_country"] == "IRN"
    lines = io.StringIO()
    assert write_jsonl(events, lines) == 1
    record = json.loads(lines.getvalue())
    assert record["source"]["code"] == flat_row(events[0])["source_code"]
    assert record["trigger_span"] == [17, 23]
