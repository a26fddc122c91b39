"""records.parquet's columns built without pa.array: the same table, and no pandas import."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pyarrow as pa
import pytest

from reportmine.exporters.arrow_columns import column
from reportmine.exporters.parquet import arrow_schema
from reportmine.records.columns import Column

COLUMNS = (Column("id", "string", False), Column("value", "number"), Column("page", "integer"),
           Column("codes", "strings", False), Column("note", "string"))
RECORDS = [   # values written for this test: nulls, CJK, an emoji, an int in a float column, lists
    {"id": "a1", "value": 12.5, "page": 3, "codes": ["W601", "W602"], "note": "城镇新增就业1.2万人"},
    {"id": "a2", "value": None, "page": None, "codes": [], "note": None},
    {"id": "a3", "value": 7, "page": -4, "codes": ["异常"], "note": ""},
    {"id": "", "value": float("inf"), "page": 2**62, "codes": ["", "E001"], "note": "🙂 x"},
    {"id": "a5", "value": -0.0, "codes": ["W601"]},            # missing keys are empty
]


def _built(records):
    schema = arrow_schema(pa, COLUMNS)
    return pa.Table.from_arrays([column(pa, c.type, [r.get(c.name) for r in records]) for c in COLUMNS],
                                schema=schema)


@pytest.mark.parametrize("records", [RECORDS, RECORDS[1:2] * 9, []], ids=["mixed", "nulls", "empty"])
def test_the_same_table_as_from_pylist(records):
    ours = _built(records)
    theirs = pa.Table.from_pylist(records, schema=arrow_schema(pa, COLUMNS))
    ours.validate(full=True)
    assert ours.equals(theirs, check_metadata=True)
    assert ours.to_pylist() == theirs.to_pylist()


@pytest.mark.parametrize("kind, value", [("string", 5), ("number", True), ("number", "1.5"),
                                         ("integer", 1.5), ("strings", "W601")])
def test_a_value_of_another_type_is_refused(kind, value):
    with pytest.raises(TypeError):
        column(pa, kind, [None, value])


def test_writing_parquet_does_not_import_pandas(tmp_path):
    code = textwrap.dedent(f"""
        import sys
        from types import SimpleNamespace
        from reportmine.exporters import parquet
        records = [{{"record_id": "r1", "doc": "报告.txt", "doc_sha256": "0" * 64, "status": "ok",
                    "flag_codes": ["W601"], "quote": "新增1.2万人", "start": 0, "end": 5}}]
        parquet.write(SimpleNamespace(records=records), {str(tmp_path / "r.parquet")!r})
        print("pandas" in sys.modules)
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "r.parquet").column("doc").to_pylist() == ["报告.txt"]


def test_a_large_batch_is_written_a_row_group_at_a_time_with_the_same_rows(tmp_path, monkeypatch):
    import pyarrow.parquet as pq
    from types import SimpleNamespace

    from reportmine.exporters import parquet

    records = [dict(r, id=f"{r.get('id')}-{i}") for i in range(7) for r in RECORDS]     # 35 rows
    whole, grouped = tmp_path / "whole.parquet", tmp_path / "grouped.parquet"
    monkeypatch.setattr(parquet, "BATCH", 4)
    parquet.write(SimpleNamespace(records=records, record_columns=COLUMNS), whole)
    monkeypatch.setattr(parquet, "GROUP_ROWS", 10)
    parquet.write(SimpleNamespace(records=records, record_columns=COLUMNS), grouped)
    assert pq.ParquetFile(whole).num_row_groups == 1
    assert pq.ParquetFile(grouped).num_row_groups == 3          # 12 + 12 + 11: whole batches of 4
    assert pq.read_table(grouped).equals(pq.read_table(whole), check_metadata=True)
    assert pq.read_table(grouped).to_pylist() == _built(records).to_pylist()
