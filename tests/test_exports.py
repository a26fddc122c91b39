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


def test_missing_pyarrow_is_reported_and_the_rest_written(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "pyarrow", None)          # import pyarrow -> ImportError
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    src = CORPORA / "samples" / "employment_bureau_self_assessment.txt"
    with pytest.raises(SystemExit) as exit_:
        main(["analyze", str(src), "--out", str(tmp_path)])
    assert exit_.value.code == 0
    err = capsys.readouterr().err
    assert "[W301]" in err and "pyarrow" in err and "reportmine[parquet]" in err
    assert not (tmp_path / "records.parquet").exists()
    assert not list(tmp_path.glob("*.tmp*"))
    for name in ("records.jsonl", "records.csv", "records.xlsx", "flags.csv", "run.json"):
        assert (tmp_path / name).stat().st_size > 0, name
    run = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    assert [o["code"] for o in run["outputs"] if not o["written"]] == ["W301"]


def test_python_api_one_path_or_many():
    one = reportmine.analyze(CORPORA / "samples" / "employment_bureau_self_assessment.txt")
    assert len(one.documents) == 1 and one.records and not one.errors
    assert {r["doc"] for r in one.records} == {"employment_bureau_self_assessment.txt"}
    many = reportmine.analyze([CORPORA / "samples" / "employment_bureau_self_assessment.txt",
                               CORPORA / "samples" / "no_such_file.txt"])
    assert many.records == one.records
    assert [e["code"] for e in many.errors] == ["E001"]
    df = one.to_dataframe()
    assert list(df.columns) == list(NAMES) and len(df) == len(one.records)
    assert df["actual"].dtype.kind == "f"
    assert len(one.to_dataframe("flags")) == len(one.flags)


def test_csv_cells_a_spreadsheet_would_run_as_formulas_are_quoted(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "=HYPERLINK(1).txt").write_text("全市城镇新增就业5218人，完成年度目标的104.4%。", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["analyze", str(src), "--out", str(tmp_path / "out"), "--no-html", "-q"])
    assert exit_.value.code == 0
    with open(tmp_path / "out" / "records.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and {r["doc"] for r in rows} == {"'=HYPERLINK(1).txt"}
    assert any(r["actual"] == "5218" for r in rows)          # numbers are left as they are
    jsonl_docs = {json.loads(line)["doc"] for line in
                  (tmp_path / "out" / "records.jsonl").read_text(encoding="utf-8").splitlines()}
    assert jsonl_docs == {"=HYPERLINK(1).txt"}               # only the spreadsheet text is guarded


def test_a_plain_signed_number_is_not_quoted():
    from reportmine.exporters.cells import cell

    assert [cell(v) for v in ("-5", "+3.5%", "-2.5", "=1+1", "@SUM(A1)", "-1+cmd", -5.0)] == \
        ["-5", "+3.5%", "-2.5", "'=1+1", "'@SUM(A1)", "'-1+cmd", "-5"]


def test_document_json_holds_what_asdict_gives_one_object_per_line(out, tmp_path):
    """documents/<name>.json: the Document's fields as dataclasses.asdict gives them
    (lists and dicts copied, not shared), each quantity, flag and block on a line of its own."""
    from dataclasses import asdict

    from reportmine.output import DocumentWriter
    from reportmine.pipeline import Pipeline

    doc = Pipeline().analyze(CORPORA / "samples" / "employment_bureau_self_assessment.txt")
    doc.flags[0].evidence = [{"start": 1, "end": 2, "values": [1.5, None]}]
    data = doc.to_dict()
    for name in ("articles", "sections", "tables", "boilerplate", "blocks", "quantities", "flags"):
        assert data[name] == [asdict(x) for x in getattr(doc, name)], name
    assert data["flags"][0]["evidence"] == doc.flags[0].evidence
    assert data["flags"][0]["evidence"] is not doc.flags[0].evidence
    path = DocumentWriter(tmp_path).write(doc)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert json.loads("\n".join(lines)) == json.loads(json.dumps(doc.to_dict(text=False), ensure_ascii=False))
    assert len(lines) > len(doc.quantities) + len(doc.flags) + len(doc.blocks)
    assert sum(line.startswith('  {"start"') for line in lines) >= len(doc.quantities)
    written = json.loads((out / "documents" / "employment_bureau_self_assessment.txt.json").read_text(encoding="utf-8"))
    assert written["quantities"] == data["quantities"]
