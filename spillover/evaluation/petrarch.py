"""Reader and scorer for PETRARCH validation records (XML with CAMEO/Phoenix codings).

Two files share this layout: the PETRARCH-2 "GSR" validation set (real AFP
sentences, CAMEO 2.0 event codes, Phoenix actor codes) and the PETRARCH-2 unit
tests (stylised sentences with fictional actors). Each ``<Sentence>`` carries
zero or more ``<EventCoding sourcecode=.. targetcode=.. eventcode=..>`` and a
``<Text>``. The files are not strict XML everywhere (self-closing sentence
tags, single-quoted attributes), so they are read with a tolerant regex parse.

Gold codes become PLOVER types through a shipped table, so nothing here needs
the third-party crosswalk at run time: ``cameo_root_plover.tsv`` when the file's
``<Verbfile>`` is a CAMEO dictionary, else ``weis_root_plover.tsv`` (the unit
tests use an old WEIS-based dictionary whose codes mean something else in CAMEO).

Scoring is per gold coding: the sentence's extracted event that agrees best
with it (type, then actors, then root and quad, then confidence) is compared on
PLOVER type (``accuracy``), CAMEO root (``root_acc``, CAMEO files only), quad
class and the (type, source, target) tuple. A sentence coded ``noevents``
is one item whose right answer is "no event". ``pred_per_sentence`` shows
over-generation, which a best-match score alone would hide.
"""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from importlib.resources import files
from pathlib import Path

