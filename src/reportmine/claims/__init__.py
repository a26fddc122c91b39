"""The claims stage: role, indicator and period for every quantity.

For each quantity the clause before it is read: the nearest role cue decides
the role (data/claims.yaml); the noun right after the quantity (创建30间名师
工作室) or else the clause head trimmed of verbs, fillers and cue words is the
indicator; the nearest period phrase in the sentence is the period. A quantity
whose clause names no indicator (完成县下达任务的106%, 全年预测238万元) takes
it from the quantity before it in the same sentence, or from the clause before.
分别/依次 lists are paired element by element.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import NamedTuple

import regex

from ..document import Document, Quantity
from . import lists
from .clauses import boundaries, clause_end, clause_start, line_end, line_start, sentence_start
from .cues import Cues, before_cues, cues, forecast_cues, pattern, words
from .features import quantity_features
from .model import RoleModel, default_model
from .normalized import View, assign_in_view
from .headings import heading_targets
from .indicators import noun_after, phrase_before
from .periods import period_before
from .roles import governs_noun, role_cue
from .background import (background, bound_of_noun, class_lists, class_threshold, counted_among, described,
                         example_sentence, names_class, profile_sentence, subject_count, territory)
from .scans import Scans
from .triples import rate_triples
from .scoring_layout import achieved_runs, ratio_part, scoring_role
from .switches import is_on
from .labels import label_claims
from .tables import glued_pair_claims, line_table_claims, table_claims

__all__ = ["annotate_claims", "apply_role_model", "assign_claims", "rule_claims"]

_INHERIT_ROLES = frozenset({"completion_rate", "growth", "forecast", "target", "basic_target",
                            "full_target", "difference"})
_SCOPED_ROLES = frozenset({"actual", "growth"})     # roles a target list's colon overrules
# a parenthesis of parts right after a number with one of these roles takes it
_PART_ROLES = frozenset({"target", "basic_target", "full_target", "forecast"})
_PAREN_GAP = regex.compile(r"\p{Han}{0,6}")   # between a number and its parenthesis of parts
_PAREN_PARTS = 24     # quantities looked back over for the number a parenthesis of parts follows
_CHANGE_ROLES = frozenset({"growth", "difference"})   # cues that bind to one number
_TARGET_ROLES = frozenset({"target", "basic_target", "full_target"})   # a target a subjectless sentence reports on
_ONE_NUMBER_ROLES = _CHANGE_ROLES | {"other"}          # 年龄在35岁以下的干部占42%: 年龄 is the age's
_LABEL_LINES = 3      # how far up a lone value looks for its label
_CJK = regex.compile(r"\p{Han}")
_OPENERS = " \t\r\n\u3000。；;，,"
# a forecast cue carries across ； up to a full stop or a heading run into
# the text (…96.6亿元二)加快转方式…: claims.yaml text_marks.scope_end)
_SCOPE_CHARS = 400
_LEAD_CHARS = 16       # the longest lead clause read (预计到2025年底，)
_LED_ROLES = frozenset({"actual", "growth", "target"})
_PAREN_CHARS = 24     # a parenthesis this short stays inside its clause
_LOOKAHEAD_CHARS = 24     # how far past a cue its lookahead may read


def annotate_claims(doc: Document, model: RoleModel | None | str = None) -> Document:
    """Rules (cues, tables, lists); with ``model`` ("default": the shipped
    one) the role model then sets every role over the whole document, reading
    what the rules said as one of its features. Off by default: by LODO it
    wins role accuracy on realdev but not claim recall (models/ROLES.md)."""
    rules = rule_claims(doc)
    if model == "default":
        model = default_model()
    if model is not None:
        apply_role_model(doc, model, rules)
    return doc


@dataclass
class RuleClaims:
    """What the rules leave for the model: the indicator each quantity named
    before a role ``other`` cleared it (id(q) -> phrase) and the text view."""

    raw: dict[int, str | None]
    view: View | None       # None: the document was read chunk by chunk


def rule_claims(doc: Document) -> RuleClaims:
    """The rules' roles, indicators and periods on every quantity."""
    raw: dict[int, str | None] = {}
    chunks = doc.chunks()
    if len(chunks) == 1:
        view = assign_in_view(assign_claims, doc.text, doc.quantities, raw)
    else:
        view = None
        _chunk_claims(doc, chunks, raw)
    table_claims(doc, cues())
    line_table_claims(doc, cues())
    glued_pair_claims(doc, cues())
    label_claims(doc, cues())
    heading_targets(cues(), doc)
    return RuleClaims(raw, view)


