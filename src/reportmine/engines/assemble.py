"""The end of a run: every output rebuilt from the per-document outcomes.

One pass over the batch in input order (whatever order the files finished
in): ``documents/<name>.json``, report.html and the database are written
document by document, the records and flags gathered for records.*,
flags.csv and errors.csv. Every file is written to a temporary file and
renamed; documents of files that are no longer in the batch are removed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..batch import Result
from ..exporters import WRITERS, Outcome as FileWritten, write_all
from ..filenames import display_path
from ..gcpause import paused_gc
from ..output import SCHEMA, DocumentWriter, _dump, _path_key
from .work import Outcome

HIDDEN = ("page_starts",)


@dataclass
class Assembly:
    result: Result = field(default_factory=Result)
    results: list[dict] = field(default_factory=list)      # run.json's "results"
    outputs: list[FileWritten] = field(default_factory=list)
    removed: int = 0                                       # stale documents/*.json removed
    written: list[Path] = field(default_factory=list)      # every file it leaves (for the manifest)
    documents: dict[str, str] = field(default_factory=dict)   # documents/<name>.json -> what it holds
    batch_flags: int = 0                                   # R308 flags added by --batch-checks


def assemble(outcomes: Iterable[Outcome], out_dir: str | Path, *, with_text: bool = False,
             html: bool = True, tables: bool = True, batch_checks: bool = False, db=None,
             expected: int = 0, previous: dict | None = None) -> Assembly:
    """``tables``: write records.*, flags.csv and errors.csv; ``db``: a RunWriter (or None);
    ``expected``: how many documents, for the page's layout; ``previous``: documents/<name>.json
    -> what it held after the last assembly (a file that
    would be written the same is left alone)."""
    out = Path(out_dir)
    writer = DocumentWriter(out, include_text=with_text)
    done = Assembly()
    page = _Page(out, expected) if html else None
    summaries = []
    for outcome in outcomes:
        target = _write_document(writer, outcome, with_text, None if batch_checks else (previous or {}),
                                 done.documents)
        done.results.append(_run_entry(outcome, target))
        doc = _document(outcome) if (page or db) and outcome.ok else None
        if outcome.ok:
            done.result.records += outcome.records
            done.result.flags += outcome.flags
            if batch_checks:
                summaries.append((str(target), outcome.doc, outcome.claims))
        else:
            done.result.errors.append({"path": outcome.path, "doc": outcome.doc, "code": outcome.code,
                                       "message": outcome.message})
        done.result.document_rows.append(outcome.document_row)
        if page:
            page.add(outcome, doc)
        if db is not None:
            _write_db(db, outcome, doc)
    if batch_checks:
        from ..checks import batch

        done.batch_flags = batch.apply(batch.batch_flags(summaries))
        done.documents.clear()          # what a document holds then depends on the whole batch
    done.removed = _remove_stale(writer)
    names = tuple(w for w in WRITERS if w != "html") if tables else ()
    done.outputs = write_all(done.result, out, names)
    if page:
        done.outputs.append(page.close())
    done.written = [out / "documents" / name for name in writer.used] + [o.path for o in done.outputs if o.ok]
    return done


def _write_document(writer: DocumentWriter, outcome: Outcome, with_text: bool, previous: dict | None,
                    holds: dict[str, str]) -> Path:
    if outcome.ok:
        target = writer._target(outcome.doc, outcome.doc_sha256)
    else:
        target = writer._target(outcome.doc, _path_key(outcome.path))
    what = f"{outcome.key}:{outcome.code}:{int(with_text)}" if outcome.key else None
    if what:
        holds[target.name] = what
    if what and previous is not None and previous.get(target.name) == what and target.is_file():
        return target          # written the same by the last assembly
    if outcome.ok:
        data = {k: v for k, v in outcome.document.items() if k not in HIDDEN and (with_text or k != "text")}
    else:
        data = {"schema": SCHEMA, "doc": outcome.doc, "path": outcome.path, "error": outcome.error,
                "quantities": [], "flags": []}
    _dump(target, data)
    return target


def _run_entry(outcome: Outcome, target: Path) -> dict:
    if not outcome.ok:
        return {"path": outcome.path, "doc": outcome.doc, "output": display_path(target), "status": "error",
                "error": outcome.error}
    d = outcome.document
    return {"path": outcome.path, "doc": outcome.doc, "id": outcome.doc_sha256, "output": display_path(target),
            "status": "ok", "quantities": len(d["quantities"]), "flags": len(d["flags"]),
            "warnings": [w["code"] for w in d["warnings"]]}


def _document(outcome: Outcome):
    """The Document back for report.html and the database: tens of thousands of spans
    and no cycles, made with the collector paused (gcpause.py)."""
    from ..document import Document

    with paused_gc():
        return Document.from_dict(outcome.document)


def _write_db(db, outcome: Outcome, doc) -> None:
    if outcome.ok:
        db.store.write_document(doc, outcome.records, db.run_id, outcome.flags)
    else:
        db.store.write_error(outcome.path, outcome.code, outcome.message, db.run_id)


def _remove_stale(writer: DocumentWriter) -> int:
    """documents/*.json that this run did not write (files no longer in the
    batch, or renamed) and leftover temporary files."""
    removed = 0
    for path in writer.docs_dir.iterdir():
        if path.name.endswith(".tmp") or (path.suffix == ".json" and path.name not in writer.used):
            path.unlink(missing_ok=True)
            removed += 1
    return removed


class _Page:
    """report.html written document by document into a temporary file."""

    def __init__(self, out: Path, expected: int):
        from ..exporters import html

        self.path = out / html.FILENAME
        self.tmp = self.path.with_name(self.path.stem + ".tmp" + self.path.suffix)
        self.report = html.HtmlReport(self.tmp, expected=expected)

    def add(self, outcome: Outcome, doc) -> None:
        if doc is not None:
            self.report.add(doc, outcome.records)
        elif not outcome.ok:
            self.report.add_error(outcome.path, outcome.code, outcome.message)

    def close(self) -> FileWritten:
        from ..errors import ReportmineError

        try:
            self.report.close()
            self.tmp.replace(self.path)
            return FileWritten("html", self.path, True)
        except OSError as exc:
            self.tmp.unlink(missing_ok=True)
            err = ReportmineError("E301", output=str(self.path), reason=exc.strerror or str(exc))
            return FileWritten("html", self.path, False, err.code, err.message)
