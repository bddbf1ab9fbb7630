from __future__ import annotations

import pytest

from spillover.evaluation.eventloc import evaluate_event_location, read_records
from tests.evaluation.common import FIXTURES, SHARED

SMALL = FIXTURES / "event_location_small.jsonl"


def test_reads_adjudicated_records_only_by_default() -> None:
    assert len(read_records(SMALL)) == 2
    assert len(read_records(SMALL, all_records=True)) == 3


@pytest.mark.slow
def test_scores_choice_and_no_choice(pipeline) -> None:  # type: ignore[no-untyped-def]
    report = evaluate_event_location(SMALL, nlp=pipeline.nlp)
    # Nairobi is where they marched; "from Lagos" is an origin, and the gold has no place
    assert report.summary["n"] == 2
    assert report.summary["accuracy"] == 1.0
    assert report.summary["precision"] == 1.0 and report.summary["recall"] == 1.0


@pytest.mark.slow
def test_shared_event_location_gold(pipeline) -> None:  # type: ignore[no-untyped-def]
    data = SHARED / "event_location_halterman" / "labeled_text.jsonl.zip"
    if not data.is_file():
        pytest.skip("shared event-location data not present")
    report = evaluate_event_location(data, nlp=pipeline.nlp)
    assert report.summary["n"] > 400
    assert report.summary["f1"] >= 0.5
