"""The result of one ``spillover eval`` run, as text for people and JSON for tools.

Every reader returns an :class:`EvalReport`, so the CLI prints and saves all
formats the same way. The text form ends with a single ``key=value`` line: it
is the line scripts and CI grep for, so it is always last and always uses the
same number format (integers as is, floats with three decimals).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from spillover.evaluation.metrics import LabelScore

Cell = str | int | float | None

#: Above this many labels, or with long names, confusion columns are numbered.
_WIDE_LABEL = 7


@dataclass(frozen=True)
class Table:
    """An extra table of a report (e.g. per-category counts), kept generic on purpose.

    Readers have dataset-specific breakdowns that do not fit the per-label
    shape; a titled grid lets them add one without a new report type.
    """

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape of the table."""
        return {"title": self.title, "columns": list(self.columns), "rows": [list(row) for row in self.rows]}


@dataclass(frozen=True)
class EvalReport:
    """Scores of one extractor on one gold file.

    Attributes:
        name: The evaluation format and file, for the report heading.
        summary: Headline numbers, in print order; the last text line lists them.
        per_label: Precision/recall/F1/support per label (event type, class ...).
        confusion: ``{gold: {predicted: count}}``; empty when not meaningful.
        tables: Further breakdowns specific to the format.
        notes: Short remarks a reader needs to interpret the numbers
            (skipped records, mapping caveats).

    """

    name: str
    summary: dict[str, float | int]
    per_label: list[LabelScore] = field(default_factory=list)
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """Return the report as plain JSON-able data (what ``--json`` writes)."""
        return {
            "name": self.name,
            "summary": {key: _json_number(value) for key, value in self.summary.items()},
            "per_label": [row.to_dict() for row in self.per_label],
            "confusion": self.confusion,
            "tables": [table.to_dict() for table in self.tables],
            "notes": list(self.notes),
        }

    def summary_line(self) -> str:
        """Return the ``key=value`` summary, separated by single spaces."""
        return format_summary(self.summary)

    def render_text(self) -> str:
        """Render the report for a terminal; the last line is :meth:`summary_line`."""
        blocks = [f"== {self.name} =="]
        if self.per_label:
            blocks.append(render_per_label(self.per_label))
        if self.confusion:
            blocks.append(render_confusion(self.confusion))
        blocks.extend(render_table(table) for table in self.tables)
        if self.notes:
            blocks.append("\n".join(f"note: {note}" for note in self.notes))
        blocks.append(self.summary_line())
        return "\n\n".join(blocks)


def format_summary(summary: Mapping[str, float | int]) -> str:
    """Format ``{key: number}`` as ``k=v k=v`` (floats with 3 decimals)."""
    return " ".join(f"{key}={_format_number(value)}" for key, value in summary.items())


def render_per_label(rows: Sequence[LabelScore]) -> str:
    """Render the per-label P/R/F1 table; labels with no support and no predictions are left out."""
    body = [
        (row.label, f"{row.precision:.3f}", f"{row.recall:.3f}", f"{row.f1:.3f}", str(row.support), str(row.predicted))
        for row in rows
        if row.support or row.predicted
    ]
    return "per label\n" + _grid(("label", "P", "R", "F1", "support", "predicted"), body)


def render_confusion(confusion: Mapping[str, Mapping[str, int]]) -> str:
    """Render a confusion matrix, rows = gold, columns = predicted.

    Long label sets (CASE 2021 has 30) would not fit a terminal with names as
    column headers, so columns are then numbered and each row label carries its
    number. Zero cells print as ``.`` so the diagonal stands out; labels that
    occur neither in gold nor in predictions are left out (the JSON keeps them).
    """
    labels = list(confusion)
    for row in confusion.values():
        labels.extend(label for label in row if label not in labels)
    # Labels never met (no gold row count, no predicted column count) only widen the grid.
    used = {gold for gold, row in confusion.items() if any(row.values())}
    used |= {pred for row in confusion.values() for pred, count in row.items() if count}
    labels = [label for label in labels if label in used]
    numbered = any(len(label) > _WIDE_LABEL for label in labels)
    headers = [str(i + 1) for i in range(len(labels))] if numbered else labels
    body = []
    for i, gold in enumerate(labels):
        if gold not in confusion:
            continue
        row = confusion[gold]
        name = f"{i + 1} {gold}" if numbered else gold
        cells = [str(row.get(pred, 0) or ".") for pred in labels]
        body.append((name, *cells))
    title = "confusion (rows = gold, columns = predicted)"
    return title + "\n" + _grid(("gold \\ predicted", *headers), body)


def render_table(table: Table) -> str:
    """Render an extra table with its title."""
    body = [tuple(_format_cell(cell) for cell in row) for row in table.rows]
    return table.title + "\n" + _grid(table.columns, body)


def _grid(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [len(h) for h in header]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    lines = [_line(header, widths), _line(["-" * w for w in widths], widths)]
    lines.extend(_line(row, widths) for row in rows)
    return "\n".join(lines)


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    # First column left-aligned (names), the rest right-aligned (numbers).
    parts = [cells[0].ljust(widths[0])] + [cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True)]
    return "  ".join(parts).rstrip()


def _format_number(value: float | int) -> str:
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    return f"{value:.3f}"


def _format_cell(cell: Cell) -> str:
    if cell is None:
        return "-"
    if isinstance(cell, float):
        return f"{cell:.3f}"
    return str(cell)


def _json_number(value: float | int) -> float | int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float):
        return round(value, 4)
    return value
