"""Find actor mentions in a parsed document.

A spaCy ``PhraseMatcher`` over every surface form of the actor knowledge base
(country names, demonyms, capitals, people, organisations) finds candidate
mentions in one pass; each match is then checked (proper nouns must be
capitalised in the text, all-caps acronyms must match exactly, so "us" and
"turkey" in lower case are not countries) and resolved through the KB with the
document date, so "the president" of 2023 and of 2025 differ.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from spillover.actors.entries import ActorEntry
from spillover.actors.kb import ActorKB
from spillover.records import Actor, ActorMention

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

#: NER labels that name actors even when the KB does not know them.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: Mentions a story's dateline country counts for, when an ambiguous name is weighed by country.
HOME_WEIGHT = 2
#: Dashes that join place names into the name of a route ("Baku–Tbilisi–Ceyhan").
DASHES = frozenset({"-", "–", "—"})
#: Nouns that make a dash-joined chain of place names a facility, not a list of actors.
ROUTE_NOUNS = frozenset(
    {"pipeline", "railway", "railroad", "rail", "highway", "road", "corridor", "line", "motorway", "canal", "route"}
)


def fold(text: str) -> str:
    """Strip diacritics so that "Turkiye" finds the entry written "Türkiye"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def entry_actor(entry: ActorEntry, text: str) -> Actor:
    """Turn a KB entry into the public Actor record for a surface ``text``."""
    return Actor(text=text, name=entry.name, code=entry.code, country=entry.country, sector=entry.sector)


class ActorMatcher:
    """Recognises KB actors in spaCy documents."""

    def __init__(self, nlp: Language, kb: ActorKB) -> None:
        """Compile the phrase patterns once; matching is then linear in the text."""
        from spacy.matcher import PhraseMatcher

        self.kb = kb
        self._matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        surfaces: set[str] = set()
        self._exact: set[str] = set()
        for surface, _kind in kb.surface_forms():
            surfaces.add(surface)
            self._exact.add(surface)
            folded = fold(surface)
            if folded != surface:
                surfaces.add(folded)
        patterns = [nlp.make_doc(text) for text in sorted(surfaces)]
        self._matcher.add("ACTOR", patterns)

    def _accept(self, text: str) -> bool:
        """Reject lower-case hits of proper names ("us", "turkey") and loose acronyms.

        All-caps short forms (US, UN, EU, IDF) count only when the KB writes
        them exactly so, which keeps "US" apart from the pronoun.
        """
        if not text:
            return False
        if not text[0].isupper():
            return text in self._exact  # names the KB itself writes in lower case ("al-Qaeda")
        if len(text) <= 5 and text.upper() == text:
            return text in self._exact
        return True

    def _resolve(self, text: str, on: date | None) -> tuple[ActorEntry, ...]:
        entries = self.kb.lookup(text, on)
        if not entries and fold(text) != text:
            entries = self.kb.lookup(fold(text), on)
        return tuple(entries)

    def _country_before(self, doc: Doc, start: int, on: date | None) -> str | None:
        """The country named right before a mention ("Georgia's", "Georgian"), if any."""
        for size in (2, 1):
            if start - size < 0:
                continue
            words = doc[start - size : start].text.removesuffix("'s").removesuffix("’s").strip()
            found = [e.country for e in self.kb.lookup(words, on) if e.kind in ("country", "demonym")]
            if found:
                return found[0]
        return None

    def find(self, doc: Doc, on: date | None = None, home: str | None = None) -> list[ActorMention]:
        """Return non-overlapping actor mentions, longest first, in text order.

        Args:
            doc: The parsed document.
            on: The document date, for office holders.
            home: The country of the story's dateline, if it has one: a story filed from Baku that
                names "the State Security Service" and Georgia's prime minister as often as
                Azerbaijan's means Azerbaijan's service.

        """
        found: list[ActorMention] = []
        taken: set[int] = set()
        spans = sorted(self._matcher(doc, as_spans=True), key=lambda s: (-(s.end - s.start), s.start))
        resolved = [(span, self._resolve(span.text, on)) for span in spans if self._accept(span.text)]
        # "the State Security Service" is Azerbaijan's in a story about Azerbaijan, Georgia's in one about Georgia
        weight = Counter(e[0].country for _s, e in resolved if e and len({x.country for x in e}) == 1)
        if home is not None:
            weight[home] += HOME_WEIGHT
        for span, entries in resolved:
            if taken.intersection(range(span.start, span.end)) or not entries:
                continue
            text = span.text
            entry = _best_entry(entries, weight, partial(self._country_before, doc, span.start, on))
            if entry.kind == "person" and _name_goes_on(doc, span.end):
                continue  # "Abbas" of "Abbas Mousavi" is not Mahmoud Abbas
            actor = entry_actor(entry, text)
            if actor.country and in_route_name(doc, span.start, span.end):
                # the city in "the Baku–Tbilisi–Ceyhan pipeline" places the pipeline; it is not a government
                actor = Actor(text=text, name=actor.name, code=actor.country, country=actor.country)
            found.append(ActorMention(span.start, span.end, actor, entry.kind))
            taken.update(range(span.start, span.end))
        found.extend(self._ner_mentions(doc, taken))
        return sorted(found, key=lambda m: m.tok_start)

    def _ner_mentions(self, doc: Doc, taken: set[int]) -> Iterable[ActorMention]:
        """Named entities the KB does not know: kept as uncoded actors with their text.

        They still matter: an analyst sees "Hay'at Tahrir al-Sham" as the source
        even before anyone adds it to a dictionary.
        """
        for ent in doc.ents:
            if ent.label_ not in ACTOR_LABELS or taken.intersection(range(ent.start, ent.end)):
                continue
            if ent.label_ == "GPE":
                continue  # places are the geo stage's job; a known country was matched above
            words = [t for t in ent if not t.is_stop and not t.is_punct]
            if not words:
                continue
            # "the navy" tagged as an organisation is a role, and so is a lone capitalised one ("the Treasury")
            common = all(t.pos_ == "NOUN" for t in words) or len(words) == 1
            if common and self.kb.role_sector(" ".join(t.lower_ for t in words)):
                continue  # resolved as a role ("In Türkiye, the navy ...")
            sector = self._titled(ent) if ent.label_ == "PERSON" else None
            if sector is not None:  # "foreign ministry spokesman Lin Jian": an official of a country placed later
                actor = Actor(text=ent.text, name=ent.text, code=f"---{sector}", sector=sector)
                yield ActorMention(ent.start, ent.end, actor, f"ner:{ent.label_}")
                continue
            yield ActorMention(ent.start, ent.end, Actor(text=ent.text, name=ent.text), f"ner:{ent.label_}")

    def _titled(self, ent: Span) -> str | None:
        """The sector of a ministry title an unknown person's name carries before it ("defence ministry spokesman X").

        Only a ministry's, a legislature's or a party's title ("Speaker Sahiba Gafarova", "opposition leader
        Özgür Özel") with no owner named: "Cambodia's prime minister Hun Manet" is Cambodia's by its possessive,
        "Taliban spokesman Zabiullah Mujahid" the Taliban's; a ministry, a parliament or an opposition is a
        state's, which the report's place then names.
        """
        heads = [t for t in ent.root.lefts if t.dep_ == "compound" and t.i < ent.start]
        if not heads or heads[-1].i != ent.start - 1:
            return None
        title = ent.doc[heads[0].left_edge.i : ent.start]  # "foreign ministry" hangs on "spokesman"
        if any(t.dep_ == "poss" or t.ent_type_ in ("NORP", "GPE") for t in title):
            return None
        sector = self.kb.role_sector(" ".join(t.lower_ for t in title if not t.is_punct))
        if "ministry" in {t.lower_ for t in title} or sector in ("LEG", "POL"):
            return sector
        return None


