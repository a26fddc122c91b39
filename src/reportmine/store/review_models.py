"""The review tables: users, each document's review state, corrections, flag
decisions, notes, an append-only audit log, and each document's text (the
review page renders it).

Review rows are keyed by ``doc_sha256`` (and a record id, quantity or flag
seq) WITHOUT a foreign key to ``documents``: analyzing a document again
replaces its machine rows (store/db.py) but never a reviewer's work.
``document_texts`` is machine data and goes with its document.

Decisions name what they are about by what survives a rerun: a record by its
``record_id``, a quantity by its span (``start-end``), a flag by its code and
span (``R303@35-60``), never by a row number that a newer analyzer may shift.

Every editable row has a ``version`` (1 on insert, +1 per change): a caller
passes the version it saw, and a stale one is a conflict (review/locking.py).
Migration: migrations/versions/0003_review.py.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .models import SHA, Base

NAME = String(64)
ROLES = ("reviewer", "admin")
STATUSES = ("new", "in_review", "approved", "returned")
DECISIONS = ("dismissed", "confirmed")
ITEM_KINDS = ("record", "quantity")


class User(Base):
    """A reviewer or an admin. Passwords and API tokens are stored as hashes only."""

    __tablename__ = "users"
    user_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(NAME, unique=True)
    role: Mapped[str] = mapped_column(String(16))                 # reviewer / admin
    password_hash: Mapped[str] = mapped_column(Text)               # argon2id
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)   # sha256 hex of the token
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class DocumentText(Base):
    """The canonical text of an analyzed document, its boilerplate spans
    ([[start, end, kind], ...]) and heading spans ([[start, end], ...]: heading
    blocks, section and article titles), for the review page; replaced with the document."""

    __tablename__ = "document_texts"
    doc_sha256: Mapped[str] = mapped_column(SHA, ForeignKey("documents.doc_sha256", ondelete="CASCADE"),
                                            primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    boilerplate: Mapped[list | None] = mapped_column(JSON)
    headings: Mapped[list | None] = mapped_column(JSON)


class Review(Base):
    """A document's review status (no row: ``new``) and the message to its sender."""

    __tablename__ = "reviews"
    doc_sha256: Mapped[str] = mapped_column(SHA, primary_key=True)
    status: Mapped[str] = mapped_column(String(16))                # new / in_review / approved / returned
    message: Mapped[str | None] = mapped_column(Text)              # to the sender, when returned
    updated_by: Mapped[str] = mapped_column(NAME)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer)


class Correction(Base):
    """A reviewer's decision on one field of a record (actual, target, indicator_id,
    org, …) or of a quantity (value, role, indicator_id, …): ``confirm`` keeps the
    extracted value, ``correct`` replaces it. One row per field; the audit log
    keeps every earlier decision."""

    __tablename__ = "corrections"
    correction_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_sha256: Mapped[str] = mapped_column(SHA)
    item_kind: Mapped[str] = mapped_column(String(16))             # record / quantity
    item_id: Mapped[str] = mapped_column(String(64))               # record_id, or the quantity's span start-end
    field: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16))                  # confirm / correct
    original: Mapped[object | None] = mapped_column(JSON)          # the extracted value
    value: Mapped[object | None] = mapped_column(JSON)             # the reviewed value
    reason: Mapped[str | None] = mapped_column(Text)
    reviewed_by: Mapped[str] = mapped_column(NAME)
    reviewed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer)

    __table_args__ = (UniqueConstraint("doc_sha256", "item_kind", "item_id", "field"),)


class FlagDecision(Base):
    """A reviewer's decision on a review flag: dismissed (a false alarm) or confirmed.
    ``flag_key`` (code or type, @, span: ``R303@35-60``) finds the flag again after a rerun."""

    __tablename__ = "flag_decisions"
    doc_sha256: Mapped[str] = mapped_column(SHA, primary_key=True)
    flag_key: Mapped[str] = mapped_column(String(80), primary_key=True)
    flag_seq: Mapped[int] = mapped_column(Integer)                 # flags.seq when decided
    decision: Mapped[str] = mapped_column(String(16))              # dismissed / confirmed
    reason: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(NAME)
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer)


class Note(Base):
    """A free note on a document, or on one of its records, quantities or flags."""

    __tablename__ = "notes"
    note_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_sha256: Mapped[str] = mapped_column(SHA, index=True)
    item_kind: Mapped[str | None] = mapped_column(String(16))      # record / quantity / flag / None
    item_id: Mapped[str | None] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(NAME)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AuditEntry(Base):
    """One change: who, when, what (action and object), the state before and
    after as JSON. Append-only: the migration adds triggers that refuse UPDATE
    and DELETE on both databases."""

    __tablename__ = "audit_log"
    audit_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(NAME)
    action: Mapped[str] = mapped_column(String(32))
    doc_sha256: Mapped[str | None] = mapped_column(SHA)
    object: Mapped[str] = mapped_column(Text)                      # e.g. record:<id>/actual, flag:3, user:ann
    before: Mapped[dict | None] = mapped_column(JSON)
    after: Mapped[dict | None] = mapped_column(JSON)

    __table_args__ = (Index(None, "doc_sha256", "audit_id"),)


REVIEW_TABLES = ("users", "document_texts", "reviews", "corrections", "flag_decisions", "notes", "audit_log")
