"""Give the memory a large document freed back to the system.

After a big document is analyzed and stored, most of what it took is free
again, but glibc's allocator keeps freed memory of the process's heap for
later use instead of returning it; what is loaded after it (the database's
rows, the table writers, the next file) then comes on
top of memory nobody uses. ``malloc_trim(0)`` returns the free pages at the
top of the heap and the free whole pages inside it. Elsewhere (not Linux
with glibc) it does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

_trim = None


def _load():
    global _trim
    if _trim is None:
        _trim = False
        if sys.platform.startswith("linux"):
            try:
                _trim = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
                _trim.argtypes, _trim.restype = [ctypes.c_size_t], ctypes.c_int
            except (OSError, AttributeError):
                _trim = False
    return _trim


def give_back() -> bool:
    """Return the heap's free memory to the system; whether any was returned."""
    trim = _load()
    return bool(trim(0)) if trim else False
