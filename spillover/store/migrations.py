"""Schema migrations: an ordered list of steps, each applied once.

A tiny in-house runner instead of Alembic: the schema is small, users open
stores from the CLI without a migrations folder, and each step is plain
SQLAlchemy so it runs on SQLite and PostgreSQL alike. Add a step by appending
to ``MIGRATIONS``; never edit a released one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, inspect, select

from spillover.store import schema

Migration = Callable[[Connection], None]


def _v1_initial(conn: Connection) -> None:
    """Create every table of the first release."""
    schema.metadata.create_all(
        conn,
        tables=[
            schema.documents,
            schema.sentences,
            schema.events,
            schema.actors,
            schema.places,
            schema.ingest_log,
        ],
    )


MIGRATIONS: list[tuple[int, Migration]] = [(1, _v1_initial)]
LATEST = MIGRATIONS[-1][0]


def current_version(conn: Connection) -> int:
    """Return the applied schema version, 0 for an empty database."""
    if not inspect(conn).has_table("schema_version"):
        return 0
    version = conn.execute(
        select(schema.schema_version.c.version).order_by(schema.schema_version.c.version.desc()).limit(1)
    ).scalar()
    return int(version or 0)


def migrate(conn: Connection) -> list[int]:
    """Apply all pending migrations inside the caller's transaction; return those applied."""
    schema.schema_version.create(conn, checkfirst=True)
    have = current_version(conn)
    applied = []
    for version, step in MIGRATIONS:
        if version > have:
            step(conn)
            conn.execute(
                schema.schema_version.insert().values(
                    version=version, applied_at=datetime.now(UTC).replace(tzinfo=None)
                )
            )
            applied.append(version)
    return applied