def _chunk_claims(doc: Document, chunks, raw: dict) -> None:
    """The rules chunk by chunk, each on its own text (from a few lines before
    it); the 分别 lists are numbered on across the chunks."""
    import bisect

    from ..chunks import context_start, shift

    starts = [a for a, _ in chunks]
    parts: list[list[Quantity]] = [[] for _ in chunks]
    for q in doc.quantities:
        parts[bisect.bisect_right(starts, q.start) - 1].append(q)
    groups = 0
    for (a, b), qs in zip(chunks, parts):
        if not qs:
            continue
        c = context_start(doc.text, a)
        shift(qs, -c)
        try:
            assign_in_view(assign_claims, doc.text[c:b], qs, raw)
        finally:
            shift(qs, c)
        numbered = [q.group for q in qs if q.group is not None]
        for q in qs:
            if q.group is not None:
                q.group += groups
        groups += max(numbered) + 1 if numbered else 0


def apply_role_model(doc: Document, model: RoleModel, rules: RuleClaims) -> None:
    """Set each quantity's role to the model's; an ``other`` quantity names no
    indicator, one the rules had made ``other`` gets back the phrase it named."""
    roles = model.predict(quantity_features(doc, rules.view if rules.view is not None else View(doc.text)))
    for q, role in zip(doc.quantities, roles):
        if role == q.role:
            continue
        if role == "other":
            q.indicator = None
        elif q.role == "other":
            q.indicator = rules.raw.get(id(q))
        q.role = role


@dataclass
class _Walk:
    """What the walk over a document's quantities remembers from the ones before."""

    prev: Quantity | None = None
    parent: Quantity | None = None   # the last quantity of the sentence that named its own indicator
    named: Quantity | None = None    # the sentence's last claim with an indicator (skips weights)
    prev_after: int = 0              # where prev's counted noun ends
    prev_sentence: int = -1
    prev_line: int = -1
    target: Quantity | None = None   # the last target that named an indicator, its line and sentence
    target_line: int = -1
    target_sentence: int = -1

    def __post_init__(self):
        self.own: dict[int, str] = {}        # id(q) -> the indicator it named itself
        self.inherited: set[int] = set()     # id(q) of quantities that took the indicator before them


def assign_claims(text: str, quantities: list[Quantity], raw: dict[int, str | None] | None = None) -> None:
    """Role, indicator, period (and setter) of every quantity, in text order;
    then 分别/依次 lists are paired and parts refer back to their whole."""
    c, bounds, walk, scans = cues(), boundaries(text, len(quantities)), _Walk(), Scans(text)
    forecasts = list(forecast_cues(c).finditer(text)) if quantities and is_on("forecast_scope") else []
    scopes = _Scopes([m.end() for m in forecasts],
                     [m.end() for m in c.plan_scope.finditer(text)] if quantities and c.plan_scope is not None else [],
                     _forecast_asides(quantities, bounds, forecasts))
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
        elif role in _SCOPED_ROLES and targets and q.unit not in c.score_units and _in_target_scope(c, scans, targets, ss, cs, q.start):
            role = "target"
        if role == "actual" and first_cue is None and c.paren_parts and is_on("paren_parts"):
            head = _paren_head(c, text, quantities, k, cs)
            role = head.role if head is not None else role     # 预算520万元（含续建项目130万元）
        if role == "actual" and first_cue is None and c.parts_lead:
            head = _parts_head(c, text, quantities, k, ss)
            role = head.role if head is not None else role     # 计划植林2.4万亩，其中核桃6200亩
        q.role = role
        after = _indicator(c, text, q, (cs, ce), first_cue, last_cue, walk, in_clause)
        if prev is not None and prev.end == q.start - 1 and text[q.start - 1] in "(（" \
                and text[q.end:q.end + 1] in (")", "）") and prev.indicator:
            q.indicator = prev.indicator    # 已完成8个（53%）: a number alone in brackets right after another is of its indicator
        same_sentence = _inherit_indicator(c, text, q, ss, walk)
        if q.indicator is None and not same_sentence and cs > ss:
            q.indicator = _previous_clause(c, text, ss, cs)
        if q.indicator is None and role == "completion_rate" and walk.target is not None \
                and walk.target_line == line and walk.target_sentence != ss:
            q.indicator = walk.target.indicator     # …任务4.5万亩。…亩均财政投入1500元。任务完成率为94%: the task's
        if q.indicator is None and prev is not None and walk.prev_line == line and role in _INHERIT_ROLES:
            q.indicator = prev.indicator
        if q.indicator is None:
            q.indicator = _line_label(c, scans, q, line)
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
        if role in _TARGET_ROLES and q.indicator:
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
    _qualify_list_items(c, bounds, quantities)
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
               scopes: "_Scopes"):
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
        led = _lead(c, text, ss, cs)
        if led is not None and (role != "target" or led == "forecast"):
            role = led      # 力争到年底，森林覆盖率提高到45%; 预计到年底，…将达到58%
    if role == "growth" and ratio_part(text, q):
        role = "actual"     # 三次产业结构比重为15.9:26.7:57.4 after a growth: a ratio is a level
    if q.unit in c.other_units or (prev is not None and prev.end == q.start and prev.role == "other"
                                   and not (is_on("class_count") and names_class(c, prev))):
        role = "other"      # (45岁以下38名: a count right after a class bound counts the class)
    return scoring_role(c, text, q, (cs, ce), prev, role, last_cue), first_cue, last_cue


