"""Parts and totals across clauses and sentences.

After 其中 the parts of the total before it may run on for several clauses
and sentences, with their own changes and rates in between (税收收入6927万元，
比上年增收1133万元…；非税收入14386万元…). The candidate parts are the amounts
of the total's unit that open a clause (a name, then the number; not a change
or a share). The relation verifies when the first k of them, or any few of
them, add up to the total within the written rounding; it is flagged when none
do and the closest run of first parts is a near miss. Before a closing total
(合计, 共, 累计, 总投资…) the amounts before the cue are the parts, nearest first.

A part is never larger than its total, so a mistyped part written above it
(or a total mistyped below its parts) leaves the breakdown unread; when none
of the above judged it, the parts of the cue's sentence are read again without
that limit and flagged only when one mistyped digit of the number out of range
makes them add up (`_oversized`; never when the number out of range is
named a total itself: 项目总投资).
"""

from __future__ import annotations

import itertools
import os

from ..claims.clauses import clause_end, clause_start, sentence_start
from ..document import TARGET_ROLES, Quantity
from . import arithmetic as ar
from .attributes import across_attributes
from .neighbourhood import (Index, bracket_close, common_run, is_count, is_rate, opens_bracket, paragraph_bounds,
                            sentence_end, written_alike)


_NOT_PARTS = TARGET_ROLES | {"growth", "difference"}


def _total_named_like(text: str, before: list[Quantity], total: Quantity, parts: list[Quantity], cfg) -> Quantity | None:
    """全年受理各类案件21486件，审结20317件，结案率94.6%。其中受理民商事案件15902件…:
    the total the parts are of is the count of the total's sentence named like
    the first part (`ratio_part_name_chars` in common, more than the nearest
    count has), not the nearest one."""
    if not parts or not parts[0].indicator or any(parts_fit(total, parts[:k]) for k in range(2, len(parts) + 1)):
        return None         # (收到建议3120件，立案2896件。其中…: parts that add up to the nearest are its)
    name = parts[0].indicator
    s = sentence_start(text, total.start)
    others = [q for q in before[:-1] if q.start >= s and q.norm_unit == total.norm_unit
              and q.norm_value > total.norm_value and q.indicator]
    own = total.indicator or ""
    for q in others:            # 审结20317件 after 受理各类案件: its name carries the one before it
        if own.startswith(q.indicator) and len(own) > len(q.indicator):
            own = own[len(q.indicator):]
    best = max(((common_run(name, q.indicator), q) for q in others), key=lambda t: t[0], default=(0, None))
    return best[1] if best[0] >= cfg.ratio_part_name_chars and best[0] > common_run(name, own) else None


def check_sums(index: Index, found, cfg) -> None:
    text = index.text
    done = {s for v in found.verified if v["kind"] == "sum" for s in map(tuple, v["spans"])}
    unread = []                     # breakdowns as written that no check judged
    for m in sum_cues(index, cfg):
        lo = max(paragraph_bounds(text, m.start())[0], m.start() - cfg.total_reach)
        before = [q for q in index.between(lo, m.start()) if _is_part(text, q, lo, cfg)]
        if not before or (before[-1].start, before[-1].end) in done:
            continue
        total = before[-1]
        if aside(text, total, m.start()):
            continue
        close = _bracket_end(text, m.start())
        if close is None:
            close = _item_end(index, total, m.end())
        parts = _parts_after(index, total, m.end(), cfg, close)
        if not parts and (other := _of_first_unit(index, before, m.end(), cfg)) is not total:
            total, parts = other, _parts_after(index, other, m.end(), cfg, close)
        named = _total_named_like(text, before, total, parts, cfg)
        if named is not None:
            total, parts = named, _parts_after(index, named, m.end(), cfg, close)
        said = (len(found.flags), len(found.verified))
        if len(parts) >= 2:         # after 中 (12个村中，有8个…) the parts may leave some out: no wider limit
            k = 0 if m.group() == "中" else _in_sentence(text, m.end(), parts)
            if len(parts) >= cfg.max_parts and _longer_fits(found, index, total, m.end(), cfg, close):
                continue
            if _fits_with_plans(found, index, total, m.end(), cfg, close):
                continue
            if _rate_of_parts(found, index, total, parts[:max(k, 2)], cfg):
                continue
            if not fits_another(found, index, total, parts, cfg):
                _judge(found, total, parts, cfg, k)
            if len(found.flags) == said[0] and len(found.verified) == said[1] and k >= 2:
                unread.append((total, parts[:k]))
        if said == (len(found.flags), len(found.verified)) \
                and _larger(index, total, m.end(), m.end() + cfg.parts_reach):
            every = _parts_after(index, total, m.end(), cfg, close, sized=False)
            _oversized(found, total, every[:_in_sentence(text, m.end(), every)], cfg)     # (after 中 too: more
            # than the whole is no subset of it)
            if len(found.flags) == said[0] and m.group().startswith("其中") and not _fall_after(index, total, m.end(), cfg):
                _part_above(found, total, every[:_in_sentence(text, m.end(), every)], m.end(), cfg,
                            index.between(total.end, m.start()))
    _siblings(found, index, unread, cfg)
    closings = [(m.start(), m.end(), False) for m in cfg.total_cue.finditer(text)] + _closing_totals(text, cfg)
    for start, end, sources in closings:
        if any(c in text[start:end] for c in cfg.previous_cues):
            continue        # (受理198件，结案18件；去年同期共收案208件: an earlier period's total, not of these)
        after = [q for q in index.between(end, end + cfg.label_reach) if is_count(q)]
        if after and (after[0].start, after[0].end) not in done:
            parts = _parts_before(index, after[0], start, cfg, sources=sources)
            said = (len(found.flags), len(found.verified))
            if len(parts) >= 2:
                _judge(found, after[0], parts, cfg, _closed_by(text, start, parts), named=True)
            if said == (len(found.flags), len(found.verified)) \
                    and _larger(index, after[0], start - cfg.parts_reach, start):
                every = _parts_before(index, after[0], start, cfg, sized=False, sources=sources)
                _oversized(found, after[0], every[:_closed_by(text, start, every)], cfg)


