"""Optimistic locking: a row changes only if its ``version`` is still the one
the caller saw (0: the caller saw no row). The check and the write are one
statement (UPDATE … WHERE version = seen), or an INSERT that the primary key
or a unique constraint refuses when someone else inserted first; either way a
stale caller gets a ConflictError with the row as it is now."""

from __future__ import annotations

from sqlalchemy import Connection, Engine, Table, and_, insert, select, update
from sqlalchemy.exc import IntegrityError

from .database import iso
from .errors import ConflictError

_BY = ("reviewed_by", "decided_by", "updated_by")
_AT = ("reviewed_at", "decided_at", "updated_at")


def state(row) -> dict | None:
    """A row as a plain dict with ``by`` and ``at`` (who changed it last, when)."""
    if row is None:
        return None
    data = dict(row._mapping)
    for name in _AT:
        if name in data:
            data[name] = iso(data[name])
            data["at"] = data[name]
    data["by"] = next((data[n] for n in _BY if n in data), None)
    return data


def _where(table: Table, key: dict):
    return and_(*(table.c[k] == v for k, v in key.items()))


def current(conn: Connection, table: Table, key: dict) -> dict | None:
    return state(conn.execute(select(table).where(_where(table, key))).first())


def compare_and_set(conn: Connection, table: Table, key: dict, seen: int, values: dict,
                    object_: str, submitted: dict) -> tuple[dict | None, int]:
    """Write ``values`` into the row at ``key`` if its version is ``seen``;
    returns (the row before, the new version). Raises ConflictError if stale."""
    before = current(conn, table, key)
    version = before["version"] if before else 0
    if version != seen:
        raise ConflictError(object_, before or {"version": 0}, seen, submitted)
    if before is None:
        conn.execute(insert(table).values(**key, **values, version=1))
        return None, 1
    done = conn.execute(update(table).where(_where(table, key), table.c.version == seen)
                        .values(**values, version=seen + 1)).rowcount
    if done != 1:
        raise ConflictError(object_, current(conn, table, key) or {"version": 0}, seen, submitted)
    return before, seen + 1


def run(engine: Engine, table: Table, key: dict, seen: int, object_: str, submitted: dict, work):
    """``work(conn)`` in one transaction; two first inserts racing: the loser,
    refused by the key, gets a ConflictError with the winner's row."""
    try:
        with engine.begin() as conn:
            return work(conn)
    except IntegrityError:
        with engine.connect() as conn:
            now = current(conn, table, key)
        if now is None:
            raise
        raise ConflictError(object_, now, seen, submitted) from None
