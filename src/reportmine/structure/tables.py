"""Tables in plain text: runs of lines whose cells are separated by tabs or bars.

Readers of docx and pdf build tables from the file's own structure; in txt,
and in a docx's paragraphs outside those tables,
- a run of at least two lines with the same number (>= 2) of tab-separated
  cells is a table;
- a run of at least two lines holding ``|`` is a table whose rows are the
  lines and whose cells are the bar-separated parts (web pages and PDF
  conversion leave such tables, often with rows broken over lines, so the
  cell counts may differ); markdown rule rows (``|---|---|``) are skipped;
- a single line with at least ``MIN_FLAT_BARS`` bars is a table flattened to
  one line (one row);
- a run of short lines, one cell each, as copying a table out of a document
  leaves it (指标名称⏎年度目标⏎实际完成⏎完成率⏎城镇新增就业（人）⏎5500⏎5862⏎106.6%…),
  is a table when its first lines (the header) are as many as the cells of
  each row after them, every row a label then numbers (``_column_runs``); a
  bar closing (or opening and closing) each such line, as web pages leave a
  table one cell a line (``增长% |``), is not part of the cell, and a run of
  such lines read so is not also a bar table (of one column).
- a header line of words over at least two lines of as many comma-parted
  cells, short ones, mostly numbers after the label, is a table saved as
  comma-separated values (``_comma_runs``);
- a header line of words over rows of as many space-parted cells, each
  ending in numbers, is a table (``space_tables.py``: a PDF's text exported
  line by line).
Their line blocks are replaced by table_cell blocks.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..document import Block, Document, Table
from ..resources import compile_pattern, load_yaml, require
from . import cell_streams
from .lines import Line
from .space_tables import number_cell, space_runs

MIN_FLAT_BARS = 4
MIN_COMMA_ROWS = 2       # a comma-separated table: its header and at least this many rows
MAX_COMMA_CELL = 30      # characters a cell of one holds at most
_RULE = re.compile(r"^[\s|:：\-—=+]*$")


def find_text_tables(doc: Document, lines: list[Line]) -> None:
    if doc.format == "pdf":
        return          # (a PDF's lines are printed lines: its tables come from its layout)
    if doc.format != "txt":
        # a docx may hold a table typed as text (cells parted by | or tabs in
        # its paragraphs): read like a txt's, outside the file's own tables
        # (a line of those tables reads as empty: no run goes across one)
        own = [(t.start, t.end) for t in doc.tables]
        lines = [Line(line.start, line.end, "") if any(s <= line.start < e for s, e in own) else line
                 for line in lines]
    runs: list[tuple[list, str, list[Line]]] = []       # (rows, separator, the lines it takes)
    if "\t" in doc.text:
        runs += [(rows, "\t", rows) for rows in _tab_runs(lines)]
    if "," in doc.text:
        runs += [(rows, ",", rows) for rows in _comma_runs(lines)]
    columns = _column_runs([_one_cell(line) for line in lines])
    streams = _stream_tables(lines) if "|" in doc.text else []
    kept: list[list[Line]] = []          # bar runs kept as bar tables
    if "|" in doc.text:
        for rows in _bar_runs(lines):
            inside = [t for t in columns if rows[0].start <= t[0][0].start and t[-1][-1].end <= rows[-1].end]
            if not inside or not _one_cell_run(rows):
                if not _one_cell_run(rows) or not _within(streams, rows):
                    runs.append((rows, "|", rows))
                    kept.append(rows)
                continue
            spans = [(t[0][0].start, t[-1][-1].end) for t in inside]
            if _covered(rows, spans) < MIN_COLUMN_COVER:
                # (a form one cell a line with empty cells is read in pieces that
                # miss its columns: it stays a bar table of one column, unless
                # its cells read as a stream by the period of its columns)
                columns = [t for t in columns if not any(t is u for u in inside)]
                if not _within(streams, rows):
                    runs.append((rows, "|", rows))
                    kept.append(rows)
                continue
            # the rest of the run (a title, a source line) stays a bar table
            streams = [t for t in streams if not _inside(t[1], rows)]
            runs += [(piece, "|", piece) for piece in _outside(rows, spans) if len(piece) >= 2]
    runs += [(rows, "\n", [line for row in rows for line in row if line is not None]) for rows in columns]
    if " " in doc.text:
        runs += [(rows, " ", taken_lines) for rows, taken_lines in space_runs(lines)]
    # a table read as a stream that a bar run kept whole reaches beyond is not
    # read (the run's cells past the table stay that run's: a row short of a
    # cell, a merged one, ended the stream early)
    streams = [t for t in streams if not any(_overlap(t[1], r) and not _inside(r, t[1]) for r in kept)]
    runs += [(rows, "\n", taken_lines) for rows, taken_lines in streams]
    taken: set[int] = set()
    for rows, sep, flat in sorted(runs, key=lambda r: r[2][0].start):
        if any(line.start in taken for line in flat):
            continue
        taken.update(line.start for line in flat)
        _add_table(doc, rows, sep)


def _stream_tables(lines: list[Line]) -> list[tuple[list, list[Line]]]:
    """Tables one cell a line with bars between the cells (``cell_streams``), each
    as (rows of cell lines, the lines from its first cell to its last, bars included)."""
    cells = _column_cells()
    out = []
    for run in cell_streams.stream_runs(lines, cells.stream_cell_line):
        for rows in cell_streams.periodic_tables(cell_streams.cell_stream(run), cells):
            flat = [cell for row in rows for cell in row if cell is not None]
            start, end = flat[0].start, flat[-1].end
            out.append((rows, [line for line in run if line.end > start and line.start < end]))
    return out


def _inside(taken_lines: list[Line], rows: list[Line]) -> bool:
    return rows[0].start <= taken_lines[0].start and taken_lines[-1].end <= rows[-1].end


def _overlap(a: list[Line], b: list[Line]) -> bool:
    return a[0].start < b[-1].end and b[0].start < a[-1].end


def _within(streams: list[tuple[list, list[Line]]], rows: list[Line]) -> bool:
    """Whether tables read as a stream of cells cover the bar run ``rows`` (at
    least ``MIN_COLUMN_COVER`` of its cells); those outside it are not asked."""
    spans = [(t[0].start, t[-1].end) for _, t in streams if _inside(t, rows)]
    return bool(spans) and _covered(rows, spans) >= MIN_COLUMN_COVER


def _tab_runs(lines: list[Line]) -> list[list[Line]]:
    runs, run = [], []
    for line in lines:
        cells = line.text.split("\t")
        if len(cells) >= 2 and sum(1 for c in cells if c.strip()) >= 2 and (
                not run or len(cells) == len(run[0].text.split("\t"))):
            run.append(line)
            continue
        if len(run) >= 2:
            runs.append(run)
        run = [line] if len(cells) >= 2 and sum(1 for c in cells if c.strip()) >= 2 else []
    if len(run) >= 2:
        runs.append(run)
    return runs


def _comma_runs(lines: list[Line]) -> list[list[Line]]:
    """A table saved as comma-separated values (指标名称,计量单位,年度目标值,实际完成值⏎
    义务教育巩固率,%,97,97.6): a header line of words over at least
    ``MIN_COMMA_ROWS`` lines of as many cells, short ones, each row holding a
    number cell and numbers or nothing in most cells after its label. Prose
    with ASCII commas (全年完成 12 365 万元,增长 7. 5%,为…) has no cell that is
    only a number in most of its parts."""
    number, runs, i = number_cell(), [], 0
    while i < len(lines):
        head = lines[i].text.split(",")
        if len(head) < 3 or not all(c.strip() and len(c) <= MAX_COMMA_CELL and not any(ch.isdigit() for ch in c)
                                    for c in head):
            i += 1
            continue
        run, j = [lines[i]], i + 1
        while j < len(lines):
            cells = lines[j].text.split(",")
            rest = cells[1:]
            numbers = sum(1 for c in rest if number.fullmatch(c.strip()))
            if len(cells) != len(head) or any(len(c) > MAX_COMMA_CELL for c in cells) or not numbers \
                    or (numbers + sum(1 for c in rest if not c.strip())) * 2 < len(rest):
                break
            run.append(lines[j])
            j += 1
        if len(run) - 1 >= MIN_COMMA_ROWS:
            runs.append(run)
            i = j
        else:
            i += 1
    return runs


def _bar_runs(lines: list[Line]) -> list[list[Line]]:
    runs, run = [], []
    for line in lines + [Line(-1, -1, "")]:
        if "|" in line.text and "\t" not in line.text:
            run.append(line)
            continue
        if len(run) >= 2 or (len(run) == 1 and run[0].text.count("|") >= MIN_FLAT_BARS):
            runs.append([r for r in run if not _RULE.match(r.text)])
        run = []
    return [r for r in runs if r]


MIN_COLUMN_COVER = 0.8      # share of a bar run of one-cell lines a table one cell a line must read


def _covered(rows: list[Line], spans: list[tuple[int, int]]) -> float:
    """The share of the run's non-empty lines inside the spans."""
    full = [line for line in rows if line.text.strip(" |")]
    return sum(1 for line in full if any(s <= line.start < e for s, e in spans)) / max(1, len(full))


