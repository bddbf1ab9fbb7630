"""Document-level locale cues: hints about where a story is set that are not place names.

Local news often names a single ambiguous town ("Paris", "Athens", "Dublin")
and nothing else; what gives the locale away is elsewhere in the text, e.g.
an unqualified "$765,000" (US dollars) or "£2m" (sterling). The cues live in
``spillover/data/places/locale_cues.tsv``; :func:`locale_cues` returns the
regions cued by a text, which :meth:`ToponymResolver.resolve_document
<spillover.geo.resolver.ToponymResolver.resolve_document>` takes as weak
country (or first-level region) context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spillover.errors import DataFileError
from spillover.geo.datafiles import data_dir, read_rows

CUES_FILE = "locale_cues.tsv"
_REGION = re.compile(r"^[A-Z]{3}(\.[A-Z0-9]{1,3})?$")


@dataclass(frozen=True)
class LocaleCue:
    """A literal string that, present in a text, points to ``region`` (ISO3 or ``"USA.TN"``)."""

    cue: str
    region: str
    pattern: re.Pattern[str]


def read_cues(path: Path) -> tuple[LocaleCue, ...]:
    """Read a cue table (TSV with a ``cue``/``region`` header; ``#`` lines are comments).

    Raises:
        DataFileError: If the file is unreadable, the header is wrong or a region is malformed.
    """
    out: list[LocaleCue] = []
    for line, row in read_rows(path, ("cue", "region")):
        cue, region = row["cue"], row["region"]
        if not cue or not _REGION.match(region):
            raise DataFileError(f"{path}:{line}: bad cue row {row}")
        # not glued to a preceding letter: "US$", "C$" and "E£" are other currencies
        out.append(LocaleCue(cue, region, re.compile(r"(?<![^\W\d_])" + re.escape(cue))))
    return tuple(out)


@lru_cache(maxsize=4)
def _cues(path: Path) -> tuple[LocaleCue, ...]:
    return read_cues(path)


def locale_cues(text: str, path: Path | None = None) -> list[str]:
    """Return the regions cued by ``text``, each once, in table order."""
    regions: list[str] = []
    for cue in _cues(path or data_dir() / CUES_FILE):
        if cue.region not in regions and cue.pattern.search(text):
            regions.append(cue.region)
    return regions
