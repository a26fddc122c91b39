"""Inconsistencies: numbers that contradict each other.

The sentence checks here (parts after 其中 in one sentence, completion against
a stated target, differences, growth against a stated earlier level, bounded
rates) run first; then the relation search over wider neighbourhoods
(rates.py, levels.py, units_sense.py, tables.py, formulas.py, sums.py) and the
document-wide checks (repeats.py). A relation that holds is recorded in
doc.meta["verified"] with its arithmetic; one that fails by a small margin (a
typo rather than a different relation) becomes a flag.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from ..claims.clauses import clause_start, sentence_start
from ..document import TARGET_ROLES, Document, Flag, Quantity
from ..quantities.lexicon import lexicon
from ..resources import compile_pattern, load_yaml, require, word_list
from . import arithmetic as ar
from .flags import make_flag
from .bases import check_bases
from .complements import check_complements
from .deductions import check_deductions
from .completions import check_completions
from .earlier import check_earlier, stated_direction
from .excess import check_excess
from .formulas import check_formulas
from .gaps import check_gaps
from .found import Found
from .levels import check_change_lists, check_level_lists, check_levels
from .neighbourhood import (Index, bracket_close, common_run, compatible, list_goes_on, named_alike, opens_bracket,
                            paragraph_bounds, without_subparts, written_as_change)
from .rates import check_rates
from .share_lists import check_share_lists
from . import readings
from .readings import completion_reading, difference_reading, growth_reading
from .remainders import check_remainders
from .repeats import check_item_values, check_mismatch, check_respectively
from .search_config import search_config
from .sums import check_sums
from .sum_columns import check_sum_columns
from .share_sums import check_share_sums
from .dated_levels import check_dated_levels
from .moves import check_moves
from .pace import check_pace
from .colon_sums import check_colon_sums
from .level_pairs import check_level_pairs
from .directions import check_compared, check_directions
from .labelled_rows import check_labelled_rows
from .named_differences import check_named_differences
from .identities import check_identities
from .same_period import check_same_period
from .trend_lists import check_trend_lists
from .trend_words import check_trend_words
from .pairs import check_pairs
from .per_capita import check_per_area, check_per_capita, check_per_heads, check_per_item, check_per_thousand
from .points import check_points
from .score_groups import check_score_groups
from .period_days import check_period_days
from .rates_after import check_rates_after
from .header_columns import check_header_columns
from .attributes import across_attributes
from .awards import check_awards, check_bracket_splits
from .structure import check_structure
from .table_heads import check_table_heads
from .tables import check_tables
from .table_totals import check_table_totals
from .totals import check_totals
from .typos import difference_typos, growth_typos
from .units_sense import check_units

COUNT_UNITS_EXCLUDED = frozenset({"ratio", "ratio_point", "倍"})
_SENTENCE_ROLES = frozenset({"completion_rate", "difference", "growth"})
_CHANGES = ("growth", "difference")     # a change or a gap: no level, no part, no amount done
_AMOUNTS = ("actual", "forecast")       # what a completion rate is of


@dataclass(frozen=True)
class Config:
    bounded: tuple[str, ...]
    unbounded: tuple[str, ...]
    parts_cue: str
    parts_stop: tuple[str, ...]
    previous_cues: tuple[str, ...]
    near_miss: float
    mismatch_min_chars: int
    dated_previous: "re.Pattern"
    not_scope: "re.Pattern"
    compared_words: tuple[str, ...]
    compared_not_before: tuple[str, ...]
    current_cues: tuple[str, ...]
    twice_scope: tuple[str, ...]        # 全县, 今年…: words a name opens with that set its scope or period
    twice_periods: tuple[str, ...]      # 全年, 今年…: periods that are the year's
    twice_lead: tuple[str, ...]         # 实现, 累计…: verbs a name may open with
    twice_near: float                   # two values this close (relative) are one mistyped
    twice_reach: int                    # …and this close in the text (characters)
    share_of_total: "re.Pattern"        # 占全县农户总数的: a share that cannot exceed 100%
    gap_to_target: "re.Pattern"         # 实际低于目标: a gap whose clause names the target it is to
    gap_to_others: "re.Pattern"         # 比全省平均水平高: a gap to another place's or an average level


_KEYS = ("bounded_rate_endings", "unbounded_rate_endings", "parts_cue", "parts_stop", "previous_level_cues", "near_miss",
         "mismatch_min_chars", "dated_previous_cue", "not_scope", "compared_words",
         "compared_not_before", "current_level_cues", "twice_scope", "twice_periods", "twice_lead", "twice_near", "twice_reach", "share_of_total",
         "gap_to_target", "gap_to_others")


@lru_cache(maxsize=1)
def config() -> Config:
    data = load_yaml("checks.yaml")["inconsistencies"]
    require(data, _KEYS, "checks.yaml: inconsistencies")
    return Config(tuple(data["bounded_rate_endings"]), tuple(data["unbounded_rate_endings"]), data["parts_cue"], tuple(data["parts_stop"]),
                  tuple(sorted(data["previous_level_cues"], key=len, reverse=True)), float(data["near_miss"]),
                  int(data["mismatch_min_chars"]),
                  compile_pattern(data["dated_previous_cue"], "checks.yaml: inconsistencies.dated_previous_cue"),
                  compile_pattern(data["not_scope"], "checks.yaml: inconsistencies.not_scope"),
                  word_list(data, "compared_words", "checks.yaml: inconsistencies"),
                  word_list(data, "compared_not_before", "checks.yaml: inconsistencies"),
                  word_list(data, "current_level_cues", "checks.yaml: inconsistencies"),
                  tuple(sorted(word_list(data, "twice_scope", "checks.yaml: inconsistencies"), key=len, reverse=True)),
                  word_list(data, "twice_periods", "checks.yaml: inconsistencies"),
                  tuple(sorted(word_list(data, "twice_lead", "checks.yaml: inconsistencies"), key=len, reverse=True)),
                  float(data["twice_near"]),
                  int(data["twice_reach"]),
                  compile_pattern(data["share_of_total"], "checks.yaml: inconsistencies.share_of_total"),
                  compile_pattern(data["gap_to_target"], "checks.yaml: inconsistencies.gap_to_target"),
                  compile_pattern(data["gap_to_others"], "checks.yaml: inconsistencies.gap_to_others"))


def find_inconsistencies(doc: Document, targets=()) -> list[Flag]:
    """The relation search over the document's quantities, with units that
    count the same thing (`same_units`: 名, 位 as 人) read as one."""
    with same_units(doc.quantities, search_config().same_units) as restore:
        flags = _search(doc, targets)
    restore(flags)
    return flags


@contextmanager
def same_units(quantities, mapping: dict):
    """Each quantity's norm_unit read through ``mapping`` while the block runs,
    then set back; yields a function that sets it back in flags' evidence too."""
    changed = [(q, q.norm_unit) for q in quantities if q.norm_unit in mapping]
    for q, unit in changed:
        q.norm_unit = mapping[unit]
    named = [(q, _unit_named(q.indicator)) for q in quantities if q.norm_unit is None and q.value is not None]
    named = [(q, u) for q, u in named if u is not None]
    for q, u in named:          # 门急诊人次42万: the unit ends the indicator's name
        q.norm_unit = u
    changed += [(q, None) for q, _ in named]
    spans = {(q.start, q.end): unit for q, unit in changed}

    def restore(flags) -> None:
        for f in flags:
            for e in f.evidence:
                if (e.get("start"), e.get("end")) in spans:
                    e["norm_unit"] = spans[(e["start"], e["end"])]
    try:
        yield restore
    finally:
        for q, unit in changed:
            q.norm_unit = unit


