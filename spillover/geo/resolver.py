"""Toponym resolution: pick the place a name means, given what else the text says.

A name alone is often ambiguous (Astara is a town in Azerbaijan *and* in Iran;
Paris, Texas vs Paris, France; Georgia the country vs the US state). The
resolver scores every gazetteer candidate with a prior (population, kind of
feature, whether the name is the place's own or an alternate) plus context
evidence: countries already mentioned in the document and their neighbours,
first-level regions mentioned, distance to other places of the document, and
the countries of the event's actors. :meth:`ToponymResolver.resolve_document`
resolves all toponyms of a text together, feeding each round's answers back as
context for the next, because the places of one news report cluster. The
evidence and its weights are :mod:`spillover.geo.evidence`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import replace

from spillover.geo.coherence import (
    LOCAL_PRECISION,
    anchor_point,
    at_focus,
    coherence_bonus,
    country_mass,
    document_focus,
    is_stray,
)
from spillover.geo.common import FEATURE_PRIOR, normalise
from spillover.geo.evidence import Context, Weights
from spillover.geo.gazetteer import Candidate, Gazetteer
from spillover.geo.toponyms import is_strong
from spillover.geo.variants import name_variants, neighbours, sub_phrases
from spillover.records import Place

#: How many candidates of each other name serve as soft context in the first
#: round, before any name is decided. Deep enough to reach the small town
#: among a common name's readings ("Maryville": a dozen US places) that lies
#: next to another place of the story; each is weighted by its softmax share.
SOFT_DEPTH = 10
#: How many candidates of each other name give country evidence in every round:
#: a name whose two best readings lie in one country says that country even
#: when it is unsure which of them it is ("Henry County": ten US states). Deeper
#: would let the many small same-named US places outweigh one foreign city.
COUNTRY_DEPTH = 2
#: Words a county's name takes in the gazetteer, tried when a bare name is nothing else
#: ("Cooke, Grayson and Love counties", "Pointe Coupee").
_COUNTY_UNITS = ("County", "Parish")


class ToponymResolver:
    """Resolve place names to :class:`~spillover.records.Place` using a gazetteer."""

    def __init__(self, gazetteer: Gazetteer, weights: Weights | None = None) -> None:
        """Keep the gazetteer and load the (small) country adjacency table."""
        self.gazetteer = gazetteer
        self.weights = weights or Weights()
        self._neighbours = neighbours()

    # -- candidates -----------------------------------------------------------------
    def candidates(self, name: str) -> tuple[list[Candidate], bool]:
        """Return the candidates of ``name`` and whether they came from a part of it.

        Tries the name itself, then spelling variants ("the", possessives,
        "X Province", "northern X"), then "X, Y" with Y as a filter, and last
        the sub-phrases of a longer name ("University of Kentucky" → Kentucky).
        A bare name that is nothing else may be a US county named without its
        unit ("Otoe", "Pointe Coupee"), as in "Cooke and Love counties".
        """
        for variant in name_variants(name):
            found = _not_acronym_readings(name, self.gazetteer.lookup(variant))
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
        for unit in _COUNTY_UNITS:
            found = [c for c in self.gazetteer.lookup(f"{name} {unit}") if c.feature == "admin2"]
            if found:
                return found, False
        for part in sub_phrases(name):
            found = self.gazetteer.lookup(part)
            if found and is_strong(found):
                return found, True
        return [], False

    # -- scoring ------------------------------------------------------------------
    def _context(
        self,
        context_countries: Sequence[str],
        context_places: Sequence[Place | Candidate],
        actor_countries: Sequence[str],
        confidences: Sequence[float] | None = None,
        country_mass: dict[str, float] | None = None,
        locale: Iterable[str] = (),
        repeats: Sequence[int] | None = None,
    ) -> Context:
        """Collect the evidence; ``country_mass``, when given, replaces the places' own countries.

        ``repeats[k]`` counts place ``k`` that many times (a name mentioned more than once), as if it
        were listed that often: its country weight is added each time and its point kept each time.
        """
        ctx = Context()
        for code in context_countries:
            if code:
                ctx.countries[code] = ctx.countries.get(code, 0.0) + 1.0
        for code, mass in (country_mass or {}).items():
            ctx.countries[code] = ctx.countries.get(code, 0.0) + mass
        for region in locale:
            country, _, sub = region.partition(".")
            ctx.countries[country] = ctx.countries.get(country, 0.0) + self.weights.locale
            if sub:
                ctx.admin1[region] = max(ctx.admin1.get(region, 0.0), self.weights.locale)
        for k, place in enumerate(context_places):
            times = repeats[k] if repeats is not None else 1
            weight = confidences[k] if confidences is not None else getattr(place, "confidence", None) or 1.0
            if place.country and country_mass is None:
                for _ in range(times):  # added one by one, as for a place listed that often
                    ctx.countries[place.country] = ctx.countries.get(place.country, 0.0) + weight
            if isinstance(place, Candidate) and place.admin1:
                ctx.admin1[place.admin1] = max(ctx.admin1.get(place.admin1, 0.0), weight)
            local = place.precision not in {"region", "country"}
            if local and place.lat is not None and place.lon is not None:
                ctx.points.extend([(place.lat, place.lon, weight)] * times)
                if place.country:
                    ctx.local[place.country] = max(ctx.local.get(place.country, 0.0), weight)
        ctx.actors = frozenset(a for a in actor_countries if a)
        for country in ctx.countries:
            ctx.neighbours.update(self._neighbours.get(country, ()))
        ctx.total = sum(ctx.countries.values())
        return ctx

    def score(self, cand: Candidate, ctx: Context, *, partial: bool = False, near: float | None = None) -> float:
        """Return the evidence score of one candidate (higher is better).

        ``near`` is the candidate's :meth:`Context.nearness`, when the caller
        has worked it out for all candidates at once.
        """
        w = self.weights
        s = FEATURE_PRIOR.get(cand.feature, 0.0)
        s += w.population * math.log10(max(cand.population, 1))
        if cand.match == "alias":
            s += w.alias
        elif cand.match == "demonym":
            s += w.demonym
        if partial:
            s += w.partial
        if cand.country and cand.country in ctx.countries:
            mass = ctx.countries[cand.country]
            s += w.country * min(1.0, mass) + w.country_share * mass / ctx.total
        elif cand.country and cand.country in ctx.neighbours:
            s += w.neighbour
        if cand.admin1 and cand.admin1 in ctx.admin1:
            s += w.admin1 * ctx.admin1[cand.admin1]
        if cand.precision == "country" and cand.country:
            s += w.near * ctx.local.get(cand.country, 0.0)
        elif ctx.points and cand.precision != "region":
            s += w.near * (ctx.nearness([cand], w.near_km)[0] if near is None else near)
        if cand.country and cand.country in ctx.actors:
            s += w.actor
        return s

    def rank(
        self,
        name: str,
        ctx: Context,
        bonus: dict[Candidate, float] | None = None,
        found: tuple[list[Candidate], bool] | None = None,
    ) -> list[tuple[float, Candidate]]:
        """Return ``(score, candidate)`` pairs for ``name``, best first; ``bonus`` is added per candidate.

        ``found`` is :meth:`candidates` of ``name``, when the caller already has it.
        """
        found_, partial = found or self.candidates(name)
        extra = bonus or {}
        near = ctx.nearness(found_, self.weights.near_km)
        scored = [
            (self.score(c, ctx, partial=partial, near=n) + extra.get(c, 0.0), c)
            for c, n in zip(found_, near, strict=True)
        ]
        scored.sort(key=lambda pair: -pair[0])
        return scored

    def _weak_part(self, name: str, place: Place, found: tuple[list[Candidate], bool] | None = None) -> bool:
        """Tell whether a place is only a town or region named inside a longer name.

        "Rogers Centre", "Paddock Hill Bend", "Liverpool Academy": the
        embedded word names a same-named town (Rogers, Arkansas) far more
        often than the facility's real place, which the document's focus
        gives better, as for any other unknown facility name.
        """
        return place.precision in LOCAL_PRECISION and (found or self.candidates(name))[1]

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
        rounds: int = 3,
        focus_fallback: bool = True,
        context_names: Sequence[str] = (),
        context_weight: float = 0.25,
        locale: Sequence[str] = (),
    ) -> list[Place | None]:
        """Resolve all toponyms of one document jointly.

        Each distinct name is resolved once (one sense per document). Round 0
        resolves each name alone, plus its spatial coherence with the other
        names' plausible readings (:mod:`spillover.geo.coherence`); each
        further round re-resolves every name, in turn, with the current
        answers for the other names as context, weighted by confidence and
        mention count (a name is left out of its own context, where it would
        only confirm itself). Names the
        gazetteer does not know (streets, buildings) get, if ``focus_fallback``,
        the document's focus, i.e. its most-mentioned sub-country place, with
        low confidence: a report about "Royal Street" is still about that city;
        so do names resolved only through a town or region inside them
        ("Rogers Centre"), when there is a focus.

        Args:
            names: The toponyms to resolve, one per mention.
            actor_countries: Countries of the event's actors.
            rounds: Rounds of re-resolution after the first.
            focus_fallback: Place unknown names at the document focus.
            context_names: Further names of the document that may not be
                places at all (a recogniser's guesses): resolved along, they
                count as context with ``context_weight`` times the weight of
                a name, but are neither returned nor part of the focus.
            context_weight: Trust in ``context_names`` relative to ``names``.
            locale: Regions cued by the text (:func:`spillover.geo.cues.locale_cues`),
                weak country/region context of weight ``Weights.locale``.
        """
        keys = [normalise(n) for n in names]
        first: dict[str, str] = {}
        counts: dict[str, int] = {}
        for key, name in zip(keys, names, strict=True):
            first.setdefault(key, name)
            counts[key] = counts.get(key, 0) + 1
        mentions = dict(counts)
        for name in context_names:
            key = normalise(name)
            if key not in counts:
                first.setdefault(key, name)
                mentions[key] = mentions.get(key, 0) + 1
        trust = {k: 1.0 if k in counts else context_weight for k in mentions}
        alone = self._context((), [], actor_countries, locale=locale)
        found = {name: self.candidates(name) for name in {*first.values(), *names}}  # each looked up once
        ranked = {key: self.rank(name, alone, found=found[name]) for key, name in first.items()}
        bonus = coherence_bonus(ranked, trust, self.weights.coherence, self.weights.coherence_km)
        ranked = {key: self.rank(name, alone, bonus.get(key), found[name]) for key, name in first.items()}
        for round_no in range(rounds):
            depth = SOFT_DEPTH if round_no == 0 else 1
            # each other name's readings, weighted by its trust, counted once per mention
            chosen = {k: [(c, w * trust[k]) for c, w in _top(r, depth)] for k, r in ranked.items() if r}
            spread = {k: _top(r, COUNTRY_DEPTH) for k, r in ranked.items() if r}
            for key, name in first.items():
                if not ranked[key]:
                    continue
                others = [(c, w, mentions[k]) for k, items in chosen.items() if k != key for c, w in items]
                mass = country_mass(spread, key, trust, mentions)
                ctx = self._context(
                    (),
                    [c for c, _, _ in others],
                    actor_countries,
                    [w for _, w, _ in others],
                    mass,
                    locale,
                    [n for _, _, n in others],
                )
                ranked[key] = self.rank(name, ctx, bonus.get(key), found[name])
        spread = {k: _top(r, COUNTRY_DEPTH) for k, r in ranked.items() if r}
        strays = [
            k
            for k in counts
            if ranked[k] and is_stray(ranked[k][0][1], country_mass(spread, k, trust, mentions), actor_countries)
        ]
        for key in strays:
            ranked[key] = []
        final = [(r[0][1], _confidence(r)) for k, r in ranked.items() if r and k in counts]
        places = {
            key: _to_place(first[key], r, None, anchor_point(r[0][1], final)) if r else None
            for key, r in ranked.items()
            if key in counts
        }
        out: list[Place | None] = []
        for key, name in zip(keys, names, strict=True):
            place = places[key]
            out.append(None if place is None else replace(place, text=name))
        if focus_fallback:
            weighted = [(r[0][1], _confidence(r) * counts[k]) for k, r in ranked.items() if r and k in counts]
            focus = document_focus(weighted)
            if focus is not None:
                out = [
                    at_focus(names[i], focus) if p is None or self._weak_part(names[i], p, found[names[i]]) else p
                    for i, p in enumerate(out)
                ]
        return out


def _not_acronym_readings(name: str, found: list[Candidate]) -> list[Candidate]:
    """Drop the towns an acronym only spells ("OAS" is not Oas in the Philippines, "CHU" not Chũ).

    A name of two or three capitals is an acronym; a GeoNames town it names
    under the town's own (mixed-case) name is a chance match. Acronyms that
    do name places ("NYC", "STL", "UAE") are aliases or our own entries and stay.
    """
    text = name.strip()
    if not (2 <= len(text) <= 3 and text.isalpha() and text.isupper()):
        return found
    return [c for c in found if not (c.geonameid is not None and c.feature == "city" and c.match == "name")]


def _top(ranked: list[tuple[float, Candidate]], depth: int) -> list[tuple[Candidate, float]]:
    """Return the best ``depth`` candidates with their softmax shares."""
    top = ranked[0][0]
    weights = [math.exp(s - top) for s, _ in ranked[:10]]
    total = sum(weights)
    return [(cand, weights[i] / total) for i, (_, cand) in enumerate(ranked[:depth])]


def _confidence(ranked: list[tuple[float, Candidate]]) -> float:
    """Return the softmax share of the best candidate among the top ten."""
    top = ranked[0][0]
    return 1.0 / sum(math.exp(s - top) for s, _ in ranked[:10])


def _to_place(
    name: str,
    ranked: list[tuple[float, Candidate]],
    span: tuple[int, int] | None,
    point: tuple[float, float] | None = None,
) -> Place:
    """Turn the best candidate into a Place; confidence is its softmax share."""
    top = ranked[0][1]
    lat, lon = point if point is not None else (top.lat, top.lon)
    return Place(
        text=name,
        name=top.name,
        country=top.country,
        lat=lat,
        lon=lon,
        geonameid=top.geonameid,
        precision=top.precision,
        confidence=round(_confidence(ranked), 3),
        span=span,
    )
