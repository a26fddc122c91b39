"""The machine's rows a reviewer acts on: a document, a record's or a
quantity's field (its extracted value), a flag. Unknown ones are coded errors."""

from __future__ import annotations

from sqlalchemy import Connection, select

from ..store.models import Document, Flag, Quantity, Record
from .errors import ReviewError

KINDS_ZH = {"record": "记录", "quantity": "数量", "flag": "复核标记"}


def require_document(conn: Connection, doc: str) -> None:
    t = Document.__table__
    if conn.execute(select(t.c.doc_sha256).where(t.c.doc_sha256 == doc)).first() is None:
        raise ReviewError("E606", doc=doc)


def _seq(item_kind: str, item_id, doc: str) -> int:
    try:
        return int(item_id)
    except (TypeError, ValueError):
        raise ReviewError("E607", doc=doc, kind=KINDS_ZH[item_kind], item=item_id) from None


def span_key(row) -> str:
    """A quantity's lasting name: its span."""
    return f"{row['start']}-{row['end']}"


def flag_key(row) -> str:
    """A flag's lasting name: its code (or type) and span, e.g. ``R303@35-60``."""
    return f"{row['code'] or row['type']}@{row['start']}-{row['end']}"


def extracted(conn: Connection, doc: str, item_kind: str, item_id, field: str) -> tuple[str, object]:
    """(the item's lasting id, the analyzer's value of the field); ``item_id`` is a
    record_id or a quantity's seq. E606/E607 when the document or item is unknown."""
    if item_kind == "record":
        t = Record.__table__
        where = (t.c.record_id == str(item_id)) & (t.c.doc_sha256 == doc)
    else:
        t = Quantity.__table__
        where = (t.c.seq == _seq(item_kind, item_id, doc)) & (t.c.doc_sha256 == doc)
    row = conn.execute(select(t.c[field], t.c.start, t.c.end).where(where)).first()
    if row is None:
        require_document(conn, doc)
        raise ReviewError("E607", doc=doc, kind=KINDS_ZH[item_kind], item=item_id)
    return (str(item_id) if item_kind == "record" else span_key(row._mapping)), row[0]


def require_flag(conn: Connection, doc: str, flag_seq) -> tuple[int, str]:
    """(seq, flag_key) of the document's flag ``flag_seq`` (E607 when there is none)."""
    seq = _seq("flag", flag_seq, doc)
    t = Flag.__table__
    row = conn.execute(select(t.c.code, t.c.type, t.c.start, t.c.end)
                       .where((t.c.doc_sha256 == doc) & (t.c.seq == seq))).first()
    if row is None:
        require_document(conn, doc)
        raise ReviewError("E607", doc=doc, kind=KINDS_ZH["flag"], item=flag_seq)
    return seq, flag_key(row._mapping)


def lasting_id(conn: Connection, doc: str, item_kind: str, item_id) -> str:
    """The lasting id of a record (its record_id), quantity (span) or flag (flag_key)."""
    if item_kind == "flag":
        return require_flag(conn, doc, item_id)[1]
    return extracted(conn, doc, item_kind, item_id, "start")[0]
