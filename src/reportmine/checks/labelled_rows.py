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

import regex

from ..document import Quantity
from . import arithmetic as ar

_RATE_LABEL = regex.compile(r"(?:预算)?(?:执行|完成|支出|到位)率")   # as labelled_row's rate label
_ROW_CHARS = 80         # how far before its rate label a flattened row may start
_RATE_CHARS = 24        # and how far after it the rate stands





def check_labelled_rows(doc, found, cfg) -> None:
    text = doc.text
    if "率" not in text:
        return
    seen = -1
    for hit in _RATE_LABEL.finditer(text):      # the line is read only where a rate label stands
        m = cfg.labelled_row.search(text, max(0, seen, hit.start() - _ROW_CHARS), hit.end() + _RATE_CHARS)
        if m is None or m.start("rate_label") != hit.start():
            continue
        seen = m.end()
        plan, done = _amount(m, "plan"), _amount(m, "done")
        rate = _quantity(m, "rate", "%")
        if plan is None or done is None or rate is None or plan.norm_value <= 0 or rate.start in found.judged:
            continue
        if (m.group("plan_unit") or "") != (m.group("done_unit") or ""):
            continue
        lo, hi = ar.quotient(done, plan) or (None, None)
        if lo is None:
            continue
        arith = f"{done.text}/{plan.text} = {ar.at_precision(done.norm_value / plan.norm_value, rate, 2)}"
        if ar.fits(rate, lo, hi):
            found.verify("ratio", arith, [plan, done, rate], rate)
        elif ar.miss(rate, lo, hi) <= cfg.near_miss_ratio or (typo := ar.typo_reading(rate, lo, hi)):
            note = "" if ar.miss(rate, lo, hi) <= cfg.near_miss_ratio else ar.typo_note([(rate, typo)])
            found.flag("ratio", rate, f"{m.group('done_label')}{done.text}/{m.group('plan_label')}{plan.text}"
                       f" = {ar.at_precision(done.norm_value / plan.norm_value, rate, 2)}" + note, [plan, done])


def _amount(m, name: str) -> Quantity | None:
    return _quantity(m, name, m.group(f"{name}_unit"))


def _quantity(m, name: str, unit: str | None) -> Quantity | None:
    num = m.group(name)
    if num is None:
        return None
    s, e = m.span(name)
    if unit == "%":
        e = m.end("rate_mark")
        value = float(num.replace(",", ""))
        return Quantity(s, e, m.string[s:e], value, "%", value / 100, "ratio")
    if unit:
        e = m.end(f"{name}_unit")
    value = float(num.replace(",", ""))
    scale = {"万元": 1e4, "亿元": 1e8, "元": 1.0}.get(unit or "", 1.0)
    return Quantity(s, e, m.string[s:e], value, unit or None, value * scale, "元" if unit else None)
