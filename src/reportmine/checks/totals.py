"""Totals followed by their parts without 其中.

A count or an amount is often broken down in the clauses right after it,
without a cue word: 信访总量128件次…来访84件…来信17件次…网上投诉27件次;
发现问题82个，已整改38个，采纳建议10个，正在整改21个，移送13个; or in brackets:
中央计划投资150万元（中央120万元，地方配套30万元）. The candidate parts are the
amounts of the total's unit that follow it in its paragraph, open their
clause (not a change, a share or a target) and are not larger than the total.
The relation verifies when the first k of them add up to the total within the
written rounding. It is flagged only when the breakdown is clearly meant: the
parts are in brackets right after the total, or the total is named as one
(共, 合计, 总量: `total_named`) or a breakdown cue comes between the total and
its parts (分产业看, 从信访形式看: `breakdown_cue`), and the closest run of first parts is a near
miss (`near_miss_total`) that no other choice of up to four parts explains.
"""

from __future__ import annotations

from ..claims.clauses import boundaries
from ..claims.scans import Scans
from ..document import Quantity
from . import arithmetic as ar
from .attributes import nested
from .neighbourhood import Index, bracket_close, is_count, paragraph_bounds, without_subparts
from .share_sums import share_sum_config
from .sum_columns import column_words
from .sums import aside, fits_another, other_fit, parts_fit

_NOT_PARTS = frozenset({"target", "basic_target", "full_target", "growth", "difference", "completion_rate"})

_STRETCH_PARTS = 16  # a bracket of more parts is judged as one breakdown only
_HEAD_CHARS = 40      # how far back a part's clause head is read for its state and action
_CUE_CHARS = 16       # how far into the next sentence a breakdown cue may open it


def check_totals(index: Index, found, cfg) -> None:
    text = index.text
    bounds = boundaries(text)
    scans = Scans(text)
    used = {tuple(s) for v in found.verified if v["kind"] == "sum" for s in v["spans"]}
    by_unit: dict = {}
    for q in index.qs:
        by_unit.setdefault(q.norm_unit, []).append(q)
    for unit, same in by_unit.items():
        for i, total in enumerate(same[:-1]):
            if _can_total(total) and (total.start, total.end) not in used and total.start not in found.judged:
                _check(found, index, (bounds, scans), same, i, used, cfg)


def _check(found, index: Index, lookups, same: list[Quantity], i: int, used: set, cfg) -> None:
    text, total = index.text, same[i]
    bounds, scans = lookups
    bracket = _bracket_parts(index, bounds, total, cfg)
    parts = bracket or _parts_after(index, bounds, same, i, total, cfg)
    if len(parts) < 2 or nested(text, parts) or (not bracket and aside(text, total, parts[0].start)):
        return              # (已开工14个，6个建成投产: stages of one course overlap)
    meant = bool(bracket) or _named_total(scans, bounds, total, cfg) \
        or (cfg.breakdown_cue.search(cfg.gloss.sub("", text[total.end:parts[0].start])) is not None
            and not _part_itself(text, bounds, total)) \
        or _status_parts(text, bounds, parts, cfg) or _rest_part(text, bounds, parts) \
        or _complement_parts(text, bounds, parts)
    meant = meant and (bool(bracket) or not _first_of_list(text, total, parts)) \
        and not _planned_part(text, bounds, parts, cfg)
    # (a bracket opening with 其中 or 含 may hold only some parts: flagged as a near miss only)
    blank = bool(bracket) and _unnumbered_item(text, total, bracket)
    some = blank or (bool(bracket) and cfg.bracket_subset.match(text, _pair_end(index, total)) is not None)
    if meant and not bracket and fits_another(found, index, total, parts, cfg):
        return              # (新造林11800亩。按林种分：…: the parts add up to 全县造林14000亩 before it)
    if _judge(found, total, parts, meant, exhaustive=bool(bracket), cfg=cfg, some=some, blank=blank):
        used.update((p.start, p.end) for p in parts)


def _first_of_list(text: str, total: Quantity, parts: list[Quantity]) -> bool:
    """共查处酒驾21起、醉驾9起、毒驾2起: the count the parts follow after a
    list comma is the first item of a list, 共 over all of them; it may still
    verify as their total, it is accused by none of them."""
    return text[total.end:parts[0].start].lstrip(" \t\u3000").startswith("、")


def _part_itself(text: str, bounds, total: Quantity) -> bool:
    """生产总值412.36亿元，…，其中区本级268.41亿元，…。分产业看，…: a part after
    其中 is not the whole a breakdown cue after it breaks down."""
    return "其中" in text[bounds.clause_start(total.start):total.start]


