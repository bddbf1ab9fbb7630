import dataclasses
from collections import Counter
from pathlib import Path

import pytest

from spillover.errors import DataFileError, EvalFormatError
from spillover.evaluation.acled_labels import snippet_event
from spillover.evaluation.case2021 import evaluate_case2021, load_mapping, read_case2021
from spillover.records import EVENT_TYPES
from tests.evaluation import fake_extractor as fake
from tests.evaluation.common import FIXTURES, SHARED, needs_shared

RULES = [
    fake.Rule("exchanged fire", "ASSAULT", 0.9, mode="firearms"),
    fake.Rule("drone strike", "ASSAULT", 0.9, mode="heavy-weapons"),
    fake.Rule("captured", "COERCE", 0.8, mode="seize", source="XXXREB", source_sector="REB"),
    fake.Rule("marched", "PROTEST", 0.8),
    fake.Rule("threatened", "THREATEN", 0.7),
    fake.Rule("arrested", "COERCE", 0.8, mode="arrest", source="XXXCOP", source_sector="COP"),
]
CASE_LABELS = {
    "ABDUCT_DISSAP",
    "AGREEMENT",
    "AIR_STRIKE",
    "ARMED_CLASH",
    "ARREST",
    "ART_MISS_ATTACK",
    "ATTACK",
    "CHANGE_TO_GROUP_ACT",
    "CHEM_WEAP",
    "DISR_WEAP",
    "FORCE_AGAINST_PROTEST",
    "GOV_REGAINS_TERIT",
    "GRENADE",
    "HQ_ESTABLISHED",
    "MOB_VIOL",
    "NON_STATE_ACTOR_OVERTAKES_TER",
    "NON_VIOL_TERRIT_TRANSFER",
    "OTHER",
    "PEACE_PROTEST",
    "PROPERTY_DISTRUCT",
    "PROTEST_WITH_INTER",
    "REM_EXPLOS",
    "SEX_VIOL",
    "SUIC_BOMB",
    "VIOL_DEMONSTR",
    "ORG_CRIME",
    "NATURAL_DISASTER",
    "MAN_MADE_DISASTER",
    "DIPLO",
    "ATTRIB",
}


def _event(event_type, mode=None, source=None, sector=None):
    extract = fake.KeywordExtractor([fake.Rule("x", event_type, mode=mode, source=source, source_sector=sector)])
    return extract([("x", None)])[0][0]


def _snippets(path: Path, *rows: tuple[str, str]) -> Path:
    """Write a CASE 2021 task-2 TSV of (snippet, sub-type) rows, numbered from 1."""
    lines = [f"{i}\t{text}\t{label}\n" for i, (text, label) in enumerate(rows, start=1)]
    path.write_text("id\tEventSnippet\tSubType\n" + "".join(lines), encoding="utf-8")
    return path


def _assert_all_right(tsv: Path, rules: list[fake.Rule]) -> None:
    """Every snippet of ``tsv`` gets its gold label from the keyword extractor with ``rules``."""
    report = evaluate_case2021(tsv, fake.KeywordExtractor(rules))
    assert report.summary["accuracy"] == 1.0, report.tables


def test_mapping_covers_all_labels_and_types():
    mapping = load_mapping()
    assert set(mapping.labels) == CASE_LABELS
    for event_type in EVENT_TYPES:
        assert (event_type, "*", "*") in mapping.reverse, event_type
    assert mapping.gold_type["AIR_STRIKE"] == "ASSAULT"
    assert mapping.gold_type["NATURAL_DISASTER"] == "NONE"


