"""``--engine dask``: the per-file unit of work scheduled on Dask distributed.

With ``scheduler="tcp://HOST:PORT"`` the run uses an existing cluster (started
with ``dask scheduler`` and ``dask worker``, reportmine installed on every
worker); without one, a ``distributed.LocalCluster`` of ``workers`` processes
(one thread each) is started for the run and stopped after it.

Each task carries the file's bytes and the settings carry the user's catalog,
targets and rules as bytes, so the workers need no shared disk. A worker runs
the file in an analysis process of its own (:mod:`.dask_worker`): the
pipeline is loaded once per worker, the time and memory limits and their
codes are the local engine's, and the results are identical to it.

At most ``4 x threads`` files are in flight, so a batch never holds its files
in memory, and outcomes come back as they finish (the driver orders them).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .local import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, EngineError
from .work import Outcome, Settings, Task, error_outcome

CONNECT_TIMEOUT = 30          # seconds to reach a scheduler
WORKERS_TIMEOUT = 120         # seconds to wait for a first worker on an existing cluster
IN_FLIGHT_PER_THREAD = 4     # queued on the workers, so that a worker never waits for the client

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
    _client: object = field(default=None, repr=False)
    _prepared: str | None = field(default=None, repr=False)    # the settings the workers are ready for
    _cluster: object = field(default=None, repr=False)

    def run(self, tasks: Iterable[Task], settings: Settings, on_outcome: OnOutcome) -> None:
        """Call ``on_outcome`` once per task, in completion order."""
        client = self._connect()
        try:
            self._prepare(client, settings)
            _Flight(client, settings, self.timeout, self.memory_mb, on_outcome).run(iter(tasks))
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
                self._cluster = distributed.LocalCluster(
                    n_workers=self.workers, threads_per_worker=1, processes=True,
                    dashboard_address=":0", memory_limit=0, silence_logs=logging.CRITICAL)
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


class _Flight:
    """Tasks in flight on the cluster, topped up as outcomes come back."""

    def __init__(self, client, settings: Settings, timeout: float, memory_mb: int, on_outcome: OnOutcome):
        from distributed import as_completed

        self.client, self.on_outcome = client, on_outcome
        self.args = (client.scatter(settings, broadcast=True, hash=False), timeout, memory_mb)
        self.window = IN_FLIGHT_PER_THREAD * max(1, sum(client.nthreads().values()))
        self.pending: dict = {}          # future -> task
        # results are fetched on the client's event loop as tasks finish, not one call at a time here
        self.done = as_completed(loop=client.loop, with_results=True, raise_errors=False)

    def run(self, tasks) -> None:
        try:
            while len(self.pending) < self.window and self._submit(tasks):
                pass
            for future, result in self.done:
                task = self.pending.pop(future)
                outcome = result if future.status == "finished" else _outcome_of(future, task)
                future.release()
                if outcome.code == "E806":
                    raise EngineError("E806", reason=outcome.error["details"].get("reason", ""))
                self.on_outcome(outcome)
                while len(self.pending) < self.window and self._submit(tasks):
                    pass
        finally:
            if self.pending:
                self.client.cancel(list(self.pending))

    def _submit(self, tasks) -> bool:
        from .dask_worker import analyze_remote

        task = next(tasks, None)
        if task is None:
            return False
        future = self.client.submit(analyze_remote, task, *self.args, pure=False,
                                    key=f"reportmine-analyze-{uuid.uuid4().hex}")
        self.pending[future] = task
        self.done.add(future)
        return True


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
