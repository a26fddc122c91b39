"""Table rows: change columns against the two values they compare.

A table is a run of lines with cell marks (|). Numeric cells are read from
the text (a row's unit may sit in its label, so bare cells are read here).
A column is a difference (b − a, a − b), a growth (a/b − 1, b/a − 1) or a
rate (a/b, b/a: 执行数/预算数 = 执行率) of the first two numeric columns when at least `table_min_rows` rows fit that
relation within the rounding of the written cells. Rows where an established
column does not fit are flagged: as a unit slip when the cell is the change of
two percentages written as a fraction (28.07% vs 30.28%, 增长额 −0.02), or as
a near miss.
"""

from __future__ import annotations

import math
import re

from ..document import Quantity
from ..structure.tables import numbering_header
from . import arithmetic as ar
from .search_config import search_config

RELATIONS = {
    "b−a": lambda a, b: (a[0] - b[1], a[1] - b[0]),
    "a−b": lambda a, b: (b[0] - a[1], b[1] - a[0]),
    "b/a−1": lambda a, b: (a[0] / b[1] - 1, a[1] / b[0] - 1) if b[0] > 0 else None,
    "a/b−1": lambda a, b: (b[0] / a[1] - 1, b[1] / a[0] - 1) if a[0] > 0 else None,
    "b/a": lambda a, b: (a[0] / b[1], a[1] / b[0]) if b[0] > 0 else None,
    "a/b": lambda a, b: (b[0] / a[1], b[1] / a[0]) if a[0] > 0 else None,
}
_RATIOS = ("b/a", "a/b")
_CELL_MARK = re.compile(r"[|\t]")


def check_tables(index, found, cfg) -> None:
    doc, values = index.doc, index
    tables = []
    for lines in [block for table in [*table_lines(doc.text, doc.format != "txt"), *column_tables(doc)]
                  for block in _sections(table)]:
        lines = _without_serials(lines)
        bare = [row for row in (_row(cells) for _, cells in lines) if row]
        if bare:
            tables.append((bare, [row for row in (_row(cells, values) for _, cells in lines) if row],
                           _names_relation(lines, cfg)))
    if doc.format == "txt" and "\t" in doc.text:
        tables += [(rows, None, cued) for rows, cued in _tab_tables(doc, values, cfg)]
    for rows, headed, cued in tables:
        roles = _column_roles(rows, cfg)
        _judge_columns(found, rows, roles, cfg, cued)
        if headed is not None:      # columns only a header's unit makes readable (增幅（%） over 6.9)
            more = {j: r for j, r in _column_roles(headed, cfg).items() if j not in roles}
            _judge_columns(found, headed, more, cfg, cued)


def _names_relation(lines, cfg) -> bool:
    """Whether the table's words name a change, a gap or a rate (增长额, 增减, 完成率,
    （%）): then two rows that fit a relation establish it."""
    return any(cfg.table_relation_words.search(text) for _, cells in lines for text, _ in cells)


_NOTE = re.compile(r"[（(][^（()）]*[)）]")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _sections(lines: list) -> list[list]:
    """A table cut at each header row below its first (a self-assessment form:
    its funds section, then its indicators section, each under a header of
    its own): a column relation holds within one section, not across them."""
    out, block = [], []
    for line in lines:
        cells = [c.strip() for c, _ in line[1] if c.strip()]
        header = len(cells) >= 3 and all(_HAN.search(c) and not re.search(r"[0-9]", _NOTE.sub("", c)) for c in cells)
        if header and block:
            out.append(block)
            block = []
        block.append(line)
    return [*out, block] if block else out


def _judge_columns(found, rows, roles: dict, cfg, cued: bool) -> None:
    for row in rows:
        for j, (name, n) in roles.items():
            if j < len(row):
                _judge_cell(found, row, j, name, n, cfg, cued)