def test_tie_breaks_by_mode_then_actor():
    mapping = load_mapping()
    assert mapping.label_for(None) == "MAN_MADE_DISASTER"
    assert mapping.label_for(_event("ASSAULT", "aerial")) == "AIR_STRIKE"
    assert mapping.label_for(_event("ASSAULT", "Suicide-Attack")) == "SUIC_BOMB"
    assert mapping.label_for(_event("ASSAULT", "something-new")) == "ARMED_CLASH"
    assert mapping.label_for(_event("PROTEST", "riot")) == "VIOL_DEMONSTR"
    assert mapping.label_for(_event("COERCE", "seize", "IRQGOV", "GOV")) == "GOV_REGAINS_TERIT"
    assert mapping.label_for(_event("COERCE", "seize", "IRQREB", "REB")) == "NON_STATE_ACTOR_OVERTAKES_TER"
    assert mapping.label_for(_event("COERCE", "seize")) == "GOV_REGAINS_TERIT"
    assert mapping.label_for(_event("COERCE")) == "ARREST"
    assert mapping.label_for(_event("RETREAT", "return")) == "NON_VIOL_TERRIT_TRANSFER"  # handed over
    assert mapping.label_for(_event("RETREAT", "release")) == "AGREEMENT"
    assert mapping.label_for(_event("SANCTION", "expel")) == "DIPLO"
    assert mapping.type_for("DIPLO", _event("THREATEN")) == "ACCUSE"
    assert mapping.type_for("ORG_CRIME", None) == "NONE"


def test_mapping_errors_are_reported():
    with pytest.raises(DataFileError, match="already maps"):
        load_mapping("A\tASSAULT\t*\t*\tboth\nB\tASSAULT\t*\t*\tboth\nN\tNONE\t*\t*\tboth\n")
    with pytest.raises(DataFileError, match="without a gold row"):
        load_mapping("A\tASSAULT\t*\t*\tpred\nN\tNONE\t*\t*\tboth\n")


def test_evaluate_exact_numbers():
    report = evaluate_case2021(FIXTURES / "case2021_small.tsv", fake.KeywordExtractor(RULES))
    s = report.summary
    assert s["n"] == 7
    assert s["accuracy"] == pytest.approx(4 / 7)
    assert s["micro_f1"] == pytest.approx(4 / 7)
    assert s["macro_f1"] == pytest.approx(0.4)  # 4 perfect labels out of 10 seen in gold or predictions
    assert s["type_accuracy"] == pytest.approx(6 / 7)
    assert s["type_macro_f1"] == pytest.approx((1 + 2 / 3 + 1 + 2 / 3 + 1) / 5)
    assert s["n_no_event"] == 1
    assert report.confusion["AIR_STRIKE"]["ART_MISS_ATTACK"] == 1
    assert report.confusion["ORG_CRIME"]["ARREST"] == 1
    assert report.render_text().splitlines()[-1].startswith("n=7 accuracy=0.571 macro_f1=0.400 micro_f1=0.571")


def test_classifier_reason_labels_snippets_without_events():
    mapping = load_mapping()
    assert mapping.label_for(None, "NONE/natural") == "NATURAL_DISASTER"
    assert mapping.label_for(None, "NONE/crime") == "ORG_CRIME"
    assert mapping.label_for(None, "NONE/statement") == "MAN_MADE_DISASTER"  # no row of its own: the catch-all
    assert mapping.label_for(None, None) == "MAN_MADE_DISASTER"


def test_classifier_event_label_reads_a_snippet_whose_events_all_fell_away():
    mapping = load_mapping()
    assert mapping.label_for(None, "ASSAULT/aerial") == "AIR_STRIKE"
    assert mapping.label_for(None, "COERCE/confiscate") == "DISR_WEAP"
    assert mapping.label_for(None, "ACCUSE") == "DIPLO"  # no mode: the type's fallback row
    assert mapping.type_for("DISR_WEAP", None, "COERCE/confiscate") == "COERCE"
    assert mapping.type_for("DISR_WEAP", None, "NONE/crime") == "NONE"


