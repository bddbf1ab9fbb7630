"""Reading, merging and checking the actor data files of ``spillover/data/actors``.

The shipped TSV files and a user's own are read in order, each row keyed so that a later row can
replace an earlier one, and every row is checked (codes, sectors, countries, dates of office) before
it becomes an :class:`~spillover.actors.entries.ActorEntry` or a
:class:`~spillover.actors.entries.RoleEntry`, so that a typo fails loudly at load time with the
``path:line`` of the row to fix. :meth:`spillover.actors.kb.ActorKB.load` indexes what
:func:`read_entries` returns; the file format is described in the README next to the files.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

from spillover.actors.entries import SECTORS, ActorEntry, RoleEntry, normalise
from spillover.errors import DataFileError

_SHIPPED_FILES: tuple[str, ...] = ("countries.tsv", "organisations.tsv", "people.tsv", "roles.tsv")

#: Header (column names) of each table; a file's header row decides which table it extends.
_COLUMNS: dict[str, tuple[str, ...]] = {
    "countries": ("iso3", "name", "aliases", "demonyms", "capital", "capital_aliases"),
    "people": ("name", "aliases", "country", "sector", "role", "start", "end", "org"),
    "organisations": ("name", "aliases", "code", "country", "sector"),
    "roles": ("pattern", "sector", "notes"),
}
_REQUIRED: dict[str, tuple[str, ...]] = {
    "countries": ("iso3", "name"),
    "people": ("name", "sector"),
    "organisations": ("name", "sector"),
    "roles": ("pattern", "sector"),
}

_ISO3 = re.compile(r"^[A-Z]{3}$")
_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,11}$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, slots=True)
class _Row:
    """A parsed data row with its origin, kept until validation so errors can point at file:line."""

    where: str
    fields: Mapping[str, str]

    def get(self, column: str) -> str:
        return self.fields.get(column, "")

    def split(self, column: str) -> list[str]:
        return [part.strip() for part in self.get(column).split("|") if part.strip()]


def read_entries(
    extra_paths: Sequence[Path] = (),
) -> tuple[list[tuple[Sequence[str], ActorEntry]], dict[str, str], list[RoleEntry]]:
    """Read the shipped data files, then the user's, and turn their rows into entries.

    The override rules are those of :meth:`spillover.actors.kb.ActorKB.load`.

    Args:
        extra_paths: User TSV files or directories, applied in order after the shipped files.

    Returns:
        Pairs of (surface strings as written, entry), ISO alpha-3 code to country name, and the
        role-noun mappings: the arguments of :class:`~spillover.actors.kb.ActorKB`.

    Raises:
        DataFileError: A file cannot be read or has a malformed row; the message starts with
            ``path:line:``.

    """
    tables: dict[str, dict[object, _Row]] = {table: {} for table in _COLUMNS}
    base = resources.files("spillover") / "data" / "actors"
    for name in _SHIPPED_FILES:
        resource = base / name
        try:
            text = resource.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DataFileError(f"{resource}: cannot read shipped actor file: {exc}") from exc
        _merge(tables, str(resource), text)
    for path in _expand(extra_paths):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DataFileError(f"{path}: cannot read actor file: {exc}") from exc
        _merge(tables, str(path), text)
    return _build(tables)


def _expand(paths: Sequence[Path]) -> Iterator[Path]:
    """Yield files, replacing each directory by its ``*.tsv`` files in name order."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            yield from sorted(path.glob("*.tsv"))
        else:
            yield path


def _merge(tables: dict[str, dict[object, _Row]], source: str, text: str) -> None:
    """Parse one file and merge its rows into ``tables``, later rows replacing earlier ones by key."""
    table: str | None = None
    columns: tuple[str, ...] = ()
    seen: dict[object, int] = {}  # key -> line: a repeated key inside one file is a mistake, across files an override
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        where = f"{source}:{lineno}"
        cells = [cell.strip() for cell in line.split("\t")]
        if table is None:
            table = next((name for name, cols in _COLUMNS.items() if tuple(cells) == cols), None)
            if table is None:
                known = "; ".join(" ".join(cols) for cols in _COLUMNS.values())
                raise DataFileError(f"{where}: unknown header {cells!r}; expected one of: {known}")
            columns = _COLUMNS[table]
            continue
        if len(cells) > len(columns):
            raise DataFileError(f"{where}: {len(cells)} columns, expected {len(columns)} ({' '.join(columns)})")
        # Editors often strip trailing tabs; missing trailing cells are empty, required ones are checked below.
        cells += [""] * (len(columns) - len(cells))
        row = _Row(where, dict(zip(columns, cells, strict=True)))
        for column in _REQUIRED[table]:
            if not row.get(column):
                raise DataFileError(f"{where}: empty required column {column!r}")
        key = _row_key(table, row)
        if key in seen:
            raise DataFileError(f"{where}: duplicate of line {seen[key]} (same key within one file)")
        seen[key] = lineno
        tables[table][key] = row
    if table is None:
        raise DataFileError(f"{source}:1: no header row")


