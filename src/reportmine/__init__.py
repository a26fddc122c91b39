"""reportmine: read Chinese work reports by machine.

>>> import reportmine
>>> doc = reportmine.analyze("report.txt")          # doctest: +SKIP
>>> [(q.text, q.norm_value, q.norm_unit) for q in doc.quantities]  # doctest: +SKIP
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["analyze", "read", "Document", "ReportmineError", "ReaderError", "__version__"]


def analyze(path, **options):
    """Read a txt/docx/pdf file and run the whole pipeline on it."""
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
    if name in ("ReportmineError", "ReaderError"):
        from . import errors

        return getattr(errors, name)
    raise AttributeError(name)
