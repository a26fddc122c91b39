"""A self-assessed item's points: its maximum less the score it got is the
points taken off.

    该项满分10分，自评得分8.5分，扣1.5分。
    本项10分，得8分，其中资料不全扣1分，未按时报送扣1分。

In one sentence, an item's maximum (a score read as ``full_target``), the
score achieved after it (``actual``) and, after that, the points taken off
(a score right after a deduction word, ``deduction_mark``: 扣, 扣除, 减)
add up: maximum − achieved = the deductions together. Points are set
exactly: the relation verifies when it holds and is flagged otherwise. A
sentence with more than one maximum or achieved score, or with points added
back (加1分), says nothing.
"""

from __future__ import annotations

from ..claims.clauses import sentence_start
from . import arithmetic as ar
from .neighbourhood import POINTS_UNIT, Index


def check_deductions(index: Index, found, cfg) -> None:
    text = index.text
    sentences: dict[int, list] = {}         # the scores of each sentence, in text order
    for q in index.qs:
        if q.norm_unit == POINTS_UNIT and q.value is not None:
            sentences.setdefault(sentence_start(text, q.start), []).append(q)
    for ss, scores in sentences.items():
        maxima = [s for s in scores if s.role == "full_target"]
        achieved = [s for s in scores if s.role == "actual"]
        if len(maxima) != 1 or len(achieved) != 1 or achieved[0].start < maxima[0].start:
            continue
        after = [s for s in scores if s.start > achieved[0].start]
        taken = [s for s in after if cfg.deduction_mark.search(text, max(ss, s.start - 3), s.start)]
        if taken and len(taken) == len(after):      # nothing given back (加1分)
            _judge(found, maxima[0], achieved[0], taken)


def _judge(found, full, got, taken) -> None:
    lost = full.norm_value - got.norm_value
    total = sum(t.norm_value for t in taken)
    stated = taken[-1]
    if stated.start in found.judged:
        return
    named = " + ".join(t.text for t in taken)
    finer = max((full, got), key=ar.decimals)
    arithmetic = f"{full.text} − {got.text} = {ar.at_precision(lost, finer)}"
    if abs(lost - total) < 1e-9:
        found.verify("difference", arithmetic, [full, got, *taken], stated)
    else:
        found.flag("difference", stated, arithmetic, [full, got, *taken[:-1]],
                   tail=f"，所报扣分为{named}" + (f" = {ar.at_precision(total, finer)}" if len(taken) > 1 else ""))
