"""Tests for the TimeML / MEANTIME reader and scorer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from spillover.evaluation.timeml import (
    canonical,
    evaluate_timeml,
    normalise_span,
    read_meantime,
    read_tml,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "timeml"
SHARED_EVAL = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval"
TBAQ = SHARED_EVAL / "timebank_tbaq_cleaned"


def test_read_tml_offsets_and_dct() -> None:
    doc = read_tml(FIXTURES / "mini.tml")
    assert doc.dct == date(2026, 3, 7)
    spans = [doc.text[g.start : g.end] for g in doc.timexes]
    assert spans == ["on Tuesday", "today", "three days", "January 27, 2023", "last month", "next spring"]
    assert [g.value for g in doc.timexes] == ["2026-03-03", "2026-03-07", "P3D", "2023-01-27", "2026-02", "2026-04"]
    assert "&" in doc.text  # entities are decoded before offsets are counted


def test_read_meantime_detokenises_and_splits_dct() -> None:
    doc = read_meantime(FIXTURES / "mini_meantime.xml")
    assert doc.dct == date(2026, 3, 7)
    assert doc.text.splitlines()[1] == "March 7, 2026"
    assert "next week." in doc.text
    assert [doc.text[g.start : g.end] for g in doc.timexes] == ["yesterday", "next week", "January"]
    assert doc.dct_span is not None and doc.text[doc.dct_span[0] : doc.dct_span[1]] == "March 7, 2026"
    assert doc.scored_end is not None and doc.text[: doc.scored_end].endswith("January.")


def test_scores_on_tml_fixture_are_exact() -> None:
    scores = evaluate_timeml(FIXTURES / "mini.tml")
    # 6 gold expressions; "next spring" has a deliberately odd gold value and
    # "the weekend" is a prediction without gold: 7 predictions, 6 span hits.
    assert scores["n"] == 6
    assert scores["docs"] == 1
    assert scores["predicted"] == 7
    assert scores["value_acc"] == pytest.approx(5 / 6)
    assert scores["precision"] == pytest.approx(6 / 7)
    assert scores["recall"] == pytest.approx(1.0)
    assert scores["span_f1"] == pytest.approx(12 / 13)
    assert scores["f1"] == scores["span_f1"]
    assert scores["value_f1"] == pytest.approx(10 / 13)


def test_scores_on_meantime_fixture_ignore_dct_and_unannotated_tail() -> None:
    scores = evaluate_timeml(FIXTURES / "mini_meantime.xml")
    assert scores["n"] == 3
    assert scores["predicted"] == 3  # neither the dateline nor the late "Friday"
    assert scores["value_acc"] == pytest.approx(1.0)
    assert scores["value_f1"] == pytest.approx(1.0)


def test_folder_is_read_recursively() -> None:
    scores = evaluate_timeml(FIXTURES)
    assert scores["docs"] == 2
    assert scores["n"] == 9
    assert scores["value_acc"] == pytest.approx(8 / 9)


def test_normalise_span() -> None:
    text = "Rebels attacked the base on Tuesday and withdrew a day later."
    start = text.index("Tuesday")
    assert normalise_span(text, start, start + len("Tuesday"), date(2026, 3, 7)) == "2026-03-03"
    later = text.index("a day later")
    assert normalise_span(text, later, later + len("a day later"), date(2026, 3, 7)) == "2026-03-04"


def test_canonical_pads_week_numbers() -> None:
    assert canonical("2000-W7") == canonical("2000-W07") == "2000-W07"
    assert canonical("2000-W7-WE") == "2000-W07-WE"
    assert canonical(None) == ""


@pytest.mark.skipif(not TBAQ.is_dir(), reason="TimeBank/AQUAINT dev data not available")
def test_tbaq_value_accuracy() -> None:
    scores = evaluate_timeml(TBAQ)
    assert scores["docs"] == 256
    assert scores["n"] > 1800
    assert scores["value_acc"] >= 0.75
    assert scores["span_f1"] >= 0.85
