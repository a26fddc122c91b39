"""Rates and shares against the counts around them.

A rate (系统管理率84.2%) or a share (占地区生产总值的比重为3.6%) is tried against
every part/whole pair of compatible counts nearby: the part is a count right
before it, the whole any larger count of the same unit earlier in the
paragraph. The relation verifies when one pair gives the stated value within
the rounding of the written numbers. It is flagged only when none does and a
pair is clearly meant: a share whose whole is named after 占 (or by the share
before it), or a rate whose counts name the same population (孕产妇建卡数 of
孕产妇数), and the stated value is a near miss of that pair.
"""

from __future__ import annotations

import math
from dataclasses import replace

from ..claims.clauses import sentence_start
from ..document import Quantity
from . import arithmetic as ar
from .neighbourhood import Index, is_count, is_rate, paragraph_bounds
from .rate_cases import Case, build_case, given_as_share, name_before, names_whole, rate_words, without_totals
from .rate_judgement import judge_case

SKIP_ROLES = frozenset({"growth", "difference", "target", "basic_target", "full_target"})


def check_rates(index: Index, found, cfg) -> dict:
    """Judges every rate and share; returns, per paragraph, the rates (…率)
    with the whole each verified with (None when none), for checks/bases.py."""
    inherited = None                # (paragraph, named wholes) of the last share that named its whole
    siblings: dict = {}             # paragraph -> [(share without a named whole, the whole it verified with)]
    ratios: dict = {}               # paragraph -> [(rate (…率), the whole it verified with)]
    for q in index.qs:
        r = _as_rate(index.text, q)
        if r is None or r.group is not None or r.start in found.judged:
            continue
        case = build_case(index, r, cfg)
        if case is not None and _table_row(index.text, r):
            case = _within_row(index.text, case)
        if case is None or (r.role in SKIP_ROLES and case.kind != "share"):
            continue            # a share phrase (占…的x%) is a share whatever role the claims stage gave it
        if r.role in SKIP_ROLES:
            case.rate, case.role = replace(r, role="actual"), r.role    # rounded as written, not set exactly like a target
        para = paragraph_bounds(index.text, r.start)[0]
        unnamed = case.cue == rate_words().whole_cue and case.label in cfg.total_labels + ("",)
        if unnamed:
            if inherited and inherited[0] == para:
                case.named = [w for w in inherited[1] if w.norm_unit == case.parts[0].norm_unit]
            else:
                case.named, case.loose = _nearest_larger(index, case, cfg), True
            if case.loose and _siblings_agree(index, case, para, cfg) is False:
                # the shares around it agree on a whole of their own: the guess may verify, never
                # accuse the share; a total written right before its breakdown is accused once
                _breakdown_total(found, index, case, cfg)
                sentence = index.between(sentence_start(index.text, r.start), r.start)
                siblings.setdefault(para, []).append((case, judge_case(found, case, cfg, sentence=sentence,
                                                                       quiet=True)))
                continue
        if case.kind == "share" and case.named:
            inherited = (para, case.named)
        sentence = index.between(sentence_start(index.text, r.start), r.start)
        quiet = not unnamed and case.kind == "share" and _label_disagrees(index, case, cfg)
        if not unnamed and case.kind == "share" and case.named and not quiet:
            whole = judge_case(found, case, cfg, sentence=sentence, quiet=True)
            if whole is None and r.start not in found.judged and not _named_farther(found, index, case, cfg):
                whole = judge_case(found, case, cfg, sentence=sentence)
        else:
            whole = judge_case(found, case, cfg, sentence=sentence, quiet=quiet)
        if unnamed:
            siblings.setdefault(para, []).append((case, whole))
        elif case.kind == "ratio":
            ratios.setdefault(para, []).append((case, whole))
    _sibling_wholes(found, siblings, cfg)
    return ratios