def _unit_named(indicator: str | None) -> str | None:
    """The normalized unit a count's indicator ends with (门急诊人次 -> 人次), when
    its number was written without one; units of two characters or more only."""
    if not indicator:
        return None
    units = lexicon().units
    for n in (3, 2):
        u = units.get(indicator[-n:])
        if u is not None:
            return u.norm
    return None


def _search(doc: Document, targets=()) -> list[Flag]:
    found = Found(doc.text, config())
    index = Index.of(doc)
    # a table whose header names its plan, done and rate columns is read by
    # column first: a rate cell then pairs with the column its header names
    check_header_columns(index, found, search_config())
    last: list[Quantity] = []
    earlier: list[Quantity] = []    # the numbers of the sentences before (completions' other targets)
    for sent in _sentences(doc):
        for i, q in enumerate(sent):
            _bound(found, q)
            if q.role not in _SENTENCE_ROLES:
                continue
            before = sent[:i]       # (only for the roles that read it: a copy per quantity)
            if q.role == "completion_rate":
                if q.start in found.judged:
                    continue
                if not _completion(found, q, before, last, earlier) and targets:
                    _completion_from_file(found, q, before, targets)
            elif q.role == "difference" or (q.role == "growth" and q.norm_unit == "ratio_point"):
                _difference(found, q, _level_before(found, sent, last, q) + _actual_before(found, last, before, q)
                            + before + _earlier_after(found, q, islice(sent, i + 1, None)), before)
            elif q.role == "growth":
                _growth(found, q, sent, before, last)
        _parts(found, sent)
        last = sent
        earlier.extend(sent)
    check_excess(index, found, search_config())
    check_complements(index, found, search_config())
    check_bases(index, found, check_rates(index, found, search_config()), search_config())
    check_share_lists(index, found, search_config())
    check_completions(index, found, search_config())
    check_dated_levels(index, found, search_config())
    check_moves(index, found, search_config())
    check_pace(index, found, search_config())
    check_level_pairs(index, found, search_config())
    check_levels(index, found, search_config())
    check_level_lists(index, found, search_config())
    check_change_lists(index, found, search_config())
    check_earlier(index, found, search_config())
    check_units(index, found, search_config())
    check_tables(index, found, search_config())
    check_table_heads(doc, found, search_config())
    check_table_totals(doc, found, search_config())
    check_formulas(doc, found, search_config())
    check_sums(index, found, search_config())
    check_colon_sums(index, found, search_config())
    check_totals(index, found, search_config())
    check_pairs(index, found, search_config())
    check_sum_columns(index, found, search_config())
    check_directions(index, found, search_config())
    check_trend_lists(index, found, search_config())
    check_same_period(index, found, search_config())
    check_period_days(index, found, search_config())
    check_named_differences(index, found, search_config())
    check_identities(index, found, search_config())
    check_labelled_rows(index, found, search_config())
    check_trend_words(index, found, search_config())
    check_compared(index, found, search_config())
    check_per_capita(index, found, search_config())
    check_per_thousand(index, found, search_config())
    check_per_heads(index, found, search_config())
    check_per_item(index, found, search_config())
    check_per_area(index, found, search_config())
    check_remainders(index, found, search_config())
    check_gaps(index, found, search_config())
    check_points(index, found, search_config())
    check_deductions(index, found, search_config())
    check_score_groups(index, found, search_config())
    check_awards(index, found, search_config())
    check_bracket_splits(index, found, search_config())
    check_structure(doc, found, search_config())
    check_share_sums(index, found, search_config())
    check_rates_after(index, found, search_config())
    check_respectively(doc, found)
    check_mismatch(doc, found, search_config())
    check_item_values(doc, found, search_config())
    doc.meta["verified"] = found.verified
    return _not_contradicted(found)


