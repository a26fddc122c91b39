"""分别占全市信访总量的12.68%、…: the shares of a 分别 list against the whole
count they are shares of (checks/rates.py): each must be a whole number of
its units.
"""

from __future__ import annotations

import math

from ..claims.clauses import sentence_start
from ..document import Quantity
from . import arithmetic as ar
from .neighbourhood import Index, common_run, is_count, is_rate
from .rate_cases import names_whole, rate_words

def check_share_lists(index: Index, found, cfg) -> None:
    """分别占全市信访总量的12.68%、…: each share of a whole count must be a whole
    number of its units; a list where most shares cannot be is flagged once."""
    text, whole_cue = index.text, rate_words().whole_cue
    groups = {}
    for q in index.qs:
        if q.group is not None and is_rate(q):
            groups.setdefault(q.group, []).append(q)
    for shares in groups.values():
        at = text.rfind(whole_cue, max(0, shares[0].start - cfg.label_reach), shares[0].start)
        if at < 0 or len(shares) < 2:
            continue
        label = cfg.share_label_trim.sub("", text[at + len(whole_cue):shares[0].start])
        whole = [w for w in index.before(shares[0], cfg.whole_reach, same_paragraph=False)
                 if is_count(w) and w.norm_unit in cfg.count_units and w.value == w.norm_value
                 and not ar.decimals(w) and names_whole(w, label, text, cfg)]
        if whole and not any(len(_not_whole(shares, w)) * 2 <= len(shares) for w in whole) \
                and not _listed_counts_fit(index, shares) and not _mixed_wholes(index, shares):
            # (any count named like the whole that the shares fit is the one: 报告病例30例 after 水痘13例)
            best = max(reversed(whole), key=lambda w: common_run(label, (w.indicator or "") +
                                                            text[max(0, w.start - cfg.name_reach):w.start]))
            _whole_counts(found, text, shares, best)


def _listed_before(index: Index, shares: list[Quantity]) -> list[Quantity]:
    """The quantities of a share list's sentence before its first share."""
    return index.between(sentence_start(index.text, shares[0].start), shares[0].start)


def _mixed_wholes(index: Index, shares: list[Quantity]) -> bool:
    """火灾21.4万起，亡1120人，伤690人，损失27.2亿元，分别占总数的90.6%、93.9%、
    90.4%和86.1%: the amounts listed right before the shares, one per share,
    are of different units, so each share is of a whole of its own."""
    before = [q for q in _listed_before(index, shares) if q.norm_value is not None and not is_rate(q)][-len(shares):]
    return len(before) == len(shares) and len({q.norm_unit for q in before}) > 1


def _listed_counts_fit(index: Index, shares: list[Quantity]) -> bool:
    """0-10岁组18例，10-20岁组6例，…，分别占报告发病总数的60%、20%、…: the counts
    listed right before the shares, as many as they, of one unit, are their
    parts, and their sum the whole; True when most shares fit count/sum."""
    counts = [q for q in _listed_before(index, shares) if is_count(q)]
    if not counts:
        return False
    before = [q for q in counts if q.norm_unit == counts[-1].norm_unit][-len(shares):]     # (not the ages between)
    if len(before) != len(shares):
        return False
    total = sum(q.norm_value for q in before)
    if total <= 0:
        return False
    fit = sum(1 for q, s in zip(before, shares) if ar.fits(s, q.norm_value / total, q.norm_value / total))
    return fit * 2 > len(shares)


def _not_whole(shares: list[Quantity], whole: Quantity) -> list[str]:
    """The shares of ``whole`` that are no whole number of its units."""
    bad = []
    for s in shares:
        lo, hi = (b * whole.norm_value for b in ar.bounds(s))
        if math.floor(hi + 1e-9) < lo - 1e-9:
            bad.append(f"{s.text}×{whole.norm_value:g} = {s.norm_value * whole.norm_value:.2f}")
    return bad


def _whole_counts(found, text: str, shares: list[Quantity], whole: Quantity) -> None:
    bad = _not_whole(shares, whole)
    if len(bad) * 2 > len(shares):
        found.flag("ratio", shares[-1], f"占{whole.text}的各项比例应对应整数个，但" + "；".join(bad) +
                   f"，都不是整数（{len(bad)}/{len(shares)}项）", [whole, *shares[:-1]],
                   span=(shares[0].start, shares[-1].end), tail="")
