"""Records that cross pipeline stage boundaries.

Every stage (ingest, nlp, actors, geo, dates, coding, store) talks to the next
through these frozen dataclasses only, so that a stage can be swapped or tested
alone and nothing downstream depends on a nested dict shape.

``to_dict`` gives the stable JSON field names promised to users of
``spillover extract --format jsonl`` and the JSON API; keep them stable.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

#: PLOVER event types, in codebook order.
EVENT_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

#: Factuality of an event as the text reports it.
STATUSES: tuple[str, ...] = (
    "occurred",
    "attempted",
    "threatened",
    "planned",
    "denied",
    "alleged",
    "negated",
)

#: Statuses of a deed that is only reported (denied or alleged), not established: like a statement, it
#: belongs to the dispute's exchange of words, and it happened, if at all, where the deed would have.
REPORTED_STATUSES = frozenset({"denied", "alleged"})

Status = Literal["occurred", "attempted", "threatened", "planned", "denied", "alleged", "negated"]
Precision = Literal["point", "city", "admin", "country", "region"]
DatePrecision = Literal["day", "month", "year", "document"]


def content_id(text: str) -> str:
    """Return the stable id of a document: a hash of its normalised text.

    Whitespace is collapsed first so that the same article fetched twice with
    different line wrapping is still stored once.
    """
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class Document:
    """One news report as ingested: the unit of idempotency (id = content hash)."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None
    language: str = "en"

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        title: str | None = None,
        source: str | None = None,
        url: str | None = None,
        published: date | None = None,
        language: str = "en",
    ) -> Document:
        """Build a document whose id is derived from ``text``."""
        return cls(
            id=content_id(text),
            text=text,
            title=title,
            source=source,
            url=url,
            published=published,
            language=language,
        )


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document with its character offsets in the document text."""

    doc_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Actor:
    """A resolved participant of an event.

    ``code`` is the full actor code (country + sector, e.g. ``IRNMIL``, or an IGO
    code such as ``NATO``); ``country`` is ISO 3166 alpha-3 or None for
    organisations without one; ``text`` is the surface text it was found as.
    """

    text: str
    name: str | None = None
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    span: tuple[int, int] | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the public JSON shape of the actor."""
        return {
            "text": self.text,
            "name": self.name,
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
        }


@dataclass(frozen=True)
class ActorMention:
    """An actor found in a parsed document, handed from the actors stage to coding.

    Token offsets index the spaCy ``Doc`` it was found in; ``kind`` says how it
    was recognised (country, capital, demonym, person, organisation, role, ner).
    """

    tok_start: int
    tok_end: int
    actor: Actor
    kind: str


@dataclass(frozen=True)
class Place:
    """A resolved location with the precision at which it is known."""

    text: str
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: str | None = None
    confidence: float | None = None
    span: tuple[int, int] | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the public JSON shape of the place."""
        return {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
            "precision": self.precision,
        }


@dataclass(frozen=True)
class Evidence:
    """Why an event exists: the sentence, spans and the rule or model that fired."""

    sentence: str
    span: tuple[int, int]
    trigger: str
    coder: str
    sentence_index: int = 0
    trigger_span: tuple[int, int] | None = None

    @property
    def anchor(self) -> int:
        """Where the event is told: the trigger's first character, else the sentence's."""
        return (self.trigger_span or self.span)[0]


@dataclass(frozen=True)
class Event:
    """One coded event with its evidence. Field names are a public contract."""

    id: str
    doc_id: str
    event_type: str
    evidence: Evidence
    mode: str | None = None
    context: tuple[str, ...] = field(default_factory=tuple)
    cameo: str | None = None
    quad_class: int | None = None
    intensity: float | None = None
    source: Actor | None = None
    target: Actor | None = None
    location: Place | None = None
    date: str | None = None
    date_precision: str | None = None
    status: str = "occurred"
    confidence: float = 0.5

    @staticmethod
    def make_id(doc_id: str, span: tuple[int, int], event_type: str, trigger: str) -> str:
        """Deterministic id so re-extraction of the same text yields the same ids."""
        key = f"{doc_id}|{span[0]}|{span[1]}|{event_type}|{trigger}"
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]

    @staticmethod
    def id_for(
        doc_id: str, span: tuple[int, int], event_type: str, trigger: str, source: Actor | None, target: Actor | None
    ) -> str:
        """The id of one coded dyad: one trigger can code several (source, target) pairs, each its own event."""
        pair = f"{trigger}|{source.code if source else ''}|{target.code if target else ''}"
        return Event.make_id(doc_id, span, event_type, pair)

    def to_dict(self) -> dict[str, Any]:
        """Return the flat public JSON record of the event."""
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "event_type": self.event_type,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "intensity": self.intensity,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "location": self.location.to_dict() if self.location else None,
            "date": self.date,
            "date_precision": self.date_precision,
            "status": self.status,
            "confidence": round(self.confidence, 3),
            "sentence": self.evidence.sentence,
            "span": list(self.evidence.span),
            "trigger": self.evidence.trigger,
            "trigger_span": list(self.evidence.trigger_span) if self.evidence.trigger_span else None,
            "coder": self.evidence.coder,
        }


@dataclass(frozen=True)
class IngestFailure:
    """A document that could not be read, with a reason a person can act on."""

    path: str
    reason: str
    kind: str = "error"


@dataclass(frozen=True)
class IngestOutcome:
    """The result of ingesting one input item: stored, duplicate or failed."""

    path: str
    status: Literal["new", "duplicate", "failed"]
    doc_id: str | None = None
    reason: str | None = None
    events: int = 0


def record_to_plain(obj: Any) -> Any:
    """Convert a record (or list of them) into plain JSON-able data.

    Used by writers that do not know the record type; ``Event`` keeps its own
    flat shape via ``to_dict``.
    """
    if isinstance(obj, Event):
        return obj.to_dict()
    if isinstance(obj, list | tuple):
        return [record_to_plain(o) for o in obj]
    if hasattr(obj, "__dataclass_fields__"):
        return {k: record_to_plain(v) for k, v in asdict(obj).items()}
    if isinstance(obj, date):
        return obj.isoformat()
    return obj
