"""Table totals: a total row against the rows it adds up, a total column
against the columns before it.

A table is a run of lines with cell marks (|) or TABs between cells (a DOCX
table row), read cell by cell so that
columns line up (a table whose rows differ in their number of cells is not
read). A row labelled as a total (`table_total_label`: 合计, 小计, 总计…)
adds up the data rows between it and the previous total row (or the head of
the table; a total row right under the head adds up the rows after it),
column by column, except a column whose head names an average or a rate
(`table_not_summed`: 户均, 人均, 完成率…). A column headed as a total adds up
the numeric columns between the row labels and it, row by row. Percentages
are never added.

A total verifies when the sum fits within the rounding of the written cells.
It is flagged when it does not and the relation is clearly meant: another
column (or row) of the table adds up, or the table has no other, and the
miss is a near miss (`near_miss_total`) or one mistyped digit explains it;
an average or a rate column, whose total is no sum, misses by far more.
"""

from __future__ import annotations

from ..document import Quantity
from . import arithmetic as ar
from .sums import parts_fit
from .tables import cell_quantity, column_tables, table_lines

_ZERO = frozenset({"-", "—", "－", "/"})
_PARTS_OPEN = "其中"


def check_table_totals(doc, found, cfg) -> None:
    marked = table_lines(doc.text, tabs=True) if "|" in doc.text or "\t" in doc.text else ()
    for table in [*marked, *column_tables(doc)]:
        for rows in _blocks(table, cfg):
            _total_rows(found, rows, cfg)
            _total_columns(found, rows, cfg)


def _blocks(rows, cfg):
    """Runs of rows with one number of cells: a table whose merged cells or
    second header change its width is read block by block (a column lines up
    only within one). A total row whose label spans the first cells
    (合计|100| |93 under 序号|项目|分值|标准|得分) is that block's last row,
    its cells lined up from the right."""
    block = []
    for row in rows:
        row = _merged_total(row, block, cfg)
        if block and len(row[1]) != len(block[-1][1]):
            if len(block) >= 3:
                yield block
            block = []
        block.append(row)
    if len(block) >= 3:
        yield block


def _merged_total(row, block: list, cfg):
    """A total row narrower than the rows above it, its label in its first
    cell: padded after the label to their width."""
    pos, cells = row
    if len(block) < 2 or not cells or not cfg.table_total_label.match(cells[0][0].strip()):
        return row
    missing = len(block[-1][1]) - len(cells)
    if missing <= 0 or missing > 2:
        return row
    at = cells[0][1] + len(cells[0][0])
    return pos, [cells[0], *[("", at)] * missing, *cells[1:]]


def _value(cell: tuple[str, int]) -> Quantity | None:
    text, start = cell
    if text.strip() in _ZERO:
        s = start + text.index(text.strip())
        return Quantity(s, s + 1, text.strip(), 0.0, None, 0.0, None)
    return cell_quantity(text, start)


def _label(cells) -> str:
    for text, _ in cells:
        if text.strip():
            return text.strip()
    return ""


def _is_data(cells) -> bool:
    return any(_value(c) is not None for c in cells)


def _total_rows(found, rows, cfg) -> None:
    data = [i for i, (_, cells) in enumerate(rows) if _is_data(cells)]
    opened = {a for a, b in zip(data, data[1:]) if _label(rows[b][1]).startswith(_PARTS_OPEN)}
    totals = [i for i in data if cfg.table_total_label.match(_label(rows[i][1])) or i in opened]
    for t in totals:
        prev = max([s for s in totals if s < t], default=-1)
        parts = [i for i in data if prev < i < t]
        if t in opened:     # 年度资金总额 over 其中：财政拨款, 上年结转…: the rows after it
            nxt = min([s for s in totals if s > t], default=len(rows))
            parts = [i for i in data if t < i < nxt]
        elif not parts and t == data[0]:
            nxt = min([s for s in totals if s > t], default=len(rows))
            parts = [i for i in data if t < i < nxt]
        if len(parts) >= 2:
            width = len(rows[t][1])
            heads = _head_labels(rows, data)
            columns = [(rows[t][1][j], [rows[i][1][j] for i in parts]) for j in range(width)
                       if not (j < len(heads) and cfg.table_not_summed.search(heads[j]))]
            _judge_line(found, columns, cfg, "列", alone=t not in opened)
            if t not in opened:
                _share_columns(found, rows, t, parts, cfg)


def _head_labels(rows, data: list[int]) -> list[str]:
    """The labels of the last row without numbers above the first data row (the column heads)."""
    above = [i for i in range(data[0]) if not _is_data(rows[i][1])] if data else []
    return [text.strip() for text, _ in rows[above[-1]][1]] if above else []


