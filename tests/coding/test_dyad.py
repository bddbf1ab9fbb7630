from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spillover.coding.dyad import fill_targets
from spillover.records import Actor, Event, Evidence


def _event(etype: str, quad: int, source: str | None, target: str | None = None) -> Event:
    return Event(
        id=etype + str(source),
        doc_id="d",
        event_type=etype,
        evidence=Evidence("s", (0, 1), "t", "rules-v1:verb:x"),
        quad_class=quad,
        source=Actor(text=source, code=source, country=source) if source else None,
        target=Actor(text=target, code=target, country=target) if target else None,
        confidence=0.9,
    )


NAMES = {"IRN": "Iran", "AZE": "Azerbaijan", "TUR": "Türkiye"}


def test_statement_without_target_gets_the_dominant_counterpart() -> None:
    counts = Counter({"AZE": 9, "IRN": 6, "TUR": 1})
    (ev,) = fill_targets([_event("REQUEST", 3, "AZE")], counts, NAMES)
    assert ev.target is not None and ev.target.code == "IRN" and ev.target.text == "(implied)"
    assert ev.evidence.coder.endswith("+dyad")
    assert ev.confidence == 0.72


def test_cooperation_targets_and_weak_counterparts_are_left_alone() -> None:
    counts = Counter({"AZE": 9, "IRN": 6})
    aid = _event("AID", 2, "IRN")
    targeted = _event("ACCUSE", 3, "AZE", "TUR")
    assert fill_targets([aid, targeted], counts, NAMES) == [aid, targeted]
    spread = Counter({"AZE": 5, "IRN": 2, "TUR": 2, "GEO": 2})
    lonely = _event("SUPPORT", 1, "AZE")
    assert fill_targets([lonely], spread, NAMES) == [lonely]  # no counterpart dominates


def test_violent_deed_without_target_hits_the_country_where_it_happened() -> None:
    from dataclasses import replace

    from spillover.coding.place_sides import target_from_place
    from spillover.records import Place

    isfahan = Place(text="Isfahan", name="Isfahan", country="IRN", lat=32.6, lon=51.7, span=(40, 47))
    strike = replace(_event("ASSAULT", 4, "ISR"), location=isfahan)
    names = lambda codes: {c: NAMES.get(c, c) for c in codes}  # noqa: E731
    coded = target_from_place(strike, (0, 60), names)
    assert coded.target is not None and coded.target.code == "IRN" and coded.evidence.coder.endswith("+place")
    assert target_from_place(strike, (50, 90), names) is strike  # the place is in another sentence
    at_home = replace(_event("ASSAULT", 4, "IRN"), location=isfahan)
    assert target_from_place(at_home, (0, 60), names) is at_home


def test_statement_with_only_a_target_gets_the_counterpart_as_source() -> None:
    counts = Counter({"TUR": 7, "IRN": 5})
    summoned = _event("ACCUSE", 3, None, "IRN")
    (ev,) = fill_targets([summoned], counts, NAMES)
    assert ev.source is not None and ev.source.code == "TUR"
    assert ev.target is not None and ev.target.code == "IRN"


def test_protest_without_actors_gets_the_places_protesters_and_government() -> None:
    from dataclasses import replace

    from spillover.coding.place_sides import country_for_unnamed
    from spillover.records import Place

    nairobi = Place(text="Nairobi", name="Nairobi", country="KEN", lat=-1.3, lon=36.8, span=(10, 17))
    protest = replace(_event("PROTEST", 3, None), location=nairobi)
    coded = country_for_unnamed(protest)
    assert coded.source is not None and coded.source.code == "KENCVL"
    assert coded.target is not None and coded.target.code == "KENGOV"
    assert coded.evidence.coder.endswith("+country")
    abroad = replace(_event("PROTEST", 3, "ISR"), location=nairobi)  # protesters from elsewhere: no implied target
    assert country_for_unnamed(abroad).target is None
    assert country_for_unnamed(replace(_event("ASSAULT", 4, None), location=nairobi)).source is None


