"""Readers: one module per format behind one contract.

``read(path)`` sniffs the file's bytes (not only its suffix), picks the reader
from :data:`READERS` and returns a :class:`~reportmine.document.Document` with
the canonical text, blocks, tables and pages. Bad input raises
:class:`~reportmine.errors.ReaderError` with a stable code.
"""

from __future__ import annotations

import hashlib
import os

from ..document import Document
from ..errors import ReaderError
from ..filenames import display_path
from . import sniff
from .files import open_regular
from .limits import Limits

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def _reader_for(fmt: str):
    # imported on use so that `import reportmine` stays light
    if fmt == "txt":
        from . import txt as module
    elif fmt == "docx":
        from . import docx as module
    elif fmt == "pdf":
        from . import pdf as module
    else:  # pragma: no cover - sniff only returns the three formats above
        raise ValueError(fmt)
    return module


READERS = ("txt", "docx", "pdf")


def read_bytes(data: bytes, path: str = "<bytes>", max_bytes: int = DEFAULT_MAX_BYTES,
               limits: Limits | None = None) -> Document:
    """Read a file's bytes; ``limits`` bound what a .docx or PDF may unpack
    (None: the shipped data/limits.yaml)."""
    path = display_path(path)
    if not data:
        raise ReaderError("E002", path=path)
    if len(data) > max_bytes:
        raise ReaderError("E003", path=path, size=len(data), limit=max_bytes)
    fmt = sniff.detect_format(data, path)
    module = _reader_for(fmt)
    doc = module.read(data, path) if fmt == "txt" else module.read(data, path, limits)
    doc.id = hashlib.sha256(data).hexdigest()
    return doc


def read(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES,
         limits: Limits | None = None) -> Document:
    """Read a file into a Document (text, blocks, tables, pages; no analysis).
    ``Document.path`` is the path in display form (valid UTF-8)."""
    spath = os.fsdecode(path)
    with open_regular(spath) as f:
        try:
            size = os.fstat(f.fileno()).st_size
            if size > max_bytes:
                raise ReaderError("E003", path=spath, size=size, limit=max_bytes)
            data = f.read()
        except OSError as exc:
            raise ReaderError("E008", path=spath, reason=exc.strerror or type(exc).__name__) from exc
    return read_bytes(data, spath, max_bytes=max_bytes, limits=limits)
