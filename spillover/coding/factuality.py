"""Factuality of an event: did it happen, or was it tried, threatened, planned or denied.

The status is read off the parse around the trigger, using the cue lexicon:

* the trigger's own modifiers ("not", "never", "reportedly", "may");
* verbs governing it up the tree ("threatened to strike", "warned that it would
  strike", "foiled a plot to attack", "denied attacking", "intercepted the
  missile");
* clause-level hedges anywhere in the sentence ("allegedly", "unconfirmed").

The first governing cue wins because the nearest one scopes over the event:
in "Iran denied that it had planned to attack", the attack is *denied*.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spillover.coding.lexicon import FactualityCue, Lexicon
from spillover.coding.roles import TEMPORAL_MARKS, marked_infinitive

if TYPE_CHECKING:
    from spacy.tokens import Token

_GOVERNING_DEPS = frozenset(
    {
        "xcomp",
        "ccomp",
        "dobj",
        "pobj",
        "prep",
        "acl",
        "advcl",
        "relcl",
        "nsubjpass",
        "pcomp",
        "attr",
        "appos",
        "compound",
        "amod",
        "nsubj",
        "conj",
    }
)
_FUTURE_AUX = frozenset({"will", "would", "shall", "'ll"})
# "won't" is split into "wo" + "n't" ("can't" into "ca" + "n't"); with a negation these mark a refusal
# ("will not lift", "cannot accept more refugees"), not a mere non-event.
_REFUSAL_AUX = _FUTURE_AUX | {"wo", "can", "ca"}
# Negating cue verbs that report a refusal ("refused to free", "declined to lift").
_REFUSAL_VERBS = frozenset({"refuse", "decline", "reject", "unwilling"})
#: Cue verbs that report a decision taken, not a promise: "Japan decided to ease sanctions" is coded
#: as the easing (CAMEO 085, status planned), not as an intention to ease (0354).
_DECISION_VERBS = frozenset({"decide", "authorize", "authorise", "approve"})
#: Cue verbs of deliberation: "is considering sending aid" is CAMEO 014, considering a policy option.
_DELIBERATION_VERBS = frozenset({"consider", "mull", "weigh", "contemplate"})
#: Cue verbs of intention: a conflict deed an actor wants, intends or plans to do is, as CAMEO codes it,
#: a threat of it ("wants to attack Switzerland", "the government's plans to impose restrictions").
_INTENTION_VERBS = frozenset({"want", "intend", "plan", "aim", "seek", "mean"})
#: Cue verbs of command: "ordered troops to the border" gives an order that is carried out as it is given.
_ORDER_VERBS = frozenset({"order", "instruct", "command", "direct"})
#: Words of hope and of doubt, with the CAMEO code of the comment they make: a deed only hoped
#: for ("hoped Japan would persuade Biden to lift sanctions") or doubted ("skeptical the programme
#: would meet the deadline") is an optimistic (013) or pessimistic (012) remark, not an intention.
_ATTITUDE_CODES = {
    **dict.fromkeys(("hope", "hop", "wish", "optimism", "optimistic"), "013"),
    **dict.fromkeys(("pessimism", "pessimistic", "skeptical", "sceptical", "doubt", "doubtful"), "012"),
}
#: Cue verbs after which a statement (agree, meet, recognise) did not come about: CAMEO codes the
#: outcome as a rejection (12x) rather than a cooperative statement that was attempted.
_FAILURE_VERBS = frozenset({"fail"})
#: Verbs that stop a text from being adopted: what the text says ("blocked a statement condemning Tehran") was not said.
_BLOCKING_VERBS = frozenset({"block", "veto"})
_MAX_HOPS = 4
#: Cue verbs that make a plan only of the infinitive they govern, not of their object ("asked NATO to help
#: patrol" asks for a patrol; "asked about the attack" says nothing of the attack).
_INFINITIVE_CUES = frozenset({"offer", "ask", "request"})
#: Nouns that make a plan only of the infinitive they govern ("an offer to mediate", "readiness to host
#: talks"); their cue rows in factuality.tsv apply to nothing else, not even to the noun itself as a trigger
#: ("put on full combat *readiness*"). Not "decision": "the UK's decision to
#: expel 23 diplomats" is the expulsion, as CAMEO codes a decided deed.
INFINITIVE_NOUNS = frozenset({"offer", "readiness", "willingness", "proposal"})
#: Confidence factor of a deed only supposed ("any attack would be met with force").
_SUPPOSED_FACTOR = 0.5
#: Nouns of a conversation: "in a phone call" is where a statement was made, not a thing it promises (and,
#: for the argument reader, its parties are the teller and the told: "told Araghchi in a phone call").
SETTING_NOUNS = frozenset({"call", "conversation"})
#: Prepositions that place a statement in such a conversation.
_SETTING_PREPS = frozenset({"in", "during", "over"})
#: Subordinators of a condition: an event in such a clause has not happened ("if Iran attacks again").
_CONDITION_MARKS = frozenset({"if", "unless", "lest"})
_CONDITION_FACTOR = 0.6


@dataclass(frozen=True)
class Factuality:
    """Status of an event and how much the wording weakens our confidence in it."""

    status: str
    factor: float
    cue: str | None = None
    refusal: bool = False
    """A negated deed that is a refusal ("will not lift", "refused to free"): CAMEO codes it as rejection."""
    decision: bool = False
    """A planned deed that an authority has decided or approved: CAMEO codes the deed, not an intent."""
    deliberation: bool = False
    """A deed only being considered ("is considering sending aid"): CAMEO 014, a policy option weighed."""
    attitude: str | None = None
    """CAMEO code of the hope (013) or doubt (012) that is all the sentence says about a planned deed."""
    intention: bool = False
    """A deed its actor wants, intends or plans to do ("wants to attack"): a conflict deed so told is a threat."""
    order: bool = False
    """A planned deed someone ordered ("ordered the army onto combat readiness"): a mobilisation so ordered is done."""


#: Verbs whose negation affirms: "we will not hesitate to respond" says they will; "would not tolerate" warns.
LITOTES = frozenset({"hesitate", "tolerate"})


def _future(verb: Token) -> bool:
    """Whether a verb is told in the future ("will allow", "would allow")."""
    return any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in verb.children)


def assess(trigger: Token, lexicon: Lexicon, *, self_status: str | None = None, material: bool = True) -> Factuality:
    """Decide the status of the event signalled by ``trigger``.

    Args:
        trigger: The event's trigger token.
        lexicon: Holds the factuality cues.
        self_status: A status carried by the trigger itself (e.g. "intercept"
            signals an attempted attack); it applies unless a stronger cue governs.
        material: Whether the event is a deed (quad 2/4) rather than a statement.
            "Israel would respond" is a threat that happened, not a planned deed,
            so future auxiliaries only make deeds ``planned``.

    """
    factor = 1.0
    status = self_status or "occurred"
    litotes = trigger.lemma_.lower() in LITOTES
    for child in trigger.children:
        if child.dep_ == "neg" and litotes:
            continue
        if child.dep_ == "neg":
            refusal = any(c.dep_ == "aux" and c.lower_ in _REFUSAL_AUX for c in trigger.children)
            return Factuality("negated", 0.9, child.text, refusal)
        cue = lexicon.cue(child.lemma_.lower(), scope="modifier", pos=child.pos_)
        if cue is not None:
            if cue.status in ("negated", "alleged"):
                status = cue.status if status == "occurred" else status
            factor *= cue.confidence_factor
        if material and child.dep_ == "aux" and child.lower_ in _FUTURE_AUX and status == "occurred":
            status = "planned"
    if material and status == "occurred" and _future_object(trigger):
        status = "planned"  # "the government will extend the curfew", "a curfew will be imposed"
    if material and _supposed(trigger):
        return Factuality("planned", factor * _SUPPOSED_FACTOR, "any")
    head = trigger
    for _ in range(_MAX_HOPS if not (_dated_past(trigger) or _setting(trigger)) else 0):
        if head.head.i == head.i or head.dep_ not in _GOVERNING_DEPS:
            break
        via = head.dep_
        # "stopped short of closing the border or *expelling* its ambassador": a gerund shares its negation
        # (not an allegation: "accused the coast guard of ramming and firing water cannon" tells the firing)
        gerund = head.tag_ == "VBG" and head.head.tag_ == "VBG" and head.head.dep_ == "pcomp"
        negator = lexicon.cue(head.head.head.head.lemma_.lower(), scope="head") if gerund else None
        gerund = negator is not None and negator.status == "negated"
        if via == "conj" and not (_marked_complement(head) or _infinitive_conjunct(head) or gerund):
            break  # "ordered the envoy to leave and accused Vilnius": a finite sibling clause, not governed
        blocked = via in ("acl", "relcl") and head.i == trigger.i and head.head.dep_ == "dobj"
        if blocked and head.head.head.lemma_.lower() in _BLOCKING_VERBS:
            return Factuality("negated", factor, head.head.head.text)  # "vetoed a resolution condemning the strike"
        if via == "relcl" and head.head.dep_ in ("appos", "dep"):
            break  # "accused Baku of ..., a claim Baku immediately rejected": the narrator's aside, told as fact
        if via == "relcl" and any(
            p.dep_ == "prep" and any(o.lower_ in ("which", "whom") for o in p.children) for p in head.children
        ):
            break  # "talks were agreed during a call, in which Pezeshkian apologised": the call's own fact
        if via == "advcl" and any(c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS for c in head.children):
            break  # "accused Iran of an attack after two drones crossed": the time clause is given as fact
        if via == "advcl" and not material and head.tag_ == "VBG" and not any(c.dep_ == "mark" for c in head.children):
            break  # "ordered the diplomats to leave, accusing them of ...": said as the order was given
        infinitive = via == "xcomp" or (via == "ccomp" and marked_infinitive(head))
        # "offered on Friday to send observers": the parser hangs an infinitive after an adjunct as an advcl
        to_clause = via == "xcomp" or (via == "advcl" and marked_infinitive(head))
        head = head.head
        if material and infinitive and status == "occurred" and _future(head):
            status = "planned"  # "said it would allow NATO to deploy more batteries": not yet deployed
        if via == "conj":
            continue  # "alleged that France knew, and that its army helped": a conjunct shares its governor
        cue = lexicon.cue(head.lemma_.lower(), scope="head", pos=head.pos_)  # "a dispute that began" is no denial
        if cue is None:
            continue
        if cue.status == "alleged" and head.pos_ == "NOUN" and _dismissed(head):
            # "dismissed Iranian suggestions that Israeli drones had struck the airport": a claim denied
            return Factuality("denied", factor * cue.confidence_factor, head.head.text)
        if head.pos_ != "NOUN" and head.lemma_.lower() in _INFINITIVE_CUES and not to_clause:
            continue  # "offered condolences" were given; "offered to host talks" is only offered
        offered = via == "acl" and marked_infinitive(trigger)  # "an offer to mediate" is only offered
        if head.pos_ == "NOUN" and head.lemma_.lower() in INFINITIVE_NOUNS and not offered:
            continue  # "the offer of condolences" says nothing of them
        if via == "nsubj" and cue.status != "attempted":
            continue  # "The attack was denied" is fine, but "The attack threatened X" is not a threat cue
        if any(c.dep_ == "neg" for c in head.children) and cue.status == "denied":
            continue  # "did not deny" restores the event
        verb = head.lemma_.lower()
        if not material and verb in _FAILURE_VERBS:
            # "failed to reach agreement": talks that end without a deal are coded as a rejection
            return Factuality("negated", factor * cue.confidence_factor, head.text, refusal=True)
        refusal = cue.status == "negated" and verb in _REFUSAL_VERBS
        planned = cue.status == "planned"
        decision = planned and verb in _DECISION_VERBS
        deliberation = planned and verb in _DELIBERATION_VERBS
        attitude = _ATTITUDE_CODES.get(verb) if planned else None
        intention = planned and verb in _INTENTION_VERBS
        # "thwarted two plots": a plan stopped is still only a plan, not an attempt under way
        governed = "planned" if self_status == "planned" and cue.status == "attempted" else cue.status
        return Factuality(
            governed,
            factor * cue.confidence_factor,
            head.text,
            refusal,
            decision,
            deliberation,
            attitude,
            intention,
            order=planned and verb in _ORDER_VERBS,
        )
    if status == "occurred" and _in_condition(trigger):
        # "will not release the soldiers unless Israel releases the detainees": a hypothetical deed
        return Factuality("planned", factor * _CONDITION_FACTOR, "if")
    if status == "occurred" and any(c.dep_ == "mark" and c.lower_ == "whether" for c in trigger.children):
        # "relations would depend on whether Iran took responsibility": asked about, not told as done
        return Factuality("planned", factor * _CONDITION_FACTOR, "whether")
    for tok in trigger.sent:
        cue = lexicon.cue(tok.lower_, scope="clause")
        if cue is not None and tok.i != trigger.i:
            if status == "occurred" and cue.status != "occurred":
                status = cue.status
            factor *= cue.confidence_factor
            break
    return Factuality(status, factor)


#: Verbs whose object claim the subject denies ("dismissed suggestions that ..."). Not "reject": "rejected
#: accusations that ..." keeps the charge alleged, as ConfliBERT and CASE 2021 read it (0.884 -> 0.879 with it).
_DISMISSAL_VERBS = frozenset({"dismiss"})


def _dismissed(claim: Token) -> bool:
    """Whether a claim noun is the object of a verb that denies it."""
    return claim.dep_ == "dobj" and claim.head.lemma_.lower() in _DISMISSAL_VERBS and not any(
        c.dep_ == "neg" for c in claim.head.children
    )


def _supposed(trigger: Token) -> bool:
    """Whether a deed noun is only supposed, as the subject of a verb in the future or conditional.

    "*Any* deployment of forces near its borders would be treated as hostile", "any attack will be met
    with force": nobody has deployed or attacked.
    """
    if trigger.pos_ != "NOUN" or trigger.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if not any(c.dep_ == "det" and c.lower_ == "any" for c in trigger.children):
        return False
    return any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in trigger.head.children)


def _setting(trigger: Token) -> bool:
    """Whether a noun deed is the conversation a statement was made in ("In a call with Aliyev, Erdogan pledged").

    The call took place whatever the statement in it promises or threatens.
    """
    return (
        trigger.pos_ == "NOUN"
        and trigger.lemma_.lower() in SETTING_NOUNS
        and trigger.dep_ == "pobj"
        and trigger.head.lower_ in _SETTING_PREPS
    )


def _dated_past(trigger: Token) -> bool:
    """Whether a noun deed carries a past date of its own ("last week's drone attack", "Thursday's strike").

    Such a deed is told as done, whatever governs it: in "demanded that Tehran compensate the victims
    of last week's drone attack" the demand does not make the attack a plan.
    """
    if trigger.pos_ != "NOUN":
        return False
    for child in trigger.children:
        if child.dep_ == "poss" and child.ent_type_ in ("DATE", "TIME"):
            words = {t.lower_ for t in child.subtree}
            return not words & {"next", "tomorrow", "coming"}
    return False


def _infinitive_conjunct(tok: Token) -> bool:
    """Whether a conjoined verb is a bare infinitive that shares its sibling's "to".

    "Asked NATO to help ... and *increase* patrols": it is governed as the sibling is.
    """
    return tok.tag_ == "VB" and tok.head.dep_ == "xcomp" and not any(c.dep_.startswith("nsubj") for c in tok.children)


def _marked_complement(tok: Token) -> bool:
    """Whether a conjoined clause is marked as a complement like its sibling ("and *that* ...", "and *to* ...")."""
    return any((c.dep_, c.lower_) in (("mark", "that"), ("aux", "to")) for c in tok.children)


def _future_object(trigger: Token) -> bool:
    """Whether a noun deed is the object of a verb in the future tense: the deed is announced, not done."""
    if trigger.pos_ != "NOUN" or trigger.dep_ not in ("dobj", "nsubjpass"):
        return False
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE_AUX for c in trigger.head.children)


def _in_condition(trigger: Token) -> bool:
    """Whether the trigger sits in an if/unless clause (its own or the clause its noun belongs to)."""
    cur = trigger
    for _ in range(_MAX_HOPS):
        if cur.dep_ == "advcl":
            return any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in cur.children)
        if cur.head.i == cur.i or cur.dep_ in ("ccomp", "xcomp", "relcl", "conj"):
            return False
        cur = cur.head
    return False


def phrasal_cue(tok: Token, lexicon: Lexicon) -> FactualityCue | None:
    """The multi-word head cue whose extra words are the trigger's dependents ("shoot down"), if any."""
    deps = {c.lemma_.lower() for c in tok.children}
    for cue in lexicon.cues(tok.lemma_.lower()):
        if cue.scope == "head" and cue.particles and deps.issuperset(cue.particles):
            return cue
    return None
