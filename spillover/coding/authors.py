"""Authors and aims of deeds told elsewhere: whom a reaction is about, where a weapon was headed.

A condemnation or a welcome often names its deed without its author ("the EU condemned the
strike", "Lithuania welcomed the sanctions"): :func:`attack_author` and :func:`deed_author` find the
author among the document's earlier events. An intercepted weapon's aim is where it was headed
(:func:`destination_actors`) or, for an alliance defending a member, whose airspace it crossed
(:func:`airspace_owners`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from collections.abc import Set as AbstractSet
from dataclasses import replace
from typing import TYPE_CHECKING

from spillover.actors.extent import in_objects
from spillover.coding.noun_roles import PREVENTION_VERBS
from spillover.coding.roles import OBJECT_DEPS, PASSIVE_SUBJECT_DEPS, prep_objects, rule_pattern
from spillover.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from spillover.actors.resolver import ActorIndex
    from spillover.records import Event


_DESTINATION_PREPS = frozenset({"towards", "toward", "at", "into", "over"})


def destination_actors(trigger: Token, index: ActorIndex) -> list[Actor]:
    """Where an intercepted weapon was headed: a destination phrase on the weapon or the trigger."""
    weapons = [c for c in trigger.children if c.dep_ in OBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
    for root in (*weapons, trigger):
        for tok in root.subtree:
            if (tok.dep_ == "prep" and tok.lower_ in _DESTINATION_PREPS and tok.head.i != trigger.i) or (
                tok.dep_ == "prep" and tok.lower_ in ("towards", "toward") and tok.head.i == trigger.i
            ):
                found = _not_nearby(tok, prep_objects(tok, index), index)
                if found:
                    return found
    return []


#: Prepositions of a place only beside the one a weapon flew over ("over Bilasuvar *near the Iranian border*").
_NEARBY_PREPS = frozenset({"near", "along", "beside", "off", "close"})


def _not_nearby(prep: Token, found: list[Actor], index: ActorIndex) -> list[Actor]:
    """``found`` without the actors named only in a "near ..." phrase of the preposition's object."""
    objects = [o for o in prep.children if o.dep_ == "pobj"]
    nearby = [t for o in objects for t in o.subtree if t.dep_ == "prep" and t.lower_ in _NEARBY_PREPS]
    beside = {a.code for t in nearby for a in prep_objects(t, index)}
    named = {a.code for o in objects if (a := index.named_by(o)) is not None}
    return [a for a in found if a.code not in beside or a.code in named]


#: Nouns whose owner a weapon flew over or into ("the second interception over *Turkish airspace*").
_AIRSPACE_NOUNS = frozenset({"airspace", "sky", "skies", "territory", "soil", "waters"})


def airspace_owners(sent: Span, index: ActorIndex, trigger: Token | None = None) -> list[Actor]:
    """Countries whose airspace or territory the sentence names ("over Turkish airspace", "Türkiye's skies").

    With ``trigger``, also the country of a place the weapon was destroyed over ("destroyed *over
    Türkiye's Hatay province*").
    """
    if trigger is not None:
        over = [c for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("over", "above")]
        found = [a for c in over for a in prep_objects(c, index) if a.country]
        if found:
            return found
    for tok in sent:
        if tok.lemma_.lower() not in _AIRSPACE_NOUNS:
            continue
        for child in tok.children:
            if child.dep_ in ("poss", "amod", "compound"):
                owners = [a for a in index.actors_for(child) if a.country]
                if owners:
                    return owners
    return []


def attack_author(
    tok: Token,
    index: ActorIndex,
    is_attack: Callable[[Token], bool],
    own: Collection[str | None] = (),
    sentence_index: int = 0,
    mode_of: Callable[[Token], str | None] | None = None,
) -> Actor | None:
    """Who carried out the attack a condemnation names without its author.

    "Israel, the United States and the EU condemned the strike on the airport": the object is
    an attack the report told earlier; its author, the source of the document's latest attack
    that happened (not one only alleged, denied or threatened), is the one condemned (the place
    attacked is not). When the latest attack told with a verb has no known author, nobody is named;
    a noun mention without actors ("a case over the strike") refers further back.
    """
    # a judgement told as a copula judges its subject: "said the strike was a violation of its sovereignty"
    judged = OBJECT_DEPS | {"nsubj"} if tok.lemma_.lower() == "be" else OBJECT_DEPS
    condemned = [obj for obj in tok.children if obj.dep_ in judged and is_attack(obj)]
    if not condemned:
        return None
    modes = {m for obj in condemned if (m := mode_of(obj) if mode_of is not None else None)}
    for event in reversed(index.events if modes else ()):
        # "Amnesty condemned the execution" after "he had been tortured": the deed of that kind
        kind = event.event_type == "ASSAULT" and event.mode in modes and event.status in ("occurred", "attempted")
        if kind and event.source is not None and event.source.country:
            return _implied(event.source)
    for event in reversed(index.events if own else ()):
        # "Israeli warplanes pounded Lebanon after Hezbollah fired rockets. Lebanon condemned the strikes":
        # a state condemns the attack on itself, whoever attacked last
        if (event.evidence.sentence_index or 0) < sentence_index - _OWN_WINDOW:
            break
        source, target = event.source, event.target
        if event.event_type != "ASSAULT" or event.status != "occurred" or source is None or target is None:
            continue
        if target.country in own and source.country and source.country not in own:
            return _implied(source)
    unknown: int | None = None  # sentence of the latest attack told with a verb but no author
    for event in reversed(index.events):
        happened = event.status in ("occurred", "attempted")  # not "may have been launched by Israel"
        if event.event_type != "ASSAULT" or not happened:
            continue
        sentence = event.evidence.sentence_index
        if unknown is not None and sentence != unknown:
            return None  # "One struck the airport building": the latest attack's author is not known
        told_by, passing = rule_pattern(event.evidence.coder)[0], _in_passing(event, index)
        if passing and told_by == "noun":
            continue  # "in retaliation for American strikes": the cause of the attack condemned, not that attack
        if event.source is not None and event.source.country:
            return _implied(event.source)
        if unknown is None and told_by == "verb" and not passing:
            unknown = sentence  # unless its own sentence names the author ("drones launched from Iran struck")
        # "opened a terrorism case over the strike": a mention of an attack told before; look further back
    return None


