"""Score the date stage against TimeML gold (TimeBank/AQUAINT, MEANTIME).

Two questions are answered separately, as in TempEval-3:

* **Normalisation** (``value_acc``): given each gold TIMEX3 span, do we
  produce the gold ``value``?  This isolates the part event dating depends
  on (:func:`normalise_span`).  The DCT itself is not counted.
* **End to end** (``precision``/``recall``/``span_f1``/``value_f1``): run
  :func:`~spillover.dates.timex.find_timexes` on the raw text; a prediction
  matches a gold expression when the spans overlap (relaxed match, one to
  one), and counts for ``value_f1`` only if the value is also identical.

Character offsets are computed here while walking the XML (element text and
tails), so gold spans index the same plain text the finder sees.  MEANTIME's
token-level CAT XML is detokenised into readable text first, because the
rules expect "May 14, 2009", not "May 14 , 2009".
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from spillover.dates.timex import find_timexes, normalise_spans
from spillover.errors import EvalFormatError
from spillover.evaluation.report import EvalReport

_NO_SPACE_BEFORE = frozenset(
    {",", ".", ";", ":", "!", "?", ")", "]", "%", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m"}
)
_NO_SPACE_AFTER = frozenset({"(", "[", "$", "``"})
_WEEK = re.compile(r"-W(\d)(?!\d)")


@dataclass(frozen=True)
class GoldTimex:
    """A gold TIMEX3: span in the document's plain text, type and value."""

    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True)
class GoldDocument:
    """One annotated document: its plain text, DCT and gold expressions."""

    name: str
    text: str
    dct: date | None
    timexes: tuple[GoldTimex, ...]
    dct_span: tuple[int, int] | None = None
    #: Offset after which nothing was annotated (MEANTIME covers only the
    #: first sentences); predictions beyond it are not scored.
    scored_end: int | None = None


