"""Which earlier mention a pronoun or a definite description stands for.

"He demanded an apology", "the Iranian side said", "its forces", "we will respond": the
coder needs the actor behind each. Resolution is by salience, narrowed by the sentence's
structure: the speaker of a reported clause ("the envoy said *his* country ..."), the one
told to act in an infinitive ("called on Armenia to withdraw *its* troops"), the subject a
definite description takes up ("The ministry said ..."), and recency within a window.
:class:`Coreference` is mixed into :class:`~spillover.actors.resolver.ActorIndex`, whose
mentions, document and knowledge base it reads; the recency and role lookups it picks among live in
:mod:`spillover.actors.salience`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spillover.actors.positions import told_to_act
from spillover.actors.salience import _WINDOW, PERSON_TITLES, Salience
from spillover.records import Actor, ActorMention

if TYPE_CHECKING:
    from collections.abc import Collection, Iterator

    from spacy.tokens import Token

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
GROUP_PRONOUNS = frozenset({"it", "its", "they", "them", "their"})
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our", "ours"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
#: Verbs that report speech: their subject is who "we" and "I" stand for in the quote.
SPEECH_VERBS = frozenset(
    {"say", "tell", "add", "state", "warn", "announce", "declare", "insist", "write", "stress", "note",
     "claim", "vow", "pledge", "assert", "tweet", "reply", "respond", "affirm", "reiterate"}
)
DEFINITE_HEADS = frozenset(
    {
        "country",
        "government",
        "state",
        "side",
        "nation",
        "republic",
        "administration",
        "regime",
        "ministry",
        "treasury",  # "In Washington, the Treasury imposed sanctions": the finance ministry of the country told
        "authorities",
        "leadership",
        "capital",
        "military",
        "army",
        "forces",
        "force",  # the lemma of "forces": "the armed forces" after "President Aliyev ..." are his
    }
)
ORG_DESCRIPTIONS = frozenset(
    {"alliance", "bloc", "organisation", "organization", "union", "body", "coalition", "group", "network", "cell"}
)
#: Descriptions that stand for a body of states, not for an armed group or a network.
IGO_DESCRIPTIONS = frozenset({"alliance", "bloc", "union", "coalition"})
#: Nouns for one private person, any of which takes up another ("an Iranian citizen ... the man").
_PRIVATE_PERSONS = frozenset(
    {"man", "woman", "citizen", "national", "suspect", "defendant", "prisoner", "detainee", "convict"}
)
#: The sector of armed groups, whose bare description ("the militia", "the rebels") takes up the last one named.
ARMED = "REB"


class Coreference(Salience):
    """Pronoun and definite-description resolution over an index's mentions (a mixin)."""

    _by_token: dict[int, ActorMention]

    def _coreference(self, tok: Token) -> Actor | None:
        lower = tok.lower_
        if lower in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl" and tok.head.head.i != tok.head.i:
            return self.actor_for(tok.head.head)  # "Türkiye, which has offered to mediate"
        if lower in ORG_DESCRIPTIONS and any(c.lower_ in ("the", "this") for c in tok.children):
            # "the bloc", "the alliance" stand for a body of states (the EU, not the Revolutionary Guards
            # named since); "the group", "the cell" for any organisation
            return self._recent(tok, persons=False, kinds=("organisation",), stateless=lower in IGO_DESCRIPTIONS)
        if lower in FIRST_PERSON:
            return self._speaker(tok)
        if lower in PERSON_PRONOUNS:
            # "the Iranian envoy said his country regretted ...": with no person named earlier in the
            # sentence, the one reporting the clause is "he", not a leader named paragraphs before
            named_here = any(
                m.kind in ("person", "ner:PERSON") and m.tok_start >= tok.sent.start for m in self._mentions_before(tok)
            )
            subject = None if named_here else self._speaker_subject(tok)
            # "He spoke ..., his office said": the office is his, it does not say who he is
            own = subject is not None and any(
                c.dep_ == "poss" and c.lower_ in PERSON_PRONOUNS for c in subject.children
            )
            speaker = self.actor_for(subject) if subject is not None and not own else None
            if speaker is not None and speaker.country:
                return replace(speaker, text=tok.text, span=None)
            topic = self._previous_subject_person(tok) if tok.dep_ in ("nsubj", "nsubjpass") else None
            return topic or self._recent(tok, persons=True, besides=self._clause_subjects(tok))
        if lower in GROUP_PRONOUNS:
            owner = tok.head.head if tok.dep_ == "poss" and tok.head.dep_ == "conj" else None
            if owner is not None and owner.pos_ == "NOUN" and self.actor_for(owner) is None:
                return None  # "the release of the tanker and its crew": the tanker's, no one's side
            framer = self._relative_framer(tok)
            if framer is not None:
                return framer
            told = told_to_act(tok)  # "called on Armenia to withdraw *its* troops": Armenia's
            if told is not None and (actor := self.actor_for(told)) is not None:
                return replace(actor, text=tok.text, span=None)
            plural = self._recent_plural_object(tok) if lower == "them" else None
            reporters = self._reporters_own(tok) if lower == "its" else None
            said = reporters or self._reporter(tok)
            return plural or said or self._recent_subject(tok) or self._recent(tok, persons=False)
        repeated = self._repeated(tok)
        if repeated is not None:
            return repeated
        if (
            tok.pos_ in ("NOUN", "PROPN")
            and tok.lemma_.lower() in DEFINITE_HEADS
            and any(c.lower_ in ("the", "this", "that") for c in tok.children)
        ):
            if any(c.dep_ == "compound" and c.lower_ == "member" for c in tok.children):
                # "the member states would coordinate their air defences": the body's members, the body named before
                return self._recent(tok, persons=False, kinds=("organisation",), stateless=True)
            if any(c.dep_ in ("amod", "compound") and c.text[:1].isupper() and c.i not in self._by_token
                   for c in tok.children):
                return None  # "the Baltic states", "the Gulf states": a group of their own, not the last country named
            actor = self._fronted_seat(tok) or self._recent_subject(tok, leaders=True)
            actor = actor or self._recent(tok, persons=False)
            if actor is not None and actor.country:
                phrase = " ".join(t.lower_ for t in tok.lefts if t.dep_ in ("compound", "amod")) + " " + tok.lower_
                sector = self.kb.role_sector(phrase.strip()) or self.kb.role_sector(tok.lemma_.lower())
                if sector and sector != actor.sector:
                    return Actor(
                        text=tok.text,
                        name=actor.name,
                        code=f"{actor.country}{sector}",
                        country=actor.country,
                        sector=sector,
                    )
                return actor  # already named by ``tok``
        return None

    def _fronted_seat(self, tok: Token) -> Actor | None:
        """The country a fronted "In Washington," names for a body its clause tells ("..., the Treasury imposed")."""
        if tok.dep_ != "nsubj":
            return None
        for prep in tok.head.children:
            if prep.dep_ != "prep" or prep.lower_ != "in" or prep.i > tok.i:
                continue
            for place in (o for o in prep.children if o.dep_ == "pobj"):
                mention = self._by_token.get(place.i)
                if mention is not None and mention.kind in ("capital", "country") and mention.actor.country:
                    return mention.actor
        return None

    def _relative_framer(self, tok: Token) -> Actor | None:
        """For "it" heading a bare relative clause, the subject of the clause the clause's noun is in.

        "the Treasury imposed sanctions on eleven companies *it* accused of moving Iranian oil": the one
        who imposed them accused them, not the last subject of the sentence before.
        """
        clause = tok.head
        if tok.dep_ != "nsubj" or clause.dep_ != "relcl" or any(c.tag_ in ("WDT", "WP") for c in clause.children):
            return None
        verb = clause.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        actor = self.actor_for(subjects[0]) if len(subjects) == 1 else None
        return replace(actor, text=tok.text, span=None) if actor is not None and actor.code else None

    def _repeated(self, tok: Token) -> Actor | None:
        """The actor of the last same body named before, for a bare definite one ("the embassy" after "Iran's embassy").

        Only a body the knowledge base knows by its role (embassy, ministry, court, ...), with nothing but
        the article before it: the noun itself says which earlier mention it takes up, where salience
        would pick the protesters gathered outside that embassy. A private person ("the man", "the
        suspect") takes up the last one told by any such noun ("an Iranian citizen"), an armed group ("the
        militia") the last armed group named; a title ("the president") is left to salience.
        """
        if tok.pos_ != "NOUN" or [c.lower_ for c in tok.lefts] != ["the"]:
            return None
        lemma = tok.lemma_.lower()
        sector = self.kb.role_sector(lemma)
        if tok.tag_ == "NNS" and sector:
            # "Foreign ministers of the six GCC states met ... the ministers condemned": the same group, a bloc too
            group = next(self._same_before(tok, {lemma}, plural=True), None)
            if group is not None:
                return replace(group, text=tok.text, span=None) if group.code else None
        # "the man" after "an Iranian citizen" was sentenced: the one private person told before
        private = lemma in _PRIVATE_PERSONS
        if lemma in PERSON_TITLES or not (private or sector):
            return None  # "the president" after two presidents is whoever the passage is about (salience)
        if not private and sector == ARMED:
            # "the militia" after "Kataib Hezbollah": the last armed group named, whatever its name's words
            armed = (m.actor for m in self._mentions_before(tok) if m.actor.sector == ARMED and m.actor.country)
            if (group := next(armed, None)) is not None:
                return replace(group, text=tok.text, span=None)
        # "the embassy gates" in between name the same one, no owner
        same = (a for a in self._same_before(tok, _PRIVATE_PERSONS if private else {lemma}) if a.country)
        actor = next(same, None)
        return replace(actor, text=tok.text, span=None) if actor is not None else None

    def _same_before(self, tok: Token, lemmas: Collection[str], *, plural: bool = False) -> Iterator[Actor]:
        """The actors of the nouns with one of ``lemmas`` before ``tok``, nearest first (plural nouns only if asked)."""
        for prev in reversed(self.doc[max(0, tok.i - _WINDOW) : tok.i]):
            noun = prev.tag_ == "NNS" if plural else prev.pos_ in ("NOUN", "PROPN")
            if noun and prev.lemma_.lower() in lemmas and (actor := self.actor_for(prev)) is not None:
                yield actor

    def _reporter(self, tok: Token) -> Actor | None:
        """Who "it" or "they" is as the subject of a reported clause: the one who reports it.

        "The State Security Service said it had arrested eleven people": the service arrested them,
        whoever was named last before. Only a non-person reporter ("he said it" is something else).
        """
        if tok.dep_ == "poss" and tok.head.dep_ == "nsubj":
            tok = tok.head  # "the UN mission said *its* peacekeepers had evacuated 300 civilians": the mission's
        clause = tok.head
        if clause.dep_ == "conj" and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
            clause = clause.head  # "said Cambodian forces opened fire and *that it* had responded": reported too
        if tok.dep_ != "nsubj" or clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in SPEECH_VERBS:
            return None
        for child in clause.head.children:
            if child.dep_ == "nsubj" and child.lower_ not in GROUP_PRONOUNS | PERSON_PRONOUNS | FIRST_PERSON:
                mention = self._by_token.get(child.i)
                if mention is not None and mention.kind in ("person", "ner:PERSON"):
                    return None
                found = self.actor_for(child)
                if found is None and child.pos_ == "PROPN":
                    # "BP, the pipeline's operator, said that it was cooperating": BP, whom no list knows, not
                    # the last state named before
                    return Actor(text=child.text, name=child.text)
                return found
        return None

    def _reporters_own(self, tok: Token) -> Actor | None:
        """Whose "its" is in a reported clause whose own subject is plural: the reporter's.

        "Azerbaijan's defence ministry said Armenian troops had fired at *its* positions": "its" cannot be
        the troops, so it is the one who reports the clause, not the last country named (Armenia).
        """
        verb = tok.head.head if tok.head.dep_ in ("dobj", "pobj", "nsubjpass") else None
        while verb is not None and verb.dep_ == "prep":
            verb = verb.head
        if verb is None or verb.pos_ not in ("VERB", "AUX"):
            return None
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if len(subjects) != 1 or subjects[0].tag_ not in ("NNS", "NNPS"):
            return None
        speaker = self._speaker_subject(tok)
        found = self.actor_for(speaker) if speaker is not None else None
        return replace(found, text=tok.text, span=None) if found is not None and found.country else None

    def _speaker(self, tok: Token) -> Actor | None:
        """Who "we" or "I" stands for: the subject of the verb reporting the quote.

        In '"We will respond," the defence minister told reporters' the pronoun
        is the minister (and through him his country); recency would pick any
        actor named before the quote instead.
        """
        subject = self._speaker_subject(tok)
        return self.actor_for(subject) if subject is not None else None

    def _speaker_subject(self, tok: Token) -> Token | None:
        """The subject of the speech verb that reports the clause ``tok`` stands in, if any."""
        cur = tok
        for _ in range(6):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if cur.lemma_.lower() not in SPEECH_VERBS:
                continue
            for child in cur.children:
                inside = child.left_edge.i <= tok.i <= child.right_edge.i  # the pronoun's own clause
                if child.dep_ in ("nsubj", "nsubjpass") and not inside:
                    return child
            if cur.dep_ == "conj" and cur.head.pos_ in ("VERB", "AUX"):
                # "denied the claim and said ... its positions": the speech verb shares the first verb's subject
                return next((c for c in cur.head.children if c.dep_ == "nsubj"), None)
        return None
