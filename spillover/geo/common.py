"""Small shared helpers of the geo stage: name normalisation, distances, vocab.

Every name that enters the gazetteer index and every name looked up in it goes
through :func:`normalise`, so that "Naxçıvan", "NAXCIVAN" and "Naxcivan" meet
at the same key, and "Baku–Tbilisi–Ceyhan" (en dashes) meets "Baku-Tbilisi-Ceyhan".
Keeping this in one place is what makes the index and the lookups agree.
"""

from __future__ import annotations

import math
import re
import unicodedata

#: Letters that Unicode decomposition does not reduce to ASCII but that news
#: transliterations spell with a plain Latin letter (Azerbaijani, Turkish,
#: Nordic, Polish, German...).
_SPECIAL_LETTERS = str.maketrans(
    {
        "ı": "i",
        "ə": "a",
        "Ə": "a",
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "þ": "th",
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ħ": "h",
    }
)

#: Apostrophe-like marks are dropped: "Sana'a", "Sanaʼa" and "Sanaa" are one name.
_APOSTROPHES = re.compile(r"['’‘ʼʻ`´ʹ′]")
#: Hyphens, dashes, slashes and similar separators become spaces.
_SEPARATORS = re.compile(r"[\-‐‑‒–—―−/_,;:()\[\]\"“”«»]")
#: A full stop directly after a letter and followed by a letter or the end is an
#: abbreviation ("U.S.", "W.Va."): drop it so the letters join ("us", "wva").
_ABBREV_DOT = re.compile(r"(?<=\w)\.(?=\w|$)")
_OTHER_DOTS = re.compile(r"\.")
_SPACES = re.compile(r"\s+")

#: Token spellings that alternate freely in place names ("St. Louis" / "Saint
#: Louis", "Mt. Vernon" / "Mount Vernon"); both sides are mapped to one token.
_TOKEN_SYNONYMS = {"saint": "st", "sainte": "ste", "mount": "mt", "fort": "ft"}

EARTH_RADIUS_KM = 6371.0088

#: Feature kinds used by the gazetteer and the precision each one implies.
FEATURE_PRECISION: dict[str, str] = {
    "country": "country",
    "admin1": "admin",
    "admin2": "admin",
    "city": "city",
    "capital": "city",
    "airport": "point",
    "crossing": "point",
    "port": "point",
    "site": "point",
    "base": "point",
    "landmark": "point",
    "pipeline": "region",
    "water": "region",
    "region": "region",
    "continent": "region",
}

#: How much more likely a feature kind is to be meant by a bare name, all else
#: equal (added to 0.25 × log10 population). Countries and first-level regions
#: are named far more often in news than same-named villages; curated features
#: (seas, regions, bases, sites) have no population but are in the data
#: precisely because the news names them, so they get a prior worth that of a
#: city of roughly a million people.
FEATURE_PRIOR: dict[str, float] = {
    "country": 0.9,
    "admin1": 0.55,
    "continent": 0.8,
    "region": 2.5,
    "water": 2.5,
    "admin2": 0.15,
    "city": 0.0,
    "capital": 0.35,
    "airport": 1.2,
    "crossing": 1.2,
    "port": 1.2,
    "site": 1.2,
    "base": 1.2,
    "landmark": 1.2,
    "pipeline": 1.2,
}


def fold(text: str) -> str:
    """Return ``text`` case-folded with diacritics removed but punctuation kept.

    Used where punctuation still matters (e.g. deciding if a surface form is an
    abbreviation) but case and accents must not. Pure-ASCII input, the vast
    majority, skips Unicode decomposition (this is the index build's hot loop).
    """
    if text.isascii():
        return text.casefold()
    text = text.translate(_SPECIAL_LETTERS)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold().translate(_SPECIAL_LETTERS)


def normalise(name: str) -> str:
    """Return the index key of a place name.

    Case, diacritics, apostrophes, dashes and abbreviation dots are removed or
    unified and a leading "the" dropped, because news text spells the same
    place in all these ways and a lookup must not depend on the typography of
    the source.

    Args:
        name: A surface form as found in text or in a gazetteer source.

    Returns:
        The normalised key; an empty string if nothing word-like remains.
    """
    text = fold(name)
    text = _APOSTROPHES.sub("", text)
    text = _SEPARATORS.sub(" ", text)
    text = _ABBREV_DOT.sub("", text)
    text = _OTHER_DOTS.sub(" ", text)
    tokens = _SPACES.sub(" ", text).strip().split(" ")
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    return " ".join(_TOKEN_SYNONYMS.get(tok, tok) for tok in tokens if tok)


def is_latin(name: str) -> bool:
    """Tell whether a name is written (essentially) in Latin script.

    Alternate names in Cyrillic, Arabic or CJK script can never match English
    news text, so they are left out of the index to keep it small. Letters up
    to U+024F and the Latin Extended Additional block count as Latin.
    """
    if name.isascii():
        return any(ch.isalpha() for ch in name)
    letters = [ord(ch) for ch in name if ch.isalpha()]
    if not letters:
        return False
    latin = sum(1 for code in letters if code < 0x250 or 0x1E00 <= code <= 0x1EFF)
    return latin >= 0.9 * len(letters)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance between two points in kilometres.

    The 161 km (100 mile) accuracy threshold of geoparsing evaluation and the
    "nearby place" signal of the resolver both need true surface distances.
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def split_aliases(field: str) -> list[str]:
    """Split a ``|``-separated alias column into clean, non-empty names."""
    return [part.strip() for part in field.split("|") if part.strip()]