_SIBLING_REACH = 200        # characters around a total its sibling breakdowns stand within


def _siblings(found, index: Index, unread: list, cfg) -> None:
    """a类家庭65户，其中…7户、…41户、…17户。b类家庭42户，其中…14户、…18户，c类家庭111户，
    其中…43户、…68户: breakdowns after 其中 of totals of one unit in one paragraph.
    When two others near it (`_SIBLING_REACH`), their totals named like its
    own, add up exactly, the parts are written as the whole of each, and a
    breakdown as written whose parts fall short of its total is flagged up to
    `near_miss_siblings` (the others named in the flag)."""
    text = index.text
    firsts = {tuple(v["spans"][0]) for v in found.verified if v["kind"] == "sum"}    # a breakdown's total comes first
    for total, parts in unread:
        lo, hi = paragraph_bounds(text, total.start)
        near = index.between(max(lo, total.start - _SIBLING_REACH), min(hi, total.end + _SIBLING_REACH))
        others = [t for t in near if (t.start, t.end) in firsts and t.norm_unit == total.norm_unit
                  and t is not total and t.start not in {p.start for p in parts}
                  and common_run(t.indicator or "", total.indicator or "") >= 2]
        short = total.norm_value - sum(p.norm_value for p in parts)
        if len(others) >= 2 and total.norm_value > 0 and 0 < short <= cfg.near_miss_siblings * total.norm_value:
            found.flag("sum", total, _sum_arith(total, parts) + f"（同段{'、'.join(t.text for t in others)}"
                       "的分项与其总数相符）", parts)


def _named_total(text: str, q: Quantity, cfg) -> bool:
    """q's clause names it a total (共, 合计, 总数…, 总投资, 累计)."""
    head = text[clause_start(text, q.start):q.start]
    return bool(cfg.total_named.search(head)) or any(w in head for w in (*cfg.source_totals, *cfg.closing_words))


def _of_first_unit(index: Index, before: list[Quantity], cue_end: int, cfg) -> Quantity:
    """The total a 其中 list is of: the nearest amount before the cue, or, when
    the first amount after the cue is of another unit (and none of the
    nearest's unit is a part), the nearest of that unit in the cue's sentence
    or the one before (在校生3.86万人，学校92所。其中寄宿生…万人: the pupils,
    not the schools)."""
    total = before[-1]
    first = next(iter(index.between(cue_end, cue_end + cfg.label_reach)), None)
    if first is None or first.norm_unit == total.norm_unit or not is_count(first) \
            or (total.norm_unit is None and total.unit is not None):
        return total        # (工作人员46.2万，其中医师31.5万人: the nearest lost its unit, not its whole;
        #                     stop 42's annotated pages)
    text = index.text
    s = sentence_start(text, cue_end)
    lo = sentence_start(text, s - 1) if s > 0 else s
    return next((q for q in reversed(before) if q.norm_unit == first.norm_unit and q.start >= lo), total)


