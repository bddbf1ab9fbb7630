"""A learned sentence classifier: which kind of event does this sentence report?

The rule coder knows *who did what to whom* when the parse and the lexicon
line up, but it cannot weigh the whole sentence: "fired tear gas at the
crowd" and "fired rockets at the town" share the trigger, and a sentence
about an accidental blast looks like a bombing to a trigger list. This
component reads every word of the sentence (lemmas, verb–object and
verb–preposition pairs, named-entity classes instead of names, so it learns
what happened rather than where) and returns a probability for each label of
``spillover/data/training/labels.tsv``: a PLOVER type and mode, or ``NONE``
with a reason.

The model is a multinomial logistic regression fitted in NumPy (see
:mod:`spillover.coding.training`) on examples the project wrote itself; its
weights ship as a versioned ``.npz`` file, so nothing is downloaded and the
same text always gets the same answer.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from spillover.coding.tsv import read_tsv
from spillover.errors import ModelError

if TYPE_CHECKING:
    from spacy.tokens import Span

#: The shipped model, relative to ``spillover/data``.
MODEL_FILE = "models/sentence_classifier.npz"
LABELS_FILE = "training/labels.tsv"
_ENTITY_CLASSES = frozenset({"GPE", "NORP", "PERSON", "ORG", "LOC", "FAC"})
_KEEP_STOP = frozenset({"up", "down", "off", "out", "back", "not", "no", "against", "fire"})
_PAIR_DEPS = frozenset({"dobj", "obj", "nsubjpass", "attr", "oprd"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True)
class LabelInfo:
    """One classifier label and what it means in the ontology."""

    label: str
    event_type: str | None
    mode: str | None
    cameo: str | None
    quad: int


@dataclass(frozen=True)
class ClassPrediction:
    """The classifier's answer for one text."""

    label: LabelInfo
    probability: float
    probabilities: Mapping[str, float]


def load_labels(text: str | None = None) -> tuple[LabelInfo, ...]:
    """Read the label table (the shipped one by default)."""
    source = text if text is not None else _data_file(LABELS_FILE).read_text(encoding="utf-8")
    labels = []
    for row in read_tsv(source, LABELS_FILE, ("label", "type", "mode", "cameo", "quad"), ("meaning",)):
        cells = row.values
        labels.append(
            LabelInfo(
                label=cells["label"],
                event_type=cells["type"] or None,
                mode=cells["mode"] or None,
                cameo=cells["cameo"] or None,
                quad=int(cells["quad"]),
            )
        )
    return tuple(labels)


def span_features(span: Span) -> list[str]:
    """The features of a parsed sentence or snippet (a set, as a sorted list).

    Names become their entity class ("ENT:GPE") so the model learns the act,
    not the country; lemmas keep verbs and nouns; dependency pairs keep "fire
    → gas" apart from "fire → rocket".
    """
    feats: set[str] = set()
    words: list[str] = []
    for tok in span:
        if tok.is_space or tok.is_punct:
            continue
        if tok.ent_type_ in _ENTITY_CLASSES:
            if tok.ent_iob_ == "B":
                feats.add("ent:" + tok.ent_type_)
                words.append("ENT_" + tok.ent_type_)
            continue
        if tok.like_num:
            words.append("NUM")
            continue
        lemma = tok.lemma_.lower()
        if tok.is_stop and lemma not in _KEEP_STOP:
            if tok.dep_ == "neg":
                feats.add("neg:" + tok.head.lemma_.lower())
            continue
        words.append(lemma)
        feats.add("w:" + lemma)
        if tok.pos_ == "VERB":
            feats.add("v:" + lemma)
            if any(c.dep_ == "auxpass" for c in tok.children):
                feats.add("pass:" + lemma)
        if tok.dep_ in _PAIR_DEPS and tok.head.pos_ in ("VERB", "NOUN"):
            feats.add(f"vo:{tok.head.lemma_.lower()}_{lemma}")
        if tok.dep_ in _SUBJECT_DEPS:
            feats.add(f"sv:{lemma}_{tok.head.lemma_.lower()}")
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
            feats.add(f"vp:{tok.head.head.lemma_.lower()}_{tok.head.lemma_.lower()}_{lemma}")
        if tok.dep_ == "compound":
            feats.add(f"nn:{lemma}_{tok.head.lemma_.lower()}")
    feats.update(f"b:{a}_{b}" for a, b in itertools.pairwise(words))
    return sorted(feats)


