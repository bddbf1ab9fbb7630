"""Argument rules that look beyond the trigger's own dependents.

The extractor reads sources and targets off a trigger's children; the rules
here use the rest of the sentence: whether a nominal event merely restates
another event already coded ("condemned *the attack*"), who is claiming or
denying a part in an event ("Iran denied any *role in* the attack"), which verb
lends its subject to a nominal event ("Germany *paid* $662 million in aid"),
what "the country" refers back to, and that a denial is coded once, as the denied
deed. Who did a deed a reaction names is in :mod:`spillover.coding.authors`; when a
deed is only what a speaker says another must do ("said Israel must end its attacks")
or asks for, in :mod:`spillover.coding.appeals`.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from typing import TYPE_CHECKING

from spillover.records import Actor, Event, Evidence

if TYPE_CHECKING:
    from spacy.tokens import Token

    from spillover.actors.resolver import ActorIndex
    from spillover.coding.triggers import Candidate

OBJECT_DEPS = frozenset({"dobj", "obj", "dative"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
#: Nouns that attribute an event to someone: "denied any role in", "claimed responsibility for".
RESPONSIBILITY_NOUNS = frozenset(
    {"role", "involvement", "responsibility", "part", "hand", "complicity", "participation", "link", "links"}
)


#: Verbs that only say that the event their subject names happened ("clashes *erupted*", "fighting *flared*").
OCCURRENCE_VERBS = frozenset({"erupt", "occur", "flare", "rage", "resume", "intensify", "escalate", "ensue", "happen"})
#: Prepositions of such a verb that belong to the event noun: who took part in it.
_PARTY_PREPS = frozenset({"between", "with", "against", "among"})


def occurrence_preps(tok: Token) -> list[Token]:
    """The party prepositions the parser hung on the verb that says the noun ``tok``'s event happened.

    In "clashes erupted between police and protesters" or "fighting broke out with the rebels" the
    "between" and "with" phrases name the sides of the clash, but hang on "erupted", "broke out": read
    as the noun's own, they make its trigger pattern ("clash police") and its roles.
    """
    head = tok.head
    if tok.pos_ != "NOUN" or tok.dep_ != "nsubj" or head.pos_ != "VERB":
        return []
    lemma = head.lemma_.lower()
    broke_out = lemma == "break" and any(c.dep_ == "prt" and c.lower_ == "out" for c in head.children)
    if lemma not in OCCURRENCE_VERBS and not broke_out:
        return []
    return [c for c in head.children if c.dep_ == "prep" and c.lower_ in _PARTY_PREPS]


#: Verbs whose "for" phrase is the speaker's own deed.
APOLOGY_VERBS = frozenset({"apologise", "apologize", "atone"})


def responsibility_verb(tok: Token) -> Token | None:
    """The verb whose subject claims, admits or denies a part in the event ``tok`` names.

    "Iran denied any role in the attack", "the group claimed responsibility for
    the bombing", "Tehran denied involvement in the strike": the event noun hangs
    off a responsibility noun (via "in"/"for"), itself the object of a verb. The
    verb's subject is the alleged perpetrator, so it is the event's source; the
    verb's own meaning (deny, admit) sets the status through factuality.
    """
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep" or tok.head.lower_ not in ("in", "for", "to", "with"):
        return None
    noun = tok.head.head
    if tok.head.lower_ == "for" and noun.pos_ == "VERB" and noun.lemma_.lower() in APOLOGY_VERBS:
        return noun  # "a letter apologising for last week's drone strike": one apologises for one's own deed
    if noun.lemma_.lower() not in RESPONSIBILITY_NOUNS or noun.dep_ not in OBJECT_DEPS:
        return None
    return noun.head if noun.head.pos_ in ("VERB", "AUX") else None


def unnamed_responsibility(verb: Token) -> Token | None:
    """The responsibility noun object of ``verb`` when it names no event of its own.

    "Tehran denied involvement", "Iran has denied any role in the incident": the
    event is the one the document is about, named in an earlier sentence.
    """
    for child in verb.children:
        if child.dep_ in OBJECT_DEPS and child.lemma_.lower() in RESPONSIBILITY_NOUNS:
            return child
    return None


def echo_event(
    antecedent: Event, noun: Token, source: Actor, status: str, confidence: float, sentence_index: int
) -> Event:
    """The earlier event restated with the party now claiming or denying a part in it.

    The antecedent keeps its type, CAMEO code and target; the source becomes the
    subject of the denial (the denier is who the accusation is about) and the
    status comes from the denial's own wording. A target known only as a group
    ("an attack on civilians") is left open for the document's other side: placing
    it by the denial's sentence would make the victims the denier's own people.
    """
    target = antecedent.target if antecedent.target is not None and antecedent.target.country else None
    sent = noun.sent
    trigger_span = (noun.idx, noun.idx + len(noun.text))
    return replace(
        antecedent,
        id=Event.id_for(antecedent.doc_id, trigger_span, antecedent.event_type, noun.text, source, target),
        evidence=Evidence(
            sentence=sent.text,
            span=(sent.start_char, sent.end_char),
            trigger=noun.text,
            coder=f"{antecedent.evidence.coder}+anaphora",
            sentence_index=sentence_index,
            trigger_span=trigger_span,
        ),
        source=source,
        target=target,
        status=status,
        confidence=round(confidence, 3),
        date=None,
        date_precision=None,
        location=None,
    )


def bare_restatement(
    cand: Candidate, events: list[Event], coded: list[tuple[Candidate, list[Event]]]
) -> bool:
    """Whether a nominal event without any actor merely echoes the sentence's other events.

    "Azerbaijan condemned the attack", "China rejected the criticism", "called for
    further demonstrations": the noun names an event already reported (or only
    talked about) and nothing in the sentence says who did it to whom, so coding
    it adds an event no analyst can use. Only a noun that is an argument of
    another coded trigger, or that repeats the type and CAMEO code of an event
    with actors in the sentence, is dropped: a bare noun elsewhere ("The measures
    include asset freezes", "killed when an explosive device went off") often
    carries the most specific description of what happened.
    """
    if not _is_bare_noun(cand, events):
        return False
    governor = _governor(cand.token)
    for other, evs in coded:
        if other is cand or not evs:
            continue
        if governor is not None and other.token.i == governor.i:
            return True  # "condemned the attack": an argument of another event
        if not _is_bare_noun(other, evs) and any(
            ev.event_type == cand.pattern.event_type and ev.cameo == cand.pattern.cameo
            and (not cand.pattern.mode or ev.mode == cand.pattern.mode)
            for ev in evs
        ):
            return True  # "drones struck the airport ... the attack": the same event, actors already found
    return False


def _governor(tok: Token) -> Token | None:
    """The word whose argument the noun is: the verb of an object, the word a preposition attaches to."""
    if tok.dep_ in OBJECT_DEPS:
        return tok.head
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        return tok.head.head
    return None


def _is_bare_noun(cand: Candidate, events: list[Event]) -> bool:
    """A nominal trigger none of whose readings found a source or a target."""
    return cand.pattern.pos == "NOUN" and not any(ev.source is not None or ev.target is not None for ev in events)


#: Nouns that, with "the", refer back to a country ("struck sites across the country").
COUNTRY_ANAPHORS = frozenset({"country", "nation"})
_ANAPHOR_PREPS = frozenset({"across", "in", "inside", "throughout", "within", "on", "at"})


def country_anaphor(verb: Token, own: set[str], index: ActorIndex) -> list[Actor]:
    """The target when the verb's object, or the place of the act, is "the country": the latest other country named."""
    for obj in verb.children:
        if obj.dep_ not in OBJECT_DEPS and not (obj.dep_ == "prep" and obj.lower_ in _ANAPHOR_PREPS):
            continue
        for sub in obj.subtree:
            if (
                sub.lemma_.lower() in COUNTRY_ANAPHORS
                and sub.dep_ == "pobj"
                and any(c.lower_ == "the" for c in sub.children)
            ):
                found = index.country_before(sub, own)
                return [found] if found is not None else []
    return []


def drop_denial_rejects(events: list[Event]) -> list[Event]:
    """Keep a denial as the denied deed only.

    "Iran denied that its forces had launched the drones" is coded as the launch with status
    ``denied``; the REJECT that "denied" would add says the same thing a second time.
    """
    denied = [e for e in events if e.status == "denied" and e.event_type != "REJECT"]
    if not denied:
        return events
    return [e for e in events if e.event_type != "REJECT" or e.cameo not in DENIAL_CODES]


#: CAMEO codes a bare denial gets ("deny", "dismiss as baseless"): rejection, unspecified, or denying responsibility.
DENIAL_CODES = frozenset({"016", "120"})


def marked_infinitive(tok: Token) -> bool:
    """Whether ``tok`` is a verb with its own "to" ("*to respond*", "*to protest*")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def is_passive(verb: Token) -> bool:
    """Whether a verb is in the passive voice: a passive subject or auxiliary ("was intercepted")."""
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children)


#: Prepositions by which an object noun holds the deed itself ("a series *of* strikes", "$662 million *in* aid").
_PART_PREPS = frozenset({"of", "in"})


def of_holder(tok: Token) -> Token:
    """The noun whose "of" phrase holds ``tok`` ("fragments *of* a missile", "a wave *of* attacks"), else ``tok``."""
    return tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok


def governing_verb(noun: Token) -> Token | None:
    """The verb whose subject did what a noun trigger names, if the noun is its object or complement.

    "Germany *sent* aid", "Germany *paid* $662 million *in* aid", "the US *remains* the largest
    donor *of* assistance": the object, a prepositional phrase on the verb or on its object, and the
    complement of a copula all name something the subject did.
    """
    cur = noun
    if cur.dep_ == "pobj" and cur.head.dep_ == "prep":
        if cur.head.head.pos_ == "NOUN" and cur.head.lower_ not in _PART_PREPS:
            return None  # "offered condolences over the killing": the killing is what the condolences are about
        if cur.head.lower_ in _TOPIC_PREPS or cur.head.head.lemma_.lower() in REACTIONS:
            # "handed a protest note over Thursday's drone strike", "reacted with alarm to the strike": what the
            # deed is about or answers
            return None
        prep = cur.head
        cur = prep.head
        if cur.pos_ == "VERB":
            # "were killed in Israeli shelling": a passive verb's subject suffered the act, it did not do it
            return None if is_passive(cur) else cur
        if cur.pos_ == "AUX" and cur.lemma_ == "be" and prep.lower_ == "in":
            return cur  # "Muscat is in contact with both Tehran and Washington": the subject's state
    if cur.dep_ in OBJECT_DEPS or cur.dep_ == "attr":
        head = cur.head
        return head if head.pos_ in ("VERB", "AUX") else None
    return None


#: Prepositions that name what a deed is about or follows, not what its doer did ("protested *over* the strike").
_TOPIC_PREPS = frozenset({"over", "about", "regarding", "concerning", "amid", "despite"})
#: Verbs whose prepositional objects are what they answer ("governments reacted to the strike").
REACTIONS = frozenset({"react", "respond", "reply", "retaliate", "answer"})
#: Verbs that charge someone with a deed ("accused X of a cyberattack", "accused forces of firing").
CHARGING_VERBS = frozenset({"accuse", "blame", "charge", "suspect"})


def prep_objects(prep: Token, index: ActorIndex) -> list[Actor]:
    """Actors of a preposition's objects, across coordinated prepositions ("at Israel and at US bases")."""
    out: list[Actor] = []
    for p in (prep, *prep.conjuncts):
        for obj in p.children:
            if obj.dep_ == "pobj":
                out.extend(index.actors_for(obj))
    return out


def phrase_actors(head: Token, preps: Collection[str], index: ActorIndex) -> list[Actor]:
    """Actors of ``head``'s prepositional phrases opened by one of ``preps`` ("a plot *by* X", "*on behalf of* X").

    Also a phrase hung on an adverb of the head: "came under fire *first from* Armenian positions".
    """
    phrases = [*head.children, *(g for c in head.children if c.dep_ == "advmod" for g in c.children)]
    return [a for p in phrases if p.dep_ == "prep" and p.lower_ in preps for a in prep_objects(p, index)]


#: Subordinators of a time clause: what it says is presupposed, not under the main clause's cue (factuality),
#: nor asked for by an appeal it hangs on.
TEMPORAL_MARKS = frozenset({"after", "before", "when", "while", "since", "once", "until", "as"})


def drop_subsumed(actors: list[Actor]) -> list[Actor]:
    """The actors without those another one in the list already covers more precisely.

    "sanctions on 14 Belarusian officials and three state companies" is one sanction on
    Belarus (BLRGOV), not a second one on "BLR" that an analyst would count twice. An actor
    is dropped when its code repeats or is a prefix of another's (BLR beside BLRGOV); actors
    of one country but different sectors stay apart ("the government and the SPLM-IO agreed"
    is a SSDGOV-SSDREB dyad), as do actors of different countries.
    """
    out: list[Actor] = []
    for i, actor in enumerate(actors):
        code = actor.code
        if code and any(
            other.code and other.code.startswith(code) and (other.code != code or j < i)
            for j, other in enumerate(actors)
            if j != i
        ):
            continue
        out.append(actor)
    return out


def rule_pattern(coder: str) -> tuple[str, str]:
    """Part of speech and lexicon pattern of a rule event's ``coder`` ("rules-v1:verb:impose sanction+mode:...").

    ``("", "")`` for events the classifier made.
    """
    parts = coder.split(":")
    if len(parts) < 3 or not parts[0].startswith("rules"):
        return "", ""
    return parts[1], parts[2].split("+")[0]


#: Prepositions that make a nominal event the time frame of another ("since the first US strikes").
BACKGROUND_PREPS = frozenset({"since", "after", "before", "amid", "following", "until"})


def named_in_passing(tok: Token) -> bool:
    """Whether a nominal event only dates another one ("let foreigners leave since the first US strikes")."""
    return tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in BACKGROUND_PREPS