def _cueless_role(c: Cues, scans: Scans, q: Quantity, span: tuple[int, int, int], prev: Quantity | None,
                  scopes: "_Scopes") -> str:
    """The role of a quantity its clause gives no cue for: a cue across a
    short parenthesis, a forecast earlier in the sentence, a bound (its own or
    its list's), a clause that goes on to 的目标."""
    ss, cs, ce = span
    text = scans.text
    role = _across_parenthesis(c, text, q, cs, ce)
    if role is not None:
        return role
    if _forecast_sentence(c, scopes.forecasts, scopes.asides, text, ss, cs) \
            and not any(w in text[cs:q.start] for w in c.earlier_periods) \
            and c.target_heading_reached.search(text, cs, q.start) is None:
        return "forecast"   # 预计全年实现生产总值A亿元，…；全社会固定资产投资B亿元 (not …，去年为B%; nor
        #                     a clause that says what was done: …；但土地出让收入只完成了9.8亿元 — 已, 实际)
    if _plan_sentence(c, scopes.plans, text, ss, cs) and not any(w in text[cs:q.start] for w in c.earlier_periods) \
            and c.target_heading_reached.search(text, ss, q.start) is None:
        return "target"
    if prev is not None and prev.role == "target" and set(text[prev.end:q.start]) <= c.marks.list_gap:
        return "target"     # 分别不少于6个、3个、2个: the list shares its bound
    if text.startswith(words(c, "target_bounds") or ("\0",), q.start) or _target_list(c, scans, cs, q.end, ce):
        return "target"     # 研发投入强度不低于3%: a bound states a requirement
    return "actual"


def _paren_head(c: Cues, text: str, quantities: list[Quantity], k: int, cs: int) -> Quantity | None:
    """The target or forecast that a parenthesis of parts right after it
    (（含2个续建项目130万元）, claims.yaml paren_parts) lists parts of, for the k-th
    quantity when its clause is that parenthesis."""
    if text[cs - 1:cs] not in ("(", "（") or not text.startswith(c.paren_parts, cs):
        return None
    for j in range(k - 1, max(-1, k - _PAREN_PARTS), -1):      # the quantities inside it, then the head
        head = quantities[j]
        if head.end <= cs - 1:
            if _PAREN_GAP.fullmatch(text, head.end, cs - 1) and head.role in _PART_ROLES:
                return head
            return None
    return None


def _parts_head(c: Cues, text: str, quantities: list[Quantity], k: int, ss: int) -> Quantity | None:
    """计划新植林2.4万亩，其中核桃6200亩，板栗4100亩: the target or forecast
    right before a 其中 (claims.yaml parts_lead) earlier in the k-th quantity's
    sentence, whose parts the quantities after it list (stop 39's annotated
    pages); not across ；, unless 其中 opens a list with a colon (其中：渠道维修40件；
    塘坝整治120件；…), whose items ； separates."""
    q = quantities[k]
    lo = max(0, q.start - _PARTS_REACH)
    i, lead = max((text.rfind(w, lo, q.start), w) for w in c.parts_lead)
    if i < 0:
        return None
    listed = text[i + len(lead):i + len(lead) + 1] in (":", "：")
    if _LIST_END.search(text, i, q.start) or not listed and (i < ss or _ITEM_BREAK.search(text, i, q.start)):
        return None
    end = q.start
    for j in range(k - 1, -1, -1):
        head = quantities[j]
        if head.end <= i:
            if head.start >= sentence_start(text, i) and _PARTS_GAP.fullmatch(text, head.end, i) \
                    and head.role in _PART_ROLES and _part_gap(text, i + len(lead), end):
                return head
            return None
        if not _part_gap(text, head.end, end):
            return None     # …其中市外到位资金5200万元，今年以来，我镇对接客商9次: the list ended
        end = head.start
    return None