def _best_entry(
    entries: tuple[ActorEntry, ...], weight: Counter[str | None], owner_of: Callable[[], str | None]
) -> ActorEntry:
    """The first entry, unless one of several same-kind entries is the named owner's or the story's country's.

    "Georgia's State Security Service" is Georgia's; a bare "the State Security Service" is that of
    the country the story names most. ``owner_of`` reads the country named before the mention, asked
    only for such an ambiguous name (most mentions have one reading).
    """
    first = entries[0]
    rivals = [e for e in entries if e.kind == first.kind and e.country]
    if len({e.country for e in rivals}) < 2:
        return first
    owner = owner_of()
    owned = [e for e in rivals if e.country == owner]
    return owned[0] if owned else max(rivals, key=lambda e: weight.get(e.country, 0))


def _name_goes_on(doc: Doc, end: int) -> bool:
    """Tell whether the person's name the tagger sees goes on past token ``end`` (another person's surname)."""
    if end >= len(doc):
        return False
    nxt = doc[end]
    return nxt.ent_type_ == "PERSON" and nxt.ent_iob_ == "I" and nxt.pos_ == "PROPN"


def in_route_name(doc: Doc, start: int, end: int) -> bool:
    """Tell whether tokens ``start:end`` are one stop of a route's name ("the *Baku*–Tbilisi–Ceyhan pipeline").

    Such a chain names a pipeline, railway or road: "Baku" there stands for the place, not for
    Azerbaijan's government, so the mention is coded as the country alone.
    """
    left, right = start, end
    while left >= 2 and doc[left - 1].text in DASHES and doc[left - 2].is_title:
        left -= 2
    while right + 1 < len(doc) and doc[right].text in DASHES and doc[right + 1].is_title:
        right += 2
    if (left, right) == (start, end):
        return False
    return any(tok.lemma_.lower() in ROUTE_NOUNS for tok in doc[right : min(right + 3, len(doc))])
