"""The rules' walk over a document's quantities in text order: the role of
each (the nearest cue in its clause, else what its sentence, a parenthesis
or a bound says; background counts and scoring layouts), its indicator
(``indicator_choice``), period and setter; then 分别/依次 lists are paired and
parts refer back to their whole."""

from __future__ import annotations

import regex

from ..document import TARGET_ROLES, Quantity
from . import lists
from .clauses import boundaries, clause_end, clause_start, line_start
from .cues import Cues, cues, forecast_cues, words
from .indicator_choice import (Walk, clause_indicator, inherit_indicator, line_label, previous_clause,
                               qualify_list_items)
from .parts import paren_head, parts_head
from .periods import period_before
from .roles import role_cue
from .background import (background, bound_of_noun, class_lists, class_threshold, counted_among, described,
                         example_sentence, names_class, profile_sentence, subject_count, territory)
from .scans import Scans
from .scopes import Scopes, forecast_asides, forecast_sentence, in_target_scope, lead_role, plan_sentence, target_list
from .triples import rate_triples
from .scoring_layout import achieved_runs, ratio_part, scoring_role
from .switches import is_on

_INHERIT_ROLES = frozenset({"completion_rate", "growth", "forecast", "target", "basic_target",
                            "full_target", "difference"})
_SCOPED_ROLES = frozenset({"actual", "growth"})     # roles a target list's colon overrules
_CHANGE_ROLES = frozenset({"growth", "difference"})   # cues that bind to one number
_ONE_NUMBER_ROLES = _CHANGE_ROLES | {"other"}          # 年龄在35岁以下的干部占42%: 年龄 is the age's
_CJK = regex.compile(r"\p{Han}")
_LED_ROLES = frozenset({"actual", "growth", "target"})
_PAREN_CHARS = 24     # a parenthesis this short stays inside its clause
# a count of what was done of a task right before a bracket (已完成8个, 已送230场)
_DONE_COUNT = regex.compile(r"(?:已|累计|共)(?:完成|建成|送|办结|整改|开工|竣工)[^，。；,;()（）]{0,6}?[0-9０-９]+\s*\p{Han}{0,2}$")
_SIGNED_OPEN = frozenset(a + b for a in "(（" for b in "+＋")     # (a minus sign is read into the number: q.text)


def assign_claims(text: str, quantities: list[Quantity], raw: dict[int, str | None] | None = None) -> None:
    """Role, indicator, period (and setter) of every quantity, in text order;
    then 分别/依次 lists are paired and parts refer back to their whole."""
    c, bounds, walk, scans = cues(), boundaries(text, len(quantities)), Walk(), Scans(text)
    forecasts = list(forecast_cues(c).finditer(text)) if quantities and is_on("forecast_scope") else []
    scopes = Scopes([m.end() for m in forecasts],
                     [m.end() for m in c.plan_scope.finditer(text)] if quantities and c.plan_scope is not None else [],
                     forecast_asides(quantities, bounds, forecasts))
    targets = [m.end() for m in c.target_scope.finditer(text)] if quantities and c.target_scope is not None else []
    for k, q in enumerate(quantities):
        subject = False
        cs, ce = bounds.clause_start(q.start), bounds.clause_end(q.end)
        ss, line = bounds.sentence_start(q.start), line_start(text, q.start) - 1
        prev = walk.prev
        in_clause = prev is not None and prev.start >= cs
        role, first_cue, last_cue = _rule_role(c, scans, q, (ss, cs, ce), prev if in_clause else None, scopes)
        if role == "actual" and first_cue is None and (
                background(c, text, q, (ss, cs, ce), prev) or class_threshold(c, text, q, ce)
                or described(c, text, q, (ss, cs, ce)) or territory(c, text, q, cs)
                or (subject := subject_count(c, text, q, quantities[k + 1] if k + 1 < len(quantities) else None,
                                             cs, ce))):
            role = "other"
        elif example_sentence(c, text, ss) or (role == "actual" and bound_of_noun(c, text, q, cs)) \
                or (role == "actual" and first_cue is None and profile_sentence(c, text, q, ss)) \
                or counted_among(c, text, q, quantities[k + 1] if k + 1 < len(quantities) else None, cs):
            role = "other"
        elif role in _SCOPED_ROLES and targets and q.unit not in c.score_units and in_target_scope(c, scans, targets, ss, cs, q.start):
            role = "target"
        if role == "actual" and first_cue is None and c.paren_parts and is_on("paren_parts"):
            head = paren_head(c, text, quantities, k, cs)
            role = head.role if head is not None else role     # 预算520万元（含续建项目130万元）
        if role == "actual" and first_cue is None and c.parts_lead:
            head = parts_head(c, text, quantities, k, ss)
            role = head.role if head is not None else role     # 计划植林2.4万亩，其中核桃6200亩
        q.role = role
        after = clause_indicator(c, text, q, (cs, ce), first_cue, last_cue, walk, in_clause)
        if prev is not None and prev.end == q.start - 1 and text[q.start - 1] in "(（" \
                and text[q.end:q.end + 1] in (")", "）") and prev.indicator:
            q.indicator = prev.indicator    # 已完成8个（53%）: a number alone in brackets right after another is of its indicator
        same_sentence = inherit_indicator(c, text, q, ss, walk)
        if q.indicator is None and not same_sentence and cs > ss:
            q.indicator = previous_clause(c, text, ss, cs)
        if q.indicator is None and role == "completion_rate" and walk.target is not None \
                and walk.target_line == line and walk.target_sentence != ss:
            q.indicator = walk.target.indicator     # …任务4.5万亩。…亩均财政投入1500元。任务完成率为94%: the task's
        if q.indicator is None and prev is not None and walk.prev_line == line and role in _INHERIT_ROLES:
            q.indicator = prev.indicator
        if q.indicator is None:
            q.indicator = line_label(c, scans, q, line)
        q.period = (period_before(c, text, ss, q.start, scans, bounds.sentence_end(q.start))
                    or (prev.period if same_sentence else None))
        if role in _INHERIT_ROLES or role == "actual":
            setter = scans.first_before(c.setter, cs, q.start, ce)
            q.setter = setter.group(1) if setter else None
        if role == "other":
            if raw is not None:
                raw[id(q)] = q.indicator
            q.indicator = None
        if role != "other" and q.indicator:
            walk.named = q
        if role in TARGET_ROLES and q.indicator:
            walk.target, walk.target_line, walk.target_sentence = q, line, ss
        walk.prev, walk.prev_sentence, walk.prev_line = q, ss, line
        # (纳入统计的14个景区接待游客186.2万人次: the noun after a count of the bodies a
        # clause reports on is what the next number measures, not used up by it)
        walk.prev_after = q.end + (len(after) if after and not subject else 0)
    _pair_names(text, quantities)
    lists.pair_lists(text, quantities, c)
    _share_list_role(c, text, quantities, raw)
    achieved_runs(c, text, quantities)
    rate_triples(text, quantities)
    lists.refer_back(text, quantities, walk.inherited, c)
    qualify_list_items(c, bounds, quantities)
    for q in class_lists(c, text, quantities):
        if raw is not None:
            raw[id(q)] = q.indicator
        q.indicator = None


