"""Resolve an event argument (a token of the parse) to the actors it denotes.

The coder hands over the head token of a subject, object or prepositional
argument; this module finds the actor behind it:

1. a KB mention covering the head ("Iran", "Ilham Aliyev", "IRGC");
2. a mention modifying the head ("Iranian drones", "Iran's foreign minister",
   "the government of Iran"), combined with the sector the head noun implies
   (minister → GOV, drones → MIL);
3. a pronoun or definite description ("he", "it", "the country", "the ministry")
   linked to the most recent compatible actor in the document;
4. a place name whose country the geo stage resolved ("drones struck
   Nakhchivan" → AZE), passed in as token → country;
5. any mention further down the argument's subtree.

Coordinated arguments ("Iran and Hezbollah") yield one actor each.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from spillover.actors.coreference import (
    FIRST_PERSON,
    GROUP_PRONOUNS,
    ORG_DESCRIPTIONS,
    PERSON_PRONOUNS,
)
from spillover.actors.extent import of_objects
from spillover.actors.kb import ActorKB
from spillover.actors.positions import counted_group
from spillover.actors.roles import MODIFIER_DEPS, RoleActors, of_country
from spillover.records import Actor, ActorMention, Event

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Nouns for the parties to a conflict: "both sides", "the two parties".
_SIDE_NOUNS = frozenset({"side", "party"})


#: Nouns for a body's premises, which stand for the body whose sector its "of" phrase names.
_PREMISES = frozenset({"headquarters", "camp", "base", "office", "position", "compound", "depot", "post", "facility"})
#: Prepositions that give a group by examples ("several members, *including* France and Britain").
_EXAMPLES = frozenset({"including", "like"})


class ActorIndex(RoleActors):
    """Actor mentions of one document, with coreference memory across its sentences."""

    def __init__(
        self,
        doc: Doc,
        mentions: Sequence[ActorMention],
        kb: ActorKB,
        place_countries: Mapping[int, str] | None = None,
    ) -> None:
        """Index mentions by token for O(1) lookups from argument heads."""
        self.doc = doc
        self.kb = kb
        self.place_countries = place_countries or {}
        self.mentions = list(mentions)
        #: Events coded so far in the document, in order: the antecedents of "the
        #: incident" or "denied involvement" in later sentences (filled by the coder).
        self.events: list[Event] = []
        self._by_token: dict[int, ActorMention] = {}
        # what each token's argument denotes depends only on the parse and the mentions: asked for
        # again and again by the coder (every trigger reads its subject and objects), it is worked out once
        self._actors: dict[int, list[Actor]] = {}
        self._actor: dict[int, Actor | None] = {}
        for mention in self.mentions:
            for i in range(mention.tok_start, mention.tok_end):
                self._by_token[i] = mention

    # -- public -----------------------------------------------------------
    def placed(self, event: Event) -> None:
        """Record the side a deed's place gave it (by id), so later sentences' anaphora see it.

        "Israeli drones had struck the airport in Nakhchivan. [...] the drones had come from Iran": the
        drones told before hit Azerbaijan, which only the geo stage knew once the first sentence was coded.
        """
        for k, known in enumerate(self.events):
            if known.id == event.id and known.target is None:
                self.events[k] = event

    def actors_for(self, head: Token) -> list[Actor]:
        """Actors denoted by the argument headed by ``head`` (coordination expanded)."""
        if head.i not in self._actors:
            self._actors[head.i] = self._find_actors(head)
        return list(self._actors[head.i])

    def _find_actors(self, head: Token) -> list[Actor]:
        out: list[Actor] = []

        def add(actor: Actor | None) -> None:
            if actor is not None and all(actor.code != a.code or actor.text != a.text for a in out):
                out.append(actor)

        count = counted_group(head)
        # "the two countries' foreign ministers": the counted possessor is the group
        owners = [c for c in head.children if c.dep_ == "poss"] + of_objects(head)  # "... of the two countries"
        owner = next((c for c in owners if counted_group(c)), None)
        if owner is not None and not count:
            count, counted = counted_group(owner), owner
        else:
            counted = head
        # "called on both sides to avoid escalation": the sides fighting, which the dyad stage knows, not the
        # countries named last (mostly other voices in a round-up of reactions)
        appealed = counted.lemma_.lower() in _SIDE_NOUNS and counted.dep_ not in ("nsubj", "nsubjpass")
        between = self._sides_between(counted) if appealed and count == 2 else []
        if between:  # "Oman, which carries messages between Washington and Tehran, urged both sides to ..."
            return between
        if count and not appealed and self._mention_in(head) is None:  # "the three ministers condemned the attack"
            group = self.recent_countries(counted, count)
            if group:
                return [self._refine(replace(a, text=head.text, span=None), head) for a in group]
        for tok in (head, *self._conjuncts(head), *self._listed_by_apposition(head)):
            add(self.actor_for(tok))
            # "Israeli and American warplanes", "officials from Azerbaijan and Georgia"
            owners = [c for c in tok.children if c.dep_ in MODIFIER_DEPS] + of_objects(tok)
            for conj in (conj for owner in owners for conj in owner.conjuncts):
                found = self._mention_in(conj)
                if found is not None and found.actor.code is not None:
                    add(self._with_role(found.actor, tok, found))
        if self._mention_in(head) is None:  # "several members, including France and Britain": known by examples
            for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in _EXAMPLES):
                for example in (o for o in prep.children if o.dep_ == "pobj"):
                    for tok in (example, *example.conjuncts):
                        add(self.actor_for(tok))
        return _shared_nationality(out, head, self._by_token)

    def _sides_between(self, sides: Token) -> list[Actor]:
        """The two countries a "between A and B" phrase of the same sentence names, for "both sides" there."""
        pairs = []
        for prep in (t for t in sides.sent if t.lower_ == "between" and t.dep_ == "prep"):
            for obj in (o for o in prep.children if o.dep_ == "pobj"):
                found = [a for t in (obj, *obj.conjuncts) if (a := self.actor_for(t)) is not None and a.country]
                if len(found) == 2 and found[0].country != found[1].country:
                    pairs.append([replace(a, span=None) for a in found])
        return pairs[0] if len(pairs) == 1 else []

    def _conjuncts(self, head: Token) -> list[Token]:
        """The conjuncts of ``head``, or of any word of the name it belongs to.

        The small parser sometimes splits a name ("Barack" nsubj, "Obama" under it) and hangs
        the next conjunct ("and Vladimir Putin") on the name's inner word.
        """
        out = list(head.conjuncts)
        mention = self._by_token.get(head.i)
        if mention is not None:
            name = range(mention.tok_start, mention.tok_end)
            for i in name:
                if i != head.i:
                    out.extend(t for t in self.doc[i].conjuncts if t.i not in name)
        return list(dict.fromkeys(out))

    def _listed_by_apposition(self, head: Token) -> list[Token]:
        """Countries the parser hung on ``head`` as an apposition: "The US, Russia, and Switzerland met".

        A country is never an apposition of another country, so a named apposition of a different
        country (with its own conjuncts) is read as the rest of the list; "Iran's president,
        Masoud Pezeshkian" (one country) stays an apposition, and so does a description of the first
        ("Ankara, Baku's closest ally"): only a name itself continues the list.
        """
        first = self.actor_for(head)
        if first is None or not first.country:
            return []
        out: list[Token] = []
        for child in head.children:
            if child.dep_ != "appos" or child.i not in self._by_token:
                continue  # "Ankara, *Baku's closest ally*, condemned": a description names no second country
            named = self.named_by(child)
            if named is not None and named.country and named.country != first.country:
                out.extend((child, *child.conjuncts))
        return out

    def named_by(self, tok: Token) -> Actor | None:
        """The actor the noun itself or its modifiers name ("China", "China's conduct", "its conduct").

        Unlike :meth:`actor_for` nothing further down the phrase counts: in "the escalation of
        hostilities between Israel and Hamas" the escalation names no actor.
        """
        found = self._mention_in(tok)
        if found is not None and found.actor.code is not None:
            return found.actor
        for child in tok.children:
            if child.dep_ == "poss" and child.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS | FIRST_PERSON:
                return self._coreference(child)
        return None

    def only_a_place(self, tok: Token) -> bool:
        """Whether ``tok`` names a place the geo stage resolved and no actor of the knowledge base."""
        return bool(self.place_countries) and tok.i in self.place_countries and self.named_by(tok) is None

    def actor_for(self, tok: Token) -> Actor | None:
        """The single best actor for one argument head, or None."""
        if tok.i not in self._actor:
            self._actor[tok.i] = self._find_actor(tok)
        return self._actor[tok.i]

    def _find_actor(self, tok: Token) -> Actor | None:
        mention = self._by_token.get(tok.i)
        if mention is not None and mention.actor.code is not None:
            return self._with_role(mention.actor, tok, mention)
        named = self._self_named(tok)
        if named is not None:  # "a militia calling itself the Islamic Resistance in Iraq": the name it goes by
            return named
        surname = mention is not None and mention.kind == "ner:PERSON" and tok.i == mention.tok_end - 1
        if surname or (mention is None and tok.pos_ in ("PROPN", "NOUN") and tok.text[:1].isupper()):
            again = self._named_before(tok)
            if again is not None:  # "Iranian Interior Minister Eskandar Momeni ... Momeni thanked Pakistan"
                return replace(again, text=tok.text, span=None)
        if tok.lemma_.lower() in ORG_DESCRIPTIONS and mention is None:
            # "the Sunni militant group Jaish al-Adl said": the description's own name
            names = [m for c in tok.children if c.dep_ == "appos" and (m := self._by_token.get(c.i)) is not None]
            if names and names[0].kind == "organisation" and names[0].actor.code is not None:
                return names[0].actor
        owned = any(c.dep_ == "poss" for c in tok.children)  # not "a shooting on the border with Azerbaijan"
        if owned and tok.lemma_.lower() in _FRONTIERS:  # "moved troops to its border *with Azerbaijan*": the side faced
            # the parser may hang the "with" on the verb when it follows the phrase at once
            after = [c for c in tok.head.head.children if c.i == tok.right_edge.i + 1] if tok.dep_ == "pobj" else []
            preps = [p for p in (*tok.children, *after) if p.dep_ == "prep" and p.lower_ == "with"]
            faced = [o for p in preps for o in p.children]
            across = next((a for o in faced if o.dep_ == "pobj" and (a := self.actor_for(o)) is not None), None)
            if across is not None:
                return across
        for child in tok.children:
            if child.dep_ in MODIFIER_DEPS and not _sponsor(child, tok):
                found = self._mention_in(child)
                if found is not None and found.actor.code is not None:
                    return self._with_role(found.actor, tok, found)
        for child in tok.children:  # after a named modifier: "his *Iranian* counterpart" is Iran's
            if child.dep_ == "poss" and child.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS | FIRST_PERSON:
                owner = self._coreference(child)  # "its forces" → the forces of the last actor
                if owner is not None:
                    return self._refine(owner, tok)
            elif child.dep_ == "poss" and child.i not in self._by_token and self._body_description(child):
                # "bombed the group's depots", "the militia's commander": the body the description takes up
                owner = self._coreference(child)
                if owner is not None:
                    return owner
        for obj in of_objects(tok):
            found = self._mention_in(obj)
            if found is not None and found.actor.code is not None:
                refined = self._with_role(found.actor, tok, found)
                if refined is found.actor and tok.lemma_.lower() in _PREMISES:
                    # "the headquarters of an Iranian Kurdish opposition group": the group's own sector
                    return self._with_role(found.actor, obj, found)
                return refined
            if tok.like_num or tok.lemma_.lower() in QUANTITY_HEADS:
                # "thousands of protesters", "dozens of soldiers": the group is the noun after "of"
                group = self.actor_for(obj)
                if group is not None:
                    return group
        coref = self._coreference(tok)
        if coref is not None:
            return coref
        for child in tok.children:  # "drones launched by its forces", "missiles fired by Hezbollah"
            if child.dep_ == "acl":
                for agent in child.children:
                    if agent.dep_ == "agent":
                        for obj in agent.children:
                            if obj.dep_ == "pobj" and (found_actor := self.actor_for(obj)) is not None:
                                return found_actor
        if mention is not None:
            return mention.actor  # a named but uncoded actor ("Hay'at Tahrir al-Sham")
        if any(_sponsor(c, tok) for c in tok.children):  # "an Iran-backed militia": a group of its own
            names = [m for c in tok.children if c.dep_ == "appos" and (m := self._mention_in(c)) is not None]
            if names and names[0].actor.code is not None:  # "an Iran-aligned militia, Kataib Hezbollah,"
                return names[0].actor
            return self._role_actor(tok) or self._subtree_mention(tok)
        return self._subtree_mention(tok) or self._role_actor(tok) or self._place_actor(tok)

    # -- steps ------------------------------------------------------------
    def _named_before(self, tok: Token) -> Actor | None:
        """The actor of an earlier, fuller mention of the same person ("Eskandar Momeni" for "Momeni").

        A person the knowledge base does not know is coded by the title and nationality of the first
        mention; the surname alone later stands for the same person.
        """
        surname = tok.text
        for earlier in self.mentions:
            if earlier.tok_end > tok.i:
                break
            words = earlier.actor.text.split()
            if earlier.kind == "ner:PERSON" and len(words) > 1 and words[-1] == surname:
                actor = self.actor_for(self.doc[earlier.tok_end - 1])
                return actor if actor is not None and actor.code else None
        return None

    def country_before(self, tok: Token, exclude: set[str]) -> Actor | None:
        """The country "the country" stands for: the latest country mentioned before ``tok`` that is not excluded.

        "Israeli and American warplanes struck sites across the country": excluding the attackers'
        own countries leaves the one the sentence was about (Iran).
        """
        for mention in self._mentions_before(tok):
            country = mention.actor.country
            if not country or country in exclude or mention.kind not in ("country", "demonym", "capital"):
                continue
            name = mention.actor.name if mention.kind == "country" else None
            return Actor(text=self.doc[tok.left_edge.i : tok.i + 1].text, name=name, code=country, country=country)
        return None


#: Heads that only count the group after "of" ("thousands of protesters").
QUANTITY_HEADS = frozenset(
    {"thousand", "hundred", "dozen", "score", "million", "group", "number", "crowd", "band", "handful", "batch"}
)


def _shared_nationality(actors: list[Actor], head: Token, mentions: Mapping[int, ActorMention]) -> list[Actor]:
    """Give unnamed groups coordinated after a nationality adjective that nationality.

    "14 Belarusian officials and three state companies", "Israeli soldiers and
    settlers": the adjective on the first conjunct is read as applying to the
    list. Only when it is the list's one country, and the first conjunct's
    country comes from that adjective, not from a name.
    """
    first = actors[0] if actors else None
    if first is None or not first.country or head.i in mentions:
        return actors
    if not any(c.dep_ == "amod" and c.i in mentions for c in head.children):
        return actors
    if len({a.country for a in actors if a.country}) != 1:
        return actors
    country = first.country
    return [of_country(a, country) for a in actors]


#: Nouns of a frontier, whose "with" phrase names the side across it.
_FRONTIERS = frozenset({"border", "frontier", "boundary"})


#: Participles of sponsorship: "an *Iran-backed* militia" is backed by Iran, not Iran's own armed group.
_SPONSORED = frozenset({"back", "align", "sponsor", "support", "fund", "arm", "link", "ally"})


def _sponsor(modifier: Token, head: Token) -> bool:
    """Whether ``modifier`` names the sponsor of an armed group, not its country ("Iran-aligned militia")."""
    return modifier.tag_ == "VBN" and modifier.lemma_.lower() in _SPONSORED and head.lemma_.lower() in _GROUP_NOUNS


#: Nouns of an armed group whose sponsor a participle may name.
_GROUP_NOUNS = frozenset({"militia", "group", "faction", "proxy", "fighter", "militant", "rebel", "force"})