def test_denied_deed_gets_the_counterpart_like_a_statement() -> None:
    from dataclasses import replace

    counts = Counter({"AZE": 9, "IRN": 6})
    denied = replace(_event("ASSAULT", 4, "IRN"), status="denied")
    (ev,) = fill_targets([denied], counts, NAMES)
    assert ev.target is not None and ev.target.code == "AZE" and ev.evidence.coder.endswith("+dyad")


def test_aid_without_target_goes_to_the_country_where_it_is_delivered() -> None:
    from dataclasses import replace

    from spillover.coding.place_sides import target_from_place
    from spillover.records import Place

    malakal = Place(text="Malakal", name="Malakal", country="SSD", lat=9.5, lon=31.7, span=(30, 37))
    convoy = replace(_event("AID", 2, "AZE"), location=malakal)
    names = lambda codes: {c: c for c in codes}  # noqa: E731
    coded = target_from_place(convoy, (0, 60), names)
    assert coded.target is not None and coded.target.code == "SSD"
    talks = replace(_event("CONSULT", 1, "AZE"), location=malakal)
    assert target_from_place(talks, (0, 60), names) is talks  # a meeting's place is not its counterpart


def test_an_attack_with_no_named_target_is_aimed_at_the_other_side() -> None:
    counts = Counter({"KGZ": 9, "TJK": 7})
    (ev,) = fill_targets([_event("ASSAULT", 4, "TJK")], counts, {"KGZ": "Kyrgyzstan"})
    assert ev.target is not None and ev.target.code == "KGZ" and ev.evidence.coder.endswith("+dyad")
    (alone,) = fill_targets([_event("ASSAULT", 4, None)], counts, {})
    assert alone.target is None  # nobody named at all: nothing to pair


def test_a_side_hit_with_no_doer_named_gets_the_attacker_the_report_names() -> None:
    counts = Counter({"AZE": 9, "IRN": 7})
    named = _event("ASSAULT", 4, "IRN", "AZE")
    hit_aze = _event("ASSAULT", 4, None, "AZE")  # "one struck the airport building, wounding three civilians"
    hit_irn = _event("ASSAULT", 4, None, "IRN")  # "strikes on Iran": the report never names Azerbaijan striking
    _named, filled, unfilled = fill_targets([named, hit_aze, hit_irn], counts, NAMES)
    assert filled.source is not None and filled.source.code == "IRN" and filled.evidence.coder.endswith("+dyad")
    assert unfilled.source is None
    (alone,) = fill_targets([hit_aze], counts, NAMES)
    assert alone.source is None  # no attack on Azerbaijan named in the report: no doer to infer


def test_a_call_on_both_sides_goes_to_each_of_them() -> None:
    counts = Counter({"IND": 8, "PAK": 7, "CHN": 1})
    urge = _event("REQUEST", 3, "CHN")
    urge = replace(urge, evidence=replace(urge.evidence, sentence="China urged both sides to exercise restraint."))
    blame = _event("ACCUSE", 3, "IND", "PAK")  # the report tells the two in conflict
    _, first, second = fill_targets([blame, urge], counts, {"IND": "India", "PAK": "Pakistan"})
    assert {first.target.code, second.target.code} == {"IND", "PAK"}  # type: ignore[union-attr]
    assert first.id != second.id and second.target.name == "Pakistan"  # type: ignore[union-attr]
    voices = counts + Counter({"USA": 2})  # in a round-up, the two named most may be two more voices
    (alone,) = fill_targets([urge], voices, {"IND": "India", "PAK": "Pakistan"})
    assert alone.target is not None and alone.target.code == "IND"
    (plain,) = fill_targets([_event("REQUEST", 3, "CHN")], counts, {})
    assert plain.target is not None and plain.target.code == "IND"  # one side when the sentence names one


