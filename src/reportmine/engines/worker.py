"""A worker process of the local engine: ``python -m reportmine.engines.worker FD_IN FD_OUT MB``.

It lowers its own address-space limit (``RLIMIT_AS``) to MB mebibytes (the local
engine puts the same limit on its own process while it analyzes files there,
:func:`limited_memory`), loads
the pipeline for the settings it is sent once, says ``ready``, then answers
each task with :func:`work.analyze_task`'s outcome until it reads ``None`` or
its pipe closes. It runs in a session of its own (Ctrl-C on the terminal goes
to the main process only) and exits by itself when the main process is gone.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from contextlib import contextmanager


def limit_memory(megabytes: int) -> None:
    if megabytes <= 0:
        return
    import resource

    limit = megabytes * 1024 * 1024
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


@contextmanager
def limited_memory(megabytes: int):
    """The same limit on this process while the block runs (``--workers 1``
    analyzes here), the previous one restored after. E810 when the process
    already takes more address space than the limit: nothing could run in it."""
    if megabytes <= 0:
        yield
        return
    import resource

    used = address_space_mb()
    if used is not None and used >= megabytes:
        from ..errors import ReportmineError

        raise ReportmineError("E810", limit=megabytes, used=used)
    previous = resource.getrlimit(resource.RLIMIT_AS)
    limit_memory(megabytes)
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, previous)


def address_space_mb() -> int | None:
    """This process's address space (VmSize) in MiB; None where /proc is not."""
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE") // (1024 * 1024)


def _orphan_watch(parent: int) -> None:
    """Exit when the main process is gone (e.g. killed with kill -9 while this
    worker is stuck on a file that never ends)."""
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(3)


def serve(conn, parent: int) -> None:
    from ..heap import give_back
    from .work import analyze_task, warm_up

    threading.Thread(target=_orphan_watch, args=(parent,), daemon=True).start()
    settings = conn.recv()
    try:
        warm_up(settings)
    except BaseException as exc:  # noqa: BLE001 - reported to the main process, which stops the run
        conn.send(("failed", f"{type(exc).__name__}: {exc}"[:300]))
        return
    conn.send(("ready", os.getpid()))
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        outcome = analyze_task(task, settings)
        try:
            # encoded here, in parallel with the other workers: the main process
            # only decodes it (C) and writes the bytes as they came
            conn.send(("outcome", outcome.to_json(), outcome.header()))
        except MemoryError:
            from .work import error_outcome

            conn.send(("outcome", error_outcome(task.index, task.path, "E802", task.key, task.doc_sha256,
                                                path=task.path)))
        if outcome.code == "E802":
            return      # after a MemoryError the process is not to be trusted: the engine starts a new one
        del outcome, task
        give_back()     # what a big file took goes back to the system before the next file


def main(argv: list[str]) -> None:
    from multiprocessing.connection import Connection

    fd_in, fd_out, megabytes, parent = (int(a) for a in argv[:4])
    limit_memory(megabytes)
    conn_in, conn_out = Connection(fd_in, writable=False), Connection(fd_out, readable=False)

    class Duplex:      # one object for serve(): recv from the main, send to it
        recv = conn_in.recv
        send = conn_out.send

    serve(Duplex(), parent)


if __name__ == "__main__":
    main(sys.argv[1:])