def _part_gap(text: str, start: int, end: int) -> bool:
    """What stands between two parts of a list (or 其中 and its first part): a
    name, after at most one clause mark."""
    return end - start <= _PART_NAME and len(_CLAUSE_MARKS.findall(text, start, end)) <= 1


_PARTS_REACH = 120      # characters a list of parts may run after its 其中
_PART_NAME = 20         # characters a part's name may take, with its mark
_CLAUSE_MARKS = regex.compile(r"[，,；;]")
_PARTS_GAP = regex.compile(r"\s*[，,：:]?\s*")     # between the whole and its 其中
_ITEM_BREAK = regex.compile(r"[；;\n]")     # ends a list of parts, unless 其中 opened it with a colon
_LIST_END = regex.compile(r"[。！？!?]")      # ends any list of parts


# a count of what was done of a task right before a bracket (已完成8个, 已送230场)
_DONE_COUNT = regex.compile(r"(?:已|累计|共)(?:完成|建成|送|办结|整改|开工|竣工)[^，。；,;()（）]{0,6}?[0-9０-９]+\s*\p{Han}{0,2}$")
_SIGNED_OPEN = frozenset(a + b for a in "(（" for b in "+＋")     # (a minus sign is read into the number: q.text)


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


def _indicator(c: Cues, text: str, q: Quantity, clause: tuple[int, int], first_cue, last_cue,
               walk: _Walk, in_clause: bool) -> str | None:
    """Set q.indicator from its own clause: the noun counted right after it,
    a list's shared indicator, or the clause head; returns that noun."""
    cs, ce = clause
    prev = walk.prev
    seg = max(cs, walk.prev_after) if in_clause else _word_parenthesis(text, cs)
    if in_clause and prev.role == "other" and names_class(c, prev):
        seg = max(cs, prev.start)   # 6岁以下儿童1820人: the class the bound names is what is counted
    after = noun_after(c, text, q.end, ce)
    before = None
    if last_cue is not None and seg <= last_cue < q.start and not text.endswith(c.comparison_words, seg, last_cue):
        before = phrase_before(c, text, last_cue, q.start)   # 确定全年|接待游客|600万人次
    if before is None:
        before = _after_colon(c, text, seg, q)
    if before is None:
        head_end = first_cue if first_cue is not None and first_cue >= seg else _cue_in(c, text, seg, q.start)
        between = _between_cues(c, text, max(seg, head_end), last_cue)
        if between and text.startswith(c.issuer_verbs, head_end):
            before = between    # 市商务局|下达|我县全年社会消费品零售总额|目标任务|168亿元: who assigned is no indicator
        else:
            before = phrase_before(c, text, seg, head_end) or between or _before_parenthesis(c, text, q)
    listed = in_clause and set(text[prev.end:q.start]) <= c.marks.list_gap
    q.indicator = after or (prev.indicator if listed and prev.indicator else before)
    if not after and listed and prev.indicator and id(prev) in walk.inherited:
        walk.inherited.add(id(q))   # 分别下降a%、b%: a list item shares what its first item took
    return after


