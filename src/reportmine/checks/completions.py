"""Completion rates against the actual and target of their own sentence.

    全年新增城镇就业6520人，完成率为108.7%，年度目标任务为6000人。
    今年计划植树造林1.2万亩，目前已完成1.05万亩，完成率87.5%。
    招商引资到位资金38.6亿元，为年度计划40亿元的96.5%。

A completion rate (the claims stage's completion_rate, or a rate or a
multiple written `为…的x%`, `是…的2.1倍` with one amount inside the phrase) that no earlier check judged is
tried against every amount / target pair of one unit in its sentence (the
target read as one, or after `target_words`), the target also after the rate
(`sentence_reach`). It verifies when one pair fits
within the rounding of the written numbers. It is flagged only when one pair
is clearly meant: the one amount inside a `为…的` phrase and the amount right
before it, or the one target of the unit in the sentence (read as a target,
or after `target_words`) and the nearest other amount of that unit before the
rate; and then only as a near miss (`near_miss_ratio`) or when one mistyped
digit explains the gap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..claims.clauses import clause_start, sentence_start
from ..document import Quantity
from ..resources import compile_pattern, load_yaml, require
from . import arithmetic as ar
from .neighbourhood import Index, is_count, is_rate

_TARGETS = frozenset({"target", "basic_target", "full_target"})
_KEYS = ("target_words", "target_reach", "of_cue", "sentence_reach")
_ENDS = "。；;\n"
_RATES = frozenset({"ratio", "倍"})


@dataclass(frozen=True)
class CompletionConfig:
    target_words: tuple[str, ...]
    target_reach: int
    of_cue: object
    sentence_reach: int


@lru_cache(maxsize=1)
def completion_config() -> CompletionConfig:
    data = load_yaml("checks.yaml")["completion_search"]
    require(data, _KEYS, "checks.yaml: completion_search")
    return CompletionConfig(tuple(data["target_words"]), int(data["target_reach"]),
                            compile_pattern(data["of_cue"], "checks.yaml: completion_search: of_cue"),
                            int(data["sentence_reach"]))


def check_completions(index: Index, found, cfg) -> None:
    cc = completion_config()
    text = index.text
    for r in index.qs:
        if r.norm_unit not in _RATES or r.group is not None or r.approx or r.start in found.judged:
            continue
        phrase = _of_phrase(index, r, cc)
        if phrase is not None:
            _judge(found, r, [phrase], phrase, cfg)
        elif r.role == "completion_rate" and is_rate(r):
            pairs, meant = _sentence_pairs(index, r, cc)
            _judge(found, r, pairs, meant, cfg)


def _amounts(qs) -> list[Quantity]:
    return [q for q in qs if is_count(q) and "/" not in (q.norm_unit or "") and q.norm_value > 0]


def _of_phrase(index: Index, r: Quantity, cc) -> tuple | None:
    """为年度计划40亿元的96.5%: (the amount right before the phrase, the one inside)."""
    text = index.text
    if not text[max(0, r.start - 3):r.start].rstrip().endswith("的"):
        return None             # the phrase ends 的 right before the rate
    window = text[max(0, r.start - 30):r.start]
    if "为" not in window and "达" not in window and "是" not in window and "相当" not in window:
        return None             # (a cheap test before the pattern: its verbs)
    lo = clause_start(text, r.start)
    m = None
    for m in cc.of_cue.finditer(text, lo, r.start):
        pass
    if m is None:
        return None
    inside = _amounts(index.between(m.end(), r.start))
    before = [q for q in index.between(sentence_start(text, r.start), m.start()) if not is_rate(q)]
    if len(inside) != 1 or not before or not _amounts(before[-1:]):
        return None
    part, whole = before[-1], inside[0]
    return (part, whole) if part.norm_unit == whole.norm_unit else None


def _sentence_end(text: str, pos: int, reach: int) -> int:
    hi = min(len(text), pos + reach)
    ends = [i for i in (text.find(c, pos, hi) for c in _ENDS) if i >= 0]
    return min(ends) if ends else hi


def _is_target(text: str, q: Quantity, cc) -> bool:
    return q.role in _TARGETS or _words(cc.target_words).search(text, max(0, q.start - cc.target_reach), q.start) \
        is not None


@lru_cache(maxsize=4)
def _words(words: tuple):
    return re.compile("|".join(map(re.escape, words)))


def _sentence_pairs(index: Index, r: Quantity, cc) -> tuple[list, tuple | None]:
    """Every (amount, target) pair of one unit in the rate's sentence, and the
    pair clearly meant, if one is."""
    text = index.text
    sent = _amounts(index.between(sentence_start(text, r.start), _sentence_end(text, r.end, cc.sentence_reach)))
    marked = [_is_target(text, q, cc) for q in sent]
    targets = [t for t, m in zip(sent, marked) if m]
    pairs = [(a, t) for t in targets for a in sent if a is not t and a.norm_unit == t.norm_unit]
    if len(targets) != 1:
        return pairs, None
    t = targets[0]
    actual = [a for a, m in zip(sent, marked) if not m and a.start < r.start and a.norm_unit == t.norm_unit]
    return pairs, ((actual[-1], t) if actual else None)


def _judge(found, r: Quantity, pairs: list, meant: tuple | None, cfg) -> None:
    for a, t in pairs:
        q = ar.quotient(a, t)
        if q and ar.fits(r, *q):
            found.verify("ratio" if r.norm_unit == "倍" else "completion",
                         f"{a.text}/{t.text} = {ar.at_precision(a.norm_value / t.norm_value, r, 2)}", [a, t, r], r)
            return
    if meant is None:
        return
    a, t = meant
    q = ar.quotient(a, t)
    if q is None:
        return
    typo = [] if ar.miss(r, *q) <= cfg.near_miss_ratio else ar.ratio_typo(r, a, t)
    if ar.miss(r, *q) <= cfg.near_miss_ratio or typo:
        x = a.norm_value / t.norm_value
        found.flag("ratio" if r.norm_unit == "倍" else "completion", r, f"{a.text}/{t.text} = {ar.at_precision(x, r, 2)}"
                   f"（按所报精度为{ar.at_precision(x, r)}）" + (ar.typo_note(typo) if typo else ""), [a, t])