from spillover.errors import DataFileError, EvalFormatError
from spillover.evaluation.metrics import NO_EVENT, classification_scores, event_quad, ratio
from spillover.evaluation.report import EvalReport, Table
from spillover.evaluation.runner import BatchExtractor, extract_checked, read_text, take
from spillover.records import EVENT_TYPES, Actor, Event

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_ATTR = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_CODING = re.compile(r"<EventCoding\b([^>]*?)/?>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
#: Phoenix actor prefixes that are not countries: the next three letters name the organisation.
_ORG_PREFIXES = frozenset({"IGO", "NGO", "IMG", "MNC"})


@dataclass(frozen=True)
class Coding:
    """One gold coding; ``code`` None stands for "this sentence has no event"."""

    source: str | None
    target: str | None
    code: str | None


@dataclass(frozen=True)
class PetrSentence:
    """One validation record."""

    id: str
    category: str
    date: date | None
    text: str
    codings: tuple[Coding, ...]
    error: str | None = None


@dataclass(frozen=True)
class PetrFile:
    """A parsed validation file: its coding scheme and the records to score."""

    scheme: str
    sentences: tuple[PetrSentence, ...]
    skipped: int


@dataclass(frozen=True)
class CodeTable:
    """Event-code prefix -> (PLOVER type or NONE, quad class); longest prefix wins."""

    rows: Mapping[str, tuple[str, int]]

    def lookup(self, code: str) -> tuple[str, int] | None:
        """Return the type and quad of ``code``, or None when the code cannot be read."""
        if not code.isdigit():
            return None
        for length in range(len(code), 1, -1):
            if code[:length] in self.rows:
                return self.rows[code[:length]]
        return None


def load_code_table(scheme: str) -> CodeTable:
    """Load the shipped code table of ``scheme`` (``cameo`` or ``weis``).

    Raises:
        DataFileError: a row is not ``code<TAB>type<TAB>quad<TAB>name``.

    """
    name = f"{scheme}_root_plover.tsv"
    text = (files("spillover") / "data" / "eval" / name).read_text(encoding="utf-8")
    rows: dict[str, tuple[str, int]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        ok = len(cells) >= 3 and cells[0].isdigit() and cells[2].isdigit()
        if not ok or (cells[1] not in EVENT_TYPES and cells[1] != NO_EVENT):
            raise DataFileError(f"{name}:{number}: expected code, PLOVER type, quad, name")
        rows[cells[0]] = (cells[1], int(cells[2]))
    return CodeTable(rows)


def read_petrarch(path: Path) -> PetrFile:
    """Parse a PETRARCH validation file.

    Records whose category is not in the file's ``<Include>`` list and records
    that expect a coder error (``error=...``) are skipped, as the PETRARCH
    validation harness does.

    Raises:
        EvalFormatError: no ``<Sentence>`` record, or a record without ``<Text>``.

    """
    content = _COMMENT.sub("", read_text(path, "petrarch"))
    verbfile = re.search(r"<Verbfile>(.*?)</Verbfile>", content, re.S)
    scheme = "cameo" if verbfile is None or "CAMEO" in verbfile.group(1).upper() else "weis"
    include_match = re.search(r"<Include>(.*?)</Include>", content, re.S)
    include = set(include_match.group(1).split()) if include_match else None
    chunks = re.split(r"<Sentence\b", content)[1:]
    if not chunks:
        raise EvalFormatError(f"petrarch: {path} has no <Sentence> records")
    sentences: list[PetrSentence] = []
    skipped = 0
    for chunk in chunks:
        head, _, body = chunk.partition(">")
        body = body.split("</Sentence>")[0]
        record = _read_record(_attrs(head), body, path)
        if record.error is not None or (include is not None and record.category not in include):
            skipped += 1
            continue
        sentences.append(record)
    return PetrFile(scheme=scheme, sentences=tuple(sentences), skipped=skipped)


def normalise_actor(code: str | None) -> str | None:
    """Reduce a Phoenix/CAMEO actor code to what is scored, or None for "not scored".

    ``USAGOV`` and ``USA`` -> ``USA`` (the first three letters are the country);
    ``IGOUNOMIL`` -> ``IGOUNO`` (organisation prefixes keep the organisation);
    ``---REB`` (country unknown) and unresolved noun phrases (``"THE MINISTRY"``)
    -> None, since no country can be compared.
    """
    value = (code or "").strip().strip('"').upper()
    if len(value) < 3 or value.startswith("---") or not value.isalnum():
        return None
    if value[:3] in _ORG_PREFIXES:
        return value[:6]
    return value[:3]


def actor_ok(gold_code: str | None, actor: Actor | None) -> bool:
    """Whether an extracted actor matches a gold actor code after :func:`normalise_actor`.

    The actor matches when its country equals the key, its code starts with
    it, or (organisations) the key ends with its code (``IGOUNO`` accepts ``UNO``).
    """
    key = normalise_actor(gold_code)
    if key is None:
        return True
    if actor is None:
        return False
    code = (actor.code or "").upper()
    if (actor.country or "").upper() == key or (code and code.startswith(key)):
        return True
    return key[:3] in _ORG_PREFIXES and len(code) >= 3 and key.endswith(code)


def score_petrarch(doc: PetrFile, predictions: Sequence[Sequence[Event]], name: str) -> EvalReport:
    """Score extracted events against the records of ``doc`` (same order)."""
    if len(doc.sentences) != len(predictions):
        raise ValueError(f"{len(doc.sentences)} sentences but {len(predictions)} prediction lists")
    table = load_code_table(doc.scheme)
    gold_types: list[str] = []
    pred_types: list[str] = []
    tally: Counter[str] = Counter()
    by_category: dict[str, Counter[str]] = defaultdict(Counter)
    for sentence, events in zip(doc.sentences, predictions, strict=True):
        for coding in sentence.codings or (Coding(None, None, None),):
            gold = (NO_EVENT, 0) if coding.code is None else table.lookup(coding.code)
            if gold is None:
                tally["unscored"] += 1
                continue
            event = _best_match(coding, gold[0], events, use_root=doc.scheme == "cameo")
            ptype = event.event_type if event is not None else NO_EVENT
            checks = {
                "type": ptype == gold[0],
                "quad": event_quad(event) == gold[1],
                "tuple": ptype == gold[0] and _actors_ok(coding, event),
            }
            if doc.scheme == "cameo":
                checks["root"] = _root(event) == (coding.code or "")[:2]
            gold_types.append(gold[0])
            pred_types.append(ptype)
            for key, ok in checks.items():
                tally[key] += ok
            by_category[sentence.category].update({"n": 1, "type": checks["type"], "tuple": checks["tuple"]})
    scores = classification_scores(gold_types, pred_types, [*EVENT_TYPES, NO_EVENT])
    n = scores.n
    n_pred = sum(len(events) for events in predictions)
    summary: dict[str, float | int] = {"n": n, "accuracy": scores.accuracy}
    if doc.scheme == "cameo":
        summary["root_acc"] = ratio(tally["root"], n)
    summary |= {
        "quad_acc": ratio(tally["quad"], n),
        "tuple_acc": ratio(tally["tuple"], n),
        "macro_f1": scores.macro_f1,
        "n_sentences": len(doc.sentences),
        "n_pred": n_pred,
        "pred_per_sentence": ratio(n_pred, len(doc.sentences)),
        "n_unscored": tally["unscored"],
    }
    rows = tuple(
        (category, c["n"], ratio(c["type"], c["n"]), ratio(c["tuple"], c["n"]))
        for category, c in sorted(by_category.items())
    )
    notes = [
        f"codes read as {doc.scheme.upper()} via spillover/data/eval/{doc.scheme}_root_plover.tsv; "
        f"{doc.skipped} records skipped (error records or categories outside <Include>)",
        "each gold coding is compared with the best-agreeing event of its sentence; 'noevents' expects none",
        "actors: first 3 letters of a Phoenix code = country (IGO/NGO/IMG/MNC keep 6); '---' and noun phrases unscored",
    ]
    return EvalReport(
        name=name,
        summary=summary,
        per_label=list(scores.per_label),
        confusion=scores.confusion,
        tables=[Table("by category", ("category", "n", "accuracy", "tuple_acc"), rows)],
        notes=notes,
    )


def evaluate_petrarch(path: Path, extract: BatchExtractor, limit: int | None = None) -> EvalReport:
    """Read a PETRARCH validation XML file, extract events per sentence and score them."""
    parsed = read_petrarch(path)
    sentences = tuple(take(parsed.sentences, limit))
    doc = PetrFile(scheme=parsed.scheme, sentences=sentences, skipped=parsed.skipped)
    predictions = extract_checked(extract, [(s.text, s.date) for s in sentences])
    return score_petrarch(doc, predictions, name=f"petrarch {path.name}")


def _best_match(coding: Coding, gold_type: str, events: Sequence[Event], use_root: bool) -> Event | None:
    if not events:
        return None
    return max(
        events,
        key=lambda e: (
            e.event_type == gold_type,
            _actors_ok(coding, e),
            use_root and _root(e) == (coding.code or "")[:2],
            e.confidence,
        ),
    )


def _actors_ok(coding: Coding, event: Event | None) -> bool:
    if coding.code is None:
        return event is None
    return event is not None and actor_ok(coding.source, event.source) and actor_ok(coding.target, event.target)


def _root(event: Event | None) -> str:
    return (event.cameo or "")[:2] if event is not None else ""


def _attrs(text: str) -> dict[str, str]:
    return {m.group(1): m.group(2) if m.group(2) is not None else m.group(3) for m in _ATTR.finditer(text)}


def _read_record(attrs: dict[str, str], body: str, path: Path) -> PetrSentence:
    record_id = attrs.get("id", "?")
    text_match = _TEXT.search(body)
    if text_match is None:
        raise EvalFormatError(f"petrarch: {path}: record {record_id} has no <Text>")
    codings: list[Coding] = []
    error = None
    for match in _CODING.finditer(body):
        coding = _attrs(match.group(1))
        if coding.get("error"):
            error = coding["error"]
        elif coding.get("eventcode"):
            codings.append(Coding(coding.get("sourcecode"), coding.get("targetcode"), coding["eventcode"].strip()))
    raw_date = attrs.get("date", "")
    try:
        story_date = date(int(raw_date[:4]), int(raw_date[4:6]), int(raw_date[6:8])) if len(raw_date) == 8 else None
    except ValueError as exc:
        raise EvalFormatError(f"petrarch: {path}: record {record_id} has a bad date {raw_date!r}") from exc
    return PetrSentence(
        id=record_id,
        category=attrs.get("category", ""),
        date=story_date,
        text=" ".join(html.unescape(text_match.group(1)).split()),
        codings=tuple(codings),
        error=error,
    )
