"""Reading a trigger's arguments: who did what to whom.

Once a trigger word opens a candidate event, its source and target still have to
be found in the dependency tree around it. This module holds those rules, apart
from the event coding that uses them: subjects, direct objects, "by" agents and
the pattern's target prepositions of a verb; the possessor, demonym and
prepositional phrases of a noun, or the subject of the light verb it is the
object of; the subject a clause without its own (xcomp, conj, advcl, relcl)
inherits from the clause that governs it ("Iran threatened *to strike*"); the plotters of an attempt or plan;
and who speaks a demand. Rules that look further across the sentence live in
:mod:`spillover.coding.roles`; the subject a clause inherits in :mod:`spillover.coding.subjects`, and a
noun trigger's arguments in :mod:`spillover.coding.noun_roles`, the two bases the reader here builds on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spillover.actors.coreference import SPEECH_VERBS
from spillover.actors.extent import of_objects
from spillover.actors.roles import of_country, unnamed
from spillover.coding.agency import charged_with_arrest, commissioned_source, principals
from spillover.coding.noun_roles import _OWNER_PRONOUNS, CASUALTY_VERBS, NounRoleReader
from spillover.coding.owners import FORCES, aimed_at, own_object, state_of_media
from spillover.coding.phrases import (
    GIVING_TYPES,
    UTTERANCES,
    is_verbal,
    particle_targets,
    requesters,
    shared_targets,
    struck_side,
    subject_actors,
    tells_the_deed,
)
from spillover.coding.roles import (
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    REACTIONS,
    country_anaphor,
    is_passive,
    phrase_actors,
    prep_objects,
)
from spillover.coding.subjects import SUBJECT_DEPS
from spillover.coding.triggers import marked_infinitive

if TYPE_CHECKING:
    from spacy.tokens import Token

    from spillover.actors.resolver import ActorIndex
    from spillover.coding.lexicon import TriggerPattern
    from spillover.records import Actor

#: CAMEO "express condolences / sympathy".
SYMPATHY = "018"
#: Means of a conversation: a talk "by telephone with X" is with X.
_MEDIA = frozenset({"phone", "telephone", "video", "videoconference", "videolink", "link", "call"})
#: Types that own up to or deny a deed told in their complement ("acknowledged that its drone struck X").
_OWNING = frozenset({"CONCEDE", "REJECT"})
#: Verbs of a warned answer, whose subject is the side that warns ("warned that Iran would respond").
_ANSWERS = REACTIONS | {"defend", "hit"}
#: Nouns for a claim an aside tells rejected ("..., a claim Israel denied").
_CLAIMS = frozenset({"claim", "charge", "accusation", "allegation", "assertion", "report"})
#: Deeds whose "of" phrase names who they were done to ("the arrest of Kamto", "the killing of diplomats").
_DONE_TO = frozenset({"COERCE", "ASSAULT"})


class ArgumentReader(NounRoleReader):
    """Reads the sources and targets of trigger words off the dependency parse."""

    def verb_roles(self, tok: Token, pattern: TriggerPattern, index: ActorIndex) -> tuple[list[Actor], list[Actor]]:
        """Sources and targets of a verb trigger.

        Active verbs: subject → source; direct object, a target preposition ("strikes *on*", "talks
        *with*") or the target phrase of a word the pattern names → target. Passive verbs: agent "by" →
        source; passive subject → target. A verb without its own subject inherits it.
        """
        sources: list[Actor] = []
        targets: list[Actor] = []
        passive = is_passive(tok)
        answerers: list[Actor] = []
        for child in tok.children:
            if child.dep_ in SUBJECT_DEPS:
                sources.extend(index.actors_for(child))
            elif child.dep_ in PASSIVE_SUBJECT_DEPS and pattern.subject_role != "target" and (
                child.lemma_.lower() in pattern.particles and pattern.event_type == "ASSAULT"
            ):
                sources.extend(index.actors_for(child))  # "Iranian missiles were fired at Israeli cities": Iran's
            elif child.dep_ in PASSIVE_SUBJECT_DEPS:
                targets.extend(index.actors_for(child))
            elif child.dep_ == "agent":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        sources.extend(index.actors_for(obj))
            elif child.dep_ in OBJECT_DEPS and not passive:
                targets.extend(self._object_actors(child, pattern, index))
                targets.extend(particle_targets(child, pattern, index))  # "recalled its ambassador from Tehran"
            elif child.dep_ == "npadvmod" and child.ent_type_ in ("GPE", "ORG", "NORP") and not passive:
                targets.extend(index.actors_for(child))  # a common misparse of "attacked Azerbaijan"
            elif child.dep_ == "prep" and child.lower_ in pattern.target_preps:
                addressed = child.lower_ == "against" and any(
                    c.dep_ == "dobj" and index.actor_for(c) is not None for c in tok.children
                )
                if not addressed:  # "warned Washington against strikes on Iranian sites": Washington is warned
                    targets.extend(prep_objects(child, index))
            elif child.dep_ == "prep":  # "spoke by *phone* with his Iranian counterpart"
                named = [o for o in child.children if o.dep_ == "pobj"]
                targets.extend(a for o in named for a in particle_targets(o, pattern, index))
                if pattern.event_type == "CONSULT":  # "discussed the incident by telephone with Erdogan"
                    media = [o for o in named if o.lemma_.lower() in _MEDIA]
                    targets.extend(a for o in media for a in phrase_actors(o, pattern.target_preps, index))
            elif child.dep_ == "ccomp" and _described_object(child) and not passive:
                # "struck what the Israeli military described as Hezbollah weapons depots": the thing so described
                # (not a deed so described: "condemned what it described as a violation of Azerbaijan's integrity")
                described = [p for p in child.children if p.dep_ == "prep" and p.lower_ == "as"]
                things = [p for p in described if not any(self.deed_type(o) for o in p.children if o.dep_ == "pobj")]
                targets.extend(a for p in things for a in prep_objects(p, index))
                if pattern.event_type == "ACCUSE":  # "condemned what it called Iran's repeated violations": Iran's
                    named = [o for o in child.children if o.dep_ == "oprd" and self.deed_type(o)]
                    targets.extend(a for o in named for c in o.children if c.dep_ in ("poss", "amod")
                                   for a in index.actors_for(c))  # fmt: skip
            elif child.dep_ == "ccomp" and pattern.event_type in _OWNING and tells_the_deed(child, pattern):
                # "acknowledged that one of its drones had struck Azerbaijan's airport": owning up to a deed
                # is addressed to the side it hit
                targets.extend(struck_side(child, index))
            elif child.dep_ == "ccomp" and pattern.event_type in ("REQUEST", "THREATEN") and child.i > tok.i:
                # "demanded that Belgrade hand them over": who is to act is who is asked; "vowed that Israel
                # would pay a heavy price": who is to pay is who is threatened
                subjects = [a for c in child.children if c.dep_ == "nsubj" for a in index.actors_for(c)]
                targets.extend(subjects)
                if pattern.event_type == "THREATEN" and child.lemma_.lower() in _ANSWERS:
                    # "warned that Iran would respond to any threat": Iran warns, when no speaker is named
                    answerers.extend(subjects)
                    # ... whom it answers: "respond to any attack by Israel"
                    answered = [o for p in child.children if p.dep_ == "prep" and p.lower_ in ("to", "against")
                                for o in p.children if o.dep_ == "pobj"]  # fmt: skip
                    targets.extend(a for o in answered for a in phrase_actors(o, ("by", "from"), index))
            elif child.dep_ in ("xcomp", "advcl", "advmod"):
                # "offered to mediate between Washington and Tehran": the named verb carries the target;
                # "send its ambassador back to Tehran": so does a named adverb
                targets.extend(particle_targets(child, pattern, index))
                if child.dep_ == "xcomp" and child.lemma_.lower() in _LETTING and pattern.event_type in GIVING_TYPES:
                    targets.extend(let_through(child, index))  # "offered to let Azerbaijani aircraft fly over"
        aside = tok.head if tok.dep_ == "relcl" and tok.head.dep_ in ("appos", "dep") else None
        if aside is not None and not targets and pattern.event_type == "REJECT" and aside.lemma_.lower() in _CLAIMS:
            # "Iran said its air defences shot one down, a claim Israel denied": the claim is the speaker's
            said = aside.head if aside.head.pos_ in ("VERB", "AUX") else None
            targets = subject_actors(said, index) if said is not None else []
        if not targets and pattern.event_type == "ASSAULT" and _casualties_when(tok):
            # "a border guard was killed when gunmen opened fire": the killed were fired on
            targets = [a for c in _casualty_verb(tok).children if c.dep_ == "nsubjpass" for a in index.actors_for(c)]
        if passive and not targets and tok.dep_ == "relcl":
            targets = index.actors_for(tok.head)  # "two Kuwaitis who had been arrested"
        if pattern.event_type == "ASSAULT":
            # "rockets fired from Lebanon", "drones launched from Iran": where it was launched from attacked;
            # "gunmen opened fire from the Iranian side of the border": unnamed gunmen of that side
            launched_from = phrase_actors(tok, ("from",), index)
            origins = [a.country for a in launched_from if a.country]
            if not sources:
                sources = launched_from
            elif len(origins) == 1 and all(unnamed(a) for a in sources):
                sources = [of_country(a, origins[0]) for a in sources]
        sources = commissioned_source(sources, principals(tok, index))  # "... on behalf of Iran's Revolutionary Guards"
        has_subject = any(c.dep_ in SUBJECT_DEPS or c.dep_ == "agent" for c in tok.children)
        hoped = passive and tok.dep_ == "ccomp" and tok.head.lemma_.lower() not in SPEECH_VERBS
        # "the missile had malfunctioned and had not been aimed at Turkey": a passive conjunct shares its patient
        shared_patient = (
            passive and tok.dep_ == "conj" and not any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in tok.children)
        )
        if not sources and not has_subject and not hoped and not shared_patient:
            # a passive clause hoped or expected names no doer: in "she hoped the officials would be indicted"
            # she is not the prosecutor (one reported is mostly the reporter's: "said the envoy had been summoned")
            sources = self.inherited_subject(tok, index, attack=pattern.event_type == "ASSAULT")
            if passive:  # "Iranian state media said the drivers had been detained": the state did, not its media
                sources = [state_of_media(a) for a in sources]
        if answerers and not any(a.code for a in sources):  # no speaker, or one the knowledge base does not know
            sources, targets = answerers, [a for a in targets if a not in answerers]
        purpose = tok.dep_ == "advcl" and marked_infinitive(tok)
        # "handed him a protest note demanding an apology": the note asks it of whom it was handed to
        handed = tok.dep_ == "acl" and tok.head.dep_ == "dobj" and tok.head.lemma_.lower() in UTTERANCES
        if (purpose or handed) and all(a.country is None for a in targets):
            # "phoned President Aliyev to convey condolences to the families of the wounded": the purpose
            # is aimed at whom the deed it completes reached
            deed = tok.head.head if handed else tok.head
            reached = [
                a
                for c in deed.children
                if c.dep_ in ("dobj", "dative") and c.i != tok.head.i
                for a in index.actors_for(c)
            ]
            targets = [a for a in reached if a.country] or targets
        if not sources and pattern.event_type == "ACCUSE":  # "arrested three men accused of spying for Iran"
            accusers, accused = charged_with_arrest(tok, index)
            sources, targets = accusers, targets or accused
        if not targets and pattern.event_type in GIVING_TYPES:
            targets = requesters(tok, index)  # "ready to provide any support Azerbaijan requested"
        own = {a.country for a in sources if a.country}
        if not targets and not passive:
            targets = country_anaphor(tok, own, index)
            # a deed's own object decides its target, and so does a statement's (:func:`own_object`)
            if not targets and is_verbal(pattern) and not own_object(tok, pattern):
                # "recalls its ambassador from Tehran and demands an apology": the source's own envoy is no addressee
                targets = [a for a in shared_targets(tok, index) if not a.country or a.country not in own]
        foreign = [a for a in targets if a.country not in own]
        only_own = bool(own and targets and not foreign)  # every target named is of the source's own side
        if own and foreign and len(foreign) < len(targets):  # "its ambassador" is the source's own
            targets = foreign
        elif only_own and pattern.event_type == "THREATEN" and (aimed := aimed_at(tok, own, index)):
            # "warned that Tehran would strike any base in Azerbaijan": the speaker's side is who would act;
            # the threatened are those its deed is aimed at
            targets = aimed
        elif only_own and pattern.event_type == "SANCTION":
            targets = []  # "it recalled its ambassador": from whom, the report says elsewhere
        elif own and pattern.event_type == "MOBILIZE" and all(a.sector in FORCES for a in targets):
            # "ordered the army to reinforce air defences": a state's own forces are the means, not the target
            targets = [a for a in targets if a.country is not None and a.country not in own]
        elif only_own and not passive and is_verbal(pattern) and not _own_bodies(targets, sources):
            # "visited Baku and pledged Tbilisi's support": the support is the source's own, given to Baku
            # (not another body of its state: "urged citizens ... and praised the police")
            targets = shared_targets(tok, index) or targets
        sides = {a.country or a.code for a in sources}  # states, or bodies of states ("the bloc")
        warned = pattern.event_type == "THREATEN" and tok.dep_ == "advcl" and tok.tag_ == "VBG"
        if warned and all((a.country or a.code) in sides for a in targets):
            # "urged Iran to halt deliveries, warning that the bloc was ready to impose sanctions": Iran is warned
            asked = [o for o in tok.head.children if o.dep_ in ("dobj", "dative")]
            targets = [a for o in asked for a in index.actors_for(o) if (a.country or a.code) not in sides] or targets
        return sources, targets

    def _object_actors(self, obj: Token, pattern: TriggerPattern, index: ActorIndex) -> list[Actor]:
        """Target of a direct object; for "intercepted an Iranian missile" the object is the weapon.

        The object of an expression of sympathy ("offered condolences over the deaths caused by
        Israeli air raids") names the grief's cause, not whom it is offered to.
        """
        if pattern.cameo == SYMPATHY and obj.lemma_.lower() in pattern.particles:
            return []
        if pattern.event_type == "MOBILIZE" and obj.lemma_.lower() in pattern.particles:
            return []  # "moved additional troops to its border": the forces moved are the mover's, no target
        owned = any(c.dep_ == "poss" and c.lower_ == "their" for c in obj.children)
        if pattern.event_type == "COOPERATE" and owned:
            return []  # "the member states would coordinate their air defences": their own, with each other
        if pattern.event_type == "CONSULT" and self.deed_type(obj) not in (None, "CONSULT"):
            return []  # "met to discuss the Iranian drone strikes": talks about a deed are not with its doer
        if pattern.event_type == "ACCUSE" and self.deed_type(obj) in _DONE_TO and of_objects(obj):
            # "condemned the house arrest of opposition leader Maurice Kamto": not him, whoever held him
            # (a doer the noun names itself still counts: "condemned Israel's arrest of activists")
            return [a for a in [index.named_by(obj)] if a is not None]
        found = index.actors_for(obj)
        if pattern.event_type in ("AID", "COOPERATE") and {
            obj.lemma_.lower(),
            *(c.lemma_.lower() for c in obj.children if c.dep_ == "compound"),
        } & set(pattern.particles):
            # "sent F-16 fighter jets", "will share intelligence": what is sent or shared is no forces or service
            # of anyone's (the people evacuated are helped)
            found = [a for a in found if a.country or a.sector not in FORCES]
        if obj.lemma_.lower() in pattern.particles:
            # "expressed *its* full support for Guyana": the pronoun is the speaker's own, not a target
            owners = [c for c in obj.children if c.dep_ == "poss" and c.lower_ in _OWNER_PRONOUNS]
            own = {a.code for c in owners for a in index.actors_for(c)}
            # "held emergency consultations *in Brussels*": where the talks were held is no party to them
            where = [p for p in obj.children if p.dep_ == "prep" and p.lower_ in ("in", "at", "near")]
            own |= {a.code for p in where for a in prep_objects(p, index)}
            own |= {index.place_countries.get(t.i) for p in where for t in p.subtree} - {None}
            found = [a for a in found if a.code not in own]
        return found

    def verdict_roles(self, copula: Token, index: ActorIndex) -> tuple[list[Actor], list[Actor]]:
        """Sources and targets of a reported judgement: "Kazakhstan said attacks on airports were unacceptable".

        The one who says it judges; what is judged is the copula's subject, or, for a deed with no side of
        its own ("the strike"), its author, found later as for a condemnation. Never the judge itself.
        """
        sources = self.speaker_actors(copula.head, index)
        judged = [a for c in copula.children if c.dep_ in ("nsubj", "nsubjpass") for a in index.actors_for(c)]
        # "said relations required an apology from Iran": whom the condition is set for
        owed = [p for o in copula.children if o.dep_ == "dobj" for p in o.children if p.dep_ == "prep"]
        owed += [p for p in copula.children if p.dep_ == "prep"]
        judged += [a for p in owed if p.lower_ == "from" for a in prep_objects(p, index)]
        own = {a.country for a in sources if a.country}
        return sources, [a for a in judged if a.country is None or a.country not in own]


def _own_bodies(targets: list[Actor], sources: list[Actor]) -> bool:
    """Whether the targets are bodies of the source's state other than the source itself (its police, its army)."""
    codes = {a.code for a in sources}
    return bool(targets) and all(a.sector and a.code not in codes for a in targets)


#: Verbs of letting: what is offered is the one let through ("offered to *let* Azerbaijani aircraft fly over").
_LETTING = frozenset({"let", "allow", "permit"})


def let_through(verb: Token, index: ActorIndex) -> list[Actor]:
    """Who a verb of letting lets act: its object, or the subject of the clause it governs."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [g for c in verb.children if c.dep_ in ("ccomp", "xcomp") for g in c.children if g.dep_ == "nsubj"]
    return [a for o in objects for a in index.actors_for(o) if a.country]


def _casualties_when(tok: Token) -> bool:
    """Whether ``tok`` heads a "when" clause of a passive casualty verb ("was killed when gunmen opened fire")."""
    marked = any(c.dep_ == "advmod" and c.lower_ == "when" for c in tok.children)
    head = _casualty_verb(tok)
    return tok.dep_ == "advcl" and marked and head.lemma_.lower() in CASUALTY_VERBS and is_passive(head)


def _casualty_verb(clause: Token) -> Token:
    """The verb a "when" clause hangs on, or the first of its conjuncts ("was killed and another wounded when")."""
    head = clause.head
    return head.head if head.dep_ == "conj" and head.head.lemma_.lower() in CASUALTY_VERBS else head


def _described_object(clause: Token) -> bool:
    """Whether a complement clause is a free relative that names the verb's object: "what X described as Y"."""
    return clause.lemma_.lower() in ("describe", "call", "term") and any(
        c.dep_ == "dobj" and c.lower_ == "what" for c in clause.children
    )
