"""Actor knowledge base: countries, capitals, demonyms, people, organisations and role nouns.

The facts live in versioned TSV files shipped in ``spillover/data/actors`` (see the README there), so that
they can be reviewed, diffed and extended by users without touching code. This module only reads them into
immutable entries and dict indexes; it does no matching in text (that is the job of the spaCy stage, which
gets every surface string from :meth:`ActorKB.surface_forms`).

Loading is explicit (:meth:`ActorKB.load`) and keeps no module-level state, so several knowledge bases with
different user files can coexist (e.g. in tests) and importing this module costs nothing.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Literal

from spillover.errors import DataFileError

__all__ = [
    "KINDS",
    "SECTORS",
    "ActorEntry",
    "ActorKB",
    "ActorKind",
    "RoleEntry",
    "normalise",
]

ActorKind = Literal["country", "capital", "demonym", "person", "organisation"]

#: Every kind of KB entry, in the order :meth:`ActorKB.lookup` ranks them.
KINDS: tuple[ActorKind, ...] = ("country", "demonym", "organisation", "person", "capital")

#: Sector codes a data file may use. Checked on load so that a typo ("GVO") fails loudly instead of producing
#: actor codes no downstream consumer recognises.
SECTORS: frozenset[str] = frozenset(
    {
        "GOV",  # executive: heads of state/government, ministers, ministries, diplomats
        "MIL",  # armed forces, defence ministries, state paramilitaries
        "SPY",  # intelligence and state security services
        "REB",  # rebels, insurgents, militias, non-state armed groups
        "POL",  # political parties, opposition, politicians out of government
        "COP",  # police and law enforcement
        "JUD",  # courts, judges, prosecutors
        "LEG",  # legislatures and legislators
        "BUS",  # businesses
        "MED",  # media and journalists
        "CVL",  # civilians, protesters, residents
        "EDU",  # students, teachers, universities
        "REL",  # clerics and religious bodies
        "REF",  # refugees, migrants, displaced people
        "LAB",  # workers and unions
        "HLH",  # doctors, hospitals, medics
        "CRM",  # criminals, smugglers, gangs
        "NGO",  # non-governmental organisations
        "IGO",  # intergovernmental organisations and their officials
    }
)

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
# Applied after case folding: apostrophe-like characters that news text and transliterations use
# interchangeably become "'", and letters that Unicode decomposition does not reduce to ASCII become the plain
# form readers treat them as.
_FOLD = str.maketrans(
    {
        **{c: "'" for c in "\u2019\u2018\u02bc\u02bb\u02bd\u02be\u02bf\u00b4`\u2032"},
        **{"ı": "i", "ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ł": "l", "ð": "d", "þ": "th"},
    }
)
# Dashes become spaces ("Amir-Abdollahian" = "Amir Abdollahian"); dots and commas go ("U.S." = "US").
_PUNCT = str.maketrans({"-": " ", "\u2010": " ", "\u2011": " ", "\u2013": " ", "\u2014": " ", ".": "", ",": ""})


def normalise(surface: str) -> str:
    """Reduce a surface string to the key used by every KB index.

    News text writes the same actor many ways ("Türkiye"/"Turkiye", "Erdoğan"/"Erdogan", "the IRGC",
    "Iran's", "U.S."); folding them here keeps the indexes plain dicts with O(1) lookups instead of
    fuzzy matching.

    Args:
        surface: Text as found in an article or a data file.

    Returns:
        The case-folded, diacritic-free form without a leading "the ", a trailing possessive, apostrophes,
        dots, commas or dashes, with single spaces.

    """
    text = surface.casefold().translate(_FOLD)
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = " ".join(text.split())
    if text.startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    elif text.endswith("s'"):
        text = text[:-1]
    return " ".join(text.replace("'", "").translate(_PUNCT).split())


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One thing a surface string can refer to.

    Attributes:
        name: Canonical name: the country's name for country and demonym entries, the capital for capital
            entries, otherwise the person's or organisation's name.
        code: Full actor code: ISO alpha-3 for countries and demonyms, country + sector (``IRNGOV``) for
            capitals, people and national bodies, or an IGO/transnational code (``NATO``, ``IMGISI``).
        country: ISO alpha-3 (``XKX`` for Kosovo), or None for IGOs and transnational groups.
        sector: Sector code (see :data:`SECTORS`), or None for a bare country or demonym.
        kind: What the entry is; capitals are kept apart because they are metonyms for governments.
        start: First day in office (people only); None when unknown or not applicable.
        end: Last day in office (people only); None while in office.
        role: Office held (people only), e.g. ``"foreign minister"``.

    """

    name: str
    code: str
    country: str | None
    sector: str | None
    kind: ActorKind
    start: date | None = None
    end: date | None = None
    role: str | None = None

    def active_on(self, on: date) -> bool:
        """Tell whether the entry is valid on a date (always true for entries without a term)."""
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@dataclass(frozen=True, slots=True)
class RoleEntry:
    """A role noun ("foreign minister", "rebels") and the sector it implies."""

    pattern: str
    sector: str
    notes: str | None = None


@dataclass(frozen=True, slots=True)
class _Row:
    """A parsed data row with its origin, kept until validation so errors can point at file:line."""

    where: str
    fields: Mapping[str, str]

    def get(self, column: str) -> str:
        return self.fields.get(column, "")

    def split(self, column: str) -> list[str]:
        return [part.strip() for part in self.get(column).split("|") if part.strip()]