def test_weak_event_yields_to_a_non_political_reading():
    def classify(texts):
        return ["NONE/crime" if "smugglers" in t else None for t in texts]

    report = evaluate_case2021(FIXTURES / "case2021_small.tsv", fake.KeywordExtractor(RULES), classify=classify)
    plain = evaluate_case2021(FIXTURES / "case2021_small.tsv", fake.KeywordExtractor(RULES))
    # the smugglers' arrest (confidence 0.8) is strong enough to stand against the crime reading
    assert report.confusion["ORG_CRIME"]["ARREST"] == 1
    assert report.summary == plain.summary
    weak = [dataclasses.replace(rule, confidence=0.2) for rule in RULES]
    dropped = evaluate_case2021(FIXTURES / "case2021_small.tsv", fake.KeywordExtractor(weak), classify=classify)
    assert dropped.confusion["ORG_CRIME"]["ORG_CRIME"] == 1
    assert dropped.summary["n_no_event"] == plain.summary["n_no_event"] + 1


def test_reader_checks(tmp_path: Path):
    snippets = read_case2021(FIXTURES / "case2021_small.tsv")
    assert [s.id for s in snippets] == ["2", "4", "6", "8", "10", "12", "14"]
    assert snippets[3].text == 'Thousands marched peacefully through the "capital".'
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\tEventSnippet\tSubType\n1\tSomething happened.\tBATTLE\n")
    with pytest.raises(EvalFormatError, match="unknown label 'BATTLE'"):
        read_case2021(bad, load_mapping().labels)
    bad.write_text("id\ttext\n1\tx\n")
    with pytest.raises(EvalFormatError, match="header"):
        read_case2021(bad)


@needs_shared
@pytest.mark.slow
def test_real_dev_half():
    path = SHARED / "case2021_task2" / "test_dataset" / "dev_half_even_ids.tsv"
    snippets = read_case2021(path, load_mapping().labels)
    assert len(snippets) == 510
    assert all(int(s.id) % 2 == 0 for s in snippets)
    counts = Counter(s.label for s in snippets)
    assert set(counts) == CASE_LABELS
    assert (counts["ARMED_CLASH"], counts["PEACE_PROTEST"], counts["OTHER"]) == (31, 30, 2)
    report = evaluate_case2021(path, fake.no_events)
    assert report.summary["accuracy"] == pytest.approx(counts["MAN_MADE_DISASTER"] / 510)


def test_arrest_beside_a_protest_is_a_protest_with_intervention(tmp_path: Path):
    tsv = _snippets(
        tmp_path / "inter.tsv",
        ("Police arrested dozens of students who marched on parliament.", "PROTEST_WITH_INTER"),
        ("Police arrested five smugglers at the port.", "ORG_CRIME"),
    )
    rules = [dataclasses.replace(r, confidence=0.4) if r.event_type == "PROTEST" else r for r in RULES]
    report = evaluate_case2021(tsv, fake.KeywordExtractor(rules))
    assert report.confusion["PROTEST_WITH_INTER"]["PROTEST_WITH_INTER"] == 1
    assert report.confusion["ORG_CRIME"]["ARREST"] == 1  # no protest beside it: the arrest stands
    weak_protest = [dataclasses.replace(r, confidence=0.05) if r.event_type == "PROTEST" else r for r in RULES]
    weak = evaluate_case2021(tsv, fake.KeywordExtractor(weak_protest))
    assert weak.confusion["PROTEST_WITH_INTER"]["ARREST"] == 1


def test_protest_beside_its_policing_takes_the_policing_label(tmp_path: Path):
    tsv = _snippets(
        tmp_path / "policed.tsv",
        ("Thousands marched on parliament and police fired tear gas at them.", "PROTEST_WITH_INTER"),
        ("Thousands marched on parliament and police fired live ammunition, killing two.", "FORCE_AGAINST_PROTEST"),
        ("Thousands marched on parliament and police arrested dozens.", "PROTEST_WITH_INTER"),
        ("Thousands marched on parliament.", "PEACE_PROTEST"),
    )
    rules = [
        fake.Rule("marched", "PROTEST", 0.9, mode="demo"),
        fake.Rule("fired", "ASSAULT", 0.5, mode="repression"),
        fake.Rule("arrested", "COERCE", 0.5, mode="arrest"),
    ]
    _assert_all_right(tsv, rules)


