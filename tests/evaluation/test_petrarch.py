from datetime import date
from pathlib import Path

import pytest

from spillover.errors import EvalFormatError
from spillover.evaluation.petrarch import (
    actor_ok,
    evaluate_petrarch,
    load_code_table,
    normalise_actor,
    read_petrarch,
)
from spillover.records import Actor
from tests.evaluation import fake_extractor as fake
from tests.evaluation.common import FIXTURES, SHARED, needs_shared

RULES = [
    fake.Rule("air strike", "ASSAULT", 0.9, cameo="195", quad=4, source="USAMIL", target="IRQREB"),
    fake.Rule("visited", "CONSULT", 0.8, cameo="042", quad=1, source="USAGOV", target="CHE"),
    fake.Rule("accused", "REJECT", 0.7, cameo="120", quad=3, target="ISR"),
    fake.Rule("truce", "RETREAT", 0.95, cameo="087", quad=2),
]


def test_read_small_file():
    parsed = read_petrarch(FIXTURES / "petrarch_small.xml")
    assert parsed.scheme == "cameo"
    assert [s.id for s in parsed.sentences] == ["T-1", "T-2", "T-3", "T-4"]
    assert parsed.skipped == 2  # T-5 outside <Include>, T-6 an error record
    first = parsed.sentences[0]
    assert first.text == "The United States launched an air strike against militants in Iraq."
    assert first.date == date(2015, 6, 9)
    assert [(c.source, c.target, c.code) for c in parsed.sentences[1].codings] == [
        ("USAGOV", "CHE", "042"),
        ("CHE", "USAGOV", "043"),
    ]
    assert parsed.sentences[2].codings == () and "mild & sunny" in parsed.sentences[2].text


def test_evaluate_exact_numbers():
    extract = fake.KeywordExtractor(RULES)
    report = evaluate_petrarch(FIXTURES / "petrarch_small.xml", extract)
    assert extract.seen[0][1] == date(2015, 6, 9)
    s = report.summary
    assert s["n"] == 5  # four codings + one "noevents" sentence
    assert s["accuracy"] == pytest.approx(0.8)
    assert s["root_acc"] == pytest.approx(0.8)
    assert s["quad_acc"] == pytest.approx(1.0)
    assert s["tuple_acc"] == pytest.approx(0.6)  # the reversed 043 coding has swapped actors
    assert s["macro_f1"] == pytest.approx(0.6)
    assert (s["n_sentences"], s["n_pred"], s["pred_per_sentence"], s["n_unscored"]) == (4, 4, 1.0, 0)
    assert report.confusion["ACCUSE"]["REJECT"] == 1
    assert report.confusion["NONE"]["NONE"] == 1
    last = report.render_text().splitlines()[-1]
    assert last.startswith("n=5 accuracy=0.800 root_acc=0.800 quad_acc=1.000 tuple_acc=0.600")


def test_weis_scheme_file():
    extract = fake.KeywordExtractor(
        [fake.Rule("attacked", "ASSAULT", source="ARN", target="GON"), fake.Rule("arrested", "COERCE", target="GONGOV")]
    )
    report = evaluate_petrarch(FIXTURES / "petrarch_weis_small.xml", extract)
    s = report.summary
    assert "root_acc" not in s  # WEIS roots are not comparable with CAMEO roots
    assert (s["n"], s["n_unscored"], s["n_sentences"]) == (2, 1, 3)
    assert s["accuracy"] == 1.0 and s["tuple_acc"] == 1.0 and s["quad_acc"] == 1.0


def test_code_tables():
    cameo, weis = load_code_table("cameo"), load_code_table("weis")
    assert cameo.lookup("195") == ("ASSAULT", 4)
    assert cameo.lookup("0841") == ("RETREAT", 2)
    assert cameo.lookup("083") == ("CONCEDE", 2)
    assert cameo.lookup("192") == ("COERCE", 4)
    assert cameo.lookup("015") == ("NONE", 0)
    assert cameo.lookup("174K") is None and cameo.lookup("") is None
    assert weis.lookup("212") == ("COERCE", 4)
    assert weis.lookup("090") == ("REQUEST", 3)
    assert weis.lookup("903") is None


def test_actor_normalisation():
    assert normalise_actor("USAGOV") == "USA"
    assert normalise_actor("PSEREBHMSGOV") == "PSE"
    assert normalise_actor("IGOUNOMIL") == "IGOUNO"
    assert normalise_actor("---REB") is None
    assert normalise_actor('"THE MINISTRY OF MAGIC"') is None
    assert actor_ok("IRQMUS", Actor(text="x", code="IRQREB", country="IRQ"))
    assert actor_ok("IGOUNO", Actor(text="UN", code="UNO"))
    assert not actor_ok("USA", None)
    assert actor_ok("---GOV", None)


def test_no_sentences(tmp_path: Path):
    bad = tmp_path / "empty.xml"
    bad.write_text("<Validation><Sentences></Sentences></Validation>")
    with pytest.raises(EvalFormatError, match="no <Sentence> records"):
        read_petrarch(bad)


@needs_shared
@pytest.mark.slow
def test_real_gsr_validation():
    path = SHARED / "petr2_gsr_validation" / "PETR2_GSR_validation.xml"
    parsed = read_petrarch(path)
    assert parsed.scheme == "cameo" and parsed.skipped == 0
    assert len(parsed.sentences) == 78
    codings = [c for s in parsed.sentences for c in s.codings]
    assert len(codings) == 80
    assert sum(1 for s in parsed.sentences if not s.codings) == 12
    table = load_code_table("cameo")
    assert all(table.lookup(c.code) is not None for c in codings)
    report = evaluate_petrarch(path, fake.no_events)
    # no events is right for the 12 "noevents" sentences and the 8 comment/appeal (01, 02) codings
    assert report.summary["n"] == 92
    assert report.summary["accuracy"] == pytest.approx(20 / 92)
    assert report.summary["root_acc"] == pytest.approx(12 / 92)


@needs_shared
@pytest.mark.slow
def test_real_unit_tests():
    path = SHARED / "petrarch2_unittests" / "PETR.UnitTest.records.xml"
    parsed = read_petrarch(path)
    assert parsed.scheme == "weis"
    assert (len(parsed.sentences), parsed.skipped) == (274, 10)  # 284 records: 7 error, 3 outside <Include>
    assert sum(len(s.codings) for s in parsed.sentences) == 355
    report = evaluate_petrarch(path, fake.no_events)
    assert report.summary["n_unscored"] == 46
