"""Units, rates and multipliers whose number is absent."""

from __future__ import annotations

from ..document import Flag
from .flags import context, make_flag
from .rules import Rules


def find_missing(text: str, start: int, end: int, r: Rules) -> list[Flag]:
    flags = []
    for m in r.rate_units.finditer(text, start, end):
        if _numberless(text, m.start(), r):
            flags.append(_flag(text, m.start(), m.end(), "number", "a rate unit without its number"))
    for m in r.scaled_units.finditer(text, start, end):
        s, e = m.span()
        if not _numberless(text, s, r) or text[s - 1:s] in r.scaled_not_after:
            continue
        if any(text.startswith(w, e) for w in r.scaled_not_before):
            continue
        flags.append(_flag(text, s, e, "number", "a multiplier and unit without a number"))
    for m in r.bare_classifier.finditer(text, start, end):
        flags.append(_flag(text, m.start(1), m.end(1), "number", "a classifier without its number"))
    for m in r.unit_missing.finditer(text, start, end):
        flags.append(_flag(text, m.start(), m.end(), "unit", "a bare small number: its unit is missing"))
    flags.sort(key=lambda f: f.start)
    return _dedupe(flags)


def _numberless(text: str, s: int, r: Rules) -> bool:
    i = s - 1
    while i >= 0 and text[i] in " \u3000":
        i -= 1
    return i < 0 or text[i] not in r.number_chars


def _flag(text: str, s: int, e: int, subtype: str, note: str) -> Flag:
    return make_flag(text, s, e, "missing_number", subtype, note, context=context(text, s, e))


def _dedupe(flags: list[Flag]) -> list[Flag]:
    out = []
    for f in flags:
        if out and f.start < out[-1].end:
            continue
        out.append(f)
    return out
