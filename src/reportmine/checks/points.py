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
"""

from __future__ import annotations

from dataclasses import dataclass

from ..document import Quantity
from .neighbourhood import Index


@dataclass
class Entry:
    start: int
    level: int
    points: Quantity | None


def check_points(index: Index, found, cfg) -> None:
    if not any(q.norm_unit == "分" for q in index.qs):
        return              # no entry could carry points: nothing to judge (the marks are not searched)
    entries = _entries(index, cfg)
    for i, head in enumerate(entries):
        if head.points is None or head.points.start in found.judged:
            continue
        items = _items(entries, i, cfg)
        if len(items) >= 2 and all(e.points is not None for e in items):
            _judge(found, head.points, [e.points for e in items])


def _entries(index: Index, cfg) -> list[Entry]:
    text = index.text
    out = []
    for level, pattern in enumerate(cfg.point_marks):
        for m in pattern.finditer(text):
            if m.start() and not cfg.point_mark_before.match(text[m.start() - 1]):
                continue
            p = cfg.point_label.match(text, m.end())
            points = None
            if p:
                qs = [q for q in index.between(p.start("value"), p.end("value")) if q.norm_unit == "分"]
                points = qs[0] if qs else None
            out.append(Entry(m.start(), level, points))
    out.sort(key=lambda e: e.start)
    return out


def _items(entries: list[Entry], i: int, cfg) -> list[Entry]:
    """The heading's items; none when no entry of its level or above closes
    them (the text may be cut short after the last item shown)."""
    head, items = entries[i], []
    for e in entries[i + 1:]:
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
