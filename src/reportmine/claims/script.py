"""Traditional -> simplified for the claims stage: the project's one-character
map (reportmine.script, data/t2s.tsv), so offsets hold."""

from __future__ import annotations

from functools import lru_cache

from ..script import t2s_table, to_simplified


@lru_cache(maxsize=1)
def _traditional():
    """One character class of every mapped character; the standard re module
    (a charset lookup) searches it about ten times faster than regex does."""
    import re

    return re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(t2s_table())) + "]")


def has_traditional(text: str) -> bool:
    """Whether the map would change anything (much faster than mapping)."""
    return _traditional().search(text) is not None


def simplified(text: str) -> str:
    """The same text in simplified script; same length, same offsets."""
    return to_simplified(text)
