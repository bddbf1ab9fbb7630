"""A deed as a side tells it: announced by its doer, denied, or disowned after the fact.

A state that announces an unattributed strike on its enemy announces its own; a negated deed its
own side reports is that side's denial; "Tehran denied involvement" re-codes the violent deed told
before with the denier as its source. These readings of who speaks about a deed are the
:class:`Tellings` base of :class:`spillover.coding.extractor.EventExtractor`, apart from the
coding of the deed itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from spillover.coding.agency import ARMED_GROUPS
from spillover.coding.clauses import announcing_speech, denying_speech
from spillover.coding.factuality import assess
from spillover.coding.noun_roles import LIGHT_VERBS
from spillover.coding.roles import echo_event, unnamed_responsibility

if TYPE_CHECKING:
    from spacy.tokens import Token

    from spillover.actors.resolver import ActorIndex
    from spillover.coding.arguments import ArgumentReader
    from spillover.coding.factuality import Factuality
    from spillover.coding.lexicon import Lexicon
    from spillover.coding.triggers import Candidate
    from spillover.records import Actor, Event

#: Projectiles whose strike a state tells without owning them: fire that came in, not its own.
_PROJECTILES = frozenset({"rocket", "missile", "drone", "shell", "mortar", "projectile"})
#: Raw score of an earlier deed restated by a denial or admission ("Tehran denied involvement").
ECHO_WEIGHT = 0.9


class Tellings:
    """Announcements, denials and disowned parts of deeds (a base of the event coder)."""

    lexicon: Lexicon
    arguments: ArgumentReader

    def _echoes(
        self, coded: list[tuple[Candidate, list[Event]]], index: ActorIndex, sentence_index: int
    ) -> Iterator[Event]:
        """Re-code the document's last violent event when someone denies or admits a part in it.

        "Tehran denied involvement", "Iran has denied any role in the incident":
        the denial is about the attack reported earlier, so that attack is coded
        again with the denier as source and the status the denial gives it.
        """
        # a deed one can deny a part in: not a recall of envoys or a sanction, announced by its author
        # (not an arrest: "denied any involvement" after police detained the plotters is about their plot)
        deeds = [e for e in index.events if e.event_type in ("ASSAULT", "COERCE") and e.mode != "arrest"]
        violent = [e for e in deeds if e.source or e.target]
        # the deed between two named sides beats a later mention of its victims ("an attack on civilians")
        named = [e for e in violent if e.source and e.target and e.target.country and e.source.country]
        antecedent = named[-1] if named else (violent[-1] if violent else None)
        if antecedent is None:
            return
        for cand, _evs in coded:
            noun = unnamed_responsibility(cand.token) if cand.pattern.pos == "VERB" else None
            if noun is None or any(c.token.head.head.i == noun.i for c, _ in coded if c.token.dep_ == "pobj"):
                continue  # "denied any role in the attack": the attack is coded in its own right
            sources, _targets = self.arguments.verb_roles(cand.token, cand.pattern, index)
            fact = assess(noun, self.lexicon, material=True)
            if not sources or fact.status == "occurred":
                continue
            for source in sources[:2]:
                # "Iran denies any role": in the deed told with Iran as its doer, if the report has one
                own = [e for e in violent if e.source is not None and e.source.country == source.country]
                told = own[-1] if own and source.country else antecedent
                yield echo_event(told, noun, source, fact.status, ECHO_WEIGHT * fact.factor, sentence_index)

    def _announcer(self, tok: Token, index: ActorIndex, targets: list[Actor]) -> list[Actor]:
        """A state that tells of an unattributed strike on another side is its doer.

        "Israel said on Sunday that an air strike in eastern Syria had killed a senior commander of Iran's
        Revolutionary Guards": a belligerent announcing a strike on its enemy announces its own. Not
        when the speaker was struck ("Syria said an air strike had killed five soldiers"), nor for a
        speaker that is no state (a monitor or the UN reporting a strike).
        """
        speech = announcing_speech(tok)
        if speech is None:
            return []
        if tok.dep_ == "nsubj" and self.arguments.trigger_type(tok.head) == "ACCUSE":
            return []  # "said the attack bore the hallmarks of a group linked to Iran": attributed, not announced
        if tok.pos_ == "NOUN" and tok.dep_ not in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() not in LIGHT_VERBS:
            return []  # "said its treaty covers attacks on Philippine vessels": attacks in general, none carried out
        weapons = [c for c in (tok, *tok.children) if c.dep_ == "nsubj" and c.lemma_.lower() in _PROJECTILES]
        if weapons and not any(g.dep_ == "poss" for w in weapons for g in w.children):
            return []  # "several rockets struck the Ain al-Asad air base, the US-led coalition said": incoming fire
        speakers = [
            a for a in self.arguments.speaker_actors(speech, index) if a.country and a.sector in (None, "GOV", "MIL")
        ]
        # its own rebels it may strike: "Ankara said the strikes targeted PKK militants"
        struck = {a.country for a in targets if a.sector not in ARMED_GROUPS or a.country is None}
        if not speakers or None in struck or struck & {a.country for a in speakers}:
            return []
        return speakers

    def _denial(
        self, tok: Token, index: ActorIndex, sources: list[Actor], fact: Factuality
    ) -> tuple[list[Actor], Factuality]:
        """A negated deed its own side reports is denied: "Iran said it had not attacked Türkiye".

        So told, the deed is the speaker's denial (status ``denied``), as "Iran denied attacking Türkiye"
        is; a deed with no doer named here ("said the missile had not been aimed at Türkiye") is denied
        by its speaker's side. A deed another side is said not to have done stays negated.
        """
        speech = denying_speech(tok)
        if speech is None:
            return sources, fact
        speakers = [a for a in self.arguments.speaker_actors(speech, index) if a.country]
        named = {a.country for a in sources if a.country}
        if not speakers or (named and not named & {a.country for a in speakers}):
            return sources, fact
        return sources if named else speakers, replace(fact, status="denied", cue=speech.text)
