"""Rules and the sentence classifier together: re-weighing, mode filling, model-made events."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from spillover.actors.kb import ActorKB
from spillover.coding.classifier import SentenceClassifier, load_labels
from spillover.coding.consensus import Consensus, ConsensusOptions, Vote, _beside_the_deed, _charged_deed
from spillover.coding.extractor import EventExtractor
from spillover.coding.lexicon import Lexicon
from spillover.coding.ontology import CameoTable
from spillover.coding.training import FitOptions, example_texts, featurize, fit, read_examples
from spillover.pipeline import Pipeline
from spillover.records import Event, Evidence


@pytest.fixture(scope="module")
def small_model(nlp) -> SentenceClassifier:  # type: ignore[no-untyped-def]
    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "training"
    labels = load_labels()
    examples = read_examples(example_texts([fixtures]), labels)
    features = featurize(nlp, [e.text for e in examples])
    return fit(features, [e.label for e in examples], labels, FitOptions(min_count=1), {"version": "test"})


def _pipelines(nlp, model: SentenceClassifier, options: ConsensusOptions):  # type: ignore[no-untyped-def]
    kb = ActorKB.load(())
    cameo = CameoTable.load()
    extractor = EventExtractor(Lexicon.load(()), cameo)
    rules = Pipeline(nlp, kb, extractor)
    both = Pipeline(nlp, kb, extractor, consensus=Consensus(model, cameo, options))
    return rules, both


def test_agreeing_classifier_keeps_the_rule_event_and_fills_its_mode(nlp, small_model) -> None:  # type: ignore[no-untyped-def]
    rules, both = _pipelines(nlp, small_model, ConsensusOptions())
    # "attacked" names no mode (a subject "jets" would: the rules call that an air strike themselves)
    text = "Israeli forces attacked militant hideouts from the air near the border overnight."
    [plain] = [e for e in rules.extract_texts([(text, None)], 0.0)[0] if e.event_type == "ASSAULT"]
    [mixed] = [e for e in both.extract_texts([(text, None)], 0.0)[0] if e.event_type == "ASSAULT"]
    assert plain.mode is None
    leading = small_model.predict(nlp(text)[:]).label
    assert leading.event_type == "ASSAULT" and leading.mode is not None
    assert mixed.mode == leading.mode
    assert "+mode:test" in mixed.evidence.coder
    assert mixed.source == plain.source and mixed.target == plain.target
    # the classifier's leading label is this event's, so it keeps most of its confidence
    assert 0.75 * plain.confidence <= mixed.confidence <= plain.confidence


def test_disagreeing_classifier_lowers_confidence(nlp, small_model) -> None:  # type: ignore[no-untyped-def]
    rules, both = _pipelines(nlp, small_model, ConsensusOptions(weight=0.5, rule_weight=0.3))
    text = "Germany attacked the relief plan as wasteful and sent food parcels to the camps instead."
    plain = {e.event_type: e for e in rules.extract_texts([(text, None)], 0.0)[0]}
    mixed = {e.event_type: e for e in both.extract_texts([(text, None)], 0.0)[0]}
    assert "AID" in plain and "AID" in mixed
    assert mixed["AID"].confidence == pytest.approx(plain["AID"].confidence, abs=0.01)
    for kind in set(plain) - {"AID"}:
        assert mixed[kind].confidence < plain[kind].confidence


def test_model_codes_a_sentence_the_rules_missed(nlp, small_model) -> None:  # type: ignore[no-untyped-def]
    rules, both = _pipelines(nlp, small_model, ConsensusOptions(new_event_threshold=0.3))
    text = "Thousands of Kenyan teachers filled the streets of Nairobi with banners and chants."
    assert rules.extract_texts([(text, None)], 0.0)[0] == []
    [made] = both.extract_texts([(text, None)], 0.0)[0]
    assert made.event_type == "PROTEST" and made.mode == "demo"
    assert made.evidence.coder == "model:test:PROTEST/demo"
    assert made.source is not None and made.source.country == "KEN"
    assert 0.0 < made.confidence < 1.0


def test_model_codes_nothing_for_a_negated_main_verb(nlp, small_model) -> None:  # type: ignore[no-untyped-def]
    _rules, both = _pipelines(nlp, small_model, ConsensusOptions(new_event_threshold=0.3))
    text = "Thousands of Kenyan teachers did not fill the streets of Nairobi with banners and chants."
    assert [e for e in both.extract_texts([(text, None)], 0.0)[0] if e.evidence.coder.startswith("model:")] == []


def test_vote_adds_rule_confidence_to_the_classifier(small_model) -> None:  # type: ignore[no-untyped-def]
    from spillover.coding.classifier import ClassPrediction
    from spillover.records import Event, Evidence

    labels = {info.label: info for info in small_model.labels}
    probs = {name: 0.0 for name in labels}
    probs.update({"AID": 0.5, "ASSAULT/aerial": 0.3, "ASSAULT/firearms": 0.1, "NONE/statement": 0.1})
    prediction = ClassPrediction(labels["AID"], 0.5, probs)
    consensus = Consensus(small_model, CameoTable.load(), ConsensusOptions(rule_weight=1.0, none_bias=0.0))
    attack = Event("e", "d", "ASSAULT", Evidence("s", (0, 1), "attack", "rules"), confidence=0.4)
    vote = consensus.vote(prediction, [attack])
    # the mode-less rule event spreads its 0.4 over ASSAULT's modes as the classifier weighs them (3:1)
    assert vote.scores["ASSAULT/aerial"] == pytest.approx(0.3 + 0.3)
    assert vote.scores["ASSAULT/firearms"] == pytest.approx(0.1 + 0.1)
    assert vote.winner == "ASSAULT/aerial"
    assert consensus.vote(prediction, []).winner == "AID"


def test_calibration_best_case_bounds_the_final_probability() -> None:
    from spillover.coding.calibration import Calibrator
    from spillover.records import Actor, Event, Evidence

    cal = Calibrator.load()
    bare = Event("e", "d", "ASSAULT", Evidence("s", (0, 1), "attack", "rules"), confidence=0.5)
    filled = Event(
        "e",
        "d",
        "ASSAULT",
        Evidence("s", (0, 1), "attack", "rules+dyad"),
        source=Actor(text="Iran", code="IRN", country="IRN"),
        target=Actor(text="Azerbaijan", code="AZE", country="AZE"),
        confidence=0.5 * 0.9,  # the dyad stage lowers the raw score when it fills a role
    )
    assert cal.probability(filled) <= cal.best_case(bare) + 1e-9
    assert cal.probability(bare) <= cal.best_case(bare)


def test_protest_stands_beside_its_policing() -> None:
    def event(event_type: str, status: str = "occurred") -> Event:
        sentence = "Police fired tear gas as demonstrations spread."
        evidence = Evidence(sentence, (0, len(sentence)), "x", "test", sentence_index=0)
        return Event(id="e", doc_id="d", event_type=event_type, evidence=evidence, status=status, confidence=0.5)

    # "police fired tear gas ... as demonstrations spread": both happened; the protest keeps its score
    assert _beside_the_deed(event("PROTEST"), "ASSAULT", {"ASSAULT", "PROTEST"})
    assert _beside_the_deed(event("PROTEST"), "COERCE", {"COERCE", "PROTEST"})
    # the classifier's policing reading with no policing event found competes with the protest
    assert not _beside_the_deed(event("PROTEST"), "ASSAULT", {"PROTEST"})
    assert not _beside_the_deed(event("AID"), "ASSAULT", {"ASSAULT", "AID"})


def test_classifier_mode_replaces_only_modes_it_knows(small_model) -> None:  # type: ignore[no-untyped-def]
    consensus = Consensus(small_model, CameoTable.load(), ConsensusOptions())
    sentence = "Ten rebels surrendered to the army."
    evidence = Evidence(sentence, (0, len(sentence)), "surrendered", "rules", sentence_index=0)
    vote = Vote({"RETREAT/withdraw": 0.9, "RETREAT/release": 0.1, "ASSAULT/firearms": 0.2}, "RETREAT/withdraw")

    def event(mode: str | None) -> Event:
        return Event(id="e", doc_id="d", event_type="RETREAT", evidence=evidence, mode=mode, confidence=0.8)

    assert consensus._reweigh(event("disarm"), vote).mode == "disarm"  # no classifier label for disarm
    assert consensus._reweigh(event(None), vote).mode == "withdraw"
    assert consensus._reweigh(event("release"), vote).mode == "withdraw"  # a label it weighed and passed over


def test_a_coercions_own_mode_stands(small_model) -> None:  # type: ignore[no-untyped-def]
    consensus = Consensus(small_model, CameoTable.load(), ConsensusOptions())
    sentence = "Seven suspects were arrested, and officers seized explosives."
    evidence = Evidence(sentence, (0, len(sentence)), "arrested", "rules", sentence_index=0)
    vote = Vote({"COERCE/confiscate": 0.8, "COERCE/arrest": 0.3}, "COERCE/confiscate")

    def event(mode: str | None) -> Event:
        return Event(id="e", doc_id="d", event_type="COERCE", evidence=evidence, mode=mode, confidence=0.8)

    assert consensus._reweigh(event("arrest"), vote).mode == "arrest"  # the verb named it
    assert consensus._reweigh(event(None), vote).mode == "confiscate"  # no mode of its own: the classifier's


def test_a_verb_statement_stands_beside_another_event_the_classifier_chose() -> None:
    sentence = "Baku called the attack terrorism and demanded an apology."

    def event(coder: str, quad: int) -> Event:
        evidence = Evidence(sentence, (0, len(sentence)), "called", coder, sentence_index=0)
        return Event(id="e", doc_id="d", event_type="ACCUSE", evidence=evidence, quad_class=quad, confidence=0.6)

    assert _beside_the_deed(event("rules-v1:verb:call terrorism", 3), "REQUEST", {"REQUEST", "ACCUSE"})
    # the classifier's label with no rule event of its own still competes; so do nouns and deeds
    assert not _beside_the_deed(event("rules-v1:verb:call terrorism", 3), "REQUEST", {"ACCUSE"})
    assert not _beside_the_deed(event("rules-v1:noun:accusation", 3), "REQUEST", {"REQUEST", "ACCUSE"})
    assert not _beside_the_deed(event("rules-v1:verb:call terrorism", 4), "REQUEST", {"REQUEST", "ACCUSE"})
    # an admission is said too, though CAMEO files yielding (08) as material cooperation
    admitted = replace(event("rules-v1:verb:accept aircraft", 2), event_type="CONCEDE")
    assert _beside_the_deed(admitted, "CONSULT", {"CONSULT", "CONCEDE"})


def test_a_statement_about_the_attack_is_not_outvoted_by_it(nlp) -> None:  # type: ignore[no-untyped-def]
    from spillover.coding.consensus import _about_the_attack

    sent = next(nlp("Aliyev described the drone strike on the airport as an act of terror.").sents)
    start = sent.text.index("described")
    span = (start, start + len("described"))
    evidence = Evidence(sent.text, (0, len(sent.text)), "described", "rules-v1:verb:describe act", 0, span)
    accuse = Event(id="e", doc_id="d", event_type="ACCUSE", evidence=evidence, quad_class=3, confidence=0.6)
    assert _about_the_attack(accuse, "ASSAULT", sent)
    assert not _about_the_attack(accuse, "PROTEST", sent)
    other = next(nlp("Aliyev described the talks with Tehran as useful.").sents)
    assert not _about_the_attack(accuse, "ASSAULT", other)


def test_a_deed_charged_by_an_accusation_keeps_its_confidence(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the classifier reads the accusation; the gerund it charges is an alleged deed of its own, not a rival
    text = "Azerbaijan's defence ministry accused Armenian forces of firing on its positions overnight."
    events = pipeline.extract_texts([(text, None)])[0]
    fired = [e for e in events if e.event_type == "ASSAULT" and e.source is not None and e.source.country == "ARM"]
    assert fired and fired[0].status == "alleged" and fired[0].target is not None and fired[0].target.country == "AZE"
    # a report that alleges a deed is no charge by the sentence's speaker: its deed stays discounted
    sent = pipeline.nlp("The report alleged that Doha was funding the group.")[:].sents.__next__()
    verb = next(t for t in sent if t.lower_ == "funding")
    assert not _charged_deed(verb)
