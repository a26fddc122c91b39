"""JSON written to a file piece by piece, never as one string in memory.

A large document's outcome (its text, tens of thousands of quantities and
records) is several times the size of its text once encoded; building the
whole string and then its bytes holds two more copies of it at once.
:func:`write_compact` gives the bytes ``json.dumps(obj, ensure_ascii=False,
separators=(",", ":"))`` gives, opening the outer dicts and lists itself and
encoding what lies below them whole with the C encoder (as fast as one
``dumps``). (documents/*.json is streamed the same way by output._dump.)
"""

from __future__ import annotations

import json

_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def write_compact(fh, obj, depth: int = 3) -> None:
    """Write obj to the text file fh; dicts and lists down to ``depth`` levels are opened here."""
    write = fh.write
    for piece in _pieces(obj, depth):
        write(piece)


def _pieces(obj, depth: int):
    if depth and isinstance(obj, dict) and all(isinstance(k, str) for k in obj):
        yield "{"
        for i, (key, value) in enumerate(obj.items()):
            yield ("," if i else "") + _COMPACT.encode(key) + ":"
            yield from _pieces(value, depth - 1)
        yield "}"
    elif depth and isinstance(obj, list):
        yield "["
        for i, value in enumerate(obj):
            if i:
                yield ","
            yield from _pieces(value, depth - 1)
        yield "]"
    else:
        yield _COMPACT.encode(obj)

