"""``--engine dask``: the per-file unit of work scheduled on Dask distributed.

With ``scheduler="tcp://HOST:PORT"`` the run uses an existing cluster (started
with ``dask scheduler`` and ``dask worker``, reportmine installed on every
worker); without one, a ``distributed.LocalCluster`` of ``workers`` workers
(one thread each) is started for the run, in this process (:func:`_local_cluster`),
and stopped after it.

Each task carries the bytes of a chunk of files (:mod:`.chunks`: up to 16
files, fewer toward the end of a batch) and the settings carry the user's
catalog, targets and rules as bytes, so the workers need no shared disk. A
worker thread runs the files in an analysis process of its own
(:mod:`.analysis_slots`): the pipeline is loaded once per worker thread, each
file keeps the time and memory limits and the codes of the local engine, and
the results are identical to it.

At most two chunks per worker thread are in flight, so a batch never holds
its files in memory, and a chunk's outcomes come back when it ends (the
driver orders them).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .local import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, EngineError
from .chunks import MAX_FILES, chunked
from .work import Outcome, Settings, Task, error_outcome

CONNECT_TIMEOUT = 30          # seconds to reach a scheduler
WORKERS_TIMEOUT = 120         # seconds to wait for a first worker on an existing cluster
IN_FLIGHT_PER_THREAD = 2     # chunks queued per worker thread, so that a worker never waits for the client
FILES_IN_FLIGHT_PER_THREAD = 4     # ... and at least this many files when chunks are small

OnOutcome = Callable[[Outcome], None]


def require_distributed():
    try:
        import distributed
    except ImportError as exc:
        raise EngineError("E809", reason=f"{type(exc).__name__}: {exc}") from None
    return distributed


@dataclass
class DaskEngine:
    scheduler: str | None = None      # None: a LocalCluster for the run
    workers: int = 1                  # LocalCluster worker processes (ignored with a scheduler)
    timeout: float = DEFAULT_TIMEOUT
    memory_mb: int = DEFAULT_MEMORY_MB
    connect_timeout: float = CONNECT_TIMEOUT
    files_per_chunk: int | None = None    # files per Dask task; None: chosen for the batch (chunks.chunk_files)
    _hint: int | None = field(default=None, repr=False)       # files in the next run
    _client: object = field(default=None, repr=False)
    _prepared: str | None = field(default=None, repr=False)    # the settings the workers are ready for
    _cluster: object = field(default=None, repr=False)
    _muted: list = field(default_factory=list, repr=False)      # (handler, level) of Dask's log handlers

    def size_hint(self, n: int) -> None:
        """How many files the next run has (the chunks are sized for it)."""
        self._hint = n

    def run(self, tasks: Iterable[Task], settings: Settings, on_outcome: OnOutcome) -> None:
        """Call ``on_outcome`` once per task, in completion order."""
        if self.scheduler is None and self._client is None:
            from .analysis_slots import SLOTS

            SLOTS.start(settings, self.memory_mb, self.workers)     # they load while the cluster starts
        client = self._connect()
        try:
            self._prepare(client, settings)
            _Flight(client, settings, self, on_outcome).run(iter(tasks))
        except EngineError:
            raise
        except (OSError, TimeoutError) as exc:
            raise EngineError("E806", reason=f"Dask 集群不可用（{type(exc).__name__}: {exc}）") from None

    def _connect(self):
        if self._client is not None:
            return self._client
        distributed = require_distributed()
        try:
            if self.scheduler:
                self._client = distributed.Client(self.scheduler, timeout=self.connect_timeout,
                                                  set_as_default=False)
                self._client.wait_for_workers(1, timeout=WORKERS_TIMEOUT)
            else:
                self._muted = _mute_logs()
                self._cluster = _local_cluster(distributed, self.workers)
                self._client = distributed.Client(self._cluster, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            self.close()
            where = self.scheduler or "LocalCluster"
            raise EngineError("E806", reason=f"无法连接 Dask 调度器 {where}（{type(exc).__name__}: {exc}）") from None
        return self._client

    def _prepare(self, client, settings: Settings) -> None:
        """Every worker (and any that joins later) checks its code version and
        loads the pipeline for these settings before its first file."""
        from .dask_worker import AnalysisPlugin

        if self._prepared == settings.fingerprint:
            return
        try:
            client.register_plugin(AnalysisPlugin(settings, self.memory_mb), name=AnalysisPlugin.name)
            self._prepared = settings.fingerprint
        except Exception as exc:  # noqa: BLE001 - any failure on a worker stops the run, coded
            raise EngineError("E806", reason=f"Dask 工作节点准备失败（{type(exc).__name__}: {exc}）") from None

    def close(self) -> None:
        client, cluster, self._client, self._cluster = self._client, self._cluster, None, None
        self._prepared = None
        if self.scheduler is None:     # a cluster of its own: its workers run in this process, and so do
            from .analysis_slots import SLOTS      # their analysis processes (started before it, in run)

            SLOTS.close()           # killed first, so that a chunk still running (Ctrl-C) ends at once
        if client is not None:
            try:
                if cluster is None:     # an existing cluster: stop our analysis processes there
                    from .dask_worker import AnalysisPlugin

                    client.unregister_worker_plugin(AnalysisPlugin.name)
            except Exception:  # noqa: BLE001 - closing must not fail the run
                pass
            client.close()
        if cluster is not None:
            cluster.close()
        for handler, level in self._muted:     # after the close: its last messages are logged as it ends
            handler.setLevel(level)
        self._muted = []


def _mute_logs() -> list:
    """Dask's log handlers set to critical messages only, while the run's cluster is
    up and until it is closed; returns each handler's level before."""
    handlers = [h for h in logging.getLogger("distributed").handlers if isinstance(h, logging.StreamHandler)]
    muted = [(h, h.level) for h in handlers]
    for handler in handlers:
        handler.setLevel(logging.CRITICAL)
    return muted


