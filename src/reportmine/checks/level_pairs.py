"""Growth rates written as a 分别 list against two lists of levels.

    全年发生事故12起，死亡5人，受伤8人，与去年同期的14起、7人、9人相比，
    分别下降14.3%、28.6%、11.1%。

In a sentence with 分别 followed by k rates (k >= 2), an earlier-period cue
(`previous_cues`: 去年同期的, 上年…) between the levels and 分别 splits the
counts before 分别 into the current levels (the last k before the cue) and the
earlier ones (the k after it); the i-th rate is the change from the i-th
earlier level to the i-th current one, each pair of one unit. Each rate
verifies within the rounding of the written numbers and is flagged when a
near miss (`near_miss_ratio`) or when one mistyped digit of the rate explains it.
"""

from __future__ import annotations

from ..claims.clauses import sentence_start
from ..document import Quantity
from . import arithmetic as ar
from .neighbourhood import Index, is_count, is_rate
from .typos import judge_level_growth

_CUE = "分别"
_REACH = 200        # characters before 分别 read for the two lists (a sentence without 。 may be a whole text)


def check_level_pairs(index: Index, found, cfg) -> None:
    text = index.text
    i = text.find(_CUE)
    while i >= 0:
        _judge_list(index, found, i, cfg)
        i = text.find(_CUE, i + len(_CUE))


def _judge_list(index: Index, found, at: int, cfg) -> None:
    text = index.text
    s = max(sentence_start(text, at), at - _REACH)
    rates = _rates_after(index, at + len(_CUE))
    if len(rates) < 2:
        return
    k = len(rates)
    cue = max((text.rfind(c, s, at) for c in cfg.previous_cues), default=-1)
    if cue < 0:
        return
    earlier = [q for q in index.between(cue, at) if is_count(q)]
    current = [q for q in index.between(s, cue) if is_count(q)][-k:]
    if len(earlier) != k or len(current) != k:
        return
    for cur, prev, r in zip(current, earlier, rates):
        if cur.norm_unit != prev.norm_unit or cur.approx or prev.approx or r.start in found.judged:
            return
    for cur, prev, r in zip(current, earlier, rates):
        judge_level_growth(found, r, prev, cur, cfg, rounded_to_zero=True,
                           typos=lambda lo, hi, r=r: [(r, t)] if (t := ar.typo_reading(r, lo, hi)) else [])


def _rates_after(index: Index, start: int) -> list[Quantity]:
    """The rates right after 分别, joined by 、, 和 or a change word only."""
    out: list[Quantity] = []
    pos = start
    for q in index.between(start, start + 80):
        gap = index.text[pos:q.start]
        if not is_rate(q) or len(gap) > 4 or any(c in gap for c in "，,。；;"):
            break
        out.append(q)
        pos = q.end
    return out
