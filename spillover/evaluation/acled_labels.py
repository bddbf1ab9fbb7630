"""How a CASE 2021 snippet's coded events become the one event ACLED would file it under.

ACLED files a snippet by its main event, with conventions of its own: a protest the police break up is
one "protest with intervention", force on protesters is "excessive" only when lethal or injuring,
fighting that changed territory (and fighters captured in it) is filed under the change, a weapon type
(chemical, suicide bomb, grenade) defines the event whatever else happened, and armed violence against
civilians is an attack, not a battle. :func:`snippet_event` applies these to the most confident event of the snippet;
:mod:`spillover.evaluation.case2021` maps the result to a label.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from spillover.evaluation.metrics import NO_EVENT, best_event
from spillover.records import Event

_STATE = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
_NONSTATE = frozenset({"REB", "INS", "UAF", "OPP"})


def actor_class(event: Event) -> str:
    """``state``/``nonstate`` from the source actor's sector, ``*`` when it says neither."""
    sector = (event.source.sector or "").upper() if event.source is not None else ""
    if sector in _STATE:
        return "state"
    if sector in _NONSTATE:
        return "nonstate"
    return "*"


#: Kinds of report with no political event at all; when the classifier reads a whole snippet as one of
#: these, an event weaker than :data:`WEAK_EVENT` is taken for a misfiring rule ("floods killed 12").
NON_POLITICAL = frozenset({"NONE/natural", "NONE/accident", "NONE/crime"})
WEAK_EVENT = 0.3


#: CAMEO codes of a claim (015) or denial (016) of responsibility for a deed.
RESPONSIBILITY_CODES = frozenset({"015", "016"})
#: Coercion modes that, next to a protest in the same snippet, are ACLED's "intervention" in it.
INTERVENTION_MODES = frozenset({"arrest", "restrict"})
#: A protest weaker than this is not taken as the snippet's subject by the intervention rule.
PROTEST_FLOOR = 0.1
#: A riot this weak still makes policing beside it ACLED's violent demonstration (protesters' violence decides).
RIOT_FLOOR = 0.05
#: Protest modes in which the crowd itself is violent.
CROWD_VIOLENCE = frozenset({"riot", "mob"})
#: A riot this strong makes the protest it is told beside a violent demonstration.
PROTEST_RIOT_FLOOR = 0.3
#: Modes of fighting that ACLED files under the territory it changed, when the snippet says territory changed.
CLASH_MODES = frozenset({"firearms", "sideAB"})
#: Sectors of people who are not an armed, organised side: ACLED files armed violence against them as an attack
#: (violence against civilians), not as a battle, whatever the weapon.
CIVILIAN_SECTORS = frozenset({"CVL", "EDU", "HLH", "REL", "MED", "REF", "LAB", "BUS", "NGO"})
#: Head words of a target that do not say whether the dead were civilians or fighters.
GENERIC_VICTIMS = ("people", "persons")
#: Types of what parties say or agree, and of the deeds ACLED files: a snippet the classifier reads as a deed, with
#: a rule event of that deed (:data:`WEAK_EVENT` or more), is about the deed even when a said thing scored higher.
VERBAL_TYPES = frozenset(
    {"CONSULT", "ACCUSE", "REQUEST", "SUPPORT", "REJECT", "THREATEN", "AGREE", "CONCEDE", "SANCTION", "AID",
     "COOPERATE"}
)
MATERIAL_TYPES = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE"})
#: Sectors of armed, organised sides: fire exchanged with them is a battle.
ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "INS", "UAF", "SPY"})
#: The classifier's label for violence against civilians (gunmen killing villagers, attackers beating people).
ONE_SIDED_KIND = "ASSAULT/beat"
#: The (ext) mode of armed violence against civilians: an attack, in the mapping table.
ONE_SIDED = "one-sided"
#: A capture of territory weaker than this does not take over a clash.
SEIZE_FLOOR = 0.4
#: Weapons that define an ACLED sub-event type whatever else the snippet tells, most defining first
#: (a chemical weapon fired in shells is a chemical weapon event); modes not listed rank 0.
WEAPON_RANK = {
    "unconventional": 4,
    "chemical": 4,
    "cbrn": 4,
    "suicide-attack": 3,
    "grenade": 2,
    "explosives": 2,
}
#: A weapon-named attack weaker than this does not outrank the best attack.
WEAPON_FLOOR = 0.05
WEAPON_STATUSES = frozenset({"occurred", "alleged"})
#: Verbal acts that, said by someone who is neither a state organ nor an armed group, are what a protest
#: beside them says (ACLED codes the protest; the diplomatic label is for governments' statements).
PROTEST_SPEECH = frozenset({"REQUEST", "REJECT", "ACCUSE", "THREATEN", "SUPPORT"})
#: CAMEO code of a dispersal ("police dispersed the crowd"): it presupposes a gathering, so ACLED files it under
#: the protest it broke up even when the snippet names no protest event of its own.
DISPERSAL_CODE = "170"
#: Types of the deeds ACLED files: what a condemnation names when it names no one it is aimed at.
DEED_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST"})
#: ACLED's line between a protest with intervention and excessive force against protesters: force is
#: "excessive" when it is lethal or causes serious injury (live fire, deaths, injuries); tear gas, water
#: cannon, rubber bullets, arrests and dispersal alone are an intervention. Read in the sentences of the
#: policing events, so a death told elsewhere in the snippet (what the protest is about) does not count.
SEVERE_FORCE = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|dead|deadly|deaths?|died|fatal(?:ly)?|lethal|live (?:ammunition|fire|rounds|bullets)"
    r"|(?<!rubber )bullets|injur(?:ed|ies|y)|wounded|violently|excessive force)\b",
    re.IGNORECASE,
)


