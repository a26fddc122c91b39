"""Differences named as the gap between two values of their sentence.

    城镇居民人均可支配收入38650元，农村居民人均可支配收入18420元，城乡收入差距为20230元。

A difference (or an amount) with a gap word (`gap_words`: 差距, 差额, 相差) in
its clause right before it, and exactly two values of its unit before it in
its sentence, is the gap between those two: it verifies within the rounding of
the three numbers and is flagged when it is a near miss (`near_miss_total`) or
one mistyped digit of one of the three explains it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..claims.clauses import clause_start, sentence_start
from ..document import Quantity
from ..resources import compile_pattern, load_yaml, require
from . import arithmetic as ar
from .neighbourhood import Index, common_run, named_alike
from .typos import judge_difference

_RATES = frozenset({"ratio", "ratio_point"})
_CHANGES = frozenset({"difference", "growth"})
_COMPARED_REACH = 14        # from 比 to the difference: the name, a verb, 了


@dataclass(frozen=True)
class GapConfig:
    gap_words: tuple[str, ...]
    word_reach: int
    compared: object
    not_compared: tuple[str, ...]


@lru_cache(maxsize=1)
def gap_config() -> GapConfig:
    data = load_yaml("checks.yaml")["gaps"]
    require(data, ("gap_words", "word_reach", "compared", "not_compared"), "checks.yaml: gaps")
    return GapConfig(tuple(data["gap_words"]), int(data["word_reach"]),
                     compile_pattern(data["compared"], "checks.yaml: gaps: compared"), tuple(data["not_compared"]))


def _same_kind(a: Quantity, d: Quantity) -> bool:
    return (a.norm_unit in _RATES and d.norm_unit in _RATES) or (a.norm_unit == d.norm_unit and a.norm_unit is not None)


def _ends(text: str, words: tuple[str, ...]) -> list[int]:
    """Where a gap word ends: looked up by its first character (one str.find
    pass per distinct first character, cheaper than a pass per word or a pattern)."""
    out = set()
    for first in sorted({w[0] for w in words}):
        starting = [w for w in words if w[0] == first]
        i = text.find(first)
        while i >= 0:
            out.update(i + len(w) for w in starting if text.startswith(w, i))
            i = text.find(first, i + 1)
    return sorted(out)


def check_gaps(index: Index, found, cfg) -> None:
    gc = gap_config()
    text = index.text
    _compared(index, found, gc, cfg)
    ends = _ends(text, gc.gap_words)
    if not ends:
        return
    near = {id(q): (q, end) for end in ends for q in index.between(end, end + gc.word_reach)}
    for d, end in sorted(near.values(), key=lambda x: x[0].start):
        if d.start in found.judged or d.group is not None or d.approx or end < clause_start(text, d.start):
            continue
        ss = sentence_start(text, d.start)
        values = [q for q in index.between(ss, d.start)
                  if _same_kind(q, d) and q.role != "difference" and not q.approx]
        if len(values) == 2:
            _judge(found, d, *values, cfg)
        elif not values and (pair := _earlier_pair(index, d, ss, cfg)):
            _judge(found, d, *pair, cfg)


def _earlier_pair(index: Index, d: Quantity, ss: int, cfg) -> tuple[Quantity, Quantity] | None:
    """两镇亩产相差74公斤 with no value in its sentence: the last two values of its
    kind in the sentences before it in its paragraph, each in its own sentence,
    named alike (characters in common, F1 >= 0.5, 平均 aside) and like the gap."""
    text = index.text
    values = [q for q in index.before(d, cfg.whole_reach) if q.start < ss and _same_kind(q, d)
              and q.role not in _CHANGES and not q.approx]
    if len(values) < 2:
        return None
    a, b = values[-2:]
    if sentence_start(text, a.start) == sentence_start(text, b.start) or not named_alike(a.indicator, b.indicator) \
            or common_run((a.indicator or "").replace("平均", ""), (d.indicator or "") + text[ss:d.start]) < 2:
        return None
    return a, b



def _compared(index: Index, found, gc, cfg) -> None:
    """乙县完成5.2亿元，甲县完成4.8亿元，乙县比甲县多0.4亿元: a difference against
    another subject named after 比, when its sentence holds two values of its
    kind before it and one of them is labelled more like that name."""
    text = index.text
    marks, i = [], text.find("比")
    while i >= 0:                   # 比 followed by another subject, not by 上年, 计划…
        if not text.startswith(gc.not_compared, i + 1):
            marks.append(i)
        i = text.find("比", i + 1)
    near = {id(q): q for at in marks for q in index.between(at, at + _COMPARED_REACH)}
    for d in sorted(near.values(), key=lambda q: q.start):
        if d.role not in _CHANGES or d.start in found.judged or d.group is not None or d.approx:
            continue
        m = gc.compared.search(text, clause_start(text, d.start), d.start)
        if m is None or any(w in m.group("name") for w in gc.not_compared):
            continue
        values = [q for q in index.between(sentence_start(text, d.start), m.start())
                  if _same_kind(q, d) and q.role not in ("difference", "growth") and not q.approx]
        if len(values) != 2:
            continue
        shared = [common_run(m.group("name"), _label(text, q, values)) for q in values]
        if max(shared) >= 2 and shared[0] != shared[1]:     # one of the two is better named
            _judge(found, d, *values, cfg)


def _label(text: str, q: Quantity, values: list[Quantity]) -> str:
    """The words before a value in its clause, after the value before it."""
    lo = max([v.end for v in values if v.end <= q.start] + [clause_start(text, q.start)])
    return text[lo:q.start]


def _judge(found, d: Quantity, a: Quantity, b: Quantity, cfg) -> None:
    gap = abs(a.norm_value - b.norm_value)
    hi, low = (a, b) if a.norm_value >= b.norm_value else (b, a)
    arith = f"{hi.text} − {low.text} = {ar.at_precision(gap, d)}"
    if d.norm_unit == "ratio_point" or (d.norm_unit in _RATES and a.norm_unit in _RATES):
        arith = f"{hi.text} − {low.text} = {gap * 100:.2f}".rstrip("0").rstrip(".") + \
            ("个百分点" if d.norm_unit == "ratio_point" else "%")
    judge_difference(found, d, a, b, arith, cfg, span=(a.start, d.end))