def _fall_after(index: Index, total: Quantity, cue_end: int, cfg) -> bool:
    """其中，国有银行新增存款105.3亿元…；外资银行存款减少62.7亿元: an item of the
    breakdown in the cue's sentence is a fall of the total's unit (a part below
    zero), so one part may well be above the total."""
    text = index.text
    end = sentence_end(text, cue_end, cfg.parts_reach, "。\n")
    return any(q.norm_unit == total.norm_unit and text[clause_start(text, q.start):q.start].rstrip().endswith(cfg.fall_words)
               for q in index.between(cue_end, end))


def _part_above(found, total: Quantity, parts: list[Quantity], cue_end: int, cfg,
                between_counts: list[Quantity] = ()) -> None:
    """其中寄宿生4.12万人 after 在校生3.86万人: the one part right after the cue
    above its whole (beyond the rounding of both), not itself named a total."""
    if len(parts) != 1 or total.approx or parts[0].approx or total.norm_value <= 0 \
            or any(cfg.per_capita_cue.search(q.indicator or "") or cfg.per_area_cue.search(q.indicator or "")
                   or "平均" in (q.indicator or "") for q in (total, *parts)) \
            or cfg.per_many_cue.search(found.text, clause_start(found.text, total.start), total.start):
        return          # (an average per head or per area is no whole of the averages under it: 城镇居民人均…, 夏粮单产;
        #                  每千名老年人拥有床位38.6张。其中护理型床位940张: a figure per thousand)
    p = parts[0]
    if p.start - cue_end > cfg.label_reach or p.norm_value <= ar.bounds(total)[1] + ar.tolerance(p) \
            or _named_total(found.text, p, cfg):
        return
    others = [q for q in between_counts if q is not total and is_count(q)]
    if others and sum(found.text.count(m, others[-1].end, cue_end) for m in "，,；;。") >= 2:
        return          # (组织联合检查9次，受理…线索26起，办结率100%；其中夜市摊点检查12次: another
        #                 count between, clauses before the cue: the 其中 is of that clause;
        #                 not 在校生3.86万人，学校92所。其中寄宿生4.12万人)
    found.flag("sum", total, f"其中一项{p.text}已大于总数", [p])


def _larger(index: Index, total: Quantity, lo: int, hi: int) -> bool:
    """Whether an amount of the total's unit in text[lo:hi] exceeds it (a cheap
    test before the candidates are read again without the size limit)."""
    top = ar.bounds(total)[1]
    return any(q.norm_unit == total.norm_unit and q.norm_value > top for q in index.between(max(0, lo), hi))


def _oversized(found, total: Quantity, parts: list[Quantity], cfg) -> None:
    """The parts as written in the cue's sentence, one of them above the total
    (or the total below them): not read as a breakdown at all, unless one
    mistyped digit of that number (or of the total) makes them add up within
    the written rounding (全镇总人口3.2万人，其中农业人口8.2万人，非农业人口0.4万人:
    8.2万人 for 2.8万人)."""
    aside = next((i for i, p in enumerate(parts)
                  if cfg.aside_lead.match(found.text, clause_start(found.text, p.start), p.start)), None)
    parts = parts[:aside] if aside is not None else parts     # (…；另被定向录取9人；达普通线97人: beside it)
    if len(parts) < 2 or total.norm_value <= 0 or any(p.approx for p in parts) or total.approx:
        return
    top = ar.bounds(total)[1]
    above = [p for p in parts if p.norm_value > top]
    if not above or any(_named_total(found.text, p, cfg) for p in above):
        return                      # 项目总投资3.6亿元 above 累计完成投资2.8亿元: a total, not a part
    readings = [(q, r) for q, r in ar.sum_typo(total, parts) if ar.digit_count(q) >= 2
                and (q is total or (len(above) == 1 and q is above[0]))]
    parts = sorted(parts, key=lambda p: p.start)
    if readings:
        arith = _sum_arith(total, parts)
        found.flag("sum", total, arith + ar.typo_note(readings), parts)


_CLAUSE_MARKS = "，,；;"


def _closing_totals(text: str, cfg) -> list[tuple[int, int, bool]]:
    """(clause start, end of 共, 累计, 总投资…, whether a total of sources) of
    each clause `closing_total` opens after a comma (全县共新增…, 上半年累计完成…,
    总投资200万元): looked up at each of `closing_words` and `source_totals`,
    not scanned for."""
    out = []
    for word in (*cfg.closing_words, *cfg.source_totals):
        i = text.find(word)
        while i >= 0:
            c = max(text.rfind(mark, max(0, i - 9), i) for mark in _CLAUSE_MARKS)
            if c >= 0 and not text.startswith(_OF, c + 1):    # (其中服务业投资累计完成…: a part, no total)
                m = cfg.closing_total.match(text, c + 1)
                if m and m.end() == i + len(word):
                    out.append((c + 1, i + len(word), word in cfg.source_totals))
            i = text.find(word, i + 1)
    return sorted(out)



