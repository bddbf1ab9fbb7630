"""Agency: who a deed is done by or for when the clause does not name its doer as subject.

Two constructions move the doer away from the subject position that
:mod:`spillover.coding.arguments` reads first: object control ("told Tehran to
apologise": Tehran is to apologise, not the teller) and commissioning ("plotting
to sabotage the pipeline on the orders of the IRGC": the IRGC is the source in
PLOVER's sense, the hired hands are often unnamed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spillover.coding.phrases import agent_actors, subject_actors
from spillover.coding.roles import marked_infinitive, phrase_actors

if TYPE_CHECKING:
    from spacy.tokens import Token

    from spillover.actors.resolver import ActorIndex
    from spillover.records import Actor

#: Verbs whose object does what their to-infinitive says ("urged Kenya to investigate"). Only these:
#: after other verbs a to-infinitive is mostly a purpose ("visited the embassy to offer condolences").
OBJECT_CONTROL = frozenset(
    {
        "tell", "order", "urge", "ask", "force", "compel", "persuade", "instruct", "encourage", "allow",
        "permit", "invite", "press", "pressure", "push", "warn", "advise", "direct", "command", "require",
        "expect", "want", "enable", "prompt", "oblige", "beg", "implore", "exhort",
    }
)  # fmt: skip


def controller(clause: Token) -> Token | None:
    """The object that does what an infinitive complement says ("told Tehran to apologise"), if any."""
    if clause.dep_ != "xcomp" or not marked_infinitive(clause):
        return None
    head = clause.head
    if head.lemma_.lower() == "call":  # "called on Iran to stop threatening its neighbours"
        ons = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon") and c.i < clause.i]
        return next((o for p in ons for o in p.children if o.dep_ == "pobj"), None)
    if head.lemma_.lower() not in OBJECT_CONTROL:
        return None
    return next((c for c in head.children if c.dep_ in ("dobj", "dative") and c.i < clause.i), None)


def principals(verb: Token, index: ActorIndex) -> list[Actor]:
    """Whom a deed was done for: "plotting to sabotage the pipeline *on behalf of* the Revolutionary Guards".

    Also "on the orders of", "at the behest of", "under the command of", on the deed's verb or on
    the verb it completes ("were planning, on the orders of the IRGC, to blow up").

    The one who commissioned a deed is its source in PLOVER's sense; the hired hands are often
    unnamed ("six men"). A state organ named as the doer keeps the deed (:func:`commissioned_source`).
    """
    # "planning, on the orders of X, to blow up"; the parser also hangs such an infinitive on the arrest
    # that stopped it ("detained three men suspected of plotting, on the instructions of X, to blow up")
    completes = verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and marked_infinitive(verb))
    verbs = [verb, verb.head] if completes else [verb]
    # "preparing to bomb a pumping station on the orders of an Iranian officer": hung on the object
    heads = [*verbs, *(c for c in verb.children if c.dep_ == "dobj")]
    for prep in (c for v in heads for c in v.children):
        if prep.dep_ != "prep" or prep.lower_ not in ("on", "at", "under"):
            continue
        for behalf in prep.children:
            if behalf.dep_ == "pobj" and behalf.lemma_.lower() in _COMMISSION_NOUNS:
                return phrase_actors(behalf, ("of", "from"), index)  # "on orders from the IRGC"
    return []


#: Nouns of "on behalf of X", "on the orders of X", "at the behest of X": X commissioned the deed.
_COMMISSION_NOUNS = frozenset({"behalf", "order", "orders", "instruction", "instructions", "behest", "command"})


#: Sectors of a state's own organs: their deeds are their state's, whoever else the clause names.
STATE_ORGANS = frozenset({"GOV", "MIL", "SPY", "COP", "JUD"})
#: Sectors of armed groups: a government can blame them for an attack at home, fight them abroad, and they
#: and their own country are two sides.
ARMED_GROUPS = frozenset({"REB", "INS", "UAF"})


def commissioned_source(doers: list[Actor], commissioners: list[Actor]) -> list[Actor]:
    """The deed's source when the clause names both a doer and who commissioned it.

    The commissioner wins ("gunmen opened fire on the orders of the IRGC"), unless the doer is
    another state's organ: in "the security service detained three men, on the instructions of
    Iranian intelligence, ..." the parser hangs the men's commission on the arrest, which stays
    the service's.
    """
    if not commissioners:
        return doers
    theirs = {a.country for a in commissioners}
    if any(a.sector in STATE_ORGANS and a.country and a.country not in theirs for a in doers):
        return doers
    return commissioners


#: Verbs of taking people into custody, whose object a charge participle describes.
_ARRESTS = frozenset({"arrest", "detain", "apprehend", "capture", "nab", "hold", "seize"})


def charged_with_arrest(tok: Token, index: ActorIndex) -> tuple[list[Actor], list[Actor]]:
    """Who accuses and who is accused in "arrested three men *accused* of spying for Iranian intelligence".

    A charge told as a participle on the people a side arrested is that side's: it accuses the people,
    or, when they are nobody the coder knows ("three men"), whom they worked for, named by a "for"
    phrase in the charge. Empty lists when ``tok`` is no such participle.
    """
    noun = tok.head
    if tok.dep_ != "acl" or tok.tag_ != "VBN" or noun.dep_ not in ("dobj", "nsubjpass") or noun.i == tok.i:
        return [], []
    verb = noun.head
    if verb.lemma_.lower() not in _ARRESTS:
        return [], []  # "freed two Iranians convicted of spying": a verdict of the past, no charge made now
    # "three men accused of spying were detained by the security service": the agent of the passive
    accusers = subject_actors(verb, index) if noun.dep_ == "dobj" else agent_actors(verb, index)
    accused = index.actors_for(noun) or [
        a for p in tok.subtree if p.dep_ == "prep" and p.lower_ == "for"
        for o in p.children if o.dep_ == "pobj" for a in index.actors_for(o)
    ]
    return accusers, accused
