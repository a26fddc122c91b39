"""records.csv: UTF-8 with a BOM (so that Excel reads the Chinese), header row
of the schema's column names, empty cells for values the text does not give."""

from __future__ import annotations

import csv
import io
from itertools import islice, repeat
from operator import itemgetter

from ..records import NAMES
from .cells import FORMULA_START, cell

FILENAME = "records.csv"


CHUNK = 2000          # rows formatted in memory per write to the file


def write_rows(path, rows: list[dict], names: tuple[str, ...]) -> None:
    """The header and the rows; the csv module writes each chunk of rows into
    memory and the file takes it in one write (a write per row costs more)."""
    cells = _cells(rows, names)
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerow(names)
        while True:
            buffer = io.StringIO()
            csv.writer(buffer).writerows(islice(cells, CHUNK))
            if not buffer.tell():
                break
            fh.write(buffer.getvalue())


def _cells(rows: list[dict], names: tuple[str, ...]):
    """Each row's cells as :func:`.cells.cell` gives them, converted a column at
    a time: the csv module writes an empty value, an int and a text as they are,
    so a column of those (no text a spreadsheet would run as a formula) is taken
    as it is and a column of numbers only has its whole floats made ints (each
    value's cell is the same whatever else its chunk of rows holds)."""
    get = itemgetter(*names) if len(names) > 1 else (lambda row: (row[names[0]],))
    rows = iter(rows)           # CHUNK rows at a time: a spool of records is never held whole
    while chunk := list(islice(rows, CHUNK)):
        columns = [_column(values) for values in zip(*map(get, chunk))]
        yield from zip(*columns)


def _column(values: tuple):
    kinds = set(map(type, values))
    if kinds <= _TEXT and not _formula_in(values, kinds):
        return values
    if kinds <= _NUMBERS:
        return [_whole(v) if type(v) is float else v for v in values]
    return ["" if v is None else v if type(v) is str and not v.startswith(FORMULA_START) else cell(v)
            for v in values]


def _formula_in(values: tuple, kinds: set) -> bool:
    """Whether a text of ``values`` (texts, ints, empty values) starts like a formula."""
    if int in kinds:
        return any(v.startswith(FORMULA_START) for v in values if type(v) is str)
    return any(map(str.startswith, filter(None, values), repeat(FORMULA_START)))     # (the empty ones cannot)


_TEXT = frozenset({str, int, type(None)})
_NUMBERS = frozenset({float, int, type(None)})


def _whole(v: float) -> int | float:
    """9207.0 -> 9207 (what :func:`.cells.cell` writes); other floats the csv module writes by repr."""
    return int(v) if v.is_integer() and abs(v) < 1e15 else v


def write(result, path) -> None:
    write_rows(path, result.records, getattr(result, "record_names", NAMES))
