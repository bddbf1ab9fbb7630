"""Reader and scorer for CASE 2021 shared task 2 (fine-grained event classification).

The gold gives each text snippet one of 30 labels: the 25 ACLED sub-event
types plus five "unseen" ones (organised crime, natural and man-made disaster,
diplomatic event, attribution of responsibility). File format: TSV with the
header ``id<TAB>EventSnippet<TAB>SubType`` and no quoting.

spillover codes PLOVER events, not ACLED types, so the bridge is the shipped
table ``spillover/data/eval/case2021_plover.tsv`` (its header documents every
choice). Two scores come out of it:

* label level (``accuracy``, ``macro_f1``, ``micro_f1``): the most confident
  event's (type, mode, source-actor class) is mapped back to a CASE label with
  the table's most specific row; a snippet without events is "no political
  event", mapped by the learned classifier's label for the whole snippet: its
  reason (natural disaster, crime), or the event type it reads when every
  candidate event fell under the coder's thresholds, or else MAN_MADE_DISASTER. When that reading is
  non-political, a weak best event (< 0.3) counts as a misfire and is dropped;
* type level (``type_macro_f1``, ``type_accuracy``): each gold label becomes
  its PLOVER type; a predicted type that the table maps back to the gold label
  counts as that type. This is the coarser score PLOVER can honestly promise,
  since several ACLED types differ only in details PLOVER leaves to ``mode``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from importlib.resources import files
from pathlib import Path

from spillover.errors import DataFileError, EvalFormatError
from spillover.evaluation.metrics import NO_EVENT, best_event, classification_scores
from spillover.evaluation.report import EvalReport, Table
from spillover.evaluation.runner import BatchExtractor, TextClassifier, extract_checked, read_text, take
from spillover.records import Event

MAPPING_FILE = "case2021_plover.tsv"
_STATE = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
_NONSTATE = frozenset({"REB", "INS", "UAF", "OPP"})
_USES = frozenset({"gold", "pred", "both"})


@dataclass(frozen=True)
class Snippet:
    """One gold snippet."""

    id: str
    text: str
    label: str


@dataclass(frozen=True)
class CaseMapping:
    """The CASE label <-> PLOVER bridge loaded from the mapping file.

    Attributes:
        labels: All CASE labels, in file order.
        gold_type: Each label's PLOVER type (``NONE`` for non-political labels).
        accepted_types: Every PLOVER type that maps back to each label.
        reverse: ``(type, mode, actor) -> label`` for predictions; ``*`` = any.

    """

    labels: tuple[str, ...]
    gold_type: Mapping[str, str]
    accepted_types: Mapping[str, frozenset[str]]
    reverse: Mapping[tuple[str, str, str], str]

    def label_for(self, event: Event | None, kind: str | None = None) -> str:
        """Map a predicted event (or None = no event) to a CASE label with the most specific row.

        ``kind`` is the classifier's label for a text without events: a reason (``NONE/natural``)
        selects a ``NONE`` row with that mode when the table has one; an event label
        (``COERCE/confiscate``) is the classifier's reading of a snippet whose events all fell under
        the coder's thresholds, and is mapped like an event of that type and mode.
        """
        if event is None:
            kind_type, kind_mode = kind_parts(kind)
            if kind_type != NO_EVENT:
                return self._lookup(kind_type, (kind_mode or "*").lower(), "*")
            reason = kind_mode or "*"
            return self.reverse.get((NO_EVENT, reason, "*")) or self.reverse[(NO_EVENT, "*", "*")]
        return self._lookup(event.event_type, (event.mode or "*").lower(), actor_class(event))

    def _lookup(self, event_type: str, mode: str, actor: str) -> str:
        """The label of the most specific row: (type, mode, actor) > (type, mode) > (type, actor) > type."""
        keys = ((event_type, mode, actor), (event_type, mode, "*"), (event_type, "*", actor), (event_type, "*", "*"))
        for key in keys:
            if key in self.reverse:
                return self.reverse[key]
        return event_type  # a type with no CASE label: scored as wrong

    def type_for(self, gold_label: str, event: Event | None, kind: str | None = None) -> str:
        """Type-level prediction: the gold label's type when the event type maps back to that label.

        Without an event, the classifier's ``kind`` gives the type, as in :meth:`label_for`.
        """
        predicted = event.event_type if event is not None else kind_parts(kind)[0]
        return self.gold_type[gold_label] if predicted in self.accepted_types[gold_label] else predicted


def actor_class(event: Event) -> str:
    """``state``/``nonstate`` from the source actor's sector, ``*`` when it says neither."""
    sector = (event.source.sector or "").upper() if event.source is not None else ""
    if sector in _STATE:
        return "state"
    if sector in _NONSTATE:
        return "nonstate"
    return "*"


