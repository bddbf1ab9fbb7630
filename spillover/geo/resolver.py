"""Toponym resolution: pick the place a name means, given what else the text says.

A name alone is often ambiguous (Astara is a town in Azerbaijan *and* in Iran;
Paris, Texas vs Paris, France; Georgia the country vs the US state). The
resolver scores every gazetteer candidate with a prior (population, kind of
feature, whether the name is the place's own or an alternate) plus context
evidence: countries already mentioned in the document and their neighbours,
first-level regions mentioned, distance to other places of the document, and
the countries of the event's actors. :meth:`ToponymResolver.resolve_document`
resolves all toponyms of a text together, feeding each round's answers back as
context for the next, because the places of one news report cluster.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from spillover.geo.common import FEATURE_PRIOR, haversine_km, normalise
from spillover.geo.gazetteer import Candidate, Gazetteer
from spillover.geo.variants import name_variants, neighbours, sub_phrases
from spillover.records import Place

#: Score weights. Tuned on the LGL and GeoWebNews development sets as a whole,
#: not per document; see the evaluation notes in the package README.
W_POPULATION = 0.25
W_ALIAS = -0.6
W_DEMONYM = -0.2
W_COUNTRY = 0.9
W_COUNTRY_SHARE = 0.6
W_NEIGHBOUR = 0.3
W_ADMIN1 = 0.6
W_NEAR = 1.0
NEAR_KM = 150.0
W_ACTOR = 0.4
#: Penalty for a candidate found only through a part of the name ("Cornell
#: University" → "Cornell"): usable, but weaker than a full-name match.
W_PARTIAL = -0.8


@dataclass
class _Context:
    """Evidence from the rest of the document, prepared once per resolution."""

    countries: Counter[str] = field(default_factory=Counter)
    admin1: set[str] = field(default_factory=set)
    points: list[tuple[float, float]] = field(default_factory=list)
    actors: frozenset[str] = frozenset()
    neighbours: set[str] = field(default_factory=set)


class ToponymResolver:
    """Resolve place names to :class:`~spillover.records.Place` using a gazetteer."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        """Keep the gazetteer and load the (small) country adjacency table."""
        self.gazetteer = gazetteer
        self._neighbours = neighbours()

    # -- candidates -----------------------------------------------------------------
    def candidates(self, name: str) -> tuple[list[Candidate], bool]:
        """Return the candidates of ``name`` and whether they came from a part of it.

        Tries the name itself, then spelling variants ("the", possessives,
        "X Province", "northern X"), then "X, Y" with Y as a filter, and last
        the sub-phrases of a longer name ("University of Kentucky" → Kentucky).
        """
        for variant in name_variants(name):
            found = self.gazetteer.lookup(variant)
            if found:
                return found, False
        if "," in name:
            head, _, tail = name.partition(",")
            heads = self.gazetteer.lookup(head)
            tails = self.gazetteer.lookup(tail)
            within = {t.country for t in tails} | {t.admin1 for t in tails if t.admin1}
            narrowed = [c for c in heads if c.country in within or c.admin1 in within]
            if narrowed or heads:
                return narrowed or heads, False
        for part in sub_phrases(name):
            found = self.gazetteer.lookup(part)
            if found:
                return found, True
        return [], False

    # -- scoring ------------------------------------------------------------------
    def _context(
        self,
        context_countries: Sequence[str],
        context_places: Sequence[Place | Candidate],
        actor_countries: Sequence[str],
    ) -> _Context:
        ctx = _Context(countries=Counter(c for c in context_countries if c))
        for place in context_places:
            if place.country:
                ctx.countries[place.country] += 1
            if isinstance(place, Candidate) and place.admin1:
                ctx.admin1.add(place.admin1)
            if place.lat is not None and place.lon is not None and place.precision != "region":
                if place.precision != "country":
                    ctx.points.append((place.lat, place.lon))
        ctx.actors = frozenset(a for a in actor_countries if a)
        for country in ctx.countries:
            ctx.neighbours.update(self._neighbours.get(country, ()))
        return ctx

    def score(self, cand: Candidate, ctx: _Context, *, partial: bool = False) -> float:
        """Return the evidence score of one candidate (higher is better)."""
        s = FEATURE_PRIOR.get(cand.feature, 0.0)
        s += W_POPULATION * math.log10(max(cand.population, 1))
        if cand.match == "alias":
            s += W_ALIAS
        elif cand.match == "demonym":
            s += W_DEMONYM
        if partial:
            s += W_PARTIAL
        total = sum(ctx.countries.values())
        if cand.country and cand.country in ctx.countries:
            s += W_COUNTRY + W_COUNTRY_SHARE * ctx.countries[cand.country] / total
        elif cand.country and cand.country in ctx.neighbours:
            s += W_NEIGHBOUR
        if cand.admin1 and cand.admin1 in ctx.admin1:
            s += W_ADMIN1
        if ctx.points and cand.precision not in {"country", "region"}:
            nearest = min(haversine_km(cand.lat, cand.lon, lat, lon) for lat, lon in ctx.points)
            s += W_NEAR * math.exp(-nearest / NEAR_KM)
        if cand.country and cand.country in ctx.actors:
            s += W_ACTOR
        return s

    def rank(
        self, name: str, ctx: _Context
    ) -> list[tuple[float, Candidate]]:
        """Return ``(score, candidate)`` pairs for ``name``, best first."""
        found, partial = self.candidates(name)
        scored = [(self.score(c, ctx, partial=partial), c) for c in found]
        scored.sort(key=lambda pair: -pair[0])
        return scored

    # -- public API ----------------------------------------------------------------
    def resolve(
        self,
        name: str,
        *,
        context_countries: Sequence[str] = (),
        context_places: Sequence[Place | Candidate] = (),
        actor_countries: Sequence[str] = (),
        span: tuple[int, int] | None = None,
    ) -> Place | None:
        """Resolve one name in context; None if the gazetteer knows no such place.

        Args:
            name: The toponym as written.
            context_countries: ISO3 codes of countries the document mentions
                (repeat a code to give it more weight).
            context_places: Places already resolved in the document.
            actor_countries: Countries of the event's source and target actors.
            span: Character offsets of the mention, copied to the result.
        """
        ctx = self._context(context_countries, context_places, actor_countries)
        ranked = self.rank(name, ctx)
        if not ranked:
            return None
        return _to_place(name, ranked, span)

    def resolve_document(
        self,
        names: Sequence[str],
        *,
        actor_countries: Sequence[str] = (),
        rounds: int = 2,
        focus_fallback: bool = True,
    ) -> list[Place | None]:
        """Resolve all toponyms of one document jointly.

        Round 0 resolves each name alone; each further round re-resolves every
        name with the other names' answers as context (leaving out mentions of
        the same name, which would only confirm themselves). Names the
        gazetteer does not know (streets, buildings) get, if ``focus_fallback``,
        the document's focus, i.e. its most-mentioned sub-country place, with
        low confidence: a report about "Royal Street" is still about that city.
        """
        keys = [normalise(n) for n in names]
        ranked = [self.rank(n, _Context(actors=frozenset(actor_countries))) for n in names]
        chosen: list[Candidate | None] = [r[0][1] if r else None for r in ranked]
        for _ in range(rounds):
            new: list[Candidate | None] = []
            for i, name in enumerate(names):
                if not ranked[i]:
                    new.append(None)
                    continue
                others = [c for j, c in enumerate(chosen) if c is not None and keys[j] != keys[i]]
                ctx = self._context((), others, actor_countries)
                ranked[i] = self.rank(name, ctx)
                new.append(ranked[i][0][1])
            chosen = new
        out: list[Place | None] = [
            _to_place(n, r, None) if r else None for n, r in zip(names, ranked, strict=True)
        ]
        if focus_fallback:
            focus = _focus([c for c in chosen if c is not None])
            if focus is not None:
                out = [p if p is not None else _fallback(names[i], focus) for i, p in enumerate(out)]
        return out


def _to_place(name: str, ranked: list[tuple[float, Candidate]], span: tuple[int, int] | None) -> Place:
    """Turn the best candidate into a Place; confidence is its softmax share."""
    top_score, top = ranked[0]
    weights = [math.exp(s - top_score) for s, _ in ranked[:10]]
    confidence = 1.0 / sum(weights)
    return Place(
        text=name,
        name=top.name,
        country=top.country,
        lat=top.lat,
        lon=top.lon,
        geonameid=top.geonameid,
        precision=top.precision,
        confidence=round(confidence, 3),
        span=span,
    )


def _focus(chosen: Sequence[Candidate]) -> Candidate | None:
    """Return the most-mentioned city-or-finer place of a document, if any."""
    local = [c for c in chosen if c.precision in {"city", "point", "admin"} and c.feature != "admin1"]
    if not local:
        return None
    counts = Counter((c.name, c.lat, c.lon) for c in local)
    (name, lat, lon), _ = counts.most_common(1)[0]
    return next(c for c in local if (c.name, c.lat, c.lon) == (name, lat, lon))


def _fallback(text: str, focus: Candidate) -> Place:
    """Place an unknown name at the document focus, flagged by low confidence."""
    return Place(
        text=text,
        name=focus.name,
        country=focus.country,
        lat=focus.lat,
        lon=focus.lon,
        geonameid=focus.geonameid,
        precision=focus.precision,
        confidence=0.1,
    )
