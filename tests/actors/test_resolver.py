"""ActorIndex on sentences we wrote: who a pronoun stands for."""

from __future__ import annotations

import pytest

from spillover.actors.resolver import ActorIndex

pytestmark = pytest.mark.slow


def _index(pipeline, text: str):  # type: ignore[no-untyped-def]
    doc = pipeline.nlp(text)
    return doc, ActorIndex(doc, pipeline.matcher.find(doc), pipeline.kb)


def test_we_in_a_quote_is_the_speaker_not_the_last_actor(pipeline) -> None:  # type: ignore[no-untyped-def]
    doc, index = _index(pipeline, 'Iraq was mentioned. "We are ready," the Kuwaiti foreign minister said.')
    we = next(t for t in doc if t.lower_ == "we")
    actor = index.actor_for(we)
    assert actor is not None and actor.country == "KWT"


def test_our_forces_take_the_speakers_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    doc, index = _index(pipeline, '"Our forces will respond," the Egyptian president said.')
    forces = next(t for t in doc if t.lower_ == "forces")
    actor = index.actor_for(forces)
    assert actor is not None and actor.country == "EGY"


def test_first_person_without_a_speech_verb_stays_unresolved(pipeline) -> None:  # type: ignore[no-untyped-def]
    doc, index = _index(pipeline, "Iran fired missiles. We saw them.")
    we = next(t for t in doc if t.lower_ == "we")
    assert index.actor_for(we) is None


def test_document_event_memory_starts_empty(pipeline) -> None:  # type: ignore[no-untyped-def]
    _doc, index = _index(pipeline, "Iran fired missiles at Israel.")
    assert index.events == []


def test_a_list_of_countries_parsed_as_apposition_is_still_a_list(pipeline) -> None:  # type: ignore[no-untyped-def]
    doc, index = _index(pipeline, "The US, Russia, and Switzerland met yesterday.")
    us = next(t for t in doc if t.text == "US")
    assert [a.country for a in index.actors_for(us)] == ["USA", "RUS", "CHE"]
    doc, index = _index(pipeline, "Iran's president, Masoud Pezeshkian, visited Baku.")
    head = next(t for t in doc if t.text == "president")
    assert [a.country for a in index.actors_for(head)] == ["IRN"]  # a true apposition, one person


