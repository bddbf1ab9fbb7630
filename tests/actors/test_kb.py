"""Tests of the actor knowledge base: shipped data coverage, lookups, user extension and error reporting."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pycountry
import pytest

from spillover.actors.entries import SECTORS, ActorEntry, normalise
from spillover.actors.kb import ActorKB
from spillover.errors import DataFileError

#: The 193 UN member states (ISO 3166-1 alpha-3), written out so the test does not trust the data it checks.
_UN_MEMBER_CODES = """
    AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR BFA
    BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU EGY SLV
    GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ
    IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL
    MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER
    PHL POL PRT QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD
    ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN
    VNM YEM ZMB ZWE
"""
UN_MEMBERS = frozenset(_UN_MEMBER_CODES.split())
#: States in the KB that are not UN members; XKX (Kosovo) is the only code outside ISO 3166.
NON_MEMBERS = frozenset({"PSE", "XKX", "TWN", "VAT", "ESH"})
NON_ISO = frozenset({"XKX"})

PEOPLE_HEADER = "name\taliases\tcountry\tsector\trole\tstart\tend\torg\n"


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


def codes(entries: list[ActorEntry]) -> list[str]:
    return [e.code for e in entries]


# -- shipped data ----------------------------------------------------------------------------------------


def test_un_member_list_is_complete() -> None:
    assert len(UN_MEMBERS) == 193


def test_all_un_members_and_listed_non_members_present(kb: ActorKB) -> None:
    assert kb.country_codes() == UN_MEMBERS | NON_MEMBERS


def test_country_codes_are_iso_except_documented(kb: ActorKB) -> None:
    iso = {c.alpha_3 for c in pycountry.countries}
    assert {code for code in kb.country_codes() if code not in iso} == NON_ISO


def test_every_country_has_a_name_and_capital(kb: ActorKB) -> None:
    capitals: set[str] = set()
    for surface, kind in kb.surface_forms():
        if kind == "capital":
            capitals.update(e.country for e in kb.lookup(surface) if e.kind == "capital" and e.country)
    assert capitals == kb.country_codes()
    for code in kb.country_codes():
        assert code in codes(kb.lookup(kb.country_name(code))), code


def test_surface_forms_cover_every_kind(kb: ActorKB) -> None:
    forms = set(kb.surface_forms())
    assert ("Azeri", "demonym") in forms
    assert ("Tehran", "capital") in forms
    assert ("IRGC", "organisation") in forms
    assert ("Ilham Aliyev", "person") in forms
    assert ("Türkiye", "country") in forms
    assert {kind for _, kind in forms} == {"country", "capital", "demonym", "person", "organisation"}
    assert len(forms) == len(list(kb.surface_forms())), "each pair is yielded once"


# -- lookups ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("surface", "code"),
    [("Iranian", "IRN"), ("Iranians", "IRN"), ("Azeri", "AZE"), ("Azerbaijani", "AZE"), ("Turkish", "TUR")],
)
def test_demonyms(kb: ActorKB, surface: str, code: str) -> None:
    (entry,) = kb.lookup(surface)
    assert (entry.code, entry.country, entry.kind, entry.sector) == (code, code, "demonym", None)


@pytest.mark.parametrize(("surface", "country"), [("Tehran", "IRN"), ("Baku", "AZE"), ("Kiev", "UKR")])
def test_capital_metonym_codes_the_government(kb: ActorKB, surface: str, country: str) -> None:
    (entry,) = kb.lookup(surface)
    assert entry.kind == "capital"
    assert entry.country == country
    assert entry.code == country + "GOV"


@pytest.mark.parametrize(
    "surface", ["Türkiye", "Turkiye", "turkey", "Republic of Turkey", "the Republic of Türkiye", "Türkiye’s"]
)
def test_country_names_are_normalised(kb: ActorKB, surface: str) -> None:
    assert codes(kb.lookup(surface)) == ["TUR"]


def test_short_forms_and_possessives(kb: ActorKB) -> None:
    assert codes(kb.lookup("the U.S.")) == ["USA"]
    assert codes(kb.lookup("Iran's")) == ["IRN"]
    assert codes(kb.lookup("Houthis’")) == ["YEMREB"]
    assert codes(kb.lookup("Sana’a")) == ["YEMGOV"]


def test_diacritics_insensitive_person(kb: ActorKB) -> None:
    for surface in ("Erdogan", "Erdoğan", "ERDOGAN", "Recep Tayyip Erdogan"):
        (entry,) = kb.lookup(surface, on=date(2025, 6, 1))
        assert entry.name == "Recep Tayyip Erdoğan"
        assert entry.code == "TURGOV"


def test_ilham_aliyev(kb: ActorKB) -> None:
    (entry,) = kb.lookup("Ilham Aliyev")
    assert (entry.code, entry.country, entry.sector, entry.kind) == ("AZEGOV", "AZE", "GOV", "person")
    assert kb.lookup("Aliyev", on=date(2026, 3, 5)) == [entry]


def test_organisations(kb: ActorKB) -> None:
    (irgc,) = kb.lookup("IRGC")
    assert (irgc.code, irgc.country, irgc.sector) == ("IRNMIL", "IRN", "MIL")
    assert kb.lookup("Islamic Revolutionary Guard Corps") == [irgc]
    assert kb.lookup("the Revolutionary Guards") == [irgc]
    (nato,) = kb.lookup("NATO")
    assert (nato.code, nato.country, nato.sector) == ("NATO", None, "IGO")
    assert codes(kb.lookup("Mossad")) == ["ISRSPY"]
    assert codes(kb.lookup("DTX")) == ["AZESPY"]
    assert codes(kb.lookup("Ansar Allah")) == ["YEMREB"]
    assert codes(kb.lookup("Kremlin")) == ["RUSGOV"]
    assert codes(kb.lookup("Pentagon")) == ["USAMIL"]
    assert codes(kb.lookup("ISIS")) == ["IMGISI"]


def test_unknown_surface(kb: ActorKB) -> None:
    assert kb.lookup("Ruritania") == []
    assert kb.lookup("") == []


# -- people by date --------------------------------------------------------------------------------------


def test_iran_president_by_date(kb: ActorKB) -> None:
    assert [e.name for e in kb.lookup("Raisi", on=date(2023, 6, 1))] == ["Ebrahim Raisi"]
    assert kb.lookup("Raisi", on=date(2025, 6, 1)) == []
    assert kb.lookup("Pezeshkian", on=date(2023, 6, 1)) == []
    (pezeshkian,) = kb.lookup("Pezeshkian", on=date(2025, 6, 1))
    assert (pezeshkian.code, pezeshkian.role) == ("IRNGOV", "president")
    assert pezeshkian.start == date(2024, 7, 28)
    assert pezeshkian.end is None


def test_same_person_two_terms(kb: ActorKB) -> None:
    (first,) = kb.lookup("Trump", on=date(2019, 1, 1))
    (second,) = kb.lookup("Trump", on=date(2025, 6, 1))
    assert first.end == date(2021, 1, 20)
    assert second.start == date(2025, 1, 20)
    assert kb.lookup("Trump", on=date(2023, 1, 1)) == []
    assert kb.lookup("Trump") == [second], "without a date the current holder is preferred"


def test_past_holder_without_date_falls_back(kb: ActorKB) -> None:
    (raisi,) = kb.lookup("Raisi")
    assert raisi.end == date(2024, 5, 19)


def test_office_change_changes_sector(kb: ActorKB) -> None:
    (spy,) = kb.lookup("Hakan Fidan", on=date(2020, 1, 1))
    (diplomat,) = kb.lookup("Hakan Fidan", on=date(2024, 1, 1))
    assert (spy.code, diplomat.code) == ("TURSPY", "TURGOV")


def test_igo_official(kb: ActorKB) -> None:
    (rutte,) = kb.lookup("Mark Rutte", on=date(2025, 1, 1))
    assert (rutte.code, rutte.country, rutte.sector) == ("NATO", None, "IGO")


# -- roles -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("noun", "sector"),
    [
        ("president", "GOV"),
        ("Foreign Minister", "GOV"),
        ("defence minister", "MIL"),
        ("ministry of health", "GOV"),
        ("ministry of defence", "MIL"),
        ("army", "MIL"),
        ("air defences", "MIL"),
        ("Iran's senior army commander", "MIL"),
        ("army spokesman", "MIL"),
        ("spokesman", "GOV"),
        ("intelligence", "SPY"),
        ("police", "COP"),
        ("parliament", "LEG"),
        ("court", "JUD"),
        ("rebels", "REB"),
        ("militants", "REB"),
        ("protesters", "CVL"),
        ("students", "EDU"),
        ("journalists", "MED"),
        ("embassy", "GOV"),
    ],
)
def test_role_sector(kb: ActorKB, noun: str, sector: str) -> None:
    assert kb.role_sector(noun) == sector


def test_role_sector_unknown(kb: ActorKB) -> None:
    assert kb.role_sector("banana") is None


def test_country_name(kb: ActorKB) -> None:
    assert kb.country_name("AZE") == "Azerbaijan"
    assert kb.country_name("irn") == "Iran"
    assert kb.country_name("XKX") == "Kosovo"
    assert kb.country_name("GRL") == "Greenland"  # not a state in the KB; ISO name
    with pytest.raises(KeyError):
        kb.country_name("ZZZ")


# -- user files ------------------------------------------------------------------------------------------


def test_user_file_overrides_and_extends(tmp_path: Path) -> None:
    people = tmp_path / "people.tsv"
    people.write_text(
        "# my corrections\n"
        + PEOPLE_HEADER
        # same key as the shipped row (name, country, org, role, start): closes the term
        + "Masoud Pezeshkian\tPezeshkian\tIRN\tGOV\tpresident\t2024-07-28\t2026-01-31\t\n"
        # a new person, with trailing empty columns stripped by an editor
        + "Jane Roe\tRoe\tAZE\tSPY\tspy chief\t2026-02\n",
        encoding="utf-8",
    )
    orgs = tmp_path / "orgs.tsv"
    orgs.write_text(
        "name\taliases\tcode\tcountry\tsector\n"
        "Islamic Revolutionary Guard Corps\tIRGC|Sepah\t\tIRN\tSPY\n"
        "Ruritanian Liberation Front\tRLF\tIMGRLF\t\tREB\n",
        encoding="utf-8",
    )
    kb = ActorKB.load([people, orgs])
    assert kb.lookup("Pezeshkian", on=date(2026, 3, 1)) == []
    (closed,) = kb.lookup("Pezeshkian", on=date(2025, 3, 1))
    assert closed.end == date(2026, 1, 31)
    (roe,) = kb.lookup("Roe", on=date(2026, 2, 1))
    assert (roe.code, roe.start, roe.end) == ("AZESPY", date(2026, 2, 1), None)
    assert codes(kb.lookup("IRGC")) == ["IRNSPY"], "the user row replaces the shipped one"
    assert kb.lookup("Revolutionary Guards") == [], "its shipped aliases go with it"
    assert codes(kb.lookup("RLF")) == ["IMGRLF"]
    assert codes(kb.lookup("Aliyev")) == ["AZEGOV"], "everything else is still shipped data"
    assert codes(ActorKB.load().lookup("IRGC")) == ["IRNMIL"], "no state leaks between loads"


def test_user_directory_and_countries(tmp_path: Path) -> None:
    (tmp_path / "a.tsv").write_text(
        "iso3\tname\taliases\tdemonyms\tcapital\tcapital_aliases\nRUR\tRuritania\t\tRuritanian\tStrelsau\t\n",
        encoding="utf-8",
    )
    (tmp_path / "b.tsv").write_text("pattern\tsector\tnotes\nhussars\tMIL\t\n", encoding="utf-8")
    kb = ActorKB.load([tmp_path])
    assert codes(kb.lookup("Ruritanian")) == ["RUR"]
    assert codes(kb.lookup("Strelsau")) == ["RURGOV"]
    assert kb.country_name("RUR") == "Ruritania"
    assert kb.role_sector("Ruritanian hussars") == "MIL"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("Jane Roe\t\tAZE\tXXX\tspy\t2020-01-01\t\t\n", "unknown sector 'XXX'"),
        ("Jane Roe\t\tAZE\tSPY\tspy\t2020-13-01\t\t\n", "start '2020-13-01'"),
        ("Jane Roe\t\tAZE\tSPY\tspy\tyesterday\t\t\n", "start 'yesterday'"),
        ("Jane Roe\t\tAZE\tSPY\tspy\t2021-01-01\t2020-01-01\t\n", "is after end"),
        ("Jane Roe\t\tQQQ\tSPY\tspy\t2020-01-01\t\t\n", "country 'QQQ'"),
        ("Jane Roe\t\t\tSPY\tspy\t2020-01-01\t\t\n", "needs a country or an org"),
        ("Jane Roe\t\t\tIGO\tchief\t2020-01-01\t\tNOPE\n", "org 'NOPE'"),
        ("\t\tAZE\tSPY\tspy\t2020-01-01\t\t\n", "empty required column 'name'"),
        ("Jane Roe\t\tAZE\tSPY\tspy\t2020-01-01\t\t\textra\n", "9 columns, expected 8"),
        ("Jane Doe\tDoe\tAZE\tSPY\tspy\t2020-01-01\t\t\n", "duplicate of line 3"),
    ],
)
def test_malformed_row_names_file_and_line(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("# comment\n" + PEOPLE_HEADER + "Jane Doe\t\tAZE\tSPY\tspy\t2020-01-01\t\t\n" + body)
    with pytest.raises(DataFileError) as caught:
        ActorKB.load([path])
    text = str(caught.value)
    assert text.startswith(f"{path}:4: "), text
    assert message in text


def test_malformed_organisation_code(tmp_path: Path) -> None:
    path = tmp_path / "orgs.tsv"
    path.write_text("name\taliases\tcode\tcountry\tsector\nSome Unit\t\tRUSGOV\tRUS\tMIL\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=rf"^{path}:2: code 'RUSGOV' must be country \+ sector"):
        ActorKB.load([path])


def test_unknown_header_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "odd.tsv"
    path.write_text("who\twhat\nx\ty\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=rf"^{path}:1: unknown header"):
        ActorKB.load([path])
    with pytest.raises(DataFileError, match="cannot read"):
        ActorKB.load([tmp_path / "missing.tsv"])


# -- helpers ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("The IRGC", "irgc"),
        ("Erdoğan’s", "erdogan"),
        ("U.S.", "us"),
        ("Amir-Abdollahian", "amir abdollahian"),
        ("  İbrahim   Kalın ", "ibrahim kalin"),
        ("Houthis'", "houthis"),
    ],
)
def test_normalise(raw: str, key: str) -> None:
    assert normalise(raw) == key


def test_shipped_sectors_are_known(kb: ActorKB) -> None:
    for surface, _kind in kb.surface_forms():
        for entry in kb.lookup(surface):
            assert entry.sector is None or entry.sector in SECTORS
