"""Who the phrases around a clause name: subjects, plotters, issuers, shared objects, the side a deed hit.

Small readers that :class:`spillover.coding.arguments.ArgumentReader` combines, each answering one
question about a phrase of the parse: whose subject a verb has ("Turkey *and* Georgia"), who is behind
a plot ("a plot *by* a cell tied to the IRGC"), who issued the statement a participle hangs on ("issued
a statement *urging* restraint"), whom a coordinated verb's object names for its sibling ("phoned
Aliyev *and* expressed regret"), and whom an owned-up deed struck. They hold no state and need no
lexicon beyond the pattern that fired.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spillover.coding.roles import OBJECT_DEPS, phrase_actors, prep_objects
from spillover.coding.triggers import marked_infinitive

if TYPE_CHECKING:
    from spacy.tokens import Token

    from spillover.actors.resolver import ActorIndex
    from spillover.coding.lexicon import TriggerPattern
    from spillover.records import Actor

#: What a side issues to say something: "issued a joint statement urging restraint" is the issuer's appeal.
UTTERANCES = frozenset({"statement", "communique", "communiqué", "letter", "message", "declaration", "note", "video"})


def tells_the_deed(clause: Token, pattern: TriggerPattern) -> bool:
    """Whether an admitted or denied clause holds the word the pattern needs ("struck", "its *drones*")."""
    return any(t.lemma_.lower() in pattern.particles for t in clause.subtree)


def struck_side(deed: Token, index: ActorIndex) -> list[Actor]:
    """Who an owned deed hit: its object's actors, else the country of where it struck.

    "had struck the airport in Azerbaijan's Nakhchivan exclave": the airport names no one, the place does.
    """
    found = [a for c in deed.children if c.dep_ in OBJECT_DEPS for a in index.actors_for(c)]
    if not found:
        places = [c for c in deed.children if c.dep_ == "prep" and c.lower_ in ("in", "on", "at", "into")]
        found = [a for c in places for a in prep_objects(c, index)]
    return found


#: Verbs whose subject issues the statement that is their object ("issued a statement urging ...").
_ISSUING_VERBS = frozenset(
    {"issue", "release", "publish", "send", "sign", "deliver", "make", "adopt", "put", "post", "read", "hand",
     "present", "submit"}
)  # fmt: skip


def issuer(noun: Token, index: ActorIndex) -> list[Actor]:
    """Who issued a statement that a participle clause hangs on.

    "issued a joint statement urging all sides to ...", "in a letter demanding ...": the
    subject of the verb the statement is the object of (or, for "in a statement", the
    verb the phrase hangs on). Only for statements and the like: in "attacked a convoy
    carrying aid" the attacker does not carry the aid.
    """
    if noun.lemma_.lower() not in UTTERANCES:
        return []
    owners = [a for c in noun.children if c.dep_ in ("poss", "compound", "amod") for a in index.actors_for(c)]
    if owners:  # "backed a European Union statement calling for sanctions": the EU's call, not the backer's
        return owners
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _ISSUING_VERBS:
        verb = noun.head
        while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
            verb = verb.head  # "summons the ambassador and hands him a note demanding ...": the summoner's
        return subject_actors(verb, index)
    if noun.dep_ == "pobj" and noun.head.lower_ == "in":
        return subject_actors(noun.head.head, index)
    return []


def subject_actors(verb: Token, index: ActorIndex) -> list[Actor]:
    """Actors named by a verb's own subject (``nsubj``), coordination expanded."""
    return [a for c in verb.children if c.dep_ == "nsubj" for a in index.actors_for(c)]