def test_both_sides_needs_a_third_party_but_no_dominant_side() -> None:
    counts = Counter({"AZE": 9, "IRN": 9, "TUR": 4, "RUS": 1})
    urge = _event("REQUEST", 3, "RUS")
    urge = replace(urge, evidence=replace(urge.evidence, sentence="Russia urged both sides to show restraint."))
    threat = _event("THREATEN", 3, "IRN", "AZE")
    targets = {e.target.code for e in fill_targets([threat, urge], counts, NAMES)[1:] if e.target is not None}
    assert targets == {"AZE", "IRN"}  # neither dominates, yet "both sides" names them
    blame = _event("ACCUSE", 3, "IRN")
    blame = replace(blame, evidence=replace(blame.evidence, sentence='Iran blamed "enemies of both nations".'))
    (own,) = fill_targets([blame], counts, NAMES)
    assert own.target is not None and own.target.code == "AZE"  # a side's "both nations": the usual one fill


def test_a_third_partys_support_goes_to_the_side_that_was_attacked() -> None:
    counts = Counter({"IRN": 10, "AZE": 8, "GEO": 2})
    strike = _event("ASSAULT", 4, "IRN", "AZE")
    pledge = _event("AGREE", 1, "GEO")  # "Georgia pledged to help protect the pipeline"
    condemn = _event("ACCUSE", 3, "GEO")  # "Georgia condemned the strike"
    _strike, helped, blamed = fill_targets([strike, pledge, condemn], counts, NAMES)
    assert helped.target is not None and helped.target.code == "AZE"
    assert blamed.target is not None and blamed.target.code == "IRN"
    (alone,) = fill_targets([pledge], counts, NAMES)
    assert alone.target is not None and alone.target.code == "IRN"  # no attack named: the usual counterpart


def test_a_sides_warning_goes_to_whoever_attacked_it() -> None:
    counts = Counter({"AZE": 10, "IRN": 8, "TUR": 3})
    missile = _event("ASSAULT", 4, "IRN", "TUR")  # "a missile heading towards Turkey was intercepted"
    warning = _event("THREATEN", 3, "TUR")  # "Ankara warned it would respond to any further violation"
    praise = _event("SUPPORT", 1, "TUR")
    _missile, warned, praised = fill_targets([missile, warning, praise], counts, NAMES)
    assert warned.target is not None and warned.target.code == "IRN"
    assert praised.target is not None and praised.target.code == "AZE"  # cooperation keeps the usual counterpart
    (alone,) = fill_targets([warning], counts, NAMES)
    assert alone.target is not None and alone.target.code == "AZE"  # nobody named attacking Turkey


def test_a_rejection_answers_whoever_last_charged_the_rejecter() -> None:
    counts = Counter({"TUR": 9, "IRN": 6, "AZE": 3})
    broke_up = _event("COERCE", 4, "AZE", "IRN")
    other = _event("ACCUSE", 3, "TUR", "GEO")
    dismissed = _event("REJECT", 3, "IRN")
    *_, ev = fill_targets([broke_up, other, dismissed], counts, NAMES)
    assert ev.target is not None and ev.target.code == "AZE" and ev.evidence.coder.endswith("+dyad")
    (alone,) = fill_targets([dismissed], counts, NAMES)
    assert alone.target is not None and alone.target.code == "TUR"  # nobody charged Iran: the counterpart


def _said(event: Event, sentence: str, trigger: str) -> Event:
    start = sentence.index(trigger)
    evidence = replace(event.evidence, sentence=sentence, span=(0, len(sentence)), trigger_span=(start, start + 5))
    return replace(event, evidence=evidence)


