"""Implicit targets, from the document's dyad.

News reports about a dispute keep its two sides in view: after "Iran denied
any role", a line like "Baku expected an apology" is addressed to Tehran
without saying so, and "Iran's ambassador was summoned" was summoned by the
other side. For verbal events (quad class 1 and 3) and deeds that are only
denied or alleged ("denied that its forces had launched the drones") with only one side named,
and for material conflict with a named actor but no named target ("Tajik troops opened fire
first", "China took control of the shoal"), the other side is the country the document
mentions most besides that one, if it clearly dominates; a third party's cooperation goes to the side
the report names as attacked instead of to its attacker, and a side's verbal conflict to the one the
report names attacking it. An attack that hit a side with no doer
named ("One struck the airport building, wounding three civilians") gets that counterpart as doer only
when the report names it attacking that side elsewhere; a weapon intercepted with no doer named is the
one attacker's the report names. Postures and plots face a foe the report names, not merely the country
it names most. A third party's statement to "both sides"
goes to each of them (:mod:`spillover.coding.addressees`). The event keeps a lower
confidence and its ``coder`` says ``+dyad``, so the inference is visible. The sides a deed's place
gives it are in :mod:`spillover.coding.place_sides`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from spillover.coding.addressees import both_sides
from spillover.coding.agency import ARMED_GROUPS
from spillover.coding.counterparts import (
    MIN_MENTIONS,
    against_its_attacker,
    against_its_sanctioner,
    against_the_intruder,
    blame_the_attacker,
    help_to_the_hit,
    implied,
    implied_doer,
    inferred,
    owned_to_the_victim,
    release_from_the_holder,
    side_with_the_attacked,
    spare_the_victim,
    to_the_accuser,
)
from spillover.coding.doers import apologising_doer, blamed_doer, condemn_the_doer
from spillover.records import REPORTED_STATUSES, Actor, ActorMention, Event

#: The counterpart must be mentioned at least ``MIN_MENTIONS`` times in the document and make up at
#: least this share of the other countries' mentions.
MIN_SHARE = 0.4
#: Mentions enough for the counterpart when the document names no third country.
_PAIR_MENTIONS = 2


def counterpart_counts(mentions: Sequence[ActorMention]) -> Counter[str]:
    """How often each country is mentioned (countries, capitals, demonyms, people)."""
    return Counter(m.actor.country for m in mentions if m.actor.country)


def _counterpart(counts: Counter[str], own: str, pair: frozenset[str] = frozenset()) -> str | None:
    """The country that dominates the document's mentions besides ``own``, if one does.

    In a short report that names only ``pair``, two countries it tells dealing with each other
    ("Iran's consulate in Baku asked for consular access to the detainees" after Azerbaijan detained
    Iranians), the other one is the counterpart once named twice.
    """
    others = [(c, n) for c, n in counts.most_common() if c != own]
    total = sum(n for _c, n in others)
    if not others or others[0][1] / total < MIN_SHARE:
        return None
    if others[0][1] < (_PAIR_MENTIONS if own in pair else MIN_MENTIONS):
        return None
    return others[0][0]


def _told_pair(events: Sequence[Event], counts: Counter[str]) -> frozenset[str]:
    """The two countries of a report that names no other, when one of its events has them as its sides."""
    if len(counts) != 2:
        return frozenset()
    sides = {frozenset(pair) for e in events if (pair := _countries(e)) is not None}
    return frozenset(counts) if frozenset(counts) in sides else frozenset()


def _countries(event: Event) -> tuple[str, str] | None:
    """The (source, target) countries of an event with both sides named, of two different countries."""
    source, target = event.source, event.target
    if source is None or target is None or not source.country or not target.country:
        return None
    return (source.country, target.country) if source.country != target.country else None


def _named_attacks(events: Iterable[Event]) -> set[tuple[str, str]]:
    """(attacker, attacked) countries of the attacks the document tells with both sides named."""
    return {pair for e in events if e.event_type == "ASSAULT" and (pair := _countries(e)) is not None}


def _doer_named_elsewhere(event: Event, doer: str, attacks: set[tuple[str, str]]) -> bool:
    """Whether an attack that hit a country with no doer named is one the report pins on ``doer``.

    "One struck the airport building, wounding three civilians" in a report that says an Iranian
    drone hit Nakhchivan: the doer is implied. Only when the report itself names that attacker for
    that side, so strikes on Iran in a report about Azerbaijan do not become Azerbaijan's.
    """
    target = event.target
    # an intercepted missile "heading towards its airspace" was aimed all the same
    if event.event_type != "ASSAULT" or event.status not in ("occurred", "attempted"):
        return False
    if target is None or not target.country:
        return False
    return (doer, target.country) in attacks


def fill_targets(
    events: Sequence[Event],
    counts: Counter[str],
    country_name: dict[str, str],
    struck: Mapping[int, set[str]] | None = None,
    home: str | None = None,
    unsure: Sequence[Event] = (),
) -> list[Event]:
    """Complete one-sided statements with the document's dominant counterpart.

    A statement with a source but no target gets the counterpart as target; one
    with a target but no source ("Iran's ambassador was summoned") gets it as
    source. Then an attack that hit a side with no doer named gets the counterpart as
    doer when the report, so completed, names it attacking that side elsewhere. ``struck`` gives the
    countries attacked in each sentence (by sentence index), also by attacks too unsure to be kept.
    ``home`` is the country of the story's dateline: aid sent with no destination goes there
    ("ASTARA, Azerbaijan — ... Georgia sent two planes carrying blankets"), and a statement to a
    named side by no one named comes from there (:func:`_home_side`). ``unsure`` are attacks too unsure to
    keep that still tell who attacked ("Iranian missiles aimed at Israel crossed the Gulf" before "Saudi air
    defences intercepted a missile"), read only when their confidence tells a conflict.
    """
    events = [_struck_at_home(event, home, country_name) for event in events]
    allies = _friendly_pairs(events) - _hostile_pairs(e for e in events if e.event_type != "MOBILIZE")
    events = [_not_against_an_ally(event, allies) for event in events]
    named = _named_attacks(events)
    told_too = [e for e in unsure if e.confidence >= _TOLD_CONFLICT]
    done_attacks = [e for e in (*told_too, *events) if e.status in ("occurred", "attempted")]
    done_attacks.sort(key=lambda e: e.evidence.sentence_index)
    told = _attackers(done_attacks)
    pair = _told_pair(events, counts)
    filled: list[Event] = []
    for ev in events:
        # with several attackers in the report, the one told so far: "intercepted all of the incoming missiles"
        # in a live blog that names US raids on Iran only later, as what Iran answered
        index = ev.evidence.sentence_index
        hit_here = (struck or {}).get(index, set())  # the countries attacked in the event's own sentence
        before = told if len(told) == 1 else _attackers(e for e in done_attacks if e.evidence.sentence_index <= index)
        done = _by_the_sole_attacker(_fill(ev, counts, country_name, None, pair=pair), before, country_name)
        done = side_with_the_attacked(done, ev, named, country_name)
        done = against_its_attacker(done, ev, named, country_name)
        done = against_its_sanctioner(done, ev, events)
        done = release_from_the_holder(done, ev, events)
        done = against_the_intruder(done, ev, events, country_name)
        done = blame_the_attacker(done, ev, named, country_name)
        done = owned_to_the_victim(done, ev, named, country_name, hit_here)
        done = blamed_doer(done, ev, events, country_name)
        done = apologising_doer(done, ev, events, country_name)
        done = help_to_the_hit(done, ev, events, country_name)
        done = spare_the_victim(done, ev, hit_here, counts, country_name)
        done = condemn_the_doer(done, ev, filled)
        filled.append(to_the_accuser(done, ev, filled, country_name))
    hostile = _hostile_pairs(filled)  # once the statements and deeds have their sides: postures face a foe
    filled = [_fill(e, counts, country_name, None, hostile, pair) if _faces_a_foe(e) else e for e in filled]
    attacks = _named_attacks(filled)
    completed = [_fill(event, counts, country_name, attacks, pair=pair) for event in filled]
    out: list[Event] = []
    for event, done in zip(events, completed, strict=True):
        out.extend(both_sides(event, done, counts, country_name, attacks, hostile))
    return [_home_side(event, home, counts, country_name) for event in out]


def _struck_at_home(event: Event, home: str | None, country_name: dict[str, str]) -> Event:
    """A foreign strike with no side named, told by the story's home country, hit that country.

    "KUWAIT CITY — Kuwait said an Iranian missile struck an oil storage facility near the port of
    Shuaiba": the facility is Kuwait's though the place is too small to be found. Only when the sentence
    names the home country (as the one who tells it) and the doer is another country.
    """
    source = event.source
    if home is None or event.target is not None or event.event_type != "ASSAULT":
        return event
    if event.status not in ("occurred", "attempted") or source is None or not source.country or source.country == home:
        return event
    name = country_name.get(home)
    if not name or re.search(rf"\b{re.escape(name)}\b", event.evidence.sentence) is None:
        return event
    return inferred(event, target=implied(home, country_name))


def _home_side(event: Event, home: str | None, counts: Counter[str], country_name: dict[str, str]) -> Event:
    """The side the story's home country takes when the report leaves it out and no counterpart dominates.

    Aid with no destination is sent from abroad to the country the story is filed from; a foreign
    envoy summoned with no summoner named ("Iran's ambassador was called to the foreign ministry",
    filed from Ankara) was summoned by it. Only when the story names its home country at all.
    """
    if home is None or counts.get(home, 0) == 0:
        return event
    source, target = event.source, event.target
    if event.event_type == "AID" and target is None and source is not None and source.country:
        return event if home == source.country else inferred(event, target=implied(home, country_name))
    told = event.quad_class in (1, 3) and source is None and target is not None and target.country
    # a plot with no plotter is no one's for being filed from their capital (a Tbilisi report of a foiled plot)
    plot = event.event_type == "ASSAULT" and event.status == "planned"
    if told and not plot and target is not None and target.country != home:
        return inferred(event, source=implied(home, country_name))
    return event


#: Raw score below which an event tells no conflict between its sides (see :func:`_hostile_pairs`).
_TOLD_CONFLICT = 0.25


def _hostile_pairs(events: Iterable[Event]) -> set[frozenset[str]]:
    """The pairs of countries the report tells in conflict with each other (a verbal or material one).

    Not by an event too unsure to tell anything: "broke up a plot", given the counterpart as its target
    in a report about a pipeline agreement (raw score 0.12), would make the partners foes.
    """
    sure = (e for e in events if e.confidence >= _TOLD_CONFLICT)
    return {frozenset(pair) for e in sure if e.quad_class in (3, 4) and (pair := _countries(e)) is not None}


def _friendly_pairs(events: Iterable[Event]) -> set[frozenset[str]]:
    """The pairs of countries the report tells cooperating (a verbal or material one, both sides named)."""
    return {frozenset(pair) for e in events if e.quad_class in (1, 2) and (pair := _countries(e)) is not None}


def _not_against_an_ally(event: Event, allies: set[frozenset[str]]) -> Event:
    """A mobilisation is not aimed at a country the report tells only cooperating with its source.

    "Türkiye and Azerbaijan signed a defence pact ... Turkish forces held an air defence exercise in
    Nakhchivan": the exercise is on an ally's soil, not against it (a foe may still be found for it later).
    """
    pair = _countries(event) if event.event_type == "MOBILIZE" else None
    return replace(event, target=None) if pair is not None and frozenset(pair) in allies else event


def _faces_a_foe(event: Event) -> bool:
    """A posture or a plot, whose other side is a foe the report names, not merely the country it names most.

    Georgia guarding its pipeline section in a report about an Azerbaijani plot faces no one; a plot
    Baku foiled "to blow up the line", with no plotter named, is not Georgia's for being the
    country the Tbilisi report names most.
    """
    plot = event.status == "planned" and event.source is None and event.quad_class in (3, 4)
    return event.event_type == "MOBILIZE" or plot


def _foe(counts: Counter[str], own: str, hostile: set[frozenset[str]], pair: frozenset[str]) -> str | None:
    """The counterpart of ``own`` if the report tells the two in conflict, else its one named foe."""
    country = _counterpart(counts, own, pair)
    if country is not None and frozenset((country, own)) in hostile:
        return country
    foes = {c for pair in hostile if own in pair for c in pair if c != own}
    return foes.pop() if len(foes) == 1 else None


def _fill(
    event: Event,
    counts: Counter[str],
    country_name: dict[str, str],
    attacks: set[tuple[str, str]] | None,
    hostile: set[frozenset[str]] | None = None,
    pair: frozenset[str] = frozenset(),
) -> Event:
    """One event completed: statements and aimed deeds (``attacks`` None), or hit sides' doers.

    A mobilisation, or a plot with no plotter, faces a foe (:func:`_foe`, from ``hostile``, known once
    the other events have their sides; without it they wait): Georgia stepping up security at its
    pipeline section in a report about Azerbaijan faces no one.
    """
    source, target = event.source, event.target
    known = source if source is not None else target
    if attacks is None:
        conflict = event.quad_class == 4 and target is None  # an attack or posture aimed at the other side
        wanted = event.quad_class in (1, 3) or event.status in REPORTED_STATUSES or conflict
    else:
        wanted = event.quad_class == 4 and source is None and target is not None  # a side was hit, by whom?
    if not wanted or (source is None) == (target is None) or known is None:
        return event
    if _faces_a_foe(event) and attacks is None:
        country = _foe(counts, known.country, hostile, pair) if hostile is not None and known.country else None
    else:
        country = _counterpart(counts, known.country, pair) if known.country else None
    if country is None or (attacks is not None and not _doer_named_elsewhere(event, country, attacks)):
        return event
    side = implied(country, country_name)
    return inferred(event, target=side) if target is None else inferred(event, source=side)


def _attackers(attacks: Iterable[Event]) -> dict[str, Actor]:
    """The doers told attacking, by country (an armed group by its own code), whether or not a target is named.

    "The Houthis said they had fired two anti-ship missiles at a tanker" tells an attacker as much as
    "Israeli strikes on the port of Hodeidah" does, though the tanker is no one's named side.
    """
    doers: dict[str, Actor] = {}
    for e in attacks:
        source = e.source
        if e.event_type == "ASSAULT" and source is not None and source.country:
            doers.setdefault(source.code if source.sector in ARMED_GROUPS and source.code else source.country, source)
    return doers


def _by_the_sole_attacker(event: Event, attackers: dict[str, Actor], country_name: dict[str, str]) -> Event:
    """A weapon intercepted with no doer named is the one attacker's the report tells (``attackers``).

    "Qatar said its air defences intercepted seven missiles aimed at the Al Udeid air base", in a live
    blog whose only attacker named is Iran ("Iran launched missiles at ... Manama"): what was shot down
    was Iran's, though no country dominates the blog's mentions. Only interceptions (a weapon that
    was fired by someone), only attacks told as done (a denied one names no attacker), and only when
    that one attacker is not of the side hit. An armed group keeps its own code ("a US destroyer shot
    down a third missile" after the Houthis fired two).
    """
    target = event.target
    if event.event_type != "ASSAULT" or event.status != "attempted" or event.source is not None:
        return event
    if target is None or not target.country or len(attackers) != 1:
        return event
    attacker = next(iter(attackers.values()))
    if attacker.country == target.country or not attacker.country:
        return event
    return inferred(event, source=implied_doer(attacker, country_name))
