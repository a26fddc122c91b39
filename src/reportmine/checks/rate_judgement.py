"""A rate's case judged (checks/rates.py): verified with the pair that gives
the stated value within the written rounding, else flagged when a clearly
meant pair nearly fits and no other reading of the sentence gives it.
"""

from __future__ import annotations

from dataclasses import replace

from ..claims.clauses import sentence_start
from ..document import Quantity
from . import arithmetic as ar
from . import readings
from .neighbourhood import is_count
from .rate_cases import Case

def judge_case(found, case: Case, cfg, typos: bool = True, why: str = "",
               sentence: list[Quantity] = (), quiet: bool = False) -> Quantity | None:
    """The whole the rate verified with, if any; a flag when a clearly meant pair
    nearly fits, and no other pair of the numbers right before the rate in
    ``sentence`` gives it (readings.py: 超出26人…超标率43.3% is 26/60);
    ``quiet``: verified or nothing, never a flag."""
    r = case.rate
    meant = []
    pairs = [(p, w) for p in case.parts for w in case.wholes]
    if case.meant or case.below:        # a clearly meant whole below the part is no candidate (exceeded)
        ids = {id(x) for x in case.wholes}
        pairs += [(p, w) for p, w in case.meant + [(case.parts[0], n) for n in case.below] if id(w) not in ids]
    for p, w in pairs:
        q = None if w is p else ar.quotient(p, w)
        if q is None:
            continue
        if ar.fits(r, *q):
            found.verify_quotient("ratio", f"{p.text}/{w.text} = {ar.at_precision(p.norm_value / w.norm_value, r, 2)}",
                                  p, w, r)
            return w
        if case.is_meant(p, w) and not _quotient_of_another(found, p, w, r) and not found.outranked(p, w, r) \
                and not found.target_of_another(p, w) \
                and not _other_things(p, w, cfg) and not _written_twice(found.text, p, w) \
                and not (case.role == "growth" and p.norm_unit == "ratio" and w.norm_unit == "ratio"):
            # (增长11.7%，其中…完成年度预算的57.6%，同比增长9.6%: a growth rate is not
            # flagged as the quotient of two other rates; it may still verify as one)
            meant.append((ar.miss(r, *q), p, w))
    limit = cfg.near_miss_share if case.kind == "share" and not case.loose else cfg.near_miss_ratio
    meant.sort(key=lambda c: c[0])
    if case.kind == "ratio" and (pair := _over_both(r, meant, sentence, cfg)) is not None:
        p, w = pair     # 批准逮捕174人，不批准逮捕31人，不捕率15.12%: 31/(174+31)
        found.verify("ratio", f"{p.text}/({w.text}+{p.text}) = "
                              f"{ar.at_precision(p.norm_value / (p.norm_value + w.norm_value), r, 2)}", [p, w, r], r)
        return None
    if meant and (pair := _pair_over(found.text, r, sentence, cfg)) is not None:
        a, b, w = pair      # 结案440件（调解结案211件，撤诉97件，调撤率为70%）: (211+97)/440
        found.verify("ratio", f"({a.text}+{b.text})/{w.text} = "
                              f"{ar.at_precision((a.norm_value + b.norm_value) / w.norm_value, r, 2)}", [a, b, w, r], r)
        return None
    if meant and sentence:
        window = readings.before(r, sentence)
        keep = tuple(x for _, p, w in meant[:1] for x in (p, w)) + tuple(window[-1:])
        if (pair := readings.quotient_reading(r, window, keep)) is not None:
            found.verify("ratio", f"{pair[0].text}/{pair[1].text} → {r.text}", list(pair), r)
            return pair[1]
    if quiet or r.approx:
        return None         # (占贸易总额的7.9%左右: a rate written as about so much accuses nothing)
    for m, p, w in meant:
        slip = _other_mille(r, cfg)
        if slip is not None and (q := ar.quotient(p, w)) and ar.fits(slip, *q):
            x = p.norm_value / w.norm_value
            found.flag("ratio", r, f"{p.text}/{w.text} = {ar.at_precision(x, slip, 2)}"
                       f"（{'‰误写为%' if slip.unit == '‰' else '%误写为‰'}）" + why, [p, w])
            return None
    # the nearest meant pair when it is a near miss; else the nearest one whose
    # gap one mistyped digit explains (办结28件 of 86件 at 95.3%: 82件, though
    # 86/28 is the nearer quotient)
    for m, p, w in meant:
        typo = [] if m <= limit or not typos else \
            [(q, t) for q, t in ar.ratio_typo(r, p, w) if not _one_digit_to_all(r, q)]
        # (a whole only guessed, the nearest larger count, is fitted by some one-digit slip by chance)
        if m <= limit or typo:
            x = p.norm_value / w.norm_value
            found.flag("ratio", r, f"{p.text}/{w.text} = {ar.at_precision(x, r, 2)}"
                       f"（按所报精度为{ar.at_precision(x, r)}）" + (ar.typo_note(typo) if typo else "") + why, [p, w])
            return None
    for p, w in case.typo_only if typos else ():
        if (typo := [(q, t) for q, t in ar.ratio_typo(r, p, w) if ar.digit_count(q) >= 2]):
            x = p.norm_value / w.norm_value
            found.flag("ratio", r, f"{p.text}/{w.text} = {ar.at_precision(x, r, 2)}（{p.text}多于{w.text}）"
                       + ar.typo_note(typo) + why, [p, w])
            break
    return None


