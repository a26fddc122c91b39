"""Numbers that take their unit from a neighbour, and parts of a ratio.

- A unit written once for a list applies to every number of it (GUIDE.md):
  ``分别提高2.4和1.6个百分点``, ``38、41和60微克/立方米``, ``高于全国0.6、全省1.9个百分点``.
  Walking left from a quantity with a unit, each bare number joined to it by
  a list separator (and at most a short name) gets the same unit.
- The parts of a ratio written with colons (``15.9:26.7:57.4``, ``按7:3``) are
  quantities without a unit; a clock time (``9:30``, ``07:13:45``) is not.
- A fraction (``五分之一``, ``3分之2``, ``千分之五``, ``1/3``) is a ratio, with
  the approximation words that touch it (``约四分之一``, ``三分之一以上``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..numerals import tidy, to_ascii_digits
from ..document import Quantity
from ..resources import DataFileError, compile_pattern, load_yaml, require
from .lexicon import Lexicon, approx_after, approx_before

AR = r"[0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9０-９]+)?"
_SP = "[ \u3000]?"


@lru_cache(maxsize=4)
def _item_rx(separators: tuple[str, ...], words_max: int) -> re.Pattern:
    seps = "|".join(re.escape(s) for s in sorted(separators, key=len, reverse=True))
    return re.compile(rf"(?<![0-9.．,，:：/])(?P<num>{AR}){_SP}(?:{seps}){_SP}"
                      rf"[\u4e00-\u9fff]{{0,{words_max}}}{_SP}\Z")


def share_list_units(text: str, found: list[Quantity], lo: int, lex: Lexicon) -> list[Quantity]:
    """``found`` with each bare number of a list given the unit of the list's last item."""
    rx = _item_rx(lex.list_separators, lex.list_words_max)
    taken = {q.start for q in found if q.unit is not None}
    bare = {q.start: q for q in found if q.unit is None}
    added: list[Quantity] = []
    replaced: set[int] = set()
    for q in found:
        if q.unit is None and q.value is not None:
            items = _bare_items(text, q, lo, lex, taken | bare.keys())
            taken.update(b.start for b in items)
            added += items
            continue
        if not q.unit or not q.value:
            continue
        scale = q.norm_value / q.value
        for m in _items_before(text, q.start, lo, lex, taken, rx, 24):
            s, e = m.start("num"), m.end("num")
            value = _number(m.group("num"))
            added.append(Quantity(s, e, text[s:e], value, q.unit, tidy(value * scale), q.norm_unit))
            old = bare.pop(s, None)
            if old is not None:
                replaced.add(id(old))
    if not added:
        return found
    return [q for q in found if id(q) not in replaced] + added


_BARE_ITEM = re.compile(rf"(?<![0-9.．,，:：/])(?P<num>{AR}){_SP}[、和与及]{_SP}\Z")


def _bare_items(text: str, q: Quantity, lo: int, lex: Lexicon, taken: set[int]) -> list[Quantity]:
    """分别比上年增长21和9.4, 同比分别下降8、12和5: a list whose last number lost
    its unit lost it for every number (GUIDE.md: unit null); the numbers joined
    to it by 、和与及 alone, nothing between (stop 42's annotated pages)."""
    out = []
    for m in _items_before(text, q.start, lo, lex, taken, _BARE_ITEM, 16):
        s, e = m.start("num"), m.end("num")
        value = _number(m.group("num"))
        if len(m.group("num")) == 4 and 1900 <= value <= 2099:
            break                       # a year, 2019和2020
        out.append(Quantity(s, e, text[s:e], value, None, value, None))
    return out


def _items_before(text: str, pos: int, lo: int, lex: Lexicon, taken: set[int], rx: re.Pattern, reach: int):
    """The items of a list, walking left from ``pos``: each match of ``rx``
    ending right before the item after it (within ``reach`` characters), as
    long as it is a list item (_item_ok) not taken yet; each taken once read."""
    while True:
        m = rx.search(text, max(lo, pos - reach), pos)
        if m is None or not _item_ok(text, m.start("num"), lo, lex) or m.start("num") in taken:
            return
        yield m
        taken.add(m.start("num"))
        pos = m.start("num")


