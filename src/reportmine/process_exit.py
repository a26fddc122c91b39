"""Ending a finished command-line process without tearing down its heap.

A normal exit of CPython unloads every module and frees every object one by
one: about 0.07 s for a run of ``reportmine analyze`` on one short file (500
modules, ~57,000 objects), a tenth of its wall time, spent after the last
output is written. ``leave`` does what such an exit must still do, then ends
the process at once (``os._exit``):

- the exit handlers registered with ``atexit`` run (logging's flush and close,
  multiprocessing's and Dask's clean-ups, temporary folders);
- every file object still open is flushed (a normal exit flushes the ones a
  module or another live object holds as it tears them down), standard
  output and standard error last;
- the status is what ``sys.exit`` would give: None is 0, a number itself, any
  other value printed to standard error and 1.

Any other thread still running (a non-daemon thread a normal exit would wait
for) makes it exit the normal way instead.
"""

from __future__ import annotations

import atexit
import gc
import io
import os
import sys
import threading


def exit_status(status) -> int:
    """The process status ``sys.exit(status)`` gives (printing a message it would print)."""
    if status is None:
        return 0
    if isinstance(status, int):
        return status & 0xFF
    try:
        print(status, file=sys.stderr)
    except Exception:       # noqa: BLE001 - a closed stream: the status still stands
        pass
    return 1


def leave(status) -> None:
    """End the process with ``status`` after the exit handlers and with every file and stream flushed."""
    if any(t is not threading.main_thread() and t.is_alive() and not t.daemon for t in threading.enumerate()):
        sys.exit(status)
    code = exit_status(status)
    atexit._run_exitfuncs()
    _flush_open_files()
    for stream in (sys.stdout, sys.stderr):
        if stream is None or getattr(stream, "closed", False):    # as CPython's exit skips them
            continue
        try:
            stream.flush()
        except Exception:   # noqa: BLE001 - a closed or broken stream (a pipe closed early)
            code = code or 120      # what CPython gives when it cannot flush at exit
    os._exit(code)


def _flush_open_files() -> None:
    """Flush every open file object of the heap (buffered writers and text files
    are tracked by the garbage collector, so ``gc.get_objects`` lists them;
    their exact types: ``isinstance`` with io's abstract classes takes ~30 ms
    over a run's objects)."""
    kinds = {io.TextIOWrapper, io.BufferedWriter, io.BufferedRandom, io.BufferedRWPair}
    for obj in gc.get_objects():
        if type(obj) in kinds and obj is not sys.stdout and obj is not sys.stderr:
            try:
                if not obj.closed and obj.writable():
                    obj.flush()
            except Exception:   # noqa: BLE001 - detached, or a device that refuses: as at a normal exit
                pass
