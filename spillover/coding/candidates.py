"""Which candidate events survive, and what a candidate's doer says about its kind.

Several triggers in one clause often tell one event ("launched an attack",
"placed on high alert"): the verb and the noun it governs are merged. A weapon
noun that a find found ("discovered arms which included missiles") is no
attack. And who did an attack decides what kind it is: aircraft make it an air
strike, protesters a violent demonstration, a mob or villagers mob violence
(ACLED's distinctions, which PLOVER keeps in the mode).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spillover.coding.lexicon import TriggerPattern
from spillover.coding.roles import OBJECT_DEPS, PASSIVE_SUBJECT_DEPS, of_holder
from spillover.coding.subjects import SUBJECT_DEPS
from spillover.coding.triggers import Candidate, marked_infinitive

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["PARTICIPANT_NOUNS", "drop_redundant"]

#: Nouns for the people in an event ("protesters"): a trigger when they stand alone ("thousands of
#: protesters"), only a participant when they are the subject or object of another event's verb.
PARTICIPANT_NOUNS = frozenset({"protester", "protestor", "demonstrator", "rioter", "striker", "marcher"})
#: CAMEO "violent protest": an attack by protesters or a mob is ACLED's violent demonstration or mob violence.
RIOT_CAMEO = "145"
#: CAMEO "employ aerial weapons".
AIR_STRIKE_CAMEO = "195"
#: Appended to the coder of an event whose kind the doer decided; the sentence classifier keeps it.
DOER_MARK = "+doer"
#: Attack modes a crowd can carry out; "demonstrators launched missiles" stays an attack.
CROWD_MODES = frozenset({None, "sideAB", "beat", "destroy"})
#: Aircraft whose attacks are air strikes whatever the verb ("warplanes targeted", "raids by army choppers").
#: Not "fighter": far more often a gunman than a fighter jet.
AIRCRAFT_NOUNS = frozenset(
    {"warplane", "jet", "aircraft", "airplane", "plane", "drone", "helicopter", "chopper", "bomber", "gunship",
     "airstrike", "uav"}
)
#: Crowds without a protest purpose: their violence is mob violence ("villagers clashed with sticks").
MOB_NOUNS = frozenset({"mob", "villager", "vigilante", "crowd", "lynch"})


def drop_redundant(candidates: list[Candidate]) -> list[Candidate]:
    """Merge a verb and the noun it governs when they signal one event.

    "launched an attack", "placed on high alert", "expressed regret": the noun
    is either a required word of the verb's pattern or an event of the same
    type; one event is kept (the verb when its pattern consumed the noun,
    else the more reliable of the two).
    """
    by_token = {c.token.i: c for c in candidates}
    drop: set[int] = set()
    sanctioned = any(c.pattern.event_type == "SANCTION" for c in candidates)
    modes: dict[int, TriggerPattern] = {}
    for cand in candidates:
        tok = cand.token
        if sanctioned and tok.lemma_.lower() == "target" and tok.tag_ == "VBG" and cand.pattern.event_type == "ASSAULT":
            drop.add(tok.i)  # "approved sanctions against Iran, targeting eight officials": whom they hit
            continue
        if tok.pos_ == "VERB" and tok.dep_ == "ccomp" and tok.head.i in by_token:
            if tok.lemma_.lower() in by_token[tok.head.i].pattern.particles:
                drop.add(tok.i)  # "vowed that Iran would pay a heavy price": the vow pattern already says it
            continue
        if tok.pos_ == "VERB" and tok.dep_ in ("xcomp", "advcl") and tok.head.i in by_token:
            governing = by_token[tok.head.i]
            if tok.lemma_.lower() in governing.pattern.particles:
                drop.add(tok.i)  # "offered to mediate": the offer pattern already says it
            elif _says_why(tok, cand, governing):
                drop.add(tok.i)  # "summoned the ambassador to protest": the summons is the protest
            elif governing.pattern.event_type == "REQUEST" and cand.pattern.event_type in _ASKED_FOR:
                drop.add(tok.i)  # "called on Iran and Israel to agree to a ceasefire": asked for, not agreed
            continue
        if tok.pos_ == "VERB" and tok.dep_ == "acl" and tok.tag_ == "VBN":
            weapon = tok.head  # "shot down a missile fired from Iran": one attack, told by the verb
            head = by_token.get(weapon.head.i) if weapon.dep_ in OBJECT_DEPS | PASSIVE_SUBJECT_DEPS else None
            if head is not None and head.pattern.event_type == cand.pattern.event_type:
                drop.add(tok.i)
            continue
        if tok.pos_ != "NOUN":
            continue
        if cand.pattern.event_type == "ASSAULT" and _found_weapon(tok, by_token):
            drop.add(tok.i)  # "discovered arms which included TOW missiles": a find, not an attack
            continue
        if (
            tok.lemma_.lower() in PARTICIPANT_NOUNS
            and tok.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | OBJECT_DEPS
            and tok.head.i in by_token
            and by_token[tok.head.i].pattern.event_type != cand.pattern.event_type
        ):
            drop.add(tok.i)  # "demonstrators received weapons": the people act, their noun is no protest
            continue
        subject = of_holder(tok)  # "fragments of a missile"
        told_by = by_token.get(subject.head.i) if subject.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS else None
        if told_by is not None and tok.lemma_.lower() in told_by.pattern.particles:
            drop.add(tok.i)  # "an intercepted missile fell": the weapon is a word of the verb's pattern
            continue
        stopped = told_by is not None and told_by.pattern.subject_role == "target" and subject.dep_ == "nsubjpass"
        if told_by is not None and stopped and told_by.pattern.event_type == cand.pattern.event_type:
            # "most of a barrage of 20 missiles had been intercepted": the verb tells who stopped it, the noun how
            drop.add(tok.i)
            modes[told_by.token.i] = cand.pattern
            continue
        if tok.dep_ in OBJECT_DEPS:
            governor = tok.head
        elif tok.dep_ == "pobj" and tok.head.dep_ == "prep":
            governor = tok.head.head
        else:
            continue
        head = by_token.get(governor.i)
        if head is None:
            continue
        if tok.lemma_.lower() in head.pattern.particles:
            drop.add(tok.i)
        elif head.pattern.event_type == cand.pattern.event_type and head.pattern.subject_role == "target":
            # "police came under a grenade attack": the verb knows who was hit, the noun how
            drop.add(tok.i)
            modes[head.token.i] = cand.pattern
        elif head.pattern.event_type == cand.pattern.event_type == "CONSULT" and tok.dep_ == "pobj":
            drop.add(tok.i)  # "the ministers of Azerbaijan and Iran met in Istanbul in the first talks": who met
        elif head.pattern.event_type == cand.pattern.event_type:
            drop.add(tok.i if head.pattern.weight >= cand.pattern.weight else head.token.i)
    kept = [_with_mode(c, modes.get(c.token.i)) for c in candidates if c.token.i not in drop]
    return [_crowd_violence(c) for c in kept]


def _with_mode(cand: Candidate, noun: TriggerPattern | None) -> Candidate:
    """A verb candidate that took over the noun naming its weapon, with that noun's mode and CAMEO code."""
    if noun is None or cand.pattern.mode is not None or noun.mode is None:
        return cand
    return replace(cand, pattern=replace(cand.pattern, mode=noun.mode, cameo=noun.cameo))


