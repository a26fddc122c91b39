"""Quantities in table cells: the column header gives the role, the row
label the indicator (指标名称 | 年度目标 | 完成值 | 完成率). A cell that holds
running text (得分=完成率96%×0.5=0.48, 分别不少于6个、3个) is read like prose:
its own cue words and clause head decide, as the text rules already did."""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from ..document import Document
from ..quantities.tables import table_words, unit_of
from .clauses import line_start
from .cues import Cues
from .indicators import trim
from .normalized import GLOSS
from .script import simplified

_ROW_NUMBER = re.compile(r"[0-9]{1,3}[.、]?|")
# a cell with this many CJK characters besides its numbers is running text
_PROSE_HAN = 12
_HAN = re.compile(r"[\u4e00-\u9fff]")
_DIGIT = re.compile(r"[0-9]")
# notes in brackets after a row label's unit (（天）[含日间手术]【不含…】)
_LABEL_NOTES = re.compile(r"(?:\s*(?:\[[^\[\]]*\]|【[^【】]*】|[（(][^（()）]*[)）]))*\s*")


def table_claims(doc: Document, cues: Cues) -> None:
    if not doc.tables:
        return
    cells = sorted((b.start, b.end, b) for b in doc.blocks if b.kind == "table_cell")
    starts = [c[0] for c in cells]
    grid = {(b.table, b.row, b.col): b for _, _, b in cells}
    two_rows = _two_row_headers(doc.text, grid)
    shifts = {t: _second_row_shift(doc.text, grid, t) for t in two_rows}
    rows = _Rows(doc, grid)
    sections = _section_roles(rows, cues, two_rows)
    compared = _compared_rows(rows, cues, sections)
    for q in doc.quantities:
        i = bisect.bisect_right(starts, q.start) - 1
        if i < 0 or not (cells[i][0] <= q.start < max(cells[i][1], cells[i][0] + 1)):
            continue
        cell = cells[i][2]
        if cell.row == 0 and (cell.table, 0, cell.col) in compared:
            q.role = compared[(cell.table, 0, cell.col)]    # (a first row that holds values is no header: ≥ | 95 | %)
            continue
        if (cell.row == 0 and (cell.table, 0, None) not in sections) or (cell.row == 1 and cell.table in two_rows) \
                or _prose(doc.text[cell.start:cell.end]):
            continue
        header = grid.get((cell.table, 0, cell.col))
        label = _row_label(doc.text, grid, cell, cues)
        if (cell.table, cell.row, cell.col) in sections:
            q.role = sections[(cell.table, cell.row, cell.col)]
        elif header is not None and (cell.table, cell.row, None) not in sections:
            role = header_role(_header_text(doc.text, grid, cell, shifts), cues)
            if role is None and label is not None and label is not cell and label.col == 0 \
                    and (cell.table, 0, 2) not in grid:
                # a key/value table of two columns (项目 | 内容 over 年度预算资金（万元） | 650):
                # a header that names no role leaves it to the row's label
                role = header_role(_without_unit_note(doc.text[label.start:label.end]), cues)
            q.role = role or q.role
        if (cell.table, cell.row, cell.col) in compared:
            q.role = compared[(cell.table, cell.row, cell.col)]     # ≥ | 300 | 人次 | 320 | 10 | 10
        if q.role == "other":
            q.indicator = None      # GUIDE.md: an item's deduction, a step, names no indicator
        elif label is not None and label is not cell:
            named = _column_measure(doc.text, grid, cell, label, cues) \
                if _entity(doc.text, grid, label, cues) else None
            q.indicator = named or trim(_without_unit_note(doc.text[label.start:label.end]), cues) or q.indicator
            if q.indicator:
                q.indicator = GLOSS.sub("", q.indicator)    # (as a phrase of prose: 總額, not 總(zǒng)額)


_NOTE = re.compile(r"[（(][^（()）]*[)）]")


