"""Paired counts of a verified breakdown.

A breakdown is often written with two figures per item, a count and an
amount: 次级类贷款30笔，余额117万元；可疑类贷款1651笔，余额1342万元；…
后三类属不良贷款1704笔，合计金额为1497万元. When the amounts add up (a sum
the sums or totals check verified), the counts written right before each of
them, all in one unit, must add up too: the amounts establish which items
make the whole, the counts are checked against them. Counts are exact, so any
gap is flagged when a near miss (`near_miss_total`) or one mistyped digit
explains it; an item without such a count says nothing.
"""

from __future__ import annotations

from ..document import Quantity
from . import arithmetic as ar
from .neighbourhood import Index, is_count

_REACH = 12            # how far before an amount its count may start (characters)
_STOPS = "；;。\n"      # an item's count and amount are in one stretch between these


def check_pairs(index: Index, found, cfg) -> None:
    by_start = {q.start: q for q in index.qs}
    for v in list(found.verified):
        if v["kind"] != "sum":
            continue
        qs = [by_start.get(s) for s, _ in v["spans"]]
        if None in qs or len(qs) < 3:
            continue
        total = max(qs, key=lambda q: q.norm_value)
        parts = [q for q in qs if q is not total]
        counts = [_count_before(index, q) for q in [total, *parts]]
        if None in counts or len({c.norm_unit for c in counts}) != 1 or counts[0].norm_unit == total.norm_unit:
            continue
        if len({c.start for c in counts}) != len(counts):
            continue                        # two amounts share one count: not one count per item
        _judge(found, counts[0], counts[1:], total, cfg)


def _count_before(index: Index, q: Quantity) -> Quantity | None:
    """The count written right before an amount in its stretch (30笔，余额117万元)."""
    text = index.text
    near = [c for c in index.between(max(0, q.start - _REACH), q.start) if c.end <= q.start]
    if not near:
        return None
    c = near[-1]
    if not is_count(c) or c.norm_unit == q.norm_unit or c.approx or any(ch in _STOPS for ch in text[c.end:q.start]):
        return None
    return c


def _judge(found, total: Quantity, parts: list[Quantity], amount: Quantity, cfg) -> None:
    s = sum(p.norm_value for p in parts)
    if ar.fits(total, s - ar.coarseness(parts), s + ar.coarseness(parts)):
        found.verify("sum", " + ".join(p.text for p in parts) + f" = {total.text}", [total, *parts], total)
        return
    arith = " + ".join(p.text for p in parts) + f" = {ar.sum_text(s, total, parts)}"
    gap = abs(s - total.norm_value) / total.norm_value if total.norm_value else 1.0
    typo = ar.sum_typo(total, parts)
    if gap <= cfg.near_miss_total or typo:
        found.flag("sum", total, arith + f"，与总数{total.text}不符（而金额{amount.text}与各项金额之和相符）"
                   + (ar.typo_note(typo) if typo else ""), parts, tail="")