def _implied(actor: Actor) -> Actor:
    """An earlier deed's doer as the side a reaction names: text "(implied)", no span in this sentence."""
    return replace(actor, text="(implied)", span=None)


#: How many sentences back a condemned attack on the condemner's own country is looked for.
_OWN_WINDOW = 3


def _in_passing(event: Event, index: ActorIndex) -> bool:
    """Whether the event's verb names a deed in passing, not as news of its own.

    A participle on a noun ("a missile *launched* at Haifa") or a comparison ("the same path as
    one *intercepted* on March 4").
    """
    start = event.evidence.anchor
    span = index.doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    verb = span.root
    compared = verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("as", "than") for c in verb.children)
    # "fired missiles at US bases in retaliation for American strikes": the strikes are the cause, told in passing
    cause = verb.dep_ == "pobj" and verb.head.lower_ in ("for", "to") and verb.head.head.lemma_.lower() in _CAUSES
    return verb.dep_ == "acl" or compared or cause


#: Nouns whose "for"/"to" phrase names the deed another answers ("in retaliation for", "in response to").
_CAUSES = frozenset({"retaliation", "response", "revenge", "reprisal", "answer", "reaction"})


def deed_author(
    tok: Token, index: ActorIndex, deed_type: Callable[[Token], str | None], own: AbstractSet[str | None]
) -> Actor | None:
    """Who did the deed a welcome or praise names without its author ("welcomed the sanctions").

    The latest event of the document of the object's type whose source is a country or
    organisation other than the speaker's: Lithuania welcoming "the sanctions" welcomes the EU's.
    """
    objects = [obj for obj in tok.children if obj.dep_ in OBJECT_DEPS]
    if tok.lemma_.lower() in ("be", "violate"):
        # a verdict judges the copula's subject: "said the drills were a provocation", "the test violated ..."
        objects += [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    typed = [(obj, kind) for obj in objects if (kind := deed_type(obj)) is not None]
    kinds = {kind for _obj, kind in typed}
    words = {obj.lemma_.lower() for obj, _kind in typed}
    generic = any(_definite_generic(obj) for obj in objects)
    named = {_NAMED_DEEDS[obj.lemma_.lower()] for obj in objects if _definite_named(obj)}
    if not typed and named:
        kinds = named  # "welcomed the admission": Tehran's, told before; "described the verdict as ...": the court's
    elif not typed and generic:
        kinds = set(DECIDED_DEEDS)  # "Azerbaijan welcomed the decision": the sanctions just told
    candidates = _others_deeds(index, kinds, own)
    # "described the drills as provocative": the joint exercises told before; "condemned the deployment" of jets
    # the lexicon told as aid: a decided deed named by a word of another decided kind
    if not candidates and (generic or (kinds and kinds <= set(DECIDED_DEEDS))):
        candidates = _others_deeds(index, set(DECIDED_DEEDS), own)
    # the same word first: "welcomed the sanctions" is the EU's "imposed sanctions", not a later expulsion;
    # "welcomed the decision": what was agreed or decided ("NATO ministers agreed to send batteries"), not
    # the pledges told after it
    if any(obj.lemma_.lower() == "decision" for obj in objects):
        words = words | _DECIDING
    words = words | {_NOMINAL[w] for w in words if w in _NOMINAL}  # "welcomed the meeting": the ones who met
    fired = any(obj.lemma_.lower() in _FIRING for obj in objects)
    if fired:
        words = words | _FIRING  # "called the launch a provocation": the missile test-fired, not the sanctions
    pattern = [e for e in candidates if words & set(rule_pattern(e.evidence.coder)[1].split())]
    # "called the launch reckless" names a firing: a test-fired missile's tester, never a deployment told since
    chosen = (pattern if fired else pattern or candidates)[:1]
    if not chosen or chosen[0].source is None:
        return None
    return _implied(chosen[0].source)


#: Nouns that stand for whatever measure was just told ("welcomed the decision", "called the move illegal",
#: "described the drills as provocative", "called the launch a provocation" after a missile test).
_GENERIC_DEEDS = frozenset(
    {"decision", "move", "measure", "step", "drill", "exercise", "manoeuvre", "maneuver", "launch", "test"}
)
#: Nouns of a deed and the verb a rule names it by ("the meeting" of two who "met").
_NOMINAL = {"meeting": "meet", "talk": "talk", "agreement": "agree", "deal": "agree", "seizure": "seize"}
#: Words of a weapon fired or tested: "the launch", "the test" stand for a "test-fired" missile.
_FIRING = frozenset({"launch", "test", "fire"})
#: Verbs whose deed is a decision ("agreed to send", "decided to expel").
_DECIDING = frozenset({"agree", "decide", "approve", "vote", "adopt", "endorse"})
#: Deeds a state decides, which such a noun can stand for.
DECIDED_DEEDS = ("SANCTION", "COERCE", "AID", "MOBILIZE", "RETREAT", "REDUCE", "COOPERATE", "AGREE")


def _others_deeds(index: ActorIndex, kinds: AbstractSet[str], own: AbstractSet[str | None]) -> list[Event]:
    """The document's events of ``kinds`` so far, latest first, done by a country or body not in ``own``."""
    found = []
    for event in reversed(index.events):
        source = event.source
        side = source.country or source.code if source is not None else None  # a country, or an IGO ("EU")
        unnamed = side is not None and side.startswith("---")  # "forces" of no country named: nobody to answer
        if event.event_type in kinds and source is not None and side and not unnamed and side not in own:
            found.append(event)
    return found


#: Nouns for one kind of act that a statement takes as its object, with the event type of that act.
_NAMED_DEEDS = {
    "admission": "CONCEDE", "acknowledgment": "CONCEDE", "acknowledgement": "CONCEDE", "apology": "CONCEDE",
    "verdict": "COERCE", "ruling": "COERCE", "conviction": "COERCE", "sentence": "COERCE", "trial": "COERCE",
}  # fmt: skip


def _definite_named(obj: Token) -> bool:
    """Whether ``obj`` is "the admission", "this verdict": an act of :data:`_NAMED_DEEDS` told before."""
    return obj.lemma_.lower() in _NAMED_DEEDS and any(c.lower_ in ("the", "this", "that") for c in obj.children)


def _definite_generic(obj: Token) -> bool:
    """Whether ``obj`` is "the decision", "the measures", "this move" (not "a decision to ...")."""
    return obj.lemma_.lower() in _GENERIC_DEEDS and any(c.lower_ in ("the", "this", "these") for c in obj.children)


#: Verbs whose subject stopped a plot or attack ("thwarted", "broke up", "uncovered", "arrested five people who
#: were preparing to bomb ..."), and so was its aim.
_FOILING_VERBS = PREVENTION_VERBS | {
    "break", "dismantle", "disrupt", "uncover", "expose", "bust", "arrest", "detain", "apprehend", "capture",
    "sentence", "convict", "jail", "imprison", "indict",  # "a Baku court sentenced five men for plotting to ..."
}


def foiled_target(
    tok: Token, index: ActorIndex, inherited: Callable[[Token, ActorIndex], list[Actor]]
) -> list[Actor]:
    """The country of whoever foiled the plot or attack ``tok`` names, when that is a state.

    "The security service said it had thwarted a plan to sabotage the pipeline": with no target
    named, the plot was aimed at the side that stopped it (the pipeline runs through three
    countries; the service is Azerbaijan's). Up six steps to a verb of prevention ("foiled plans by a
    network ... to sabotage", "arrested five people who were preparing to bomb ...", "arrested two men
    suspected of planning an attack on a pumping station"); ``inherited``
    gives the subject such a verb inherits when it has none of its own.
    """
    cur = tok
    for _ in range(6):
        if cur.head.i == cur.i:
            return []
        cur = cur.head
        if cur.pos_ == "VERB" and cur.lemma_.lower() in _FOILING_VERBS:
            subjects = [c for c in cur.children if c.dep_ == "nsubj"]
            foilers = [a for c in subjects for a in index.actors_for(c) if a.country]
            # "a court in Baku sentenced two men for plotting to ...": an unnamed body, the state of its seat
            foilers = foilers or [a for c in subjects for o in in_objects(c) for a in index.actors_for(o) if a.country]
            foilers = foilers or inherited(cur, index)
            return [
                Actor(text=a.text, name=a.name, code=a.country, country=a.country) for a in foilers if a.country
            ]
    return []
