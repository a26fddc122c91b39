"""Changes and growth rates against an earlier level stated in another sentence.

    上年全县发生火灾24起。…今年全县发生火灾18起，比上年少6起。
    去年同期全县新增就业3000人。…今年1-6月全县新增就业3300人，同比增长10%。
    上年末不良贷款率为2.21%。…年末不良贷款率降至1.83%，比上年末下降0.38个百分点。

A change (比上年少6起: a count after a change word; a change of a rate in
percentage points, against rate levels) or a growth rate (同比增长10%;
a multiple read as one: 增长1.5倍 is +150%, 是上年的1.15倍 +15%)
with the current level right before it in its sentence, and no earlier level
in that sentence, is tried against the earlier level stated elsewhere: a
count of the current level's unit before that sentence (within `whole_reach`),
or else after the change in the rest of its sentence or in the next one,
marked as an earlier period's (a previous-period cue in its
clause, not after 比/较), and named like the current level
(`shared_name_chars`). The nearest such level is the one meant; the relation verifies within the rounding of the
three numbers and is flagged when the earlier level it implies (current ∓
change, current/(1 ± rate)) is a near miss (`near_miss_total`) of the stated one.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from functools import lru_cache

from ..claims.clauses import clause_start, sentence_start
from ..document import Quantity
from ..resources import compile_pattern, load_yaml, require, word_list
from . import arithmetic as ar
from .neighbourhood import Index, common_run, is_count, is_rate, sentence_end
from .search_config import search_config
from .typos import difference_typos, growth_typos

_WORD_CHARS = 6      # how far before a change its direction word may start
# no earlier level of the indicator: a change, or a plan (年初市局下达…计划21.6亿元 is
# no level of last year's, whatever the 年初 before it)
_NOT_LEVELS = frozenset({"growth", "difference", "target", "basic_target", "full_target", "forecast"})
_PATTERNS = ("down", "up", "earlier", "times_of", "opens", "now", "bare", "dated_opens", "year")


@dataclass(frozen=True)
class EarlierWords:
    """checks.yaml's earlier_levels section: the words this check reads."""

    down: object
    up: object
    earlier: object
    compare: tuple[str, ...]
    times_of: object
    opens: object
    now: object
    bare: object
    dated_opens: object
    year: object


@lru_cache(maxsize=1)
def earlier_words() -> EarlierWords:
    data = load_yaml("checks.yaml")["earlier_levels"]
    require(data, (*_PATTERNS, "compare"), "checks.yaml: earlier_levels")
    return EarlierWords(compare=word_list(data, "compare", "checks.yaml: earlier_levels"), **{
        k: compile_pattern(data[k], f"checks.yaml: earlier_levels: {k}") for k in _PATTERNS})


def check_earlier(index: Index, found, cfg) -> None:
    text, w = index.text, earlier_words()
    cues = [m.start() for m in w.earlier.finditer(text) if text[max(0, m.start() - 1):m.start()] not in w.compare]
    if not cues and w.year.search(text) is None:
        return
    is_earlier = lambda q: _is_earlier(text, cues, q)     # noqa: E731
    for q in index.qs:
        if q.start in found.judged or q.group is not None or q.role not in ("growth", "difference"):
            continue
        q, down, note = as_growth(text, q)
        if down is None:
            continue
        if found.cfg.gap_to_target.search(text, clause_start(text, q.start), q.start):
            continue                # 实际死亡人数比控制指标少4人: a gap to a target, no change on an earlier level
        if q.norm_unit == "ratio_point" and any(
                p in text[clause_start(text, q.start):q.start] for p in search_config().pull_words):
            continue                # 拉动全市社零总额增长8.7个百分点: a part's contribution, no change of a level
        s = sentence_start(text, q.start)
        sent = index.between(s, q.start)
        points = q.norm_unit == "ratio_point"     # 比上年末下降0.38个百分点: a change of a rate
        levels = [c for c in sent if c.role not in ("growth", "difference")
                  and (is_rate(c) if points else is_count(c) and (is_rate(q) or c.norm_unit == q.norm_unit))]
        if any(is_earlier(c) for c in sent):
            if is_rate(q) or points:
                continue            # a rate against an earlier level of its sentence: relations._growth
            prev = next((c for c in reversed(levels) if is_earlier(c)), None)
            cur = next((c for c in reversed(levels) if not is_earlier(c) and prev is not None
                        and c.start < prev.start), None)
            if prev is not None and cur is not None and prev.norm_value > 0:
                _judge(found, q, cur, prev, down, cfg, note)
            continue
        cur = levels[-1] if levels else None
        if cur is None:
            continue
        prev = _earlier_level(index, cur, s, is_earlier, cfg) or \
            (_later_level(index, cur, q, is_earlier, cfg) if _cue_after(cues, q, cfg) else None) or \
            _unnamed_now(index, cur, s)
        if prev is not None and prev.norm_value > 0:
            _judge(found, q, cur, prev, down, cfg, note)


