"""Reviewed records: the extracted records with reviewers' corrections
applied, each with its provenance (review columns of reportmine-record/2),
and the flags with their decisions. What `reportmine export --db`, `score
--db` and the read-only API give.

A corrected column takes the reviewer's value; ``original_values`` keeps the
extracted one. A dismissed flag's code leaves ``flag_codes`` (and a record
with none left is ``ok``). A quantity's corrected ``role`` or ``norm_value``
reaches the record that holds it (the record whose span contains the
quantity and whose column for the old role has its value): the value moves
to the new role's column, or takes the new value; a correction of the
record's own column wins over it. Other quantity corrections are kept and
shown only.
"""

from __future__ import annotations

import json
import math

from sqlalchemy import Engine, select

from ..catalog.model import default_catalog
from ..records import FLAG_NAMES, NAMES, REVIEW_NAMES, VALUE_ROLES
from ..store.models import Document, Flag, Quantity, RecordFlag
from ..store.review_models import Correction, FlagDecision, Review
from ..store.rows import record_from_row
from ..store.models import Record
from .database import iso
from .items import flag_key, span_key

DECISION_NAMES = ("decision", "decision_reason", "decided_by", "decided_at")
RECORD_NAMES = NAMES + REVIEW_NAMES
REVIEWED_FLAG_NAMES = FLAG_NAMES + DECISION_NAMES


def _where_doc(table, docs):
    return table.c.doc_sha256.in_(docs) if docs is not None else True


def load(engine: Engine, docs: list[str] | None = None) -> dict:
    """The rows reviewed records are made from (all documents, or ``docs``)."""
    r, c, rv = Record.__table__, Correction.__table__, Review.__table__
    f, fd, rf = Flag.__table__, FlagDecision.__table__, RecordFlag.__table__
    with engine.connect() as conn:
        records = [record_from_row(x._mapping) for x in
                   conn.execute(select(r).where(_where_doc(r, docs)).order_by(r.c.doc_sha256, r.c.seq))]
        corrections = [dict(x._mapping) for x in conn.execute(
            select(c).where(_where_doc(c, docs)).order_by(c.c.correction_id))]
        quantities = _corrected_quantities(conn, corrections)
        reviews = {x.doc_sha256: dict(x._mapping) for x in conn.execute(select(rv).where(_where_doc(rv, docs)))}
        flags = [dict(x._mapping) for x in
                 conn.execute(select(f).where(_where_doc(f, docs)).order_by(f.c.doc_sha256, f.c.seq))]
        decisions = _decisions_by_seq(flags, conn.execute(select(fd).where(_where_doc(fd, docs))))
        links = [tuple(x) for x in conn.execute(select(rf.c.doc_sha256, rf.c.flag_seq, rf.c.record_id)
                                                .where(_where_doc(rf, docs)))]
        d = Document.__table__
        names = dict(conn.execute(select(d.c.doc_sha256, d.c.doc).where(_where_doc(d, docs))).all())
    return {"records": records, "corrections": [x for x in corrections if x["item_kind"] == "record"],
            "quantity_corrections": [x for x in corrections if x["item_kind"] == "quantity"],
            "quantities": quantities, "reviews": reviews, "decisions": decisions,
            "flags": flags, "links": links, "names": names}


def _decisions_by_seq(flags: list[dict], rows) -> dict[tuple, dict]:
    """(doc_sha256, seq of the flag now) -> its decision, matched by flag_key; a
    decision whose flag a newer analysis no longer raises applies to nothing."""
    seq_of = {(f["doc_sha256"], flag_key(f)): f["seq"] for f in flags}
    out = {}
    for row in rows:
        seq = seq_of.get((row.doc_sha256, row.flag_key))
        if seq is not None:
            out[(row.doc_sha256, seq)] = dict(row._mapping)
    return out


def _corrected_quantities(conn, corrections: list[dict]) -> dict[tuple, dict]:
    """(doc_sha256, span key) -> quantity row, for the quantities a reviewer corrected."""
    q = Quantity.__table__
    wanted = {(x["doc_sha256"], x["item_id"]) for x in corrections if x["item_kind"] == "quantity"}
    out = {}
    for doc in {d for d, _ in wanted}:
        for row in conn.execute(select(q.c.doc_sha256, q.c.seq, q.c.start, q.c.end, q.c.norm_value, q.c.role)
                                .where(q.c.doc_sha256 == doc)):
            key = (row.doc_sha256, span_key(row._mapping))
            if key in wanted:
                out[key] = dict(row._mapping)
    return out


def reviewed_records(engine: Engine, docs: list[str] | None = None, data: dict | None = None) -> list[dict]:
    """Every record with corrections applied and the review columns filled."""
    data = data or load(engine, docs)
    by_record: dict[str, dict[str, dict]] = {}
    for row in data["corrections"]:
        by_record.setdefault(row["item_id"], {})[row["field"]] = row
    for record_id, fields in _quantity_moves(data).items():
        mine = by_record.setdefault(record_id, {})
        for field, row in fields.items():
            if mine.get(field, {}).get("kind") != "correct":     # the record's own correction wins
                mine[field] = row
    dismissed = _dismissed_codes(data)
    return [apply(rec, by_record.get(rec["record_id"], {}), data["reviews"].get(rec["doc_sha256"]),
                  dismissed.get(rec["record_id"], set())) for rec in data["records"]]


