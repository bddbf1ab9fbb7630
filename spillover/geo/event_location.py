"""Where did an event happen? Choosing among the places a sentence mentions.

A sentence often names several places: "a missile launched from Iranian
territory was shot down before it could reach Turkish airspace" mentions the
origin and the destination; "Aliyev spoke in Baku about the strike on
Nakhchivan" mentions where the speaker was and where the strike hit. The
locator scores each resolved toponym of the sentence by its syntactic path to
the trigger:

* attached to the trigger (or to its object) by a locative preposition — in,
  at, near, on, over, across, inside — is the strongest signal;
* inside the event's object ("struck the terminal of Nakhchivan airport");
* a destination ("towards", "into") is weaker, an origin ("from") weaker
  still, and a place inside the subject ("Iran fired") names an actor, not a
  location;
* further away in the tree, the score decays.

Without a usable toponym, deeds (quad class 2/4) fall back to the target's
country (or the dateline's country when one of the actors is from there),
statements to the story's dateline, each with a lower confidence and the
coarser precision it really has.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from spillover.geo.anaphors import antecedent, place_anaphor
from spillover.geo.carry import is_deed, place_conf
from spillover.geo.coherence import is_focus_guess
from spillover.geo.cues import locale_cues
from spillover.geo.gazetteer import Gazetteer
from spillover.geo.paths import best_toponym
from spillover.geo.resolver import ToponymResolver
from spillover.geo.toponyms import find_toponyms
from spillover.records import Event, Place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token



@dataclass(frozen=True)
class DocumentPlaces:
    """The resolved toponyms of one document, indexed by the token that heads each."""

    by_token: dict[int, Place]
    dateline: Place | None = None
    #: "the exclave", "the town", "the capital": token → the earlier place it stands for.
    anaphors: dict[int, Place] = field(default_factory=dict)
    #: "the country": tokens whose country depends on the event (its target, or the latest other).
    country_anaphors: frozenset[int] = frozenset()

    def inside_longer(self, span: tuple[int, int], besides: str | None = None) -> bool:
        """Whether a resolved place name holds these characters and more ("Baku" in "Baku–Tbilisi–Ceyhan").

        With ``besides``, only a place of another country counts: "Azerbaijan" in "East Azerbaijan
        province" is Iran's, not the neighbouring state (while "Lebanon" in "South Lebanon" stays Lebanon).
        """
        start, end = span
        return any(
            p.span is not None and p.span[0] <= start and end <= p.span[1] and p.span[1] - p.span[0] > end - start
            and (besides is None or (p.country is not None and p.country != besides))
            for p in self.by_token.values()
        )

    def countries_by_token(self, after_char: int = 0) -> dict[int, str]:
        """Token index → ISO3 country, for turning place arguments into actors.

        Args:
            after_char: Places starting before this offset are left out (the
                dateline names where the story was filed, not a participant).

        A name the gazetteer does not know, placed at the document's focus
        (:func:`~spillover.geo.coherence.at_focus`), is no evidence of a country:
        the tagger calls "Shells" in "Shells fired from Rwandan territory" a place.
        """
        return {
            i: p.country
            for i, p in self.by_token.items()
            if p.country and (p.span is None or p.span[0] >= after_char) and not is_focus_guess(p)
        }


class EventLocator:
    """Resolves a document's toponyms once and picks each event's place."""

    def __init__(self, gazetteer: Gazetteer, resolver: ToponymResolver | None = None) -> None:
        """Share one gazetteer (its index is built once per machine and cached)."""
        self.gazetteer = gazetteer
        self.resolver = resolver or ToponymResolver(gazetteer)

    def document_places(
        self,
        doc: Doc,
        dateline: str | None,
        actor_countries: Sequence[str] = (),
        not_places: Sequence[tuple[int, int]] = (),
    ) -> DocumentPlaces:
        """Find and jointly resolve every toponym of a parsed document.

        ``not_places`` are token ranges known to name something else (organisations the actor
        matcher found, such as "IRGC", which the tagger may call a place).
        """
        text = doc.text  # joined from the tokens on each access: read once
        mentions = find_toponyms(doc, self.gazetteer, text=text)
        if not_places:
            taken = {i for start, end in not_places for i in range(start, end)}
            mentions = [
                m for m in mentions
                if (span := doc.char_span(m[0], m[1], alignment_mode="expand")) is None
                or not any(t.i in taken for t in span)
            ]
        names = [text for _s, _e, text in mentions]
        if dateline:
            names.append(dateline)
        resolved = (
            self.resolver.resolve_document(names, actor_countries=actor_countries, locale=locale_cues(text))
            if names
            else []
        )
        by_token: dict[int, Place] = {}
        for (start, end, _text), place in zip(mentions, resolved, strict=False):
            span = doc.char_span(start, end, alignment_mode="expand")
            if place is None or span is None:
                continue
            by_token[span.root.i] = replace(place, span=(start, end))
        dateline_place = resolved[-1] if dateline and resolved else None
        anaphors, country_anaphors = self._anaphors(doc, by_token, dateline_place)
        return DocumentPlaces(by_token, dateline_place, anaphors, frozenset(country_anaphors))

    def _anaphors(
        self, doc: Doc, by_token: dict[int, Place], dateline: Place | None
    ) -> tuple[dict[int, Place], list[int]]:
        """Resolve "the exclave", "the town", "the capital" to the latest fitting place before them."""
        anaphors: dict[int, Place] = {}
        countries: list[int] = []
        newest_first = sorted(by_token, reverse=True)
        for tok in doc:
            kind = place_anaphor(tok)
            if kind is None:
                continue
            if kind == "country":
                countries.append(tok.i)
                continue
            earlier = [by_token[i] for i in newest_first if i < tok.i]
            if dateline is not None:
                earlier.append(dateline)
            place = antecedent(kind, earlier, self.gazetteer)
            if place is not None:
                span = (tok.idx, tok.idx + len(tok.text))
                anaphors[tok.i] = replace(place, text=tok.text, span=span, confidence=round(0.7 * place_conf(place), 3))
        return anaphors, countries

    def locate(self, event: Event, trigger: Token, sent: Span, places: DocumentPlaces) -> Place | None:
        """The place where ``event`` happened, or None when nothing supports one."""
        material = is_deed(event)
        extra = dict(places.anaphors)
        struck = event.target.country if event.target is not None else None
        doer = event.source.country if event.source is not None else None
        # "US warplanes struck Houthi targets around the capital": the capital of the side struck
        capitals = [i for i in extra if sent.start <= i < sent.end and sent.doc[i].lemma_.lower() == "capital"]
        capital = self.gazetteer.capital(struck) if capitals and material and struck and struck != doer else None
        if capital is not None:
            for i in capitals:
                tok = sent.doc[i]
                place = capital.as_place(tok.text, 0.7, precision="city")
                extra[i] = replace(place, span=(tok.idx, tok.idx + len(tok.text)))
        for i in places.country_anaphors:
            if sent.start <= i < sent.end:
                country = self._anaphor_country(event, i, places)
                found = self._country_place(country, confidence=0.5) if country else None
                if found is not None:
                    tok = sent.doc[i]
                    extra[i] = replace(found, text=tok.text, span=(tok.idx, tok.idx + len(tok.text)))
        # a visit, like a deed, happens at its object: "visited Baku", "travelled to Ankara"; so does a
        # protest ("took to the streets of Tabriz", "marched to Taksim Square")
        at_object = material or event.mode == "visit" or event.event_type == "PROTEST"
        # "condemned the strikes on Nakhchivan" was said elsewhere; "approved sanctions ..., citing attacks on
        # Azerbaijan" were decided at home, not where the deeds they answer happened
        inner = event.event_type not in ("ACCUSE", *DECIDED_AT_HOME)
        at_object = at_object and event.event_type not in DECIDED_AT_HOME
        best = best_toponym(trigger, sent, places, material=at_object, extra=extra, inner=inner)
        if best is not None:
            conf = place_conf(best[1]) * min(1.0, 0.4 + best[0] / 5)
            if best[1].country is None and struck and material and _crosses_borders(best[1]):
                # "a plan to sabotage the Baku–Tbilisi–Ceyhan pipeline", foiled in Azerbaijan: a facility that
                # crosses borders is placed in the country struck, at country precision, under its own name
                section = self._country_place(struck, confidence=round(conf, 3))
                if section is not None:
                    return replace(section, text=best[1].text, span=best[1].span)
            return replace(best[1], confidence=round(conf, 3))
        decided = not material or event.event_type in DECIDED_AT_HOME
        source = event.source
        at_home = event.event_type == "MOBILIZE" or (event.event_type == "COERCE" and event.mode in TAKEN_AT_HOME)
        if at_home and source is not None and source.country:
            # "the security service arrested members of an IRGC cell", "the army was put on high alert": at home
            return self._country_place(source.country)
        if not decided and event.target is not None and event.target.country:
            return self._country_place(event.target.country)
        if decided:
            # A government's statement, summons or protest note comes from its capital: "Azerbaijan's
            # foreign ministry summoned Iran's ambassador" in a story filed from Tbilisi was in Baku.
            # a visit is at the host's: "Putin received Iran's foreign minister in the Kremlin"
            side = event.target if event.mode == "visit" else source
            home = side.country if side is not None and side.sector in (None, "GOV") else None
            if home and (places.dateline is None or places.dateline.country != home):
                capital = self.gazetteer.capital(home)
                if capital is not None:
                    return capital.as_place(capital.name, 0.3, precision="city")
        if places.dateline is not None:
            if decided:  # statements are made where the story was filed
                return replace(places.dateline, confidence=round(0.5 * place_conf(places.dateline), 3))
            actors = {a.country for a in (event.source, event.target) if a is not None and a.country}
            if event.event_type == "ASSAULT" and (event.target is None or not event.target.country):
                actors.discard(event.source.country if event.source is not None else None)  # struck abroad
            if places.dateline.country and places.dateline.country in actors:
                # a deed with no place by or against the dateline's country: only the country is supported
                return self._country_place(places.dateline.country, confidence=0.25)
        return None

    @staticmethod
    def _anaphor_country(event: Event, token: int, places: DocumentPlaces) -> str | None:
        """Which country "the country" is for this event: its target's, else the latest other one named.

        "Warplanes struck sites across the country" after "Iran fired at Israel" is Iran: the
        event's target when it has one (its own coreference already chose), else the latest
        country before the phrase that is not the acting side's own.
        """
        source = event.source.country if event.source is not None else None
        target = event.target.country if event.target is not None else None
        if target and target != source:
            return target
        for i in sorted(places.by_token, reverse=True):
            country = places.by_token[i].country
            if i < token and country and country != source:
                return country
        return target or source

    def _country_place(self, iso3: str, confidence: float = 0.4) -> Place | None:
        """The country itself as a place (precision "country"), found by its name."""
        import pycountry

        record = pycountry.countries.get(alpha_3=iso3)
        names = [iso3]
        if record is not None:
            names = [getattr(record, "common_name", None) or record.name, record.name]
        for cand in (c for name in names for c in self.gazetteer.lookup(name)):
            if cand.feature == "country" and cand.country == iso3:
                return cand.as_place(cand.name, confidence, precision="country")
        return None


#: Words of a facility that runs through several countries, whose one point says little about where a deed bit.
_LINEAR = ("pipeline", "railway", "corridor", "highway", "cable")


def _crosses_borders(place: Place) -> bool:
    """Whether a countryless place is a line across borders (a pipeline), not a disputed spot (a shoal)."""
    name = (place.name or place.text).lower()
    return any(word in name for word in _LINEAR)


#: Deeds decided at home, not where they bite: expelling diplomats, suspending flights, sanctions.
DECIDED_AT_HOME = frozenset({"SANCTION"})
#: Coercion that the acting state carries out on its own soil: arrests and deportations of foreigners
#: happen where the arresting service works, not in the country of those arrested.
TAKEN_AT_HOME = frozenset({"arrest", "deport"})
