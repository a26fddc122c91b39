"""How far a cue reaches past its clause: a forecast or plan word over the
clauses after it in its sentence, a target list opened by a colon, a lead
clause (力争到年底，/ 预计到年底，) over the clause after it, a clause that goes on
to 的目标."""

from __future__ import annotations

import bisect
from typing import NamedTuple

from ..document import Quantity
from .clauses import clause_start
from .cues import Cues, before_cues, pattern
from .scans import Scans

# a forecast cue carries across ； up to a full stop or a heading run into
# the text (…96.6亿元二)加快转方式…: claims.yaml text_marks.scope_end)
_SCOPE_CHARS = 400
_LEAD_CHARS = 16       # the longest lead clause read (预计到2025年底，)


def _open_scope(c: Cues, ends: list[int], text: str, low: int, pos: int) -> int | None:
    """Where the last scope opener before ``pos`` ends (``ends``: where each
    opener of the text ends), if it ends at ``low`` or later and no scope end
    (。, a line break, a 一、 heading) stands between it and ``pos``."""
    i = bisect.bisect_right(ends, pos) - 1
    if i < 0 or ends[i] < low or c.marks.scope_end.search(text, ends[i], pos) is not None:
        return None
    return ends[i]


def lead_role(c: Cues, text: str, ss: int, cs: int) -> str | None:
    """The role a lead clause right before the quantity's clause gives it
    (claims.yaml lead_clause: 力争到年底，/ 预计到年底，), or None."""
    if cs - ss < 3:
        return None
    ps = clause_start(text, cs - 1)
    if ps < ss or cs - ps > _LEAD_CHARS:
        return None
    m = c.lead_clause.fullmatch(text[ps:cs - 1].strip())
    return m.lastgroup if m else None


class Scopes(NamedTuple):
    """Where the text's forecast cues end, and where its plan words that open a
    sentence's plan end (claims.yaml plan_scope)."""
    forecasts: list[int]
    plans: list[int]
    asides: frozenset[int]      # where the forecast cues end that are asides (forecast_asides)


def plan_sentence(c: Cues, plans: list[int], text: str, ss: int, cs: int) -> bool:
    """力争…，完成门诊诊疗36万人次，收治住院病人1.8万例: a plan word
    (``plan_scope``: 力争, 确保, 计划完成) in an earlier clause of the sentence
    covers the clauses after it that have no cue of their own (stop 38's
    annotated pages, no switch); not across ；, nor past a word that says
    how far it got (``plan_scope_end``: 截至目前)."""
    opened = _open_scope(c, plans, text, ss, cs) if plans else None
    return opened is not None and ";" not in text[ss:cs] and "；" not in text[ss:cs] \
        and (c.plan_scope_end is None or c.plan_scope_end.search(text, opened, cs) is None)


def forecast_asides(quantities: list[Quantity], bounds, forecasts: list) -> frozenset[int]:
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


def forecast_sentence(c: Cues, forecasts: list[int], asides: frozenset[int], text: str, ss: int, cs: int) -> bool:
    """A forecast cue (``forecasts``: where each ends) in an earlier clause of
    the sentence, across ``；`` (预计全年实现A亿元,增长…;B亿元,…。), covers the
    clauses after it that have no cue of their own."""
    opened = _open_scope(c, forecasts, text, ss - _SCOPE_CHARS, cs)
    return opened is not None and (opened >= ss or opened not in asides)


def in_target_scope(c: Cues, scans: Scans, targets: list[int], ss: int, cs: int, start: int) -> bool:
    """主要目标是：A增长7%，B增长8%: a target list opened by a colon
    (``targets``: where each opener ends) earlier in the sentence, and
    nothing in the quantity's clause saying it was reached (已, 实际); the list
    goes on across ；(主要预期目标：A增长7%左右；B增长6%；C增长9%。) up to a
    scope end (。, a line break, a heading)."""
    opened = _open_scope(c, targets, scans.text, 0, start)
    return opened is not None and c.target_heading_reached.search(scans.text, max(cs, opened), start) is None


def target_list(c: Cues, scans: Scans, cs: int, end: int, ce: int) -> bool:
    """围绕800头牛、5000亩青贮玉米的目标: the clause goes on, with no cue
    word, to 的目标 after the quantity."""
    tail = pattern(c, "target_list_tail")
    if tail is None:
        return False
    m = scans.search(tail, end, max(ce, end), cs)
    return m is not None and m.start() - end <= 30 and before_cues(c).search(scans.text, end, m.start()) is None
