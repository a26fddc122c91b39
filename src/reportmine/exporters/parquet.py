"""records.parquet (pyarrow): one typed column per schema column; list of
strings for flag_codes; the schema id in the file's metadata."""

from __future__ import annotations

import os
import sys
from operator import itemgetter

from ..records import COLUMNS, SCHEMA_ID
from .arrow_columns import column
from .dependencies import require

FILENAME = "records.parquet"
BATCH = 1_000           # records held as dicts at once while the columns are built
GROUP_ROWS = 5_000      # more records than this: written a row group at a time (_write_groups)


def arrow_schema(pa, columns=COLUMNS):
    types = {"string": pa.string(), "number": pa.float64(), "integer": pa.int64(),
             "strings": pa.list_(pa.string())}
    return pa.schema([pa.field(c.name, types[c.type], nullable=c.nullable) for c in columns],
                     metadata={"schema": SCHEMA_ID})


def write(result, path) -> None:
    if "pyarrow" not in sys.modules:
        # pyarrow's buffers from the C library's malloc, unless the user chose: its
        # default pool (mimalloc) keeps what a large file took, on top of all else
        os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
    pa = require("pyarrow", "parquet", FILENAME)
    pq = require("pyarrow.parquet", "parquet", FILENAME)
    columns = getattr(result, "record_columns", COLUMNS)
    schema = arrow_schema(pa, columns)
    records = result.records
    with open(path, "wb") as sink:          # Python opens it: a non-UTF-8 folder name is fine
        if len(records) > GROUP_ROWS:
            _write_groups(pa, pq, sink, schema, columns, records)
            return
        try:                # the same table as from_pylist, without the pandas import it makes
            table = pa.Table.from_arrays(_chunked(pa, columns, records), schema=schema)
        except (TypeError, ValueError, OverflowError):
            table = pa.Table.from_pylist(list(records), schema=schema)
        pq.write_table(table, sink)


def _write_groups(pa, pq, sink, schema, columns, records) -> None:
    """A large batch's records a row group of GROUP_ROWS at a time, each group's
    columns built BATCH records at a time: neither the Arrow copy of every
    record nor a whole group's records as dicts are held at once (the file's
    rows are those of one table; its bytes are not: row groups, and each
    column's dictionary per group)."""
    names = [c.name for c in columns]
    with pq.ParquetWriter(sink, schema) as writer:
        pieces: list[list] = [[] for _ in columns]
        held = 0
        for batch in _batches(records):
            for out, array in zip(pieces, _arrays(pa, schema, columns, names, batch)):
                out.append(array)
            held += len(batch)
            if held >= GROUP_ROWS:
                writer.write_table(pa.Table.from_arrays([_joined(pa, p) for p in pieces], schema=schema))
                held = 0
        if held:
            writer.write_table(pa.Table.from_arrays([_joined(pa, p) for p in pieces], schema=schema))


def _arrays(pa, schema, columns, names, rows: list) -> list:
    """The columns of some records, each one array."""
    try:
        return [column(pa, c.type, values) for c, values in zip(columns, _columns(rows, names))]
    except (TypeError, ValueError, OverflowError):
        table = pa.Table.from_pylist(rows, schema=schema)
        return [table.column(i).combine_chunks() for i in range(table.num_columns)]


def _chunked(pa, columns, records) -> list:
    """Each column as one array, the records read once, BATCH at a time."""
    chunks: list[list] = [[] for _ in columns]
    batch = []
    names = [c.name for c in columns]
    for batch in _batches(records):
        for c, out, values in zip(columns, chunks, _columns(batch, names)):
            out.append(column(pa, c.type, values))
    if not chunks[0]:           # no records: an empty column of each type
        return [column(pa, c.type, []) for c in columns]
    del batch
    return [_joined(pa, out) for out in chunks]


def _columns(batch: list[dict], names: list[str]) -> list:
    """The values of each column (``r.get(name)`` of each record), in one pass when
    every record has every column."""
    if len(names) > 1:
        try:
            return list(zip(*map(itemgetter(*names), batch)))
        except KeyError:            # a record without some column: it is empty there
            pass
    return [[r.get(name) for r in batch] for name in names]


def _joined(pa, arrays: list):
    """A column's batches as one array, a column at a time (the writer's
    dictionary fallback depends on how a column is cut: one piece keeps the
    file the bytes it had when the records were one list)."""
    joined = arrays[0] if len(arrays) == 1 else pa.concat_arrays(arrays)
    arrays.clear()
    return joined


def _batches(records):
    batch = []
    for record in records:
        batch.append(record)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch
