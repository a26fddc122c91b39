"""Changes written right after the two levels they are between, without years.

    全市生产总值从452.3亿元增加到488.6亿元，增长8.0%。
    贫困发生率由3.2%下降到1.5%，下降了1.7个百分点。
    全县粮食产量35.1万吨，较上年的32.5万吨增加2.6万吨。

dated_levels.py reads a growth rate between two levels each with its year and
an amount of change after 由 A 到 B; here the nearby written variants:

- a growth rate (or a change in percentage points between two rates) right
  after 由/从 A 到 B (`from_words`, `to_words` of the dated_levels section),
  only a change word between B and it (`move_link`): |B / A − 1| (|B − A|);
  a multiple after a rise word (增长2倍) is the rate it states (+200%), and
  says nothing when it reads as B / A instead (增长3倍 for three times as much,
  a common way of writing it);
- an amount of change right after 比/较 + an earlier period + its level
  (`compared_level`: 较上年的32.5万吨增加2.6万吨) against the level of its unit
  last written before 比/较 in the sentence: |B − A|.

A rate of levels that are rates themselves (由3.2%提高到4.0%，提高25%) is not
read (percent or points). Each verifies within the rounding of the written
numbers and is flagged otherwise: the levels and the change are written as
one move, so no near-miss test stands between (a mistyped digit is named
when one explains the gap).
"""

from __future__ import annotations

from functools import lru_cache

from ..claims.clauses import clause_start, sentence_start
from ..document import Quantity
from ..resources import compile_pattern, load_yaml, require, word
from . import arithmetic as ar
from .dated_levels import dated_config
from .earlier import as_growth
from .neighbourhood import Index, is_count, is_rate
from .typos import judge_difference, judge_level_growth

_FROM_REACH = 16        # from 由/从 to the first level (the name may stand between)
_TO_REACH = 16          # from the first level to the second (增加到, 提高至 …)


@lru_cache(maxsize=1)
def move_config():
    data = load_yaml("checks.yaml")["moves"]
    require(data, ("move_link", "compared_level", "average_words", "change_ends"), "checks.yaml: moves")
    return (compile_pattern(data["move_link"], "checks.yaml: moves: move_link"),
            compile_pattern(data["compared_level"], "checks.yaml: moves: compared_level"),
            tuple(data["average_words"]), word(data, "change_ends", "checks.yaml: moves"))


def check_moves(index: Index, found, cfg) -> None:
    text = index.text
    has_from = "由" in text or "从" in text
    has_compared = "比" in text or "较" in text
    if not (has_from or has_compared):
        return
    link, compared, average, _ = move_config()
    dc = dated_config()
    for q in index.qs:
        if q.role not in ("growth", "difference") or q.start in found.judged or q.group is not None or q.approx:
            continue
        window = text[max(0, q.start - _FROM_REACH - _TO_REACH - 40):q.start]
        if has_from and any(w in window for w in dc.from_words):
            rate = _multiple_as_rate(text, q)
            pair = _from_to(index, rate, link, average, dc)
            if pair is not None:
                if rate is q or not _times_of(q, *pair):
                    _judge(found, rate, *pair, cfg)
                continue
        if has_compared and is_count(q) and ("比" in window or "较" in window):
            pair = _compared(index, q, compared)
            if pair is not None:
                _judge(found, q, *pair, cfg)


def _multiple_as_rate(text: str, q: Quantity) -> Quantity:
    """增长2倍 as the growth rate it states (+200%); other quantities as they are."""
    if q.norm_unit != "倍":
        return q
    rate, down, _ = as_growth(text, q)
    return rate if rate is not q and not down else q


def _times_of(q: Quantity, a: Quantity, b: Quantity) -> bool:
    """由2万元增加到6万元，增长3倍: the multiple read as B/A (增长到3倍), a common
    way of writing it, which says nothing against the numbers."""
    lo, hi = ar.quotient(b, a) or (None, None)
    return lo is not None and ar.fits(q, lo, hi)


