"""Traditional -> simplified for the claims stage: the project's one-character
map (reportmine.script, data/t2s.tsv), so offsets hold."""

from __future__ import annotations

from ..script import holds_traditional, to_simplified


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