def test_a_bystanders_concern_goes_to_the_side_that_attacked() -> None:
    counts = Counter({"PHL": 9, "CHN": 7, "JPN": 1})
    cannon = _event("ASSAULT", 4, "CHN", "PHL")  # "a Chinese vessel fired a water cannon at a Philippine boat"
    concern = _event("ACCUSE", 1, "JPN")  # "Japan also expressed concern" (a concern remark, 012)
    _cannon, blamed = fill_targets([cannon, concern], counts, {})
    assert blamed.target is not None and blamed.target.code == "CHN"
    (alone,) = fill_targets([concern], counts, {})
    assert alone.target is not None and alone.target.code == "PHL"  # no attack named: the usual counterpart


def test_all_parties_are_the_two_sides_the_report_names_fighting() -> None:
    counts = Counter({"AZE": 9, "TUR": 5, "IRN": 4, "SAU": 1})
    drones = _event("ASSAULT", 4, "IRN", "AZE")
    sentence = "Saudi Arabia issued a statement urging all sides to show restraint."
    urge = _said(_event("REQUEST", 3, "SAU"), sentence, "urging")
    _drones, *calls = fill_targets([drones, urge], counts, NAMES)
    assert sorted(e.target.code for e in calls if e.target is not None) == ["AZE", "IRN"]  # not Türkiye, mentioned more
    assert calls[0].id == urge.id and calls[0].id != calls[1].id


def test_both_sides_must_be_the_events_own_words() -> None:
    counts = Counter({"AZE": 9, "IRN": 8, "PAK": 2})
    sentence = "Islamabad stood in solidarity with the people of Azerbaijan and urged all sides to avoid escalation."
    solidarity = _said(_event("SUPPORT", 1, "PAK"), sentence, "stood")
    (ev,) = fill_targets([solidarity], counts, NAMES)
    assert ev.target is not None and ev.target.code == "AZE"  # the appeal to all sides is another event's
    urged = _said(_event("REQUEST", 3, "PAK"), sentence, "urged")
    assert {e.target.code for e in fill_targets([urged], counts, NAMES) if e.target} == {"AZE", "IRN"}


def test_a_condemnation_spares_the_country_attacked_in_its_sentence() -> None:
    counts = Counter({"AZE": 9, "IRN": 4, "KAZ": 2})
    condemn = _event("ACCUSE", 3, "KAZ")
    (ev,) = fill_targets([condemn], counts, NAMES, {0: {"AZE"}})
    assert ev.target is not None and ev.target.code == "IRN"
    (usual,) = fill_targets([condemn], counts, NAMES)
    assert usual.target is not None and usual.target.code == "AZE"


def test_a_warning_with_no_counterpart_goes_to_the_attacker() -> None:
    counts = Counter({"QAT": 6, "IRN": 3, "USA": 3, "ISR": 2, "SAU": 1})
    missiles = _event("ASSAULT", 4, "IRN", "QAT")
    warning = _event("THREATEN", 3, "QAT")  # "Qatar said it reserved the right to respond"
    _missiles, warned = fill_targets([missiles, warning], counts, NAMES)
    assert warned.target is not None and warned.target.code == "IRN"


def test_an_admission_goes_to_the_side_its_author_attacked() -> None:
    counts = Counter({"AZE": 6, "IRN": 6, "TUR": 3})
    strike = _event("ASSAULT", 4, "IRN", "AZE")
    admitted = _event("CONCEDE", 2, "IRN")  # "Iranian officials ... then admitted the strike"
    _strike, owned = fill_targets([strike, admitted], counts, NAMES)
    assert owned.target is not None and owned.target.code == "AZE"


def test_both_governments_of_a_short_report() -> None:
    counts = Counter({"ETH": 2, "ERI": 2, "KEN": 1})
    sentence = "Kenya's president offered to mediate between the two neighbours."
    offer = _said(_event("AGREE", 1, "KEN"), sentence, "offered")
    assert {e.target.code for e in fill_targets([offer], counts, {}) if e.target} == {"ETH", "ERI"}