def _named_farther(found, index: Index, case: Case, cfg) -> bool:
    """占人均消费支出的比重为9.0%: a share whose named whole within reach does not
    fit, while an amount named alike earlier in the text, farther than the
    reach (全县居民人均消费支出15000元, before 城镇居民…19000元), gives it: the
    share is of that one (verified with it), not accused of the nearer one."""
    r, part = case.rate, case.parts[0]
    near = {id(w) for w in case.wholes}
    lo = max(0, r.start - cfg.named_whole_reach)
    for w in reversed(index.between(lo, max(lo, r.start - cfg.whole_reach))):
        if id(w) in near or w.norm_unit != part.norm_unit or w.norm_value <= part.norm_value \
                or not names_whole(w, case.label, index.text, cfg) or given_as_share(index, w, cfg, case.label):
            continue
        q = ar.quotient(part, w)
        if q is not None and ar.fits(r, *q):
            found.verify_quotient("ratio", f"{part.text}/{w.text} = "
                                  f"{ar.at_precision(part.norm_value / w.norm_value, r, 2)}", part, w, r)
            return True
    return False


def _breakdown_total(found, index: Index, case: "Case", cfg) -> None:
    """共受理来电28440件。其中，咨询类12460件，占63.72%；求助类5667件，占28.98%；…:
    the shares agree on a whole of their own (19,554, what the parts add up
    to), and the total whose breakdown they are (其中 right after it) is not
    it: one flag on the total."""
    text = index.text
    for w in case.named:
        k = w.end
        while k < len(text) and k < w.end + 3 and text[k] in "。，,；; ":
            k += 1
        if cfg.sum_cue.match(text, k):
            est = case.parts[0].norm_value / case.rate.norm_value
            found.flag("sum", w, f"按各项计数与所占比例，总数应约为{ar.at_precision(est, w)}", [case.parts[0], case.rate])
            return


def _siblings_agree(index: Index, case: "Case", para: int, cfg) -> bool | None:
    """来信17件，占30%；来访20件，占35%；来电6件，占10%: shares after 占 that name
    no whole, each right after its count, in one paragraph: when the wholes
    their counts imply (count/share, within the rounding of both and
    `sibling_whole_slack`) have one value in common, they are shares of one
    whole. True when the whole guessed for ``case`` is that value, False when
    it is not (the guess is wrong: a larger count written before them), None
    when fewer than three such shares agree."""
    lo, hi = paragraph_bounds(index.text, case.rate.start)
    agreed = _implied_whole(index, case, lo, hi, lambda gap: cfg.sibling_share.match(gap) is not None, cfg)
    if agreed is None or agreed[2] < 3:
        return None
    low, high, _ = agreed
    return any(low <= w.norm_value <= high for w in case.named)


def _implied_whole(index: Index, case: "Case", lo: int, hi: int, joined, cfg) -> tuple | None:
    """The wholes implied by the shares near ``case`` (within `sibling_reach`,
    and ``lo``/``hi``), each right after a count of the part's unit with
    ``joined(text between)``: (low, high, how many) of the values all of them
    allow (count/share, within the rounding of both and `sibling_whole_slack`);
    None when they allow none, or a share is 0."""
    text, unit, at = index.text, case.parts[0].norm_unit, case.rate.start
    qs = index.between(max(lo, at - cfg.sibling_reach), min(hi, at + cfg.sibling_reach))
    low, high, n = 0.0, math.inf, 0
    for a, b in zip(qs, qs[1:]):
        if not is_rate(b) or a.norm_unit != unit or not is_count(a) or a.norm_value <= 0 \
                or not joined(text[a.end:b.start]):
            continue
        (a0, a1), (r0, r1) = ar.bounds(a), ar.bounds(b)
        if r0 <= 0:
            return None
        low, high, n = max(low, a0 / r1), min(high, a1 / r0), n + 1
    low, high = low * (1 - cfg.sibling_whole_slack), high * (1 + cfg.sibling_whole_slack)
    return (low, high, n) if low <= high else None


