"""The run database schema: SQLAlchemy 2 models, one schema for SQLite and
PostgreSQL (the URL is the only difference).

Plain table and column names, so that an integrator reads them with plain
SQL. ``records`` has exactly the record columns (records/columns.py) plus
``seq`` (order in the document); ``quantities`` and ``flags`` have the fields
of the document JSON. Every row of a document is keyed by its
``doc_sha256``: writing the document again replaces them (store/db.py).

A change here needs a migration beside it (store/migrations/versions/); a test
compares these models with the migrated schema on both databases.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, Double, ForeignKey, Index, Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {"ix": "ix_%(table_name)s_%(column_0_N_name)s", "uq": "uq_%(table_name)s_%(column_0_N_name)s",
          "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
          "pk": "pk_%(table_name)s"}

SHA = String(64)
HEAD = "0003"        # the newest migration in migrations/versions (a test compares with Alembic's head)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _doc_fk() -> Mapped[str]:
    return mapped_column(SHA, ForeignKey("documents.doc_sha256", ondelete="CASCADE"), primary_key=True)


class Run(Base):
    """One `reportmine analyze` invocation."""

    __tablename__ = "runs"
    run_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    version: Mapped[str] = mapped_column(String(32))
    command: Mapped[str | None] = mapped_column(Text)
    file_count: Mapped[int] = mapped_column(Integer, default=0)
    ok_count: Mapped[int] = mapped_column(Integer, default=0)
    error_count: Mapped[int] = mapped_column(Integer, default=0)


class RunFile(Base):
    """Every input file of a run, analyzed or refused with a coded error."""

    __tablename__ = "run_files"
    run_id: Mapped[str] = mapped_column(String(32), ForeignKey("runs.run_id", ondelete="CASCADE"),
                                        primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    path: Mapped[str] = mapped_column(Text)
    doc: Mapped[str] = mapped_column(Text)
    doc_sha256: Mapped[str | None] = mapped_column(SHA)
    status: Mapped[str] = mapped_column(String(16))          # ok / error
    error_code: Mapped[str | None] = mapped_column(String(16))
    error_message: Mapped[str | None] = mapped_column(Text)


class Document(Base):
    """One analyzed document, keyed by the sha256 of its bytes."""

    __tablename__ = "documents"
    doc_sha256: Mapped[str] = mapped_column(SHA, primary_key=True)
    doc: Mapped[str] = mapped_column(Text)
    path: Mapped[str] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(16))
    encoding: Mapped[str | None] = mapped_column(String(32))
    pages: Mapped[int | None] = mapped_column(Integer)
    length: Mapped[int] = mapped_column(Integer)
    quantity_count: Mapped[int] = mapped_column(Integer)
    record_count: Mapped[int] = mapped_column(Integer)
    flag_count: Mapped[int] = mapped_column(Integer)
    warning_codes: Mapped[str] = mapped_column(Text)          # comma-separated W… codes
    run_id: Mapped[str | None] = mapped_column(String(32), ForeignKey("runs.run_id", ondelete="SET NULL"))
    analyzed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Quantity(Base):
    __tablename__ = "quantities"
    doc_sha256: Mapped[str] = _doc_fk()
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    value: Mapped[float | None] = mapped_column(Double)
    unit: Mapped[str | None] = mapped_column(Text)
    norm_value: Mapped[float | None] = mapped_column(Double)
    norm_unit: Mapped[str | None] = mapped_column(Text)
    approx: Mapped[str | None] = mapped_column(String(16))
    role: Mapped[str | None] = mapped_column(String(32))
    indicator: Mapped[str | None] = mapped_column(Text)
    indicator_id: Mapped[str | None] = mapped_column(Text)
    period: Mapped[str | None] = mapped_column(Text)
    direction: Mapped[str | None] = mapped_column(String(16))
    low: Mapped[float | None] = mapped_column(Double)
    high: Mapped[float | None] = mapped_column(Double)
    list_group: Mapped[int | None] = mapped_column(Integer)   # Quantity.group (分别/依次 list)
    setter: Mapped[str | None] = mapped_column(Text)
    subject: Mapped[str | None] = mapped_column(Text)
    article: Mapped[int | None] = mapped_column(Integer)
    page: Mapped[int | None] = mapped_column(Integer)


class Flag(Base):
    __tablename__ = "flags"
    doc_sha256: Mapped[str] = _doc_fk()
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(32))
    subtype: Mapped[str | None] = mapped_column(String(32))
    code: Mapped[str | None] = mapped_column(String(16))
    severity: Mapped[str] = mapped_column(String(16))
    message: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    arithmetic: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[list | None] = mapped_column(JSON)
    article: Mapped[int | None] = mapped_column(Integer)
    page: Mapped[int | None] = mapped_column(Integer)


class Record(Base):
    """One completion record: the columns of records/columns.py, in order."""

    __tablename__ = "records"
    record_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    doc: Mapped[str] = mapped_column(Text)
    doc_sha256: Mapped[str] = mapped_column(SHA, ForeignKey("documents.doc_sha256", ondelete="CASCADE"))
    article: Mapped[int | None] = mapped_column(Integer)
    org: Mapped[str | None] = mapped_column(Text)
    indicator: Mapped[str | None] = mapped_column(Text)
    indicator_id: Mapped[str | None] = mapped_column(Text)
    indicator_name: Mapped[str | None] = mapped_column(Text)
    period: Mapped[str | None] = mapped_column(Text)
    actual: Mapped[float | None] = mapped_column(Double)
    actual_unit: Mapped[str | None] = mapped_column(Text)
    target: Mapped[float | None] = mapped_column(Double)
    basic_target: Mapped[float | None] = mapped_column(Double)
    full_target: Mapped[float | None] = mapped_column(Double)
    forecast: Mapped[float | None] = mapped_column(Double)
    completion_rate: Mapped[float | None] = mapped_column(Double)
    computed_completion_rate: Mapped[float | None] = mapped_column(Double)
    growth: Mapped[float | None] = mapped_column(Double)
    difference: Mapped[float | None] = mapped_column(Double)
    direction: Mapped[str | None] = mapped_column(String(16))
    setter: Mapped[str | None] = mapped_column(Text)
    flag_codes: Mapped[str] = mapped_column(Text)             # comma-separated R… codes
    status: Mapped[str] = mapped_column(String(16))
    quote: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    page: Mapped[int | None] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)

    __table_args__ = (Index(None, "doc_sha256", "seq"), Index(None, "indicator_id"))


class RecordFlag(Base):
    """Which review flags bear on which record (a flag may concern several)."""

    __tablename__ = "record_flags"
    doc_sha256: Mapped[str] = _doc_fk()
    flag_seq: Mapped[int] = mapped_column(Integer, primary_key=True)   # flags.seq of the same document
    record_id: Mapped[str] = mapped_column(String(64), ForeignKey("records.record_id", ondelete="CASCADE"),
                                           primary_key=True, index=True)


metadata = Base.metadata
TABLES = ("runs", "run_files", "documents", "quantities", "flags", "records", "record_flags",
          # the review tables (review_models.py)
          "users", "document_texts", "reviews", "corrections", "flag_decisions", "notes", "audit_log")

from . import review_models  # noqa: E402,F401 - the review tables join the metadata (they use Base)
