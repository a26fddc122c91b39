"""`reportmine export --db URL --out DIR`: the reviewed data in analyze's
formats (records.jsonl/.csv/.xlsx/.parquet, flags.csv, report.html of the
documents whose text is stored), plus audit_log.csv and returned.csv. Corrections override extracted values; the review columns keep
who, when and the original value."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, select

from ..exporters import Outcome, write_all, write_file
from ..records import COLUMNS, REVIEW_COLUMNS
from ..store.models import Document
from . import audit
from .documents import stored_documents
from .returned import returned_documents, write_returned
from .reviewed import RECORD_NAMES, REVIEWED_FLAG_NAMES, load, reviewed_flags, reviewed_records

WRITERS = ("jsonl", "csv", "xlsx", "parquet", "flags_csv", "html")


@dataclass
class ReviewedResult:
    """What the exporters read (reportmine.exporters' contract), with the reviewed columns."""

    records: list[dict]
    flags: list[dict]
    document_rows: list[dict]
    documents: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    record_names: tuple[str, ...] = RECORD_NAMES
    record_columns: tuple = COLUMNS + REVIEW_COLUMNS
    flag_names: tuple[str, ...] = REVIEWED_FLAG_NAMES


def reviewed_result(engine: Engine) -> ReviewedResult:
    data = load(engine)
    return ReviewedResult(reviewed_records(engine, data=data), reviewed_flags(engine, data=data),
                          _document_rows(engine), stored_documents(engine, data["decisions"]))


def _document_rows(engine: Engine) -> list[dict]:
    d = Document.__table__
    with engine.connect() as conn:
        docs = conn.execute(select(d).order_by(d.c.doc)).all()
    return [{"doc": x.doc, "doc_sha256": x.doc_sha256, "path": x.path, "format": x.format, "status": "ok",
             "error_code": None, "error_message": None, "pages": x.pages, "length": x.length,
             "quantities": x.quantity_count, "records": x.record_count, "flags": x.flag_count,
             "warnings": x.warning_codes.replace(",", ";")} for x in docs]


def export(engine: Engine, out_dir: str | Path) -> list[Outcome]:
    """Write every file; a writer whose optional package is missing is an Outcome, not an error."""
    out_dir = Path(out_dir)
    outcomes = write_all(reviewed_result(engine), out_dir, WRITERS)
    text = audit.to_csv(audit.entries(engine))
    outcomes.append(write_file("audit_log", out_dir / "audit_log.csv",
                               lambda tmp: tmp.write_text(text, encoding="utf-8-sig")))
    rows = returned_documents(engine)
    outcomes.append(write_file("returned", out_dir / "returned.csv", lambda tmp: write_returned(rows, tmp)))
    return outcomes
