"""The learned sentence classifier: features, fitting, saving, the shipped model and its labels."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from spillover.coding.classifier import SentenceClassifier, load_labels, span_features
from spillover.coding.ontology import EVENT_TYPES
from spillover.coding.plover import PLOVER_MODES
from spillover.coding.training import (
    FitOptions,
    cross_validate,
    example_texts,
    featurize,
    fit,
    read_examples,
    shipped_example_texts,
)
from spillover.errors import DataFileError, ModelError

CASE_MODES = {"grenade", "mob", "intervention", "base", "strike"}  # ext modes the CASE mapping reads


def test_label_table_uses_the_ontology() -> None:
    labels = load_labels()
    assert len(labels) == len({info.label for info in labels})
    for info in labels:
        if info.event_type is None:
            assert info.label.startswith("NONE/") and info.quad == 0
            continue
        assert info.event_type in EVENT_TYPES
        assert info.mode is None or info.mode in PLOVER_MODES[info.event_type] or info.mode in CASE_MODES
        assert 1 <= info.quad <= 4


def test_features_name_entity_classes_not_names(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Iranian drones struck the airport in Nakhchivan on Thursday.")
    feats = span_features(doc[:])
    assert "v:strike" in feats
    assert "vo:strike_airport" in feats
    assert any(f.startswith("ent:") for f in feats)
    assert not any("nakhchivan" in f.lower() for f in feats)


def _small(fixtures: Path, nlp):  # type: ignore[no-untyped-def]
    labels = load_labels()
    examples = read_examples(example_texts([fixtures / "training"]), labels)
    features = featurize(nlp, [e.text for e in examples])
    return labels, examples, features


def test_fit_learns_unseen_sentences(fixtures: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    labels, examples, features = _small(fixtures, nlp)
    model = fit(features, [e.label for e in examples], labels, FitOptions(min_count=1))
    unseen = [
        "Relief flights brought food and medicine to survivors of the storm.",
        "Crowds of protesters marched to the presidential palace chanting slogans.",
        "Jets bombed militant hideouts near the frontier overnight.",
    ]
    predicted = [p.label.label for p in model.predict_features(featurize(nlp, unseen))]
    assert predicted == ["AID", "PROTEST/demo", "ASSAULT/aerial"]


def test_save_and_load_round_trip(fixtures: Path, nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    labels, examples, features = _small(fixtures, nlp)
    model = fit(features, [e.label for e in examples], labels, FitOptions(min_count=1), {"version": "t1"})
    path = tmp_path / "m.npz"
    model.save(path)
    again = SentenceClassifier.load(path)
    assert again.version == "t1"
    before = model.scores(features[:3])
    after = again.scores(features[:3])
    assert np.allclose(before, after, atol=2e-3)  # weights are stored as float16


def test_cross_validation_reports_held_out_figures(fixtures: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    labels, examples, features = _small(fixtures, nlp)
    cv = cross_validate(features, [e.label for e in examples], labels, folds=4, options=FitOptions(min_count=1))
    assert cv.n == len(examples) == 24
    assert 0.5 <= cv.accuracy <= 1.0
    assert cv.type_accuracy >= cv.accuracy


def test_bad_example_lines_are_reported_with_their_place() -> None:
    labels = load_labels()
    with pytest.raises(DataFileError, match=r"x.tsv:2: unknown label 'BOMB'"):
        read_examples([("x.tsv", "AID\tfood was sent\nBOMB\ta blast\n")], labels)
    with pytest.raises(DataFileError, match=r"x.tsv:1: expected"):
        read_examples([("x.tsv", "AID food was sent\n")], labels)


def test_unreadable_model_is_a_model_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a model")
    with pytest.raises(ModelError, match="cannot read the sentence classifier"):
        SentenceClassifier.load(bad)


def test_shipped_model_matches_shipped_examples() -> None:
    model = SentenceClassifier.load()
    labels = {info.label for info in load_labels()}
    assert {info.label for info in model.labels} <= labels
    examples = read_examples(shipped_example_texts(), load_labels())
    assert model.meta["n_examples"] == len(examples)
    # the model card's held-out figure is recorded in the model itself
    assert 0.0 < float(model.meta["cv_accuracy"]) <= 1.0  # type: ignore[arg-type]
