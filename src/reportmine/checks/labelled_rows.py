"""A budget line flattened to one row of labels and bare numbers.

    年初预算 120 实际执行 118.5 执行率 98.75%
    | 全年预算数 | 64.8 | 全年执行数 | 64.8 | 执行率 | 100% |

A table of a performance self-assessment often reaches the office as one line
(PDF text, a pasted table): a planned amount after its label (`plan_label`:
预算, 计划, 目标…), the amount done after its own (`done_label`: 执行, 完成,
支出…) and a rate after a label ending in 率 (`rate_label`), in that order,
with only spaces, cell marks or a colon between a label and its number. The
numbers carry no unit of their own (the table's header had it), so the
recognizer does not read them as quantities: they are read here, and the rate
must be done / plan within the rounding of the three. It is flagged when a
near miss (`near_miss_ratio`) or one mistyped digit explains the gap.
"""

from __future__ import annotations

from ..document import Quantity
from . import arithmetic as ar
from .neighbourhood import Index

_ROW_CHARS = 80         # how far before its rate label a flattened row may start
_RATE_CHARS = 24        # and how far after it the rate stands


def check_labelled_rows(index: Index, found, cfg) -> None:
    text = index.text
    if "率" not in text:
        return
    seen = -1
    for hit in cfg.labelled_rate.finditer(text):    # the line is read only where a rate label stands
        m = cfg.labelled_row.search(text, max(0, seen, hit.start() - _ROW_CHARS), hit.end() + _RATE_CHARS)
        if m is None or m.start("rate_label") != hit.start():
            continue
        seen = m.end()
        plan, done, rate = (_value(index, m, name) for name in ("plan", "done", "rate"))
        if plan is None or done is None or rate is None or rate.norm_unit != "ratio" or plan.norm_value <= 0 \
                or rate.start in found.judged or plan.norm_unit != done.norm_unit:
            continue
        lo, hi = ar.quotient(done, plan) or (None, None)
        if lo is None:
            continue
        arith = f"{done.text}/{plan.text} = {ar.at_precision(done.norm_value / plan.norm_value, rate, 2)}"
        if ar.fits(rate, lo, hi):
            found.verify("ratio", arith, [plan, done, rate], rate)
        else:
            found.flag_off("ratio", rate, lo, hi, f"{m.group('done_label')}{done.text}/{m.group('plan_label')}"
                           f"{plan.text} = {ar.at_precision(done.norm_value / plan.norm_value, rate, 2)}",
                           [plan, done], cfg.near_miss_ratio)


def _value(index: Index, m, name: str) -> Quantity | None:
    """The quantity the recognizer read at the group's number (an amount with its
    unit, the rate); a bare number, which it leaves, is read here with no unit."""
    s, e = m.span(name)
    if s < 0:
        return None
    read = next((q for q in index.between(s, e + 1) if q.start <= s < q.end), None)
    if read is not None:
        return read
    if name == "rate":
        return None
    value = float(m.group(name).replace(",", ""))
    return Quantity(s, e, m.string[s:e], value, None, value, None)
