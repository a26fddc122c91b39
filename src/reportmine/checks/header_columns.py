"""Table columns named by their header: a rate column against the amounts it divides.

A budget table of a performance self-assessment names its columns, and the
rate is not always the quotient of the first two numbers of a row:

    项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
    年度资金总额     | 640        | 680        | 646        | 10   | 95%    | 9.5

Under a header row (a row of labels without numbers), a column whose label
ends in 率 and names what was done (`column_rate`: 执行率, 完成率, 到位率)
is read against the columns named for the amount done (`column_done`:
全年执行数, 实际完成) and for the amount planned (`column_plan`: 年初预算数,
全年预算数, 目标值). Only rows with as many cells as the header are read, so a
cell is under its label. The rate verifies when done / plan fits it for one of
the planned columns; when none fits, it is flagged when the gap from the
planned column nearest before the done column is a near miss
(`near_miss_ratio`) or one mistyped digit, and no other column of the row
fits (a planned amount under a label the data does not know, 调整预算).
The flag names the two columns (表中全年执行数/全年预算数) and its evidence is
the cells as the pipeline read them (unit, role, indicator). This check runs
before the sentence-level completion check, which then leaves such a rate to it.
"""

from __future__ import annotations

from ..document import Quantity
from . import arithmetic as ar
from .neighbourhood import Index
from .tables import cell_quantity, table_rows


def check_header_columns(index: Index, found, cfg) -> None:
    if "率" not in index.text:
        return
    for t in index.doc.tables:
        head = None
        # a cell's number as the pipeline read it (unit, role, indicator: the flag's
        # evidence), else as this check reads it
        read = {q.start: q for q in index.between(t.start, t.end)}
        for _, cells in table_rows(index.text, t.start, t.end):
            values = [cell_quantity(part, at) for part, at in cells]
            if not any(values):
                head = _columns([part.strip() for part, _ in cells], cfg) if len(cells) >= 3 else None
            elif head is not None and len(cells) == head[0]:
                values = [read.get(v.start, v) if v is not None else None for v in values]
                _judge_row(found, values, head[1:], cfg)


def _columns(labels: list[str], cfg):
    """(cell count, plan columns, done column, rate column, labels) of a header row, or None."""
    rate = [j for j, s in enumerate(labels) if cfg.column_rate.fullmatch(s)]
    done = [j for j, s in enumerate(labels) if cfg.column_done.fullmatch(s)]
    plan = [j for j, s in enumerate(labels) if cfg.column_plan.fullmatch(s)]
    if len(rate) != 1 or len(done) != 1 or not plan:
        return None
    return len(labels), plan, done[0], rate[0], labels


def _judge_row(found, values: list[Quantity | None], head, cfg) -> None:
    plans, d, r, labels = head
    done, rate = values[d], values[r]
    if done is None or rate is None or rate.norm_unit != "ratio" or done.norm_unit == "ratio" \
            or rate.start in found.judged:
        return
    tried = []
    for j in plans:
        plan = values[j]
        if plan is None or plan.norm_unit != done.norm_unit or not plan.norm_value or plan.norm_value <= 0:
            continue
        interval = ar.quotient(done, plan)
        if interval is None:
            continue
        arith = f"{done.text}/{plan.text} = {ar.at_precision(done.norm_value / plan.norm_value, rate, 2)}"
        if ar.fits(rate, *interval):
            found.verify("ratio", arith + "（表中各列）", [plan, done, rate], rate)
            return
        tried.append((j, plan, interval, arith))
    if _other_fits(values, plans, d, r, done, rate):
        return                  # a column the header does not name as planned fits (调整预算): no flag
    meant = [x for x in tried if x[0] < d][-1:] or tried[:1]
    kind = "completion" if rate.role == "completion_rate" else "ratio"
    for j, plan, (lo, hi), arith in meant:
        found.flag_off(kind, rate, lo, hi, f"{arith}（表中{_label(labels[d])}/{_label(labels[j])}）", [plan, done],
                       cfg.near_miss_ratio)


def _label(label: str) -> str:
    """A column's label as the flag names it: 全年执行数(万元) -> 全年执行数."""
    return label.split("(")[0].split("（")[0].strip() or label


def _other_fits(values: list[Quantity | None], plans: list[int], d: int, r: int, done: Quantity,
                rate: Quantity) -> bool:
    """Whether done over a column of the row not named as planned fits the rate
    (a header word the data does not know: 调整预算, 预算调整数)."""
    for j, v in enumerate(values):
        if j in plans or j in (d, r) or v is None or v.norm_unit != done.norm_unit or not v.norm_value \
                or v.norm_value <= 0:
            continue
        interval = ar.quotient(done, v)
        if interval is not None and ar.fits(rate, *interval):
            return True
    return False