def agent_actors(verb: Token, index: ActorIndex) -> list[Actor]:
    """Actors named by a passive verb's agent ("detained *by the security service*")."""
    agents = [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    return [a for o in agents for a in index.actors_for(o)]


def event_pronoun(subject: Token, verb: Token) -> bool:
    """Whether the subject of a copula is a pronoun for an event ("*It* was the first attack on ...")."""
    return verb.lemma_.lower() == "be" and subject.lower_ in ("it", "this", "that")


def is_verbal(pattern: TriggerPattern) -> bool:
    """Whether the pattern codes words, not deeds (CAMEO roots 01-05 and 09-14)."""
    root = int(pattern.cameo[:2]) if pattern.cameo[:2].isdigit() else 0
    return 1 <= root <= 5 or 9 <= root <= 14


def particle_targets(word: Token, pattern: TriggerPattern, index: ActorIndex) -> list[Actor]:
    """Targets in the target phrases of a word the pattern names (its object or its verb), else none."""
    if word.lemma_.lower() not in pattern.particles:
        return []
    found = phrase_actors(word, pattern.target_preps, index)
    # "offered to host talks *between Washington and Tehran*": the phrase hangs on the named verb's object
    objects = [c for c in word.children if c.dep_ == "dobj"]
    return found or [a for obj in objects for a in phrase_actors(obj, pattern.target_preps, index)]


#: Participles that name who is behind a plot ("Iranian-backed", "IRGC-linked").
_BACKING = frozenset({"back", "link", "sponsor", "direct", "fund", "tie", "inspire"})


def plotters(noun: Token, index: ActorIndex) -> list[Actor]:
    """Who is behind the plan or attempt a noun names: "a plot *by* a cell tied to the IRGC to ...".

    The infinitive after such a noun ("to blow up the pipeline") is the plotters' deed, not that
    of whoever foiled or reported the plot. Also "Iran's attempt to ...".
    """
    found = phrase_actors(noun, ("by",), index)
    if not found:
        found = [a for c in noun.children if c.dep_ == "poss" and (a := index.actor_for(c)) is not None]
    if not found:  # "an Iranian-backed plot", "an IRGC-linked plan": whoever is behind it
        behind = [c for c in noun.children if c.dep_ == "amod" and c.lemma_.lower() in _BACKING]
        found = [a for c in behind for g in c.children if (a := index.actor_for(g)) is not None]
    return found


def misattached_plotters(verb: Token, index: ActorIndex) -> list[Actor]:
    """Plotters named on the object of the verb an infinitive hangs from.

    The parser often attaches "to blow up ..." in "foiled a plot by X to blow up ..." to "foiled";
    the plot's "by" phrase still says whose deed it is.
    """
    for obj in verb.children:
        if obj.dep_ in OBJECT_DEPS and obj.pos_ == "NOUN" and (found := phrase_actors(obj, ("by",), index)):
            return found
    return []


#: Verbs of contact whose "to" clause says what the contact was for ("telephoned Aliyev to express support");
#: with other verbs the object is the one asked to act ("urged Russia to condemn").
_CONTACT_VERBS = frozenset({"phone", "telephone", "call", "meet", "visit", "write", "contact", "receive", "host"})


def shared_targets(verb: Token, index: ActorIndex) -> list[Actor]:
    """The object of a coordinated verb that shares this verb's subject.

    "Pezeshkian phoned Aliyev and expressed regret, promising an investigation": the regret and the
    promise go to whom he phoned; so does what a call was made for ("telephoned Aliyev to express
    support"), what a trip was made for ("went to the Iranian embassy to offer condolences") and
    what one said to whom one spoke with ("spoke with his Iranian counterpart and warned ...").
    Only for a verb with no subject of its own, up two steps.
    """
    cur = verb
    for _ in range(2):
        purpose = cur.dep_ == "xcomp" and cur.head.lemma_.lower() in _CONTACT_VERBS  # "phoned Aliyev to express"
        if (cur.dep_ not in ("conj", "advcl") and not purpose) or any(c.dep_.startswith("nsubj") for c in cur.children):
            return []
        cur = cur.head
        if cur.pos_ != "VERB":
            return []
        found = [a for c in cur.children if c.dep_ in OBJECT_DEPS for a in index.actors_for(c)]
        if not found and verb.dep_ == "advcl" and marked_infinitive(verb):
            found = phrase_actors(cur, ("to", "at"), index)  # "went to the Iranian embassy to offer condolences"
        elif not found and verb.dep_ == "conj":
            found = phrase_actors(cur, ("with", "to"), index)  # "spoke with his Iranian counterpart and warned"
        if found:
            return found
    return []


def charged_object(prep: Token) -> Token | None:
    """The one a verb charges with the deed after ``prep``: "accused X *of* firing", "blamed X *for*".

    The preposition hangs on the object ("accused [X of firing]") or on the verb itself.
    """
    if prep.dep_ != "prep" or prep.lower_ not in ("of", "for", "with"):
        return None
    if prep.head.dep_ in OBJECT_DEPS and prep.head.head.pos_ == "VERB":
        return prep.head
    if prep.head.pos_ == "VERB":
        return next((c for c in prep.head.children if c.dep_ in OBJECT_DEPS), None)
    return None


#: Types of a deed given to someone, whose beneficiary may be named as the one who asked for it.
GIVING_TYPES = frozenset({"AID", "AGREE", "SUPPORT", "COOPERATE"})
#: Verbs of a relative clause on the thing given whose subject is its beneficiary.
_WANTING = frozenset({"request", "need", "ask", "seek", "want", "require"})


def requesters(tok: Token, index: ActorIndex) -> list[Actor]:
    """Who asked for what a deed gives: "ready to provide any support *Azerbaijan requested*"."""
    clauses = [r for o in tok.children if o.dep_ == "dobj" for r in o.children if r.dep_ == "relcl"]
    wanting = [r for r in clauses if r.lemma_.lower() in _WANTING]
    return [a for r in wanting for c in r.children if c.dep_ == "nsubj" for a in index.actors_for(c)]


#: Missions of a foreign state, outside which protests against that state gather.
_MISSIONS = frozenset({"embassy", "consulate", "mission"})


def embassy_owners(tok: Token, index: ActorIndex) -> list[Actor]:
    """The state whose embassy a protest's sentence gathers at: "outside the *Iranian* embassy in Baku"."""
    for word in tok.sent:
        if word.lemma_.lower() not in _MISSIONS or word.dep_ != "pobj":
            continue
        if word.head.lower_ not in ("outside", "at", "near", "before", "to", "in"):
            continue
        owners = [a for c in word.children if c.dep_ in ("amod", "poss", "compound") for a in index.actors_for(c)]
        if owners := [a for a in owners if a.country]:
            return owners
    return []


#: Verbs whose object is answerable for the deed in their "for" phrase ("punished Iran for the strike").
_FOR_DEED_VERBS = frozenset(
    {"punish", "blame", "sanction", "penalise", "penalize", "condemn", "criticise", "criticize", "fault",
     "thank", "praise", "reward", "commend"}
)  # fmt: skip


def charged_for(noun: Token, index: ActorIndex) -> list[Actor]:
    """The doer of a deed noun in the "for" phrase of a verb that answers it: "punishing *Iran* for the strike"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.dep_ != "prep":
        return []
    verb = prep.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _FOR_DEED_VERBS:
        return []
    return [a for c in verb.children if c.dep_ == "dobj" for a in index.actors_for(c)]