def _not_contradicted(found: Found) -> list[Flag]:
    """The flags, less a sum flag whose total and parts all belong to a sum
    verified as written with more parts (…612.4万人次，其中386.9…，208.3…。
    …17.2万人次: the breakdown goes on past the sentence; stop 42's tests): a
    relation that holds as written accuses nothing of its own first parts."""
    wholes = [{tuple(s) for s in v["spans"]} for v in found.verified if v["kind"] == "sum"]
    if not wholes:
        return found.flags
    def contradicted(f: Flag) -> bool:
        spans = {(e["start"], e["end"]) for e in f.evidence or ()}
        return f.subtype == "sum" and len(spans) >= 2 and any(spans < w for w in wholes)
    return [f for f in found.flags if not contradicted(f)]


def _sentences(doc: Document) -> list[list[Quantity]]:
    out, key = [], None
    for q in doc.quantities:
        if q.norm_value is None:
            continue
        k = sentence_start(doc.text, q.start)
        if k != key:
            out.append([])
            key = k
        out[-1].append(q)
    return out


def _is_count(q: Quantity) -> bool:
    return q.norm_unit not in COUNT_UNITS_EXCLUDED


def _bound(found: Found, q: Quantity) -> None:
    """A rate bounded by its name (合格率, 覆盖率) or a share of a whole that counts
    all of it (占全县农户总数的135.2%) above 100%."""
    ind = q.indicator or ""
    if q.norm_unit != "ratio" or q.norm_value <= 1 + ar.tolerance(q):
        return
    share = q.role in ("actual", "other", None) and \
        found.cfg.share_of_total.search(found.text, clause_start(found.text, q.start), q.start) is not None
    if share or q.role == "actual" and ind.endswith(found.cfg.bounded) and not ind.endswith(found.cfg.unbounded):
        found.flags.append(make_flag(found.text, q.start, q.end, "inconsistency", "bound",
                                     f"{ind} {q.text} exceeds 100%", [q], None, indicator=ind, value=q.text))


def _nearest(qs, pred):
    for q in reversed(qs):
        if pred(q):
            return q
    return None


def _completion(found: Found, c: Quantity, before: list[Quantity], last: list[Quantity] = (),
                earlier: list[Quantity] = ()) -> None:
    """完成年度目标40亿元的91.5% with 到位资金32.6亿元: actual/target. The
    sentence before lends what this one lacks: the target across a ；
    (调整后预算3000万元；全年实际支出2910万元，预算执行率97%), the actual when
    it names the target's indicator (已完成投资3.9亿元。按全年6亿元的目标计算，完成进度为65%)."""
    if c.approx is not None and search_config().rule_condition_after.match(found.text, c.end):
        return True         # (完成率低于80%的，本项不得分: a scoring rule's condition, no rate stated)
    head = found.text[max(0, c.start - 12):c.start]
    wanted = ("basic_target",) if "基本" in head else ("full_target",) if "满分" in head else (
        "target", "basic_target", "full_target")
    is_target = lambda q: q.role in wanted and _is_count(q)     # noqa: E731
    listed = _listed_pair(c, before, is_target)
    if listed is not None:
        _judge_completion(found, c, *listed)
        return True
    sentence = before
    target = _nearest(before, is_target)
    if target is None and last and _same_sentence(found.text, last[-1], c):
        target = _nearest(last, is_target)
        before = [q for q in last if q.role == "actual"] + before
    if target is None:
        return False
    # (预计全年造林可达4.4万亩，完成省下达任务（4万亩）的110%: the amount expected)
    actual = _nearest(before, lambda q: q.role in _AMOUNTS and q.norm_unit == target.norm_unit)
    if actual is None and last and target in before:
        actual = _nearest(last, lambda q: q.role == "actual" and q.norm_unit == target.norm_unit
                          and common_run(q.indicator or "", target.indicator or "") >= 2)
    if actual is None or not target.norm_value:
        return False
    if _named_elsewhere(c, actual, sentence):
        return True         # (…实现劳务收入21.6亿元，务工人数已超过全年60万人的任务，劳务收入完成了
        #                     全年任务的58.2%: the rate is of 劳务收入, whose target is not given)
    para = paragraph_bounds(found.text, c.start)[0]
    others = [q for q in _tail_from(earlier, para) + list(sentence) if q is not target and is_target(q)
              and q.norm_unit == target.norm_unit and q.start < c.start]
    # (stop 42's annotated pages: the whole task may be named by an amount of the
    # unit that is no target, in the line or the line above: 30万人易地扶贫搬迁（…）。…
    # 下达计划32.5万人，完成24.6万人，占总计划的82.0%: 24.6/30)
    above = paragraph_bounds(found.text, para - 1)[0] if para > 0 else para
    others += [q for q in _tail_from(earlier, max(above, c.start - search_config().whole_reach))
               if q is not target and q is not actual and q not in others and q.norm_unit == target.norm_unit
               and _is_count(q) and q.norm_value >= actual.norm_value and q.role not in _CHANGES]
    if c.indicator and not named_alike(c.indicator, actual.indicator) \
            and any(q.role == "completion_rate" and max(actual.start, target.start) < q.start < c.start
                    for q in list(last) + list(sentence)):
        return True         # (…实际开工47个，完成开工计划的90.4%；用地保障指标完成率为96.5%: the pair's rate is written)
    _judge_completion(found, c, actual, target, sentence, others)
    return True


