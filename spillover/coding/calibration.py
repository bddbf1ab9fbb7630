"""Turning the coder's raw scores into calibrated probabilities of being right.

The rule and classifier scores rank events well (higher is more often
right) but are not probabilities: before calibration, events scored 0.8–1.0
were right about two times in three on our gold articles. A ``confidence``
an analyst can filter on should mean "this share of such events is correct".

:class:`Calibrator` is a logistic (Platt) map from a few things the coder
knows about an event to the probability that a gold annotator would accept
it (type, source, target and status): the raw score, whether a role was
inferred from the document rather than read from the sentence, whether the
classifier alone made it, missing roles and non-occurred status. Its seven
coefficients ship as ``spillover/data/models/calibration.json``, fitted by
``spillover calibrate`` on gold articles with leave-one-document-out figures
recorded next to them.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

import numpy as np

from spillover.coding.agency import ARMED_GROUPS
from spillover.errors import ModelError
from spillover.records import Actor, Event

CALIBRATION_FILE = "models/calibration.json"
FEATURES: tuple[str, ...] = (
    "logit_score",
    "model_made",
    "inferred_role",
    "no_source",
    "no_target",
    "not_occurred",
)
_INFERRED = ("+dyad", "+place", "+anaphora")
#: Types whose beneficiaries often go unnamed or are no actor ("the evacuation of foreign nationals",
#: "joint exercises"): a missing target is no sign of a misread sentence there.
UNDIRECTED_TYPES = frozenset({"AID", "COOPERATE"})


def _undirected(event: Event) -> bool:
    """Whether the event may well have no target: aid and cooperation, or a mobilisation that took place.

    "Georgia has tripled police patrols", "troops remained on alert": a deployment faces no one
    by name. A planned or offered one is mostly told for another event ("offered to send troops to
    help the Philippine army"), and stays marked.
    """
    return event.event_type in UNDIRECTED_TYPES or (event.event_type == "MOBILIZE" and event.status == "occurred")


def event_features(event: Event) -> list[float]:
    """The calibration inputs of one event, in :data:`FEATURES` order."""
    score = min(max(event.confidence, 1e-3), 1 - 1e-3)
    coder = event.evidence.coder
    return [
        math.log(score / (1 - score)),
        1.0 if coder.startswith("model:") else 0.0,
        1.0 if any(mark in coder for mark in _INFERRED) else 0.0,
        1.0 if event.source is None else 0.0,
        1.0 if event.target is None and not _undirected(event) else 0.0,
        0.0 if event.status == "occurred" else 1.0,
    ]


@dataclass(frozen=True)
class Calibrator:
    """Logistic map from :func:`event_features` to P(correct)."""

    coefficients: tuple[float, ...]
    intercept: float
    meta: Mapping[str, object]

    def probability(self, event: Event) -> float:
        """Calibrated probability that ``event`` is right."""
        return self._logistic(event_features(event))

    def best_case(self, event: Event) -> float:
        """The highest probability ``event`` can still get once the dyad stage fills missing roles.

        Lets the pipeline skip dating and locating events that cannot pass the
        threshold whatever happens later (the dyad stage only fills roles, marks
        them inferred and lowers the raw score).
        """
        x = event_features(event)
        if x[3] or x[4]:  # a missing role may be filled, and is then inferred
            x[3], x[4] = 0.0, 0.0
            x[2] = 1.0 if self.coefficients[2] > 0 else x[2]
        return self._logistic(x)

    def _logistic(self, x: Sequence[float]) -> float:
        z = self.intercept + sum(c * v for c, v in zip(self.coefficients, x, strict=True))
        return 1.0 / (1.0 + math.exp(-z))

    def apply(self, event: Event) -> Event:
        """The event with its confidence replaced by the calibrated probability."""
        return replace(event, confidence=round(self.probability(event), 3))

    def save(self, path: Path) -> None:
        """Write the coefficients and their provenance as JSON."""
        payload = {
            "features": list(FEATURES),
            "coefficients": [round(c, 6) for c in self.coefficients],
            "intercept": round(self.intercept, 6),
            "meta": dict(self.meta),
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(payload, indent=2, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path | None = None) -> Calibrator:
        """Read a calibration file (the shipped one by default).

        Raises:
            ModelError: missing, malformed, or fitted on other features.
        """
        source = path or (resources.files("spillover") / "data" / CALIBRATION_FILE)
        try:
            payload = json.loads(source.read_text(encoding="utf-8"))
            features = tuple(payload["features"])
            coefficients = tuple(float(c) for c in payload["coefficients"])
            intercept = float(payload["intercept"])
            meta = dict(payload.get("meta", {}))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ModelError(f"cannot read the calibration file {source}: {exc}") from exc
        if features != FEATURES or len(coefficients) != len(FEATURES):
            raise ModelError(f"calibration file {source} was fitted on features {features}, expected {FEATURES}")
        return cls(coefficients, intercept, meta)


def fit_calibrator(
    judged: Sequence[tuple[Event, bool]], l2: float = 0.01, steps: int = 3000, meta: Mapping[str, object] | None = None
) -> Calibrator:
    """Fit the logistic map by gradient descent (a handful of parameters, a few hundred events)."""
    x = np.array([event_features(e) for e, _ in judged], dtype=np.float64).reshape(len(judged), len(FEATURES))
    y = np.array([1.0 if ok else 0.0 for _, ok in judged])
    w = np.zeros(len(FEATURES))
    b = 0.0
    rate = 0.1
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        grad = p - y
        w -= rate * (x.T @ grad / max(len(y), 1) + l2 * w)
        b -= rate * float(grad.mean()) if len(y) else 0.0
    return Calibrator(tuple(float(v) for v in w), float(b), dict(meta or {}))


def expected_calibration_error(pairs: Sequence[tuple[float, bool]], bins: int = 5) -> float:
    """Mean |confidence − share correct| over equal-width bins, weighted by events."""
    if not pairs:
        return 0.0
    total = 0.0
    for k in range(bins):
        low, high = k / bins, (k + 1) / bins
        band = [(c, ok) for c, ok in pairs if low <= c < high or (k == bins - 1 and c == 1.0)]
        if band:
            mean = sum(c for c, _ in band) / len(band)
            share = sum(ok for _, ok in band) / len(band)
            total += len(band) * abs(mean - share)
    return total / len(pairs)


def cross_validated(groups: Sequence[Sequence[tuple[Event, bool]]], l2: float = 0.01) -> tuple[float, float]:
    """Leave-one-group-out ECE before and after calibration (groups = gold documents)."""
    before: list[tuple[float, bool]] = []
    after: list[tuple[float, bool]] = []
    for k, held in enumerate(groups):
        train = [pair for j, group in enumerate(groups) if j != k for pair in group]
        model = fit_calibrator(train, l2)
        for event, ok in held:
            before.append((event.confidence, ok))
            after.append((model.probability(event), ok))
    return expected_calibration_error(before), expected_calibration_error(after)


def select_confident(events: Sequence[Event], threshold: float, secondary: float) -> list[Event]:
    """Keep the events a user should see: each sentence's best from ``threshold``, the rest from ``secondary``.

    A sentence usually reports one event well; its further candidates are more often a misread
    clause or a background verb, so they must clear a higher bar. Order is kept.
    """
    best: dict[int, float] = {}
    for event in events:
        index = event.evidence.sentence_index
        best[index] = max(best.get(index, 0.0), event.confidence)
    return [
        e
        for e in events
        if e.confidence >= threshold
        and (e.confidence >= secondary or e.confidence >= best[e.evidence.sentence_index])
    ]


def merge_same_deed(events: Sequence[Event]) -> list[Event]:
    """Keep one event per deed and sentence: the most confident of those that say the same thing.

    Two events of one sentence say the same thing when they have the same type
    and status and their actors agree: the same code, the same country
    ("Azerbaijan" and its foreign ministry), or one missing.
    "condemned the strike ... and held Iran responsible" is one accusation,
    "lodged a protest and summoned the ambassador" one protest; counting each
    twice would inflate a dyad's tally. The two directions of a reciprocal
    deed stay two events, as for two countries. Applied to the final events, after the
    classifier's vote has counted every trigger. Order is kept.
    """
    kept: list[Event] = []
    for ev in sorted(events, key=lambda e: -e.confidence):
        if not any(_same_deed(k, ev) for k in kept):
            kept.append(ev)
    keep = {id(e) for e in kept}
    return [e for e in events if id(e) in keep]


def _same_deed(a: Event, b: Event) -> bool:
    return (
        a.doc_id == b.doc_id
        and a.evidence.sentence_index == b.evidence.sentence_index
        and a.event_type == b.event_type
        and (a.mode is None or b.mode is None or a.mode == b.mode)  # "recalled its envoy and suspended flights"
        and a.status == b.status
        and _agree(a.source, b.source)
        and _agree(a.target, b.target)
        and not _mirrored(a, b)
        and not _crossed(a, b)
        and not _crossed(b, a)
    )


def _crossed(a: Event, b: Event) -> bool:
    """Whether the one acted on in ``a`` is the doer in ``b``, each event naming only that side.

    "Police came under a grenade attack while they were conducting a raid": the attack on the police and
    the police's raid are two deeds, though neither names the other side.
    """
    return (
        a.source is None
        and b.target is None
        and a.target is not None
        and b.source is not None
        and (a.target.code == b.source.code or bool(a.target.country and a.target.country == b.source.country))
    )


def _mirrored(a: Event, b: Event) -> bool:
    """Whether two events are the two directions of a reciprocal deed ("the government and the rebels agreed")."""
    codes = [x.code if x is not None else None for x in (a.source, a.target, b.source, b.target)]
    return None not in codes and codes[0] == codes[3] and codes[1] == codes[2]


def _agree(a: Actor | None, b: Actor | None) -> bool:
    """Whether two role fillers can denote the same actor: not a state's organ and its own rebels."""
    if a is None or b is None or a.code == b.code:
        return True
    if a.sector and b.sector and a.sector != b.sector and {a.sector, b.sector} & ARMED_GROUPS:
        return False  # "the strikes targeted PKK militants who had kidnapped four Turkish engineers"
    return bool(a.country and a.country == b.country)