def table_lines(text: str, tabs: bool = False):
    """Each table as rows of (line start, [(cell text, cell start)]): runs of
    lines with cell marks (|), and with ``tabs`` also lines with TABs between
    cells (how the DOCX reader writes a table row, one field per grid column)."""
    table, pos = [], 0
    for line in text.split("\n"):
        mark = "|" if line.count("|") >= 2 else "\t" if tabs and "\t" in line.strip() else None
        if mark:
            cells, at = [], pos
            for part in line.split(mark):
                cells.append((part, at))
                at += len(part) + 1
            table.append((pos, cells))
        elif table:
            yield table
            table = []
        pos += len(line) + 1
    if table:
        yield table


def column_tables(doc):
    """The tables the structure stage read one cell per line (structure/tables.py
    ``_column_runs``: each row's cells on lines of their own) as ``table_lines``
    gives a TAB table: rows of (row start, [(cell text, cell start)])."""
    for table in doc.tables:
        rows = []
        for row in table.rows:
            blocks = [doc.blocks[i] for i in row]
            if blocks:
                rows.append((blocks[0].start, [(doc.text[b.start:b.end], b.start) for b in blocks]))
        if len(rows) >= 2 and all(len(cells) >= 2 and "\n" in doc.text[cells[0][1]:cells[-1][1]] for _, cells in rows):
            yield rows


def table_rows(text: str, start: int, end: int) -> list[tuple[int, list[tuple[str, int]]]]:
    """The lines of text[start:end] (a table the structure stage found) as rows
    of (line start, [(cell text, cell start)]): cells parted by | (or by TABs);
    a line with no mark is one cell (a cell's text wrapped onto a line of its own)."""
    rows, pos = [], start
    for line in text[start:end].split("\n"):
        mark = "|" if "|" in line else "\t"
        cells, at = [], pos
        for part in line.split(mark):
            cells.append((part, at))
            at += len(part) + 1
        rows.append((pos, cells))
        pos += len(line) + 1
    return rows


def _tables(text: str, tabs: bool = False):
    """Each | table (and with ``tabs`` each table a docx or pdf reader wrote,
    cells parted by TABs) as its rows' numeric cells (rows without one left out)."""
    for lines in table_lines(text, tabs):
        rows = [row for row in (_row(cells) for _, cells in lines) if row]
        if rows:
            yield rows


def _tab_tables(doc, values, cfg) -> list:
    """The tables of a txt typed with TABs between cells (指标⇥单位⇥2022年⇥2023年⇥增长（%）),
    as the structure stage found them, each cell's number read as the
    quantities stage read it where it read one (the unit its column's header
    gives: 7.7 under 增长（%） is 7.7%)."""
    out = []
    for t in doc.tables:
        lines = table_rows(doc.text, t.start, t.end)
        if any("|" in part for _, cells in lines for part, _ in cells):
            continue                    # a | table: read as such above
        lines = _without_serials(lines)
        rows = [row for row in (_row(cells, values) for _, cells in lines if len(cells) > 1) if row]
        if rows:
            out.append((rows, _names_relation(lines, cfg)))
    return out


def _serial_columns(lines) -> set[int]:
    """The cell places (of the first two) that hold row numbers: headed as
    the structure stage knows a numbering column (``numbering_header``: 序号,
    编号), or whole numbers counting up by one down three rows or more
    (1|组织领导|10|…, 2|隐患排查|25|…), which a relation between columns must
    not read as values."""
    numbering, out = numbering_header(), set()
    for k in (0, 1):
        cells = [cells[k][0].strip() for _, cells in lines if len(cells) > k]
        if any(numbering.fullmatch(c) for c in cells[:3]):
            out.add(k)
            continue
        run = [int(c) for c in cells if c.isascii() and c.isdigit() and len(c) <= 3]
        if len(run) >= 3 and all(b == a + 1 for a, b in zip(run, run[1:])):
            out.add(k)
    return out


def _without_serials(lines) -> list:
    """The table's lines with their row-number cells blanked (text kept out, places kept)."""
    serial = _serial_columns(lines)
    if not serial:
        return lines
    return [(pos, [("" if k in serial else text, at) for k, (text, at) in enumerate(cells)]) for pos, cells in lines]


