"""Bare numbers in table cells, with the unit their headers give (GUIDE.md).

A cell that holds only a number (``12.5``, ``-309.74``), or one with an
approximation word after it (``6左右``, ``5.5以内``) or a bound or
approximation before it (``≥95``, ``约28``), is a quantity. Its unit
comes from, in order: its column's header (``完成率(%)``, ``金额（万元）``,
``单位：万元``), the row's cell under a column headed 单位 (``万人``), the label cell to its left in the same row (``医疗收入(万元)``),
or a ``单位：万元`` line just above the table; else it keeps unit null. Row numbers (序号), years in the header row and columns or rows
whose header names a code, a rank or a year are not quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..numerals import tidy, to_ascii_digits
from ..document import Block, Document, Quantity
from ..resources import compile_pattern, load_yaml, require, word_list
from .lexicon import lexicon

AR = r"[0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9０-９]+)?"
_BARE = re.compile(rf"(?P<sign>[-－−+]?)(?P<num>{AR})")
_PER_PERIOD = re.compile(r"[、·•]")       # 元/人、月: the unit, then the period it is counted over
_TRAILING = re.compile(r"[\u4e00-\u9fff]([%％‰])$")


@dataclass(frozen=True)
class TableWords:
    """quantities.yaml's table_not_quantity_headers and table_units section."""

    skip: tuple[str, ...]       # a column or row label holding one of these holds no quantities
    in_brackets: object         # 金额（万元）: group 1 the unit
    after_label: object         # 单位：万元: group 1 the unit
    unit_column: object         # 单位 heading a column of each row's unit


@lru_cache(maxsize=1)
def table_words() -> TableWords:
    data = load_yaml("quantities.yaml")
    require(data, ("table_not_quantity_headers", "table_units"), "quantities.yaml")
    skip = word_list(data, "table_not_quantity_headers", "quantities.yaml")
    units = data["table_units"]
    require(units, ("in_brackets", "after_label", "unit_column"), "quantities.yaml: table_units")
    return TableWords(skip, *(compile_pattern(units[k], f"quantities.yaml: table_units: {k}")
                                     for k in ("in_brackets", "after_label", "unit_column")))


@lru_cache(maxsize=256)
def unit_of(word: str) -> tuple[str, float, str | None] | None:
    """(unit, norm factor, norm unit) when ``word`` is a unit the recognizer knows."""
    from .recognizer import recognize

    for end in range(len(word), 0, -1):
        found = recognize("1" + word[:end])
        if len(found) == 1 and found[0].end == end + 1 and found[0].unit:
            q = found[0]
            return q.unit, float(q.norm_value), q.norm_unit
    return None


def header_unit(text: str) -> tuple[str, float, str | None] | None:
    w = table_words()
    for rx in (w.in_brackets, w.after_label, _TRAILING):
        for m in rx.finditer(text):
            u = unit_of(m.group(1))
            if u:
                return u
    return None


def table_quantities(doc: Document) -> None:
    """Add a quantity for every bare-number cell; a header unit replaces a null one."""
    if not doc.tables:
        return
    by_start = {q.start: q for q in doc.quantities}
    added, replace = [], {}
    for table in doc.tables:
        rows = [[doc.blocks[i] for i in row] for row in table.rows]
        columns = _column_units(doc.text, rows)
        caption = _caption_unit(doc.text, table.start) or columns.get("table")
        for r, row in enumerate(rows):
            if _counting_row(doc.text, row):
                continue
            label, label_skip = None, False
            width = _width(row)
            row_unit = _row_unit(doc.text, row, columns)
            for cell in row:
                c = cell.col
                text = doc.text[cell.start:cell.end]
                m = _BARE.fullmatch(text.strip()) or _approx_cell().fullmatch(text.strip())
                if m is None:
                    if text.strip() and not any("0" <= ch <= "9" for ch in text):
                        label = header_unit(text)     # a row label: 医疗收入(万元)
                        # (长途电话（亿次）names its unit: a measure, no phone number)
                        label_skip = label is None and any(w in text for w in table_words().skip)
                    continue
                if label_skip or _in_boilerplate(doc, cell.start):
                    continue
                if _not_quantity(doc.text, rows, r, c, m, columns):
                    continue
                # a score column (得分, 分值) keeps its cells bare: no row's or caption's unit
                unit = columns.get((width, c)) or row_unit \
                    or (None if columns.get(("score", c)) else label or caption)
                q = _cell_quantity(cell, text, m, unit)
                old = by_start.get(q.start)
                if old is None:
                    added.append(q)
                elif old.unit is None and unit is not None and old.end <= q.end:
                    replace[id(old)] = q
    if replace:
        doc.quantities = [replace.get(id(q), q) for q in doc.quantities]
    if added:
        doc.quantities = sorted(doc.quantities + added, key=lambda q: q.start)


