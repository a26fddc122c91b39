"""The checks stage: placeholders, missing numbers and inconsistencies.

Each flag has a stable code (R…, in reportmine.errors), a GUIDE.md type and
subtype, a Chinese message, the spans of the quantities involved as evidence
and, where it can be computed, the arithmetic. Boilerplate is never checked.
"""

from __future__ import annotations

import bisect

from ..document import Document
from .missing import find_missing
from .placeholders import find_placeholders
from .rules import rules

__all__ = ["annotate_checks", "ChecksStage"]


class ChecksStage:
    """The checks stage, optionally with targets the user supplies."""

    def __init__(self, targets=None):
        self.targets = targets or []

    def __call__(self, doc: Document) -> Document:
        return annotate_checks(doc, self.targets)


def annotate_checks(doc: Document, targets=()) -> Document:
    r = rules()
    flags = []
    for start, end in doc.content_spans():
        placeholders = find_placeholders(doc.text, start, end, r)
        flags.extend(placeholders)
        taken = [(f.start, f.end) for f in placeholders]
        flags.extend(f for f in find_missing(doc.text, start, end, r)
                     if not any(a <= f.start < b for a, b in taken))
    starts = [q.start for q in doc.quantities]
    unit_cells = {(b.start, b.end) for b in doc.blocks if b.kind == "table_cell"}
    flags = [f for f in flags if not (f.type == "missing_number"
                                      and (_inside_quantity(doc, f, starts) or (f.start, f.end) in unit_cells
                                           or _units_line(doc.text, f, r)))]
    try:
        from .relations import find_inconsistencies
    except ImportError:
        pass
    else:
        flags.extend(find_inconsistencies(doc, targets))
    for f in flags:
        f.article = doc.article_at(f.start)
        f.page = doc.page_at(f.start)
    doc.flags = sorted(flags, key=lambda f: (f.start, f.end))
    return doc


# (a table cell that holds a unit alone, under a 计量单位 column, states the unit of
# its row's numbers: no number is missing there)


_UNIT_JOINS = " \t\u3000、，,/（）()：:"


def _units_line(text: str, f, r) -> bool:
    """A line of units alone (亿元、% under a chart's title: the units of its two
    axes) names what figures are counted in; no number is missing there."""
    start = text.rfind("\n", 0, f.start) + 1
    end = text.find("\n", f.end)
    line = text[start:end if end >= 0 else len(text)]
    if len(line) > 16:
        return False
    rest = r.rate_units.sub("", r.scaled_units.sub("", line))
    return rest.strip(_UNIT_JOINS) == ""


def _inside_quantity(doc: Document, f, starts: list[int]) -> bool:
    """A unit or a number the recognizer read as part of a whole quantity (0.46個(gè)
    百分點(diǎn) with its pinyin glosses, 近6万份): its number and unit are there."""
    k = bisect.bisect_right(starts, f.start) - 1
    while k >= 0 and f.start - doc.quantities[k].start < 64:
        q = doc.quantities[k]
        if q.start <= f.start and f.end <= q.end and q.value is not None and q.unit:
            return True
        k -= 1
    return False
