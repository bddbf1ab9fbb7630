from __future__ import annotations

import pytest

from spillover.geo.coherence import country_mass, is_stray
from spillover.geo.gazetteer import Candidate, Gazetteer
from spillover.geo.resolver import COUNTRY_DEPTH, ToponymResolver, _top
from spillover.geo.variants import name_variants, sub_phrases
from spillover.records import Place


def test_astara_follows_document_country(resolver: ToponymResolver) -> None:
    aze = resolver.resolve("Astara", context_countries=["AZE"])
    irn = resolver.resolve("Astara", context_countries=["IRN"])
    assert aze is not None and irn is not None
    assert aze.country == "AZE" and irn.country == "IRN"
    assert aze.precision == "city"
    assert 0.0 < aze.confidence <= 1.0  # type: ignore[operator]


def test_astara_follows_actors(resolver: ToponymResolver) -> None:
    place = resolver.resolve("Astara", actor_countries=["AZE"])
    assert place is not None and place.country == "AZE"


def test_paris_without_and_with_context(resolver: ToponymResolver, gazetteer: Gazetteer) -> None:
    alone = resolver.resolve("Paris")
    assert alone is not None and alone.country == "FRA"
    dallas = next(c for c in gazetteer.lookup("Dallas") if c.country == "USA")
    texan = resolver.resolve("Paris", context_countries=["USA"], context_places=[dallas])
    assert texan is not None and texan.country == "USA"
    assert texan.lat is not None and 32.0 < texan.lat < 34.5  # Paris, Texas


def test_georgia_country_or_state(resolver: ToponymResolver) -> None:
    caucasus = resolver.resolve("Georgia", context_countries=["ARM", "AZE", "RUS"])
    assert caucasus is not None and (caucasus.country, caucasus.precision) == ("GEO", "country")
    atlanta = Place(text="Atlanta", country="USA", lat=33.749, lon=-84.388, precision="city")
    state = resolver.resolve("Georgia", context_countries=["USA"], context_places=[atlanta])
    assert state is not None and (state.country, state.precision) == ("USA", "admin")


def test_decorated_names_resolve(resolver: ToponymResolver) -> None:
    for text, country in [
        ("Idlib province", "SYR"),
        ("northern Iraq", "IRQ"),
        ("Iran's", "IRN"),
        ("the Gaza Strip", "PSE"),
        ("University of Kentucky", "USA"),
    ]:
        place = resolver.resolve(text)
        assert place is not None and place.country == country, text


def test_span_is_kept(resolver: ToponymResolver) -> None:
    place = resolver.resolve("Baku", span=(10, 14))
    assert place is not None and place.span == (10, 14) and place.text == "Baku"


def test_unknown_name_is_none(resolver: ToponymResolver) -> None:
    assert resolver.resolve("Qwxzyplace") is None


def test_resolve_document_uses_each_other(resolver: ToponymResolver) -> None:
    places = resolver.resolve_document(["Astara", "Lankaran", "Azerbaijan"])
    assert [p.country if p else None for p in places] == ["AZE", "AZE", "AZE"]
    places = resolver.resolve_document(["Astara", "Rasht", "Gilan"])
    assert places[0] is not None and places[0].country == "IRN"


def test_unknown_street_falls_back_to_document_focus(resolver: ToponymResolver) -> None:
    places = resolver.resolve_document(["Baku", "Baku", "Qwxzy Avenue"])
    fallback = places[2]
    assert fallback is not None and fallback.name == "Baku"
    assert fallback.confidence == pytest.approx(0.1)
    assert resolver.resolve_document(["Baku", "Qwxzy Avenue"], focus_fallback=False)[1] is None


def test_town_inside_a_facility_name_gives_way_to_the_focus(resolver: ToponymResolver) -> None:
    toronto, _, stadium = resolver.resolve_document(["Toronto", "Toronto", "Rogers Centre"])
    assert toronto is not None and toronto.country == "CAN"
    assert stadium is not None and (stadium.name, stadium.country) == (toronto.name, "CAN")  # not Rogers, Arkansas
    alone = resolver.resolve_document(["Rogers Centre"])[0]
    assert alone is not None and alone.name == "Rogers"  # no focus: the embedded town is all there is


def test_bare_county_name(resolver: ToponymResolver) -> None:
    found, partial = resolver.candidates("Pointe Coupee")
    assert found and not partial and {c.feature for c in found} == {"admin2"}
    assert found[0].admin1 == "USA.LA"
    assert all(c.feature != "admin2" for c in resolver.candidates("Baku")[0])  # only when nothing else matches


def test_variants() -> None:
    assert "Idlib" in list(name_variants("Idlib province"))
    assert "Syria" in list(name_variants("northern Syria"))
    assert "Iran" in list(name_variants("Iran's"))
    assert "Kentucky" in sub_phrases("University of Kentucky")
    assert sub_phrases("Royal Street") == ["Royal"]
    assert sub_phrases("Baku") == []


