"""The canonical text of a PDF document: paragraphs, tables and page breaks
written in order, with their blocks, tables and boilerplate spans."""

from __future__ import annotations

from ..document import Block, Boilerplate, Document, Table
from .pdflayout import Line, PageLayout, PageTable, join_lines
from .pdfparagraphs import Metrics, join_across_pages, paragraphs


class _Writer:
    """Appends to the canonical text and records spans as it goes."""

    def __init__(self, doc: Document):
        self.doc, self.parts, self.pos = doc, [], 0

    def add(self, text: str) -> tuple[int, int]:
        start = self.pos
        self.parts.append(text)
        self.pos += len(text)
        return start, self.pos

    def paragraph(self, lines: list[Line], page: int, body_size: float) -> None:
        text = lines[0].text
        for line in lines[1:]:
            text = join_lines(text, line.text)
        start, end = self.add(text)
        kind = "paragraph"
        if len(lines) == 1 and lines[0].size >= 1.1 * body_size and len(text) <= 40:
            kind = "heading"
        self.doc.blocks.append(Block(start, end, kind, page))
        if lines[0].kind:
            self.doc.boilerplate.append(Boilerplate(start, end, lines[0].kind))

    def table(self, table: PageTable, page: int) -> None:
        index = len(self.doc.tables)
        out = Table(index, self.pos, self.pos, page=page)
        for r, row in enumerate(table.cells):
            if r:
                self.add("\n")
            ids = []
            for c, cell in enumerate(row):
                if c:
                    self.add("\t")
                if cell is None:
                    continue
                start, end = self.add(cell)
                ids.append(len(self.doc.blocks))
                self.doc.blocks.append(Block(start, end, "table_cell", page, None, index, r, c))
            out.rows.append(ids)
        out.end = self.pos
        self.doc.tables.append(out)


def assemble(doc: Document, pages: list[PageLayout], metrics: list[Metrics]) -> None:
    units = [paragraphs(page.items, m) for page, m in zip(pages, metrics)]
    for i in range(len(units) - 1):
        join_across_pages(units[i], units[i + 1], metrics[i], metrics[i + 1])
    writer = _Writer(doc)
    for i, (page, m) in enumerate(zip(pages, metrics)):
        if i:
            writer.add("\n")
        doc.page_starts.append(writer.pos)
        for j, unit in enumerate(units[i]):
            if j:
                writer.add("\n")
            if isinstance(unit, PageTable):
                writer.table(unit, page.number)
            else:
                writer.paragraph(unit, page.number, m.size)
    doc.text = "".join(writer.parts)