def snippet_event(events: Sequence[Event], kind: str | None) -> Event | None:
    """The snippet's event (:func:`_pick`), with force against protesters graded as ACLED grades it.

    A protest that is dispersed or policed is ACLED's protest with intervention unless the force was
    lethal or caused serious injury (:data:`SEVERE_FORCE` in a policing event's sentence), which makes
    it excessive force against protesters; tear gas or a dispersal alone is an intervention.
    """
    event = _pick(events, kind)
    if event is None:
        return None
    policed = event.event_type == "ASSAULT" and event.mode == "repression"
    if not policed and not (event.event_type == "PROTEST" and event.mode == "intervention"):
        return event
    policing = [e for e in events if _policing(e)]
    if any(SEVERE_FORCE.search(e.evidence.sentence) for e in policing):
        return event if policed else replace(event, event_type="ASSAULT", mode="repression")
    return replace(event, event_type="PROTEST", mode="intervention") if policed else event


def _pick(events: Sequence[Event], kind: str | None) -> Event | None:
    """The snippet's event: the most confident one, with snippet-level readings.

    * A condemnation aimed at no actor, of a deed told after it in its sentence ("condemned the house
      arrest of ..."), is that deed (:func:`_condemned_deed`): ACLED files the deed, not the criticism.
    * None when a weak event contradicts a non-political reading of the snippet ("floods killed 12"), or
      when the best event is an investigation of what the classifier reads as an accident, crime or hazard.
    * A best event that is said or agreed yields to a rule event of the deed the classifier reads the
      snippet as (:func:`_told_deed`).
    * A deed whose responsibility is claimed or denied (CAMEO 015/016) is an attribution, read as
      ACCUSE/allege.
    * ACLED files a protest that the authorities disperse or arrest as one event, a protest with
      intervention: when the best event is an arrest or a dispersal and the snippet also reports a
      protest, the snippet's event is that protest, with mode ``intervention``; the other way
      round, a protest told beside force used on the protesters is that force, and beside arrests
      or a dispersal it is a protest with intervention.
    * A demand, rejection or condemnation by a speaker who is neither a state organ nor an armed group,
      beside a protest (or its repression), is what that protest says: the snippet is the protest.
    * Policing beside a riot is a violent demonstration: ACLED labels by the demonstrators' violence; so is
      a peaceful-looking protest beside a riot of :data:`PROTEST_RIOT_FLOOR` or more (the crowd turned violent).
    * ACLED files fighting in which territory changed hands under the change ("clashing with
      insurgents and capturing a village" is the government regaining territory): a clash, or a capture
      of people, beside a capture of territory is that capture.
    * An attack the lexicon names by a weapon that defines an ACLED sub-event type (chemical, suicide
      bomb, grenade, remote explosive) outranks a stronger attack of a less defining kind
      (:func:`_signature_weapon`).
    * A best event without a mode takes the classifier's label for the snippet when that label
      names another type or a mode: the rules saw that something happened, the snippet says how.
    * Armed violence against civilians (a clash mode with a civilian target, or with no armed target in a
      snippet the classifier reads as violence against civilians) is ACLED's attack, not a battle: read
      with the (ext) mode ``one-sided``.
    """
    event = best_event(events)
    deed = _condemned_deed(events, event) if event is not None else None
    if event is not None and deed is not None:
        # "rights groups condemned the house arrest of ...": ACLED files the arrest, not the criticism; the
        # classifier's reading of the snippet is the criticism, so it does not decide the deed's kind
        rest = [e for e in events if e is not deed and not (e.event_type == "ACCUSE" and e.mode == "disapprove")]
        return _pick([replace(deed, confidence=event.confidence), *rest], None)
    if event is not None and kind in NON_POLITICAL and event.confidence < WEAK_EVENT:
        return None
    if event is not None and kind in NON_POLITICAL and event.event_type == "ACCUSE" and event.mode == "investigate":
        return None  # "police are investigating a crash": the investigation is about the accident ACLED files
    if event is not None:
        event = _told_deed(events, event, kind)
    if event is not None and event.cameo in RESPONSIBILITY_CODES:
        # a claim or denial of a part in an attack is ACLED's attribution, like an allegation
        return replace(event, event_type="ACCUSE", mode="allege")
    if event is not None and event.event_type in PROTEST_SPEECH and actor_class(event) == "*":
        # what protesters demand, reject or denounce is the content of their protest, not a diplomatic event
        protest = _strongest(events, _protest_told, PROTEST_FLOOR)
        if protest is not None:
            event = replace(protest, confidence=event.confidence)
    if event is not None and _policing(event):
        riot = _strongest(events, lambda e: e.event_type == "PROTEST" and e.mode == "riot", RIOT_FLOOR)
        if riot is not None:  # "pepper-sprayed after she climbed a police vehicle and threw bottles"
            return replace(riot, confidence=event.confidence)
    if event is not None and event.event_type == "PROTEST" and event.mode not in CROWD_VIOLENCE:
        riot = _strongest(events, lambda e: e.event_type == "PROTEST" and e.mode == "riot", PROTEST_RIOT_FLOOR)
        if riot is not None:  # "thousands marched; clashes broke out between police and protesters"
            return replace(riot, confidence=event.confidence)
    if event is not None and event.event_type == "COERCE" and event.mode in INTERVENTION_MODES:
        protest = _strongest(events, _protest_told, PROTEST_FLOOR)
        if protest is not None:
            return replace(protest, event_type="PROTEST", mode="intervention", confidence=event.confidence)
        if event.cameo == DISPERSAL_CODE:  # "police dispersed the crowd": a gathering was broken up
            return replace(event, event_type="PROTEST", mode="intervention")
    if event is not None and event.event_type == "PROTEST" and event.mode == "demo":
        # the same story told from the protest's side: the policing decides the ACLED label
        police = _strongest(events, _policing, PROTEST_FLOOR)
        if police is not None:
            if police.event_type == "ASSAULT":
                return police
            return replace(event, mode="intervention")
    if event is not None and _taken_with_ground(event):
        capture = _strongest(events, lambda e: e.event_type == "COERCE" and e.mode == "seize", SEIZE_FLOOR)
        if capture is not None:
            return capture
    if event is not None and event.event_type == "ASSAULT":
        weapon = _signature_weapon(events, event)
        if weapon is not None:
            return replace(weapon, confidence=event.confidence)
    kind_type, kind_mode = kind_parts(kind)
    # a vague best event ("killed", "demand") yields to the classifier's reading of the whole snippet
    if (
        event is not None
        and event.mode is None
        and kind_type != NO_EVENT
        and (kind_type != event.event_type or kind_mode is not None)
    ):
        event = replace(event, event_type=kind_type, mode=kind_mode)
    if event is not None and (_one_sided(event) or _read_one_sided(event, kind)):
        # "gunmen opened fire on worshippers": no armed side fired back, so not a battle
        return replace(event, mode=ONE_SIDED)
    return event


