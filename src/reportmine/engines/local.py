"""The local engine: the unit of work in this process (``workers=1``) or in a
pool of worker processes, started once and reused.

Each worker has a memory limit (``RLIMIT_AS``, :data:`DEFAULT_MEMORY_MB`; in this
process, the same limit while a file is analyzed here) and each file a time limit: a file over ``timeout`` seconds gets E801 and its
worker is killed and replaced; a file that exhausts the memory gets E802; a
worker that dies takes only its file in flight with it (E803).
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field

from ..errors import ReportmineError
from ..heap import give_back
from .process import START_TIMEOUT, WorkerProcess
from .worker import limited_memory
from .work import Outcome, Settings, Task, analyze_task, error_outcome

DEFAULT_TIMEOUT = 120.0
DEFAULT_MEMORY_MB = 3072          # per worker process (address space, RLIMIT_AS)

OnOutcome = Callable[[Outcome], None]


class EngineError(ReportmineError):
    """The engine itself cannot work (a worker that cannot start)."""


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


@dataclass
class _Worker(WorkerProcess):
    ready: bool = False
    task: Task | None = None
    deadline: float = 0.0
    pid: int = 0


@dataclass
class LocalEngine:
    workers: int = 1
    timeout: float = DEFAULT_TIMEOUT
    memory_mb: int = DEFAULT_MEMORY_MB
    log_path: str | None = None            # workers' stderr (library warnings); None: discarded
    _pool: list[_Worker] = field(default_factory=list, repr=False)
    _hint: int | None = field(default=None, repr=False)

    def size_hint(self, n: int) -> None:
        """How many tasks the next run has: one task is analyzed in this process."""
        self._hint = n

    def run(self, tasks: Iterable[Task], settings: Settings, on_outcome: OnOutcome) -> None:
        """Call ``on_outcome`` once per task, in completion order."""
        if min(self.workers, self._hint or self.workers) <= 1:
            self._run_here(tasks, settings, on_outcome)
        else:
            try:
                _Pool(self, settings, on_outcome).run(iter(tasks))
            finally:
                self.close()

    def _run_here(self, tasks, settings, on_outcome) -> None:
        for task in tasks:
            started = time.perf_counter()
            try:
                with _alarm(self.timeout), limited_memory(self.memory_mb):
                    outcome = analyze_task(task, settings, lazy=True)     # stored, then dropped
            except _Timeout:
                outcome = error_outcome(task.index, task.path, "E801", task.key, task.doc_sha256,
                                        time.perf_counter() - started, path=task.path, seconds=f"{self.timeout:g}")
            on_outcome(outcome)
            del outcome, task       # a big file's outcome and bytes go before the next file's
            give_back()             # and the memory they took goes back to the system

    def close(self) -> None:
        while self._pool:
            self._pool.pop().kill()


class _Timeout(BaseException):
    """Raised by the alarm in this process (BaseException: analyze_task lets it through)."""


@contextmanager
def _alarm(seconds: float):
    """A best-effort time limit in this process (SIGALRM; main thread only): it
    interrupts Python code and blocking system calls, not a long call inside C."""
    usable = seconds and seconds > 0 and hasattr(signal, "setitimer")
    if usable:
        try:
            previous = signal.signal(signal.SIGALRM, _raise_timeout)
        except ValueError:          # not the main thread
            usable = False
    if not usable:
        yield
        return
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _raise_timeout(_signum, _frame):
    raise _Timeout()


class _Pool:
    """The scheduling loop over worker processes (one task in flight per worker)."""

    def __init__(self, engine: LocalEngine, settings: Settings, on_outcome: OnOutcome):
        self.engine, self.settings, self.on_outcome = engine, settings, on_outcome
        self.pool = engine._pool
        self.failures = 0

    def run(self, tasks) -> None:
        queued: list[Task] = []
        exhausted = False
        while True:
            if not exhausted and len(queued) < len(self.pool) + 1:
                task = next(tasks, None)
                if task is None:
                    exhausted = True
                else:
                    queued.append(task)
                    continue
            self._grow(len(queued) + sum(w.task is not None for w in self.pool))
            for worker in self.pool:
                if worker.ready and worker.task is None and queued:
                    self._give(worker, queued.pop(0))
            if not self.pool or (exhausted and not queued and all(w.task is None for w in self.pool)):
                return
            self._step()

    def _grow(self, wanted: int) -> None:
        while len(self.pool) < min(self.engine.workers, wanted):
            self.pool.append(self._start())

    def _start(self) -> _Worker:
        worker = _Worker(*WorkerProcess.spawn(self.settings, self.engine.memory_mb, self.engine.log_path))
        worker.deadline = time.monotonic() + START_TIMEOUT
        return worker

    def _give(self, worker: _Worker, task: Task) -> None:
        worker.task = task
        worker.deadline = time.monotonic() + (self.engine.timeout or 1e9)
        try:
            worker.send.send(task)
        except OSError:             # died between two files: its exit is seen by _step
            pass

    def _step(self) -> None:
        from multiprocessing.connection import wait     # a pool only (a single file runs in this process)

        now = time.monotonic()
        waiting = [w for w in self.pool if w.task is not None or not w.ready]
        timeout = max(0.0, min(w.deadline for w in waiting) - now) if waiting else None
        ready = wait([w.recv for w in waiting], timeout=timeout)
        for worker in list(waiting):
            if worker.recv in ready:
                self._receive(worker)
            elif time.monotonic() >= worker.deadline:
                self._replace(worker, "E801", seconds=f"{self.engine.timeout:g}")

    def _receive(self, worker: _Worker) -> None:
        try:
            message = worker.recv.recv()
            kind, value = message[0], message[1]
        except (EOFError, OSError):
            self._replace(worker, "E803", reason=worker.exit_reason())
            return
        if kind == "ready":
            worker.ready, worker.pid, self.failures = True, value, 0
        elif kind == "failed":
            raise EngineError("E806", reason=value)
        else:
            worker.task = None
            if isinstance(value, bytes):
                value = Outcome.received(value, message[2] if len(message) > 2 else None)
            self.on_outcome(value)
            if value.code == "E802":           # the worker exits after a MemoryError
                self._replace(worker, None)

    def _replace(self, worker: _Worker, code: str | None, **details) -> None:
        task = worker.task
        worker.kill()
        self.pool.remove(worker)
        if task is None:
            if code is not None and not worker.ready:
                self.failures += 1
                if self.failures >= 3:
                    raise EngineError("E806", reason=details.get("reason", code))
            return
        self.on_outcome(error_outcome(task.index, task.path, code, task.key, task.doc_sha256,
                                      path=task.path, **details))
