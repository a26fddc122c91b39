"""`reportmine analyze` as a batch: real processes, real files, real SIGKILL and SIGINT."""

from __future__ import annotations

import csv
import signal
import sqlite3
import subprocess

from engine_helpers import (analyze, interruptible, command, report, run_json, same_outputs, stored_results,
                            wait_for, write_batch)


def test_workers_1_and_2_give_identical_records_and_database(tmp_path):
    files = write_batch(tmp_path / "in", 5)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    one = analyze(tmp_path / "in", "--out", tmp_path / "one", "--workers", "1")
    two = analyze(tmp_path / "in", "--out", tmp_path / "two", "--workers", "2")
    assert one.returncode == two.returncode == 1, two.stderr.decode()
    same_outputs(tmp_path / "one", tmp_path / "two")
    rows = (tmp_path / "two" / "records.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) > len(files)                          # the reports do give records
    assert "Traceback" not in two.stderr.decode()


def test_unchanged_rerun_reuses_every_result_and_a_changed_file_is_redone(tmp_path):
    files = write_batch(tmp_path / "in", 4)
    out = tmp_path / "out"
    assert analyze(tmp_path / "in", "--out", out, "--workers", "2").returncode == 0
    first = (out / "records.csv").read_bytes()
    assert run_json(out)["counts"] == {"files": 4, "analyzed": 4, "cached": 0, "failed": 0, "pending": 0}
    assert analyze(tmp_path / "in", "--out", out, "--workers", "2").returncode == 0
    assert run_json(out)["counts"] == {"files": 4, "analyzed": 0, "cached": 4, "failed": 0, "pending": 0}
    assert (out / "records.csv").read_bytes() == first
    with sqlite3.connect(out / "reportmine.db") as conn:          # the rerun is a run of its own
        assert conn.execute("SELECT file_count, ok_count FROM runs").fetchall() == [(4, 4), (4, 4)]
        assert conn.execute("SELECT count(*) FROM run_files").fetchone() == (8,)
    files[1].write_text(report(40), encoding="utf-8")
    assert analyze(tmp_path / "in", "--out", out, "--workers", "2").returncode == 0
    assert run_json(out)["counts"]["analyzed"] == 1
    assert analyze(tmp_path / "in", "--out", out, "--workers", "1", "--force").returncode == 0
    assert run_json(out)["counts"]["analyzed"] == 4


def test_stale_documents_of_removed_files_do_not_stay(tmp_path):
    files = write_batch(tmp_path / "in", 3)
    out = tmp_path / "out"
    assert analyze(tmp_path / "in", "--out", out, "--workers", "1").returncode == 0
    files[2].unlink()
    assert analyze(tmp_path / "in", "--out", out, "--workers", "1").returncode == 0
    assert sorted(p.name for p in (out / "documents").iterdir()) == ["report_00.txt.json", "report_01.txt.json"]
    assert "report_02.txt" not in (out / "records.csv").read_text(encoding="utf-8-sig")
    assert stored_results(out) == 2


def test_a_slow_file_hits_the_timeout_and_the_batch_goes_on(tmp_path):
    write_batch(tmp_path / "in", 3)
    (tmp_path / "in" / "huge.txt").write_text(report(99, paragraphs=12000), encoding="utf-8")
    out = tmp_path / "out"
    result = analyze(tmp_path / "in", "--out", out, "--workers", "2", "--timeout", "4")
    assert result.returncode == 1
    with open(out / "errors.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["doc"], r["code"]) for r in rows] == [("huge.txt", "E801")]
    assert set(rows[0]) == {"path", "doc", "code", "message"} and "4 秒" in rows[0]["message"]
    assert run_json(out)["counts"] == {"files": 4, "analyzed": 4, "cached": 0, "failed": 1, "pending": 0}
    assert run_json(out)["status"] == "complete"
    assert "huge.txt" in result.stderr.decode() and "Traceback" not in result.stderr.decode()
    assert (out / "errors.csv").read_bytes().startswith(b"\xef\xbb\xbf")


# the interrupted runs below have 24 files: with fewer, a loaded machine (the
# test process starved of CPU while the batch runs) saw the batch finish before
# the signal was sent, and the interrupt found nothing left to stop
INTERRUPTED_FILES = 24


def test_kill_9_mid_run_then_rerun_equals_an_uninterrupted_run(tmp_path):
    write_batch(tmp_path / "in", INTERRUPTED_FILES, paragraphs=150)
    clean, killed = tmp_path / "clean", tmp_path / "killed"
    assert analyze(tmp_path / "in", "--out", clean, "--workers", "1").returncode == 0
    proc = subprocess.Popen(command(tmp_path / "in", "--out", killed, "--workers", "1"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert wait_for(lambda: stored_results(killed) >= 2)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert run_json(killed)["status"] == "running"          # a valid run.json, saying what it knows
    kept = stored_results(killed)
    assert 2 <= kept < INTERRUPTED_FILES
    assert analyze(tmp_path / "in", "--out", killed, "--workers", "2").returncode == 0
    assert run_json(killed)["counts"]["cached"] == kept
    assert run_json(killed)["counts"]["analyzed"] == INTERRUPTED_FILES - kept
    same_outputs(clean, killed)


def test_ctrl_c_exits_130_with_consistent_outputs_and_a_rerun_finishes(tmp_path):
    # (300 paragraphs: at 150 a fresh clone's first run, compiling as it went, once
    # saw the batch finish before the signal was sent)
    write_batch(tmp_path / "in", INTERRUPTED_FILES, paragraphs=300)
    out = tmp_path / "out"
    proc = subprocess.Popen(command(tmp_path / "in", "--out", out, "--workers", "2"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=interruptible)
    assert wait_for(lambda: stored_results(out) >= 2)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err.decode()
    assert "Traceback" not in err.decode()
    summary = run_json(out)
    assert summary["status"] == "interrupted"
    ok = [r["doc"] for r in summary["results"] if r["status"] == "ok"]
    pending = [r["doc"] for r in summary["results"] if r["status"] == "error"]
    assert ok and pending and len(ok) + len(pending) == INTERRUPTED_FILES
    assert {r["error"]["code"] for r in summary["results"] if r["status"] == "error"} == {"E805"}
    records = (out / "records.csv").read_text(encoding="utf-8-sig")
    assert all(name in records for name in ok) and not any(name in records for name in pending)
    assert analyze(tmp_path / "in", "--out", out, "--workers", "2").returncode == 0
    assert run_json(out)["status"] == "complete" and run_json(out)["counts"]["failed"] == 0


def test_errors_csv_strict_and_an_unwritable_out(tmp_path):
    write_batch(tmp_path / "in", 2)
    (tmp_path / "in" / "a_empty.txt").write_bytes(b"")
    (tmp_path / "in" / "b_binary.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    out = tmp_path / "out"
    result = analyze(tmp_path / "in", "--out", out, "--workers", "1")
    assert result.returncode == 1
    with open(out / "errors.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["doc"], r["code"][:2]) for r in rows] == [("a_empty.txt", "E0"), ("b_binary.pdf", "E2")]
    assert rows[0]["code"] == "E002" and rows[0]["path"].endswith("a_empty.txt") and rows[0]["message"]
    assert "a_empty.txt" in result.stderr.decode()                          # listed at the end
    assert "2 个文件未能分析" in result.stderr.decode()                       # each once
    strict = analyze(tmp_path / "in", "--out", tmp_path / "strict", "--workers", "1", "--strict", "--force")
    assert strict.returncode == 1 and run_json(tmp_path / "strict")["status"] == "stopped"
    (tmp_path / "file").write_text("x", encoding="utf-8")
    bad = analyze(tmp_path / "in", "--out", tmp_path / "file" / "out")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr.decode()
