"""CAMEO codes and the PLOVER ontology the coder writes into every event.

An event carries a PLOVER type (what happened), an optional PLOVER mode (how)
and contexts (about what), plus the CAMEO code it corresponds to, the quad
class and a Goldstein-style intensity. The CAMEO side lives in a versioned data
file (``spillover/data/lexicon/cameo.tsv``) rather than in code so that a
reviewer can read, diff and correct one row without touching Python, and so
that a user can swap in a table of their own.

Nothing is loaded at import time: :meth:`CameoTable.load` reads the file and the
caller keeps the returned table for as long as it needs it. The PLOVER
codebook's own small, fixed vocabularies (modes per type, compatible types) are
:mod:`spillover.coding.plover`; the TSV dialect of every lexicon file is
:mod:`spillover.coding.tsv`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from spillover.coding.plover import PLOVER_MODES
from spillover.coding.tsv import TsvRow, read_text, read_tsv, shipped_text
from spillover.errors import DataFileError
from spillover.records import EVENT_TYPES

__all__ = [
    "EVENT_TYPES",
    "QUAD_CLASS_NAMES",
    "CameoCode",
    "CameoTable",
    "quad_class_of_root",
]

#: Human-readable names of the four quad classes.
QUAD_CLASS_NAMES: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}

# The most generic CAMEO code for each PLOVER type: what a coder writes when it
# knows the type but nothing more specific. ASSAULT maps to 190 (conventional
# force) rather than 180 (unconventional violence) because spillover's domain is
# interstate and armed-group conflict, where an unqualified attack is most often
# military; triggers that signal terrorism or crime carry their own 18x codes.
# RETREAT maps to 087 (military de-escalation) because CAMEO has no neutral 08x
# code for material yielding and de-escalation is its most frequent reading.
_DEFAULT_CAMEO: dict[str, str] = {
    "AGREE": "030",
    "CONSULT": "040",
    "SUPPORT": "050",
    "CONCEDE": "080",
    "COOPERATE": "060",
    "AID": "070",
    "RETREAT": "087",
    "REQUEST": "100",
    "ACCUSE": "110",
    "REJECT": "120",
    "THREATEN": "130",
    "PROTEST": "140",
    "SANCTION": "160",
    "MOBILIZE": "150",
    "COERCE": "170",
    "ASSAULT": "190",
}

# Most generic CAMEO code for a (type, mode) pair. Listed explicitly because a
# mechanical "first code with this mode" picks odd codes (e.g. 185 "attempted
# assassination" for mode assassinate). A mode without a CAMEO counterpart
# (SANCTION/convict, CONSULT/multilateral, ...) falls back to the type default.
_DEFAULT_CAMEO_BY_MODE: dict[tuple[str, str], str] = {
    ("CONSULT", "visit"): "042",
    ("CONSULT", "third-party"): "044",
    ("CONSULT", "phone"): "041",
    ("RETREAT", "withdraw"): "0874",
    ("RETREAT", "release"): "0841",
    ("RETREAT", "return"): "0842",
    ("RETREAT", "disarm"): "0873",
    ("RETREAT", "ceasefire"): "0871",
    ("RETREAT", "access"): "086",
    ("RETREAT", "resign"): "0831",
    ("REQUEST", "assist"): "103",
    ("REQUEST", "change"): "104",
    ("REQUEST", "yield"): "105",
    ("REQUEST", "meet"): "106",
    ("ACCUSE", "disapprove"): "110",
    ("ACCUSE", "investigate"): "090",
    ("ACCUSE", "allege"): "112",
    ("REJECT", "assist"): "121",
    ("REJECT", "change"): "123",
    ("REJECT", "yield"): "124",
    ("REJECT", "meet"): "125",
    ("THREATEN", "restrict"): "1312",
    ("THREATEN", "ban"): "132",
    ("THREATEN", "arrest"): "132",
    ("THREATEN", "relations"): "1313",
    ("THREATEN", "expel"): "136",
    ("THREATEN", "territory"): "1382",
    ("THREATEN", "violence"): "138",
    ("PROTEST", "demo"): "141",
    ("PROTEST", "riot"): "145",
    ("PROTEST", "mob"): "145",
    ("PROTEST", "general"): "143",
    ("PROTEST", "strike"): "143",
    ("PROTEST", "hunger"): "142",
    ("PROTEST", "boycott"): "143",
    ("PROTEST", "obstruct"): "144",
    ("SANCTION", "expel"): "166",
    ("SANCTION", "withdraw"): "161",
    ("SANCTION", "discontinue"): "162",
    ("MOBILIZE", "troops"): "154",
    ("MOBILIZE", "weapons"): "152",
    ("MOBILIZE", "police"): "153",
    ("MOBILIZE", "militia"): "154",
    ("COERCE", "confiscate"): "1711",
    ("COERCE", "restrict"): "172",
    ("COERCE", "ban"): "1722",
    ("COERCE", "censor"): "1721",
    ("COERCE", "curfew"): "1723",
    ("COERCE", "martial-law"): "1724",
    ("COERCE", "arrest"): "173",
    ("COERCE", "deport"): "174",
    ("ASSAULT", "abduct"): "181",
    ("ASSAULT", "beat"): "182",
    ("ASSAULT", "torture"): "1822",
    ("ASSAULT", "sexual"): "1821",
    ("ASSAULT", "assassinate"): "186",
    ("ASSAULT", "destroy"): "1712",
    ("ASSAULT", "firearms"): "193",
    ("ASSAULT", "explosives"): "183",
    ("ASSAULT", "grenade"): "183",
    ("ASSAULT", "suicide-attack"): "1831",
    ("ASSAULT", "heavy-weapons"): "194",
    ("ASSAULT", "cleansing"): "203",
    ("ASSAULT", "massacre"): "202",
    ("ASSAULT", "unconventional"): "204",
}

_CAMEO_COLUMNS = ("code", "label", "goldstein", "quad_class", "plover_type", "plover_mode", "plover_context")


def quad_class_of_root(root: int) -> int:
    """Return the quad class of a two-digit CAMEO root (1-20).

    We use the Phoenix/GDELT root ranges: 01-05 verbal cooperation, 06-08
    material cooperation, 09-14 verbal conflict (investigations and protests
    included), 15-20 material conflict. Classifying by root keeps the quad class
    a pure function of the CAMEO code, which is what users joining our data with
    other CAMEO data sets expect.

    Raises:
        ValueError: if ``root`` is outside 1-20.

    """
    if not 1 <= root <= 20:
        raise ValueError(f"CAMEO root must be 1-20, got {root}")
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 14:
        return 3
    return 4


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code with the values the coder copies into an event.

    Attributes:
        code: CAMEO code as a string of digits ("19", "195", "1951"); never an
            int, because "010" and "10" are different codes.
        label: Short description in our own words.
        goldstein: Conflict-cooperation intensity, -10 (most hostile) to +10.
        quad_class: 1 verbal cooperation, 2 material cooperation, 3 verbal
            conflict, 4 material conflict (from the root, see
            :func:`quad_class_of_root`).
        plover_type: PLOVER event type, or None for the few CAMEO statement codes
            that PLOVER does not code at all (010 "make a statement" etc.).
        plover_mode: PLOVER mode implied by the code, if any.
        plover_context: PLOVER context(s) implied by the code, ``;``-separated
            when there are several (see :attr:`contexts`).

    """

    code: str
    label: str
    goldstein: float
    quad_class: int
    plover_type: str | None
    plover_mode: str | None
    plover_context: str | None

    @property
    def root(self) -> str:
        """The two-digit root (cue category) of the code."""
        return self.code[:2]

    @property
    def parent(self) -> str | None:
        """The code one level up (1951 → 195 → 19), or None for a root."""
        return self.code[:-1] if len(self.code) > 2 else None

    @property
    def contexts(self) -> tuple[str, ...]:
        """The PLOVER contexts as a tuple, ready for :attr:`spillover.records.Event.context`."""
        if not self.plover_context:
            return ()
        return tuple(c for c in self.plover_context.split(";") if c)


