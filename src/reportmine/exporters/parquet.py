"""records.parquet: one typed column per schema column (UTF-8 strings, doubles,
64-bit integers; a list of strings for flag_codes and corrected_fields), the
schema id in the file's metadata. Written by ``parquet_file`` (Python, no
pyarrow): up to GROUP_ROWS records in one row group, more a row group at a time."""

from __future__ import annotations

from operator import itemgetter

from ..records import COLUMNS, SCHEMA_ID
from .parquet_file import Column, ParquetWriter

FILENAME = "records.parquet"
BATCH = 1_000           # records held as dicts at once while the columns are built
GROUP_ROWS = 5_000      # more records than this: a row group each GROUP_ROWS (whole batches)


def write(result, path) -> None:
    columns = getattr(result, "record_columns", COLUMNS)
    names = [c.name for c in columns]
    with open(path, "wb") as sink:          # Python opens it: a non-UTF-8 folder name is fine
        writer = ParquetWriter(sink, [Column(c.name, c.type, c.nullable) for c in columns],
                               {"schema": SCHEMA_ID})
        pieces: list[list] = [[] for _ in columns]
        held = 0
        for batch in _batches(result.records):
            for out, values in zip(pieces, _columns(batch, names)):
                out.extend(values)
            held += len(batch)
            if held >= GROUP_ROWS:
                writer.write_group(pieces)
                pieces, held = [[] for _ in columns], 0
        if held or not writer.groups:
            writer.write_group(pieces)
        writer.close()


def _columns(batch: list[dict], names: list[str]) -> list:
    """The values of each column (``r.get(name)`` of each record), in one pass when
    every record has every column."""
    if len(names) > 1:
        try:
            return list(zip(*map(itemgetter(*names), batch)))
        except KeyError:            # a record without some column: it is empty there
            pass
    return [[r.get(name) for r in batch] for name in names]


def _batches(records):
    batch = []
    for record in records:
        batch.append(record)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch
