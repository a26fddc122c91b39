"""Open a run database by URL, migrate it, write one document per transaction.

>>> store = Store.open("sqlite:///out/reportmine.db")        # doctest: +SKIP
>>> run_id = store.start_run("reportmine analyze inbox/")   # doctest: +SKIP
>>> store.write_document(doc, records, run_id)              # doctest: +SKIP
>>> store.finish_run(run_id)                                # doctest: +SKIP

``postgresql://`` URLs use the psycopg 3 driver (``pip install
'reportmine[postgres]'``). Writing a document deletes the rows it had (by
``doc_sha256``) and inserts the new ones in one transaction: a rerun
replaces, never duplicates, and a failure leaves the old rows as they were.
"""

from __future__ import annotations

import threading
import uuid
from datetime import datetime, timezone
from itertools import islice
from pathlib import Path

from sqlalchemy import Engine, create_engine, delete, event, insert, inspect, select, text, update
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from .. import __version__
from ..document import Document
from ..filenames import base_name, display_path
from ..gcpause import paused_gc
from . import models, review_models, rows
from . import snapshot as schema_snapshot
from .errors import StoreError
from .urls import DB_FILE, engine_url, shown

__all__ = ["DB_FILE", "MIGRATIONS", "Store", "StoreError", "connect", "current_revision", "engine_url",
           "shown", "upgrade"]

MIGRATIONS = Path(__file__).with_name("migrations")
_LOCK_ID = 0x7265706D            # pg_advisory_xact_lock key: two processes never migrate at once
_ALEMBIC = threading.Lock()      # alembic's context is global to the process: one migration at a time