class CameoTable:
    """Every CAMEO event code, with fallback to the parent for unknown sub-codes.

    Build it once with :meth:`load` and pass it to whoever needs it; lookups are
    plain dict reads.
    """

    def __init__(self, codes: Mapping[str, CameoCode], source: str = "<memory>") -> None:
        """Wrap already-validated codes; use :meth:`load` or :meth:`parse` to read a file."""
        self._codes: dict[str, CameoCode] = dict(codes)
        self.source = source

    # -- construction -------------------------------------------------------
    @classmethod
    def load(cls, path: Path | None = None) -> CameoTable:
        """Read the shipped ``cameo.tsv`` (or ``path``, a replacement with the same columns).

        Raises:
            DataFileError: if the file is unreadable or any row is invalid.

        """
        if path is None:
            text, source = shipped_text("cameo.tsv")
        else:
            text, source = read_text(path), str(path)
        return cls.parse(text, source)

    @classmethod
    def parse(cls, text: str, source: str = "<memory>") -> CameoTable:
        """Validate and index the rows of a CAMEO table given as TSV text.

        Every row is checked so that a typo in the data file fails loudly at
        load time instead of producing silently wrong quad classes later.

        Raises:
            DataFileError: ``path:line: message`` for the first bad row.

        """
        codes: dict[str, CameoCode] = {}
        for row in read_tsv(text, source, _CAMEO_COLUMNS):
            code = _parse_cameo_row(row)
            if code.code in codes:
                raise DataFileError(f"{row.where()}: duplicate code {code.code}")
            parent = code.parent
            if parent is not None and parent not in codes:
                raise DataFileError(f"{row.where()}: code {code.code} appears before its parent {parent}")
            codes[code.code] = code
        if not codes:
            raise DataFileError(f"{source}: no CAMEO codes")
        return cls(codes, source)

    # -- lookups --------------------------------------------------------------
    def __contains__(self, code: object) -> bool:
        """Exact membership: True only for codes listed in the table (no fallback)."""
        return isinstance(code, str) and code.strip() in self._codes

    def __len__(self) -> int:
        """Return the number of codes in the table."""
        return len(self._codes)

    def __iter__(self) -> Iterator[CameoCode]:
        """Codes in file order (roots before their sub-codes)."""
        return iter(self._codes.values())

    def get(self, code: str) -> CameoCode:
        """Return the entry for ``code``, falling back to its parent (4 → 3 → 2 digits).

        Other coders and older dictionaries emit sub-codes we do not list (for
        instance vendor-specific fourth digits); the parent is the closest
        meaning we know, which is better than dropping the event.

        Raises:
            KeyError: if neither the code nor any ancestor is in the table.

        """
        key = code.strip()
        while key:
            found = self._codes.get(key)
            if found is not None:
                return found
            if len(key) <= 2:
                break
            key = key[:-1]
        raise KeyError(f"unknown CAMEO code {code!r}")

    def quad_class(self, code: str) -> int:
        """Quad class (1-4) of ``code``; see :meth:`get` for fallback and errors."""
        return self.get(code).quad_class

    def goldstein(self, code: str) -> float:
        """Goldstein intensity (-10..+10) of ``code``; see :meth:`get` for fallback and errors."""
        return self.get(code).goldstein

    def plover(self, code: str) -> tuple[str | None, str | None, str | None]:
        """PLOVER (type, mode, context) the crosswalk gives for ``code``.

        The type is None for the CAMEO statement codes PLOVER does not code
        (010, 011, 012, 013, 014, 015, 017); a caller translating CAMEO-coded
        data should drop those events rather than invent a type.
        """
        entry = self.get(code)
        return entry.plover_type, entry.plover_mode, entry.plover_context

    def codes_for(self, plover_type: str) -> list[CameoCode]:
        """All codes whose crosswalk type is ``plover_type``, in table order."""
        return [c for c in self._codes.values() if c.plover_type == plover_type]

    def default_cameo(self, plover_type: str, mode: str | None = None) -> str:
        """Return the most generic CAMEO code for a PLOVER type (and mode, if it narrows it).

        Used when a coder (a classifier, a user rule) knows the PLOVER type but
        not the CAMEO code, so that quad class and intensity can still be filled.

        Raises:
            ValueError: for an unknown PLOVER type, or a mode not allowed for it.

        """
        if plover_type not in _DEFAULT_CAMEO:
            raise ValueError(f"unknown PLOVER event type {plover_type!r}")
        if mode is not None and mode not in PLOVER_MODES[plover_type]:
            raise ValueError(f"mode {mode!r} is not a PLOVER mode of {plover_type}")
        if mode is None:
            return _DEFAULT_CAMEO[plover_type]
        return _DEFAULT_CAMEO_BY_MODE.get((plover_type, mode), _DEFAULT_CAMEO[plover_type])


