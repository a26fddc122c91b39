"""Remainders: what is left of a budget or a target after what was done.

    下达预算1843万元，全年度实际总支出1842.5316万元，…剩余未执行完的0.4684万元

An amount named as a remainder in its clause (`remainder_words`: 剩余, 结余,
未执行…) is the target or budget nearest before it in its paragraph (a target
the claims stage read as one, within `whole_reach`) less the actual amount of
the same unit between them. It verifies within the rounding of the three
numbers; it is flagged when it is a near miss (`near_miss_total` of the
remainder) or when one mistyped digit of one of the three explains the gap
(a budget written below what was spent is one).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ..claims.clauses import clause_start
from ..document import TARGET_ROLES, Quantity
from . import arithmetic as ar
from .neighbourhood import Index, common_run, is_count, paragraph_bounds



@lru_cache(maxsize=4)
def _cue(words: tuple):
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


def check_remainders(index: Index, found, cfg) -> None:
    text = index.text
    cues = [m.end() for m in _cue(cfg.remainder_words).finditer(text)]
    if not cues:
        return
    for q in index.qs:
        k = bisect.bisect_right(cues, q.start) - 1
        if k < 0 or q.start - cues[k] > cfg.label_reach or q.start in found.judged \
                or not (is_count(q) or q.norm_unit == "ratio_point") \
                or q.approx or cues[k] < clause_start(text, q.start):
            continue
        lo = max(paragraph_bounds(text, q.start)[0], q.start - cfg.whole_reach)
        unit = "ratio" if q.norm_unit == "ratio_point" else q.norm_unit     # 尚差0.9个百分点: of rates
        before = [w for w in index.between(lo, q.start) if w.norm_unit == unit and not w.approx]
        targets = [w for w in reversed(before) if w.role in TARGET_ROLES]
        # the nearest target, unless one further back fits (年初预算860万元（其中…县级配套160万元）…
        # 实际支出803.28万元…结余56.72万元: the budget, not the last of its parts)
        fitting = (t for t in targets[1:] if any(_fits(q, t, d) for d in _done(text, t, before, unit, cfg)))
        target = next(fitting, targets[0]) if targets else None
        done = _done(text, target, before, unit, cfg) if target is not None else []
        if target is not None and done:
            _judge(found, q, target, done, cfg)


def _done(text: str, target: Quantity, before: list[Quantity], unit: str, cfg) -> list[Quantity]:
    """The amounts done after ``target``, nearest first."""
    roles = ("actual", "growth") if unit == "ratio" and _change_target(text, target, cfg) else ("actual",)
    return [w for w in reversed(before) if w.start > target.start and w.role in roles]


def _change_target(text: str, target: Quantity, cfg) -> bool:
    """A target for a rate of change (能耗下降目标为3.5%): the rate achieved is
    written as growth (实际下降2.8%)."""
    head = text[clause_start(text, target.start):target.start]
    return any(w in head for w in (*cfg.fall_words, *cfg.rise_words))


def _fits(q: Quantity, target: Quantity, done: Quantity) -> bool:
    left = target.norm_value - done.norm_value      # (a bound from above: 109.6 against 107以下 还差2.6)
    return abs(abs(left) - q.norm_value) <= ar.tolerance(q) + ar.tolerance(target) + ar.tolerance(done)


def _judge(found, q: Quantity, target: Quantity, candidates: list[Quantity], cfg) -> None:
    """``candidates``: the actual amounts between the target and the remainder,
    nearest first. One that fits verifies (已播种油菜11.35万亩，同期完成小麦播种
    22.6万亩。油菜种植任务尚差2.65万亩: not the nearest); else the nearest named
    like the target (`ratio_part_name_chars` in common), or the nearest, is judged."""
    fit = next((d for d in candidates if _fits(q, target, d)), None)
    if fit is not None:
        found.verify("difference", f"{target.text} − {fit.text} = "
                     f"{ar.at_precision(target.norm_value - fit.norm_value, q)}", [target, fit, q], q)
        return
    name = target.indicator or ""
    done = next((d for d in candidates if common_run(name, d.indicator or "") >= cfg.ratio_part_name_chars),
                candidates[0])
    left = target.norm_value - done.norm_value
    arith = f"{target.text} − {done.text} = {ar.at_precision(left, q)}"
    near = left > 0 and abs(left - q.norm_value) <= cfg.near_miss_total * max(left, q.norm_value)
    typo = [] if near else _typos(q, target, done, left)
    if near or typo:
        found.flag("difference", q, arith + (ar.typo_note(typo) if typo else ""), [target, done],
                   span=(target.start, q.end))


def _typos(q: Quantity, target: Quantity, done: Quantity, left: float) -> list[tuple[Quantity, str]]:
    """The numbers of target − done = remainder whose one mistyped digit
    explains the gap (a budget below what was spent, a remainder off by a digit)."""
    out = [(q, r)] if (r := ar.typo_reading(q, left)) else []
    if (r := ar.typo_reading(target, done.norm_value + q.norm_value)):
        out.append((target, r))
    if (r := ar.typo_reading(done, target.norm_value - q.norm_value)):
        out.append((done, r))
    return out
