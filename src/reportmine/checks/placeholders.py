"""Template marks standing for a number, a date, a name or a word."""

from __future__ import annotations

import re

from ..document import Flag
from ..quantities.lexicon import lexicon
from .flags import make_flag
from .rules import Rules


def find_placeholders(text: str, start: int, end: int, r: Rules) -> list[Flag]:
    flags: list[Flag] = []
    taken = -1
    for m in r.date.finditer(text, start, end):
        if _marked(m.group(), r):
            flags.append(make_flag(text, m.start(), m.end(), "placeholder", "date",
                                   "a date written as a template mark"))
            taken = max(taken, m.end())
    spans = [(f.start, f.end) for f in flags]
    for m in r.token.finditer(text, start, end):
        s, e = m.span()
        if any(a <= s < b for a, b in spans) or not _plausible(text, s, e, r):
            continue
        e2, subtype = _classify(text, s, e, end, r)
        flags.append(make_flag(text, s, e2, "placeholder", subtype, f"template mark {text[s:e]!r}"))
    flags.sort(key=lambda f: f.start)
    return flags


def _marked(s: str, r: Rules) -> bool:
    return any(ch in r.marks for ch in s)


def _plausible(text: str, s: int, e: int, r: Rules) -> bool:
    tok = text[s:e]
    marks = [ch for ch in tok if ch in r.marks]
    if not marks:
        return False
    if set(marks) <= {"*", "＊"} and len(marks) < r.min_star_run:
        return False           # a footnote star or a bullet
    if set(marks) == {"×"} and re.search(r"[0-9０-９]×[0-9０-９]", tok):
        return False           # 3×4
    if re.fullmatch(r"[xX][0-9]+", tok) and _unit_after(text[e:e + 8]) is None:
        return False           # a code such as x86
    if len(tok) == 1 and tok in "×□" and e < len(text) and text[e].isdigit():
        return False           # a separator glyph before a number or a date
    return True


def _classify(text: str, s: int, e: int, limit: int, r: Rules) -> tuple[int, str]:
    """(end, subtype): numbers take their unit into the span (x万人次, x%)."""
    tok = text[s:e]
    after = text[e:min(limit, e + 8)]
    unit = _unit_after(after)
    if unit:
        return e + len(unit), "number"
    if any(ch.isdigit() for ch in tok):
        return e, "number"
    for suffix in r.ordinal_suffixes:
        if after.startswith(suffix):
            return e + len(suffix), "number"
    for suffix in r.name_suffixes:
        if after.startswith(suffix):
            return e + len(suffix), "name"
    if set(tok) <= {"_", "＿"} and s > 0 and "\u4e00" <= text[s - 1] <= "\u9fff" and after[:1] and \
            "\u4e00" <= after[0] <= "\u9fff" and len(tok) <= 3 and not _looks_like_name_slot(text, s):
        return e, "text"
    return e, "name"


def _looks_like_name_slot(text: str, s: int) -> bool:
    return text[max(0, s - 2):s].endswith(("《", "“"))


def _unit_after(after: str) -> str | None:
    lex = lexicon()
    pos = 0
    for w in sorted(lex.approx_inner, key=len, reverse=True):
        if after.startswith(w):
            pos = len(w)
            break
    rest = after[pos:]
    for m in sorted(lex.multipliers, key=len, reverse=True):
        if rest.startswith(m):
            rest, pos = rest[len(m):], pos + len(m)
            break
    for u in sorted(lex.units, key=len, reverse=True):
        if rest.startswith(u) and not any(rest[len(u):].startswith(w) for w in lex.units[u].not_before):
            return after[:pos + len(u)]
    return None
