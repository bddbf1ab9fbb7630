"""Claims of responsibility: who a report says did an attack it first told without a doer.

"A drone launched by an Iran-backed militia struck a US base ... Kataib Hezbollah claimed the
attack": the strike is coded when its sentence is read, with the unnamed militia as its doer; the
claim one or two sentences later names it. Event datasets such as ACLED file a claimed attack under
its claimant, so the strike takes the claimant as its source, and the claim (CAMEO 015) takes the
strike's target when it names none.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spillover.records import Event

#: CAMEO's "claim responsibility", the code a deed claimed by its own doer is recoded to.
CLAIM = "015"
#: How many sentences before its claim an attack may be told.
_REACH = 2


def _unnamed_doer(event: Event) -> bool:
    """Whether an attack names no doer, or only an unnamed group ("an Iran-backed militia", "gunmen")."""
    return event.source is None or event.source.name is None


def _claimed(attack: Event, claim: Event) -> bool:
    """Whether ``claim`` can be the claim of ``attack``: told after it, close by, and an attack claimed."""
    before = attack.evidence.sentence_index or 0
    at = claim.evidence.sentence_index or 0
    return attack.event_type == claim.event_type == "ASSAULT" and at - _REACH <= before <= at


def credit_claimants(events: Sequence[Event]) -> list[Event]:
    """Give attacks told without a named doer the one that claims them in the sentences after.

    Only the sentence of the latest attack before a claim is considered, and only when none of its
    attacks names a doer ("Israel struck Isfahan ... Gunmen attacked a post ... the group claimed the
    attack" credits the gunmen, never reaches past them). The claimant must be named (an organisation
    or a state), and the attack must have happened (not one only threatened, denied or itself claimed).
    """
    out = list(events)
    for k, claim in enumerate(out):
        if claim.cameo != CLAIM or claim.source is None or claim.source.name is None:
            continue
        told = [j for j in range(k) if _claimed(out[j], claim) and out[j].status == "occurred"]
        told = [j for j in told if out[j].cameo != CLAIM]
        if not told:
            continue
        latest = out[told[-1]].evidence.sentence_index
        told = [j for j in told if out[j].evidence.sentence_index == latest]
        if not all(_unnamed_doer(out[j]) for j in told):
            continue
        source = replace(claim.source, span=None)
        for j in told:
            attack = out[j]
            coder = attack.evidence.coder + "+claim"
            out[j] = replace(attack, source=source, evidence=replace(attack.evidence, coder=coder))
        first = out[told[0]]
        if claim.target is None and first.target is not None:
            out[k] = replace(claim, target=first.target)
    return out
