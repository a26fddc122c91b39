"""Parts after their whole: the target or forecast a parenthesis of parts
(预算520万元（含续建项目130万元）) or a 其中 list (计划植林2.4万亩，其中核桃6200亩)
follows, whose role the parts take when they have no cue of their own."""

from __future__ import annotations

import regex

from ..document import Quantity
from .clauses import sentence_start
from .cues import Cues

# a parenthesis of parts right after a number with one of these roles takes it
_PART_ROLES = frozenset({"target", "basic_target", "full_target", "forecast"})
_PAREN_GAP = regex.compile(r"\p{Han}{0,6}")   # between a number and its parenthesis of parts
_PAREN_PARTS = 24     # quantities looked back over for the number a parenthesis of parts follows
_PARTS_REACH = 120      # characters a list of parts may run after its 其中
_PART_NAME = 20         # characters a part's name may take, with its mark
_CLAUSE_MARKS = regex.compile(r"[，,；;]")
_PARTS_GAP = regex.compile(r"\s*[，,：:]?\s*")     # between the whole and its 其中
_ITEM_BREAK = regex.compile(r"[；;\n]")     # ends a list of parts, unless 其中 opened it with a colon
_LIST_END = regex.compile(r"[。！？!?]")      # ends any list of parts


def paren_head(c: Cues, text: str, quantities: list[Quantity], k: int, cs: int) -> Quantity | None:
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


def parts_head(c: Cues, text: str, quantities: list[Quantity], k: int, ss: int) -> Quantity | None:
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
