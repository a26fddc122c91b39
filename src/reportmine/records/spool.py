"""A batch's records (or flag rows) kept on disk while a run assembles them.

The end of a run gathers every document's records for records.*, flags.csv
and the spreadsheet. Held as dicts, the records of a large batch (or of one
100 MB text: hundreds of thousands) take more memory than the analysis of
any one document; a :class:`RowSpool` holds the first few thousand and,
past that, writes them all to a temporary file as JSON lines as they come and gives them back a row at a time, as often as an
exporter iterates, and a document's own rows as a :class:`SpooledRows` (for
the database and the page). A row comes back as ``json.loads`` of its line:
the same values a stored outcome gives (the assembly reads outcomes from JSON
too). Its lines are records.jsonl's lines (the same encoder), so that file is
a copy.
"""

from __future__ import annotations

import json
import os
import tempfile
from itertools import islice

from ..json_stream import Streamed

_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
_DECODE = json.JSONDecoder().decode


KEEP_ROWS = 20_000       # rows held as they are (a list) before the spool moves to disk


class RowSpool(Streamed):
    """Rows appended with :meth:`extend`; ``len``, iteration (again and again)
    and slices ``[a:b]``, like the list of dicts it stands for. The first
    ``keep`` rows are held as they are (a small batch costs no encoding); past
    that, all of them go to a temporary file in ``folder`` (``path``)."""

    def __init__(self, folder: str | os.PathLike | None = None, keep: int = KEEP_ROWS):
        self.folder, self.keep = folder, keep
        self.path: str | None = None
        self._rows: list | None = []           # None once on disk
        self._out = None
        self._offsets: list[int] = []           # byte offset of each row written when it moved
        self._n = 0

    def append(self, row) -> None:
        self.extend((row,))

    def extend(self, rows) -> None:
        if self._rows is not None:
            self._rows.extend(rows)
            self._n = len(self._rows)
            if self._n > self.keep:
                self._spill()
            return
        write = self._out.write
        n = 0
        for row in rows:
            write((_ENCODE(row) + "\n").encode("utf-8", "surrogateescape"))
            n += 1
        self._n += n

    def _spill(self) -> None:
        handle, self.path = tempfile.mkstemp(prefix="rows-", suffix=".jsonl.tmp", dir=self.folder)
        self._out = os.fdopen(handle, "wb")
        rows, self._rows = self._rows, None
        for row in rows:
            self._offsets.append(self._out.tell())
            self._out.write((_ENCODE(row) + "\n").encode("utf-8", "surrogateescape"))

    def __iadd__(self, rows) -> "RowSpool":
        self.extend(rows)
        return self

    def mark(self) -> tuple[int, int | None]:
        """Where the next row goes: (rows so far, byte offset once on disk)."""
        return self._n, (None if self._out is None else self._out.tell())

    def since(self, mark: tuple[int, int | None]):
        """The rows added after ``mark`` (a list while they are held)."""
        n, offset = mark
        if self._rows is not None:
            return self._rows[n:]
        if offset is None:               # marked before the move to disk
            offset = self._offsets[n] if n < len(self._offsets) else self._out.tell()
        return SpooledRows(self, offset, self._n - n)

    def flush(self) -> None:
        if self._out is not None:
            self._out.flush()

    def __len__(self) -> int:
        return self._n

    def __iter__(self):
        if self._rows is not None:
            return iter(self._rows)
        return self._read(0, self._n)

    def _read(self, offset: int, count: int):
        self._out.flush()
        with open(self.path, "rb") as fh:
            fh.seek(offset)
            for line in islice(fh, count):
                yield _DECODE(line.decode("utf-8", "surrogateescape"))

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("a RowSpool is read in order: only slices")
        if self._rows is not None:
            return self._rows[index]
        return list(islice(self, index.start, index.stop, index.step))

    def close(self) -> None:
        """Remove the file and the rows (its length stays known)."""
        self._rows = [] if self._rows is not None else None
        if self._out is not None and not self._out.closed:
            self._out.close()
        if self.path:
            try:
                os.unlink(self.path)
            except FileNotFoundError:
                pass

    def __del__(self):
        try:
            self.close()
        except Exception:  # noqa: BLE001 - at interpreter exit, modules may be gone
            pass


class SpooledRows:
    """Some consecutive rows of a spool: ``len`` and iteration, read from disk each time."""

    def __init__(self, spool: RowSpool, offset: int, count: int):
        self.spool, self.offset, self.count = spool, offset, count

    def __len__(self) -> int:
        return self.count

    def __iter__(self):
        return self.spool._read(self.offset, self.count)
