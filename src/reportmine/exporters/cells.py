"""Plain-text cell values shared by the text writers (csv, flags.csv)."""

from __future__ import annotations

LIST_SEP = ";"


def cell(value) -> str:
    """None -> empty; 9207.0 -> 9207; 1.15 -> 1.15; lists joined with ';'."""
    if value is None:
        return ""
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, (list, tuple)):
        return LIST_SEP.join(str(v) for v in value)
    return str(value)
