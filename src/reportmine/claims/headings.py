"""Sections whose heading states targets (（一）目标任务, 二、主要目标): a
quantity under such a heading that no cue of its clause decides, which the
rules would read as a value reached, is a target (GUIDE.md: target),
unless its clause says it was reached (已, 实际)."""

from __future__ import annotations

import bisect

import regex

from ..document import Document
from ..structure.sections import title_of
from .clauses import clause_end, clause_start, sentence_start
from .cues import Cues, forecast_cues, pattern
from .normalized import GLOSS
from .roles import role_cue
from .scans import Scans
from .script import simplified
from .switches import is_on


_REACHED_CHARS = 24   # how far before the quantity 已/实际 is looked for


# a heading run into its text, as flattened pages leave it: （一）目标1.资产端:…
# up to the next such marker (（二）战果…) or a top-level one (二、…):
# claims.yaml text_marks.run_in_heading, next_heading_mark
_RUN_IN_CHARS = 2000
_PLAN_CHARS = 600     # the most of a paragraph a plan lead governs
_TITLE_CHARS = 24     # the longest line read as a heading's title alone


def target_spans(c: Cues, doc: Document) -> list[tuple[int, int]]:
    """(start, end) of the text each target heading governs, after its title."""
    text = doc.text
    spans = _plan_leads(c, text)
    if c.target_heading is None or not is_on("target_heading"):
        return sorted(spans)
    spans += [(s.title_end, s.end) for s in doc.sections if _is_target(c, _title(text, s))]
    spans += _title_lines(c, text, {s.title_end for s in doc.sections})
    for m in c.marks.run_in_heading.finditer(text) if is_on("run_in_heading") else ():
        if _is_target(c, m.group(1)):
            nxt = c.marks.next_heading_mark.search(text, m.end(), m.end() + _RUN_IN_CHARS)
            spans.append((m.end(), nxt.start() if nxt else min(len(text), m.end() + _RUN_IN_CHARS)))
    return sorted(spans)


def _plan_leads(c: Cues, text: str) -> list[tuple[int, int]]:
    """明年我们将重点抓好三项工作。一是…: from the end of a sentence that
    announces the coming period's work to the end of its paragraph (its line)."""
    out = []
    for m in c.plan_lead.finditer(text):
        start = max(text.rfind(ch, 0, m.start()) for ch in "。；;\n") + 1
        if any("0" <= ch <= "9" for ch in text[start:m.end()]) and not c.plan_lead.match(text, start):
            continue        # (a sentence with figures in it reports; only a lead that opens its sentence may hold a year)
        end = text.find("\n", m.end())
        out.append((m.end(), min(end if end >= 0 else len(text), m.end() + _PLAN_CHARS)))
    return out


def _title_lines(c: Cues, text: str, known: set[int]) -> list[tuple[int, int]]:
    """年度目标⏎全市…达到86%: a line that is a target heading's title alone,
    with no numbered marker (so no section of the structure stage), governs
    the lines after it up to the next such short line, a top-level numbered
    heading or a table line."""
    out, pos = [], 0
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end].strip(" \u3000\t")
        if end not in known and 2 <= len(line) <= _TITLE_CHARS and _is_target(c, line) \
                and not c.marks.title_line_stop.search(line):
            stop = end + 1
            while stop < min(len(text), end + _RUN_IN_CHARS):
                nxt = text.find("\n", stop)
                nxt = len(text) if nxt < 0 else nxt
                row = text[stop:nxt].strip(" \u3000\t")
                if row and (len(row) <= _TITLE_CHARS and not c.marks.title_line_stop.search(row)
                            or c.marks.title_line_end.match(row)):
                    break
                stop = nxt + 1
            out.append((end, min(stop, len(text))))
        pos = end + 1
    return out


def _title(text: str, s) -> str:
    """A section's title; one with pinyin glosses in it read again from its
    line with the glosses dropped (the structure stage cuts a title at its
    length limit, glosses counted)."""
    if GLOSS.search(s.title) is None:
        return s.title
    end = text.find("\n", s.title_start)
    return title_of(GLOSS.sub("", text[s.title_start:end if end >= 0 else len(text)]))


def _is_target(c: Cues, title: str) -> bool:
    # (read as the rules read text: pinyin glosses dropped, 目標(biāo) as 目标; stop 42)
    return pattern(c, "target_heading").fullmatch(simplified(GLOSS.sub("", title)).strip(" \u3000.。：:")) is not None


def heading_targets(c: Cues, doc: Document) -> None:
    """Set role ``target`` on the quantities under a target heading that the
    rules read as a value reached (no cue) or as a change (二、2024年主要目标⏎
    地区生产总值增长6%左右: a planned change, GUIDE.md's target, as a target
    list's colon makes it), unless the clause says it was reached (已, 实际)
    or reports an earlier period (上年增长5.2%), or its sentence forecasts."""
    spans = target_spans(c, doc)
    if not spans:
        return
    starts, text = [a for a, _ in spans], doc.text
    scans = Scans(text)     # a long clause's cues found once, not per quantity
    for q in doc.quantities:
        i = bisect.bisect_right(starts, q.start) - 1
        if q.role not in _HEADED_ROLES or i < 0 or q.start >= spans[i][1] or _counts_indicators(text, q):
            continue
        cs, ce = clause_start(text, q.start), clause_end(text, q.end)
        if c.target_heading_reached.search(text, max(cs, q.start - _REACHED_CHARS), q.start):
            continue
        role, first, _ = role_cue(c, text, cs, q.start, q.end, ce, scans)
        if q.role == "actual" and first is None and not c.after.match(text, q.end, ce):
            q.role = "target"
        elif q.role == "growth" and role == "growth" and q.unit not in c.score_units \
                and not _reports_earlier(c, text, cs, q.start) \
                and forecast_cues(c).search(text, sentence_start(text, q.start), q.start) is None:
            q.role = "target"       # (预计全年…14.2亿元，比今年增加0.8亿元: a forecast's change stays a change)


_HEADED_ROLES = frozenset({"actual", "growth"})


def _reports_earlier(c: Cues, text: str, cs: int, start: int) -> bool:
    """上年增长5.2%, 去年同期为…: the clause names an earlier period as its
    own, not as what a change is measured from (比上年, 较去年, 同上年)."""
    head = text[cs:start]
    for word in c.earlier_periods:
        at = head.find(word)
        while at >= 0:
            if head[max(0, at - 1):at] not in _FROM_MARKS:
                return True
            at = head.find(word, at + 1)
    return False


_FROM_MARKS = ("比", "较", "同", "于", "对")


def _counts_indicators(text: str, q) -> bool:
    """共设置绩效指标8个, 其中一级指标3个, 编制9个绩效目标指标: how many
    indicators a plan sets is no target of any (stop 42's annotated pages)."""
    return q.unit in _COUNTS and ((q.indicator or "").endswith("指标")
                                  or _INDICATOR_NOUN.match(text, q.end) is not None)


_COUNTS = ("个", "项")
_INDICATOR_NOUN = regex.compile(r"\p{Han}{0,8}?指标(?![\p{Han}])")
