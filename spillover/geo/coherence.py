"""Document-level geography: the places of one story lie together.

Local news names several small, individually ambiguous places ("New London",
"Mt. Pleasant", "Winfield"; "Richmond" and "Madison County"): each has a dozen
same-named readings across the US, and the population prior alone picks the
biggest of each, scattered over the country. But only one combination of
readings is a plausible story: the one whose places lie next to each other.
:func:`coherence_bonus` rewards each reading for every *other* name of the
document that has a plausible reading close to it (or, for a country or a
first-level region, inside it), before any name is decided. The resolver
adds this bonus to the reading's score in every round.

Plausibility is the reading's prior score relative to its name's best one, so
that a far-fetched hamlet of a name with a clear main reading does not pull
others to it; containers (countries, states) get the bonus for the readings
they contain, so a state is not outbid by a same-named town just because
towns have a point and states have not.

The same idea places what the gazetteer cannot: :func:`document_focus` is the
story's main local place, where unknown names ("Royal Street") are put by
:func:`at_focus`, and :func:`anchor_point` moves a county known only by its
state's point next to the document's towns in that state.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from spillover.geo.common import haversine_km
from spillover.geo.gazetteer import Candidate
from spillover.records import Place

#: Readings considered per name, on both sides of a pair.
DEPTH = 10
#: Most coherence one reading may collect, in units of one perfectly close other name.
CAP = 1.5
#: Kinds of readings whose point can be near another's (a state's or sea's point is not a location).
LOCAL_PRECISION = frozenset({"city", "point", "admin"})


def coherence_bonus(
    ranked: Mapping[str, list[tuple[float, Candidate]]],
    trust: Mapping[str, float],
    weight: float,
    scale_km: float,
) -> dict[str, dict[Candidate, float]]:
    """Return, per name key, the coherence bonus of each of its best readings.

    Args:
        ranked: ``(score, candidate)`` pairs of each name, best first, scored
            without document context (the prior).
        trust: How much each name counts as context (1 for a toponym, less
            for a name that may not be a place at all).
        weight: Score added for one other name with a plausible reading at
            distance zero.
        scale_km: Distance at which closeness evidence falls to 1/e.

    Returns:
        ``{key: {candidate: bonus}}``; readings without support are absent.
    """
    pools = {key: _plausible(items) for key, items in ranked.items() if items}
    out: dict[str, dict[Candidate, float]] = {}
    for key, items in ranked.items():
        bonus: dict[Candidate, float] = {}
        for _, cand in items[:DEPTH]:
            total = 0.0
            for other, pool in pools.items():
                if other != key and pool:
                    total += trust.get(other, 1.0) * max(q * _fit(cand, b, scale_km) for b, q in pool)
            if total > 0.0:
                bonus[cand] = weight * min(total, CAP)
        out[key] = bonus
    return out


def _plausible(items: list[tuple[float, Candidate]]) -> list[tuple[Candidate, float]]:
    """Return a name's located readings with their plausibility (1 for the best reading)."""
    top = items[0][0]
    return [
        (cand, math.exp(score - top))
        for score, cand in items[:DEPTH]
        if _is_local(cand)
    ]


def _is_local(cand: Candidate) -> bool:
    """Whether a reading is a located place below the first-level region (a town, a site, a county)."""
    return cand.precision in LOCAL_PRECISION and cand.feature != "admin1"


def _fit(cand: Candidate, other: Candidate, scale_km: float) -> float:
    """How well ``other`` sits with ``cand``: inside it for a country or state, else closeness."""
    if cand.precision == "country":
        return 1.0 if cand.country and other.country == cand.country else 0.0
    if cand.feature == "admin1":
        return 1.0 if cand.admin1 and other.admin1 == cand.admin1 else 0.0
    if cand.precision == "region":
        return 0.0
    return math.exp(-haversine_km(cand.lat, cand.lon, other.lat, other.lon) / scale_km)


def anchor_point(cand: Candidate, chosen: Sequence[tuple[Candidate, float] | None]) -> tuple[float, float] | None:
    """Return a better point for an approximate candidate, if the document has one.

    A county known only by its state's point is moved to the most confidently
    resolved town of the same state mentioned in the document: local news
    names a county together with its towns.
    """
    if not cand.approximate or not cand.admin1:
        return None
    best: tuple[float, float] | None = None
    best_conf = 0.0
    for item in chosen:
        if item is None:
            continue
        other, conf = item
        if other.admin1 == cand.admin1 and other.precision in {"city", "point"} and conf > best_conf:
            best, best_conf = (other.lat, other.lon), conf
    return best


