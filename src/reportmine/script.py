"""Traditional and simplified script: a one-character map (data/t2s.tsv).

Traditional text is read like simplified (GUIDE.md: 個百分點 is 个百分点), so
the recognizer matches on a simplified copy of the text; the map is 1:1, so
every offset stays valid. ``traditional_of`` gives, for simplified characters,
the traditional ones that map to them (to know which characters matter).
"""

from __future__ import annotations

import sys
from functools import lru_cache

from .resources import DataFileError, read_text


@lru_cache(maxsize=1)
def t2s_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for n, line in enumerate(read_text("t2s.tsv").splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or len(parts[0]) != 1 or len(parts[1]) != 1:
            raise DataFileError(f"t2s.tsv:{n}: expected 'traditional<TAB>simplified', one character each")
        table[ord(parts[0])] = parts[1]
    return table


def to_simplified(s: str) -> str:
    return s.translate(t2s_table())


@lru_cache(maxsize=1)
def _s2t() -> dict[str, str]:
    out: dict[str, str] = {}
    for trad, simp in t2s_table().items():
        out[simp] = out.get(simp, "") + chr(trad)
    return out


def traditional_of(chars) -> str:
    """Every traditional character whose simplified form is one of ``chars``."""
    s2t = _s2t()
    return "".join(sorted({t for ch in set(chars) for t in s2t.get(ch, "")}))


@lru_cache(maxsize=1)
def _traditional() -> frozenset:
    """Every mapped character: ``isdisjoint`` walks a short text three times faster
    than re's search for a class of them (and ten times faster than regex's)."""
    return frozenset(map(chr, t2s_table()))


_TABLE_FROM = 256      # characters: a longer text may be looked up code point by code point in a table
_IMPORT_FROM = 2_000_000   # characters: a text this long pays for importing numpy (~0.1 s, ~1.3 MB of isdisjoint)


def holds_traditional(text: str) -> bool:
    """``has_traditional`` without keeping the answer. A longer text is read
    as an array of code points looked up in a table of the mapped ones (numpy:
    seven times faster than ``isdisjoint`` on a report, the same answer) once
    numpy is loaded; a process that has not loaded it (one short report from
    the command line) imports it only for a text of ``_IMPORT_FROM`` characters."""
    if len(text) < _TABLE_FROM or (len(text) < _IMPORT_FROM and "numpy" not in sys.modules):
        return not _traditional().isdisjoint(text)
    return looked_up(text)


def looked_up(text: str) -> bool:
    """Whether a code point of ``text`` is in the table of mapped ones."""
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
