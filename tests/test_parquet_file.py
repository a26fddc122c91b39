"""records.parquet written in Python (exporters/parquet_file.py): pyarrow reads
back the records pyarrow itself would have written, value by value and type by
type; row groups, nulls, empty lists, refused values; no pyarrow or numpy
imported to write it."""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap
from types import SimpleNamespace

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from reportmine.exporters import parquet
from reportmine.exporters.parquet_file import Column as FileColumn
from reportmine.exporters.parquet_file import ParquetWriter
from reportmine.records.columns import Column

COLUMNS = (Column("id", "string", False), Column("value", "number"), Column("page", "integer"),
           Column("codes", "strings", False), Column("note", "string"), Column("fixed", "strings"),
           Column("count", "integer", False))
RECORDS = [   # values written for this test: nulls, CJK, an emoji, an int in a float column, lists
    {"id": "a1", "value": 12.5, "page": 3, "codes": ["W601", "W602"], "note": "城镇新增就业1.2万人",
     "fixed": None, "count": 0},
    {"id": "a2", "value": None, "page": None, "codes": [], "note": None, "fixed": [], "count": -1},
    {"id": "a3", "value": 7, "page": -4, "codes": ["异常"], "note": "", "fixed": ["x", None], "count": 2**63 - 1},
    {"id": "", "value": float("inf"), "page": 2**62, "codes": ["", "E001"], "note": "🙂 x",
     "fixed": ["y"], "count": -2**63},
    {"id": "a5", "value": -0.0, "codes": ["W601"], "count": 5},            # missing keys are empty
    {"id": "a6", "value": float("nan"), "page": 0, "codes": [None], "note": "x" * 70_000, "count": 1},
]


def _arrow_type(kind):
    return {"string": pa.string(), "number": pa.float64(), "integer": pa.int64(),
            "strings": pa.list_(pa.string())}[kind]


def _theirs(records, tmp_path):
    """The same records written by pyarrow (the reference), read back."""
    schema = pa.schema([pa.field(c.name, _arrow_type(c.type), nullable=c.nullable) for c in COLUMNS],
                       metadata={"schema": "reportmine-record/2"})
    path = tmp_path / "theirs.parquet"
    pq.write_table(pa.Table.from_pylist(records, schema=schema), path)
    return pq.read_table(path)


def _rows(table):
    """Rows with NaN made comparable."""
    return [{k: ("NaN" if v != v else v) for k, v in row.items()} for row in table.to_pylist()]


@pytest.mark.parametrize("records", [RECORDS, RECORDS[1:2] * 9, []], ids=["mixed", "nulls", "empty"])
def test_pyarrow_reads_back_what_pyarrow_would_have_written(records, tmp_path):
    path = tmp_path / "ours.parquet"
    parquet.write(SimpleNamespace(records=records, record_columns=COLUMNS), path)
    ours, theirs = pq.read_table(path), _theirs(records, tmp_path)
    ours.validate(full=True)
    assert _rows(ours) == _rows(theirs) and ours.num_rows == len(records)
    assert ours.schema.metadata == {b"schema": b"reportmine-record/2"}
    for c in COLUMNS:
        field, reference = ours.schema.field(c.name), theirs.schema.field(c.name)
        assert field.nullable == reference.nullable == c.nullable, c.name
        if c.type == "strings":
            assert pa.types.is_list(field.type) and field.type.value_type == pa.string()
            assert field.type.value_field.nullable
        else:
            assert field.type == reference.type, c.name



def test_a_large_batch_is_written_a_row_group_at_a_time_with_the_same_rows(tmp_path, monkeypatch):
    records = [dict(r, id=f"{r.get('id')}-{i}") for i in range(7) for r in RECORDS[:5]]     # 35 rows
    whole, grouped = tmp_path / "whole.parquet", tmp_path / "grouped.parquet"
    monkeypatch.setattr(parquet, "BATCH", 4)
    parquet.write(SimpleNamespace(records=records, record_columns=COLUMNS), whole)
    monkeypatch.setattr(parquet, "GROUP_ROWS", 10)
    parquet.write(SimpleNamespace(records=records, record_columns=COLUMNS), grouped)
    assert pq.ParquetFile(whole).num_row_groups == 1
    assert pq.ParquetFile(grouped).num_row_groups == 3          # 12 + 12 + 11: whole batches of 4
    assert [pq.ParquetFile(grouped).metadata.row_group(i).num_rows for i in range(3)] == [12, 12, 11]
    assert pq.read_table(grouped).equals(pq.read_table(whole), check_metadata=True)
    assert _rows(pq.read_table(grouped)) == _rows(_theirs(records, tmp_path))


