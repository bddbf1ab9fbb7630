"""Database schema (SQLAlchemy Core), portable across SQLite and PostgreSQL.

Events are stored flat, one column per public field, so exports and ad-hoc SQL
need no joins; ``actors`` and ``places`` are registries of every distinct
resolved actor and place, for lookups and the later analysis stages. Only
portable types are used (no SQLite-only SQL) so that the same schema serves a
team's PostgreSQL server.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", DateTime, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("source", Text),
    Column("url", Text),
    Column("title", Text),
    Column("published", Date),
    Column("language", String(16), nullable=False, default="en"),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime, nullable=False),
    Column("n_events", Integer, nullable=False, default=0),
)

sentences = Table(
    "sentences",
    metadata,
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)


def _actor_columns(role: str) -> list[Column[object]]:
    return [
        Column(f"{role}_text", Text),
        Column(f"{role}_name", Text),
        Column(f"{role}_code", String(32)),
        Column(f"{role}_country", String(3)),
        Column(f"{role}_sector", String(16)),
    ]


events = Table(
    "events",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("event_type", String(16), nullable=False),
    Column("mode", String(32)),
    Column("context", Text),
    Column("cameo", String(8)),
    Column("quad_class", Integer),
    Column("intensity", Float),
    *_actor_columns("source"),
    *_actor_columns("target"),
    Column("location_text", Text),
    Column("location_name", Text),
    Column("location_country", String(3)),
    Column("lat", Float),
    Column("lon", Float),
    Column("geonameid", Integer),
    Column("location_precision", String(16)),
    Column("date", String(10)),
    Column("date_precision", String(16)),
    Column("status", String(16), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("sentence_index", Integer, nullable=False),
    Column("sentence", Text, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("trigger", Text, nullable=False),
    Column("trigger_start", Integer),
    Column("trigger_end", Integer),
    Column("coder", String(64), nullable=False),
    Index("ix_events_doc", "doc_id"),
    Index("ix_events_date", "date"),
    Index("ix_events_type", "event_type"),
    Index("ix_events_source_country", "source_country"),
    Index("ix_events_target_country", "target_country"),
)

actors = Table(
    "actors",
    metadata,
    Column("key", String(160), primary_key=True),
    Column("code", String(32)),
    Column("name", Text),
    Column("country", String(3)),
    Column("sector", String(16)),
    Column("mentions", Integer, nullable=False, default=0),
)

places = Table(
    "places",
    metadata,
    Column("key", String(160), primary_key=True),
    Column("name", Text),
    Column("country", String(3)),
    Column("lat", Float),
    Column("lon", Float),
    Column("geonameid", Integer),
    Column("precision", String(16)),
    Column("mentions", Integer, nullable=False, default=0),
)

ingest_log = Table(
    "ingest_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", String(36), nullable=False),
    Column("path", Text, nullable=False),
    Column("doc_id", String(64)),
    Column("status", String(16), nullable=False),
    Column("reason", Text),
    Column("at", DateTime, nullable=False),
    Index("ix_ingest_log_run", "run_id"),
)