def kind_parts(kind: str | None) -> tuple[str, str | None]:
    """The PLOVER type (``NONE`` without a reading) and mode of a classifier label such as ``COERCE/confiscate``."""
    if not kind:
        return NO_EVENT, None
    kind_type, _, kind_mode = kind.partition("/")
    return kind_type, kind_mode or None


def _strongest(events: Sequence[Event], wanted: Callable[[Event], bool], floor: float) -> Event | None:
    """The most confident of the events ``wanted`` accepts at ``floor`` or above (the first on ties), or None."""
    found = [e for e in events if wanted(e) and e.confidence >= floor]
    return max(found, key=lambda e: e.confidence) if found else None


def _signature_weapon(events: Sequence[Event], best: Event) -> Event | None:
    """An attack with a weapon ACLED files on its own, that outranks the snippet's best attack, or None.

    ACLED's remote-violence sub-types are defined by the weapon, whoever used it and however the rest of the
    story went: a chemical attack is a chemical weapon event even when shells delivered it, suicide bombers
    who also exchanged fire are a suicide bombing. So an attack the lexicon coded with such a weapon (its
    trigger names the weapon: not a mode guessed by the classifier) outranks a stronger attack of a lower
    :data:`WEAPON_RANK`, at :data:`WEAPON_FLOOR` or above, when it is reported (not planned or denied).
    """
    rank = WEAPON_RANK.get(best.mode or "", 0) if _lexical_mode(best) else 0
    found = [
        e
        for e in events
        if e.event_type == "ASSAULT"
        and WEAPON_RANK.get(e.mode or "", 0) > rank
        and _lexical_mode(e)
        and e.status in WEAPON_STATUSES
        and e.confidence >= WEAPON_FLOOR
    ]
    return max(found, key=lambda e: (WEAPON_RANK[e.mode or ""], e.confidence)) if found else None