def _share_columns(found, rows, t: int, parts: list[int], cfg) -> None:
    """A column whose total row reads 100 (占比（%）: 40.0, 25.0, 35.0 | 100.0)
    holds each row's share of the total of another column: the column of
    amounts most rows fit (two at least) is its base; a row that does not fit
    is flagged as a near miss or when one mistyped digit explains it."""
    total_row = rows[t][1]
    for j, cell in enumerate(total_row):
        top = _value(cell)
        if top is None or not top.value or abs(top.value - 100) > ar.tolerance(top) / (top.norm_value / top.value or 1) + 1e-9:
            continue
        for k, base_cell in enumerate(total_row):
            base = _value(base_cell)
            if k == j or base is None or base.unit in ("%", "％") or not base.norm_value or base.norm_value <= 0:
                continue
            lines = []
            for i in parts:
                share, amount = _value(rows[i][1][j]), _value(rows[i][1][k])
                if share is None or amount is None or amount.norm_unit != base.norm_unit:
                    continue
                x = amount.norm_value / base.norm_value * 100
                slack = x * (ar.tolerance(amount) / max(amount.norm_value, 1e-9) + ar.tolerance(base) / base.norm_value)
                lines.append((share, amount, x, slack))
            fit = [ln for ln in lines if abs(ln[0].value - ln[2]) <= ar.tolerance(ln[0]) / ar.scale(ln[0]) + ln[3]]
            if len(fit) < 2:
                continue
            for share, amount, x, slack in lines:
                arith = f"{amount.text}/{base.text} = {x:.2f}%（表中占比）"
                if abs(share.value - x) <= ar.tolerance(share) / ar.scale(share) + slack:
                    found.verify("ratio", arith, [amount, base, share], share)
                    continue
                lo, hi = x - slack, x + slack
                typo = ar.typo_reading(share, lo * ar.scale(share), hi * ar.scale(share))
                if abs(share.value - x) <= x * cfg.near_miss_ratio or typo:
                    found.flag("ratio", share, arith + f"（本表另有{len(fit)}行占比相符）"
                               + (ar.typo_note([(share, typo)]) if typo else ""), [amount, base])
            return


def _total_columns(found, rows, cfg) -> None:
    head = [i for i, (_, cells) in enumerate(rows) if not _is_data(cells)]
    if not head:
        return
    names = [text.strip() for text, _ in rows[head[0]][1]]
    at = [j for j, name in enumerate(names) if cfg.table_total_label.match(name)]
    if len(at) != 1:
        return
    k = at[0]
    lines = []
    for _, cells in rows[head[0] + 1:]:
        parts = [c for c in cells[:k] if _value(c) is not None]
        if len(parts) >= 2 and _value(cells[k]) is not None:
            lines.append((cells[k], parts))
    _judge_line(found, lines, cfg, "行")


def _judge_line(found, lines, cfg, along: str, alone: bool = True) -> None:
    """`lines`: (total cell, part cells) per column of a total row, or per
    row of a total column. Verified lines establish the relation for the others;
    ``alone``: a single line may be flagged on its own (not for 其中 rows,
    which need not list every part)."""
    judged = []
    for total_cell, part_cells in lines:
        total, parts = _value(total_cell), [_value(c) for c in part_cells]
        if total is None or None in parts or total.unit in ("%", "％") or any(p.unit in ("%", "％") for p in parts) \
                or len({p.norm_unit for p in parts} | {total.norm_unit}) != 1 or not total.norm_value:
            continue
        judged.append((total, parts, parts_fit(total, parts)))
    fit = sum(ok for _, _, ok in judged)
    for total, parts, ok in judged:
        s = sum(p.norm_value for p in parts)
        arith = " + ".join(p.text for p in parts) + f" = {ar.sum_text(s, total, parts)}"
        if ok:
            found.verify("sum", arith + f"（表中合计{total.text}）", [total, *parts], total)
            continue
        if not ((fit and 2 * fit >= len(judged) - fit) or (alone and len(judged) == 1)):
            continue        # (one line of many that adds up is no relation of the others: rows grouped wrong)
        typo = ar.sum_typo(total, parts)
        if abs(s - total.norm_value) / total.norm_value <= cfg.near_miss_total or typo:
            found.flag("sum", total, arith + f"，与表中合计{total.text}不符（本表另有{fit}{along}合计相符）"
                       + (ar.typo_note(typo) if typo else ""), parts, tail="")
