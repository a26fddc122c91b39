"""Pause Python's cyclic garbage collector around allocation-heavy steps.

Building records and writing exports makes hundreds of thousands of small
strings, dicts and tuples and no reference cycles; with a large document
alive, the collector's generation passes over it cost a large share of those
steps (benchmarks/speed.py). Reference counting still frees everything.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def paused_gc():
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
