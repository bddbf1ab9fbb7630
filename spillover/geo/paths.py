"""Which toponym of a sentence places its event: the dependency path from the place to the trigger.

A sentence names places in many roles: where a deed happened ("struck a school *in Ordubad*"),
where a weapon came from ("launched *from Iranian territory*"), whom a statement was addressed to,
or where the speaker stood. :func:`best_toponym` scores each toponym by the first preposition on
its path up to the trigger and by how far it must climb (:func:`_path_score`); the locator
(:mod:`spillover.geo.event_location`) falls back to anaphors, the scene and the dateline when no
toponym wins.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from spillover.geo.event_location import DocumentPlaces
    from spillover.records import Place

LOCATIVE = frozenset(
    {
        "in",
        "at",
        "near",
        "on",
        "over",
        "across",
        "inside",
        "outside",
        "around",
        "within",
        "along",
        "off",
        "throughout",
        "by",
        "through",
        "via",
    }
)
DESTINATION = frozenset({"into", "towards", "toward", "to", "onto"})
ORIGIN = frozenset({"from"})
_MAX_HOPS = 8
#: Longer paths than this place an event only through a locative preposition on the way.
_PLAIN_HOPS = 6
#: Nouns for forces and officials, whom a country's name before them only owns ("US troops", "Iran's diplomats");
#: not citizens, who are often caught where they live ("Hong Kong citizens were detained").
_PEOPLE = frozenset(
    {
        "troop",
        "force",
        "soldier",
        "personnel",
        "serviceman",
        "diplomat",
        "official",
        "warplane",
        "jet",
        "warship",
        "sailor",
        "marine",
        "adviser",
        "advisor",
        "contractor",
    }
)
#: Nouns after "on"/"at" that say who commissioned a deed, not where it was done ("on the orders of", "at the
#: request of").
_COMMISSIONS = frozenset(
    {"order", "orders", "behalf", "instruction", "instructions", "command", "request", "invitation", "behest"}
)
#: Tie-break towards the finer of two equally well attached places.
_FINER = {"point": 0.8, "city": 0.8, "admin": 0.4, "region": 0.0}


def best_toponym(
    trigger: Token,
    sent: Span,
    places: DocumentPlaces,
    *,
    material: bool = True,
    threshold: float = 1.0,
    extra: Mapping[int, Place] | None = None,
    inner: bool = True,
) -> tuple[float, Place] | None:
    """The sentence's toponym best attached to the trigger, with its score (None below ``threshold``).

    Args:
        trigger: The event's trigger token.
        sent: Its sentence.
        places: The document's resolved toponyms.
        material: Whether the event is a deed (objects then name where it happened).
        threshold: The lowest path score that still places the event.
        extra: More candidate places by token, e.g. resolved "the exclave" phrases.
        inner: Whether a place in a phrase inside a noun counts ("a pause *in Upper Nile*"); not for
            a condemnation, whose object is a deed elsewhere.
    """
    best: tuple[float, Place] | None = None
    for i in range(sent.start, sent.end):
        place = places.by_token.get(i) or (extra.get(i) if extra else None)
        if place is None:
            continue
        if place.precision == "country" and _nationality(sent.doc[i]):
            continue  # "a base hosting US troops in Anbar": whose troops, not where
        score = _path_score(sent.doc[i], trigger, material=material, inner=inner)
        if score is not None:
            score += _FINER.get(place.precision or "", 0.0)  # "Azerbaijan's Nakhchivan exclave" → the exclave
            if best is None or score > best[0]:
                best = (score, place)
    return best if best is not None and best[0] >= threshold else None


def _nationality(tok: Token) -> bool:
    """Whether a country's name only says whose people or forces a noun names ("US troops", "Iran's diplomats")."""
    owner = tok.dep_ in ("compound", "amod", "nmod", "poss") and tok.head.i != tok.i
    return owner and tok.head.lemma_.lower() in _PEOPLE