class ActorKB:
    """Immutable, dict-indexed actor knowledge base.

    Build it with :meth:`load`; the constructor takes already-validated entries and is meant for tests or
    callers that assemble a KB programmatically.
    """

    def __init__(
        self,
        entries: Iterable[tuple[Sequence[str], ActorEntry]],
        countries: Mapping[str, str],
        roles: Iterable[RoleEntry] = (),
    ) -> None:
        """Index entries by every normalised surface form.

        Args:
            entries: Pairs of (surface strings as written, entry).
            countries: ISO alpha-3 code to country name.
            roles: Role-noun mappings.

        """
        self._index: dict[str, list[ActorEntry]] = {}
        self._surfaces: dict[tuple[str, str], None] = {}
        for surfaces, entry in entries:
            for surface in surfaces:
                key = normalise(surface)
                if not key:
                    continue
                bucket = self._index.setdefault(key, [])
                if entry not in bucket:
                    bucket.append(entry)
                self._surfaces[(surface, entry.kind)] = None
        self._countries: dict[str, str] = dict(countries)
        self._roles: dict[str, RoleEntry] = {}
        self._role_prefixes: list[tuple[str, RoleEntry]] = []
        for role in roles:
            key = normalise(role.pattern.removesuffix("*"))
            if role.pattern.endswith(" *"):
                self._role_prefixes.append((key + " ", role))
            else:
                self._roles[key] = role
        # Longest prefix first so "ministry of defence *" would beat "ministry of *".
        self._role_prefixes.sort(key=lambda item: -len(item[0]))

    @classmethod
    def load(cls, extra_paths: Sequence[Path] = ()) -> ActorKB:
        """Read the shipped data files, then the user's, and build the KB.

        User files have the same columns as a shipped file; their header row says which table they extend.
        A user row with the same key as an earlier row replaces it (country: ``iso3``; person: name, country,
        org, role and start; organisation: name; role: pattern), so a user can correct a fact without
        copying whole files. A directory stands for every ``*.tsv`` in it, in name order.

        Args:
            extra_paths: User TSV files or directories, applied in order after the shipped files.

        Returns:
            The loaded knowledge base.

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
        return _build(cls, tables)

    def lookup(self, surface: str, on: date | None = None) -> list[ActorEntry]:
        """Find every entry a surface string may refer to.

        Keys are compared after :func:`normalise`, so case, diacritics, a leading "the", a possessive and
        curly apostrophes do not matter. People are filtered by term because a name only codes as an office
        holder while in office: with ``on`` only those in office that day are kept; without it the current
        holders are preferred, falling back to past terms (latest first) when nobody current matches.

        Args:
            surface: Text such as ``"Erdogan"``, ``"the IRGC"`` or ``"Tehran's"``.
            on: Date of the event or document, if known.

        Returns:
            Matching entries, countries first, then demonyms, organisations, people (latest term first) and
            capitals; empty when nothing matches.

        """
        found = self._index.get(normalise(surface))
        if not found:
            return []
        people = [e for e in found if e.kind == "person"]
        others = [e for e in found if e.kind != "person"]
        if on is not None:
            people = [e for e in people if e.active_on(on)]
        elif people:
            current = [e for e in people if e.end is None]
            people = current or people
        people.sort(key=lambda e: (e.start or date.min, e.end or date.max), reverse=True)
        others.sort(key=lambda e: KINDS.index(e.kind))
        result = [e for e in others if e.kind != "capital"] + people
        result += [e for e in others if e.kind == "capital"]
        return result

    def surface_forms(self) -> Iterator[tuple[str, str]]:
        """Yield every (surface string, kind) pair, as written in the data files.

        Meant for building a spaCy ``PhraseMatcher``. Strings keep their original case because short
        all-capital acronyms ("US", "WHO", "IS"-like forms) must be matched case-sensitively to avoid
        pronouns and common words; longer names can be matched on ``LOWER``.

        Yields:
            Pairs such as ``("Azeri", "demonym")`` or ``("IRGC", "organisation")``, each once.

        """
        yield from self._surfaces

    def role_sector(self, noun: str) -> str | None:
        """Map a role noun or noun phrase to a sector.

        Tries the whole phrase, then drops leading words one at a time ("Iran's senior army commander" ->
        "army commander"), checking exact patterns before ``"... *"`` prefix patterns at each step, so the
        most specific listed phrase wins.

        Args:
            noun: A role noun such as ``"foreign minister"``, ``"rebels"`` or ``"ministry of health"``.

        Returns:
            The sector code, or None when no pattern matches.

        """
        words = normalise(noun).split()
        for i in range(len(words)):
            phrase = " ".join(words[i:])
            role = self._roles.get(phrase)
            if role is not None:
                return role.sector
            for prefix, prefixed in self._role_prefixes:
                if phrase.startswith(prefix):
                    return prefixed.sector
        return None

    def country_name(self, iso3: str) -> str:
        """Return the common English name of a country.

        The KB lists states only; other codes the geo stage may produce (territories such as ``GRL``) fall
        back to pycountry, imported lazily because most calls never need it.

        Args:
            iso3: ISO alpha-3 code (case-insensitive), e.g. ``"AZE"``.

        Returns:
            The name from ``countries.tsv`` (e.g. ``"Azerbaijan"``), else pycountry's common or short name.

        Raises:
            KeyError: Neither the KB nor ISO 3166 knows the code.

        """
        code = iso3.upper()
        name = self._countries.get(code)
        if name is not None:
            return name
        import pycountry

        country = pycountry.countries.get(alpha_3=code)
        if country is None:
            raise KeyError(iso3)
        return str(getattr(country, "common_name", None) or country.name)

    def country_codes(self) -> frozenset[str]:
        """Return every country code in the KB (so callers can validate codes without pycountry)."""
        return frozenset(self._countries)

    def __len__(self) -> int:
        """Return the number of distinct normalised surface keys."""
        return len(self._index)


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


def _build(cls: type[ActorKB], tables: dict[str, dict[object, _Row]]) -> ActorKB:
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
    return cls(entries, countries, roles)


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
