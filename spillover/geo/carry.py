"""Places carried over to later mentions of a deed, and what counts as a deed for placing.

Follow-up sentences rarely repeat where something happened ("A drone struck Nakhchivan airport ...
Iran denied that its forces had launched the drones"): :func:`carry_places` gives such a deed the
place of the same deed told before. :func:`is_deed` says which events are placed where they
happened rather than where they were spoken, which both the locator and the carrying use.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spillover.records import REPORTED_STATUSES, Event, Place

#: Types of force, placed at their object even when only planned or threatened.
FORCEFUL_TYPES = frozenset({"ASSAULT", "COERCE"})


def place_conf(place: Place) -> float:
    """Resolution confidence of a place (1.0 when the resolver gave none)."""
    return place.confidence if place.confidence is not None else 1.0


def is_deed(event: Event) -> bool:
    """A deed (quad 2/4), or one only denied or alleged: placed where it happened, not where it was spoken.

    A force that was only planned or threatened is placed where it would have struck: "a cell that
    had planned to attack the Baku-Tbilisi-Ceyhan pipeline" (CAMEO 138x, quad 3) is about the pipeline.
    """
    if event.status in ("planned", "threatened") and event.event_type in FORCEFUL_TYPES:
        return True
    return event.quad_class in (2, 4) or event.status in REPORTED_STATUSES


def carry_places(events: Sequence[Event]) -> list[Event]:
    """Give a deed whose own sentence names no place the place of the same deed reported earlier.

    Follow-up sentences rarely repeat the place: "A drone struck Nakhchivan airport ... Iran denied
    that its forces had launched the drones." A deed (or a denied or alleged one) placed only by a
    fallback (no toponym of its own: ``span`` is None) takes the place of the latest earlier event
    of the same type by the same side against the same target (each as far as it is known), at a
    lower confidence.
    ``events`` are one document's, in reading order.
    """
    out: list[Event] = []
    for event in events:
        out.append(_carried(event, out) or event)
    return out


def _carried(event: Event, earlier: Sequence[Event]) -> Event | None:
    own = event.location
    if not is_deed(event) or (own is not None and own.span is not None):
        return None
    source = event.source.country if event.source is not None else None
    target = event.target.country if event.target is not None else None
    if not (source or target):
        return None
    plan = event.status in ("planned", "threatened")
    for prev in reversed(earlier):
        place = prev.location
        if prev.event_type != event.event_type or place is None or place.span is None:
            continue
        if plan != (prev.status in ("planned", "threatened")):
            continue  # a plot against the pipeline is not where the last strike hit
        if place.precision not in ("point", "city", "admin"):
            continue
        prev_source = prev.source.country if prev.source is not None else None
        prev_target = prev.target.country if prev.target is not None else None
        if (target and (prev_target != target or place.country != target)) or (source and source != prev_source):
            continue
        if own is not None and own.country not in (None, place.country):
            return None
        return replace(event, location=replace(place, confidence=round(0.6 * place_conf(place), 3)))
    return None


#: How many sentences a scene stays open for deeds by unnamed groups ("Security forces fired tear gas").
SCENE_SENTENCES = 1


def scene_place(event: Event, sentence_index: int, scene: tuple[int, Place] | None) -> Place | None:
    """The place of the scene just told, for a deed by or against unnamed groups that names no place.

    "Thousands took to the streets of Tabriz. Security forces fired tear gas and arrested dozens": the
    police are Tabriz's, so the deed is placed there (with lower confidence) and its unnamed sides
    get that country. Only the next sentence, and only for deeds whose sides are unnamed groups or
    missing, which have no country of their own to go by.
    """
    if scene is None or sentence_index - scene[0] > SCENE_SENTENCES or not is_deed(event):
        return None
    sides = [a for a in (event.source, event.target) if a is not None]
    if any(a.country or (a.code and not a.code.startswith("---")) for a in sides):
        return None  # a named side (a country, the UN) says more than the scene
    return replace(scene[1], confidence=round(0.5 * place_conf(scene[1]), 3))

