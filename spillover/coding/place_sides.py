"""The sides a deed's place gives it: the country it struck, and whose unnamed groups acted there.

"Warplanes struck sites near Isfahan" targets Iran; "police arrested 143 people in Nairobi" are
Kenyan police. Once the geo stage has placed an event, these two rules read its location, apart
from the dyad fill (:mod:`spillover.coding.dyad`), which reads the report's other events and the
countries it mentions most.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from spillover.actors.roles import of_country
from spillover.coding.agency import ARMED_GROUPS
from spillover.records import Actor, Event

#: Words for military drills (singular, lower case).
_DRILLS = frozenset({"exercise", "drill", "manoeuvre", "maneuver", "wargame"})


def target_from_place(
    event: Event, sentence: tuple[int, int], names: Callable[[Iterable[str]], dict[str, str]]
) -> Event:
    """A violent deed with no named target hits the country where it took place.

    "Warplanes struck sites near Isfahan" targets Iran; aid sent to a place goes to
    that country ("trucks of food waiting in Malakal" for South Sudan). Only places named in
    the event's own sentence count (not fallbacks), and never the source's own
    country (a government's operation at home keeps its target open), unless the source is an
    armed group ("Boko Haram militants invaded three villages in Borno state" hit Nigeria).
    """
    place, source = event.location, event.source
    deed = event.quad_class == 4 or event.event_type == "AID"  # aid, like an attack, lands where it is delivered
    # drills are held somewhere, not against it ("Turkish forces held an exercise in Nakhchivan"); troops sent
    # somewhere are sent against it ("deployed reinforcements to observation points in Idlib")
    drill = event.event_type == "MOBILIZE" and event.evidence.trigger.lower().rstrip("s") in _DRILLS
    deed = deed and not drill
    # "dismissed suggestions that Israeli drones had struck the airport in Nakhchivan": denied, but there (not an
    # alleged one: "claiming responsibility for a deadly attack ... in Kenya's capital" is a statement to PETRARCH)
    deed = deed or (event.event_type == "ASSAULT" and event.status == "denied")
    if event.target is not None or not deed or place is None or not place.country:
        return event
    if place.span is None or not sentence[0] <= place.span[0] < sentence[1]:
        return event
    if source is not None and source.country == place.country and source.sector not in ARMED_GROUPS:
        return event
    name = names([place.country]).get(place.country, place.country)
    target = Actor(text=place.text, name=name, code=place.country, country=place.country)
    evidence = replace(event.evidence, coder=event.evidence.coder + "+place")
    return replace(event, target=target, evidence=evidence, confidence=round(event.confidence * 0.9, 3))


#: Words after "foreign" that name a state's own office ("foreign minister"), not someone from abroad.
_OFFICES = frozenset({"minister", "ministers", "ministry", "ministries", "secretary", "office", "affairs", "policy"})


def country_for_unnamed(event: Event) -> Event:
    """Give unnamed groups the country where the event took place.

    Groups known only by their role ("police", "gunmen", "protesters", coded
    ``---`` + sector) take the country of the event's place: one named in its
    sentence or, failing that, the report's dateline or main place. "Police
    arrested 143 people in Nairobi" is Kenyan police and Kenyans; the actor
    keeps its surface text and sector, and ``coder`` says ``+country``. A
    protest with no named source gets that country's unnamed protesters and,
    when they are at home and name no target, their government as target. On the
    demo gold this made 7 more of the 175 emitted events correct (87 → 94).
    """
    place = event.location
    if place is None or not place.country:
        return event
    country: str = place.country

    def placed(actor: Actor | None) -> Actor | None:
        words = actor.text.lower().split() if actor is not None else []
        if actor is not None and "foreign" in words[:-1] and words[words.index("foreign") + 1] not in _OFFICES:
            return actor  # "blamed foreign agents": not the place's own (a "foreign minister" is)
        return of_country(actor, country) if actor is not None else None

    source = placed(event.source)
    # "In Washington, the Treasury imposed sanctions on eleven shipping companies": a sanction is decided at
    # home, on targets anywhere; the place of the decision is not theirs
    target = event.target if event.event_type == "SANCTION" else placed(event.target)
    if source is None and event.event_type == "PROTEST":
        # "demonstrations spread to six towns": a protest always has protesters, unnamed ones of that country
        source = Actor(text="(protesters)", name="protesters", code=country + "CVL", country=country, sector="CVL")
    arrest = event.event_type == "COERCE" and event.mode == "arrest" and place.precision in ("city", "point", "admin")
    if source is None and arrest and target is not None and target.country and target.country != country:
        # "the men, both Azerbaijani citizens, were arrested in the Georgian town of Rustavi": by that country's police
        source = Actor(text="(police)", name="police", code=country + "COP", country=country, sector="COP")
    if target is None and event.event_type == "PROTEST" and source is not None and source.country == country:
        # a domestic protest with no named target is addressed to the government ("against a new fuel levy")
        target = Actor(text="(implied)", name="government", code=country + "GOV", country=country, sector="GOV")
    if target is not None and source is not None and target.code == source.code:
        target = None  # the unnamed side turned out to be the actor itself: no target rather than a self-target
    own_soil = target is not None and source is not None and target.sector is None and target.country == source.country
    if own_soil and event.event_type == "MOBILIZE":
        target = None  # "took part in the drills in East Azerbaijan province" (Iran's forces): held at home
    coder = event.evidence.coder
    inferred_here = "+place" in coder and source is not event.source and event.event_type == "AID"
    if inferred_here and target is not None and source is not None and target.country == source.country:
        # as in target_from_place: help given at home ("border guards let foreigners leave") has no target
        # from its place; violence at home keeps it, the domestic side it was aimed at
        target = None
        coder = coder.replace("+place", "")
    if source is event.source and target is event.target:
        return event
    evidence = replace(event.evidence, coder=coder + "+country")
    return replace(event, source=source, target=target, evidence=evidence)