def document_focus(chosen: Sequence[tuple[Candidate, float]]) -> Candidate | None:
    """Return the document's main sub-country place.

    The focus must lie in the document's dominant country (by summed
    confidence of all its places), then it is the local place with the highest
    summed confidence; one odd resolution cannot become the focus.
    """
    by_country: dict[str, float] = {}
    for cand, conf in chosen:
        if cand.country:
            by_country[cand.country] = by_country.get(cand.country, 0.0) + conf
    if not by_country:
        return None
    country = max(by_country, key=lambda c: by_country[c])
    mass: dict[tuple[str, float, float], float] = {}
    first: dict[tuple[str, float, float], Candidate] = {}
    for cand, conf in chosen:
        if _is_local(cand) and cand.country == country:
            key = (cand.name, cand.lat, cand.lon)
            mass[key] = mass.get(key, 0.0) + conf
            first.setdefault(key, cand)
    # a name the gazetteer lacks is a village, street or building: it lies in a town or district of the
    # story, not at the one border crossing or airport it names ("the village of Shakarabad")
    settled = {k: m for k, m in mass.items() if first[k].precision != "point" and m >= 0.5}
    if settled:
        mass = settled
    if not mass:
        return None
    best = max(mass, key=lambda k: mass[k])
    return first[best] if mass[best] >= 0.5 else None


#: Confidence that marks a place guessed at the document focus for a name the gazetteer does not know.
FOCUS_CONFIDENCE = 0.1


def at_focus(text: str, focus: Candidate) -> Place:
    """Place an unknown name at the document focus, flagged by low confidence."""
    return focus.as_place(text, FOCUS_CONFIDENCE)


def is_focus_guess(place: Place) -> bool:
    """Whether ``place`` is :func:`at_focus`'s guess rather than a gazetteer match."""
    return place.confidence is not None and place.confidence <= FOCUS_CONFIDENCE


#: Below this population a town whose country nothing else in the document
#: supports is taken for a stray reading of the name (see :func:`is_stray`).
STRAY_POPULATION = 20_000
#: Country mass from the other names under which a town counts as unsupported.
STRAY_SUPPORT = 0.1
#: Share of the other names' country mass under which a town counts as unsupported too.
STRAY_SHARE = 0.1


def country_mass(
    spread: dict[str, list[tuple[Candidate, float]]], key: str, trust: dict[str, float], mentions: dict[str, int]
) -> dict[str, float]:
    """Country evidence from the other names' best readings: softmax share x trust x mentions, per country.

    A name is left out of its own evidence, where it would only confirm itself.
    """
    mass: dict[str, float] = {}
    for other, items in spread.items():
        if other == key:
            continue
        for cand, share in items:
            if cand.country:
                mass[cand.country] = mass.get(cand.country, 0.0) + share * trust[other] * mentions[other]
    return mass


def is_stray(top: Candidate, mass: dict[str, float], actor_countries: Sequence[str]) -> bool:
    """Tell whether a name's best reading ``top`` is a village that nothing else in the story supports.

    "West Coast", "Republic", "Pioneer", "Rehab": a common word or a
    famous name that is also a small GeoNames town abroad. When the other
    places of the document all lie in other countries and no actor is from
    the town's country, the town is almost never meant (on the LGL,
    GeoWebNews and GeoVirus dev sets, 54 of 55 such readings were wrong);
    the name is then treated as unknown and placed at the document's focus,
    if it has one. The same holds when the town's country has under
    ``STRAY_SHARE`` of the other names' country mass ("Rockingham" among
    Kent, Norfolk and Northamptonshire, whose US readings lend the US a
    little mass): a GeoNames village of the story's own country is missing.
    Our own tables (airports, crossings) are never strays.
    ``mass`` is the country evidence of the document's other names (:func:`country_mass`).
    """
    if top.geonameid is None or top.precision not in {"city", "point"} or top.population >= STRAY_POPULATION:
        return False
    if top.country is None or top.country in actor_countries:
        return False
    total = sum(mass.values())
    support = mass.get(top.country, 0.0)
    return total >= 1.0 and (support < STRAY_SUPPORT or support < STRAY_SHARE * total)
