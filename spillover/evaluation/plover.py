"""Reader and scorer for PLOVER gold-standard records (``PLOVER_GSR_CAMEO``).

The OEDA gold-standard records are a JSON list: one ``DOCUMENT`` record with
provenance, then one record per sentence (``text``, ``event``, ``source`` and
``target`` as lists of ``{actorText, code, sector}``, optional ``mode``).
They were coded with PLOVER 0.5b1, whose labels predate the current set, so
four are renamed on reading: DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE ->
ACCUSE, FIGHT -> ASSAULT.

Scoring is per record: the extracted event that agrees best with the gold
(type, then source, then target, then confidence) gives the predicted type
(``accuracy``, ``macro_f1``) and the tuple check (``tuple_acc``: type, source
and target all right). Best-match scoring forgives extra events, so the
report also gives ``n_pred_per_sentence`` — PLOVER coders are known to
over-generate (UniversalPetrarch reported 315% extra events) — and
``pred_precision``, the share of extracted events whose type is the gold type.

Actor rule: an extracted actor matches a gold actor list when any gold
``code`` equals the actor's country or code, or is a prefix of its code
(``RUS`` accepts ``RUSMIL``). An absent or empty gold list is not scored.
When the gold has two or more sources and no target — the readme's
reciprocal ``SRC/TAR`` case ("X and Y agreed") — the extracted source and
target must both come from that list (the target may also be missing).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from spillover.errors import EvalFormatError
from spillover.evaluation.gold import code_matches
from spillover.evaluation.metrics import NO_EVENT, classification_scores, ratio
from spillover.evaluation.report import EvalReport
from spillover.evaluation.runner import BatchExtractor, extract_checked, read_text, take
from spillover.records import EVENT_TYPES, Actor, Event

#: PLOVER 0.5b1 labels that the current type set renamed or merged.
OLD_LABELS = MappingProxyType(
    {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
)


@dataclass(frozen=True)
class PloverRecord:
    """One gold sentence; ``source``/``target`` are accepted codes, None = not scored."""

    id: str
    text: str
    event_type: str
    source: tuple[str, ...] | None
    target: tuple[str, ...] | None
    mode: str | None = None
    original_label: str | None = None
    reciprocal: bool = False


def read_plover(path: Path) -> list[PloverRecord]:
    """Parse a PLOVER gold-record JSON list, skipping the ``DOCUMENT`` record.

    Raises:
        EvalFormatError: not a JSON list, or a record without text or with an
            event label that is neither current nor a known 0.5b1 label.

    """
    try:
        data = json.loads(read_text(path, "plover"))
    except json.JSONDecodeError as exc:
        raise EvalFormatError(f"plover: {path} is not valid JSON: {exc}") from exc
    if not isinstance(data, list):
        raise EvalFormatError(f"plover: {path} must be a JSON list of records")
    records: list[PloverRecord] = []
    for index, raw in enumerate(data):
        if not isinstance(raw, dict):
            raise EvalFormatError(f"plover: {path}: record #{index + 1} is not an object")
        label = str(raw.get("event", "")).strip().upper()
        if label == "DOCUMENT":
            continue
        where = f"plover: {path}: record {raw.get('id', f'#{index + 1}')}"
        event_type = OLD_LABELS.get(label, label)
        if event_type not in EVENT_TYPES:
            raise EvalFormatError(f"{where}: unknown event label {label!r}")
        text = raw.get("text")
        if not isinstance(text, str) or not text.strip():
            raise EvalFormatError(f"{where}: missing 'text'")
        source = _actor_codes(raw.get("source"), where)
        target = _actor_codes(raw.get("target"), where)
        records.append(
            PloverRecord(
                id=str(raw.get("id", index)),
                text=text.strip(),
                event_type=event_type,
                source=source,
                target=target,
                mode=(str(raw.get("mode") or "").strip() or None),
                original_label=label if label != event_type else None,
                reciprocal=_is_reciprocal(raw, source, target),
            )
        )
    return records


def actors_ok(record: PloverRecord, event: Event) -> bool:
    """Apply the actor rule of this module (see its docstring) to one event."""
    if record.reciprocal and record.source is not None:
        return _any_code(record.source, event.source) and (
            event.target is None or _any_code(record.source, event.target)
        )
    return _side_ok(record.source, event.source) and _side_ok(record.target, event.target)


def score_plover(records: Sequence[PloverRecord], predictions: Sequence[Sequence[Event]], name: str) -> EvalReport:
    """Score extracted events against the gold records (same order)."""
    if len(records) != len(predictions):
        raise ValueError(f"{len(records)} records but {len(predictions)} prediction lists")
    gold: list[str] = []
    predicted: list[str] = []
    tuples = same_type = 0
    for record, events in zip(records, predictions, strict=True):
        event = _best_match(record, events)
        gold.append(record.event_type)
        predicted.append(event.event_type if event is not None else NO_EVENT)
        tuples += event is not None and event.event_type == record.event_type and actors_ok(record, event)
        same_type += sum(1 for e in events if e.event_type == record.event_type)
    scores = classification_scores(gold, predicted, EVENT_TYPES)
    n_pred = sum(len(events) for events in predictions)
    summary: dict[str, float | int] = {
        "n": scores.n,
        "accuracy": scores.accuracy,
        "tuple_acc": ratio(tuples, scores.n),
        "macro_f1": scores.macro_f1,
        "n_pred": n_pred,
        "n_pred_per_sentence": ratio(n_pred, scores.n),
        "pred_precision": ratio(same_type, n_pred),
        "n_no_event": predicted.count(NO_EVENT),
    }
    notes = [
        "0.5b1 labels renamed: DEMAND->REQUEST, DISAPPROVE/INVESTIGATE->ACCUSE, FIGHT->ASSAULT",
        "prediction = best-agreeing event of the sentence; "
        "actor = any gold code equals its country/code or prefixes it",
    ]
    return EvalReport(
        name=name, summary=summary, per_label=list(scores.per_label), confusion=scores.confusion, notes=notes
    )


def evaluate_plover(path: Path, extract: BatchExtractor, limit: int | None = None) -> EvalReport:
    """Read PLOVER gold records, extract events per sentence and score them."""
    records = take(read_plover(path), limit)
    predictions = extract_checked(extract, [(r.text, None) for r in records])
    return score_plover(records, predictions, name=f"plover {path.name}")


def _best_match(record: PloverRecord, events: Sequence[Event]) -> Event | None:
    if not events:
        return None
    return max(
        events,
        key=lambda e: (
            e.event_type == record.event_type,
            actors_ok(record, e),
            _side_ok(record.source, e.source),
            e.confidence,
        ),
    )


def _side_ok(codes: tuple[str, ...] | None, actor: Actor | None) -> bool:
    return codes is None or _any_code(codes, actor)


def _any_code(codes: tuple[str, ...], actor: Actor | None) -> bool:
    return actor is not None and any(code_matches(code, actor) for code in codes)


def _is_reciprocal(raw: dict[str, Any], source: tuple[str, ...] | None, target: tuple[str, ...] | None) -> bool:
    """Tell the readme's ``SRC/TAR`` form: markup says so, or (no markup) 2+ sources and no target."""
    if target is not None or source is None or len(source) < 2:
        return False
    info = raw.get("textInfo")
    markup = info.get("markup") if isinstance(info, dict) else None
    return "SRC/TAR" in markup if isinstance(markup, str) else True


def _actor_codes(value: Any, where: str) -> tuple[str, ...] | None:
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise EvalFormatError(f"{where}: source/target must be a list of {{actorText, code, sector}} objects")
    codes = tuple(str(v["code"]).strip().upper() for v in value if str(v.get("code") or "").strip())
    return codes or None