def load_mapping(text: str | None = None) -> CaseMapping:
    """Load the CASE<->PLOVER table (the shipped one unless ``text`` is given).

    Raises:
        DataFileError: a row is malformed, a key is mapped twice, a label lacks
            its gold row, or "no event" has no label.

    """
    if text is None:
        text = (files("spillover") / "data" / "eval" / MAPPING_FILE).read_text(encoding="utf-8")
    labels: list[str] = []
    gold_type: dict[str, str] = {}
    accepted: dict[str, set[str]] = {}
    reverse: dict[tuple[str, str, str], str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < 5 or cells[4] not in _USES or cells[3] not in {"*", "state", "nonstate"}:
            raise DataFileError(f"{MAPPING_FILE}:{number}: expected label, type, mode, actor, use(gold|pred|both)")
        label, ptype, mode, actor, use = (c.strip() for c in cells[:5])
        if label not in accepted:
            labels.append(label)
            accepted[label] = set()
        accepted[label].add(ptype)
        if use in {"gold", "both"}:
            if label in gold_type:
                raise DataFileError(f"{MAPPING_FILE}:{number}: second gold row for {label}")
            gold_type[label] = ptype
        if use in {"pred", "both"}:
            key = (ptype, mode.lower(), actor)
            if key in reverse:
                raise DataFileError(f"{MAPPING_FILE}:{number}: {key} already maps to {reverse[key]}")
            reverse[key] = label
    missing = [label for label in labels if label not in gold_type]
    if missing or (NO_EVENT, "*", "*") not in reverse:
        raise DataFileError(f"{MAPPING_FILE}: labels without a gold row {missing} or no row for '{NO_EVENT} * *'")
    return CaseMapping(
        labels=tuple(labels),
        gold_type=gold_type,
        accepted_types={label: frozenset(types) for label, types in accepted.items()},
        reverse=reverse,
    )


def read_case2021(path: Path, known_labels: Sequence[str] | None = None) -> list[Snippet]:
    """Parse a CASE 2021 task 2 TSV with gold labels.

    Args:
        path: The TSV (header ``id, EventSnippet, SubType``).
        known_labels: When given, a label outside it is an error (a typo in a
            hand-made file would otherwise become a class of its own).

    Raises:
        EvalFormatError: missing columns, a short row, or an unknown label.

    """
    content = read_text(path, "case2021")
    reader = csv.DictReader(io.StringIO(content), delimiter="\t", quoting=csv.QUOTE_NONE)
    wanted = {"id", "EventSnippet", "SubType"}
    if reader.fieldnames is None or not wanted <= set(reader.fieldnames):
        raise EvalFormatError(f"case2021: {path}: header must contain {', '.join(sorted(wanted))}")
    allowed = set(known_labels) if known_labels is not None else None
    snippets: list[Snippet] = []
    for row in reader:
        if not any((value or "").strip() for value in row.values() if isinstance(value, str)):
            continue
        snippet_id, text, label = (row.get(key) for key in ("id", "EventSnippet", "SubType"))
        if not snippet_id or not text or not label:
            raise EvalFormatError(f"case2021: {path}:{reader.line_num}: row needs id, snippet and label")
        label = label.strip()
        if allowed is not None and label not in allowed:
            raise EvalFormatError(f"case2021: {path}:{reader.line_num}: unknown label {label!r}")
        snippets.append(Snippet(id=snippet_id.strip(), text=text.strip(), label=label))
    return snippets


def score_case2021(
    snippets: Sequence[Snippet],
    predictions: Sequence[Sequence[Event]],
    mapping: CaseMapping,
    name: str,
    kinds: Sequence[str | None] | None = None,
) -> EvalReport:
    """Score predicted events against the gold snippets (same order).

    ``kinds`` are the classifier's labels of the snippets (see ``Pipeline.classify_texts``); they only
    decide the label of snippets without events.
    """
    if len(snippets) != len(predictions):
        raise ValueError(f"{len(snippets)} snippets but {len(predictions)} prediction lists")
    kinds = list(kinds) if kinds is not None else [None] * len(snippets)
    if len(kinds) != len(snippets):
        raise ValueError(f"{len(snippets)} snippets but {len(kinds)} text kinds")
    best = [_decide(events, kind) for events, kind in zip(predictions, kinds, strict=True)]
    gold = [s.label for s in snippets]
    predicted = [mapping.label_for(event, kind) for event, kind in zip(best, kinds, strict=True)]
    by_label = classification_scores(gold, predicted, mapping.labels)
    type_labels = list(dict.fromkeys(mapping.gold_type[label] for label in mapping.labels))
    gold_types = [mapping.gold_type[label] for label in gold]
    pred_types = [mapping.type_for(label, event, kind) for label, event, kind in zip(gold, best, kinds, strict=True)]
    type_scores = classification_scores(gold_types, pred_types, type_labels)
    summary: dict[str, float | int] = {
        "n": by_label.n,
        "accuracy": by_label.accuracy,
        "macro_f1": by_label.macro_f1,
        "micro_f1": by_label.micro_f1,
        "type_accuracy": type_scores.accuracy,
        "type_macro_f1": type_scores.macro_f1,
        "n_no_event": sum(1 for event in best if event is None),
    }
    notes = [
        "label = CASE label of the most confident event's (type, mode, source class) via "
        f"spillover/data/eval/{MAPPING_FILE}; no event -> the classifier's label for the snippet "
        f"(an event type and mode, or the NONE row of its reason: natural, crime, ...), else {mapping.label_for(None)}",
        f"snippet decision: when the classifier reads the whole snippet as {', '.join(sorted(NON_POLITICAL))}, "
        f"a best event under {WEAK_EVENT} confidence is dropped; an arrest or dispersal beside a protest "
        f"(>= {PROTEST_FLOOR}) makes the snippet that protest with intervention, force used on protesters "
        "makes it excessive force only when lethal or injuring (ACLED), else an intervention; protesters' "
        "demands beside their protest are that protest; a weapon ACLED files on its own (chemical, suicide, "
        "grenade, explosive) outranks a generic attack; a best event without a mode takes the classifier's "
        "snippet label; armed violence whose target is civilians (by sector, not generic 'people') is an attack, "
        "not a clash; "
        "a claimed or denied deed "
        "(CAMEO 015/016) is an attribution (ACCUSE/allege)",
        "type level: gold label -> its PLOVER type; a predicted type that maps back to the gold label counts as it",
    ]
    type_rows = tuple(
        (row.label, row.precision, row.recall, row.f1, row.support, row.predicted) for row in type_scores.per_label
    )
    return EvalReport(
        name=name,
        summary=summary,
        per_label=list(by_label.per_label),
        confusion=by_label.confusion,
        tables=[Table("PLOVER type level", ("type", "P", "R", "F1", "support", "predicted"), type_rows)],
        notes=notes,
    )


#: Kinds of report with no political event at all; when the classifier reads a whole snippet as one of
#: these, an event weaker than :data:`WEAK_EVENT` is taken for a misfiring rule ("floods killed 12").
NON_POLITICAL = frozenset({"NONE/natural", "NONE/accident", "NONE/crime"})
WEAK_EVENT = 0.3


#: CAMEO codes of a claim (015) or denial (016) of responsibility for a deed.
RESPONSIBILITY_CODES = frozenset({"015", "016"})
#: Coercion modes that, next to a protest in the same snippet, are ACLED's "intervention" in it.
INTERVENTION_MODES = frozenset({"arrest", "restrict"})
#: A protest weaker than this is not taken as the snippet's subject by the intervention rule.
PROTEST_FLOOR = 0.1
#: A riot this weak still makes policing beside it ACLED's violent demonstration (protesters' violence decides).
RIOT_FLOOR = 0.05
#: Modes of fighting that ACLED files under the territory it changed, when the snippet says territory changed.
CLASH_MODES = frozenset({"firearms", "sideAB"})
#: Sectors of people who are not an armed, organised side: ACLED files armed violence against them as an attack
#: (violence against civilians), not as a battle, whatever the weapon.
CIVILIAN_SECTORS = frozenset({"CVL", "EDU", "HLH", "REL", "MED", "REF", "LAB", "BUS", "NGO"})
#: Head words of a target that do not say whether the dead were civilians or fighters.
GENERIC_VICTIMS = ("people", "persons")
#: The (ext) mode of armed violence against civilians: an attack, in the mapping table.
ONE_SIDED = "one-sided"
#: A capture of territory weaker than this does not take over a clash.
SEIZE_FLOOR = 0.4
#: Weapons that define an ACLED sub-event type whatever else the snippet tells, most defining first
#: (a chemical weapon fired in shells is a chemical weapon event); modes not listed rank 0.
WEAPON_RANK = {
    "unconventional": 4,
    "chemical": 4,
    "cbrn": 4,
    "suicide-attack": 3,
    "grenade": 2,
    "explosives": 2,
}
#: A weapon-named attack weaker than this does not outrank the best attack.
WEAPON_FLOOR = 0.05
WEAPON_STATUSES = frozenset({"occurred", "alleged"})
#: Verbal acts that, said by someone who is neither a state organ nor an armed group, are what a protest
#: beside them says (ACLED codes the protest; the diplomatic label is for governments' statements).
PROTEST_SPEECH = frozenset({"REQUEST", "REJECT", "ACCUSE", "THREATEN", "SUPPORT"})
#: CAMEO code of a dispersal ("police dispersed the crowd"): it presupposes a gathering, so ACLED files it under
#: the protest it broke up even when the snippet names no protest event of its own.
DISPERSAL_CODE = "170"
#: ACLED's line between a protest with intervention and excessive force against protesters: force is
#: "excessive" when it is lethal or causes serious injury (live fire, deaths, injuries); tear gas, water
#: cannon, rubber bullets, arrests and dispersal alone are an intervention. Read in the sentences of the
#: policing events, so a death told elsewhere in the snippet (what the protest is about) does not count.
SEVERE_FORCE = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|dead|deadly|deaths?|died|fatal(?:ly)?|lethal|live (?:ammunition|fire|rounds|bullets)"
    r"|(?<!rubber )bullets|injur(?:ed|ies|y)|wounded|violently|excessive force)\b",
    re.IGNORECASE,
)


