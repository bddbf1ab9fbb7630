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
way of saying "neutral"; otherwise the quad class of the most confident event
is the prediction. One known mismatch of conventions: ConfliBERT files CAMEO 16
(reduce relations) under verbal conflict, while PLOVER's SANCTION is material
conflict, so an extractor that follows PLOVER loses those sentences.

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


def predict_class(events: Sequence[Event]) -> str:
    """Class of a sentence from its events: the best event's quad, neutral if none."""
    quad = event_quad(best_event(events))
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