def _label_disagrees(index: Index, case: "Case", cfg) -> bool:
    """共153件，占信访总量36.0% … 共187件，占信访总量44.0%: two or more shares
    of one named whole (`_label_key`), each right after its count, imply one whole (count /
    share, within the rounding of both and `sibling_whole_slack`), and the
    count the name was matched to is not it: the whole they are of is not
    written, and the guess accuses no share."""
    if not case.label or not case.named or any(case.label in name_before(w, index.text, cfg) for w in case.named):
        return False            # (现有低保户218户 … 占低保户的29.8%: the whole is named outright)
    key = _label_key(case.label, cfg)

    def same_label(gap: str) -> bool:
        m = cfg.given_as_share.match(gap)
        return m is not None and _label_key(cfg.share_label_trim.sub("", m.group().split("占", 1)[1].strip()), cfg) == key

    agreed = _implied_whole(index, case, 0, len(index.text), same_label, cfg)
    if agreed is None or agreed[2] < 2:
        return False
    low, high, _ = agreed
    return not any(low <= w.norm_value <= high for w in case.named)


def _label_key(label: str, cfg) -> str:
    """A share's label without its total words or a leading 总 (总到位资金, 到位资金
    总额 and 到位资金 name one whole)."""
    bare = without_totals(label, cfg.total_labels)
    return bare.removeprefix("总").removeprefix("總") or label


def _table_row(text: str, q: Quantity) -> bool:
    """q stands in a row of cells (| or a tab between them)."""
    lo, hi = paragraph_bounds(text, q.start)
    return "|" in text[lo:hi] or "\t" in text[lo:hi]


def _within_row(text: str, case: "Case") -> "Case | None":
    """A rate in a table row is judged against counts of its own row only: the
    counts before it in the text are other rows' (利润率 8.4 is not 517 over
    the row above's 5472); the table checks read it against its columns."""
    lo, hi = paragraph_bounds(text, case.rate.start)

    def inside(q: Quantity) -> bool:
        return lo <= q.start and q.end <= hi

    if not all(inside(p) for p in case.parts):
        return None
    case.wholes = [w for w in case.wholes if inside(w)]
    case.named = [w for w in case.named if inside(w)]
    case.meant = [(a, w) for a, w in case.meant if inside(a) and inside(w)]
    case.typo_only = [(a, w) for a, w in case.typo_only if inside(a) and inside(w)]
    case.below = [w for w in case.below if inside(w)]
    return case if case.wholes else None


def _sibling_wholes(found, siblings: dict, cfg) -> None:
    """党员1896名 … 35岁以下476名，占25.1%；60岁以上392名，占20.7%: shares that do
    not name their whole, in one paragraph, are of the same whole; one that fits
    none of its candidates is judged against the whole its siblings verified with."""
    for cases in siblings.values():
        wholes = {id(w): w for _, w in cases if w is not None}
        if len(wholes) != 1:
            continue
        (whole,) = wholes.values()
        for case, w in cases:
            if w is None and case.rate.start not in found.judged and whole.norm_unit == case.parts[0].norm_unit \
                    and whole.norm_value > case.parts[0].norm_value and not any(whole is n for n in case.named):
                case.named, case.loose, case.wholes = [whole], False, [whole]
                judge_case(found, case, cfg)


def _as_rate(text: str, q: Quantity) -> Quantity | None:
    """A rate, or a bare number written as a share (占总数的17.6) read as a percentage."""
    if is_rate(q):
        return q
    if q.norm_unit is None and q.value is not None and 0 < q.value <= 100 and q.end < len(text) \
            and text[q.end] not in "0123456789.%％‰":
        w = rate_words()
        if w.whole_cue in text[max(0, q.start - 12):q.start] \
                and text[max(0, q.start - 1):q.start] in w.bare_share_links:
            return replace(q, norm_value=q.value / 100, norm_unit="ratio", unit="%")
    return None


def _nearest_larger(index: Index, case: "Case", cfg) -> list[Quantity]:
    """A share with no named whole: the nearest larger amount of the part's unit
    before the part, in its paragraph, that is not itself given as a share
    (城区火灾265起，占总数的53.0%: a part of another whole)."""
    p, text = case.parts[0], index.text
    lo = paragraph_bounds(text, p.start)[0]
    before = [w for w in case.wholes if lo <= w.start and w.end <= p.start and w.norm_value > p.norm_value
              and not given_as_share(index, w, cfg)]
    return before[-1:]
