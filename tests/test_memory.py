"""Bounded memory on big inputs: the memory limit in this process, the record
spool, outcomes written without a second copy of their document."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap

from engine_helpers import analyze, report

from reportmine.engines.work import Settings, analyze_task, make_task
from reportmine.exporters import jsonl
from reportmine.json_stream import read_lines, write_lines
from reportmine.records.spool import RowSpool

SETTINGS = Settings.from_options(max_bytes=50 * 1024 * 1024)

# run in a process of its own: a limit a little above what the loaded pipeline
# takes, then a text that needs far more than that, then no limit
LIMIT_SCRIPT = textwrap.dedent("""
    import json, resource, sys
    sys.path.insert(0, sys.argv[1])
    from engine_helpers import report
    from reportmine.engines.local import LocalEngine
    from reportmine.engines.work import Settings, make_task, warm_up
    from reportmine.engines.worker import address_space_mb
    settings = Settings.from_options(max_bytes=10**9)
    warm_up(settings)
    text = "".join(report(i, 8) for i in range(500)).encode("utf-8")
    before = resource.getrlimit(resource.RLIMIT_AS)
    codes = []
    for mb in (address_space_mb() + 24, 0):
        LocalEngine(workers=1, memory_mb=mb).run([make_task(0, "/in/big.txt", text, settings)], settings,
                                                 lambda o: codes.append((o.code, len(o.records))))
    print(json.dumps({"codes": codes, "restored": resource.getrlimit(resource.RLIMIT_AS) == before}))
""")


def test_the_memory_limit_holds_when_files_are_analyzed_in_this_process(tmp_path):
    tests = str(__import__("pathlib").Path(__file__).parent)
    done = subprocess.run([sys.executable, "-c", LIMIT_SCRIPT, tests], capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    out = json.loads(done.stdout.splitlines()[-1])
    (limited, limited_records), (free, free_records) = out["codes"]
    assert limited == "E802" and limited_records == 0
    assert free is None and free_records > 1000
    assert out["restored"]


def test_a_limit_below_what_the_process_takes_is_a_coded_error(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(report(1), encoding="utf-8")
    done = analyze(path, "--out", tmp_path / "out", "--workers", "1", "--memory-limit", "1")
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2 and "E810" in err and "Traceback" not in err


def test_spooled_rows_come_back_as_the_list_they_stand_for(tmp_path):
    rows = [{"doc": "甲.txt", "actual": 9207.0, "rate": None, "codes": ["R301"], "n": 3, "x": float("nan")},
            {"doc": "乙\n", "actual": -0.5e-7, "rate": 1.15, "codes": [], "n": 0, "x": 1e300}] * 3
    for keep in (100, 3, 0):            # held, moved to disk in the middle, on disk from the first row
        spool = RowSpool(tmp_path, keep=keep)
        spool += rows[:2]
        mark = spool.mark()
        spool.extend(rows[2:])
        assert len(spool) == 6 and json.dumps(spool[1:3]) == json.dumps(rows[1:3])
        assert json.dumps(list(spool.since(mark))) == json.dumps(rows[2:])
        for _ in range(2):             # read as often as an exporter likes
            assert json.dumps(list(spool)) == json.dumps(rows)
        assert (spool.path is None) == (keep == 100)
        listed, spooled = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
        jsonl.write(type("R", (), {"records": rows}), listed)
        jsonl.write(type("R", (), {"records": spool}), spooled)
        assert listed.read_bytes() == spooled.read_bytes()
        spool.close()
        assert len(spool) == 6 and list(tmp_path.glob("rows-*")) == []


def test_an_outcome_written_from_its_document_equals_the_plain_one():
    task = make_task(0, "/in/r.txt", "".join(report(i) for i in range(5)).encode("utf-8"), SETTINGS)
    plain, lazy = analyze_task(task, SETTINGS), analyze_task(task, SETTINGS, lazy=True)
    assert type(lazy.document["quantities"]) is not list and len(lazy.document["quantities"]) > 20
    plain.seconds = lazy.seconds = 0.0
    assert lazy.to_json() == plain.to_json()
    out = io.StringIO()
    write_lines(out, plain.to_dict())
    assert read_lines(io.BytesIO(out.getvalue().encode("utf-8"))) == json.loads(json.dumps(plain.to_dict()))


def test_a_lazy_outcomes_records_wait_on_disk_and_are_written_as_the_plain_ones(tmp_path, monkeypatch):
    import gc
    import tempfile

    from reportmine.engines import work

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(work, "LAZY_KEEP_ROWS", 5)
    task = make_task(0, "/in/r.txt", "".join(report(i) for i in range(5)).encode("utf-8"), SETTINGS)
    plain, lazy = analyze_task(task, SETTINGS), analyze_task(task, SETTINGS, lazy=True)
    assert type(plain.records) is list and len(plain.records) > 5
    assert isinstance(lazy.records, RowSpool) and lazy.records.path and len(lazy.records) == len(plain.records)
    assert lazy.document_row == plain.document_row
    plain.seconds = lazy.seconds = 0.0
    assert lazy.to_json() == plain.to_json()
    del lazy
    gc.collect()
    assert list(tmp_path.glob("rows-*")) == []          # the spool's file goes with the outcome
