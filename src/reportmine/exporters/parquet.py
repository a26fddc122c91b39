"""records.parquet (pyarrow): one typed column per schema column; list of
strings for flag_codes; the schema id in the file's metadata."""

from __future__ import annotations

from ..records import COLUMNS, SCHEMA_ID
from .arrow_columns import column
from .dependencies import require

FILENAME = "records.parquet"


def arrow_schema(pa, columns=COLUMNS):
    types = {"string": pa.string(), "number": pa.float64(), "integer": pa.int64(),
             "strings": pa.list_(pa.string())}
    return pa.schema([pa.field(c.name, types[c.type], nullable=c.nullable) for c in columns],
                     metadata={"schema": SCHEMA_ID})


def write(result, path) -> None:
    pa = require("pyarrow", "parquet", FILENAME)
    pq = require("pyarrow.parquet", "parquet", FILENAME)
    columns = getattr(result, "record_columns", COLUMNS)
    schema = arrow_schema(pa, columns)
    try:                # the same table as from_pylist, without the pandas import it makes
        table = pa.Table.from_arrays([column(pa, c.type, [r.get(c.name) for r in result.records])
                                      for c in columns], schema=schema)
    except (TypeError, ValueError, OverflowError):
        table = pa.Table.from_pylist(result.records, schema=schema)
    with open(path, "wb") as sink:          # Python opens it: a non-UTF-8 folder name is fine
        pq.write_table(table, sink)