def _tables_with_labels(text: str, tabs: bool = False):
    """Each table as (row label, numeric cells) pairs: the label is the row's first cell."""
    for rows in _tables(text, tabs):
        out = []
        for cells in rows:
            line_start = text.rfind("\n", 0, cells[0].start) + 1
            out.append((_CELL_MARK.split(text[line_start:cells[0].start])[0].strip(), cells))
        yield out


def _row(cells, values=None) -> list[Quantity]:
    """A row's numeric cells; ``values`` (the relation search's Index): a bare
    cell is read as the quantities stage read it, with its column's unit."""
    out = []
    for part, at in cells:
        q = cell_quantity(part, at)
        if q is not None and values is not None and q.norm_unit is None:
            read = _one_in(values, at, at + len(part))
            if read is not None and read.norm_unit is not None and read.value == q.value:
                q = read                # a bare cell with its column's unit
        if q is not None:
            out.append(q)
    return out


def cell_quantity(part: str, pos: int) -> Quantity | None:
    """The number of a table cell (its text `part` starting at `pos`, `table_cell`), or None."""
    m = search_config().table_cell.match(part)
    if not m:
        return None
    s = pos + m.start(1)
    q = _quantity(m.group(1), m.group(2), s, s + len(m.group(1)) + len(m.group(2)))
    return q if math.isfinite(q.norm_value) else None       # hundreds of digits are no number


def _quantity(num: str, unit: str, s: int, e: int) -> Quantity:
    value = float(num.replace(",", "").replace("−", "-"))
    if unit in ("%", "％"):
        return Quantity(s, e, num + unit, value, unit, value / 100, "ratio")
    scale = search_config().table_cell_scales.get(unit, 1.0)
    return Quantity(s, e, num + unit, value, unit or None, value * scale, unit or None)


def _fits(row: list[Quantity], j: int, name: str) -> tuple[float, float] | None:
    a, b, c = row[0], row[1], row[j]
    if name in ("b−a", "a−b"):
        if c.norm_unit == "ratio" or a.unit != b.unit:
            return None
        got = RELATIONS[name]((a.value - ar.tolerance(a) / ar.scale(a), a.value + ar.tolerance(a) / ar.scale(a)),
                              (b.value - ar.tolerance(b) / ar.scale(b), b.value + ar.tolerance(b) / ar.scale(b)))
        return got if c.unit in (None, a.unit) else None
    if c.norm_unit != "ratio" or a.norm_unit != b.norm_unit:
        return None
    return RELATIONS[name](ar.bounds(a), ar.bounds(b))


def _one_in(index, lo: int, hi: int) -> Quantity | None:
    """The one quantity of the document inside text[lo:hi], if exactly one."""
    inside = index.between(lo, hi)
    return inside[0] if len(inside) == 1 and inside[0].end <= hi else None


def _column_roles(rows, cfg) -> dict[int, tuple[str, int]]:
    """Column -> (the relation it holds, how many rows fit it)."""
    roles = {}
    width = max(len(r) for r in rows)
    for j in range(2, width):
        for name in RELATIONS:
            n = sum(1 for r in rows if j < len(r) and not _no_witness(r, j, name) and (iv := _fits(r, j, name))
                    and _within(r[j], iv))
            if n >= cfg.table_min_rows:
                roles[j] = (name, n)
                break
    return roles


def _no_witness(row, j: int, name: str) -> bool:
    """A row of zeros fits any difference, and a zero cell beside two equal
    values (报送2条、累计2条、采用0条) any difference of those two columns:
    neither row says the column holds that difference."""
    if name in ("b−a", "a−b"):
        return row[j].norm_value == 0
    return all(c.norm_value == 0 for c in (row[0], row[1], row[j]))


def _within(c: Quantity, iv) -> bool:
    lo, hi = iv
    t = ar.tolerance(c) / ar.scale(c) if c.norm_unit != "ratio" else ar.tolerance(c)
    v = c.value if c.norm_unit != "ratio" else c.norm_value
    return lo - t <= v <= hi + t


