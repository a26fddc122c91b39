"""Tables written one cell a line with bars between the cells, read by the
period of their columns.

Web pages copied as text leave a table's cells one to a line in two ways that
the column reader of ``tables.py`` (a header, then rows of a label and numbers)
does not always take:

- each cell closed by a bar (``长沙市 |``), a bar alone for an empty cell;
- bars alone on their lines between the cells, a cell's text wrapped over
  lines (``抽检样品⏎总量(批次)``), two bars in a row around an empty cell.

Either is read as one stream of cells. A table in it is a header of ``w``
cells holding no number, then at least two rows of ``w`` cells whose columns
keep their kind (a number, text, or empty) from row to row: text columns may
stand after the numbers (a city's main pollutant), a row may open with its
number (序号), rows without a number (a section's name, a place with no
figures, 是 | 是) may stand between rows that fit, a bar alone closing the
rows may stop doing so, and a last row one cell short is a total row without
its number. The width kept is the one that reads the most cells (the
smallest on a tie), never one whose rows repeat a shorter period (two rows
side by side).
"""

from __future__ import annotations

from .lines import Line

MIN_WIDTH = 3           # a label column and two more at least
MAX_WIDTH = 24
MIN_ROWS = 2            # data rows under the header
MIN_RUN = 8             # lines in a run of one-cell lines and bars
MIN_BAR_SHARE = 0.25    # of a run's lines that hold a bar
MAX_ODD = 4             # rows without a number in a row (places with no figures) before one that fits

NUMBER, TEXT, EMPTY = "N", "T", "E"
CLOSING = "C"           # a column that only ever holds the empty cell closing a row