def _row_key(table: str, row: _Row) -> object:
    """Return the identity of a row within its table, used for user overrides."""
    if table == "countries":
        return row.get("iso3").upper()
    if table == "people":
        return (normalise(row.get("name")), row.get("country"), row.get("org"), row.get("role"), row.get("start"))
    if table == "organisations":
        return normalise(row.get("name"))
    return normalise(row.get("pattern"))


def _build(
    tables: dict[str, dict[object, _Row]],
) -> tuple[list[tuple[Sequence[str], ActorEntry]], dict[str, str], list[RoleEntry]]:
    """Validate merged rows and turn them into entries; every error names the offending row."""
    entries: list[tuple[Sequence[str], ActorEntry]] = []
    countries: dict[str, str] = {}
    for row in tables["countries"].values():
        iso3 = row.get("iso3")
        if not _ISO3.match(iso3):
            raise DataFileError(f"{row.where}: iso3 {iso3!r} is not three capital letters")
        name = row.get("name")
        countries[iso3] = name
        entries.append(([name, *row.split("aliases")], ActorEntry(name, iso3, iso3, None, "country")))
        if row.split("demonyms"):
            entries.append((row.split("demonyms"), ActorEntry(name, iso3, iso3, None, "demonym")))
        capital = row.get("capital")
        if capital:
            entry = ActorEntry(capital, iso3 + "GOV", iso3, "GOV", "capital")
            entries.append(([capital, *row.split("capital_aliases")], entry))
        elif row.get("capital_aliases"):
            raise DataFileError(f"{row.where}: capital_aliases given without a capital")

    org_codes: set[str] = set()
    for row in tables["organisations"].values():
        sector = _sector(row)
        country = _country(row, countries)
        code = row.get("code")
        if country is not None:
            if code and code != country + sector:
                raise DataFileError(
                    f"{row.where}: code {code!r} must be country + sector ({country + sector!r}) or empty"
                )
            code = country + sector
        elif not code:
            raise DataFileError(f"{row.where}: an organisation without a country needs a code")
        if not _CODE.match(code):
            raise DataFileError(f"{row.where}: code {code!r} must be 2-12 capital letters or digits")
        org_codes.add(code)
        name = row.get("name")
        entries.append(([name, *row.split("aliases")], ActorEntry(name, code, country, sector, "organisation")))

    for row in tables["people"].values():
        sector = _sector(row)
        country = _country(row, countries)
        org = row.get("org")
        if org:
            if org not in org_codes:
                raise DataFileError(f"{row.where}: org {org!r} is not the code of any organisation row")
            code = org
        elif country is not None:
            code = country + sector
        else:
            raise DataFileError(f"{row.where}: a person needs a country or an org")
        start = _date(row, "start", last=False)
        end = _date(row, "end", last=True)
        if start and end and start > end:
            raise DataFileError(f"{row.where}: start {start} is after end {end}")
        name = row.get("name")
        entry = ActorEntry(name, code, country, sector, "person", start, end, row.get("role") or None)
        entries.append(([name, *row.split("aliases")], entry))

    roles: list[RoleEntry] = []
    for row in tables["roles"].values():
        pattern = row.get("pattern")
        if "*" in pattern and not (pattern.endswith(" *") and pattern.count("*") == 1):
            raise DataFileError(f"{row.where}: '*' is only allowed as a final word (\"ministry of *\")")
        roles.append(RoleEntry(pattern, _sector(row), row.get("notes") or None))
    return entries, countries, roles


def _sector(row: _Row) -> str:
    """Return the row's sector, rejecting codes outside :data:`SECTORS`."""
    sector = row.get("sector")
    if sector not in SECTORS:
        raise DataFileError(f"{row.where}: unknown sector {sector!r}; known: {' '.join(sorted(SECTORS))}")
    return sector


def _country(row: _Row, countries: Mapping[str, str]) -> str | None:
    """Return the row's country code (None if empty), requiring it to be in the countries table."""
    country = row.get("country")
    if not country:
        return None
    if country not in countries:
        raise DataFileError(f"{row.where}: country {country!r} is not in countries.tsv or a user countries file")
    return country


def _date(row: _Row, column: str, *, last: bool) -> date | None:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; partial dates widen to the first or last day."""
    value = row.get(column)
    if not value:
        return None
    match = _DATE.match(value)
    if match is None:
        raise DataFileError(f"{row.where}: {column} {value!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None  # the pattern always captures the year
    try:
        if month is None:
            return date(year, 12, 31) if last else date(year, 1, 1)
        if day is None:
            return date(year, month, calendar.monthrange(year, month)[1] if last else 1)
        return date(year, month, day)
    except ValueError as exc:
        raise DataFileError(f"{row.where}: {column} {value!r} is not a valid date ({exc})") from exc
