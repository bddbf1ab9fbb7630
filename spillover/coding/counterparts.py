"""Which counterpart a one-sided statement answers, read from the deeds the report tells.

The dyad fill (:mod:`spillover.coding.dyad`) completes a statement with the country a report
mentions most; these rules come first, because the report's own deeds often say better: a third
party's help goes to the side attacked, a side's warning to its attacker, a sanctioned side's threat
to its sanctioner, a state's protest to whoever struck on its soil, a bystander's concern to the
attacker, an admission to the victim and a denial to its accuser; help to no one named goes to the one
side hit. Each returns the event unchanged when its case does not apply. Who did a deed with no doer
named, and whom a condemnation is aimed at, is read in :mod:`spillover.coding.doers`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace

from spillover.coding.agency import ARMED_GROUPS
from spillover.coding.roles import rule_pattern
from spillover.records import Actor, Event

#: A side must be named this often to be a report's counterpart or one of its two sides.
MIN_MENTIONS = 3
#: Confidence factor of an event completed by inference.
CONFIDENCE_FACTOR = 0.8


def inferred(
    event: Event, *, source: Actor | None = None, target: Actor | None = None, event_id: str | None = None
) -> Event:
    """``event`` with the side the dyad rules inferred (given roles replace its own), marked ``+dyad``, less sure."""
    return replace(
        event,
        id=event_id or event.id,
        source=source or event.source,
        target=target or event.target,
        evidence=replace(event.evidence, coder=event.evidence.coder + "+dyad"),
        confidence=round(event.confidence * CONFIDENCE_FACTOR, 3),
    )


def implied(country: str, country_name: dict[str, str]) -> Actor:
    """The country the dyad rules infer, as an actor whose text says it was not written."""
    return Actor(text="(implied)", name=country_name.get(country, country), code=country, country=country)


def implied_doer(actor: Actor, country_name: dict[str, str]) -> Actor:
    """A doer the report names elsewhere, as the side it fills in: an armed group itself, a state's organ its state.

    "Blamed the militia ... for the drone attack" on US troops fills in the militia; "blamed a hacking group
    linked to Iran's Revolutionary Guards" fills in Iran.
    """
    if actor.sector in ARMED_GROUPS:
        return replace(actor, text="(implied)", span=None)
    return implied(actor.country or "", country_name)


def side_with_the_attacked(
    filled: Event, original: Event, attacks: set[tuple[str, str]], country_name: dict[str, str]
) -> Event:
    """A third party's support goes to the side that was attacked, not to its attacker.

    "Georgia and Turkey pledged to help protect the pipeline" in a report where Iran attacked
    Azerbaijan: the dyad fill's most-mentioned counterpart may be Iran, but cooperation (quad
    class 1 or 2) by someone outside the fight is for Azerbaijan. Only when the report names the
    attacks in one direction between the counterpart and that side.
    """
    target, source = filled.target, original.source
    if original.target is not None or target is None or source is None or filled.quad_class not in (1, 2):
        return filled
    attacked = {b for a, b in attacks if a == target.country and (b, a) not in attacks}
    if len(attacked) != 1 or source.country in attacked or any(source.country in pair for pair in attacks):
        return filled
    (side,) = attacked
    return replace(filled, target=implied(side, country_name))


#: Words of a deed done back at an attacker ("returned fire", "retaliated").
_RETURNING = frozenset({"return", "retaliate"})


def against_its_attacker(
    filled: Event, original: Event, attacks: set[tuple[str, str]], country_name: dict[str, str]
) -> Event:
    """A side's verbal conflict goes to whoever attacked it in the report, not to the story's main country.

    "Ankara warned that it would respond to any further violation of its airspace" after an Iranian
    missile was intercepted over Turkey, in a report mostly about Azerbaijan: the dyad fill's most
    mentioned counterpart would be Azerbaijan, but Turkey's warning (quad class 3) is to Iran. Only
    when exactly one country is named attacking the speaker's.
    """
    target, source = filled.target, original.source
    if original.target is not None or source is None or not source.country:
        return filled
    # "Azerbaijan's army returned fire at the launch site across the border": fire returned is at the attacker
    returned = filled.quad_class == 4 and bool(_RETURNING & set(rule_pattern(original.evidence.coder)[1].split()))
    if filled.quad_class != 3 and not returned:
        return filled
    attackers = {a for a, b in attacks if b == source.country}
    if len(attackers) != 1 or (target is not None and target.country in attackers):
        return filled
    (side,) = attackers
    if target is None:  # "Qatar said it reserved the right to respond": no counterpart dominates, its attacker does
        return inferred(original, target=implied(side, country_name))
    return replace(filled, target=implied(side, country_name))


def against_its_sanctioner(filled: Event, original: Event, events: Sequence[Event]) -> Event:
    """A sanctioned side's threat with no counterpart goes to whoever sanctioned it.

    "Iran reserved the right to take reciprocal measures" after EU ministers imposed asset freezes on
    Iran's Revolutionary Guards: the warning is to the EU, an organisation no country count can find.
    Only when the report names exactly one sanctioner of the speaker's country.
    """
    source = original.source
    if original.target is not None or filled.target is not None or source is None or not source.country:
        return filled
    if filled.quad_class != 3:
        return filled
    sanctioners = {
        e.source.code: e.source
        for e in events
        if e.event_type == "SANCTION" and e.source is not None and e.source.code and e.target is not None
        and e.target.country == source.country and e.source.country != source.country
    }
    if len(sanctioners) != 1:
        return filled
    (side,) = sanctioners.values()
    return inferred(original, target=replace(side, text="(implied)", span=None))


#: Kinds of coercion that hold someone or something until released.
_HOLDING = frozenset({"confiscate", "arrest", "seize", "abduct", "detain"})


def release_from_the_holder(filled: Event, original: Event, events: Sequence[Event]) -> Event:
    """A demand for a release with no addressee goes to whoever holds what is to be released.

    "Britain and France demanded the immediate release of the tanker and its crew" after Iran's
    Revolutionary Guards seized it: the demand is of Iran. Only a row that names the release, only the
    latest seizure or arrest told up to the demand, and never one of the demander's own side.
    """
    source = original.source
    if original.event_type != "REQUEST" or original.target is not None or source is None:
        return filled
    if "release" not in rule_pattern(original.evidence.coder)[1].split():
        return filled
    index = original.evidence.sentence_index
    for event in reversed(events):
        if event.evidence.sentence_index > index or event.event_type != "COERCE" or event.mode not in _HOLDING:
            continue
        holder = event.source
        if holder is None or not holder.country or holder.country == source.country:
            return filled
        return inferred(original, target=replace(holder, text="(implied)", span=None))
    return filled


def against_the_intruder(
    filled: Event, original: Event, events: Sequence[Event], country_name: dict[str, str]
) -> Event:
    """A state's protest with no counterpart goes to whoever struck a third side on its soil.

    "Syria's foreign ministry condemned what it called a violation of its sovereignty" after an Israeli
    strike in eastern Syria killed an Iranian commander: the protest is Israel's, which no count of
    mentions would find. Only when exactly one such intruder is named.
    """
    source = original.source
    if original.target is not None or source is None or not source.country or filled.quad_class != 3:
        return filled
    intruders = {
        e.source.country
        for e in events
        if e.event_type == "ASSAULT" and e.source is not None and e.source.country and e.location is not None
        and e.location.country == source.country and e.source.country != source.country
        and (e.target is None or e.target.country != source.country)
    }
    if len(intruders) != 1:
        return filled
    (side,) = intruders
    if filled.target is not None and filled.target.country == side:
        return filled
    return inferred(original, target=implied(side, country_name))


def blame_the_attacker(
    filled: Event, original: Event, attacks: set[tuple[str, str]], country_name: dict[str, str]
) -> Event:
    """A bystander's disapproval goes to the side that attacked, not to the side it attacked.

    "Japan and Australia also expressed concern" after a Chinese vessel fired on a Philippine boat:
    the dyad fill's most mentioned counterpart may be the Philippines, but concern voiced by a third
    party (quad class 3) is about China's deed. The mirror of :func:`side_with_the_attacked`, under
    the same conditions: the report names attacks in one direction only, and the speaker is in none.
    """
    target, source = filled.target, original.source
    if original.target is not None or target is None or source is None:
        return filled
    if filled.quad_class != 3 and filled.event_type != "ACCUSE":  # also a concern remark (012) told after a deed
        return filled
    attackers = {a for a, b in attacks if (b, a) not in attacks}
    if len(attackers) != 1 or source.country in attackers or any(source.country in pair for pair in attacks):
        return filled
    (side,) = attackers
    return filled if target.country == side else replace(filled, target=implied(side, country_name))


def owned_to_the_victim(
    filled: Event,
    original: Event,
    attacks: set[tuple[str, str]],
    country_name: dict[str, str],
    here: AbstractSet[str] = frozenset(),
) -> Event:
    """An admission or apology with no addressee goes to the one side its author is told attacking.

    "Iranian officials ... then admitted the strike two days later", in a report that tells Iranian
    drones striking Nakhchivan: owning up is addressed to Azerbaijan. The side struck in the apology's own
    sentence comes first (``here``, also by attacks too unsure to keep): "Pezeshkian apologised for the
    drone that was shot down near Dogubayazit" is owed to Türkiye, whatever else Iran is told attacking.
    """
    source = original.source
    if original.event_type != "CONCEDE" or original.target is not None or source is None or not source.country:
        return filled
    victims = set(here) - {source.country}
    if len(victims) != 1:
        victims = {b for a, b in attacks if a == source.country}
    if len(victims) != 1:
        return filled
    (side,) = victims
    return inferred(original, target=implied(side, country_name))


def spare_the_victim(
    filled: Event, original: Event, victims: set[str], counts: Counter[str], country_name: dict[str, str]
) -> Event:
    """A condemnation of an attack on a country does not condemn that country.

    "Kazakhstan condemned what it called an unprovoked attack on Azerbaijani territory", in a report
    that names Azerbaijan most: the fill's counterpart would be the victim. The next most mentioned
    country stands in (when it has ``MIN_MENTIONS``), else the target stays open.
    """
    source, target = original.source, filled.target
    if original.target is not None or target is None or source is None or filled.event_type != "ACCUSE":
        return filled
    if target.country not in victims:
        return filled
    others = [c for c, n in counts.most_common() if c not in victims and c != source.country and n >= MIN_MENTIONS]
    return inferred(original, target=implied(others[0], country_name)) if others else original


#: Events that charge or act against a country, which its rejection answers.
_CHARGES = frozenset({"ACCUSE", "COERCE", "SANCTION", "REQUEST", "THREATEN"})
#: Words of a rejection pattern that name a demand ("reject demand", "reject call").
_DEMANDS = frozenset({"demand", "call", "request", "appeal"})


def to_the_accuser(filled: Event, original: Event, before: Sequence[Event], country_name: dict[str, str]) -> Event:
    """A rejection with no named target answers whoever last charged or acted against the rejecter.

    ``before`` are the document's earlier events, their targets already completed.

    "Iran's embassy in Baku dismissed the allegations as fabricated", after Azerbaijan's security
    service said it had broken up a network working for the IRGC: the allegations are Azerbaijan's,
    even in a report that mentions Turkey more often. A rejected demand answers the last demand made of
    the rejecter, also by a body of states ("rejected the demand" the EU's foreign policy chief made).
    """
    source = original.source
    if original.event_type != "REJECT" or original.target is not None or source is None or not source.country:
        return filled
    # "rejected the demand": the demand told before, also a body's ("the EU's foreign policy chief urged Iran")
    demand = bool(_DEMANDS & set(rule_pattern(original.evidence.coder)[1].split()[1:]))
    for event in reversed(before):
        accuser, accused = event.source, event.target
        side = (accuser.country or (accuser.code if demand else None)) if accuser is not None else None
        kinds = {"REQUEST"} if demand else _CHARGES
        if event.event_type not in kinds or accuser is None or accused is None or not side:
            continue
        if accused.country == source.country and side != source.country:
            if filled.target is not None and (filled.target.country or filled.target.code) == side:
                return filled
            answered = implied(side, country_name) if accuser.country else replace(accuser, text="(implied)", span=None)
            return inferred(original, target=answered)
    return filled


#: Types of help a bystander gives the side hit.
_HELP = frozenset({"AID", "AGREE", "SUPPORT", "COOPERATE"})


def help_to_the_hit(filled: Event, original: Event, events: Sequence[Event], country_name: dict[str, str]) -> Event:
    """Help offered to no one named goes to the one side the report tells being hit, when nothing else decides.

    "Georgia's prime minister voiced concern and offered medical help", in a round-up of reactions to a drone
    attack in Nakhchivan whose doer the report does not name: the help is for Azerbaijan (the concern is
    not). Only help, support and offers by an outsider, only when every attack the report tells hit that
    one country.
    """
    source = original.source
    if filled.target is not None or source is None or not source.country or filled.event_type not in _HELP:
        return filled
    if original.status != "occurred":  # "ready to help the two neighbours settle the dispute": whose, is open
        return filled
    hit = {
        e.target.country
        for e in events
        if e.event_type == "ASSAULT" and e.target is not None and e.target.country and e.status != "denied"
    }
    if len(hit) != 1 or source.country in hit:
        return filled
    (side,) = hit
    return inferred(original, target=implied(side, country_name))
