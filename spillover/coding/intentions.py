"""CAMEO codes for promised and refused cooperation.

CAMEO codes what an actor *says it will* do as verbal cooperation ("express
intent to ...", root 03) and what it *refuses* to do as verbal conflict
("reject / refuse to ...", root 12). The extractor finds the deed itself
("release", "lift a ban", "withdraw troops") and reads its status; without this
step "Sri Lanka will not lift the ban" would be coded as the easing of a ban,
i.e. material cooperation, the opposite of what happened.

* A planned cooperative deed keeps its PLOVER type and ``planned`` status (PLOVER
  has no separate intent type); only its CAMEO code, quad class and intensity
  become those of the intention. A deed an authority *decided*, *approved* or
  *authorised* keeps the deed's code: the decision is the policy act.
* A refused cooperative deed becomes a PLOVER ``REJECT`` that occurred, with the
  refusal code's mode; the refusal is what the sentence reports.
* A denied deed keeps its type and ``denied`` status and gets CAMEO 016 (deny
  responsibility): the sentence reports a denial, not an attack.
* A deed that only its own doer claims ("the Houthis claimed that they had
  attacked the airport") keeps its type and ``alleged`` status and gets CAMEO
  015, claim responsibility, the counterpart of a denial.
* A deed only being considered ("Japan is considering sending aid") keeps its
  type and ``planned`` status and gets CAMEO 014, considering a policy option.
* A deed only hoped for or doubted ("hoped Japan would persuade Biden to lift
  sanctions", "pessimistic about a deal") keeps its type and ``planned`` status
  and gets the optimistic (013) or pessimistic (012) remark code.
* A threatened conflict deed ("threatened to shell Haifa") keeps its type and
  ``threatened`` status and gets the matching threat code (13x, verbal
  conflict): what happened is the threat. So does a conflict deed announced in
  the future tense with no other cue ("the government will extend the curfew")
  or that its actor wants, intends or plans to do ("wants to attack
  Switzerland"), which keeps its ``planned`` status.
* A deed that a speaker says another *must* or *should* do ("Russia says Israel
  must end attacks on Syria") becomes a PLOVER ``REQUEST`` by the speaker of the
  one addressed, with the matching demand code (10x): the sentence reports a demand.

The mapping is data (``spillover/data/lexicon/intentions.tsv``), keyed by CAMEO
prefix so that a specific deed code falls back to its parent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from spillover.coding.factuality import Factuality
from spillover.coding.ontology import CameoTable
from spillover.coding.tsv import read_text, read_tsv, shipped_text
from spillover.errors import DataFileError
from spillover.records import Event

__all__ = ["INTENT_KINDS", "IntentCodes"]

#: The kinds of statement the table recodes.
INTENT_KINDS = ("intent", "refusal", "denial", "demand", "threat", "claim", "consider")
_COLUMNS = ("cameo", "kind", "code")
_OPTIONAL = ("notes",)
_SHIPPED = "intentions.tsv"


class IntentCodes:
    """Map (deed CAMEO code, intent|refusal) to the CAMEO code of the statement."""

    def __init__(self, table: Mapping[tuple[str, str], str], cameo: CameoTable) -> None:
        """Keep a validated table; use :meth:`load` to read the shipped file."""
        self._table = dict(table)
        self.cameo = cameo

    @classmethod
    def load(cls, cameo: CameoTable, path: Path | None = None) -> IntentCodes:
        """Read the shipped table (or ``path``) and check every code against ``cameo``.

        Raises:
            DataFileError: A row has an unknown kind, a code missing from the
                CAMEO table, or repeats a (cameo, kind) pair.
        """
        text, source = (read_text(path), str(path)) if path is not None else shipped_text(_SHIPPED)
        table: dict[tuple[str, str], str] = {}
        for row in read_tsv(text, source, _COLUMNS, _OPTIONAL):
            prefix, kind, code = row.values["cameo"], row.values["kind"], row.values["code"]
            if kind not in INTENT_KINDS:
                raise DataFileError(f"{row.where()}: kind must be one of {', '.join(INTENT_KINDS)}, got {kind!r}")
            for value in (prefix, code):
                if value not in cameo:
                    raise DataFileError(f"{row.where()}: unknown CAMEO code {value!r}")
            if (prefix, kind) in table:
                raise DataFileError(f"{row.where()}: duplicate row for {prefix} {kind}")
            table[(prefix, kind)] = code
        return cls(table, cameo)

    def code_for(self, deed: str | None, kind: str) -> str | None:
        """Return the statement's CAMEO code for a deed code, by longest prefix; None if not covered."""
        if not deed:
            return None
        for end in range(len(deed), 1, -1):
            found = self._table.get((deed[:end], kind))
            if found is not None:
                return found
        return None

    def recode(self, event: Event, fact: Factuality, *, demand: bool = False, claim: bool = False) -> Event:
        """Return ``event`` with the code of the promise, refusal or demand it reports, or unchanged.

        Args:
            event: A coded event, with its status already decided.
            fact: How the wording frames the deed: a refusal ("will not", "refused to"), a decision
                ("decided to ease sanctions": the codebook codes the deed itself, so no intent code),
                a deliberation ("is considering sending aid"), or a hope or doubt ("hoped Japan
                would persuade Biden"), which CAMEO codes as an optimistic or pessimistic remark.
            demand: The deed is what a speaker says another must do ("said Turkey must mediate");
                its roles are already the speaker's and the addressee's.
            claim: The deed is only claimed, by the one who did it ("the Houthis claimed they had
                attacked the airport"): a claim of responsibility.
        """
        if demand:
            kind = "demand"
        elif fact.attitude is not None and event.status == "planned" and fact.attitude in self.cameo:
            entry = self.cameo.get(fact.attitude)
            return replace(event, cameo=fact.attitude, quad_class=entry.quad_class, intensity=entry.goldstein)
        elif fact.deliberation and event.status == "planned":
            kind = "consider"
        elif claim and event.status == "alleged":
            kind = "claim"
        elif event.status == "planned" and not fact.decision:
            kind = "intent"
        elif event.status == "negated" and fact.refusal:
            kind = "refusal"
        elif event.status == "denied":
            kind = "denial"
        elif event.status == "threatened":
            kind = "threat"
        else:
            return event
        code = self.code_for(event.cameo, kind)
        if code is None and kind == "intent" and (fact.cue is None or fact.intention):
            # "the government will extend the curfew", "wants to attack Switzerland": a conflict deed
            # announced or intended is, as CAMEO codes it, a threat of that deed; what happened is the statement
            code = self.code_for(event.cameo, "threat")
        if code is None:
            return event
        entry = self.cameo.get(code)
        recoded = replace(event, cameo=code, quad_class=entry.quad_class, intensity=entry.goldstein)
        if kind not in ("refusal", "demand"):
            return recoded
        plover_type, plover_mode, _ = self.cameo.plover(code)
        fallback = "REJECT" if kind == "refusal" else "REQUEST"
        return replace(
            recoded, event_type=plover_type or fallback, mode=plover_mode, context=entry.contexts, status="occurred"
        )
