"""records.csv: UTF-8 with a BOM (so that Excel reads the Chinese), header row
of the schema's column names, empty cells for values the text does not give."""

from __future__ import annotations

import csv

from ..records import NAMES
from .cells import cell

FILENAME = "records.csv"


def write_rows(path, rows: list[dict], names: tuple[str, ...]) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(names)
        out.writerows([cell(row[n]) for n in names] for row in rows)


def write(result, path) -> None:
    write_rows(path, result.records, getattr(result, "record_names", NAMES))
