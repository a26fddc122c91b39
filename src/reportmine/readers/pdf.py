"""PDF reader (pdfplumber).

Each page is read in reading order (top to bottom) from its characters, after
``pdfglyphs.dedupe_chars`` removes the doubled glyphs of fake-bold text (the
same characters pdfplumber's ``dedupe_chars`` keeps, in O(n log n)).
Characters are grouped into lines; a line that reaches the right text margin (the first word
of the next line would not have fitted) and does not end with sentence-final
punctuation (。！？；：…, or a closing quote right after one of them) is
joined to the next one, so numbers and sentences broken by the layout come
back whole ("130.\\n48%" -> "130.48%"). Nothing is inserted between
CJK characters and a space between Latin words. A short line, an indented
next line, a larger vertical gap or a change of font size ends a paragraph
("\\n").

Ruled tables found by ``page.find_tables()`` become :class:`Table` objects at
their vertical position: one line per row, cells separated by TAB, every cell
a ``table_cell`` block; their characters are left out of the running text.
Pages are separated by "\\n". Lines repeated at the top or bottom of at least
half of the pages (two at least; digits do not count) and page-number lines
(第 3 页, - 3 -, 3/10) stay in the text and are listed as page_header /
page_footer boilerplate. A sentence broken across a page boundary is
joined too; the footer and the next page's header then follow the joined paragraph.
"""

from __future__ import annotations

import bisect
import io
import itertools
import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from ..document import Block, Boilerplate, Document, Table
from ..errors import ReaderError, warning
from .limits import LimitExceeded, Limits, default_limits
from .pdfglyphs import dedupe_chars
from .pdfguard import Budget, guarded

