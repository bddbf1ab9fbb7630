"""Coding of sentences we wrote: each case names the linguistic pattern it checks."""

from __future__ import annotations

from datetime import date

import pytest

from spillover.coding.sides import acts_on_itself
from spillover.records import Actor, Event

pytestmark = pytest.mark.slow


def _events(pipeline, text: str, when: date | None = date(2026, 3, 7)) -> list[Event]:  # type: ignore[no-untyped-def]
    # every candidate: these tests are about the rules, not the confidence threshold
    return pipeline.extract_texts([(text, when)], min_confidence=0.0)[0]


def _find(events: list[Event], etype: str, source: str | None = None, target: str | None = None) -> Event:
    for ev in events:
        if ev.event_type != etype:
            continue
        if source is not None and (ev.source is None or source not in (ev.source.code, ev.source.country)):
            continue
        if target is not None and (ev.target is None or target not in (ev.target.code, ev.target.country)):
            continue
        return ev
    listing = [(e.event_type, e.source and e.source.code, e.target and e.target.code) for e in events]
    raise AssertionError(f"no {etype} {source}->{target} in {listing}")


def test_active_verb_with_target_preposition(pipeline) -> None:  # type: ignore[no-untyped-def]
    ev = _find(_events(pipeline, "Iran fired ballistic missiles at Israel on Sunday."), "ASSAULT", "IRN", "ISR")
    assert ev.status == "occurred"
    assert ev.quad_class == 4 and ev.intensity is not None and ev.intensity < 0
    assert ev.evidence.trigger == "fired"
    assert ev.date == "2026-03-01" and ev.date_precision == "day"


def test_passive_with_agent_is_an_attempted_attack(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "An Iranian ballistic missile was intercepted by NATO air defences over Hatay.")
    ev = _find(events, "ASSAULT", "IRN")
    assert ev.status == "attempted"


