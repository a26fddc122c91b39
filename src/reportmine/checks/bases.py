"""Rates of one paragraph over one base count.

Health and population reports state a base count once and several rates
over it: 活产数512人，…住院分娩人数508人，住院分娩率99.22%；…系统管理人数431人，
系统管理率84.2%；…新生儿访视509人，访视率99.41%. Only rates whose part their
own name names (访视, 访视率) are read here, and only the ones that fit none of
their candidate wholes (checks/rates.py):

- When two or more rates of the paragraph verify with one whole and no other
  whole is verified as often, such a rate is judged against that whole (a
  near miss is flagged, also a part above the whole; the whole is not read
  as mistyped, its siblings fit it).
- When two or more such rates imply one base between them (part / rate, within
  the rounding of both), the count of the paragraph nearest that base, stated
  before them, is their base: it verifies when it lies within it, and is
  flagged when it is a near miss (`near_miss_ratio`, also below the largest
  part: a base mistyped below a part): the rates agree with each other and
  not with the count (rates already flagged against another whole
  that nearly fits take part: they fit no count either).
"""

from __future__ import annotations

from ..claims.clauses import clause_start
from ..document import Quantity
from . import arithmetic as ar
from .neighbourhood import Index, common_run, is_count, paragraph_bounds
from .rate_judgement import judge_case


def check_bases(index: Index, found, ratios: dict, cfg) -> None:
    for cases in ratios.values():
        if _common_whole(found, cases, cfg):
            continue
        _implied_base(index, found, cases, cfg)


def _named_rates(found, cases, flagged: bool = False) -> list:
    """The cases that fit no whole and whose part the rate's own name names
    (`flagged`: also those already flagged against a whole that nearly fits)."""
    out = []
    for case, w in cases:
        p, r = case.parts[0], case.rate
        if w is None and (flagged or r.start not in found.judged) and r.norm_value and \
                common_run(p.indicator or "", _rate_word(found.text, r)) >= 2:
            out.append(case)
    return out


def _common_whole(found, cases, cfg) -> bool:
    """Judges the named rates against the whole most of the paragraph's rates
    verify with; whether there was one."""
    counts: dict = {}
    for _, w in cases:
        if w is not None:
            counts[id(w)] = (counts.get(id(w), (0, w))[0] + 1, w)
    ranked = sorted(counts.values(), key=lambda c: -c[0])
    if not ranked or ranked[0][0] < 2 or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
        return False
    whole = ranked[0][1]
    for case in _named_rates(found, cases):
        p = case.parts[0]
        if p is whole or p.norm_unit != whole.norm_unit or p.start < whole.start:
            continue
        case.parts, case.wholes, case.meant = [p], [whole], [(p, whole)]
        judge_case(found, case, cfg, typos=False,        # the whole fits its siblings: not mistyped
                   why=f"（{whole.text}为同段其他比率共同的分母）")
    return True


def _implied_base(index: Index, found, cases, cfg) -> None:
    named = [c for c in _named_rates(found, cases, flagged=True) if c.rate.norm_value <= 1 + ar.tolerance(c.rate)]
    for run in _runs(named, cfg.whole_reach):
        _judge_run(index, found, run, cfg)


def _runs(cases: list, reach: int) -> list[list]:
    """The cases in runs of at most _RUN, each within `reach` characters of the
    one before (a paragraph may be a whole text without line breaks)."""
    runs: list[list] = []
    for c in cases:
        if runs and len(runs[-1]) < _RUN and c.rate.start - runs[-1][-1].rate.start <= reach:
            runs[-1].append(c)
        else:
            runs.append([c])
    return [r for r in runs if len(r) >= 2]


_RUN = 12


def _judge_run(index: Index, found, named: list, cfg) -> None:
    spans = [(c, _base_interval(c)) for c in named]
    spans = [(c, iv) for c, iv in spans if iv is not None]
    group, lo, hi = _agreeing(spans)
    if len(group) < 2 or len({c.parts[0].norm_unit for c in group}) != 1:
        return
    first = min(c.parts[0].start for c in group)
    para = max(paragraph_bounds(index.text, first)[0], first - cfg.whole_reach)
    parts = {id(c.parts[0]) for c in group}
    top = max(c.parts[0].norm_value for c in group)
    candidates = [q for q in index.between(para, first) if is_count(q) and id(q) not in parts
                  and q.norm_unit == group[0].parts[0].norm_unit and q.norm_value >= top * (1 - cfg.near_miss_ratio)]
    if not candidates:
        return
    base = min(candidates, key=lambda q: ar.miss(q, lo, hi))
    shown = "；".join(f"{c.parts[0].text}/{c.rate.text} ≈ {c.parts[0].norm_value / c.rate.norm_value:.1f}"
                     for c in group)
    qs = [q for c in group for q in (c.parts[0], c.rate)]
    if ar.fits(base, lo, hi):
        found.verify("ratio", f"{shown}：各比率共同的分母为{base.text}", [base, *qs], base)
    elif all(c.rate.unit == "‰" for c in group) and ar.miss(base, lo, hi) <= cfg.mean_base_slack:
        return      # (出生率7.28‰、死亡率8.64‰ over 常住人口38.62万人 at the year's end: such rates
        #             are of the year's mean population, which the year's change moves)
    elif ar.miss(base, lo, hi) <= cfg.near_miss_ratio:
        found.flag("ratio", base, f"{shown}：同段{len(group)}个比率共同推算的分母为{lo:.1f}～{hi:.1f}", qs)


def _base_interval(case) -> tuple[float, float] | None:
    (p0, p1), (r0, r1) = ar.bounds(case.parts[0]), ar.bounds(case.rate)
    if r0 <= 0 or p0 <= 0:
        return None
    return p0 / r1, p1 / r0


def _agreeing(spans) -> tuple[list, float, float]:
    """The largest set of intervals with a common point, and their intersection."""
    best, lo, hi = [], 0.0, 0.0
    for _, (a, _) in spans:
        group = [(c, iv) for c, iv in spans if iv[0] <= a + 1e-9 and a <= iv[1] + 1e-9]
        if len(group) > len(best):
            best = group
            lo, hi = max(iv[0] for _, iv in group), min(iv[1] for _, iv in group)
    return [c for c, _ in best], lo, hi


def _rate_word(text: str, r: Quantity) -> str:
    """The rate's own name in its clause, before 率 (访视率为99.41%: 访视)."""
    head = text[clause_start(text, r.start):r.start]
    at = head.rfind("率")
    return head[max(0, at - 4):at] if at >= 0 else ""
