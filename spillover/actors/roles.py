"""Actors told by their role: the sector a head noun gives a name, and groups known only by their role.

"Iranian drones" are Iran's military (IRNMIL), "the head of the exclave's government" is of the
government, "insurgents" with no country named are ``---REB`` unless their seat ("a court in Baku"),
a group named earlier in the sentence or a place in the phrase says whose they are. These steps of
argument resolution read only the knowledge base's role table and the mentions around the head; they
live apart from the search order that tries them (:class:`spillover.actors.resolver.ActorIndex`),
which they are the base of.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from spillover.actors.coreference import ARMED, ORG_DESCRIPTIONS, Coreference
from spillover.actors.extent import MAX_SUBTREE, bounded_subtree, in_objects, of_objects, under_locative
from spillover.nlp.participles import NAMING_VERBS
from spillover.records import Actor, ActorMention

if TYPE_CHECKING:
    from spacy.tokens import Token

MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod"})
#: Nouns for whoever leads a body, of the body's sector ("the head of the exclave's government").
_LEADING = frozenset({"head", "chief", "leader"})
#: Phrases whose last word is a role noun but that name no one's sector ("third parties").
_NOT_ROLES = ("third party",)


def unnamed(actor: Actor) -> bool:
    """Whether ``actor`` is a group known only by its role, of no country yet ("gunmen": ``---REB``)."""
    return actor.country is None and bool(actor.code) and (actor.code or "").startswith("---")


def of_country(actor: Actor, country: str) -> Actor:
    """An unnamed group placed in ``country`` ("gunmen" firing from Iran: ``IRNREB``); any other actor as it is."""
    return replace(actor, code=country + (actor.code or "---")[3:], country=country) if unnamed(actor) else actor


class RoleActors(Coreference):
    """Role-refined and unnamed actors of argument heads (a base of the actor index)."""

    place_countries: Mapping[int, str]

    def _mention_in(self, tok: Token) -> ActorMention | None:
        mention = self._by_token.get(tok.i)
        if mention is not None:
            return mention
        for child in tok.children:
            if child.dep_ in MODIFIER_DEPS:
                mention = self._by_token.get(child.i)
                if mention is not None:
                    return mention
        return None

    def _with_role(self, actor: Actor, head: Token, mention: ActorMention) -> Actor:
        """Refine a country actor by the role its head noun names ("Iranian drones" → IRNMIL)."""
        if actor.country is None or (
            mention.tok_start <= head.i < mention.tok_end and mention.kind in ("person", "organisation")
        ):
            return actor
        sector = self._head_sector(head)
        # "Taliban fighters", "Taliban militants": a movement the table files as a government fights as an armed group
        armed_wing = mention.kind == "organisation" and actor.sector == "GOV" and sector == "REB"
        if not sector or (mention.kind not in ("country", "demonym", "capital") and not armed_wing):
            return actor
        left = min(head.left_edge.i, mention.tok_start)
        text = self.doc[left : head.i + 1].text
        return Actor(
            text=text,
            name=actor.name,
            code=f"{actor.country}{sector}",
            country=actor.country,
            sector=sector,
        )

    def _head_sector(self, head: Token) -> str | None:
        """The sector a role noun names, with its modifiers first ("armed men", "border guards", "coast guard")."""
        compounds = " ".join(c.lower_ for c in head.lefts if c.dep_ == "compound")
        # "armed men", "armed group": a modifier that makes the role ("men" alone is no one's sector)
        modified = " ".join(c.lower_ for c in head.lefts if c.dep_ in ("compound", "amod"))
        if f"{modified} {head.lemma_.lower()}".endswith(_NOT_ROLES):
            return None  # "accused unnamed third parties of sowing discord": outsiders, not a political party
        return (
            (self.kb.role_sector(f"{modified} {head.lower_}") if modified != compounds else None)
            or (self.kb.role_sector(f"{compounds} {head.lower_}") if compounds else None)
            or self.kb.role_sector(head.lemma_.lower())
            or self.kb.role_sector(head.lower_)
        )

    def _body_description(self, tok: Token) -> bool:
        """Whether ``tok`` describes a body, not a country ("the group's", "the militia's"; not "the country's").

        "the country's security forces" is left to the sector and the place: the country a report
        means is less sure than the group it has just named.
        """
        lemma = tok.lemma_.lower()
        definite = any(c.lower_ in ("the", "this") for c in tok.children)
        return definite and (lemma in ORG_DESCRIPTIONS or self.kb.role_sector(lemma) == ARMED)

    def _refine(self, actor: Actor, head: Token) -> Actor:
        """Give a country actor the sector its head noun names ("its forces" → MIL)."""
        sector = self._head_sector(head)
        if not sector or not actor.country:
            return actor
        text = self.doc[head.left_edge.i : head.i + 1].text
        return Actor(text=text, name=actor.name, code=f"{actor.country}{sector}", country=actor.country,
                     sector=sector)

    def _place_actor(self, tok: Token) -> Actor | None:
        """The country of a place named in the argument ("struck the airport in Nakhchivan" → AZE)."""
        if not self.place_countries:
            return None
        best: tuple[int, str] | None = None
        for sub in bounded_subtree(tok):
            country = self.place_countries.get(sub.i)
            if country and (best is None or abs(sub.i - tok.i) < best[0]):
                best = (abs(sub.i - tok.i), country)
        if best is None:
            return None
        country = best[1]
        try:
            name = self.kb.country_name(country)
        except KeyError:
            name = country
        return Actor(text=tok.text, name=name, code=country, country=country)

    def _role_actor(self, tok: Token) -> Actor | None:
        """An unnamed group known only by its role ("insurgents", "riot police").

        Coded ``---`` + sector (the PETRARCH convention for an unknown country)
        so the analyst still sees who acted, and the country can be filled in
        by a later stage or a human; one placed by its own words ("a court in Baku") has that
        place's country at once, so later sentences can answer its deeds ("described the verdict ...").
        """
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        sector = self._head_sector(tok)
        if not sector and tok.lemma_.lower() in _LEADING:  # "the head of the exclave's government": the government's
            sector = next((found for obj in of_objects(tok) if (found := self._head_sector(obj))), None)
        if not sector or sector == "IGO" or _sides_of_a_dispute(tok):
            return None
        text = self.doc[tok.left_edge.i : tok.i + 1].text
        country = self._seat(tok)
        if country is None and sector == ARMED:
            group = self._sentence_group(tok)
            if group is not None:  # "struck positions of the PKK ..., killing at least six militants": its own
                return replace(group, text=text, span=None)
        return Actor(text=text, name=None, code=f"{country or '---'}{sector}", country=country, sector=sector)

    def _self_named(self, tok: Token) -> Actor | None:
        """The actor of the name a group gives itself in a participle on it ("calling itself X", "named X")."""
        for clause in tok.children:
            if clause.dep_ != "acl" or clause.lemma_.lower() not in NAMING_VERBS:
                continue
            for name in clause.children:
                mention = self._mention_in(name) if name.dep_ in ("oprd", "attr", "dobj") else None
                if mention is not None and mention.actor.code is not None:
                    return replace(mention.actor, text=self.doc[tok.left_edge.i : tok.i + 1].text)
        return None

    def _sentence_group(self, tok: Token) -> Actor | None:
        """The one armed group named earlier in ``tok``'s sentence, whose members unnamed fighters are."""
        start = tok.sent.start
        groups = {
            m.actor.code: m.actor
            for m in self.mentions
            if start <= m.tok_start and m.tok_end <= tok.i and m.actor.sector == ARMED and m.actor.country
        }
        return next(iter(groups.values())) if len(groups) == 1 else None

    def _seat(self, tok: Token) -> str | None:
        """The country of the place an unnamed group is "in" by its own words ("a court in Baku").

        Also the place a role is "of": "the governor of East Azerbaijan province" is Iran's.
        """
        regions = [w for o in of_objects(tok) for w in (o, *(c for c in o.children if c.dep_ == "compound"))]
        for place in [*in_objects(tok), *regions]:
            mention = self._by_token.get(place.i)
            country = self.place_countries.get(place.i) or (mention.actor.country if mention is not None else None)
            if country:
                return country
        return None

    def _subtree_mention(self, tok: Token) -> Actor | None:
        best: ActorMention | None = None
        best_distance = MAX_SUBTREE
        for sub in bounded_subtree(tok):
            mention = self._by_token.get(sub.i)
            if mention is not None and mention.actor.code is not None:
                if mention.kind == "capital" and under_locative(sub, tok):
                    continue  # "protesters in central Nairobi": the capital places them, it is not the government
                distance = abs(sub.i - tok.i)
                if distance < best_distance:
                    best, best_distance = mention, distance
        return best.actor if best else None


def _sides_of_a_dispute(tok: Token) -> bool:
    """Whether "parties" or "both governments" are the sides of a conflict, not political parties or a state's own."""
    if tok.lemma_.lower() not in ("party", "government", "neighbour", "neighbor"):
        return False
    return any(c.lower_ in ("both", "all", "two", "warring", "conflicting", "belligerent") for c in tok.lefts)
