"""The SQLite run database written through the standard library's sqlite3,
without SQLAlchemy or Alembic.

Importing SQLAlchemy, the models and Alembic costs about a quarter of a
second, more than analyzing a short report; ``analyze`` writes a SQLite file
in every output folder. So a plain SQLite file (``--db`` not given, a path, or
``sqlite:///PATH``) that is new or already at the schema of the snapshot
(sqlite_schema.sql: the newest migration) is written here; any other
database (PostgreSQL, a file at an older revision, one that will not open)
goes through :class:`reportmine.store.db.Store`, which migrates it.

The rows are the very values ``Store`` writes (its SQLAlchemy types on
SQLite): times as ``YYYY-MM-DD HH:MM:SS.ffffff`` text, JSON columns as
``json.dumps`` text (``null`` for none), the same pragmas, one transaction per
document. tests/test_sqlite_writer.py writes the same batch both ways and
compares every row, the schema and the Alembic revision.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from datetime import datetime, timezone
from pathlib import Path

from .. import __version__
from ..filenames import base_name, display_path
from ..gcpause import paused_gc
from . import rows, snapshot
from .errors import StoreError
from .urls import sqlite_file

PRAGMAS = ("PRAGMA foreign_keys=ON", "PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL")
# A new file gets 16 KiB pages (set before WAL, which fixes the size; a file that
# exists keeps its own): a document's text and rows are a quarter as many pages
# to write into the log and copy back into the file (benchmarks/speed.py).
NEW_FILE_PAGE = "PRAGMA page_size=16384"


def stored_time(moment: datetime) -> str:
    """A time as SQLAlchemy's SQLite DateTime stores it (the zone dropped)."""
    return f"{moment:%Y-%m-%d %H:%M:%S}.{moment.microsecond:06d}"


def stored_json(value) -> str:
    """A JSON column's text as SQLAlchemy writes it on SQLite (None: ``null``)."""
    return json.dumps(value)


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _insert(conn: sqlite3.Connection, table: str, row: dict) -> None:
    names = ", ".join(f'"{name}"' for name in row)
    conn.execute(f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(row))})', tuple(row.values()))


def _insert_bulk(conn: sqlite3.Connection, bulk: rows.Bulk) -> None:
    if not isinstance(bulk.values, list) or bulk.values:        # an iterator: executemany takes it
        names = ", ".join(f'"{name}"' for name in bulk.columns)
        conn.executemany(f'INSERT INTO "{bulk.table}" ({names}) VALUES ({", ".join("?" * len(bulk.columns))})',
                         bulk.values)


def _reason(exc: sqlite3.Error) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:300]


