"""Series of weapons: "the first drone", "a second one", "the missile" continue a deed told before.

An attack told with a weapon of a series often names no doer of its own ("A second drone came
down near a school"); :func:`next_in_series` says when a clause is such a continuation and
:func:`continued_deed` finds the deed it continues, with its doer and target.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spillover.actors.positions import previous_sentence_start
from spillover.coding.roles import rule_pattern

if TYPE_CHECKING:
    from spacy.tokens import Token

    from spillover.records import Actor, Event


#: Words that make a weapon the next of a series told before ("a *second* drone", "*another* missile"), or
#: single out one of the weapons just told ("two drones hit Nakhchivan. *The first* drone struck the airport").
_SERIES_WORDS = frozenset({"first", "second", "third", "fourth", "another", "other", "last"})
#: Words that stand alone for one weapon of a series ("One struck the terminal", "the other exploded").
_SERIES_PRONOUNS = frozenset({"one", "other", "another", "second", "third"})
#: Words for a part of a group of weapons ("most of the missiles", "some of the drones").
_PARTS = frozenset({"most", "some", "all", "many", "several", "half", "two", "three", "four", "five"})
#: Weapons that "the" refers back to ("Iran launched a drone at Baku. *The drone* struck a depot").
_WEAPONS = frozenset({"drone", "uav", "missile", "rocket", "projectile", "shell", "bomb", "warplane", "jet"})


def next_in_series(tok: Token, weapon_object: bool = False) -> bool:
    """Whether the trigger's weapon is the next of a series ("A second drone exploded near a school").

    The weapon is the subject, or with ``weapon_object`` the object ("shot down a second drone").
    """
    deps = ("dobj", "nsubjpass") if weapon_object else ("nsubj", "nsubjpass")
    weapons = [c for c in tok.children if c.dep_ in deps]
    # "intercepted most of the missiles": the part stands for the weapons it is part of
    weapons = [_whole(w) if w.lower_ in _PARTS else w for w in weapons]
    if any(w.lower_ in _SERIES_PRONOUNS for w in weapons):
        return True  # "two drones came from Iran. *One* struck the terminal and *the other* exploded"
    return any(
        m.lower_ in _SERIES_WORDS or (m.lower_ == "the" and w.lemma_.lower() in _WEAPONS)
        for w in weapons
        for m in w.children
        if m.dep_ in ("amod", "det")
    )


def part_of_salvo(tok: Token) -> bool:
    """Whether the weapon object or passive subject of ``tok`` is a part of a group ("most of the missiles")."""
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ in _PARTS for c in tok.children)


def _whole(part: Token) -> Token:
    """The group a part is of ("most *of the missiles*" → missiles), else the part itself."""
    wholes = [o for p in part.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return wholes[0] if wholes else part


def series_weapon(tok: Token) -> str | None:
    """The weapon a series pronoun stands for: the nearest weapon noun told before it.

    "Most of the rockets were intercepted, but *one* hit a house": the rockets, not the air strike told
    in the sentence before. Looks back through the trigger's sentence and the one before it.
    """
    pronoun = any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _SERIES_PRONOUNS for c in tok.children)
    if not pronoun:
        return None
    for i in range(tok.i - 1, previous_sentence_start(tok) - 1, -1):
        lemma = tok.doc[i].lemma_.lower()
        if tok.doc[i].pos_ == "NOUN" and lemma in _WEAPONS:
            return lemma
    return None


def continued_deed(
    events: list[Event],
    event_type: str,
    mode: str | None,
    status: str | None,
    sentence_index: int,
    weapon_mode: str | None = None,
    weapon: str | None = None,
) -> Event | None:
    """The deed just told that an actorless one continues: same type, mode and status, two sentences back at most.

    "The security service broke up a network working for the IRGC. [...] Nine suspects were detained":
    the detentions are that operation's, by the same side against the same one. The latest such
    event counts, and only when it names both sides. The caller asks for a passive clause with its own
    subject: "those detained" only recalls the arrests. An actorless attack told after another is
    mostly the same attack told again ("It was the second such interception"), so an attack continues
    one only as the next of a series (:func:`next_in_series`); ``mode`` and ``status`` None accept
    any (a second drone may be shot down after the first struck), and the doer is then enough;
    an attack with the same weapon (``weapon_mode``) is then preferred: "the missile was intercepted"
    continues the missile fired, not the air strike told after it; likewise a series pronoun's
    ``weapon`` (:func:`series_weapon`): the deed whose pattern names that weapon ("fire rocket").
    """
    if mode is None and weapon is not None:  # "one" of the rockets: the deed told with rockets
        told_with = [e for e in events if weapon in rule_pattern(e.evidence.coder)[1].split()]
        found = continued_deed(told_with, event_type, None, status, sentence_index)
        if found is not None:
            return found
    if mode is None and weapon_mode is not None:
        same_weapon = [e for e in events if e.mode == weapon_mode]
        found = continued_deed(same_weapon, event_type, None, status, sentence_index)
        if found is not None:
            return found
    fallback = None
    for prior in reversed(events):
        if (prior.evidence.sentence_index or 0) < sentence_index - 2:
            break
        same_mode = mode is None or prior.mode == mode
        same_status = status is None or prior.status == status
        named = prior.source is not None and (prior.target is not None or status is None)
        if prior.event_type == event_type and same_mode and same_status and named:
            if status is not None or (prior.target is not None and prior.target.country):
                return prior
            # "two drones slammed into Nakhchivan, wounding four civilians": the country struck, not its people
            fallback = fallback or prior
    return fallback


def earlier_target(
    events: list[Event], event_type: str, sentence_index: int, weapon_mode: str | None, doers: set[str | None]
) -> Actor | None:
    """The side the weapons a doer's deed names with "the" hit when told before (:func:`continued_deed`).

    "Azerbaijan said the drones had come from Iran": the drones told before, which hit Azerbaijan. Not a
    side of the doer's own.
    """
    prior = continued_deed(events, event_type, None, None, sentence_index, weapon_mode)
    if prior is None or prior.target is None or prior.target.country in doers:
        return None
    return prior.target


def unclaimed_deed(events: list[Event], event_type: str, sentence_index: int) -> Event | None:
    """The latest deed of ``event_type`` four sentences back at most that hit a named country and has no doer.

    "A drone struck the airport terminal. A second drone came down near a school": nobody is named as the
    sender of either, but the second hit the side the first did. "A second" looks further back than a
    bare continuation does: it says there was a first.
    """
    for prior in reversed(events):
        if (prior.evidence.sentence_index or 0) < sentence_index - 4:
            return None
        if prior.event_type == event_type and prior.source is None and prior.target and prior.target.country:
            return prior
    return None
