"""Differences named as the gap between two values of their sentence.

    城镇居民人均可支配收入38650元，农村居民人均可支配收入18420元，城乡收入差距为20230元。

A difference (or an amount) with a gap word (`gap_words`: 差距, 差额, 相差) in
its clause right before it, and exactly two values of its unit before it in
its sentence, is the gap between those two: it verifies within the rounding of
the three numbers and is flagged when it is a near miss (`near_miss_total`) or
one mistyped digit of one of the three explains it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..claims.clauses import clause_start, sentence_start
from ..document import Quantity
from ..resources import load_yaml, require
from . import arithmetic as ar
from .neighbourhood import Index
from .typos import difference_typos

_RATES = frozenset({"ratio", "ratio_point"})


@dataclass(frozen=True)
class GapConfig:
    gap_words: tuple[str, ...]
    word_reach: int


@lru_cache(maxsize=1)
def gap_config() -> GapConfig:
    data = load_yaml("checks.yaml")["gaps"]
    require(data, ("gap_words", "word_reach"), "checks.yaml: gaps")
    return GapConfig(tuple(data["gap_words"]), int(data["word_reach"]))


def _same_kind(a: Quantity, d: Quantity) -> bool:
    return (a.norm_unit in _RATES and d.norm_unit in _RATES) or (a.norm_unit == d.norm_unit and a.norm_unit is not None)


@lru_cache(maxsize=4)
def _words(words: tuple):
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


def check_gaps(index: Index, found, cfg) -> None:
    gc = gap_config()
    text = index.text
    if "差" not in text and "缺" not in text:
        return                  # (every gap word holds 差 or 缺: a cheap test first)
    ends = [m.end() for m in _words(gc.gap_words).finditer(text)]
    if not ends:
        return
    near = {id(q): (q, end) for end in ends for q in index.between(end, end + gc.word_reach)}
    for d, end in sorted(near.values(), key=lambda x: x[0].start):
        if d.start in found.judged or d.group is not None or d.approx or end < clause_start(text, d.start):
            continue
        values = [q for q in index.between(sentence_start(text, d.start), d.start)
                  if _same_kind(q, d) and q.role != "difference" and not q.approx]
        if len(values) == 2:
            _judge(found, d, *values, cfg)


def _judge(found, d: Quantity, a: Quantity, b: Quantity, cfg) -> None:
    gap = abs(a.norm_value - b.norm_value)
    tol = ar.tolerance(d) + ar.tolerance(a) + ar.tolerance(b)
    hi, low = (a, b) if a.norm_value >= b.norm_value else (b, a)
    arith = f"{hi.text} − {low.text} = {ar.at_precision(gap, d)}"
    if d.norm_unit == "ratio_point" or (d.norm_unit in _RATES and a.norm_unit in _RATES):
        arith = f"{hi.text} − {low.text} = {gap * 100:.2f}".rstrip("0").rstrip(".") + \
            ("个百分点" if d.norm_unit == "ratio_point" else "%")
    if abs(gap - d.norm_value) <= tol:
        found.verify("difference", arith, [a, b, d], d)
        return
    near = gap > 0 and abs(gap - d.norm_value) <= cfg.near_miss_total * max(gap, d.norm_value)
    typo = [] if near else difference_typos(d, a, b)
    if near or typo:
        found.flag("difference", d, arith + (ar.typo_note(typo) if typo else ""), [a, b], span=(a.start, d.end))
