"""JSON written to a file piece by piece, never as one string in memory.

A large document's outcome (its text, tens of thousands of quantities and
records) is several times the size of its text once encoded; building the
whole string and then its bytes holds two more copies of it at once.
:func:`write_compact` gives the bytes ``json.dumps(obj, ensure_ascii=False,
separators=(",", ":"))`` gives, opening the outer dicts and lists itself and
encoding what lies below them whole with the C encoder (as fast as one
``dumps``). A dict without a long list or dict in it (a record, a quantity) is
encoded whole, not value by value: one C call instead of one per field, which made
storing an outcome four times slower than ``dumps``.
(documents/*.json is streamed the same way by output._dump.)
"""

from __future__ import annotations

import json

_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
SMALL = 64           # a dict whose lists and dicts hold at most this many items each is encoded whole
_CONTAINERS = (dict, list)
RUN = 64             # list items encoded together, at most


def write_compact(fh, obj, depth: int = 3) -> None:
    """Write obj to the text file fh; dicts and lists down to ``depth`` levels are opened here."""
    write = fh.write
    for piece in _pieces(obj, depth):
        write(piece)


def _whole(obj) -> bool:
    """Whether ``obj`` is encoded in one piece: a scalar, an empty container,
    or a dict with no long list or dict among its values (a record, a quantity)."""
    if isinstance(obj, dict):
        return not any(type(v) in _CONTAINERS and len(v) > SMALL for v in obj.values())
    return not (isinstance(obj, list) and obj)


def _pieces(obj, depth: int):
    if not depth or _whole(obj):
        yield _COMPACT.encode(obj)
    elif isinstance(obj, dict) and all(isinstance(k, str) for k in obj):
        yield "{"
        for i, (key, value) in enumerate(obj.items()):
            yield ("," if i else "") + _COMPACT.encode(key) + ":"
            yield from _pieces(value, depth - 1)
        yield "}"
    elif isinstance(obj, list):
        yield "["
        yield from _items(obj, depth - 1)
        yield "]"
    else:
        yield _COMPACT.encode(obj)


def _items(values: list, depth: int):
    """A list's items, comma-separated: runs of up to RUN items that are
    encoded whole, one piece a run; the others opened."""
    run: list = []
    first = True
    for value in values:
        whole = not depth or _whole(value)
        if whole:
            run.append(value)
            if len(run) < RUN:
                continue
        if run:
            yield ("" if first else ",") + _COMPACT.encode(run)[1:-1]
            first, run = False, []
        if not whole:
            yield "" if first else ","
            first = False
            yield from _pieces(value, depth)
    if run:
        yield ("" if first else ",") + _COMPACT.encode(run)[1:-1]
