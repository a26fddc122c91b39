"""Which phrase a quantity's indicator is: the noun counted right after it,
the clause head (between its cues, after a lead colon, before a
parenthesis), the indicator of the quantity before it in its sentence, the
label of a flattened table's line, or the clause before; generic items
qualified by the sentence's main indicator. The phrases themselves are
trimmed by ``indicators``."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..document import TARGET_ROLES, Quantity
from .clauses import clause_start, line_end, line_start
from .cues import Cues, before_cues
from .indicators import noun_after, phrase_before
from .roles import governs_noun, role_cue
from .background import names_class
from .scans import Scans

_LABEL_LINES = 3      # how far up a lone value looks for its label
_CJK = regex.compile(r"\p{Han}")
_OPENERS = " \t\r\n\u3000。；;，,"
_LOOKAHEAD_CHARS = 24     # how far past a cue its lookahead may read
_WORD_PAREN_CHARS = 4      # what a parenthesis inside a name holds at most: 执业（助理）医师, 出国（境）


@dataclass
class Walk:
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
        self.qualified: set[int] = set()     # id(q) of generic ones qualified by the main indicator, and their list


def clause_indicator(c: Cues, text: str, q: Quantity, clause: tuple[int, int], first_cue, last_cue,
               walk: Walk, in_clause: bool) -> str | None:
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


def inherit_indicator(c: Cues, text: str, q: Quantity, ss: int, walk: Walk) -> bool:
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
    elif q.indicator is None and prev is not None and prev.indicator and prev.role in TARGET_ROLES \
            and q.norm_unit == prev.norm_unit and q.approx is None and text.rfind("\n", prev.end, q.start) < 0 \
            and c.subjectless_head.fullmatch(text, ss, q.start):
        q.indicator = prev.indicator    # …收入预算为16亿元。全年实际完成16.8亿元: a sentence naming nothing reports on the target before
        walk.inherited.add(id(q))
    elif _generic(q.indicator) and base and q.indicator not in base:
        q.indicator = _qualify(c, base, q.indicator)   # 参保…41.25万人，参保率97.6% / 其中省级8项
        walk.qualified.add(id(q))
    elif base and q.indicator and q.indicator.endswith(c.reference_tails):
        q.indicator = base      # 收入累计完成A万元，完成年初预算数B万元的C%: 预算数 names the reference
    elif same_sentence and id(prev) in walk.qualified and q.indicator == prev.indicator:
        # 低保户420户1310人，其中一类户…: 1310人 took the qualified 低保户 of the number
        # before it; the items after are not parts of it but of the sentence's main one
        walk.qualified.add(id(q))
    elif q.indicator and not _generic(q.indicator):
        walk.own[id(q)] = q.indicator
        walk.parent = q
    return same_sentence


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


def line_label(c: Cues, scans: Scans, q: Quantity, line: int) -> str | None:
    """A value alone on its line (a table flattened one cell per line:
    覆盖率 |, 99% |, 99% |) measures the nearest line above that is a label;
    a value that opens its line measures the last clause of the line above
    when that ends in a word (a sentence broken before its number)."""
    text = scans.text
    if line < 0 or scans.has_han(line + 1, q.start):
        return None
    if scans.has_han(q.end, line_end(text, q.end)):
        # not alone: a sentence PDF text broke right before its number (报告发病率⏎186.43/10万，比上年…)
        # when the line above ends in a word, without a mark that ends a clause
        above = text[line_start(text, line):line].rstrip(" \t\u3000")
        return _last_clause(c, text, line) if above and _is_han(above, len(above) - 1) else None
    for _ in range(_LABEL_LINES):
        start = line_start(text, line)
        if _CJK.search(text, start, line):
            return _last_clause(c, text, line)
        if start == 0:
            break
        line = start - 1
    return None


def _last_clause(c: Cues, text: str, line: int) -> str | None:
    """The phrase of the last clause of the line that ends at ``line``
    (婴儿死亡率3.19‰。报告发病率⏎: 报告发病率, not the line's first sentence)."""
    start = line_start(text, line)
    return phrase_before(c, text, max(start, clause_start(text, line, start)), line)


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


def qualify_list_items(c: Cues, bounds, quantities: list[Quantity]) -> None:
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


def previous_clause(c: Cues, text: str, ss: int, cs: int) -> str | None:
    """招商引资到位资金上半年完成任务…,而全年预测只有3.6亿元: the clause before names it."""
    pcs = clause_start(text, cs - 1, ss)
    _, first_cue, _ = role_cue(c, text, pcs, cs - 1, cs - 1, cs - 1)
    end = first_cue if first_cue is not None else cs - 1
    verb = c.clause_verbs.search(text, pcs, end)
    return phrase_before(c, text, pcs, verb.start() if verb and verb.start() > pcs else end)
