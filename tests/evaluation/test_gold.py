import json
from datetime import date
from pathlib import Path

import pytest

from spillover.errors import EvalFormatError
from spillover.evaluation.gold import evaluate_gold, match_document
from spillover.evaluation.gold_format import GoldEvent, read_gold
from spillover.evaluation.metrics import NO_EVENT
from tests.evaluation import fake_extractor as fake
from tests.evaluation.common import FIXTURES

RULES = [
    fake.Rule(
        "hit the terminal",
        "ASSAULT",
        0.9,
        source="IRNMIL",
        target="AZE",
        place=("Nakhchivan", "AZE"),
        when="2026-03-05",
    ),
    fake.Rule("condemned", "ACCUSE", 0.8, source="AZEGOV"),
    fake.Rule("warned", "REJECT", 0.6, source="AZE"),
    fake.Rule("airport", "MOBILIZE", 0.3),
    fake.Rule("met", "CONSULT", 0.7, source="TUR", target="AZE"),
    fake.Rule("agreed", "SUPPORT", 0.6),
]


def test_read_gold_strips_front_matter_and_takes_its_date():
    docs = read_gold(FIXTURES / "gold" / "gold.json")
    assert [d.id for d in docs] == ["strike", "talks"]
    strike, talks = docs
    assert strike.text.startswith("An Iranian drone hit the terminal")
    assert "---" not in strike.text and "title:" not in strike.text
    assert strike.date == date(2026, 3, 5)
    assert talks.date == date(2026, 3, 6)
    first = strike.events[0]
    assert first.event_types == ("ASSAULT",) and first.source == ("IRN",) and first.key
    assert first.location_name == "Nakhchivan" and first.date == "2026-03-05"
    assert strike.events[2].event_types == ("THREATEN",) and strike.events[2].target is None
    assert talks.events[1].event_types == ("AGREE", "SUPPORT")


def test_evaluate_gold_exact_numbers():
    extract = fake.KeywordExtractor(RULES)
    report = evaluate_gold(FIXTURES / "gold" / "gold.json", extract)
    assert [d for _, d in extract.seen] == [date(2026, 3, 5), date(2026, 3, 6)]
    s = report.summary
    assert (s["n_docs"], s["n_gold"], s["n_pred"], s["n_correct"]) == (2, 5, 6, 3)
    assert s["precision"] == pytest.approx(0.5)
    assert s["recall"] == pytest.approx(0.6)
    assert s["f1"] == pytest.approx(2 * 0.5 * 0.6 / 1.1)
    assert (s["n_key"], s["key_recall"]) == (2, pytest.approx(0.5))
    assert s["type_acc"] == pytest.approx(0.8)  # 4 typed pairs; "warned" found with the wrong type
    assert (s["n_status"], s["status_acc"]) == (1, 1.0)
    assert s["location_acc"] == 1.0 and s["date_acc"] == 1.0
    rows = {row.label: row for row in report.per_label}
    assert (rows["ASSAULT"].correct, rows["ASSAULT"].predicted, rows["ASSAULT"].support) == (1, 1, 1)
    assert (rows["ACCUSE"].correct, rows["ACCUSE"].support) == (0, 1)
    assert (rows["THREATEN"].support, rows["REJECT"].predicted) == (1, 1)
    assert rows["SUPPORT"].correct == 1 and "AGREE" not in rows
    assert report.confusion["THREATEN"] == {"REJECT": 1}
    assert report.confusion[NO_EVENT] == {"MOBILIZE": 1}
    last = report.render_text().splitlines()[-1]
    assert last.startswith("n_docs=2 n_gold=5 n_pred=6 n_correct=3 precision=0.500 recall=0.600 f1=0.545")


def test_limit_scores_first_documents_only():
    report = evaluate_gold(FIXTURES / "gold" / "gold.json", fake.KeywordExtractor(RULES), limit=1)
    assert (report.summary["n_docs"], report.summary["n_gold"]) == (1, 3)


def test_matching_maximises_correct_pairs():
    extract = fake.KeywordExtractor(
        [fake.Rule("struck", "ASSAULT", 0.9, source="ISR"), fake.Rule("bombed", "ASSAULT", 0.5, source="IRN")]
    )
    events = extract([("Planes struck and bombed the depot.", None)])[0]
    gold = [GoldEvent(("ASSAULT",), source=("IRN",)), GoldEvent(("ASSAULT",), source=("ISR",))]
    pairs, correct = match_document(gold, events)
    assert pairs == {0: 1, 1: 0} and correct == {0, 1}


def test_empty_actor_list_means_absent():
    events = fake.KeywordExtractor([fake.Rule("fired", "ASSAULT", target="UKR")])([("Troops fired.", None)])[0]
    _, correct = match_document([GoldEvent(("ASSAULT",), target=())], events)
    assert correct == set()
    _, correct = match_document([GoldEvent(("ASSAULT",), target=None)], events)
    assert correct == {0}


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"id": "a", "text": "x", "path": "y.txt"}, "exactly one of"),
        ({"id": "a", "path": "missing.txt"}, "not found"),
        ({"id": "a", "text": "x", "events": [{"event_type": ["BOMB"]}]}, "unknown event type"),
        ({"id": "a", "text": "x", "events": [{"source": ["IRN"]}]}, "'event_type' is required"),
        ({"id": "a", "text": "x", "events": [{"event_type": "AID", "status": ["maybe"]}]}, "status must be"),
        ({"id": "a", "text": "x", "date": "5 March"}, "not an ISO date"),
        ({"text": "x"}, "non-empty string 'id'"),
    ],
)
def test_malformed_gold_is_reported(tmp_path: Path, document: dict, message: str):
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"format": "spillover-gold", "version": 1, "documents": [document]}))
    with pytest.raises(EvalFormatError, match=message):
        read_gold(gold)


def test_not_json_or_wrong_format(tmp_path: Path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(EvalFormatError, match="not valid JSON"):
        read_gold(bad)
    bad.write_text(json.dumps({"format": "other", "documents": []}))
    with pytest.raises(EvalFormatError, match="version 1"):
        read_gold(bad)
    bad.write_text(json.dumps({"documents": [{"id": "a", "text": "x"}, {"id": "a", "text": "y"}]}))
    with pytest.raises(EvalFormatError, match="used twice"):
        read_gold(bad)


def test_reliability_table_bands() -> None:
    from spillover.evaluation.gold import reliability_table

    table = reliability_table([(0.1, False), (0.3, True), (0.5, True), (0.9, True), (0.95, False)])
    rows = {row[0]: row[1:] for row in table.rows}
    assert rows["0.0–0.4"] == (2, 0.2, 0.5)
    assert rows["0.4–0.6"] == (1, 0.5, 1.0)
    assert rows["0.6–0.8"] == (0, 0.0, 0.0)
    assert rows["0.8–1.0"] == (2, 0.925, 0.5)


def test_generic_igo_code_accepts_any_intergovernmental_actor():
    from spillover.evaluation.gold import code_matches
    from spillover.records import Actor

    osce = Actor(text="the OSCE", code="OSCE", sector="IGO")
    assert code_matches("IGO", osce) and code_matches("osce", osce)
    assert not code_matches("IGO", Actor(text="Kyrgyzstan", code="KGZGOV", country="KGZ", sector="GOV"))
    assert not code_matches("IG", osce)
