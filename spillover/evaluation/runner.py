"""Which gold formats ``spillover eval`` knows, and one entry point to run any of them.

The registry maps each CLI name to an :class:`EvalFormat` that names the module
and function implementing it instead of holding the function itself. That keeps
``import spillover.evaluation.runner`` cheap (the CLI imports it just to list the
choices) and lets the reader modules import :data:`BatchExtractor` from here
without an import cycle.

Adding a format is one line in :data:`FORMATS`. A format whose scorer needs the
extraction pipeline (event coding) sets ``needs_extractor=True`` and is called
as ``evaluate(path, extract, limit=...)``; a format that measures a component
on its own (geoparsing, timex normalisation) sets it False and is called as
``evaluate(path, limit=..., **options)``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, cast

from spillover.errors import EvalFormatError
from spillover.records import Event

if TYPE_CHECKING:
    from spillover.evaluation.report import EvalReport

#: The extraction pipeline as the evaluation sees it: given ``[(text, document_date), ...]``
#: return the events of each text, in the same order.
BatchExtractor = Callable[[Sequence[tuple[str, date | None]]], list[list[Event]]]
#: The learned classifier as the evaluation sees it: one label per text (``NONE/natural``, ``ASSAULT/aerial``),
#: or None when it is switched off.
TextClassifier = Callable[[Sequence[str]], list[str | None]]


@dataclass(frozen=True)
class EvalFormat:
    """One gold format of ``spillover eval``.

    Attributes:
        name: The CLI name (``spillover eval NAME FILE``).
        module: Dotted module path of the implementation.
        function: Name of the ``evaluate_*`` function in that module.
        needs_extractor: True when the function takes a :data:`BatchExtractor`
            as its second argument; the CLI then builds the NLP pipeline.
        description: One line for help texts.
        sentence_level: Each item is a sentence to classify: its best candidate counts, however weak.
        record_level: Each item is a sentence known to report an event (PLOVER's records; not
            PETRARCH's validation set, whose "noevents" sentences must stay empty): its best
            candidate is scored whatever the confidence threshold, its further events at the
            threshold; :func:`run_record_eval` adds the figures at the user's threshold.

    """

    name: str
    module: str
    function: str
    needs_extractor: bool = True
    description: str = ""
    accepts_folder: bool = False
    sentence_level: bool = False
    needs_nlp: bool = False
    text_kind: bool = False
    record_level: bool = False

    def load(self) -> Callable[..., EvalReport]:
        """Import and return the evaluate function (imports happen only here)."""
        module = importlib.import_module(self.module)
        return cast("Callable[..., EvalReport]", getattr(module, self.function))


def _registry(*formats: EvalFormat) -> Mapping[str, EvalFormat]:
    return MappingProxyType({fmt.name: fmt for fmt in formats})


_PKG = "spillover.evaluation"

#: Every format ``spillover eval`` accepts, by CLI name (read-only).
FORMATS: Mapping[str, EvalFormat] = _registry(
    EvalFormat("gold", f"{_PKG}.gold", "evaluate_gold", description="spillover gold JSON (docs/gold-format.md)"),
    EvalFormat(
        "conflibert-class",
        f"{_PKG}.conflibert",
        "evaluate_conflibert",
        sentence_level=True,
        description="ConfliBERT cameo_class TSV: sentence -> 5 CAMEO classes",
    ),
    EvalFormat(
        "case2021",
        f"{_PKG}.case2021",
        "evaluate_case2021",
        sentence_level=True,
        text_kind=True,
        description="CASE 2021 task 2 TSV: snippet -> ACLED/CASE event type",
    ),
    EvalFormat(
        "petrarch",
        f"{_PKG}.petrarch",
        "evaluate_petrarch",
        description="PETRARCH validation XML: sentence -> (source, target, CAMEO code)",
    ),
    EvalFormat(
        "geo-xml",
        f"{_PKG}.geoxml",
        "evaluate_geoxml_report",
        needs_extractor=False,
        needs_nlp=True,
        description="LGL / GeoWebNews / GeoVirus XML: toponym resolution and end-to-end geoparsing",
    ),
    EvalFormat(
        "event-location",
        f"{_PKG}.eventloc",
        "evaluate_event_location",
        needs_extractor=False,
        needs_nlp=True,
        description="Halterman event-location JSON (zip or jsonl): the place chosen for each event verb",
    ),
    EvalFormat(
        "timeml",
        f"{_PKG}.timeml",
        "evaluate_timeml_report",
        needs_extractor=False,
        accepts_folder=True,
        description="TimeML .tml file or folder (TIMEX3 values against the DCT); MEANTIME XML too",
    ),
    EvalFormat(
        "plover",
        f"{_PKG}.plover",
        "evaluate_plover",
        record_level=True,
        description="PLOVER gold-standard records (JSON list)",
    ),
)


def with_formats(*extra: EvalFormat, base: Mapping[str, EvalFormat] = FORMATS) -> Mapping[str, EvalFormat]:
    """Return a registry with ``extra`` added (or replacing same-named entries).

    Lets tests and plug-ins run formats that are not built in without mutating
    the shared :data:`FORMATS`.
    """
    merged = dict(base)
    merged.update({fmt.name: fmt for fmt in extra})
    return MappingProxyType(merged)


def run_eval(
    fmt: str,
    path: Path,
    extract: BatchExtractor | None,
    limit: int | None = None,
    *,
    formats: Mapping[str, EvalFormat] | None = None,
    options: Mapping[str, Any] | None = None,
) -> EvalReport:
    """Evaluate the gold file ``path`` in format ``fmt``.

    Args:
        fmt: A key of ``formats`` (the CLI name).
        path: The gold file.
        extract: The extraction pipeline; required by formats with ``needs_extractor``.
        limit: Score only the first ``limit`` items (documents, sentences, snippets).
        formats: The registry to use; defaults to :data:`FORMATS`.
        options: Extra keyword arguments for formats that take their own
            (ignored by the built-in event formats).

    Raises:
        EvalFormatError: unknown format, unreadable or malformed file, a missing
            extractor, or a negative limit.

    """
    registry = FORMATS if formats is None else formats
    spec = registry.get(fmt)
    if spec is None:
        known = ", ".join(sorted(registry))
        raise EvalFormatError(f"unknown evaluation format {fmt!r}; known formats: {known}")
    if limit is not None and limit < 0:
        raise EvalFormatError(f"--limit must be zero or positive, got {limit}")
    if spec.accepts_folder and path.is_dir():
        return spec.load()(path, limit=limit, **dict(options or {}))
    if not path.is_file():
        raise EvalFormatError(f"{fmt}: gold file {path} does not exist or is not a file")
    try:
        with path.open("rb") as handle:
            handle.read(1)
    except OSError as exc:
        raise EvalFormatError(f"{fmt}: cannot read gold file {path}: {exc.strerror or exc}") from exc
    evaluate = spec.load()
    if not spec.needs_extractor:
        return evaluate(path, limit=limit, **dict(options or {}))
    if extract is None:
        raise EvalFormatError(f"format {fmt!r} scores event extraction and needs an extractor")
    return evaluate(path, extract, limit=limit, **dict(options or {}))


#: Figures a record-level report repeats as the user sees them, with ``_at_threshold``.
AT_THRESHOLD_KEYS = ("accuracy", "tuple_acc", "n_pred_per_sentence", "pred_per_sentence", "n_no_event")


def run_record_eval(
    fmt: str,
    path: Path,
    extract_all: BatchExtractor,
    threshold: float,
    secondary: float,
    limit: int | None = None,
) -> EvalReport:
    """Evaluate a record-level format from one extraction of all candidates.

    A gold record says its sentence reports an event, so the question is how
    the coder codes it: the sentence's best candidate is kept however low its
    confidence, and only its further events must clear ``secondary`` (extra
    events still count against the coder). The same figures with every event
    held to ``threshold`` too, as ``spillover extract`` would show them, are
    added with the suffix ``_at_threshold``.

    Args:
        fmt: A record-level format of :data:`FORMATS`.
        path: The gold file.
        extract_all: The pipeline with no threshold (calibrated confidences, every candidate).
        threshold: The user's ``min_confidence``.
        secondary: The user's ``min_confidence_secondary``.
        limit: Score only the first ``limit`` items.
    """
    from spillover.coding.calibration import select_confident  # numpy: imported only when a format runs

    memo: dict[tuple[tuple[str, date | None], ...], list[list[Event]]] = {}

    def view(floor: float) -> BatchExtractor:
        def run(items: Sequence[tuple[str, date | None]]) -> list[list[Event]]:
            key = tuple(items)
            if key not in memo:
                memo[key] = extract_all(items)
            return [select_confident(events, floor, secondary) for events in memo[key]]

        return run

    report = run_eval(fmt, path, view(0.0), limit)
    user = run_eval(fmt, path, view(threshold), limit)
    extra = {f"{k}_at_threshold": v for k, v in user.summary.items() if k in AT_THRESHOLD_KEYS}
    note = (
        f"each record's best candidate is scored whatever its confidence; *_at_threshold: every event "
        f"held to min_confidence={threshold}, as extraction shows them"
    )
    return replace(report, summary={**report.summary, **extra}, notes=[*report.notes, note])


def extract_checked(extract: BatchExtractor, items: Sequence[tuple[str, date | None]]) -> list[list[Event]]:
    """Run ``extract`` on ``items`` and make sure it answered once per item.

    Every scorer pairs gold item *i* with the *i*-th event list; a short or long
    answer would silently shift every later pair, so it is refused loudly.

    Raises:
        ValueError: the extractor returned a different number of lists.

    """
    if not items:
        return []
    results = extract(items)
    if len(results) != len(items):
        raise ValueError(f"extractor returned {len(results)} event lists for {len(items)} texts")
    return results


def take(items: Sequence[Any], limit: int | None) -> list[Any]:
    """Return the first ``limit`` items (all when ``limit`` is None)."""
    return list(items) if limit is None else list(items[:limit])


def read_text(path: Path, what: str) -> str:
    """Read a UTF-8 gold file, turning I/O and decoding failures into :class:`EvalFormatError`.

    Args:
        path: File to read.
        what: The format name, to prefix the message.

    """
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EvalFormatError(f"{what}: {path} is not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except OSError as exc:
        raise EvalFormatError(f"{what}: cannot read {path}: {exc.strerror or exc}") from exc
