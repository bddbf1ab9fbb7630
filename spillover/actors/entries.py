"""What a surface string can refer to in the actor knowledge base, and the key it is found by.

Every KB index maps a :func:`normalise` key to :class:`ActorEntry` values (countries, capitals,
demonyms, people, organisations), and role nouns map to a :class:`RoleEntry` with the sector they
imply; :data:`SECTORS` is the closed list of sector codes both may carry. They live apart from the
reading of the data files (:mod:`spillover.actors.kb_files`) and from the index that looks them up
(:class:`spillover.actors.kb.ActorKB`), both of which build on them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Literal

__all__ = [
    "KINDS",
    "SECTORS",
    "ActorEntry",
    "ActorKind",
    "RoleEntry",
    "normalise",
]

ActorKind = Literal["country", "capital", "demonym", "person", "organisation"]

#: Every kind of KB entry, in the order :meth:`spillover.actors.kb.ActorKB.lookup` ranks them.
KINDS: tuple[ActorKind, ...] = ("country", "demonym", "organisation", "person", "capital")

#: Sector codes a data file may use. Checked on load so that a typo ("GVO") fails loudly instead of producing
#: actor codes no downstream consumer recognises.
SECTORS: frozenset[str] = frozenset(
    {
        "GOV",  # executive: heads of state/government, ministers, ministries, diplomats
        "MIL",  # armed forces, defence ministries, state paramilitaries
        "SPY",  # intelligence and state security services
        "REB",  # rebels, insurgents, militias, non-state armed groups
        "POL",  # political parties, opposition, politicians out of government
        "COP",  # police and law enforcement
        "JUD",  # courts, judges, prosecutors
        "LEG",  # legislatures and legislators
        "BUS",  # businesses
        "MED",  # media and journalists
        "CVL",  # civilians, protesters, residents
        "EDU",  # students, teachers, universities
        "REL",  # clerics and religious bodies
        "REF",  # refugees, migrants, displaced people
        "LAB",  # workers and unions
        "HLH",  # doctors, hospitals, medics
        "CRM",  # criminals, smugglers, gangs
        "NGO",  # non-governmental organisations
        "IGO",  # intergovernmental organisations and their officials
    }
)

# Applied after case folding: apostrophe-like characters that news text and transliterations use
# interchangeably become "'", and letters that Unicode decomposition does not reduce to ASCII become the plain
# form readers treat them as.
_FOLD = str.maketrans(
    {
        **{c: "'" for c in "\u2019\u2018\u02bc\u02bb\u02bd\u02be\u02bf\u00b4`\u2032"},
        **{"ı": "i", "ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ł": "l", "ð": "d", "þ": "th"},
    }
)
# Dashes become spaces ("Amir-Abdollahian" = "Amir Abdollahian"); dots and commas go ("U.S." = "US").
_PUNCT = str.maketrans({"-": " ", "\u2010": " ", "\u2011": " ", "\u2013": " ", "\u2014": " ", ".": "", ",": ""})


def normalise(surface: str) -> str:
    """Reduce a surface string to the key used by every KB index.

    News text writes the same actor many ways ("Türkiye"/"Turkiye", "Erdoğan"/"Erdogan", "the IRGC",
    "Iran's", "U.S."); folding them here keeps the indexes plain dicts with O(1) lookups instead of
    fuzzy matching.

    Args:
        surface: Text as found in an article or a data file.

    Returns:
        The case-folded, diacritic-free form without a leading "the ", a trailing possessive, apostrophes,
        dots, commas or dashes, with single spaces.

    """
    text = surface.casefold().translate(_FOLD)
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = " ".join(text.split())
    if text.startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    elif text.endswith("s'"):
        text = text[:-1]
    return " ".join(text.replace("'", "").translate(_PUNCT).split())


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One thing a surface string can refer to.

    Attributes:
        name: Canonical name: the country's name for country and demonym entries, the capital for capital
            entries, otherwise the person's or organisation's name.
        code: Full actor code: ISO alpha-3 for countries and demonyms, country + sector (``IRNGOV``) for
            capitals, people and national bodies, or an IGO/transnational code (``NATO``, ``IMGISI``).
        country: ISO alpha-3 (``XKX`` for Kosovo), or None for IGOs and transnational groups.
        sector: Sector code (see :data:`SECTORS`), or None for a bare country or demonym.
        kind: What the entry is; capitals are kept apart because they are metonyms for governments.
        start: First day in office (people only); None when unknown or not applicable.
        end: Last day in office (people only); None while in office.
        role: Office held (people only), e.g. ``"foreign minister"``.

    """

    name: str
    code: str
    country: str | None
    sector: str | None
    kind: ActorKind
    start: date | None = None
    end: date | None = None
    role: str | None = None

    def active_on(self, on: date) -> bool:
        """Tell whether the entry is valid on a date (always true for entries without a term)."""
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@dataclass(frozen=True, slots=True)
class RoleEntry:
    """A role noun ("foreign minister", "rebels") and the sector it implies."""

    pattern: str
    sector: str
    notes: str | None = None
