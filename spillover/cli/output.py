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

from spillover.errors import InputError
from spillover.records import Event

FORMATS = ("table", "jsonl", "csv", "parquet")

FLAT_COLUMNS = (
    "id", "doc_id", "date", "date_precision", "event_type", "mode", "cameo", "quad_class", "intensity",
    "status", "confidence",
    "source_text", "source_code", "source_country", "source_sector",
    "target_text", "target_code", "target_country", "target_sector",
    "location_text", "location_name", "location_country", "lat", "lon", "location_precision",
    "trigger", "coder", "span_start", "span_end", "sentence",
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
    row.update(location_text=loc.get("text"), location_name=loc.get("name"), location_country=loc.get("country"),
               lat=loc.get("lat"), lon=loc.get("lon"), location_precision=loc.get("precision"))
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
        return "-"
    code = actor.get("code")
    return f"{code} ({actor['text']})" if code else f"? ({actor['text']})"


def render_table(events: Sequence[Event], title: str | None = None, *, width: int | None = None) -> Any:
    """A rich Table: date, type, who → whom, status, confidence, trigger and sentence."""
    from rich.table import Table

    table = Table(title=title, show_lines=False, expand=False, width=width)
    table.add_column("date", no_wrap=True)
    table.add_column("event", no_wrap=True)
    table.add_column("source → target")
    table.add_column("status", no_wrap=True)
    table.add_column("conf", justify="right")
    table.add_column("evidence")
    for event in events:
        d = event.to_dict()
        mark = "" if d["date_precision"] != "document" else "*"
        kind = f"{d['event_type']}" + (f"/{d['mode']}" if d["mode"] else "") + f" [{d['cameo']}]"
        who = f"{_actor_label(d['source'])} → {_actor_label(d['target'])}"
        sentence = d["sentence"]
        trig = d["trigger"]
        snippet = sentence if len(sentence) < 160 else sentence[:157] + "..."
        table.add_row(f"{d['date'] or '?'}{mark}", kind, who, d["status"], f"{d['confidence']:.2f}",
                      f"«{trig}» {snippet}")
    return table