def _parse_cameo_row(row: TsvRow) -> CameoCode:
    """Check one row of cameo.tsv and build its :class:`CameoCode`."""
    v = row.values
    where = row.where()
    code = v["code"]
    if not code.isdigit() or not 2 <= len(code) <= 4:
        raise DataFileError(f"{where}: code must be 2-4 digits, got {code!r}")
    root = int(code[:2])
    if not 1 <= root <= 20:
        raise DataFileError(f"{where}: root {code[:2]} is not a CAMEO root (01-20)")
    if not v["label"]:
        raise DataFileError(f"{where}: empty label")
    try:
        goldstein = float(v["goldstein"])
    except ValueError:
        raise DataFileError(f"{where}: goldstein must be a number, got {v['goldstein']!r}") from None
    if not -10.0 <= goldstein <= 10.0:
        raise DataFileError(f"{where}: goldstein {goldstein} outside -10..10")
    try:
        quad = int(v["quad_class"])
    except ValueError:
        raise DataFileError(f"{where}: quad_class must be 1-4, got {v['quad_class']!r}") from None
    if quad != quad_class_of_root(root):
        expected = quad_class_of_root(root)
        raise DataFileError(f"{where}: quad_class {quad} disagrees with root {code[:2]} (expected {expected})")
    ptype = v["plover_type"] or None
    if ptype is not None and ptype not in EVENT_TYPES:
        raise DataFileError(f"{where}: unknown PLOVER type {ptype!r}")
    mode = v["plover_mode"] or None
    if mode is not None and (ptype is None or mode not in PLOVER_MODES[ptype]):
        raise DataFileError(f"{where}: mode {mode!r} is not a PLOVER mode of {ptype}")
    context = v["plover_context"] or None
    if context is not None and any(not c or " " in c for c in context.split(";")):
        raise DataFileError(f"{where}: contexts must be ';'-separated words, got {context!r}")
    return CameoCode(code, v["label"], goldstein, quad, ptype, mode, context)
