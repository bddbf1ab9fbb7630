"""Reader and scorer for the ConfliBERT ``cameo_class`` sentence-classification TSV.

ConfliBERT (eventdata/ConfliBERT, ``data/cameo_class``) labels sentences with
one of five classes, ``0``–``4``, without documenting them. Matching its test
sentences to the CAMEO codebook examples shows they are the CAMEO quad classes
plus a neutral class for comments:

==  ===================  ===============================================================
 0  neutral              CAMEO 01–02: public statements, appeals
 1  verbal_coop          CAMEO 03–05: intent to cooperate, consult, support
 2  material_coop        CAMEO 06–08: cooperate, aid, yield
 3  verbal_conflict      CAMEO 09–13 and 16: investigate … threaten, reduce relations
 4  material_conflict    CAMEO 14–15, 17–20: protest, posture, coerce, assault, fight
==  ===================  ===============================================================

PLOVER does not code comments, so a sentence without events is the system's
way of saying "neutral"; otherwise the most confident event's CAMEO code is
mapped to the class by the table above, i.e. by the dataset's own definition
(our appeals, CAMEO 02x, are "neutral" there, and CAMEO 16 is verbal conflict),
falling back to the event's quad class when it has no CAMEO code.

File format: ``sentence<TAB>label``, no header, standard CSV quoting (a few
sentences are quoted and contain doubled quotes).
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from spillover.errors import EvalFormatError
from spillover.evaluation.metrics import best_event, classification_scores, event_quad
from spillover.evaluation.report import EvalReport, Table
from spillover.evaluation.runner import BatchExtractor, extract_checked, read_text, take
from spillover.records import Event

#: Label id in the file -> readable name (index = quad class, 0 = neutral).
LABEL_NAMES = MappingProxyType(
    {
        "0": "neutral",
        "1": "verbal_coop",
        "2": "material_coop",
        "3": "verbal_conflict",
        "4": "material_conflict",
    }
)

#: The classes in print order.
LABELS: tuple[str, ...] = tuple(LABEL_NAMES.values())


@dataclass(frozen=True)
class ClassSentence:
    """One gold sentence with its class name (see :data:`LABEL_NAMES`)."""

    line: int
    text: str
    label: str


def read_conflibert(path: Path) -> list[ClassSentence]:
    """Parse a ``cameo_class`` TSV.

    Blank lines are skipped; anything else must be two tab-separated columns
    with a known label id.

    Raises:
        EvalFormatError: a row is malformed or uses an unknown label.

    """
    content = read_text(path, "conflibert-class")
    sentences: list[ClassSentence] = []
    reader = csv.reader(io.StringIO(content), delimiter="\t")
    for row in reader:
        line = reader.line_num
        if not row or not any(cell.strip() for cell in row):
            continue
        if len(row) != 2:
            raise EvalFormatError(
                f"conflibert-class: {path}:{line}: expected 'sentence<TAB>label', got {len(row)} columns"
            )
        text, label_id = row[0].strip(), row[1].strip()
        if label_id not in LABEL_NAMES:
            raise EvalFormatError(
                f"conflibert-class: {path}:{line}: unknown label {label_id!r} (expected one of 0, 1, 2, 3, 4)"
            )
        if not text:
            raise EvalFormatError(f"conflibert-class: {path}:{line}: empty sentence")
        sentences.append(ClassSentence(line=line, text=text, label=LABEL_NAMES[label_id]))
    return sentences


def cameo_class(event: Event | None) -> int:
    """The dataset's class of one event, from its CAMEO root (see the module table)."""
    if event is None or not event.cameo or not event.cameo[:2].isdigit():
        return event_quad(event)
    root = int(event.cameo[:2])
    if root <= 2:
        return 0
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13 or root == 16:
        return 3
    return 4


def predict_class(events: Sequence[Event]) -> str:
    """Class of a sentence from its events: the best event's class, neutral if none."""
    quad = cameo_class(best_event(events))
    if not 0 <= quad < len(LABELS):
        raise ValueError(f"event quad_class must be 1..4, got {quad}")
    return LABELS[quad]


def score_conflibert(
    sentences: Sequence[ClassSentence], predictions: Sequence[Sequence[Event]], name: str
) -> EvalReport:
    """Score predicted classes against the gold sentences (same order)."""
    if len(sentences) != len(predictions):
        raise ValueError(f"{len(sentences)} sentences but {len(predictions)} prediction lists")
    gold = [s.label for s in sentences]
    predicted = [predict_class(events) for events in predictions]
    scores = classification_scores(gold, predicted, LABELS)
    n_pred = sum(len(events) for events in predictions)
    summary: dict[str, float | int] = {
        "n": scores.n,
        "accuracy": scores.accuracy,
        "macro_f1": scores.macro_f1,
        "micro_f1": scores.micro_f1,
        "n_pred": n_pred,
    }
    gold_counts = Counter(gold)
    pred_counts = Counter(predicted)
    distribution = Table(
        title="class distribution",
        columns=("class", "gold", "predicted"),
        rows=tuple((label, gold_counts[label], pred_counts[label]) for label in LABELS),
    )
    notes = [
        "prediction = quad class of the most confident event; 'neutral' when the sentence has no event",
        "ConfliBERT puts CAMEO 16 (reduce relations) in verbal_conflict; PLOVER's SANCTION is material conflict",
    ]
    return EvalReport(
        name=name,
        summary=summary,
        per_label=list(scores.per_label),
        confusion=scores.confusion,
        tables=[distribution],
        notes=notes,
    )


def evaluate_conflibert(path: Path, extract: BatchExtractor, limit: int | None = None) -> EvalReport:
    """Read a ConfliBERT ``cameo_class`` TSV, extract events per sentence and score the classes."""
    sentences = take(read_conflibert(path), limit)
    predictions = extract_checked(extract, [(s.text, None) for s in sentences])
    return score_conflibert(sentences, predictions, name=f"conflibert-class {path.name}")
