"""records.xlsx: a ``records`` sheet with a frozen, filterable header row,
column widths fitted to the content and flagged rows filled light red; a
``flags`` sheet and a ``documents`` sheet (failed files filled). Written by
:mod:`.spreadsheetml` (standard library, streamed)."""

from __future__ import annotations

import re
from itertools import islice
from operator import itemgetter

from ..records import DOCUMENT_NAMES, FLAG_NAMES, NAMES
from .spreadsheetml import Sheet, write_workbook

FILENAME = "records.xlsx"
FLAGGED_FILL = "FFF4CCCC"      # light red
HEADER_FILL = "FFDDE4EE"
MAX_WIDTH = 60
SAMPLE_ROWS = 200              # rows read to fit the column widths
_WIDE = re.compile("[\u2e80-\U0010ffff]")     # characters that count twice (CJK and beyond)


def write(result, path) -> None:
    sheets = [_sheet("records", result.records, getattr(result, "record_names", NAMES), "status", "flagged"),
              _sheet("flags", result.flags, getattr(result, "flag_names", FLAG_NAMES)),
              _sheet("documents", result.document_rows, DOCUMENT_NAMES, "status", "error")]
    write_workbook(path, sheets, HEADER_FILL, FLAGGED_FILL)


def _sheet(title: str, rows, names: tuple[str, ...], key: str | None = None,
           marked: str | None = None) -> Sheet:
    """``rows``: a list of dicts or anything iterated like one (a RowSpool): the
    sheet's rows are made as the sheet is written, never all at once."""
    get = itemgetter(*names) if len(names) > 1 else (lambda row: (row[names[0]],))
    values = _Values(rows, get)
    sample = [[_value(v) for v in row] for row in islice(values, SAMPLE_ROWS)]
    widths = [_width(name, i, sample) for i, name in enumerate(names)]
    if key in names:
        at = names.index(key)
        highlight = lambda row: row[at] == marked      # noqa: E731
    else:
        highlight = [row[key] == marked for row in rows] if key else None
    return Sheet(title, names, values, widths, highlight)


class _Values:
    """The rows' values in the columns' order, made as they are read."""

    def __init__(self, rows, get):
        self.rows, self.get = rows, get

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self):
        return map(self.get, self.rows)


def _value(v):
    if isinstance(v, (list, tuple)):
        return ";".join(str(x) for x in v)
    return v


def _width(name: str, i: int, values: list[list]) -> float:
    longest = max([_display(name)] + [_display(row[i]) for row in values[:SAMPLE_ROWS]])
    return min(MAX_WIDTH, longest + 2)


def _display(value) -> int:
    """Width in Excel character units: CJK characters count twice."""
    if value is None:
        return 0
    text = str(value)
    return len(text) + len(_WIDE.findall(text))
