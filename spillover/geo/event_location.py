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
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from spillover.geo.cues import locale_cues
from spillover.geo.gazetteer import Gazetteer
from spillover.geo.resolver import ToponymResolver
from spillover.geo.toponyms import find_toponyms
from spillover.records import Event, Place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

LOCATIVE = frozenset(
    {
        "in",
        "at",
        "near",
        "on",
        "over",
        "across",
        "inside",
        "outside",
        "around",
        "within",
        "along",
        "off",
        "throughout",
        "by",
        "through",
        "via",
    }
)
DESTINATION = frozenset({"into", "towards", "toward", "to", "onto"})
ORIGIN = frozenset({"from"})
_MAX_HOPS = 6
#: Tie-break towards the finer of two equally well attached places.
_FINER = {"point": 0.8, "city": 0.8, "admin": 0.4, "region": 0.2}


@dataclass(frozen=True)
class DocumentPlaces:
    """The resolved toponyms of one document, indexed by the token that heads each."""

    by_token: dict[int, Place]
    dateline: Place | None = None

    def countries_by_token(self, after_char: int = 0) -> dict[int, str]:
        """Token index → ISO3 country, for turning place arguments into actors.

        Args:
            after_char: Places starting before this offset are left out (the
                dateline names where the story was filed, not a participant).
        """
        return {
            i: p.country
            for i, p in self.by_token.items()
            if p.country and (p.span is None or p.span[0] >= after_char)
        }


class EventLocator:
    """Resolves a document's toponyms once and picks each event's place."""

    def __init__(self, gazetteer: Gazetteer, resolver: ToponymResolver | None = None) -> None:
        """Share one gazetteer (its index is built once per machine and cached)."""
        self.gazetteer = gazetteer
        self.resolver = resolver or ToponymResolver(gazetteer)

    def document_places(self, doc: Doc, dateline: str | None, actor_countries: Sequence[str] = ()) -> DocumentPlaces:
        """Find and jointly resolve every toponym of a parsed document."""
        mentions = find_toponyms(doc, self.gazetteer)
        names = [text for _s, _e, text in mentions]
        if dateline:
            names.append(dateline)
        resolved = (
            self.resolver.resolve_document(names, actor_countries=actor_countries, locale=locale_cues(doc.text))
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
        return DocumentPlaces(by_token=by_token, dateline=dateline_place)

    def locate(self, event: Event, trigger: Token, sent: Span, places: DocumentPlaces) -> Place | None:
        """The place where ``event`` happened, or None when nothing supports one."""
        material = event.quad_class in (2, 4)
        best = best_toponym(trigger, sent, places, material=material)
        if best is not None:
            conf = place_conf(best[1]) * min(1.0, 0.4 + best[0] / 5)
            return replace(best[1], confidence=round(conf, 3))
        if material and event.target is not None and event.target.country:
            return self._country_place(event.target.country)
        if not material:
            # A government's statement, summons or protest note comes from its capital: "Azerbaijan's
            # foreign ministry summoned Iran's ambassador" in a story filed from Tbilisi was in Baku.
            source = event.source
            home = source.country if source is not None and source.sector in (None, "GOV") else None
            if home and (places.dateline is None or places.dateline.country != home):
                capital = self.gazetteer.capital(home)
                if capital is not None:
                    return capital.as_place(capital.name, 0.3, precision="city")
        if places.dateline is not None:
            if not material:  # statements are made where the story was filed
                return replace(places.dateline, confidence=round(0.5 * place_conf(places.dateline), 3))
            actors = {a.country for a in (event.source, event.target) if a is not None and a.country}
            if places.dateline.country and places.dateline.country in actors:
                # a deed with no place by or against the dateline's country: only the country is supported
                return self._country_place(places.dateline.country, confidence=0.25)
        return None

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


def best_toponym(
    trigger: Token, sent: Span, places: DocumentPlaces, *, material: bool = True, threshold: float = 1.0
) -> tuple[float, Place] | None:
    """The sentence's toponym best attached to the trigger, with its score (None below ``threshold``)."""
    best: tuple[float, Place] | None = None
    for i in range(sent.start, sent.end):
        place = places.by_token.get(i)
        if place is None:
            continue
        score = _path_score(sent.doc[i], trigger, material=material)
        if score is not None:
            score += _FINER.get(place.precision or "", 0.0)  # "Azerbaijan's Nakhchivan exclave" → the exclave
            if best is None or score > best[0]:
                best = (score, place)
    return best if best is not None and best[0] >= threshold else None


def place_conf(place: Place) -> float:
    """Resolution confidence of a place (1.0 when the resolver gave none)."""
    return place.confidence if place.confidence is not None else 1.0


def _path_score(place_tok: Token, trigger: Token, *, material: bool) -> float | None:
    """Score the dependency path from a toponym up to the trigger (None: not connected).

    The first preposition above the toponym decides its role ("of" is skipped:
    "the terminal *of* Nakhchivan airport" is still the object); without one, an
    object of a deed is where it happened, an object of a statement is its
    addressee, and a subject is an actor. A locative phrase attached higher up,
    to a clause that governs the trigger ("*In Vienna*, thousands gathered and
    marched"), still places it, at a small cost per clause crossed.
    """
    governors: dict[int, int] = {}
    up = trigger
    for level in range(4):
        governors[up.i] = level
        if up.head.i == up.i:
            break
        up = up.head
    score = 0.0
    role_found = False
    cur = place_tok
    for hops in range(_MAX_HOPS):
        if cur.i in governors:
            level = governors[cur.i]
            if level and not (role_found and score > 0):
                return None  # only a locative phrase carries over to an embedded event
            return score - 0.3 * max(0, hops - 2) - 0.7 * level
        if not role_found and cur.dep_ == "prep" and cur.lower_ != "of":
            role_found = True
            if cur.lower_ in LOCATIVE:
                score += 3.0
            elif cur.lower_ in DESTINATION:
                score += 1.5 if material else 0.0
            elif cur.lower_ in ORIGIN:
                score -= 3.0
        if cur.head.i == trigger.i and not role_found:
            if cur.dep_ in ("nsubj", "csubj", "agent", "poss"):
                return -3.0
            if cur.dep_ in ("dobj", "nsubjpass", "attr", "compound", "amod", "nmod"):
                score += 2.0 if material else -1.0
            role_found = True
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return None