def _outside(rows: list[Line], spans: list[tuple[int, int]]) -> list[list[Line]]:
    """The runs of ``rows`` between the spans of other tables."""
    pieces: list[list[Line]] = [[]]
    for line in rows:
        if any(s <= line.start < e for s, e in spans):
            if pieces[-1]:
                pieces.append([])
        else:
            pieces[-1].append(line)
    return [p for p in pieces if p]


def _one_cell_run(rows: list[Line]) -> bool:
    """Whether every line of a bar run holds one cell at most (``增长% |``, ``|``)."""
    return all(_one_cell(line) is not line or not line.text.strip(" |") for line in rows)


_BARRED_CELL = re.compile(r"^(\s*\|?)([^|]*?)\s*\|\s*$")


def _one_cell(line: Line) -> Line:
    """A line holding one cell between bars (``增长% |``, ``| 19.31 |``): the
    cell alone (a table written one cell a line); any other line as it is."""
    m = _BARRED_CELL.match(line.text)
    if m is None or not m.group(2).strip():
        return line
    start = line.start + len(m.group(1))
    return Line(start, start + len(m.group(2)), m.group(2))


MIN_COLUMN_WIDTH = 3        # a one-cell-per-line table: a label column and two of values at least


class ColumnCells(NamedTuple):
    """structure.yaml column_tables: what a line holding one cell, and one holding a number, look like."""

    cell_line: object
    number_cell: object
    numbering_header: object
    stream_cell_line: object       # a cell between bars (cell_streams.py)
    stream_empty_cell: object      # such a cell with no figure (-, /)
    stream_year_label: object      # such a cell naming a year: a column's label