def _inherit_indicator(c: Cues, text: str, q: Quantity, ss: int, walk: _Walk) -> bool:
    """Within a sentence: a quantity naming no indicator takes the one before
    it, a generic one is qualified by the sentence's main indicator, a
    reference (预算数) is replaced by it. Returns whether q shares the
    sentence of the quantity before it."""
    prev = walk.prev
    same_sentence = prev is not None and walk.prev_sentence == ss
    if not same_sentence and not text[ss:q.start].lstrip(_OPENERS).startswith(c.parts_lead or ("\0",)):
        walk.parent = walk.named = None
    base = walk.own.get(id(walk.parent)) if walk.parent is not None else None
    if q.indicator is None and same_sentence:
        q.indicator = prev.indicator or (walk.named.indicator if walk.named is not None else None)
        walk.inherited.add(id(q))
    elif q.indicator is None and prev is not None and prev.indicator \
            and c.earlier_level_head.fullmatch(text[ss:q.start].strip(_OPENERS + " \u3000")):
        q.indicator = prev.indicator    # …利润4.2亿元。去年同期为3.5亿元: last year's level of the same
        walk.inherited.add(id(q))
    elif q.indicator is None and prev is not None and prev.start < ss < prev.end and prev.indicator:
        q.indicator = prev.indicator    # 总产150⏎⏎2、28吨，较上年增长9.1%: the number broke across the sentence start
        walk.inherited.add(id(q))
    elif q.indicator is None and prev is not None and prev.indicator and prev.role in _TARGET_ROLES \
            and q.norm_unit == prev.norm_unit and q.approx is None and text.rfind("\n", prev.end, q.start) < 0 \
            and c.subjectless_head.fullmatch(text, ss, q.start):
        q.indicator = prev.indicator    # …收入预算为16亿元。全年实际完成16.8亿元: a sentence naming nothing reports on the target before
        walk.inherited.add(id(q))
    elif _generic(q.indicator) and base and q.indicator not in base:
        q.indicator = _qualify(c, base, q.indicator)   # 参保…41.25万人，参保率97.6% / 其中省级8项
    elif base and q.indicator and q.indicator.endswith(c.reference_tails):
        q.indicator = base      # 收入累计完成A万元，完成年初预算数B万元的C%: 预算数 names the reference
    elif q.indicator and not _generic(q.indicator):
        walk.own[id(q)] = q.indicator
        walk.parent = q
    return same_sentence


def _open_scope(c: Cues, ends: list[int], text: str, low: int, pos: int) -> int | None:
    """Where the last scope opener before ``pos`` ends (``ends``: where each
    opener of the text ends), if it ends at ``low`` or later and no scope end
    (。, a line break, a 一、 heading) stands between it and ``pos``."""
    i = bisect.bisect_right(ends, pos) - 1
    if i < 0 or ends[i] < low or c.marks.scope_end.search(text, ends[i], pos) is not None:
        return None
    return ends[i]


def _lead(c: Cues, text: str, ss: int, cs: int) -> str | None:
    """The role a lead clause right before the quantity's clause gives it
    (claims.yaml lead_clause: 力争到年底，/ 预计到年底，), or None."""
    if cs - ss < 3:
        return None
    ps = clause_start(text, cs - 1)
    if ps < ss or cs - ps > _LEAD_CHARS:
        return None
    m = c.lead_clause.fullmatch(text[ps:cs - 1].strip())
    return m.lastgroup if m else None


class _Scopes(NamedTuple):
    """Where the text's forecast cues end, and where its plan words that open a
    sentence's plan end (claims.yaml plan_scope)."""
    forecasts: list[int]
    plans: list[int]
    asides: frozenset[int]      # where the forecast cues end that are asides (_forecast_asides)


def _plan_sentence(c: Cues, plans: list[int], text: str, ss: int, cs: int) -> bool:
    """力争…，完成门诊诊疗36万人次，收治住院病人1.8万例: a plan word
    (``plan_scope``: 力争, 确保, 计划完成) in an earlier clause of the sentence
    covers the clauses after it that have no cue of their own (stop 38's
    annotated pages, no switch); not across ；, nor past a word that says
    how far it got (``plan_scope_end``: 截至目前)."""
    opened = _open_scope(c, plans, text, ss, cs) if plans else None
    return opened is not None and ";" not in text[ss:cs] and "；" not in text[ss:cs] \
        and (c.plan_scope_end is None or c.plan_scope_end.search(text, opened, cs) is None)


def _forecast_asides(quantities: list[Quantity], bounds, forecasts: list) -> frozenset[int]:
    """Where the forecast cues (``forecasts``: their matches) end that are
    written after a quantity of their own sentence (…已建成6座，其余2座预计年底前完工；改造管网3.5公里):
    an aside on what the sentence reports, whose scope stops at the sentence's
    end, not going on across ；as a sentence that opens with its forecast does
    (stop 42's annotated pages)."""
    starts = [q.start for q in quantities]
    out = set()
    for m in forecasts:
        i = bisect.bisect_left(starts, bounds.sentence_start(m.start()))
        if i < len(starts) and starts[i] < m.start():
            out.add(m.end())
    return frozenset(out)