def sum_cues(index: Index, cfg) -> list:
    """The matches of `sum_cue` in the text, found once per index (the sums
    and the parallel breakdowns both read them)."""
    found = getattr(index, "_sum_cues", None)
    if found is None:
        found = list(cfg.sum_cue.finditer(index.text))
        index._sum_cues = found
    return found


def _is_part(text: str, q: Quantity, floor: int, cfg, total: Quantity | None = None, plans: bool = False) -> bool:
    """An amount that opens its clause: not a change (纯增22.0万元, read as a
    growth or a difference by the claims stage), a share or a target (but
    the targets of a plan are the parts of its target total; ``plans``: any
    target is read as a part)."""
    if not is_count(q) or (q.role in _NOT_PARTS and not (q.role in TARGET_ROLES and (plans or total is not None
                                                                                   and total.role in TARGET_ROLES))):
        return False
    return not cfg.not_part.search(text[max(clause_start(text, q.start), floor):q.start])


def _parts_before(index: Index, total: Quantity, cue: int, cfg, sized: bool = True,
                  sources: bool = False) -> list[Quantity]:
    """合计/共计 after its parts: the amounts of the total's unit before the cue,
    nearest first (``sized``: none above the total; ``sources``: a total of
    sources, 总投资, read without amounts that hold others)."""
    text = index.text
    lo = max(paragraph_bounds(text, cue)[0], cue - cfg.parts_reach)
    if sources:     # (省级重点项目2个，总投资18亿元…。市级重点项目5个，总投资34.5亿元: a project's
        lo = max(lo, sentence_start(text, cue))     # own investment sums its own sentence only)
    top = ar.bounds(total)[1] if sized else float("inf")
    out = [q for q in index.between(lo, cue) if q.norm_unit == total.norm_unit and _is_part(text, q, lo, cfg, total)
           and q.norm_value <= top]
    if sources:
        out = _without_containers(text, out, cfg)
    out = out[::-1][:cfg.max_parts]
    for k, q in enumerate(out):
        # (…辛县45.3万元；各县小计7761.8万元；市级0万元；全市合计7761.8万元: the
        # amounts before a subtotal are inside it)
        if any(w in text[clause_start(text, q.start):q.start] for w in cfg.subtotal_words):
            return out[:k + 1]
    return out


def _without_containers(text: str, qs: list[Quantity], cfg) -> list[Quantity]:
    """The candidates before a total of sources (text order) as a run read
    nearest first that never holds an amount and a part of it: the amounts
    inside a bracket opened by 其中 are parts of the one before it (8人（其中女3人）)
    and left out; an amount followed by 其中 holds the one after it, which
    leaves the run when the holder joins it (完成投资3.6亿元，其中新建项目2.4亿元，
    总投资…: 3.6 is not added to 2.4)."""
    kept, inside, holds = [], None, {}
    for q, nxt in zip(qs, qs[1:] + [None]):
        if inside is not None and q.start < inside:
            continue
        inside = None
        m = cfg.sum_cue.search(text, q.end, nxt.start) if nxt is not None else None
        if m is not None and m.start() and text[m.start() - 1] in "（(":
            inside = _bracket_end(text, m.start()) or nxt.start + 1
        elif m is not None:
            holds[id(q)] = id(nxt)
        kept.append(q)
    run: list[Quantity] = []
    for q in reversed(kept):
        run = [p for p in run if id(p) != holds.get(id(q))]
        run.append(q)
    return run[::-1]


_ITEM_MARKS = "；;"


def aside(text: str, total: Quantity, cue: int) -> bool:
    """创业培训310人（培训后实现创业164人）。其中，…: an amount
    inside a bracket closed before the cue is an aside, not the whole the cue
    breaks down (totals.py: nor the total of parts after the bracket)."""
    return 0 <= bracket_close(text, total.end) < cue and opens_bracket(text[max(0, total.start - 40):total.start])