@lru_cache(maxsize=1)
def _approx_cell() -> re.Pattern:
    """A number with an approximation word after it (6左右, 8以上, 5.5以内:
    approx.yaml ``after``) or before it (≥95, ≤5, 约28, 不低于90: ``before``),
    the cell of a plan's or a target's column; inside the span (GUIDE.md)."""
    after = sorted(lexicon().approx_after, key=len, reverse=True)
    before = sorted(lexicon().approx_before, key=len, reverse=True)
    # (a cell with neither is bare and matched by _BARE before this is tried)
    return re.compile(rf"(?P<approx_b>{'|'.join(map(re.escape, before))})?\s*(?P<sign>[-－−+]?)(?P<num>{AR})"
                      rf"(?P<approx>{'|'.join(map(re.escape, after))})?")


def _cell_quantity(cell: Block, text: str, m: re.Match, unit) -> Quantity:
    lead = len(text) - len(text.lstrip())
    s, e = cell.start + lead + m.start(), cell.start + lead + m.end()
    value = float(to_ascii_digits(m.group("num")).replace(",", ""))
    if m.group("sign") and m.group("sign") != "+":
        value = -value
    value = tidy(value)
    approx = None
    if "approx" in m.re.groupindex:
        # a word after the number says more than one before it (约28以上 is more)
        approx = lexicon().approx_after[m.group("approx")] if m.group("approx") \
            else lexicon().approx_before[m.group("approx_b")]
    if unit is None:
        return Quantity(s, e, text[lead + m.start():lead + m.end()], value, None, value, None, approx)
    name, factor, norm = unit
    return Quantity(s, e, text[lead + m.start():lead + m.end()], value, name, tidy(value * factor), norm, approx)


def _not_quantity(text: str, rows, r: int, c: int, m: re.Match, columns) -> bool:
    num = m.group("num")
    row = rows[r]
    if r == 0 and len(num) == 4 and num.isdigit() and 1900 <= int(num) <= 2099:
        return True                      # a year heading a column
    if c == 0 and num.isdigit() and len(num) <= 3 and len(row) > 1:
        nxt = text[row[1].start:row[1].end]
        if any("\u4e00" <= ch <= "\u9fff" for ch in nxt):
            return True                  # a row number (序号) before the row's label
    return columns.get(("skip", c), False) and _width(row) == columns.get("width")


def _width(row: list[Block]) -> int:
    """How many columns a row spans: its last cell's column and those before it
    (a row may leave its first cells empty: a total row without its number)."""
    return row[-1].col + 1 if row else 0


def _column_units(text: str, rows) -> dict:
    """Units and skip marks per column, from the header row(s) before the first number."""
    out: dict = {}
    if len(rows) < 2:
        return out
    header = rows[0]
    out["width"] = len(header)
    words = table_words()
    for c, cell in enumerate(header):
        label = text[cell.start:cell.end]
        unit = header_unit(label)
        if unit:
            out[(len(header), c)] = unit
        if not unit and any(w in label for w in words.skip):
            out[("skip", c)] = True
        if label.strip().endswith(lexicon().score_before):
            out[("score", c)] = True
        if words.unit_column.fullmatch("".join(label.split())) and _names_units(text, rows[1:4], c):
            out[("unit", c)] = True
        m = words.after_label.search(label)
        if m and unit_of(m.group(1)):
            out["table"] = unit_of(m.group(1))     # 单位：万元 in the header row
    return out


def _names_units(text: str, rows, c: int) -> bool:
    """Whether a column headed 单位 holds units (万人, 亿元), not the bodies a
    table lists (序号 | 单位 | 得分: 县教育局): one of its first cells is a unit."""
    for row in rows:
        for cell in row:
            word = text[cell.start:cell.end].strip()
            if cell.col == c and _whole_unit(word) is not None:
                return True
    return False


def _whole_unit(word: str):
    """unit_of(word) when the whole cell is the unit (万人, not 县教育局's 县; 元/人、月:
    元/人 for each month)."""
    found = unit_of(word) if 0 < len(word) <= 8 else None
    return found if found is not None and found[0] == _PER_PERIOD.split(word)[0] else None


def _row_unit(text: str, row: list[Block], columns: dict):
    """The unit a row's cell under a 单位 column names (万人), for its bare numbers."""
    for cell in row:
        if columns.get(("unit", cell.col)):
            return _whole_unit(text[cell.start:cell.end].strip())
    return None


def _counting_row(text: str, row: list[Block]) -> bool:
    """上一页 | 1 | 2 | 3 | 下一页, a header of 1 2 3 4: page links or column numbers."""
    nums = [text[b.start:b.end].strip() for b in row]
    nums = [int(x) for x in nums if x.isdigit() and len(x) <= 3]
    return len(nums) >= 3 and all(b - a == 1 for a, b in zip(nums, nums[1:]))


def _in_boilerplate(doc: Document, pos: int) -> bool:
    return any(b.start <= pos < b.end for b in doc.boilerplate)


def _caption_unit(text: str, start: int):
    before = text[max(0, start - 60):start]
    lines = before.rstrip("\n").split("\n")[-2:]
    after_label = table_words().after_label
    for line in reversed(lines):
        m = after_label.search(line)
        if m:
            u = unit_of(m.group(1))
            if u:
                return u
    return None
