"""Salience: which mentions came last before a word, and in which role.

A pronoun or a definite description stands for an actor named before it; which one depends on
recency within a window and on role: the subject of the sentence before carries the topic
("Baku demanded an apology. The Defence Ministry said ..."), a counted group takes up the
countries named last ("the three ministers"), "he" wants a person or a country's official.
These lookups over the index's mentions are the base :class:`Salience` of
:class:`spillover.actors.coreference.Coreference`, which decides when each applies.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from spillover.actors.positions import (
    acting_subjects,
    in_subject,
    main_subject,
    of_a_subject,
    previous_sentence_start,
    venue,
)
from spillover.records import Actor, ActorMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from spillover.actors.kb import ActorKB

#: Head nouns of one official ("Pakistan's *prime minister*"): "he" may stand for them.
PERSON_TITLES = frozenset(
    {"minister", "president", "leader", "spokesman", "spokeswoman", "spokesperson", "envoy", "ambassador",
     "chief", "commander", "king", "emir", "premier", "chancellor", "secretary", "general", "consul"}
)  # fmt: skip
#: How far back (in tokens) a pronoun or "the country" looks for what it refers to.
_WINDOW = 400


class Salience:
    """Recency and role lookups over an index's mentions (a mixin)."""

    doc: Doc
    kb: ActorKB
    mentions: Sequence[ActorMention]

    def actor_for(self, tok: Token) -> Actor | None:
        """The actor of an argument head; the index that mixes this class in provides it."""
        raise NotImplementedError

    def actors_for(self, head: Token) -> list[Actor]:
        """The actors of an argument, conjuncts and counted groups included; provided like :meth:`actor_for`."""
        raise NotImplementedError

    def recent_countries(self, tok: Token, count: int) -> list[Actor]:
        """The ``count`` countries named last before ``tok`` (this sentence and the one before), newest last.

        "The foreign ministers of Azerbaijan, Turkey and Georgia met ... the three ministers condemned":
        the group is those three.
        """
        if of_a_subject(tok):
            topic = self._subject_countries(tok, count)
            if topic:
                return topic
        start = previous_sentence_start(tok)
        found: list[Actor] = []
        speakers = acting_subjects(tok)
        for mention in self._mentions_before(tok):
            if mention.tok_start < start:
                break
            if speakers.intersection(range(mention.tok_start, mention.tok_end)):
                continue  # "Russia offered to mediate between the two countries": not itself one of them
            country = mention.actor.country
            named = mention.kind in ("country", "demonym", "capital")
            # "met in Tbilisi": where the sides met is not one of them
            met_in = mention.kind == "capital" and venue(self.doc[mention.tok_end - 1])
            if country and named and not met_in and all(country != a.country for a in found):
                found.append(mention.actor)
        return list(reversed(found[:count])) if len(found) >= count else []

    def _subject_countries(self, tok: Token, count: int) -> list[Actor]:
        """The ``count`` countries that were subjects last, over the three sentences before ``tok``, newest last.

        "Kazakhstan and Uzbekistan expressed solidarity with Azerbaijan. Tokayev told Aliyev ... Uzbekistan's
        ministry said Tashkent supported Azerbaijan's sovereignty. *Both countries* also called on ...": a
        counted subject carries on the subjects, not the last countries named in any role. Only subjects of
        main clauses count, with the countries that name them ("Delegations from Armenia and Azerbaijan met
        ..., with Georgia acting as host"). Empty unless exactly ``count`` countries were subjects there.
        """
        start = tok.i
        for _ in range(3):
            start = previous_sentence_start(self.doc[start])
        found: list[Actor] = []
        for mention in self._mentions_before(tok):
            if mention.tok_start < start:
                break
            country = mention.actor.country
            subject = main_subject(self.doc[mention.tok_end - 1])
            if country and subject and all(country != a.country for a in found):
                found.append(Actor(text=tok.text, name=self.kb.country_name(country), code=country, country=country))
        return list(reversed(found)) if len(found) == count else []

    def _recent(
        self,
        tok: Token,
        *,
        persons: bool,
        kinds: tuple[str, ...] = (),
        stateless: bool = False,
        besides: frozenset[str] = frozenset(),
    ) -> Actor | None:
        """Most recent coded mention before ``tok`` of the wanted kind (salience by recency).

        With ``stateless``, only actors of no one country (alliances, unions, the UN); never one of the
        countries in ``besides``.
        """
        for mention in self._mentions_before(tok):
            if mention.actor.code is None and mention.actor.country is None:
                continue
            if mention.actor.country in besides:
                continue
            if stateless and mention.actor.country is not None:
                continue
            if kinds and mention.kind not in kinds:
                continue
            is_person = mention.kind in ("person", "ner:PERSON")
            if persons and not is_person and mention.kind in ("country", "demonym", "capital"):
                is_person = self._titles_a_person(mention)  # for "he", not instead of the country for "it"
            if is_person == persons:
                return replace(mention.actor, text=tok.text, span=None)
        return None

    def _clause_subjects(self, tok: Token) -> frozenset[str]:
        """Countries of the subject of the clause an object pronoun is in, which the pronoun cannot stand for.

        "Both leaders thanked *him*": not one of the two leaders, whoever was named last.
        """
        if tok.dep_ not in ("dobj", "dative", "pobj"):
            return frozenset()
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        return frozenset(a.country for c in subjects for a in self.actors_for(c) if a.country)

    def _titles_a_person(self, mention: ActorMention) -> bool:
        """Whether a country mention names one person's office: "*Pakistan's* prime minister", "the *Iranian* envoy".

        "He", "his" and "him" then stand for that official, as for a named person.
        """
        head = self.doc[mention.tok_end - 1].head
        return head.i >= mention.tok_end and head.lemma_.lower() in PERSON_TITLES and head.tag_ != "NNS"

    def _recent_subject(self, tok: Token, *, leaders: bool = False) -> Actor | None:
        """The latest country-coded actor that was a subject in this or the previous sentence.

        "Baku demanded an apology from Tehran. The Defence Ministry said ...": the
        ministry is Baku's; a definite description takes up the topic, which
        subjects carry, rather than the last name in any role. With ``leaders``, a
        person of a country counts for that country ("President Aliyev chaired a
        meeting. The foreign ministry ..." is Azerbaijan's ministry).
        """
        start = previous_sentence_start(tok)
        for mention in self._mentions_before(tok):
            if mention.tok_start < start:
                break
            actor = mention.actor
            person = mention.kind in ("person", "ner:PERSON")
            if actor.country and (leaders or not person) and in_subject(self.doc[mention.tok_start : mention.tok_end]):
                if person:
                    country = actor.country
                    return Actor(text=tok.text, name=self.kb.country_name(country), code=country, country=country)
                return replace(actor, text=tok.text, span=None)
        return None

    def _previous_subject_person(self, tok: Token) -> Actor | None:
        """The person who was the subject of the sentence before, for a subject "he" or "she".

        "Pashinyan met Iran's first vice president in Yerevan. He urged Tehran and Baku to ...": a
        subject pronoun carries on the topic, which the last subject holds, not the person named last.
        Only when the sentence names no person before the pronoun.
        """
        start, own = previous_sentence_start(tok), tok.sent.start
        if start == own:
            return None
        for mention in self._mentions_before(tok):
            if mention.tok_start >= own:
                if mention.kind in ("person", "ner:PERSON"):
                    return None
                continue
            if mention.tok_start < start:
                break
            person = mention.kind in ("person", "ner:PERSON") or (
                mention.kind in ("country", "demonym", "capital") and self._titles_a_person(mention)
            )
            if person and mention.actor.country and in_subject(self.doc[mention.tok_start : mention.tok_end]):
                return replace(mention.actor, text=tok.text, span=None)
        return None

    def _recent_plural_object(self, tok: Token) -> Actor | None:
        """The latest plural noun of a country in this sentence that "them" can stand for.

        "Azerbaijan ordered four Iranian diplomats to leave, accusing *them* of ...": the diplomats, not
        the subject who accuses (an object pronoun is never its own clause's subject). Only a plural
        common noun with a country ("Iranian diplomats"); otherwise the usual salience rules apply.
        """
        for cand in reversed(tok.sent[: tok.i - tok.sent.start]):
            if cand.tag_ != "NNS" or cand.dep_ in ("nsubj", "nsubjpass", "compound"):
                continue
            if cand.left_edge.i <= tok.i <= cand.right_edge.i:
                continue  # "thousands of them": the phrase "them" is part of is not its antecedent
            actor = self.actor_for(cand)
            if actor is not None and actor.country:
                return replace(actor, text=tok.text, span=None)
        return None

    def _mentions_before(self, tok: Token) -> Iterator[ActorMention]:
        """Mentions that end before ``tok``, latest first, within the coreference window."""
        for mention in reversed(self.mentions):
            if mention.tok_end <= tok.i and tok.i - mention.tok_start <= _WINDOW:
                yield mention
