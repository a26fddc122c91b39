"""The append-only audit log: every change (who, when, action, object, before,
after as JSON), written in the same transaction as the change itself.

The database refuses UPDATE and DELETE on ``audit_log`` (triggers in
migration 0003), so an entry once written stays as it was.
"""

from __future__ import annotations

import csv
import io
import json

from sqlalchemy import Connection, Engine, insert, select

from ..store.review_models import AuditEntry
from .database import iso, now

T = AuditEntry.__table__
CSV_COLUMNS = ("audit_id", "at", "actor", "action", "doc_sha256", "object", "before", "after")


def append(conn: Connection, actor: str, action: str, object_: str, *, doc: str | None = None,
           before: dict | None = None, after: dict | None = None) -> None:
    """Append one entry on ``conn`` (inside the caller's transaction)."""
    conn.execute(insert(T).values(at=now(), actor=actor, action=action, doc_sha256=doc,
                                  object=object_, before=_plain(before), after=_plain(after)))


def _plain(state: dict | None) -> dict | None:
    """JSON-safe: timestamps as ISO text."""
    if state is None:
        return None
    return {k: (iso(v) if hasattr(v, "isoformat") else v) for k, v in state.items()}


def entries(engine: Engine, doc_sha256: str | None = None, limit: int | None = None) -> list[dict]:
    """Entries in the order written (oldest first); one document's, or all."""
    query = select(T).order_by(T.c.audit_id)
    if doc_sha256 is not None:
        query = query.where(T.c.doc_sha256 == doc_sha256)
    if limit:
        query = query.limit(limit)
    with engine.connect() as conn:
        return [{**r._mapping, "at": iso(r.at)} for r in conn.execute(query)]


def to_csv(rows: list[dict]) -> str:
    """Entries as CSV text (UTF-8 with BOM when written, for Excel): before and after as JSON."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in CSV_COLUMNS])
    return out.getvalue()


def _cell(value) -> str:
    from ..exporters.cells import text_cell

    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text_cell(value) if isinstance(value, str) else str(value)