def _forecast_sentence(c: Cues, forecasts: list[int], asides: frozenset[int], text: str, ss: int, cs: int) -> bool:
    """A forecast cue (``forecasts``: where each ends) in an earlier clause of
    the sentence, across ``；`` (预计全年实现A亿元,增长…;B亿元,…。), covers the
    clauses after it that have no cue of their own."""
    opened = _open_scope(c, forecasts, text, ss - _SCOPE_CHARS, cs)
    return opened is not None and (opened >= ss or opened not in asides)


def _in_target_scope(c: Cues, scans: Scans, targets: list[int], ss: int, cs: int, start: int) -> bool:
    """主要目标是：A增长7%，B增长8%: a target list opened by a colon
    (``targets``: where each opener ends) earlier in the sentence, and
    nothing in the quantity's clause saying it was reached (已, 实际); the list
    goes on across ；(主要预期目标：A增长7%左右；B增长6%；C增长9%。) up to a
    scope end (。, a line break, a heading)."""
    opened = _open_scope(c, targets, scans.text, 0, start)
    return opened is not None and c.target_heading_reached.search(scans.text, max(cs, opened), start) is None


def _between_cues(c: Cues, text: str, start: int, end: int | None) -> str | None:
    """力争全年地区生产总值增长7%, 确保城镇登记失业率控制在3.5%以内: the
    indicator written between the clause's first cue and its last (``end``,
    where the last ends): the last stretch between two cues that names one."""
    if end is None or end <= start:
        return None
    found, pos = None, None
    # searched past ``end`` so that a cue's lookahead sees what follows it (控制在…以内)
    for m in before_cues(c).finditer(text, start, min(len(text), end + _LOOKAHEAD_CHARS)):
        if m.end() > end:
            break
        if pos is not None and m.start() > pos:
            found = phrase_before(c, text, pos, m.start()) or found
        pos = m.end() if pos is None else max(pos, m.end())
    return found


def _after_colon(c: Cues, text: str, seg: int, q: Quantity) -> str | None:
    """主要预期目标是：地区生产总值增长6%: words before a colon that end in a
    lead word (``colon_leads``: 是, 如下) lead in; the indicator is the
    phrase after the colon, when one is written there. Other words before a
    colon (水上交通：事故3起, 巩固率：目标95%) and a list's lead (分别为：
    东镇80.1%) keep their place in the head. Cues are looked for up to the
    quantity's end, so that one that must see its number (目标95%) is found."""
    colon = max(text.rfind("：", seg, q.start), text.rfind(":", seg, q.start))
    lead = text[seg:colon].rstrip(" \u3000") if colon >= 0 else ""
    if not lead.endswith(c.colon_leads) or lead.endswith(c.colon_list_leads):
        return None
    return phrase_before(c, text, colon + 1, min(_cue_in(c, text, colon + 1, q.end), q.start))


def _cue_in(c: Cues, text: str, start: int, end: int) -> int:
    """Where the first cue of text[start:end] starts (end if none): 事故起数同比
    下降16.7%、死亡人数同比下降12.5%: the second head ends at its own cue."""
    for m in before_cues(c).finditer(text, start, end):
        if not governs_noun(c, text, m):
            return m.start()
    return end


def _target_list(c: Cues, scans: Scans, cs: int, end: int, ce: int) -> bool:
    """围绕800头牛、5000亩青贮玉米的目标: the clause goes on, with no cue
    word, to 的目标 after the quantity."""
    tail = pattern(c, "target_list_tail")
    if tail is None:
        return False
    m = scans.search(tail, end, max(ce, end), cs)
    return m is not None and m.start() - end <= 30 and before_cues(c).search(scans.text, end, m.start()) is None


def _line_label(c: Cues, scans: Scans, q: Quantity, line: int) -> str | None:
    """A value alone on its line (a table flattened one cell per line:
    覆盖率 |, 99% |, 99% |) measures the nearest line above that is a label."""
    text = scans.text
    if line < 0 or scans.has_han(line + 1, q.start) or scans.has_han(q.end, line_end(text, q.end)):
        return None
    for _ in range(_LABEL_LINES):
        start = line_start(text, line)
        label = text[start:line]
        if _CJK.search(label):
            return phrase_before(c, text, start, line)
        if start == 0:
            break
        line = start - 1
    return None


