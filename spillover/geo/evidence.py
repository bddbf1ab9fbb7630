"""What the rest of a document says about a toponym, and how much each kind of evidence weighs.

The resolver (:class:`spillover.geo.resolver.ToponymResolver`) scores every gazetteer
candidate of a name against the same few kinds of evidence: the countries and first-level
regions the document names, the points of its other local places, the countries of the
event's actors. :class:`Context` holds that evidence for one name, each item weighted by
the confidence of the reading it came from, and :class:`Weights` the global weights of the
score; they live apart from the rounds of resolution that fill and read them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from spillover.geo.common import EARTH_RADIUS_KM
from spillover.geo.gazetteer import Candidate


@dataclass(frozen=True)
class Weights:
    """Weights of the evidence in a candidate's score.

    Tuned once on the LGL and GeoWebNews development sets as a whole (a handful
    of global numbers, not per-document rules); pass other values to the
    resolver to experiment.
    """

    population: float = 0.25
    alias: float = -0.6
    demonym: float = -0.2
    partial: float = -0.8
    country: float = 0.9
    country_share: float = 0.6
    neighbour: float = 0.3
    admin1: float = 0.6
    near: float = 1.0
    near_km: float = 150.0
    actor: float = 0.4
    locale: float = 0.3
    coherence: float = 0.4
    coherence_km: float = 50.0


@dataclass
class Context:
    """Evidence from the rest of the document, each item weighted by confidence."""

    countries: dict[str, float] = field(default_factory=dict)
    local: dict[str, float] = field(default_factory=dict)
    admin1: dict[str, float] = field(default_factory=dict)
    points: list[tuple[float, float, float]] = field(default_factory=list)
    actors: frozenset[str] = frozenset()
    neighbours: set[str] = field(default_factory=set)
    total: float = 0.0  # sum of the country masses, filled in once the evidence is complete

    def nearness(self, found: Sequence[Candidate], near_km: float) -> list[float]:
        """Each candidate's best ``weight * exp(-distance / near_km)`` over the local points.

        One vectorised pass per name: this is the resolver's hottest loop
        (candidates × points great-circle distances, three rounds a document).
        """
        if not self.points or not found:
            return [0.0] * len(found)
        pts = np.radians(np.array([(lat, lon) for lat, lon, _ in self.points]))
        weights = np.array([w for _, _, w in self.points])
        cands = np.radians(np.array([(c.lat or 0.0, c.lon or 0.0) for c in found]))
        p1, p2 = cands[:, :1], pts[:, 0][None, :]
        dl = pts[:, 1][None, :] - cands[:, 1:]
        a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
        km = 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a)))
        return [float(v) for v in (weights[None, :] * np.exp(-km / near_km)).max(axis=1)]
