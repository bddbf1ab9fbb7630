"""The TSV dialect every lexicon file is written in, and the readers of shipped and user files.

The CAMEO table, the trigger and factuality lexicons, the intention cues and the classifier's
label map are all plain TSV that a reviewer edits in a spreadsheet or a text editor. They share
one tiny dialect (:func:`read_tsv`) and one way of reading a file, shipped in ``spillover/data/lexicon``
(:func:`shipped_text`) or the user's own (:func:`read_text`), so that every malformed row fails with the
``path:line`` of the row to fix, whichever table it belongs to.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from spillover.errors import DataFileError

__all__ = [
    "TsvRow",
    "read_text",
    "read_tsv",
    "shipped_text",
]


@dataclass(frozen=True)
class TsvRow:
    """One data row of a lexicon TSV file, with where it came from for error messages."""

    source: str
    line: int
    values: dict[str, str]

    def where(self) -> str:
        """Return ``path:line`` so every validation error points at the row to fix."""
        return f"{self.source}:{self.line}"


def read_tsv(
    text: str,
    source: str,
    required: Sequence[str],
    optional: Sequence[str] = (),
) -> Iterator[TsvRow]:
    """Parse the TSV dialect shared by all lexicon files.

    The dialect is deliberately tiny so that it survives spreadsheets and text
    editors: lines starting with ``#`` and blank lines are ignored anywhere; the
    first other line is the header; fields are separated by single tabs and
    stripped of surrounding spaces; no quoting. Trailing optional columns may be
    left off a row (editors drop empty trailing cells).

    Args:
        text: Whole file content.
        source: Path or name used in error messages.
        required: Columns the header must contain.
        optional: Further columns the header may contain.

    Yields:
        One :class:`TsvRow` per data row, with every known column present
        (missing optional cells as "").

    Raises:
        DataFileError: on a missing or unknown header column, or a row with too
            many or too few cells; the message starts with ``path:line``.

    """
    header: list[str] | None = None
    allowed = set(required) | set(optional)
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = [c.lower() for c in cells]
            unknown = [c for c in header if c not in allowed]
            if unknown:
                raise DataFileError(f"{source}:{lineno}: unknown column(s) {', '.join(unknown)}")
            missing = [c for c in required if c not in header]
            if missing:
                raise DataFileError(f"{source}:{lineno}: missing column(s) {', '.join(missing)}")
            if len(set(header)) != len(header):
                raise DataFileError(f"{source}:{lineno}: duplicate column name in header")
            continue
        if len(cells) > len(header):
            raise DataFileError(f"{source}:{lineno}: {len(cells)} fields, header has {len(header)}")
        if len(cells) < len(header):
            absent = header[len(cells) :]
            if any(c in required for c in absent):
                raise DataFileError(
                    f"{source}:{lineno}: {len(cells)} fields, header has {len(header)} (missing {absent[0]})"
                )
            cells = cells + [""] * len(absent)
        values = dict(zip(header, cells, strict=True))
        for col in optional:
            values.setdefault(col, "")
        yield TsvRow(source, lineno, values)
    if header is None:
        raise DataFileError(f"{source}: no header row")


def read_text(path: Path) -> str:
    """Read a user-supplied lexicon file as UTF-8, turning I/O failures into DataFileError.

    ``utf-8-sig`` accepts the byte-order mark spreadsheet programs add.
    """
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read ({exc.strerror or exc})") from exc


def shipped_text(name: str) -> tuple[str, str]:
    """Return (text, display path) of a data file shipped in ``spillover/data/lexicon``.

    Read through importlib.resources so the package works from a wheel or a
    zip as well as from a source checkout.
    """
    res = resources.files("spillover") / "data" / "lexicon" / name
    try:
        return res.read_text(encoding="utf-8"), str(res)
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{res}: cannot read shipped lexicon file ({exc})") from exc
