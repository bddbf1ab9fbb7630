"""Parse repairs: what the small English pipeline gets wrong and the coder needs right."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_a_reduced_relative_before_a_passive_is_the_passive_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "In a separate incident, a ballistic missile fired from Iran toward Turkey was shot down by NATO air"
        " defences over Hatay province on Wednesday."
    )
    missile, fired, shot = doc[7], doc[8], doc[14]
    assert (missile.text, fired.text, shot.text) == ("missile", "fired", "shot")
    assert (missile.dep_, missile.head.i) == ("nsubjpass", shot.i)
    assert (fired.dep_, fired.head.i) == ("acl", missile.i)


def test_a_clause_with_its_own_auxiliary_is_left_alone(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("That the missiles had been fired from Iran was confirmed by NATO.")
    assert not any(t.dep_ == "nsubjpass" and t.lower_ == "missiles" and t.head.lower_ == "confirmed" for t in doc)


def test_the_loaded_pipeline_runs_the_repair_last(nlp) -> None:  # type: ignore[no-untyped-def]
    from spillover.nlp.repair import REPAIR_COMPONENT

    assert nlp.pipe_names[-1] == REPAIR_COMPONENT


def test_a_statement_coordinated_with_a_reported_strike_goes_back_to_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Iran acknowledged on Saturday that drones had struck the exclave on Thursday and expressed regret.")
    acknowledged = next(t for t in doc if t.lower_ == "acknowledged")
    expressed = next(t for t in doc if t.lower_ == "expressed")
    assert expressed.head.i == acknowledged.i and expressed.dep_ == "conj"


def test_a_deed_coordinated_with_a_reported_deed_by_people_stays_theirs(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Officials said that the militants had stormed the town and vowed to hold it.")
    vowed = next(t for t in doc if t.lower_ == "vowed")
    assert vowed.head.lower_ != "said"


def test_a_plain_past_demand_after_a_backshifted_report_is_the_speakers(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "Kosovo Prime Minister Albin Kurti said the attackers had fled across the border into Serbia "
        "and demanded that Belgrade hand them over."
    )
    demanded = next(t for t in doc if t.lower_ == "demanded")
    assert demanded.head.lower_ == "said"


def test_the_subject_of_an_after_clause_read_as_its_object(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The arrests came a day after Azerbaijan expelled two Iranian diplomats.")
    azerbaijan = next(t for t in doc if t.text == "Azerbaijan")
    assert azerbaijan.dep_ == "nsubj" and azerbaijan.head.lower_ == "expelled"


def test_a_that_clause_hung_on_a_noun_after_a_speech_verb_is_what_was_said(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The envoy told reporters after the meeting that Iran had violated the UN Charter.")
    violated = next(t for t in doc if t.lower_ == "violated")
    assert violated.dep_ == "ccomp" and violated.head.lower_ == "told"
    kept = nlp("The envoy spoke after the meeting that took place in Baku.")
    took = next(t for t in kept if t.lower_ == "took")
    assert took.head.lower_ == "meeting"  # a real relative clause ("that" is its subject) stays


def test_a_name_after_a_fronted_weekday_is_the_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("On Wednesday Azerbaijan recalled its ambassador from Tehran for consultations.")
    day, name, verb = doc[1], doc[2], doc[3]
    assert (name.dep_, name.head.i) == ("nsubj", verb.i)
    assert (day.dep_, day.head.lower_) == ("pobj", "on")


def test_a_plot_infinitive_misread_as_the_foilers_complement_goes_back_to_the_plot(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The State Security Service said it had foiled a plot to blow up the pipeline.")
    blow = next(t for t in doc if t.lower_ == "blow")
    assert (blow.dep_, blow.head.lower_) == ("acl", "plot")


def test_a_plural_noun_read_as_a_verb_is_the_object(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("European Union foreign ministers on Monday imposed asset freezes and travel bans on six commanders.")
    freezes = next(t for t in doc if t.lower_ == "freezes")
    assert (freezes.dep_, freezes.head.lower_, freezes.lemma_) == ("dobj", "imposed", "freeze")
    said = nlp("The minister said prices rise when supply falls.")
    assert next(t for t in said if t.lower_ == "rise").dep_ != "dobj"


def test_a_past_statement_is_not_coordinated_with_an_infinitive(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "NATO Secretary General Mark Rutte said the alliance would do whatever was necessary to protect "
        "Türkiye and condemned Iran's reckless behaviour."
    )
    condemned = next(t for t in doc if t.lower_ == "condemned")
    assert condemned.head.lower_ == "said"


def test_a_headline_present_tense_verb_read_as_a_noun_is_a_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Azerbaijan summons Iran's ambassador.")
    summons, name = doc[1], doc[0]
    assert (summons.pos_, summons.lemma_) == ("VERB", "summon")
    assert (name.dep_, name.head.i) == ("nsubj", summons.i)


def test_a_subject_with_a_relative_clause_gets_its_verb_back(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Oman, which has mediated between Washington and Tehran in the past, offered to host negotiations.")
    oman, offered = doc[0], next(t for t in doc if t.lower_ == "offered")
    assert offered.dep_ == "ROOT" and (oman.dep_, oman.head.i) == ("nsubj", offered.i)


def test_a_participle_of_intent_after_a_group_noun_gives_the_group_its_plan(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The service said it had broken up a second cell planning to bomb a pumping station near Ganja.")
    cell, planning, bomb = (next(t for t in doc if t.lower_ == w) for w in ("cell", "planning", "bomb"))
    assert (cell.dep_, cell.head.lower_) == ("dobj", "broken")
    assert (planning.pos_, planning.dep_, planning.head.i) == ("VERB", "acl", cell.i)
    assert (bomb.dep_, bomb.head.i) == ("xcomp", planning.i)


def test_a_lone_name_read_as_an_object_predicate_is_the_object(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("French President Emmanuel Macron called Lebanese Prime Minister Nawaf Salam on Sunday.")
    salam = next(t for t in doc if t.text == "Salam")
    assert (salam.dep_, salam.head.lower_) == ("dobj", "called")


def test_a_name_with_an_object_before_it_stays_a_predicate(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Officials called him Ivan.")
    him, ivan = doc[2], doc[3]
    assert (him.dep_, ivan.dep_) == ("dobj", "oprd")


def _word(doc, text: str):  # type: ignore[no-untyped-def]
    return next(t for t in doc if t.text == text)


def test_a_live_blog_time_stamp_is_a_sentence_of_its_own(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("14:20 — Azerbaijan summons Iran's ambassador and hands him a protest note.")
    summons = _word(doc, "summons")
    assert summons.is_sent_start is not True and _word(doc, "Azerbaijan").is_sent_start
    assert (summons.pos_, summons.dep_) == ("VERB", "ROOT")
    assert (_word(doc, "Azerbaijan").dep_, _word(doc, "Azerbaijan").head.i) == ("nsubj", summons.i)


def test_a_clock_time_inside_a_sentence_starts_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The sirens sounded at 14:20 - shortly after the launch.")
    assert len(list(doc.sents)) == 1


def test_a_verb_between_two_names_is_the_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Turkish President Recep Tayyip Erdogan phones Aliyev to express solidarity.")
    phones, erdogan, aliyev = _word(doc, "phones"), _word(doc, "Erdogan"), _word(doc, "Aliyev")
    assert (phones.pos_, phones.lemma_, phones.dep_) == ("VERB", "phone", "ROOT")
    assert (erdogan.dep_, erdogan.head.i) == ("nsubj", phones.i)
    assert (aliyev.dep_, aliyev.head.i) == ("dobj", phones.i)
    assert _word(doc, "express").head.i == phones.i


def test_a_participle_read_as_the_verb_before_a_passive_is_its_subjects_modifier(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "A ballistic missile fired from Iran towards Turkish airspace was destroyed by NATO air and missile"
        " defence assets in the eastern Mediterranean, Turkey's defence ministry said on Wednesday."
    )
    missile, fired, destroyed = _word(doc, "missile"), _word(doc, "fired"), _word(doc, "destroyed")
    assert (missile.dep_, missile.head.i) == ("nsubjpass", destroyed.i)
    assert (fired.dep_, fired.head.i) == ("acl", missile.i)
    assert destroyed.dep_ != "conj"


def test_a_reported_participle_before_the_reported_verb_modifies_its_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Iran said the missile intercepted over Turkey had malfunctioned.")
    missile, intercepted, failed = _word(doc, "missile"), _word(doc, "intercepted"), _word(doc, "malfunctioned")
    assert (missile.dep_, missile.head.i) == ("nsubj", failed.i)
    assert (intercepted.dep_, intercepted.head.i) == ("acl", missile.i)


def test_a_demonym_read_as_a_second_object_modifies_the_object(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Armenia's defence ministry accused Azerbaijani forces of opening fire on Armenian positions.")
    azerbaijani, forces = _word(doc, "Azerbaijani"), _word(doc, "forces")
    assert azerbaijani.head.i == forces.i and azerbaijani.dep_ in ("amod", "compound")
    assert forces.dep_ == "dobj"


def test_those_responsible_to_be_punished_is_a_clause_of_the_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Baku said it still expected those responsible to be punished.")
    expected, those, punished = doc[4], doc[5], doc[9]
    assert (expected.text, those.text, punished.text) == ("expected", "those", "punished")
    assert (punished.dep_, punished.head.i) == ("ccomp", expected.i)
    assert (those.dep_, those.head.i) == ("nsubjpass", punished.i)


def test_a_subject_with_examples_set_off_by_commas_gets_its_verb_back(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Several members, including France and Britain, called on Iran to respect Azerbaijan's sovereignty.")
    called = next(t for t in doc if t.text == "called")
    assert called.dep_ == "ROOT"
    assert next(t for t in doc if t.text == "members").head == called


def test_diplomats_declared_persona_non_grata_are_the_object(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Azerbaijan declared two Iranian diplomats persona non grata on Thursday and gave them a day to leave.")
    declared = next(t for t in doc if t.text == "declared")
    diplomats = next(t for t in doc if t.text == "diplomats")
    assert diplomats.head == declared and diplomats.dep_ == "dobj"
    assert next(t for t in doc if t.text == "gave").head == declared


def test_a_stance_verb_after_and_read_as_a_plural_noun_is_the_main_verbs_conjunct(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "Saudi Arabia's foreign ministry condemns what it calls a reckless attack on a brotherly state and voices"
        " full solidarity with Bahrain."
    )
    voices = next(t for t in doc if t.text == "voices")
    assert voices.pos_ == "VERB" and voices.head.text == "condemns"
    assert next(t for t in doc if t.text == "solidarity").head == voices


def test_a_past_deed_after_an_infinitive_is_the_finite_verbs_conjunct(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Security forces fired tear gas to disperse the crowd and detained dozens of protesters, a group said.")
    assert next(t for t in doc if t.text == "detained").head.text == "fired"


def test_a_statement_after_a_time_clause_of_weapons_is_the_main_clauses(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "Georgia's foreign ministry expressed solidarity with Azerbaijan on Saturday after Iranian drones struck "
        "the Nakhchivan exclave, and called the attack a grave violation of international law."
    )
    called = next(t for t in doc if t.text == "called")
    assert called.head.text == "expressed"
    # a time clause whose subject can act keeps its conjunct: "after the army entered the town and seized it"
    doc = nlp("Protests spread after the army entered the town and seized the mayor's office.")
    seized = next(t for t in doc if t.text == "seized")
    assert seized.head.text == "entered"


def test_an_active_verb_after_a_participle_with_no_and_is_the_clauses(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Drones launched from Iran hit Nakhchivan airport.")
    drones, launched, hit = doc[0], doc[1], doc[4]
    assert (drones.dep_, drones.head.i) == ("nsubj", hit.i)
    assert (launched.dep_, launched.head.i) == ("acl", drones.i)
    assert hit.dep_ == "ROOT"
    # with "and" between, two deeds of one subject stay coordinated
    doc = nlp("Troops advanced from the north and seized the town.")
    seized = next(t for t in doc if t.text == "seized")
    assert seized.dep_ == "conj"


def test_a_naming_participle_read_as_the_verb_modifies_its_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "An Iran-aligned militia calling itself the Islamic Resistance in Iraq claimed responsibility for the attack, "
        "saying it was retaliation for American support for Israel."
    )
    militia = next(t for t in doc if t.text == "militia")
    calling = next(t for t in doc if t.text == "calling")
    claimed = next(t for t in doc if t.text == "claimed")
    assert claimed.dep_ == "ROOT" and (militia.dep_, militia.head.i) == ("nsubj", claimed.i)
    assert (calling.dep_, calling.head.i) == ("acl", militia.i)


def test_a_judged_deed_read_as_the_adjectives_compound_is_the_object(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Rutte called the launch reckless.")
    launch = doc[3]
    assert (launch.dep_, launch.head.text) == ("dobj", "called")
    assert doc[2].head.i == launch.i


def test_a_root_noun_with_a_participle_and_an_infinitive_is_the_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Iraqi militias threatened on Saturday to attack American forces in Iraq.")
    militias, threatened = doc[1], doc[2]
    assert threatened.dep_ == "ROOT" and (militias.dep_, militias.head.i) == ("nsubj", threatened.i)
    passive = nlp("Villages threatened by the floods were evacuated.")
    assert passive[1].dep_ != "ROOT"  # a participle with an agent stays one


def test_a_plain_past_after_a_would_clause_is_the_speaker_s_next_act(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "Iran's foreign ministry warned that the presence of foreign forces near its border would "
        "destabilise the region and summoned Turkey's ambassador."
    )
    summoned = next(t for t in doc if t.lower_ == "summoned")
    assert summoned.head.lower_ == "warned"
    # a reported "would" clause with a verb of its own future stays whole
    doc = nlp("Baku said the talks would resume soon and would cover the border.")
    cover = next(t for t in doc if t.lower_ == "cover")
    assert cover.head.lower_ != "said"
