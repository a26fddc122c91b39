"""Tables in plain text: runs of lines whose cells are separated by tabs.

Readers of docx and pdf build tables from the file's own structure; for txt a
run of at least two lines with the same number (>= 2) of tab-separated cells
is a table. Its line blocks are replaced by table_cell blocks.
"""

from __future__ import annotations

from ..document import Block, Document, Table
from .lines import Line


def find_text_tables(doc: Document, lines: list[Line]) -> None:
    if doc.format != "txt" or "\t" not in doc.text:
        return
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
    for rows in runs:
        _add_table(doc, rows)


def _add_table(doc: Document, rows: list[Line]) -> None:
    start, end = rows[0].start, rows[-1].end
    doc.blocks = [b for b in doc.blocks if not (start <= b.start < end)]
    index = len(doc.tables)
    table = Table(index, start, end)
    for r, line in enumerate(rows):
        row, pos = [], line.start
        for c, cell in enumerate(line.text.split("\t")):
            lead = len(cell) - len(cell.lstrip())
            s, e = pos + lead, pos + len(cell.rstrip())
            row.append(len(doc.blocks))
            doc.blocks.append(Block(s, max(s, e), "table_cell", None, table=index, row=r, col=c))
            pos += len(cell) + 1
        table.rows.append(row)
    doc.blocks.sort(key=lambda b: b.start)
    # block indices moved with the sort: rebuild the rows from the blocks
    table.rows = [[i for i, b in enumerate(doc.blocks) if b.table == index and b.row == r]
                  for r in range(len(rows))]
    doc.tables.append(table)