class _Rows:
    """A document's table cells by row, in column order, and the quantities in them."""

    def __init__(self, doc: Document, grid: dict):
        self.text, self.quantities = doc.text, doc.quantities
        self.starts = [q.start for q in doc.quantities]
        self.by_row: dict[tuple[int, int], list] = {}
        for (table, row, _), b in sorted(grid.items(), key=lambda kv: kv[0]):
            self.by_row.setdefault((table, row), []).append(b)

    def _inside(self, b) -> tuple[int, int]:
        return bisect.bisect_left(self.starts, b.start), bisect.bisect_left(self.starts, b.end)

    def holds(self, b) -> bool:
        """The cell holds a quantity."""
        lo, hi = self._inside(b)
        return lo < hi

    def value(self, b) -> bool:
        """The cell holds one quantity and little else (≥11.4万元, 95%)."""
        lo, hi = self._inside(b)
        if hi - lo != 1:
            return False
        rest = self.text[b.start:b.end].replace(self.quantities[lo].text, "", 1).strip()
        return len(rest) <= 2 and not _DIGIT.search(rest) and not _HAN.search(rest)


_COMPARED_ROLES = ("target", "actual", "full_target", "actual")


def _compared_rows(cells: _Rows, cues: Cues, sections: dict) -> dict:
    """(table, row, col) -> role for a row with a cell that holds only a
    comparison (a self-assessment form's 指标性质 column) and no header row of
    its own above it: the values after it are, in the form's order, the
    requirement (指标值, a target, as ≥300人次 is in prose), the value reached
    (实际完成值), then, as bare numbers, the item's points (分值, full_target) and
    the score (得分, actual): ≥ | 300 | 人次 | 320 | 10 | 9."""
    text, out = cells.text, {}
    for (table, row), row_cells in cells.by_row.items():
        if (table, row, None) in sections and any((table, row, b.col) in sections for b in row_cells):
            continue
        at = next((k for k, b in enumerate(row_cells) if text[b.start:b.end].strip() in cues.table_comparators), None)
        if at is None:
            continue
        values = [b for b in row_cells[at + 1:] if cells.holds(b)]
        for k, (b, role) in enumerate(zip(values, _COMPARED_ROLES)):
            if k >= 2 and _UNIT_AFTER.search(text[b.start:b.end]):
                break           # (points are bare numbers)
            out[(table, row, b.col)] = role
    return out


def _section_roles(cells: _Rows, cues: Cues, two_rows: set[int]) -> dict:
    """(table, row, col) -> role for the value cells under a header row below
    the table's first, and (table, row, None) for every row under one (a
    self-assessment form: a funds section headed 预算数 | 执行数 | 分值 | 执行率 |
    得分, then an indicators section headed 分值 | 年度指标值 | 实际值 | 得分).
    The form's rows seldom line up with their header (a row label the header
    has no cell for, a merged cell left out), so a row's values, in order,
    take the header's value columns in order (_heads_of)."""
    text, out = cells.text, {}
    rows: dict[int, dict[int, list]] = {}
    for (table, row), row_cells in cells.by_row.items():
        rows.setdefault(table, {})[row] = row_cells
    carry, carry_end, numbering = None, -1, set()
    for table in sorted(rows, key=lambda t: min(b.start for b in rows[t][min(rows[t])])):
        by_row = rows[table]
        first = by_row[min(by_row)]
        # a table right after one under a header row, without a header of its own
        # (a section's title line cut the form in two): the header goes on
        heads, head_row, width = (carry, -1, 0) if first[0].start - carry_end <= _CARRY_CHARS else (None, 0, 0)
        last_col, head_cells = -1, 0
        for r in sorted(by_row):
            row_cells = by_row[r]
            found = None if r == 1 and table in two_rows and _filled(text, row_cells) <= _filled(text, by_row.get(0, [])) \
                else _value_heads([text[b.start:b.end].strip() for b in row_cells], cues)     # (a header's second row)
            if found is not None:
                heads, head_row, width = found, r, _filled(text, row_cells)
                last_col, head_cells = max(b.col for b in row_cells), len(row_cells)
                numbering = {b.col for b in row_cells
                             if cues.table_numbering.fullmatch(simplified(text[b.start:b.end]).strip())}
                continue
            if not heads:
                continue
            if head_row == 0 and (_filled(text, row_cells) == width
                                  or row_cells[0].col > 0 and row_cells[-1].col == last_col
                                  or len(row_cells) == head_cells and row_cells[-1].col == last_col):
                continue                # lined up with the first row's header: read by column
                #                         (a total row that leaves its number cell empty too; a
                #                         row that leaves a cell empty, its separators all there)
            out[(table, r, None)] = None    # under a header row of its own, not the first row's
            values = [b for b in row_cells if cells.value(b) and b.col not in numbering]
            for b, head in zip(values, _heads_of(text, values, heads)):
                out[(table, r, b.col)] = head.role
        carry = heads if head_row != 0 or heads is carry else None
        carry_end = max(b.end for row_cells in by_row.values() for b in row_cells)
    return out


