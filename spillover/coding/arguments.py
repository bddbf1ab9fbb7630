"""Reading a trigger's arguments: who did what to whom.

Once a trigger word opens a candidate event, its source and target still have to
be found in the dependency tree around it. This module holds those rules, apart
from the event coding that uses them: subjects, direct objects, "by" agents and
the pattern's target prepositions of a verb; the possessor, demonym and
prepositional phrases of a noun, or the subject of the light verb it is the
object of; the subject a clause without its own (xcomp, conj, advcl, relcl)
inherits from the clause that governs it ("Iran threatened *to strike*"); the plotters of an attempt or plan;
and who speaks a demand. Rules that look further across the sentence live in
:mod:`spillover.coding.roles`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spillover.actors.coreference import SPEECH_VERBS
from spillover.actors.extent import of_objects
from spillover.coding.agency import charged_with_arrest, commissioned_source, controller, principals
from spillover.coding.factuality import SETTING_NOUNS
from spillover.coding.owners import FORCES, aimed_at, own_object, owned_roles, owned_thing, state_of_media
from spillover.coding.phrases import (
    GIVING_TYPES,
    UTTERANCES,
    agent_actors,
    charged_for,
    charged_object,
    event_pronoun,
    is_verbal,
    issuer,
    misattached_plotters,
    particle_targets,
    plotters,
    requesters,
    shared_targets,
    struck_side,
    subject_actors,
    tells_the_deed,
)
from spillover.coding.roles import (
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    country_anaphor,
    governing_verb,
    is_passive,
    occurrence_preps,
    phrase_actors,
    prep_objects,
    responsibility_verb,
)
from spillover.coding.sides import of_between
from spillover.coding.triggers import marked_infinitive, match_trigger

if TYPE_CHECKING:
    from spacy.tokens import Token

    from spillover.actors.resolver import ActorIndex
    from spillover.coding.lexicon import Lexicon, TriggerPattern
    from spillover.records import Actor

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
#: Nouns of asking whose infinitive is the deed asked of another ("at Azerbaijan's request to discuss").
ASKING_NOUNS = frozenset({"request", "demand", "call", "appeal", "plea", "invitation", "behest"})
#: Nouns of a plan whose infinitive says what was planned ("a plot to blow up the pipeline").
PLOT_NOUNS = frozenset({"plot", "plan", "conspiracy", "scheme"})
#: Verbs that make a plot: their subject is the plotter.
PLOT_MAKING = frozenset({"organise", "organize", "hatch", "plan", "prepare", "orchestrate", "mastermind", "devise"})
#: Prepositions whose gerund says when or how the clause's own subject acted ("advanced after seizing the town",
#: "retaliated by shelling"); unlike "against visiting X" or "for helping", whose gerund is someone else's deed.
ADVERBIAL_PREPS = frozenset({"after", "before", "while", "by", "upon", "since", "without"})
#: Verbs whose subject talks about an event rather than does it: "Iranian officials did not comment on the
#: interception" names no interceptor. Announcing ("announced a suspension of air links") is doing.
REMARK_VERBS = frozenset({"comment", "discuss", "report", "mention", "describe", "note", "cite"})
#: Verbs whose subject perceives the deed their object names ("monitors had heard gunfire"), not does it.
PERCEPTION_VERBS = frozenset(
    {"hear", "see", "witness", "observe", "record", "detect", "notice", "spot", "document", "monitor", "watch",
     # and whose subject suffers or escapes it: "thousands fleeing the fighting" do not fight
     "flee", "escape", "survive", "endure", "evade", "fear"}
)  # fmt: skip
#: CAMEO "express condolences / sympathy".
SYMPATHY = "018"
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
#: Verbs whose subject, an attack, did harm to their object ("the strike killed a commander").
_CASUALTY_VERBS = frozenset({"kill", "wound", "injure"})
#: Possessive pronouns that name the owner of a deed noun by reference ("declared *their* support").
_OWNER_PRONOUNS = frozenset({"their", "its", "his", "her"})
#: Passive participles of a state of mind: their subject feels, so it is the doer of what is joined to them.
_MOODS = frozenset(
    {"concern", "alarm", "worry", "disappoint", "dismay", "shock", "outrage", "determine", "prepare", "commit",
     "satisfy", "please", "encourage", "trouble", "surprise", "disturb", "anger", "appal", "appall"}
)  # fmt: skip
#: Means of a conversation: a talk "by telephone with X" is with X.
_MEDIA = frozenset({"phone", "telephone", "video", "videoconference", "videolink", "link", "call"})
#: Types that own up to or deny a deed told in their complement ("acknowledged that its drone struck X").
_OWNING = frozenset({"CONCEDE", "REJECT"})
#: Participles that tie an unnamed group to a known one ("a cell *linked to* the IRGC").
AFFILIATION_VERBS = frozenset({"link", "tie", "connect", "affiliate", "associate", "back", "sponsor"})


#: Nouns of asking in "at Baku's request", "at the invitation of ...": whoever asked is the one the deed serves.
REQUEST_NOUNS = frozenset({"request", "invitation", "behest"})
#: Deeds whose "of" phrase names who they were done to ("the arrest of Kamto", "the killing of diplomats").
_DONE_TO = frozenset({"COERCE", "ASSAULT"})


#: Verbs that charge their object with the deed a noun after "of"/"for" names ("accused X of a cyberattack").
_CHARGING = frozenset({"accuse", "blame", "charge", "suspect"})


class ArgumentReader:
    """Reads the sources and targets of trigger words off the dependency parse."""

    def __init__(self, lexicon: Lexicon) -> None:
        """Hold the trigger lexicon, to tell which governing words are events of their own."""
        self.lexicon = lexicon

    def verb_roles(self, tok: Token, pattern: TriggerPattern, index: ActorIndex) -> tuple[list[Actor], list[Actor]]:
        """Sources and targets of a verb trigger.

        Active verbs: subject → source; direct object, a target preposition ("strikes *on*", "talks
        *with*") or the target phrase of a word the pattern names → target. Passive verbs: agent "by" →
        source; passive subject → target. A verb without its own subject inherits it.
        """
        sources: list[Actor] = []
        targets: list[Actor] = []
        passive = is_passive(tok)
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
            elif child.dep_ == "ccomp" and pattern.event_type in _OWNING and tells_the_deed(child, pattern):
                # "acknowledged that one of its drones had struck Azerbaijan's airport": owning up to a deed
                # is addressed to the side it hit
                targets.extend(struck_side(child, index))
            elif child.dep_ == "ccomp" and pattern.event_type in ("REQUEST", "THREATEN") and child.i > tok.i:
                # "demanded that Belgrade hand them over": who is to act is who is asked; "vowed that Israel
                # would pay a heavy price": who is to pay is who is threatened
                targets.extend(a for c in child.children if c.dep_ == "nsubj" for a in index.actors_for(c))
            elif child.dep_ in ("xcomp", "advcl", "advmod"):
                # "offered to mediate between Washington and Tehran": the named verb carries the target;
                # "send its ambassador back to Tehran": so does a named adverb
                targets.extend(particle_targets(child, pattern, index))
                if child.dep_ == "xcomp" and child.lemma_.lower() in _LETTING and pattern.event_type in GIVING_TYPES:
                    targets.extend(let_through(child, index))  # "offered to let Azerbaijani aircraft fly over"
        if passive and not targets and tok.dep_ == "relcl":
            targets = index.actors_for(tok.head)  # "two Kuwaitis who had been arrested"
        if not sources and pattern.event_type == "ASSAULT":
            # "rockets fired from Lebanon", "drones launched from Iran": where it was launched from attacked
            sources = phrase_actors(tok, ("from",), index)
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

    def trigger_type(self, tok: Token) -> str | None:
        """The event type ``tok`` triggers by the lexicon, if any."""
        cand = match_trigger(tok, self.lexicon)
        return cand.pattern.event_type if cand is not None else None

    def attack_mode(self, tok: Token) -> str | None:
        """The mode of the attack ``tok`` names by the lexicon ("execution" → execute), if any."""
        cand = match_trigger(tok, self.lexicon)
        return cand.pattern.mode if cand is not None and cand.pattern.event_type == "ASSAULT" else None

    def deed_type(self, tok: Token) -> str | None:
        """The event type ``tok`` triggers as a noun ("the sanctions", "the pause"), if any."""
        return self.trigger_type(tok) if tok.pos_ == "NOUN" else None

    def is_attack(self, tok: Token) -> bool:
        """Whether ``tok`` triggers an attack (an ASSAULT pattern of the lexicon)."""
        return self.trigger_type(tok) == "ASSAULT"

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

    def inherited_subject(self, tok: Token, index: ActorIndex, *, attack: bool = False) -> list[Actor]:
        """Subject of a governing clause for xcomp/conj/relcl/advcl verbs without their own.

        With ``attack``, a reporting verb's subject is not lent to a subjectless clause it reports:
        "officials said the airport had been struck" (or a misparsed "said drones launched from Iran
        had struck") names who reports the strike, not who struck.
        """
        cur = tok
        chain = True  # only infinitives so far: control passes up ("called on Iran to stop threatening")
        for _ in range(3):
            charged = charged_object(cur.head) if cur.dep_ == "pcomp" else None
            if charged is not None:  # "accused Pakistani troops of firing on Indian posts": the accused did it
                return index.actors_for(charged)
            # "telephoned his counterpart, admitted that ...": the parser hangs a listed verb on as "dep"
            listed = cur.dep_ == "dep" and cur.pos_ == "VERB" and cur.head.pos_ == "VERB"
            if (listed or cur.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "acomp")) and cur.head.i != cur.i:
                if attack and cur.dep_ == "ccomp" and cur.head.lemma_.lower() in SPEECH_VERBS:
                    return []
                if cur.dep_ == "xcomp" and (plot := misattached_plotters(cur.head, index)):
                    return plot
                # the one told to act does it, also a step up: "called on Iran to stop *threatening*"
                ctl = controller(cur) if chain else None
                chain = chain and cur.dep_ == "xcomp"
                controlled = [a for a in index.actors_for(ctl) if a.code and a.country] if ctl is not None else []
                cur = cur.head
                feeling = [c for c in cur.children if c.dep_ == "nsubjpass"] if cur.lemma_.lower() in _MOODS else []
                if feeling:  # "Moscow was concerned by the tension and called on both sides": Moscow called
                    return index.actors_for(feeling[0])
                own = {a.country for a in self.speaker_actors(cur, index)} if controlled else set()
                if controlled and own and not own & {a.country for a in controlled}:
                    return controlled  # "told Tehran to apologise"; "ordered the army to ..." stays the state's
                for child in cur.children:
                    if child.dep_ in SUBJECT_DEPS:
                        return index.actors_for(child)
                    if child.dep_ == "agent":
                        return agent_actors(cur, index)
                if any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in cur.children):
                    return []  # "were killed in shelling, medics said": the victims' clause has no doer to lend
            elif cur.dep_ == "relcl":
                if is_passive(cur):
                    return []  # "fishermen who had been arrested": they are the ones acted on
                return index.actors_for(cur.head)
            elif cur.dep_ == "acl" and cur.lemma_.lower() in AFFILIATION_VERBS:
                # "a network linked to the IRGC to sabotage ...": the group, or whom it is linked to
                found = index.actors_for(cur.head)
                return found or [a for p in cur.children if p.dep_ == "prep" for a in prep_objects(p, index)]
            elif cur.dep_ == "acl" and cur.head.pos_ == "NOUN" and cur.head.lemma_.lower() in ASKING_NOUNS:
                # "held a meeting at Azerbaijan's request to discuss the attack": the asked one discusses
                asked = cur.head
                at_request = asked.dep_ == "pobj" and asked.head.dep_ == "prep"
                return subject_actors(asked.head.head, index) if at_request else []
            elif cur.dep_ == "acl" and cur.head.pos_ == "NOUN":
                return plotters(cur.head, index) or issuer(cur.head, index) or self._plot_makers(cur.head, index)
            elif cur.dep_ == "prep" or cur.dep_ == "pcomp":
                adverbial = cur.dep_ == "prep" and cur.lower_ in ADVERBIAL_PREPS
                cur = cur.head
                # "fighters advanced after seizing the town": the clause the phrase hangs on lends its subject
                for child in cur.children if adverbial else ():
                    if child.dep_ in SUBJECT_DEPS:
                        return index.actors_for(child)
            else:
                break
        return []

    def _plot_makers(self, noun: Token, index: ActorIndex) -> list[Actor]:
        """Who made the plot a noun names: "accused them of helping to *organise* a plot to blow up ...".

        The subject of the verb that hatched it, or the subject that verb inherits (here the accused).
        Not for verbs that stop or report a plot ("foiled a plot to ..."): the foiler plotted nothing.
        """
        verb = noun.head
        if noun.dep_ != "dobj" or noun.lemma_.lower() not in PLOT_NOUNS or verb.lemma_.lower() not in PLOT_MAKING:
            return []
        return subject_actors(verb, index) or self.inherited_subject(verb, index)

    def speaker_actors(self, speech: Token, index: ActorIndex) -> list[Actor]:
        """Who says it: the speech verb's subject, or the subject it inherits ("..., he added")."""
        return subject_actors(speech, index) or self.inherited_subject(speech, index)

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
        if pattern.event_type == "ASSAULT" and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _CASUALTY_VERBS:
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
        if charged is not None and charged.head.lemma_.lower() in _CHARGING:
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
        if not targets and tok.dep_ in SUBJECT_DEPS and tok.head.pos_ == "VERB":
            for child in tok.head.children:
                if child.dep_ in OBJECT_DEPS:
                    targets.extend(index.actors_for(child))
        return sources, targets


def _own_bodies(targets: list[Actor], sources: list[Actor]) -> bool:
    """Whether the targets are bodies of the source's state other than the source itself (its police, its army)."""
    codes = {a.code for a in sources}
    return bool(targets) and all(a.sector and a.code not in codes for a in targets)


def _stops_or_tells(verb: Token) -> bool:
    """Whether ``verb``'s subject only tells, sees, stops or exposes the deed its object names."""
    lemma = verb.lemma_.lower()
    if lemma in REMARK_VERBS | PREVENTION_VERBS | PERCEPTION_VERBS | _EXPOSING_VERBS:
        return True
    return lemma == "break" and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)


#: Verbs of letting: what is offered is the one let through ("offered to *let* Azerbaijani aircraft fly over").
_LETTING = frozenset({"let", "allow", "permit"})


def let_through(verb: Token, index: ActorIndex) -> list[Actor]:
    """Who a verb of letting lets act: its object, or the subject of the clause it governs."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [g for c in verb.children if c.dep_ in ("ccomp", "xcomp") for g in c.children if g.dep_ == "nsubj"]
    return [a for o in objects for a in index.actors_for(o) if a.country]


def _described_object(clause: Token) -> bool:
    """Whether a complement clause is a free relative that names the verb's object: "what X described as Y"."""
    return clause.lemma_.lower() in ("describe", "call", "term") and any(
        c.dep_ == "dobj" and c.lower_ == "what" for c in clause.children
    )