SENTENCE_END = frozenset("。！？；：…!?;")
# a closing quote ends a sentence only after one of the above (。” but not “某某”)
CLOSING_QUOTES = frozenset("”’」』\"'")
_LATIN_AFTER = frozenset(",;:!?)")
_PAGE_NUMBER = re.compile(
    r"[-—–－~～]*\d+[-—–－~～]*"
    r"|第[\d一二三四五六七八九十百]+页(?:[,，/]?共[\d一二三四五六七八九十百]+页)?"
    r"|共\d+页[,，/]?第\d+页"
    r"|\d+/\d+"
    r"|(?:page)?\d+(?:(?:of|/)\d+)?",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_EDGE_SHARE = 0.2        # header/footer lines lie in the top/bottom fifth of the page
_EDGE_LINES = 2          # ... among the first/last two lines of the page


@dataclass
class Line:
    """A line of running text and the geometry the join rule needs."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    lead_width: float                # width of the first word (CJK: first char)
    kind: str | None = None          # page_header / page_footer when boilerplate


@dataclass
class PageTable:
    top: float
    cells: list[list[str | None]]    # None: covered by a merged cell


@dataclass
class PageLayout:
    number: int
    height: float
    has_text: bool
    items: list = field(default_factory=list)   # Line and PageTable, by top


@dataclass
class Metrics:
    """The layout measures of one page the join rule compares against."""

    size: float
    left: float
    right: float
    pitch: float | None


# -- entry point ---------------------------------------------------------

def read(data: bytes, path: str, limits: Limits | None = None) -> Document:
    try:
        with guarded(limits or default_limits()) as budget:
            return _read(data, path, budget)
    except ReaderError:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure of bad input maps to a code
        raise _reader_error(exc, path) from exc


def _read(data: bytes, path: str, budget: Budget) -> Document:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        _count_pages(pdf.doc, budget.limits.pdf_pages)
        pages = []
        for page in pdf.pages:
            pages.append(_page_layout(page))
            page.close()                   # drop pdfminer's layout of the page: memory stays per page
    if not pages:
        raise ReaderError("E201", path=path, reason="没有任何页面")
    empty = [p.number for p in pages if not p.has_text]
    if len(empty) == len(pages):
        if budget.broken:
            raise ReaderError("E204", path=path, reason=f"{budget.broken} 个数据流不是有效的压缩数据")
        raise ReaderError("E203", path=path)
    _mark_boilerplate(pages)
    doc = Document(id="", path=path, format="pdf", text="", pages=len(pages))
    _assemble(doc, pages, _metrics(pages))
    if empty:
        doc.warnings.append(warning("W201", pages=",".join(map(str, empty))))
        if budget.broken:
            doc.warnings.append(warning("W202", count=budget.broken))
    return doc


def _count_pages(doc, limit: int) -> None:
    """Walk the page tree up to limit + 1 pages (never all of a huge one)."""
    from pdfminer.pdfpage import PDFPage

    if sum(1 for _ in itertools.islice(PDFPage.create_pages(doc), limit + 1)) > limit:
        raise LimitExceeded("pdf.pages", limit)


def _reader_error(exc: Exception, path: str) -> ReaderError:
    from pdfminer.pdfdocument import PDFEncryptionError
    from pdfminer.psexceptions import PSEOF

    inner = exc
    if exc.args and isinstance(exc.args[0], BaseException):
        inner = exc.args[0]            # pdfplumber wraps pdfminer's exception
    if isinstance(inner, LimitExceeded):
        return ReaderError("E205", path=path, **inner.details)
    if isinstance(inner, PDFEncryptionError):
        return ReaderError("E202", path=path)
    if isinstance(inner, PSEOF):
        reason = "文件不完整，内容意外结束"
    else:
        detail = str(inner).strip()[:160]
        reason = f"{type(inner).__name__}: {detail}" if detail else type(inner).__name__
    return ReaderError("E201", path=path, reason=reason)


# -- one page ------------------------------------------------------------

def _page_layout(page) -> PageLayout:
    all_chars = dedupe_chars(page.chars)
    has_text = any(c["text"].strip() for c in all_chars)
    layout = PageLayout(page.page_number, float(page.height), has_text)
    chars = [c for c in all_chars if c.get("upright", True)]
    boxes = []
    for table in page.find_tables():
        if len(table.columns) < 2:         # a frame around text, not a table
            continue
        boxes.append(table.bbox)
        cells = [[None if box is None else _cell_text([c for c in chars if _centre_in(c, box)])
                  for box in row.cells] for row in table.rows]
        layout.items.append(PageTable(table.bbox[1], cells))
    body = [c for c in chars if not any(_centre_in(c, box) for box in boxes)]
    layout.items.extend(_lines(body))
    layout.items.sort(key=lambda item: item.top)
    return layout


def _centre_in(c: dict, box) -> bool:
    x, y = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _lines(chars: list[dict]) -> list[Line]:
    """Group chars into lines: a char whose vertical centre is within half a
    font size of the current line's belongs to it."""
    groups: list[tuple[float, float, list[dict]]] = []
    for c in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        mid = (c["top"] + c["bottom"]) / 2
        if groups and abs(mid - groups[-1][0]) <= 0.5 * max(groups[-1][1], c["size"]):
            groups[-1][2].append(c)
        else:
            groups.append((mid, c["size"], [c]))
    lines = (_make_line(sorted(g, key=lambda c: c["x0"])) for _, _, g in groups)
    return [line for line in lines if line is not None]


def _make_line(chars: list[dict]) -> Line | None:
    """A line from its chars in x order. A space is kept where the PDF draws
    one, and inserted where a gap is wider than a fifth of the font size
    between Latin chars (a full size next to CJK chars)."""
    ink = [c for c in chars if c["text"].strip()]
    if not ink:
        return None
    parts, prev, pending = [], None, False
    lead_end, in_lead = ink[0]["x1"], not is_cjk(ink[0]["text"][0])
    for c in chars:
        if not c["text"].strip():
            pending = prev is not None
            continue
        if prev is not None:
            cjk = is_cjk(prev["text"][-1]) or is_cjk(c["text"][0])
            limit = max(prev["size"], c["size"]) * (1.0 if cjk else 0.2)
            spaced = pending or c["x0"] - prev["x1"] > limit
            parts.append(" " if spaced else "")
            in_lead = in_lead and not spaced and not cjk
            lead_end = c["x1"] if in_lead else lead_end
        parts.append(c["text"])
        prev, pending = c, False
    return Line(
        text="".join(parts),
        x0=ink[0]["x0"], x1=ink[-1]["x1"],
        top=min(c["top"] for c in ink), bottom=max(c["bottom"] for c in ink),
        size=statistics.median(c["size"] for c in ink),
        lead_width=lead_end - ink[0]["x0"],
    )


def _cell_text(chars: list[dict]) -> str:
    text = ""
    for line in _lines(chars):
        text = join_lines(text, line.text) if text else line.text
    return text.replace("\t", " ")


def is_cjk(ch: str) -> bool:
    """CJK ideographs, kana, CJK and full-width punctuation."""
    code = ord(ch)
    return (0x2E80 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF
            or 0xFF00 <= code <= 0xFFEF or 0x20000 <= code <= 0x3FFFF
            or ch in "“”‘’…—")


def join_lines(a: str, b: str) -> str:
    """Join two wrapped lines: a space only between Latin words."""
    x, y = a[-1], b[0]
    latin = x.isascii() and y.isascii() and y.isalnum()
    if x in ",." and y.isdigit() and len(a) > 1 and a[-2].isdigit():
        return a + b           # 6,\n420 and 130.\n48: one number
    if latin and (x.isalpha() or (x.isdigit() and y.isalpha()) or x in _LATIN_AFTER):
        return f"{a} {b}"
    return a + b


# -- page headers and footers --------------------------------------------

def _edge_lines(page: PageLayout, bottom: bool) -> list[Line]:
    """The first (last) lines of a page, before any table, near its edge."""
    items = page.items[::-1] if bottom else page.items
    out = []
    for item in items[:_EDGE_LINES]:
        if not isinstance(item, Line):
            break
        near = (item.bottom >= page.height * (1 - _EDGE_SHARE) if bottom
                else item.top <= page.height * _EDGE_SHARE)
        if near:
            out.append(item)
    return out


def _normalise(text: str) -> str:
    return _DIGITS.sub("#", "".join(text.split()))


def _mark_boilerplate(pages: list[PageLayout]) -> None:
    """Mark edge lines repeated (same text but for digits, same height on the
    page) on at least half of the pages, and page-number lines."""
    need = max(2, math.ceil(len(pages) / 2))
    for bottom, kind in ((False, "page_header"), (True, "page_footer")):
        seen: dict[str, list[tuple[int, float]]] = {}
        for page in pages:
            for line in _edge_lines(page, bottom):
                seen.setdefault(_normalise(line.text), []).append((page.number, line.top))
        for page in pages:
            for line in _edge_lines(page, bottom):
                same = {n for n, top in seen[_normalise(line.text)]
                        if abs(top - line.top) <= 0.5 * line.size}
                numbered = _PAGE_NUMBER.fullmatch("".join(line.text.split())) is not None
                if line.kind is None and (len(same) >= need or numbered):
                    line.kind = kind


# -- paragraphs ----------------------------------------------------------

def _metrics(pages: list[PageLayout]) -> list[Metrics]:
    """Per page: the body font size and line pitch of the document, the page's
    own left text edge (so mirrored margins work) and the document's text width."""
    by_page = [[i for i in p.items if isinstance(i, Line) and i.kind is None] for p in pages]
    lines = [x for group in by_page for x in group]
    if not lines:
        return [Metrics(10.0, 0.0, 0.0, None) for _ in pages]
    size = Counter(round(x.size, 1) for x in lines for _ in x.text).most_common(1)[0][0]
    by_page = [[x for x in group if abs(x.size - size) < 0.1 * size] for group in by_page]
    tol = 0.3 * size
    x0s = sorted(x.x0 for group in by_page for x in group)
    fallback = next((a for a, b in zip(x0s, x0s[1:]) if b - a <= tol), x0s[0])
    lefts = [min((x.x0 for x in group if _near(x.x0, x0s, tol)), default=fallback)
             for group in by_page]
    widths = [right - left for left, group in zip(lefts, by_page)
              if (right := _right_edge(group, tol)) is not None]
    width = statistics.median(widths) if widths else max(x.x1 for x in lines) - fallback
    steps = [b.top - a.top for group in by_page for a, b in zip(group, group[1:])
             if b.top > a.top]
    pitch = statistics.median(steps) if steps else None
    return [Metrics(size, left, left + width, pitch) for left in lefts]


def _near(x: float, values: list[float], tol: float) -> bool:
    """Does another value of the sorted list lie within tol of x?"""
    lo, hi = bisect.bisect_left(values, x - tol), bisect.bisect_right(values, x + tol)
    return hi - lo >= 2


def _right_edge(lines: list[Line], tol: float) -> float | None:
    """The largest x1 that at least two lines of a page share."""
    x1s = sorted((line.x1 for line in lines), reverse=True)
    return next((a for a, b in zip(x1s, x1s[1:]) if a - b <= tol), None)


def ends_sentence(text: str) -> bool:
    text = text.rstrip()
    while text and text[-1] in CLOSING_QUOTES:
        text = text[:-1]
        if not text or text[-1] in SENTENCE_END:
            return True
    return bool(text) and text[-1] in SENTENCE_END


def continues(a: Line, b: Line, a_first: bool, m: Metrics) -> bool:
    """Is line b the continuation of the paragraph that line a belongs to?"""
    if a.kind or b.kind or ends_sentence(a.text):
        return False
    if abs(a.size - b.size) > 0.1 * m.size:
        return False
    if m.right - a.x1 > b.lead_width + 1.1 * b.size:       # a is a short (last) line
        return False
    ref = m.left if a_first else max(a.x0, m.left)
    if b.x0 > ref + 0.8 * b.size:                            # b is indented
        return False
    if m.pitch is not None and b.top - a.top > 1.3 * max(m.pitch, a.size):
        return False                                         # larger vertical gap
    return b.top > a.top


def _paragraphs(items: list, m: Metrics) -> list:
    """Merge consecutive lines into paragraphs: a list of tables and
    (lines) groups, in order."""
    out: list = []
    for item in items:
        last = out[-1] if out else None
        if (isinstance(item, Line) and isinstance(last, list)
                and continues(last[-1], item, len(last) == 1, m)):
            last.append(item)
        else:
            out.append([item] if isinstance(item, Line) else item)
    return out


# -- the document text ---------------------------------------------------

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


def _assemble(doc: Document, pages: list[PageLayout], metrics: list[Metrics]) -> None:
    units = [_paragraphs(page.items, m) for page, m in zip(pages, metrics)]
    for i in range(len(units) - 1):
        _join_across_pages(units[i], units[i + 1], metrics[i], metrics[i + 1])
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


def _body_index(units: list, last: bool) -> int | None:
    order = range(len(units) - 1, -1, -1) if last else range(len(units))
    for k in order:
        unit = units[k]
        if isinstance(unit, PageTable):
            return None
        if not unit[0].kind:
            return k
    return None


def _join_across_pages(page: list, nxt: list, m: Metrics, m_next: Metrics) -> None:
    """A sentence (or a number) broken by a page break: the first paragraph of
    the next page joins the last one of this page; the footer and the next
    header, kept as boilerplate, follow the joined paragraph."""
    a_i, b_i = _body_index(page, True), _body_index(nxt, False)
    if a_i is None or b_i is None:
        return
    a, b = page[a_i][-1], nxt[b_i][0]
    if ends_sentence(a.text) or abs(a.size - b.size) > 0.1 * m.size:
        return
    if m.right - a.x1 > b.lead_width + 1.1 * b.size or b.x0 > m_next.left + 0.8 * b.size:
        return
    page[a_i] = page[a_i] + nxt.pop(b_i)