def test_locale_cues_decide_a_lone_ambiguous_name(resolver: ToponymResolver) -> None:
    # a local report naming only its town: "Athens firefighters ... $20,000 damage"
    assert [p.country if p else None for p in resolver.resolve_document(["Athens", "Athens"])] == ["GRC", "GRC"]
    cued = resolver.resolve_document(["Athens", "Athens"], locale=["USA"])
    assert [p.country if p else None for p in cued] == ["USA", "USA"]
    paris = resolver.resolve_document(["Paris"], locale=["USA"])[0]
    assert paris is not None and paris.country == "USA"
    richmond = resolver.resolve_document(["Richmond"], locale=["GBR"])[0]
    assert richmond is not None and richmond.country == "GBR"


def test_locale_cue_of_a_region(resolver: ToponymResolver) -> None:
    alone = resolver.resolve_document(["Springfield"])[0]
    assert alone is not None and alone.lon is not None and alone.lon < -92.0  # Missouri, the largest
    cued = resolver.resolve_document(["Springfield"], locale=["USA.IL"])[0]
    assert cued is not None and cued.lat is not None and 39.5 < cued.lat < 40.0  # Springfield, Illinois


def test_context_names_inform_but_are_not_returned(resolver: ToponymResolver) -> None:
    alone = resolver.resolve_document(["Astara"])[0]
    assert alone is not None and alone.country == "IRN"
    places = resolver.resolve_document(["Astara"], context_names=["Azerbaijan"])
    assert len(places) == 1 and places[0] is not None and places[0].country == "AZE"
    # a name given both ways counts as a name; context names never become the focus
    assert len(resolver.resolve_document(["Baku"], context_names=["Baku", "Ganja"])) == 1
    assert resolver.resolve_document(["Qwxzy Avenue"], context_names=["Baku", "Baku"]) == [None]



def _town(name: str, country: str, population: int, geonameid: int | None = 1) -> Candidate:
    return Candidate(geonameid, name, country, 0.0, 0.0, "city", population, "city", None, "name")


def test_stray_village_reading() -> None:
    # "Piccadilly" read as a village in Western Australia, in a story about Kenya.
    ranked = {
        "piccadilly": [(1.0, _town("Piccadilly", "AUS", 2323))],
        "nairobi": [(3.0, _town("Nairobi", "KEN", 2_750_000))],
        "mombasa": [(2.5, _town("Mombasa", "KEN", 800_000))],
    }
    trust = dict.fromkeys(ranked, 1.0)
    mentions = dict.fromkeys(ranked, 1)

    def stray(key: str, actors: tuple[str, ...] = ()) -> bool:
        spread = {k: _top(r, COUNTRY_DEPTH) for k, r in ranked.items()}
        return is_stray(ranked[key][0][1], country_mass(spread, key, trust, mentions), actors)

    assert stray("piccadilly")
    assert not stray("piccadilly", ("AUS",))  # an actor's country supports it
    assert not stray("nairobi")  # a big city is never a stray
    ranked["perth"] = [(3.0, _town("Perth", "AUS", 2_000_000))]
    trust["perth"], mentions["perth"] = 1.0, 1
    assert not stray("piccadilly")  # another Australian place supports it
    ranked = {"piccadilly": [(1.0, _town("Piccadilly", "AUS", 2323, None))], "nairobi": ranked["nairobi"]}
    mentions["nairobi"] = 2
    assert not stray("piccadilly")  # our own tables are trusted


def test_a_town_whose_country_has_a_sliver_of_the_evidence_is_a_stray() -> None:
    # "Rockingham" read as a small US town among English counties whose US namesakes lend the US a little mass.
    ranked = {
        "rockingham": [(1.0, _town("Rockingham", "USA", 9000))],
        "kent": [(3.0, _town("Kent", "GBR", 1_500_000)), (0.2, _town("Kent", "USA", 30_000))],
        "norfolk": [(3.0, _town("Norfolk", "GBR", 900_000)), (0.2, _town("Norfolk", "USA", 240_000))],
        "leeds": [(3.0, _town("Leeds", "GBR", 450_000))],
    }
    trust = dict.fromkeys(ranked, 1.0)
    mentions = dict.fromkeys(ranked, 1)
    spread = {k: _top(r, COUNTRY_DEPTH) for k, r in ranked.items()}
    mass = country_mass(spread, "rockingham", trust, mentions)
    assert 0 < mass.get("USA", 0.0) < 0.1 * sum(mass.values())
    assert is_stray(ranked["rockingham"][0][1], mass, ())


def test_an_acronym_does_not_spell_a_town(resolver: ToponymResolver) -> None:
    oas = resolver.resolve("OAS")
    assert oas is None or oas.country != "PHL"  # the Organization of American States, not Oas in Albay
    nyc = resolver.resolve("NYC")
    assert nyc is not None and nyc.country == "USA"