def _share_list_role(c: Cues, text: str, quantities: list[Quantity], raw) -> None:
    """分别加20、10、6、3分: a 分别 list written as one phrase (bare numbers
    joined by list separators, the unit written once after the last) takes
    the role its first number took from what comes before the list; the
    numbers after the first have no cue of their own, and whatever else
    reached them (a plan earlier in the sentence, a scoring layout's default)
    is not theirs."""
    runs: dict[int, list[Quantity]] = {}
    for q in quantities:
        if q.group is not None:
            runs.setdefault(q.group, []).append(q)
    for run in runs.values():
        first = run[0]
        if not run[-1].unit or any(
                q.unit != run[-1].unit or q.text.endswith(q.unit) for q in run[:-1]) \
                or any(not set(text[a.end:b.start]) <= c.marks.list_gap for a, b in zip(run, run[1:])):
            continue
        for q in run[1:]:
            if q.role != first.role:
                if first.role == "other":
                    if raw is not None:
                        raw[id(q)] = q.indicator
                    q.indicator = None
                q.role = first.role


def _pair_names(text: str, quantities: list[Quantity]) -> None:
    """全市2140户3862人享受城乡低保: a count naming nothing, written right
    against the next one (households, then persons), counts what that one does."""
    for q, nxt in zip(quantities, quantities[1:]):
        if q.indicator is None and q.role != "other" and nxt.start == q.end and nxt.indicator \
                and nxt.norm_unit != q.norm_unit and nxt.role == q.role:
            q.indicator = nxt.indicator


