"""Neighbourhoods for the relation search: the quantities of a sentence, a
paragraph (a line), and the quantities before a position within a window.

The text is read as simplified script (data/t2s.tsv, one character for one,
so offsets hold), so the cue words of data/checks.yaml need no traditional
variants. Quantities without a value, inside boilerplate, or in a 分别 list that does not
pair are never offered as candidates (the respectively check handles those).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..claims.clauses import clause_start, line_end, line_start, sentence_start
from ..document import Document, Quantity

RATES = frozenset({"ratio", "ratio_point"})
NOT_COUNTS = frozenset({"ratio", "ratio_point", "倍"})
POINTS_UNIT = "分"      # the norm unit of points (scores), as points.py and awards.py read it


def is_count(q: Quantity) -> bool:
    """An amount or a count (not a rate or a multiple)."""
    return q.norm_value is not None and q.norm_unit not in NOT_COUNTS


def is_rate(q: Quantity) -> bool:
    return q.norm_value is not None and q.norm_unit == "ratio"


def written_as_change(text: str, q: Quantity, cfg) -> bool:
    """事故起数减少17起, 较上周的72起减少18起: a change verb right before q in its
    clause (`change_before`) makes it a change, no level."""
    return cfg.change_before.search(text, clause_start(text, q.start), q.start) is not None


def compatible(a: Quantity, b: Quantity) -> bool:
    """Two values one can be compared with the other: one unit, or both rates (% or points)."""
    return (a.norm_unit in RATES and b.norm_unit in RATES) or a.norm_unit == b.norm_unit


def named_alike(x: str | None, y: str | None) -> bool:
    """Two indicators that name one thing: characters in common, F1 >= 0.5
    (平均 aside: 平均本科上线率 and 本科上线率, 城关镇水稻平均亩产 and 水稻亩产)."""
    x, y = (x or "").replace("平均", ""), (y or "").replace("平均", "")
    if not x or not y:
        return False
    common = sum(min(x.count(ch), y.count(ch)) for ch in set(x))
    return 2 * common / (len(x) + len(y)) >= 0.5


def common_run(a: str, b: str) -> int:
    """Length of the longest common substring."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


def written_alike(parts: list[Quantity]) -> bool:
    """The parts are written alike, each name ending in the same two characters
    (县级医院就诊…，乡镇卫生院就诊…，村卫生室就诊…): one list, so a first few
    that happen to add up to the total are not the breakdown."""
    names = [p.indicator or "" for p in parts]
    return all(len(n) >= 3 for n in names) and len({n[-2:] for n in names}) == 1


def list_goes_on(text: str, kept: list[Quantity], nxt: Quantity) -> bool:
    """The number after the first few parts goes on with their list: joined to
    the last by 、 (小学38所、初中15所、高中3所), written alike (…就诊72.4万人次，
    …就诊6.4万人次) or an item that ends with its number (…，合作社0.3万户。); a
    first few that add up to the total are then no breakdown. (639名低保对象全额
    享受低保金，126名…，158名不能自理的得到了托养 goes on to another measure.)"""
    return "、" in text[kept[-1].end:nxt.start] or written_alike([*kept, nxt]) \
        or text[nxt.end:nxt.end + 1] in ("，", ",", "；", ";", "。", "")


def sentence_end(text: str, pos: int, reach: int, ends: str = "。；;\n") -> int:
    """The first sentence end (``ends``) from ``pos``, looked for within ``reach`` characters."""
    hi = min(len(text), pos + reach)
    found = [i for i in (text.find(c, pos, hi) for c in ends) if i >= 0]
    return min(found) if found else hi


def joined_runs(items: list, joined) -> list[list]:
    """The runs of at least two consecutive items each ``joined(previous, item)`` to the one before."""
    out, run = [], []
    for item in items:
        if run and joined(run[-1], item):
            run.append(item)
            continue
        if len(run) >= 2:
            out.append(run)
        run = [item]
    if len(run) >= 2:
        out.append(run)
    return out


def bracket_close(text: str, pos: int) -> int:
    """Where the next closing bracket (either width) after ``pos`` is; -1 when none."""
    return min((j for j in (text.find("）", pos), text.find(")", pos)) if j >= 0), default=-1)


def opens_bracket(gap: str) -> bool:
    """``gap`` opens a bracket (either width) that it does not close."""
    at = max(gap.rfind("（"), gap.rfind("("))
    return at >= 0 and ")" not in gap[at:] and "）" not in gap[at:]


def without_subparts(text: str, qs: list[Quantity]) -> list[Quantity]:
    """Candidate parts (text order) without those inside a bracket opened right
    after an earlier one: 水闸14座（大型2座、中型5座、小型7座）, the parts of
    that part, not of the whole."""
    out: list[Quantity] = []
    inner = -1
    for q in qs:
        if q.start < inner:
            continue
        if out and opens_bracket(text[out[-1].end:q.start]):
            inner = bracket_close(text, q.end)
            if inner >= 0:
                continue
        out.append(q)
    return out


def paragraph_bounds(text: str, pos: int) -> tuple[int, int]:
    """The line holding pos (line breaks looked up, not scanned for: a text without any stays linear)."""
    return line_start(text, pos), line_end(text, pos)


@dataclass
class Index:
    """The document's valued quantities in text order, for window look-ups."""

    doc: Document
    qs: list[Quantity]
    starts: list[int]
    text: str               # the document's text read as simplified script (same offsets)

    @classmethod
    def of(cls, doc: Document) -> "Index":
        from ..claims.script import has_traditional, simplified

        qs = [q for q in doc.quantities if q.norm_value is not None and not doc.is_boilerplate(q.start)]
        qs.sort(key=lambda q: q.start)
        text = simplified(doc.text, keep=True) if has_traditional(doc.text) else doc.text
        return cls(doc, qs, [q.start for q in qs], text)

    def between(self, lo: int, hi: int) -> list[Quantity]:
        return self.qs[bisect.bisect_left(self.starts, lo):bisect.bisect_left(self.starts, hi)]

    def before(self, q: Quantity, chars: int, same_paragraph: bool = True) -> list[Quantity]:
        """Quantities that start before q within `chars` characters (nearest last)."""
        lo = q.start - chars
        if same_paragraph:
            lo = max(lo, paragraph_bounds(self.text, q.start)[0])
        return self.between(max(lo, 0), q.start)

    def sentence_before(self, q: Quantity) -> list[Quantity]:
        return self.between(sentence_start(self.text, q.start), q.start)

    def paragraphs(self):
        """Lists of the quantities of each paragraph (line)."""
        out, key = [], None
        for q in self.qs:
            k = paragraph_bounds(self.text, q.start)[0]
            if k != key:
                out.append([])
                key = k
            out[-1].append(q)
        return out
