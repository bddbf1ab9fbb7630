"""Implicit targets of statements, from the document's dyad.

News reports about a dispute keep its two sides in view: after "Iran denied
any role", a line like "Baku expected an apology" is addressed to Tehran
without saying so. For verbal events (quad class 1 and 3) that have a source
but no target, the counterpart is the country the document mentions most,
other than the source's own, if it clearly dominates. The event keeps a lower
confidence and its ``coder`` says ``+dyad``, so the inference is visible.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from spillover.records import Actor, ActorMention, Event

#: The counterpart must be mentioned at least this often in the document ...
MIN_MENTIONS = 3
#: ... and make up at least this share of the other countries' mentions.
MIN_SHARE = 0.4
CONFIDENCE_FACTOR = 0.8


def counterpart_counts(mentions: Sequence[ActorMention]) -> Counter[str]:
    """How often each country is mentioned (countries, capitals, demonyms, people)."""
    return Counter(m.actor.country for m in mentions if m.actor.country)


def fill_targets(events: Sequence[Event], counts: Counter[str], country_name: dict[str, str]) -> list[Event]:
    """Give source-only statements the document's dominant counterpart as target."""
    out: list[Event] = []
    for event in events:
        source = event.source
        if event.target is not None or source is None or not source.country or event.quad_class not in (1, 3):
            out.append(event)
            continue
        others = [(c, n) for c, n in counts.most_common() if c != source.country]
        total = sum(n for _c, n in others)
        if not others or others[0][1] < MIN_MENTIONS or others[0][1] / total < MIN_SHARE:
            out.append(event)
            continue
        country = others[0][0]
        target = Actor(text="(implied)", name=country_name.get(country, country), code=country, country=country)
        evidence = replace(event.evidence, coder=event.evidence.coder + "+dyad")
        out.append(
            replace(event, target=target, evidence=evidence, confidence=round(event.confidence * CONFIDENCE_FACTOR, 3))
        )
    return out