@lru_cache(maxsize=1)
def _column_cells() -> ColumnCells:
    data = load_yaml("structure.yaml")
    require(data, ("column_tables",), "structure.yaml")
    section = data["column_tables"]
    require(section, ColumnCells._fields, "structure.yaml: column_tables")
    return ColumnCells(*(compile_pattern(section[k], f"structure.yaml: column_tables.{k}")
                         for k in ColumnCells._fields))


def numbering_header():
    """The pattern of a header cell naming a column of row numbers (序号, 编号)."""
    return _column_cells().numbering_header


def _column_runs(lines: list[Line]) -> list[list[list[Line]]]:
    """Tables written one cell per line: each a list of rows of cell lines."""
    out, run = [], []
    cell_line = _column_cells().cell_line
    for line in lines + [Line(-1, -1, "")]:
        text = line.text.strip()
        if text and cell_line.fullmatch(text):
            run.append(line)
            continue
        if len(run) >= 2 * MIN_COLUMN_WIDTH:
            table = _column_table(run)
            if table:
                out.append(table)
        run = []
    return out


def _column_table(run: list[Line]) -> list[list[Line | None]] | None:
    number_cell = _column_cells().number_cell
    numeric = [number_cell.fullmatch(line.text.strip()) is not None for line in run]
    if True not in numeric:
        return None
    first = numeric.index(True)
    numbered = _numbered_table(run, numeric, first)
    if numbered:
        return numbered
    for skip in range(0, max(0, first - MIN_COLUMN_WIDTH) + 1):      # (a title line may stand above)
        width = first - 1 - skip
        if width < MIN_COLUMN_WIDTH or any(numeric[skip:first - 1]):
            continue
        rows = [run[skip:skip + width]]
        at = first - 1
        while _label_row(numeric, at, width):
            rows.append(run[at:at + width])
            at += width
        if len(rows) >= 2:
            return rows
    return None


