"""Scoring tables: a heading's points are the sum of its items' points.

Assessment schemes number their headings by the convention of official
documents (一、 above （一） above 1. above (1) above ①: `point_marks`,
top level first) and give each its points in brackets after its name:

    一、组织领导（5分）  1、健全机制（2分） … 2、工作部署（3分）

The items of a heading are the numbered entries of the first deeper level
after it, up to the next entry of its own level or above (a list that the
end of the text cuts off is not read). When there are at
least two and every one gives its points in brackets, they must add up to the
heading's points (points are set exactly); an item without points, or a
heading whose items are not numbered, says nothing.

A scanned table's reader may set a heading's points apart from its name
(3、信息报 (1)市级采用(12分)。… 送 (30分)): a heading without points takes
the one bracketed points (`point_bracket`) between it and the entry that
closes its items that is no entry's own.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..document import Quantity
from .neighbourhood import Index


_BRACKET_SLACK = 3      # spaces between a bracket and its points


@dataclass
class Entry:
    start: int
    level: int
    points: Quantity | None


def check_points(index: Index, found, cfg) -> None:
    if not any(q.norm_unit == "分" for q in index.qs):
        return              # no entry could carry points: nothing to judge (the marks are not searched)
    entries = _entries(index, cfg)
    if not entries:
        return
    loose = _loose_points(index, entries, cfg)
    starts = [q.start for q in loose]
    for i, head in enumerate(entries):
        if head.points is None and not _any_between(starts, head.start, head.start + cfg.points_reach):
            continue            # no points of its own and none set apart after it
        items = _items(entries, i, cfg)
        if len(items) < 2 or any(e.points is None for e in items):
            continue
        points = head.points or _set_apart(entries, i, loose, starts)
        if points is not None and points.start not in found.judged:
            _judge(found, points, [e.points for e in items])


def _loose_points(index: Index, entries: list[Entry], cfg) -> list[Quantity]:
    """Bracketed points (`point_bracket`) that are no entry's own, in text order."""
    claimed = {e.points.start for e in entries if e.points is not None}
    text, out = index.text, []
    for q in index.qs:                  # the points quantities, each tried in its brackets
        if q.norm_unit == "分" and q.start not in claimed and _bracketed(text, q, cfg):
            out.append(q)
    return out


def _bracketed(text: str, q: Quantity, cfg) -> bool:
    """q is the value of bracketed points on their own: （40分）, ( 7 分 )."""
    lo = max(0, q.start - _BRACKET_SLACK)
    at = max(text.rfind("（", lo, q.start), text.rfind("(", lo, q.start))
    m = cfg.point_bracket.match(text, at) if at >= 0 else None
    return m is not None and m.start("value") == q.start


def _any_between(starts: list[int], lo: int, hi: int) -> bool:
    k = bisect.bisect_left(starts, lo)
    return k < len(starts) and starts[k] < hi


def _set_apart(entries: list[Entry], i: int, loose: list[Quantity], starts: list[int]) -> Quantity | None:
    """The one loose bracketed points between a heading without points and
    the entry that closes its items."""
    head = entries[i]
    end = next(entries[k].start for k in range(i + 1, len(entries)) if entries[k].level <= head.level)
    inside = loose[bisect.bisect_left(starts, head.start):bisect.bisect_left(starts, end)]
    return inside[0] if len(inside) == 1 else None


def _entries(index: Index, cfg) -> list[Entry]:
    return [e for e, after_mark in marks(index, cfg) if after_mark]


def marks(index: Index, cfg) -> list[tuple[Entry, bool]]:
    """Every numbering mark with the points of its label, in text order, and
    whether it comes after what may precede a mark (`point_mark_before`);
    found once per index (checks/awards.py reads them too)."""
    found = getattr(index, "_point_marks", None)
    if found is not None:
        return found
    text = index.text
    out = []
    for level, pattern in enumerate(cfg.point_marks):
        for m in pattern.finditer(text):
            p = cfg.point_label.match(text, m.end())
            points = points_at(index, p.start("value"), p.end("value")) if p else None
            after_mark = not m.start() or cfg.point_mark_before.match(text[m.start() - 1]) is not None
            out.append((Entry(m.start(), level, points), after_mark))
    out.sort(key=lambda e: e[0].start)
    index._point_marks = out
    return out


def points_at(index: Index, s: int, e: int) -> Quantity | None:
    """The points (a quantity in 分) the recognizer read in text[s:e]."""
    return next((q for q in index.between(s, e) if q.norm_unit == "分"), None)


def _items(entries: list[Entry], i: int, cfg) -> list[Entry]:
    """The heading's items; none when no entry of its level or above closes
    them (the text may be cut short after the last item shown)."""
    head, items = entries[i], []
    for k in range(i + 1, len(entries)):         # (no slice: a copy of the rest per heading is quadratic)
        e = entries[k]
        if e.level <= head.level:
            return items
        if e.start - head.start > cfg.points_reach:
            break
        if not items or e.level == items[0].level:
            items.append(e)
    return []


def _judge(found, head: Quantity, items: list[Quantity]) -> None:
    total = sum(q.norm_value for q in items)
    arithmetic = " + ".join(q.text for q in items) + f" = {total:g}分"
    if abs(total - head.norm_value) < 1e-6:
        found.verify("sum", arithmetic + f"，为标题分值{head.text}", [head, *items], head)
    else:
        found.flag("sum", head, arithmetic + f"（标题下各项分值之和），与标题分值{head.text}不符", items, tail="")
