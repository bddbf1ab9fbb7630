from collections import Counter
from pathlib import Path

import pytest

from spillover.errors import EvalFormatError
from spillover.evaluation.conflibert import LABELS, evaluate_conflibert, read_conflibert
from tests.evaluation import fake_extractor as fake
from tests.evaluation.common import FIXTURES, SHARED, needs_shared

RULES = [
    fake.Rule("attacked", "ASSAULT", 0.9, quad=4),
    fake.Rule("met", "CONSULT", 0.8),
    fake.Rule("aid", "AID", 0.5),
    fake.Rule("government", "COERCE", 0.4, quad=4),
    fake.Rule("condemned", "ACCUSE", 0.7, quad=3),
    fake.Rule("parliament", "CONSULT", 0.7),
]


def test_read_small_file_handles_quotes_and_blank_lines():
    sentences = read_conflibert(FIXTURES / "conflibert_small.tsv")
    assert len(sentences) == 6
    assert [s.label for s in sentences] == [
        "material_conflict",
        "verbal_coop",
        "material_coop",
        "verbal_conflict",
        "neutral",
        "material_conflict",
    ]
    assert sentences[5].text == 'Protesters burned tyres outside "parliament" on Monday.'


def test_evaluate_exact_numbers():
    report = evaluate_conflibert(FIXTURES / "conflibert_small.tsv", fake.KeywordExtractor(RULES))
    s = report.summary
    assert s["n"] == 6
    assert s["accuracy"] == pytest.approx(5 / 6)
    assert s["micro_f1"] == pytest.approx(5 / 6)
    assert s["macro_f1"] == pytest.approx((1 + 2 / 3 + 1 + 1 + 2 / 3) / 5)
    assert s["n_pred"] == 6
    assert report.confusion["material_conflict"]["verbal_coop"] == 1
    assert report.confusion["material_coop"]["material_coop"] == 1  # AID (0.5) beats COERCE (0.4)
    last = report.render_text().splitlines()[-1]
    assert last == "n=6 accuracy=0.833 macro_f1=0.867 micro_f1=0.833 n_pred=6"


def test_limit():
    report = evaluate_conflibert(FIXTURES / "conflibert_small.tsv", fake.no_events, limit=2)
    assert report.summary["n"] == 2 and report.summary["accuracy"] == 0.0


def test_bad_rows(tmp_path: Path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("A sentence.\t7\n")
    with pytest.raises(EvalFormatError, match="unknown label '7'"):
        read_conflibert(bad)
    bad.write_text("A sentence without label\n")
    with pytest.raises(EvalFormatError, match="expected 'sentence<TAB>label'"):
        read_conflibert(bad)


@needs_shared
@pytest.mark.slow
def test_real_train_split():
    path = SHARED / "conflibert_cameo" / "cameo_class" / "train.tsv"
    sentences = read_conflibert(path)
    assert len(sentences) == 1349
    assert Counter(s.label for s in sentences) == {
        "neutral": 240,
        "verbal_coop": 248,
        "material_coop": 303,
        "verbal_conflict": 337,
        "material_conflict": 221,
    }
    report = evaluate_conflibert(path, fake.no_events)
    assert report.summary["accuracy"] == pytest.approx(240 / 1349)
    assert set(report.confusion) == set(LABELS)


def test_cameo_roots_map_to_the_dataset_classes() -> None:
    from spillover.evaluation.conflibert import cameo_class
    from spillover.records import Event, Evidence

    def ev(cameo: str, quad: int) -> Event:
        return Event(id=cameo, doc_id="d", event_type="REQUEST", evidence=Evidence("s", (0, 1), "t", "c"),
                     cameo=cameo, quad_class=quad)

    assert [cameo_class(ev(c, q)) for c, q in [("021", 1), ("036", 1), ("073", 2), ("112", 3), ("163", 4),
                                                  ("141", 3), ("195", 4)]] == [0, 1, 2, 3, 3, 4, 4]
    assert cameo_class(None) == 0