class Head(NamedTuple):
    """A value column of a form's header row."""
    text: str
    role: str
    points: bool        # 分值, 得分, 权重: a column of points
    index: int          # among the row's filled cells


def _heads_of(text: str, values: list, heads: list[Head]) -> list[Head]:
    """The header columns a row's value cells take, in order: as many as the
    values; or all but the first when that one heads the labels (预算执行情况
    （20分） | 预算数 | …); or, when every value carries a unit, the columns that
    are not points; else none."""
    if len(values) == len(heads):
        return heads
    if len(values) == len(heads) - 1 and heads[0].index == 0:
        return heads[1:]
    children = _without_group_heads(heads)
    if children is not heads:
        return _heads_of(text, values, children)
    amounts = [h for h in heads if not h.points]
    if values and len(values) == len(amounts) and all(_UNIT_AFTER.search(text[b.start:b.end]) for b in values):
        return amounts
    return []


def _without_group_heads(heads: list[Head]) -> list[Head]:
    """The header without the cells that head a group of the columns after it
    (a two-level header flattened: 年度预算数（万元） over 年初预算 | 调整后预算数):
    a cell with a note, followed by a cell of the same role without one."""
    keep = [h for h, nxt in zip(heads, heads[1:] + [None])
            if not (nxt is not None and h.role == nxt.role and _NOTE.search(h.text) and not _NOTE.search(nxt.text))]
    return keep if len(keep) < len(heads) else heads


def _filled(text: str, cells) -> int:
    return sum(1 for b in cells if text[b.start:b.end].strip())


_CARRY_CHARS = 40       # text between two tables over which a form's header row goes on
_UNIT_AFTER = re.compile(r"[0-9]\s*[^0-9\s.,，、|]")


def _value_heads(cells: list[str], cues: Cues) -> list[Head] | None:
    """A header row's value columns, in order: a row of words (no number
    outside a note) with two or more columns that name a role or points (得分:
    the score achieved, actual; 分值, 权重: full_target), or one column of points."""
    filled = [c for c in cells if c]
    if len(filled) < 2 or any(_DIGIT.search(_NOTE.sub("", c)) for c in filled):
        return None
    heads = []
    for i, c in enumerate(filled):
        plain = simplified(c)
        if cues.table_not_value.search(plain):
            continue
        points = cues.table_points_header.search(plain)
        role = header_role(plain, cues)
        if points is not None and (role is None or cues.table_points_header.fullmatch(_NOTE.sub("", plain).strip())):
            role = "actual" if points.group() in cues.table_points_achieved else "full_target"
            #  (得分（20分*执行率）: the points, not the rate they are computed from)
        if role is not None:
            heads.append(Head(c, role, points is not None, i))
    if len(heads) == 1 and not heads[0].points:
        return None         # one column of points (代码 | 考核指标 | 分值 | 评分细则) is a header; one other word is not
    return heads or None


