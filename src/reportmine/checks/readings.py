"""Another reading of a sentence under which a stated difference, growth rate,
completion rate or share holds.

The relation search pairs a stated value with the numbers its rules pick
(the nearest level, target or compared value). Real reports put several of
them in one sentence (…一本上线86人，比县定目标60人超出26人，比去年50人增长72%…),
and a rule that picks the wrong two sees a contradiction the text does not
hold. Before such a miss is flagged, the other pairs of the numbers right
before it in its sentence that keep one of the two the rule picked are tried:
when one of them gives the stated value within the written rounding, the
sentence is read that way (the relation is verified with that pair) and
nothing is flagged.
"""

from __future__ import annotations

import itertools

from ..document import Quantity
from . import arithmetic as ar
from .neighbourhood import compatible, is_count
from .search_config import search_config

_CHANGE_ROLES = frozenset({"growth", "difference"})
# How many numbers right before the stated one are paired, and the share of an
# input its rounding may count for: checks.yaml relation_search reading_window
# and reading_slack.


def before(stated: Quantity, sentence) -> list[Quantity]:
    """The reading_window numbers of ``sentence`` nearest before ``stated``."""
    return [q for q in sentence if q.end <= stated.start][-search_config().reading_window:]


def _keeps(keep, a: Quantity, b: Quantity) -> bool:
    """The pair keeps one of the numbers the rule picked (``keep``; any pair when
    none is given), not both of the first two (the rule's own pair, read the
    other way round): the rule read half the sentence right, and a pair of two
    other numbers fitting is too often chance."""
    if not keep:
        return True
    picked = keep[:2]
    if len(picked) == 2 and any(x is a for x in picked) and any(x is b for x in picked):
        return False
    return any(x is a or x is b for x in keep)


def _slack(q: Quantity) -> float:
    """q's rounding, at most reading_slack of q: a round 2万亩 read as anything from 1.5万 to
    2.5万 would let almost any pair give almost any rate."""
    return min(ar.tolerance(q), search_config().reading_slack * abs(q.norm_value))


def _fits(stated: Quantity, computed: float, tol: float) -> bool:
    return ar.near(stated.norm_value, computed, tol)


def difference_reading(d: Quantity, sentence: list[Quantity], keep=()) -> tuple[Quantity, Quantity] | None:
    """Two values of the sentence, neither of them a gap nor a change in
    amount (growth rates are values: 增长18.6%，比…（13.9%）快4.7个百分点), whose
    gap is d."""
    values = [q for q in sentence if q is not d and q.norm_value and compatible(q, d) and not q.approx
              and q.role != "difference" and (q.role != "growth" or q.norm_unit == "ratio")]
    for a, b in itertools.combinations(values, 2):
        if not _keeps(keep, a, b):
            continue
        tol = ar.tolerance(d) + _slack(a) + _slack(b)
        if _fits(d, abs(a.norm_value - b.norm_value), tol):
            return a, b
    return None


def growth_reading(g: Quantity, sentence: list[Quantity], keep=()) -> tuple[Quantity, Quantity] | None:
    """(level, earlier level) or (level, change) of the sentence whose rate is g:
    (a - b)/b for two levels of one unit, c/(a - c) for a level a and the
    change c written beside it (比去年增加36人，增长72%; c/(a + c) for a fall)."""
    if g.norm_unit != "ratio" or g.norm_value is None:
        return None
    counts = [q for q in sentence if q is not g and is_count(q) and q.norm_value and q.norm_value > 0
              and q.norm_unit != "ratio" and not q.approx]
    for a, b in itertools.permutations(counts, 2):
        if a.norm_unit != b.norm_unit or not _keeps(keep, a, b):
            continue
        if b.role in _CHANGE_ROLES and a.role not in _CHANGE_ROLES and a.norm_value > b.norm_value \
                and _change_agrees(a, b, keep):
            # up: the earlier level is a - c; down (减少712起，下降10.26%): a + c
            bases = (a.norm_value - b.norm_value, a.norm_value + b.norm_value)
            tols = [(_slack(a) + 2 * _slack(b)) / base for base in bases]
            tries = [(b.norm_value / base, tol) for base, tol in zip(bases, tols)]
            # (比去年50人增长72%: the earlier level, written where a change would be)
            tries.append((abs(a.norm_value - b.norm_value) / b.norm_value,
                          (_slack(a) + _slack(b)) / b.norm_value))
        elif a.role not in _CHANGE_ROLES and b.role not in _CHANGE_ROLES:
            tries = [(abs(a.norm_value - b.norm_value) / b.norm_value,
                      (_slack(a) + _slack(b)) / b.norm_value)]
        else:
            continue
        if any(_fits(g, computed, ar.tolerance(g) + tol) for computed, tol in tries):
            return a, b
    return None


def _change_agrees(a: Quantity, c: Quantity, keep) -> bool:
    """A level a and its change c are a reading only when an earlier level the
    rule picked (比年初的110亿元增加10亿元) is a ± c: else the sentence does
    contradict itself (a changed earlier level)."""
    for p in keep:
        if p is a or p is c or p.role in _CHANGE_ROLES or p.norm_unit != a.norm_unit or not p.norm_value:
            continue
        tol = ar.tolerance(a) + ar.tolerance(c) + ar.tolerance(p)
        if not (ar.near(abs(a.norm_value - p.norm_value), c.norm_value, tol)):
            return False
    return True


def completion_reading(c: Quantity, sentence: list[Quantity], keep=(), changes: bool = False
                       ) -> tuple[Quantity, Quantity] | None:
    """(done, target) of the sentence, one unit, whose quotient is c; with
    ``changes`` the first may be a gap or a change (超出26人 of 县定目标60人)."""
    counts = [q for q in sentence if q is not c and is_count(q) and q.norm_value and q.norm_value > 0
              and q.norm_unit != "ratio" and (changes or q.role not in _CHANGE_ROLES) and not q.approx]
    for a, t in itertools.permutations(counts, 2):
        if a.norm_unit != t.norm_unit or not _keeps(keep, a, t) or t.role in _CHANGE_ROLES:
            continue
        computed = a.norm_value / t.norm_value
        tol = ar.tolerance(c) + computed * (_slack(a) / a.norm_value + _slack(t) / t.norm_value)
        if _fits(c, computed, tol):
            return a, t
    return None


def quotient_reading(r: Quantity, sentence: list[Quantity], keep=()) -> tuple[Quantity, Quantity] | None:
    """A rate or share r as the quotient of two numbers of the sentence, the
    first possibly a gap or change (超标率 = 超出 / 目标)."""
    if r.norm_unit != "ratio":
        return None
    return completion_reading(r, sentence, keep, changes=True)
