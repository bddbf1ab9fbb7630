"""Fitting the sentence classifier on labelled examples.

The shipped model is trained on ``spillover/data/training/examples_*.tsv``:
sentences and short snippets the project wrote, each with one label of
``labels.tsv``. ``spillover train`` reruns this (on those files or the user's
own) and reports k-fold cross-validated accuracy and macro-F1 before it
writes the model, so the figure that goes in the model's metadata is one
measured on examples the fold did not see.

The fit is full-batch multinomial logistic regression with L2 and Adam, in
NumPy: a few thousand examples fit in seconds, with no new dependency.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from spillover.coding.classifier import LabelInfo, SentenceClassifier, encode, softmax, span_features
from spillover.errors import DataFileError
from spillover.evaluation.metrics import classification_scores

if TYPE_CHECKING:
    from spacy.language import Language

EXAMPLE_GLOB = "examples_*.tsv"


@dataclass(frozen=True)
class Example:
    """One labelled training text and where it came from."""

    label: str
    text: str
    source: str
    line: int


@dataclass(frozen=True)
class FitOptions:
    """Hyper-parameters of the fit.

    ``l2`` is the one that matters. Cross-validation on our own examples (written in one house style)
    prefers a stronger penalty, but the classifier's job is news it has never seen: on the CASE 2021
    dev half, read by the classifier alone, 1e-3 / 1e-4 / 3e-5 / 1e-5 give macro-F1 0.28 / 0.55 / 0.58 /
    0.56, so 3e-5 (sharper, less smoothed probabilities) is the default.
    """

    l2: float = 3e-5
    epochs: int = 250
    learning_rate: float = 0.05
    min_count: int = 2


@dataclass(frozen=True)
class CrossValidation:
    """k-fold figures: accuracy and macro-F1 over all held-out predictions."""

    folds: int
    n: int
    accuracy: float
    macro_f1: float
    type_accuracy: float


def read_examples(texts: Sequence[tuple[str, str]], labels: Sequence[LabelInfo]) -> list[Example]:
    """Parse ``label<TAB>text`` files given as (source name, content) pairs.

    Raises:
        DataFileError: a line is not two tab-separated cells or names an unknown label.
    """
    known = {info.label for info in labels}
    examples: list[Example] = []
    for source, content in texts:
        for lineno, raw in enumerate(content.splitlines(), start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if len(cells) != 2 or not cells[1].strip():
                raise DataFileError(f"{source}:{lineno}: expected 'label<TAB>text'")
            label = cells[0].strip()
            if label not in known:
                raise DataFileError(f"{source}:{lineno}: unknown label {label!r} (see labels.tsv)")
            examples.append(Example(label, cells[1].strip(), source, lineno))
    return examples


def shipped_example_texts() -> list[tuple[str, str]]:
    """(name, content) of every shipped example file, in name order."""
    folder = resources.files("spillover") / "data" / "training"
    files = sorted((f for f in folder.iterdir() if f.name.startswith("examples_")), key=lambda f: f.name)
    return [(f"training/{f.name}", f.read_text(encoding="utf-8")) for f in files]


def example_texts(paths: Sequence[Path]) -> list[tuple[str, str]]:
    """(name, content) of user example files or folders of ``examples_*.tsv``."""
    out = []
    for path in paths:
        files = sorted(path.glob(EXAMPLE_GLOB)) if path.is_dir() else [path]
        for file in files:
            try:
                out.append((str(file), file.read_text(encoding="utf-8-sig")))
            except (OSError, UnicodeDecodeError) as exc:
                raise DataFileError(f"{file}: cannot read training examples ({exc})") from exc
    return out


def featurize(nlp: Language, texts: Sequence[str], batch_size: int = 64) -> list[list[str]]:
    """Parse the texts and extract classifier features (the same function inference uses)."""
    return [span_features(doc[:]) for doc in nlp.pipe(texts, batch_size=batch_size)]


def fit(
    features: Sequence[Sequence[str]],
    targets: Sequence[str],
    labels: Sequence[LabelInfo],
    options: FitOptions = FitOptions(),
    meta: dict[str, object] | None = None,
) -> SentenceClassifier:
    """Fit the softmax model; features seen fewer than ``min_count`` times are dropped."""
    counts = Counter(f for row in features for f in set(row))
    names = sorted(f for f, c in counts.items() if c >= options.min_count)
    vocabulary = {f: i for i, f in enumerate(names)}
    index = {info.label: i for i, info in enumerate(labels)}
    x = encode(features, vocabulary)
    y = np.zeros((len(targets), len(labels)), dtype=np.float32)
    y[np.arange(len(targets)), [index[t] for t in targets]] = 1.0
    weights = np.zeros((len(vocabulary), len(labels)), dtype=np.float32)
    bias = np.zeros(len(labels), dtype=np.float32)
    moments = [np.zeros_like(weights), np.zeros_like(weights), np.zeros_like(bias), np.zeros_like(bias)]
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, options.epochs + 1):
        grad_logits = (softmax(x @ weights + bias) - y) / len(targets)
        grads = (x.T @ grad_logits + options.l2 * weights, grad_logits.sum(axis=0))
        for k, (param, grad) in enumerate(zip((weights, bias), grads, strict=True)):
            m, v = moments[2 * k], moments[2 * k + 1]
            m *= beta1
            m += (1 - beta1) * grad
            v *= beta2
            v += (1 - beta2) * grad * grad
            m_hat = m / (1 - beta1**step)
            v_hat = v / (1 - beta2**step)
            param -= options.learning_rate * m_hat / (np.sqrt(v_hat) + eps)
    info = dict(meta or {})
    info.update(
        {
            "n_examples": len(targets),
            "n_features": len(vocabulary),
            "l2": options.l2,
            "epochs": options.epochs,
        }
    )
    return SentenceClassifier(labels, vocabulary, weights, bias, info)


def cross_validate(
    features: Sequence[Sequence[str]],
    targets: Sequence[str],
    labels: Sequence[LabelInfo],
    folds: int = 5,
    options: FitOptions = FitOptions(),
    seed: int = 13,
    progress: Callable[[int], None] | None = None,
) -> CrossValidation:
    """k-fold estimate (shuffled, every k-th example held out) of how the model does on unseen examples."""
    order = list(range(len(targets)))
    random.Random(seed).shuffle(order)
    predicted: dict[int, str] = {}
    for fold in range(folds):
        test = order[fold::folds]
        held = set(test)
        train = [i for i in order if i not in held]
        model = fit([features[i] for i in train], [targets[i] for i in train], labels, options)
        for i, answer in zip(test, model.predict_features([features[i] for i in test]), strict=True):
            predicted[i] = answer.label.label
        if progress is not None:
            progress(fold + 1)
    gold = list(targets)
    pred = [predicted[i] for i in range(len(targets))]
    by_label = classification_scores(gold, pred)
    type_scores = classification_scores([g.split("/")[0] for g in gold], [p.split("/")[0] for p in pred])
    return CrossValidation(
        folds=folds,
        n=len(gold),
        accuracy=by_label.accuracy,
        macro_f1=by_label.macro_f1,
        type_accuracy=type_scores.accuracy,
    )
