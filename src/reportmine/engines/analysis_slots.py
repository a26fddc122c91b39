"""The analysis processes of a Dask worker, one per thread running files.

A Dask task runs in a thread of its worker, where nothing can stop a file
that never ends. So each thread hands its files to an *analysis process* of
its own: the local engine's worker (``python -m reportmine.engines.worker``,
with its memory limit), started once, loaded with the pipeline once and
reused. The thread waits for each file's outcome at most ``timeout`` seconds;
a file over it gets E801 and its analysis process is killed (the next file
gets a fresh one), a process that dies gives E803, one out of memory E802:
the local engine's outcomes, from the same unit of work
(:func:`.work.analyze_task`), so results are identical.

Nothing here needs Dask: a LocalCluster's workers run in the client's own
process, which starts their analysis processes before the cluster
(:meth:`_Slots.start`), so that the pipeline loads while Dask starts.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from dataclasses import dataclass

from .process import START_TIMEOUT, WorkerProcess
from .work import Outcome, Settings, Task, error_outcome


class StartFailed(Exception):
    """An analysis process could not load the pipeline (reason in args[0])."""


@dataclass
class AnalysisProcess(WorkerProcess):
    """One analysis process for one settings fingerprint."""

    fingerprint: str = ""
    ready: bool = False

    @classmethod
    def start(cls, settings: Settings, memory_mb: int) -> "AnalysisProcess":
        return cls(*WorkerProcess.spawn(settings, memory_mb), fingerprint=settings.fingerprint)

    def wait_ready(self) -> None:
        if self.ready:
            return
        if not self.recv.poll(START_TIMEOUT):
            raise StartFailed(f"分析进程 {START_TIMEOUT:g} 秒内未能加载")
        try:
            kind, value = self.recv.recv()
        except (EOFError, OSError):
            raise StartFailed(self.exit_reason()) from None
        if kind != "ready":
            raise StartFailed(str(value))
        self.ready = True      # the worker ran work.warm_up: first-use loads are done

    def analyze(self, task: Task, timeout: float) -> Outcome:
        """The task's outcome; on a timeout or a death, a coded one (the process is then gone)."""
        started = time.perf_counter()
        try:
            self.send.send(task)
        except OSError:
            pass                     # died since the last file: seen when reading below
        if not self.recv.poll(timeout if timeout and timeout > 0 else None):
            self.kill()
            return error_outcome(task.index, task.path, "E801", task.key, task.doc_sha256,
                                 time.perf_counter() - started, path=task.path, seconds=f"{timeout:g}")
        try:
            message = self.recv.recv()
            outcome = message[1]
            if isinstance(outcome, bytes):      # sent on to the client as these bytes (Outcome.__reduce__)
                outcome = Outcome.received(outcome, message[2] if len(message) > 2 else None)
        except (EOFError, OSError):
            reason = self.exit_reason()
            return error_outcome(task.index, task.path, "E803", task.key, task.doc_sha256,
                                 time.perf_counter() - started, path=task.path, reason=reason)
        if outcome.code == "E802":   # the process exits after a MemoryError
            self.kill()
        return outcome

    @property
    def alive(self) -> bool:
        return self.process.poll() is None and not self.send.closed


class _Slots:
    """This process's idle analysis processes; a worker thread takes one for a chunk
    of files, and a fresh one after a file that ended its process. Closed, it
    kills every one, idle or busy, and gives none until it is opened again (a
    run's start): a chunk still running ends at its next file."""

    def __init__(self):
        self.lock = threading.Lock()
        self.idle: list[AnalysisProcess] = []
        self.busy: dict[int, int] = {}       # pid of an analysis process -> index of the task it analyzes
        self.closed = False

    def take(self, settings: Settings, memory_mb: int) -> AnalysisProcess | None:
        """An idle process for these settings, else a new one; None once closed."""
        with self.lock:
            while self.idle:
                slot = self.idle.pop()
                if slot.fingerprint == settings.fingerprint and slot.alive:
                    return slot
                slot.kill()
            if self.closed:
                return None
        return AnalysisProcess.start(settings, memory_mb)

    def analyze(self, slot: AnalysisProcess, task: Task, timeout: float) -> Outcome:
        """``slot.analyze``, with the task in :attr:`busy` meanwhile."""
        pid = slot.process.pid
        self.busy[pid] = task.index
        try:
            return slot.analyze(task, timeout)
        finally:
            self.busy.pop(pid, None)

    def give_back(self, slot: AnalysisProcess) -> None:
        with self.lock:
            if slot.alive and not self.closed:
                self.idle.append(slot)
                return
        slot.kill()

    def start(self, settings: Settings, memory_mb: int, n: int) -> None:
        """Opened, with ``n`` analysis processes started now (not waited for), taken by the first files."""
        started = [AnalysisProcess.start(settings, memory_mb) for _ in range(n)]
        with self.lock:
            self.closed = False
            self.idle.extend(started)

    def open(self) -> None:
        with self.lock:
            self.closed = False

    def close(self) -> None:
        """Every analysis process killed (a busy one's thread then sees it end)."""
        with self.lock:
            self.closed = True
            while self.idle:
                self.idle.pop().kill()
            busy = list(self.busy)
        for pid in busy:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)


SLOTS = _Slots()


def analyze_chunk(chunk: list[Task], settings: Settings, timeout: float, memory_mb: int) -> list[Outcome]:
    """The Dask task: the outcome of each file of ``chunk`` (:mod:`.chunks`), in order,
    never an exception about a file. Each file has its own time limit; a file
    stopped at it (E801), out of memory (E802) or that kills its analysis
    process (E803) takes only that process with it, and the next file of the
    chunk gets a fresh one. An analysis process that cannot start gives E806
    for the file it was for, and the chunk ends there (the client stops the run)."""
    outcomes: list[Outcome] = []
    slot = None
    try:
        for task in chunk:
            if slot is None:
                slot = SLOTS.take(settings, memory_mb)
                if slot is None:        # closed: the run is over (the client has gone or cancelled)
                    break
                try:
                    slot.wait_ready()
                except StartFailed as exc:
                    slot.kill()
                    outcomes.append(error_outcome(task.index, task.path, "E806", task.key, task.doc_sha256,
                                                  reason=str(exc)))
                    return outcomes
            outcomes.append(SLOTS.analyze(slot, task, timeout))
            if not slot.alive:
                slot = None
    finally:
        if slot is not None:
            SLOTS.give_back(slot)
    return outcomes


def warm(settings: Settings, memory_mb: int, n: int = 1) -> None:
    """``n`` analysis processes started (or taken) and waited for until they have loaded the pipeline."""
    SLOTS.open()
    slots = [SLOTS.take(settings, memory_mb) for _ in range(max(1, n))]
    try:
        for slot in slots:
            slot.wait_ready()
    except StartFailed:
        for slot in slots:
            slot.kill()
        raise
    for slot in slots:
        SLOTS.give_back(slot)
