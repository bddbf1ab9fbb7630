from __future__ import annotations

from spillover.geo.coherence import coherence_bonus
from spillover.geo.gazetteer import Candidate
from spillover.geo.resolver import ToponymResolver


def _town(name: str, lat: float, lon: float, admin1: str, population: int = 10_000) -> Candidate:
    return Candidate(None, name, "USA", lat, lon, "city", population, "city", admin1)


def test_close_readings_support_each_other() -> None:
    london_ia = _town("New London", 40.93, -91.40, "USA.IA")
    london_ct = _town("New London", 41.36, -72.10, "USA.CT")
    pleasant_ia = _town("Mount Pleasant", 40.96, -91.56, "USA.IA")
    pleasant_sc = _town("Mount Pleasant", 32.79, -79.86, "USA.SC")
    ranked = {
        "new london": [(1.2, london_ct), (1.0, london_ia)],
        "mt pleasant": [(1.5, pleasant_sc), (1.0, pleasant_ia)],
    }
    bonus = coherence_bonus(ranked, {"new london": 1.0, "mt pleasant": 1.0}, 0.4, 50.0)
    assert bonus["new london"][london_ia] > 0.15  # Mount Pleasant, Iowa is 14 km away
    assert bonus["new london"].get(london_ct, 0.0) < 0.01  # nothing of the other name is near Connecticut
    assert bonus["mt pleasant"][pleasant_ia] > bonus["mt pleasant"].get(pleasant_sc, 0.0)


def test_a_state_is_supported_by_the_towns_inside_it() -> None:
    state = Candidate(None, "Iowa", "USA", 42.0, -93.5, "admin1", 3_000_000, "admin", "USA.IA")
    town = _town("Winfield", 41.12, -91.44, "USA.IA")
    bonus = coherence_bonus({"iowa": [(2.0, state)], "winfield": [(1.0, town)]}, {}, 0.4, 50.0)
    assert bonus["iowa"][state] == 0.4  # the state's point is far, but the town is inside it


def test_county_and_town_meet(resolver: ToponymResolver) -> None:
    huntsville, county = resolver.resolve_document(["Huntsville", "Walker County"])
    assert huntsville is not None and county is not None
    assert huntsville.country == "USA" and huntsville.lat is not None and 30.0 < huntsville.lat < 31.5  # Texas
    assert county.lat is not None and 30.0 < county.lat < 31.5
