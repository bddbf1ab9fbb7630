"""The event store: documents, sentences and events behind one SQLAlchemy engine.

Each document is written with its sentences and events in a single
transaction, so an interrupted run leaves either the whole document or nothing;
rerunning the ingest then skips what is stored (ids are content hashes) and
carries on. That is what makes ingest idempotent and resumable.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, and_, create_engine, event, func, or_, select
from sqlalchemy.exc import SQLAlchemyError

from spillover.errors import StoreError
from spillover.records import Actor, Document, Event, Evidence, Place, Sentence
from spillover.store import schema
from spillover.store.migrations import migrate


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class EventFilter:
    """Filters for listing stored events; None means "any"."""

    event_type: Sequence[str] | None = None
    country: str | None = None
    source: str | None = None
    target: str | None = None
    status: Sequence[str] | None = None
    since: str | None = None
    until: str | None = None
    doc_id: str | None = None
    min_confidence: float | None = None
    limit: int | None = None


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


class Store:
    """A spillover database at a SQLAlchemy URL (SQLite file by default)."""

    def __init__(self, engine: Engine) -> None:
        """Wrap an engine; use :meth:`open` to also create and migrate the schema."""
        self.engine = engine

    @classmethod
    def open(cls, url: str) -> Store:
        """Open (creating if needed) and migrate the store at ``url``.

        Raises:
            StoreError: the URL is invalid or the database cannot be reached.

        """
        try:
            if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
                Path(url.removeprefix("sqlite:///")).expanduser().parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(url, future=True)
            if engine.dialect.name == "sqlite":
                event.listen(engine, "connect", _sqlite_pragmas)
            with engine.begin() as conn:
                migrate(conn)
        except (SQLAlchemyError, OSError, ValueError) as exc:
            raise StoreError(f"cannot open store {url!r}: {exc}") from exc
        return cls(engine)

    def close(self) -> None:
        """Release pooled connections."""
        self.engine.dispose()

    # -- documents -------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        """Whether a document with this content id is already stored."""
        with self.engine.connect() as conn:
            found = conn.execute(select(schema.documents.c.id).where(schema.documents.c.id == doc_id))
            return found.first() is not None

    def add_document(self, doc: Document, sentences: Sequence[Sentence], events: Sequence[Event]) -> bool:
        """Store a document with its sentences and events atomically.

        Returns:
            False when the document was already stored (nothing is written).

        """
        try:
            with self.engine.begin() as conn:
                exists = conn.execute(select(schema.documents.c.id).where(schema.documents.c.id == doc.id)).first()
                if exists:
                    return False
                conn.execute(
                    schema.documents.insert().values(
                        id=doc.id,
                        source=doc.source,
                        url=doc.url,
                        title=doc.title,
                        published=doc.published,
                        language=doc.language,
                        text=doc.text,
                        ingested_at=_now(),
                        n_events=len(events),
                    )
                )
                if sentences:
                    conn.execute(
                        schema.sentences.insert(),
                        [
                            {"doc_id": s.doc_id, "idx": s.index, "start": s.start, "end": s.end, "text": s.text}
                            for s in sentences
                        ],
                    )
                if events:
                    conn.execute(schema.events.insert(), [_event_row(e) for e in events])
                    self._register(conn, events)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot store document {doc.id}: {exc}") from exc
        return True

    def _register(self, conn: Any, events: Sequence[Event]) -> None:
        """Count actors and places in their registries (portable select-then-write upsert)."""
        counts: dict[tuple[str, str], tuple[dict[str, Any], int]] = {}
        for ev in events:
            for actor in (ev.source, ev.target):
                if actor is not None and actor.code:
                    key = f"{actor.code}|{actor.name or ''}"[:160]
                    row: dict[str, Any] = {
                        "code": actor.code,
                        "name": actor.name,
                        "country": actor.country,
                        "sector": actor.sector,
                    }
                    counts[("actors", key)] = (row, counts.get(("actors", key), (row, 0))[1] + 1)
            place = ev.location
            if place is not None and place.name:
                key = f"{place.geonameid or ''}|{place.name}|{place.country or ''}"[:160]
                row = {
                    "name": place.name,
                    "country": place.country,
                    "lat": place.lat,
                    "lon": place.lon,
                    "geonameid": place.geonameid,
                    "precision": place.precision,
                }
                counts[("places", key)] = (row, counts.get(("places", key), (row, 0))[1] + 1)
        for (table_name, key), (row, n) in counts.items():
            table = schema.actors if table_name == "actors" else schema.places
            current = conn.execute(select(table.c.mentions).where(table.c.key == key)).scalar()
            if current is None:
                conn.execute(table.insert().values(key=key, mentions=n, **row))
            else:
                conn.execute(table.update().where(table.c.key == key).values(mentions=current + n))

    def documents(self) -> Iterator[Document]:
        """All stored documents, oldest publication first."""
        cols = schema.documents.c
        with self.engine.connect() as conn:
            for row in conn.execute(select(schema.documents).order_by(cols.published, cols.id)):
                yield Document(
                    id=row.id,
                    text=row.text,
                    title=row.title,
                    source=row.source,
                    url=row.url,
                    published=row.published,
                    language=row.language,
                )

    def counts(self) -> dict[str, int]:
        """Row counts per main table, for summaries."""
        out = {}
        with self.engine.connect() as conn:
            for table in (schema.documents, schema.sentences, schema.events, schema.actors, schema.places):
                out[table.name] = int(conn.execute(select(func.count()).select_from(table)).scalar() or 0)
        return out

    # -- events ----------------------------------------------------------
    def events(self, flt: EventFilter | None = None) -> Iterator[Event]:
        """Stored events matching ``flt``, in date then document order."""
        flt = flt or EventFilter()
        c = schema.events.c
        conds: list[Any] = []
        if flt.event_type:
            conds.append(c.event_type.in_([t.upper() for t in flt.event_type]))
        if flt.country:
            conds.append(or_(c.source_country == flt.country.upper(), c.target_country == flt.country.upper()))
        if flt.source:
            conds.append(or_(c.source_code.like(flt.source.upper() + "%"), c.source_country == flt.source.upper()))
        if flt.target:
            conds.append(or_(c.target_code.like(flt.target.upper() + "%"), c.target_country == flt.target.upper()))
        if flt.status:
            conds.append(c.status.in_(list(flt.status)))
        if flt.since:
            conds.append(c.date >= flt.since)
        if flt.until:
            conds.append(c.date <= flt.until)
        if flt.doc_id:
            conds.append(c.doc_id == flt.doc_id)
        if flt.min_confidence is not None:
            conds.append(c.confidence >= flt.min_confidence)
        query = select(schema.events).where(and_(True, *conds)).order_by(c.date, c.doc_id, c.span_start)
        if flt.limit:
            query = query.limit(flt.limit)
        with self.engine.connect() as conn:
            for row in conn.execute(query):
                yield _row_event(row._mapping)

    # -- ingest log ------------------------------------------------------
    def log(self, run_id: str, path: str, status: str, doc_id: str | None = None, reason: str | None = None) -> None:
        """Record what happened to one input item, so failures stay inspectable after the run."""
        with self.engine.begin() as conn:
            conn.execute(
                schema.ingest_log.insert().values(
                    run_id=run_id, path=path, doc_id=doc_id, status=status, reason=reason, at=_now()
                )
            )

    def failures(self, run_id: str | None = None) -> list[tuple[str, str]]:
        """(path, reason) of failed items, of one run or of all runs."""
        c = schema.ingest_log.c
        query = select(c.path, c.reason).where(c.status == "failed")
        if run_id:
            query = query.where(c.run_id == run_id)
        with self.engine.connect() as conn:
            return [(r.path, r.reason or "") for r in conn.execute(query.order_by(c.id))]


def _actor_cols(role: str, actor: Actor | None) -> dict[str, Any]:
    return {
        f"{role}_text": actor.text if actor else None,
        f"{role}_name": actor.name if actor else None,
        f"{role}_code": actor.code if actor else None,
        f"{role}_country": actor.country if actor else None,
        f"{role}_sector": actor.sector if actor else None,
    }


def _event_row(ev: Event) -> dict[str, Any]:
    loc = ev.location
    return {
        "id": ev.id,
        "doc_id": ev.doc_id,
        "event_type": ev.event_type,
        "mode": ev.mode,
        "context": json.dumps(list(ev.context)),
        "cameo": ev.cameo,
        "quad_class": ev.quad_class,
        "intensity": ev.intensity,
        **_actor_cols("source", ev.source),
        **_actor_cols("target", ev.target),
        "location_text": loc.text if loc else None,
        "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "geonameid": loc.geonameid if loc else None,
        "location_precision": loc.precision if loc else None,
        "date": ev.date,
        "date_precision": ev.date_precision,
        "status": ev.status,
        "confidence": ev.confidence,
        "sentence_index": ev.evidence.sentence_index,
        "sentence": ev.evidence.sentence,
        "span_start": ev.evidence.span[0],
        "span_end": ev.evidence.span[1],
        "trigger": ev.evidence.trigger,
        "trigger_start": ev.evidence.trigger_span[0] if ev.evidence.trigger_span else None,
        "trigger_end": ev.evidence.trigger_span[1] if ev.evidence.trigger_span else None,
        "coder": ev.evidence.coder,
    }


def _row_actor(row: Any, role: str) -> Actor | None:
    if row[f"{role}_text"] is None:
        return None
    return Actor(
        text=row[f"{role}_text"],
        name=row[f"{role}_name"],
        code=row[f"{role}_code"],
        country=row[f"{role}_country"],
        sector=row[f"{role}_sector"],
    )


def _row_event(row: Any) -> Event:
    location = None
    if row["location_text"] is not None:
        location = Place(
            text=row["location_text"],
            name=row["location_name"],
            country=row["location_country"],
            lat=row["lat"],
            lon=row["lon"],
            geonameid=row["geonameid"],
            precision=row["location_precision"],
        )
    return Event(
        id=row["id"],
        doc_id=row["doc_id"],
        event_type=row["event_type"],
        evidence=Evidence(
            sentence=row["sentence"],
            span=(row["span_start"], row["span_end"]),
            trigger=row["trigger"],
            coder=row["coder"],
            sentence_index=row["sentence_index"],
            trigger_span=(row["trigger_start"], row["trigger_end"]) if row["trigger_start"] is not None else None,
        ),
        mode=row["mode"],
        context=tuple(json.loads(row["context"] or "[]")),
        cameo=row["cameo"],
        quad_class=row["quad_class"],
        intensity=row["intensity"],
        source=_row_actor(row, "source"),
        target=_row_actor(row, "target"),
        location=location,
        date=row["date"],
        date_precision=row["date_precision"],
        status=row["status"],
        confidence=row["confidence"],
    )