def _parse_dct(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def read_tml(path: Path) -> GoldDocument:
    """Read an inline TimeML (``.tml``) file into plain text and gold spans."""
    root = ET.parse(path).getroot()
    dct: date | None = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = _parse_dct(timex.get("value"))
            break
    body = root.find(".//TEXT")
    pieces: list[str] = []
    gold: list[GoldTimex] = []
    offset = 0

    def walk(element: ET.Element) -> None:
        nonlocal offset
        start = offset
        if element.text:
            pieces.append(element.text)
            offset += len(element.text)
        for child in element:
            walk(child)
            if child.tail:
                pieces.append(child.tail)
                offset += len(child.tail)
        if element.tag == "TIMEX3" and element.get("functionInDocument") != "CREATION_TIME":
            gold.append(GoldTimex(start, offset, element.get("type", ""), element.get("value", "")))

    if body is not None:
        walk(body)
    gold.sort(key=lambda g: (g.start, g.end))
    return GoldDocument(path.stem, "".join(pieces), dct, tuple(gold))


def _detokenise(tokens: list[tuple[str, str, int]]) -> tuple[str, dict[str, tuple[int, int]]]:
    """Join (t_id, word, sentence) tokens into text; return token offsets."""
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    offset = 0
    previous_sentence: int | None = None
    previous_word = ""
    for t_id, word, sentence in tokens:
        if previous_sentence is None:
            gap = ""
        elif sentence != previous_sentence:
            gap = "\n"
        elif word in _NO_SPACE_BEFORE or previous_word in _NO_SPACE_AFTER:
            gap = ""
        else:
            gap = " "
        parts.append(gap)
        offset += len(gap)
        spans[t_id] = (offset, offset + len(word))
        parts.append(word)
        offset += len(word)
        previous_sentence, previous_word = sentence, word
    return "".join(parts), spans


def read_meantime(path: Path) -> GoldDocument:
    """Read a MEANTIME CAT XML document (tokens + standoff TIMEX3 markables)."""
    root = ET.parse(path).getroot()
    tokens = [(tok.get("t_id", ""), tok.text or "", int(tok.get("sentence", "0"))) for tok in root.iter("token")]
    text, spans = _detokenise(tokens)
    gold: list[GoldTimex] = []
    dct: date | None = None
    dct_span: tuple[int, int] | None = None
    for timex in root.iter("TIMEX3"):
        anchors = [spans[a.get("t_id", "")] for a in timex.iter("token_anchor") if a.get("t_id", "") in spans]
        if not anchors:
            continue
        span = (min(s for s, _ in anchors), max(e for _, e in anchors))
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct, dct_span = _parse_dct(timex.get("value")), span
            continue
        gold.append(GoldTimex(span[0], span[1], timex.get("type", ""), timex.get("value", "")))
    gold.sort(key=lambda g: (g.start, g.end))
    # Only the first sentences of each MEANTIME article carry annotations;
    # the last sentence holding any markable bounds the scored region.
    annotated = {a.get("t_id", "") for a in root.iter("token_anchor")}
    last_sentence = max((sent for t_id, _, sent in tokens if t_id in annotated), default=-1)
    ends = [spans[t_id][1] for t_id, _, sent in tokens if sent <= last_sentence]
    return GoldDocument(path.stem, text, dct, tuple(gold), dct_span, max(ends, default=0))


def read_documents(path: Path) -> Iterator[GoldDocument]:
    """Yield gold documents from a ``.tml``/MEANTIME file or a folder of them."""
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    for file in files:
        if file.name.startswith("."):
            continue
        if file.suffix == ".tml":
            yield read_tml(file)
        elif file.suffix == ".xml":
            head = file.read_text(encoding="utf-8", errors="replace")[:400]
            if "<Document" in head:
                yield read_meantime(file)


def canonical(value: str | None) -> str:
    """Undo spelling-only differences in values ("2000-W7" vs "2000-W07")."""
    return _WEEK.sub(r"-W0\1", (value or "").strip())


def normalise_span(text: str, start: int, end: int, dct: date | None) -> str | None:
    """Return our TimeML value for the expression at ``text[start:end]``."""
    timex = normalise_spans(text, [(start, end)], dct)[0]
    return timex.value if timex else None


def _match(gold: tuple[GoldTimex, ...], predicted: list[tuple[int, int, str]]) -> tuple[int, int]:
    """Greedy one-to-one overlap matching; return (span matches, value matches)."""
    used: set[int] = set()
    spans = values = 0
    for item in gold:
        best: int | None = None
        for index, (start, end, value) in enumerate(predicted):
            if index in used or not (start < item.end and item.start < end):
                continue
            if best is None or canonical(value) == canonical(item.value):
                best = index
                if canonical(value) == canonical(item.value):
                    break
        if best is not None:
            used.add(best)
            spans += 1
            values += canonical(predicted[best][2]) == canonical(item.value)
    return spans, values


def _f1(correct: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score_documents(documents: list[GoldDocument]) -> dict[str, float | int]:
    """Compute value accuracy and relaxed end-to-end scores over documents."""
    n = correct_values = predicted_count = span_hits = value_hits = 0
    for doc in documents:
        spans = [(g.start, g.end) for g in doc.timexes]
        ours = normalise_spans(doc.text, spans, doc.dct)
        for item, timex in zip(doc.timexes, ours, strict=True):
            n += 1
            correct_values += timex is not None and canonical(timex.value) == canonical(item.value)
        predicted = [
            (t.start, t.end, t.value or "")
            for t in find_timexes(doc.text, doc.dct)
            if (doc.dct_span is None or not (t.start < doc.dct_span[1] and doc.dct_span[0] < t.end))
            and (doc.scored_end is None or t.start < doc.scored_end)
        ]
        predicted_count += len(predicted)
        spans_matched, values_matched = _match(doc.timexes, predicted)
        span_hits += spans_matched
        value_hits += values_matched
    precision, recall, span_f1 = _f1(span_hits, predicted_count, n)
    value_p, value_r, value_f1 = _f1(value_hits, predicted_count, n)
    return {
        "value_acc": correct_values / n if n else 0.0,
        "precision": precision,
        "recall": recall,
        "f1": span_f1,
        "span_f1": span_f1,
        "value_precision": value_p,
        "value_recall": value_r,
        "value_f1": value_f1,
        "n": n,
        "predicted": predicted_count,
        "docs": len(documents),
    }


def evaluate_timeml(path: Path) -> dict[str, float | int]:
    """Evaluate the date stage on a ``.tml`` file or a folder (recursive).

    MEANTIME ``.xml`` documents found under ``path`` are read as well.
    """
    return score_documents(list(read_documents(Path(path))))


def evaluate_timeml_report(path: Path, limit: int | None = None) -> EvalReport:
    """Evaluate like :func:`evaluate_timeml` and wrap the numbers as an :class:`EvalReport`.

    Args:
        path: A ``.tml``/MEANTIME file or a folder of them.
        limit: Score only the first ``limit`` documents.
    """
    documents = list(read_documents(Path(path)))
    if limit is not None:
        documents = documents[:limit]
    if not documents:
        raise EvalFormatError(f"timeml: no TimeML or MEANTIME documents under {path}")
    summary = score_documents(documents)
    notes = ["value_acc: normalised TIMEX3 values given the gold spans (the DCT is each document's date);",
             "span/value P/R/F1: end-to-end recognition (overlapping spans) and exact values"]
    return EvalReport(name=f"timeml {path}", summary=summary, notes=notes)
