"""Traditional -> simplified for the claims stage: the project's one-character
map (reportmine.script, data/t2s.tsv), so offsets hold."""

from __future__ import annotations

from functools import lru_cache

from ..script import t2s_table, to_simplified


@lru_cache(maxsize=1)
def _traditional() -> frozenset:
    """Every mapped character: ``isdisjoint`` walks a short text three times faster
    than re's search for a class of them (and ten times faster than regex's)."""
    return frozenset(map(chr, t2s_table()))


# (the last text asked about, the answer), replaced whole: a document's text is asked thrice
_LAST: list = [(None, False)]
# (the last text kept, its simplified copy): the claims' view, the checks' index and
# the missing-number patterns all read a document's text in simplified script
_SIMPLIFIED: list = [(None, None)]


def has_traditional(text: str) -> bool:
    """Whether the map would change anything (much faster than mapping)."""
    last = _LAST[0]
    if last[0] is text:
        return last[1]
    found = holds_traditional(text)
    _LAST[0] = (text, found)
    return found


_TABLE_FROM = 256      # characters: a longer text is looked up code point by code point in a table


def holds_traditional(text: str) -> bool:
    """``has_traditional`` without keeping the answer. A longer text is read
    as an array of code points looked up in a table of the mapped ones (numpy:
    seven times faster than ``isdisjoint`` on a report, the same answer)."""
    if len(text) < _TABLE_FROM:
        return not _traditional().isdisjoint(text)
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return bool(_traditional_table()[codes].any())


@lru_cache(maxsize=1)
def _traditional_table():
    """A flag per code point (up to U+10FFFF): whether the map changes it."""
    import numpy as np

    table = np.zeros(0x110000, dtype=bool)
    table[list(t2s_table())] = True
    return table


def forget() -> None:
    """Drop the last texts kept (the pipeline calls it after each document)."""
    _LAST[0] = (None, False)
    _SIMPLIFIED[0] = (None, None)


def simplified(text: str, keep: bool = False) -> str:
    """The same text in simplified script; same length, same offsets. ``keep``
    (a document's whole text, asked for by several stages): the copy is kept
    until another text is kept or ``forget``."""
    last = _SIMPLIFIED[0]
    if last[0] is text:
        return last[1]
    out = to_simplified(text)
    if keep:
        _SIMPLIFIED[0] = (text, out)
    return out
