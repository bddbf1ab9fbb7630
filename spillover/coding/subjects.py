"""Who does a clause's deed when it names no doer of its own.

A trigger without a subject of its own (an infinitive, a conjunct, a relative or adverbial clause, a
noun after a light verb) takes its doer from the clause that governs it: "Iran threatened *to strike*".
These rules, with who speaks a statement and who made a plot, are the base of the argument reader
(:class:`spillover.coding.arguments.ArgumentReader`); they live apart because the verb, noun and
verdict readings all lean on them, and on the lexicon lookups that tell which words are deeds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spillover.actors.coreference import SPEECH_VERBS
from spillover.coding.agency import controller
from spillover.coding.phrases import (
    agent_actors,
    charged_object,
    issuer,
    misattached_plotters,
    plotters,
    subject_actors,
)
from spillover.coding.roles import (
    PASSIVE_SUBJECT_DEPS,
    is_passive,
    prep_objects,
)
from spillover.coding.triggers import match_trigger

if TYPE_CHECKING:
    from spacy.tokens import Token

    from spillover.actors.resolver import ActorIndex
    from spillover.coding.lexicon import Lexicon
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
#: Passive participles of a state of mind: their subject feels, so it is the doer of what is joined to them.
_MOODS = frozenset(
    {"concern", "alarm", "worry", "disappoint", "dismay", "shock", "outrage", "determine", "prepare", "commit",
     "satisfy", "please", "encourage", "trouble", "surprise", "disturb", "anger", "appal", "appall"}
)  # fmt: skip
#: Participles that tie an unnamed group to a known one ("a cell *linked to* the IRGC").
AFFILIATION_VERBS = frozenset({"link", "tie", "connect", "affiliate", "associate", "back", "sponsor"})


class SubjectReader:
    """Finds the doers a clause inherits, and the trigger types of the words around it."""

    def __init__(self, lexicon: Lexicon) -> None:
        """Hold the trigger lexicon, to tell which governing words are events of their own."""
        self.lexicon = lexicon

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