def _item_end(index: Index, total: Quantity, cue_end: int) -> int | None:
    """…其中市本级1.1亿元；管理不规范金额43.5亿元，其中市本级40.6亿元；促进增收
    节支0.3亿元: a total that is itself one item of a list parted by ；
    (its clause opens after a ；) has its parts up to the next ；, where the
    next item of that list opens, unless the amount after that ； is named
    like the total (…；工农业总产值38.6亿元，其中：农业总产值…；工业总产值…)."""
    text = index.text
    s = sentence_start(text, total.start)      # (； ends a sentence there)
    if s == 0 or text[s - 1] not in _ITEM_MARKS:
        return None
    ends = [i for i in (text.find(mark, cue_end) for mark in _ITEM_MARKS) if i >= 0]
    if not ends:
        return None
    nxt = next(iter(index.between(min(ends), min(ends) + 40)), None)
    if nxt is not None and _named_run(total, [nxt]) == 1:
        return None
    return min(ends)


def _bracket_end(text: str, cue: int) -> int | None:
    """（其中…）: a cue opening a bracket has its parts inside it; where the bracket closes."""
    if cue and text[cue - 1] in "（(":
        close = text.find("）" if text[cue - 1] == "（" else ")", cue)
        return close if close >= 0 else None
    return None


def _parts_after(index: Index, total: Quantity, start: int, cfg, close: int | None = None,
                 sized: bool = True, limit: int = 0, plans: bool = False) -> list[Quantity]:
    text = index.text
    end = min(paragraph_bounds(text, start)[1], start + cfg.parts_reach, close if close is not None else len(text))
    top = ar.bounds(total)[1] if sized else float("inf")
    out = []
    for q in index.between(start, end):
        if q.norm_unit != total.norm_unit or not _is_part(text, q, start, cfg, total, plans) or q.norm_value > top:
            continue                        # a part is never larger than its total
        if out and cfg.sum_cue.search(text, out[-1].end, q.start):
            break                           # 不良贷款732万元，其中呆滞贷款732万元: parts of a part follow
        if out and _part_scope(text, out, q, cfg):
            break                           # 其中，税收收入A亿元。在税收收入中，增值税B亿元: so do these
        if sentence_start(text, q.start) > sentence_start(text, start) \
                and cfg.total_named.search(text, clause_start(text, q.start), q.start):
            break                           # (…其中城镇就业人员4.6亿人。全年农民工总量2.9亿人: a total of
            #                                  its own in a later sentence ends the list; stop 42's pages)
        out.append(q)
        if len(out) >= (limit or cfg.max_parts):
            break
    return out


def _part_scope(text: str, parts: list[Quantity], q: Quantity, cfg) -> bool:
    """In q's sentence, after the last part, a clause-opening lead naming one
    of the parts (`part_scope`: 在税收收入中，/ 轻工业中，) opens that part's own
    breakdown (not a count's own 中: 完成的5200批次检查中，, read by the total cues)."""
    lo = max(parts[-1].end, sentence_start(text, q.start))
    for m in cfg.part_scope.finditer(text, lo, q.start):
        if clause_start(text, m.start() + 1) != m.start():
            continue
        name = m.group(1)
        if any(p.indicator and (name in p.indicator or p.indicator in name
                                or common_run(name, p.indicator) >= cfg.shared_name_chars) for p in parts):
            return True
    return False


def _rate_of_parts(found, index: Index, total: Quantity, parts: list[Quantity], cfg) -> bool:
    """监测90天，其中优级42天，良好44天，优良天数比例为95.56%: parts short of their total,
    and a rate right after them in their sentence that is their sum over the
    total (86/90): the text says itself that the parts are not all of it.
    Verified so, not accused of the shortfall."""
    text = index.text
    if sum(p.norm_value for p in parts) >= ar.bounds(total)[0] or total.norm_value <= 0:
        return False
    end = sentence_end(text, parts[-1].end, cfg.ratio_reach, "。；;\n")
    for r in index.between(parts[-1].end, end):
        if not is_rate(r) or r.norm_unit != "ratio":
            continue
        if ar.bounds(r)[1] >= 1:
            return False    # (a rate of 100% says the parts are all of it: no shortfall explained)
        lo, hi = ar.bounds(total)
        share = sum(p.norm_value for p in parts)
        slack = ar.coarseness(parts)
        if ar.fits(r, (share - slack) / hi, (share + slack) / max(lo, 1e-12)):
            found.verify("sum", "(" + " + ".join(p.text for p in parts) + f")/{total.text} = "
                         f"{ar.at_precision(share / total.norm_value, r, 2)}", [total, *parts, r], total)
            return True
        return False        # (the first rate after them only)
    return False


