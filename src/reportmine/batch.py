"""A batch of analyzed documents and the tables built from them.

``reportmine.analyze(paths)`` returns a :class:`Result`: the documents, one
record per indicator claim (``records``), one row per review flag
(``flags``), one row per input file (``document_rows``: analyzed or failed),
and the files that could not be read (``errors``). The CLI's ``analyze`` is a
thin layer over :func:`analyze_batch`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .discovery import Found, discover
from .document import Document
from .errors import ReportmineError
from .filenames import base_name, display_path
from .gcpause import paused_gc
from .records import DOCUMENT_NAMES, build_tables


@dataclass
class Result:
    documents: list[Document] = field(default_factory=list)
    records: list[dict] = field(default_factory=list)
    flags: list[dict] = field(default_factory=list)
    document_rows: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)     # {"path", "doc", "code", "message"}
    catalog: object = field(default=None, repr=False)      # the catalog records link names from

    def add(self, doc: Document, keep: bool = True) -> None:
        with paused_gc():
            records, flags = build_tables(doc, self.catalog)
        self.records += records
        self.flags += flags
        if keep:
            self.documents.append(doc)
        self.document_rows.append(_document_row(doc, len(records), len(flags)))

    def add_error(self, path: str, exc: ReportmineError) -> None:
        name, path = base_name(path), display_path(path)
        self.errors.append({"path": path, "doc": name, "code": exc.code, "message": exc.message})
        row = dict.fromkeys(DOCUMENT_NAMES)
        row.update(doc=name, path=path, status="error", error_code=exc.code,
                   error_message=exc.message, quantities=0, records=0, flags=0)
        self.document_rows.append(row)

    def to_dataframe(self, table: str = "records"):
        """``records`` (default), ``flags`` or ``documents`` as a pandas DataFrame
        (``pip install 'reportmine[pandas]'``), columns in schema order."""
        from .exporters.dependencies import require
        from .records import FLAG_NAMES, NAMES

        pandas = require("pandas", "pandas", "DataFrame")
        rows, columns = {"records": (self.records, NAMES), "flags": (self.flags, FLAG_NAMES),
                         "documents": (self.document_rows, DOCUMENT_NAMES)}[table]
        return pandas.DataFrame(rows, columns=list(columns))

    def __len__(self) -> int:
        return len(self.records)


def _document_row(doc: Document, n_records: int, n_flags: int) -> dict:
    row = {"doc": doc.name, "doc_sha256": doc.id, "path": doc.path, "format": doc.format,
           "status": "ok", "error_code": None, "error_message": None, "pages": doc.pages,
           "length": len(doc.text), "quantities": len(doc.quantities), "records": n_records,
           "flags": n_flags, "warnings": ";".join(w.code for w in doc.warnings)}
    return {name: row[name] for name in DOCUMENT_NAMES}


OnDocument = Callable[[str, "Document | ReportmineError"], None]


def analyze_batch(paths: Iterable[str | os.PathLike], *, catalog: str | os.PathLike | None = None,
                  targets: str | os.PathLike | None = None, rules: str | os.PathLike | None = None,
                  max_bytes: int | None = None,
                  keep_documents: bool = True, on_document: OnDocument | None = None,
                  pipeline=None) -> Result:
    """Analyze files (folders are expanded; a :class:`~reportmine.discovery.Found`
    is taken as it is) into a :class:`Result`; a bad file, or a path discovery
    could not analyze, is recorded in ``errors`` and the batch goes on. ``on_document(path, doc or
    error)`` is called as each file is done (the CLI writes its JSON there)."""
    from .pipeline import Pipeline
    from .readers import DEFAULT_MAX_BYTES

    if pipeline is None:
        pipeline = Pipeline(max_bytes=max_bytes or DEFAULT_MAX_BYTES, catalog=catalog, targets=targets,
                            rules=rules)
    result = Result(catalog=merged_catalog(catalog))
    for path, doc in _outcomes(pipeline, discover(paths)):
        if on_document is not None:
            on_document(path, doc)
        if isinstance(doc, ReportmineError):
            result.add_error(path, doc)
        else:
            result.add(doc, keep=keep_documents)
    return result


def _outcomes(pipeline, found: Found):
    """(path, Document or ReportmineError) in discovery order: what discovery
    met and could not analyze (a broken link, an unreadable folder…) is an
    error like a file that fails to read."""
    for path, problem in found:
        if problem is not None:
            yield path, problem
        else:
            yield from pipeline.pipe([path])


def merged_catalog(catalog: str | os.PathLike | None):
    from .catalog import default_catalog, load_catalog

    return default_catalog().merged(load_catalog(catalog)) if catalog else default_catalog()


def expand_paths(paths: str | os.PathLike | Iterable[str | os.PathLike]) -> list[str]:
    """Files as given; folders recursively, keeping report-like suffixes
    (:func:`reportmine.discovery.discover` also returns what it skipped)."""
    return discover(paths).files
