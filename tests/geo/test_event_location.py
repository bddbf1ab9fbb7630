"""Where events happened: the locator's choices through the real pipeline."""

from __future__ import annotations

from datetime import date

from spillover.geo.gazetteer import Gazetteer
from spillover.records import Document, Event


def _events(pipeline, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    return pipeline.process([Document.from_text(text, published=date(2026, 3, 6))], 0.0)[0][1]


def test_capital_of_a_country(gazetteer: Gazetteer) -> None:
    baku = gazetteer.capital("AZE")
    assert baku is not None and baku.name == "Baku" and baku.country == "AZE"
    assert gazetteer.capital("XXX") is None


def test_government_statement_is_placed_in_its_capital_not_the_dateline(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "TBILISI, March 6 — Azerbaijan's Foreign Ministry summoned Iran's ambassador on Friday.")
    ev = next(e for e in events if e.event_type == "ACCUSE")
    assert ev.location is not None and ev.location.name == "Baku" and ev.location.precision == "city"


def test_statement_of_the_dateline_country_stays_at_the_dateline(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "GANJA, March 6 — Azerbaijan's Foreign Ministry summoned Iran's ambassador on Friday.")
    ev = next(e for e in events if e.event_type == "ACCUSE")
    assert ev.location is not None and ev.location.name == "Ganja"


def test_route_phrase_places_the_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Azerbaijan evacuated foreign nationals through the Astara border crossing on Sunday.")
    ev = next(e for e in events if e.event_type == "AID")
    assert ev.location is not None and "Astara" in (ev.location.name or "") and ev.location.country == "AZE"


def test_the_exclave_stands_for_the_region_named_before(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Drones hit the Nakhchivan Autonomous Republic on Monday. "
        "On Friday Turkish and Azerbaijani troops held joint exercises in the exclave."
    )
    ev = next(e for e in _events(pipeline, text) if e.event_type == "COOPERATE")
    assert ev.location is not None and ev.location.country == "AZE"
    assert ev.location.text == "exclave" and ev.location.precision in ("admin", "region", "city", "point")


def test_the_country_is_the_attacked_country_not_the_attackers(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Iran fired missiles at Israel a day after Israeli warplanes bombed military sites across the country."
    ev = next(e for e in _events(pipeline, text) if e.evidence.trigger.startswith("bomb"))
    assert ev.location is not None and ev.location.country == "IRN" and ev.location.precision == "country"


def test_the_city_with_its_own_name_is_not_an_anaphor(pipeline) -> None:  # type: ignore[no-untyped-def]
    from spillover.geo.anaphors import place_anaphor

    doc = pipeline.nlp("Police fired tear gas in the city of Kisumu and later in the town.")
    kinds = {t.text: place_anaphor(t) for t in doc if t.lower_ in ("city", "town")}
    assert kinds == {"city": None, "town": "city"}


def test_a_denied_deed_takes_the_place_of_the_deed_reported_before(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "BAKU, March 5 — A drone launched from Iran struck the terminal of Nakhchivan International Airport "
        "on Thursday. Azerbaijan condemned the strike. Iran's foreign ministry denied that Iranian forces had "
        "launched the drone."
    )
    events = _events(pipeline, text)
    denied = next(e for e in events if e.status == "denied")
    assert denied.location is not None and "Nakhchivan" in (denied.location.name or "")
    first = next(e for e in events if e.status == "occurred" and e.event_type == denied.event_type)
    assert denied.location.confidence is not None and first.location is not None
    assert denied.location.confidence < (first.location.confidence or 1.0)


def test_a_visit_happens_where_the_visitor_went(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Georgia's foreign minister visited Baku on Wednesday and pledged Tbilisi's support, while the European"
        " Union called on Iran to respect Azerbaijan's sovereignty."
    )
    visit = next(e for e in _events(pipeline, text) if e.event_type == "CONSULT")
    assert visit.location is not None and visit.location.name == "Baku"  # not Iran, from the "while" clause


def test_an_expulsion_is_decided_at_home_not_in_the_target_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "BAKU, March 6 — Azerbaijan on Wednesday expelled two Iranian diplomats.")
    ev = next(e for e in events if e.event_type == "SANCTION")
    assert ev.location is not None and ev.location.country == "AZE"


def test_an_arrest_of_foreign_agents_is_made_at_home(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Azerbaijan's State Security Service said it had arrested members of a cell working for the IRGC."
    ev = next(e for e in _events(pipeline, text) if e.event_type == "COERCE")
    assert ev.target is not None and ev.target.country == "IRN"
    assert ev.location is not None and (ev.location.country, ev.location.precision) == ("AZE", "country")


def test_a_planned_attack_is_placed_at_what_it_would_have_hit(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "ISTANBUL — Azerbaijan arrested members of a cell that had planned to attack the "
        "Baku-Tbilisi-Ceyhan pipeline."
    )
    ev = next(e for e in _events(pipeline, text) if e.event_type == "ASSAULT")
    assert ev.status == "planned"
    # aimed at the state that arrested the plotters, so placed at the pipeline's section in that state
    assert ev.target is not None and ev.target.country == "AZE"
    assert ev.location is not None and "Baku-Tbilisi-Ceyhan" in ev.location.text
    assert ev.location.country == "AZE"


def test_a_condemnation_is_not_placed_where_the_condemned_strikes_hit(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "ANKARA, March 6 — Turkey condemned Iran's drone strikes on Nakhchivan on Friday."
    ev = next(e for e in _events(pipeline, text) if e.event_type == "ACCUSE")
    assert ev.location is not None and ev.location.country == "TUR"


def test_a_place_in_another_actors_clause_does_not_place_the_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "BAKU, March 6 — Aliyev visited the Iranian embassy to sign the book of condolences, and "
        "Azerbaijani border guards let 4,000 foreigners leave Iran through the Astara checkpoint."
    )
    visit = next(e for e in _events(pipeline, text) if e.evidence.trigger == "visited")
    assert visit.location is None or "Astara" not in (visit.location.name or "")


def test_forces_put_on_alert_are_placed_at_home(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Iran's drones hit Nakhchivan on Thursday. Azerbaijan's army was put on high alert on Friday."
    alert = next(e for e in _events(pipeline, text) if e.event_type == "MOBILIZE")
    assert alert.location is not None and alert.location.country == "AZE"


def test_a_named_organisation_is_no_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Two Iranian drones flew into Nakhchivan on Thursday. Azerbaijan's State Security Service has since "
        "arrested eleven people it says were recruited by the IRGC."
    )
    arrest = next(e for e in _events(pipeline, text) if e.event_type == "COERCE")
    assert arrest.location is not None and arrest.location.country == "AZE"
    assert arrest.location.text != "IRGC"


def test_a_plot_is_not_placed_where_the_last_strike_hit(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Iranian drones struck Nakhchivan airport last week. "
        "Azerbaijan kept in custody the suspects detained over the alleged Iranian sabotage plot."
    )
    plot = next(e for e in _events(pipeline, text) if e.evidence.trigger == "plot")
    assert plot.status == "planned"
    assert plot.location is None or "airport" not in (plot.location.name or "").lower()


def test_a_place_nested_in_locative_phrases_places_the_deed(nlp) -> None:  # type: ignore[no-untyped-def]
    from spillover.geo.paths import _path_score

    doc = nlp("A second drone exploded near a school in the town of Ordubad.")
    exploded = next(t for t in doc if t.text == "exploded")
    ordubad = next(t for t in doc if t.text == "Ordubad")
    score = _path_score(ordubad, exploded, material=True)
    assert score is not None and score >= 1.0
    doc = nlp("Aliyev went to the embassy to sign a book of condolences for victims of the strikes on Iran.")
    signed = next(t for t in doc if t.text == "sign")
    iran = next(t for t in doc if t.text == "Iran")
    far = _path_score(iran, signed, material=False)
    assert far is None or far < 1.0  # the victims' place, behind "for", does not place the signing


def test_a_deed_told_a_day_before_does_not_place_the_news(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "BAKU, March 6 — Azerbaijan recalled its ambassador from Tehran on Friday, a day after two Iranian "
        "drones slammed into the Nakhchivan exclave."
    )
    events = _events(pipeline, text)
    recall = next(e for e in events if e.event_type == "SANCTION")
    assert recall.location is not None and recall.location.name == "Baku"
    strike = next(e for e in events if e.event_type == "ASSAULT")
    assert strike.location is not None and strike.location.country == "AZE" and strike.location.name != "Baku"


def test_unnamed_forces_act_in_the_scene_just_told(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "DUBAI, March 8 — Thousands of people took to the streets of Tabriz on Sunday to demand an end to the war. "
        "Security forces fired tear gas and arrested dozens of demonstrators, a rights group said."
    )
    arrest = next(e for e in _events(pipeline, text) if e.event_type == "COERCE")
    assert arrest.location is not None and arrest.location.country == "IRN"
    assert arrest.source is not None and arrest.source.code == "IRNCOP"


def test_an_attack_by_the_dateline_country_on_no_named_side_is_not_placed_at_home(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "JERUSALEM, March 4 — The Israeli military said its jets had hit air defence batteries overnight."
    ev = next(e for e in _events(pipeline, text) if e.event_type == "ASSAULT")
    assert ev.location is None or ev.location.country != "ISR"


def test_talks_since_a_strike_are_not_placed_where_the_strike_was(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "ISTANBUL, April 2 — Delegations from Azerbaijan and Iran met in Istanbul on Thursday for their first direct"
        " talks since the drone strike on Nakhchivan."
    )
    talks = [e for e in _events(pipeline, text) if e.event_type == "CONSULT"]
    assert talks and all(e.location is not None and e.location.name == "Istanbul" for e in talks)


def test_a_place_a_participle_tells_in_another_clause_does_not_place_the_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Qatar closed its airspace on Thursday after Iranian missiles aimed at Israel crossed the Gulf overnight."
    events = _events(pipeline, text)
    closure = next(e for e in events if e.evidence.trigger == "closed")
    assert closure.location is None or closure.location.country != "ISR"
    assert closure.target is None or closure.target.code != "ISR"  # nor is its target there
    launch = next(e for e in events if e.evidence.trigger == "missiles")  # the missiles' own flight is
    assert launch.target is not None and launch.target.code == "ISR"


def test_a_visit_with_no_place_named_is_at_the_hosts_capital(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "PARIS, March 3 — Lebanon condemned the strikes. "
        "France sent its foreign minister for talks with Lebanese leaders."
    )
    visit = next(e for e in _events(pipeline, text) if e.mode == "visit")
    assert visit.location is not None and visit.location.name == "Beirut"


def test_a_country_that_only_owns_the_troops_does_not_place_the_attack(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "US troops" says whose troops; the base is in Anbar
    text = "Three rockets struck near a base hosting US troops in western Iraq's Anbar province on Thursday."
    ev = next(e for e in _events(pipeline, text) if e.event_type == "ASSAULT")
    assert ev.location is not None and ev.location.country == "IRQ" and ev.location.name == "Anbar"


def test_an_appeal_on_a_state_is_made_at_home_not_in_the_state_called_on(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "called on Israel": the addressee; a relative clause on the speaker says where it has forces, not where it spoke
    text = "Russia, which has forces in Syria, called on Israel to respect Syrian sovereignty."
    ev = next(e for e in _events(pipeline, text) if e.event_type == "REQUEST")
    assert ev.location is not None and ev.location.name == "Moscow"


def test_a_plot_on_the_orders_of_a_foreign_force_is_not_placed_in_its_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Azerbaijan's State Security Service said it had detained five people suspected of planning to blow up "
        "a section of the Baku–Tbilisi–Ceyhan oil pipeline on the orders of Iran's Revolutionary Guards."
    )
    ev = next(e for e in _events(pipeline, text) if e.event_type == "ASSAULT")
    assert ev.location is not None and ev.location.country == "AZE"


def test_a_named_site_in_the_object_beats_the_sea_around_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Israeli warplanes bombed the Kharg Island oil terminal in the Persian Gulf on Saturday."
    ev = next(e for e in _events(pipeline, text) if e.event_type == "ASSAULT")
    assert ev.location is not None and ev.location.name == "Kharg Island"


def test_a_request_is_no_place_and_an_arrest_abroad_is_by_the_local_police(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Georgia extradited two men wanted in Azerbaijan. The men, both Azerbaijani citizens, were arrested "
        "in the Georgian town of Rustavi last month at Baku's request."
    )
    ev = next(e for e in _events(pipeline, text) if e.event_type == "COERCE")
    assert ev.location is not None and ev.location.name == "Rustavi"
    assert ev.source is not None and ev.source.code == "GEOCOP"