def _longer_fits(found, index: Index, total: Quantity, start: int, cfg, close: int | None) -> bool:
    """教职工62人，其中副高级4人，中级25人，初级23人，管理3人，技师3人，高级工3人，
    中级工1人: a list cut at `max_parts` whose first parts, more of them in its
    sentence, add up to the total is verified with them, not accused of the
    shortfall of the cut."""
    longer = _parts_after(index, total, start, cfg, close, limit=4 * cfg.max_parts)
    return _first_fit(found, total, longer[:_in_sentence(index.text, start, longer)], cfg.max_parts + 1)


def _fits_with_plans(found, index: Index, total: Quantity, start: int, cfg, close: int | None) -> bool:
    """贫困户80户318人，其中：往年脱贫41户125人，今年脱贫35户186人，明年计划脱贫4户7人:
    a list whose last part is still planned adds up to the total with it (stop
    42's annotated pages): verified so, not accused of the planned part's shortfall."""
    every = _parts_after(index, total, start, cfg, close, plans=True)
    if not any(q.role in TARGET_ROLES for q in every):
        return False
    return _first_fit(found, total, every[:_in_sentence(index.text, start, every)], 2,
                      lambda parts: any(q.role in TARGET_ROLES for q in parts))


def _first_fit(found, total: Quantity, parts: list[Quantity], shortest: int, wanted=None) -> bool:
    """The first run of ``parts`` from the first, ``shortest`` of them or more
    (and ``wanted``, if given), that adds up to the total: verified with it."""
    for k in range(shortest, len(parts) + 1):
        if (wanted is None or wanted(parts[:k])) and parts_fit(total, parts[:k]):
            found.verify("sum", " + ".join(p.text for p in parts[:k]) + f" = {total.text}", [total, *parts[:k]])
            return True
    return False


def fits_another(found, index: Index, total: Quantity, parts: list[Quantity], cfg) -> bool:
    """收到资金9.82亿元，支出8.7亿元。其中…8.56亿元…0.21亿元…1.05亿元: the parts
    (two or more, from the first) add up, as written, to another amount of their
    unit in the paragraph, not to the total taken for them: they are that
    amount's breakdown, verified with it, and accuse the other of nothing.
    The amounts looked at stand within `whole_reach` of the total and the
    parts (a paragraph may be a whole long text)."""
    lo, hi = paragraph_bounds(index.text, total.start)
    lo, hi = max(lo, total.start - cfg.whole_reach), min(hi, parts[-1].end + cfg.whole_reach)
    more = [q for q in index.between(parts[-1].end, min(hi, parts[-1].end + cfg.parts_reach))
            if q.norm_unit == total.norm_unit]
    run_of = parts + more[:2 * len(parts)]          # (a list cut at max_parts goes on)
    ids = {id(p) for p in run_of}
    others = [q for q in index.between(lo, hi) if q is not total and id(q) not in ids
              and q.norm_unit == total.norm_unit and q.norm_value and not q.approx]
    for k in range(len(run_of), 1, -1):
        run = run_of[:k]
        for q in others:
            if q.norm_value >= max(p.norm_value for p in run) and parts_fit(q, run):
                found.verify("sum", " + ".join(p.text for p in run) + f" = {q.text}", [q, *run])
                return True
    return False


def parts_fit(total: Quantity, parts) -> bool:
    """The parts, each as precise as it is written, can add up to the total."""
    return ar.sum_fits(total, parts)


def other_fit(total: Quantity, parts: list[Quantity], coarsest: float) -> bool:
    """Some other choice of up to four parts fits: the run may not be the breakdown.
    A choice fits only as precisely as it is written: one that fits only
    thanks to a part rounded far more coarsely (1.3亿元 among amounts in 万元)
    than the run and the total says nothing."""
    return any(parts_fit(total, c) and ar.coarseness(c) <= coarsest + 1e-9
               for r in range(2, min(4, len(parts)) + 1) for c in itertools.combinations(parts, r))


def _parallel(parts: list[Quantity]) -> bool:
    return written_alike(parts)


def _closed_by(text: str, cue: int, parts: list[Quantity]) -> int:
    """How many of the parts (nearest first) lie in the sentence that 合计 / 共计
    closes (刑事案件45起，治安案件130起，合计175起): those are the breakdown as written."""
    start = sentence_start(text, cue)
    return sum(p.start >= start for p in parts)


def _in_sentence(text: str, cue_end: int, parts: list[Quantity]) -> int:
    """How many of the parts lie in the cue's own sentence (up to 。 or a line end)."""
    ends = [i for i in (text.find("。", cue_end), text.find("\n", cue_end)) if i >= 0]
    end = min(ends) if ends else len(text)
    return sum(p.start < end for p in parts)


