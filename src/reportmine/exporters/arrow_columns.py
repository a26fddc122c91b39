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
from itertools import accumulate, repeat
from operator import is_not

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
_ZERO, _EMPTY = {None: 0}, {None: ""}          # .get(v, v): None made 0 or "", any other value kept


def _kinds(values: list, accepted: frozenset, what: str) -> set:
    """The types among ``values`` (checked in one pass; a subclass is another type)."""
    kinds = set(map(type, values))
    if not kinds <= accepted:
        raise TypeError(f"{', '.join(sorted(k.__name__ for k in kinds - accepted))} in a {what} column")
    return kinds


_BITS = bytes.maketrans(b"\x00\x01", b"01")


def _validity(pa, values: list, kinds: set = frozenset({_NONE})):
    """The validity bitmap (None when every value is there) and the null count.
    Made without a loop in Python: the values' 0/1 flags read as the binary digits
    of one number (the bits past the end set, as a bitmap of 0xff bytes cleared
    at the nulls has them)."""
    nulls = values.count(None) if _NONE in kinds else 0
    if not nulls:
        return None, 0
    pad = -len(values) % 8
    digits = bytes(map(is_not, values, repeat(None))).translate(_BITS) + b"1" * pad
    bits = int(digits[::-1], 2).to_bytes((len(values) + pad) // 8, "little")
    return pa.py_buffer(bits), nulls


def _little_endian(a: array) -> bytes:
    if sys.byteorder != "little":
        a.byteswap()
    return a.tobytes()


def _fixed(pa, arrow_type, code: str, values: list, accepted: tuple):
    kinds = _kinds(values, frozenset({*accepted, _NONE}), str(arrow_type))
    numbers = array(code, list(map(_ZERO.get, values, values)) if _NONE in kinds else values)     # None -> 0
    validity, nulls = _validity(pa, values, kinds)
    return pa.Array.from_buffers(arrow_type, len(values), [validity, pa.py_buffer(_little_endian(numbers))],
                                 null_count=nulls)


def _strings(pa, values: list):
    kinds = _kinds(values, frozenset({str, _NONE}), "string")
    encoded = list(map(str.encode, map(_EMPTY.get, values, values) if _NONE in kinds else values))   # UTF-8
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
