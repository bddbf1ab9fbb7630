"""The PLOVER codebook's fixed vocabularies: the modes of each event type and the types that may share a code.

An event's PLOVER mode says how it happened ("aerial", "arrest", "visit"); which modes a type admits is
fixed by the codebook (draft 0.8, 2021) plus a few extensions of our own, and every lexicon row and CAMEO
crosswalk row is checked against it. These small vocabularies are not data tables
to be edited by users but part of the ontology's definition, so they stay in code, apart from the CAMEO
table (:mod:`spillover.coding.ontology`) that reads them.
"""

from __future__ import annotations

__all__ = [
    "COMPATIBLE_TYPES",
    "EXTENSION_MODES",
    "PLOVER_MODES",
    "compatible_types",
]

#: Modes spillover adds to the codebook's, because analysts (and ACLED-style
#: typologies) separate them: ``aerial`` (air and drone strikes, CAMEO 195/1952
#: from aircraft), ``repression`` (violent repression of crowds, CAMEO 175),
#: ``grenade`` (grenades thrown, CAMEO 183, which PLOVER files under explosives),
#: ``seize`` (taking or retaking territory, CAMEO 192) and ``mob`` (a crowd's violence
#: without a protest purpose: lynchings, communal clashes, CAMEO 145). Documented in the
#: lexicon README as extensions.
EXTENSION_MODES: dict[str, tuple[str, ...]] = {
    "ASSAULT": ("aerial", "repression", "grenade"),
    "COERCE": ("seize",),
    "PROTEST": ("mob",),
}

#: Modes allowed for each PLOVER event type (PLOVER codebook, draft 0.8, 2021),
#: plus :data:`EXTENSION_MODES`.
#: Verbal types other than CONSULT, REQUEST, ACCUSE, REJECT and THREATEN have no
#: modes: the codebook leaves their "how" as simply verbal. ``sideAB`` marks
#: two-sided violence where the sides can be told apart.
PLOVER_MODES: dict[str, tuple[str, ...]] = {
    "AGREE": (),
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "SUPPORT": (),
    "CONCEDE": (),
    "COOPERATE": (),
    "AID": (),
    "RETREAT": ("withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "THREATEN": ("restrict", "ban", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "general", "strike", "hunger", "boycott", "obstruct", *EXTENSION_MODES["PROTEST"]),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": (
        "confiscate",
        "restrict",
        "ban",
        "censor",
        "curfew",
        "martial-law",
        "arrest",
        "deport",
        "withhold",
        *EXTENSION_MODES["COERCE"],
    ),
    "ASSAULT": (
        "abduct",
        "beat",
        "torture",
        "execute",
        "sexual",
        "assassinate",
        "destroy",
        "primitive",
        "firearms",
        "explosives",
        "suicide-attack",
        "heavy-weapons",
        "cleansing",
        "massacre",
        "unconventional",
        "sideAB",
        *EXTENSION_MODES["ASSAULT"],
    ),
}

#: Pairs of PLOVER types that may legitimately share one CAMEO code. PLOVER split
#: CAMEO's single "yield" root (08) into a verbal half (CONCEDE) and a material
#: half (RETREAT), so an 08x code can carry either type depending on whether the
#: concession was announced or carried out.
COMPATIBLE_TYPES: frozenset[frozenset[str]] = frozenset({frozenset({"CONCEDE", "RETREAT"})})


def compatible_types(a: str | None, b: str | None) -> bool:
    """Tell whether two PLOVER types may describe the same CAMEO code.

    Used to check the trigger lexicon against the CAMEO-to-PLOVER crosswalk: a
    trigger's type must equal its code's crosswalk type or be one of the
    :data:`COMPATIBLE_TYPES` pairs. ``None`` (a CAMEO code with no PLOVER
    counterpart) is compatible with nothing, so such codes always need an
    explicit, documented exception.
    """
    if a is None or b is None:
        return False
    return a == b or frozenset({a, b}) in COMPATIBLE_TYPES