def _decide(events: Sequence[Event], kind: str | None) -> Event | None:
    """The snippet's event (:func:`_pick`), with force against protesters graded as ACLED grades it.

    A protest that is dispersed or policed is ACLED's protest with intervention unless the force was
    lethal or caused serious injury (:data:`SEVERE_FORCE` in a policing event's sentence), which makes
    it excessive force against protesters; tear gas or a dispersal alone is an intervention.
    """
    event = _pick(events, kind)
    if event is None:
        return None
    policed = event.event_type == "ASSAULT" and event.mode == "repression"
    if not policed and not (event.event_type == "PROTEST" and event.mode == "intervention"):
        return event
    policing = [e for e in events if _policing(e)]
    if any(SEVERE_FORCE.search(e.evidence.sentence) for e in policing):
        return event if policed else replace(event, event_type="ASSAULT", mode="repression")
    return replace(event, event_type="PROTEST", mode="intervention") if policed else event


def _pick(events: Sequence[Event], kind: str | None) -> Event | None:
    """The snippet's event: the most confident one, with snippet-level readings.

    * None when a weak event contradicts a non-political reading of the snippet ("floods killed 12").
    * A deed whose responsibility is claimed or denied (CAMEO 015/016) is an attribution, read as
      ACCUSE/allege.
    * ACLED files a protest that the authorities disperse or arrest as one event, a protest with
      intervention: when the best event is an arrest or a dispersal and the snippet also reports a
      protest, the snippet's event is that protest, with mode ``intervention``; the other way
      round, a protest told beside force used on the protesters is that force, and beside arrests
      or a dispersal it is a protest with intervention.
    * A demand, rejection or condemnation by a speaker who is neither a state organ nor an armed group,
      beside a protest (or its repression), is what that protest says: the snippet is the protest.
    * Policing beside a riot is a violent demonstration: ACLED labels by the demonstrators' violence.
    * ACLED files fighting in which territory changed hands under the change ("clashing with
      insurgents and capturing a village" is the government regaining territory): a clash beside a
      capture of territory is that capture.
    * An attack the lexicon names by a weapon that defines an ACLED sub-event type (chemical, suicide
      bomb, grenade, remote explosive) outranks a stronger attack of a less defining kind
      (:func:`_signature_weapon`).
    * A best event without a mode takes the classifier's label for the snippet when that label
      names another type or a mode: the rules saw that something happened, the snippet says how.
    * Armed violence against civilians (a clash mode with a civilian target) is ACLED's attack, not a
      battle: read with the (ext) mode ``one-sided``.
    """
    event = best_event(events)
    if event is not None and kind in NON_POLITICAL and event.confidence < WEAK_EVENT:
        return None
    if event is not None and event.cameo in RESPONSIBILITY_CODES:
        # a claim or denial of a part in an attack is ACLED's attribution, like an allegation
        return replace(event, event_type="ACCUSE", mode="allege")
    if event is not None and event.event_type in PROTEST_SPEECH and actor_class(event) == "*":
        # what protesters demand, reject or denounce is the content of their protest, not a diplomatic event
        protest = _strongest(events, _protest_told, PROTEST_FLOOR)
        if protest is not None:
            event = replace(protest, confidence=event.confidence)
    if event is not None and _policing(event):
        riot = _strongest(events, lambda e: e.event_type == "PROTEST" and e.mode == "riot", RIOT_FLOOR)
        if riot is not None:  # "pepper-sprayed after she climbed a police vehicle and threw bottles"
            return replace(riot, confidence=event.confidence)
    if event is not None and event.event_type == "COERCE" and event.mode in INTERVENTION_MODES:
        protest = _strongest(events, _protest_told, PROTEST_FLOOR)
        if protest is not None:
            return replace(protest, event_type="PROTEST", mode="intervention", confidence=event.confidence)
        if event.cameo == DISPERSAL_CODE:  # "police dispersed the crowd": a gathering was broken up
            return replace(event, event_type="PROTEST", mode="intervention")
    if event is not None and event.event_type == "PROTEST" and event.mode == "demo":
        # the same story told from the protest's side: the policing decides the ACLED label
        police = _strongest(events, _policing, PROTEST_FLOOR)
        if police is not None:
            if police.event_type == "ASSAULT":
                return police
            return replace(event, mode="intervention")
    if event is not None and event.event_type == "ASSAULT" and event.mode in CLASH_MODES:
        capture = _strongest(events, lambda e: e.event_type == "COERCE" and e.mode == "seize", SEIZE_FLOOR)
        if capture is not None:
            return capture
    if event is not None and event.event_type == "ASSAULT":
        weapon = _signature_weapon(events, event)
        if weapon is not None:
            return replace(weapon, confidence=event.confidence)
    kind_type, kind_mode = kind_parts(kind)
    # a vague best event ("killed", "demand") yields to the classifier's reading of the whole snippet
    if (
        event is not None
        and event.mode is None
        and kind_type != NO_EVENT
        and (kind_type != event.event_type or kind_mode is not None)
    ):
        event = replace(event, event_type=kind_type, mode=kind_mode)
    if event is not None and _one_sided(event):
        # "gunmen opened fire on worshippers": no armed side fired back, so not a battle
        return replace(event, mode=ONE_SIDED)
    return event


