"""Completion stated with its excess over the target.

`营业总收入超年度目标512亿元，完成年度任务的106.8%`: the target is the
actual level less the excess, so the rate is actual / (actual − excess). The
actual level is an amount of the excess's unit written before it whose name
shares the subject's (营业总收入8041亿元, in the sentence or paragraphs
before; the subject is the clause before when the cue opens its clause:
新增就业5360人，超目标任务360人，完成率107.2%). The relation verifies when one such amount fits within the rounding
of the written numbers; it is flagged only when none does and the amount
best named (the longest name shared, the nearest among equals) is a near miss
(`near_miss_ratio`).
"""

from __future__ import annotations

import re

from ..claims.clauses import sentence_start
from ..document import Quantity
from . import arithmetic as ar
from .neighbourhood import Index, common_run, is_count, is_rate

_CLAUSE = re.compile(r"[，,；;：:]")


def check_excess(index: Index, found, cfg) -> None:
    text = index.text
    for m in cfg.excess_cue.finditer(text):
        after = index.between(m.end(), m.end() + cfg.label_reach)
        if len(after) < 2 or after[0].start != m.end() or not is_count(after[0]) or not is_rate(after[1]):
            continue
        excess, rate = after[0], after[1]
        if rate.start in found.judged or not cfg.excess_rate_link.fullmatch(text[excess.end:rate.start]):
            continue
        pieces = _CLAUSE.split(text[sentence_start(text, m.start()):m.start()])
        subject, limit = pieces[-1], m.start() - len(pieces[-1])
        if len(subject.strip()) < cfg.shared_name_chars and len(pieces) > 1:
            subject, limit = pieces[-2], m.start()      # 新增就业5360人，超目标任务360人: the clause before
        levels = [q for q in index.before(excess, cfg.whole_reach, same_paragraph=False)
                  if q.norm_unit == excess.norm_unit and q.norm_value > excess.norm_value * (1 + 1e-9)
                  and q.start < limit]
        named = [(common_run(subject, _name(text, q, cfg)), -i, q) for i, q in enumerate(reversed(levels))]
        named = [n for n in named if n[0] >= cfg.shared_name_chars]
        if named:
            _judge(found, rate, excess, [n[2] for n in named], max(named)[2], cfg)


def _name(text: str, q: Quantity, cfg) -> str:
    return (q.indicator or "") + text[max(0, q.start - cfg.name_reach):q.start]


def _interval(level: Quantity, excess: Quantity) -> tuple[float, float] | None:
    """level / (level − excess) over the values the written numbers stand for."""
    (v0, v1), (e0, e1) = ar.bounds(level), ar.bounds(excess)
    if v0 - e1 <= 0:
        return None
    return v1 / (v1 - e0), v0 / (v0 - e1)


def _judge(found, rate: Quantity, excess: Quantity, levels: list[Quantity], best: Quantity, cfg) -> None:
    for v in levels:
        iv = _interval(v, excess)
        if iv and ar.fits(rate, *iv):
            found.verify("completion", f"{v.text}/({v.text}−{excess.text}) = "
                         f"{ar.at_precision(v.norm_value / (v.norm_value - excess.norm_value), rate, 2)}",
                         [v, excess, rate], rate)
            return
    iv = _interval(best, excess)
    if iv and (ar.miss(rate, *iv) <= cfg.near_miss_ratio or ar.typo_reading(rate, *iv)):
        x = best.norm_value / (best.norm_value - excess.norm_value)
        found.flag("ratio", rate, f"完成率应为{best.text}/({best.text}−{excess.text}) = {ar.at_precision(x, rate, 2)}"
                   f"（按所报精度为{ar.at_precision(x, rate)}；目标即{best.text}−{excess.text}）" +
                   (ar.typo_note([(rate, ar.typo_reading(rate, *iv))]) if ar.miss(rate, *iv) > cfg.near_miss_ratio
                    else ""), [best, excess])
