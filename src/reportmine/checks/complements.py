"""Rates that are the complement of a negated count.

`抽检3612批次，检出不合格样品53批次，抽检合格率98.53%`: the rate names a
quality (合格) whose negation (不合格, 未合格: `complement_negations`) names a
count before it in its sentence; the rate is 1 − that count over the nearest
larger count of its unit before it (1 − 49/4003 = 98.776%) that does not name
the quality itself (合格1228批次 is the other part); only the first
rate after the count is its complement. The relation
verifies within the rounding of the written numbers and is flagged when it is
a near miss (`near_miss_ratio`) or one mistyped digit of the three explains it.
"""

from __future__ import annotations

from ..claims.clauses import clause_start, sentence_start
from . import arithmetic as ar
from .neighbourhood import Index, is_count, is_rate


def check_complements(index: Index, found, cfg) -> None:
    text = index.text
    for r in index.qs:
        if not is_rate(r) or r.start in found.judged or r.group is not None or r.norm_value > 1:
            continue
        head = text[clause_start(text, r.start):r.start]
        m = cfg.complement_rate.search(head)
        if m is None or head[:m.start(1)].endswith(tuple(cfg.complement_negations)):
            continue                        # 不合格率 is the count's own rate, not its complement
        quality = m.group(1)
        sent = [q for q in index.between(sentence_start(text, r.start), r.start)
                if is_count(q) and "/" not in (q.norm_unit or "")]
        negated = [q for q in sent if any(n + quality in text[clause_start(text, q.start):q.start]
                                          for n in cfg.complement_negations)]
        if not negated:
            continue
        p = negated[-1]
        if any(is_rate(q) for q in index.between(p.end, r.start)):
            continue                        # only the first rate after the count (not last year's after it)
        wholes = [w for w in sent if w.end <= p.start and w.norm_unit == p.norm_unit and w.norm_value > p.norm_value
                  and not _names(text, w, quality, cfg)]
        if wholes:
            _judge(found, r, p, wholes[-1], cfg, lambda w=wholes[-1]: _direct(found, r, w, sent, text, quality, cfg))


def _direct(found, r, w, sent, text: str, quality: str, cfg) -> bool:
    """完成整改301个，基本完成7个，未完成12个，总体完成率94.06%: a count whose
    clause names the quality itself, over the whole, gives the rate; then the
    negated count is one of more than two parts and its complement is no
    reading. True when such a count verifies the rate."""
    for q in sent:
        if q is w or q.norm_unit != w.norm_unit or q.norm_value >= w.norm_value or not _names(text, q, quality, cfg):
            continue
        iv = ar.quotient(q, w)
        if iv is not None and ar.fits(r, *iv):
            found.verify("ratio", f"{q.text}/{w.text} = {ar.at_precision(q.norm_value / w.norm_value, r, 2)}",
                         [q, w, r], r)
            return True
    return False


def _names(text: str, w, quality: str, cfg) -> bool:
    """合格1228批次 before 不合格32批次: a count whose clause names the quality
    itself is the other part, not the whole."""
    head = text[clause_start(text, w.start):w.start]
    i = head.rfind(quality)
    return i >= 0 and not head[:i].endswith(tuple(cfg.complement_negations))


def _judge(found, r, p, w, cfg, direct) -> None:
    """``direct``: tried when the complement misses, before a flag."""
    iv = ar.quotient(p, w)
    if iv is None:
        return
    lo, hi = 1 - iv[1], 1 - iv[0]
    x = 1 - p.norm_value / w.norm_value
    arith = f"1 − {p.text}/{w.text} = {ar.at_precision(x, r, 2)}"
    if ar.fits(r, lo, hi):
        found.verify("ratio", arith, [w, p, r], r)
    elif direct():
        return
    elif ar.miss(r, lo, hi) <= cfg.near_miss_ratio or (typo := _typos(r, p, w, lo, hi)):
        note = ar.typo_note(typo) if ar.miss(r, lo, hi) > cfg.near_miss_ratio else ""
        found.flag("ratio", r, f"{arith}（按所报精度为{ar.at_precision(x, r)}）" + note, [w, p])


def _typos(r, p, w, lo: float, hi: float) -> list:
    """One mistyped digit of the rate, the negated count or the whole explaining 1 − p/w."""
    out = [(r, x)] if (x := ar.typo_reading(r, lo, hi)) else []
    r0, r1 = ar.bounds(r)
    if (x := ar.typo_reading(p, (1 - r1) * w.norm_value, (1 - r0) * w.norm_value)):
        out.append((p, x))
    if r1 < 1 and (x := ar.typo_reading(w, p.norm_value / (1 - r0), p.norm_value / (1 - r1))):
        out.append((w, x))
    return out