def kind_parts(kind: str | None) -> tuple[str, str | None]:
    """The PLOVER type (``NONE`` without a reading) and mode of a classifier label such as ``COERCE/confiscate``."""
    if not kind:
        return NO_EVENT, None
    kind_type, _, kind_mode = kind.partition("/")
    return kind_type, kind_mode or None


def _strongest(events: Sequence[Event], wanted: Callable[[Event], bool], floor: float) -> Event | None:
    """The most confident of the events ``wanted`` accepts at ``floor`` or above (the first on ties), or None."""
    found = [e for e in events if wanted(e) and e.confidence >= floor]
    return max(found, key=lambda e: e.confidence) if found else None


def _signature_weapon(events: Sequence[Event], best: Event) -> Event | None:
    """An attack with a weapon ACLED files on its own, that outranks the snippet's best attack, or None.

    ACLED's remote-violence sub-types are defined by the weapon, whoever used it and however the rest of the
    story went: a chemical attack is a chemical weapon event even when shells delivered it, suicide bombers
    who also exchanged fire are a suicide bombing. So an attack the lexicon coded with such a weapon (its
    trigger names the weapon: not a mode guessed by the classifier) outranks a stronger attack of a lower
    :data:`WEAPON_RANK`, at :data:`WEAPON_FLOOR` or above, when it is reported (not planned or denied).
    """
    rank = WEAPON_RANK.get(best.mode or "", 0) if _lexical_mode(best) else 0
    found = [
        e
        for e in events
        if e.event_type == "ASSAULT"
        and WEAPON_RANK.get(e.mode or "", 0) > rank
        and _lexical_mode(e)
        and e.status in WEAPON_STATUSES
        and e.confidence >= WEAPON_FLOOR
    ]
    return max(found, key=lambda e: (WEAPON_RANK[e.mode or ""], e.confidence)) if found else None


