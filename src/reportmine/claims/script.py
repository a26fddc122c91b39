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


_LAST: list = [None, False]     # the last text asked about and the answer (a document's text is asked thrice)


def has_traditional(text: str) -> bool:
    """Whether the map would change anything (much faster than mapping)."""
    if text is _LAST[0]:
        return _LAST[1]
    found = not _traditional().isdisjoint(text)
    _LAST[:] = text, found
    return found


def forget() -> None:
    """Drop the last text kept (the pipeline calls it after each document)."""
    _LAST[:] = None, False


def simplified(text: str) -> str:
    """The same text in simplified script; same length, same offsets."""
    return to_simplified(text)
