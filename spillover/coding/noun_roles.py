"""Reading a noun trigger's arguments: whose deed a noun names, and against whom.

A noun trigger ("strikes", "the attack", "support") takes its source from its possessor, demonym or
"by" phrase, or from the subject of the light verb it is the object of ("launched strikes"); its
target from its prepositions. Those rules live here, apart from a verb's
(:mod:`spillover.coding.arguments`), with the word lists that tell a verb that carries a deed from
one that only sees, tells or stops it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spillover.coding.factuality import SETTING_NOUNS
from spillover.coding.owners import owned_roles, owned_thing
from spillover.coding.phrases import (
    charged_for,
    charged_object,
    event_pronoun,
    misattached_plotters,
    subject_actors,
)
from spillover.coding.roles import (
    CHARGING_VERBS,
    OBJECT_DEPS,
    governing_verb,
    occurrence_preps,
    of_holder,
    phrase_actors,
    prep_objects,
    responsibility_verb,
)
from spillover.coding.sides import of_between
from spillover.coding.subjects import SUBJECT_DEPS, SubjectReader
from spillover.coding.triggers import match_trigger

if TYPE_CHECKING:
    from spacy.tokens import Token

    from spillover.actors.resolver import ActorIndex
    from spillover.coding.lexicon import TriggerPattern
    from spillover.records import Actor


#: Verbs whose subject talks about an event rather than does it: "Iranian officials did not comment on the
#: interception" names no interceptor. Announcing ("announced a suspension of air links") is doing.
REMARK_VERBS = frozenset({"comment", "discuss", "report", "mention", "describe", "note", "cite"})
#: Verbs whose subject perceives the deed their object names ("monitors had heard gunfire"), not does it.
PERCEPTION_VERBS = frozenset(
    {"hear", "see", "witness", "observe", "record", "detect", "notice", "spot", "document", "monitor", "watch",
     # and whose subject suffers or escapes it: "thousands fleeing the fighting" do not fight
     "flee", "escape", "survive", "endure", "evade", "fear"}
)  # fmt: skip
#: Verbs that only carry the deed their object names ("launched an attack", "voiced concern"): its subject is the
#: deed's doer.
LIGHT_VERBS = frozenset(
    {"launch", "carry", "conduct", "stage", "mount", "make", "hold", "issue", "express", "offer", "declare",
     "announce", "deliver", "impose", "order", "unleash", "begin", "hand", "lodge", "file", "send", "voice",
     "register"}
)  # fmt: skip
#: Verbs whose subject stops the deed their object names ("police foiled an attack"): the other side.
PREVENTION_VERBS = frozenset({"thwart", "foil", "prevent", "avert", "repel", "repulse", "stop", "frustrate", "halt"})
#: Verbs whose subject exposes a plot its object names ("uncovered a plot", "broke up a plot"): not the plotter.
_EXPOSING_VERBS = frozenset({"uncover", "expose", "bust", "dismantle", "disrupt"})
#: Verbs of casualties: an attack as their subject did harm to their object ("the strike killed a commander"), one
#: in their "when" clause to their passive subject ("a guard was killed when gunmen opened fire").
CASUALTY_VERBS = frozenset({"kill", "wound", "injure"})
#: Verbs of coming somewhere "for" a deed ("soldiers arrived for a joint exercise"): who came does it.
_ARRIVING = frozenset({"arrive", "come", "travel", "fly", "head", "gather", "assemble", "land"})
#: Possessive pronouns that name the owner of a deed noun by reference ("declared *their* support").
_OWNER_PRONOUNS = frozenset({"their", "its", "his", "her"})
#: Nouns of asking in "at Baku's request", "at the invitation of ...": whoever asked is the one the deed serves.
REQUEST_NOUNS = frozenset({"request", "invitation", "behest"})


class NounRoleReader(SubjectReader):
    """Reads the sources and targets of noun triggers off the dependency parse."""

    def noun_roles(self, tok: Token, pattern: TriggerPattern, index: ActorIndex) -> tuple[list[Actor], list[Actor]]:
        """Sources and targets of a noun trigger.

        Possessor / adjectival demonym / "by" phrase → source, target prepositions → target; a noun
        that is the object of a light verb ("launched strikes", "carried out an attack") takes the
        verb's subject, one whose part someone claims or denies takes the claimant.
        """
        sources: list[Actor] = []
        targets: list[Actor] = []
        verb = governing_verb(tok)
        for child in [*tok.children, *occurrence_preps(tok), *of_between(tok)]:  # "clashes erupted between A and B"
            if child.dep_ == "poss" and child.lower_ in _OWNER_PRONOUNS and verb is not None:
                # "Turkey, Pakistan and Israel declared their support": each subject its own
                sources.extend(subject_actors(verb, index) or [a for a in [index.actor_for(child)] if a])
            elif child.dep_ in ("poss", "amod", "compound", "nmod"):
                actor = index.actor_for(child)
                if actor is not None and actor.country is None and child.dep_ == "compound" and any(
                    g.dep_ == "compound" for g in child.children
                ):
                    continue  # "a week of joint *air defence* exercises": a kind of exercise, no unnamed military
                if actor is not None and child.dep_ == "compound" and index.only_a_place(child):
                    targets.append(actor)  # "the Nakhchivan attack", "the Kabul bombing": where it struck
                elif actor is not None:
                    sources.append(actor)
                    if child.dep_ == "amod":  # "Israeli and American strikes": each demonym a doer
                        sources.extend(a for c in child.conjuncts if (a := index.actor_for(c)) is not None)
            elif child.dep_ == "prep":
                preps = child.lower_
                if preps in pattern.target_preps:
                    targets.extend(prep_objects(child, index))
                elif preps in pattern.source_preps or preps == "by":
                    sources.extend(prep_objects(child, index))
        if pattern.event_type == "ASSAULT" and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in CASUALTY_VERBS:
            # "an Israeli air strike on a building near Damascus killed a senior commander of Iran's Revolutionary
            # Guards": whom it killed was hit, besides the country of the place
            own = {a.country for a in sources}  # "... and four of his aides": not the doer's, whoever "his" is
            hit = [a for c in tok.head.children if c.dep_ == "dobj" for a in index.actors_for(c)]
            victims = [a for a in hit if a.country and a.country not in own]
            targets = victims + [t for t in targets if t.country not in {v.country for v in victims}]
        if not targets and tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
            # "statements of solidarity with Baku": the parser hangs the target on the carrying noun
            for child in tok.head.head.children:
                if child.dep_ == "prep" and child.lower_ in pattern.target_preps:
                    targets.extend(prep_objects(child, index))
        if not sources:  # "punishing Iran for last week's drone strike": the one punished did it
            sources = charged_for(tok, index)
        if not sources and verb is not None and tok.dep_ in OBJECT_DEPS and tok.head.i == verb.i:
            # "thwarted two plots by saboteurs linked to the IRGC": the parser hangs the plot's "by" on the
            # verb; on an active verb with an object, a "by" phrase is the object's, not the verb's agent
            sources = misattached_plotters(verb, index) or [
                a for c in verb.children if c.dep_ == "prep" and c.lower_ == "by" for a in prep_objects(c, index)
            ]
        lender = match_trigger(verb, self.lexicon) if verb is not None else None
        light = verb is not None and (verb.lemma_.lower() in LIGHT_VERBS or lender is None)
        # "500 Turkish soldiers arrived for a joint exercise": who came for the deed does it
        light = light or (verb is not None and verb.lemma_.lower() in _ARRIVING and tok.head.lower_ == "for")
        # "fought heavy gun battles": a verb of the same deed as its object noun lends its subject too, not
        # one whose subject undergoes it ("police came under a grenade attack")
        same_deed = (
            lender is not None
            and lender.pattern.event_type == pattern.event_type
            and lender.pattern.subject_role != "target"
            # "killed a senior commander in an air strike": the strike is how the killer killed
            and (tok.dep_ in OBJECT_DEPS or (tok.dep_ == "pobj" and tok.head.lower_ == "in"))
        )
        if not sources and verb is not None and (light or same_deed) and not _stops_or_tells(verb):
            for child in verb.children:
                if child.dep_ in SUBJECT_DEPS and not event_pronoun(child, verb) and not owned_thing(child, index):
                    sources.extend(index.actors_for(child))
                elif child.dep_ == "prep" and child.lower_ in pattern.target_preps and not targets:
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            targets.extend(index.actors_for(obj))
                elif child.dep_ == "dobj" and same_deed and tok.dep_ == "pobj":
                    targets.extend(index.actors_for(child))  # whom the strike killed: "a commander of the IRGC"
            if not sources and light and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                # a verb with a subject of its own that is no actor ("the treaty covers attacks on
                # its vessels") lends nothing; only a subjectless one ("vowed to carry out attacks") does
                sources = self.inherited_subject(verb, index)
        if sources and light and verb is not None and tok.dep_ in OBJECT_DEPS and tok.head.i == verb.i:
            sources = owned_roles(sources, verb, index, REMARK_VERBS | PREVENTION_VERBS | PERCEPTION_VERBS)
        call = tok.lemma_.lower() in SETTING_NOUNS and tok.dep_ == "pobj"
        if pattern.event_type == "CONSULT" and call and verb is not None and tok.head.head.i == verb.i:
            # "told Araghchi in a telephone call that ...": the call is between the teller and the told
            sources = sources or subject_actors(verb, index) or self.inherited_subject(verb, index)
            targets = targets or [a for c in verb.children if c.dep_ in ("dative", "dobj") for a in index.actors_for(c)]
        charged = charged_object(tok.head) if not sources and tok.dep_ == "pobj" else None
        if charged is not None and charged.head.lemma_.lower() in CHARGING_VERBS:
            sources = index.actors_for(charged)  # "accused Iranian state hackers of a cyberattack": theirs
        claimant = responsibility_verb(tok) if not sources else None
        if claimant is not None:  # "Iran denied any role in the attack"
            sources = [a for c in claimant.children if c.dep_ in SUBJECT_DEPS for a in index.actors_for(c)]
            sources = sources or self.inherited_subject(claimant, index)
        requested = tok.lemma_.lower() in REQUEST_NOUNS
        if requested and not targets and sources and tok.dep_ == "pobj" and tok.head.lower_ in ("at", "upon", "on"):
            # "approved sending troops to Nakhchivan at Baku's request": asked of whoever then acted
            own = {s.country for s in sources}
            targets = [a for a in subject_actors(tok.head.head, index) if a.country not in own]
        # "a wave of cyberattacks disrupted ...": the deed told inside its subject's "of" phrase
        holder = of_holder(tok)
        told = holder if holder.dep_ == "nsubj" else tok
        if not targets and told.dep_ in SUBJECT_DEPS and told.head.pos_ == "VERB":
            for child in told.head.children:
                if child.dep_ in OBJECT_DEPS:
                    # "cyberattacks disrupted online services at several Azerbaijani banks": whose services
                    targets.extend(index.actors_for(child) or phrase_actors(child, ("at",), index))
            if not targets:
                targets = phrase_actors(told.head, ("at",), index)  # the parser hangs "at ... banks" on the verb
        return sources, targets


def _stops_or_tells(verb: Token) -> bool:
    """Whether ``verb``'s subject only tells, sees, stops or exposes the deed its object names."""
    lemma = verb.lemma_.lower()
    if lemma in REMARK_VERBS | PREVENTION_VERBS | PERCEPTION_VERBS | _EXPOSING_VERBS:
        return True
    return lemma == "break" and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)
