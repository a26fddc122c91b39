"""Every export of a real batch: same records, clean read-backs, valid schema."""

import csv
import json
import shutil
import sys

import jsonschema
import openpyxl
import pyarrow.parquet as pq
import pytest

import reportmine
from reportmine.cli import main
from reportmine.records import COLUMNS, FLAG_NAMES, NAMES, load_schema

from helpers import CORPORA

BATCH = ["employment_bureau_self_assessment.txt", "employment_bureau_self_assessment.docx",
         "county_economy_speech.pdf", "environment_energy_self_check.txt"]
TYPES = {c.name: c.type for c in COLUMNS}


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    src = tmp_path_factory.mktemp("batch")
    for name in BATCH:
        shutil.copy(CORPORA / "samples" / name, src / name)
    (src / "empty.txt").write_bytes(b"")
    out = tmp_path_factory.mktemp("out")
    with pytest.raises(SystemExit) as exit_:
        main(["analyze", str(src), "--out", str(out)])
    assert exit_.value.code == 1        # the empty file failed, the rest went on
    return out


def typed(row: dict) -> dict:
    """A csv/xlsx row back to the schema's types (empty cell -> None)."""
    out = {}
    for name in NAMES:
        v = row[name]
        if TYPES[name] == "strings":
            out[name] = [x for x in (v or "").split(";") if x]
        elif v in ("", None):
            out[name] = None
        elif TYPES[name] == "number":
            out[name] = float(v)
        elif TYPES[name] == "integer":
            out[name] = int(v)
        else:
            out[name] = str(v)
    return out


@pytest.fixture(scope="module")
def jsonl(out):
    return [json.loads(line) for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]


def test_every_export_holds_the_same_records(out, jsonl):
    assert len(jsonl) > 100
    assert json.loads((out / "run.json").read_text(encoding="utf-8"))["records"] == len(jsonl)
    raw = (out / "records.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(out / "records.csv", encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames) == NAMES
        from_csv = [typed(r) for r in reader]
    ws = openpyxl.load_workbook(out / "records.xlsx", read_only=True)["records"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == NAMES
    # a row's trailing empty cells are not stored: pad them
    from_xlsx = [typed(dict(zip(NAMES, r + (None,) * (len(NAMES) - len(r))))) for r in rows[1:]]
    table = pq.read_table(out / "records.parquet")
    assert table.schema.names == list(NAMES)
    assert table.schema.metadata[b"schema"] == b"reportmine-record/2"
    from_parquet = table.to_pylist()
    assert from_csv == from_xlsx == from_parquet == jsonl


def test_every_export_validates_against_the_schema(jsonl):
    validator = jsonschema.Draft202012Validator(load_schema())
    for row in jsonl:
        validator.validate(row)
    bad = dict(jsonl[0], actual="9207")
    assert list(validator.iter_errors(bad))


def test_xlsx_is_made_for_people(out, jsonl):
    wb = openpyxl.load_workbook(out / "records.xlsx")
    assert wb.sheetnames == ["records", "flags", "documents"]
    ws = wb["records"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(NAMES))}{len(jsonl) + 1}"
    quote_col = openpyxl.utils.get_column_letter(NAMES.index("quote") + 1)
    assert ws.column_dimensions[quote_col].width > ws.column_dimensions["A"].width > 10
    assert ws["A1"].font.b
    status = NAMES.index("status")
    fills = {row[status].value: row[0].fill.fgColor.rgb for row in ws.iter_rows(min_row=2)}
    assert set(fills) == {"ok", "flagged"}
    assert fills["flagged"] == "FFF4CCCC" and fills["ok"] != fills["flagged"]
    docs = list(wb["documents"].iter_rows(values_only=True))
    assert len(docs) == 1 + len(BATCH) + 1
    error_row = [r for r in docs[1:] if r[0] == "empty.txt"][0]
    assert "E002" in error_row


def test_flags_csv_lists_every_flag_with_its_records(out, jsonl):
    with open(out / "flags.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    n_flags = sum(len(json.loads(p.read_text(encoding="utf-8"))["flags"])
                  for p in (out / "documents").glob("*.json"))
    assert rows and len(rows) == n_flags and tuple(rows[0]) == FLAG_NAMES
    ids = {r["record_id"] for r in jsonl}
    attached = [i for r in rows for i in r["record_ids"].split(";") if i]
    assert attached and set(attached) <= ids
    flagged = {r["record_id"] for r in jsonl if r["status"] == "flagged"}
    assert flagged == set(attached)


def test_records_parquet_is_written_without_pyarrow(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "pyarrow", None)          # import pyarrow -> ImportError
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    src = CORPORA / "samples" / "employment_bureau_self_assessment.txt"
    with pytest.raises(SystemExit) as exit_:
        main(["analyze", str(src), "--out", str(tmp_path)])
    assert exit_.value.code == 0
    assert "[W301]" not in capsys.readouterr().err
    assert not list(tmp_path.glob("*.tmp*"))
    run = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    assert all(o["written"] for o in run["outputs"])
    jsonl = [json.loads(line) for line in (tmp_path / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(jsonl) > 10 and pq.read_table(tmp_path / "records.parquet").to_pylist() == jsonl
