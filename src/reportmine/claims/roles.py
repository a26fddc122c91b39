"""Role of a quantity from the cue nearest before it in its clause."""

from __future__ import annotations

import copy
import bisect

from .cues import PRIORITY, Cues, before_cues
from .scans import REACH
from .switches import is_on

_RANK = {role: -i for i, role in enumerate(PRIORITY)}      # -PRIORITY.index(role)


class _Fold:
    """What the cues before a quantity say, folded in text order."""

    __slots__ = ("best", "first", "modal", "last")

    def __init__(self):
        self.best = self.first = self.modal = self.last = None

    def add(self, m, modal_roles) -> None:
        role = m.lastgroup
        key = (m.end(), m.end() - m.start(), _RANK[role])   # nearest, then longest
        if self.best is None or key > self.best[0]:
            self.best = (key, role)
        if self.first is None or m.start() < self.first:
            self.first = m.start()
        if self.last is None or m.end() > self.last:
            self.last = m.end()
        if role in modal_roles and self.modal is None:
            self.modal = role


def role_cue(cues: Cues, text: str, clause_start: int, q_start: int, q_end: int, clause_end: int,
             scans=None):
    """(role, first_cue_start, last_cue_end): the role of the cue nearest
    before the quantity (or right after it), where the first cue of the clause
    starts and where the last one ends (the indicator is written before the
    first or between the last and the quantity); ("actual", None, None) when
    no cue applies. ``scans`` (a claims.scans.Scans): a long clause's cues are
    found once, not again for each quantity in it."""
    before = before_cues(cues)
    # searched up to the quantity's end so that a cue's lookahead can see the
    # number it stands before (完成省目标任务113.4%); only cues ending before it count
    if scans is not None and q_start - clause_start > 2 * REACH:
        region = scans.region(before, clause_start, clause_end, True)
        fold = _prefix(text, region, q_start - REACH, cues)
        found = scans.anchored(before, region, q_start - REACH, q_end)
    else:
        fold, found = _Fold(), before.finditer(text, clause_start, q_end, overlapped=True)
    for m in found:
        if m.end() <= q_start and not governs_noun(cues, text, m):
            fold.add(m, cues.modal_over_growth)
    after = cues.after.match(text, q_end, clause_end)
    if after:
        return after.lastgroup, fold.first, fold.last
    if fold.best is None:
        return "actual", None, None
    if fold.best[1] == "growth" and fold.modal is not None:
        return fold.modal, fold.first, fold.last
    return fold.best[1], fold.first, fold.last


def governs_noun(cues: Cues, text: str, m) -> bool:
    """电商技能提升培训860人, 改造提升养殖场12个: a change verb with a noun after
    it (not a number) is part of a name or governs that noun; the number
    then measures the noun, not a change (unless an earlier period is named:
    比上年增加就业岗位300个)."""
    return m.lastgroup == "growth" and cues.growth_object is not None \
        and cues.growth_object.match(text, m.end()) is not None \
        and not m.group().startswith(cues.growth_compared) and is_on("growth_object")


def _prefix(text: str, region, cut: int, cues: Cues) -> _Fold:
    """The fold of the region's cues that start before ``cut``, carried on
    from the last call (positions are asked in text order)."""
    count, fold = region.cursor if region.cursor is not None else (0, _Fold())
    stop = bisect.bisect_left(region.starts, cut)
    if stop < count:
        count, fold = 0, _Fold()
    for m in region.matches[count:stop]:
        if not governs_noun(cues, text, m):
            fold.add(m, cues.modal_over_growth)
    region.cursor = (stop, fold)
    return copy.copy(fold)