def _judge_cell(found, row, j: int, name: str, rows_fit: int, cfg, cued: bool) -> None:
    """A cell of an established column: verified when it fits; flagged when it
    is a near miss, or at any distance when the row's two values and the cell
    are in one unit (the column's relation is what the table says it is)."""
    a, b, c = row[0], row[1], row[j]
    iv = _fits(row, j, name)
    if iv is None:
        return
    ratio = c.norm_unit == "ratio"
    x = (a.value - b.value if name == "b−a" else b.value - a.value) if not ratio else \
        (a.norm_value / b.norm_value - (name == "b/a−1") if name in ("b/a−1", "b/a")
         else b.norm_value / a.norm_value - (name == "a/b−1"))
    arith = f"{_show(a, b, name)} = {ar.at_precision(x * ar.scale(c) if not ratio else x, c, 2)}"
    kind = "ratio" if name in _RATIOS else "growth" if ratio else "difference"
    if _within(c, iv):
        found.verify(kind, arith, [a, b, c], c)
    elif rows_fit < cfg.table_flag_rows and not cued:
        return      # two rows may fit by chance (PM10 − PM2.5 = NO2 in two rows of three)
    elif name in _RATIOS:
        if ar.miss(c, *iv) <= cfg.near_miss_ratio or a.unit == b.unit:
            found.flag("ratio", c, arith + f"（本列有{rows_fit}行符合此关系）", [a, b])
    elif not ratio and a.norm_unit == b.norm_unit == "ratio" and _fraction_slip(found, a, b, c, name):
        return
    elif not ratio and _rest_in_row(row, j, x - c.value):
        return      # (53216 | 39592 | 13575 | 49: the row's first value is the sum of the others)
    elif ar.miss(c, *sorted(v * (ar.scale(c) if not ratio else 1) for v in iv)) <= cfg.near_miss_growth \
            or (a.unit == b.unit and (c.unit == a.unit or ratio) and a.norm_unit != "ratio"):
        found.flag("growth" if ratio else "difference", c, arith + f"（本列有{rows_fit}行符合此关系）", [a, b])


def _rest_in_row(row, j: int, rest: float) -> bool:
    """Whether another count of the row, beside the difference's two and its
    cell (all whole numbers), is what the difference leaves over: the row's
    first count is the sum of its parts, and a part mostly 0 made the
    difference look like the column's relation (学校 53216 | 39592 | 13575 | 49)."""
    return rest != 0 and all(_count(q) for q in (row[0], row[1], row[j])) and any(
        k != j and _count(q) and abs(q.value) == abs(round(rest))
        for k, q in enumerate(row[2:], 2) if q.norm_unit == row[j].norm_unit)


def _count(q: Quantity) -> bool:
    """A whole number written without a decimal point (-4.0 is a rate's)."""
    return float(q.value).is_integer() and "." not in q.text and "．" not in q.text


def _show(a, b, name: str) -> str:
    return {"b−a": f"{a.text} − {b.text}", "a−b": f"{b.text} − {a.text}",
            "b/a−1": f"{a.text}/{b.text} − 1", "a/b−1": f"{b.text}/{a.text} − 1",
            "b/a": f"{a.text}/{b.text}", "a/b": f"{b.text}/{a.text}"}[name]


def _fraction_slip(found, a, b, c, name) -> bool:
    """28.07% vs 30.28% with a change of −0.02: the change as a fraction, not in points."""
    d = a.norm_value - b.norm_value if name == "b−a" else b.norm_value - a.norm_value
    if abs(c.value - d) > 0.5 * 10 ** -ar.decimals(c) + 1e-9:
        return False
    found.flag("unit", c, f"{_show(a, b, name)} = {d * 100:.2f}个百分点，而{c.text}是以小数表示的差"
                          f"（{d:.4f}），与本行的百分数单位不符", [a, b], tail="")
    return True
