"""A normalized view of a line for matching: what PDF conversion and mirror
sites do to numbers is undone, with every offset mapped back to the source.

- spaces between a number and its unit, or inside a number (``212.8 亿元``,
  ``12. 5%``, ``11 . 8%``, ``死亡 11 人``, ``3 420 起``) are dropped;
- inline pinyin glosses after characters (``萬(wàn)人``) are dropped;
- a full-width 。 or a small full stop ﹒ between digits is a decimal point (``29。43%``);
- a page marker on a new line inside a number is dropped (``39⏎2、4人`` is 394人);
- traditional characters read as simplified (``個百分點``, 1:1, data/t2s.tsv).

Most text needs none of this: ``needs_view`` looks only at the characters
touching a match, so the common case costs two set look-ups per number.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from ..resources import compile_pattern, load_yaml, require
from ..script import t2s_table, traditional_of

SPACES = " \u3000\u00a0"
_CJK = "\u3400-\u9fff"
_PINYIN = (r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
           r"[aeiouvüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{1,4}(?:ng|n|r)?")
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz" + _TONED)
# what is dropped: a gloss after a character; spaces after a number (before its
# unit), before a number (after a word) or after a decimal point
_DROP = re.compile(
    rf"(?<=[{_CJK}])[(（]{_PINYIN}[)）]"
    rf"|(?<=[0-9０-９])[{SPACES}]{{1,3}}(?=[{_CJK}%％‰㎡μ])"
    rf"|(?<=[{_CJK}])[{SPACES}]{{1,3}}(?=[0-9０-９])"
    rf"|(?<=[0-9][.．])[{SPACES}]{{1,2}}(?=[0-9])"
    # (and before it, when a digit follows it, and then after it: 增长11 . 8%)
    rf"|(?<=[0-9])[{SPACES}]{{1,2}}(?=[.．][{SPACES}]{{0,2}}[0-9])"
    rf"|(?<=[0-9][{SPACES}][.．])[{SPACES}]{{1,2}}(?=[0-9])"
    # a space after the thousands of a number with its unit (3 420 起, 41 268 元): one
    # to three digits before it (no more, no decimal point, no digit group before
    # them), three after it and then the unit, no run of groups (123 456 789 …)
    rf"|(?<=[0-9])(?<![0-9]{{4}})(?<![.．][0-9])(?<![.．][0-9]{{2}})(?<![.．][0-9]{{3}})"
    rf"(?<![0-9][ \u00a0][0-9])(?<![0-9][ \u00a0][0-9]{{2}})(?<![0-9][ \u00a0][0-9]{{3}})"
    rf"[ \u00a0](?=[0-9]{{3}}(?![ \u00a0]?[0-9])[{SPACES}]{{0,2}}[{_CJK}%％‰])"
    rf"|(?<=[0-9.．])\n{{1,3}}[0-9]{{1,2}}、(?=[0-9])")
# a site's page marker on a new line inside a number: 产妇数39\n2、4人 is 394人
PAGE_BREAK = re.compile(r"\n{1,3}[0-9]{1,2}、(?=[0-9])")
_GLOSS = re.compile(rf"[(（]{_PINYIN}[)）]")


@dataclass(frozen=True)
class ViewWords:
    """quantities.yaml's number_view section: the patterns the view reads."""

    decimal_point: object       # 29。43%: a decimal point, not a sentence end (29。2020年, 3。1、 are not)


@lru_cache(maxsize=1)
def view_words() -> ViewWords:
    data = load_yaml("quantities.yaml")["number_view"]
    require(data, ("decimal_point",), "quantities.yaml: number_view")
    return ViewWords(compile_pattern(data["decimal_point"], "quantities.yaml: number_view: decimal_point"))


@lru_cache(maxsize=4)
def _triggers(lexicon_chars: str) -> tuple[frozenset, frozenset, frozenset]:
    trad = traditional_of(lexicon_chars)
    return frozenset(SPACES + trad + "﹒"), frozenset(SPACES + trad + "。﹒.．(（\n"), frozenset(trad)


_UNIT_LOOK = 4      # a unit's later characters looked at (公頃, 平方公裏: the first is the same in both scripts)


def needs_view(text: str, s: int, e: int, lo: int, hi: int, lexicon_chars: str) -> bool:
    """True when the match text[s:e] (inside text[lo:hi]) touches something
    the plain pattern would misread: a space, a gloss, 。 or ﹒ between digits, a
    traditional character (the next unit, an approximation word before)."""
    before, after, trad = _triggers(lexicon_chars)
    if s > lo and text[s - 1] in before:
        return True
    if e >= hi:
        return False
    if text[e] not in after:
        return not trad.isdisjoint(text[e + 1:min(hi, e + _UNIT_LOOK)])
    ch = text[e]
    if ch in "。﹒.．":
        nxt = text[e + 1] if e + 1 < hi else ""
        return nxt in SPACES or (ch in "。﹒" and "0" <= nxt <= "9" and "0" <= text[e - 1] <= "9")
    if ch in "(（":
        return e + 1 < hi and text[e + 1] in _LOWER
    if ch == "\n":
        return "0" <= text[e - 1] <= "9" and PAGE_BREAK.match(text, e, hi) is not None
    return True


@dataclass
class View:
    """``text`` is matched (simplified, cleaned); ``written`` has the same
    characters as the source (for units as written); offsets map back."""

    text: str
    written: str
    _norm_starts: list[int]
    _src_starts: list[int]

    def source(self, i: int) -> int:
        k = bisect.bisect_right(self._norm_starts, i) - 1
        return self._src_starts[k] + (i - self._norm_starts[k])

    def source_span(self, s: int, e: int, src: str) -> tuple[int, int]:
        start, end = self.source(s), self.source(e - 1) + 1
        g = _GLOSS.match(src, end)
        if g:                       # a gloss right after the unit belongs to it
            end = g.end()
        return start, end


def make_view(src: str, lo: int, hi: int) -> View:
    pieces, norm_starts, src_starts, n, pos = [], [], [], 0, lo
    for m in _DROP.finditer(src, lo, hi):
        if m.start() > pos:
            pieces.append(src[pos:m.start()])
            norm_starts.append(n)
            src_starts.append(pos)
            n += m.start() - pos
        pos = m.end()
    pieces.append(src[pos:hi])
    norm_starts.append(n)
    src_starts.append(pos)
    written = "".join(pieces)
    text = view_words().decimal_point.sub(r"\1.", written.translate(t2s_table()))
    return View(text, written, norm_starts, src_starts)
