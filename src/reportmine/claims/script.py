"""Traditional -> simplified for the claims stage: the project's one-character
map (reportmine.script, data/t2s.tsv), so offsets hold."""

from __future__ import annotations

from functools import lru_cache

from ..script import t2s_table, to_simplified


@lru_cache(maxsize=1)
def _traditional() -> frozenset:
    """Every mapped character: ``isdisjoint`` walks a text three times faster than
    re's search for a class of them (and ten times faster than regex's)."""
    return frozenset(map(chr, t2s_table()))


# (the last text asked about, the answer), replaced whole: a document's text is asked thrice
_LAST: list = [(None, False)]


def has_traditional(text: str) -> bool:
    """Whether the map would change anything (much faster than mapping)."""
    last = _LAST[0]
    if last[0] is text:
        return last[1]
    found = not _traditional().isdisjoint(text)
    _LAST[0] = (text, found)
    return found


def forget() -> None:
    """Drop the last text kept (the pipeline calls it after each document)."""
    _LAST[0] = (None, False)


def simplified(text: str) -> str:
    """The same text in simplified script; same length, same offsets."""
    return to_simplified(text)