def test_vague_best_event_takes_the_classifier_reading(tmp_path: Path):
    tsv = _snippets(
        tmp_path / "vague.tsv",
        ("Youths killed a man and torched shops after a rally.", "VIOL_DEMONSTR"),
        ("Gunmen killed a man in a market.", "ARMED_CLASH"),
    )
    rules = [fake.Rule("killed", "ASSAULT", 0.5)]  # no mode: the rules only saw a killing

    def classify(texts: list[str]) -> list[str | None]:
        return ["PROTEST/riot" if "rally" in t else "ASSAULT" for t in texts]

    report = evaluate_case2021(tsv, fake.KeywordExtractor(rules), classify=classify)
    assert report.confusion["VIOL_DEMONSTR"]["VIOL_DEMONSTR"] == 1
    # the classifier names the same type and no mode: the event stands (ASSAULT without a mode)
    assert report.confusion["ARMED_CLASH"]["ARMED_CLASH"] == 1


def test_claimed_or_denied_deed_is_an_attribution(tmp_path: Path):
    tsv = _snippets(tmp_path / "attrib.tsv", ("The group denied it had bombed the market.", "ATTRIB"))
    denied = [fake.Rule("bombed", "ASSAULT", 0.6, mode="explosives", cameo="016")]
    report = evaluate_case2021(tsv, fake.KeywordExtractor(denied))
    assert report.confusion["ATTRIB"]["ATTRIB"] == 1
    plain = [fake.Rule("bombed", "ASSAULT", 0.6, mode="explosives", cameo="183")]
    assert evaluate_case2021(tsv, fake.KeywordExtractor(plain)).confusion["ATTRIB"]["REM_EXPLOS"] == 1


def test_clash_beside_a_capture_of_territory_is_that_capture(tmp_path: Path):
    tsv = _snippets(
        tmp_path / "capture.tsv",
        ("Troops exchanged fire with rebels and captured the village.", "GOV_REGAINS_TERIT"),
        ("Troops exchanged fire with rebels near the village.", "ARMED_CLASH"),
    )
    rules = [
        fake.Rule("exchanged fire", "ASSAULT", 0.9, mode="firearms"),
        fake.Rule("captured", "COERCE", 0.5, mode="seize", source="XXXMIL", source_sector="MIL"),
    ]
    report = evaluate_case2021(tsv, fake.KeywordExtractor(rules))
    assert report.confusion["GOV_REGAINS_TERIT"]["GOV_REGAINS_TERIT"] == 1
    assert report.confusion["ARMED_CLASH"]["ARMED_CLASH"] == 1
    weak = [dataclasses.replace(r, confidence=0.2) if r.event_type == "COERCE" else r for r in rules]
    assert evaluate_case2021(tsv, fake.KeywordExtractor(weak)).confusion["GOV_REGAINS_TERIT"]["ARMED_CLASH"] == 1


def test_policing_beside_a_riot_is_a_violent_demonstration(tmp_path: Path):
    tsv = _snippets(
        tmp_path / "riot.tsv",
        ("Police fired tear gas after protesters threw stones.", "VIOL_DEMONSTR"),
        ("Police fired tear gas at the crowd.", "PROTEST_WITH_INTER"),
    )
    rules = [
        fake.Rule("fired tear gas", "ASSAULT", 0.8, mode="repression"),
        fake.Rule("threw stones", "PROTEST", 0.1, mode="riot"),
    ]
    _assert_all_right(tsv, rules)


def test_force_on_protesters_is_excessive_only_when_lethal_or_injuring(tmp_path: Path):
    """ACLED: tear gas or a dispersal is an intervention; live fire, deaths or injuries are excessive force."""
    tsv = _snippets(
        tmp_path / "force.tsv",
        ("Police suppressed a peaceful march in the capital.", "PROTEST_WITH_INTER"),
        ("Soldiers violently suppressed a peaceful march in the capital.", "FORCE_AGAINST_PROTEST"),
        ("Police dispersed the crowd outside parliament.", "PROTEST_WITH_INTER"),
        ("Dozens were injured after police dispersed the crowd.", "FORCE_AGAINST_PROTEST"),
        ("Police dispersed the crowd. Rubber bullets were fired.", "PROTEST_WITH_INTER"),
    )
    rules = [
        fake.Rule("suppressed", "ASSAULT", 0.9, mode="repression", cameo="175"),
        fake.Rule("dispersed", "COERCE", 0.6, mode="restrict", cameo="170"),
    ]
    _assert_all_right(tsv, rules)


