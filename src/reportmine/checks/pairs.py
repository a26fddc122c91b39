"""Paired counts of a verified breakdown.

A breakdown is often written with two figures per item, a count and an
amount: 次级类贷款42笔，余额186万元；可疑类贷款1208笔，余额965万元；…
后三类属不良贷款1263笔，合计金额为1174万元. When the amounts add up (a sum
the sums or totals check verified), the counts written right before each of
them, all in one unit, must add up too: the amounts establish which items
make the whole, the counts are checked against them. Counts are exact, so any
gap is flagged when a near miss (`near_miss_total`) or one mistyped digit
explains it; an item without such a count says nothing.

The same holds for targets: when every amount of a verified breakdown is
verified against a target of its own (a completion or a rate over a target:
658套，占目标任务812套的81%), the targets of the parts add up to the target of
the total (verified with its own rate, or the target nearest before it in its
sentence: 公共租赁住房812套 + 棚户区改造6011套 = 开工建设目标6823套).
"""

from __future__ import annotations

from dataclasses import replace

from ..claims.clauses import sentence_start
from ..document import TARGET_ROLES, Quantity
from . import arithmetic as ar
from .neighbourhood import Index, is_count

_REACH = 12            # how far before an amount its count may start (characters)
_STOPS = "；;。\n"      # an item's count and amount are in one stretch between these




def check_pairs(index: Index, found, cfg) -> None:
    by_start = {q.start: q for q in index.qs}
    targets = _targets_of(found, by_start)
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
    for v in list(found.verified):
        qs = [by_start.get(s) for s, _ in v["spans"]] if v["kind"] == "sum" else [None]
        if None in qs or len(qs) < 3:
            continue
        total = max(qs, key=lambda q: q.norm_value)
        own = [targets.get(q.start) or targets.get((q.norm_value, q.norm_unit))
               or (_sentence_target(index, q) if q is total else None) for q in qs]
        if None in own or len({t.start for t in own}) != len(own) or len({t.norm_unit for t in own}) != 1:
            continue
        mine = dict(zip((id(q) for q in qs), own))
        parts = [mine[id(q)] for q in qs if q is not total]
        _judge(found, mine[id(total)], parts, total, cfg,
               why=f"（而实际数{total.text}与各项实际数之和相符）")


def _sentence_target(index: Index, total: Quantity) -> Quantity | None:
    """开工建设目标为2000套，已开工1850套: the target of the total's unit nearest
    before it in its sentence."""
    before = index.between(sentence_start(index.text, total.start), total.start)
    return next((t for t in reversed(before) if t.role in TARGET_ROLES and t.norm_unit == total.norm_unit), None)


def _targets_of(found, by_start: dict) -> dict:
    """Amount start -> its target, from the verified rates over a target
    (an amount with exactly one target-role quantity and a rate)."""
    out = {}
    for v in found.verified:
        if v["kind"] not in ("ratio", "completion"):
            continue
        qs = [by_start.get(s) for s, _ in v["spans"]]
        if None in qs or len(qs) != 3:
            continue
        tg = [q for q in qs if q.role in TARGET_ROLES and is_count(q)]
        done = [q for q in qs if q.role not in TARGET_ROLES and is_count(q)]
        if len(tg) == 1 and len(done) == 1:
            d, t = done[0], tg[0]
            if t.norm_unit is None and t.value and d.value:      # 占目标任务6011的92.4%: the part's unit
                t = replace(t, unit=d.unit, norm_unit=d.norm_unit, norm_value=t.value * d.norm_value / d.value)
            out.setdefault(d.start, t)
            out.setdefault((d.norm_value, d.norm_unit), t)     # the same amount stated again
    return out


def _count_before(index: Index, q: Quantity) -> Quantity | None:
    """The count written right before an amount in its stretch (42笔，余额186万元)."""
    text = index.text
    near = [c for c in index.between(max(0, q.start - _REACH), q.start) if c.end <= q.start]
    if not near:
        return None
    c = near[-1]
    if not is_count(c) or c.norm_unit == q.norm_unit or c.approx or any(ch in _STOPS for ch in text[c.end:q.start]):
        return None
    return c


def _judge(found, total: Quantity, parts: list[Quantity], amount: Quantity, cfg, why: str | None = None) -> None:
    s = sum(p.norm_value for p in parts)
    if ar.sum_fits(total, parts):
        found.verify("sum", " + ".join(p.text for p in parts) + f" = {total.text}", [total, *parts], total)
        return
    arith = " + ".join(p.text for p in parts) + f" = {ar.sum_text(s, total, parts)}"
    gap = abs(s - total.norm_value) / total.norm_value if total.norm_value else 1.0
    typo = ar.sum_typo(total, parts)
    if gap <= cfg.near_miss_total or typo:
        found.flag("sum", total, arith + f"，与总数{total.text}不符"
                   + (why or f"（而金额{amount.text}与各项金额之和相符）")
                   + (ar.typo_note(typo) if typo else ""), parts, tail="")
