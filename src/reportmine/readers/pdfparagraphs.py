"""Paragraphs of a PDF: page headers and footers, and which lines join.

Lines repeated at the top or bottom of at least half of the pages (two at
least; digits do not count) and page-number lines are marked as page_header
/ page_footer. Consecutive lines join into a paragraph when the first reaches
the right text margin and does not end a sentence, at the same font size,
without indent or larger gap (:func:`continues`); a sentence broken by a page
break joins across it (:func:`join_across_pages`).
"""

from __future__ import annotations

import bisect
import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..resources import compile_pattern, load_yaml, require
from .pdflayout import Line, PageLayout, PageTable

SENTENCE_END = frozenset("。！？；：…!?;")
CLAUSE_END = frozenset("；;")       # ends a clause: the sentence may go on on the next line
# a closing quote ends a sentence only after one of the above (。” but not “某某”)
CLOSING_QUOTES = frozenset("”’」』\"'")
_DIGITS = re.compile(r"\d+")
_EDGE_SHARE = 0.2        # header/footer lines lie in the top/bottom fifth of the page
_EDGE_LINES = 2          # ... among the first/last two lines of the page


@dataclass(frozen=True)
class ParagraphWords:
    """structure.yaml's pdf_paragraphs section: the patterns this module reads."""

    item_start: object      # a line that opens an item of a list: （二）, (3), 二、, 3、, 3., ①, 第三条
    page_number: object     # a page-number line, whole (case ignored): -3-, 第3页共10页, 3/10


@lru_cache(maxsize=1)
def paragraph_words() -> ParagraphWords:
    data = load_yaml("structure.yaml")["pdf_paragraphs"]
    require(data, ("item_start", "page_number"), "structure.yaml: pdf_paragraphs")
    where = "structure.yaml: pdf_paragraphs"
    return ParagraphWords(compile_pattern(data["item_start"], f"{where}: item_start"),
                          compile_pattern(data["page_number"], f"{where}: page_number", regex.IGNORECASE))


@dataclass
class Metrics:
    """The layout measures of one page the join rule compares against."""

    size: float
    left: float
    right: float
    pitch: float | None


# -- page headers and footers --------------------------------------------

def _edge_lines(page: PageLayout, bottom: bool) -> list[Line]:
    """The first (last) lines of a page, before any table, near its edge."""
    items = page.items[::-1] if bottom else page.items
    out = []
    for item in items[:_EDGE_LINES]:
        if not isinstance(item, Line):
            break
        near = (item.bottom >= page.height * (1 - _EDGE_SHARE) if bottom
                else item.top <= page.height * _EDGE_SHARE)
        if near:
            out.append(item)
    return out


def _normalise(text: str) -> str:
    return _DIGITS.sub("#", "".join(text.split()))


def mark_boilerplate(pages: list[PageLayout]) -> None:
    """Mark edge lines repeated (same text but for digits, same height on the
    page) on at least half of the pages, and page-number lines."""
    need = max(2, math.ceil(len(pages) / 2))
    for bottom, kind in ((False, "page_header"), (True, "page_footer")):
        seen: dict[str, list[tuple[int, float]]] = {}
        for page in pages:
            for line in _edge_lines(page, bottom):
                seen.setdefault(_normalise(line.text), []).append((page.number, line.top))
        for page in pages:
            for line in _edge_lines(page, bottom):
                same = {n for n, top in seen[_normalise(line.text)]
                        if abs(top - line.top) <= 0.5 * line.size}
                numbered = paragraph_words().page_number.fullmatch("".join(line.text.split())) is not None
                if line.kind is None and (len(same) >= need or numbered):
                    line.kind = kind


# -- paragraphs ----------------------------------------------------------