class SentenceClassifier:
    """Linear softmax model over :func:`span_features`."""

    def __init__(
        self,
        labels: Sequence[LabelInfo],
        vocabulary: Mapping[str, int],
        weights: np.ndarray,
        bias: np.ndarray,
        meta: Mapping[str, object] | None = None,
    ) -> None:
        """Wrap fitted parameters.

        Args:
            labels: The labels, in the order of the weight columns.
            vocabulary: Feature name → weight row.
            weights: ``(n_features, n_labels)`` matrix.
            bias: ``(n_labels,)`` vector.
            meta: Provenance (version, training data, cross-validated accuracy).
        """
        if weights.shape != (len(vocabulary), len(labels)) or bias.shape != (len(labels),):
            raise ModelError(
                f"classifier shapes disagree: weights {weights.shape}, bias {bias.shape}, "
                f"{len(vocabulary)} features, {len(labels)} labels"
            )
        self.labels = tuple(labels)
        self.vocabulary = dict(vocabulary)
        self.weights = weights.astype(np.float32)
        self.bias = bias.astype(np.float32)
        self.meta = dict(meta or {})
        self.version = str(self.meta.get("version", "unversioned"))

    def label_info(self, name: str) -> LabelInfo:
        """The :class:`LabelInfo` of a label name.

        Raises:
            KeyError: the model has no such label.
        """
        for info in self.labels:
            if info.label == name:
                return info
        raise KeyError(name)

    def scores(self, feature_lists: Iterable[Sequence[str]]) -> np.ndarray:
        """Class probabilities, one row per feature list."""
        rows = list(feature_lists)
        logits = np.tile(self.bias, (len(rows), 1))
        for i, feats in enumerate(rows):  # sparse product: a snippet has a few dozen of 16k features
            cols = [self.vocabulary[f] for f in feats if f in self.vocabulary]
            if cols:
                logits[i] += self.weights[sorted(set(cols))].sum(axis=0) / np.sqrt(len(cols))  # as encode()
        return softmax(logits)

    def predict_features(self, feature_lists: Iterable[Sequence[str]]) -> list[ClassPrediction]:
        """Predictions for already-extracted features."""
        probs = self.scores(feature_lists)
        names = [info.label for info in self.labels]
        out = []
        for row in probs:
            best = int(row.argmax())
            out.append(
                ClassPrediction(
                    label=self.labels[best],
                    probability=float(row[best]),
                    probabilities=dict(zip(names, (float(p) for p in row), strict=True)),
                )
            )
        return out

    def predict(self, span: Span) -> ClassPrediction:
        """Classify one parsed sentence or snippet."""
        return self.predict_features([span_features(span)])[0]

    def save(self, path: Path) -> None:
        """Write the model as one ``.npz`` file (weights, bias, vocabulary, labels, meta)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        features = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        with path.open("wb") as handle:
            np.savez_compressed(
                handle,
                weights=self.weights.astype(np.float16),
                bias=self.bias,
                features=np.array(features),
                labels=np.array([info.label for info in self.labels]),
                meta=np.array(json.dumps(self.meta, sort_keys=True)),
            )

    @classmethod
    def load(cls, path: Path | None = None, labels: Sequence[LabelInfo] | None = None) -> SentenceClassifier:
        """Read a saved model (the shipped one by default).

        Raises:
            ModelError: the file is missing, unreadable or names labels the label table lacks.
        """
        target = path or Path(str(_data_file(MODEL_FILE)))
        try:
            with np.load(target, allow_pickle=False) as data:
                weights = data["weights"].astype(np.float32)
                bias = data["bias"].astype(np.float32)
                features = [str(f) for f in data["features"]]
                names = [str(n) for n in data["labels"]]
                meta = json.loads(str(data["meta"]))
        except (OSError, KeyError, ValueError) as exc:
            raise ModelError(f"cannot read the sentence classifier {target}: {exc}") from exc
        table = {info.label: info for info in (labels or load_labels())}
        missing = [n for n in names if n not in table]
        if missing:
            raise ModelError(f"classifier {target} uses labels missing from labels.tsv: {', '.join(missing)}")
        return cls([table[n] for n in names], {f: i for i, f in enumerate(features)}, weights, bias, meta)


def _data_file(name: str) -> Traversable:
    return resources.files("spillover") / "data" / name


def encode(rows: Sequence[Sequence[str]], vocabulary: Mapping[str, int]) -> np.ndarray:
    """Binary feature matrix, rows scaled to unit length (long snippets do not shout)."""
    matrix = np.zeros((len(rows), len(vocabulary)), dtype=np.float32)
    for i, feats in enumerate(rows):
        cols = [vocabulary[f] for f in feats if f in vocabulary]
        if cols:
            matrix[i, cols] = 1.0 / np.sqrt(len(cols))
    return matrix


def softmax(logits: np.ndarray) -> np.ndarray:
    """Row-wise softmax, numerically stable."""
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)