def test_a_deed_with_no_doer_is_by_whom_the_side_hit_blames() -> None:
    from spillover.coding.doers import blamed_doer

    attack = _event("COERCE", 4, None, "AZE")
    blame = _event("ACCUSE", 3, "AZE", "IRN")
    done = blamed_doer(attack, attack, [attack, blame], NAMES)
    assert done.source is not None and done.source.country == "IRN" and "+dyad" in done.evidence.coder
    third = _event("ACCUSE", 3, "TUR", "IRN")  # not the side hit: no say over who did it
    assert blamed_doer(attack, attack, [attack, third], NAMES).source is None


def test_help_to_no_one_named_goes_to_the_one_side_hit() -> None:
    from spillover.coding.counterparts import help_to_the_hit

    strike = _event("ASSAULT", 4, None, "AZE")
    offer = _event("AGREE", 1, "GEO")
    done = help_to_the_hit(offer, offer, [strike, offer], NAMES)
    assert done.target is not None and done.target.country == "AZE"
    concern = _event("ACCUSE", 1, "GEO")  # concern over the attack is not for the side hit
    assert help_to_the_hit(concern, concern, [strike, concern], NAMES).target is None
    planned = replace(offer, status="planned")  # "ready to help the two neighbours settle": whose is open
    assert help_to_the_hit(planned, planned, [strike, planned], NAMES).target is None
    other = _event("ASSAULT", 4, None, "IRN")
    assert help_to_the_hit(offer, offer, [strike, other, offer], NAMES).target is None


def test_a_government_blaming_rebels_at_home_names_the_doer() -> None:
    from spillover.coding.doers import blamed_doer

    strike = replace(_event("ASSAULT", 4, None, "SDN"), source=Actor(text="Drones"))  # only the weapon named
    rebels = Actor(text="the Rapid Support Forces", code="SDNREB", country="SDN", sector="REB")
    blame = replace(_event("ACCUSE", 3, "SDN"), target=rebels)
    done = blamed_doer(strike, strike, [strike, blame], NAMES)
    assert done.source is not None and done.source.code == "SDNREB"


def test_a_condemnation_completed_with_the_side_hit_goes_to_the_doer() -> None:
    from spillover.coding.doers import condemn_the_doer

    rebels = Actor(text="(implied)", code="SDNREB", country="SDN", sector="REB")
    strike = replace(_event("ASSAULT", 4, None, "SDN"), source=rebels)
    condemned = _event("ACCUSE", 3, "EGY")
    filled = replace(condemned, target=Actor(text="(implied)", code="SDN", country="SDN"))
    assert condemn_the_doer(filled, condemned, [strike]).target == rebels
    own = _event("ACCUSE", 3, "SDN")  # its own side's attack: the fill stays
    own_filled = replace(own, target=Actor(text="(implied)", code="SDN", country="SDN"))
    assert condemn_the_doer(own_filled, own, [strike]).target == own_filled.target


def test_a_call_for_restraint_with_no_addressee_goes_to_the_two_that_fought() -> None:
    counts = Counter({"IRQ": 2, "TUR": 2, "UN": 1})
    strike = _event("ASSAULT", 4, "TUR", "IRQ")
    appeal = replace(_event("REQUEST", 3, "UN"), mode="yield")
    appeal = replace(appeal, evidence=replace(appeal.evidence, sentence="The UN mission called for restraint."))
    filled = fill_targets([strike, appeal], counts, {"IRQ": "Iraq", "TUR": "Türkiye"})
    appeals = [e for e in filled if e.event_type == "REQUEST"]
    assert {e.target.code for e in appeals if e.target is not None} == {"IRQ", "TUR"}


def test_a_plot_with_no_plotter_faces_a_foe_not_the_country_named_most() -> None:
    counts = Counter({"GEO": 6, "AZE": 4, "IRN": 3})
    plot = replace(_event("ASSAULT", 3, None, "AZE"), status="planned")  # "thwarted a plan to blow up the line"
    (alone,) = fill_targets([plot], counts, {**NAMES, "GEO": "Georgia"})
    assert alone.source is None  # Georgia, named most, is no foe of Azerbaijan
    arrest = _event("COERCE", 4, "AZE", "IRN")  # "detained five people recruited by Iran's Revolutionary Guards"
    filled = fill_targets([plot, arrest], counts, {**NAMES, "GEO": "Georgia"})
    assert filled[0].source is not None and filled[0].source.code == "IRN"