def _judge(found, total: Quantity, parts: list[Quantity], cfg, whole_sentence: int = 0, named: bool = False,
           listed: bool = False) -> None:
    """`whole_sentence`: the number of parts in the cue's sentence; a run of
    exactly those (two or more), or of the first parts named like the total
    within that sentence, is the breakdown as written, and is flagged up to
    `near_miss_sum_sentence`, any other run up to `near_miss_sum`.
    Two parts of which one negates the other (通过 / 未通过) are the whole
    breakdown, flagged up to `near_miss_total`.
    `named`: the total is named as the sum of what precedes it (合计, 共计),
    so a larger gap that one mistyped digit explains is flagged too (after
    其中 only under the conditions of _typo).
    `listed`: the parts are written as the total's own list (after a colon
    right behind it), so parts short of it are flagged as well."""
    first = whole_sentence if 3 <= whole_sentence <= len(parts) < cfg.max_parts and _parallel(parts[:whole_sentence]) \
        else 2          # (a list cut at max_parts may go on: its first few may be all there is to judge)
    for k in range(first, len(parts) + 1):
        if parts_fit(total, parts[:k]):
            found.verify("sum", " + ".join(p.text for p in parts[:k]) + f" = {total.text}", [total, *parts[:k]])
            return
    k, gap = min(((k, abs(sum(p.norm_value for p in parts[:k]) - total.norm_value)) for k in range(first, len(parts) + 1)),
                 key=lambda x: x[1])
    if first == 2 and other_fit(total, parts, max(ar.tolerance(total), ar.coarseness(parts[:k]))):
        return                      # (a list written alike is the breakdown: no other choice of it)
    if not named and (across_attributes(found.text, parts[:k])
                      or (whole_sentence > k and across_attributes(found.text, parts[:whole_sentence]))):
        return                      # 女党员…少数民族党员…大专以上学历党员: overlapping subsets
        #                             (职工…其中卫生技术人员…高级职称…硕士以上学历: all of the sentence's)
    as_written = k == whole_sentence >= 2 or whole_sentence >= k == _named_run(total, parts) >= 2
    limit = cfg.near_miss_sum_sentence if as_written else cfg.near_miss_sum
    complements = k == 2 and _complementary(found.text, parts[0], parts[1], cfg)
    if complements:
        limit = max(limit, cfg.near_miss_total)
    arith = _sum_arith(total, parts[:k])
    # (货运量317.9亿吨，其中公路233.5亿吨，水路54.9亿吨: parts short of their total,
    # not each other's complement, may be some of more (a bulletin's 其中 names the
    # main ones: 播种面积…其中粮食…油料…蔬菜…); only a slip below tells)
    short_run = not complements and not listed and sum(p.norm_value for p in parts[:k]) < total.norm_value \
        and not _whole_named(found.text, total, parts[:k], cfg) and not _labels_cover(found.text, parts[:k], cfg)
    if total.norm_value and gap / total.norm_value <= limit and not short_run:
        found.flag("sum", total, arith, parts[:k])
    elif (k == whole_sentence or named) and (slip := ar.scale_slips(total, parts[:k])):
        found.flag("sum", total, arith + ar.typo_note(slip), parts[:k])      # 非税收入2.81万元 for 2.81亿元
    elif all(p.norm_value > ar.tolerance(total) for p in parts[:k]) \
            and (typo := _typo(total, parts[:k], gap, named, cfg, k == whole_sentence >= 2)):
        # (a part below the total's rounding, 17500元 beside 8.6亿元, is no visible part of it)
        found.flag("sum", total, arith + ar.typo_note(typo), parts[:k])
    elif k != whole_sentence >= 2 and sum(p.norm_value for p in parts[:whole_sentence]) > ar.bounds(total)[1] \
            and (typo := _typo(total, parts[:whole_sentence], 0.0, named, cfg, True)):
        run = parts[:whole_sentence]     # every part of the sentence, more than the total: no subset of it
        found.flag("sum", total, _sum_arith(total, run) + ar.typo_note(typo), run)


def _whole_named(text: str, total: Quantity, parts: list[Quantity], cfg) -> bool:
    """The total says it is the whole of its parts: a total's word before it
    (支出合计500万元，其中…) or a name made of theirs (工农业总产值 of 农业总产值 and
    工业总产值: the heads before their shared tail all stand in its own)."""
    if cfg.total_cue.search(text, clause_start(text, total.start), total.start):
        return True
    names, own = [p.indicator or "" for p in parts], total.indicator or ""
    if not own or not all(names):
        return False
    lead = os.path.commonprefix(names)              # (完成公路货运量, 完成水路货运量: 完成)
    names = [n[len(lead):] for n in names]
    tail = os.path.commonprefix([n[::-1] for n in names])[::-1]     # (路货运量)
    own = own.removeprefix(lead)
    own = own.removesuffix(tail) if tail else own
    return all(len(n) > len(tail) and n[0] in own for n in names)


