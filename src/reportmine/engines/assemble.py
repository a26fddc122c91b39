"""The end of a run: every output rebuilt from the per-document outcomes.

One pass over the batch in input order (whatever order the files finished
in): ``documents/<name>.json``, report.html and the database are written
document by document, the records and flags gathered for records.*,
flags.csv and errors.csv (on disk, :mod:`..records.spool`: a document's
outcome is the most the assembly holds at once). Every file is written to a temporary file and
renamed; documents of files that are no longer in the batch are removed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..batch import Result
from ..document import SPAN_KINDS, span_rows
from ..exporters import WRITERS, Outcome as FileWritten, write_all
from ..filenames import display_path
from ..gcpause import paused_gc
from ..heap import give_back
from ..output import SCHEMA, DocumentWriter, _dump, _path_key
from ..records.spool import RowSpool
from .results import STATE_DIR
from .work import Outcome, document_spans

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


def assemble(outcomes, out_dir: str | Path, *, with_text: bool = False,
             html: bool = True, tables: bool = True, batch_checks: bool = False, db=None,
             expected: int = 0, previous: dict | None = None) -> Assembly:
    """``outcomes``: Outcomes, or a function of a ``convert`` that gives them read
    through it (the run's stored outcomes, :meth:`driver._Run.outcomes`);
    ``tables``: write records.*, flags.csv and errors.csv; ``db``: a RunWriter (or None);
    ``expected``: how many documents, for the page's layout; ``previous``: documents/<name>.json
    -> what it held after the last assembly (a file that
    would be written the same is left alone)."""
    out = Path(out_dir)
    writer = DocumentWriter(out, include_text=with_text)
    done = Assembly()
    spool_dir = out / STATE_DIR
    done.result.records, done.result.flags = RowSpool(spool_dir), RowSpool(spool_dir)
    page = _Page(out, expected) if html else None
    summaries = []
    source = outcomes(_reader(done.result)) if callable(outcomes) else outcomes
    try:
        marks = done.result.records.mark(), done.result.flags.mark()
        for outcome in source:
            target = _add(done, writer, outcome, with_text, None if batch_checks else (previous or {}), page, db,
                          marks)
            if batch_checks and outcome.ok:
                summaries.append((str(target), outcome.doc, outcome.claims))
            del outcome                 # before the next one is read
            marks = done.result.records.mark(), done.result.flags.mark()
        if batch_checks:
            from ..checks import batch

            done.batch_flags = batch.apply(batch.batch_flags(summaries))
            done.documents.clear()          # what a document holds then depends on the whole batch
        done.removed = _remove_stale(writer)
        names = tuple(w for w in WRITERS if w != "html") if tables else ()
        give_back()         # what the documents' outcomes took, before the table writers load theirs
        done.outputs = write_all(done.result, out, names)
    finally:
        done.result.records.close()
        done.result.flags.close()
    if page:
        done.outputs.append(page.close())
    done.written = [out / "documents" / name for name in writer.used] + [o.path for o in done.outputs if o.ok]
    return done


def _reader(result: Result):
    """How the outcomes are read (``outcomes(convert)``, json_stream.read_lines):
    the document's spans as objects, the records and flag rows straight into
    the spools (the outcome's own lists stay empty)."""
    def convert(path: tuple, items: list):
        if path == ("records",):
            result.records.extend(items)
            return ()
        if path == ("flags",):
            result.flags.extend(items)
            return ()
        return document_spans(path, items)
    return convert


def _add(done: Assembly, writer: DocumentWriter, outcome: Outcome, with_text: bool, previous: dict | None,
         page, db, marks) -> Path:
    """One document into every output: its JSON, its run.json entry, the page and
    the database (from its Document, rebuilt here); its records and flag rows
    go to the spools (read there already, or added here) and are read back
    from them (``marks``: where the spools stood before this outcome was read).
    What it holds goes when it returns."""
    target = _write_document(writer, outcome, with_text, previous, done.documents)
    done.results.append(_run_entry(outcome, target))
    doc = _document(outcome) if (page or db) and outcome.ok else None
    if outcome.ok:
        done.result.records += outcome.records
        done.result.flags += outcome.flags
        outcome.records = done.result.records.since(marks[0])
        outcome.flags = done.result.flags.since(marks[1])
    else:
        done.result.errors.append({"path": outcome.path, "doc": outcome.doc, "code": outcome.code,
                                   "message": outcome.message})
    done.result.document_rows.append(outcome.document_row)
    if page:
        page.add(outcome, doc)
    if db is not None:
        _write_db(db, outcome, doc)
    return target


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
        data = {k: _rows(k, v) for k, v in outcome.document.items()
                if k not in HIDDEN and (with_text or k != "text")}
    else:
        data = {"schema": SCHEMA, "doc": outcome.doc, "path": outcome.path, "error": outcome.error,
                "quantities": [], "flags": []}
    _dump(target, data)
    return target


def _rows(key: str, value):
    """A list of spans read as objects (work.document_spans) is written as its dicts."""
    if key in SPAN_KINDS and type(value) is list and value and type(value[0]) is SPAN_KINDS[key]:
        return span_rows(value)
    return value


def _run_entry(outcome: Outcome, target: Path) -> dict:
    if not outcome.ok:
        return {"path": outcome.path, "doc": outcome.doc, "output": display_path(target), "status": "error",
                "error": outcome.error}
    d = outcome.document
    return {"path": outcome.path, "doc": outcome.doc, "id": outcome.doc_sha256, "output": display_path(target),
            "status": "ok", "quantities": len(d["quantities"]), "flags": len(d["flags"]),
            "warnings": [w["code"] for w in d["warnings"]]}


def _document(outcome: Outcome):
    """The Document back for report.html and the database, taking the outcome's
    dict apart as it goes (never both whole); tens of thousands of spans and no
    cycles, made with the collector paused (gcpause.py)."""
    from ..document import Document

    data, outcome.document = outcome.document, None
    with paused_gc():
        return Document.from_dict(data, consume=True)


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
