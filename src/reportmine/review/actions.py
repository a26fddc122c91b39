"""A reviewer's actions. Each is one transaction that changes the review
tables and appends to the audit log; each editable item carries a version:
pass the one you read (0 when there was no decision yet), and a stale one
raises ConflictError (with the current state and what you submitted) and
changes nothing.

>>> actions.correct_value(engine, "ann", doc, "record", rid, "actual", "9270",
...                       reason="原文为9270人", version=0)        # doctest: +SKIP
"""

from __future__ import annotations

from sqlalchemy import Engine, insert

from ..store.review_models import DECISIONS, STATUSES, Correction, FlagDecision, Note, Review
from . import audit, items
from .database import iso, now
from .errors import ReviewError
from .fields import check_field, parse_value
from .locking import compare_and_set, run

SET_STATUSES = tuple(s for s in STATUSES if s != "new")


def _reason(reason: str | None, what: str, required: bool = True) -> str | None:
    reason = (reason or "").strip() or None
    if required and reason is None:
        raise ReviewError("E610", what=what)
    return reason


def _public(state: dict | None, *names: str) -> dict | None:
    return None if state is None else {n: state.get(n) for n in (*names, "by", "at", "version")}


def confirm_value(engine: Engine, actor: str, doc: str, item_kind: str, item_id: str, field: str,
                  version: int, reason: str | None = None) -> dict:
    """The extracted value is right (a decision, kept and audited like a correction)."""
    return _decide_value(engine, actor, doc, item_kind, item_id, field, version, "confirm", None,
                         _reason(reason, "确认", required=False))


def correct_value(engine: Engine, actor: str, doc: str, item_kind: str, item_id: str, field: str,
                  value, reason: str, version: int) -> dict:
    """Replace the value of a record's or quantity's field (``value``: a form's text
    such as ``9270`` or ``115%``, or a number; empty clears it); a reason is required."""
    typed = parse_value(item_kind, field, value)
    return _decide_value(engine, actor, doc, item_kind, item_id, field, version, "correct", typed,
                         _reason(reason, "更正"), submitted_value=value)


def _decide_value(engine, actor, doc, item_kind, item_id, field, version, kind, typed, reason,
                  submitted_value=None) -> dict:
    check_field(item_kind, field)
    with engine.connect() as conn:
        lasting_id, original = items.extracted(conn, doc, item_kind, item_id, field)
    table = Correction.__table__
    key = {"doc_sha256": doc, "item_kind": item_kind, "item_id": lasting_id, "field": field}
    object_ = f"{item_kind}:{lasting_id}/{field}"
    submitted = {"kind": kind, "value": submitted_value, "reason": reason}

    def work(conn):
        value = original if kind == "confirm" else typed
        values = {"kind": kind, "original": original, "value": value, "reason": reason,
                  "reviewed_by": actor, "reviewed_at": now()}
        before, new_version = compare_and_set(conn, table, key, version, values, object_, submitted)
        before_public = (_public(before, "kind", "value", "reason") if before
                         else {"kind": "extracted", "value": original, "version": 0})
        after = {"kind": kind, "value": value, "original": original, "reason": reason,
                 "by": actor, "at": iso(values["reviewed_at"]), "version": new_version}
        audit.append(conn, actor, kind, object_, doc=doc, before=before_public, after=after)
        return after

    return run(engine, table, key, version, object_, submitted, work)


def decide_flag(engine: Engine, actor: str, doc: str, flag_seq: int, decision: str, reason: str,
                version: int) -> dict:
    """Dismiss a flag (a false alarm) or confirm it (the report must be fixed); a reason is required."""
    if decision not in DECISIONS:
        raise ReviewError("E612", what="处理结果", value=decision, expected=" 或 ".join(DECISIONS))
    reason = _reason(reason, "驳回标记" if decision == "dismissed" else "确认标记")
    with engine.connect() as conn:
        seq, flag_key = items.require_flag(conn, doc, flag_seq)
    table = FlagDecision.__table__
    key = {"doc_sha256": doc, "flag_key": flag_key}
    object_ = f"flag:{flag_key}"
    submitted = {"decision": decision, "reason": reason}

    def work(conn):
        values = {"flag_seq": seq, "decision": decision, "reason": reason, "decided_by": actor, "decided_at": now()}
        before, new_version = compare_and_set(conn, table, key, version, values, object_, submitted)
        after = {"decision": decision, "reason": reason, "by": actor,
                 "at": iso(values["decided_at"]), "version": new_version}
        audit.append(conn, actor, "flag_" + decision, object_, doc=doc,
                     before=_public(before, "decision", "reason") or {"decision": "open", "version": 0},
                     after=after)
        return after

    return run(engine, table, key, version, object_, submitted, work)


def set_status(engine: Engine, actor: str, doc: str, status: str, version: int,
               message: str | None = None) -> dict:
    """Mark the document in_review, approved, or returned (with a message to the sender)."""
    if status not in SET_STATUSES:
        raise ReviewError("E612", what="审核状态", value=status, expected="、".join(SET_STATUSES))
    message = _reason(message, "退回报送单位", required=status == "returned")
    table = Review.__table__
    key = {"doc_sha256": doc}
    submitted = {"status": status, "message": message}

    def work(conn):
        items.require_document(conn, doc)
        values = {"status": status, "message": message, "updated_by": actor, "updated_at": now()}
        before, new_version = compare_and_set(conn, table, key, version, values, "document", submitted)
        after = {"status": status, "message": message, "by": actor,
                 "at": iso(values["updated_at"]), "version": new_version}
        audit.append(conn, actor, "status_" + status, "document", doc=doc,
                     before=_public(before, "status", "message") or {"status": "new", "version": 0},
                     after=after)
        return after

    return run(engine, table, key, version, "document", submitted, work)


def add_note(engine: Engine, actor: str, doc: str, text: str, item_kind: str | None = None,
             item_id: str | None = None) -> dict:
    """A note on the document, or on one of its records, quantities or flags (notes are never edited)."""
    text = (text or "").strip()
    if not text:
        raise ReviewError("E609", value="", reason="备注不能为空")
    if item_kind not in (None, "record", "quantity", "flag"):
        raise ReviewError("E612", what="对象类型", value=item_kind, expected="record、quantity 或 flag")
    with engine.begin() as conn:
        items.require_document(conn, doc)
        lasting = items.lasting_id(conn, doc, item_kind, item_id) if item_kind else None
        row = {"doc_sha256": doc, "item_kind": item_kind, "item_id": lasting, "text": text, "author": actor,
               "created_at": now()}
        object_ = f"{item_kind}:{lasting}" if item_kind else "document"
        note_id = conn.execute(insert(Note.__table__).values(**row)).inserted_primary_key[0]
        after = {**row, "note_id": note_id, "created_at": iso(row["created_at"])}
        audit.append(conn, actor, "note", object_, doc=doc, after=after)
    return after
