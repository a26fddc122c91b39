"""Document -> table rows, and records back from rows.

Lists become comma-separated text (``flag_codes``: ``R301,R303``; an empty
list is the empty string), so that plain SQL reads them (``LIKE '%R301%'``);
``record_from_row`` turns them back. A number that is not finite is stored
empty, as in the JSON exports.
"""

from __future__ import annotations

import json
import math
from datetime import datetime

from sqlalchemy import Double

from ..document import Document
from .models import Record

SEP = ","
RECORD_COLUMNS: tuple[str, ...] = tuple(c.name for c in Record.__table__.columns if c.name != "seq")
RECORD_NUMBERS = tuple(c.name for c in Record.__table__.columns if isinstance(c.type, Double))
LIST_COLUMNS = ("flag_codes",)
QUANTITY_NUMBERS = ("value", "norm_value", "low", "high")
QUANTITY_FIELDS = ("start", "end", "text", "value", "unit", "norm_value", "norm_unit", "approx", "role",
                   "indicator", "indicator_id", "period", "direction", "low", "high", "setter", "subject",
                   "article", "page")
FLAG_FIELDS = ("start", "end", "text", "type", "subtype", "code", "severity", "message", "note",
               "arithmetic", "evidence", "article", "page")


def _finite(value):
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def document_row(doc: Document, n_records: int, run_id: str | None, now: datetime) -> dict:
    return {"doc_sha256": doc.id, "doc": doc.name, "path": doc.path, "format": doc.format,
            "encoding": doc.encoding, "pages": doc.pages, "length": len(doc.text),
            "quantity_count": len(doc.quantities), "record_count": n_records,
            "flag_count": len(doc.flags), "warning_codes": SEP.join(w.code for w in doc.warnings),
            "run_id": run_id, "analyzed_at": now}


def quantity_rows(doc: Document) -> list[dict]:
    rows = []
    for seq, q in enumerate(doc.quantities):
        row = {f: getattr(q, f) for f in QUANTITY_FIELDS}
        for name in QUANTITY_NUMBERS:
            row[name] = _finite(row[name])
        row.update(doc_sha256=doc.id, seq=seq, list_group=q.group)
        rows.append(row)
    return rows


def flag_rows(doc: Document) -> list[dict]:
    rows = []
    for seq, f in enumerate(doc.flags):
        row = {name: getattr(f, name) for name in FLAG_FIELDS}
        evidence = json.dumps(f.evidence, ensure_ascii=False) if f.evidence else None
        row.update(doc_sha256=doc.id, seq=seq, evidence=evidence)       # JSON text
        rows.append(row)
    return rows


def link_rows(doc: Document, flag_table: list[dict]) -> list[dict]:
    """record_flags rows from the flag rows of records.build_tables (each with
    its ``record_ids``), matched to the document's flags by span, code and type."""
    seqs: dict[tuple, int] = {}
    for seq, f in enumerate(doc.flags):
        seqs.setdefault((f.start, f.end, f.code, f.type), seq)
    links = {}
    for row in flag_table:
        seq = seqs.get((row["start"], row["end"], row["code"], row["type"]))
        for record_id in row.get("record_ids") or ():
            if seq is not None:
                links[(record_id, seq)] = {"record_id": record_id, "doc_sha256": doc.id, "flag_seq": seq}
    return list(links.values())


def record_rows(records: list[dict]) -> list[dict]:
    rows = []
    for seq, record in enumerate(records):
        row = {name: record.get(name) for name in RECORD_COLUMNS}
        for name in RECORD_NUMBERS:
            row[name] = _finite(row[name])
        for name in LIST_COLUMNS:
            row[name] = SEP.join(row[name] or ())
        row["seq"] = seq
        rows.append(row)
    return rows


def record_from_row(row) -> dict:
    """A record dict (the columns of records/columns.py) from a ``records`` row."""
    record = {name: row[name] for name in RECORD_COLUMNS}
    for name in LIST_COLUMNS:
        record[name] = record[name].split(SEP) if record[name] else []
    return record