def _local_cluster(distributed, workers: int):
    """The cluster of a run without ``--scheduler``: ``workers`` Dask workers of
    one thread each, in this process. A worker thread only hands files to its
    analysis process and waits (the time and memory limits are that
    process's), so worker processes of their own would add only their
    start-up, their messages and their pickling, on the cores the analysis
    needs. Without the workers' statistical profiler (a stack sample every
    10 ms, in this process's event loop); the dashboard on a free port."""
    import dask

    with dask.config.set({"distributed.worker.profile.enabled": False}):
        return distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=False,
                                        dashboard_address=":0", memory_limit=0, silence_logs=logging.CRITICAL)


class _Flight:
    """Chunks of files in flight on the cluster, topped up as their outcomes come back."""

    def __init__(self, client, settings: Settings, engine: "DaskEngine", on_outcome: OnOutcome):
        from distributed import as_completed

        self.client, self.on_outcome, self.settings = client, on_outcome, settings
        self.args = (client.scatter(settings, broadcast=True, hash=False), engine.timeout, engine.memory_mb)
        self.threads = max(1, sum(client.nthreads().values()))
        self.most, self.total = engine.files_per_chunk or MAX_FILES, None if engine.files_per_chunk else engine._hint
        self.window = self.threads * max(IN_FLIGHT_PER_THREAD, FILES_IN_FLIGHT_PER_THREAD // self.most)
        self.pending: dict = {}          # future -> its chunk (a list of tasks)
        self.again: list[list[Task]] = []     # files of a chunk lost as a whole, to send one by one
        # results are fetched on the client's event loop as tasks finish, not one call at a time here
        self.done = as_completed(loop=client.loop, with_results=True, raise_errors=False)

    def run(self, tasks) -> None:
        chunks = chunked(tasks, self.most, self.threads, self.total)
        try:
            self._top_up(chunks)
            for future, result in self.done:
                chunk = self.pending.pop(future)
                for outcome in self._outcomes(future, result, chunk):
                    if outcome.code == "E806":
                        raise EngineError("E806", reason=outcome.error["details"].get("reason", ""))
                    self.on_outcome(outcome)
                self._top_up(chunks)
        finally:
            if self.pending:
                self.client.cancel(list(self.pending))

    def _outcomes(self, future, result, chunk: list[Task]) -> list[Outcome]:
        """A chunk's outcomes; a chunk of several files lost as a whole (its worker
        died, say) is sent again file by file, so that a file that kills workers
        takes only itself with it."""
        finished = future.status == "finished"
        future.release()
        if finished:
            return result
        if len(chunk) > 1:
            self.again.extend([task] for task in chunk)
            return []
        return [_outcome_of(future, chunk[0])]

    def _top_up(self, chunks) -> None:
        from .analysis_slots import analyze_chunk

        while len(self.pending) < self.window:
            chunk = self.again.pop(0) if self.again else next(chunks, None)
            if chunk is None:
                return
            if self.args[0].status != "finished":
                # the settings were scattered while a worker was away and died with the
                # one that held them: scatter them again, or every file sent after fails
                self.args = (self.client.scatter(self.settings, broadcast=True, hash=False), *self.args[1:])
            future = self.client.submit(analyze_chunk, chunk, *self.args, pure=False,
                                        key=f"reportmine-analyze-{uuid.uuid4().hex}")
            self.pending[future] = chunk
            self.done.add(future)


def _outcome_of(future, task: Task) -> Outcome:
    """The future's outcome; a worker lost with the file in flight gives E803."""
    from distributed import KilledWorker

    try:
        return future.result()
    except KilledWorker as exc:
        return error_outcome(task.index, task.path, "E803", task.key, task.doc_sha256, path=task.path,
                             reason=f"Dask 工作节点在处理该文件时终止（{exc}）")
    except Exception as exc:  # noqa: BLE001 - one file's defect must not stop the batch
        return error_outcome(task.index, task.path, "E804", task.key, task.doc_sha256, path=task.path,
                             reason=f"{type(exc).__name__}: {str(exc)[:200]}")
