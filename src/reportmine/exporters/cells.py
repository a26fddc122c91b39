"""Plain-text cell values shared by the text writers (csv, flags.csv)."""

from __future__ import annotations

import re

LIST_SEP = ";"
# A text cell that a spreadsheet would run as a formula (=, +, -, @, or a tab or
# carriage return before one) gets a leading apostrophe, the usual guard against
# CSV formula injection; a plain signed number (-5, +3.5%) is left as it is.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?%?")


def cell(value) -> str:
    """None -> empty; 9207.0 -> 9207; 1.15 -> 1.15; lists joined with ';'."""
    if value is None:
        return ""
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, (list, tuple)):
        return text_cell(LIST_SEP.join(str(v) for v in value))
    return text_cell(str(value)) if isinstance(value, str) else str(value)


def text_cell(text: str) -> str:
    """``=HYPERLINK(…)`` -> ``'=HYPERLINK(…)``; anything else unchanged."""
    if text.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text
