"""records.csv: UTF-8 with a BOM (so that Excel reads the Chinese), header row
of the schema's column names, empty cells for values the text does not give."""

from __future__ import annotations

import csv
from operator import itemgetter

from ..records import NAMES
from .cells import FORMULA_START, cell

FILENAME = "records.csv"


def write_rows(path, rows: list[dict], names: tuple[str, ...]) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(names)
        out.writerows(_cells(rows, names))


def _cells(rows: list[dict], names: tuple[str, ...]):
    """Each row's cells as :func:`.cells.cell` gives them; a text that no
    spreadsheet would run as a formula, and an empty value, are taken as they are."""
    get = itemgetter(*names) if len(names) > 1 else (lambda row: (row[names[0]],))
    for row in rows:
        yield ["" if v is None else v if type(v) is str and not v.startswith(FORMULA_START) else cell(v)
               for v in get(row)]


def write(result, path) -> None:
    write_rows(path, result.records, getattr(result, "record_names", NAMES))