def _quotient_tolerance(c: Quantity, actual: Quantity, target: Quantity, q: float) -> float:
    """How far c may stand from q = actual/target: the rounding of the three numbers."""
    return ar.tolerance(c) + q * (ar.tolerance(actual) / max(actual.norm_value, 1e-9)
                                  + ar.tolerance(target) / target.norm_value)


def _tail_from(qs: list[Quantity], start: int) -> list[Quantity]:
    """The quantities of ``qs`` (in text order) from ``start`` on."""
    i = len(qs)
    while i and qs[i - 1].start >= start:
        i -= 1
    return qs[i:]


def _named_elsewhere(c: Quantity, actual: Quantity, sentence: list[Quantity]) -> bool:
    """The completion rate is named like an amount of another unit in its
    sentence, and not like the actual picked for it."""
    if not c.indicator or named_alike(c.indicator, actual.indicator):
        return False
    return any(q.norm_unit != actual.norm_unit and q.role == "actual" and named_alike(c.indicator, q.indicator)
               for q in sentence if q.end <= c.start)


def _judge_completion(found: Found, c: Quantity, actual: Quantity, target: Quantity,
                      sentence: list[Quantity] = (), others: list[Quantity] = ()) -> None:
    """c against actual/target, within the rounding of the three numbers;
    other pairs of ``sentence`` are tried before a miss is flagged, and the
    other targets of the unit before c (``others``: 年度计划投资105.53亿元。其中新建…
    43.1亿元；续建…62.43亿元；…完成投资59.6亿元，占年度计划的56.47%: the whole's)."""
    computed = actual.norm_value / target.norm_value
    tol = _quotient_tolerance(c, actual, target, computed)
    if not ar.near(c.norm_value, computed, tol) and _other_reading(found, c, "completion", completion_reading,
                                                                   sentence, (actual, target)):
        return
    if not ar.near(c.norm_value, computed, tol):
        for t in others:
            q = actual.norm_value / t.norm_value if t.norm_value else None
            if q is not None and ar.near(c.norm_value, q, _quotient_tolerance(c, actual, t, q)):
                found.verify("completion", f"{actual.text}/{t.text} = {ar.pct(q)}", [actual, t, c], c)
                return
    if ar.near(c.norm_value, computed, tol):
        found.verify_quotient("completion", f"{actual.text}/{target.text} = {ar.pct(computed)}", actual, target, c)
    elif not found.outranked(actual, target, c) and not found.target_of_another(actual, target):
        found.judge(c, computed, tol, [actual, target], "completion",
                    f"{actual.text}/{target.text} = {ar.pct(computed)}", typos=lambda: ar.ratio_typo(c, actual, target))


def _listed_pair(c: Quantity, before: list[Quantity], is_target) -> tuple | None:
    """削减化学需氧量1286吨、氨氮142吨，年度减排任务分别为1240吨和140吨，分别完成
    任务的103.7%和101.4%: the k-th rate of a 分别 list is of the k-th target of the
    list of targets before it and the k-th of as many amounts before those."""
    if c.group is None:
        return None
    k = sum(1 for q in before if q.group == c.group)
    listed = [q for q in before if q.group is not None and q.group != c.group and is_target(q)]
    if not listed:
        return None
    targets = [q for q in before if q.group == listed[-1].group]
    if k >= len(targets) or any(t.norm_unit != targets[0].norm_unit or not t.norm_value for t in targets):
        return None
    amounts = [q for q in before if q.role == "actual" and q.end <= targets[0].start
               and q.norm_unit == targets[0].norm_unit][-len(targets):]
    return (amounts[k], targets[k]) if len(amounts) == len(targets) else None


def _completion_from_file(found: Found, c: Quantity, before: list[Quantity], targets) -> None:
    """完成县下达任务的106% with the target from the user's targets file."""
    actual = _nearest(before, lambda q: q.role == "actual" and _is_count(q))
    if actual is None:
        return
    for t in targets:
        same = (t.indicator_id and t.indicator_id == actual.indicator_id) or t.indicator == actual.indicator
        if same and t.norm_unit == actual.norm_unit and t.norm_value and (not t.period or t.period == actual.period):
            computed = actual.norm_value / t.norm_value
            tol = ar.tolerance(c) + computed * ar.tolerance(actual) / max(actual.norm_value, 1e-9)
            found.judge(c, computed, tol, [actual], "completion",
                        f"{actual.text}/{t.text}（目标文件） = {ar.pct(computed)}")
            return


