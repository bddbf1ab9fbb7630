"""The spillover gold format (``docs/gold-format.md``): reading and checking a gold file.

Our gold lists, per article, the events a careful human coder expects, each
pinned to its evidence by a ``cue`` substring, with the actors, status, place
and date it accepts. :func:`read_gold` reads a gold file and the articles it
points to into :class:`GoldDocument` and :class:`GoldEvent` values, rejecting
anything that does not follow the format with a message that names the
document and event; the scoring that reads them is :mod:`spillover.evaluation.gold`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from spillover.errors import EvalFormatError, InputError
from spillover.evaluation.runner import read_text
from spillover.ingest.frontmatter import parse_date, split_front_matter
from spillover.records import EVENT_TYPES, STATUSES

FORMAT_NAME = "spillover-gold"


@dataclass(frozen=True)
class GoldEvent:
    """One expected event; ``None`` in a field means "not scored"."""

    event_types: tuple[str, ...]
    source: tuple[str, ...] | None = None
    target: tuple[str, ...] | None = None
    status: tuple[str, ...] | None = None
    key: bool = False
    cue: str | None = None
    location_name: str | None = None
    location_country: str | None = None
    location_point: tuple[float, float] | None = None
    date: str | None = None


@dataclass(frozen=True)
class GoldDocument:
    """An article to extract from (front matter already stripped) and its expected events."""

    id: str
    text: str
    date: date | None
    events: tuple[GoldEvent, ...]


def read_gold(path: Path) -> list[GoldDocument]:
    """Read a gold file and the article files it points to.

    Raises:
        EvalFormatError: the JSON, a document or an event does not follow the format,
            or an article file cannot be read.

    """
    try:
        data = json.loads(read_text(path, "gold"))
    except json.JSONDecodeError as exc:
        raise EvalFormatError(f"gold: {path} is not valid JSON: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("documents"), list):
        raise EvalFormatError(f"gold: {path} must be a JSON object with a 'documents' list")
    if data.get("format", FORMAT_NAME) != FORMAT_NAME or data.get("version", 1) != 1:
        raise EvalFormatError(f"gold: {path} is not '{FORMAT_NAME}' version 1")
    documents: list[GoldDocument] = []
    seen: set[str] = set()
    for index, raw in enumerate(data["documents"]):
        doc = _read_document(raw, index, path)
        if doc.id in seen:
            raise EvalFormatError(f"gold: {path}: document id {doc.id!r} is used twice")
        seen.add(doc.id)
        documents.append(doc)
    return documents





def _read_document(raw: Any, index: int, path: Path) -> GoldDocument:
    where = f"gold: {path}: document #{index + 1}"
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not raw["id"]:
        raise EvalFormatError(f"{where} must be an object with a non-empty string 'id'")
    where = f"gold: {path}: document {raw['id']!r}"
    if ("path" in raw) == ("text" in raw):
        raise EvalFormatError(f"{where} needs exactly one of 'path' and 'text'")
    if "path" in raw:
        article = path.parent / str(raw["path"])
        if not article.is_file():
            raise EvalFormatError(f"{where}: article file {article} not found")
        text = read_text(article, "gold")
    else:
        text = str(raw["text"])
    try:
        fields, body = split_front_matter(text)
        doc_date = parse_date(raw.get("date") or fields.get("date"))
    except InputError as exc:
        raise EvalFormatError(f"{where}: {exc}") from exc
    events = raw.get("events", [])
    if not isinstance(events, list):
        raise EvalFormatError(f"{where}: 'events' must be a list")
    parsed = tuple(_read_event(event, f"{where}, event #{k + 1}") for k, event in enumerate(events))
    return GoldDocument(id=raw["id"], text=body, date=doc_date, events=parsed)


def _read_event(raw: Any, where: str) -> GoldEvent:
    if not isinstance(raw, dict):
        raise EvalFormatError(f"{where} must be an object")
    types = _codes(raw.get("event_type"), where, "event_type")
    if not types:
        raise EvalFormatError(f"{where}: 'event_type' is required")
    types = tuple(t.upper() for t in types)
    unknown = [t for t in types if t not in EVENT_TYPES]
    if unknown:
        raise EvalFormatError(f"{where}: unknown event type(s) {', '.join(unknown)}")
    status = _codes(raw.get("status"), where, "status")
    if status is not None and any(s not in STATUSES for s in status):
        raise EvalFormatError(f"{where}: status must be among {', '.join(STATUSES)}")
    location = raw.get("location") or {}
    if not isinstance(location, dict):
        raise EvalFormatError(f"{where}: 'location' must be an object with 'name' and/or 'country'")
    return GoldEvent(
        event_types=types,
        source=_codes(raw.get("source"), where, "source"),
        target=_codes(raw.get("target"), where, "target"),
        status=status,
        key=bool(raw.get("key", False)),
        cue=str(raw["cue"]) if raw.get("cue") else None,
        location_name=location.get("name") or None,
        location_country=location.get("country") or None,
        location_point=_point(location, where),
        date=str(raw["date"]) if raw.get("date") else None,
    )


def _codes(value: Any, where: str, name: str) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise EvalFormatError(f"{where}: '{name}' must be a string, a list of strings or null")


def _point(location: dict[str, Any], where: str) -> tuple[float, float] | None:
    if "lat" not in location and "lon" not in location:
        return None
    try:
        return float(location["lat"]), float(location["lon"])
    except (KeyError, TypeError, ValueError) as exc:
        raise EvalFormatError(f"{where}: location needs both numeric 'lat' and 'lon'") from exc
