"""Opening the review database: the run database, migrated to the newest schema."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import Engine

from ..store import connect, upgrade


def open_db(url: str) -> Engine:
    """An engine on the run database at ``url`` (as given to ``--db``), migrated."""
    engine = connect(url)
    upgrade(engine)
    return engine


def now() -> datetime:
    return datetime.now(timezone.utc)


def iso(value: datetime | None) -> str | None:
    """A timestamp as ISO 8601 text in UTC (SQLite gives naive datetimes back: they are UTC)."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")
