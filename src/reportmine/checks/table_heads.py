"""Table rows of figures per head against an amount row and a head-count row.

`住院收入(万元) | 2501.51 | …`, `出院人数(人) | 4519 | …`, `住院均次费用(元) |
5535.54 | …`: a row named per head (`per_capita_cue`) whose unit is an amount
(`table_amount_scales`) is, column by column, an amount row over a row of
people, households or visits (`head_units`) above it. The pair is the nearest
one above that fits in at least one column within the rounding of the written
cells; the columns where it does not fit are flagged when they are a near miss
(`near_miss_per_capita`), with the column that fits named in the message.
"""

from __future__ import annotations

import re

from ..document import Quantity
from . import arithmetic as ar
from .tables import _tables_with_labels

_UNIT = re.compile(r"[（(]\s*([^()（）\s]{1,4})\s*[)）]")


def check_table_heads(doc, found, cfg) -> None:
    for rows in _tables_with_labels(doc.text, tabs=doc.format != "txt"):
        units = [_unit(label) for label, _ in rows]
        for i, (label, cells) in enumerate(rows):
            if units[i] in cfg.table_amount_scales and cfg.per_capita_cue.search(label):
                _judge_row(found, rows, units, i, cfg)


def _unit(label: str) -> str:
    m = _UNIT.search(label)
    return m.group(1) if m else ""


def _judge_row(found, rows, units: list[str], i: int, cfg) -> None:
    per = rows[i][1]
    for a in range(i - 1, -1, -1):
        if units[a] not in cfg.table_amount_scales:
            continue
        for h in range(i - 1, -1, -1):
            if h != a and units[h] in cfg.head_units:
                scale = cfg.table_amount_scales[units[a]] / cfg.table_amount_scales[units[i]]
                cols = _columns(rows[a][1], rows[h][1], per, scale)
                fit = [k for k, (iv, _) in cols.items() if ar.fits(per[k], *iv)]
                if fit:
                    _report(found, rows, (a, h, i), cols, fit, scale, cfg)
                    return


def _columns(amount: list[Quantity], heads: list[Quantity], per: list[Quantity], scale: float) -> dict:
    """Column -> (interval of amount×scale/heads, the quotient) where all three are positive."""
    out = {}
    for k in range(min(len(amount), len(heads), len(per))):
        am, hd, pc = amount[k], heads[k], per[k]
        if am.norm_unit == "ratio" or pc.norm_unit == "ratio" or min(am.value, hd.value, pc.value) <= 0:
            continue
        (a0, a1), (h0, h1) = ar.bounds(am), ar.bounds(hd)
        if h0 > 0:
            out[k] = ((a0 * scale / h1, a1 * scale / h0), am.value * scale / hd.value)
    return out


def _report(found, rows, idx: tuple, cols: dict, fit: list[int], scale: float, cfg) -> None:
    a, h, i = idx
    (la, amount), (lh, heads), (lp, per) = rows[a], rows[h], rows[i]
    for k, (iv, x) in cols.items():
        am, hd, pc = amount[k], heads[k], per[k]
        arith = f"{am.text}{'×' + format(scale, 'g') if scale != 1 else ''}/{hd.text} = {ar.at_precision(x, pc, 2)}"
        if k in fit:
            found.verify("per_capita", f"{lp}：{arith}", [am, hd, pc], pc)
        elif ar.miss(pc, *iv) <= cfg.near_miss_per_capita:
            found.flag("ratio", pc, f"{lp}应为{la}/{lh}：{arith}"
                       f"（按所报精度为{ar.at_precision(x, pc)}；本表另有{len(fit)}列符合此关系）", [am, hd])
