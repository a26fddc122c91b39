"""A worker process: ``python -m reportmine.engines.worker`` fed over two pipes.

Both engines analyze files in such processes (the local engine in a pool, the
Dask engine one per worker thread), so that a file over its time limit can be
stopped by killing the process, and a file that exhausts memory takes only
its process with it. This module starts one, stops one, and says why one died.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:     # imported when a worker starts: a run in this process needs no pipes
    from multiprocessing.connection import Connection

START_TIMEOUT = 300.0             # seconds for a worker to load the pipeline


NUMERIC_THREADS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def one_numeric_thread(env) -> None:
    """One thread per numeric library in ``env`` unless it names a number: the
    analysis does no BLAS work (the linker's products are its own), and the
    thread pool OpenBLAS starts with numpy costs ~25 ms of CPU a process."""
    for name in NUMERIC_THREADS:
        env.setdefault(name, "1")


def worker_env() -> dict:
    """A worker's environment: one thread per numeric library (the parallelism is
    the processes) and few malloc arenas, so that its address space, which the
    memory limit caps, does not grow with the number of cores."""
    env = dict(os.environ)
    one_numeric_thread(env)
    env.setdefault("MALLOC_ARENA_MAX", "2")
    return env


@dataclass
class WorkerProcess:
    process: subprocess.Popen
    send: Connection
    recv: Connection

    @staticmethod
    def spawn(settings, memory_mb: int, log_path: str | None = None) -> tuple:
        """Start a worker and send it the settings; returns (process, send, recv)
        for the subclass's constructor. ``log_path``: where its stderr goes."""
        from multiprocessing.connection import Connection

        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        stderr = open(log_path, "ab") if log_path else subprocess.DEVNULL
        try:
            process = subprocess.Popen(
                [sys.executable, "-m", "reportmine.engines.worker", str(to_child_r), str(from_child_w),
                 str(memory_mb), str(os.getpid())],
                pass_fds=(to_child_r, from_child_w), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=stderr, start_new_session=True, env=worker_env())
        finally:
            if stderr is not subprocess.DEVNULL:
                stderr.close()
            os.close(to_child_r)
            os.close(from_child_w)
        send = Connection(to_child_w, readable=False)
        send.send(settings)
        return process, send, Connection(from_child_r, writable=False)

    def kill(self) -> None:
        for conn in (self.send, self.recv):
            conn.close()
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()

    def exit_reason(self) -> str:
        """Why the process ended (it is stopped first if it has not)."""
        self.kill()
        code = self.process.returncode
        if code == -signal.SIGKILL:        # the kernel's out-of-memory killer sends SIGKILL
            return "进程被强制终止（SIGKILL，可能是内存耗尽）"
        return f"进程意外退出（{f'信号 {-code}' if code < 0 else f'退出码 {code}'}）"