def _numbered_table(run: list[Line], numeric: list[bool], first: int) -> list[list[Line | None]] | None:
    """序号⏎市州⏎计划数⏎完成率⏎1⏎甲市⏎150⏎95.3%⏎2⏎乙市⏎…⏎合计⏎300⏎96.1%: a
    table one cell a line whose first column numbers its rows: the header
    from its numbering cell (``numbering_header``) to the first number, then
    rows of a number, a label and numbers; a row with no number (a total)
    has its first cell empty (None)."""
    numbering = _column_cells().numbering_header
    for skip in range(0, first):
        width = first - skip
        if width < MIN_COLUMN_WIDTH + 1 or not numbering.fullmatch(run[skip].text.strip()):
            continue
        rows: list[list[Line | None]] = [list(run[skip:first])]
        at = first
        while True:
            if at < len(run) and numeric[at] and _label_row(numeric, at + 1, width - 1):
                rows.append(list(run[at:at + width]))
                at += width
            elif len(rows) >= 3 and _label_row(numeric, at, width - 1):
                rows.append([None] + list(run[at:at + width - 1]))
                at += width - 1
            else:
                break
        if len(rows) >= 3:
            return rows
    return None


def _label_row(numeric: list[bool], at: int, width: int) -> bool:
    """Whether ``width`` cells from ``at`` are a row of a label, then numbers."""
    return at + width <= len(numeric) and not numeric[at] and all(numeric[at + 1:at + width])


def bar_cells(line: Line, outer: tuple[bool, bool] = (True, True)) -> list[tuple[int, int]]:
    """(start, end) of each cell of a bar-separated line, outer bars dropped
    (``outer``: whether the table's lines open and close with a bar; where they
    do not, an empty first or last part is an empty cell: `` | 预算数 | …``
    under ``项目 | 年初 | …``)."""
    spans, pos = [], line.start
    parts = line.text.split("|")
    for i, part in enumerate(parts):
        if not ((i == 0 and outer[0] or i == len(parts) - 1 and outer[1]) and not part.strip()):
            spans.append((pos, pos + len(part)))
        pos += len(part) + 1
    return spans


def _outer_bars(rows: list[Line]) -> tuple[bool, bool]:
    """Whether most of a bar table's lines open, and close, with a bar: then an
    empty first (last) part of a line is outside the table, else an empty cell."""
    opened = sum(1 for line in rows if line.text.strip().startswith("|"))
    closed = sum(1 for line in rows if line.text.strip().endswith("|"))
    return opened * 2 > len(rows), closed * 2 > len(rows)


def _cells(line: Line, sep: str, outer: tuple[bool, bool] = (True, True)) -> list[tuple[int, int]]:
    if sep == "|":
        return bar_cells(line, outer)
    spans, pos = [], line.start
    for part in line.text.split(sep):
        spans.append((pos, pos + len(part)))
        pos += len(part) + 1
    return spans


def _add_table(doc: Document, rows: list[Line], sep: str) -> None:
    if sep == "\n":        # one cell per line: each row a list of its cell lines (None: an empty cell)
        rows_cells = [[(line.start, line.end) if line is not None else None for line in row] for row in rows]
        flat = [line for row in rows for line in row if line is not None]
        start, end = flat[0].start, flat[-1].end
    elif sep == " ":       # cells parted by spaces: each row its cells' spans already (space_tables.py)
        rows_cells = rows
        flat = [span for row in rows for span in row if span is not None]
        start, end = flat[0][0], flat[-1][1]
    else:
        outer = _outer_bars(rows) if sep == "|" else (True, True)
        rows_cells = [_cells(line, sep, outer) for line in rows]
        start, end = rows[0].start, rows[-1].end
    # the file's own tables (a docx's) name their cells by block index: keep the
    # blocks themselves, to name them again once the blocks are re-sorted
    kept = [[[doc.blocks[i] for i in row] for row in t.rows] for t in doc.tables]
    doc.blocks = [b for b in doc.blocks if not (start <= b.start < end)]
    index = len(doc.tables)
    table = Table(index, start, end)
    for r, cells in enumerate(rows_cells):
        for c, span in enumerate(cells):
            if span is None:
                continue
            s, e = span
            cell = doc.text[s:e]
            lead = len(cell) - len(cell.lstrip())
            s, e = s + lead, s + len(cell.rstrip())
            doc.blocks.append(Block(s, max(s, e), "table_cell", None, table=index, row=r, col=c))
    doc.blocks.sort(key=lambda b: b.start)
    at = {id(b): i for i, b in enumerate(doc.blocks)}
    for t, rows_kept in zip(doc.tables, kept):
        t.rows = [[at[id(b)] for b in row] for row in rows_kept]
    by_row: dict[int, list[int]] = {r: [] for r in range(len(rows))}
    for i, b in enumerate(doc.blocks):
        if b.table == index:
            by_row[b.row].append(i)
    table.rows = [by_row[r] for r in range(len(rows))]
    doc.tables.append(table)
