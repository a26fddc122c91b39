"""Sections whose heading states targets (（一）目标任务, 二、主要目标): a
quantity under such a heading that no cue of its clause decides, which the
rules would read as a value reached, is a target (GUIDE.md: target),
unless its clause says it was reached (已, 实际)."""

from __future__ import annotations

import bisect

from ..document import Document
from .clauses import clause_end, clause_start
from .cues import Cues
from .roles import role_cue
from .scans import Scans
from .script import simplified


_REACHED_CHARS = 24   # how far before the quantity 已/实际 is looked for


def target_spans(c: Cues, doc: Document) -> list[tuple[int, int]]:
    """(start, end) of the text each target heading governs, after its title."""
    if c.target_heading is None:
        return []
    return sorted((s.title_end, s.end) for s in doc.sections
                  if c.target_heading.fullmatch(simplified(s.title).strip(" \u3000.。：:")))


def heading_targets(c: Cues, doc: Document) -> None:
    """Set role ``target`` on the cueless ``actual`` quantities under a target heading."""
    spans = target_spans(c, doc)
    if not spans:
        return
    starts, text = [a for a, _ in spans], doc.text
    scans = Scans(text)     # a long clause's cues found once, not per quantity
    for q in doc.quantities:
        i = bisect.bisect_right(starts, q.start) - 1
        if q.role != "actual" or i < 0 or q.start >= spans[i][1]:
            continue
        cs, ce = clause_start(text, q.start), clause_end(text, q.end)
        _, first, _ = role_cue(c, text, cs, q.start, q.end, ce, scans)
        if first is None and not c.after.match(text, q.end, ce) \
                and not c.target_heading_reached.search(text, max(cs, q.start - _REACHED_CHARS), q.start):
            q.role = "target"
