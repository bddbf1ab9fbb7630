import json

import pytest

from spillover.evaluation.metrics import (
    NO_EVENT,
    best_event,
    classification_scores,
    confusion_table,
    event_quad,
    label_scores,
    macro_average,
    micro_average,
    prf,
)
from spillover.evaluation.report import EvalReport, Table, format_summary
from spillover.records import Event, Evidence

GOLD = ["A", "A", "B", "B", "C"]
PRED = ["A", "B", "B", "B", NO_EVENT]


def _event(event_type: str, confidence: float, quad: int | None = None) -> Event:
    evidence = Evidence("s", (0, 1), "t", "test")
    return Event(
        id=event_type, doc_id="d", event_type=event_type, evidence=evidence, quad_class=quad, confidence=confidence
    )


def test_prf_from_counts():
    assert prf(2, 3, 2) == pytest.approx((2 / 3, 1.0, 0.8))
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)
    assert prf(0, 4, 0) == (0.0, 0.0, 0.0)


def test_classification_scores_hand_computed():
    scores = classification_scores(GOLD, PRED, ["A", "B", "C"])
    rows = {row.label: row for row in scores.per_label}
    assert (rows["A"].precision, rows["A"].recall) == pytest.approx((1.0, 0.5))
    assert rows["A"].f1 == pytest.approx(2 / 3)
    assert (rows["B"].correct, rows["B"].predicted, rows["B"].support) == (2, 3, 2)
    assert rows["B"].f1 == pytest.approx(0.8)
    assert rows["C"].f1 == 0.0
    assert scores.n == 5
    assert scores.accuracy == pytest.approx(0.6)
    # the abstention (NONE) is not a prediction: micro P = 3/4, R = 3/5
    assert scores.micro_precision == pytest.approx(0.75)
    assert scores.micro_recall == pytest.approx(0.6)
    assert scores.micro_f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert scores.macro_precision == pytest.approx((1 + 2 / 3 + 0) / 3)
    assert scores.macro_recall == pytest.approx(0.5)
    assert scores.macro_f1 == pytest.approx((2 / 3 + 0.8) / 3)


def test_macro_ignores_labels_never_seen():
    with_unused = classification_scores(GOLD, PRED, ["A", "B", "C", "D"])
    assert with_unused.macro_f1 == pytest.approx(classification_scores(GOLD, PRED, ["A", "B", "C"]).macro_f1)


def test_micro_equals_accuracy_without_abstentions():
    scores = classification_scores(["x", "y", "y"], ["x", "x", "y"])
    assert scores.micro_f1 == pytest.approx(scores.accuracy) == pytest.approx(2 / 3)


def test_confusion_table_has_every_cell():
    table = confusion_table(GOLD, PRED, ["A", "B", "C"])
    assert list(table) == ["A", "B", "C", NO_EVENT]
    assert table["A"] == {"A": 1, "B": 1, "C": 0, NO_EVENT: 0}
    assert table["B"]["B"] == 2
    assert table["C"][NO_EVENT] == 1
    assert sum(table[NO_EVENT].values()) == 0


def test_averages_from_counts():
    rows = label_scores({"x": (1, 2, 4), "y": (3, 3, 3)})
    assert micro_average(rows) == pytest.approx(prf(4, 5, 7))
    assert macro_average(rows)[2] == pytest.approx((2 * 0.5 * 0.25 / 0.75 + 1.0) / 2)


def test_length_mismatch_is_refused():
    with pytest.raises(ValueError, match="2 gold labels but 1"):
        classification_scores(["a", "b"], ["a"])


def test_best_event_and_quad():
    first, second = _event("ACCUSE", 0.7), _event("ASSAULT", 0.7, quad=4)
    assert best_event([first, second]) is first
    assert best_event([first, _event("AID", 0.9)]).event_type == "AID"
    assert best_event([]) is None
    assert event_quad(None) == 0
    assert event_quad(first) == 3
    assert event_quad(_event("CONCEDE", 0.5)) == 1
    assert event_quad(_event("CONCEDE", 0.5, quad=2)) == 2


def test_report_last_line_is_summary():
    scores = classification_scores(GOLD, PRED, ["A", "B", "C"])
    report = EvalReport(
        name="toy",
        summary={"n": 451, "accuracy": 0.8723, "macro_f1": 0.85149, "micro_f1": 0.8721},
        per_label=list(scores.per_label),
        confusion=scores.confusion,
        tables=[Table("extra", ("k", "v"), (("a", 0.5), ("b", None)))],
        notes=["a note"],
    )
    text = report.render_text()
    assert text.splitlines()[-1] == "n=451 accuracy=0.872 macro_f1=0.851 micro_f1=0.872"
    assert "per label" in text and "confusion" in text and "note: a note" in text
    assert "0.500" in text
    data = report.to_json()
    assert json.loads(json.dumps(data))["summary"]["accuracy"] == 0.8723
    assert data["per_label"][0] == {
        "label": "A",
        "precision": 1.0,
        "recall": 0.5,
        "f1": 0.6667,
        "support": 2,
        "predicted": 1,
        "correct": 1,
    }
    assert data["tables"][0]["rows"] == [["a", 0.5], ["b", None]]


def test_confusion_numbers_long_labels():
    report = EvalReport("x", {"n": 2}, confusion=confusion_table(["ARMED_CLASH", "GRENADE"], ["GRENADE", "GRENADE"]))
    lines = report.render_text().splitlines()
    assert any(line.startswith("1 ARMED_CLASH") for line in lines)
    assert lines[-1] == "n=2"


def test_format_summary_types():
    assert format_summary({"n": 3, "f1": 0.5, "flag": True, "zero": 0.0}) == "n=3 f1=0.500 flag=1 zero=0.000"