def bar_only(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and not stripped.strip("|").strip()


def stream_runs(lines: list[Line], cell_line) -> list[list[Line]]:
    """Runs of consecutive lines each a bar alone or one short cell (with a bar
    closing it, or none), a bar on at least ``MIN_BAR_SHARE`` of them."""
    runs, run = [], []
    for line in lines + [Line(-1, -1, "")]:
        if bar_only(line.text) or _one_cell_text(line.text, cell_line) is not None:
            run.append(line)
            continue
        if len(run) >= MIN_RUN and sum("|" in r.text for r in run) >= MIN_BAR_SHARE * len(run):
            runs.append(run)
        run = []
    return runs


def _one_cell_text(text: str, cell_line) -> str | None:
    """The cell of a line holding one (``长沙市 |``, ``| 19.31 |``, ``总量(批次)``), else None."""
    body = text.strip()
    if body.endswith("|"):
        body = body[:-1]
        if body.startswith("|"):
            body = body[1:]
    body = body.strip()
    if not body or "|" in body or not cell_line.fullmatch(body):
        return None
    return body


def cell_stream(run: list[Line]) -> list[Line | None]:
    """The cells of a run in order, None for an empty one: a bar closes the cell
    whose text came since the bar before (a cell may be wrapped over lines); a
    line opening and closing with a bar holds one cell."""
    cells: list[Line | None] = []
    pending: list[Line] = []
    for line in run:
        body = line.text.strip()
        if bar_only(line.text):
            for _ in range(body.count("|")):
                cells.append(_joined(pending) if pending else None)
                pending = []
            continue
        lead = len(line.text) - len(line.text.lstrip())
        text = body[1:].lstrip() if body.startswith("|") and body.endswith("|") and len(body) > 1 else body
        start = line.start + lead + (len(body) - len(text) if text is not body else 0)
        closed = text.endswith("|")
        text = text[:-1].rstrip() if closed else text
        pending.append(Line(start, start + len(text), text))
        if closed:
            cells.append(_joined(pending))
            pending = []
    if pending:
        cells.append(_joined(pending))
    if cells and cells[0] is None:
        cells = cells[1:]           # the bar opening the run closes no cell
    return cells


def _joined(parts: list[Line]) -> Line:
    if len(parts) == 1:
        return parts[0]
    return Line(parts[0].start, parts[-1].end, "\n".join(p.text for p in parts))


def periodic_tables(cells: list[Line | None], words) -> list[list[list[Line | None]]]:
    """The tables of a stream of cells, in order: each a header row and its data rows."""
    kinds = [_kind(c, words) for c in cells]     # (words: structure.yaml column_tables)
    numbering = frozenset(i for i, c in enumerate(cells) if c is not None and _row_number(c.text))
    following, after = [0] * len(kinds), len(kinds) + MAX_WIDTH * 2
    for i in range(len(kinds) - 1, -1, -1):          # the next number after each cell
        following[i] = after
        if kinds[i] == NUMBER:
            after = i
    tables, at, previous = [], 0, -1
    for first, kind in enumerate(kinds):
        if kind != NUMBER:
            continue
        # a header of at least MIN_WIDTH cells without a number stands between
        # the number before and this one: else no table starts here
        before, previous = previous, first
        if first < at or first - before <= MIN_WIDTH:
            continue
        found = _table_at(kinds, max(at, before + 1), first, numbering, following[first])
        if found is None:
            continue
        start, width, rows = found
        table = [list(cells[start:start + width])]
        for row_start, count, pad in rows:
            row = [None] * pad + list(cells[row_start:row_start + count])
            table.append(row + [None] * (width - len(row)))
        tables.append(table)
        at = rows[-1][0] + rows[-1][1]
    return tables


def _row_number(text: str) -> bool:
    text = text.strip()
    return text.isascii() and text.isdigit() and len(text) <= 4


def _kind(cell: Line | None, words) -> str:
    if cell is None:
        return EMPTY
    text = "".join(cell.text.split())
    if not text or words.stream_empty_cell.fullmatch(text):
        return EMPTY
    if words.stream_year_label.fullmatch(text):
        return TEXT                 # (2011年 heads a column: a label, no number of the rows)
    return NUMBER if words.number_cell.fullmatch(text) else TEXT


def _table_at(kinds: list[str], at: int, first: int, numbering: frozenset, second: int):
    """(header start, width, [(row start, cells, cells missing before)]) of the
    table whose first data row holds the number at ``first`` and that reads the
    most cells, its header at ``at`` or after (no number stands from ``at`` to
    ``first``); or None. ``second``: the next number after ``first``, which the
    second row holds, so the rows are at least half as wide as the gap; and the
    second row's cell under ``first`` is a number or empty."""
    best = None
    for width in range(max(MIN_WIDTH, (second - first) // 2 + 1), min(MAX_WIDTH, first - at) + 1):
        if first + width >= len(kinds) or kinds[first + width] == TEXT:
            continue            # (the second row's cell under this number holds words)
        for data in range(max(at + width, first - width + 1, second - 2 * width + 1), first + 1):
            head = data - width
            while head - width >= at and _section_row(kinds[head:head + width]):
                head -= width           # (a section's name in a row of its own: 1.优抚安置 | | )
            header = kinds[head:head + width]
            if header.count(TEXT) < 2:
                continue
            found = _rows(kinds, data, width, numbering)
            if len(found) < MIN_ROWS or _repeats(kinds[data:data + width]):
                continue
            if head < data - width:
                found = [(r, width, 0) for r in range(head + width, data, width)] + found
            size = found[-1][0] + found[-1][1] - head
            if best is None or size > best[0]:
                best = (size, (head, width, found))
    return best[1] if best else None


def _repeats(row: list[str]) -> bool:
    """Whether a row's kinds repeat with a shorter period (of MIN_WIDTH at least,
    an empty cell fitting any kind): two rows of the table side by side, which
    the shorter width reads."""
    for period in range(MIN_WIDTH, len(row) // 2 + 1):
        if len(row) % period == 0 and all(a == b or EMPTY in (a, b) for a, b in zip(row, row[period:])):
            return True
    return False


def _section_row(row: list[str]) -> bool:
    return len(row) >= 2 and row[0] == TEXT and all(k == EMPTY for k in row[1:])


def _rows(kinds: list[str], data: int, width: int, numbering: frozenset) -> list[tuple[int, int, int]]:
    """The data rows from ``data`` on, each (start, cells, empty cells before them).
    A last column empty in every row closes the rows (a bar alone ending each)
    and may stop doing so (rows one cell shorter from there on); a row without
    a number before one that fits (是 | 是 in a column of rates, a section's
    name alone in a numbered table, up to ``MAX_ODD`` places with no figures)
    is kept; a last row one cell short whose label stands first is a total
    without its number, as is one whose label stands in the numbers' column
    with the label's cell left empty. A first
    column of numbers is the rows' numbering: each a whole number of at most
    four digits (``numbering``: the positions of such cells)."""
    columns = kinds[data:data + width]
    if len(columns) < width or NUMBER not in columns or columns[0] == EMPTY \
            or (columns[0] == NUMBER and columns[1] != TEXT):
        return []
    if columns[-1] == EMPTY and kinds[data - 1] == EMPTY:
        columns[-1] = CLOSING            # a bar alone closing the header and the rows

    def fits(at: int, step: int) -> bool:
        return at + step <= len(kinds) and _fits(columns, kinds[at:at + step]) \
            and (columns[0] != NUMBER or kinds[at] == EMPTY or at in numbering)

    def odd(at: int, step: int) -> bool:
        row = kinds[at:at + step]
        return len(row) == step and NUMBER not in row and (row[0] == columns[0] == TEXT or _section_row(row))

    rows, at, step = [], data, width
    while True:
        if fits(at, step):
            rows.append((at, step, 0))
        elif step == width and columns[-1] == CLOSING and rows and fits(at, width - 1):
            step = width - 1
            rows.append((at, step, 0))
        elif rows and odd(at, step) and any(fits(at + k * step, step) for k in range(1, MAX_ODD + 1)
                                            if all(odd(at + j * step, step) for j in range(1, k))):
            rows.append((at, step, 0))
        else:
            break
        at += step
    if rows and columns[0] == NUMBER and at < len(kinds) and kinds[at] == TEXT:
        full, short = kinds[at + 1:at + step], kinds[at:at + step - 1]
        if len(full) == step - 1 and full[0] == EMPTY and _fits(columns[1:step], full):
            rows.append((at, step, 0))          # 合计 | (empty) | 5226 | 43: the label in the numbers' column
        elif len(short) == step - 1 and _fits(columns[1:step], short):
            rows.append((at, step - 1, 1))
    return rows


def _fits(columns: list[str], row: list[str]) -> bool:
    """Whether a row keeps the columns' kinds (an empty cell fits any column; a
    column empty so far takes the row's kind, in ``columns``, when the row fits)."""
    if NUMBER not in row:
        return False
    filled = []
    for c, kind in enumerate(row):
        if kind == EMPTY:
            continue
        if columns[c] == EMPTY:
            filled.append((c, kind))
        elif columns[c] != kind:        # (a closing column takes no cell)
            return False
    for c, kind in filled:
        columns[c] = kind
    return True
