"""Quantities in table cells: the column header gives the role, the row
label the indicator (指标名称 | 年度目标 | 完成值 | 完成率). A cell that holds
running text (得分=完成率96%×0.5=0.48, 分别不少于6个、3个) is read like prose:
its own cue words and clause head decide, as the text rules already did."""

from __future__ import annotations

import bisect
import re

from ..document import Document
from ..quantities.tables import table_words, unit_of
from .clauses import line_start
from .cues import Cues
from .indicators import trim
from .script import simplified

_ROW_NUMBER = re.compile(r"[0-9]{1,3}[.、]?|")
# a cell with this many CJK characters besides its numbers is running text
_PROSE_HAN = 12
_HAN = re.compile(r"[\u4e00-\u9fff]")
_DIGIT = re.compile(r"[0-9]")


def table_claims(doc: Document, cues: Cues) -> None:
    if not doc.tables:
        return
    cells = sorted((b.start, b.end, b) for b in doc.blocks if b.kind == "table_cell")
    starts = [c[0] for c in cells]
    grid = {(b.table, b.row, b.col): b for _, _, b in cells}
    for q in doc.quantities:
        i = bisect.bisect_right(starts, q.start) - 1
        if i < 0 or not (cells[i][0] <= q.start < max(cells[i][1], cells[i][0] + 1)):
            continue
        cell = cells[i][2]
        if cell.row == 0 or _prose(doc.text[cell.start:cell.end]):
            continue
        header = grid.get((cell.table, 0, cell.col))
        label = _row_label(doc.text, grid, cell, cues)
        if header is not None:
            q.role = _header_role(doc.text[header.start:header.end], cues) or q.role
        if label is not None and label is not cell:
            q.indicator = trim(_without_unit_note(doc.text[label.start:label.end]), cues) or q.indicator


def line_table_claims(doc: Document, cues: Cues) -> None:
    """A table flattened one cell per line, each cell ending in ``|`` and rows
    parted by a line of bare bars (目标值 |⏎实际完成值 |⏎|⏎…⏎100% |⏎98% |⏎|):
    a value alone in its cell takes the role its column's header names, when
    the row has as many cells as the header."""
    if "|\n" not in doc.text:
        return
    by_line = _quantities_by_line(doc)
    for rows in _line_tables(doc.text):
        header = [simplified(text) for _, text in rows[0]]
        roles = [_header_role(h, cues) for h in header]
        if any(_DIGIT.search(h) for h in header) or not any(roles):
            continue
        for run in rows[1:]:
            if len(run) % len(header):
                continue
            # rows the bar lines do not part follow each other, as wide as the header
            for k in range(0, len(run), len(header)):
                _cells_by_header(run[k:k + len(header)], roles, by_line)


def _cells_by_header(row: list, roles: list, by_line: dict) -> None:
    for (start, cell), role in zip(row, roles):
        qs = by_line.get(start, [])
        if role and len(qs) == 1 and qs[0].text.strip() == cell.strip():
            qs[0].role = role


def _quantities_by_line(doc: Document) -> dict:
    out: dict[int, list] = {}
    for q in doc.quantities:
        out.setdefault(line_start(doc.text, q.start), []).append(q)
    return out


def _line_tables(text: str):
    """Runs of cell lines (``text |``) parted by bar lines (``|``): each run
    a list of rows, each row a list of (line start, cell text)."""
    rows, row, pos = [], [], 0
    for line in text.split("\n"):
        body = line.rstrip()
        if body.strip("| ") == "" and "|" in body:
            if row:
                rows.append(row)
            row = []
        elif body.endswith("|") and "|" not in body[:-1]:
            row.append((pos, body[:-1].strip()))
        else:
            if row:
                rows.append(row)
            if len(rows) > 1:
                yield rows
            rows, row = [], []
        pos += len(line) + 1
    if row:
        rows.append(row)
    if len(rows) > 1:
        yield rows


def _header_role(header: str, cues: Cues) -> str | None:
    for role, rx in cues.table_headers:
        if rx.search(header):
            return role
    return None     # a header that names no role: the cell's own reading stands


def _row_label(text: str, grid: dict, cell, cues: Cues):
    """The row's cell of the last column before ``cell`` whose header names
    indicators (一级指标 | 二级指标 | 三级指标: the most specific), else its
    first cell that is not a bare number (a 序号 column comes first)."""
    for col in range(cell.col - 1, -1, -1):
        head, b = grid.get((cell.table, 0, col)), grid.get((cell.table, cell.row, col))
        if head is not None and b is not None and text[b.start:b.end].strip() \
                and not _ROW_NUMBER.fullmatch(text[b.start:b.end].strip()) \
                and cues.table_label_header.fullmatch(simplified(text[head.start:head.end]).strip()):
            return b
    for col in range(cell.col):
        b = grid.get((cell.table, cell.row, col))
        if b is not None and not _ROW_NUMBER.fullmatch(text[b.start:b.end].strip()):
            return b
    return grid.get((cell.table, cell.row, 0))


def _without_unit_note(label: str) -> str:
    """城镇新增就业（人） -> 城镇新增就业: the row label's note of the unit its
    cells are counted in names no part of the indicator."""
    label = label.rstrip()
    m = next((m for m in table_words().in_brackets.finditer(label) if m.end() == len(label)), None)
    if m is None:
        return label
    unit = unit_of(m.group(1))
    return label[:m.start()] if unit is not None and unit[0] == m.group(1) else label


def _prose(cell_text: str) -> bool:
    return len(_HAN.findall(cell_text)) >= _PROSE_HAN
