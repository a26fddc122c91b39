"""Arrow columns built straight from Python values, without ``pyarrow.array``.

``pa.array`` and ``pa.Table.from_pylist`` ask pyarrow's pandas shim whether a
value is pandas-like, and the first question imports pandas (~0.3-0.6 s in a
fresh process), though no pandas object is ever written. These builders lay
out the same Arrow buffers (validity bitmap, 32-bit offsets, UTF-8 bytes,
little-endian numbers) with ``Array.from_buffers``; values of another type than
the column's raise TypeError, and the writer then falls back to ``pa.array``.
"""

from __future__ import annotations

import sys
from array import array
from itertools import accumulate

_OFFSET_LIMIT = 2**31 - 1


def column(pa, kind: str, values: list):
    """An Arrow array of ``kind`` (string, number, integer, strings) holding ``values``."""
    if kind == "string":
        return _strings(pa, values)
    if kind == "number":
        return _fixed(pa, pa.float64(), "d", values, (int, float))
    if kind == "integer":
        return _fixed(pa, pa.int64(), "q", values, (int,))
    if kind == "strings":
        return _string_lists(pa, values)
    raise TypeError(f"no builder for {kind!r}")


_NONE = type(None)


def _kinds(values: list, accepted: frozenset, what: str) -> set:
    """The types among ``values`` (checked in one pass; a subclass is another type)."""
    kinds = set(map(type, values))
    if not kinds <= accepted:
        raise TypeError(f"{', '.join(sorted(k.__name__ for k in kinds - accepted))} in a {what} column")
    return kinds


def _validity(pa, values: list, kinds: set = frozenset({_NONE})):
    """The validity bitmap (None when every value is there) and the null count."""
    nulls = [i for i, v in enumerate(values) if v is None] if _NONE in kinds else None
    if not nulls:
        return None, 0
    bits = bytearray(b"\xff" * ((len(values) + 7) // 8))
    for i in nulls:
        bits[i >> 3] &= ~(1 << (i & 7)) & 0xFF
    return pa.py_buffer(bytes(bits)), len(nulls)


def _little_endian(a: array) -> bytes:
    if sys.byteorder != "little":
        a.byteswap()
    return a.tobytes()


def _fixed(pa, arrow_type, code: str, values: list, accepted: tuple):
    kinds = _kinds(values, frozenset({*accepted, _NONE}), str(arrow_type))
    numbers = array(code, [0 if v is None else v for v in values] if _NONE in kinds else values)
    validity, nulls = _validity(pa, values, kinds)
    return pa.Array.from_buffers(arrow_type, len(values), [validity, pa.py_buffer(_little_endian(numbers))],
                                 null_count=nulls)


def _strings(pa, values: list):
    kinds = _kinds(values, frozenset({str, _NONE}), "string")
    encoded = [b"" if v is None else v.encode("utf-8") for v in values] if _NONE in kinds else \
        [v.encode("utf-8") for v in values]
    offsets = array("i", [0])
    ends = list(accumulate(map(len, encoded)))
    if ends and ends[-1] > _OFFSET_LIMIT:
        raise TypeError("strings longer than 32-bit offsets hold")
    offsets.extend(ends)
    validity, nulls = _validity(pa, values, kinds)
    return pa.Array.from_buffers(pa.string(), len(values),
                                 [validity, pa.py_buffer(_little_endian(offsets)), pa.py_buffer(b"".join(encoded))],
                                 null_count=nulls)


def _string_lists(pa, values: list):
    for v in values:
        if v is not None and not isinstance(v, (list, tuple)):
            raise TypeError(f"{type(v).__name__} in a list column")
    items = [s for v in values if v is not None for s in v]
    offsets = array("i", [0])
    offsets.extend(accumulate(0 if v is None else len(v) for v in values))
    validity, nulls = _validity(pa, values)
    return pa.Array.from_buffers(pa.list_(pa.string()), len(values),
                                 [validity, pa.py_buffer(_little_endian(offsets))],
                                 null_count=nulls, children=[_strings(pa, items)])
