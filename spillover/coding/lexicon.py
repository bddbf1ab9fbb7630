"""Trigger and factuality lexicons: the words that make the rule-based coder fire.

Two kinds of entry, each in its own shipped TSV file under
``spillover/data/lexicon/`` (documented column by column in that folder's
README.md):

* :class:`TriggerPattern` (``events.tsv``): a verb or noun, optionally with
  required dependent words ("shoot down", "impose sanction"), and everything the
  extractor needs to turn a match into an event: PLOVER type and mode, CAMEO
  code, which prepositions introduce the target or the source, and how reliable
  the trigger is in news text.
* :class:`FactualityCue` (``factuality.tsv``): words that change the status of
  an event ("intercepted", "threatened to", "reportedly", "not").

The lexicon is data, not code, so that analysts can review and extend it
without touching Python: :meth:`Lexicon.load` takes extra user files with the
same columns, whose rows add to or replace the shipped ones. Every row is
validated against the PLOVER vocabulary and the CAMEO table at load time, and a
bad row is reported as ``path:line: message``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spillover.coding.ontology import CameoTable
from spillover.coding.plover import PLOVER_MODES
from spillover.coding.tsv import TsvRow, read_text, read_tsv, shipped_text
from spillover.errors import DataFileError
from spillover.records import EVENT_TYPES, STATUSES

__all__ = ["CUE_SCOPES", "FactualityCue", "Lexicon", "TriggerPattern"]

#: How a factuality cue relates to the trigger it affects.
#: ``head``: the cue word governs the trigger ("threatened to *strike*");
#: ``modifier``: the cue is a dependent of the trigger ("*reportedly* struck");
#: ``clause``: the cue anywhere in the sentence colours it ("*according to* ...").
CUE_SCOPES: tuple[str, ...] = ("head", "modifier", "clause")

_TRIGGER_POS = ("VERB", "NOUN")
_SUBJECT_ROLES = ("source", "target")
# Universal POS tags a cue may be restricted to.
_CUE_POS = ("VERB", "NOUN", "ADJ", "ADV", "AUX", "PART", "DET", "ADP", "SCONJ", "PRON")
_EVENT_COLUMNS = ("pattern", "pos", "event_type", "mode", "cameo", "target_preps", "source_preps", "weight")
_EVENT_OPTIONAL = ("subject_role", "notes")
_CUE_COLUMNS = ("cue", "pos", "status", "scope", "confidence_factor")
_CUE_OPTIONAL = ("notes",)
_WORD = re.compile(r"^[a-z0-9][a-z0-9'\-]*$")


@dataclass(frozen=True)
class TriggerPattern:
    """One way of saying that an event happened, and how to read its arguments.

    Attributes:
        pattern: The pattern as written: head lemma, then required dependents
            ("shoot down", "impose sanction", "strike air" for "air strike").
        lemma: Head lemma, the token the extractor looks up.
        pos: ``VERB`` or ``NOUN``: the part of speech the head must have.
        particles: Lemmas that must also be present as dependents of the head
            (particle, preposition, object or compound), in pattern order.
        event_type: PLOVER event type.
        mode: PLOVER mode, or None.
        cameo: CAMEO code (exists in the CAMEO table).
        target_preps: Prepositions whose object is the event's target. For verbs
            the direct object is always a target candidate as well.
        source_preps: Prepositions whose object is the source (passive "by",
            nouns "by"/"from").
        weight: How reliably the trigger signals this event in news, 0-1. It
            is the starting point of the event's confidence.
        subject_role: ``source`` (normal) or ``target``: the grammatical subject
            is the one the action is done to ("Erdogan *hosted* Putin": the
            visitor is the PLOVER source; "Israel *intercepted* a drone": the
            attack came from the drone's owner).

    """

    pattern: str
    lemma: str
    pos: str
    particles: tuple[str, ...]
    event_type: str
    mode: str | None
    cameo: str
    target_preps: tuple[str, ...]
    source_preps: tuple[str, ...]
    weight: float
    subject_role: str = "source"

    @property
    def key(self) -> tuple[str, str]:
        """Identity used when a user file overrides a shipped row: (pattern, pos)."""
        return (self.pattern, self.pos)


@dataclass(frozen=True)
class FactualityCue:
    """A word that changes the status of the event it is attached to.

    Attributes:
        cue: The cue as written: key lemma, then any required dependents
            ("shoot down", "call for"). Clause cues are written as the surface
            word ("according"), because the sentence is scanned word by word.
        lemma: The key lemma (first word of ``cue``).
        pos: Part of speech the cue token must have, or None for any.
        status: The status it gives the event (one of
            :data:`spillover.records.STATUSES`).
        scope: ``head``, ``modifier`` or ``clause`` (see :data:`CUE_SCOPES`).
        confidence_factor: Multiplier applied to the event's confidence, 0-1:
            hedges ("may", "unconfirmed") lower it, plain markers keep it near 1.
        particles: Further lemmas that must be dependents of the cue word.

    """

    cue: str
    lemma: str
    pos: str | None
    status: str
    scope: str
    confidence_factor: float
    particles: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, str, str]:
        """Identity used when a user file overrides a shipped row: (cue, pos, scope)."""
        return (self.cue, self.pos or "", self.scope)


class Lexicon:
    """Trigger patterns and factuality cues, indexed for constant-time lookup by lemma.

    Build it once with :meth:`load` and hand it to the extractor; it holds no
    reference to files after loading.
    """

    def __init__(
        self,
        patterns: Iterable[TriggerPattern],
        cues: Iterable[FactualityCue],
        cameo: CameoTable | None = None,
    ) -> None:
        """Index already-validated entries; use :meth:`load` to read files.

        A pattern with weight 0 switches its trigger off in that context: a user
        file can silence a shipped trigger without deleting it, and a specific
        row ("fight epidemic") can stop a general one ("fight") from firing
        where the word is not political. Such rows stay in the head index, so
        the matcher meets them first, but not in :attr:`patterns`.
        """
        self.cameo = cameo
        every = tuple(patterns)
        self._patterns = tuple(p for p in every if p.weight > 0)
        self._cues = tuple(cues)
        by_head: dict[tuple[str, str], list[TriggerPattern]] = {}
        for p in every:
            by_head.setdefault((p.lemma, p.pos), []).append(p)
        # Most particles first so the caller can stop at the first full match;
        # among equally specific patterns the more reliable one comes first.
        self._by_head = {k: tuple(sorted(v, key=lambda p: (-len(p.particles), -p.weight))) for k, v in by_head.items()}
        #: Every word that heads a pattern, of either part of speech: most tokens are none of them, and the
        #: matcher can dismiss those with one set lookup instead of testing their parse.
        self.head_words = frozenset(lemma for lemma, _pos in self._by_head)
        by_lemma: dict[str, list[FactualityCue]] = {}
        for c in self._cues:
            by_lemma.setdefault(c.lemma, []).append(c)
        self._cues_by_lemma = {k: tuple(sorted(v, key=lambda c: -len(c.particles))) for k, v in by_lemma.items()}

    # -- construction -------------------------------------------------------
    @classmethod
    def load(cls, extra_paths: Sequence[Path] = (), cameo: CameoTable | None = None) -> Lexicon:
        """Read the shipped lexicons, then each user file in order.

        A user file is an events file (header has ``pattern``) or a factuality
        file (header has ``cue``), with the same columns as the shipped one.
        A row whose (pattern, pos) or (cue, pos, scope) matches an earlier row
        replaces it; any other row is added. Later files win.

        Args:
            extra_paths: User lexicon files, applied after the shipped ones.
            cameo: CAMEO table to validate codes against; loaded from the
                shipped file when omitted.

        Raises:
            DataFileError: ``path:line: message`` for the first invalid row,
                or ``path: message`` for an unreadable file.

        """
        table = cameo if cameo is not None else CameoTable.load()
        patterns: dict[tuple[str, str], TriggerPattern] = {}
        cues: dict[tuple[str, str, str], FactualityCue] = {}
        text, source = shipped_text("events.tsv")
        patterns.update(_parse_events(text, source, table))
        text, source = shipped_text("factuality.tsv")
        cues.update(_parse_cues(text, source))
        for raw_path in extra_paths:
            path = Path(raw_path)
            text = read_text(path)
            kind = _file_kind(text, str(path))
            if kind == "events":
                patterns.update(_parse_events(text, str(path), table))
            else:
                cues.update(_parse_cues(text, str(path)))
        return cls(patterns.values(), cues.values(), table)

    # -- lookups --------------------------------------------------------------
    def triggers(self, lemma: str, pos: str) -> list[TriggerPattern]:
        """Patterns whose head is ``lemma`` with part of speech ``pos``, most specific first.

        The caller tries them in order and keeps the first whose particles are
        all present, so "shoot down" is preferred over bare "shoot"; when that
        first match has weight 0 the token is no trigger at all.
        """
        return list(self._by_head.get((lemma.lower(), pos.upper()), ()))

    def cue(self, lemma: str, scope: str | None = None, pos: str | None = None) -> FactualityCue | None:
        """Return the single-word cue for ``lemma`` (optionally of one scope), or None.

        Multi-word cues ("shoot down", "call for") are not returned here because
        their extra words must be checked against the parse; use :meth:`cues`.
        A lemma may have cues of several scopes ("suspect" governs in "suspected
        of attacking", modifies in "a suspected strike"); pass ``scope`` to get
        the right one, and ``pos`` to skip cues written for another part of
        speech ("a suspected strike" is a cue, "detained seven suspects" is not).
        """
        for c in self._cues_by_lemma.get(lemma.lower(), ()):
            if c.particles or (scope is not None and c.scope != scope):
                continue
            if pos is not None and c.pos is not None and c.pos != pos:
                continue
            return c
        return None

    def cues(self, lemma: str) -> list[FactualityCue]:
        """All cues keyed by ``lemma``, those with the most required dependents first."""
        return list(self._cues_by_lemma.get(lemma.lower(), ()))

    def cues_by_scope(self, scope: str) -> tuple[FactualityCue, ...]:
        """All cues of one scope, in file order.

        Raises:
            ValueError: if ``scope`` is not one of :data:`CUE_SCOPES`.

        """
        if scope not in CUE_SCOPES:
            raise ValueError(f"unknown cue scope {scope!r}; expected one of {', '.join(CUE_SCOPES)}")
        return tuple(c for c in self._cues if c.scope == scope)

    @property
    def patterns(self) -> tuple[TriggerPattern, ...]:
        """Every active trigger pattern (weight > 0), shipped and user-supplied."""
        return self._patterns

    @property
    def factuality_cues(self) -> tuple[FactualityCue, ...]:
        """Every factuality cue, shipped and user-supplied."""
        return self._cues

    def __len__(self) -> int:
        """Return the number of active trigger patterns."""
        return len(self._patterns)


# -- parsing ----------------------------------------------------------------
def _file_kind(text: str, source: str) -> str:
    """Tell an events file from a factuality file by its header."""
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        header = {c.strip().lower() for c in line.split("\t")}
        if "pattern" in header:
            return "events"
        if "cue" in header:
            return "factuality"
        raise DataFileError(f"{source}:{lineno}: header has neither 'pattern' (events) nor 'cue' (factuality)")
    raise DataFileError(f"{source}: no header row")


def _words(text: str, where: str, what: str) -> tuple[str, ...]:
    """Split a pattern or cue into lowercase words, rejecting anything that is not a plain word."""
    words = tuple(text.lower().split())
    if not words:
        raise DataFileError(f"{where}: empty {what}")
    for w in words:
        if not _WORD.match(w):
            raise DataFileError(f"{where}: {what} word {w!r} is not a plain lowercase word")
    return words


def _preps(text: str, where: str, column: str) -> tuple[str, ...]:
    """Parse a ``|``-separated preposition list."""
    if not text:
        return ()
    preps = tuple(p.strip().lower() for p in text.split("|"))
    for p in preps:
        if not p.isalpha():
            raise DataFileError(f"{where}: {column} entry {p!r} must be a single word (use '|' between words)")
    return preps


def _unit_float(text: str, where: str, column: str) -> float:
    """Parse a number in [0, 1]."""
    try:
        value = float(text)
    except ValueError:
        raise DataFileError(f"{where}: {column} must be a number in [0, 1], got {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise DataFileError(f"{where}: {column} {value} outside [0, 1]")
    return value


def _parse_events(text: str, source: str, cameo: CameoTable) -> dict[tuple[str, str], TriggerPattern]:
    """Validate every row of an events file; duplicates within one file are errors."""
    out: dict[tuple[str, str], TriggerPattern] = {}
    for row in read_tsv(text, source, _EVENT_COLUMNS, _EVENT_OPTIONAL):
        pattern = _event_row(row, cameo)
        if pattern.key in out:
            raise DataFileError(f"{row.where()}: duplicate pattern {pattern.pattern!r} ({pattern.pos})")
        out[pattern.key] = pattern
    return out


def _event_row(row: TsvRow, cameo: CameoTable) -> TriggerPattern:
    """Check one events row; a wrong type, mode or code would silently miscode every match."""
    v = row.values
    where = row.where()
    words = _words(v["pattern"], where, "pattern")
    pos = v["pos"].upper()
    if pos not in _TRIGGER_POS:
        raise DataFileError(f"{where}: pos must be VERB or NOUN, got {v['pos']!r}")
    etype = v["event_type"].upper()
    if etype not in EVENT_TYPES:
        raise DataFileError(f"{where}: event_type {v['event_type']!r} is not a PLOVER type")
    mode = v["mode"] or None
    if mode is not None and mode not in PLOVER_MODES[etype]:
        allowed = ", ".join(PLOVER_MODES[etype]) or "none"
        raise DataFileError(f"{where}: mode {mode!r} is not a PLOVER mode of {etype} (allowed: {allowed})")
    code = v["cameo"]
    if code not in cameo:
        raise DataFileError(f"{where}: cameo code {code!r} is not in the CAMEO table")
    role = (v.get("subject_role") or "source").lower()
    if role not in _SUBJECT_ROLES:
        raise DataFileError(f"{where}: subject_role must be 'source' or 'target', got {role!r}")
    return TriggerPattern(
        pattern=" ".join(words),
        lemma=words[0],
        pos=pos,
        particles=words[1:],
        event_type=etype,
        mode=mode,
        cameo=code,
        target_preps=_preps(v["target_preps"], where, "target_preps"),
        source_preps=_preps(v["source_preps"], where, "source_preps"),
        weight=_unit_float(v["weight"], where, "weight"),
        subject_role=role,
    )


def _parse_cues(text: str, source: str) -> dict[tuple[str, str, str], FactualityCue]:
    """Validate every row of a factuality file; duplicates within one file are errors."""
    out: dict[tuple[str, str, str], FactualityCue] = {}
    for row in read_tsv(text, source, _CUE_COLUMNS, _CUE_OPTIONAL):
        cue = _cue_row(row)
        if cue.key in out:
            raise DataFileError(f"{row.where()}: duplicate cue {cue.cue!r} ({cue.pos or 'any pos'}, {cue.scope})")
        out[cue.key] = cue
    return out


def _cue_row(row: TsvRow) -> FactualityCue:
    """Check one factuality row; an unknown status or scope would never fire and go unnoticed."""
    v = row.values
    where = row.where()
    words = _words(v["cue"], where, "cue")
    pos = v["pos"].upper() or None
    if pos is not None and pos not in _CUE_POS:
        raise DataFileError(f"{where}: pos {v['pos']!r} is not one of {', '.join(_CUE_POS)} (or empty)")
    status = v["status"].lower()
    if status not in STATUSES:
        raise DataFileError(f"{where}: status {v['status']!r} is not one of {', '.join(STATUSES)}")
    scope = v["scope"].lower()
    if scope not in CUE_SCOPES:
        raise DataFileError(f"{where}: scope {v['scope']!r} is not one of {', '.join(CUE_SCOPES)}")
    return FactualityCue(
        cue=" ".join(words),
        lemma=words[0],
        pos=pos,
        status=status,
        scope=scope,
        confidence_factor=_unit_float(v["confidence_factor"], where, "confidence_factor"),
        particles=words[1:],
    )
