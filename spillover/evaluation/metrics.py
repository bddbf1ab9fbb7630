"""Scores shared by every evaluation reader: P/R/F1, averages, accuracy, confusion.

Two kinds of gold exist in ``spillover eval``: *classification* sets (one gold
label per item, e.g. a ConfliBERT sentence class or a CASE 2021 snippet type)
and *event-matching* sets (a list of expected events per document, our own gold
format). Both end in the same per-label table, so this module computes the
table from plain counts — ``(correct, predicted, gold)`` per label — and the
classification helpers only derive those counts from label sequences. That keeps
one definition of precision, recall and F1 for the whole project.

The module also holds the two small event helpers every sentence-level reader
needs (which event speaks for a sentence, and its quad class), so the readers
agree on them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from types import MappingProxyType
from typing import Any

from spillover.records import Event

#: Label used when a system produced no event for an item.
NO_EVENT = "NONE"

#: Quad class of each PLOVER type, as the PLOVER manual groups them
#: (verbal cooperation, material cooperation, verbal conflict, material conflict).
PLOVER_QUAD: Mapping[str, int] = MappingProxyType({
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 1,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "REQUEST": 3,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "PROTEST": 4,
    "SANCTION": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
})


@dataclass(frozen=True)
class LabelScore:
    """Precision, recall and F1 of one label, with the counts they come from.

    The counts are kept so a reader of the report can see *why* a score is low
    (few predictions vs. many misses) and so averages can be recomputed.
    """

    label: str
    precision: float
    recall: float
    f1: float
    support: int
    predicted: int
    correct: int

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape of the row (floats rounded to 4 places)."""
        row = asdict(self)
        for key in ("precision", "recall", "f1"):
            row[key] = round(row[key], 4)
        return row


@dataclass(frozen=True)
class Scores:
    """Everything a classification-style evaluation reports.

    ``micro_*`` and ``macro_*`` are restricted to the scored label set (see
    :func:`classification_scores`), while ``accuracy`` counts every item, so an
    abstention (a prediction outside the label set) lowers accuracy and recall
    but not precision.
    """

    n: int
    accuracy: float
    micro_precision: float
    micro_recall: float
    micro_f1: float
    macro_precision: float
    macro_recall: float
    macro_f1: float
    per_label: tuple[LabelScore, ...]
    confusion: dict[str, dict[str, int]]


def ratio(numerator: int, denominator: int) -> float:
    """Return ``numerator / denominator``, or 0.0 when there is nothing to divide.

    Reports always print the denominator next to such a ratio (``n_*`` keys), so a
    0.0 that means "not measured" can be told apart from a real zero.
    """
    return numerator / denominator if denominator else 0.0


def f1_of(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall (0.0 when both are zero)."""
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def prf(correct: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from raw counts."""
    precision = ratio(correct, predicted)
    recall = ratio(correct, gold)
    return precision, recall, f1_of(precision, recall)


def label_scores(counts: Mapping[str, tuple[int, int, int]]) -> list[LabelScore]:
    """Build per-label rows from ``{label: (correct, predicted, gold)}``, keeping key order."""
    rows = []
    for label, (correct, predicted, gold) in counts.items():
        precision, recall, f1 = prf(correct, predicted, gold)
        rows.append(LabelScore(label, precision, recall, f1, gold, predicted, correct))
    return rows


def micro_average(rows: Iterable[LabelScore]) -> tuple[float, float, float]:
    """Pool the counts of all rows, then compute P/R/F1 once."""
    correct = predicted = gold = 0
    for row in rows:
        correct += row.correct
        predicted += row.predicted
        gold += row.support
    return prf(correct, predicted, gold)


def macro_average(rows: Iterable[LabelScore]) -> tuple[float, float, float]:
    """Unweighted mean of P, R and F1 over labels seen in gold or predictions.

    Labels with neither support nor predictions are left out: they carry no
    evidence either way, and counting them as 0 would punish a system for the
    composition of a dev split.
    """
    used = [row for row in rows if row.support or row.predicted]
    if not used:
        return 0.0, 0.0, 0.0
    count = len(used)
    return (
        sum(row.precision for row in used) / count,
        sum(row.recall for row in used) / count,
        sum(row.f1 for row in used) / count,
    )


def accuracy(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Share of items whose predicted label equals the gold label."""
    _check_lengths(gold, predicted)
    return ratio(sum(1 for g, p in zip(gold, predicted, strict=True) if g == p), len(gold))


def confusion_table(
    gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str] | None = None
) -> dict[str, dict[str, int]]:
    """Return ``{gold_label: {predicted_label: count}}`` with every cell present.

    Rows and columns use ``labels`` first (in that order) and then any other
    label met in the data, so abstentions such as :data:`NO_EVENT` stay visible.
    """
    _check_lengths(gold, predicted)
    order = _label_order(labels, gold, predicted)
    table = {row: dict.fromkeys(order, 0) for row in order}
    for g, p in zip(gold, predicted, strict=True):
        table[g][p] += 1
    return table


def classification_scores(
    gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str] | None = None
) -> Scores:
    """Score single-label predictions against single-label gold.

    Args:
        gold: One gold label per item.
        predicted: One predicted label per item (same order).
        labels: The label set scored for P/R/F1 and the averages. A prediction
            outside it (e.g. "no event") counts as an abstention. Defaults to
            the labels met in ``gold``.

    Returns:
        The full score set; per-label rows follow ``labels`` order.

    """
    _check_lengths(gold, predicted)
    scored = list(labels) if labels is not None else _label_order(None, gold, [])
    scored_set = set(scored)
    gold_counts = Counter(gold)
    pred_counts = Counter(predicted)
    correct_counts = Counter(g for g, p in zip(gold, predicted, strict=True) if g == p)
    counts = {label: (correct_counts[label], pred_counts[label], gold_counts[label]) for label in scored}
    rows = label_scores(counts)
    micro = micro_average(rows)
    macro = macro_average(rows)
    outside = sorted(label for label in set(gold) if label not in scored_set)
    return Scores(
        n=len(gold),
        accuracy=accuracy(gold, predicted),
        micro_precision=micro[0],
        micro_recall=micro[1],
        micro_f1=micro[2],
        macro_precision=macro[0],
        macro_recall=macro[1],
        macro_f1=macro[2],
        per_label=tuple(rows),
        confusion=confusion_table(gold, predicted, [*scored, *outside]),
    )


def best_event(events: Sequence[Event]) -> Event | None:
    """Return the highest-confidence event (the first one on ties), or None.

    Sentence-level gold has one label per sentence; the most confident event is
    the system's own answer to "what happened here", and taking the first on
    ties keeps the choice deterministic.
    """
    best: Event | None = None
    for event in events:
        if best is None or event.confidence > best.confidence:
            best = event
    return best


def event_quad(event: Event | None) -> int:
    """Quad class of an event: its own ``quad_class``, else its PLOVER type's; 0 for no event.

    0 is the "neutral" class of the quad-labelled gold sets (comments and
    statements, which PLOVER does not code), which is what a sentence without
    events should be compared with.
    """
    if event is None:
        return 0
    if event.quad_class is not None:
        return event.quad_class
    return PLOVER_QUAD.get(event.event_type, 0)


def _label_order(labels: Sequence[str] | None, *sequences: Sequence[str]) -> list[str]:
    order = list(labels) if labels is not None else []
    seen = set(order)
    extra = sorted({label for seq in sequences for label in seq} - seen)
    return order + extra


def _check_lengths(gold: Sequence[str], predicted: Sequence[str]) -> None:
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predictions")
