"""reportmine: read Chinese work reports by machine.

>>> import reportmine
>>> result = reportmine.analyze(["report.txt", "inbox/"])   # doctest: +SKIP
>>> result.records[0]["indicator"], result.records[0]["actual"]  # doctest: +SKIP
>>> doc = result.documents[0]                               # doctest: +SKIP
>>> [(q.text, q.norm_value, q.norm_unit) for q in doc.quantities]  # doctest: +SKIP
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["analyze", "analyze_file", "read", "Document", "Result", "ReportmineError", "ReaderError",
           "__version__"]


def analyze(paths, **options):
    """Analyze one path or many (files or folders of txt/docx/pdf) into a Result:
    ``.documents``, ``.records`` (one per indicator claim), ``.flags``,
    ``.errors`` (files that could not be read) and ``.to_dataframe()``.

    Options: ``catalog``, ``targets``, ``rules``, ``max_bytes``, ``keep_documents``."""
    from .batch import analyze_batch

    return analyze_batch(paths, **options)


def analyze_file(path, **options):
    """Read one txt/docx/pdf file and run the whole pipeline on it: a Document
    (raises ReportmineError for bad input)."""
    from .pipeline import analyze as _analyze

    return _analyze(path, **options)


def read(path, **options):
    """Read a file into a Document (text and structure from the reader only)."""
    from .readers import read as _read

    return _read(path, **options)


def __getattr__(name):
    if name == "Document":
        from .document import Document

        return Document
    if name == "Result":
        from .batch import Result

        return Result
    if name in ("ReportmineError", "ReaderError"):
        from . import errors

        return getattr(errors, name)
    raise AttributeError(name)