#: Types of a deed an appeal asks for that the appeal alone codes: nothing of it has happened yet.
_ASKED_FOR = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE"})
#: Types of the steps states take to complain ("summoned", "recalled"), and the verbs that name that purpose.
_DIPLOMATIC_STEPS = frozenset({"ACCUSE", "SANCTION"})
_COMPLAINT_VERBS = frozenset({"protest", "complain", "object"})
#: Verbs through which a weapon noun still belongs to the find above it ("arms which *included* missiles").
_LISTING_VERBS = frozenset(
    {"include", "contain", "comprise", "consist", "hold", "carry", "pack", "conceal", "hide", "store", "identify",
     "make"}
)


def _says_why(tok: Token, cand: Candidate, head: Candidate) -> bool:
    """Whether an infinitive under another trigger only names that event's purpose.

    "Summoned the ambassador to protest", "recalled its envoy to complain": a diplomatic step taken
    to protest is one formal complaint, not a street protest beside it; so is any purpose clause of
    the head's own type ("met to consult").
    """
    if not marked_infinitive(tok):
        return False
    if head.pattern.event_type == cand.pattern.event_type:
        return True
    return head.pattern.event_type in _DIPLOMATIC_STEPS and tok.lemma_.lower() in _COMPLAINT_VERBS


def _found_weapon(tok: Token, by_token: dict[int, Candidate]) -> bool:
    """Whether a weapon noun is what a find or seizure (COERCE/confiscate) above it found.

    Walks up the noun's heads through objects, conjuncts, prepositions and listing clauses to the
    first other verb; the weapons in "explosive devices were found" or "seized a cache of rifles and
    grenades" report disrupted weapons use (ACLED), not an attack.
    """
    for head in tok.ancestors:
        cand = by_token.get(head.i)
        if cand is not None and cand.pattern.event_type == "COERCE" and cand.pattern.mode == "confiscate":
            return True
        if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() not in _LISTING_VERBS:
            return False
    return False


def _crowd_violence(cand: Candidate) -> Candidate:
    """An attack's kind from who did it: by aircraft an air strike, by a crowd a protest event.

    "Rioters clashed with troops", "protesters attacked a police station" are ACLED's violent
    demonstrations; "villagers clashed using sticks", "set ablaze by an angry mob" its mob violence.
    Attacks with heavier means ("demonstrators launched missiles") stay attacks.
    """
    tok, pattern = cand.token, cand.pattern
    if pattern.event_type != "ASSAULT":
        return cand
    doers = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
    doers += [
        g for c in tok.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
        for g in c.children if g.dep_ == "pobj"
    ]
    lemmas = {d.lemma_.lower() for d in doers}
    if lemmas & AIRCRAFT_NOUNS and pattern.mode not in ("aerial", "unconventional", "suicide-attack"):
        # "Saudi jets fired missiles at", "warplanes targeted the region": an air strike
        aerial = replace(pattern, mode="aerial", cameo=AIR_STRIKE_CAMEO, pattern=pattern.pattern + DOER_MARK)
        return replace(cand, pattern=aerial)
    if pattern.mode not in CROWD_MODES or tok.pos_ != "VERB":
        return cand
    if lemmas & PARTICIPANT_NOUNS:
        mode = "riot"
    elif lemmas & MOB_NOUNS:
        mode = "mob"
    else:
        return cand
    crowd = replace(pattern, event_type="PROTEST", mode=mode, cameo=RIOT_CAMEO, pattern=pattern.pattern + DOER_MARK)
    return replace(cand, pattern=crowd)