def _path_score(place_tok: Token, trigger: Token, *, material: bool, inner: bool = True) -> float | None:
    """Score the dependency path from a toponym up to the trigger (None: not connected).

    The first preposition above the toponym decides its role ("of" is skipped:
    "the terminal *of* Nakhchivan airport" is still the object); without one, an
    object of a deed is where it happened, an object of a statement is its
    addressee, and a subject is an actor. A locative phrase attached higher up,
    to a clause that governs the trigger ("*In Vienna*, thousands gathered and
    marched"), still places it, at a small cost per clause crossed.
    """
    governors: dict[int, int] = {}
    up = trigger
    for level in range(4):
        governors[up.i] = level
        if up.head.i == up.i:
            break
        up = up.head
    score = 0.0
    role_found = False
    locative_chain = True  # every preposition so far is "of" or locative
    cur = place_tok
    participle = False  # the path went through a participle's phrase ("missiles *aimed at Israel*")
    for hops in range(_MAX_HOPS):
        if participle and cur.dep_ in ("nsubj", "nsubjpass") and trigger.i not in (cur.i, cur.head.i):
            # "closed its airspace after missiles aimed at Israel crossed the Gulf", "deployed police as people
            # fleeing the fighting in Iran reached the frontier": the place of what the participle tells, third deed
            return None
        participle = participle or cur.dep_ == "acl"
        speaker = cur.head.dep_ == "nsubj" and cur.head.head.i == trigger.i and not material
        if cur.dep_ == "relcl" and speaker:
            return None  # "Russia, which has forces in Syria, called on Israel": about the speaker, not the call
        if cur.dep_ == "prep" and cur.lower_ != "of" and cur.lower_ not in LOCATIVE:
            locative_chain = False
        if cur.dep_ == "prep" and cur.lower_ == "since" and hops and any(c.dep_ == "pobj" for c in cur.children):
            return None  # "talks since the drone strike on Nakhchivan": the place of the deed that dates them
        if hops >= _PLAIN_HOPS and not (locative_chain and score >= 3.0):
            return None  # only nested places reach that far ("near a school in the town of Ordubad")
        if cur.i in governors:
            level = governors[cur.i]
            if level and hops > _PLAIN_HOPS:
                return None  # a long path must end at the trigger itself, not at a clause above it
            if level and not (role_found and score > 0):
                return None  # only a locative phrase carries over to an embedded event
            return score - 0.3 * max(0, hops - 2) - 0.7 * level
        if not role_found and cur.dep_ == "prep" and cur.lower_ != "of":
            role_found = True
            if not inner and cur.head.pos_ in ("NOUN", "PROPN") and cur.head.i != trigger.i:
                return None  # "condemned the strikes on Nakhchivan": the place of what is condemned
            if cur.lower_ == "on" and not material and cur.head.i == trigger.i:
                pass  # "called on Israel", "imposed sanctions on Iran": the addressee or target, not a place
            elif cur.lower_ in ("on", "at", "upon") and any(o.lemma_.lower() in _COMMISSIONS for o in cur.children):
                pass  # "on the orders of Iran's Revolutionary Guards", "arrested in Rustavi at Baku's request"
            elif cur.lower_ in LOCATIVE:
                score += 3.0
            elif cur.lower_ in DESTINATION:
                score += 1.5 if material else 0.0
            elif cur.lower_ in ORIGIN:
                score -= 3.0
        if cur.head.i == trigger.i and not role_found:
            if cur.dep_ in ("nsubj", "csubj", "agent", "poss"):
                return -3.0
            if cur.dep_ in ("dobj", "nsubjpass", "attr", "compound", "amod", "nmod"):
                score += 2.0 if material else -1.0
            role_found = True
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.i != trigger.i and cur.i not in governors and (_contrast_clause(cur) or _sibling_clause(cur)):
            return None  # "visited Baku, while the EU called on Iran": the place of another actor's clause
    return None


def _sibling_clause(tok: Token) -> bool:
    """Whether ``tok`` is a verb joined by "and" with an active subject of its own: another deed, another place.

    "Aliyev had visited the Iranian embassy ..., and border guards have let 4,000 people leave
    through the Astara checkpoint": the checkpoint is where the guards acted, not the visit. A passive
    sibling ("... were killed, and dozens were wounded in Piranshahr") tells the same incident.
    """
    return tok.dep_ == "conj" and _own_subject(tok, ("nsubj",))


def _contrast_clause(tok: Token) -> bool:
    """Whether ``tok`` heads a clause with its own subject told beside the event, not as its setting.

    A "while"/"whereas" clause is another actor's deed or words, and so is one set off by a time
    offset ("a day after drones struck Nakhchivan"); a time or reason clause ("after
    protesters gathered in Cairo") still sets the scene, and so, on Halterman's event-location data,
    does a conjoined clause with a passive subject (:func:`_sibling_clause` takes the active ones).
    """
    if not _own_subject(tok, ("nsubj", "nsubjpass")) or tok.dep_ != "advcl":
        return False
    marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
    if marks & {"while", "whereas"}:
        return True
    # "recalled its envoy, a day after drones slammed into Nakhchivan": a deed told at another time
    return bool(marks & {"after", "before", "since"}) and any(
        c.dep_ == "npadvmod" and c.lemma_.lower() in _TIME_UNITS for c in tok.children
    )


#: Units of a time offset that set a clause apart from the event ("a day after", "hours before").
_TIME_UNITS = frozenset({"minute", "hour", "day", "week", "month", "year", "night", "morning"})


def _own_subject(tok: Token, deps: tuple[str, ...]) -> bool:
    """Whether ``tok`` is a verb with a subject of its own, of one of the dependency labels ``deps``."""
    return tok.pos_ in ("VERB", "AUX") and any(c.dep_ in deps for c in tok.children)
