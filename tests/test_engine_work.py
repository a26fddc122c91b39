"""The unit of work and the local engine's workers (real processes, real signals)."""

from __future__ import annotations

import json
import os
import signal
import threading
import time

from engine_helpers import report

from reportmine.document import Document
from reportmine.engines.local import LocalEngine
from reportmine.engines.work import Outcome, Settings, analyze_task, make_task

SETTINGS = Settings.from_options(max_bytes=50 * 1024 * 1024)


def task(index: int, text: str, name: str = "r.txt"):
    return make_task(index, f"/in/{name}", text.encode("utf-8"), SETTINGS)


def test_outcome_is_plain_data_and_the_document_comes_back_whole():
    outcome = analyze_task(task(0, report(1)), SETTINGS)
    assert outcome.ok and outcome.records and outcome.document["quantities"]
    again = Outcome.from_dict(json.loads(json.dumps(outcome.to_dict(), ensure_ascii=False)))
    assert again == outcome
    doc = Document.from_dict(outcome.document)
    assert doc.to_dict(text=True) == {k: v for k, v in outcome.document.items() if k != "page_starts"}


def test_a_received_outcome_is_stored_as_it_came_and_read_back_whole(tmp_path):
    from reportmine.engines.results import ResultStore

    sent = analyze_task(task(0, report(1)), SETTINGS)
    data, header = sent.to_json(), sent.header()
    light = Outcome.received(data, header)
    assert light.document is None and light.records == [] and light.encoded == data   # not decoded
    assert (light.ok, light.key, light.document_row) == (True, sent.key, sent.document_row)
    store = ResultStore(tmp_path)
    store.put(light)
    assert store.get(sent.key) == Outcome.from_json(data) == sent
    failed = analyze_task(make_task(3, "/in/e.txt", b"", SETTINGS), SETTINGS)
    again = Outcome.received(failed.to_json(), failed.header())    # a failure: decoded whole
    assert again == failed and again.code == "E002"


def test_the_process_that_made_a_task_lets_its_bytes_go_once_read():
    """One worker (the analysis in this process, ``lazy``): a big file's bytes
    are not held through its analysis; a task sent to a worker process keeps
    them (it may be sent again after a crash)."""
    here, sent = task(0, report(1)), task(1, report(1))
    outcome = analyze_task(here, SETTINGS, lazy=True)
    assert outcome.ok and outcome.records and here.data is None
    assert (here.key, here.doc_sha256) == (sent.key, sent.doc_sha256)
    assert analyze_task(sent, SETTINGS).ok and sent.data == report(1).encode("utf-8")


def test_a_bad_file_is_a_coded_outcome_and_the_key_follows_bytes_settings_and_path():
    empty = analyze_task(make_task(3, "/in/e.txt", b"", SETTINGS), SETTINGS)
    assert (empty.status, empty.code, empty.index, empty.doc) == ("error", "E002", 3, "e.txt")
    base = task(0, report(1)).key
    assert task(0, report(2)).key != base and task(0, report(1), "other.txt").key != base
    other = Settings.from_options(max_bytes=1000)
    assert make_task(0, "/in/r.txt", report(1).encode(), other).key != base
    assert Settings.from_options(max_bytes=50 * 1024 * 1024).fingerprint == SETTINGS.fingerprint


def _kill_when_busy(engine: LocalEngine, index: int) -> None:
    """SIGKILL the worker that is analyzing task ``index`` (as the OOM killer would)."""
    end = time.monotonic() + 120
    while time.monotonic() < end:
        for worker in list(engine._pool):
            if worker.ready and worker.task is not None and worker.task.index == index:
                time.sleep(0.3)
                os.kill(worker.pid, signal.SIGKILL)
                return
        time.sleep(0.02)


def test_a_killed_worker_takes_only_its_file_and_a_fresh_one_goes_on():
    tasks = [task(0, report(0, paragraphs=6000), "big.txt")] + [task(i, report(i), f"r{i}.txt") for i in (1, 2, 3)]
    engine = LocalEngine(workers=2, timeout=120)
    engine.size_hint(len(tasks))
    outcomes = []
    killer = threading.Thread(target=_kill_when_busy, args=(engine, 0))
    killer.start()
    engine.run(tasks, SETTINGS, outcomes.append)
    killer.join()
    by_index = {o.index: o for o in outcomes}
    assert sorted(by_index) == [0, 1, 2, 3] and len(outcomes) == 4
    assert by_index[0].code == "E803" and "SIGKILL" in by_index[0].message
    assert all(by_index[i].ok for i in (1, 2, 3))
    assert not engine._pool                              # closed: no worker left behind


def _worker_peak_mb(engine: LocalEngine) -> float:
    """The largest address space a ready worker has reached (VmPeak), in MiB."""
    peaks = []
    for worker in (w for w in engine._pool if w.ready):
        with open(f"/proc/{worker.pid}/status", encoding="ascii") as fh:
            peaks += [int(line.split()[1]) / 1024 for line in fh if line.startswith("VmPeak")]
    return max(peaks, default=0.0)


def test_a_file_that_exhausts_the_memory_limit_is_a_coded_error():
    # what a worker needs once its pipeline is loaded, measured on this machine
    probe, peaks = LocalEngine(workers=2, timeout=120), []
    probe.size_hint(2)
    probe.run([task(0, report(0)), task(1, report(1))], SETTINGS, lambda o: peaks.append(_worker_peak_mb(probe)))
    limit = int(max(peaks)) + 48
    big = "".join(f"{i}、完成{i % 97}个。\n" for i in range(300_000))   # 300,000 paragraphs, each a number
    tasks = [task(0, big, "big.txt"), task(1, report(1), "small.txt"), task(2, report(2), "small2.txt")]
    engine = LocalEngine(workers=2, timeout=120, memory_mb=limit)
    engine.size_hint(len(tasks))
    outcomes = []
    engine.run(tasks, SETTINGS, outcomes.append)
    by_index = {o.index: o for o in outcomes}
    assert by_index[0].code in ("E802", "E803"), (limit, by_index[0].error)
    assert by_index[1].ok and by_index[2].ok