def connect(url: str) -> Engine:
    """An engine for a URL (as given to ``--db``); SQLite enforces foreign keys."""
    full = engine_url(url)
    try:
        engine = create_engine(full)
    except ImportError as exc:
        if full.startswith("postgresql"):
            raise StoreError("E403", url=shown(full)) from None
        raise StoreError("E401", url=shown(full), reason=str(exc)) from None
    except ArgumentError as exc:
        raise StoreError("E401", url=url, reason=str(exc)) from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        if engine.url.database and engine.url.database != ":memory:":
            Path(engine.url.database).parent.mkdir(parents=True, exist_ok=True)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """Foreign keys on; write-ahead log with synchronous=NORMAL, so that a
    commit per document costs no disk flush (a commit stays atomic; a power
    cut may lose the last documents written, never leave half of one)."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def current_revision(engine: Engine) -> str | None:
    """The schema revision of the database (None when it has no tables yet)."""
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except SQLAlchemyError as exc:
        raise StoreError("E401", url=shown(str(engine.url)), reason=_reason(exc)) from None


def upgrade(engine: Engine, revision: str = "head", snapshot: bool = True) -> str | None:
    """Run the Alembic migrations up to ``revision``; returns the revision now current.
    A database already at this version's schema is left alone without loading Alembic;
    an empty SQLite database gets the newest schema from its snapshot (store/snapshot.py)
    unless ``snapshot`` is False."""
    head = revision in ("head", models.HEAD)
    if head and current_revision(engine) == models.HEAD:
        return models.HEAD
    try:
        with _ALEMBIC, _sqlite_file_lock(engine), engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK_ID})
            if (snapshot and head and conn.dialect.name == "sqlite" and schema_snapshot.is_empty(conn)
                    and schema_snapshot.create(conn, models.HEAD)):
                return models.HEAD
            return _alembic_upgrade(conn, revision)
    except SQLAlchemyError as exc:
        raise StoreError("E401", url=shown(str(engine.url)), reason=_reason(exc)) from None


def _alembic_upgrade(conn, revision: str) -> str | None:
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.util.exc import CommandError

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    try:
        command.upgrade(config, revision)
    except CommandError as exc:        # e.g. a database migrated by a newer reportmine
        raise StoreError("E401", url=shown(str(conn.engine.url)), reason=str(exc)) from None
    return MigrationContext.configure(conn).get_current_revision()


def _sqlite_file_lock(engine: Engine):
    """Two processes migrating one SQLite file take turns (snapshot.file_lock)."""
    return schema_snapshot.file_lock(engine.url.database if engine.dialect.name == "sqlite" else None)


INSERT_BATCH = 5000        # rows of a table made and inserted at a time when they are made lazily


def _insert_many(conn, bulk: rows.Bulk) -> None:
    """INSERT the rows of a large table straight through the driver's
    executemany (they hold plain values: numbers, text, JSON text); SQLAlchemy's
    per-row parameter processing would make the write several times slower."""
    quote = conn.dialect.identifier_preparer.quote
    mark = "?" if conn.dialect.name == "sqlite" else "%s"
    sql = (f"INSERT INTO {quote(bulk.table)} ({', '.join(quote(n) for n in bulk.columns)}) "
           f"VALUES ({', '.join([mark] * len(bulk.columns))})")
    if isinstance(bulk.values, list):
        if bulk.values:
            conn.exec_driver_sql(sql, bulk.values)
        return
    values = iter(bulk.values)          # made as they are inserted (records read from the spool)
    while batch := list(islice(values, INSERT_BATCH)):
        conn.exec_driver_sql(sql, batch)


def _reason(exc: SQLAlchemyError) -> str:
    return str(getattr(exc, "orig", None) or exc).strip().splitlines()[0][:300]


def _now() -> datetime:
    return datetime.now(timezone.utc)


class Store:
    """A migrated run database."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self._file_seq: dict[str, int] = {}

    @classmethod
    def open(cls, url: str) -> "Store":
        engine = connect(url)
        upgrade(engine)
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- runs ------------------------------------------------------------
    def start_run(self, command: str | None = None) -> str:
        run_id = uuid.uuid4().hex
        self._execute(None, insert(models.Run.__table__).values(
            run_id=run_id, started_at=_now(), version=__version__, command=command))
        self._file_seq[run_id] = 0
        return run_id

    def finish_run(self, run_id: str) -> dict:
        """Closes a run; returns its counts of files, ok and errors."""
        t = models.RunFile.__table__
        with self.engine.connect() as conn:
            statuses = conn.execute(select(t.c.status).where(t.c.run_id == run_id)).scalars().all()
        counts = {"file_count": len(statuses), "ok_count": statuses.count("ok"),
                  "error_count": statuses.count("error")}
        r = models.Run.__table__
        self._execute(None, update(r).where(r.c.run_id == run_id).values(finished_at=_now(), **counts))
        return counts

    def _file_row(self, run_id: str | None, path: str, doc: str, **fields) -> dict | None:
        if run_id is None:
            return None
        seq = self._file_seq.get(run_id, 0)
        self._file_seq[run_id] = seq + 1
        return {"run_id": run_id, "seq": seq, "path": str(path), "doc": doc, **fields}

    # -- documents -------------------------------------------------------
    def write_document(self, doc: Document, records: list[dict], run_id: str | None = None,
                       flag_table: list[dict] | None = None) -> None:
        """Replace the document's rows (documents, quantities, flags, records) in one
        transaction. ``flag_table``: the flag rows of records.build_tables, whose
        ``record_ids`` fill record_flags."""
        file_row = self._file_row(run_id, doc.path, doc.name, doc_sha256=doc.id, status="ok")
        # the foreign keys cascade: deleting the documents row deletes all the rest of it
        statements = [delete(models.Document.__table__).where(models.Document.doc_sha256 == doc.id)]
        document = rows.document_row(doc, len(records), run_id, _now())
        with paused_gc():          # tens of thousands of row tuples, no cycles (gcpause.py)
            # each table's rows made when it is inserted: one table's tuples at a time
            bulk = (make() for make in (lambda: rows.quantity_rows(doc), lambda: rows.flag_rows(doc),
                                        lambda: rows.record_rows(records),
                                        lambda: rows.link_rows(doc, flag_table or [])))
            self._replace(doc, statements, document, bulk, file_row)

    def _replace(self, doc: Document, statements: list, document: dict, bulk: list, file_row: dict | None) -> None:
        try:
            with self.engine.begin() as conn:
                for statement in statements:
                    conn.execute(statement)
                conn.execute(insert(models.Document.__table__), [document])
                conn.execute(insert(review_models.DocumentText.__table__), [rows.text_row(doc)])
                for table in bulk:
                    _insert_many(conn, table)
                    del table
                if file_row:
                    conn.execute(insert(models.RunFile.__table__), [file_row])
        except SQLAlchemyError as exc:
            raise StoreError("E402", doc=doc.name, reason=_reason(exc)) from None

    def write_error(self, path: str, code: str, message: str, run_id: str) -> None:
        """Note a file the run could not analyze (its earlier rows, if any, stay)."""
        name, path = base_name(path), display_path(path)
        row = self._file_row(run_id, path, name, status="error", error_code=code, error_message=message)
        self._execute(name, insert(models.RunFile.__table__).values(**row))

    def write_run_files(self, run_id: str, files: list[dict]) -> None:
        """Note many files of a run at once (a rerun whose documents are already
        in the database): ``path, doc, doc_sha256, status[, error_code, error_message]``."""
        rows = [self._file_row(run_id, f["path"], f["doc"], doc_sha256=f.get("doc_sha256"), status=f["status"],
                               error_code=f.get("error_code"), error_message=f.get("error_message"))
                for f in files]
        if rows:
            self._execute(None, insert(models.RunFile.__table__).values(rows))

    def has_documents(self, shas: set[str]) -> bool:
        """Whether every one of these documents has its rows in the database."""
        t = models.Document.__table__
        with self.engine.connect() as conn:
            present = set(conn.execute(select(t.c.doc_sha256)).scalars())
        return shas <= present

    def _execute(self, doc: str | None, statement) -> None:
        try:
            with self.engine.begin() as conn:
                conn.execute(statement)
        except SQLAlchemyError as exc:
            code, details = ("E402", {"doc": doc}) if doc else ("E401", {"url": shown(str(self.engine.url))})
            raise StoreError(code, reason=_reason(exc), **details) from None

    # -- reading ---------------------------------------------------------
    def records(self, doc_sha256: str | None = None) -> list[dict]:
        """Records as dicts with the record columns, in document order."""
        t = models.Record.__table__
        query = select(t).order_by(t.c.doc_sha256, t.c.seq)
        if doc_sha256:
            query = query.where(t.c.doc_sha256 == doc_sha256)
        with self.engine.connect() as conn:
            return [rows.record_from_row(r._mapping) for r in conn.execute(query)]
