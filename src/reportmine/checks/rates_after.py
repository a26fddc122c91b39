"""A rate whose counts are written after it in its sentence.

    全年共办结案件150件，结案率93.75%，受理案件160件
    辖区共有企业320家，规上企业占比25%，共80家
    全县森林覆盖率达到62.5%，林地面积125万亩，国土面积200万亩

rates.py reads a rate against counts written before it. A rate (its clause
names a share, `share_label`: 率, 比例, 占比, 比重, 进度, 存贷比) that nothing judged is read here
against two counts of one unit in its sentence, at least one written after it
(changes, targets and rates skipped): part / whole. It verifies when one pair
fits within the rounding of the written numbers; it is flagged only when the
sentence holds exactly two such counts (the pair is then the one meant), no
、 parts the rate from them (items of a list, each a task of its own) and the
rate is a near miss (`near_miss_ratio`) or one mistyped digit of one of the
three explains the gap.
"""

from __future__ import annotations

from ..claims.clauses import clause_end, clause_start, sentence_start
from ..document import Quantity
from . import arithmetic as ar
from .neighbourhood import Index, is_count, is_rate, sentence_end

_NOT = frozenset({"growth", "difference", "target", "basic_target", "full_target", "forecast"})
_REACH = 120            # how far after the rate its counts may stand (characters)


def check_rates_after(index: Index, found, cfg) -> None:
    text = index.text
    if not any(w in text for w in ("率", "比", "进度")):
        return
    for q in index.qs:
        if (q.norm_unit is not None and not is_rate(q)) or q.start in found.judged or q.approx \
                or q.role in ("growth", "difference") or q.group is not None:
            continue
        head = text[clause_start(text, q.start):q.start]
        if q.norm_unit is None and q.norm_value and cfg.ratio_label.search(head):
            _named_ratio(index, found, q, cfg)
            continue
        if not is_rate(q) or not cfg.share_label.search(head):
            continue
        hi = sentence_end(text, q.end, _REACH)
        if any(is_rate(c) for c in index.between(q.end, hi)):
            hi = clause_end(text, q.end)    # (开工率100%，竣工32个，竣工率94.12%: 32个 is the next rate's)
        after = [c for c in index.between(q.end, hi) if _operand(text, c)]
        if not after:
            continue
        before = [c for c in index.between(sentence_start(text, q.start), q.start) if _operand(text, c)]
        _judge(found, q, before, after, cfg, text)


def _operand(text: str, c: Quantity) -> bool:
    return is_count(c) and c.norm_value > 0 and not c.approx and c.role not in _NOT and c.group is None \
        and not _in_colon_ratio(text, c)


def _in_colon_ratio(text: str, c: Quantity) -> bool:
    """出生人口性别比106:100: a term of a ratio written with a colon, no count."""
    after, before = text[c.end:c.end + 2], text[max(0, c.start - 2):c.start]
    return (after[:1] in _COLONS and after[1:2].isdigit()) or (before[-1:] in _COLONS and before[:1].isdigit())


_COLONS = frozenset(":：∶")


def _judge(found, q: Quantity, before: list[Quantity], after: list[Quantity], cfg, text: str) -> None:
    counts = before + after
    pairs = [(p, w) for p in counts for w in counts
             if p is not w and p.norm_unit == w.norm_unit and p.norm_value <= w.norm_value
             and (p in after or w in after)]
    for p, w in pairs:
        interval = ar.quotient(p, w)
        if interval and ar.fits(q, *interval):
            found.verify("ratio", f"{p.text}/{w.text} = {ar.at_precision(p.norm_value / w.norm_value, q, 2)}",
                         [p, w, q], q)
            return
    same = [c for c in counts if c.norm_unit == pairs[0][0].norm_unit] if pairs else []
    if len(pairs) != 1 or len(same) != 2:
        return
    p, w = pairs[0]
    lo, hi = ar.quotient(p, w) or (None, None)
    if lo is None or "、" in text[q.end:min(x.start for x in (p, w) if x.start > q.end)]:
        return      # (…普及率达85%、新增企业60户、培育外贸企业55户: items of a list, no operands)
    arith = f"{p.text}/{w.text} = {ar.at_precision(p.norm_value / w.norm_value, q, 2)}"
    found.flag_off("ratio", q, lo, hi, arith, [p, w], cfg.near_miss_ratio)


def _named_ratio(index: Index, found, q: Quantity, cfg) -> None:
    """城镇居民…38600元，农村居民…17500元，城乡收入比2.21: a bare number named as
    a ratio (…比) is the larger over the smaller of the two amounts of one unit
    its sentence holds (and only two)."""
    text = index.text
    lo_s, hi_s = sentence_start(text, q.start), sentence_end(text, q.end, _REACH)
    counts = [c for c in index.between(lo_s, hi_s) if c is not q and _operand(index.text, c)]
    units = {c.norm_unit for c in counts}
    if len(counts) != 2 or len(units) != 1:
        return
    w, p = sorted(counts, key=lambda c: c.norm_value)
    interval = ar.quotient(p, w)
    if interval is None:
        return
    x = p.norm_value / w.norm_value
    arith = f"{p.text}/{w.text} = {x:.{ar.decimals(q) + 2}f}"
    if ar.fits(q, *interval):
        found.verify("ratio", arith, [p, w, q], q)
    else:
        found.flag_off("ratio", q, *interval, arith, [p, w], cfg.near_miss_ratio)
