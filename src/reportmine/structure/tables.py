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
  one line (one row).
Their line blocks are replaced by table_cell blocks.
"""

from __future__ import annotations

import re

from ..document import Block, Document, Table
from .lines import Line

MIN_FLAT_BARS = 4
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
    runs: list[tuple[list[Line], str]] = []
    if "\t" in doc.text:
        runs += [(rows, "\t") for rows in _tab_runs(lines)]
    if "|" in doc.text:
        runs += [(rows, "|") for rows in _bar_runs(lines)]
    taken: set[int] = set()
    for rows, sep in sorted(runs, key=lambda r: r[0][0].start):
        if any(line.start in taken for line in rows):
            continue
        taken.update(line.start for line in rows)
        _add_table(doc, rows, sep)


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


def bar_cells(line: Line) -> list[tuple[int, int]]:
    """(start, end) of each cell of a bar-separated line, outer bars dropped."""
    spans, pos = [], line.start
    parts = line.text.split("|")
    for i, part in enumerate(parts):
        if not ((i == 0 or i == len(parts) - 1) and not part.strip()):
            spans.append((pos, pos + len(part)))
        pos += len(part) + 1
    return spans


def _cells(line: Line, sep: str) -> list[tuple[int, int]]:
    if sep == "|":
        return bar_cells(line)
    spans, pos = [], line.start
    for part in line.text.split(sep):
        spans.append((pos, pos + len(part)))
        pos += len(part) + 1
    return spans


def _add_table(doc: Document, rows: list[Line], sep: str) -> None:
    start, end = rows[0].start, rows[-1].end
    # the file's own tables (a docx's) name their cells by block index: keep the
    # blocks themselves, to name them again once the blocks are re-sorted
    kept = [[[doc.blocks[i] for i in row] for row in t.rows] for t in doc.tables]
    doc.blocks = [b for b in doc.blocks if not (start <= b.start < end)]
    index = len(doc.tables)
    table = Table(index, start, end)
    for r, line in enumerate(rows):
        for c, (s, e) in enumerate(_cells(line, sep)):
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
