"""`--engine dask` on a real distributed.LocalCluster (2 worker processes).

One cluster serves the module: the engine is driven directly (tasks carry
bytes; the input files are deleted before the run, so a worker that read a
path would fail) and through the CLI with `--scheduler` pointing at it.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import distributed  # a test extra: missing, this module fails (never skips) under CI
import pytest

from engine_helpers import (analyze, interruptible, command, report, run_json, same_outputs, stored_results,
                            wait_for, write_batch)
from reportmine.engines.dask import DaskEngine
from reportmine.engines.local import EngineError
from reportmine.engines.work import Outcome, Settings, analyze_task, make_task

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from make_corpus import MANIFEST, PLANTED, make_corpus, read_manifest  # noqa: E402


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                                  memory_limit=0, silence_logs=logging.ERROR) as local:
        yield local


@pytest.fixture
def own_cluster():
    """A cluster for one test that kills a worker: the nanny's restart of it
    (once over 180 s on a loaded machine) keeps no other test waiting."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                                  memory_limit=0, silence_logs=logging.ERROR) as local:
        yield local


@pytest.fixture(scope="module")
def settings():
    return Settings.from_options(max_bytes=50 * 1024 * 1024)


def _tasks(folder: Path, settings: Settings) -> list:
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.name not in (MANIFEST, PLANTED))
    return [make_task(i, str(p), p.read_bytes(), settings) for i, p in enumerate(files)]


def _comparable(outcome) -> dict:
    if outcome.encoded is not None and outcome.document is None:   # as it came: what is stored
        outcome = Outcome.from_json(outcome.encoded)
    data = outcome.to_dict()
    data.pop("seconds")
    return data


def _slot_pids(dask_worker=None):
    from reportmine.engines.dask_worker import SLOTS

    return sorted(slot.process.pid for slot in SLOTS.idle)


def test_dask_outcomes_equal_local_ones_from_bytes_alone(tmp_path, cluster, settings):
    corpus = tmp_path / "in"
    make_corpus(corpus, n=7, seed=5, mix={"txt": 0.4, "docx": 0.3, "pdf": 0.3}, broken=4 / 7)
    tasks = _tasks(corpus, settings)
    shutil.rmtree(corpus)                        # the workers get bytes or nothing
    local = {t.index: analyze_task(t, settings) for t in tasks}
    engine = DaskEngine(scheduler=cluster.scheduler_address, timeout=60)
    got = []
    try:
        engine.run(tasks, settings, got.append)
        pids = engine._client.run(_slot_pids)
        engine.run(tasks[:4], settings, got.append)            # the same analysis processes again
        assert engine._client.run(_slot_pids) == pids and all(len(p) == 1 for p in pids.values())
    finally:
        engine.close()
    assert sorted(o.index for o in got[:7]) == list(range(7))
    for outcome in got:
        assert _comparable(outcome) == _comparable(local[outcome.index]), outcome.path
    codes = sorted(o.code for o in got[:7] if not o.ok)
    assert codes == ["E002", "E004", "E101", "E201"]          # empty, junk .txt, corrupt docx, cut pdf
    assert sum(o.ok and Outcome.from_json(o.encoded).records != [] for o in got[:7]) == 3


def test_a_file_over_the_timeout_inside_a_chunk_gets_e801_and_the_next_file_a_fresh_process(tmp_path, cluster,
                                                                                          settings):
    write_batch(tmp_path / "in", 2)
    (tmp_path / "in" / "huge.txt").write_text(report(99, paragraphs=8000), encoding="utf-8")
    by_file = {Path(t.path).name: t for t in _tasks(tmp_path / "in", settings)}
    tasks = [by_file["report_00.txt"], by_file["huge.txt"], by_file["report_01.txt"]]      # one Dask task
    engine = DaskEngine(scheduler=cluster.scheduler_address, timeout=4, files_per_chunk=3)
    got = []
    try:
        engine.run(tasks, settings, got.append)
    finally:
        engine.close()
    by_name = {Path(o.path).name: o for o in got}
    assert by_name["huge.txt"].code == "E801" and "4 秒" in by_name["huge.txt"].message
    assert by_name["report_00.txt"].ok and by_name["report_01.txt"].ok and len(got) == 3
    assert engine._client is None


