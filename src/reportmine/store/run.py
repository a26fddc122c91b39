"""One `analyze` run into the run database, beside the JSON files.

``RunWriter`` mirrors output.DocumentWriter: ``write(doc, records)`` per
document (one transaction), ``write_error(path, exc)`` per refused file,
``close()`` at the end.
"""

from __future__ import annotations

from pathlib import Path

from ..document import Document
from ..errors import ReportmineError
from .db import Store, engine_url


class RunWriter:
    def __init__(self, url: str | None, out_dir: str | Path | None = None, command: str | None = None):
        self.url = engine_url(url, out_dir)
        self.store = Store.open(self.url)
        self.run_id = self.store.start_run(command)

    def write(self, doc: Document, records: list[dict] | None = None) -> None:
        if records is None:
            from ..records import build_records

            records = build_records(doc)
        self.store.write_document(doc, records, self.run_id)

    def write_error(self, path: str, error: ReportmineError) -> None:
        self.store.write_error(path, error, self.run_id)

    def close(self) -> dict:
        counts = self.store.finish_run(self.run_id)
        self.store.close()
        return counts