def _unnamed_now(index: Index, cur: Quantity, s: int) -> Quantity | None:
    """去年全县农村居民人均可支配收入为18600元。今年达到19900元，增长7.0%: a current
    level that names nothing, its sentence opening with a current period
    (`now`), right after a sentence that opens with a previous-period cue and
    states one level of its unit: that level is the earlier one."""
    text, w = index.text, earlier_words()
    if cur.indicator or not w.now.match(text, s) or s == 0:
        return None
    p = sentence_start(text, s - 1)
    if not w.opens.match(text, p):
        return None
    levels = [c for c in index.between(p, s) if c.norm_unit == cur.norm_unit and _level(c)
              and c.role not in _NOT_LEVELS]
    return levels[0] if len(levels) == 1 else None


def as_growth(text: str, q: Quantity) -> tuple[Quantity, bool | None, str | None]:
    """A multiple read as the growth rate it states: 增长1.5倍 is +150%, 是上年的
    1.15倍 is +15%; other quantities as they are, with their direction. The
    note says how a multiple was read (None for a quantity as written); a
    multiple of the earlier level (为上期的…) gets no typo reading, its digits
    not being the rate's."""
    if q.norm_unit != "倍" or q.value is None:
        return q, _direction(text, q), None
    w = earlier_words()
    head = text[max(clause_start(text, q.start), q.start - _WORD_CHARS - 6):q.start]
    if w.up.search(head):
        x, note = q.value, f"（{q.text}即增长{q.value * 100:g}%）"
    elif w.times_of.search(head):
        x, note = q.value - 1, f"（为上期的{q.text}即{'下降' if q.value < 1 else '增长'}{abs(q.value - 1) * 100:g}%）"
    else:
        return q, None, None
    return replace(q, value=abs(x), norm_value=abs(x), norm_unit="ratio"), x < 0, note


def stated_direction(text: str, q: Quantity) -> bool | None:
    """Whether the words right before q say it is a fall (True), a rise (False) or neither (None)."""
    return _direction(text, q)


def _direction(text: str, q: Quantity) -> bool | None:
    w = earlier_words()
    head = text[max(clause_start(text, q.start), q.start - _WORD_CHARS):q.start]
    if w.down.search(head):
        return True
    if w.up.search(head):
        return False
    return None


def _is_earlier(text: str, cues: list[int], q: Quantity) -> bool:
    """An earlier period's level: a previous-period cue (`cues`, none of them
    one of a comparison: 比上年多3起 is a change) in its clause before it."""
    k = bisect.bisect_left(cues, q.start) - 1
    return k >= 0 and cues[k] >= clause_start(text, q.start)


def _earlier_level(index: Index, cur: Quantity, sent_start: int, is_earlier, cfg) -> Quantity | None:
    name = cur.indicator or ""
    if len(name) < 2:
        return None
    for p in reversed(index.between(max(0, sent_start - cfg.whole_reach), sent_start)):
        if p.norm_unit == cur.norm_unit and p.role not in _NOT_LEVELS and _level(p) \
                and (is_earlier(p) or _dated_earlier(index.text, p, sent_start, cur)) \
                and _named_alike(name, p.indicator or "", cfg):
            return p
    return None


def _named_alike(name: str, earlier: str, cfg) -> bool:
    """The current level is named like the earlier one: a run of shared_name_chars
    in common, or the earlier name's head noun alone (普惠小微贷款余额 … 今年末余额)."""
    return common_run(name, earlier) >= cfg.shared_name_chars or (len(name) >= 2 and earlier.endswith(name))


def _dated_earlier(text: str, p: Quantity, s: int, cur: Quantity) -> bool:
    """2022年全县规上工业营业收入为128亿元。今年…达到139.5亿元，增长9.0%: p's
    sentence opens with a year (`dated_opens`) and the current level's sentence
    names, before it, the current period (`now`) or a later year."""
    w = earlier_words()
    m = w.dated_opens.match(text, sentence_start(text, p.start), p.start)
    if m is None:
        return False
    head = text[s:cur.start]
    later = [int(y.group("year")) for y in w.year.finditer(head)]
    return any(int(m.group("year")) < y for y in later) or (not later and w.now.search(head) is not None)


def _level(p: Quantity) -> bool:
    """A level: a count, or a rate (the earlier level of a change in points)."""
    return is_count(p) or is_rate(p)