def test_an_unreachable_scheduler_is_a_coded_engine_error(settings):
    engine = DaskEngine(scheduler="tcp://127.0.0.1:9", connect_timeout=1)
    with pytest.raises(EngineError) as caught:
        engine.run([], settings, print)
    assert caught.value.code == "E806" and "127.0.0.1:9" in caught.value.message


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_cli_dask_on_a_scheduler_equals_local_and_broken_files_leave_the_good_records(tmp_path, cluster):
    mix = {"txt": 0.5, "docx": 0.25, "pdf": 0.25}
    make_corpus(tmp_path / "in", n=8, seed=9, mix=mix, broken=0.25)
    make_corpus(tmp_path / "clean", n=8, seed=9, mix=mix)
    local = analyze(tmp_path / "in", "--out", tmp_path / "local", "--workers", "1")
    dask = analyze(tmp_path / "in", "--out", tmp_path / "dask", "--engine", "dask",
                   "--scheduler", cluster.scheduler_address)
    clean = analyze(tmp_path / "clean", "--out", tmp_path / "clean_out", "--workers", "1")
    assert local.returncode == dask.returncode == 1 and clean.returncode == 0, dask.stderr.decode()
    assert "Traceback" not in dask.stderr.decode()
    same_outputs(tmp_path / "local", tmp_path / "dask")
    broken = {Path(r["path"]).name: r["kind"] for r in read_manifest(tmp_path / "in") if r["kind"] != "report"}
    with open(tmp_path / "dask" / "errors.csv", encoding="utf-8-sig", newline="") as fh:
        listed = {r["doc"]: r["code"] for r in csv.DictReader(fh)}
    assert listed == {name: {"corrupt_docx": "E101", "truncated_pdf": "E201"}[kind] for name, kind in broken.items()}
    good_docs = {Path(r["path"]).name for r in read_manifest(tmp_path / "in") if r["kind"] == "report"}
    records = _jsonl(tmp_path / "dask" / "records.jsonl")
    assert {r["doc"] for r in records} == good_docs           # every good file gave records
    assert records == [r for r in _jsonl(tmp_path / "clean_out" / "records.jsonl") if r["doc"] in good_docs]
    assert run_json(tmp_path / "dask")["status"] == "complete"


def test_a_worker_with_other_code_is_refused_with_a_code(cluster, settings):
    import dataclasses

    other = dataclasses.replace(settings, version="0.0.0+elsewhere")
    engine = DaskEngine(scheduler=cluster.scheduler_address)
    try:
        with pytest.raises(EngineError) as caught:
            engine.run([], other, print)
    finally:
        engine.close()
    assert caught.value.code == "E806" and "0.0.0+elsewhere" in caught.value.message


def test_scheduler_without_the_dask_engine_is_a_usage_error(tmp_path):
    write_batch(tmp_path / "in", 1)
    wrong = analyze(tmp_path / "in", "--out", tmp_path / "a", "--scheduler", "tcp://127.0.0.1:9")
    assert wrong.returncode == 2 and "--engine dask" in wrong.stderr.decode()


def _busy(dask_worker=None):
    """On a worker: its process id and what its analysis processes analyze (pid -> task index)."""
    from reportmine.engines.analysis_slots import SLOTS

    return os.getpid(), dict(SLOTS.busy)


def _kill_when_busy(client, index: int | None, analysis: bool) -> None:
    """SIGKILL, once it is analyzing task ``index`` (None: any task), the analysis
    process (as the OOM killer would) or the Dask worker process that holds it."""
    end = time.monotonic() + 120
    while time.monotonic() < end:
        for worker_pid, busy in client.run(_busy).values():
            for pid, i in busy.items():
                if index is None or i == index:
                    time.sleep(0.3)
                    os.kill(pid if analysis else worker_pid, signal.SIGKILL)
                    return
        time.sleep(0.02)


def _run_with_killer(engine: DaskEngine, tasks: list, settings, index: int | None, analysis: bool) -> list:
    client = engine._connect()
    killer = threading.Thread(target=_kill_when_busy, args=(client, index, analysis))
    got: list = []
    killer.start()
    try:
        engine.run(tasks, settings, got.append)
    finally:
        killer.join()
    return got


def test_a_file_that_kills_its_analysis_process_inside_a_chunk_takes_only_itself(cluster, settings):
    tasks = [make_task(0, "/in/r0.txt", report(0).encode(), settings),
             make_task(1, "/in/big.txt", report(1, paragraphs=3000).encode(), settings),
             make_task(2, "/in/r2.txt", report(2).encode(), settings)]
    engine = DaskEngine(scheduler=cluster.scheduler_address, timeout=120, files_per_chunk=3)    # one Dask task
    try:
        got = _run_with_killer(engine, tasks, settings, 1, analysis=True)
    finally:
        engine.close()
    by_index = {o.index: o for o in got}
    assert sorted(by_index) == [0, 1, 2] and len(got) == 3
    assert by_index[1].code == "E803" and "SIGKILL" in by_index[1].message
    assert by_index[0].ok and by_index[2].ok                   # the file after it: a fresh analysis process


def test_a_chunk_lost_with_its_worker_is_sent_again_file_by_file(own_cluster, settings):
    tasks = [make_task(i, f"/in/r{i}.txt", report(i, paragraphs=300).encode(), settings) for i in range(6)]
    local = {t.index: analyze_task(t, settings) for t in tasks}
    engine = DaskEngine(scheduler=own_cluster.scheduler_address, timeout=120, files_per_chunk=3)
    own_cluster.scheduler.allowed_failures = 0      # a first death: lost
    try:
        got = _run_with_killer(engine, tasks, settings, None, analysis=False)
    finally:
        engine.close()
    assert sorted(o.index for o in got) == list(range(6))      # each file once, every one read
    for outcome in got:
        assert _comparable(outcome) == _comparable(local[outcome.index]), outcome.path


