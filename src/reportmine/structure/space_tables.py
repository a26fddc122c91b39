"""Tables whose cells spaces part, as a PDF's text exported line by line leaves them.

    一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分
    产出指标 数量指标 老年人健康管理人数（人） 18500 18962 10 10
    …
    合计 70 67

A run is a header line of words (``header_cell``: no digit, at least
``min_columns`` of them) followed by at least ``min_rows`` lines of as many
space-parted cells, each ending in at least two numbers (``number_cell``)
after its labels; a total row after them (``total_label``, then numbers only)
is read with its numbers lined up under the header's last columns (its label
spans the label columns). Nothing else is read as such a table: prose with
spaces in it (``新建校舍 3200 平方米``) has no header of words above rows of
one width.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import regex

from ..resources import DataFileError, compile_pattern, load_yaml, require
from .lines import Line

_CELL = regex.compile(r"\S+")


class SpaceTables(NamedTuple):
    header_cell: object
    number_cell: object
    total_label: object
    min_columns: int
    min_rows: int


@lru_cache(maxsize=1)
def _config() -> SpaceTables:
    section = load_yaml("structure.yaml")["space_tables"]
    require(section, SpaceTables._fields, "structure.yaml: space_tables")
    where = "structure.yaml: space_tables"
    ints = {k: int(section[k]) for k in ("min_columns", "min_rows")}
    if ints["min_columns"] < 3 or ints["min_rows"] < 2:
        raise DataFileError(f"{where}: min_columns 至少为3，min_rows 至少为2")
    pats = {k: compile_pattern(section[k], f"{where}: {k}") for k in ("header_cell", "number_cell", "total_label")}
    return SpaceTables(**pats, **ints)


def number_cell():
    """The pattern of a cell that holds only a number (or a dash for none), structure.yaml."""
    return _config().number_cell


def _cells(line: Line) -> list[tuple[int, int]]:
    return [(line.start + m.start(), line.start + m.end()) for m in _CELL.finditer(line.text)]


def _texts(line: Line) -> list[str]:
    return _CELL.findall(line.text)


def space_runs(lines: list[Line]) -> list[tuple[list[list[tuple[int, int] | None]], list[Line]]]:
    """Each table as (rows of cell spans, None for a cell a row lacks; the lines it takes)."""
    cfg = _config()
    out, i = [], 0
    while i < len(lines):
        head = _texts(lines[i])
        if len(head) < cfg.min_columns or not all(cfg.header_cell.fullmatch(t) for t in head):
            i += 1
            continue
        width, rows, taken, j = len(head), [_cells(lines[i])], [lines[i]], i + 1
        numbers = None
        while j < len(lines):
            cells = _texts(lines[j])
            n = _trailing_numbers(cells, cfg)
            if len(cells) != width or n < 2 or n == width or (numbers is not None and n != numbers):
                break
            numbers = n
            rows.append(_cells(lines[j]))
            taken.append(lines[j])
            j += 1
        if len(rows) - 1 < cfg.min_rows:
            i += 1
            continue
        while j < len(lines):       # total rows: a label, then numbers under the last columns
            cells = _texts(lines[j])
            if not (2 <= len(cells) <= numbers + 1 and cfg.total_label.fullmatch(cells[0])
                    and _trailing_numbers(cells, cfg) == len(cells) - 1):
                break
            spans = _cells(lines[j])
            rows.append([spans[0], *[None] * (width - len(spans)), *spans[1:]])
            taken.append(lines[j])
            j += 1
        out.append((rows, taken))
        i = j
    return out


def _trailing_numbers(cells: list[str], cfg: SpaceTables) -> int:
    n = 0
    for text in reversed(cells):
        if not cfg.number_cell.fullmatch(text):
            break
        n += 1
    return n