def test_coordinated_modifiers_give_two_sources(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Israeli and American warplanes struck military sites near Tehran.")
    _find(events, "ASSAULT", "ISR")
    _find(events, "ASSAULT", "USA")


def test_noun_trigger_with_possessor_and_target(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Türkiye criticised Israel's strikes on Iran.")
    _find(events, "ASSAULT", "ISR", "IRN")
    _find(events, "ACCUSE", "TUR", "ISR")


def test_foiled_plot_is_planned_not_occurred(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Azerbaijan's State Security Service said it had foiled a plot to blow up the pipeline."
    events = _events(pipeline, text)
    assaults = [e for e in events if e.event_type == "ASSAULT"]
    assert assaults and all(e.status == "planned" for e in assaults)


def test_denial_scopes_over_embedded_attack(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Tehran denied that its forces had attacked Azerbaijan.")
    ev = _find(events, "ASSAULT", "IRN", "AZE")
    assert ev.status == "denied"


def test_threat_in_subordinate_clause(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Ankara warned Tehran that it would respond to any new violation of its airspace.")
    _find(events, "THREATEN", "TUR", "IRN")


def test_pronoun_coreference_across_sentences(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Ilham Aliyev visited the Iranian embassy in Baku. He demanded an apology from Iran."
    ev = _find(_events(pipeline, text), "REQUEST", "AZE", "IRN")
    assert ev.source is not None and ev.source.sector == "GOV"


def test_negation(pipeline) -> None:  # type: ignore[no-untyped-def]
    ev = _find(_events(pipeline, "Georgia did not condemn Russia."), "ACCUSE", "GEO", "RUS")
    assert ev.status == "negated"


def test_hedge_lowers_confidence(pipeline) -> None:  # type: ignore[no-untyped-def]
    plain = _find(_events(pipeline, "Russian troops shelled Kharkiv."), "ASSAULT", "RUS")
    hedged = _find(_events(pipeline, "Russian troops reportedly shelled Kharkiv."), "ASSAULT", "RUS")
    assert hedged.status == "alleged"
    assert hedged.confidence < plain.confidence


def test_unnamed_group_keeps_its_role(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Protesters clashed with police in Nairobi.")
    ev = next(e for e in events if e.event_type == "PROTEST" and e.evidence.trigger == "clashed")
    assert ev.source is not None and ev.source.sector is not None and ev.source.code is not None
    assert ev.source.code == f"KEN{ev.source.sector}"  # the role stays; the country is where it happened
    unplaced = next(e for e in _events(pipeline, "Protesters clashed with police.") if e.event_type == "PROTEST"
                    and e.evidence.trigger == "clashed")
    assert unplaced.source is not None and unplaced.source.code is not None
    assert unplaced.source.code.startswith("---")


def test_place_of_deed_and_place_based_target(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "BAKU, March 5 — A drone launched from Iranian territory struck the terminal of Nakhchivan airport."
    ev = _find(_events(pipeline, text), "ASSAULT", "IRN", "AZE")
    assert ev.location is not None and ev.location.country == "AZE"
    assert ev.location.lat is not None and abs(ev.location.lat - 39.2) < 0.3


def test_intercepted_weapon_targets_its_destination(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "NATO air defences intercepted an Iranian missile heading towards Türkiye."
    ev = _find(_events(pipeline, text), "ASSAULT", "IRN", "TUR")
    assert ev.status == "attempted"


def test_recalled_own_ambassador_targets_the_host_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "On Wednesday, Azerbaijan recalled its ambassador from Tehran for consultations.")
    ev = _find(events, "SANCTION", "AZE")
    assert ev.target is not None and ev.target.country == "IRN"


def test_unnamed_groups_take_the_country_where_it_happened(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Riot police arrested 143 protesters in Nairobi on Tuesday.")
    ev = next(e for e in events if e.event_type == "COERCE")
    assert ev.source is not None and ev.source.country == "KEN" and ev.source.code == "KENCOP"
    assert ev.source.text.lower().endswith("police")
    assert "+country" in ev.evidence.coder


def test_ordering_an_expulsion_is_the_expulsion(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Belarus ordered a Lithuanian diplomat to leave the country within 72 hours.")
    ev = _find(events, "SANCTION", "BLR", "LTU")
    assert ev.status == "occurred"


def test_group_linked_to_a_known_actor_is_the_source(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Police said they had foiled plans by a cell linked to Hezbollah to bomb the port."
    ev = _find(_events(pipeline, text), "ASSAULT")
    assert ev.source is not None and ev.source.country == "LBN"
    assert ev.status == "planned"


def test_city_in_a_route_name_is_a_place_not_a_government(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Saboteurs damaged a section of the Baku–Tbilisi–Ceyhan oil pipeline near Ganja."
    events = _events(pipeline, text)
    assert all(e.target is None or e.target.code != "AZEGOV" for e in events), events


def test_capital_that_places_the_target_is_not_the_target(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Kenyan police fired tear gas at thousands of protesters in central Nairobi on Tuesday."
    ev = _find(_events(pipeline, text), "ASSAULT", "KEN")
    assert ev.target is not None and ev.target.code != "KENGOV" and ev.target.sector == "CVL"


def test_the_country_is_the_latest_other_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Iran fired missiles at Israel on Sunday, a day after Israeli warplanes struck sites across the country."
    ev = _find(_events(pipeline, text), "ASSAULT", "ISR")
    assert ev.target is not None and ev.target.code == "IRN" and ev.target.text == "the country"


def test_protesters_acting_are_not_a_protest(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Georgian demonstrators received weapons from the Georgian government.")
    assert not [e for e in events if e.event_type == "PROTEST"], events
    alone = _events(pipeline, "Thousands of demonstrators gathered outside parliament in Tbilisi.")
    _find(alone, "PROTEST")


def test_offer_to_mediate_is_one_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Türkiye offered on Monday to mediate between Washington and Tehran.")
    assert [e.event_type for e in events if e.evidence.trigger in ("offered", "mediate")] == ["AGREE"] * len(
        [e for e in events if e.evidence.trigger in ("offered", "mediate")]
    )
    _find(events, "AGREE", "TUR")


def test_taking_in_refugees_is_granting_asylum(pipeline) -> None:  # type: ignore[no-untyped-def]
    ev = _find(_events(pipeline, "Canada accepted 2,000 Afghan refugees last month."), "AID", "CAN")
    assert ev.cameo == "075" and ev.quad_class == 2


def test_cutting_aid_is_a_sanction_not_aid(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Britain reduced humanitarian aid to Yemen by a third.")
    ev = _find(events, "SANCTION", "GBR", "YEM")
    assert ev.cameo == "162"
    assert all(e.event_type != "AID" for e in events)


def test_event_in_a_relative_clause_is_background_to_the_main_one(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Chad's government has freed a French journalist whom police detained last month.")
    release = _find(events, "RETREAT", "TCD")
    arrest = _find(events, "COERCE")
    assert arrest.confidence < 0.8 * release.confidence  # background, not merely a little weaker


def test_passive_relative_clause_makes_its_noun_the_target(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Iran freed two Kuwaiti fishermen who had been arrested in Iranian waters.")
    arrest = _find(events, "COERCE", target="KWT")
    assert arrest.source is None or arrest.source.country != "KWT"


def test_concern_aimed_at_no_one_is_a_pessimistic_remark(pipeline) -> None:  # type: ignore[no-untyped-def]
    worry = _events(pipeline, "Saudi Arabia's ambassador expressed concern about the fate of a missing journalist.")
    remark = next(e for e in worry if e.evidence.trigger == "expressed")
    assert (remark.cameo, remark.quad_class) == ("012", 1)
    aimed = _events(pipeline, "Japan expressed concern over China's conduct at the shoal.")
    reproach = _find(aimed, "ACCUSE", "JPN", "CHN")
    assert reproach.cameo == "110" and reproach.quad_class == 3


def test_agreeing_with_a_view_is_accord_not_an_agreement(pipeline) -> None:  # type: ignore[no-untyped-def]
    view = _events(pipeline, "Kansas officials said they agree with the NCAA that the coach made payments.")
    assert any(e.cameo == "019" and e.event_type == "SUPPORT" for e in view), view
    deal = _events(pipeline, "Hungary and Romania agreed that their countries should cooperate on refugees.")
    assert any(e.event_type == "AGREE" and e.cameo == "030" for e in deal), deal


def test_fighting_an_epidemic_is_no_assault(pipeline) -> None:  # type: ignore[no-untyped-def]
    # a weight-0 row ("fight epidemic") silences the general trigger in that context only
    aid = _events(pipeline, "Germany donated medical supplies to Liberia to fight the Ebola epidemic.")
    assert all(e.event_type != "ASSAULT" for e in aid), aid
    war = _events(pipeline, "Russian troops fought Ukrainian forces near Bakhmut.")
    _find(war, "ASSAULT", "RUS", "UKR")


def test_a_call_for_sanctions_is_a_demand(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Greece called for sanctions against Turkey on Monday.")
    demand = _find(events, "REQUEST", "GRC", "TUR")
    assert (demand.cameo, demand.quad_class) == ("100", 3)
    assert all(e.event_type != "SANCTION" for e in events), events


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Turkey's foreign minister voiced hope that Greece will help Turkey to improve relations.", "013"),
        ("The Iraqi minister said he is pessimistic about the possibility of a deal with Kuwait.", "012"),
        ("The agency said it is skeptical of the government's ability to meet the targets.", "012"),
    ],
)
def test_a_deed_only_hoped_for_or_doubted_is_a_remark(pipeline, text: str, cameo: str) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, text)
    assert events and all(e.quad_class == 1 for e in events), events
    assert any(e.cameo == cameo and e.status == "planned" for e in events), events


def test_concern_about_a_situation_is_a_remark_even_when_actors_are_named_deeper(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The UN envoy expressed concern about the escalation of hostilities between Israel and Hamas."
    remark = next(e for e in _events(pipeline, text) if e.evidence.trigger == "expressed")
    assert (remark.cameo, remark.quad_class) == ("012", 1)
    own = _events(pipeline, "Germany voiced concern about Russia and its conduct in the Baltic.")
    assert _find(own, "ACCUSE", "DEU", "RUS").cameo == "110"


def test_a_participle_that_describes_an_actor_is_no_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "The Iranian-backed militia announced a ceasefire on Friday.")
    assert all(e.evidence.trigger != "backed" for e in events), events


def test_an_infinitive_of_purpose_is_background_to_the_deed(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Germany handed over 30 ambulances to Jordan to support clinics for Syrian refugees.")
    handover = next(e for e in events if e.evidence.trigger.startswith("handed"))
    assert all(e.confidence < handover.confidence for e in events if e.event_type == "SUPPORT"), events


@pytest.mark.parametrize(
    ("text", "etype", "cameo"),
    [
        ("Pakistan-based groups have launched cyber warfare against India.", "COERCE", "176"),
        ("Islamic State militants held around 20,000 civilians as human shields in Raqqa.", "ASSAULT", "184"),
        ("The European Commission is allocating €95 million in humanitarian support to Yemen.", "AID", "071"),
    ],
)
def test_lexicon_rows_of_version_1_5(pipeline, text: str, etype: str, cameo: str) -> None:  # type: ignore[no-untyped-def]
    assert any(e.event_type == etype and e.cameo == cameo for e in _events(pipeline, text))


def test_it_was_the_attack_names_no_attacker(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Drones struck Nakhchivan airport. It was the first attack on Azerbaijani soil since the war began."
    restated = [e for e in _events(pipeline, text) if e.evidence.trigger == "attack"]
    assert restated and all(e.source is None or e.source.country != "AZE" for e in restated), restated


def test_the_own_country_is_no_target() -> None:
    service = Actor(text="the State Security Service", name="SSS", code="AZEGOV", country="AZE", sector="GOV")
    country = Actor(text="Azerbaijan", name="Azerbaijan", code="AZE", country="AZE")
    rebels = Actor(text="the rebels", name=None, code="AZEREB", country="AZE", sector="REB")
    assert acts_on_itself(service, country)
    assert not acts_on_itself(service, rebels)
    assert not acts_on_itself(country, service)  # "Azerbaijan criticised its own government" is a dyad


def test_publishing_is_no_release_and_helping_to_kill_is_no_aid(pipeline) -> None:  # type: ignore[no-untyped-def]
    report = _events(pipeline, "A report released on Tuesday in Kigali accused the militia of massacres.")
    assert all(e.cameo != "0841" for e in report), report
    prisoners = _events(pipeline, "Israel released 150 Palestinian prisoners on Tuesday.")
    assert _find(prisoners, "RETREAT", "ISR").cameo == "0841"
    harm = _events(pipeline, "The report said the militia helped to plan the killings in the camps.")
    assert all(e.event_type != "AID" for e in harm), harm


def test_presenting_evidence_against_a_country_is_an_accusation(pipeline) -> None:  # type: ignore[no-untyped-def]
    _find(_events(pipeline, "The US presented evidence against Russia."), "ACCUSE", "USA", "RUS")


def test_a_conjoined_clause_shares_its_governors_status(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The report alleged that Iran knew of the plan and that Iranian forces attacked the convoy."
    attack = _find(_events(pipeline, text), "ASSAULT", "IRN")
    assert attack.status == "alleged"
    own = _find(_events(pipeline, "Iran denied the report and attacked a tanker in the Gulf."), "ASSAULT", "IRN")
    assert own.status == "occurred"  # the denial is a sibling, not a governor


def test_repealing_a_boycott_is_easing_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "The UAE has repealed its boycott of Israel.")
    assert _find(events, "RETREAT", "ARE").cameo == "085"


def test_a_missile_destroyed_in_flight_was_fired_by_its_owner_not_at_the_alliance(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "A missile launched from Iran was destroyed over the sea by NATO air defences.")
    ev = _find(events, "ASSAULT", "IRN")
    # the alliance only defended; with no sky or country named, whom the missile was aimed at is not known
    assert ev.status == "attempted" and (ev.target is None or ev.target.code != "NATO")


def test_a_missile_destroyed_in_flight_was_aimed_at_the_country_it_was_heading_for(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "ANKARA, March 9 — Türkiye summoned Iran's ambassador after NATO air defences shot down a second "
        "ballistic missile that was heading towards its airspace. The missile, fired from western Iran, was "
        "destroyed over the eastern Mediterranean by a NATO interceptor. Iran's embassy in Ankara said the "
        "missile had not been aimed at Türkiye."
    )
    # at the user's threshold: the bare noun "missile" of the denial is a weak candidate of its own
    events = [e for e in pipeline.extract_texts([(text, date(2026, 3, 9))])[0] if e.event_type == "ASSAULT"]
    pairs = {(e.source.country if e.source else None, e.target.country if e.target else None) for e in events}
    assert pairs == {("IRN", "TUR")}
    # two interceptions, then the doer's side denying it: "said ... had not been aimed at" is a denial
    assert [e.status for e in events] == ["attempted", "attempted", "denied"]


def test_a_weapon_word_that_only_modifies_the_object_is_no_intercepted_weapon(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Israeli jets destroyed Hezbollah rocket launchers.")
    ev = _find(events, "ASSAULT", "ISR")
    assert ev.status == "occurred" and ev.target is not None and ev.target.country == "LBN"


def test_an_attack_launched_from_a_country_comes_from_it_not_from_who_reports_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Azerbaijani officials said drones launched from Iran had struck the airport.")
    attacks = [e for e in events if e.event_type == "ASSAULT"]
    assert attacks and all(e.source is None or e.source.country != "AZE" for e in attacks)
    assert any(e.source is not None and e.source.country == "IRN" for e in attacks)
    rockets = _events(pipeline, "Rockets fired from Lebanon hit northern Israel.")
    assert _find(rockets, "ASSAULT", "LBN") is not None


def test_condemning_an_attack_told_earlier_condemns_its_author(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Iranian drones struck the airport in Nakhchivan on Thursday. The EU condemned the strike on the airport."
    ev = _find(_events(pipeline, text), "ACCUSE", "EU")
    assert ev.target is not None and ev.target.country == "IRN" and ev.evidence.coder.endswith("+anaphora")


def test_a_government_protesting_complains_officially_a_crowd_demonstrates(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "The Turkish government protested strongly against the decision.")
    official = _find(events, "ACCUSE", "TUR")
    assert official.cameo == "114"
    crowd = _events(pipeline, "Thousands of Iranians protested in Tehran.")
    assert any(e.event_type == "PROTEST" for e in crowd)


def test_a_weapon_fired_and_shot_down_is_one_attempted_attack(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "NATO air defences shot down a missile fired from Iran towards Turkish airspace.")
    attacks = [e for e in events if e.event_type == "ASSAULT"]
    assert len(attacks) == 1 and attacks[0].status == "attempted", attacks


def test_a_foiled_plots_deed_belongs_to_the_plotters_not_to_who_foiled_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Azerbaijan's State Security Service said it had foiled a plot by a cell tied to the Revolutionary Guards"
        " to blow up a section of the Baku-Tbilisi-Ceyhan pipeline."
    )
    ev = _find(_events(pipeline, text), "ASSAULT", "IRN")
    assert ev.status == "planned" and ev.source is not None and ev.source.code == "IRNMIL"
    attempt = _find(_events(pipeline, "The police foiled an attempt by Iranian agents to bomb the embassy."), "ASSAULT")
    assert attempt.source is not None and attempt.source.country == "IRN"


def test_a_coordinated_statement_goes_to_whom_the_first_verb_named(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Iranian President Masoud Pezeshkian phoned Aliyev and expressed regret.")
    regret = _find(events, "CONCEDE", "IRN", "AZE")
    assert "+dyad" not in regret.evidence.coder  # named in the sentence, not inferred


def test_a_war_that_threatens_to_spread_is_no_threat(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "The war between Iran and Israel threatened to spread across the region.")
    assert not [e for e in events if e.event_type == "THREATEN" and e.evidence.coder.startswith("rules")]
    _find(_events(pipeline, "The rebels threatened to attack the capital."), "THREATEN")


def test_having_nothing_to_do_with_an_attack_is_a_denial(pipeline) -> None:  # type: ignore[no-untyped-def]
    ev = _find(_events(pipeline, "Iran said it had nothing to do with the attack."), "REJECT", "IRN")
    assert ev.cameo == "016"


def test_a_missile_fired_and_then_shot_down_is_an_attempted_attack_by_its_owner(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "In a separate incident, a ballistic missile fired from Iran toward Turkey was shot down by NATO air"
        " defences over Hatay province on Wednesday."
    )
    ev = _find(_events(pipeline, text), "ASSAULT", "IRN", "TUR")
    assert ev.status == "attempted"
    assert not [e for e in _events(pipeline, text) if e.source is not None and e.source.code == "NATO"]


def test_border_guards_letting_foreigners_leave_is_help_without_a_target(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Azerbaijani border guards have let 4,000 foreign citizens leave Iran through the Astara checkpoint."
    ev = _find(_events(pipeline, text), "AID", "AZE")
    assert ev.cameo == "073" and ev.source is not None and ev.source.sector == "MIL"
    assert ev.target is None


def test_paying_respects_at_an_embassy_is_sympathy_for_its_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    ev = _find(_events(pipeline, "Aliyev paid his respects at the Iranian embassy."), "SUPPORT", "AZE", "IRN")
    assert ev.cameo == "018"


def test_expecting_someone_named_to_apologise_is_a_demand(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "An adviser to Aliyev said Baku expected Tehran to apologise publicly.")
    _find(events, "REQUEST", "AZE", "IRN")
    assert not [e for e in events if e.event_type == "CONCEDE"]


def test_telling_someone_to_apologise_is_a_demand_of_them(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Aliyev described the strike as an act of terror and told Tehran to apologise at once.")
    assert _find(events, "REQUEST", "AZE", "IRN").confidence >= 0.4
    assert not [e for e in events if e.event_type == "CONCEDE" and e.confidence >= 0.4]
    reported = _events(pipeline, "The minister told reporters that Iranian drones had attacked the airport.")
    assert not [e for e in reported if e.event_type == "REQUEST"]


def test_an_order_to_ones_own_forces_stays_with_the_state(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Iranian drones hit the airport. President Ilham Aliyev chaired a meeting of the Security Council"
        " and ordered the armed forces to raise their combat readiness."
    )
    ev = _find(_events(pipeline, text), "MOBILIZE")
    assert ev.source is not None and ev.source.country == "AZE"


def test_a_ministry_in_a_capital_is_that_states(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"We have shown Iran nothing but good-neighbourly conduct," he said.'
        " The foreign ministry in Baku summoned Iran's ambassador."
    )
    _find(_events(pipeline, text), "ACCUSE", "AZE", "IRN")
    embassy = _find(_events(pipeline, "The Turkish embassy in Baku condemned the attack."), "ACCUSE")
    assert embassy.source is not None and embassy.source.country == "TUR"


def test_a_verb_listed_after_a_comma_shares_the_subject(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Iran's foreign minister telephoned his Azerbaijani counterpart, admitted that the drones were Iranian."
    ev = _find(_events(pipeline, text), "CONCEDE")
    assert ev.source is not None and ev.source.country == "IRN"


def test_condolences_over_a_killing_do_not_make_the_mourner_the_killer(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Aliyev visited the Iranian embassy to offer his condolences over the killing of Iranian commanders."
    killing = _find(_events(pipeline, text), "ASSAULT")
    assert killing.source is None or killing.source.country != "AZE"
    paid = _find(_events(pipeline, "Germany paid $662 million in aid to Jordan."), "AID")
    assert paid.source is not None and paid.source.country == "DEU"


@pytest.mark.parametrize(
    ("text", "etype", "source", "target"),
    [
        ("Turkey condemned the attack and said it stood firmly beside Azerbaijan.", "SUPPORT", "TUR", "AZE"),
        ("Pakistan said its troops had returned fire on Indian posts.", "ASSAULT", "PAK", None),
        ("Pakistan's premier vowed that any aggression would be met with a firm response.", "THREATEN", "PAK", None),
        ("Azerbaijan said it had broken up a network of saboteurs working for Iran.", "COERCE", "AZE", "IRN"),
    ],
)
def test_reactions_and_deeds_of_lexicon_1_10(pipeline, text, etype, source, target) -> None:  # type: ignore[no-untyped-def]
    ev = _find(_events(pipeline, text), etype, source, target)
    assert ev.evidence.coder.startswith("rules-") and ev.confidence >= 0.3


def test_the_group_is_the_network_named_before(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Azerbaijan's State Security Service said it had broken up a network of saboteurs working for Iran's"
        " Revolutionary Guards. According to the service, the group had been preparing to bomb a pumping station."
    )
    ev = _find(_events(pipeline, text), "ASSAULT", "IRN")
    assert ev.status == "planned"


def test_detentions_told_after_a_network_is_broken_up_are_that_operations(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Azerbaijan's State Security Service said it had broken up a network working for Iran's Revolutionary"
        " Guards. Nine suspects were detained in raids on Sunday."
    )
    events = [e for e in _events(pipeline, text) if e.evidence.trigger == "detained"]
    assert [(e.source and e.source.country, e.target and e.target.country) for e in events] == [("AZE", "IRN")]
    recalled = "Police arrested 40 protesters in Nairobi. Lawyers asked the ministry to release those detained."
    assert not [e for e in _events(pipeline, recalled) if e.evidence.trigger == "detained" and e.confidence >= 0.4]


def test_their_support_is_each_subjects_own(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Turkey, Pakistan and Israel have all declared their support for Azerbaijan.")
    assert {e.source.country for e in events if e.event_type == "SUPPORT" and e.source} == {"TUR", "PAK", "ISR"}


def test_a_second_drone_continues_the_series_told_before(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A drone launched from Iranian territory crashed into the passenger terminal at Nakhchivan airport."
        " A second drone exploded near a school in the town of Ordubad."
    )
    second = [e for e in _events(pipeline, text) if e.evidence.trigger == "exploded"]
    assert [(e.source and e.source.country, e.target and e.target.country) for e in second] == [("IRN", "AZE")]
    alone = _events(pipeline, "A drone exploded near a school in the town of Ordubad.")
    assert all(e.source is None for e in alone if e.evidence.trigger == "exploded")


def test_writing_in_a_book_of_condolence_is_sympathy(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "President Ilham Aliyev went to the Iranian embassy in Baku and wrote in its book of condolence."
    assert _find(_events(pipeline, text), "SUPPORT", "AZE", "IRN").cameo == "018"


def test_an_envoy_called_home_for_consultations_is_no_appeal(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "The foreign ministry said the envoy had been called home for consultations.")
    assert not [e for e in events if e.event_type == "REQUEST" and e.evidence.coder.startswith("rules-")]
    _find(_events(pipeline, "The European Union called for new sanctions on Iran."), "REQUEST", "EU", "IRN")


def test_admitting_the_drones_were_ones_own_is_an_admission(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Iran's foreign minister admitted that the drones were Iranian."
    ev = _find(_events(pipeline, text), "CONCEDE", "IRN")
    assert ev.evidence.coder.startswith("rules-v1:verb:admit drone")
    text = (
        "An Iranian drone slammed into the terminal of Nakhchivan airport. Tehran first denied involvement,"
        " then admitted that the drone was Iranian."
    )
    denied = [e for e in _events(pipeline, text) if e.status == "denied" and e.event_type == "ASSAULT"]
    assert denied and denied[0].confidence >= 0.4  # the admission does not outvote the denial told with it


def test_a_deed_done_on_the_orders_of_someone_is_theirs(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Six men were planning, on the orders of Iran's Revolutionary Guards, to blow up the pipeline in Baku."
    ev = _find(_events(pipeline, text), "ASSAULT", "IRN")
    assert ev.status == "planned"


def test_a_second_drone_shot_down_is_the_same_sides(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "An Iranian drone struck the airport in Nakhchivan. Air defence units shot down a second drone over Julfa."
    shot = [e for e in _events(pipeline, text) if e.evidence.trigger.startswith("shot")]
    assert [(e.source and e.source.country, e.status) for e in shot] == [("IRN", "attempted")]


def test_a_drone_tearing_through_a_hall_is_an_attack(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "An Iranian drone tore through the departure hall of Nakhchivan airport."
    ev = _find(_events(pipeline, text), "ASSAULT")
    assert ev.source is not None and ev.source.country == "IRN" and ev.mode == "aerial"


def test_what_a_call_was_made_for_goes_to_whom_was_called(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Erdogan telephoned Aliyev to express his country's full support.")
    _find(events, "SUPPORT", "TUR", "AZE")
    urged = _events(pipeline, "Turkey urged Russia to condemn the attack.")
    assert not [e for e in urged if e.event_type == "ACCUSE" and e.target is not None and e.target.code == "RUS"]


def test_a_condemned_attack_is_the_one_told_with_a_target_not_one_named_in_passing(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Iranian drones struck the airport in Nakhchivan on Thursday. Border guards have let foreigners leave"
        " through the Astara checkpoint since the first US strikes. Georgia's prime minister condemned the attack."
    )
    _find(_events(pipeline, text), "ACCUSE", "GEO", "IRN")


def test_sympathy_goes_to_the_bereaved_not_to_who_caused_the_deaths(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Aliyev went to the Iranian embassy in Baku to offer condolences over the deaths caused by Israeli raids."
    _find(_events(pipeline, text), "SUPPORT", "AZE", "IRN")
    text = "Aliyev visited the Iranian embassy to sign a book of condolences for victims of Israeli strikes."
    _find(_events(pipeline, text), "SUPPORT", "AZE", "IRN")


def test_describing_a_strike_as_terrorism_and_calling_in_an_envoy_are_accusations(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Iranian drones attacked Azerbaijan. Azerbaijan's foreign ministry described the strike as a terrorist act."
    _find(_events(pipeline, text), "ACCUSE", "AZE", "IRN")
    called_in = _find(_events(pipeline, "Ankara called in the Iranian envoy."), "ACCUSE", "TUR", "IRN")
    assert called_in.cameo == "114"


def test_a_condemned_attack_whose_author_is_unknown_names_nobody(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Israeli warplanes bombed Tehran on Tuesday. On Thursday one drone struck the airport building in"
        " Nakhchivan. Georgia condemned the strike."
    )
    condemned = _find(_events(pipeline, text), "ACCUSE", "GEO")
    assert condemned.target is None or condemned.target.country != "ISR"


def test_not_hesitating_to_respond_is_a_threat_that_was_made(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = '"We will not hesitate to respond to any hostile act," the Turkish defence minister told reporters.'
    ev = _find(_events(pipeline, text), "THREATEN", "TUR")
    assert ev.status == "occurred"


def test_a_warning_of_measures_or_of_defence_is_a_threat_to_whom_the_speaker_spoke(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Fidan spoke by phone with his Iranian counterpart and warned that Ankara would defend its airspace."
    events = _events(pipeline, text)
    _find(events, "CONSULT", "TUR", "IRN")  # "his Iranian counterpart" is Iran's, not Fidan's own side
    _find(events, "THREATEN", "TUR", "IRN")
    measures = _events(pipeline, "Azerbaijan warned that it would take all necessary measures to defend its territory.")
    assert _find(measures, "THREATEN", "AZE").evidence.coder.endswith("warn measure")


def test_commenting_on_an_interception_names_no_interceptor(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Iranian officials did not comment on the interception.")
    assert not [e for e in events if e.event_type == "ASSAULT" and e.source is not None]
    announced = _events(pipeline, "Italy announced a suspension of air links with Serbia.")
    _find(announced, "SANCTION", "ITA", "SRB")


def test_rarely_negates_and_a_task_is_a_plan(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The admission is unusual for Tehran, which has rarely accepted responsibility for incidents."
    assert _find(_events(pipeline, text), "CONCEDE", "IRN").status == "negated"
    text = "The service said a second cell, tasked with attacking the Sangachal oil terminal, was still at large."
    assert _find(_events(pipeline, text), "ASSAULT").status == "planned"


def test_where_an_intercepted_missile_flew_is_not_whose_it_was(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "A NATO official said allied air defences had intercepted a ballistic missile over eastern Turkey."
    ev = _find(_events(pipeline, text), "ASSAULT", target="TUR")
    assert ev.source is None or ev.source.country != "TUR"
    assert ev.status == "attempted"


def test_a_deed_done_on_behalf_of_someone_is_theirs(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Prosecutors charged six men with plotting to sabotage the Baku-Tbilisi-Ceyhan pipeline on behalf of"
        " Iran's Revolutionary Guards."
    )
    ev = _find(_events(pipeline, text), "ASSAULT", "IRN")
    assert ev.status == "planned"


def test_a_pledge_of_ones_own_support_goes_to_the_host_just_visited(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Georgia's foreign minister visited Baku on Wednesday and pledged Tbilisi's support."
    _find(_events(pipeline, text), "AGREE", "GEO", "AZE")


def test_a_dispute_is_no_denial_of_the_deed_that_began_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Azerbaijan expelled two diplomats in a dispute that began when Iranian drones hit Nakhchivan airport."
    ev = _find(_events(pipeline, text), "ASSAULT", "IRN")
    assert ev.status == "occurred"


def test_the_one_accused_of_a_deed_is_its_alleged_doer(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "India's defence ministry accused Pakistani troops of firing on Indian posts in the Poonch sector."
    ev = _find(_events(pipeline, text), "ASSAULT", "PAK", "IND")
    assert ev.status == "alleged"
    _find(_events(pipeline, "Israel blamed Hezbollah for firing rockets at Haifa."), "ASSAULT", "LBN", "ISR")


def test_a_vow_after_a_reported_strike_is_the_speakers(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Pakistan said Indian drones had struck two villages near Sialkot and vowed to respond."
    _find(_events(pipeline, text), "THREATEN", "PAK")


def test_welcoming_a_deed_supports_whoever_did_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The European Union imposed sanctions on Belarus on Monday. Belarus expelled a Lithuanian diplomat."
        " Lithuania's government welcomed the sanctions."
    )
    welcomed = _find(_events(pipeline, text), "SUPPORT", "LTU", "EU")  # the sanctions, not the later expulsion
    assert welcomed.evidence.coder.endswith("+anaphora")


@pytest.mark.parametrize(
    "text",
    [
        "A gas cylinder explosion killed four people in a restaurant in Karachi.",
        "An air base in Colorado said it had accidentally released 150,000 gallons of contaminated water.",
    ],
)
def test_industrial_accidents_are_no_attack_and_no_release(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, text)
    assert not any(e.evidence.trigger in ("explosion", "released") for e in events)


def test_forces_put_on_alert_are_the_side_that_mobilizes(pipeline) -> None:  # type: ignore[no-untyped-def]
    (event,) = _events(pipeline, "Armenia's army was put on high alert on Thursday.")
    assert event.event_type == "MOBILIZE"
    assert event.source is not None and event.source.code == "ARMMIL"
    assert event.target is None


def test_reserving_the_right_to_respond_is_a_threat(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Greece reserved the right to respond to any violation of its airspace.")
    threat = _find(events, "THREATEN", source="GRC")
    assert threat.evidence.trigger == "reserved"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Iraqi forces freed several villages from the militants on Wednesday.", "freed"),
        ("Syrian government forces recovered control of two villages.", "recovered"),
        ("Iraqi troops liberated Mosul from the militants.", "liberated"),
    ],
)
def test_territory_freed_is_territory_taken(pipeline, text: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, text)
    best = max((e for e in events if e.evidence.trigger == trigger), key=lambda e: e.confidence)
    assert (best.event_type, best.mode, best.cameo) == ("COERCE", "seize", "192")


def test_captives_freed_are_released(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "The commandos liberated three hostages held by the gang.")
    best = max((e for e in events if e.evidence.trigger == "liberated"), key=lambda e: e.confidence)
    assert (best.event_type, best.mode) == ("RETREAT", "release")


def test_a_non_violent_demonstration_is_no_violent_one(pipeline) -> None:  # type: ignore[no-untyped-def]
    coders = [e.evidence.coder for e in _events(pipeline, "Students held a non-violent demonstration in the capital.")]
    assert coders and not any("demonstration violent" in c for c in coders)
    violent = [e.evidence.coder for e in _events(pipeline, "Students held a violent demonstration in the capital.")]
    assert any("demonstration violent" in c for c in violent)


def test_a_weapon_crashing_into_a_place_is_a_strike(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "An Iranian drone crashed into the departure hall of Nakhchivan's airport on Thursday.")
    strike = _find(events, "ASSAULT", source="IRN")
    assert (strike.evidence.trigger, strike.mode) == ("crashed", "aerial")
    assert not _events(pipeline, "A car crashed into the wall of a school in Baku.")
    # a crash with no owner and no foreign soil named is no strike anyone would be shown (calibrated near zero);
    # one on another country's soil is an incursion (test_a_drone_crash_on_foreign_soil_is_an_incursion)
    mishap = _events(pipeline, "The drone crashed in a field during a test flight.")
    assert all(e.source is None and e.target is None and e.confidence < 0.05 for e in mishap)


def test_solidarity_with_a_capital_hung_on_the_statement(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Turkey and Pakistan issued statements of solidarity with Baku.")
    assert {(e.source.code, e.target.country) for e in events if e.source and e.target} == {
        ("TUR", "AZE"),
        ("PAK", "AZE"),
    }


def test_the_ministry_after_a_leader_is_his_countrys(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "President Ilham Aliyev chaired an emergency meeting of the Security Council. "
        "The foreign ministry handed a note of protest to Iran's envoy and demanded that Tehran punish "
        "those responsible."
    )
    demand = _find(_events(pipeline, text), "REQUEST")
    assert demand.source is not None and demand.source.code == "AZEGOV"


def test_a_verb_tagged_as_a_noun_in_a_list_of_verbs(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Iran's foreign minister Abbas Araghchi acknowledges that the drones were launched from Iranian territory "
        '"by mistake" and apologises to Baku.'
    )
    apology = _find(_events(pipeline, text), "CONCEDE", source="IRN", target="AZE")
    assert apology.evidence.trigger == "apologises"


def test_a_thwarted_plot_is_the_plotters_and_only_planned(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Azerbaijan's security service said its officers had thwarted two plots by saboteurs linked to the IRGC."
    plot = next(e for e in _events(pipeline, text) if e.evidence.trigger == "plots")
    assert plot.source is not None and plot.source.code == "IRNMIL"
    assert plot.status == "planned"
    foiled = next(e for e in _events(pipeline, "NATO thwarted an attack on the base.") if e.event_type == "ASSAULT")
    assert foiled.source is None  # the one who stops an attack did not make it


def test_condemning_strikes_on_a_place_condemns_their_author(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Azerbaijan's air defence units shot down an Iranian drone over Julfa district early this morning. "
        "The European Union condemns the strikes on Nakhchivan."
    )
    condemnation = _find(_events(pipeline, text), "ACCUSE", source="EU")
    assert condemnation.target is not None and condemnation.target.country == "IRN"  # not Azerbaijan, which was hit
    named = _find(_events(pipeline, "Turkey condemned Iran's strikes on Nakhchivan."), "ACCUSE", source="TUR")
    assert named.target is not None and named.target.country == "IRN"


def test_denying_claims_and_laying_flowers(pipeline) -> None:  # type: ignore[no-untyped-def]
    denial = _find(_events(pipeline, "Rwanda denied the claims."), "REJECT", source="RWA")
    assert denial.evidence.trigger == "denied"
    laid = _events(pipeline, "Aliyev laid flowers at the Iranian embassy in memory of the victims.")
    flowers = _find(laid, "SUPPORT")
    assert flowers.cameo == "018" and flowers.target is not None and flowers.target.country == "IRN"


def test_recalling_an_envoy_and_suspending_flights_are_two_events(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Kinshasa recalled its ambassador from Kigali and suspended flights between the two capitals."
    triggers = {e.evidence.trigger for e in _events(pipeline, text) if e.event_type == "SANCTION"}
    assert triggers == {"recalled", "suspended"}


def test_drones_flying_in_and_a_purpose_not_yet_done(pipeline) -> None:  # type: ignore[no-untyped-def]
    flew = _find(_events(pipeline, "Two Iranian drones flew into Azerbaijan on the night of March 5."), "ASSAULT")
    assert (flew.source and flew.source.country, flew.target and flew.target.country) == ("IRN", "AZE")
    text = "Eleven people were recruited by the IRGC to sabotage the Baku-Tbilisi-Ceyhan pipeline."
    plot = _find(_events(pipeline, text), "ASSAULT", source="IRN")
    assert plot.status == "planned"


def test_a_denial_of_a_clause_with_no_deed_is_reported(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Azerbaijan accused Iran of striking Nakhchivan airport with drones and demanded an apology from Tehran. "
        "Azerbaijani President Ilham Aliyev called the strike an act of terror. "
        "Iran's foreign ministry denied that any Iranian drone had crossed the border."
    )
    denial = _find(_events(pipeline, text), "REJECT", source="IRN")
    assert denial.target is not None and denial.target.country == "AZE"
    assert denial.confidence >= 0.4


def test_the_first_of_a_series_and_a_second_one_that_came_down(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Two Iranian drones slammed into the Nakhchivan exclave, wounding four civilians. "
        "The ministry said the first drone struck the airport terminal. "
        "A second one came down in a field beside a school."
    )
    events = _events(pipeline, text)
    exclave = next(e for e in events if e.evidence.trigger == "slammed")
    assert exclave.target is not None and exclave.target.code == "AZE"  # the name the tagger calls a person
    first = next(e for e in events if e.evidence.trigger == "struck")
    second = next(e for e in events if e.evidence.trigger == "came")
    for deed in (first, second):
        assert deed.event_type == "ASSAULT"
        assert (deed.source and deed.source.code, deed.target and deed.target.code) == ("IRN", "AZE")


def test_a_commission_does_not_take_an_arrest_from_the_service(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Azerbaijan's State Security Service said it had detained three men suspected of plotting, on the "
        "instructions of Iranian intelligence, to blow up a section of the pipeline."
    )
    events = _events(pipeline, text)
    arrest = _find(events, "COERCE", source="AZE")
    assert arrest.source is not None and arrest.source.code == "AZESPY"
    plot = next(e for e in events if e.evidence.trigger == "blow")
    assert plot.source is not None and plot.source.code == "IRNSPY" and plot.status == "planned"


def test_an_alliance_intercepting_over_a_members_airspace(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "NATO air defences destroyed a ballistic missile launched from Iran on Monday, the second such "
        "interception over Turkish airspace this week. The missile followed the same path as one intercepted "
        "on March 4. NATO's secretary-general condemned the launch."
    )
    events = _events(pipeline, text)
    missile = next(e for e in events if e.evidence.trigger == "destroyed")
    assert (missile.source and missile.source.code, missile.target and missile.target.code) == ("IRN", "TUR")
    assert missile.status == "attempted"
    _find(events, "ACCUSE", source="NATO", target="IRN")  # the launch is Iran's, told in passing in between


def test_an_owned_support_and_an_owned_up_deed(pipeline) -> None:  # type: ignore[no-untyped-def]
    backing = _events(pipeline, "Brazil sent troops. The Caribbean Community expressed its full support for Guyana.")
    supports = [e for e in backing if e.event_type == "SUPPORT"]
    assert {(e.source and e.source.code, e.target and e.target.code) for e in supports} == {("CARICOM", "GUY")}
    text = "Iran acknowledged on Tuesday that one of its drones had struck Azerbaijan's Nakhchivan airport."
    _find(_events(pipeline, text), "CONCEDE", source="IRN", target="AZE")


def test_a_purpose_reaches_whom_the_call_reached(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Georgia's prime minister phoned President Aliyev to convey condolences to the families of the wounded."
    condolences = _find(_events(pipeline, text), "SUPPORT", source="GEO")
    assert condolences.target is not None and condolences.target.country == "AZE"


def test_it_in_a_second_reported_clause_is_the_reporter(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Thai army said Cambodian forces opened fire first and that it had responded in self-defence, "
        "launching air strikes on Cambodian positions."
    )
    strikes = next(e for e in _events(pipeline, text) if e.evidence.trigger == "launching")
    assert (strikes.source and strikes.source.country, strikes.target and strikes.target.country) == ("THA", "KHM")


def test_expecting_another_to_hold_officers_responsible_is_a_demand(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Baku said it expected Iran to hold the officers responsible to account."
    demand = _find(_events(pipeline, text), "REQUEST", source="AZE", target="IRN")
    assert demand.cameo == "100"


def test_a_protest_note_over_a_strike_names_neither_its_doer_nor_its_day(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Azerbaijan's foreign ministry handed a protest note to Iran's envoy over Thursday's drone strike on Ganja."
    events = _events(pipeline, text, date(2026, 3, 7))
    strike = next(e for e in events if e.evidence.trigger == "strike")
    assert strike.source is None or strike.source.country != "AZE"
    note = next(e for e in events if e.evidence.trigger == "note")
    assert note.date == "2026-03-07" and strike.date == "2026-03-05"


def test_a_plot_told_in_a_relative_clause_with_its_commissioner_on_the_object(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "BAKU, March 12 - Azerbaijan's State Security Service said it had arrested five people who were "
        "preparing to bomb a pumping station of the Baku-Tbilisi-Ceyhan pipeline on the orders of an Iranian "
        "intelligence officer."
    )
    plot = next(e for e in _events(pipeline, text) if e.evidence.trigger == "bomb")
    assert plot.source is not None and plot.source.country == "IRN" and plot.status == "planned"
    assert plot.confidence >= 0.4  # a plot is news even when told in a relative clause


def test_joint_exercises_and_armed_men_and_a_demand_on_another_side(pipeline) -> None:  # type: ignore[no-untyped-def]
    drills = _events(pipeline, "Turkish and Azerbaijani troops began joint exercises in Nakhchivan on Sunday.")
    pairs = {(e.source and e.source.country, e.target and e.target.country) for e in drills}
    assert {("TUR", "AZE"), ("AZE", "TUR")} <= pairs
    raid = _find(_events(pipeline, "Armed men who attacked a police patrol fled to Serbia."), "ASSAULT")
    assert raid.source is not None and raid.source.sector == "REB"
    demand = _find(_events(pipeline, "Albin Kurti demanded that Belgrade hand them over."), "REQUEST", source="XKX")
    assert demand.target is not None and demand.target.country == "SRB"


def test_moving_air_defences_and_stepping_up_security_are_mobilisations(pipeline) -> None:  # type: ignore[no-untyped-def]
    moved = _find(_events(pipeline, "Azerbaijan moved additional air defence systems into the exclave."), "MOBILIZE")
    assert moved.source is not None and moved.source.country == "AZE"
    inspected = _events(pipeline, "The defence minister inspected units near the border town of Ordubad.")
    assert not [e for e in inspected if e.event_type == "ACCUSE"]


def test_a_state_condemns_the_strikes_on_itself_not_the_latest_attack(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Israeli warplanes pounded suspected Hezbollah positions across southern Lebanon overnight after the group "
        "fired around 40 rockets at the Galilee. Lebanon's prime minister condemned the strikes."
    )
    events = _events(pipeline, text)
    rockets = next(e for e in events if e.evidence.trigger == "fired")
    assert rockets.target is not None and rockets.target.country == "ISR"  # the Galilee is Israel's
    condemnation = _find(events, "ACCUSE", source="LBN")
    assert condemnation.target is not None and condemnation.target.country == "ISR"


def test_a_denial_of_involvement_is_about_the_attack_not_the_recall(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "GOMA, June 18 - Shells fired from Rwandan territory struck a residential district of Goma on Wednesday. "
        "Congo's government recalled its ambassador from Kigali. Rwanda denied any involvement."
    )
    events = _events(pipeline, text)
    shells = next(e for e in events if e.event_type == "ASSAULT" and e.status == "occurred")
    assert shells.source is not None and shells.source.country == "RWA"  # "Shells" is no place in Congo
    denied = [e for e in events if e.status == "denied"]
    assert denied and all(e.event_type == "ASSAULT" for e in denied)


def test_its_in_a_reported_subject_is_the_reporter(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Angola's president offered to host talks. The United Nations mission in Congo said its peacekeepers "
        "had evacuated 300 civilians from the affected area."
    )
    help_ = _find(_events(pipeline, text), "AID")
    assert help_.source is not None and help_.source.code == "UN"


def test_battles_fought_by_two_sides_and_a_government_and_its_rebels(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Pakistani and Afghan Taliban forces fought heavy gun battles at the Torkham border crossing."
    pairs = {(e.source and e.source.country, e.target and e.target.country) for e in _events(pipeline, text)
             if e.event_type == "ASSAULT" and e.evidence.trigger == "battles"}
    assert ("PAK", "AFG") in pairs and ("AFG", "PAK") in pairs
    assert ("AFG", "AFG") not in pairs  # the Taliban are Afghanistan's side here
    text = "South Sudan's government and the armed opposition SPLM-IO agreed on Monday to a 30-day humanitarian pause."
    agreed = {(e.source and e.source.code, e.target and e.target.code) for e in _events(pipeline, text)
              if e.event_type == "AGREE"}
    assert ("SSDGOV", "SSDREB") in agreed and ("SSDREB", "SSDGOV") in agreed


def test_blocking_a_council_statement_and_an_incident_that_cannot_accuse(pipeline) -> None:  # type: ignore[no-untyped-def]
    blocked = _events(pipeline, "Russia and China blocked a draft statement that named Iran.")
    assert {e.source and e.source.code for e in blocked if e.event_type == "REJECT"} == {"RUS", "CHN"}
    text = (
        "Iran's ambassador said the incident had been a regrettable technical error and accused Israel of using "
        "Azerbaijani territory to launch attacks on Iran."
    )
    _find(_events(pipeline, text), "ACCUSE", source="IRN", target="ISR")


def test_one_of_the_drones_told_before_struck(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The ministry said two drones had come from the direction of Iran. "
        "One struck the terminal building near the airport."
    )
    struck = next(e for e in _events(pipeline, text) if e.evidence.trigger == "struck")
    assert struck.source is not None and struck.source.country == "IRN"


def test_a_worried_capital_calls_and_an_ally_reaffirms(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Russia's foreign ministry spokeswoman Maria Zakharova said Moscow was concerned by the rising tension "
        "and called on both sides to avoid steps that could widen the conflict."
    )
    call = _find(_events(pipeline, text), "REQUEST")
    assert call.source is not None and call.source.country == "RUS"
    backing = _find(_events(pipeline, "Erdogan reaffirmed Ankara's support for Baku."), "SUPPORT", source="TUR")
    assert backing.target is not None and backing.target.country == "AZE"
    envoys = _find(_events(pipeline, "The African Union offered to send envoys to Addis Ababa and Asmara."), "CONSULT")
    assert envoys.source is not None and envoys.source.code == "AU" and envoys.mode == "visit"


def test_reacting_to_a_strike_and_condemning_a_violation_of_a_victims_integrity(pipeline) -> None:  # type: ignore[no-untyped-def]
    reacted = _events(pipeline, "Governments around the world reacted with alarm to the drone strike on Nakhchivan.")
    strike = next(e for e in reacted if e.evidence.trigger == "strike")
    assert strike.source is None  # the governments answered it, they did not strike
    text = "The EU condemned any violation of Azerbaijan's territorial integrity."
    condemned = _find(_events(pipeline, text), "ACCUSE")
    assert condemned.target is None or condemned.target.country != "AZE"


def test_traded_accusations_heard_gunfire_and_a_named_attack(pipeline) -> None:  # type: ignore[no-untyped-def]
    traded = _events(pipeline, "Armenia and Azerbaijan traded accusations over an exchange of fire on their border.")
    blame = {(e.source and e.source.code, e.target and e.target.code) for e in traded if e.event_type == "ACCUSE"}
    assert {("ARM", "AZE"), ("AZE", "ARM")} <= blame
    heard = _events(pipeline, "The European Union Mission in Armenia said its monitors had heard gunfire in the area.")
    assert not [e for e in heard if e.event_type == "ASSAULT" and e.source is not None and e.source.code == "EU"]
    named = _events(pipeline, "Baku and Tehran agreed to investigate the Nakhchivan attack together.")
    attack = next(e for e in named if e.evidence.trigger == "attack")
    assert attack.source is None and attack.target is not None and attack.target.country == "AZE"


def test_a_condemned_execution_is_the_executioners(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Iran executed a man on Sunday who had been convicted of spying. Rights groups said he had been tortured. "
        "Amnesty International condemned the execution."
    )
    condemnation = _find(_events(pipeline, text), "ACCUSE", source="AMNESTY")
    assert condemnation.target is not None and condemnation.target.country == "IRN"


def test_supplies_cut_rash_decisions_and_operations_vowed(pipeline) -> None:  # type: ignore[no-untyped-def]
    gas = _find(_events(pipeline, "Azerbaijan suspended natural gas deliveries to northern Iran."), "SANCTION", "AZE")
    assert gas.target is not None and gas.target.country == "IRN"
    _find(_events(pipeline, "Iran's oil minister called the decision hasty."), "ACCUSE", source="IRN")
    vowed = _events(pipeline, "Houthi spokesman Yahya Saree vowed to continue operations against Israel.")
    _find(vowed, "THREATEN")
    backing = _events(pipeline, "The EU vowed to continue supporting Ukraine.")
    assert not [e for e in backing if e.event_type == "THREATEN"]


def test_the_missile_intercepted_is_the_missile_fired_not_the_air_strike_after_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "SANAA, March 5 - Yemen's Houthi movement said it had fired a ballistic missile at the Israeli port of "
        "Eilat, hours before US warplanes struck Houthi targets around the capital. "
        "The Israeli military said the missile was intercepted before it reached Israeli territory."
    )
    events = _events(pipeline, text)
    intercepted = next(e for e in events if e.evidence.trigger == "intercepted")
    assert intercepted.source is not None and intercepted.source.country == "YEM"
    struck = next(e for e in events if e.evidence.trigger == "struck")
    assert struck.location is not None and struck.location.country == "YEM"  # the capital of the side struck


def test_what_a_request_asks_for_is_no_event_of_its_own(pipeline) -> None:  # type: ignore[no-untyped-def]
    shown = pipeline.extract_texts([("Russia's foreign ministry urged both sides to observe the ceasefire.", None)])[0]
    assert [e.event_type for e in shown] == ["REQUEST"]  # the ceasefire asked for stays under the threshold
    ordered = _events(pipeline, "Aliyev ordered the armed forces to raise their combat readiness.")
    _find(ordered, "MOBILIZE", source="AZE")  # an order to one's own forces is the state's deed


def test_gerund_after_a_time_preposition_takes_the_clause_subject(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Rebel fighters will advance to Al-Bab after seizing the town of Dabiq, the Turkish foreign minister said."
    ev = _find(_events(pipeline, text), "COERCE")
    assert ev.source is not None and ev.source.sector == "REB"


def test_a_deed_told_as_the_time_of_another_is_background(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The Nigerian military lifted a ban on UNICEF operations after accusing the agency of spying."
    events = _events(pipeline, text)
    accusation, lifting = _find(events, "ACCUSE"), _find(events, "CONCEDE")
    assert lifting.confidence > accusation.confidence


def test_coming_under_a_named_attack_keeps_the_target_and_the_weapon(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Bangladeshi police came under a grenade attack in Dhaka.")
    ev = _find(events, "ASSAULT", target="BGD")
    assert ev.evidence.trigger == "came" and ev.mode == "grenade"
    assert ev.target is not None and ev.target.sector == "COP"


def test_pushed_back_from_is_territory_taken(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "The Al-Nusra Front terrorists were pushed back from their strongholds in Aleppo.")
    ev = _find(events, "COERCE")
    assert ev.mode == "seize" and ev.target is not None and ev.target.sector == "REB"


def test_a_hyphenated_shoot_out_is_a_firefight_between_its_sides(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "During the shoot-out between the bandits and soldiers, four soldiers were injured.")
    ev = _find(events, "ASSAULT", target="---MIL")
    assert ev.mode == "firearms" and ev.evidence.trigger == "out"


def test_a_suspected_plot_is_planned_and_accusations_called_absurd_are_denied(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Georgian police arrested four men on suspicion of planning to blow up a section of the pipeline."
    plot = next(e for e in _events(pipeline, text) if e.evidence.trigger == "blow")
    assert plot.status == "planned"
    decided = _events(pipeline, "The White House supports the UK's decision to expel 23 Russian diplomats.")
    assert all(e.status != "planned" for e in decided if e.event_type == "SANCTION")  # a decision is the deed
    _find(_events(pipeline, "Tehran's embassy in Tbilisi called the accusations absurd."), "REJECT", source="IRN")


def test_what_a_demand_asks_another_side_for_stays_under_the_threshold(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Iraq's prime minister demanded that Turkey withdraw its forces from northern Iraq."
    shown = pipeline.extract_texts([(text, None)])[0]
    assert [(e.event_type, e.source and e.source.country) for e in shown] == [("REQUEST", "IRQ")]


def test_a_vow_that_another_side_will_pay_and_a_carrier_moved(pipeline) -> None:  # type: ignore[no-untyped-def]
    vowed = _events(pipeline, "Iran's supreme leader vowed that Israel would pay a heavy price.")
    _find(vowed, "THREATEN", "IRN", "ISR")
    text = "The United States said it had moved an aircraft carrier into the eastern Mediterranean."
    _find(_events(pipeline, text), "MOBILIZE", source="USA")


def test_flying_citizens_home_is_an_evacuation(pipeline) -> None:  # type: ignore[no-untyped-def]
    _find(_events(pipeline, "Russia said it would send two aircraft to Baku to fly its citizens home."), "AID", "RUS")


def test_a_statement_urging_restraint_is_its_issuers_appeal(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Qatar and Oman issued a joint statement urging restraint."
    appeals = [e for e in _events(pipeline, text) if e.event_type == "REQUEST"]
    assert {e.source.country for e in appeals if e.source} == {"QAT", "OMN"}
    carried = _events(pipeline, "Rebels attacked a convoy carrying aid to the town.")
    assert all(e.source is None for e in carried if e.event_type == "AID")  # the attackers carried nothing


def test_the_parties_of_a_conflict_are_not_political_parties(pipeline) -> None:  # type: ignore[no-untyped-def]
    urged = _find(_events(pipeline, "The UN envoy urged both parties to allow humanitarian access."), "REQUEST", "UN")
    assert urged.target is None or urged.target.sector != "POL"
    party = _find(_events(pipeline, "The ruling party accused the opposition of fraud."), "ACCUSE")
    assert party.source is not None and party.source.sector == "POL"


def test_ground_taken_from_a_side_targets_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Sudan's army said it had recaptured the refinery from the Rapid Support Forces."
    _find(_events(pipeline, text), "COERCE", "SDNMIL", "SDN")


def test_a_meeting_still_to_come_is_planned(pipeline) -> None:  # type: ignore[no-untyped-def]
    meet = _find(_events(pipeline, "The African Union will convene an emergency meeting next week."), "CONSULT", "AU")
    assert meet.status == "planned"
    held = _find(_events(pipeline, "The foreign ministers met in Doha on Monday."), "CONSULT")
    assert held.status == "occurred"


def test_a_thing_that_covers_attacks_lends_no_attacker(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Washington reminded Beijing that the defence treaty covers attacks on Philippine vessels."
    attacks = [e for e in _events(pipeline, text) if e.event_type == "ASSAULT"]
    assert attacks and all(e.source is None or e.source.country != "USA" for e in attacks)


def test_his_country_is_the_speakers(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Aliyev spoke on Monday. Iran's envoy to the UN said his country regretted the loss of life."
    regret = _find(_events(pipeline, text), "CONCEDE")
    assert regret.source is not None and regret.source.country == "IRN"  # not Aliyev, named before


def test_a_dated_attack_under_a_demand_is_no_plan(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Azerbaijan demanded that Tehran compensate the victims of last week's drone attack on Nakhchivan."
    assert _find(_events(pipeline, text), "ASSAULT").status == "occurred"


def test_drones_crossing_into_a_country_and_troops_responding(pipeline) -> None:  # type: ignore[no-untyped-def]
    _find(_events(pipeline, "Two drones crossed into Nakhchivan from Iran."), "ASSAULT", "IRN", "AZE")
    assert not [e for e in _events(pipeline, "Thousands of refugees crossed into Chad.") if e.event_type == "ASSAULT"]
    answered = _find(_events(pipeline, "The army said its soldiers had responded effectively."), "ASSAULT")
    assert answered.status == "occurred"
    warned = _events(pipeline, "Iran said it would respond to any attack.")
    assert [e.event_type for e in warned] == ["THREATEN"]


def test_a_charge_dismissed_and_a_hoped_indictment(pipeline) -> None:  # type: ignore[no-untyped-def]
    _find(_events(pipeline, "Israel's ambassador dismissed the charge as a lie."), "REJECT", "ISR")
    text = "The minister said she hoped the officers would soon be indicted."
    assert all(e.source is None for e in _events(pipeline, text) if e.event_type == "ACCUSE")
    reported = _events(pipeline, "The foreign ministry of Turkey said Iran's envoy had been summoned.")
    assert any(e.source is not None and e.source.country == "TUR" for e in reported)


def test_an_expulsion_and_a_recall_in_one_sentence_are_two_sanctions(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Somalia ordered Ethiopia's ambassador to leave the country and recalled its own envoy from Addis Ababa."
    modes = {e.mode for e in _events(pipeline, text) if e.event_type == "SANCTION"}
    assert {"expel", "withdraw"} <= modes


def test_a_call_after_a_verdict_is_the_speakers(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Turkey welcomed the admission but said an apology alone was not enough and called for compensation."
    _find(_events(pipeline, text), "REQUEST", "TUR")


def test_dialogue_between_two_capitals_is_asked_of_both(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Kazakhstan issued a statement calling for dialogue between Baku and Tehran."
    asked = {e.target.country for e in _events(pipeline, text) if e.event_type == "REQUEST" and e.target}
    assert asked == {"AZE", "IRN"}


def test_owning_up_to_a_strike_is_addressed_to_where_it_struck(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Iran acknowledged that one of its drones had struck the airport in Azerbaijan's Nakhchivan exclave."
    _find(_events(pipeline, text), "CONCEDE", "IRN", "AZE")
    _find(_events(pipeline, "Iran acknowledged that its drones had struck Azerbaijan."), "CONCEDE", "IRN", "AZE")


def test_regretting_a_decision_is_disapproval(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert _find(_events(pipeline, "Ethiopia said it regretted the decision."), "ACCUSE", "ETH").mode == "disapprove"
    _find(_events(pipeline, "Iran regretted the loss of life."), "CONCEDE", "IRN")
    _find(_events(pipeline, "Iran has described the drills as provocative."), "ACCUSE", "IRN")


def test_a_statement_backed_is_its_owners_call(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Azerbaijan on Wednesday backed a European Union statement calling for new sanctions on Iran."
    events = _events(pipeline, text)
    _find(events, "SUPPORT", "AZE", "EU")
    _find(events, "REQUEST", "EU", "IRN")


def test_a_missile_destroyed_over_a_countrys_province_was_aimed_at_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "A missile fired from Iran was destroyed by NATO air defence systems over Türkiye's Hatay province."
    hit = _find(_events(pipeline, text), "ASSAULT", "IRN", "TUR")
    assert hit.status == "attempted"


def test_one_of_the_rockets_continues_the_rocket_fire(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Hezbollah fired dozens of rockets at northern Israel, hours after an Israeli air strike on Tyre killed "
        "a commander of the group. Most of the rockets were intercepted, but one hit a house in Kiryat Shmona."
    )
    hit = next(e for e in _events(pipeline, text) if e.evidence.trigger == "hit")
    assert hit.source is not None and hit.source.code == "LBNREB"
    assert hit.target is not None and hit.target.country == "ISR"


def test_admitted_for_the_first_time_that(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Iran on Saturday admitted for the first time that a drone launched by its forces had struck Azerbaijan."
    _find(_events(pipeline, text), "CONCEDE", "IRN", "AZE")


def test_calling_allegations_names_is_rejecting_them(pipeline) -> None:  # type: ignore[no-untyped-def]
    _find(_events(pipeline, 'Iran\'s embassy called the allegations "a fabricated scenario".'), "REJECT", "IRN")
    _find(_events(pipeline, "Azerbaijan said it still expected compensation from Iran."), "REQUEST", "AZE", "IRN")


def test_a_foiled_plot_is_aimed_at_the_state_that_foiled_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Azerbaijan's State Security Service said it had thwarted a plan to sabotage the Baku–Tbilisi–Ceyhan "
        "oil pipeline."
    )
    events = _events(pipeline, text)
    plot = _find(events, "ASSAULT", target="AZE")
    assert plot.status == "planned"
    assert not [e for e in events if e.target is not None and e.target.country in ("GEO", "TUR")]  # towns of its name


def test_a_condemned_attack_on_a_country_does_not_condemn_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kazakhstan expressed full solidarity with Azerbaijan and condemned what it called an unprovoked attack "
        "on Azerbaijani territory. Azerbaijan thanked Kazakhstan. Azerbaijan's president spoke of Azerbaijan's pain."
    )
    condemned = _find(_events(pipeline, text), "ACCUSE", "KAZ")
    assert condemned.target is None or condemned.target.country != "AZE"


def test_accused_forces_opened_fire(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Armenia's defence ministry said, accusing Azerbaijani forces of opening fire on its positions near Sotk."
    _find(_events(pipeline, text), "ASSAULT", "AZE", "ARM")


def test_fire_came_from_the_other_side(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Azerbaijan's army denied the claim and said its troops had come under fire from Armenian positions."
    events = _events(pipeline, text)
    _find(events, "ASSAULT", "ARM", "AZE")
    _find(events, "REJECT", "AZE")


def test_a_missile_of_a_series_does_not_condemn(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The ministry said one struck an empty hangar and condemned the attack as a violation of Qatari sovereignty."
    condemned = _find(_events(pipeline, text), "ACCUSE")
    assert condemned.source is not None and condemned.source.sector == "GOV"


def test_drones_launched_from_a_country_struck_the_other(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Azerbaijan demanded an apology from Iran after two drones launched from Iranian territory struck its "
        "Nakhchivan exclave."
    )
    events = _events(pipeline, text)
    struck = next(e for e in events if e.evidence.trigger == "struck")
    assert struck.source is not None and struck.source.country == "IRN"
    assert struck.target is not None and struck.target.country == "AZE"


def test_told_to_stop_threatening_its_neighbours(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The United States called on Iran to stop threatening its neighbours."
    threat = _find(_events(pipeline, text), "THREATEN")
    assert threat.source is not None and threat.source.country == "IRN"
    withdrawn = _find(_events(pipeline, "Russia called on Armenia to withdraw its troops."), "RETREAT")
    assert withdrawn.source is not None and withdrawn.source.country == "ARM"


def test_calls_consultations_sympathy_and_regret(pipeline) -> None:  # type: ignore[no-untyped-def]
    _find(_events(pipeline, "Iran's foreign minister called his Turkish counterpart."), "CONSULT", "IRN", "TUR")
    held = _find(_events(pipeline, "NATO allies held emergency consultations in Brussels."), "CONSULT", "NATO")
    assert held.target is None or held.target.country != "BEL"  # where they met is no party
    _find(_events(pipeline, "Hungary sent messages of sympathy to President Ilham Aliyev."), "SUPPORT", "HUN", "AZE")
    text = "Araghchi telephoned his Azerbaijani counterpart to convey the government's regret."
    _find(_events(pipeline, text), "CONCEDE", "IRN", "AZE")
    text = "Iran acknowledged on Sunday that one of its drones had crashed into the Nakhchivan airport terminal."
    _find(_events(pipeline, text), "CONCEDE", "IRN", "AZE")


def test_responding_to_any_attack_is_a_warning_and_an_excuse_owns_the_deed(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Azerbaijan's defence minister said his country would respond to any new attack on its territory."
    _find(_events(pipeline, text), "THREATEN", "AZE")
    excused = _events(pipeline, "Iranian officials admitted the strike and blamed a technical failure.")
    assert not [e for e in excused if e.event_type == "ACCUSE"]
    urged = _find(_events(pipeline, "The UN urged both governments to respect the peace agreement."), "REQUEST", "UN")
    assert urged.target is None or urged.target.code != "---GOV"  # both governments are the sides, not a sector


def test_persona_non_grata_and_a_promised_response(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Moldova declared a Russian diplomat persona non grata."
    assert _find(_events(pipeline, text), "SANCTION", "MDA", "RUS").mode == "expel"
    text = "Russia called the expulsion an unfriendly act and promised a response."
    _find(_events(pipeline, text), "THREATEN", "RUS")


def test_a_foiled_backed_plot_is_its_backers(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Azerbaijani security services foiled an alleged Iranian-backed plot to blow up a section of the pipeline."
    plot = _find(_events(pipeline, text), "ASSAULT", "IRN", "AZE")
    assert plot.status == "planned"


def test_at_a_sides_request_asks_whoever_acted(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "NATO allies held emergency consultations in Brussels at Turkey's request."
    _find(_events(pipeline, text), "REQUEST", "TUR", "NATO")


def test_a_declined_offer_and_wanted_relations(pipeline) -> None:  # type: ignore[no-untyped-def]
    _find(_events(pipeline, "Azerbaijan declined the offer."), "REJECT", "AZE")
    text = "Iran's deputy interior minister said Tehran wanted good and stable relations with Baku."
    _find(_events(pipeline, text), "AGREE", "IRN", "AZE")


def test_an_unmanned_aircraft_shot_down_was_an_attempted_attack(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Turkish jets shot down an unmanned aircraft that entered Turkish airspace from Iran."
    drone = _find(_events(pipeline, text), "ASSAULT", "IRN", "TUR")
    assert drone.status == "attempted"
    jet = _find(_events(pipeline, "Syrian air defences shot down an Israeli jet."), "ASSAULT", "SYR", "ISR")
    assert jet.status == "occurred"


def test_not_hesitating_to_take_measures_is_a_warning(pipeline) -> None:  # type: ignore[no-untyped-def]
    warned = _find(_events(pipeline, "Turkey said it would not hesitate to take further measures."), "THREATEN", "TUR")
    assert warned.status == "occurred"  # said in the negative, meant as a threat


def test_a_negated_deed_reported_by_its_own_side_is_a_denial(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Iran said its forces did not target Azerbaijan.")
    ev = _find(events, "ASSAULT", "IRN")
    assert ev.status == "denied" and ev.target is not None and ev.target.country == "AZE"
    # another side's deed said not to have happened is only negated
    other = _find(_events(pipeline, "Azerbaijan said Iran did not attack it."), "ASSAULT", "IRN")
    assert other.status == "negated"


def test_a_phone_call_is_between_the_teller_and_the_told(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Turkey's foreign minister told his Iranian counterpart in a phone call that Ankara was concerned."
    ev = _find(_events(pipeline, text), "CONSULT", "TUR")
    assert ev.mode == "phone" and ev.status == "occurred"
    assert ev.target is not None and ev.target.country == "IRN"


def test_talks_between_two_sides_are_reciprocal_and_offered_talks_are_planned(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Oman offered to host talks between Iran and the US.")
    talks = [e for e in events if e.event_type == "CONSULT"]
    pairs = {(e.source.country if e.source else None, e.target.country if e.target else None) for e in talks}
    assert pairs == {("IRN", "USA"), ("USA", "IRN")}
    assert all(e.status == "planned" for e in talks)
    offers = {e.target.country for e in events if e.event_type == "AGREE" and e.target is not None}
    assert offers == {"IRN", "USA"}


def test_the_two_countries_do_not_include_the_one_acting_on_them(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Azerbaijan recalled its ambassador from Iran. Russia offered to mediate between the two countries."
    offers = [e for e in _events(pipeline, text) if e.event_type == "AGREE"]
    assert {e.target.country for e in offers if e.target is not None} == {"AZE", "IRN"}


def test_them_after_a_plural_noun_of_a_country_is_that_group(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Azerbaijan ordered four Iranian diplomats to leave the country, accusing them of helping to organise "
        "a plot to blow up part of the pipeline."
    )
    events = _events(pipeline, text)
    accusation = _find(events, "ACCUSE", "AZE")
    assert accusation.status == "occurred" and accusation.target is not None and accusation.target.country == "IRN"
    plot = next(e for e in events if e.evidence.trigger.startswith("blow"))
    assert plot.status == "planned" and plot.source is not None and plot.source.country == "IRN"


def test_a_place_outside_a_country_is_not_that_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Iran said the drones had been aimed at hostile targets outside Azerbaijan and had gone off course."
    assert not any(
        e.event_type == "ASSAULT" and e.target is not None and e.target.country == "AZE" and e.confidence >= 0.4
        for e in _events(pipeline, text)
    )


def test_the_deed_an_admission_owns_up_to_is_coded_beside_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Iran acknowledged on Monday that the drones which struck Nakhchivan last week had been launched from "
        "its territory, and its foreign minister apologised to his Azerbaijani counterpart."
    )
    events = pipeline.extract_texts([(text, date(2026, 3, 9))])[0]
    assert _find(events, "ASSAULT", "IRN", "AZE").status == "occurred"
    assert _find(events, "CONCEDE", "IRN", "AZE")


def test_what_one_apologises_for_is_ones_own_deed(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Iran's president sent a letter to Ilham Aliyev apologising for last week's drone strike on the airport."
    ev = next(e for e in _events(pipeline, text) if e.event_type == "ASSAULT")
    assert ev.source is not None and ev.source.country == "IRN" and ev.status == "occurred"


def test_a_description_in_apposition_names_no_second_actor(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Ankara, Baku's closest ally, condemned the attack.")
    assert {e.source.country for e in events if e.event_type == "ACCUSE" and e.source} == {"TUR"}


def test_support_is_given_to_whoever_requested_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Ankara said it was ready to provide any support Azerbaijan requested."
    ev = next(e for e in _events(pipeline, text) if e.evidence.trigger == "provide")
    assert ev.status == "planned" and ev.target is not None and ev.target.country == "AZE"


def test_the_infinitive_of_a_request_is_the_asked_ones_deed(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The UN Security Council held an emergency meeting at Azerbaijan's request to discuss the attack."
    consults = [e for e in _events(pipeline, text) if e.event_type == "CONSULT"]
    assert consults and all(e.source is not None and e.source.code == "UN" for e in consults)


def test_people_fleeing_fighting_do_not_fight(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Thousands of people fleeing the fighting in Iran crossed into Azerbaijan on Tuesday."
    assert not any(
        e.event_type == "ASSAULT" and e.source is not None and e.source.sector == "CVL" for e in _events(pipeline, text)
    )


def test_calling_an_office_holder_is_a_phone_call_but_calling_him_names_is_not(pipeline) -> None:  # type: ignore[no-untyped-def]
    call = _find(_events(pipeline, "Erdogan called President Aliyev on Friday."), "CONSULT", "TUR")
    assert call.mode == "phone" and call.target is not None and call.target.country == "AZE"
    named = _events(pipeline, "Putin called President Zelensky a criminal.")
    assert not any(e.event_type == "CONSULT" for e in named)
    assert _find(named, "ACCUSE", "RUS").target is not None


def test_aid_with_no_destination_goes_to_the_dateline_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "ASTARA, Azerbaijan, March 3 — Thousands of people crossed from Iran into Azerbaijan on Tuesday. "
        "Georgia sent two planes carrying blankets and medicine."
    )
    aid = next(e for e in pipeline.extract_texts([(text, date(2026, 3, 3))])[0] if e.event_type == "AID")
    assert aid.source is not None and aid.source.country == "GEO"
    assert aid.target is not None and aid.target.country == "AZE"


def test_sanctions_by_union_ministers_and_the_bloc_that_holds_them_responsible(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "European Union foreign ministers on Monday imposed asset freezes and travel bans on six commanders of "
        "Iran's Revolutionary Guards whom the bloc holds responsible for the drone attack."
    )
    events = _events(pipeline, text)
    sanction = _find(events, "SANCTION", "EU")
    assert sanction.target is not None and sanction.target.country == "IRN"
    # "the bloc" is the EU named before, not the Revolutionary Guards named since
    assert _find(events, "ACCUSE", "EU").target is not None


def test_a_sanctioned_sides_threat_and_verdict_go_to_the_sanctioner(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "BRUSSELS, March 16 — European Union foreign ministers imposed sanctions on Iran's Revolutionary Guards. "
        "Iran's foreign ministry spokesman called the sanctions illegal and said Iran reserved the right to take "
        "reciprocal measures. Azerbaijan welcomed the decision."
    )
    events = pipeline.extract_texts([(text, date(2026, 3, 16))])[0]
    assert _find(events, "ACCUSE", "IRN").target.code == "EU"  # type: ignore[union-attr]
    assert _find(events, "THREATEN", "IRN").target.code == "EU"  # type: ignore[union-attr]
    assert _find(events, "SUPPORT", "AZE").target.code == "EU"  # type: ignore[union-attr]


def test_a_protest_against_a_strike_targets_the_embassy_not_the_place_struck(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Several hundred people gathered outside the Iranian embassy in Baku on Saturday to protest against the "
        "drone strike on Nakhchivan."
    )
    protest = next(e for e in _events(pipeline, text) if e.event_type == "PROTEST")
    assert protest.target is not None and protest.target.country == "IRN"


def test_an_organisations_mission_can_warn(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Iran's mission to the European Union warned NATO not to get involved in the conflict."
    warning = _find(_events(pipeline, text), "THREATEN", "IRN")
    assert warning.target is not None and warning.target.code == "NATO"


def test_a_supposed_deed_is_weak(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Iran said any deployment of additional forces near its borders would be treated as hostile."
    events = _events(pipeline, text)
    # a kind of deed classed by "treated as" names none done (verdicts.regarded); were it coded, only as supposed
    deployments = [e for e in events if e.evidence.trigger == "deployment"]
    assert all(e.status == "planned" and e.confidence < 0.5 for e in deployments)
    assert not [e for e in events if e.event_type == "MOBILIZE" and e.status == "occurred"]


def test_a_timeline_entry_in_the_present_tense_is_coded(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "March 2 — President Ilham Aliyev signs a book of condolences for victims of the Israeli and US strikes.\n\n"
        "March 5 — Two drones launched from Iran hit the airport in Nakhchivan.\n\n"
        "March 6 — Azerbaijan summons Iran's ambassador. Iran denies any role."
    )
    events = pipeline.extract_texts([(text, date(2026, 3, 15))])[0]
    summons = _find(events, "ACCUSE", "AZE", "IRN")
    assert summons.date == "2026-03-06"
    # the denial is of the deed told with Iran as its doer, not of the US strikes named first
    denied = next(e for e in events if e.status == "denied")
    assert denied.source is not None and denied.source.country == "IRN"
    assert denied.target is None or denied.target.country == "AZE"


def test_the_one_punished_for_a_deed_did_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Azerbaijani officials are debating how far to go in punishing Iran for last week's drone strike."
    strike = next(e for e in _events(pipeline, text) if e.event_type == "ASSAULT")
    assert strike.source is not None and strike.source.country == "IRN"


def test_forces_put_on_combat_readiness_mobilize(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The defence ministry said its air defence units had been put on full combat readiness."
    ev = _find(_events(pipeline, text), "MOBILIZE")
    assert ev.source is not None and ev.source.sector == "MIL"


def test_recalling_ones_own_ambassador_targets_the_other_side(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Azerbaijan recalled its ambassador on Monday.")
    recall = _find(events, "SANCTION", "AZE")
    assert recall.target is None or recall.target.country != "AZE"


def test_it_after_an_unknown_company_is_that_company(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Turkish navy started escorting tankers on Friday. BP, the pipeline's operator, said flows were normal "
        "and that it was cooperating closely with the security services."
    )
    coop = _find(_events(pipeline, text), "COOPERATE")
    assert coop.source is not None and coop.source.code is None and coop.source.text == "BP"


def test_a_role_the_tagger_calls_an_organisation_is_still_a_role(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "In Türkiye, the navy started escorting tankers leaving the Ceyhan terminal, the defence ministry said."
    escort = next(e for e in _events(pipeline, text) if e.evidence.trigger == "escorting")
    assert escort.source is not None and escort.source.sector == "MIL"


def test_a_state_announcing_a_strike_on_its_enemy_announces_its_own(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Israel said on Sunday that an air strike in eastern Syria had killed a senior commander of Iran's "
        "Revolutionary Guards."
    )
    strike = _find(_events(pipeline, text), "ASSAULT", "ISR")
    assert strike.target is not None and strike.target.country == "IRN"
    # a victim or a monitor telling of a strike is not its doer
    told = _events(pipeline, "Syria said an air strike had killed five soldiers.")
    assert next(e for e in told if e.event_type == "ASSAULT").source is None


def test_a_protest_at_a_violation_of_sovereignty_goes_to_whoever_struck_on_its_soil(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "JERUSALEM, March 8 — Israel said on Sunday that an air strike in eastern Syria had killed a senior "
        "commander of Iran's Revolutionary Guards. Iran confirmed the commander's death and vowed revenge. "
        "Syria's foreign ministry condemned what it called a violation of its sovereignty."
    )
    events = pipeline.extract_texts([(text, date(2026, 3, 8))])[0]
    assert _find(events, "ACCUSE", "SYR").target.country == "ISR"  # type: ignore[union-attr]
    assert _find(events, "THREATEN", "IRN").target.country == "ISR"  # type: ignore[union-attr]


def test_a_meeting_between_the_two_countries_ministers_is_between_the_two_countries(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Azerbaijan said it had accepted Iran's apology. The decision followed a meeting between the two "
        "countries' foreign ministers in Istanbul."
    )
    meetings = [e for e in _events(pipeline, text) if e.evidence.trigger == "meeting"]
    pairs = {(e.source.country if e.source else None, e.target.country if e.target else None) for e in meetings}
    assert pairs == {("AZE", "IRN"), ("IRN", "AZE")}


def test_a_launch_said_not_to_be_directed_at_a_country_is_denied(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The Iranian embassy in Ankara said the launch had not been directed at Türkiye."
    ev = _find(_events(pipeline, text), "ASSAULT", "IRN", "TUR")
    assert ev.status == "denied"


def test_sending_ones_ambassador_back_restores_relations_with_the_other(pipeline) -> None:  # type: ignore[no-untyped-def]
    ev = _find(_events(pipeline, "Azerbaijan said it would send its ambassador back to Tehran."), "SUPPORT", "AZE")
    assert ev.target is not None and ev.target.country == "IRN"


def test_hosting_talks_between_two_sides_mediates_between_them(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Georgia's prime minister said Georgia was ready to host talks between Azerbaijan and Iran."
    hosted = [e for e in _events(pipeline, text) if e.evidence.trigger == "host"]
    assert {(e.source.country, e.target.country) for e in hosted if e.source and e.target} == {
        ("GEO", "AZE"),
        ("GEO", "IRN"),
    }
    assert all(e.status == "planned" for e in hosted)


def test_drills_called_provocative_are_those_just_told(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Turkish and Azerbaijani forces began a week of joint military exercises in the Nakhchivan exclave. "
        "Iran's army chief described the drills as provocative."
    )
    ev = _find(_events(pipeline, text), "ACCUSE", "IRN")
    assert ev.target is not None and ev.target.country in ("TUR", "AZE")


def test_a_missile_shot_down_in_a_relative_clause_is_an_attempted_attack(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Türkiye summoned Iran's chargé d'affaires to protest against a violation of Turkish airspace by an "
        "Iranian missile that was later shot down by NATO."
    )
    ev = next(e for e in _events(pipeline, text) if e.evidence.trigger.startswith("shot"))
    assert (ev.event_type, ev.status) == ("ASSAULT", "attempted")
    assert ev.source is not None and ev.source.country == "IRN"


def test_responding_with_strikes_is_an_attack(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Israel responded with artillery fire and air strikes on villages in southern Lebanon."
    ev = _find(_events(pipeline, text), "ASSAULT", "ISR")
    assert ev.target is not None and ev.target.country == "LBN"


def test_an_envoy_called_to_the_ministry_is_summoned_by_the_dateline_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "ANKARA, March 14 — Turkish authorities found the wreckage of a drone near the Iranian border. "
        "Iran's ambassador was called to the foreign ministry for an explanation."
    )
    ev = _find(pipeline.extract_texts([(text, date(2026, 3, 14))])[0], "ACCUSE", target="IRN")
    assert ev.source is not None and ev.source.country == "TUR"


def test_a_place_damaged_by_a_drone_was_attacked_by_its_owner(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The Commission announced aid to repair the airport terminal in Nakhchivan damaged by an Iranian drone."
    ev = _find(_events(pipeline, text), "ASSAULT", "IRN")
    assert ev.target is not None and ev.target.country == "AZE"


def test_troops_moved_to_a_border_face_the_country_across_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Iran has moved additional troops and armoured units to its border with Azerbaijan."
    moves = [e for e in _events(pipeline, text) if e.event_type == "MOBILIZE"]
    assert moves and all(e.target is not None and e.target.country == "AZE" for e in moves)


def test_a_denial_after_an_arrest_is_not_of_the_arrest(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "TBILISI, March 15 — Georgian police detained three men carrying explosives near a pumping station of the "
        "pipeline. Iran's embassy in Tbilisi denied any involvement."
    )
    events = pipeline.extract_texts([(text, date(2026, 3, 15))], min_confidence=0.0)[0]
    assert not any(e.event_type == "COERCE" and e.status == "denied" for e in events)


def test_reaffirming_a_commitment_to_a_country_supports_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The United States reaffirmed its commitment to Israel's security."
    ev = _find(_events(pipeline, text), "SUPPORT", "USA")
    assert ev.target is not None and ev.target.country == "ISR"


def test_a_shooting_on_the_border_with_a_country_is_not_aimed_at_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "An Armenian soldier was killed and another wounded in a shooting on the border with Azerbaijan on "
        "Saturday, Armenia's defence ministry said."
    )
    shootings = [e for e in _events(pipeline, text) if e.evidence.trigger == "shooting"]
    assert not any(e.target is not None and e.target.country == "AZE" for e in shootings)


def test_a_talk_by_telephone_is_with_the_one_named_after_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "President Ilham Aliyev discussed the incident by telephone with Turkish President Recep Tayyip Erdogan."
    ev = _find(_events(pipeline, text), "CONSULT", "AZE")
    assert ev.target is not None and ev.target.country == "TUR"


def test_a_phone_call_to_a_titled_name_is_a_call(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "French President Emmanuel Macron called Lebanese Prime Minister Nawaf Salam on Sunday."
    ev = _find(_events(pipeline, text), "CONSULT", "FRA", "LBN")
    assert ev.mode == "phone"


def test_a_group_planning_an_attack_is_its_doer_not_the_one_who_broke_it_up(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Azerbaijan's security service said it had broken up a cell planning to bomb a pumping station near Ganja."
    events = _events(pipeline, text)
    bomb = next(e for e in events if e.evidence.trigger == "bomb")
    assert bomb.status == "planned" and (bomb.source is None or bomb.source.country != "AZE")
    assert bomb.target is not None and bomb.target.country == "AZE"


def test_a_role_named_without_a_country_belongs_to_the_verbs_subject(pipeline) -> None:  # type: ignore[no-untyped-def]
    ev = _find(_events(pipeline, "Georgia has kept police patrols along its stretch of the pipeline."), "MOBILIZE")
    assert ev.source is not None and ev.source.code == "GEOCOP"


def test_patrols_tripled_are_a_mobilisation(pipeline) -> None:  # type: ignore[no-untyped-def]
    ev = _find(_events(pipeline, "Georgia has tripled police patrols along its stretch of the pipeline."), "MOBILIZE")
    assert ev.source is not None and ev.source.country == "GEO" and "triple patrol" in ev.evidence.coder


def test_talks_about_a_deed_are_not_with_its_doer(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The UN Security Council met on Friday to discuss the Iranian drone strikes on Nakhchivan."
    talks = [e for e in _events(pipeline, text) if e.event_type == "CONSULT"]
    assert talks and not any(e.target is not None and e.target.country == "IRN" for e in talks)


def test_regretting_an_incident_owns_up_to_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Iranian drones struck Nakhchivan airport on Monday. On Tuesday Iran regretted the incident."
    ev = _find(_events(pipeline, text), "CONCEDE", "IRN")
    assert ev.target is not None and ev.target.country == "AZE"
    assert "regret incident" in ev.evidence.coder


def test_a_states_own_army_is_not_the_target_of_its_mobilisation(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "President Ilham Aliyev ordered the army to reinforce air defences in Nakhchivan."
    moves = [e for e in _events(pipeline, text) if e.event_type == "MOBILIZE"]
    assert moves and all(e.target is None or e.target.country != "AZE" for e in moves)


def test_air_defence_systems_sent_to_another_country_are_military_aid(pipeline) -> None:  # type: ignore[no-untyped-def]
    ev = _find(_events(pipeline, "Turkey sent air defence systems to Azerbaijan on Monday."), "AID", "TUR", "AZE")
    assert ev.cameo == "072"


def test_workers_deployed_abroad_are_no_mobilisation(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The president will not lift the ban on deployment of workers to Kuwait."
    assert not any(e.event_type == "MOBILIZE" for e in _events(pipeline, text))


def test_a_state_barring_anothers_ships_restricts_that_state(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Georgia barred Iranian-flagged vessels from its Black Sea port of Batumi on Saturday."
    _find(_events(pipeline, text), "COERCE", "GEO", "IRN")


def test_drones_armed_are_no_military_aid_and_an_expected_apology_is_a_demand(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert not any(e.event_type == "AID" for e in _events(pipeline, "It did not say whether the drones were armed."))
    ev = _find(_events(pipeline, "Baku still expected a formal apology from Tehran."), "REQUEST", "AZE", "IRN")
    assert "expect apology" in ev.evidence.coder


def test_a_judgement_told_as_a_copula_accuses_what_it_judges(pipeline) -> None:  # type: ignore[no-untyped-def]
    ev = _find(_events(pipeline, "Iran said Israel was a threat to the whole region."), "ACCUSE", "IRN", "ISR")
    assert "be threat" in ev.evidence.coder
    text = "Iranian drones struck Nakhchivan on Thursday. Baku said the drone attack was a terrorist act."
    verdict = next(e for e in _events(pipeline, text) if "be act terrorist" in e.evidence.coder)
    assert verdict.source is not None and verdict.source.country == "AZE"
    assert verdict.target is not None and verdict.target.country == "IRN"


def test_a_narrators_copula_is_nobodys_verdict(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "The attack was a violation of international law.")
    assert not any("be violation" in e.evidence.coder for e in events)


def test_joint_drills_of_two_forces_named_by_a_role_are_both_countries(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Turkish and Azerbaijani forces began joint air defence exercises in the Nakhchivan exclave on Monday."
    drills = [e for e in _events(pipeline, text) if e.event_type == "COOPERATE"]
    assert {(e.source and e.source.country, e.target and e.target.country) for e in drills} == {
        ("TUR", "AZE"),
        ("AZE", "TUR"),
    }


def test_air_defences_cannot_vow(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Iran's Revolutionary Guards said air defences had shot down two Israeli missiles and vowed a response."
    _find(_events(pipeline, text), "THREATEN", "IRN")


def test_what_a_strike_destroyed_is_no_interception(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Israeli aircraft struck an air base near Tabriz on Wednesday, destroying drones parked on the runway."
    events = _events(pipeline, text)
    assert not any(e.evidence.trigger.startswith("destroy") and e.status == "attempted" for e in events)
    _find(events, "ASSAULT", "ISR", "IRN")


def test_a_passive_deed_reported_by_state_media_is_the_states(pipeline) -> None:  # type: ignore[no-untyped-def]
    ev = _find(_events(pipeline, "Iranian state media said the drivers had been detained."), "COERCE", "IRN")
    assert ev.source is not None and ev.source.code == "IRN"


def test_a_thing_a_state_owns_lends_no_doer_to_what_its_verb_names(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The United States said its defence treaty with the Philippines covers attacks on Philippine vessels."
    attacks = [e for e in _events(pipeline, text) if e.event_type == "ASSAULT"]
    assert not any(e.source is not None and e.source.country == "USA" for e in attacks)
    _find(_events(pipeline, "Iran's forces launched attacks on the town."), "ASSAULT", "IRN")


def test_a_threat_that_the_speakers_side_will_strike_is_aimed_at_the_target_of_the_strike(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Iran's army chief warned that Tehran would strike any base in Azerbaijan."
    ev = _find(_events(pipeline, text), "THREATEN", "IRN")
    assert ev.target is not None and ev.target.country == "AZE"


def test_people_sheltering_take_shelter_and_relief_goods_delivered_are_aid(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "About 3,000 Iranians were sheltering near the Astara border crossing on Wednesday."
    assert not any(e.event_type == "AID" for e in _events(pipeline, text))
    text = "The UN refugee agency delivered tents and blankets to displaced families in Azerbaijan."
    _find(_events(pipeline, text), "AID", "UNHCR")


def test_citing_attacks_lends_them_no_doer(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "EU ministers agreed to impose sanctions on Iranian officials, citing the attacks on Azerbaijan."
    assert not any(e.event_type == "ASSAULT" and e.source is not None for e in _events(pipeline, text))


def test_a_statement_joined_to_a_clause_about_a_pact_is_the_speakers(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Iran's foreign ministry said the pact would not change the balance of power and warned Ankara."
    ev = _find(_events(pipeline, text), "THREATEN", "IRN", "TUR")
    assert ev.evidence.trigger == "warned"


def test_a_decision_called_regrettable_is_reproached_but_an_admitted_error_is_not(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Turkey's parliament voted to extend the deployment. Iran's embassy said the decision was regrettable."
    assert any("be regrettable" in e.evidence.coder for e in _events(pipeline, text))
    text = "Iran's ambassador said the incident had been a regrettable technical error."
    assert not any("be regrettable" in e.evidence.coder for e in _events(pipeline, text))


def test_an_accusation_said_to_be_baseless_is_denied_and_a_charge_daffaires_recalled(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Iran accused Azerbaijan of helping Israel. Baku said the accusation was baseless."
    _find(_events(pipeline, text), "REJECT", "AZE", "IRN")
    text = "Baku responded by recalling its chargé d'affaires from Tehran."
    _find(_events(pipeline, text), "SANCTION", "AZE", "IRN")


def test_a_state_monitoring_drills_does_not_hold_them_and_responding_appropriately_threatens(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Pakistan and Turkey began joint naval drills. Iran said it was monitoring the drills closely."
    drills = [e for e in _events(pipeline, text) if e.event_type == "MOBILIZE"]
    assert not any(e.source is not None and e.source.country == "IRN" for e in drills)
    ev = _find(_events(pipeline, "Iran said it would respond appropriately to the expulsion."), "THREATEN", "IRN")
    assert "respond appropriately" in ev.evidence.coder


def test_a_frigate_sent_to_escort_a_tanker_is_a_deployment(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The EU naval mission said one of its frigates had been sent to escort the tanker."
    ev = _find(_events(pipeline, text), "MOBILIZE", "EU")
    assert "send frigate" in ev.evidence.coder


def test_a_note_handed_over_demands_of_whom_it_was_handed_to(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Baku sent Tehran a letter demanding compensation.")
    assert _find(events, "REQUEST", "AZE", "IRN").evidence.trigger == "demanding"
    text = "Azerbaijan summons Iran's ambassador and hands him a protest note demanding an apology."
    events = _events(pipeline, text)
    _find(events, "REQUEST", "AZE")


def test_a_second_drone_hits_the_side_the_first_hit_when_neither_has_a_doer(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The ministry says a drone struck the terminal of Nakhchivan international airport. "
        "A second drone came down near a school in the village of Shakarabad, the ministry says."
    )
    events = [e for e in _events(pipeline, text) if e.evidence.trigger.startswith("came")]
    assert events and events[0].target is not None and events[0].target.country == "AZE"
    assert events[0].source is None and "+anaphora" in events[0].evidence.coder


def test_readiness_ordered_is_a_mobilisation_done(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "President Ilham Aliyev orders the army onto full combat readiness.")
    assert _find(events, "MOBILIZE", "AZE").status == "occurred"
    events = _events(pipeline, "The government ordered troops to withdraw from the border.")
    assert all(e.status == "planned" for e in events if e.event_type == "RETREAT")


def test_a_deployment_a_state_would_allow_is_planned(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Turkey said it would allow NATO to deploy additional Patriot batteries at Incirlik air base."
    assert _find(_events(pipeline, text), "MOBILIZE", "NATO").status == "planned"
    allowed = _events(pipeline, "Turkey allowed NATO to deploy additional Patriot batteries.")
    assert _find(allowed, "MOBILIZE", "NATO").status == "occurred"


def test_a_missile_said_not_to_have_been_aimed_after_a_malfunction_is_denied(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Iran said the missile intercepted over Turkey had malfunctioned and had not been aimed at Turkish territory."
    )
    ev = _find(_events(pipeline, text), "ASSAULT", "IRN", "TUR")
    assert ev.status == "denied" and ev.evidence.trigger == "aimed"


def test_fire_from_positions_behind_an_adverb_names_the_attacker(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Baku said its troops had come under fire first from Armenian positions."
    _find(_events(pipeline, text), "ASSAULT", "ARM", "AZE")


def test_a_condemned_attack_without_a_doer_leaves_the_condemnation_without_target(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Governments reacted on Saturday to the drone strike on Nakhchivan. Georgia's foreign ministry "
        "expressed solidarity with Azerbaijan and called the attack unacceptable."
    )
    events = _events(pipeline, text)
    _find(events, "SUPPORT", "GEO", "AZE")
    accusations = [e for e in events if e.event_type == "ACCUSE" and e.source is not None and e.source.country == "GEO"]
    assert accusations and all(e.target is None for e in accusations)


def test_tent_camps_set_up_for_people_fleeing_are_aid(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Azerbaijani Red Crescent said it had set up two tent camps near the Astara crossing for people fleeing"
        " Iran."
    )
    assert _find(_events(pipeline, text), "AID", "AZE").evidence.trigger.startswith("set")


def test_people_arrested_on_a_charge_of_spying_for_a_state_are_that_states_agents(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Police arrested two men accused of spying for Iran.")
    assert _find(events, "ACCUSE", target="IRN").evidence.trigger == "accused"
    text = "Azerbaijan freed two Iranian nationals convicted of spying for the Revolutionary Guards."
    freed = _events(pipeline, text)
    assert not [e for e in freed if e.event_type == "ACCUSE" and e.confidence >= 0.3]


def test_an_appeal_to_both_sides_in_a_round_up_is_not_to_the_last_voices(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Governments reacted on Saturday to the drone strike on Nakhchivan. Pakistan condemned what it described"
        " as a violation of Azerbaijan's territorial integrity. Armenia called on both sides to avoid steps that"
        " could widen the conflict."
    )
    appeals = [e for e in _events(pipeline, text) if e.event_type == "REQUEST" and e.source is not None]
    assert appeals and not any(e.target is not None and e.target.country == "PAK" for e in appeals)


def test_a_drone_hitting_the_dateline_citys_airport_hits_that_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "NAKHCHIVAN, March 5 — Residents heard explosions.\n\nA drone hit the passenger terminal of the city's"
        " airport, injuring four people, the ministry said."
    )
    deeds = [e for e in _events(pipeline, text) if e.event_type == "ASSAULT" and e.evidence.sentence_index == 1]
    assert deeds and all(e.source is None and e.target is not None and e.target.country == "AZE" for e in deeds)


def test_jets_sent_to_an_ally_are_not_the_ally_or_the_sender(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Turkey would send additional F-16 fighter jets to Azerbaijan.")
    aid = _find(events, "AID", "TUR", "AZE")
    assert aid.status == "planned"
    assert not [e for e in events if e.event_type == "AID" and e.target is not None and e.target.code == "TURMIL"]


def test_an_attack_regarded_as_an_attack_on_oneself_is_a_pledge_of_protection(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Ankara considered an attack on Azerbaijan an attack on Turkey.")
    assert _find(events, "AGREE", "TUR", "AZE").cameo == "0334"
    assert not [e for e in events if e.event_type == "ASSAULT"]
    events = _events(pipeline, "Turkey would regard any attack on Azerbaijan as an attack on itself.")
    assert not [e for e in events if e.event_type == "ASSAULT"]
    judged = _events(pipeline, "Azerbaijan considers the attack an act of terrorism.")  # a deed done, judged
    assert not [e for e in judged if e.event_type == "AGREE"]


def test_a_strike_told_as_the_time_of_a_session_is_no_strike_held(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A day after Iranian drones struck Nakhchivan, Azerbaijan's parliament held an emergency session and voted"
        " to suspend a gas swap agreement with Iran."
    )
    events = _events(pipeline, text)
    assert not [e for e in events if e.event_type == "PROTEST"]
    _find(events, "ASSAULT", "IRN", "AZE")
    _find(events, "SANCTION", "AZE", "IRN")


def test_an_ambassador_returned_restores_ties_but_an_ambassador_returning_does_not(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Azerbaijan said it would return its ambassador to Tehran once the commission began work."
    events = _events(pipeline, text)
    _find(events, "SUPPORT", "AZE", "IRN")
    travelled = _events(pipeline, "The ambassador returned to Baku on Monday.")
    assert not [e for e in travelled if e.event_type == "SUPPORT"]


def test_a_plot_a_court_punished_was_aimed_at_the_courts_state(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "BAKU, June 10 — A Baku court on Wednesday sentenced five men to between 12 and 15 years in prison for"
        " plotting to blow up a section of the Baku–Tbilisi–Ceyhan pipeline on the orders of Iran's Revolutionary"
        " Guards."
    )
    plot = _find(_events(pipeline, text, date(2026, 6, 10)), "ASSAULT", "IRN", "AZE")
    assert plot.status == "planned"


def test_a_trial_said_to_be_politically_motivated_is_an_accusation_by_the_speaker(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Iran's embassy said the trial was politically motivated.")
    assert _find(events, "ACCUSE", "IRN").evidence.trigger == "was"


def test_missiles_intercepted_by_a_host_were_fired_by_whoever_fired_them(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Iran fired ballistic missiles at U.S. bases in Qatar and Bahrain early on Monday in retaliation for"
        " American strikes on its nuclear facilities. Qatar's defence ministry said its air defences intercepted"
        " most of the missiles. Bahrain condemned the attack as a violation of its sovereignty. The United States"
        " said it would respond at a time of its choosing."
    )
    events = _events(pipeline, text, date(2026, 3, 2))
    assert _find(events, "ASSAULT", "IRN", "QAT").status == "attempted"
    _find(events, "ACCUSE", "BHR", "IRN")  # the attack condemned, not the strikes it answered
    _find(events, "THREATEN", "USA", "IRN")


def test_telling_a_counterpart_by_phone_is_a_call(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Iran's foreign minister told his Turkish counterpart by phone that the missile had not been aimed at it."
    events = _events(pipeline, text)
    assert _find(events, "CONSULT", "IRN", "TUR").mode == "phone"


def test_an_accusation_told_as_the_time_of_an_appeal_is_no_appeal(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Saudi Arabia called on Iran and Azerbaijan on Sunday to resolve their dispute through dialogue, after Baku"
        " accused Tehran of a drone attack on its Nakhchivan exclave."
    )
    events = _events(pipeline, text)
    assert _find(events, "ACCUSE", "AZE", "IRN").evidence.trigger == "accused"
    assert not [e for e in events if e.event_type == "REQUEST" and e.evidence.trigger == "accused"]


def test_a_verdict_described_as_motivated_accuses_the_court_that_gave_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A court in Baku on Tuesday sentenced two men to 12 years in prison for plotting to sabotage the"
        " Baku–Tbilisi–Ceyhan pipeline on behalf of Iran's Revolutionary Guards. Iran's embassy described the"
        " verdict as politically motivated."
    )
    events = _events(pipeline, text, date(2026, 4, 14))
    assert _find(events, "ASSAULT", "IRN", "AZE").status == "planned"  # the court's state stopped the plot
    assert _find(events, "ACCUSE", "IRN", "AZE").evidence.trigger == "described"


def test_a_welcome_of_the_admission_answers_the_side_that_admitted(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Iran acknowledged on Thursday that one of its drones struck the airport in Nakhchivan and expressed"
        " regret. Azerbaijan welcomed the admission. It said it still expected those responsible to be punished."
    )
    events = _events(pipeline, text, date(2026, 3, 12))
    assert _find(events, "SUPPORT", "AZE", "IRN").evidence.trigger == "welcomed"
    assert any(e.event_type == "REQUEST" and e.evidence.trigger == "expected" for e in pipeline.extract_texts(
        [(text, date(2026, 3, 12))], min_confidence=0.0
    )[0])


def test_a_strike_said_to_be_a_cowardly_act_is_condemned_and_specialists_sent_are_aid(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        'President Ilham Aliyev said the drone strike on Nakhchivan had been "a cowardly act". He thanked'
        " Turkish President Recep Tayyip Erdogan for sending air defence specialists to the exclave."
    )
    events = _events(pipeline, text, date(2026, 3, 9))
    assert _find(events, "ACCUSE", "AZE").evidence.trigger == "been"
    assert _find(events, "AID", "TUR").evidence.trigger == "sending"


def test_a_denied_strike_keeps_its_place_and_the_drones_told_again_hit_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "JERUSALEM, March 7 — Israel on Saturday dismissed Iranian suggestions that Israeli drones, not Iranian"
        ' ones, had struck the airport in Nakhchivan, calling the claim "absurd disinformation". Azerbaijan\'s'
        " foreign ministry said the drones had come from Iran and that it had the radar data to prove it."
    )
    events = _events(pipeline, text, date(2026, 3, 7))
    assert _find(events, "ASSAULT", "ISR", "AZE").status == "denied"
    assert _find(events, "ASSAULT", "IRN", "AZE").evidence.trigger == "come"


def test_a_demand_joined_to_a_recall_is_not_addressed_to_the_recalled_envoy(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Azerbaijan recalls its ambassador from Tehran and demands an apology.")
    demand = next(e for e in events if e.event_type == "REQUEST")
    assert demand.target is None or demand.target.country != "AZE"


def test_a_foreign_strike_told_by_the_home_state_hit_it_and_continues_the_salvo(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "KUWAIT CITY, March 2 — Kuwait said an Iranian missile struck an oil storage facility near the port of"
        " Shuaiba on Monday. The United Arab Emirates said its air defences had intercepted two missiles over"
        " Abu Dhabi."
    )
    events = _events(pipeline, text, date(2026, 3, 2))
    _find(events, "ASSAULT", "IRN", "KWT")
    assert _find(events, "ASSAULT", "IRN", "ARE").status == "attempted"


def test_an_attack_regarded_in_the_passive_as_one_on_oneself_is_a_pledge(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Erdogan said any attack on Azerbaijan would be regarded as an attack on Türkiye.")
    assert _find(events, "AGREE", "TUR", "AZE").cameo == "0334"
    assert not [e for e in events if e.event_type == "ASSAULT"]


def test_closing_a_foreign_funded_centre_penalises_the_state_behind_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Azerbaijani authorities closed an Iranian-funded cultural centre in Baku on Tuesday.")
    assert _find(events, "COERCE", "AZE", "IRN").evidence.trigger == "closed"


def test_ministers_who_met_in_talks_are_the_talks_sides(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The foreign ministers of Azerbaijan and Iran met in Istanbul on Saturday in the first face-to-face talks"
        " since the drone strike on Nakhchivan, with Turkish Foreign Minister Hakan Fidan hosting the meeting."
    )
    events = _events(pipeline, text, date(2026, 3, 28))
    assert _find(events, "CONSULT", "AZE", "IRN").evidence.trigger == "met"


def test_drills_said_to_be_a_provocation_accuse_whoever_held_them(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Turkish forces held an air defence exercise in Nakhchivan on Monday. Iran's army chief of staff said the"
        " drills were a provocation."
    )
    events = _events(pipeline, text, date(2026, 3, 9))
    assert _find(events, "ACCUSE", "IRN", "TUR").evidence.trigger == "were"


def test_a_deployment_condemned_is_the_one_told_as_jets_sent(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The United States is sending a squadron of F-15E fighter jets to Incirlik air base in southern Türkiye."
        " Iran's foreign ministry spokesman condemned the deployment as a dangerous escalation."
    )
    events = _events(pipeline, text, date(2026, 3, 13))
    assert _find(events, "ACCUSE", "IRN", "USA").evidence.trigger == "condemned"


def test_a_speaker_with_no_country_named_is_the_legislature_of_the_reports_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "BAKU, March 29 — Speaker Sahiba Gafarova urged the international community to condemn the attack."
    request = _find(_events(pipeline, text, date(2026, 3, 29)), "REQUEST", "AZE")
    assert request.source is not None and request.source.code == "AZELEG"


def test_a_friendship_group_suspended_with_a_parliament_cuts_ties_with_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Azerbaijan's parliament voted on Sunday to suspend its friendship group with the Iranian parliament."
    ev = _find(_events(pipeline, text, date(2026, 3, 29)), "SANCTION", "AZELEG", "IRNLEG")
    assert ev.cameo == "161"


def test_rejected_calls_answer_whoever_made_them_not_what_someone_called(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Pashinyan rejected calls from opposition lawmakers to shut the Agarak crossing with Iran."
    rejection = _find(_events(pipeline, text, date(2026, 3, 30)), "REJECT", "ARM")
    assert rejection.target is not None and rejection.target.code == "ARMPOL"
    named = "Araghchi rejected what he called attempts to blame Iran without evidence."
    (other,) = [e for e in _events(pipeline, named) if e.event_type == "REJECT"]
    assert "call" not in other.evidence.coder


def test_condemned_allegations_answer_their_author(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "France on Wednesday condemned as unacceptable allegations by Rwanda that it had armed the militias."
    assert _find(_events(pipeline, text), "ACCUSE", "FRA", "RWA").evidence.trigger == "condemned"
    text = "Tehran rejected accusations by Baku that it had sent the drones."
    assert _find(_events(pipeline, text), "REJECT", "IRN", "AZE").evidence.trigger == "rejected"


def test_the_embassy_is_the_one_named_before_not_the_protesters_outside_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "BAKU, April 4 — Several hundred people gathered outside Iran's embassy in Baku on Saturday to protest"
        " against the drone strike on Nakhchivan. Police kept the crowd back from the embassy gates. The embassy"
        " issued a statement urging the Azerbaijani authorities to guarantee the safety of its diplomats."
    )
    events = _events(pipeline, text, date(2026, 4, 4))
    assert _find(events, "REQUEST", "IRN", "AZE").evidence.trigger == "urging"


def test_an_armed_group_at_home_hits_the_country_where_it_struck(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Taliban militants captured a district in Afghanistan's north-eastern Kunduz province on Sunday."
    seized = _find(_events(pipeline, text), "COERCE", "AFG", "AFG")
    assert seized.source is not None and seized.source.sector == "REB"
    bombed = "Philippine militants detonated two bombs along a highway in Ampatuan town in Maguindanao on Friday."
    assert _find(_events(pipeline, bombed), "ASSAULT", "PHLREB", "PHL").evidence.coder.endswith("+place")


def test_air_defence_systems_delivered_are_military_aid(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Türkiye delivered two mobile air defence systems to Azerbaijan on Friday under the countries' defence pact."
    assert _find(_events(pipeline, text, date(2026, 4, 3)), "AID", "TUR", "AZE").cameo == "072"


def test_diplomats_declared_persona_non_grata_are_the_expelled_and_the_accused(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Azerbaijan declared two Iranian diplomats persona non grata on Thursday and gave them 48 hours to leave the"
        " country, the foreign ministry said, accusing them of activities incompatible with their status."
    )
    events = _events(pipeline, text, date(2026, 4, 9))
    assert _find(events, "SANCTION", "AZE", "IRN").mode == "expel"
    assert _find(events, "ACCUSE", "AZE", "IRN").evidence.trigger == "accusing"


def test_a_group_given_by_examples_is_those_examples(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Several members, including France and Britain, called on Iran to respect Azerbaijan's sovereignty."
    events = _events(pipeline, text, date(2026, 4, 9))
    assert {e.source.code for e in events if e.event_type == "REQUEST" and e.source is not None} >= {"FRA", "GBR"}


def test_a_heavy_price_someone_said_another_would_pay_is_their_threat(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Defence Minister Israel Katz said Hezbollah would pay a very heavy price.")
    assert _find(events, "THREATEN", "ISR", "LBN").evidence.trigger == "pay"
    events = _events(pipeline, "Israel vowed that Iran would pay a heavy price.")
    vowed = [e for e in events if e.event_type == "THREATEN"]
    assert [e.evidence.trigger for e in vowed] == ["vowed"]  # the vow pattern already says it: one threat


def test_a_drone_brought_down_was_an_attempted_attack(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Azerbaijani forces brought down an Iranian drone near Lankaran.")
    ev = _find(events, "ASSAULT", "IRN", "AZE")
    assert ev.status == "attempted"


def test_missiles_intercepted_are_the_attacker_told_so_far_not_the_one_answered_later(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "09:05 — Bahrain's interior ministry says air raid sirens sounded in Manama overnight after Iran launched a"
        " salvo of missiles at the US Navy's Fifth Fleet headquarters.\n\n"
        "09:40 — The US Central Command says its forces and Bahraini air defences intercepted all of the incoming"
        " missiles.\n\n"
        "11:30 — Iran's Revolutionary Guards say the strike was a response to US raids on Iranian naval bases."
    )
    events = _events(pipeline, text, date(2026, 4, 11))
    intercepted = [e for e in events if e.evidence.trigger == "intercepted"]
    assert intercepted and all(e.source is not None and e.source.country == "IRN" for e in intercepted)


def test_an_opposition_leader_with_no_country_named_is_the_opposition_of_the_reports_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "ANKARA, April 15 — Opposition leader Özgür Özel urged the government to keep Türkiye out of the war."
    request = _find(_events(pipeline, text, date(2026, 4, 15)), "REQUEST", "TUR")
    assert request.source is not None and request.source.code == "TURPOL"


def test_a_condemned_arrest_is_not_aimed_at_the_one_arrested(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Human rights groups have condemned the house arrest of opposition leader Maurice Kamto."
    condemned = _find(_events(pipeline, text), "ACCUSE")
    assert condemned.target is None or condemned.target.sector != "POL"
    owned = _events(pipeline, "Iran condemned Israel's arrest of Iranian activists.")
    assert _find(owned, "ACCUSE", "IRN", "ISR").evidence.trigger == "condemned"


def test_deeds_someone_stopped_short_of_are_not_done(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "President Ilham Aliyev has stopped short of closing the border with Iran or expelling its ambassador."
    deeds = [e for e in _events(pipeline, text) if e.event_type in ("COERCE", "SANCTION")]
    assert deeds and all(e.status == "negated" for e in deeds)
    text = "The Philippines accused Chinese coast guard vessels of ramming and firing water cannon."
    accused = _events(pipeline, text)
    assert _find(accused, "ASSAULT", "CHN").status == "occurred"  # an accusation's gerunds keep what they tell


def test_a_judgement_in_a_second_coordinated_adjective_still_counts(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Iran's embassy in Tbilisi called the exercise unnecessary and provocative."
    assert _find(_events(pipeline, text), "ACCUSE", "IRN").evidence.coder.startswith("rules-v1:verb:call provocative")


def test_an_attack_a_drill_simulated_did_not_happen(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The drill, near the Georgian town of Rustavi, simulated an attack by an armed group on a pumping station."
    assert _find(_events(pipeline, text), "ASSAULT").status == "negated"


def test_wheat_shipped_to_a_country_is_aid(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Russia shipped 60,000 tonnes of wheat to Iran across the Caspian Sea this week."
    assert _find(_events(pipeline, text, date(2026, 4, 18)), "AID", "RUS", "IRN").cameo == "073"


def test_coordinated_demonyms_on_a_strike_are_each_a_doer(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Israeli and American strikes hit Iranian nuclear facilities.")
    assert {e.source.country for e in events if e.evidence.trigger == "strikes" and e.source} == {"ISR", "USA"}


def test_a_shell_that_landed_is_owned_by_the_state_that_regrets_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "YEREVAN, April 20 — An artillery shell fired during fighting on the Iranian side of the border landed near"
        " the Armenian town of Meghri on Monday, damaging a farm building, Armenia's defence ministry said.\n\n"
        "The foreign ministry in Yerevan handed a note of protest to the Iranian ambassador.\n\n"
        "The Iranian embassy expressed regret and said the matter would be investigated."
    )
    events = _events(pipeline, text, date(2026, 4, 20))
    assert _find(events, "ASSAULT", "IRN", "ARM").evidence.trigger == "landed"


def test_a_weapon_the_pattern_names_keeps_its_mode_beside_other_attacks(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Iran fired more than 100 ballistic missiles at Israel on Monday in retaliation for Israeli and American air"
        " strikes on its nuclear facilities."
    )
    events = _events(pipeline, text, date(2026, 3, 2))
    assert _find(events, "ASSAULT", "IRN", "ISR").mode == "heavy-weapons"
    assert _find(events, "ASSAULT", "USA", "IRN").mode == "aerial"


def test_an_attack_said_to_bear_a_groups_hallmarks_is_the_speakers_attribution(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Azerbaijan's Special State Protection Service said the attack bore the hallmarks of a hacking group linked"
        " to Iran's intelligence ministry."
    )
    events = _events(pipeline, text, date(2026, 4, 22))
    assert _find(events, "ACCUSE", "AZE", "IRN").evidence.trigger == "bore"
    attacks = [e for e in events if e.event_type == "ASSAULT"]
    assert all(e.source is None or e.source.country != "AZE" for e in attacks)  # attributed, not announced


def test_a_states_strike_on_its_own_rebels_and_their_kidnapping_of_its_people_are_two_deeds(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Ankara said the strikes targeted PKK militants who had kidnapped four Turkish engineers near Zakho."
    events = _events(pipeline, text, date(2026, 4, 26))
    targeted = next(e for e in events if e.evidence.trigger == "targeted")
    assert targeted.source is not None and targeted.source.code == "TURGOV"  # Ankara announces its own strike
    assert targeted.target is not None and targeted.target.sector == "REB"
    kidnapped = next(e for e in events if e.evidence.trigger == "kidnapped")
    assert kidnapped.source is not None and kidnapped.source.sector == "REB"
    assert kidnapped.target is not None and kidnapped.target.country == "TUR"


def test_guards_handed_back_are_released_and_reconsidered_cooperation_is_a_threat(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Azerbaijan on Friday handed back to Iran two border guards who had been detained near Bilasuvar."
    assert _find(_events(pipeline, text, date(2026, 5, 1)), "RETREAT", "AZE", "IRN").mode == "release"
    text = "Iran's foreign ministry spokesman said Tehran would reconsider its cooperation with Tbilisi."
    assert _find(_events(pipeline, text), "THREATEN", "IRN", "GEO").cameo == "1313"


def test_the_decision_welcomed_is_the_one_agreed_not_the_pledges_after_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "BRUSSELS, May 2 — NATO defence ministers agreed on Saturday to send additional Patriot batteries to Türkiye."
        " Germany and the Netherlands will each provide one battery. Turkish Defence Minister Yaşar Güler welcomed"
        " the decision."
    )
    events = _events(pipeline, text, date(2026, 5, 2))
    assert _find(events, "SUPPORT", "TUR", "NATO").evidence.trigger == "welcomed"


def test_an_aid_convoy_that_arrived_and_the_head_of_a_government_who_thanked(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "NAKHCHIVAN, May 4 — A convoy of 12 trucks from the Turkish Red Crescent carrying medicine, generators and"
        " tents arrived in Nakhchivan on Monday. The head of the exclave's government, Anar Ibrahimov, thanked"
        " Türkiye for its support."
    )
    events = _events(pipeline, text, date(2026, 5, 4))
    assert _find(events, "AID", "TUR", "AZE").evidence.trigger == "arrived"
    thanks = _find(events, "SUPPORT", "AZE", "TUR")
    assert thanks.source is not None and thanks.source.sector == "GOV"


def test_the_man_is_the_citizen_sentenced_and_the_trial_is_the_courts(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "BAKU, May 5 — A Baku court on Tuesday sentenced an Iranian citizen to 12 years in prison for spying on the"
        " Baku–Tbilisi–Ceyhan pipeline. The man, arrested in March near the Sangachal oil terminal, denied the"
        " charges. Iran's embassy called the trial politically motivated."
    )
    events = _events(pipeline, text, date(2026, 5, 5))
    assert _find(events, "REJECT", "IRN", "AZE").evidence.trigger == "denied"
    assert _find(events, "ACCUSE", "IRN", "AZEJUD").evidence.trigger == "called"


def test_messages_passed_between_two_sides_are_mediation(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Omani mediators passed messages between US and Iranian officials in Muscat on Wednesday."
    events = _events(pipeline, text, date(2026, 5, 6))
    assert _find(events, "CONSULT", "OMN", "USA").cameo == "045"
    assert _find(events, "CONSULT", "OMN", "IRN").cameo == "045"


def test_a_warning_beside_a_demand_is_aimed_at_the_one_asked_and_the_rejection_answers_the_asker(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "BRUSSELS, May 10 — The European Union's foreign policy chief urged Iran on Sunday to halt deliveries of"
        " drones and missiles to Russia, warning that the bloc was ready to impose further sanctions.\n\n"
        "Iran's foreign ministry spokesman rejected the demand, saying Tehran's cooperation with Moscow was not"
        " directed against any third country."
    )
    events = _events(pipeline, text, date(2026, 5, 10))
    assert _find(events, "THREATEN", "EU", "IRN").evidence.trigger == "warning"
    assert _find(events, "REJECT", "IRN", "EU").evidence.trigger == "rejected"


def test_praise_for_the_states_own_police_is_not_redirected_to_the_citizens_it_urged(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "TBILISI, May 12 — Georgian police evacuated residents of two villages near the pipeline on Tuesday. President"
        " Mikheil Kavelashvili urged citizens not to spread rumours and praised the police for their quick response."
    )
    praised = next(e for e in _events(pipeline, text, date(2026, 5, 12)) if e.evidence.trigger == "praised")
    assert praised.target is not None and praised.target.code == "GEOCOP"


def test_trucks_whose_entry_was_suspended_are_the_restricted_side(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Azerbaijan suspended the entry of Iranian trucks at the Astara crossing on Tuesday."
    assert _find(_events(pipeline, text, date(2026, 5, 19)), "COERCE", "AZE", "IRN").mode == "restrict"


def test_the_militia_takes_up_the_armed_group_named_before(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "American aircraft bombed three sites used by Kataib Hezbollah near the Syrian border, a day after a drone "
        "attack wounded four US soldiers at a base in eastern Syria. The Pentagon blamed the militia, which is "
        "backed by Iran, for the drone attack."
    )
    events = _events(pipeline, text)
    blamed = _find(events, "ACCUSE", "USA")
    assert blamed.target is not None and blamed.target.code == "IRQREB"
    # the attack the militia is blamed for is its own, not Iraq's or an unnamed Syrian group's
    attacks = [e for e in events if e.event_type == "ASSAULT" and e.evidence.trigger == "attack"]
    assert attacks and all(e.source is not None and e.source.code == "IRQREB" for e in attacks)


def test_shared_intelligence_is_no_intelligence_service_and_two_sharers_share_with_each_other(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    events = _events(pipeline, "Georgia and Azerbaijan will share intelligence on threats to the pipeline.")
    shared = [e for e in events if e.event_type == "COOPERATE"]
    assert {(e.source.code, e.target.code) for e in shared if e.source and e.target} == {("GEO", "AZE"), ("AZE", "GEO")}
    assert not any(e.target is not None and e.target.sector == "SPY" for e in shared)


def test_an_invitation_is_an_offer_to_meet_and_the_visit_only_planned(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "President Ilham Aliyev invited Recep Tayyip Erdogan to visit Baku in the autumn.")
    offer = _find(events, "AGREE", "AZE", "TUR")
    assert offer.cameo == "036" and offer.status == "occurred"
    visit = _find(events, "CONSULT", "TUR", "AZE")
    assert visit.status == "planned"
    assert offer.date == "2026-03-07" and visit.date == "2026"  # the coming autumn dates the visit only


def test_a_plot_broken_up_in_a_report_about_an_agreement_is_not_the_partners(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    text = (
        "TBILISI, June 5 — Georgia and Azerbaijan signed an agreement on Friday to protect the pipelines that "
        "cross their territory, weeks after Azerbaijani security officers said they had broken up a plot to "
        "sabotage the Baku–Tbilisi–Ceyhan line."
    )
    events = _events(pipeline, text, date(2026, 6, 5))
    plots = [e for e in events if e.event_type == "ASSAULT" and e.status == "planned"]
    assert plots and all(e.source is None for e in plots)


def test_whoever_uncovers_a_plot_did_not_make_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Azerbaijani security officers uncovered a plot to blow up the pipeline.")
    plots = [e for e in events if e.event_type == "ASSAULT"]
    assert plots and not any(e.source is not None and e.source.country == "AZE" for e in plots)


def test_a_seizure_told_beside_the_accusation_that_explains_it_keeps_its_confidence(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    text = (
        "Iran's Revolutionary Guards seized a tanker carrying fuel near the Strait of Hormuz on Wednesday, "
        "accusing it of smuggling, Iranian state television reported."
    )
    seized = _find(pipeline.extract_texts([(text, date(2026, 6, 10))])[0], "COERCE", "IRN")
    assert seized.mode == "confiscate" and seized.cameo == "171"


def test_its_in_a_reported_clause_with_a_plural_subject_is_the_reporters(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Azerbaijan's defence ministry denied the claim and said Armenian troops had fired first at its positions "
        "in the Kalbajar district."
    )
    fired = _find(_events(pipeline, text), "ASSAULT", "ARM")
    assert fired.target is not None and fired.target.country == "AZE"


def test_unnamed_fighters_are_the_armed_group_their_sentence_names(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Turkish drones struck several positions of the Kurdistan Workers' Party (PKK) in the mountains of "
        "northern Iraq on Friday, killing at least six militants."
    )
    hit = [e for e in _events(pipeline, text) if e.event_type == "ASSAULT" and e.target is not None]
    assert hit and all(e.target is not None and e.target.code == "TURREB" for e in hit)


def test_a_protest_at_violations_of_its_territory_is_of_whoever_struck_there(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    text = (
        "ERBIL, June 12 — Turkish drones struck several positions of the Kurdistan Workers' Party (PKK) in the "
        "mountains of northern Iraq on Friday, Turkey's defence ministry said.\n\nThe ministry said the strikes "
        "followed an attack by the group on a Turkish military outpost near the border.\n\nIraq's foreign ministry "
        "protested what it called repeated violations of Iraqi territory."
    )
    protests = [e for e in _events(pipeline, text, date(2026, 6, 12)) if e.event_type == "ACCUSE"]
    assert protests and all(e.target is not None and e.target.code in ("TUR", "TURGOV") for e in protests)


def test_a_carrier_group_ordered_to_a_sea_beside_an_air_strike(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Pentagon ordered a second aircraft carrier strike group to the eastern Mediterranean on Thursday, "
        "hours after Israeli warplanes struck air defence sites near Tabriz and Isfahan."
    )
    events = pipeline.extract_texts([(text, date(2026, 3, 5))])[0]
    moved = _find(events, "MOBILIZE", "USA")
    assert moved.mode == "weapons"
    _find(events, "ASSAULT", "ISR", "IRN")


def test_operations_against_targets_are_an_attack_on_where_they_are(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The drone appeared to have come down after losing its way during Iranian operations against targets "
        "in Iraq."
    )
    events = _events(pipeline, text)
    _find(events, "ASSAULT", "IRN", "IRQ")


def test_drills_held_on_an_allys_soil_face_no_one_there(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "NAKHCHIVAN, March 9 — Türkiye and Azerbaijan signed a defence agreement last year. Turkish forces held an "
        "air defence exercise in Nakhchivan on Monday."
    )
    drills = [e for e in _events(pipeline, text, date(2026, 3, 9)) if e.event_type == "MOBILIZE"]
    assert drills and not any(e.target is not None and e.target.country == "AZE" for e in drills)


def test_whom_an_air_strike_killed_was_hit_besides_the_country_of_the_place(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    text = (
        "An Israeli air strike on a building near Damascus killed a senior commander of Iran's Revolutionary "
        "Guards and four of his aides, the Israeli military said on Thursday."
    )
    events = _events(pipeline, text)
    strikes = [e for e in events if e.event_type == "ASSAULT" and e.evidence.trigger == "strike"]
    targets = {e.target.code for e in strikes if e.target is not None}
    assert {"IRNMIL", "SYR"} <= targets and "ISRMIL" not in targets


def test_visas_suspended_and_resumed(pipeline) -> None:  # type: ignore[no-untyped-def]
    suspended = _find(_events(pipeline, "Turkey suspended visas for Iranian citizens."), "COERCE", "TUR", "IRN")
    assert suspended.cameo == "172"
    resumed = _find(_events(pipeline, "Turkey resumed issuing visas to Iranian drivers."), "RETREAT", "TUR")
    assert resumed.mode == "access"


def test_readiness_ordered_beside_a_condemnation_is_kept(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "BAKU, March 6 — Azerbaijan's Ministry of Defence says two drones launched from Iran hit Nakhchivan "
        'airport.\n\nPresident Ilham Aliyev calls the attack "an act of terror" and orders the army to raise its '
        "combat readiness."
    )
    events = pipeline.extract_texts([(text, date(2026, 3, 6))])[0]
    _find(events, "MOBILIZE", "AZE")
    _find(events, "ACCUSE", "AZE", "IRN")


def test_a_missile_test_fired_is_a_show_of_force_and_the_launch_its(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "TEHRAN, March 20 — Iran test-fired a new medium-range ballistic missile on Friday, days after the United "
        "States imposed fresh sanctions.\n\nIsrael's foreign ministry called the launch a provocation."
    )
    events = _events(pipeline, text, date(2026, 3, 20))
    test = _find(events, "MOBILIZE", "IRN")
    assert test.cameo == "150" and not any(e.event_type == "ASSAULT" and e.source for e in events)
    _find(events, "ACCUSE", "ISR", "IRN")


def test_a_reported_violation_is_the_speakers_charge(pipeline) -> None:  # type: ignore[no-untyped-def]
    charge = _find(_events(pipeline, "Azerbaijan said Iran violated the agreement."), "ACCUSE", "AZE", "IRN")
    assert charge.cameo == "111"
    # told by the narrator, the violation stays the violator's act
    assert _find(_events(pipeline, "Iran violated the agreement."), "REJECT", "IRN").cameo == "128"


def test_a_weapon_over_a_place_near_a_border_was_not_aimed_at_the_neighbour(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    text = (
        "Azerbaijani air defences shot down an Iranian-made Shahed drone over the Bilasuvar district near the "
        "Iranian border early on Wednesday, the defence ministry said."
    )
    downed = _find(_events(pipeline, text), "ASSAULT", "IRN")
    assert downed.status == "attempted" and downed.target is not None and downed.target.country == "AZE"


def test_rockets_told_by_the_side_they_hit_are_not_its_own(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Several rockets struck the Ain al-Asad air base in western Iraq late on Friday, the US-led coalition said."
    struck = [e for e in _events(pipeline, text) if e.event_type == "ASSAULT"]
    assert struck and not any(e.source is not None and e.source.country == "USA" for e in struck)


def test_a_group_that_calls_itself_by_a_known_name_is_that_group(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "An Iran-aligned militia calling itself the Islamic Resistance in Iraq claimed responsibility for the "
        "attack."
    )
    claimed = [e for e in _events(pipeline, text) if e.event_type == "ASSAULT"]
    assert claimed and all(e.source is not None and e.source.code == "IRQREB" for e in claimed)


def test_a_sponsor_named_before_a_militia_is_not_its_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "An Iran-aligned militia, Kataib Hezbollah, threatened further strikes on American forces."
    threat = _find(_events(pipeline, text), "THREATEN", target="USA")
    assert threat.source is not None and threat.source.code == "IRQREB"


def test_an_offer_to_let_aircraft_through_is_made_to_their_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Armenia has offered to let Azerbaijani civilian aircraft fly over its territory to reach Nakhchivan."
    _find(_events(pipeline, text), "AGREE", "ARM", "AZE")


def test_what_a_side_described_as_an_armed_groups_depots_is_the_groups(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Israeli jets struck what the Israeli military described as Hezbollah weapons depots in southern Lebanon."
    _find(_events(pipeline, text), "ASSAULT", "ISR", "LBNREB")
    # a deed so described is no target: the condemnation is of its doer, not of the side it hit
    text = "Pakistan condemned what it described as a violation of Azerbaijan's territorial integrity."
    assert not any(e.target is not None and e.target.country == "AZE" for e in _events(pipeline, text))


def test_missiles_a_relative_clause_says_were_intercepted(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Turkey condemned Iran over the two ballistic missiles that NATO air defences intercepted on their way "
        "towards Turkish territory."
    )
    intercepted = _find(_events(pipeline, text), "ASSAULT", "IRN", "TUR")
    assert intercepted.status == "attempted"


def test_observers_offered_after_an_adjunct_are_only_offered(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Russia offered on Friday to send military observers to the border.")
    sent = _find(events, "AID", "RUS")
    assert sent.status == "planned"


def test_a_named_group_of_states_is_not_the_last_country_named(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Hungary blocked the statement. The Baltic states and Poland criticised Budapest's veto."
    critics = [e for e in _events(pipeline, text) if e.event_type == "ACCUSE"]
    assert critics and not any(e.source is not None and e.source.country == "HUN" for e in critics)


def test_said_it_was_open_to_the_idea_is_an_agreement(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "MOSCOW, March 13 — Russia offered to send military observers to the Azerbaijan–Iran border.\n\n"
        "Baku declined the offer, while Tehran said it was open to the idea."
    )
    _find(_events(pipeline, text, date(2026, 3, 13)), "AGREE", "IRN")


def test_forces_deployed_at_a_countrys_request_are_military_aid_to_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Türkiye has deployed an air defence system to the Nakhchivan exclave at the request of Azerbaijan.",
        "Türkiye has deployed an air defence system to Nakhchivan at Baku's request.",
    ):
        events = _events(pipeline, text)
        aid = _find(events, "AID", "TUR", "AZE")
        assert aid.cameo == "072" and not any(e.event_type == "MOBILIZE" for e in events)
        _find(events, "REQUEST", "AZE", "TUR")
    # sent against a neighbour, troops stay a mobilisation
    _find(_events(pipeline, "Türkiye deployed troops to the Iranian border."), "MOBILIZE", "TUR", "IRN")


def test_exchanges_of_fire_between_two_sides(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "UN peacekeepers said they had recorded heavy exchanges of fire between Israeli troops and Hezbollah "
        "fighters near the village of Kfar Kila overnight."
    )
    events = _events(pipeline, text)
    _find(events, "ASSAULT", "ISR", "LBNREB")
    _find(events, "ASSAULT", "LBNREB", "ISR")


def test_a_deal_that_threatens_stability_is_no_threat_made(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Iran criticised the deal, saying it threatened regional stability.")
    assert not any(e.event_type == "THREATEN" for e in events)
    _find(_events(pipeline, "Iran threatened Azerbaijan with retaliation."), "THREATEN", "IRN", "AZE")


def test_four_coordinated_doers_each_act(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Russia, Iran, Azerbaijan and Turkmenistan condemned the attack on Kazakhstan.")
    assert {e.source.code for e in events if e.event_type == "ACCUSE" and e.source} >= {"RUS", "IRN", "AZE", "TKM"}


def test_would_not_tolerate_is_a_warning_and_what_it_warns_against_did_not_happen(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    text = (
        "Iranian drones struck Nakhchivan airport. \"Azerbaijan will not tolerate attacks on its territory from any "
        'direction," President Ilham Aliyev said.'
    )
    events = _events(pipeline, text)
    warning = _find(events, "THREATEN", "AZE", "IRN")
    assert warning.status == "occurred" and warning.evidence.trigger == "tolerate"
    attacks = [e for e in events if e.event_type == "ASSAULT" and e.evidence.trigger == "attacks"]
    assert all(e.status == "negated" for e in attacks)
    assert not any(e.event_type == "THREATEN" for e in _events(pipeline, "Iran tolerated the protests."))


def test_joint_air_defence_drills_are_between_the_partners(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Turkish and Azerbaijani forces began a week of joint air defence exercises in the Nakhchivan exclave."
    pairs = {(e.source.code, e.target.code) for e in _events(pipeline, text) if e.source and e.target}
    assert {("TURMIL", "AZEMIL"), ("AZEMIL", "TURMIL")} <= pairs
    text = (
        "The defence ministers of Türkiye and Azerbaijan agreed to hold joint air defence drills near the border with "
        "Iran later this month."
    )
    drills = [e for e in _events(pipeline, text) if e.event_type == "COOPERATE"]
    assert drills and not any(e.target is not None and e.target.country == "IRN" for e in drills)
    # a host taking part is no target of the exercise
    text = "Azerbaijani and Turkish forces held an unscheduled air defence exercise in Nakhchivan."
    held = [e for e in _events(pipeline, text) if e.event_type == "MOBILIZE"]
    assert not any(e.target is not None and e.target.country == "AZE" for e in held)


def test_claim_in_the_next_sentence_names_the_unnamed_attacker(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A drone launched by an Iran-backed militia struck a US base in eastern Syria on Monday, the Pentagon said. "
        "Kataib Hezbollah claimed the attack in a statement."
    )
    strike = _find(_events(pipeline, text), "ASSAULT", "IRQREB", "USA")
    assert strike.evidence.trigger == "struck" and strike.source is not None and strike.source.name


def test_the_groups_possessions_are_the_group_named_before(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Kataib Hezbollah fired rockets at a US base. Hours later, US aircraft bombed two of the group's depots."
    assert _find(_events(pipeline, text), "ASSAULT", "USA", "IRQREB").evidence.trigger == "bombed"
    own = "Iran fired missiles at Israel. The country's leaders vowed to keep up the pressure."
    assert not any(e.source and e.source.code == "ISRGOV" for e in _events(pipeline, own))


def test_a_condition_the_speaker_sets_is_a_demand_of_the_side_named(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Drones struck Nakhchivan airport on Monday. "
        "Azerbaijan's foreign ministry said any dialogue with Tehran required a formal apology for the drone strike."
    )
    events = _events(pipeline, text)
    demand = _find(events, "REQUEST", "AZE", "IRN")
    assert demand.evidence.trigger == "required"
    assert not any(e.event_type == "CONCEDE" for e in events)  # the apology is asked for, not made
    assert _find(events, "ASSAULT", "IRN", "AZE").evidence.coder.endswith("+dyad")  # asked of the doer


def test_both_sides_are_the_two_a_between_phrase_names(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Iran fired missiles at Israel. Oman, which has long carried messages between Washington and Tehran, "
        "urged both sides to return to negotiations."
    )
    urged = [e for e in _events(pipeline, text) if e.evidence.trigger == "urged"]
    assert {e.target.country for e in urged if e.target} == {"USA", "IRN"}


def test_refusing_preconditions_is_a_rejection(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Iran said it would not accept preconditions for talks with Azerbaijan."
    ev = _find(_events(pipeline, text), "REJECT", "IRN")
    assert ev.evidence.coder.endswith("accept precondition")


def test_a_body_in_a_fronted_capital_is_that_countrys(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Israeli military said the missile was intercepted. In Washington, the Treasury imposed sanctions on "
        "eleven shipping companies it accused of moving Iranian oil. China's foreign ministry condemned the sanctions."
    )
    events = _events(pipeline, text)
    sanction = _find(events, "SANCTION", "USA")
    assert sanction.target is None or sanction.target.country is None  # the companies are not placed in Washington
    assert _find(events, "ACCUSE", "CHN", "USA").evidence.trigger == "condemned"


def test_arrests_local_media_report_are_not_the_medias(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Protesters marched in Tabriz, Iran, and local media said at least 30 people were arrested."
    arrest = next(e for e in _events(pipeline, text) if e.evidence.trigger == "arrested")
    assert arrest.source is None or arrest.source.sector != "MED"


def test_a_province_named_after_a_neighbour_is_its_own_countrys(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The governor of East Azerbaijan province blamed foreign agents for inciting the unrest."
    blame = _find(_events(pipeline, text), "ACCUSE", "IRNGOV")
    assert blame.target is None or blame.target.country is None  # "foreign" agents are not Iran's
    drills = _events(pipeline, "Iranian ground forces took part in drills in East Azerbaijan province.")
    assert all(e.target is None or e.target.country != "IRN" for e in drills)  # held at home, against no one


def test_south_lebanon_is_in_lebanon(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert _find(_events(pipeline, "Israeli jets struck targets in South Lebanon on Monday."), "ASSAULT", "ISR", "LBN")


def test_the_third_of_the_drones_told_is_a_drone_shot_down(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Turkish jets were scrambled after three drones launched from Iran flew towards the Turkish border. "
        "Two of the drones turned back and the third was shot down over the border area, the ministry said."
    )
    events = _events(pipeline, text)
    assert _find(events, "ASSAULT", "IRN", "TUR").evidence.trigger == "flew"  # the approach itself
    downed = next(e for e in events if e.evidence.trigger == "shot")
    assert downed.status == "attempted" and downed.cameo == "1952"


def test_a_verb_coordinated_after_a_trigger_is_none_of_its_words(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Putin received Iran's foreign minister in the Kremlin on Friday and called for a ceasefire."
    received = next(e for e in _events(pipeline, text) if e.evidence.trigger == "received")
    assert received.mode != "phone"  # no call was received


def test_whom_a_warning_addresses_not_whom_the_deed_warned_against_hit(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Putin warned Washington against further strikes on Iranian nuclear sites.")
    warnings = [e for e in events if e.event_type == "THREATEN"]
    assert [e.target.country for e in warnings if e.target] == ["USA"]


def test_a_plot_on_orders_from_a_body_is_that_bodys(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The men plotted to blow up a section of the pipeline on orders from Iran's Revolutionary Guards."
    plot = _find(_events(pipeline, text), "ASSAULT", "IRNMIL")
    assert plot.status == "planned"


def test_an_armed_group_saying_it_carried_out_the_attack_claims_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Gunmen attacked a police checkpoint in Iran's Sistan-Baluchestan province on Wednesday, killing two officers. "
        "The Sunni militant group Jaish al-Adl said in a statement that its fighters carried out the attack."
    )
    events = _events(pipeline, text)
    attack = next(e for e in events if e.evidence.trigger == "attacked")
    assert attack.source is not None and attack.source.name == "Jaish al-Adl"
    claim = next(e for e in events if e.evidence.trigger == "attack")
    assert claim.cameo == "015" and claim.status == "alleged" and claim.target is not None
    assert claim.target.country == "IRN"  # the attack's target, not a second attack somewhere else
    told = "Israel struck Sanaa. The Pentagon said the strikes hit missile launchers near Sanaa."
    assert not any(e.cameo == "015" for e in _events(pipeline, told))  # a state reports its strikes


def test_diplomatic_wordings_of_a_summons_and_a_warning(pipeline) -> None:  # type: ignore[no-untyped-def]
    summons = _find(_events(pipeline, "Armenia invited Iran's ambassador to the foreign ministry."), "ACCUSE", "ARM")
    assert summons.cameo == "114"
    text = "Iran accused Pakistan of failing to stop militants and said Tehran reserved the right to act."
    assert _find(_events(pipeline, text), "THREATEN", "IRN").evidence.trigger == "reserved"


def test_a_drone_crash_on_foreign_soil_is_an_incursion(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "An Iranian drone crashed in a field in Türkiye's eastern province of Van on Monday, the governor said."
    assert _find(_events(pipeline, text), "ASSAULT", "IRN", "TUR").evidence.trigger == "crashed"


def test_a_missile_destroyed_by_air_defences_was_stopped(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The missile was fired towards the radar station at Kurecik and was destroyed by a Patriot battery."
    destroyed = next(e for e in _events(pipeline, text) if e.evidence.trigger == "destroyed")
    assert destroyed.status == "attempted" and "destroy missile" in destroyed.evidence.coder
    came = next(e for e in _events(pipeline, "Azerbaijani positions came under fire from Armenian troops."))
    assert came.status == "occurred"  # fire that arrived was no interception


def test_the_launch_condemned_is_an_attack_not_a_deployment_told_since(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Iran fired a missile at Turkey. The missile was destroyed by a Patriot battery deployed by Spain. "
        "Rutte called the launch reckless."
    )
    reckless = next(e for e in _events(pipeline, text) if e.evidence.trigger == "called")
    assert reckless.target is None or reckless.target.country != "ESP"


def test_a_weapon_fired_in_the_passive_is_its_owners_attack(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Israel criticised Ankara for talking to Tehran while Iranian missiles were fired at Israeli cities."
    fired = [e for e in _events(pipeline, text) if e.evidence.trigger == "fired"]
    assert [(e.source and e.source.code, e.target and e.target.code) for e in fired] == [("IRN", "ISR")]


def test_an_apology_in_a_prepositional_relative_clause_happened(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The talks were agreed during a phone call between Erdogan and Pezeshkian on Monday, "
        "in which Pezeshkian apologised for the drone that was shot down near Dogubayazit."
    )
    apology = next(e for e in _events(pipeline, text) if e.evidence.trigger == "apologised")
    assert apology.status == "occurred"


def test_an_apology_goes_to_the_side_struck_in_its_own_sentence(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Iran fired missiles at Israel on Monday. Iranian drones also struck Baghdad. "
        "Pezeshkian later apologised for the drone strike on a village in Van province."
    )
    assert _find(_events(pipeline, text), "CONCEDE", "IRN", "TUR").evidence.trigger == "apologised"


def test_two_states_restoring_a_channel_between_their_own_bodies_do_it_with_each_other(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Saudi Arabia and Iran restored a direct hotline between their defence ministries.")
    assert _find(events, "COOPERATE", "SAU", "IRN") and _find(events, "COOPERATE", "IRN", "SAU")
    expected = _events(pipeline, "Erdogan told Pezeshkian that Türkiye expected Iran to respect its airspace.")
    assert _find(expected, "REQUEST", "TUR", "IRN").evidence.trigger == "expected"


def test_a_demanded_release_is_asked_of_the_holder(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Iran's Revolutionary Guards seized a tanker in the Gulf of Oman. Britain and France demanded the immediate "
        "release of the tanker and its crew, calling the seizure an act of piracy."
    )
    events = _events(pipeline, text)
    demands = [e for e in events if e.evidence.trigger == "demanded"]
    assert {(e.source and e.source.code, e.target and e.target.country) for e in demands} == {
        ("GBR", "IRN"),
        ("FRA", "IRN"),
    }  # not France of Britain: "its crew" is the tanker's
    calling = [e for e in events if e.evidence.trigger == "calling"]
    assert calling and all(e.event_type == "ACCUSE" for e in calling)  # said as it demanded, no demand itself


def test_a_welcomed_meeting_is_the_one_of_those_who_met(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Deputy prime ministers of Azerbaijan and Armenia met on the border on Saturday. "
        "Russia, which mediated earlier talks between the two countries, was not represented. "
        "Iran's foreign ministry welcomed the meeting."
    )
    welcome = _find(_events(pipeline, text), "SUPPORT", "IRN")
    assert welcome.target is not None and welcome.target.country in ("AZE", "ARM")


def test_a_rally_to_condemn_attacks_is_against_their_author(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Thousands of people rallied in central Baku on Wednesday to show support for the armed forces "
        "and to condemn the Iranian drone attacks on Nakhchivan."
    )
    rally = next(e for e in _events(pipeline, text) if e.evidence.trigger == "rallied")
    assert rally.target is not None and rally.target.country == "IRN"


def test_a_noun_deed_charged_to_someone_is_theirs(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Azerbaijan accused Iranian state hackers of a cyberattack on the state oil company."
    cyber = next(e for e in _events(pipeline, text) if e.evidence.trigger == "cyberattack")
    assert cyber.status == "alleged" and cyber.source is not None and cyber.source.country == "IRN"


def test_a_strike_on_a_groups_premises_targets_the_group(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The Revolutionary Guards said they had targeted the headquarters of an Iranian Kurdish opposition group."
    assert _find(_events(pipeline, text), "ASSAULT", "IRNMIL", "IRNPOL").evidence.trigger == "targeted"
    riot = "Political opponents of the Maldives government clashed with police on the streets of the capital."
    assert not any(e.source and e.source.code == "MDVGOV" for e in _events(pipeline, riot))  # not the government


def test_fire_returned_is_at_the_attacker(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A drone launched from Iranian territory struck an Azerbaijani border post near Bilasuvar, wounding two "
        "soldiers. Azerbaijan's army returned fire at the launch site across the border, the ministry added."
    )
    assert _find(_events(pipeline, text), "ASSAULT", "AZE", "IRN").evidence.trigger == "returned"


def test_reciprocal_measures_warned_of_and_a_sanction_decided_at_home(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "BRUSSELS, May 13 — European Union foreign ministers approved new sanctions against Iranian officials, "
        "citing attacks on Azerbaijan. Iran's foreign ministry said it would take reciprocal measures."
    )
    events = _events(pipeline, text)
    sanction = _find(events, "SANCTION", "EU", "IRN")
    assert sanction.location is not None and sanction.location.country != "AZE"  # decided in Brussels
    assert _find(events, "THREATEN", "IRN", "EU").evidence.trigger == "take"


def test_a_killing_in_an_air_strike_is_the_killers_strike_on_the_killed(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Israel killed a senior commander of the Quds Force in an air strike near Damascus."
    assert _find(_events(pipeline, text), "ASSAULT", "ISR", "IRNMIL").evidence.trigger == "strike"


def test_an_appeal_for_agreement_is_no_agreement_and_members_are_the_bodys(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Leaders of the six Gulf Cooperation Council states met in Doha and called on Iran and Israel to agree to "
        "an immediate ceasefire. They said the member states would coordinate their air defences."
    )
    events = _events(pipeline, text)
    assert not any(e.event_type == "AGREE" for e in events)  # asked for, not agreed
    assert _find(events, "REQUEST", "GCC", "ISR") and _find(events, "REQUEST", "GCC", "IRN")
    coordinated = next(e for e in events if e.evidence.trigger == "coordinate")
    assert coordinated.source is not None and coordinated.source.code == "GCC" and coordinated.target is None


def test_rockets_that_struck_are_the_attack_not_its_doer(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the weapon as subject: "Three rockets struck near a base" tells an attack, its doer unnamed
    events = _events(pipeline, "Three rockets struck near the Iraqi army base at Taji early on Thursday.")
    ev = _find(events, "ASSAULT")
    assert ev.evidence.coder.split(":", 1)[1].startswith("verb:strike rocket") and ev.mode == "heavy-weapons"


def test_fragments_of_an_intercepted_missile_that_fell_tell_an_attempted_attack(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Fragments of an intercepted Iranian ballistic missile fell on farmland near the Turkish city of Van."
    attacks = [e for e in _events(pipeline, text) if e.event_type == "ASSAULT"]
    # one event: the weapon noun is a word of the verb's pattern, not an attack of its own
    assert len(attacks) == 1
    assert attacks[0].status == "attempted" and attacks[0].evidence.trigger == "fell"
    assert attacks[0].source is not None and attacks[0].source.country == "IRN"
    plain = _find(_events(pipeline, "An Iranian missile fell on farmland near Van."), "ASSAULT", "IRN")
    assert plain.status == "occurred"


def test_a_charge_denied_in_a_bare_relative_clause_is_a_rejection_of_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Azerbaijan accused Armenian forces of firing on its positions overnight, a charge Yerevan denied."
    ev = _find(_events(pipeline, text), "REJECT", "ARM")
    assert "deny charge" in ev.evidence.coder


def test_a_state_in_contact_with_others_is_the_one_consulting(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Oman's foreign minister says Muscat is in contact with both Tehran and Washington.")
    _find(events, "CONSULT", "OMN", "IRN")
    _find(events, "CONSULT", "OMN", "USA")


def test_a_warned_answer_is_the_answering_side_s_threat(pipeline) -> None:  # type: ignore[no-untyped-def]
    # whom the answer is to ("any attack by Israel") is threatened; with no speaker the knowledge base knows,
    # the side that would respond is the one warning
    text = "Araghchi warned that Iran would respond decisively to any attack by Israel."
    ev = _find(_events(pipeline, text), "THREATEN")
    assert ev.source is not None and ev.source.country == "IRN"
    assert ev.target is not None and ev.target.country == "ISR"
    text = "Commander Kioumars Heydari said the drills were routine and warned that Iran would respond to any threat."
    ev = _find(_events(pipeline, text), "THREATEN")
    assert ev.source is not None and ev.source.country == "IRN"
    assert ev.target is None or ev.target.country != "IRN"


def test_a_deed_noun_in_its_subject_s_of_phrase_hits_the_verb_s_at_phrase(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "A wave of cyberattacks disrupted online services at several Azerbaijani banks on Friday."
    ev = _find(_events(pipeline, text), "COERCE")
    assert ev.target is not None and ev.target.country == "AZE"


def test_soldiers_who_arrived_for_a_joint_exercise_hold_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "About 500 Turkish soldiers arrived in Nakhchivan for a joint exercise with Azerbaijani units."
    _find(_events(pipeline, text), "COOPERATE", "TUR", "AZE")


def test_the_ministers_after_ministers_of_a_bloc_are_the_bloc(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Foreign ministers of the six Gulf Cooperation Council states met in Riyadh on Wednesday. "
        "In a joint statement, the ministers condemned what they called Iran's repeated violations of Gulf airspace."
    )
    ev = _find(_events(pipeline, text), "ACCUSE")
    assert ev.source is not None and ev.source.code == "GCC"
    # the deed a free relative names ("what they called Iran's violations") is Iran's: Iran is condemned
    assert ev.target is not None and ev.target.country == "IRN"


def test_targeting_after_sanctions_names_whom_they_hit_not_an_attack(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "EU ministers approved new sanctions against Iran on Thursday, targeting eight officials and four companies."
    events = _events(pipeline, text)
    _find(events, "SANCTION", "EU", "IRN")
    assert not [e for e in events if e.event_type == "ASSAULT"]


def test_a_barrage_intercepted_is_one_attempted_attack_by_its_launcher(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Israel's military said most of a barrage of about 20 missiles launched from western Iran "
        "had been intercepted by the Arrow and David's Sling systems."
    )
    attacks = [e for e in _events(pipeline, text) if e.event_type == "ASSAULT"]
    assert len(attacks) == 1 and attacks[0].status == "attempted" and attacks[0].mode == "heavy-weapons"
    assert attacks[0].source is not None and attacks[0].source.country == "IRN"


def test_rescue_teams_dispatched_are_aid(pipeline) -> None:  # type: ignore[no-untyped-def]
    _find(_events(pipeline, "Turkey dispatched a rescue team to Iran."), "AID", "TUR", "IRN")
    _find(_events(pipeline, "Turkey's disaster agency dispatched search and rescue teams to Iran."), "AID", "TUR")


def test_a_strait_the_tagger_calls_an_organisation_is_no_side(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "A US Navy destroyer shot down three Houthi drones over the Bab el-Mandeb strait hours later."
    ev = _find(_events(pipeline, text), "ASSAULT", "YEM")
    assert ev.status == "attempted" and ev.target is not None and ev.target.country == "USA"


def test_a_drill_that_demonstrated_an_ability_is_no_protest(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "The drill demonstrated Iran's ability to defend its northern waters.")
    assert not [e for e in events if e.event_type == "PROTEST"]
    _find(_events(pipeline, "Thousands demonstrated against the war in Tehran."), "PROTEST")


def test_troops_ordered_to_a_place_are_a_deployment(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "President Aliyev ordered additional troops to the area on Tuesday."
    _find(_events(pipeline, text), "MOBILIZE", "AZE")
    # ordered to do something: the order's own deed, no deployment
    events = _events(pipeline, "President Aliyev ordered troops to withdraw from the border.")
    assert not [e for e in events if e.event_type == "MOBILIZE"]


def test_a_claim_denied_in_an_aside_is_rejected_to_its_claimant(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Iran said its air defences shot down one of the aircraft, a claim Israel denied."
    ev = _find(_events(pipeline, text), "REJECT")
    assert ev.status == "occurred" and ev.source is not None and ev.source.country == "ISR"
    assert ev.target is not None and ev.target.country == "IRN"


def test_a_guard_killed_when_gunmen_fired_from_across_the_border(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "An Azerbaijani border guard was killed and another wounded when gunmen opened fire from the Iranian side "
        "of the border late on Monday."
    )
    ev = _find(_events(pipeline, text), "ASSAULT")
    # the killed were fired on; unnamed gunmen firing from a side are of that side
    assert ev.target is not None and ev.target.country == "AZE"
    assert ev.source is not None and ev.source.country == "IRN" and ev.source.sector == "REB"