def _difference(found: Found, d: Quantity, before: list[Quantity], sentence: list[Quantity] = ()) -> None:
    """增速7.6%，比基本任务8.5%低1.2个百分点: |7.6% - 8.5%| = 0.9.
    ``sentence``: the numbers before d in its sentence, tried in other pairs
    before a miss is flagged (readings.py)."""
    if found.text.startswith(search_config().average_after, d.end):
        return                  # 高于省、市7.5%平均水平: the level compared with, not a gap
    if any(w in found.text[clause_start(found.text, d.start):d.start] for w in search_config().pull_words):
        return                  # 拉动全市社零总额增长8.7个百分点: a part's contribution, not a gap
    listed = _listed_gap(d, before)
    if listed is not None:
        _judge_gap(found, d, *listed, sentence)
        return
    others = [q for q in before if (q.role != "difference" or _benchmark_of(found, q, d)) and compatible(q, d)
              and (d.group is None or q.group != d.group)    # (分别回落3.8、3.1个百分点: one list of gaps)
              and not _unit_shared_with(found.text, q, d)     # (相比回落3.8和9.7个百分点: so is this one)
              and not (d.role == "growth" and q.role in TARGET_ROLES)]     # (同比下降0.06个百分点: not of a target)
    if len(others) < 2:
        return
    b = others[-1]
    if b.start > d.start:       # the compared value restated after: the other is the subject's own,
        # not a value compared with before it (比邻县的7.3%高出…，但比东城区低1.4个百分点，东城区为10.5%)
        others = [q for q in others[:-1] if not _compared(found, q)] + [b]
        if len(others) < 2:
            return
    a = _nearest(others[:-1], lambda q: (q.role in TARGET_ROLES) != (b.role in TARGET_ROLES))
    if a is None:           # 由去年的5.4%提高到今年的6.85%: an earlier period's value and this one's
        a = _nearest(others[:-1], lambda q: _after_cue(found, q) != _after_cue(found, b))
    if a is None and b.start < d.start and _compared_in_clause(found, b, d):
        # 森林覆盖率为58.4%，比全省的61.2%低2.8个百分点: the value compared with is
        # written in the difference's own comparison (its clause); the subject's own is
        # the nearest before it that is not compared
        a = _nearest(others[:-1], lambda q: not _compared(found, q))
    if a is None and b.start > d.start:         # the compared value restated after the difference
        a = others[-2]
    if a is None or a.end == b.start or b.end == a.start:
        return      # (two values written together are cells of a flattened form, 100%96%: no gap stated of them)
    if (a.role in TARGET_ROLES or b.role in TARGET_ROLES) and _gap_to_others(found, d):
        return      # (…比目标低0.9个百分点，比全省平均水平高0.5个百分点: the province's level is not written)
    _judge_gap(found, d, a, b, sentence)


def _gap_to_others(found: Found, d: Quantity) -> bool:
    """d's clause compares with another place's or an average level
    (`gap_to_others`: 比全省平均水平高, 高于全市), not with a target."""
    cs = clause_start(found.text, d.start)
    return found.cfg.gap_to_others.search(found.text, cs, d.start) is not None \
        and found.cfg.gap_to_target.search(found.text, cs, d.start) is None


def _listed_gap(d: Quantity, before: list[Quantity]) -> tuple[Quantity, Quantity] | None:
    """目标分别为58%、90%和85%，实际分别达到60.5%、92.1%和88.4%，分别高出目标2.5、
    2.1和3.4个百分点: the k-th gap of a list is between the k-th items of the two
    lists of as many values before it."""
    if d.group is None:
        return None
    k = sum(1 for q in before if q.group == d.group)
    groups: list = []
    for q in before:
        if q.group is not None and q.group != d.group and q.group not in groups:
            groups.append(q.group)
    if len(groups) < 2:
        return None
    first, second = ([q for q in before if q.group == g] for g in groups[-2:])
    if len(first) != len(second) or k >= len(first) or not all(compatible(q, d) for q in first + second):
        return None
    return first[k], second[k]


def _judge_gap(found: Found, d: Quantity, a: Quantity, b: Quantity, sentence: list[Quantity]) -> None:
    """d against |a − b| (or the relative difference), within rounding."""
    computed = abs(a.norm_value - b.norm_value)
    tol = ar.tolerance(d) + ar.tolerance(a) + ar.tolerance(b)
    if b.norm_value and d.norm_unit != "ratio_point" and abs(abs(a.norm_value - b.norm_value) / b.norm_value - d.norm_value) <= tol:
        computed = abs(a.norm_value - b.norm_value) / b.norm_value     # a relative difference
    if d.norm_value < 0:
        computed = -computed    # a signed gap (a table's 与目标差距 -0.7): the sign says which side, not how far
    if not ar.near(d.norm_value, computed, tol) and _other_reading(found, d, "difference", difference_reading,
                                                                   sentence, (a, b)):
        return
    implied = (b.norm_value + d.norm_value, b.norm_value - d.norm_value)
    level = min(implied, key=lambda x: abs(x - a.norm_value))
    sign = "−" if computed < 0 else ""
    found.judge(d, computed, tol, [a, b], "difference", f"{sign}|{a.text} − {b.text}| = {_fmt(computed, d)}",
                levels=(a.norm_value, level) if computed < 1 else None, typos=lambda: difference_typos(d, a, b))


def _unit_shared_with(text: str, q: Quantity, d: Quantity) -> bool:
    """回落3.8和9.7个百分点: q written bare right before d, joined to it by a
    list mark, takes d's unit from it (GUIDE.md: a unit written once for a
    list): the two are items of one list, not a value and a gap to it."""
    if q.end > d.start or not q.unit or q.unit != d.unit or q.text.endswith(q.unit):
        return False
    return text[q.end:d.start].strip() in search_config().list_marks


def _other_reading(found: Found, stated: Quantity, kind: str, reading, before: list[Quantity],
                   picked: tuple[Quantity, Quantity]) -> bool:
    """Another pair of the numbers right before ``stated`` in its sentence,
    keeping one of the two ``picked`` or the number right before it, gives it
    within rounding: the relation is verified with that pair."""
    window = readings.before(stated, before)
    pair = reading(stated, window, picked + tuple(window[-1:]))     # (or the number right before it)
    if pair is None:
        return False
    found.verify(kind, f"{pair[0].text}、{pair[1].text} → {stated.text}", list(pair), stated)
    return True


def _benchmark_of(found: Found, q: Quantity, d: Quantity) -> bool:
    """q, read as a difference, is the value d's comparison is made with, written
    right before d (低于全省平均水平97.1%约2.5个百分点: 97.1% is the province's level)."""
    gap = found.text[q.end:d.start]
    return len(gap) <= 2 and not any(ch.isdigit() or ch in "，,。；;、和及与\n" for ch in gap) \
        and _compared_in_clause(found, q, d)