def _from_to(index: Index, q: Quantity, link, average, dc) -> tuple | None:
    """(A, B) of 由A…到B right before q, joined to it by a change word only."""
    text = index.text
    s = sentence_start(text, q.start)
    sent = index.between(s, q.start)
    if len(sent) < 2 or not link.fullmatch(text[sent[-1].end:q.start]):
        return None
    a, b = sent[-2], sent[-1]
    if q.norm_unit == "ratio_point":
        if not (is_rate(a) and is_rate(b)):
            return None
    elif not (is_rate(q) and is_count(a) and is_count(b) and a.norm_unit == b.norm_unit):
        if not (is_count(q) and q.norm_unit == a.norm_unit == b.norm_unit) or q.role != "difference":
            return None
    if a.role == "growth" or b.role == "growth" or a.approx or b.approx:
        return None
    between = text[a.end:b.start]
    if len(between) > _TO_REACH or not any(w in between for w in dc.to_words):
        return None
    head = text[max(clause_start(text, a.start), a.start - _FROM_REACH):a.start]
    if not any(w in head for w in dc.from_words) or any(w in text[sent[-1].end:q.start] for w in average):
        return None
    return a, b


def _compared(index: Index, q: Quantity, compared) -> tuple | None:
    """(A, B): A written in 比/较 + an earlier period right before q, B the
    level of q's unit last written before 比/较 in the sentence."""
    text = index.text
    sent = index.between(sentence_start(text, q.start), q.start)
    if len(sent) < 2:
        return None
    a = sent[-1]
    if a.norm_unit != q.norm_unit or not is_count(a) or a.approx:
        return None
    m = compared.search(text, max(0, a.start - 12), a.start)
    if m is None or m.end() != a.start or not _changes(text[a.end:q.start]):
        return None
    levels = [c for c in sent[:-1] if c.end <= m.start() and c.norm_unit == q.norm_unit and is_count(c)
              and c.role != "growth" and not c.approx]
    return (a, levels[-1]) if levels else None


def _changes(between: str) -> bool:
    """增加, 减少, 缩短 …: a change verb (its last character, `change_ends`) in the few words between."""
    last = between.rstrip("了")[-1:]
    return 1 <= len(between) <= 4 and bool(last) and last in move_config()[3]


def _judge(found, q: Quantity, a: Quantity, b: Quantity, cfg) -> None:
    """The two levels and the change right after them are one move as
    written: flagged whatever the gap (no near-miss test for a relation this
    plainly meant)."""
    if is_rate(q) and q.norm_unit != "ratio_point":
        judge_level_growth(found, q, a, b, cfg, typos=lambda lo, hi: _rate_typos(q, a, b, lo, hi), meant=True)
        return
    arith = f"{b.text} − {a.text} = {ar.at_precision(b.norm_value - a.norm_value, q)}"
    judge_difference(found, q, a, b, arith, cfg, meant=True)


def _rate_typos(g: Quantity, a: Quantity, b: Quantity, lo: float, hi: float) -> list:
    """A reading of the rate, or of one level given the other and the rate
    (the direction the two levels show)."""
    if (r := ar.typo_reading(g, lo, hi)):
        return [(g, r)]
    up = 1 if b.norm_value >= a.norm_value else -1
    (g0, g1) = ar.bounds(g)
    out = []
    if (r := ar.typo_reading(b, a.norm_value * (1 + up * g0), a.norm_value * (1 + up * g1))
            if up > 0 else ar.typo_reading(b, a.norm_value * (1 - g1), a.norm_value * (1 - g0))):
        out.append((b, r))
    f0, f1 = sorted((1 + up * g0, 1 + up * g1))
    if f0 > 0 and (r := ar.typo_reading(a, b.norm_value / f1, b.norm_value / f0)):
        out.append((a, r))
    return out if len(out) == 1 else []