def _two_row_headers(text: str, grid: dict) -> set[int]:
    """The tables whose header goes on in their second row (年初 | 调整后 over
    预算数 | 预算数, 达成率 over （%）): a second row with words and no number
    outside a parenthesized note, and a third row that holds numbers."""
    rows: dict[tuple[int, int], list[str]] = {}
    for (table, row, _), b in grid.items():
        if row in (1, 2):
            rows.setdefault((table, row), []).append(text[b.start:b.end])
    out = set()
    for (table, row), cells in rows.items():
        if row != 1 or (table, 2) not in rows:
            continue
        bare = [_NOTE.sub("", c) for c in cells]
        if not any(_DIGIT.search(c) for c in bare) and any(_HAN.search(c) for c in cells) \
                and any(_DIGIT.search(c) for c in rows[(table, 2)]):
            out.add(table)
    return out


def _header_text(text: str, grid: dict, cell, shifts: dict[int, int]) -> str:
    """The column's header: its first row's cell, and the second's when the
    header goes on there (``shifts``: the tables whose header has two rows, and
    how far right their second row is read)."""
    head = grid[(cell.table, 0, cell.col)]
    out = text[head.start:head.end].strip()
    shift = shifts.get(cell.table)
    more = grid.get((cell.table, 1, cell.col - shift)) if shift is not None and cell.col >= shift else None
    return out + text[more.start:more.end].strip() if more is not None else out


def _second_row_shift(text: str, grid: dict, table: int) -> int:
    """单 位 | 办结率 | | over 本月 | 上年同月 | 增减 | (then 甲所 | 91.5% | 88.0% | 3.5):
    a header whose first column is merged over its two rows, copied with the
    second row lacking that column's cell and ending in as many empty cells as
    it lacks, while the first data row fills them: its second row is read that
    many columns to the right (stop 39's annotated pages)."""
    def row(r):
        cells = sorted((b for (t, rr, _), b in grid.items() if t == table and rr == r), key=lambda b: b.col)
        return [text[b.start:b.end].strip() for b in cells]
    first, second, data = row(0), row(1), row(2)
    if not first or not second or not first[0] or not second[0]:
        return 0
    lacking = 0
    while lacking < len(second) and not second[len(second) - 1 - lacking]:
        lacking += 1
    width = len(second) - lacking
    if not lacking or len(data) < width + lacking or not all(data[width:width + lacking]):
        return 0
    return lacking


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
        roles = [header_role(h, cues) for h in header]
        if any(_DIGIT.search(h) for h in header) or not any(roles):
            continue
        for run in rows[1:]:
            if len(run) % len(header):
                continue
            # rows the bar lines do not part follow each other, as wide as the header
            for k in range(0, len(run), len(header)):
                _cells_by_header(run[k:k + len(header)], roles, by_line)


def glued_pair_claims(doc: Document, cues: Cues) -> None:
    """A form flattened into running text, as PDF text of a self-assessment
    table comes (年度指标值全年完成值…配备率100%96%): the first two values of
    a run written together with nothing between them, of one unit, after a
    target column's header and then an achieved one's (claims.yaml
    ``glued_headers``) in the same paragraph, are the row's target and the
    value achieved. Stop 37's annotated pages."""
    if cues.glued_headers is None:
        return
    target_rx, actual_rx = cues.glued_headers
    text, qs = doc.text, doc.quantities
    for k in range(len(qs) - 1):
        a, b = qs[k], qs[k + 1]
        if b.start != a.end or a.norm_unit != b.norm_unit or a.value is None or b.value is None \
                or (k > 0 and qs[k - 1].end == a.start) or not {a.role, b.role} <= _GLUED_ROLES:
            continue
        low = max(text.rfind("\n\n", 0, a.start) + 1, a.start - _GLUED_REACH)
        target = None
        for target in target_rx.finditer(text, low, a.start):
            pass
        if target is not None and actual_rx.search(text, target.end(), a.start):
            a.role, b.role = "target", "actual"
            b.indicator = a.indicator   # (the label after the pair is the next row's)