def test_protesters_demands_are_their_protest(tmp_path: Path):
    tsv = _snippets(
        tmp_path / "speech.tsv",
        ("Students staged a sit-in, urging lawmakers to act.", "PEACE_PROTEST"),
        ("The government urged lawmakers to act as students staged a sit-in.", "DIPLO"),
    )
    rules = [
        fake.Rule("staged a sit-in", "PROTEST", 0.6, mode="obstruct"),
        fake.Rule("urging", "REQUEST", 0.9, source="XXXCVL", source_sector="CVL"),
        fake.Rule("urged", "REQUEST", 0.9, source="XXXGOV", source_sector="GOV"),
    ]
    _assert_all_right(tsv, rules)


def test_a_weapon_acled_files_on_its_own_outranks_a_generic_attack(tmp_path: Path):
    tsv = _snippets(
        tmp_path / "weapon.tsv",
        ("Two suicide bombers blew themselves up after police exchanged fire with them.", "SUIC_BOMB"),
        ("Rebels fired mortar shells filled with chlorine gas at the town.", "CHEM_WEAP"),
        ("Police exchanged fire with gunmen.", "ARMED_CLASH"),
        ("Police exchanged fire with gunmen; a suicide bomber was arrested later.", "ARMED_CLASH"),
    )
    rules = [
        fake.Rule("exchanged fire", "ASSAULT", 0.6, mode="firearms"),
        fake.Rule("suicide bombers", "ASSAULT", 0.06, mode="suicide-attack"),
        fake.Rule("suicide bomber", "ASSAULT", 0.06, mode="suicide-attack", status="planned"),
        fake.Rule("fired mortar", "ASSAULT", 0.5, mode="heavy-weapons"),
        fake.Rule("chlorine gas", "ASSAULT", 0.3, mode="unconventional"),
    ]
    _assert_all_right(tsv, rules)


def test_armed_violence_against_civilians_is_an_attack_not_a_clash(tmp_path: Path):
    """ACLED: an attack on people who are no armed side is violence against civilians, whatever the weapon."""
    tsv = _snippets(
        tmp_path / "one-sided.tsv",
        ("Gunmen opened fire on worshippers.", "ATTACK"),
        ("Gunmen opened fire on soldiers.", "ARMED_CLASH"),
        ("Gunmen opened fire on a doctor.", "ATTACK"),
    )
    rules = [
        fake.Rule("on worshippers", "ASSAULT", 0.9, mode="firearms", source="XXXREB", target="XXXCVL"),
        fake.Rule("on soldiers", "ASSAULT", 0.9, mode="firearms", source="XXXREB", target="XXXMIL"),
        fake.Rule("on a doctor", "ASSAULT", 0.9, mode="firearms", source="XXXREB", target="XXXHLH"),
    ]
    _assert_all_right(tsv, rules)


def test_people_killed_do_not_say_they_were_civilians():
    """'the killing of 12 people on both sides': generic victims leave a clash a clash."""
    clash = _event("ASSAULT", mode="firearms", source="XXXREB", sector="REB")
    people = dataclasses.replace(clash, target=dataclasses.replace(clash.source, text="12 people", code="XXXCVL",
                                                                   sector="CVL"))
    farmers = dataclasses.replace(people, target=dataclasses.replace(people.target, text="three farmers"))
    mapping = load_mapping()
    assert mapping.label_for(snippet_event([people], None)) == "ARMED_CLASH"
    assert mapping.label_for(snippet_event([farmers], None)) == "ATTACK"