def test_a_weapon_intercepted_with_no_doer_is_the_one_attackers() -> None:
    counts = Counter({"BHR": 2, "QAT": 2, "IRN": 1, "USA": 1})
    strike = _event("ASSAULT", 4, "IRN", "USA")
    stopped = replace(_event("ASSAULT", 4, None, "QAT"), status="attempted")
    done = fill_targets([strike, stopped], counts, {**NAMES, "QAT": "Qatar"})[1]
    assert done.source is not None and done.source.code == "IRN" and "+dyad" in done.evidence.coder
    denied = replace(strike, status="denied")  # "Iran denied launching any drones": no attacker told
    assert fill_targets([denied, stopped], counts, {**NAMES, "QAT": "Qatar"})[1].source is None
    both = _event("ASSAULT", 4, "USA", "IRN")  # two attackers: whose is open
    assert fill_targets([strike, both, stopped], counts, {**NAMES, "QAT": "Qatar"})[2].source is None


def test_a_condemnation_with_no_counterpart_goes_to_the_one_attacker() -> None:
    counts = Counter({"BHR": 2, "QAT": 2, "IRN": 1, "USA": 1, "SAU": 1})
    strike = _event("ASSAULT", 4, "IRN", "USA")
    condemned = replace(_event("ACCUSE", 3, "SAU"), mode="disapprove")
    done = fill_targets([strike, condemned], counts, NAMES)[1]
    assert done.target is not None and done.target.code == "IRN"
    opposed = _event("REJECT", 3, "SAU")  # "opposed any foreign military presence": about someone else
    assert fill_targets([strike, opposed], counts, NAMES)[1].target is None


def test_a_report_naming_only_two_countries_that_deal_with_each_other_pairs_them_at_two_mentions() -> None:
    counts = Counter({"IRN": 2, "AZE": 2})
    detained = _event("COERCE", 4, "AZE", "IRN")
    asked = _event("REQUEST", 3, "IRN")
    _detained, filled = fill_targets([detained, asked], counts, NAMES)
    assert filled.target is not None and filled.target.code == "AZE"
    # the same two named twice, but never as the sides of one event: "signed in Addis Ababa" is no dealing
    (alone,) = fill_targets([asked], counts, NAMES)
    assert alone.target is None
    # a third country named: the usual three mentions are needed
    (third,) = fill_targets([detained, asked], counts + Counter({"TUR": 1}), NAMES)[1:]
    assert third.target is None


def test_a_call_on_all_parties_reaches_one_country_and_each_ally_that_struck_it() -> None:
    counts = Counter({"IRN": 6, "ISR": 4, "USA": 3, "FRA": 2})
    strikes = [replace(_event("ASSAULT", 4, a, "IRN"), id=a) for a in ("ISR", "USA")]
    call = _event("REQUEST", 3, "FRA")
    call = replace(call, evidence=replace(call.evidence, sentence="France called on all parties to avoid attacks."))
    out = fill_targets([*strikes, call], counts, {**NAMES, "ISR": "Israel", "USA": "United States"})
    assert {e.target.code for e in out if e.event_type == "REQUEST" and e.target} == {"IRN", "ISR", "USA"}
    # not when the struck country also hit a third one (US bases in Qatar): that one is no party
    hit = replace(_event("ASSAULT", 4, "IRN", "QAT"), id="q")
    out = fill_targets([*strikes, hit, call], counts + Counter({"QAT": 2}), NAMES)
    assert "QAT" not in {e.target.code for e in out if e.event_type == "REQUEST" and e.target}