def _one_sided(event: Event) -> bool:
    """An armed attack or fight (:data:`CLASH_MODES`) whose target is civilians (:data:`CIVILIAN_SECTORS`)."""
    if event.event_type != "ASSAULT" or event.mode not in CLASH_MODES:
        return False
    target = event.target
    if target is None or (target.sector or "").upper() not in CIVILIAN_SECTORS:
        return False
    # "12 people killed on both sides": people, persons are counted dead in battles too, so they tell nothing
    return not (target.text or "").lower().endswith(GENERIC_VICTIMS)


def _lexical_mode(event: Event) -> bool:
    """The event's mode comes from its trigger in the lexicon, not from the classifier."""
    coder = event.evidence.coder
    return not coder.startswith("model:") and "mode:" not in coder


def _protest_told(event: Event) -> bool:
    """A protest, or the repression of one ("violently suppressed the protest" tells that there was one)."""
    return event.event_type == "PROTEST" or (event.event_type == "ASSAULT" and event.mode == "repression")


def _policing(event: Event) -> bool:
    """Force used on protesters, or their arrest or dispersal."""
    if event.event_type == "ASSAULT":
        return event.mode == "repression"
    return event.event_type == "COERCE" and event.mode in INTERVENTION_MODES


def evaluate_case2021(
    path: Path, extract: BatchExtractor, limit: int | None = None, classify: TextClassifier | None = None
) -> EvalReport:
    """Read a CASE 2021 task 2 TSV, extract events per snippet and score the labels.

    With ``classify`` (the pipeline's text classifier), a snippet without events gets the label of the
    classifier's reason (a natural disaster, organised crime) instead of the catch-all.
    """
    mapping = load_mapping()
    snippets = take(read_case2021(path, mapping.labels), limit)
    predictions = extract_checked(extract, [(s.text, None) for s in snippets])
    kinds = classify([s.text for s in snippets]) if classify is not None else None
    return score_case2021(snippets, predictions, mapping, name=f"case2021 {path.name}", kinds=kinds)