def _one_digit_to_all(r: Quantity, q: Quantity) -> bool:
    """专任教师8人，其中中级职称3人，初级职称5人，合格率100%: a rate of 100% read
    as a slip of a one-digit count into the other (5人 for 8人) tells nothing: any
    one digit is one slip from any other, and the rate's own count (合格) need
    not be written; a count of two digits or more still tells."""
    return q is not r and ar.digit_count(q) < 2 and abs(r.norm_value - 1.0) < 1e-9


def _written_twice(text: str, p: Quantity, w: Quantity) -> bool:
    """二、200个城市空气质量状况。全国200个城市平均优良天数比例为88.1%: a count
    equal to its whole in another sentence, or a bound equal to a bound (超过10起
    and 增量超过10起省份), is one count written twice, no part of itself; a rate
    other than 100% is of something else. (In one sentence, 应到45人，实到45人，
    到会率93.3% is a slip of one of them.)"""
    if p.norm_value != w.norm_value or p.norm_unit != w.norm_unit:
        return False
    return (p.approx is not None and w.approx is not None) \
        or sentence_start(text, p.start) != sentence_start(text, w.start)


def _other_things(p: Quantity, w: Quantity, cfg) -> bool:
    """233所学校 and 239座厕所: counts in two classifiers count two kinds of
    thing; one is no part of the other, so their quotient accuses no rate."""
    return p.norm_unit != w.norm_unit and p.norm_unit in cfg.count_units and w.norm_unit in cfg.count_units


def _over_both(r: Quantity, meant: list, sentence: list[Quantity], cfg) -> tuple | None:
    """批准逮捕142件174人，不批准逮捕27件31人，不捕率为15.12%: a rate of the second
    of two counts of one unit written side by side is its share of both, p/(w+p),
    when p/w misses and the rate's sentence writes no other count of the unit:
    two outcomes of one whole that is not written (42户…盈利35户，亏损7户 writes it).
    Only for counts of cases or people (`count_units`), and only where the two
    readings differ by a twentieth or more (a small part of a large amount
    reads alike both ways)."""
    for _, p, w in meant:
        if any(q is not p and q is not w and q.norm_unit == p.norm_unit and is_count(q) for q in sentence) \
                or p.norm_unit not in cfg.count_units or p.norm_value * 20 < w.norm_value:
            continue
        if p.norm_unit == w.norm_unit and p.start > w.end and p.norm_value > 0 and w.norm_value > 0:
            (p0, p1), (w0, w1) = ar.bounds(p), ar.bounds(w)
            if ar.fits(r, p0 / (p0 + w1), p1 / (p1 + w0)):
                return p, w
    return None


def _pair_over(text: str, r: Quantity, sentence: list[Quantity], cfg) -> tuple | None:
    """结案440件（调解结案211件，撤诉97件，调撤率为70%）: a rate right after two
    counts of one unit, when no clearly meant pair fits it, may be their sum
    over a larger count of the unit before them in its sentence (two outcomes
    counted together). Whole counts only, and the larger count is the
    nearest before them that fits."""
    counts = [q for q in sentence if q.end <= r.start and is_count(q) and q.norm_value is not None]
    if len(counts) < 3:
        return None
    a, b = counts[-2], counts[-1]
    if a.norm_unit != b.norm_unit or ar.decimals(a) or ar.decimals(b) or a.approx or b.approx \
            or cfg.sum_cue.search(text, a.end, b.start):
        return None             # (持证残疾人8200人，分别为肢体残疾4510人: a total and its part)
    part = a.norm_value + b.norm_value
    for w in reversed(counts[:-2]):
        if w.norm_unit == a.norm_unit and w.norm_value > part and not w.approx:
            w0, w1 = ar.bounds(w)
            if w0 > 0 and ar.fits(r, part / w1, part / w0):
                return a, b, w
    return None


def _other_mille(r: Quantity, cfg) -> Quantity | None:
    """The rate read in the other of % and ‰ (出生率8.26% for 8.26‰): a slip of
    the unit, the digits right; only for a rate written per mille by convention
    (`per_mille_rates`), where the slip is likelier than a chance fit."""
    if r.value is None or r.unit not in ("%", "％", "‰") or not (r.indicator or "").endswith(cfg.per_mille_rates):
        return None
    if r.unit == "‰":
        return replace(r, unit="%", norm_value=r.norm_value * 10)
    return replace(r, unit="‰", norm_value=r.norm_value / 10)


def _quotient_of_another(found, p: Quantity, w: Quantity, r: Quantity) -> bool:
    """Whether p/w already verified as another rate (办结2.31万件/受理2.36万件 =
    办结率97.9%): one quotient is one rate, so a second rate beside it
    (满意率96.5%) is of other counts."""
    sp, sw, sr = [p.start, p.end], [w.start, w.end], [r.start, r.end]
    return any(v["kind"] in ("ratio", "completion") and sp in v["spans"] and sw in v["spans"]
               and sr not in v["spans"] for v in found.verified)