def test_settings_held_by_one_worker_that_dies_are_scattered_again(own_cluster, settings):
    """A broadcast made while a restarted worker was away leaves one copy of the
    settings: when that worker dies, the files sent after it still get them."""
    tasks = [make_task(i, f"/in/r{i}.txt", report(i, paragraphs=300).encode(), settings) for i in range(6)]
    local = {t.index: analyze_task(t, settings) for t in tasks}
    engine = DaskEngine(scheduler=own_cluster.scheduler_address, timeout=120, files_per_chunk=3)
    client = engine._connect()
    client.wait_for_workers(2, timeout=60)
    holder = sorted(client.scheduler_info()["workers"])[0]
    scatter = client.scatter

    def first_scatter_to_one(data, **kwargs):       # the first copy on one worker only
        client.scatter = scatter
        return scatter(data, workers=[holder], hash=False)

    client.scatter = first_scatter_to_one

    def kill_holder():
        end = time.monotonic() + 120
        while time.monotonic() < end:
            found = client.run(_busy, workers=[holder]).get(holder)
            if found and found[1]:
                time.sleep(0.3)
                os.kill(found[0], signal.SIGKILL)
                return
            time.sleep(0.02)

    own_cluster.scheduler.allowed_failures = 0
    killer = threading.Thread(target=kill_holder)
    got: list = []
    killer.start()
    try:
        engine.run(tasks, settings, got.append)
        killer.join()
    finally:
        engine.close()
    assert sorted(o.index for o in got) == list(range(6))
    for outcome in got:
        assert _comparable(outcome) == _comparable(local[outcome.index]), outcome.path


def test_a_run_without_a_scheduler_has_its_workers_here_equals_local_and_leaves_no_process(tmp_path, settings):
    from reportmine.engines.analysis_slots import SLOTS

    tasks = [make_task(i, f"/in/r{i}.txt", report(i).encode(), settings) for i in range(5)]
    engine = DaskEngine(workers=2, timeout=60)
    engine.size_hint(len(tasks))
    got = []
    try:
        engine.run(tasks, settings, got.append)
        assert set(engine._client.run(os.getpid).values()) == {os.getpid()}     # no worker processes
        processes = [slot.process for slot in SLOTS.idle]
        assert len(processes) == 2                  # one analysis process per worker, loaded once
    finally:
        engine.close()
    assert not SLOTS.idle and all(p.poll() is not None for p in processes)
    assert sorted(o.index for o in got) == list(range(5))
    for outcome in got:
        assert _comparable(outcome) == _comparable(analyze_task(tasks[outcome.index], settings))


def test_cli_dask_with_a_cluster_of_its_own_equals_local(tmp_path):
    make_corpus(tmp_path / "in", n=6, seed=3, mix={"txt": 0.5, "docx": 0.25, "pdf": 0.25}, broken=1 / 6)
    local = analyze(tmp_path / "in", "--out", tmp_path / "local", "--workers", "2")
    dask = analyze(tmp_path / "in", "--out", tmp_path / "dask", "--engine", "dask", "--workers", "2")
    assert local.returncode == dask.returncode == 1, dask.stderr.decode()
    assert "Traceback" not in dask.stderr.decode()
    same_outputs(tmp_path / "local", tmp_path / "dask")
    assert run_json(tmp_path / "dask")["status"] == "complete"


def test_ctrl_c_on_a_cluster_of_its_own_exits_130_and_leaves_no_analysis_process(tmp_path):
    write_batch(tmp_path / "in", 40, paragraphs=600)     # (at 300 a fresh clone's first run once finished first)
    out = tmp_path / "out"
    proc = subprocess.Popen(command(tmp_path / "in", "--out", out, "--engine", "dask", "--workers", "2"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=interruptible)
    assert wait_for(lambda: stored_results(out) >= 1)
    children = _analysis_processes(proc.pid)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err.decode()
    assert "Traceback" not in err.decode() and run_json(out)["status"] == "interrupted"
    assert children and not any(os.path.exists(f"/proc/{pid}") for pid in children)


def _analysis_processes(parent: int) -> list[int]:
    """The analysis processes ``parent`` started (its children running reportmine.engines.worker)."""
    found = []
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{entry}/cmdline", "rb") as fh:
                cmdline = fh.read()
        except (OSError, ValueError):
            continue
        if ppid == parent and b"reportmine.engines.worker" in cmdline:
            found.append(int(entry))
    return found


def test_closing_the_slots_stops_a_chunk_at_its_file_in_flight(settings):
    from reportmine.engines.analysis_slots import SLOTS, analyze_chunk

    SLOTS.start(settings, 3072, 1)
    tasks = [make_task(i, f"/in/big{i}.txt", report(i, paragraphs=2000).encode(), settings) for i in range(3)]
    result = []
    worker = threading.Thread(target=lambda: result.append(analyze_chunk(tasks, settings, 120, 3072)))
    worker.start()
    assert wait_for(lambda: SLOTS.busy, limit=60)
    SLOTS.close()                        # what the engine does first on Ctrl-C
    worker.join(timeout=60)
    assert not worker.is_alive() and not SLOTS.idle
    assert [(o.index, o.code) for o in result[0]] == [(0, "E803")]     # the rest of the chunk is not run
