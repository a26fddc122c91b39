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

:func:`write_lines` writes the same JSON with a line break after each piece
(an opened ``{`` or ``[``, a key, a value encoded whole, a closing bracket):
still JSON that ``json.load`` reads, and :func:`read_lines` reads it back a
line at a time, so that reading never holds the file's text (for a large
outcome, more than the objects it describes) beside the objects.
"""

from __future__ import annotations

import json
from itertools import islice

_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
SMALL = 64           # a dict whose lists and dicts hold at most this many items each is encoded whole
_CONTAINERS = (dict, list)
RUN = 64             # list items encoded together, at most


class Streamed:
    """What is written as a JSON list though it is not one: ``len`` and
    iteration, the items made or read as they are written (:class:`Items`,
    records.spool.RowSpool)."""

    __slots__ = ()


class Items(Streamed):
    """A list made as it is read: ``len`` and iteration (e.g. a document's
    quantities as dicts, one batch at a time, see Document.to_dict(lazy=True));
    written like a list, never held whole."""

    def __init__(self, items, convert):
        self.items, self.convert = items, convert

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self):
        for i in range(0, len(self.items), 1000):
            yield from self.convert(self.items[i:i + 1000])


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


def _opens(obj, depth: int) -> bool:
    return (bool(depth) and ((isinstance(obj, dict) and all(isinstance(k, str) for k in obj))
                             or isinstance(obj, list))) or isinstance(obj, Streamed)


def write_lines(fh, obj, depth: int = 3) -> None:
    """obj as JSON, a piece per line (a comma starts the line of the item it
    precedes): dicts down to ``depth`` levels are opened, a key per line, and
    lists among them an item per line (a quantity, a record: a line each)."""
    write = fh.write
    for piece in _line_pieces(obj, depth):
        write(piece)
        write("\n")


def _line_pieces(obj, depth: int, comma: str = ""):
    if _opens(obj, depth) and isinstance(obj, dict):
        yield comma + "{"
        for i, (key, value) in enumerate(obj.items()):
            yield ("," if i else "") + _COMPACT.encode(key) + ":"
            yield from _line_pieces(value, depth - 1)
        yield "}"
    elif _opens(obj, depth):          # a list's items are a line each, whatever they hold
        yield comma + "["
        items, encode, first = iter(obj), _COMPACT.encode, True
        while chunk := list(islice(items, 1000)):       # a piece of up to 1000 lines
            yield ("" if first else ",") + "\n,".join(map(encode, chunk))
            first = False
        yield "]"
    else:
        yield comma + _COMPACT.encode(obj)


def read_lines(lines, errors: str = "strict", convert=None):
    """The object :func:`write_lines` wrote, from its lines (bytes, e.g. a file
    opened ``"rb"``); values are decoded a few hundred list items at a time
    (``errors``: how the UTF-8 is decoded), so that the objects of a batch share
    their keys as ``json.load`` of the whole would make them. ``convert(path,
    items)``: what a list's items become as they are read (``path``: the keys
    that lead to the list), so that they are never all held as dicts. Raises
    ValueError on anything else."""
    stack: list[list] = []          # [container, pending key]
    items: list[str] = []           # list items not decoded yet
    shared: dict[str, str] = {}     # the text values read so far (_share)
    root, done = None, False
    for raw in lines:
        line = raw.decode("utf-8", errors).rstrip("\n")
        if done:
            if line.strip():
                raise ValueError("data after the end of the JSON")
            continue
        if stack and type(stack[-1][0]) is list and line not in ("{", "[", "]", ",{", ",["):
            items.append(line)                  # an item, its comma included
            if len(items) == _ITEMS:
                _decode_items(stack, items, convert, shared)
            continue
        if items:
            _decode_items(stack, items, convert, shared)
        if line[:1] == ",":
            line = line[1:]
        if line in ("{", "["):
            value = {} if line == "{" else []
            root = _attach(stack, root, value)
            stack.append([value, None])
        elif line in ("}", "]"):
            if not stack:
                raise ValueError("unbalanced JSON lines")
            stack.pop()
            done = not stack
        elif line.endswith(":") and line.startswith('"') and stack:
            stack[-1][1] = _DECODE(line[:-1])
        else:
            root = _attach(stack, root, _DECODE(line))
            done = not stack
    if stack or not done:
        raise ValueError("the JSON lines end early")
    return root


_ITEMS = 500
_DECODE = json.JSONDecoder().decode


def _decode_items(stack: list, items: list[str], convert, shared: dict) -> None:
    into, first = stack[-1][0], items[0]
    if into and first[:1] != ",":
        raise ValueError("a list item without its comma")
    values = _DECODE("[" + first.lstrip(",") + "".join(items[1:]) + "]")
    items.clear()
    _share(values, shared)
    into.extend(values if convert is None else convert(tuple(e[1] for e in stack[:-1]), values))

def _share(values: list, shared: dict) -> None:
    """Equal text values of the items' fields made one object (``shared``:
    those seen so far in this read): json makes a new string for each, and a
    large document's 50,000 quantities repeat a few dozen units, roles and
    periods; held as one each, the spans read back take ~25 MB less."""
    memo = shared.setdefault
    for value in values:
        if type(value) is dict:
            for key, v in value.items():
                if type(v) is str:
                    value[key] = memo(v, v)


def _attach(stack, root, value):
    if not stack:
        return value
    container, key = stack[-1]
    if type(container) is dict:
        container[key] = value
    else:
        container.append(value)
    return root
