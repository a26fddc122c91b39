"""Render a plain-text report into a real .docx and a real .pdf.

The test fixtures of the docx and pdf readers are made with this tool from
short texts, so that what a reader must repair (lines wrapped inside numbers
and sentences, page headers and footers, ruled tables) comes from a real
layout engine and not from hand-made strings.

Input convention (UTF-8 text, one paragraph per line):

* the first line is the title (Title style / large centred type);
* a short line that starts with 一、 / 第一篇 / 第一章 or ends with 篇一 is a
  heading (Heading 1 for 篇/章 markers, Heading 2 for 一、);
* a line starting with "• " is a bulleted list item (docx: List Bullet style,
  the marker itself is dropped as Word draws it; the pdf draws "● ");
* a run of consecutive lines containing TAB characters is a table, first line
  the header; a cell holding only "<" is merged into the cell on its left and
  a cell holding only "^" into the cell above;
* an empty line is an empty paragraph in docx and ignored in pdf;
* a paragraph keeps its leading full-width spaces (　　) in docx; the pdf
  drops them and indents the first line by two characters instead.

The PDF uses reportlab's built-in CID font STSong-Light (no font file needed;
pdfplumber maps it back to Unicode), A4, paragraphs indented by two
characters and wrapped at the frame width with CJK line breaking (so numbers
and sentences get split across lines and pages), the title repeated as a
header on every page and "- N -" as the footer.

Usage::

    python corpora/tools/render.py SAMPLE.txt --docx OUT.docx --pdf OUT.pdf
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.oxml.ns import qn
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

FONT = "STSong-Light"
MERGE_LEFT = "<"
MERGE_UP = "^"
BULLET = "• "
PDF_BULLET = "● "       # STSong-Light has no U+2022 (nor U+00B7): pdfplumber would drop it
_CN_NUM = "一二三四五六七八九十"
_ARTICLE_RE = re.compile(rf"^(第[{_CN_NUM}]+[篇章部分]|.{{0,20}}篇[{_CN_NUM}]+$)")
_SECTION_RE = re.compile(rf"^[{_CN_NUM}]+、")
_MAX_HEADING_LEN = 30
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 72
FRAME_PADDING = 6                                   # reportlab's default frame padding
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN - 2 * FRAME_PADDING


@dataclass
class Item:
    """One unit of the input: a title, heading, paragraph, list item or table."""

    kind: str                      # title / heading / paragraph / bullet / empty / table
    text: str = ""
    level: int = 0                 # heading level (1 or 2)
    rows: list[list[str]] = field(default_factory=list)


def load_text(source: str | os.PathLike) -> str:
    """A path to a UTF-8 file, or the text itself (anything with a newline)."""
    if isinstance(source, os.PathLike):
        return Path(source).read_text(encoding="utf-8")
    if "\n" not in source and len(source) < 1024 and Path(source).is_file():
        return Path(source).read_text(encoding="utf-8")
    return source


def heading_level(line: str) -> int:
    """1 for article/chapter markers, 2 for 一、 sections, 0 otherwise."""
    if len(line) > _MAX_HEADING_LEN:
        return 0
    if _ARTICLE_RE.match(line):
        return 1
    if _SECTION_RE.match(line):
        return 2
    return 0


def parse(text: str) -> list[Item]:
    """Split the input into items following the convention above."""
    items: list[Item] = []
    lines = text.replace("\r\n", "\n").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    for line in lines:
        if "\t" in line:
            if items and items[-1].kind == "table":
                items[-1].rows.append(line.split("\t"))
            else:
                items.append(Item("table", rows=[line.split("\t")]))
        elif not line.strip():
            items.append(Item("empty"))
        elif not any(i.kind != "empty" for i in items):
            items.append(Item("title", line.strip()))
        elif line.startswith(BULLET):
            items.append(Item("bullet", line[len(BULLET):].strip()))
        elif heading_level(line.strip()):
            items.append(Item("heading", line.strip(), heading_level(line.strip())))
        else:
            items.append(Item("paragraph", line.rstrip()))   # keeps a 　　 indent
    for item in items:
        if item.kind == "table":
            width = max(len(r) for r in item.rows)
            item.rows = [r + [""] * (width - len(r)) for r in item.rows]
    return items


def merge_spans(rows: list[list[str]]) -> list[tuple[int, int, int, int]]:
    """(row, col, last_row, last_col) of every merged area made by < and ^."""
    owner: dict[tuple[int, int], tuple[int, int]] = {}
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if cell == MERGE_LEFT and c > 0:
                owner[r, c] = owner.get((r, c - 1), (r, c - 1))
            elif cell == MERGE_UP and r > 0:
                owner[r, c] = owner.get((r - 1, c), (r - 1, c))
    areas: dict[tuple[int, int], list[int]] = {}
    for (r, c), (r0, c0) in owner.items():
        area = areas.setdefault((r0, c0), [r0, c0, r0, c0])
        area[2], area[3] = max(area[2], r), max(area[3], c)
    return [tuple(a) for a in areas.values()]


def cell_text(cell: str) -> str:
    return "" if cell in (MERGE_LEFT, MERGE_UP) else cell.strip()


# -- docx ---------------------------------------------------------------

def render_docx(source: str | os.PathLike, out_path: str | os.PathLike) -> Path:
    """Write the text as a .docx with heading styles and real tables."""
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    for item in parse(load_text(source)):
        if item.kind == "title":
            document.add_heading(item.text, level=0)
        elif item.kind == "heading":
            document.add_heading(item.text, level=item.level)
        elif item.kind == "bullet":
            document.add_paragraph(item.text, style="List Bullet")
        elif item.kind == "table":
            _docx_table(document, item.rows)
        else:
            document.add_paragraph(item.text)
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(out))
    return out


def _docx_table(document, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r0, c0, r1, c1 in merge_spans(rows):
        table.cell(r0, c0).merge(table.cell(r1, c1))
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if cell not in (MERGE_LEFT, MERGE_UP):
                table.cell(r, c).text = cell_text(cell)


# -- pdf ----------------------------------------------------------------

# characters a line may not start with (they pull the previous one along)
NO_LINE_START = "，。、；：？！）》」』”’%‰,.;:?!)"


def break_lines(text: str, width: float, size: float,
                first_indent: float = 0, indent: float = 0) -> list[tuple[float, str]]:
    """Greedy character-level line breaking, as Word does for CJK text: any
    character may end a line, numbers included; closing punctuation never
    starts a line. Returns (x offset, line text) pairs."""
    lines: list[tuple[float, str]] = []
    cur, offset = "", first_indent
    for ch in text:
        if cur and stringWidth(cur + ch, FONT, size) > width - offset + 1e-6:
            carry = ""
            while (carry + ch)[0] in NO_LINE_START and len(cur) > 1:
                cur, carry = cur[:-1], cur[-1] + carry
            lines.append((offset, cur.rstrip()))
            cur, offset = carry.lstrip(), indent
            if not cur and ch == " ":
                continue
        cur += ch
    if cur.strip() or not lines:
        lines.append((offset, cur.rstrip()))
    return lines


class WrappedText(Flowable):
    """A paragraph broken into lines character by character; splits across pages."""

    def __init__(self, text, size, leading, first_indent=0, centred=False,
                 space_before=0, space_after=0, lines=None):
        super().__init__()
        self.text, self.size, self.leading = text, size, leading
        self.first_indent, self.centred = first_indent, centred
        self.spaceBefore, self.spaceAfter = space_before, space_after
        self.lines = lines

    def wrap(self, avail_width, avail_height):
        if self.lines is None:
            self.lines = break_lines(self.text, avail_width, self.size, self.first_indent)
        self.width = avail_width
        return avail_width, len(self.lines) * self.leading

    def split(self, avail_width, avail_height):
        self.wrap(avail_width, avail_height)
        n = int(avail_height // self.leading)
        if n <= 0 or n >= len(self.lines):
            return [] if n <= 0 else [self]
        head = WrappedText(self.text, self.size, self.leading, lines=self.lines[:n],
                           space_before=self.spaceBefore)
        tail = WrappedText(self.text, self.size, self.leading, lines=self.lines[n:],
                           space_after=self.spaceAfter)
        return [head, tail]

    def draw(self):
        self.canv.setFont(FONT, self.size)
        for i, (x, line) in enumerate(self.lines):
            if self.centred:
                x = (self.width - stringWidth(line, FONT, self.size)) / 2
            y = (len(self.lines) - i - 1) * self.leading + (self.leading - self.size) / 2
            self.canv.drawString(x, y + self.size * 0.12, line)


def _text_flowable(item: Item, size: float):
    wrapped = WrappedText
    if item.kind == "title":
        return wrapped(item.text, size * 1.5, size * 2.4, centred=True, space_after=size)
    if item.kind == "heading":
        scale = 1.3 if item.level == 1 else 1.15
        return wrapped(item.text, size * scale, size * scale * 1.6, space_before=size * 0.5)
    if item.kind == "bullet":
        return wrapped(PDF_BULLET + item.text, size, size * 1.6)
    return wrapped(item.text.strip(), size, size * 1.6, first_indent=size * 2)


def register_font() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def render_pdf(source: str | os.PathLike, out_path: str | os.PathLike,
               header: str | None = None, font_size: float = 12,
               encrypt: str | None = None) -> Path:
    """Write the text as an A4 PDF: wrapped paragraphs, ruled tables,
    a header line (default: the title) and a "- N -" footer on every page."""
    register_font()
    items = parse(load_text(source))
    if header is None:
        header = next((i.text for i in items if i.kind == "title"), "")
    flowables = [f for item in items for f in _pdf_flowables(item, font_size)]
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    doc = SimpleDocTemplate(str(out), pagesize=A4, invariant=1, encrypt=encrypt,
                            leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN, bottomMargin=MARGIN)
    decorate = _page_decorator(header)
    doc.build(flowables, onFirstPage=decorate, onLaterPages=decorate)
    return out


def _page_decorator(header: str):
    width, height = PAGE_WIDTH, PAGE_HEIGHT

    def decorate(canvas, doc):
        canvas.saveState()
        canvas.setFont(FONT, 9)
        if header:
            canvas.drawCentredString(width / 2, height - 48, header)
            canvas.setLineWidth(0.5)
            canvas.line(MARGIN, height - 54, width - MARGIN, height - 54)
        canvas.drawCentredString(width / 2, 36, f"- {doc.page} -")
        canvas.restoreState()

    return decorate


def _pdf_flowables(item: Item, size: float) -> list:
    if item.kind == "empty":
        return []
    if item.kind == "table":
        return [Spacer(1, 4), _pdf_table(item.rows, size * 0.875), Spacer(1, 6)]
    return [_text_flowable(item, size)]


def _pdf_table(rows: list[list[str]], size: float):
    style = ParagraphStyle("cell", fontName=FONT, fontSize=size, leading=size * 1.4,
                           wordWrap="CJK")
    width = TEXT_WIDTH
    data = [[Paragraph(escape(cell_text(c)), style) for c in row] for row in rows]
    commands = [("GRID", (0, 0), (-1, -1), 0.5, "black"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    for r0, c0, r1, c1 in merge_spans(rows):
        commands.append(("SPAN", (c0, r0), (c1, r1)))
    table = Table(data, colWidths=[width / len(rows[0])] * len(rows[0]), repeatRows=1)
    table.setStyle(TableStyle(commands))
    return table


# -- command line -------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="把纯文本报告渲染为 .docx / .pdf 测试文档。"
                    "例：python corpora/tools/render.py SAMPLE.txt --docx OUT.docx --pdf OUT.pdf")
    parser.add_argument("source", help="UTF-8 文本文件，每行一段")
    parser.add_argument("--docx", help="输出 .docx 路径")
    parser.add_argument("--pdf", help="输出 .pdf 路径")
    parser.add_argument("--header", help="PDF 页眉文字（默认用标题）")
    parser.add_argument("--font-size", type=float, default=12, help="PDF 正文字号")
    args = parser.parse_args(argv)
    if not (args.docx or args.pdf):
        parser.error("至少给出 --docx 或 --pdf 之一")
    source = Path(args.source)
    if args.docx:
        print(render_docx(source, args.docx))
    if args.pdf:
        print(render_pdf(source, args.pdf, header=args.header, font_size=args.font_size))
    return 0


if __name__ == "__main__":
    sys.exit(main())
