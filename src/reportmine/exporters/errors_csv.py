"""errors.csv: one row per input file that could not be analyzed (path, doc,
code, message), UTF-8 with a BOM like the other CSVs; only the header when
every file was read."""

from __future__ import annotations

from .csv import write_rows

FILENAME = "errors.csv"
NAMES = ("path", "doc", "code", "message")


def write(result, path) -> None:
    write_rows(path, result.errors, NAMES)
