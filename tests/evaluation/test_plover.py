from pathlib import Path

import pytest

from spillover.errors import EvalFormatError
from spillover.evaluation.plover import evaluate_plover, read_plover
from spillover.evaluation.runner import run_record_eval
from spillover.records import EVENT_TYPES
from tests.evaluation import fake_extractor as fake
from tests.evaluation.common import FIXTURES, SHARED, needs_shared

RULES = [
    fake.Rule("agreed", "AGREE", 0.8, source="HUNGOV", target="ROU"),
    fake.Rule("demanded", "REQUEST", 0.7, source="POL"),
    fake.Rule("apologise", "CONCEDE", 0.9),
    fake.Rule("clashed", "ASSAULT", 0.6, source="GEO", target="RUS"),
    fake.Rule("troops", "MOBILIZE", 0.5),
]


def test_read_small_file():
    records = read_plover(FIXTURES / "plover_small.json")
    assert [r.id for r in records] == ["R1", "R2", "R3", "R4"]  # DOCUMENT record skipped
    assert [r.event_type for r in records] == ["AGREE", "REQUEST", "ASSAULT", "PROTEST"]
    assert records[1].original_label == "DEMAND" and records[2].original_label == "FIGHT"
    assert records[0].reciprocal and records[0].source == ("HUN", "ROU") and records[0].target is None
    assert records[3].target is None and records[3].mode == "demo" and records[2].mode is None


def test_evaluate_exact_numbers():
    report = evaluate_plover(FIXTURES / "plover_small.json", fake.KeywordExtractor(RULES))
    s = report.summary
    assert s["n"] == 4
    assert s["accuracy"] == pytest.approx(0.75)
    assert s["tuple_acc"] == pytest.approx(0.25)  # only the reciprocal AGREE has its actors right
    assert s["macro_f1"] == pytest.approx(0.75)
    assert (s["n_pred"], s["n_pred_per_sentence"]) == (5, 1.25)
    assert s["pred_precision"] == pytest.approx(0.6)
    assert s["n_no_event"] == 1
    assert report.confusion["PROTEST"]["NONE"] == 1
    assert report.render_text().splitlines()[-1].startswith("n=4 accuracy=0.750 tuple_acc=0.250 macro_f1=0.750")


def test_bad_files(tmp_path: Path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"event": "AGREE"}')
    with pytest.raises(EvalFormatError, match="JSON list"):
        read_plover(bad)
    bad.write_text('[{"id": "x", "event": "EXPLODE", "text": "Boom."}]')
    with pytest.raises(EvalFormatError, match="unknown event label 'EXPLODE'"):
        read_plover(bad)
    bad.write_text('[{"id": "x", "event": "AGREE"}]')
    with pytest.raises(EvalFormatError, match="missing 'text'"):
        read_plover(bad)


@needs_shared
@pytest.mark.slow
def test_real_sample():
    path = SHARED / "plover_gsr" / "PLOVER_GSR_CAMEO.sample.json"
    records = read_plover(path)
    assert len(records) == 18
    assert {r.event_type for r in records} == set(EVENT_TYPES)
    assert {r.original_label for r in records} - {None} == {"DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT"}
    report = evaluate_plover(path, fake.no_events, limit=5)
    assert report.summary["n"] == 5 and report.summary["accuracy"] == 0.0


def test_record_view_scores_each_records_best_candidate_and_reports_the_threshold_view_too():
    extract = fake.KeywordExtractor(RULES)
    report = run_record_eval("plover", FIXTURES / "plover_small.json", extract, threshold=0.65, secondary=0.65)
    s = report.summary
    # records: AGREE 0.8, REQUEST 0.7, ASSAULT 0.6 (under 0.65), none for the protest
    assert s["accuracy"] == pytest.approx(0.75) and s["n_no_event"] == 1
    assert s["accuracy_at_threshold"] == pytest.approx(0.5) and s["n_no_event_at_threshold"] == 2
    assert len(extract.seen) == 4  # one extraction serves both views
    assert any("_at_threshold" in note for note in report.notes)
