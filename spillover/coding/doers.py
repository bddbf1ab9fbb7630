"""Whose deed it was: the doer a report leaves unnamed, and the doer a condemnation is aimed at.

A deed with no doer named is by whom the side hit blames ("Azerbaijan blamed Iran for the strike"),
or by whoever expresses regret or apologises for it; a condemnation is never aimed at the victim
but at the doer found since. These rules of the dyad fill (:mod:`spillover.coding.dyad`) read the
report's other events for who did a deed; the counterparts a one-sided statement answers are in
:mod:`spillover.coding.counterparts`, whose ``inferred`` and ``implied`` sides they fill in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spillover.coding.agency import ARMED_GROUPS
from spillover.coding.counterparts import implied, implied_doer, inferred
from spillover.records import Actor, Event

#: Deeds whose unnamed doer a victim's accusation can name.
_BLAMABLE = frozenset({"ASSAULT", "COERCE"})


def blamed_doer(filled: Event, original: Event, events: Sequence[Event], country_name: dict[str, str]) -> Event:
    """A deed on a side with no doer named is by whoever that side blames for it, in the same or the next sentence.

    "A cyberattack had disrupted a gas plant near Baku, and officials blamed a hacking group linked to Iran's
    Revolutionary Guards": the victim's accusation names the doer the deed's own clause leaves out. Only an
    accusation by the side hit, against one other state (its country is the doer) or against armed rebels at
    home ("Drones struck Port Sudan ..., the government said, blaming the Rapid Support Forces": the rebels)
    or abroad (an Iraqi militia blamed for a drone attack on US troops in Syria).
    """
    target, source = original.target, original.source
    if source is not None and source.code:  # a doer named, or only the weapon ("Drones struck ...")
        return filled
    if target is None or not target.country or original.event_type not in _BLAMABLE:
        return filled
    index = original.evidence.sentence_index
    accused = {
        e.target
        for e in events
        if e.event_type == "ACCUSE"
        and index <= e.evidence.sentence_index <= index + 1
        and e.source is not None
        and e.source.country == target.country
        and e.target is not None
        and e.target.country
        # another state, or armed rebels at home ("blaming the paramilitary Rapid Support Forces")
        and (e.target.country != target.country or e.target.sector in ARMED_GROUPS)
    }
    if len({a.code for a in accused}) != 1:
        return filled
    side = next(iter(accused))
    # rebels at home, or an armed group abroad ("blamed the militia ... for the drone attack" on US troops)
    at_home = side.country == target.country
    doer = replace(side, text="(implied)", span=None) if at_home else implied_doer(side, country_name)
    return inferred(original, source=doer)


#: CAMEO's apology: regret or an apology expressed for a deed owns it.
_APOLOGY = "055"


def apologising_doer(filled: Event, original: Event, events: Sequence[Event], country_name: dict[str, str]) -> Event:
    """A deed on a side with no doer named is by the one other state that apologises for it soon after.

    "An artillery shell fired during fighting on the Iranian side of the border landed near Meghri ...
    The Iranian embassy expressed regret": regret owns the deed. Only an apology (CAMEO 055) in the same
    or the next two sentences, by one state other than the side hit and to no other side, or an apology
    the side hit demands there of one other state.
    """
    target, source = original.target, original.source
    if (source is not None and source.code) or target is None or not target.country:
        return filled
    if original.event_type not in _BLAMABLE:
        return filled
    index = original.evidence.sentence_index
    sorry = {
        e.source.country
        for e in events
        if e.cameo == _APOLOGY
        and index <= e.evidence.sentence_index <= index + 2
        and e.source is not None
        and e.source.country
        and e.source.country != target.country
        and (e.target is None or e.target.country == target.country)
    }
    # "Baku said any dialogue with Tehran required a formal apology for the drone strike": the side hit asks
    # the doer to apologise
    sorry |= {
        e.target.country
        for e in events
        if e.event_type == "REQUEST"
        and e.evidence.coder.endswith(" apology")
        and index <= e.evidence.sentence_index <= index + 2
        and e.source is not None
        and e.source.country == target.country
        and e.target is not None
        and e.target.country
        and e.target.country != target.country
    }
    if len(sorry) != 1:
        return filled
    return inferred(original, source=implied(next(iter(sorry)), country_name))


def condemn_the_doer(filled: Event, original: Event, before: Sequence[Event]) -> Event:
    """A condemnation completed with the side the report's latest attack hit goes to that attack's doer.

    ``before`` are the document's earlier events, their roles already completed. "Drones struck Port Sudan
    ..., blaming the Rapid Support Forces. Egypt condemned the attack": the fill's counterpart is Sudan, the
    side hit; the doer :func:`blamed_doer` found is the one condemned. Only when the fill chose the side the
    latest attack hit, and never an attack by the condemner's own side. With no doer named the condemnation
    keeps no target. When no counterpart dominates (a live blog of many capitals' reactions), a third
    party's condemnation goes to the latest attack's doer: "Saudi Arabia condemned what it called a
    flagrant violation of the sovereignty of Gulf states" after Iranian missiles on Bahrain and Qatar.
    """
    target = filled.target
    if original.event_type != "ACCUSE" or original.target is not None:
        return filled
    if target is None:
        return _condemn_the_latest(original, before)
    attacks = _attacks_so_far(original, before)
    if not attacks:
        return filled
    if _struck_on_its_soil(original, attacks, target):
        return filled
    latest = attacks[-1]
    doer, hit = latest.source, latest.target
    if doer is None and hit is not None and hit.code == target.code:
        # "Georgia called the attack unacceptable" after a drone strike on Nakhchivan by no one named: the
        # condemnation is of an unknown doer, not of the side hit
        return original
    if doer is None or not doer.code or hit is None or hit.country != target.country or doer.code == target.code:
        return filled
    if original.source is not None and doer.country == original.source.country:
        return filled  # not its own side's attack ("Lebanon will complain over the strikes", after Hezbollah fired)
    return replace(filled, target=replace(doer, span=None))


def _struck_on_its_soil(original: Event, attacks: Sequence[Event], target: Actor) -> bool:
    """Whether the side the fill chose struck on the condemner's own soil: that is what it protests.

    "Turkish drones struck PKK positions in northern Iraq ... the strikes followed an attack by the group
    on a Turkish outpost ... Iraq's foreign ministry protested what it called repeated violations of Iraqi
    territory": Türkiye, not the PKK of the latest attack told.
    """
    source = original.source
    if source is None or not source.country:
        return False
    return any(
        a.location is not None
        and a.location.country == source.country
        and a.source is not None
        and a.source.country == target.country != source.country
        for a in attacks
    )


def _condemn_the_latest(original: Event, before: Sequence[Event]) -> Event:
    """A third party's condemnation with no counterpart: the doer of the latest attack, if one is named."""
    source = original.source
    if original.mode not in (None, "disapprove") or original.status != "occurred":
        return original
    if source is None or not source.country:
        return original
    attacks = _attacks_so_far(original, before)
    if not attacks:
        return original
    doer, hit = attacks[-1].source, attacks[-1].target
    if doer is None or not doer.country or hit is None or source.country in (doer.country, hit.country):
        return original  # a doer unknown, or the condemner's own side in the attack
    return inferred(original, target=replace(doer, span=None))


def _attacks_so_far(original: Event, before: Sequence[Event]) -> list[Event]:
    """The attacks told up to the event's sentence that hit a named country, in order."""
    index = original.evidence.sentence_index
    return [
        e for e in before
        if e.event_type == "ASSAULT" and e.status in ("occurred", "attempted") and e.evidence.sentence_index <= index
        and e.target is not None and e.target.country
    ]  # fmt: skip