class SqliteWriter:
    """The writing half of ``Store`` (start_run, write_document, write_error,
    write_run_files, has_documents, finish_run, close) on a SQLite file."""

    def __init__(self, conn: sqlite3.Connection, url: str):
        self.conn = conn
        self.url = url
        self._file_seq: dict[str, int] = {}

    @classmethod
    def open(cls, url: str) -> "SqliteWriter | None":
        """The writer for a plain SQLite file URL whose file is new or at the
        snapshot's revision; None when ``Store`` must handle it (another URL,
        a database to migrate or one that does not open)."""
        path = sqlite_file(url)
        if path is None:
            return None
        try:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, isolation_level=None)     # transactions begun and ended here
        except (OSError, sqlite3.Error):
            return None
        try:
            for pragma in (NEW_FILE_PAGE, *PRAGMAS):
                conn.execute(pragma)
            if _at_snapshot(conn, path):
                return cls(conn, url)
        except sqlite3.Error:
            pass
        conn.close()
        return None

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "SqliteWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- runs ------------------------------------------------------------
    def start_run(self, command: str | None = None) -> str:
        run_id = uuid.uuid4().hex
        row = {"run_id": run_id, "started_at": stored_time(_now()), "version": __version__, "command": command,
               "file_count": 0, "ok_count": 0, "error_count": 0}
        self._transaction(None, lambda conn: _insert(conn, "runs", row))
        self._file_seq[run_id] = 0
        return run_id

    def finish_run(self, run_id: str) -> dict:
        """Closes a run; returns its counts of files, ok and errors."""
        statuses = [s for (s,) in self.conn.execute("SELECT status FROM run_files WHERE run_id = ?", (run_id,))]
        counts = {"file_count": len(statuses), "ok_count": statuses.count("ok"),
                  "error_count": statuses.count("error")}
        self._transaction(None, lambda conn: conn.execute(
            "UPDATE runs SET finished_at = ?, file_count = ?, ok_count = ?, error_count = ? WHERE run_id = ?",
            (stored_time(_now()), counts["file_count"], counts["ok_count"], counts["error_count"], run_id)))
        return counts

    def _file_row(self, run_id: str | None, path: str, doc: str, **fields) -> dict | None:
        if run_id is None:
            return None
        seq = self._file_seq.get(run_id, 0)
        self._file_seq[run_id] = seq + 1
        return {"run_id": run_id, "seq": seq, "path": str(path), "doc": doc, "doc_sha256": None,
                "status": None, "error_code": None, "error_message": None, **fields}

    # -- documents -------------------------------------------------------
    def write_document(self, doc, records: list[dict], run_id: str | None = None,
                       flag_table: list[dict] | None = None) -> None:
        """Replace the document's rows in one transaction (as ``Store.write_document``)."""
        file_row = self._file_row(run_id, doc.path, doc.name, doc_sha256=doc.id, status="ok")
        document = rows.document_row(doc, len(records), run_id, _now())
        document["analyzed_at"] = stored_time(document["analyzed_at"])
        text = rows.text_row(doc)
        text["boilerplate"], text["headings"] = stored_json(text["boilerplate"]), stored_json(text["headings"])
        with paused_gc():
            # each table's rows made when it is inserted (records read from the
            # assembly's spool: made as sqlite3 takes them), one table at a time
            bulk = (make() for make in (lambda: rows.quantity_rows(doc), lambda: rows.flag_rows(doc),
                                        lambda: rows.record_rows(records),
                                        lambda: rows.link_rows(doc, flag_table or [])))

            def replace(conn):
                # the foreign keys cascade: deleting the documents row deletes all the rest of it
                conn.execute("DELETE FROM documents WHERE doc_sha256 = ?", (doc.id,))
                _insert(conn, "documents", document)
                _insert(conn, "document_texts", text)
                for table in bulk:
                    _insert_bulk(conn, table)
                if file_row:
                    _insert(conn, "run_files", file_row)

            self._transaction(doc.name, replace)

    def write_error(self, path: str, code: str, message: str, run_id: str) -> None:
        """Note a file the run could not analyze (its earlier rows, if any, stay)."""
        name, path = base_name(path), display_path(path)
        row = self._file_row(run_id, path, name, status="error", error_code=code, error_message=message)
        self._transaction(name, lambda conn: _insert(conn, "run_files", row))

    def write_run_files(self, run_id: str, files: list[dict]) -> None:
        """Note many files of a run at once (``Store.write_run_files``)."""
        new = [self._file_row(run_id, f["path"], f["doc"], doc_sha256=f.get("doc_sha256"), status=f["status"],
                              error_code=f.get("error_code"), error_message=f.get("error_message"))
               for f in files]
        if new:
            def insert_all(conn):
                for row in new:
                    _insert(conn, "run_files", row)

            self._transaction(None, insert_all)

    def has_documents(self, shas: set[str]) -> bool:
        """Whether every one of these documents has its rows in the database."""
        return shas <= {sha for (sha,) in self.conn.execute("SELECT doc_sha256 FROM documents")}

    def _transaction(self, doc: str | None, work) -> None:
        """``work(conn)`` in one transaction; an error is E402 (a document) or E401."""
        try:
            self.conn.execute("BEGIN")
            try:
                work(self.conn)
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            code, details = ("E402", {"doc": doc}) if doc else ("E401", {"url": self.url})
            raise StoreError(code, reason=_reason(exc), **details) from None


def _at_snapshot(conn: sqlite3.Connection, path: str) -> bool:
    """Whether the database is at the snapshot's revision, after creating an
    empty one from the snapshot (under the file lock, in one transaction)."""
    revision, statements = snapshot.load()
    if conn.execute(snapshot.EMPTY).fetchone()[0]:
        if _revision(conn) == revision:
            return True
        # another process may be creating it (Store's statements are committed one
        # by one, the revision last): once it lets go of the file lock, look again
        with snapshot.file_lock(path):
            return _revision(conn) == revision
    with snapshot.file_lock(path):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if conn.execute(snapshot.EMPTY).fetchone()[0] == 0:    # nobody created it meanwhile
                for statement in statements:
                    conn.execute(statement)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return _revision(conn) == revision


def _revision(conn: sqlite3.Connection) -> str | None:
    try:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    except (sqlite3.Error, TypeError):
        return None
