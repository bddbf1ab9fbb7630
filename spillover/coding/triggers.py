"""Which words open a candidate event: trigger matching against the lexicon.

A verb or noun whose lemma heads a lexicon pattern is a trigger when the
pattern's required words are among its dependents ("shoot *down*", "impose
*sanctions*"); the most specific pattern wins, and a weight-0 pattern switches
the trigger off in that context ("fight an *epidemic*"). A "must" clause that
a speaker reports about another, with no trigger of its own, is a candidate
demand too. The extractor codes each candidate (roles, status, codes). Reported verdicts and
classings the matcher reads are in :mod:`spillover.coding.verdicts`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spillover.coding.appeals import DEMAND_MODALS, demand_speaker
from spillover.coding.lexicon import Lexicon, TriggerPattern
from spillover.coding.roles import is_passive, marked_infinitive, occurrence_preps
from spillover.coding.series import series_weapon
from spillover.coding.verdicts import CLASSED_DEPS, is_verdict, regarded, reported_violation

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["MODAL_DEMAND", "Candidate", "match_trigger", "modal_demands"]


@dataclass(frozen=True)
class Candidate:
    """A trigger token with the lexicon pattern it matched."""

    token: Token
    pattern: TriggerPattern
    end: int


_TIME_ENTS = frozenset({"DATE", "TIME"})
#: Adverbs that act as a verb's particle, whose preposition belongs to the verb ("pushed back from").
_PARTICLE_ADVERBS = frozenset({"back", "away", "out", "off", "down", "up", "in"})


def _of_object(tok: Token) -> set[str]:
    """The lemma after "of" in a quantity ("one *of* its drones"), if there is one."""
    obj = next((o for p in tok.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"), None)
    return {obj.lemma_.lower()} if obj is not None else set()


#: Nouns for what one side said or asked that a bare relative clause can take as object ("a charge Yerevan denied").
_SAID_NOUNS = frozenset(
    {"charge", "claim", "accusation", "allegation", "report", "demand", "offer", "proposal", "request", "call"}
)


def _dependent_words(tok: Token) -> set[str]:
    """Lemmas and forms that can satisfy a pattern's required words.

    Children of the trigger, and one level below its objects and prepositions
    ("fired waves *of missiles*", "imposed new *sanctions*"), and the modifiers
    of a prepositional object ("sent troops to the *peacekeeping* force") and its "of" object
    ("wrote in its book *of condolence*"). A preposition whose
    object is a date or time ("called ... *on* Tuesday") does not count, or
    "call on" would fire on every dated phone call.
    """
    words: set[str] = set()
    if tok.dep_ == "relcl" and tok.head.pos_ == "NOUN" and any(c.dep_ == "auxpass" for c in tok.children):
        # "an Iranian *missile* that was later shot down by NATO": the noun a passive relative clause hangs
        # on is what the clause's verb was done to
        words.add(tok.head.lemma_.lower())
    if tok.dep_ == "relcl" and tok.head.pos_ == "NOUN" and any(
        c.dep_ == "dobj" and c.lower_ in ("that", "which") for c in tok.children
    ):
        words.add(tok.head.lemma_.lower())  # "the two *missiles* that NATO air defences intercepted": its object
    if (
        tok.dep_ == "relcl"
        and tok.head.lemma_.lower() in _SAID_NOUNS
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "nsubjpass") for c in tok.children)
        and any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in tok.children)
    ):
        words.add(tok.head.lemma_.lower())  # "a *charge* Yerevan denied": a relative clause without "that"
    weapon = series_weapon(tok)
    if weapon is not None:  # "two drones turned back and the third was shot down": a drone shot down
        words.add(weapon)
    # "the *missile* had malfunctioned and had not been aimed at Turkey": the conjuncts' shared subject
    words.update(_shared_subjects(tok))
    # "clashes erupted *between police* and protesters": the sides hang on the verb of occurrence
    for child in [*tok.children, *occurrence_preps(tok)]:
        if child.dep_ == "prep" and any(o.ent_type_ in _TIME_ENTS for o in child.children if o.dep_ == "pobj"):
            continue
        if _after_non(child):  # a "non-violent demonstration" is no "violent demonstration"
            continue
        if child.dep_ == "conj" and child.pos_ == "VERB":
            continue  # "received Iran's foreign minister ... and *called* for a ceasefire": no call received
        if child.dep_ == "advcl" and any(g.dep_ in ("nsubj", "nsubjpass") for g in child.children):
            continue  # "held an emergency session a day after drones *struck*": no strike was held
        words.add(child.lemma_.lower())
        words.add(child.lower_)
        if child.dep_ in ("xcomp", "acomp"):  # "vowed to continue *operations*", "stood ready to *help*"
            words.update(g.lemma_.lower() for g in child.children if g.dep_ in ("dobj", "xcomp"))
        if child.dep_ == "ccomp":  # "warned that it would take all necessary *measures*"
            words.update(g.lemma_.lower() for g in child.children if g.dep_ == "dobj")
            # "admitted that the *drones* were Iranian", "that one of its *drones* had crashed"
            subjects = [g for g in child.children if g.dep_ in ("nsubj", "nsubjpass")]
            words.update(g.lemma_.lower() for g in subjects)
            words.update(w for g in subjects for w in _of_object(g))
        if child.dep_ in ("nsubj", "nsubjpass"):  # "one of its *drones* had crashed into the terminal"
            words |= _of_object(child)
        # an adverb's preposition too: "were pushed *back from* their strongholds"
        if child.dep_ in ("dobj", "prep", "attr", "dative", "nsubjpass", "prt", "agent") or (
            child.dep_ == "advmod" and child.lower_ in _PARTICLE_ADVERBS
        ):
            for grand in child.children:
                if grand.dep_ in ("pobj", "prep", "compound", "amod", "dobj") or _to_infinitive(grand):
                    words.add(grand.lemma_.lower())
                    words.add(grand.lower_)
                    if grand.dep_ == "amod":  # "called the exercise unnecessary and *provocative*"
                        words.update(g.lemma_.lower() for g in grand.conjuncts)
                    if grand.dep_ == "prep":
                        words.update(g.lemma_.lower() for g in grand.children if g.dep_ == "pobj")
                    elif grand.dep_ == "pobj" and child.dep_ == "prep":  # "troops to the *peacekeeping* mission"
                        words.update(g.lemma_.lower() for g in grand.children if g.dep_ in ("compound", "amod"))
                        if child.lower_ == "between":  # "scuffles between marchers and *police*": both sides
                            words.update(g.lemma_.lower() for g in grand.children if g.dep_ == "conj")
                        # "wrote in its book *of condolence*"
                        words.update(o.lemma_.lower() for g in grand.children if g.lower_ == "of" for o in g.children)
    return words


def _verb_tagged_noun(tok: Token, lexicon: Lexicon) -> bool:
    """A verb the tagger took for a plural noun in a list of verbs: "acknowledges ... and *apologises* to Baku".

    Only a word the lexicon knows as a verb and not as a noun, joined to a verb.
    """
    return (
        tok.pos_ == "NOUN"
        and tok.dep_ == "conj"
        and tok.head.pos_ == "VERB"
        and tok.tag_ == "NNS"
        and not lexicon.triggers(tok.lemma_.lower(), "NOUN")
        and bool(lexicon.triggers(tok.lemma_.lower(), "VERB"))
    )


def _noun_with_particle(tok: Token) -> bool:
    """A verb the tagger took for a noun, told by its verb particle: "EU and UN *hand over* supplies".

    A noun never governs a particle (``prt``); the tagger's NOUN for a sentence's main verb with one is a
    tagging slip, and the verb patterns ("hand over supply") are the ones to match.
    """
    return tok.pos_ == "NOUN" and any(c.dep_ == "prt" for c in tok.children)


def _after_non(tok: Token) -> bool:
    """Whether ``tok`` is the second half of a word split after "non" ("non-violent", "non violent")."""
    if tok.lower_ == "grata":  # "persona non grata" negates nothing
        return False
    i, doc = tok.i, tok.doc
    if i < 1:
        return False
    previous = doc[i - 1].lower_
    return previous == "non" or (previous == "-" and i >= 2 and doc[i - 2].lower_ == "non")


def _to_infinitive(tok: Token) -> bool:
    """An infinitive that completes a noun: "reserved the right *to respond*", "had nothing *to do* with".

    Only an infinitive: a finite relative clause is a deed of its own ("the drones *which struck*
    Nakhchivan had been launched from its territory" is no "launched strikes").
    """
    return tok.dep_ in ("acl", "relcl") and tok.pos_ in ("VERB", "AUX") and marked_infinitive(tok)


def _shared_subjects(tok: Token) -> list[str]:
    """The lemmas of the subject a passive conjunct with none of its own shares with the verb before it."""
    own = {c.dep_ for c in tok.children}
    if tok.dep_ != "conj" or "auxpass" not in own or any(dep.startswith("nsubj") for dep in own):
        return []
    return [c.lemma_.lower() for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]


def _weapon_is_head(tok: Token, words: tuple[str, ...]) -> bool:
    """Whether the weapon a target-role pattern names heads a phrase of the trigger, not just modifies one.

    "intercepted a *missile*", "a *drone* was shot down", "a barrage of *rockets*" name the weapon
    stopped; "destroyed *missile* launchers" names a launcher hit by the subject.
    """
    heads = {tok.head.lemma_.lower()} if tok.dep_ == "relcl" else set()  # "a missile that was shot down"
    weapon = series_weapon(tok)  # "the third was shot down": one of the drones just told
    heads |= {weapon} if weapon is not None else set()
    heads.update(_shared_subjects(tok))  # "the missile was fired ... and was destroyed by a Patriot battery"
    for child in tok.children:
        heads.add(child.lemma_.lower())
        if any(g.lower_ == "unmanned" for g in child.children):
            heads.add("unmanned")  # "an *unmanned* aircraft" is a drone, the weapon itself
        for grand in child.children:
            if grand.dep_ in ("pobj", "prep"):
                heads.add(grand.lemma_.lower())
                heads.update(g.lemma_.lower() for g in grand.children if g.dep_ == "pobj")
    return all(w in heads for w in words)


def _event_subject(tok: Token, lexicon: Lexicon) -> bool:
    """Whether the verb's subject is an event, not an actor ("the conflict", "the fighting").

    Nouns for the people who act ("protesters", "militants", "demonstrators") are actors, and so is a
    noun owned by a state that is an event only with a word it lacks ("Iran's *mission* to the EU
    warned", where only a "peacekeeping mission" would be one).
    """
    return any(
        c.dep_ == "nsubj"
        and not c.ent_type_
        and c.pos_ == "NOUN"
        and not c.lemma_.lower().endswith(_AGENT_SUFFIXES)
        and (patterns := lexicon.triggers(c.lemma_.lower(), "NOUN"))
        and not (any(g.dep_ == "poss" for g in c.children) and all(p.particles for p in patterns))
        for c in tok.children
    )


_AGENT_SUFFIXES = ("er", "or", "ist", "ant", "ent")


#: Verbs that give help only with an object: without one their subject takes it ("families sheltering in schools").
_TRANSITIVE_ONLY = frozenset({"shelter", "house"})
#: Patterns whose required word must be the verb's object: "returned its ambassador to Tehran" restores ties,
#: "the ambassador returned to Baku" only travelled; "rejected what he called attempts" rejects no call.
_OBJECT_ONLY = frozenset({"return ambassador", "return envoy", "reject call"})
#: CAMEO "intent to give protection": "would regard any attack on X as an attack on itself".
_PROTECTION = "0334"
#: Particles of appeals ("call for", "call on", "appeal for").
_APPEAL_PARTICLES = frozenset({"for", "on", "upon"})


def match_trigger(tok: Token, lexicon: Lexicon) -> Candidate | None:
    """The most specific lexicon pattern this token satisfies, if any."""
    if not _may_trigger(tok, lexicon.head_words):
        return None
    hyphened = _hyphened_noun(tok, lexicon)
    if hyphened is not None:
        return hyphened
    if tok.pos_ not in ("VERB", "NOUN") and not is_verdict(tok):
        return None  # a stop word may still be a trigger: spaCy lists the noun "call" ("in a phone call")
    if tok.pos_ == "NOUN" and tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
        return None  # "air raid sirens", "protest note": the head noun decides
    if tok.pos_ == "NOUN" and regarded(tok):
        return None  # "considered an attack on Azerbaijan an attack on Turkey": a kind of deed, none done
    if tok.pos_ == "VERB" and tok.dep_ == "amod":
        return None  # "the internationally recognised government", "Iranian-backed militias": a description
    verbal = tok.pos_ in ("VERB", "AUX") or _verb_tagged_noun(tok, lexicon) or _noun_with_particle(tok)
    pos = "VERB" if verbal else "NOUN"
    patterns = lexicon.triggers(tok.lemma_.lower(), pos)
    if not patterns and pos == "NOUN":
        patterns = lexicon.triggers(tok.lower_, pos)
    if not patterns:
        return None
    if pos == "VERB" and tok.lemma_.lower() in _TRANSITIVE_ONLY and not any(
        c.dep_ in ("dobj", "nsubjpass") for c in tok.children
    ):
        return None  # "3,000 Iranians sheltering near the crossing" take shelter; "sheltered refugees" gives it
    if pos == "VERB" and _event_subject(tok, lexicon) and all(p.event_type == "THREATEN" for p in patterns):
        return None  # "the war threatened to spread": a risk, not a threat someone made
    lemmas: set[str] | None = None
    # A participle's noun is its object ("a *report* released on Tuesday"), but only to switch a
    # trigger off: "a drone launched from Iran struck the airport" reports the strike, not a launch.
    described = {tok.head.lemma_.lower(), tok.head.lower_} if tok.dep_ == "acl" and tok.tag_ == "VBN" else set()
    passive = pos == "VERB" and is_passive(tok)
    for pattern in patterns:  # most particles first
        if passive and pattern.event_type == "REQUEST" and _APPEAL_PARTICLES & set(pattern.particles):
            continue  # "the envoy had been called home for consultations": nobody appeals in the passive
        if pattern.mode == "phone" and _names_as(tok):
            continue  # "called President Zelensky a criminal" names him; it is no phone call
        if pattern.pattern in _OBJECT_ONLY and not any(
            c.dep_ == "dobj" and c.lemma_.lower() in pattern.particles for c in tok.children
        ):
            continue
        if pattern.cameo == _PROTECTION and not any(c.dep_ in CLASSED_DEPS and regarded(c) for c in tok.children):
            continue  # "considers the attack an act of terrorism" judges a deed done; it pledges no protection
        if pattern.particles:
            if lemmas is None:
                lemmas = _dependent_words(tok)
            if not all(p in lemmas or (pattern.weight == 0 and p in described) for p in pattern.particles):
                continue
            if pattern.subject_role == "target" and not _weapon_is_head(tok, pattern.particles):
                continue  # "destroyed Hezbollah *missile* launchers" is no intercepted missile
            if pattern.subject_role == "target" and _result_of_strike(tok, lexicon):
                continue  # "struck an air base, destroying drones": what the strike hit, no interception
        if pattern.pattern == "violate" and reported_violation(tok):
            # "said the test violated a UN Security Council resolution": the speakers' charge, as "said it was a
            # violation" (a violation the narrator tells stays the violator's act)
            judged = next((p for p in lexicon.triggers("be", "VERB") if p.particles == ("violation",)), None)
            pattern = judged or pattern
        # A weight-0 row is a switch: "fight" + "epidemic" is no assault.
        return Candidate(tok, pattern, tok.i + 1) if pattern.weight > 0 else None
    return None


def _may_trigger(tok: Token, head_words: frozenset[str]) -> bool:
    """Whether ``tok`` could match any pattern: a cheap test run on every token of every sentence.

    A pattern is looked up by the token's lemma or form, or, for a noun split at its hyphen
    ("shoot-out"), by the joined form, which needs a hyphen token right before it.
    Any other token heads no pattern, whatever its parse.
    """
    if tok.lemma_.lower() in head_words or tok.lower_ in head_words:
        return True
    i = tok.i
    return i >= 2 and tok.doc[i - 1].text == "-"


def _result_of_strike(tok: Token, lexicon: Lexicon) -> bool:
    """Whether a participle tells what its governing attack destroyed: "struck an air base, *destroying* drones"."""
    if tok.dep_ != "advcl" or tok.tag_ != "VBG" or any(c.dep_ == "mark" for c in tok.children):
        return False
    return any(p.event_type == "ASSAULT" and not p.particles for p in lexicon.triggers(tok.head.lemma_.lower(), "VERB"))


def _names_as(verb: Token) -> bool:
    """Whether a verb has both an object and an object predicate: "called *X* *a criminal*"."""
    deps = {c.dep_ for c in verb.children}
    return "dobj" in deps and "oprd" in deps


def _hyphened_noun(tok: Token, lexicon: Lexicon) -> Candidate | None:
    """A noun the tokenizer split at its hyphen, read whole: "the shoot-out between bandits and soldiers".

    ``tok`` is the last part ("out") with the first ("shoot") as its compound; the joined form ("shootout")
    is looked up as a noun, without required words (a written-together noun has none).
    """
    if tok.i < 2 or tok.pos_ not in ("NOUN", "ADP", "ADV", "PART") or tok.dep_ == "compound":
        return None
    hyphen, first = tok.doc[tok.i - 1], tok.doc[tok.i - 2]
    if hyphen.text != "-" or first.head.i != tok.i or hyphen.whitespace_ or first.whitespace_:
        return None
    word = f"{first.lower_}{tok.lower_}"
    pattern = next((p for p in lexicon.triggers(word, "NOUN") if not p.particles), None)
    if pattern is None or pattern.weight == 0:
        return None
    return Candidate(tok, pattern, tok.i + 1)


#: "Trump said the oppression must end", "the EU says intervention must be avoided": a demand with
#: no deed of the lexicon in it is still a demand (CAMEO 100); weaker than one that names the deed.
MODAL_DEMAND = TriggerPattern(
    pattern="modal-demand",
    lemma="",
    pos="VERB",
    particles=(),
    event_type="REQUEST",
    mode=None,
    cameo="100",
    target_preps=(),
    source_preps=(),
    weight=0.5,
)


def modal_demands(sent: Span, candidates: list[Candidate]) -> list[Candidate]:
    """Candidates for "X said Y must/should ..." clauses that hold no trigger of their own."""
    out: list[Candidate] = []
    for tok in sent:
        if tok.dep_ != "ccomp" or not any(c.dep_ == "aux" and c.lower_ in DEMAND_MODALS for c in tok.children):
            continue
        inside = [c.token for c in candidates if tok.left_edge.i <= c.token.i <= tok.right_edge.i]
        if any(demand_speaker(t) is not None for t in inside):
            continue  # the clause names its deed ("must end attacks"): that deed is the demand
        if demand_speaker(tok) is not None:
            out.append(Candidate(tok, MODAL_DEMAND, tok.i + 1))
    return out