_WORD_PAREN_CHARS = 4      # what a parenthesis inside a name holds at most: 执业（助理）医师, 出国（境）


def _word_parenthesis(text: str, cs: int) -> int:
    """每千人口拥有执业（助理）医师3.12人: a short parenthesis of words between
    words is part of a name and ends no clause head: where the head starts
    then (the clause before the parenthesis, when it holds no number); else ``cs``."""
    if cs < 3 or text[cs - 1] not in ")）" or not (_is_han(text, cs) or text[cs:cs + 1].isdigit()):
        return cs       # (a number right after it: 化肥施用量（折纯）3.46万吨, the note trimmed from the head)
    open_ = max(text.rfind("(", max(0, cs - 2 - _WORD_PAREN_CHARS), cs - 1),
                text.rfind("（", max(0, cs - 2 - _WORD_PAREN_CHARS), cs - 1))
    if open_ < 1 or not _is_han(text, open_ - 1) or not all(_is_han(text, i) for i in range(open_ + 1, cs - 1)):
        return cs
    start = clause_start(text, open_)
    return cs if any(ch.isdigit() for ch in text[start:open_]) else start


def _is_han(text: str, i: int) -> bool:
    return i < len(text) and "\u4e00" <= text[i] <= "\u9fff"


def _before_parenthesis(c: Cues, text: str, q: Quantity) -> str | None:
    """规划 (15分) / 基础台账完整准确(10分): a quantity alone in parentheses
    measures what is written right before them."""
    open_ = q.start - 1
    while open_ >= 0 and text[open_] in " \u3000":
        open_ -= 1
    if open_ < 0 or text[open_] not in "(（" or text[q.end:q.end + 1] not in (")", "）"):
        return None
    end = open_
    while end > 0 and text[end - 1] in " \u3000":
        end -= 1
    return phrase_before(c, text, clause_start(text, end), end)


def _generic(phrase: str | None) -> bool:
    """参保率, 办结, 结余: too short to name an indicator on its own."""
    return phrase is not None and len(phrase) <= 3


def _qualify_list_items(c: Cues, bounds, quantities: list[Quantity]) -> None:
    """来访96批1548人次，批次、人次分别上升a%、b%: the items a 分别 list split
    its indicator into are generic (批次, 人次); when as many quantities right
    before the list in its sentence share one indicator, the list measures
    those, and each item is qualified by it."""
    groups: dict[int, list[Quantity]] = {}
    for i, q in enumerate(quantities):
        if q.group is not None:
            groups.setdefault(q.group, []).append(i)
    for members in groups.values():
        first, n = members[0], len(members)
        before = [q for q in quantities[max(0, first - n):first] if q.group is None]
        if len(before) != n or not before[0].indicator or _generic(before[0].indicator) \
                or any(q.indicator != before[0].indicator for q in before) \
                or bounds.sentence_start(before[0].start) != bounds.sentence_start(quantities[first].start):
            continue
        for i in members:
            q = quantities[i]
            if _generic(q.indicator) and q.indicator not in before[0].indicator:
                q.indicator = _qualify(c, before[0].indicator, q.indicator)


def _qualify(c: Cues, parent: str, phrase: str) -> str:
    """A generic indicator with the sentence's main one (claims.yaml
    text_marks.qualify_class, qualify_parent)."""
    if phrase.endswith(c.marks.qualify_class):
        return phrase + parent          # 其中省级8项 -> 省级非物质文化遗产代表性项目
    for suffix in c.marks.qualify_parent:
        if parent.endswith(suffix) and len(parent) > len(suffix) + 1:
            parent = parent[: -len(suffix)]
            break
    # 养老保险参保 + 参保率 -> 养老保险参保率: the words they share are written once
    overlap = next((n for n in range(min(len(parent) - 1, len(phrase) - 1), 1, -1)
                    if parent.endswith(phrase[:n])), 0)
    return parent + phrase[overlap:]


def _previous_clause(c: Cues, text: str, ss: int, cs: int) -> str | None:
    """招商引资到位资金上半年完成任务…,而全年预测只有3.6亿元: the clause before names it."""
    pcs = clause_start(text, cs - 1, ss)
    _, first_cue, _ = role_cue(c, text, pcs, cs - 1, cs - 1, cs - 1)
    end = first_cue if first_cue is not None else cs - 1
    verb = c.clause_verbs.search(text, pcs, end)
    return phrase_before(c, text, pcs, verb.start() if verb and verb.start() > pcs else end)