def _unnumbered_item(text: str, total: Quantity, parts: list[Quantity]) -> bool:
    """建筑物41座（节制闸6座、渡槽22座、便桥 座）: an item of the bracket has no
    number (a blank left in the form), so its parts cannot add up."""
    close = bracket_close(text, parts[-1].end)
    if close < 0:
        return False
    tail = text[parts[-1].end:close]
    return any(ch.isalpha() for ch in tail.lstrip("、，,；; \t\u3000")) and any(m in tail for m in "、，,；;")


def _can_total(q: Quantity) -> bool:
    return is_count(q) and q.norm_value > 0 and q.role not in _NOT_PARTS and q.group is None and not q.approx


def _is_part(text: str, bounds, q: Quantity, floor: int, cfg) -> bool:
    """An amount of the total's unit, not above it, that opens its clause; not
    a count of whole things written with decimals (人均结案441.38件: an average;
    1.8亿人次 is a whole count written in a larger unit)."""
    if q.role in _NOT_PARTS or q.approx or q.norm_value < 0 \
            or (q.norm_unit in cfg.count_units and q.value is not None and ar.decimals(q)
                and q.value == q.norm_value):
        return False
    return not cfg.not_part.search(text[max(bounds.clause_start(q.start), floor):q.start])


def _parts_after(index: Index, bounds, same: list[Quantity], i: int, total: Quantity, cfg) -> list[Quantity]:
    """The amounts of the total's unit after it (`same` holds them in text order)."""
    text = index.text
    end = total.end + cfg.parts_reach
    if same[i + 1].start >= end:
        return []
    end = min(paragraph_bounds(text, total.start)[1], end)
    stop = bounds.sentence_end(total.end)
    if stop < end and not cfg.breakdown_cue.search(cfg.gloss.sub("", text[stop + 1:stop + 1 + _CUE_CHARS])):
        end = stop                  # the next sentence has its own subject unless it opens a breakdown
    top = ar.bounds(total)[1]
    after = []
    for q in without_subparts(text, same[i + 1:i + 1 + 3 * cfg.max_parts])[:cfg.max_parts]:
        if q.start >= end or q.norm_value > top:
            break                           # a larger amount of the unit: another total
        if after and cfg.sum_cue.search(text, after[-1].end, q.start):
            break                           # ①…101556万元，其中：限额以上17790万元: parts of a part follow
        after.append(q)
    if len(after) < 2:
        return []
    return [q for q in after if _is_part(text, bounds, q, total.end, cfg)]


def _bracket_parts(index: Index, bounds, total: Quantity, cfg) -> list[Quantity]:
    """150万元（中央120万元，地方配套30万元）: every amount inside the brackets."""
    text = index.text
    m = cfg.bracket_open.match(text, _pair_end(index, total))
    if not m:
        return []
    close = text.find("）" if text[m.end() - 1] == "（" else ")", m.end())
    if close < 0 or close - m.end() > cfg.parts_reach:
        return []
    top = ar.bounds(total)[1]
    inside = [q for q in index.between(m.end(), close) if q.norm_unit == total.norm_unit]
    fit = all(q.norm_value <= top and _is_part(text, bounds, q, m.end(), cfg) for q in inside)
    return inside if fit else []


def _pair_end(index: Index, total: Quantity) -> int:
    """864户2957人（其中…）: a count written right after the total in another
    unit (households, then persons) makes one pair, and a bracket after the
    pair breaks down both; the end of the pair (or of the total alone)."""
    nxt = index.between(total.end, total.end + 1)
    if nxt and nxt[0].norm_unit != total.norm_unit and is_count(nxt[0]):
        return nxt[0].end
    return total.end


def _heads(text: str, bounds, parts: list[Quantity]) -> list[str]:
    """Each part's clause before it, read back at most _HEAD_CHARS."""
    return [text[max(bounds.clause_start(p.start), p.start - _HEAD_CHARS):p.start] for p in parts]


def _status_parts(text: str, bounds, parts: list[Quantity], cfg) -> bool:
    """问题82个，已整改38个，…，正在整改21个: two parts name one action (整改) in
    different states (已, 正在, 未, 部分, or none: 整改到位资金 and 未整改资金),
    so they split one whole by its state. A part's head is read back to its
    clause start, at most _HEAD_CHARS (a clause as long as a whole line of
    numbers must not make every total read it again)."""
    heads = _heads(text, bounds, parts)
    actions = {m.group(2) for h in heads for m in cfg.status_part.finditer(h)}
    for action in actions:
        states = set()
        for h in heads:
            i = h.find(action)
            if i >= 0:
                m = cfg.status_part.search(h, max(0, i - 2), i + len(action))
                states.add(m.group(1) if m and m.group(2) == action
                           else "plan" if cfg.status_plan.search(h, max(0, i - 3), i) else "")
        states.discard("plan")  # (已列入…11座，计划列入…16座: planned is no state of the whole's split)
        if len(states) >= 2 and sum(action in h for h in heads) >= 2:
            return True
    return False