def test_an_armed_group_blamed_for_an_attack_abroad_keeps_its_own_code() -> None:
    from spillover.coding.doers import blamed_doer

    attack = _event("ASSAULT", 4, None, "USA")
    militia = Actor(text="the militia", code="IRQREB", country="IRQ", sector="REB")
    blame = replace(_event("ACCUSE", 3, "USA"), target=militia)
    done = blamed_doer(attack, attack, [attack, blame], NAMES)
    assert done.source is not None and done.source.code == "IRQREB"
    state = replace(blame, target=Actor(text="Iran", code="IRNMIL", country="IRN", sector="MIL"))
    done = blamed_doer(attack, attack, [attack, state], NAMES)
    assert done.source is not None and done.source.code == "IRN"  # a state's organ: the state is the doer


def test_an_unsure_event_tells_no_conflict_between_partners() -> None:
    counts = Counter({"AZE": 4, "GEO": 4})
    signed = _event("SUPPORT", 1, "GEO", "AZE")
    unsure = replace(_event("COERCE", 4, "AZE", "GEO"), confidence=0.12)
    plot = replace(_event("ASSAULT", 3, None, "AZE"), status="planned")
    out = fill_targets([signed, unsure, plot], counts, NAMES, home="GEO")
    assert out[2].source is None  # no foe told, and not the home country's for being filed from Tbilisi
    sure = replace(unsure, confidence=0.6)
    out = fill_targets([signed, sure, plot], counts, NAMES)
    assert out[2].source is not None and out[2].source.code == "GEO"


def test_an_interception_with_two_attackers_told_stays_unattributed() -> None:
    counts = Counter({"YEM": 3, "ISR": 3, "USA": 2})
    houthis = Actor(text="the Houthis", code="YEMREB", country="YEM", sector="REB")
    fired = replace(_event("ASSAULT", 4, None), source=houthis)  # "fired missiles at a tanker": no side hit
    struck = _event("ASSAULT", 4, "ISR", "YEM")
    downed = replace(_event("ASSAULT", 4, None, "USA"), status="attempted")
    assert fill_targets([fired, struck, downed], counts, NAMES)[2].source is None
    (_fired, alone) = fill_targets([fired, downed], counts, NAMES)
    assert alone.source is not None and alone.source.code == "YEMREB"  # the one attacker, an armed group


def test_a_mobilisation_is_not_aimed_at_a_country_told_only_as_an_ally() -> None:
    counts = Counter({"TUR": 4, "AZE": 4, "IRN": 3})
    pact = _event("SUPPORT", 1, "TUR", "AZE")
    drill = _event("MOBILIZE", 4, "TUR", "AZE")
    strike = replace(_event("ASSAULT", 4, "IRN", "AZE"), id="strike")
    out = fill_targets([pact, drill, strike], counts, NAMES)
    assert out[1].target is None or out[1].target.code != "AZE"
    # a pair also told in conflict keeps the target
    clash = replace(_event("ASSAULT", 4, "AZE", "TUR"), id="clash")
    assert fill_targets([pact, drill, clash], counts, NAMES)[1].target.code == "AZE"  # type: ignore[union-attr]


def test_an_attack_too_unsure_to_keep_still_tells_whose_weapon_was_intercepted() -> None:
    counts = Counter({"SAU": 3, "IRN": 1, "ISR": 1})
    intercepted = replace(_event("ASSAULT", 4, None, "SAU"), status="attempted")
    (done,) = fill_targets([intercepted], counts, NAMES)
    assert done.source is None  # no attacker told
    told = replace(_event("ASSAULT", 4, "IRN", "ISR"), confidence=0.3)
    (done,) = fill_targets([intercepted], counts, NAMES, unsure=[told])
    assert done.source is not None and done.source.code == "IRN"
    faint = replace(told, confidence=0.1)  # too faint to tell a conflict
    assert fill_targets([intercepted], counts, NAMES, unsure=[faint])[0].source is None