def _quantity_moves(data: dict) -> dict[str, dict[str, dict]]:
    """record_id -> field -> a correction row derived from a quantity's corrected role or norm_value."""
    fields: dict[tuple, dict[str, dict]] = {}
    for row in data["quantity_corrections"]:
        if row["kind"] == "correct" and row["field"] in ("role", "norm_value"):
            fields.setdefault((row["doc_sha256"], row["item_id"]), {})[row["field"]] = row
    moves: dict[str, dict[str, dict]] = {}
    for key, corrected in fields.items():
        q = data["quantities"].get(key)
        record = q and _holder(data["records"], q)
        if record is None:
            continue
        latest = max(corrected.values(), key=lambda row: row["correction_id"])
        role = corrected["role"]["value"] if "role" in corrected else q["role"]
        value = corrected["norm_value"]["value"] if "norm_value" in corrected else q["norm_value"]
        if role == q["role"] and value == q["norm_value"]:
            continue
        out = moves.setdefault(record["record_id"], {})
        if role != q["role"]:
            out[q["role"]] = {**latest, "value": None, "original": record[q["role"]]}
        if role in VALUE_ROLES:
            out[role] = {**latest, "value": value, "original": record[role]}
    return moves


def _holder(records: list[dict], q: dict) -> dict | None:
    """The record whose span holds the quantity and whose column for its role has its value."""
    if q["role"] not in VALUE_ROLES or q["norm_value"] is None:
        return None
    for record in records:
        if (record["doc_sha256"] == q["doc_sha256"] and record["start"] <= q["start"] and q["end"] <= record["end"]
                and record[q["role"]] is not None and math.isclose(record[q["role"]], q["norm_value"])):
            return record
    return None


def _dismissed_codes(data: dict) -> dict[str, set[str]]:
    """record_id -> codes whose every flag on the record was dismissed."""
    code = {(f["doc_sha256"], f["seq"]): f["code"] for f in data["flags"]}
    gone: dict[str, set] = {}
    kept: dict[str, set] = {}
    for doc, seq, record_id in data["links"]:
        decision = data["decisions"].get((doc, seq))
        target = gone if decision and decision["decision"] == "dismissed" else kept
        target.setdefault(record_id, set()).add(code.get((doc, seq)))
    return {rid: codes - kept.get(rid, set()) for rid, codes in gone.items()}


def apply(record: dict, corrections: dict[str, dict], review: dict | None, dismissed: set[str]) -> dict:
    """One record with its corrections (field -> corrections row) and review columns."""
    out = dict(record)
    originals = {}
    for field, row in corrections.items():
        if row["kind"] == "correct":
            out[field] = float(row["value"]) if field in VALUE_ROLES and row["value"] is not None else row["value"]
            originals[field] = row["original"]
    if "indicator_id" in originals:
        entry = default_catalog().by_id.get(out["indicator_id"] or "")
        out["indicator_name"] = entry.name if entry else None
        out["direction"] = entry.direction if entry else None
    if originals.keys() & {"actual", "target"} and _comparable(record):
        out["computed_completion_rate"] = _rate(out["actual"], out["target"])
    out["flag_codes"] = [c for c in record["flag_codes"] if c not in dismissed]
    out["status"] = "flagged" if out["flag_codes"] else "ok"
    latest = max(corrections.values(), key=lambda row: (iso(row["reviewed_at"]), row["correction_id"]),
                 default=None)
    by, at = ((latest["reviewed_by"], latest["reviewed_at"]) if latest
              else (review["updated_by"], review["updated_at"]) if review and review["status"] == "approved"
              else (None, None))
    out.update(review_status=status_of(review, bool(corrections)), reviewed_by=by, reviewed_at=iso(at),
               corrected_fields=sorted(originals),
               original_values=json.dumps(originals, ensure_ascii=False, sort_keys=True) if originals else None)
    return {name: out[name] for name in RECORD_NAMES}


def _comparable(record: dict) -> bool:
    """The analyzer computed actual / target (same unit), or could not for want of one of them."""
    return record["computed_completion_rate"] is not None or record["actual"] is None or not record["target"]


def _rate(actual, target):
    if actual is None or not target:
        return None
    return round(actual / target, 6)


def status_of(review: dict | None, touched: bool) -> str:
    """A document's review status: as set, else in_review once anyone decided anything, else new."""
    if review:
        return review["status"]
    return "in_review" if touched else "new"


def reviewed_flags(engine: Engine, docs: list[str] | None = None, data: dict | None = None) -> list[dict]:
    """Flag rows (flags.csv's columns) with the reviewer's decision on each."""
    data = data or load(engine, docs)
    records_of: dict[tuple, list[str]] = {}
    for doc, seq, record_id in data["links"]:
        records_of.setdefault((doc, seq), []).append(record_id)
    rows = []
    for f in data["flags"]:
        key = (f["doc_sha256"], f["seq"])
        d = data["decisions"].get(key) or {}
        row = {**f, "doc": data["names"].get(f["doc_sha256"]), "record_ids": sorted(records_of.get(key, [])),
               "flag_seq": f["seq"], "decision": d.get("decision"), "decision_reason": d.get("reason"),
               "decided_by": d.get("decided_by"), "decided_at": iso(d.get("decided_at"))}
        rows.append(row)
    return rows