def _planned_part(text: str, bounds, parts: list[Quantity], cfg) -> bool:
    """病险堤坝30座，其中已列入…规划的11座，计划列入第三批…的16座: one part is done
    (已列入), another only planned (计划列入, `status_plan`), so the parts need
    not cover the whole (the rest are neither)."""
    heads = _heads(text, bounds, parts)
    done = {m.group(2) for h in heads for m in cfg.status_part.finditer(h) if m.group(1) in ("已", "已经")}
    for action in done:
        for h in heads:
            i = h.find(action)
            if i > 0 and cfg.status_plan.search(h, max(0, i - 3), i):
                return True
    return False


def _complement_parts(text: str, bounds, parts: list[Quantity]) -> bool:
    """新增就业1200人，城镇新增850人，农村转移350人: the parts open their clauses
    with every member of one set of scopes that together make a whole
    (`complement_sets` of share_sums: 城镇/农村, 男/女, 公办/民办…), so they are
    the whole breakdown. A head is read back at most _HEAD_CHARS, as in
    _status_parts (a line of numbers with no clause end stays linear)."""
    span = text[max(bounds.clause_start(parts[0].start), parts[0].start - _HEAD_CHARS):parts[-1].start]
    sets = [members for members in share_sum_config().complement_sets if all(m in span for m in members)]
    if not sets:
        return False            # (most totals: no set named near their parts, no clause read)
    heads = [h.lstrip() for h in _heads(text, bounds, parts)]
    return any(all(any(h.startswith(m) for h in heads) for m in members) for members in sets)


def _rest_part(text: str, bounds, parts: list[Quantity]) -> bool:
    """隐患1256处，已整改1198处，…，其余58处正在整改: a part named as the rest
    (`rest_words`: 其余, 其他…, opening its clause) closes the breakdown."""
    rest = column_words().rest_words
    return any(text[bounds.clause_start(p.start):p.start].lstrip().startswith(rest) for p in parts[1:])


def _named_total(scans: Scans, bounds, total: Quantity, cfg) -> bool:
    """共, 合计 … in the clause head before the total."""
    cs = bounds.clause_start(total.start)
    return scans.first_before(cfg.total_named, cs, total.start, bounds.clause_end(total.start)) is not None


def _stretches(parts: list[Quantity]) -> list[list[Quantity]]:
    """A bracket may hold two breakdowns of one whole one after the other
    (贫困户N人(其中因病a人，因学b人…；按帮扶措施分c人，d人…)): every
    stretch of two or more consecutive parts, shorter than all of them (for
    brackets of up to _STRETCH_PARTS parts)."""
    n = len(parts)
    if n > _STRETCH_PARTS:
        return []
    return [parts[i:j] for i in range(n) for j in range(i + 2, n + 1) if j - i < n]


def _judge(found, total: Quantity, parts: list[Quantity], meant: bool, exhaustive: bool, cfg,
           some: bool = False, blank: bool = False) -> bool:
    """``exhaustive``: parts in brackets (every stretch of them tried); ``some``:
    a bracket that says it holds only some of them (其中, 含), flagged only as
    a near miss of its first parts; ``blank``: one of its items has no number,
    so no mistyped digit is read either."""
    runs = [parts] if exhaustive and not some else [parts[:k] for k in range(2, len(parts) + 1)]
    if not meant and sum(p.norm_value for p in parts) < total.norm_value * (1 - cfg.near_miss_total):
        return False                        # even all the parts fall short: nothing to verify
    for run in runs + (_stretches(parts) if exhaustive else []):
        if parts_fit(total, run):
            found.verify("sum", " + ".join(p.text for p in run) + f" = {total.text}", [total, *run], total)
            return True
    if not meant:
        return False
    run = min(runs + (_stretches(parts) if exhaustive else []),
              key=lambda r: abs(sum(p.norm_value for p in r) - total.norm_value))
    if other_fit(total, parts, max(ar.tolerance(total), ar.coarseness(run))):
        return False
    s = sum(p.norm_value for p in run)
    arith = " + ".join(p.text for p in run) + f" = {ar.sum_text(s, total, run)}，与总数{total.text}不符"
    if (exhaustive and not some) or (total.norm_value and abs(s - total.norm_value) / total.norm_value <= cfg.near_miss_total):
        found.flag("sum", total, arith, run, tail="")
    elif not blank and (typo := ar.sum_typo(total, run)):
        found.flag("sum", total, arith + ar.typo_note(typo), run, tail="")
    return False
