"""Reader and scorer for CASE 2021 shared task 2 (fine-grained event classification).

The gold gives each text snippet one of 30 labels: the 25 ACLED sub-event
types plus five "unseen" ones (organised crime, natural and man-made disaster,
diplomatic event, attribution of responsibility). File format: TSV with the
header ``id<TAB>EventSnippet<TAB>SubType`` and no quoting.

spillover codes PLOVER events, not ACLED types, so the bridge is the shipped
table ``spillover/data/eval/case2021_plover.tsv`` (its header documents every
choice). Two scores come out of it:

* label level (``accuracy``, ``macro_f1``, ``micro_f1``): the most confident
  event's (type, mode, source-actor class) is mapped back to a CASE label with
  the table's most specific row; a snippet without events is "no political
  event", mapped by the learned classifier's label for the whole snippet: its
  reason (natural disaster, crime), or the event type it reads when every
  candidate event fell under the coder's thresholds, or else MAN_MADE_DISASTER. When that reading is
  non-political, a weak best event (< 0.3) counts as a misfire and is dropped;
* type level (``type_macro_f1``, ``type_accuracy``): each gold label becomes
  its PLOVER type; a predicted type that the table maps back to the gold label
  counts as that type. This is the coarser score PLOVER can honestly promise,
  since several ACLED types differ only in details PLOVER leaves to ``mode``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from spillover.errors import DataFileError, EvalFormatError
from spillover.evaluation.acled_labels import (
    NON_POLITICAL,
    PROTEST_FLOOR,
    WEAK_EVENT,
    actor_class,
    kind_parts,
    snippet_event,
)
from spillover.evaluation.metrics import NO_EVENT, classification_scores
from spillover.evaluation.report import EvalReport, Table
from spillover.evaluation.runner import BatchExtractor, TextClassifier, extract_checked, read_text, take
from spillover.records import Event

MAPPING_FILE = "case2021_plover.tsv"
_USES = frozenset({"gold", "pred", "both"})


@dataclass(frozen=True)
class Snippet:
    """One gold snippet."""

    id: str
    text: str
    label: str


@dataclass(frozen=True)
class CaseMapping:
    """The CASE label <-> PLOVER bridge loaded from the mapping file.

    Attributes:
        labels: All CASE labels, in file order.
        gold_type: Each label's PLOVER type (``NONE`` for non-political labels).
        accepted_types: Every PLOVER type that maps back to each label.
        reverse: ``(type, mode, actor) -> label`` for predictions; ``*`` = any.

    """

    labels: tuple[str, ...]
    gold_type: Mapping[str, str]
    accepted_types: Mapping[str, frozenset[str]]
    reverse: Mapping[tuple[str, str, str], str]

    def label_for(self, event: Event | None, kind: str | None = None) -> str:
        """Map a predicted event (or None = no event) to a CASE label with the most specific row.

        ``kind`` is the classifier's label for a text without events: a reason (``NONE/natural``)
        selects a ``NONE`` row with that mode when the table has one; an event label
        (``COERCE/confiscate``) is the classifier's reading of a snippet whose events all fell under
        the coder's thresholds, and is mapped like an event of that type and mode.
        """
        if event is None:
            kind_type, kind_mode = kind_parts(kind)
            if kind_type != NO_EVENT:
                return self._lookup(kind_type, (kind_mode or "*").lower(), "*")
            reason = kind_mode or "*"
            return self.reverse.get((NO_EVENT, reason, "*")) or self.reverse[(NO_EVENT, "*", "*")]
        return self._lookup(event.event_type, (event.mode or "*").lower(), actor_class(event))

    def _lookup(self, event_type: str, mode: str, actor: str) -> str:
        """The label of the most specific row: (type, mode, actor) > (type, mode) > (type, actor) > type."""
        keys = ((event_type, mode, actor), (event_type, mode, "*"), (event_type, "*", actor), (event_type, "*", "*"))
        for key in keys:
            if key in self.reverse:
                return self.reverse[key]
        return event_type  # a type with no CASE label: scored as wrong

    def type_for(self, gold_label: str, event: Event | None, kind: str | None = None) -> str:
        """Type-level prediction: the gold label's type when the event type maps back to that label.

        Without an event, the classifier's ``kind`` gives the type, as in :meth:`label_for`.
        """
        predicted = event.event_type if event is not None else kind_parts(kind)[0]
        return self.gold_type[gold_label] if predicted in self.accepted_types[gold_label] else predicted


def load_mapping(text: str | None = None) -> CaseMapping:
    """Load the CASE<->PLOVER table (the shipped one unless ``text`` is given).

    Raises:
        DataFileError: a row is malformed, a key is mapped twice, a label lacks
            its gold row, or "no event" has no label.

    """
    if text is None:
        text = (files("spillover") / "data" / "eval" / MAPPING_FILE).read_text(encoding="utf-8")
    labels: list[str] = []
    gold_type: dict[str, str] = {}
    accepted: dict[str, set[str]] = {}
    reverse: dict[tuple[str, str, str], str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < 5 or cells[4] not in _USES or cells[3] not in {"*", "state", "nonstate"}:
            raise DataFileError(f"{MAPPING_FILE}:{number}: expected label, type, mode, actor, use(gold|pred|both)")
        label, ptype, mode, actor, use = (c.strip() for c in cells[:5])
        if label not in accepted:
            labels.append(label)
            accepted[label] = set()
        accepted[label].add(ptype)
        if use in {"gold", "both"}:
            if label in gold_type:
                raise DataFileError(f"{MAPPING_FILE}:{number}: second gold row for {label}")
            gold_type[label] = ptype
        if use in {"pred", "both"}:
            key = (ptype, mode.lower(), actor)
            if key in reverse:
                raise DataFileError(f"{MAPPING_FILE}:{number}: {key} already maps to {reverse[key]}")
            reverse[key] = label
    missing = [label for label in labels if label not in gold_type]
    if missing or (NO_EVENT, "*", "*") not in reverse:
        raise DataFileError(f"{MAPPING_FILE}: labels without a gold row {missing} or no row for '{NO_EVENT} * *'")
    return CaseMapping(
        labels=tuple(labels),
        gold_type=gold_type,
        accepted_types={label: frozenset(types) for label, types in accepted.items()},
        reverse=reverse,
    )


def read_case2021(path: Path, known_labels: Sequence[str] | None = None) -> list[Snippet]:
    """Parse a CASE 2021 task 2 TSV with gold labels.

    Args:
        path: The TSV (header ``id, EventSnippet, SubType``).
        known_labels: When given, a label outside it is an error (a typo in a
            hand-made file would otherwise become a class of its own).

    Raises:
        EvalFormatError: missing columns, a short row, or an unknown label.

    """
    content = read_text(path, "case2021")
    reader = csv.DictReader(io.StringIO(content), delimiter="\t", quoting=csv.QUOTE_NONE)
    wanted = {"id", "EventSnippet", "SubType"}
    if reader.fieldnames is None or not wanted <= set(reader.fieldnames):
        raise EvalFormatError(f"case2021: {path}: header must contain {', '.join(sorted(wanted))}")
    allowed = set(known_labels) if known_labels is not None else None
    snippets: list[Snippet] = []
    for row in reader:
        if not any((value or "").strip() for value in row.values() if isinstance(value, str)):
            continue
        snippet_id, text, label = (row.get(key) for key in ("id", "EventSnippet", "SubType"))
        if not snippet_id or not text or not label:
            raise EvalFormatError(f"case2021: {path}:{reader.line_num}: row needs id, snippet and label")
        label = label.strip()
        if allowed is not None and label not in allowed:
            raise EvalFormatError(f"case2021: {path}:{reader.line_num}: unknown label {label!r}")
        snippets.append(Snippet(id=snippet_id.strip(), text=text.strip(), label=label))
    return snippets


def score_case2021(
    snippets: Sequence[Snippet],
    predictions: Sequence[Sequence[Event]],
    mapping: CaseMapping,
    name: str,
    kinds: Sequence[str | None] | None = None,
) -> EvalReport:
    """Score predicted events against the gold snippets (same order).

    ``kinds`` are the classifier's labels of the snippets (see ``Pipeline.classify_texts``); they only
    decide the label of snippets without events.
    """
    if len(snippets) != len(predictions):
        raise ValueError(f"{len(snippets)} snippets but {len(predictions)} prediction lists")
    kinds = list(kinds) if kinds is not None else [None] * len(snippets)
    if len(kinds) != len(snippets):
        raise ValueError(f"{len(snippets)} snippets but {len(kinds)} text kinds")
    best = [snippet_event(events, kind) for events, kind in zip(predictions, kinds, strict=True)]
    gold = [s.label for s in snippets]
    predicted = [mapping.label_for(event, kind) for event, kind in zip(best, kinds, strict=True)]
    by_label = classification_scores(gold, predicted, mapping.labels)
    type_labels = list(dict.fromkeys(mapping.gold_type[label] for label in mapping.labels))
    gold_types = [mapping.gold_type[label] for label in gold]
    pred_types = [mapping.type_for(label, event, kind) for label, event, kind in zip(gold, best, kinds, strict=True)]
    type_scores = classification_scores(gold_types, pred_types, type_labels)
    summary: dict[str, float | int] = {
        "n": by_label.n,
        "accuracy": by_label.accuracy,
        "macro_f1": by_label.macro_f1,
        "micro_f1": by_label.micro_f1,
        "type_accuracy": type_scores.accuracy,
        "type_macro_f1": type_scores.macro_f1,
        "n_no_event": sum(1 for event in best if event is None),
    }
    notes = [
        "label = CASE label of the most confident event's (type, mode, source class) via "
        f"spillover/data/eval/{MAPPING_FILE}; no event -> the classifier's label for the snippet "
        f"(an event type and mode, or the NONE row of its reason: natural, crime, ...), else {mapping.label_for(None)}",
        f"snippet decision: when the classifier reads the whole snippet as {', '.join(sorted(NON_POLITICAL))}, "
        f"a best event under {WEAK_EVENT} confidence, or an investigation, is dropped; a said or agreed best event "
        f"yields to a rule event (>= {WEAK_EVENT}) of the deed type the classifier reads the snippet as; "
        "an arrest or dispersal beside a protest "
        f"(>= {PROTEST_FLOOR}) makes the snippet that protest with intervention, force used on protesters "
        "makes it excessive force only when lethal or injuring (ACLED), else an intervention; protesters' "
        "demands beside their protest are that protest; a protest beside a riot is a violent demonstration; "
        "a weapon ACLED files on its own (chemical, suicide, "
        "grenade, explosive) outranks a generic attack; a best event without a mode takes the classifier's "
        "snippet label; armed violence whose target is civilians (by sector, not generic 'people'), or that hits "
        "no armed side in a snippet the classifier reads as violence against civilians, is an attack, not a clash; "
        "a condemnation aimed at no actor, of a deed told after it, is that deed; a claimed or denied deed "
        "(CAMEO 015/016) is an attribution (ACCUSE/allege)",
        "type level: gold label -> its PLOVER type; a predicted type that maps back to the gold label counts as it",
    ]
    type_rows = tuple(
        (row.label, row.precision, row.recall, row.f1, row.support, row.predicted) for row in type_scores.per_label
    )
    return EvalReport(
        name=name,
        summary=summary,
        per_label=list(by_label.per_label),
        confusion=by_label.confusion,
        tables=[Table("PLOVER type level", ("type", "P", "R", "F1", "support", "predicted"), type_rows)],
        notes=notes,
    )


def evaluate_case2021(
    path: Path, extract: BatchExtractor, limit: int | None = None, classify: TextClassifier | None = None
) -> EvalReport:
    """Read a CASE 2021 task 2 TSV, extract events per snippet and score the labels.

    With ``classify`` (the pipeline's text classifier), a snippet without events gets the label of the
    classifier's reason (a natural disaster, organised crime) instead of the catch-all.
    """
    mapping = load_mapping()
    snippets = take(read_case2021(path, mapping.labels), limit)
    predictions = extract_checked(extract, [(s.text, None) for s in snippets])
    kinds = classify([s.text for s in snippets]) if classify is not None else None
    return score_case2021(snippets, predictions, mapping, name=f"case2021 {path.name}", kinds=kinds)