def _cue_after(cues: list[int], q: Quantity, cfg) -> bool:
    """A previous-period cue after q within `whole_reach` (a cheap test before _later_level)."""
    k = bisect.bisect_left(cues, q.end)
    return k < len(cues) and cues[k] < q.end + cfg.whole_reach


def _later_level(index: Index, cur: Quantity, q: Quantity, is_earlier, cfg) -> Quantity | None:
    """The earlier level stated after the change: in the rest of its sentence
    (同比增长15%，去年同期为365万人次) or in the next sentence, named like the
    current level (增长7.1%。上年全县地区生产总值为174.1亿元); the first such."""
    text = index.text
    hi = sentence_end(text, q.end, cfg.whole_reach)
    nxt = sentence_end(text, hi + 1, cfg.whole_reach) if hi < len(text) and text[hi] not in "\r\n" else hi
    end = sentence_end(text, q.end, cfg.whole_reach, "\n")
    name = cur.indicator or ""
    first_next = True
    for p in index.between(q.end, end):
        if p.norm_unit != cur.norm_unit or p.role in _NOT_LEVELS or not _level(p):
            continue
        named = common_run(name, p.indicator or "") >= cfg.shared_name_chars
        if is_earlier(p) and (p.start < hi or named or (first_next and p.start < nxt and _bare(text, p))):
            return p
        if named and _earlier_sentence(text, p):
            return p            # 上年门诊量26.9万人次，出院病人1.19万人次: the cue opens the sentence
        first_next = first_next and p.start < hi
    return None


def _earlier_sentence(text: str, p: Quantity) -> bool:
    """A sentence that opens with a previous-period cue and names no current
    period before p: each of its levels is an earlier one."""
    s = sentence_start(text, p.start)
    w = earlier_words()
    return w.opens.match(text, s, p.start) is not None and w.now.search(text, s, p.start) is None


def _bare(text: str, p: Quantity) -> bool:
    """上年为8100元: an earlier level stated without a name, in the sentence
    right after the change (the first level there): the change's own."""
    return earlier_words().bare.match(text, clause_start(text, p.start), p.start) is not None


def _judge(found, q: Quantity, cur: Quantity, prev: Quantity, down: bool, cfg, note: str | None = None) -> None:
    sign = -1 if down else 1
    tol_levels = ar.tolerance(cur) + ar.tolerance(prev)
    if is_rate(q):
        computed = (cur.norm_value - prev.norm_value) / prev.norm_value
        tol = ar.tolerance(q) + tol_levels / prev.norm_value * (1 + abs(computed))
        implied = cur.norm_value / (1 + sign * q.norm_value) if 1 + sign * q.norm_value > 0 else None
        arith = f"({cur.text} − {prev.text})/{prev.text} = {ar.pct(computed)}"
    else:
        computed = cur.norm_value - prev.norm_value
        tol = ar.tolerance(q) + tol_levels
        implied = cur.norm_value - sign * q.norm_value
        a, b = (prev, cur) if down else (cur, prev)
        arith = f"{a.text} − {b.text} = {ar.at_precision(a.norm_value - b.norm_value, q)}"
    where = "前文" if prev.start < q.start else "后文"
    arith += note or ""
    if prev.norm_value == cur.norm_value and prev.norm_unit == cur.norm_unit and q.norm_value:
        return      # (a headline's 去年…完成1320.6亿元 over the year's 完成1320.6亿元，增长8.5%: one figure twice)
    if abs(computed - sign * q.norm_value) <= tol:
        found.verify("growth" if is_rate(q) else "difference", arith, [prev, cur, q], q)
    elif abs(computed + sign * q.norm_value) <= tol and abs(computed) > tol and not note:
        # 由2316人到2087人，写作“同比增加9.9%”: the size right, the direction word wrong
        found.flag("growth" if is_rate(q) else "difference", q, arith + f"（较早的水平{prev.text}见{where}），"
                   f"所报为{'下降' if down else '增长'}{q.text}，方向相反", [prev, cur], span=(cur.start, q.end), tail="")
    elif implied and implied > 0 and abs(implied - prev.norm_value) / prev.norm_value <= cfg.near_miss_total:
        found.flag("growth" if is_rate(q) else "difference", q, arith + f"（较早的水平{prev.text}见{where}）", [prev, cur],
                   span=(cur.start, q.end))
    elif not (note and note.startswith("（为上期的")) and \
            (typo := growth_typos(q, cur, prev) if is_rate(q) else difference_typos(q, cur, prev)):
        found.flag("growth" if is_rate(q) else "difference", q, arith + f"（较早的水平{prev.text}见{where}）" +
                   ar.typo_note(typo), [prev, cur], span=(cur.start, q.end))
