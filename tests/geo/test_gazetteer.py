from __future__ import annotations

from pathlib import Path

import pytest

import spillover
from spillover.errors import DataFileError
from spillover.geo import datafiles
from spillover.geo.common import normalise
from spillover.geo.gazetteer import Gazetteer, index_stamp


def countries(gaz: Gazetteer, name: str) -> list[str | None]:
    return [c.country for c in gaz.lookup(name)]


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Naxçıvan", "naxcivan"),
        ("NAXCIVAN", "naxcivan"),
        ("Baku–Tbilisi–Ceyhan", "baku tbilisi ceyhan"),
        ("Baku-Tbilisi-Ceyhan", "baku tbilisi ceyhan"),
        ("U.S.", "us"),
        ("W.Va.", "wva"),
        ("Sana’a", "sanaa"),
        ("St. Louis", "st louis"),
        ("Saint Louis", "st louis"),
        ("the Gaza Strip", "gaza strip"),
        ("Türkiye", "turkiye"),
    ],
)
def test_normalise_unifies_spellings(raw: str, key: str) -> None:
    assert normalise(raw) == key


def test_nakhchivan_in_both_spellings(gazetteer: Gazetteer) -> None:
    for name in ("Naxçıvan", "Nakhchivan", "naxcivan"):
        found = gazetteer.lookup(name)
        assert found, name
        assert found[0].country == "AZE"
        assert found[0].feature == "city"
    exclave = gazetteer.lookup("Nakhchivan Autonomous Republic")
    assert [c.feature for c in exclave] == ["admin1"]
    assert exclave[0].precision == "admin"


@pytest.mark.parametrize("name", ["Türkiye", "Turkiye", "Turkey", "Republic of Türkiye"])
def test_turkey_names(gazetteer: Gazetteer, name: str) -> None:
    top = gazetteer.lookup(name)[0]
    assert (top.country, top.feature, top.precision) == ("TUR", "country", "country")


def test_demonyms_are_marked(gazetteer: Gazetteer) -> None:
    top = gazetteer.lookup("Iranian")[0]
    assert (top.country, top.match) == ("IRN", "demonym")


def test_astara_exists_in_two_countries(gazetteer: Gazetteer) -> None:
    assert {"AZE", "IRN"} <= set(countries(gazetteer, "Astara"))


def test_pipeline_and_curated_features(gazetteer: Gazetteer) -> None:
    btc = gazetteer.lookup("Baku–Tbilisi–Ceyhan pipeline")
    assert btc and btc[0].feature == "pipeline"
    assert gazetteer.lookup("BTC pipeline")[0].name == btc[0].name
    hormuz = gazetteer.lookup("Strait of Hormuz")[0]
    assert (hormuz.feature, hormuz.precision, hormuz.country) == ("water", "region", None)
    airport = gazetteer.lookup("Nakhchivan International Airport")[0]
    assert (airport.feature, airport.precision, airport.country) == ("airport", "point", "AZE")
    assert gazetteer.lookup("Incirlik Air Base")[0].country == "TUR"
    assert gazetteer.lookup("Fordow")[0].feature == "site"


def test_us_states_counties_and_abbreviations(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("W.Va.")[0].name == "West Virginia"
    county = gazetteer.lookup("Rapides Parish")[0]
    assert (county.feature, county.admin1, county.precision) == ("admin2", "USA.LA", "admin")
    assert not county.approximate and abs(county.lat - 31.2) < 0.4  # its own point, not Louisiana's centre


def test_unknown_and_empty_names(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Qwxzyplace") == []
    assert gazetteer.lookup("  ") == []


def test_nearest_is_a_reverse_geocoder(gazetteer: Gazetteer) -> None:
    near = gazetteer.nearest(40.40, 49.87)
    assert near is not None and near.country == "AZE"
    assert gazetteer.nearest(0.0, -140.0) is None  # open Pacific


def test_index_is_reused_then_rebuilt_when_version_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = Gazetteer.open(tmp_path, city_population=15000)
    path, stamp = first.path, first.stats()["stamp"]
    first.close()
    mtime = path.stat().st_mtime_ns
    again = Gazetteer.open(tmp_path, city_population=15000)
    assert again.path == path and path.stat().st_mtime_ns == mtime
    again.close()

    monkeypatch.setattr(spillover, "__version__", "99.0.0")
    assert index_stamp(15000) != stamp
    rebuilt = Gazetteer.open(tmp_path, city_population=15000)
    assert rebuilt.stats()["stamp"] == index_stamp(15000) != stamp
    assert not path.exists()  # the stale index was removed
    assert rebuilt.lookup("Turkey")[0].country == "TUR"
    rebuilt.close()


def test_stamp_follows_data_files(monkeypatch: pytest.MonkeyPatch) -> None:
    before = index_stamp(15000)
    monkeypatch.setattr(datafiles, "data_hash", lambda directory=None: "edited")
    assert index_stamp(15000) != before


def test_shipped_tables_are_valid() -> None:
    base = datafiles.data_dir()
    extra = datafiles.read_extra_places(base / "extra_places.tsv")
    assert len(extra) >= 150
    assert {"crossing", "airport", "pipeline", "site", "base", "water", "region"} <= {r.feature for r in extra}
    assert len(datafiles.read_countries(base / "countries.tsv")) >= 240
    assert len(datafiles.read_admin1(base / "admin1.tsv")) >= 51
    counties = datafiles.read_counties(base / "us_counties.tsv")
    assert len(counties) >= 3000
    walker = next(r for r in counties if (r.state, r.name) == ("TX", "Walker County"))
    assert abs(walker.lat - 30.7) < 0.3 and abs(walker.lon + 95.6) < 0.3  # around Huntsville, TX


def test_malformed_table_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "extra.tsv"
    bad.write_text(
        "name\taliases\tfeature\tcountry\tlat\tlon\tadmin\tnotes\nSomewhere\t\tcastle\tAZE\t40\t45\t\t\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="unknown feature"):
        datafiles.read_extra_places(bad)
    bad.write_text(
        "name\taliases\tfeature\tcountry\tlat\tlon\tadmin\tnotes\nSomewhere\t\tsite\tAZE\t140\t45\t\t\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="out of range"):
        datafiles.read_extra_places(bad)


def test_unwritable_cache_dir_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(DataFileError, match="cannot write the gazetteer index"):
        Gazetteer.open(blocker / "cache", city_population=15000)