def test_a_condemned_deed_is_the_deed(tmp_path: Path):
    """ACLED files what was condemned: a criticism aimed at no actor, of a deed told after it, is that deed."""
    tsv = _snippets(
        tmp_path / "condemned.tsv",
        ("Lawyers in Lusaka denounced the detention of a union leader, held since Friday.", "ARREST"),
        ("The council condemned Ruritania over the detention of journalists.", "DIPLO"),
        ("Bishops denounced the torching of market stalls after the vote.", "PROPERTY_DISTRUCT"),
    )
    rules = [
        fake.Rule("denounced", "ACCUSE", 0.6, mode="disapprove"),
        fake.Rule("condemned", "ACCUSE", 0.6, mode="disapprove", target="RUR"),
        fake.Rule("detention", "COERCE", 0.1, mode="arrest"),
        fake.Rule("torching", "ASSAULT", 0.01, mode="destroy"),
    ]
    _assert_all_right(tsv, rules)


def test_a_riot_beside_a_march_makes_it_a_violent_demonstration(tmp_path: Path):
    """ACLED: a demonstration in which the crowd turns violent is a violent demonstration."""
    tsv = _snippets(
        tmp_path / "riot.tsv",
        ("Thousands marched through Quito; later youths hurled rocks at riot police.", "VIOL_DEMONSTR"),
        ("Thousands marched through Quito without incident.", "PEACE_PROTEST"),
    )
    rules = [
        fake.Rule("marched", "PROTEST", 0.8, mode="demo"),
        fake.Rule("hurled rocks", "PROTEST", 0.6, mode="riot"),
    ]
    _assert_all_right(tsv, rules)


def test_shooting_the_classifier_reads_as_violence_against_civilians_is_an_attack():
    """No armed target and a snippet read as one-sided violence: ACLED's attack, not a battle."""
    shooting = _event("ASSAULT", mode="firearms", source="XXXREB", sector="REB")
    on_troops = dataclasses.replace(shooting, target=fake.actor("XXXMIL", "MIL"))
    mapping = load_mapping()
    assert mapping.label_for(snippet_event([shooting], "ASSAULT/beat")) == "ATTACK"
    assert mapping.label_for(snippet_event([shooting], "ASSAULT/firearms")) == "ARMED_CLASH"
    assert mapping.label_for(snippet_event([on_troops], "ASSAULT/beat")) == "ARMED_CLASH"


def test_the_classifiers_reading_of_a_deed_beats_a_said_best_event():
    """A hosting that outscores a riot, an inquiry into a crash: ACLED files the riot and the accident."""
    hosting = _event("CONSULT", mode="visit")
    riot = dataclasses.replace(_event("PROTEST", mode="riot"), confidence=0.4)
    weak_riot = dataclasses.replace(riot, confidence=0.1)
    inquiry = _event("ACCUSE", mode="investigate", source="XXXCOP", sector="COP")
    mapping = load_mapping()
    assert mapping.label_for(snippet_event([hosting, riot], "PROTEST/riot")) == "VIOL_DEMONSTR"
    assert mapping.label_for(snippet_event([hosting, weak_riot], "PROTEST/riot")) == "DIPLO"
    assert mapping.label_for(snippet_event([hosting, riot], "CONSULT/visit")) == "DIPLO"
    assert snippet_event([inquiry], "NONE/accident") is None
    assert mapping.label_for(None, "NONE/accident") == "MAN_MADE_DISASTER"


def test_fighters_captured_in_a_takeover_are_the_takeover():
    """'seized the town, where they also captured a commander': ACLED files the ground taken, not the arrest."""
    arrest = dataclasses.replace(_event("COERCE", mode="arrest", source="XXXMIL", sector="MIL"), confidence=0.6)
    takeover = dataclasses.replace(_event("COERCE", mode="seize", source="XXXMIL", sector="MIL"), confidence=0.5)
    mapping = load_mapping()
    assert mapping.label_for(snippet_event([arrest, takeover], None)) == "GOV_REGAINS_TERIT"
    assert mapping.label_for(snippet_event([arrest], None)) == "ARREST"
