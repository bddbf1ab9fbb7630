"""Writers for event records: JSONL, CSV, Parquet and a readable table/timeline.

The flat column set (``FLAT_COLUMNS``) is shared by CSV and Parquet so that a
spreadsheet and a DuckDB query see the same fields; JSONL keeps the nested
public record (``Event.to_dict``).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any

from rich.markup import escape

from spillover.errors import InputError
from spillover.records import Event

FORMATS = ("table", "jsonl", "csv", "parquet", "geojson")

FLAT_COLUMNS = (
    "id",
    "doc_id",
    "date",
    "date_precision",
    "event_type",
    "mode",
    "cameo",
    "quad_class",
    "intensity",
    "status",
    "confidence",
    "source_text",
    "source_code",
    "source_country",
    "source_sector",
    "target_text",
    "target_code",
    "target_country",
    "target_sector",
    "location_text",
    "location_name",
    "location_country",
    "lat",
    "lon",
    "location_precision",
    "trigger",
    "coder",
    "span_start",
    "span_end",
    "sentence",
)


def flat_row(event: Event) -> dict[str, Any]:
    """One event as a flat mapping of ``FLAT_COLUMNS``."""
    d = event.to_dict()
    row: dict[str, Any] = {k: d.get(k) for k in FLAT_COLUMNS if k in d}
    for role in ("source", "target"):
        actor = d[role] or {}
        for key in ("text", "code", "country", "sector"):
            row[f"{role}_{key}"] = actor.get(key)
    loc = d["location"] or {}
    row.update(
        location_text=loc.get("text"),
        location_name=loc.get("name"),
        location_country=loc.get("country"),
        lat=loc.get("lat"),
        lon=loc.get("lon"),
        location_precision=loc.get("precision"),
    )
    row["span_start"], row["span_end"] = d["span"]
    return {k: row.get(k) for k in FLAT_COLUMNS}


def write_jsonl(events: Iterable[Event], out: IO[str]) -> int:
    """Write one JSON record per line; returns the count."""
    n = 0
    for event in events:
        out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(events: Iterable[Event], out: IO[str]) -> int:
    """Write a header and one flat row per event; returns the count."""
    writer = csv.DictWriter(out, fieldnames=list(FLAT_COLUMNS))
    writer.writeheader()
    n = 0
    for event in events:
        writer.writerow(flat_row(event))
        n += 1
    return n


def write_geojson(events: Iterable[Event], out: IO[str]) -> tuple[int, int]:
    """Write a GeoJSON FeatureCollection (RFC 7946, WGS84 lon/lat) that opens in QGIS.

    Only events with coordinates become features; each carries the flat
    columns as properties so it can be styled and filtered by type, actor or
    status. Returns (features written, events skipped for lack of a place).
    """
    features = []
    skipped = 0
    for event in events:
        loc = event.location
        if loc is None or loc.lat is None or loc.lon is None:
            skipped += 1
            continue
        props = {k: v for k, v in flat_row(event).items() if k not in ("lat", "lon")}
        features.append(
            {
                "type": "Feature",
                "id": event.id,
                "geometry": {"type": "Point", "coordinates": [round(loc.lon, 6), round(loc.lat, 6)]},
                "properties": props,
            }
        )
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
    return len(features), skipped


def write_parquet(events: Iterable[Event], path: Path) -> int:
    """Write a Parquet file (for DuckDB/pandas); needs a real output path."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [flat_row(e) for e in events]
    columns = {k: [r[k] for r in rows] for k in FLAT_COLUMNS}
    try:
        pq.write_table(pa.table(columns), path)
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc}") from exc
    return len(rows)


def _actor_label(actor: dict[str, Any] | None) -> str:
    if not actor:
        return "[dim]—[/dim]"
    code = actor.get("code") or "?"
    return f"[bold]{code}[/bold] [dim]({escape(actor['text'])})[/dim]"


def render_timeline(events: Sequence[Event], console: Any, title: str | None = None) -> None:
    """Print events as a two-line-per-event timeline that reads well at any terminal width.

    Line one: date, type/mode [CAMEO], source → target, status, confidence;
    line two: the trigger and its sentence, so every figure shows its evidence.
    A date marked ``*`` is the report's date (the text gave none).
    """
    if title:
        console.print(f"[bold underline]{escape(title)}[/bold underline]")
    if not events:
        console.print("[dim]no events[/dim]")
        return
    for event in events:
        d = event.to_dict()
        star = "*" if d["date_precision"] == "document" else " "
        kind = d["event_type"] + (f"/{d['mode']}" if d["mode"] else "") + f" [{d['cameo']}]"
        status = d["status"] if d["status"] == "occurred" else f"[yellow]{d['status']}[/yellow]"
        place = f"  @ {escape(d['location']['name'] or d['location']['text'])}" if d["location"] else ""
        console.print(
            f"{d['date'] or '????-??-??'}{star} [cyan]{escape(kind)}[/cyan]  {_actor_label(d['source'])} → "
            f"{_actor_label(d['target'])}  {status} {d['confidence']:.2f}{escape(place)}",
            highlight=False,
        )
        sentence = " ".join(d["sentence"].split())
        if len(sentence) > 220:
            sentence = sentence[:217] + "..."
        console.print(f"            [dim]«{escape(d['trigger'])}» {escape(sentence)}[/dim]", highlight=False)