def test_a_conjunct_hung_on_the_inner_word_of_a_name_still_counts(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the small parser makes "Barack" the subject and hangs "and Vladimir Putin" on "Obama"
    doc, index = _index(pipeline, "Barack Obama and Vladimir Putin will meet in Zurich to discuss trade.")
    subject = next(t for t in doc if t.dep_ == "nsubj")
    assert {a.country for a in index.actors_for(subject)} == {"USA", "RUS"}


def test_a_nationality_adjective_on_the_first_conjunct_covers_unnamed_groups_after_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    doc, index = _index(pipeline, "The EU imposed sanctions on 14 Belarusian officials and three state companies.")
    officials = next(t for t in doc if t.text == "officials")
    assert [a.code for a in index.actors_for(officials)] == ["BLRGOV", "BLRBUS"]
    doc, index = _index(pipeline, "The EU imposed sanctions on Belarus and three state companies.")
    belarus = next(t for t in doc if t.text == "Belarus")
    codes = [a.code for a in index.actors_for(belarus)]
    assert codes[0] == "BLR" and "BLRBUS" not in codes  # a country's name is no adjective over the list


def test_places_in_a_clause_under_a_preposition_are_not_the_arguments_own(pipeline) -> None:  # type: ignore[no-untyped-def]
    doc, index = _index(
        pipeline, "The EU imposed sanctions on three companies over a campaign of sending balloons into Lithuania."
    )
    companies = next(t for t in doc if t.text == "companies")
    assert all(a.country != "LTU" for a in index.actors_for(companies))


def test_officials_of_two_countries_are_both_actors(pipeline) -> None:  # type: ignore[no-untyped-def]
    doc, index = _index(pipeline, "Security officials from Azerbaijan and Georgia met in Tbilisi on Monday.")
    officials = next(t for t in doc if t.text == "officials")
    assert {a.country for a in index.actors_for(officials)} == {"AZE", "GEO"}


def test_a_definite_ministry_takes_up_the_last_subject_not_the_last_name(pipeline) -> None:  # type: ignore[no-untyped-def]
    doc, index = _index(
        pipeline, "Baku demanded an official apology from Tehran. The Defence Ministry said units were on alert."
    )
    ministry = next(t for t in doc if t.text == "Ministry")
    actor = index.actor_for(ministry)
    assert actor is not None and actor.country == "AZE"


def test_a_leaders_short_name_inside_another_persons_name_is_not_the_leader(pipeline) -> None:  # type: ignore[no-untyped-def]
    doc = pipeline.nlp("Baku summoned the Iranian ambassador, Abbas Mousavi, on Sunday.")
    assert all(m.actor.country != "PSE" for m in pipeline.matcher.find(doc))
    doc = pipeline.nlp("Mahmoud Abbas met the envoy. Abbas said the talks had failed.")
    assert [m.actor.country for m in pipeline.matcher.find(doc) if m.kind == "person"] == ["PSE", "PSE"]


def test_it_in_a_reported_clause_is_the_reporter(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Iran fired missiles. Azerbaijan's State Security Service said it had arrested eleven people."
    doc, index = _index(pipeline, text)
    actor = index.actor_for(next(t for t in doc if t.lower_ == "it"))
    assert actor is not None and actor.country == "AZE"
    doc, index = _index(pipeline, "Iran fired missiles. Aliyev said it had been a terrorist act.")
    other = index.actor_for(next(t for t in doc if t.lower_ == "it"))  # a person's "it" is not the person
    assert other is None or other.country != "AZE"


def test_a_security_service_named_without_its_country_is_the_storys(pipeline) -> None:  # type: ignore[no-untyped-def]
    from datetime import date as _date

    def service(text: str) -> str | None:
        doc = pipeline.nlp(text)
        found = [m for m in pipeline.matcher.find(doc, _date(2026, 3, 16)) if m.kind == "organisation"]
        return found[0].actor.code if found else None

    assert service("Azerbaijan broke up a spy ring in Baku, the State Security Service said.") == "AZESPY"
    assert service("Georgia's State Security Service said Georgian police arrested two men.") == "GEOSPY"


def test_a_governing_movement_named_with_fighters_is_an_armed_group(pipeline) -> None:  # type: ignore[no-untyped-def]
    doc, index = _index(pipeline, "Taliban militants captured a district while the Taliban government met.")
    militants = next(t for t in doc if t.lower_ == "militants")
    government = next(t for t in doc if t.lower_ == "government")
    armed, ruling = index.actor_for(militants), index.actor_for(government)
    assert armed is not None and armed.code == "AFGREB"
    assert ruling is not None and ruling.code == "AFGGOV"


def test_one_victim_named_by_occupation_has_its_sector(pipeline) -> None:  # type: ignore[no-untyped-def]
    doc, index = _index(pipeline, "Gunmen shot a doctor and a teacher and fired on a passenger plane.")
    sectors = {t.lower_: (a.sector if (a := index.actor_for(t)) else None) for t in doc if t.pos_ == "NOUN"}
    assert sectors["doctor"] == "HLH" and sectors["teacher"] == "EDU" and sectors["plane"] == "CVL"


def test_he_is_the_official_named_by_title_not_the_owner_of_his_office(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Pakistan's prime minister offered on Monday to mediate between Iran and Azerbaijan. He spoke by "
        "telephone with President Ilham Aliyev and Iranian President Masoud Pezeshkian, his office said."
    )
    calls = [e for e in pipeline.extract_texts([(text, None)], min_confidence=0.0)[0] if e.event_type == "CONSULT"]
    assert calls and all(e.source is not None and e.source.country == "PAK" for e in calls)


def test_a_deed_named_inside_an_argument_keeps_its_own_sides(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The United States imposed sanctions on six Iranian companies and four executives it said had supplied "
        "components for drones used in attacks on Azerbaijan and Iraq."
    )
    sanctions = [e for e in pipeline.extract_texts([(text, None)], min_confidence=0.0)[0] if e.event_type == "SANCTION"]
    assert sanctions and all(e.target is not None and e.target.country == "IRN" for e in sanctions)


def test_the_three_ministers_are_the_three_countries_named_before(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The foreign ministers of Azerbaijan, Turkey and Georgia met in Baku on Sunday. In a joint declaration, "
        "the three ministers called on Iran to respect the sovereignty of its neighbours."
    )
    events = pipeline.extract_texts([(text, None)], min_confidence=0.0)[0]
    callers = {e.source.country for e in events if e.event_type == "REQUEST" and e.source is not None}
    assert callers == {"AZE", "TUR", "GEO"}


def test_a_subject_he_carries_on_the_last_sentences_subject(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Armenian Prime Minister Nikol Pashinyan met Iran's first vice president in Yerevan on Wednesday. "
        "He urged Tehran and Baku to settle their dispute peacefully."
    )
    doc, index = _index(pipeline, text)
    he = next(t for t in doc if t.text == "He")
    actor = index.actor_for(he)
    assert actor is not None and actor.country == "ARM"


def test_a_he_after_a_person_named_in_its_own_sentence_is_left_to_recency(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Aliyev met Erdogan in Ankara. After Putin called, he said the talks had gone well."
    doc, index = _index(pipeline, text)
    he = next(t for t in doc if t.text == "he")
    actor = index.actor_for(he)
    assert actor is not None and actor.country == "RUS"


def test_both_countries_as_subject_are_the_last_subjects_not_the_last_names(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kazakhstan and Uzbekistan expressed solidarity with Azerbaijan on Thursday. Uzbekistan's foreign "
        "ministry said Tashkent supported Azerbaijan's sovereignty. Both countries also called on Iran and "
        "Israel to stop the fighting."
    )
    events = pipeline.extract_texts([(text, None)], min_confidence=0.0)[0]
    callers = {e.source.country for e in events if e.event_type == "REQUEST" and e.source is not None}
    assert callers == {"KAZ", "UZB"}


def test_the_ministers_of_the_two_countries_are_the_two_that_met(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Delegations from Armenia and Azerbaijan met in Tbilisi on Wednesday, with Georgia acting as host. "
        "The deputy prime ministers of the two countries agreed to complete the mapping by the end of May."
    )
    events = pipeline.extract_texts([(text, None)], min_confidence=0.0)[0]
    agreed = {(e.source.country, e.target.country) for e in events if e.event_type == "AGREE" and e.source and e.target}
    assert agreed == {("ARM", "AZE"), ("AZE", "ARM")}


def test_an_object_him_is_not_one_of_the_clauses_subjects(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kazakh President Kassym-Jomart Tokayev made the offer in separate phone calls with Iranian President "
        "Masoud Pezeshkian and Azerbaijani President Ilham Aliyev. Both leaders thanked him."
    )
    events = pipeline.extract_texts([(text, None)], min_confidence=0.0)[0]
    thanks = [e for e in events if e.evidence.trigger == "thanked"]
    assert thanks and all(e.target is not None and e.target.country == "KAZ" for e in thanks)


def test_third_parties_are_no_political_party(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = 'Tehran accused unnamed "third parties" of trying to sow discord between the two neighbours.'
    events = pipeline.extract_texts([(text, None)], min_confidence=0.0)[0]
    accused = next(e for e in events if e.evidence.trigger == "accused")
    assert accused.target is None or accused.target.sector != "POL"


def test_an_unknown_ministry_spokesman_is_an_official_of_the_reports_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "BEIJING, March 19 — China is ready to mediate between Iran and Azerbaijan, foreign ministry spokesman"
        " Lin Jian said on Thursday, urging both countries to resolve their differences through dialogue."
    )
    events = pipeline.extract_texts([(text, None)], min_confidence=0.0)[0]
    urged = next(e for e in events if e.evidence.trigger == "urging")
    assert urged.source is not None and urged.source.code == "CHNGOV"
    owned = pipeline.extract_texts([("Cambodia's prime minister Hun Manet asked the UN to meet.", None)])[0]
    assert all(e.source is None or e.source.country == "KHM" for e in owned)


def test_a_surname_alone_is_the_person_named_in_full_before(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Iranian Interior Minister Eskandar Momeni visited Islamabad for the talks. "
        "Momeni thanked Pakistan for handing over three suspects."
    )
    events = pipeline.extract_texts([(text, None)], min_confidence=0.0)[0]
    thanks = next(e for e in events if e.evidence.trigger == "thanked")
    assert thanks.source is not None and thanks.source.country == "IRN"