def _rule_role(c: Cues, scans: Scans, q: Quantity, span: tuple[int, int, int], prev: Quantity | None,
               scopes: "Scopes"):
    """(role, first cue start, last cue end) by the rules: the cue nearest
    the quantity; without one, what the sentence around it says; then
    background units and the layouts of scoring rules. ``span`` is
    (sentence start, clause start, clause end); ``prev`` the quantity before
    it in its clause, if any; ``scopes`` where the text's forecast cues and plan words end;
    ``scans`` the text with a long clause's matches found once."""
    ss, cs, ce = span
    text = scans.text
    if prev is not None and c.field_gap.match(text, prev.end, q.end):
        cs = prev.end       # 预算3.2亿元 实绩3.35亿元: a field of its own
    role, first_cue, last_cue = role_cue(c, text, cs, q.start, q.end, ce, scans)
    if first_cue is None and role == "actual":
        role = "growth" if q.text.startswith(c.change_words) else _cueless_role(c, scans, q, span, prev, scopes)
    elif role in _ONE_NUMBER_ROLES and prev is not None and last_cue is not None and last_cue <= prev.start \
            and _CJK.search(text[prev.end:q.start].translate(c.marks.no_list_gap)) \
            and (role != "other" or c.marks.list_split.search(text, prev.end, q.start) is None) \
            and not (role == prev.role == "difference" and c.difference_list is not None and is_on("difference_list")
                     and c.difference_list.match(text, prev.end, q.start)):
        role = "actual"     # 同比下降23%、死亡0人: the change cue was the quantity's before it
        #                     (抽查3个社区、5个村: a list of what is sampled shares its cue)
    if role in _LED_ROLES:
        led = lead_role(c, text, ss, cs)
        if led is not None and (role != "target" or led == "forecast"):
            role = led      # 力争到年底，森林覆盖率提高到45%; 预计到年底，…将达到58%
    if role == "growth" and ratio_part(text, q):
        role = "actual"     # 三次产业结构比重为15.9:26.7:57.4 after a growth: a ratio is a level
    if (q.unit in c.other_units and not (is_on("measured_age") and (
            role == "growth" or c.other_units_measured.search(text, cs, q.start)))) \
            or (prev is not None and prev.end == q.start and prev.role == "other"
                                   and not (is_on("class_count") and names_class(c, prev))):
        role = "other"      # (45岁以下38名: a count right after a class bound counts the class)
    return scoring_role(c, text, q, (cs, ce), prev, role, last_cue), first_cue, last_cue


def _cueless_role(c: Cues, scans: Scans, q: Quantity, span: tuple[int, int, int], prev: Quantity | None,
                  scopes: "Scopes") -> str:
    """The role of a quantity its clause gives no cue for: a cue across a
    short parenthesis, a forecast earlier in the sentence, a bound (its own or
    its list's), a clause that goes on to 的目标."""
    ss, cs, ce = span
    text = scans.text
    role = _across_parenthesis(c, text, q, cs, ce)
    if role is not None:
        return role
    if forecast_sentence(c, scopes.forecasts, scopes.asides, text, ss, cs) \
            and not any(w in text[cs:q.start] for w in c.earlier_periods) \
            and c.target_heading_reached.search(text, cs, q.start) is None:
        return "forecast"   # 预计全年实现生产总值A亿元，…；全社会固定资产投资B亿元 (not …，去年为B%; nor
        #                     a clause that says what was done: …；但土地出让收入只完成了9.8亿元 — 已, 实际)
    if plan_sentence(c, scopes.plans, text, ss, cs) and not any(w in text[cs:q.start] for w in c.earlier_periods) \
            and c.target_heading_reached.search(text, ss, q.start) is None:
        return "target"
    if prev is not None and prev.role == "target" and set(text[prev.end:q.start]) <= c.marks.list_gap:
        return "target"     # 分别不少于6个、3个、2个: the list shares its bound
    if text.startswith(words(c, "target_bounds") or ("\0",), q.start) or target_list(c, scans, cs, q.end, ce):
        return "target"     # 研发投入强度不低于3%: a bound states a requirement
    return "actual"


def _across_parenthesis(c: Cues, text: str, q: Quantity, cs: int, ce: int) -> str | None:
    """占全年控制指标(215人)的43%: a parenthesis inside a phrase does not end
    its clause. A quantity alone in parentheses reads the cue right after
    them; one right after the parenthesis reads the clause before it."""
    if text[cs - 1:cs] in ("(", "（") and q.unit not in c.score_units \
            and c.paren_target_lead.search(text, max(0, cs - 1 - _PAREN_CHARS), cs - 1):
        return "target"     # 控制指标（9起、7人）: the parenthesis gives the target named before it (not
        #                     an item's points, 绩效目标（2分）: full_target)
    if text[q.end:q.end + 1] in (")", "）") and q.norm_unit == "ratio" and (
            text[q.start - 2:q.start] in _SIGNED_OPEN
            or (text[q.start - 1:q.start] in ("(", "（") and q.text[:1] in "+-－−＋")):
        return "growth"     # 营收8483亿元（+10.4%）: a signed rate in brackets after an amount is its change
    if text[q.end:q.end + 1] in (")", "）") and text[q.start - 1:q.start] in ("(", "（"):
        if q.norm_unit == "ratio" and _DONE_COUNT.search(text, max(0, q.start - 1 - _PAREN_CHARS), q.start - 1):
            return "completion_rate"    # 12个养老驿站建设已完成7个（58%）: the share of the task done
        after = c.after.match(text, q.end + 1, clause_end(text, q.end + 1))
        return after.lastgroup if after else None
    if text[cs - 1:cs] not in (")", "）"):
        return None
    low = max(0, cs - 1 - _PAREN_CHARS)
    open_ = max(text.rfind("(", low, cs - 1), text.rfind("（", low, cs - 1))
    if open_ < 0 or cs - open_ > _PAREN_CHARS:
        return None
    role, first, _ = role_cue(c, text, clause_start(text, open_), q.start, q.end, ce)
    return role if first is not None else None
