"""A worker process of the local engine: ``python -m reportmine.engines.worker FD_IN FD_OUT MB``.

It lowers its own address-space limit (``RLIMIT_AS``) to MB mebibytes, loads
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


def limit_memory(megabytes: int) -> None:
    if megabytes <= 0:
        return
    import resource

    limit = megabytes * 1024 * 1024
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _orphan_watch(parent: int) -> None:
    """Exit when the main process is gone (e.g. killed with kill -9 while this
    worker is stuck on a file that never ends)."""
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(3)


def serve(conn, parent: int) -> None:
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
            conn.send(("outcome", outcome.to_json()))
        except MemoryError:
            from .work import error_outcome

            conn.send(("outcome", error_outcome(task.index, task.path, "E802", task.key, task.doc_sha256,
                                                path=task.path)))
        if outcome.code == "E802":
            return      # after a MemoryError the process is not to be trusted: the engine starts a new one


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