def _item_ok(text: str, s: int, lo: int, lex: Lexicon) -> bool:
    """A list item sits after a word or another item, never at a line start (1、)."""
    if s <= lo:
        return False
    before = text[s - 1]
    if before in lex.ordinal_before or before in lex.placeholder_before:
        return False
    return "\u4e00" <= before <= "\u9fff" or before in "、 \u3000"


_RATIO = re.compile(rf"(?:{AR})(?:[:：]{_SP}(?:{AR}))+(?![0-9.．:：])")
_PART = re.compile(AR)


def ratio_parts(text: str, lo: int, hi: int) -> list[Quantity]:
    out: list[Quantity] = []
    if text.find(":", lo, hi) < 0 and text.find("：", lo, hi) < 0:
        return out                        # no colon, no ratio (one C scan instead of the pattern's)
    for m in _RATIO.finditer(text, lo, hi):
        if m.start() > lo and text[m.start() - 1] in "0123456789.．:：":
            continue
        parts = list(_PART.finditer(m.group()))
        if all(len(p.group()) == 2 and p.group().isdigit() for p in parts[1:]):
            continue                      # 9:30, 07:13:45
        for p in parts:
            s, e = m.start() + p.start(), m.start() + p.end()
            v = _number(p.group())
            out.append(Quantity(s, e, text[s:e], v, None, v, None))
    return out


@dataclass(frozen=True)
class FractionWords:
    """quantities.yaml's fractions section: what a fraction is read by."""

    mark: str                       # 分之: every fraction holds it
    denominator_chars: frozenset    # what a denominator is written with
    pattern: object                 # a fraction: groups den and num
    slashes: str                    # what a fraction written with digits holds (1/3)
    slash_pattern: object           # such a fraction: groups num and den


@lru_cache(maxsize=1)
def fraction_words() -> FractionWords:
    data = load_yaml("quantities.yaml")["fractions"]
    require(data, ("mark", "denominator_chars", "pattern", "slashes", "slash_pattern"), "quantities.yaml: fractions")
    for k in ("mark", "denominator_chars", "slashes"):
        if not isinstance(data[k], str) or not data[k]:
            raise DataFileError(f"quantities.yaml: fractions: {k} 应为非空的字符串")
    return FractionWords(data["mark"], frozenset(data["denominator_chars"]),
                         compile_pattern(data["pattern"], "quantities.yaml: fractions: pattern"), data["slashes"],
                         compile_pattern(data["slash_pattern"], "quantities.yaml: fractions: slash_pattern"))


def fractions(text: str, lo: int, hi: int, lex: Lexicon) -> list[Quantity]:
    from ..numerals import parse_chinese_int

    out = []
    w = fraction_words()
    i = text.find(w.mark, lo, hi)
    while i >= 0:
        j = i
        while j > lo and text[j - 1] in w.denominator_chars:
            j -= 1
        m = w.pattern.match(text, j, hi) if j < i else None
        i = text.find(w.mark, i + len(w.mark), hi)
        if m is None:
            continue
        den, num = (parse_chinese_int(x) if not x[0].isdigit() else float(x) for x in m.group("den", "num"))
        if den and num is not None and num <= den:
            out.append(_fraction(text, m, num, den, lo, hi, lex))
    if any(c in text[lo:hi] for c in w.slashes):
        for m in w.slash_pattern.finditer(text, lo, hi):
            num, den = int(m.group("num")), int(m.group("den"))
            if 0 < num < den:
                out.append(_fraction(text, m, num, den, lo, hi, lex))
    return out


def _fraction(text: str, m, num: float, den: float, lo: int, hi: int, lex: Lexicon) -> Quantity:
    """The fraction of ``m`` with the approximation words touching it (GUIDE.md)."""
    s, e, approx = m.start(), m.end(), None
    pre = approx_before(lex, text, s, lo)
    if pre:
        s, approx = s - len(pre), lex.approx_before[pre]
    post = approx_after(lex, text, e, hi)
    if post:
        e, approx = e + len(post), lex.approx_after[post]
    v = tidy(num / den)
    return Quantity(s, e, text[s:e], v, None, v, "ratio", approx)


def _number(s: str) -> float | int:
    return tidy(float(to_ascii_digits(s).replace(",", "")))