def page_metrics(pages: list[PageLayout]) -> list[Metrics]:
    """Per page: the body font size and line pitch of the document, the page's
    own left text edge (so mirrored margins work) and the document's text width."""
    by_page = [[i for i in p.items if isinstance(i, Line) and i.kind is None] for p in pages]
    lines = [x for group in by_page for x in group]
    if not lines:
        return [Metrics(10.0, 0.0, 0.0, None) for _ in pages]
    size = Counter(round(x.size, 1) for x in lines for _ in x.text).most_common(1)[0][0]
    by_page = [[x for x in group if abs(x.size - size) < 0.1 * size] for group in by_page]
    tol = 0.3 * size
    x0s = sorted(x.x0 for group in by_page for x in group)
    fallback = next((a for a, b in zip(x0s, x0s[1:]) if b - a <= tol), x0s[0])
    lefts = [min((x.x0 for x in group if _near(x.x0, x0s, tol)), default=fallback)
             for group in by_page]
    widths = [right - left for left, group in zip(lefts, by_page)
              if (right := _right_edge(group, tol)) is not None]
    width = statistics.median(widths) if widths else max(x.x1 for x in lines) - fallback
    steps = [b.top - a.top for group in by_page for a, b in zip(group, group[1:])
             if b.top > a.top]
    pitch = statistics.median(steps) if steps else None
    return [Metrics(size, left, left + width, pitch) for left in lefts]


def _near(x: float, values: list[float], tol: float) -> bool:
    """Does another value of the sorted list lie within tol of x?"""
    lo, hi = bisect.bisect_left(values, x - tol), bisect.bisect_right(values, x + tol)
    return hi - lo >= 2


def _right_edge(lines: list[Line], tol: float) -> float | None:
    """The largest x1 that at least two lines of a page share."""
    x1s = sorted((line.x1 for line in lines), reverse=True)
    return next((a for a, b in zip(x1s, x1s[1:]) if a - b <= tol), None)


def ends_sentence(text: str, nxt: str | None = None) -> bool:
    """Whether ``text`` ends a sentence. A line that ends with ；, a clause of a
    sentence that goes on (…增长10.5%；地方财政收入…), does not when the next
    line ``nxt`` is given and does not open an item of its own (（二）, 2.)."""
    text = text.rstrip()
    while text and text[-1] in CLOSING_QUOTES:
        text = text[:-1]
        if not text or text[-1] in SENTENCE_END:
            return True
    if text and text[-1] in CLAUSE_END and nxt is not None and not paragraph_words().item_start.match(nxt):
        return False
    return bool(text) and text[-1] in SENTENCE_END


def continues(a: Line, b: Line, a_first: bool, m: Metrics) -> bool:
    """Is line b the continuation of the paragraph that line a belongs to?"""
    if a.kind or b.kind or ends_sentence(a.text, b.text):
        return False
    if abs(a.size - b.size) > 0.1 * m.size:
        return False
    if m.right - a.x1 > b.lead_width + 1.1 * b.size:       # a is a short (last) line
        return False
    ref = m.left if a_first else max(a.x0, m.left)
    if b.x0 > ref + 0.8 * b.size:                            # b is indented
        return False
    if m.pitch is not None and b.top - a.top > 1.3 * max(m.pitch, a.size):
        return False                                         # larger vertical gap
    return b.top > a.top


def paragraphs(items: list, m: Metrics) -> list:
    """Merge consecutive lines into paragraphs: a list of tables and
    (lines) groups, in order."""
    out: list = []
    for item in items:
        last = out[-1] if out else None
        if (isinstance(item, Line) and isinstance(last, list)
                and continues(last[-1], item, len(last) == 1, m)):
            last.append(item)
        else:
            out.append([item] if isinstance(item, Line) else item)
    return out


def _body_index(units: list, last: bool) -> int | None:
    order = range(len(units) - 1, -1, -1) if last else range(len(units))
    for k in order:
        unit = units[k]
        if isinstance(unit, PageTable):
            return None
        if not unit[0].kind:
            return k
    return None


def join_across_pages(page: list, nxt: list, m: Metrics, m_next: Metrics) -> None:
    """A sentence (or a number) broken by a page break: the first paragraph of
    the next page joins the last one of this page; the footer and the next
    header, kept as boilerplate, follow the joined paragraph."""
    a_i, b_i = _body_index(page, True), _body_index(nxt, False)
    if a_i is None or b_i is None:
        return
    a, b = page[a_i][-1], nxt[b_i][0]
    if ends_sentence(a.text, b.text) or abs(a.size - b.size) > 0.1 * m.size:
        return
    if m.right - a.x1 > b.lead_width + 1.1 * b.size or b.x0 > m_next.left + 0.8 * b.size:
        return
    page[a_i] = page[a_i] + nxt.pop(b_i)
