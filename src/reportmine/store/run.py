"""A batch (``reportmine.analyze(paths)``'s Result) into the run database.

>>> import reportmine
>>> from reportmine.store import write_result
>>> write_result(reportmine.analyze(["inbox/"]), "sqlite:///runs.db")   # doctest: +SKIP

One run row per call; one transaction per document, in the order the files
were analyzed; a file that could not be read is a ``run_files`` row with its
error code.
"""

from __future__ import annotations

from pathlib import Path

from ..gcpause import paused_gc
from .sqlite_writer import SqliteWriter
from .urls import engine_url


def open_store(url: str):
    """A store to write runs into: the plain sqlite3 writer for a SQLite file
    it can write as it is (sqlite_writer.py), else the SQLAlchemy ``Store``
    (which migrates, and serves PostgreSQL)."""
    writer = SqliteWriter.open(url)
    if writer is not None:
        return writer
    from .db import Store

    return Store.open(url)


class RunWriter:
    """Opens (and migrates) the database at once, so that a bad ``--db`` stops
    ``analyze`` before any work; ``finish(result)`` writes the batch."""

    def __init__(self, url: str | None, out_dir: str | Path | None = None, command: str | None = None):
        self.url = engine_url(url, out_dir)
        self.store = open_store(self.url)
        self.run_id = self.store.start_run(command)

    def finish(self, result) -> dict:
        """Writes every document of the Result and closes the run; returns its counts."""
        try:
            write_documents(self.store, result, self.run_id)
            return self.store.finish_run(self.run_id)
        finally:
            self.store.close()


def records_by_document(records: list[dict]) -> dict[str, list[dict]]:
    """Records grouped by doc_sha256, in order; a file given twice gives its records once."""
    grouped: dict[str, dict[str, dict]] = {}
    for record in records:
        grouped.setdefault(record["doc_sha256"], {}).setdefault(record["record_id"], record)
    return {sha: list(by_id.values()) for sha, by_id in grouped.items()}


def flags_by_document(flags: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for row in flags:
        grouped.setdefault(row["doc_sha256"], []).append(row)
    return grouped


def write_documents(store, result, run_id: str) -> None:
    docs = {doc.id: doc for doc in result.documents}
    with paused_gc():                 # a batch's records and flags: many dicts, no cycles
        records, flags = records_by_document(result.records), flags_by_document(result.flags)
    for row in result.document_rows:
        sha = row["doc_sha256"]
        if row["status"] == "error":
            store.write_error(row["path"], row["error_code"], row["error_message"], run_id)
        elif sha in docs:
            store.write_document(docs[sha], records.get(sha, []), run_id, flags.get(sha))


def write_result(result, url: str, command: str | None = None) -> str:
    """Writes a Result (kept documents) into the database at ``url``; returns the run id."""
    with open_store(engine_url(url)) as store:
        run_id = store.start_run(command)
        write_documents(store, result, run_id)
        store.finish_run(run_id)
    return run_id