def test_long_runs_of_levels_and_many_values(tmp_path):
    """Runs longer than a one-byte header (and than 2**14) and lists of many items."""
    records = ([{"id": str(i), "codes": [], "count": i} for i in range(20_000)]
               + [{"id": "x", "codes": [f"W{i}" for i in range(300)], "count": 1, "note": "尾"}])
    path = tmp_path / "long.parquet"
    parquet.write(SimpleNamespace(records=records, record_columns=COLUMNS), path)
    got = pq.read_table(path)
    assert got.num_rows == 20_001 and pq.ParquetFile(path).num_row_groups == 5
    assert got.column("codes").to_pylist()[-1] == [f"W{i}" for i in range(300)]
    assert got.column("note").to_pylist().count(None) == 20_000 and got.column("count").to_pylist()[:3] == [0, 1, 2]


@pytest.mark.parametrize("kind, value", [("string", 5), ("number", True), ("number", "1.5"),
                                         ("integer", 1.5), ("integer", True), ("strings", "W601"),
                                         ("strings", [3]), ("integer", 2**63)])
def test_a_value_of_another_type_is_refused(kind, value):
    writer = ParquetWriter(io.BytesIO(), [FileColumn("c", kind, True)])
    with pytest.raises((TypeError, OverflowError)):
        writer.write_group([[None, value]])


def test_a_null_in_a_required_column_is_refused():
    for kind in ("string", "number", "integer", "strings"):
        writer = ParquetWriter(io.BytesIO(), [FileColumn("c", kind, False)])
        with pytest.raises(TypeError):
            writer.write_group([[None]])


def test_writing_parquet_imports_neither_pyarrow_nor_numpy(tmp_path):
    code = textwrap.dedent(f"""
        import sys
        from types import SimpleNamespace
        from reportmine.exporters import parquet
        records = [{{"record_id": "r1", "doc": "报告.txt", "doc_sha256": "0" * 64, "status": "ok",
                    "flag_codes": ["W601"], "corrected_fields": [], "quote": "新增1.2万人", "start": 0, "end": 5}}]
        parquet.write(SimpleNamespace(records=records), {str(tmp_path / "r.parquet")!r})
        print(sorted(m for m in ("pyarrow", "numpy", "pandas") if m in sys.modules))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
    table = pq.read_table(tmp_path / "r.parquet")
    assert table.column("doc").to_pylist() == ["报告.txt"] and table.column("flag_codes").to_pylist() == [["W601"]]
    assert table.column("actual").to_pylist() == [None]


from hypothesis import given, settings, strategies as st  # noqa: E402

_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
_ROW = st.fixed_dictionaries({
    "id": _TEXT,
    "value": st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True), st.integers(-2**53, 2**53)),
    "page": st.one_of(st.none(), st.integers(-2**63, 2**63 - 1)),
    "codes": st.lists(st.one_of(st.none(), _TEXT), max_size=4),
    "note": st.one_of(st.none(), _TEXT),
    "fixed": st.one_of(st.none(), st.lists(_TEXT, max_size=3)),
    "count": st.integers(-2**63, 2**63 - 1),
})


@settings(max_examples=60, deadline=None)
@given(st.lists(_ROW, max_size=40), st.integers(1, 12))
def test_any_records_read_back_as_written(rows, group_rows):
    """Whatever the values (any text, NaN, infinities, int64 limits, nulls in
    lists, empty lists) and however the row groups fall, pyarrow reads back the
    records written."""
    import math
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = f"{tmp}/r.parquet"
        old_group, old_batch = parquet.GROUP_ROWS, parquet.BATCH
        parquet.GROUP_ROWS, parquet.BATCH = group_rows, max(1, group_rows // 2)
        try:
            parquet.write(SimpleNamespace(records=rows, record_columns=COLUMNS), path)
        finally:
            parquet.GROUP_ROWS, parquet.BATCH = old_group, old_batch
        got = pq.read_table(path).to_pylist()

    def same(a, b):
        if isinstance(a, float) and isinstance(b, float) and math.isnan(a):
            return math.isnan(b)
        if isinstance(b, float) and isinstance(a, int) and not isinstance(a, bool):
            return float(a) == b
        return a == b and type(a) is type(b) or (a == b and {type(a), type(b)} <= {list, tuple})

    assert len(got) == len(rows)
    for written, read in zip(rows, got):
        for c in COLUMNS:
            assert same(written.get(c.name), read[c.name]), (c.name, written.get(c.name), read[c.name])