def _compared_in_clause(found: Found, b: Quantity, d: Quantity) -> bool:
    """b is the value compared with in d's own comparison: 比全省的61.2%低2.8个百分点,
    比全省平均水平（89.6%）高3.8个百分点 (a bracket around b is inside the clause)."""
    text = found.text
    lo = _outside_bracket(text, b.start)
    cs = clause_start(text, lo)
    if cs != clause_start(text, _outside_bracket(text, d.start)):
        return False
    return _compared_end(text[cs:lo], found.cfg.compared_words, found.cfg.compared_not_before) >= 0


def _outside_bracket(text: str, pos: int) -> int:
    """pos, or where the bracket pos stands right inside opens (（89.6%）高…: the clause goes on)."""
    if text[pos - 1:pos] in ("（", "("):
        return pos - 1
    close = max(text.rfind("）", max(0, pos - 3), pos), text.rfind(")", max(0, pos - 3), pos))
    if close >= 0:
        opening = max(text.rfind("（", max(0, close - 24), close), text.rfind("(", max(0, close - 24), close))
        return opening if opening >= 0 else pos
    return pos


def _compared(found: Found, q: Quantity) -> bool:
    """q is a value compared with: 比/较/高于… stands in its clause before it
    (比邻县的7.3%; not the 比 of 比例, 比重)."""
    head = found.text[clause_start(found.text, q.start):q.start]
    return _compared_end(head, found.cfg.compared_words, found.cfg.compared_not_before) >= 0


def _compared_end(head: str, words: tuple[str, ...], not_before: tuple[str, ...]) -> int:
    """Where the last comparison word of ``head`` ends, or -1."""
    last = None
    for last in _compared_rx(words, not_before).finditer(head):
        pass
    return last.end() if last is not None else -1


@lru_cache(maxsize=2)
def _compared_rx(words: tuple[str, ...], not_before: tuple[str, ...]):
    after = "(?!" + "|".join(map(re.escape, not_before)) + ")"
    return re.compile("|".join(re.escape(w) + (after if len(w) == 1 else "")
                               for w in sorted(words, key=len, reverse=True)))


def _earlier_after(found: Found, d: Quantity, after) -> list[Quantity]:
    """增速比上年提高1.3个百分点，上年增长7.2%: the earlier period's (or the
    compared) value stated right after the difference in its sentence (the
    first compatible value), and this period's after it when its clause names
    it so (`current_level_cues`: 年末为)."""
    same = (q for q in after if compatible(q, d))     # (lazy: a long sentence's rest is not walked)
    nxt = next(same, None)
    if nxt is None or nxt.role == "difference":
        return []
    if _after_cue(found, nxt):
        # 比年初下降0.48个百分点，年初为3.15%，年末为2.67%: this period's level named next
        now = next(same, None)
        return [nxt, now] if now is not None and _opens_with(found, now, found.cfg.current_cues) else [nxt]
    return [nxt] if _restated(found.text, d, nxt, found.cfg.compared_words, found.cfg.compared_not_before) else []


def _opens_with(found: Found, q: Quantity, cues: tuple[str, ...]) -> bool:
    """q's clause, up to q, is one of ``cues`` (年末为)."""
    return found.text[max(clause_start(found.text, q.start), q.start - 16):q.start].strip() in cues


def _restated(text: str, d: Quantity, nxt: Quantity, words: tuple[str, ...], not_before: tuple[str, ...]) -> bool:
    """比全省平均水平高3.2个百分点，全省为55.4%: the value compared with, stated
    right after in a clause that opens with the compared name (two characters
    of it at least); the name follows 比/较 or a comparison word (高于省定目标
    3.5个百分点，省定目标为85%, `compared_words`)."""

    head = text[clause_start(text, d.start):d.start]
    at = _compared_end(head, words, not_before)
    name = text[clause_start(text, nxt.start):nxt.start].strip()
    return at >= 0 and len(name) <= 8 and common_run(head[at:], name) >= 2 and name[:2] in head[at:]


def _fmt(x: float, like: Quantity) -> str:
    if like.norm_unit in ("ratio", "ratio_point"):
        return f"{x * 100:.2f}".rstrip("0").rstrip(".") + ("个百分点" if like.norm_unit == "ratio_point" else "%")
    if not like.value:
        return f"{x:g}"
    scale = like.norm_value / like.value                  # 0.48亿立方米, not 4.8e+07
    return f"{x / scale:.{ar.decimals(like) + 1}f}".rstrip("0").rstrip(".") + (like.unit or "")