def _taken_with_ground(event: Event) -> bool:
    """Fighting (:data:`CLASH_MODES`) or captures of people, which ACLED files under ground taken beside them.

    "Seized control of the town, where they also captured a commander and several fighters": the capture of
    fighters is part of the takeover, as the fighting for it is.
    """
    if event.event_type == "ASSAULT":
        return event.mode in CLASH_MODES
    return event.event_type == "COERCE" and event.mode == "arrest"


def _one_sided(event: Event) -> bool:
    """An armed attack or fight (:data:`CLASH_MODES`) whose target is civilians (:data:`CIVILIAN_SECTORS`)."""
    if event.event_type != "ASSAULT" or event.mode not in CLASH_MODES:
        return False
    target = event.target
    if target is None or (target.sector or "").upper() not in CIVILIAN_SECTORS:
        return False
    # "12 people killed on both sides": people, persons are counted dead in battles too, so they tell nothing
    return not (target.text or "").lower().endswith(GENERIC_VICTIMS)


def _condemned_deed(events: Sequence[Event], best: Event) -> Event | None:
    """The deed a condemnation aimed at no actor names: the first one told after it in its own sentence.

    "Rights groups condemned the house arrest of the opposition leader", "decried the burning and looting
    of shops": what is condemned is a deed ACLED files on its own (:data:`DEED_TYPES`), and the condemnation
    names no target; a condemnation of a state ("condemned North Korea's defiance") is a diplomatic event.
    The deed nearest after the verb is its object; later ones are the object's circumstances.
    """
    if best.event_type != "ACCUSE" or best.mode != "disapprove" or best.target is not None:
        return None
    where, after = best.evidence.sentence_index, best.evidence.anchor
    told = [
        e
        for e in events
        if e.event_type in DEED_TYPES and e.evidence.sentence_index == where and e.evidence.anchor > after
    ]
    return min(told, key=lambda e: e.evidence.anchor) if told else None


def _told_deed(events: Sequence[Event], best: Event, kind: str | None) -> Event:
    """The deed the classifier reads the snippet as, when the best event is something said or agreed.

    "Activists rioted as the city hosted the summit": the hosting (CONSULT) scores highest, but the
    classifier reads the whole snippet as a riot and a rule found one; ACLED files the deed. Only a deed
    type (:data:`MATERIAL_TYPES`) overrides a verbal one (:data:`VERBAL_TYPES`), and only with a rule
    event of :data:`WEAK_EVENT` or more to carry its roles.
    """
    kind_type = kind_parts(kind)[0]
    if best.event_type not in VERBAL_TYPES or kind_type not in MATERIAL_TYPES:
        return best
    deed = _strongest(events, lambda e: e.event_type == kind_type, WEAK_EVENT)
    return best if deed is None else replace(deed, confidence=best.confidence)


def _read_one_sided(event: Event, kind: str | None) -> bool:
    """A gun attack on no armed side that the classifier reads, for the whole snippet, as violence against civilians.

    "Gunmen opened fire inside a mosque": the rules see shooting (a clash mode) and a place, not who was shot;
    the classifier's label for the snippet (:data:`ONE_SIDED_KIND`) says the victims were unarmed. A target
    of an armed sector (:data:`ARMED_SECTORS`) keeps it a battle whatever the classifier reads.
    """
    if kind != ONE_SIDED_KIND or event.event_type != "ASSAULT" or event.mode not in CLASH_MODES:
        return False
    target = event.target
    return target is None or (target.sector or "").upper() not in ARMED_SECTORS


def _lexical_mode(event: Event) -> bool:
    """The event's mode comes from its trigger in the lexicon, not from the classifier."""
    coder = event.evidence.coder
    return not coder.startswith("model:") and "mode:" not in coder


def _protest_told(event: Event) -> bool:
    """A protest, or the repression of one ("violently suppressed the protest" tells that there was one)."""
    return event.event_type == "PROTEST" or (event.event_type == "ASSAULT" and event.mode == "repression")


def _policing(event: Event) -> bool:
    """Force used on protesters, or their arrest or dispersal."""
    if event.event_type == "ASSAULT":
        return event.mode == "repression"
    return event.event_type == "COERCE" and event.mode in INTERVENTION_MODES