_GLUED_ROLES = frozenset({"actual", "completion_rate", "target"})
_GLUED_REACH = 3000     # how far back a flattened form's header is looked for


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


def header_role(header: str, cues: Cues) -> str | None:
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


def _entity(text: str, grid: dict, label, cues: Cues) -> bool:
    """A row label that names a place or a unit (城关镇, 东城区), one under a
    header of such names (乡镇, 县区) or the whole of them (全市): the row
    says whose figures, not what they measure."""
    name = simplified(text[label.start:label.end]).strip()
    head = grid.get((label.table, 0, label.col))
    return bool(name) and (cues.table_entity_row.fullmatch(name) is not None
                           or cues.marks.place.fullmatch(name) is not None
                           or head is not None and head is not label and cues.table_entity_header.fullmatch(
                               simplified(text[head.start:head.end]).strip()) is not None)


def _column_measure(text: str, grid: dict, cell, label, cues: Cues) -> str | None:
    """What a row of places measures in ``cell``'s column: its header when the
    header names no role (税收收入（万元）), else the nearest header to its left
    (up to the label's column) that does not either (地区生产总值（亿元） |
    增速（%）: 地区生产总值), else the table's title (各乡镇招商引资到位资金完成情况
    over 年度目标 | 完成 | 完成率: 招商引资到位资金), else a score column's own
    header (得分)."""
    scores = None
    for col in range(cell.col, label.col, -1):
        head = grid.get((cell.table, 0, col))
        if head is None:
            continue
        name = cues.table_header_note.sub("", _without_unit_note(text[head.start:head.end].strip()))
        if col == cell.col and cues.table_points_header.fullmatch(simplified(name)):
            scores = name   # (乡镇 | 得分（分） | 名次 under no title: the column names the score)
        if name and header_role(name, cues) is None and not cues.table_label_header.fullmatch(simplified(name)):
            named = trim(name, cues)
            if named:       # (本年累计 names no measure: the title may)
                return named
    head = grid.get((cell.table, 0, 0))
    return (_title(text, head.start, cues) if head is not None else None) or scores


def _title(text: str, start: int, cues: Cues) -> str | None:
    """The line right above a table (above its unit line: 单位：万元), trimmed
    of whose rows and of what it reports (各乡镇…完成情况), if it is short."""
    end = line_start(text, start) - 1
    for _ in range(2):
        if end <= 0:
            return None
        begin = line_start(text, end - 1) if end > 0 else 0
        line = text[begin:end].strip()
        if line and not cues.table_unit_line.match(line):
            break
        end = begin - 1
    else:
        return None
    if not line or len(line) > _TITLE_CHARS or "|" in line or "\t" in line:
        return None
    return trim(cues.table_title_trim.sub("", simplified(line)), cues) or None


_TITLE_CHARS = 30       # a longer line above a table is running text, not its title


def _without_unit_note(label: str) -> str:
    """城镇新增就业（人） -> 城镇新增就业: the row label's note of the unit its
    cells are counted in names no part of the indicator, nor do the notes in
    brackets after it (平均住院日（天）[含日间手术])."""
    label = label.rstrip()
    for m in table_words().in_brackets.finditer(label):
        unit = unit_of(m.group(1))
        if unit is not None and unit[0] == m.group(1) and _LABEL_NOTES.fullmatch(label, m.end()):
            return label[:m.start()]
    return label


def _prose(cell_text: str) -> bool:
    return len(_HAN.findall(cell_text)) >= _PROSE_HAN
