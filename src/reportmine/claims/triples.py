"""A target, the value reached and their completion rate, told apart by their arithmetic."""

from __future__ import annotations

import regex

from ..document import Quantity
from ..numerals import decimal_places
from .clauses import clause_start, sentence_start

_PAIR_ROLES = frozenset({"actual", "target"})
# the value reached is written as such, with nothing else in its clause before it
# (达成1920万, 实际完成4200万元; not 已完成整改26个 of 问题31个, a count of problems found)
_REACHED = regex.compile(r"\s*(?:实际)?(?:已)?(?:达成|完成|实现)了?\s*")


def rate_triples(text: str, quantities: list[Quantity]) -> None:
    """甲类业务目标：1500万，达成1920万，达成率128%; 月均增长率5%，达成7.6%，达成率152%:
    the two numbers of one unit right before a completion rate in its sentence,
    the rate their quotient within the rounding of the rate as written, are
    the target (the first) and the value reached (the second, its clause
    nothing but 达成, 完成 or 实现 before it), whatever a label above them or
    their want of a cue made them (stop 39's annotated pages)."""
    for k in range(2, len(quantities)):
        a, b, rate = quantities[k - 2], quantities[k - 1], quantities[k]
        if rate.role != "completion_rate" or rate.norm_unit != "ratio" or rate.value is None:
            continue
        if a.role not in _PAIR_ROLES or b.role not in _PAIR_ROLES or (a.role, b.role) == ("target", "actual"):
            continue
        if a.norm_unit != b.norm_unit or not a.norm_value or b.norm_value is None or a.group is not None:
            continue
        if sentence_start(text, a.start) != sentence_start(text, rate.start) \
                or not _REACHED.fullmatch(text, clause_start(text, b.start), b.start):
            continue
        if _fits(b.norm_value / a.norm_value * 100, rate):
            a.role, b.role = "target", "actual"


def _fits(percent: float, rate: Quantity) -> bool:
    """Whether ``percent`` rounds to the rate as written (its decimals), as
    the completion checks read it: a rate cut instead (119.7 written 119) makes
    no pair here, or the checks would flag what the pairing made."""
    return abs(percent - rate.value) <= 0.5 * 10 ** -decimal_places(rate.text) + 1e-9
