"""What the review pages read: the batch overview with filters and progress,
one document's view, the returned documents per org, and the filtered records
and flags of the read-only API."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import Engine, func, select

from ..store.models import Document, Flag, Quantity, Record
from ..store.review_models import STATUSES, Correction, DocumentText, FlagDecision, Note, Review
from . import audit
from .database import iso
from .errors import ReviewError
from .items import flag_key, span_key
from .locking import state
from .reviewed import load, reviewed_flags, reviewed_records, status_of


def _facts(engine: Engine) -> dict:
    """Per document: its record orgs and indicators, flag types, decisions and corrections."""
    r, f, fd, c = Record.__table__, Flag.__table__, FlagDecision.__table__, Correction.__table__
    facts: dict[str, dict] = {}

    def of(doc):
        return facts.setdefault(doc, {"orgs": Counter(), "indicators": set(), "flags": Counter(),
                                      "flag_seqs": {}, "decided": set(), "corrections": 0})
    with engine.connect() as conn:
        for doc, org, ind_id, ind_name in conn.execute(select(r.c.doc_sha256, r.c.org, r.c.indicator_id,
                                                              r.c.indicator_name)):
            of(doc)["orgs"][org] += 1
            of(doc)["indicators"].update(x for x in (ind_id, ind_name) if x)
        for row in conn.execute(select(f.c.doc_sha256, f.c.type, f.c.code, f.c.start, f.c.end)):
            of(row.doc_sha256)["flags"][row.type] += 1
            of(row.doc_sha256)["flag_seqs"][flag_key(row._mapping)] = row.type
        for doc, key in conn.execute(select(fd.c.doc_sha256, fd.c.flag_key)):
            of(doc)["decided"].add(key)
        for doc, n in conn.execute(select(c.c.doc_sha256, func.count()).group_by(c.c.doc_sha256)):
            of(doc)["corrections"] = n
        notes = dict(conn.execute(select(Note.__table__.c.doc_sha256, func.count())
                                  .group_by(Note.__table__.c.doc_sha256)).all())
        reviews = {x.doc_sha256: dict(x._mapping) for x in conn.execute(select(Review.__table__))}
        documents = [dict(x._mapping) for x in conn.execute(
            select(Document.__table__).order_by(Document.__table__.c.doc))]
    return {"facts": facts, "notes": notes, "reviews": reviews, "documents": documents}


def overview(engine: Engine, org: str | None = None, indicator: str | None = None,
             flag_type: str | None = None, status: str | None = None) -> list[dict]:
    """One row per analyzed document, by file name; filters keep the documents
    with a record of that org, a record of that indicator (id or name), a flag
    of that type, that review status."""
    got = _facts(engine)
    rows = []
    for d in got["documents"]:
        fact = got["facts"].get(d["doc_sha256"]) or {"orgs": Counter(), "indicators": set(),
                                                     "flags": Counter(), "flag_seqs": {}, "decided": set(),
                                                     "corrections": 0}
        review = got["reviews"].get(d["doc_sha256"])
        touched = bool(fact["decided"] or fact["corrections"] or got["notes"].get(d["doc_sha256"]))
        orgs = [o for o, _ in fact["orgs"].most_common() if o]
        rows.append({"doc_sha256": d["doc_sha256"], "doc": d["doc"], "path": d["path"], "format": d["format"],
                     "analyzed_at": iso(d["analyzed_at"]), "org": orgs[0] if orgs else None, "orgs": orgs,
                     "record_count": d["record_count"], "flag_count": d["flag_count"],
                     "flags_by_type": dict(sorted(fact["flags"].items())),
                     "open_flags": len(set(fact["flag_seqs"]) - fact["decided"]),
                     "corrections": fact["corrections"], "status": status_of(review, touched),
                     "message": review["message"] if review else None,
                     "updated_by": review["updated_by"] if review else None,
                     "updated_at": iso(review["updated_at"]) if review else None,
                     "_indicators": fact["indicators"]})
    rows = [row for row in rows if _keep(row, org, indicator, flag_type, status)]
    for row in rows:
        del row["_indicators"]
    return rows


def _keep(row: dict, org, indicator, flag_type, status) -> bool:
    return ((not org or org in row["orgs"]) and (not indicator or indicator in row["_indicators"])
            and (not flag_type or flag_type in row["flags_by_type"]) and (not status or row["status"] == status))


def progress(rows: list[dict]) -> dict:
    """Counts by status; ``done`` = approved + returned, ``share`` of all (0 with no documents)."""
    counts = Counter(row["status"] for row in rows)
    out = {s: counts.get(s, 0) for s in STATUSES}
    out["total"] = len(rows)
    out["done"] = out["approved"] + out["returned"]
    out["share"] = out["done"] / len(rows) if rows else 0.0
    return out


def filter_options(engine: Engine) -> dict:
    r, f = Record.__table__, Flag.__table__
    with engine.connect() as conn:
        orgs = [x for (x,) in conn.execute(select(r.c.org).distinct().order_by(r.c.org)) if x]
        indicators = [tuple(x) for x in conn.execute(
            select(r.c.indicator_id, r.c.indicator_name).distinct().where(r.c.indicator_id.is_not(None))
            .order_by(r.c.indicator_id))]
        types = [x for (x,) in conn.execute(select(f.c.type).distinct().order_by(f.c.type))]
    return {"orgs": orgs, "indicators": indicators, "flag_types": types, "statuses": STATUSES}


def _rows(conn, table, doc, order):
    return [dict(x._mapping) for x in conn.execute(select(table).where(table.c.doc_sha256 == doc)
                                                  .order_by(order))]


def document_view(engine: Engine, doc: str) -> dict:
    """Everything the document page shows (E606 when the document is unknown)."""
    d, q, t = Document.__table__, Quantity.__table__, DocumentText.__table__
    c, n, rv = Correction.__table__, Note.__table__, Review.__table__
    with engine.connect() as conn:
        document = conn.execute(select(d).where(d.c.doc_sha256 == doc)).first()
        if document is None:
            raise ReviewError("E606", doc=doc)
        text = conn.execute(select(t).where(t.c.doc_sha256 == doc)).first()
        quantities = _rows(conn, q, doc, q.c.seq)
        corrections = [state(x) for x in conn.execute(select(c).where(c.c.doc_sha256 == doc))]
        notes = [{**x, "created_at": iso(x["created_at"])} for x in _rows(conn, n, doc, n.c.note_id)]
        review = state(conn.execute(select(rv).where(rv.c.doc_sha256 == doc)).first())
    data = load(engine, [doc])
    by_item: dict[tuple, dict] = {}
    for row in corrections:
        by_item.setdefault((row["item_kind"], row["item_id"]), {})[row["field"]] = row
    for quantity in quantities:
        quantity["corrections"] = by_item.get(("quantity", span_key(quantity)), {})
    extracted = {r["record_id"]: r for r in data["records"]}
    records = [{**extracted[rec["record_id"]], "corrections": by_item.get(("record", rec["record_id"]), {}),
                "reviewed": rec} for rec in reviewed_records(engine, data=data)]
    flags = []
    for flag in reviewed_flags(engine, data=data):
        decision = state(_decision_row(data, doc, flag["seq"]))
        flags.append({**flag, "decision_state": decision, "version": decision["version"] if decision else 0})
    touched = bool(corrections or notes or any(f["decision"] for f in flags))
    return {"document": {**dict(document._mapping), "analyzed_at": iso(document.analyzed_at)},
            "text": text.text if text else None, "boilerplate": (text.boilerplate or []) if text else [],
            "headings": (text.headings or []) if text else [],
            "review": {"status": status_of(review, touched), "message": review and review["message"],
                       "by": review and review["by"], "at": review and review["at"],
                       "version": review["version"] if review else 0},
            "quantities": quantities, "flags": flags, "records": records, "notes": notes,
            "audit": audit.entries(engine, doc)}


class _Row:
    """A decision dict seen as a row, for locking.state."""

    def __init__(self, data: dict):
        self._mapping = data


def _decision_row(data: dict, doc: str, seq: int):
    found = data["decisions"].get((doc, seq))
    return _Row(found) if found else None


def _docs(engine: Engine, filters: dict) -> list[str] | None:
    if not any(filters.values()):
        return None
    return [row["doc_sha256"] for row in overview(engine, **filters)]


def api_records(engine: Engine, org: str | None = None, indicator: str | None = None,
                flag_type: str | None = None, status: str | None = None) -> list[dict]:
    """Reviewed records of the documents the overview's filters keep; ``org`` and
    ``indicator`` also filter the records themselves."""
    docs = _docs(engine, {"org": org, "indicator": indicator, "flag_type": flag_type, "status": status})
    rows = reviewed_records(engine, docs) if docs is None or docs else []
    return [r for r in rows if (not org or r["org"] == org)
            and (not indicator or indicator in (r["indicator_id"], r["indicator_name"]))]


def api_flags(engine: Engine, org: str | None = None, indicator: str | None = None,
              flag_type: str | None = None, status: str | None = None) -> list[dict]:
    """Flags (with decisions) of the documents the overview's filters keep; ``flag_type`` also filters the flags."""
    docs = _docs(engine, {"org": org, "indicator": indicator, "flag_type": flag_type, "status": status})
    rows = reviewed_flags(engine, docs) if docs is None or docs else []
    return [f for f in rows if not flag_type or f["type"] == flag_type]
