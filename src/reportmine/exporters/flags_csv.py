"""flags.csv: one row per review flag of the batch (UTF-8 with a BOM), with
the ids of the records it is attached to."""

from __future__ import annotations

from ..records import FLAG_NAMES
from .csv import write_rows

FILENAME = "flags.csv"


def write(result, path) -> None:
    write_rows(path, result.flags, getattr(result, "flag_names", FLAG_NAMES))
