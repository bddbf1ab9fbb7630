"""Scorer for spillover's own gold format (``docs/gold-format.md``).

Our gold lists, per article, the events a careful human coder expects, each
pinned to its evidence by a ``cue`` substring. Scoring pairs every gold event
with at most one extracted event and reports precision/recall of *correct*
pairs (type, actors and status right), recall on the key events an analyst
must not miss, and diagnostics on the pairs (type and status accuracy). The
format itself is read and checked by :mod:`spillover.evaluation.gold_format`.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from spillover.coding.calibration import expected_calibration_error
from spillover.evaluation.gold_format import GoldDocument, GoldEvent, read_gold
from spillover.evaluation.metrics import NO_EVENT, label_scores, prf, ratio
from spillover.evaluation.report import EvalReport, Table
from spillover.evaluation.runner import BatchExtractor, extract_checked, take
from spillover.geo.common import haversine_km
from spillover.records import EVENT_TYPES, Actor, Event

#: A predicted place within this distance of a gold point counts as right (a city-level place).
PLACE_KM = 30.0


def code_matches(code: str, actor: Actor) -> bool:
    """Whether an accepted actor code matches an extracted actor.

    The code matches the actor's full ``code``, its ``country``, or is a prefix
    of its code — so ``IRN`` accepts ``IRNMIL`` and ``IRNGOV`` (case-insensitive).
    The generic CAMEO code ``IGO`` (some intergovernmental organisation, as PLOVER
    gold records write it) accepts any actor of sector IGO (``OSCE``, ``IAEA``).
    """
    wanted = code.strip().upper()
    if not wanted:
        return False
    full = (actor.code or "").upper()
    if wanted == "IGO" and (actor.sector or "").upper() == "IGO":
        return True
    return wanted == (actor.country or "").upper() or (bool(full) and full.startswith(wanted))


def actor_accepted(accepted: tuple[str, ...] | None, actor: Actor | None) -> bool:
    """Apply a gold actor field: None = not scored, () = must be absent, else any code matches."""
    if accepted is None:
        return True
    if not accepted:
        return actor is None
    return actor is not None and any(code_matches(code, actor) for code in accepted)


def match_document(gold: Sequence[GoldEvent], predicted: Sequence[Event]) -> tuple[dict[int, int], set[int]]:
    """Pair gold events with predicted events of one document.

    A pair needs the cue in the event's sentence and an accepted type. Correct
    pairs (actors and status right as well) are maximised first, then the
    remaining gold events are paired with the remaining events, so a system is
    never scored lower because of the order in which it listed its events.

    Returns:
        ``{gold_index: predicted_index}`` and the gold indices whose pair is correct.

    """
    candidate = {
        g: [p for p, e in enumerate(predicted) if _type_ok(ge, e) and _cue_ok(ge, e)] for g, ge in enumerate(gold)
    }
    correct_edges = {g: [p for p in ps if is_correct(gold[g], predicted[p])] for g, ps in candidate.items()}
    pairs = _max_matching(correct_edges, {})
    correct = set(pairs)
    used = set(pairs.values())
    rest = {g: [p for p in ps if p not in used] for g, ps in candidate.items() if g not in pairs}
    pairs.update(_max_matching(rest, {}))
    return pairs, correct


def is_correct(gold: GoldEvent, event: Event) -> bool:
    """Whether a type-and-cue pair is also right on source, target and status."""
    return (
        actor_accepted(gold.source, event.source)
        and actor_accepted(gold.target, event.target)
        and (gold.status is None or event.status in gold.status)
    )


def judge(documents: Sequence[GoldDocument], predictions: Sequence[Sequence[Event]]) -> list[list[tuple[Event, bool]]]:
    """Every predicted event with whether the gold accepts it, per document (for calibration)."""
    return [
        _verdicts(events, *match_document(doc.events, events))
        for doc, events in zip(documents, predictions, strict=True)
    ]


def _verdicts(events: Sequence[Event], pairs: dict[int, int], correct: set[int]) -> list[tuple[Event, bool]]:
    """Each predicted event with whether it is the correct match of some gold event."""
    right = {pairs[g] for g in correct}
    return [(ev, i in right) for i, ev in enumerate(events)]


def score_gold(documents: Sequence[GoldDocument], predictions: Sequence[Sequence[Event]], name: str) -> EvalReport:
    """Score extracted events against the gold documents (same order)."""
    if len(documents) != len(predictions):
        raise ValueError(f"{len(documents)} documents but {len(predictions)} prediction lists")
    tally: Counter[str] = Counter()
    per_type: dict[str, list[int]] = {t: [0, 0, 0] for t in EVENT_TYPES}
    confusion: dict[str, dict[str, int]] = {}
    reliability: list[tuple[float, bool]] = []
    for doc, events in zip(documents, predictions, strict=True):
        pairs, correct = match_document(doc.events, events)
        reliability.extend((ev.confidence, ok) for ev, ok in _verdicts(events, pairs, correct))
        for event in events:
            per_type.setdefault(event.event_type, [0, 0, 0])[1] += 1
        aligned = _align_leftovers(doc.events, events, pairs)
        for g, gold in enumerate(doc.events):
            _tally_gold(tally, gold, events, pairs.get(g), g in correct)
            primary = gold.event_types[0]
            label = events[pairs[g]].event_type if g in correct else primary
            per_type.setdefault(label, [0, 0, 0])[2] += 1
            if g in correct:
                per_type[label][0] += 1
            if g not in pairs and g in aligned:
                tally["aligned"] += 1
            pred_index = pairs.get(g, aligned.get(g))
            predicted_label = events[pred_index].event_type if pred_index is not None else NO_EVENT
            gold_label = predicted_label if g in pairs else primary
            _bump(confusion, gold_label, predicted_label)
        for p in set(range(len(events))) - set(pairs.values()) - set(aligned.values()):
            _bump(confusion, NO_EVENT, events[p].event_type)
    n_pred = sum(len(events) for events in predictions)
    precision, recall, f1 = prf(tally["correct"], n_pred, tally["gold"])
    summary: dict[str, float | int] = {
        "n_docs": len(documents),
        "n_gold": tally["gold"],
        "n_pred": n_pred,
        "n_correct": tally["correct"],
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "n_key": tally["key"],
        "key_recall": ratio(tally["key_correct"], tally["key"]),
        "type_acc": ratio(tally["matched"], tally["matched"] + tally["aligned"]),
        "n_status": tally["status"],
        "status_acc": ratio(tally["status_ok"], tally["status"]),
        "ece": round(expected_calibration_error(reliability), 3),
    }
    for aspect in ("location", "date"):
        if tally[aspect]:
            summary[f"{aspect}_acc"] = ratio(tally[f"{aspect}_ok"], tally[aspect])
    rows = label_scores({t: (c[0], c[1], c[2]) for t, c in per_type.items() if c[1] or c[2]})
    notes = [
        "a pair needs the cue in the event's sentence and an accepted type; it is correct when source, "
        "target and status also match; type_acc = typed pairs / gold events with any cue-matching event",
    ]
    return EvalReport(
        name=name,
        summary=summary,
        per_label=rows,
        confusion=confusion,
        notes=notes,
        tables=[reliability_table(reliability)],
    )


def reliability_table(
    pairs: Sequence[tuple[float, bool]], edges: Sequence[float] = (0.0, 0.4, 0.6, 0.8, 1.01)
) -> Table:
    """How often events of each confidence band are correct: is the confidence telling the truth?

    A well calibrated coder has a share correct close to the band's mean
    confidence; the table lets an analyst choose a ``min_confidence`` knowingly.
    """
    rows: list[tuple[str | int | float, ...]] = []
    for low, high in itertools.pairwise(edges):
        band = [(c, ok) for c, ok in pairs if low <= c < high]
        mean = sum(c for c, _ in band) / len(band) if band else 0.0
        share = sum(ok for _, ok in band) / len(band) if band else 0.0
        rows.append((f"{low:.1f}–{min(high, 1.0):.1f}", len(band), round(mean, 3), round(share, 3)))
    return Table(
        title="reliability (predicted events by confidence)",
        columns=("confidence", "events", "mean confidence", "share correct"),
        rows=tuple(rows),
    )


def evaluate_gold(path: Path, extract: BatchExtractor, limit: int | None = None) -> EvalReport:
    """Read a spillover gold file, run ``extract`` on its articles and score the events."""
    documents = take(read_gold(path), limit)
    predictions = extract_checked(extract, [(doc.text, doc.date) for doc in documents])
    return score_gold(documents, predictions, name=f"gold {path.name}")


def _tally_gold(tally: Counter[str], gold: GoldEvent, events: Sequence[Event], p: int | None, ok: bool) -> None:
    tally["gold"] += 1
    tally["key"] += gold.key
    tally["correct"] += ok
    tally["key_correct"] += gold.key and ok
    if p is None:
        return
    event = events[p]
    tally["matched"] += 1
    if gold.status is not None:
        tally["status"] += 1
        tally["status_ok"] += event.status in gold.status
    if gold.location_name or gold.location_country:
        tally["location"] += 1
        tally["location_ok"] += _location_ok(gold, event)
    if gold.date:
        tally["date"] += 1
        tally["date_ok"] += bool(event.date and event.date.startswith(gold.date))


def _align_leftovers(gold: Sequence[GoldEvent], events: Sequence[Event], pairs: dict[int, int]) -> dict[int, int]:
    """Give unpaired gold events the most confident unused event at their cue (any type).

    Only for diagnostics: it tells "found the sentence, wrong type" apart from
    "missed entirely" in ``type_acc`` and the confusion table.
    """
    used = set(pairs.values())
    aligned: dict[int, int] = {}
    for g, ge in enumerate(gold):
        if g in pairs:
            continue
        options = [p for p, e in enumerate(events) if p not in used and _cue_ok(ge, e)]
        if options:
            best = max(options, key=lambda p: events[p].confidence)
            aligned[g] = best
            used.add(best)
    return aligned


def _max_matching(edges: dict[int, list[int]], pairs: dict[int, int]) -> dict[int, int]:
    """Maximum bipartite matching by augmenting paths (gold sets are tiny)."""
    owner = {p: g for g, p in pairs.items()}

    def augment(g: int, seen: set[int]) -> bool:
        for p in edges.get(g, []):
            if p in seen:
                continue
            seen.add(p)
            if p not in owner or augment(owner[p], seen):
                owner[p] = g
                return True
        return False

    for g in edges:
        augment(g, set())
    return {g: p for p, g in owner.items()}


def _type_ok(gold: GoldEvent, event: Event) -> bool:
    return event.event_type in gold.event_types


def _cue_ok(gold: GoldEvent, event: Event) -> bool:
    if not gold.cue:
        return True
    return " ".join(gold.cue.split()).casefold() in " ".join(event.evidence.sentence.split()).casefold()


def _location_ok(gold: GoldEvent, event: Event) -> bool:
    """Whether the predicted place is the gold one.

    The country must agree; then, if the gold gives ``lat``/``lon``, the place
    must lie within :data:`PLACE_KM`; else, if it gives a name, one name must
    contain the other, diacritics and case ignored ("Nakhchivan International
    Airport" is in "Nakhchivan").
    """
    place = event.location
    if place is None:
        return False
    if gold.location_country and (place.country or "").upper() != gold.location_country.upper():
        return False
    if gold.location_point is not None:
        if place.lat is None or place.lon is None:
            return False
        return haversine_km(gold.location_point[0], gold.location_point[1], place.lat, place.lon) <= PLACE_KM
    if gold.location_name:
        wanted = _fold(gold.location_name)
        return any(wanted in _fold(n) or (_fold(n) and _fold(n) in wanted) for n in (place.name or "", place.text))
    return True


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip()


def _bump(table: dict[str, dict[str, int]], gold: str, predicted: str) -> None:
    row = table.setdefault(gold, {})
    row[predicted] = row.get(predicted, 0) + 1