def _growth(found: Found, g: Quantity, sent: list[Quantity], before: list[Quantity],
            last: list[Quantity] = ()) -> None:
    """民间投资完成23.4亿元，上年同期为21.9亿元，同比增长12.8%: (23.4-21.9)/21.9;
    the current level may close the sentence before one that opens with the
    earlier level (…利润4.2亿元。去年同期为3.5亿元，同比增长20%。)."""
    if g.norm_unit != "ratio" or g.group is not None:
        return
    named = search_config().counted_unit.search(found.text, max(0, g.start - _UNIT_LABEL_CHARS), g.start)
    unit = named.group(1) if named is not None and any(q.unit == named.group(1) for q in before) else None
    if unit is not None:        # 同比件数下降27.41%、人数下降31.06% after 352件416人: the count of its unit
        before = [q for q in before if q.unit == unit]
        sent = [q for q in sent if q.unit == unit or q.start >= g.start]
    prev = _nearest(before, lambda q: _is_count(q) and _after_cue(found, q))
    after = False
    if prev is None and not any(_is_count(q) and q.norm_unit != "ratio" for q in before):
        # 比上年增长12.5%，达到450万人次，上年为400万人次: the rate opens its sentence, the levels follow
        later = [q for q in sent if q.start > g.end]
        prev = next((q for q in later[1:2] if _is_count(q) and q.role == "actual" and _after_cue(found, q)), None)
        after = prev is not None
    if prev is None or not prev.norm_value:
        return
    cur = _nearest([q for q in sent if q is not prev and (q.start < g.start or after and g.end < q.start < prev.start)],
                   lambda q: q.norm_unit == prev.norm_unit and q.role != "growth"
                   and not written_as_change(found.text, q, search_config()))
    if cur is None and last and prev is sent[0] and _opens_sentence(found, prev) and last[-1].role == "actual" \
            and last[-1].norm_unit == prev.norm_unit:
        cur = last[-1]
    if cur is None:
        return
    up = (cur.norm_value - prev.norm_value) / prev.norm_value
    computed = abs(up)
    tol = ar.tolerance(g) + (ar.tolerance(cur) + ar.tolerance(prev)) / prev.norm_value
    down = stated_direction(found.text, g)
    if down is not None and abs(computed - g.norm_value) <= tol and computed > tol and (up < 0) != down:
        # 由上年的2316人减少到2087人，同比增加9.9%: the size right, the direction word wrong
        found.flag("growth", g, f"({cur.text} − {prev.text})/{prev.text} = {ar.pct(up)}，"
                   f"所报为{'下降' if down else '增长'}{g.text}，方向相反", [cur, prev], tail="")
        return
    if not ar.near(g.norm_value, computed, tol) and _other_reading(found, g, "growth", growth_reading, before,
                                                                   (cur, prev)):
        return
    implied = prev.norm_value * (1 + g.norm_value if up >= 0 else 1 - g.norm_value)
    found.judge(g, computed, tol, [cur, prev], "growth",
                f"({cur.text} − {prev.text})/{prev.text} = {ar.pct(up)}", levels=(cur.norm_value, implied),
                typos=lambda: growth_typos(g, cur, prev))


_UNIT_LABEL_CHARS = 10     # how far before a rate its unit's name (件数, 人数) is looked for


def _same_sentence(text: str, a: Quantity, b: Quantity) -> bool:
    """a and b in one sentence up to 。, parted by ；."""
    between = text[a.end:b.start]
    return ("；" in between or ";" in between) and not any(ch in between for ch in "。！？!?\n")


def _level_before(found: Found, sent: list[Quantity], last: list[Quantity], d: Quantity) -> list[Quantity]:
    """…管理率达到95.6%。上年为93.8%，今年提高1.8个百分点: a sentence that opens
    with last period's level compares it with the level closing the sentence
    before (that level, or nothing)."""
    if not last or not sent or sent[0] is d or not _opens_sentence(found, sent[0]):
        return []
    q = last[-1]
    return [q] if q.role == "actual" and compatible(q, d) and compatible(q, sent[0]) else []


def _actual_before(found: Found, last: list[Quantity], before: list[Quantity], d: Quantity) -> list[Quantity]:
    """…失业率为5.1%。年度控制目标为5.5%，实际低于目标0.6个百分点: a gap to a
    target named in its own clause (`gap_to_target`), whose sentence holds the
    target and no level of its own, is of the level closing the sentence before
    (tried at stop 34 for any gap whose sentence holds only the value compared
    with: on real report pages it paired rates of other measures, 比年初下降…)."""
    if not last or not before:
        return []
    mine = [q for q in before if compatible(q, d)]
    # (…死亡9人（上年为26起、12人）: not the earlier period's level the sentence closes on)
    level = next((q for q in reversed(last) if compatible(q, d) and q.role not in _CHANGES
                  and not _after_cue(found, q) and not _in_earlier_note(found, q)), None)
    if not mine or level is None or level.role != "actual":
        return []
    if found.cfg.gap_to_target.search(found.text, clause_start(found.text, d.start), d.start):
        return [level] if all(q.role in TARGET_ROLES for q in mine) else []
    return []


def _in_earlier_note(found: Found, q: Quantity) -> bool:
    """q stands in a parenthesis that opens with a previous-period cue (（上年为26起、12人）)."""
    head = found.text[max(0, q.start - _NOTE_CHARS):q.start]
    opened = max(head.rfind("（"), head.rfind("("))
    if opened < 0 or ")" in head[opened:] or "）" in head[opened:]:
        return False
    return head[opened + 1:].lstrip().startswith(found.cfg.previous_cues)


_NOTE_CHARS = 24


def _opens_sentence(found: Found, q: Quantity) -> bool:
    """去年同期为3.5亿元: q's sentence opens with a previous-period cue and q right after it."""
    return found.text[sentence_start(found.text, q.start):q.start].strip() in found.cfg.previous_cues


def _after_cue(found: Found, q: Quantity) -> bool:
    """q is an earlier period's level: a cue (上年, 去年同期为) right before it,
    or a few words of scope between (较去年清理后全年94.36%), none of them a
    change or a comparison."""
    head = found.text[max(0, q.start - 8 - _SCOPE_CHARS):q.start]
    if found.cfg.dated_previous.search(head):
        return True             # 较2019年的118个: a year compared with is an earlier one
    m = _cue_pattern(found.cfg.previous_cues).search(head)
    if m is None:
        return _opens_clause(found, q)
    return found.cfg.not_scope.search(m.group("scope")) is None or head.endswith(found.cfg.previous_cues) \
        or _opens_clause(found, q)


