"""Completion rates against the actual and target of their own sentence.

    全年新增城镇就业6520人，完成率为108.7%，年度目标任务为6000人。
    今年计划植树造林1.2万亩，目前已完成1.05万亩，完成率87.5%。
    招商引资到位资金38.6亿元，为年度计划40亿元的96.5%。
    今年下达新增就业任务5000人，实际新增就业5360人，超额完成7.2%。

Read here, when no earlier check judged them: a completion rate (the claims
stage's completion_rate); a rate or a multiple written `为…的x%`, `是…的2.1倍`
with one amount inside the phrase; a rate by which the target was exceeded
(`over_cue`: 超额完成7.2%, read as actual/target − 1). Each is tried against
every amount / target pair of one unit in its sentence (a target read as one,
or after `target_words`; also after the rate, `sentence_reach`). It verifies
when one pair fits within the rounding of the written numbers. It is flagged
only when one pair is clearly meant: the one amount inside a `为…的` phrase
and the amount right before it, or the one target of the unit in the sentence
and the nearest other amount of that unit before the rate; and then only as a
near miss (`near_miss_ratio`) or when one mistyped digit explains the gap. A
completion rate with no target in its sentence is verified against the one
target of its unit stated before it (`whole_reach`) named like the amount
nearest before the rate (`shared_name_chars`; an amount naming nothing is
named by its rate). It is flagged by it only when the target stands in the
rate's paragraph with no other target of its unit after it, and the amount
either stands in the rate's own sentence or is named like the rate: a target
stated further off may be of another scope or period (on the synthetic
corpus, benchmarks/make_corpus.py, such flags were often false).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..claims.clauses import clause_start, sentence_start
from ..document import TARGET_ROLES, Quantity
from ..resources import compile_pattern, load_yaml, require, word, word_list
from . import arithmetic as ar
from .neighbourhood import Index, common_run, is_count, is_rate, named_alike, paragraph_bounds, sentence_end

_KEYS = ("target_words", "target_reach", "target_word_names", "of_cue", "sentence_reach", "over_cue", "of_end", "of_verbs", "over_mark")
_ENDS = "。；;\n"
_CLAUSE_ENDS = "，,。；;\n"
_RATES = frozenset({"ratio", "倍", "ratio_point"})


@dataclass(frozen=True)
class CompletionConfig:
    target_words: tuple[str, ...]
    target_reach: int
    target_word_names: tuple[str, ...]   # 预算收入: a target word inside a name
    of_cue: object
    sentence_reach: int
    over_cue: object
    of_end: str                     # 的: what a 为…的x% phrase ends with
    of_verbs: tuple[str, ...]       # 为, 达…: a cheap test before of_cue
    over_mark: str                  # 超: a cheap test before over_cue


@lru_cache(maxsize=1)
def completion_config() -> CompletionConfig:
    data = load_yaml("checks.yaml")["completion_search"]
    require(data, _KEYS, "checks.yaml: completion_search")
    where = "checks.yaml: completion_search"
    of_end, over_mark, verbs = word(data, "of_end", where), word(data, "over_mark", where), \
        word_list(data, "of_verbs", where)
    return CompletionConfig(tuple(data["target_words"]), int(data["target_reach"]),
                            word_list(data, "target_word_names", where),
                            compile_pattern(data["of_cue"], f"{where}: of_cue"), int(data["sentence_reach"]),
                            compile_pattern(data["over_cue"], f"{where}: over_cue"),
                            of_end, verbs, over_mark)


def check_completions(index: Index, found, cfg) -> None:
    cc = completion_config()
    text = index.text
    is_target = _Targets(text, cc)
    for r in [q for q in index.qs if q.norm_unit in _RATES]:
        if r.group is not None or r.approx or r.start in found.judged:
            continue
        phrase = _of_phrase(index, r, cc) if r.norm_unit != "ratio_point" else None
        if phrase is not None:
            _judge(found, r, [phrase], phrase, cfg)
        elif r.norm_unit != "倍" and _over(text, r, cc):
            pairs, meant = _sentence_pairs(index, r, cc, is_target)
            _judge(found, r, pairs, meant, cfg, over=True)
        elif r.role == "completion_rate" and r.norm_unit == "ratio":
            pairs, meant = _sentence_pairs(index, r, cc, is_target)
            if not pairs and meant is None:
                pairs, meant = _earlier_target(index, r, cc, cfg, is_target)
                if meant is not None and _used(found, meant[1]):
                    meant = None        # a target another completion verified with is that one's
            _judge(found, r, pairs, meant, cfg)


def _amounts(qs) -> list[Quantity]:
    return [q for q in qs if is_count(q) and "/" not in (q.norm_unit or "") and q.norm_value > 0]


def _of_phrase(index: Index, r: Quantity, cc) -> tuple | None:
    """为年度计划40亿元的96.5%: (the amount right before the phrase, the one inside)."""
    text = index.text
    if not text[max(0, r.start - 3):r.start].rstrip().endswith(cc.of_end):
        return None             # the phrase ends 的 right before the rate
    window = text[max(0, r.start - 30):r.start]
    if not any(w in window for w in cc.of_verbs):
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


class _Targets:
    """Which amounts are targets: read as one, or right after a target word
    (`target_reach`); looked up per amount and kept (no pass over the whole text)."""

    def __init__(self, text: str, cc):
        self.text, self.cc, self.seen = text, cc, {}

    def __call__(self, q: Quantity) -> bool:
        hit = self.seen.get(q.start)
        if hit is None:
            window = self.text[max(0, q.start - self.cc.target_reach):q.start]
            # (…占目标任务的231%，一般公共预算收入完成168万元: the target word of
            # the clause before is not this amount's)
            window = window[max(window.rfind(c) for c in _CLAUSE_ENDS) + 1:]
            for name in self.cc.target_word_names:
                window = window.replace(name, "")
            hit = self.seen[q.start] = q.role in TARGET_ROLES or any(w in window for w in self.cc.target_words)
        return hit


def _sentence_pairs(index: Index, r: Quantity, cc, is_target: "_Targets") -> tuple[list, tuple | None]:
    """Every (amount, target) pair of one unit in the rate's sentence, and the
    pair clearly meant, if one is."""
    text = index.text
    sent = _amounts(index.between(sentence_start(text, r.start), sentence_end(text, r.end, cc.sentence_reach, _ENDS)))
    marked = [is_target(q) for q in sent]
    targets = [t for t, m in zip(sent, marked) if m]
    pairs = [(a, t) for t in targets for a in sent if a is not t and a.norm_unit == t.norm_unit]
    if len(targets) != 1:
        return pairs, None
    t = targets[0]
    actual = [a for a, m in zip(sent, marked) if not m and a.start < r.start and a.norm_unit == t.norm_unit]
    return pairs, ((actual[-1], t) if actual else None)


def _over(text: str, r: Quantity, cc) -> bool:
    """超额完成7.2%: a rate by which the target was exceeded."""
    if cc.over_mark not in text[max(0, r.start - 16):r.start]:
        return False
    return cc.over_cue.search(text, clause_start(text, r.start), r.start) is not None


def _earlier_target(index: Index, r: Quantity, cc, cfg, is_target: "_Targets") -> tuple[list, tuple | None]:
    """年初确定新增城镇就业目标任务5000人。…全县新增城镇就业5360人，完成率107.2%:
    no target in the sentence; the amount nearest before the rate in it (or,
    with none there, the nearest amount of its paragraph's sentences before),
    and the target of its unit stated before that (within `whole_reach`)
    named like it."""
    text = index.text
    s = sentence_start(text, r.start)
    before = _amounts(index.between(s, r.start))
    para = paragraph_bounds(text, r.start)[0]
    by_name = False
    if not before:
        # 全年实际完成16.8亿元，同比增长5.1%。完成预算的105%: no amount in the rate's
        # sentence; the nearest one of the sentences before it in its paragraph
        lo = max(0, s - cfg.whole_reach, para)
        before, by_name = _named_amount([q for q in _amounts(index.between(lo, s)) if not is_target(q)], r, cfg)
        s = sentence_start(text, before[-1].start) if before else s
    # 累计完成76.4亿元，完成全年目标的98.9%: an amount that names nothing is named by its rate
    name = (before[-1].indicator or (r.indicator if before and before[-1].start >= s else None) or "") if before else ""
    if not before or len(name) < cfg.shared_name_chars:
        return [], None
    a = before[-1]
    named = [(_common_run(name, (t.indicator or "") + text[max(0, t.start - cfg.name_reach):t.start]), t)
             for t in _amounts(index.between(max(0, s - cfg.whole_reach), s))
             if t.norm_unit == a.norm_unit and is_target(t)]
    best = max((c for c, _ in named), default=0)
    found = [t for c, t in named if c == best]
    if best < cfg.shared_name_chars or len(found) != 1:
        # 新增城镇就业 of the target 城镇新增就业: the words in another order
        found = [t for _, t in named if named_alike(name, t.indicator)]
        if len(found) != 1:
            return [], None
        by_name = False
    t = found[0]
    # verified only, unless all three stand in one paragraph, the amount in the
    # rate's sentence or named like the rate, the target itself (not the words
    # before it) named like the amount, and no other target of the unit stands
    # between: a target elsewhere may be of another scope or period
    meant = (a, t) if (by_name or a.start >= sentence_start(text, r.start)) and t.start >= para and len(found) == 1 \
        and _common_run(name, t.indicator or "") >= cfg.shared_name_chars \
        and not any(is_target(x) and not _part_of(text, t, x, cfg) for x in _amounts(index.between(t.end, r.start))
                    if x.norm_unit == t.norm_unit) \
        else None
    return [(a, t)], meant


def _part_of(text: str, t: Quantity, x: Quantity, cfg) -> bool:
    """计划完成造林任务2.40万亩，其中储备林0.80万亩: x written as a part of t
    (after 其中 in t's sentence) is no other target."""
    between = text[t.end:x.start]
    return cfg.sum_cue.search(between) is not None and sentence_start(text, x.start) <= t.start


def _used(found, t: Quantity) -> bool:
    """Whether ``t`` is the target of a completion verified before."""
    return bool(found.completions_of(t))


def _named_amount(amounts: list[Quantity], r: Quantity, cfg) -> tuple[list[Quantity], bool]:
    """…实际完成森林抚育7.87万亩，另完成退化林修复1.3万亩。年末林地面积196万亩。
    森林抚育任务完成率为96.0%: of the amounts before, the nearest one named
    like the rate (`shared_name_chars`), else the nearest one; and whether
    it is named so."""
    name = r.indicator or ""
    named = [q for q in amounts if len(name) >= cfg.shared_name_chars
             and _common_run(name, q.indicator or "") >= cfg.shared_name_chars]
    return (named or amounts)[-1:], bool(named)


@lru_cache(maxsize=4096)
def _common_run(a: str, b: str) -> int:
    return common_run(a, b)


def _judge(found, r: Quantity, pairs: list, meant: tuple | None, cfg, over: bool = False) -> None:
    """``over``: the rate is actual/target − 1 (超额完成7.2%)."""
    shift = 1.0 if over else 0.0
    for a, t in pairs:
        q = ar.quotient(a, t)
        if q and ar.fits(r, q[0] - shift, q[1] - shift):
            found.verify_quotient("ratio" if r.norm_unit == "倍" else "completion", _arith(a, t, r, over, 2), a, t, r)
            return
    if meant is None:
        return
    a, t = meant
    if found.outranked(a, t, r):
        return
    q = ar.quotient(a, t)
    if q is None:
        return
    q = (q[0] - shift, q[1] - shift)
    typo = [] if ar.miss(r, *q) <= cfg.near_miss_ratio else _typos(r, a, t, q, over)
    if ar.miss(r, *q) <= cfg.near_miss_ratio or typo:
        x = a.norm_value / t.norm_value - shift
        found.flag("ratio" if r.norm_unit == "倍" else "completion", r, f"{_arith(a, t, r, over, 2)}"
                   f"（按所报精度为{ar.at_precision(x, r)}）" + (ar.typo_note(typo) if typo else ""), [a, t])


def _typos(r: Quantity, a: Quantity, t: Quantity, q: tuple, over: bool) -> list:
    """One mistyped digit explaining the gap (of the rate alone for an excess rate)."""
    if not over:
        return ar.ratio_typo(r, a, t)
    return [(r, x)] if q[0] > 0 and (x := ar.typo_reading(r, *q)) else []


def _arith(a: Quantity, t: Quantity, r: Quantity, over: bool, extra: int) -> str:
    x = a.norm_value / t.norm_value - (1 if over else 0)
    if over:
        return f"{a.text}/{t.text} − 1 = {ar.at_precision(x, r, extra)}"
    return f"{a.text}/{t.text} = {ar.at_precision(x, r, extra)}"