def _sum_arith(total: Quantity, parts: list[Quantity]) -> str:
    """a + b + c = their sum, written at the total's precision."""
    return " + ".join(p.text for p in parts) + f" = {ar.sum_text(sum(p.norm_value for p in parts), total, parts)}"


def _complementary(text: str, a: Quantity, b: Quantity, cfg) -> bool:
    """其中252户通过评议。15户未通过评议: the second part's clause negates what
    the first one's states (通过 / 未通过, 合格 / 不合格), or the two are
    labelled with two words of one set (其中城镇3200人，农村2800人:
    ``complement_labels``), so the two split the total between them."""
    if _labelled_apart(text, a, b, cfg):
        return True
    ca = text[clause_start(text, a.start):clause_end(text, a.end)]
    cb = text[clause_start(text, b.start):clause_end(text, b.end)]
    for neg in cfg.complement_negations:
        at = cb.find(neg)
        while at >= 0:
            word = cb[at + 1:at + 3]
            if len(word) == 2 and word in ca and neg + word not in ca:
                return True
            at = cb.find(neg, at + 1)
    return False


_LABEL_LEAD = "，,、；;：: \u3000"


def _labelled_apart(text: str, a: Quantity, b: Quantity, cfg) -> bool:
    """The words right before a and right before b (after a) open with the two
    words of one pair of ``complement_labels`` (two of three industries are no
    whole)."""
    la, lb = _label(text, a), _label(text, b, a.end)
    return any(la.startswith(x) and lb.startswith(y) and x != y for words in cfg.complement_labels
               if len(words) == 2 for x in words for y in words)


_OF = "其中"


def _label(text: str, q: Quantity, floor: int = 0) -> str:
    """The words of q's clause before it (from ``floor`` on), without the
    leading marks and 其中: the label a part is named by."""
    head = text[max(floor, clause_start(text, q.start)):q.start].lstrip(_LABEL_LEAD)
    return head[len(_OF):] if head.startswith(_OF) else head


def _labels_cover(text: str, parts: list[Quantity], cfg) -> bool:
    """其中，第一产业增加值…；第二产业增加值…；第三产业增加值…: the parts' labels
    open with every word of one set of ``complement_labels``, one each, so they
    are the whole breakdown."""
    labels = [_label(text, q) for q in parts]
    for words in cfg.complement_labels:
        if len(words) == len(labels) and all(any(x.startswith(w) for x in labels) for w in words) \
                and all(any(x.startswith(w) for w in words) for x in labels):
            return True
    return False


def _named_run(total: Quantity, parts: list[Quantity]) -> int:
    """How many first parts are named like the total (工农业总产值: 农业总产值,
    工业总产值, sharing the name's last two characters or more): such a run
    is the breakdown as written."""
    name = total.indicator or ""
    k = 0
    for p in parts:
        other = p.indicator or ""
        if len(name) < 2 or len(other) < 2 or name[-2:] != other[-2:] or other == name:
            break
        k += 1
    return k


def _typo(total: Quantity, parts: list[Quantity], gap: float, named: bool, cfg, whole: bool = False) -> list:
    """One mistyped digit explains the gap. After 其中 the parts may be only
    some of the total, and two-digit counts are one digit apart by chance far
    too often: there the mistyped number must have `typo_min_digits` digits,
    the gap be within `near_miss_typo` of the total and not be round. Parts
    that add up to more than their total are no subset of it: when they are
    every part of the cue's sentence (``whole``), any reading goes."""
    if not total.norm_value or any(p.approx for p in parts):
        return []
    typo = [(q, r) for q, r in ar.sum_typo(total, parts) if ar.digit_count(q) >= 2]   # any one digit is one apart
    if named:
        return typo
    if whole and sum(p.norm_value for p in parts) > ar.bounds(total)[1]:
        return typo
    if gap / total.norm_value > cfg.near_miss_typo or _round_gap(total, gap):
        return []
    return [(q, r) for q, r in typo if ar.digit_count(q) >= cfg.typo_min_digits]


def _round_gap(total: Quantity, gap: float) -> bool:
    """A gap of whole tens of the total's last written place (800 + 70 + 50
    against 1000): round amounts miss each other by round gaps by chance."""
    unit = 10 ** -ar.decimals(total) * (total.norm_value / total.value if total.value else 1.0)
    return round(gap / unit) % 10 == 0