def _opens_clause(found: Found, q: Quantity) -> bool:
    """A clause that opens with a previous-period cue (，上年增长7.2%): last
    period's value, whatever verb stands between."""
    window = found.text[max(0, q.start - 8 - _SCOPE_CHARS):q.start]
    if "上年" not in window and "去年" not in window and "上一年" not in window:
        return False            # (every previous-period cue holds one of these: a cheap test first)
    start = clause_start(found.text, q.start)
    head = found.text[start:q.start].lstrip()
    return q.start - start <= 8 + _SCOPE_CHARS and head.startswith(found.cfg.previous_cues)


_SCOPE_CHARS = 5


@lru_cache(maxsize=4)
def _cue_pattern(cues: tuple):
    words = "|".join(map(re.escape, cues))         # longest first (config())
    return re.compile(rf"(?:{words})(?P<scope>[\u4e00-\u9fff]{{0,{_SCOPE_CHARS}}})$")


@lru_cache(maxsize=4)
def _compiled(pattern: str):
    import regex

    return regex.compile(pattern)


_ASIDE = re.compile(r"[（(][^（()）]{0,40}[)）]")


def _past_total(text: str, total: Quantity, parts: list[Quantity]) -> bool:
    """举报356件，其中初次举报318件，重复举报38件，署名举报87件: the first parts
    add up to the total to the last digit and the next, in a clause of its own,
    takes the run past it: it is of another breakdown of the same total. (Items
    joined by 、, 小学38所、初中15所、高中3所, are one list whatever adds up.)"""
    return "、" not in text[parts[-2].end:parts[-1].start] and sum(p.norm_value for p in parts) > ar.bounds(total)[1]


def _parts(found: Found, sent: list[Quantity]) -> None:
    """党员58名，其中在职党员41名、离退休党员19名: 41 + 19 vs 58."""
    text = found.text
    cue = _compiled(found.cfg.parts_cue)
    for i, total in enumerate(sent):
        if not _is_count(total) or i + 1 >= len(sent):
            continue
        gap = text[total.end:sent[i + 1].start]
        if not cue.search(gap):
            continue
        parts = [sent[i + 1]]
        cut = False
        # (8620人（其中城镇360人），…: the parts end with the bracket)
        close = bracket_close(text, sent[i + 1].end) if opens_bracket(gap) else -1
        # (水闸14座（大型2座、中型5座、小型7座）: the parts of a part are not the total's)
        for q in without_subparts(text, sent[i + 1:])[1:]:
            if 0 <= close < q.start:
                break
            between = _ASIDE.sub("", text[parts[-1].end:q.start])     # (57人（含…6人），…4人: past the part's aside)
            if search_config().per_capita_cue.search(between[-6:]):
                continue            # (人均补助135元) a figure per head beside a part is no part
            if q.role in _CHANGES and total.role not in _CHANGES:
                break               # (…为94.20分，比全市平均高7.80分: a gap or a change is no part)
            if q.norm_unit != total.norm_unit or any(w in between for w in found.cfg.parts_stop) \
                    or len(between) > 16 or q.approx:
                cut = q.norm_unit == total.norm_unit and not q.approx \
                    and (len(between) <= 16 or between.lstrip().startswith(("、", "，", ","))) \
                    and not any(w in between for w in ("包括", "其中"))
                # (…《调研参考》8期、防汛、秋收、旅游节等专题工作简报26期: a long
                # label after 、 goes on with the list)
                break               # (a bound, 加分项不超过5分, is no part of the total)
            parts.append(q)
        if len(parts) < 2 or any(p.norm_unit != total.norm_unit for p in parts) or across_attributes(text, parts):
            continue
        s = sum(p.norm_value for p in parts)
        arith = " + ".join(p.text for p in parts) + f" = {ar.sum_text(s, total, parts)}"
        if ar.sum_fits(total, parts):
            found.verified.append({"kind": "sum", "arithmetic": arith + f"，与总数{total.text}一致",
                                   "spans": [[q.start, q.end] for q in [total] + parts]})
            continue
        k = next((k for k in range(2, len(parts)) if ar.adds_up_exactly(total, parts[:k])
                  and (not list_goes_on(text, parts[:k], parts[k]) or _past_total(text, total, parts[:k + 1]))), 0)
        if k:
            # (765名，其中639名…，126名…，158名…得到了托养: the first parts add up to the
            # total to the last digit, and the next is not written like them: the
            # sentence goes on to another measure; 就诊72.4万人次…就诊6.4万人次 goes on with the list)
            found.verified.append({"kind": "sum", "arithmetic": " + ".join(p.text for p in parts[:k])
                                   + f" = {total.text}，与总数{total.text}一致",
                                   "spans": [[q.start, q.end] for q in [total] + parts[:k]]})
            continue
        slips = ar.scale_slips(total, parts)
        if total.norm_value and not (cut and s < total.norm_value) \
                and (abs(total.norm_value - s) / total.norm_value < (0.4 if len(parts) >= 3 else 0.1) or slips):
            # (a run cut short by a stop word while the list goes on is no whole breakdown
            # short of its total: 8项…，15项…，2项…满分，4项…，3项…; 2.81万元 for 2.81亿元: a scale slip)
            found.flags.append(make_flag(text, total.start, parts[-1].end, "inconsistency", "sum",
                                         f"parts sum to {ar.sum_text(s, total, parts)}, total {total.text}", [total] + parts,
                                         arith + f" ≠ {total.text}" + (ar.typo_note(slips) if slips else "")))
