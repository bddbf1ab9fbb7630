"""Event-location evaluation on the Halterman "Geolocating Political Events" data.

Each record is a sentence with one annotated event verb and, when the text
says where it happened, the span of that place. We run our toponym finder and
the locator's choice for that verb and score:

* ``accuracy``: records where our choice is right — the chosen toponym
  overlaps the gold span, or we choose none and the gold has none;
* ``precision``/``recall``/``f1`` over located records (a choice counts when it
  overlaps the gold location span);
* ``n``, ``n_located`` (gold records with a location).

By default only the adjudicated records (``source == "RELABEL"``) are scored,
which is the data set's own gold standard; ``all_records=True`` scores every
record. The file may be the distributed ``.zip`` or the extracted ``.jsonl``
(a single JSON list).
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

from spillover.errors import EvalFormatError
from spillover.evaluation.report import EvalReport
from spillover.geo.event_location import EventLocator, best_toponym
from spillover.geo.gazetteer import Gazetteer


def read_records(path: Path, *, all_records: bool = False) -> list[dict[str, Any]]:
    """Load the annotated sentences (adjudicated ones unless ``all_records``)."""
    try:
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                name = next(n for n in archive.namelist() if n.endswith(".jsonl") and "__MACOSX" not in n)
                raw = archive.read(name).decode("utf-8")
        else:
            raw = path.read_text(encoding="utf-8")
        data = json.loads(raw)
    except (OSError, StopIteration, zipfile.BadZipFile, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvalFormatError(f"event-location: cannot read {path}: {exc}") from exc
    if not isinstance(data, list):
        raise EvalFormatError(f"event-location: {path} must hold a JSON list of records")
    return [r for r in data if isinstance(r, dict) and (all_records or r.get("source") == "RELABEL")]


def _span(record: dict[str, Any], label: str) -> tuple[int, int] | None:
    """Character span of the first ``label`` span, taken from its token indices.

    The records' own character offsets are unreliable in part of the file; the
    token indices into the canonical tokenisation are not.
    """
    tokens = record.get("tokens") or []
    for span in record.get("spans") or []:
        if span.get("label") != label:
            continue
        first, last = span.get("token_start"), span.get("token_end")
        if isinstance(first, int) and isinstance(last, int) and 0 <= first <= last < len(tokens):
            return int(tokens[first]["start"]), int(tokens[last]["end"])
        return int(span["start"]), int(span["end"])
    return None


def evaluate_event_location(
    path: Path, limit: int | None = None, *, nlp: Any, cache_dir: Path | None = None, all_records: bool = False
) -> EvalReport:
    """Score the locator's choice of place for each annotated event verb."""
    records = [r for r in read_records(path, all_records=all_records) if _span(r, "VERB") is not None]
    if limit is not None:
        records = records[:limit]
    gazetteer = Gazetteer.open(cache_dir)
    locator = EventLocator(gazetteer)
    right = chosen = located = hits = 0
    try:
        for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
            verb = _span(record, "VERB")
            gold = _span(record, "LOCATION")
            trigger_span = doc.char_span(verb[0], verb[1], alignment_mode="expand") if verb else None
            if trigger_span is None:
                continue
            places = locator.document_places(doc, None)
            pick = best_toponym(trigger_span.root, trigger_span.sent, places)
            got = pick[1].span if pick is not None else None
            overlap = got is not None and gold is not None and got[0] < gold[1] and gold[0] < got[1]
            located += gold is not None
            chosen += got is not None
            hits += overlap
            right += overlap or (got is None and gold is None)
    finally:
        gazetteer.close()
    n = len(records)
    precision = hits / chosen if chosen else 0.0
    recall = hits / located if located else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    summary: dict[str, float | int] = {
        "n": n,
        "n_located": located,
        "accuracy": right / n if n else 0.0,
        "precision": precision,
        "recall": recall,
        "f1": f1,
    }
    notes = ["a choice is right when it overlaps the gold location span, or when both are empty"]
    return EvalReport(name=f"event-location {path}", summary=summary, notes=notes)
