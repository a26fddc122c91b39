"""Word (.docx) reader (python-docx).

The body is walked in document order (paragraphs and tables interleaved, as
``Document.paragraphs`` alone would lose the tables' place). Canonical text:
one line per body paragraph; a table is one line per row with its cells
separated by TAB. Inside a cell, paragraphs are joined by a space and nested
tables are flattened into the cell's text. A merged cell (gridSpan, vMerge)
appears once, at its first grid position; the positions it covers are empty
fields, so every row line has one field per grid column.

Blocks: a heading (style Heading…/标题…/Title…, or an outline level) keeps
its style name; a paragraph with numbering (w:numPr on it or its style) is a
list_item; every cell is a table_cell block whose span is exactly the cell's
text (empty cells give empty spans). Empty paragraphs give an empty line and
no block. Soft line breaks (w:br) inside a paragraph stay as "\\n". Page
headers and footers, text boxes, footnotes and comments are not read: they
are not part of the body flow. Numbering labels (1. 2. •) are drawn by Word
and are not in the text.
"""

from __future__ import annotations

import io
import zipfile

from ..document import Block, Document, Table
from ..errors import ReaderError
from .limits import LimitExceeded, Limits, default_limits
from .zipcheck import check_zip

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
P, TBL, TR, TC, SDT, SDT_CONTENT = (_W + t for t in ("p", "tbl", "tr", "tc", "sdt", "sdtContent"))
_T, _TAB, _BR, _CR = (_W + t for t in ("t", "tab", "br", "cr"))
# subtrees whose text is not part of the paragraph's visible text
_SKIP = frozenset({_W + "pPr", _W + "rPr", _W + "txbxContent", _W + "moveFrom",
                   _W + "del", _MC + "Fallback"})
_HEADING_PREFIXES = ("heading", "标题", "title")


# -- entry point ---------------------------------------------------------

def read(data: bytes, path: str, limits: Limits | None = None) -> Document:
    try:
        body, styles = _open(data, limits or default_limits())
        return _Builder(path, styles).build(body)
    except ReaderError:
        raise
    except LimitExceeded as exc:
        raise ReaderError("E102", path=path, **exc.details) from None
    except Exception as exc:  # noqa: BLE001 - any failure of bad input maps to E101
        raise ReaderError("E101", path=path, reason=_reason(exc)) from exc


def _open(data: bytes, limits: Limits):
    """The body and styles, after checking what the archive unpacks to."""
    import docx

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        check_zip(zf, limits)
    document = docx.Document(io.BytesIO(data))
    return document.element.body, document.styles


def _reason(exc: Exception) -> str:
    from lxml.etree import XMLSyntaxError

    if isinstance(exc, zipfile.BadZipFile):
        label = "zip 结构损坏"
    elif isinstance(exc, XMLSyntaxError):
        label = "XML 格式错误"
    elif isinstance(exc, KeyError):
        label = "缺少必要的部件"
    else:
        label = f"无法解析（{type(exc).__name__}）"
    detail = str(exc).strip()[:160]
    return f"{label}：{detail}" if detail else label


# -- text of paragraphs and cells ----------------------------------------

def paragraph_text(p) -> str:
    """The visible text of a w:p: runs, hyperlinks, fields and insertions,
    tabs as TAB and soft breaks as newline; deleted text and text boxes left out."""
    out: list[str] = []
    _collect(p, out)
    return "".join(out)


def _collect(element, out: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag == _T:
            out.append(child.text or "")
        elif tag == _TAB:
            out.append("\t")
        elif tag == _CR or (tag == _BR and child.get(_W + "type") in (None, "textWrapping")):
            out.append("\n")
        elif tag == _W + "noBreakHyphen":
            out.append("-")
        elif tag not in _SKIP and isinstance(tag, str):
            _collect(child, out)


def _body_children(element):
    """w:p and w:tbl children, looking through content controls (w:sdt)."""
    for child in element:
        if child.tag in (P, TBL):
            yield child
        elif child.tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _body_children(content)


def cell_text(tc) -> str:
    """A cell's paragraphs joined by a space, nested tables flattened."""
    parts = []
    for child in _body_children(tc):
        if child.tag == P:
            parts.append(_flat(paragraph_text(child)))
        else:
            parts.extend(cell_text(cell) for row in table_grid(child)
                         for _, cell in row if cell is not None)
    return " ".join(p for p in parts if p)


def _flat(text: str) -> str:
    return " ".join(text.replace("\t", " ").replace("\n", " ").split())


# -- tables --------------------------------------------------------------

_MAX_GRID = 64          # Word allows 63 columns; caps hostile gridSpan values


def _int_attr(element, path: str, default: int) -> int:
    node = element.find(path)
    try:
        value = int(node.get(_W + "val")) if node is not None else default
    except (TypeError, ValueError):
        return default
    return min(max(value, 0), _MAX_GRID)


def _continues_merge(tc, name: str) -> bool:
    """Is the cell covered by the cell before it (vMerge / legacy hMerge)?"""
    node = tc.find(f"{_W}tcPr/{_W}{name}")
    return node is not None and node.get(_W + "val") in (None, "continue")


def table_grid(tbl) -> list[list[tuple[int, object | None]]]:
    """Rows of (grid column, w:tc or None) with one entry per grid column;
    None where a merged cell (gridSpan, vMerge continue) or a gap covers it."""
    rows = []
    for tr in tbl.iterchildren(TR):
        row, col = [], _int_attr(tr, f"{_W}trPr/{_W}gridBefore", 0)
        row.extend((c, None) for c in range(col))
        for tc in tr.iterchildren(TC):
            span = max(1, _int_attr(tc, f"{_W}tcPr/{_W}gridSpan", 1))
            covered = _continues_merge(tc, "vMerge") or _continues_merge(tc, "hMerge")
            row.append((col, None if covered else tc))
            row.extend((c, None) for c in range(col + 1, col + span))
            col += span
        rows.append(row)
    width = max((len(r) for r in rows), default=0)
    for row in rows:
        row.extend((c, None) for c in range(len(row), width))
    return rows


# -- the document --------------------------------------------------------

class _Builder:
    def __init__(self, path: str, styles):
        self.doc = Document(id="", path=path, format="docx", text="")
        self.styles = styles
        self.style_cache: dict[str | None, tuple[str, list]] = {}
        self.parts: list[str] = []
        self.pos = 0

    def build(self, body) -> Document:
        for i, child in enumerate(_body_children(body)):
            if i:
                self._add("\n")
            if child.tag == P:
                self._paragraph(child)
            else:
                self._table(child)
        self.doc.text = "".join(self.parts)
        return self.doc

    def _add(self, text: str) -> tuple[int, int]:
        start = self.pos
        self.parts.append(text)
        self.pos += len(text)
        return start, self.pos

    def _paragraph(self, p) -> None:
        text = paragraph_text(p)
        if not text.strip():
            return
        start, _ = self._add(text)
        lead = len(text) - len(text.lstrip())
        end = start + len(text.rstrip())
        kind, style = self._kind(p)
        self.doc.blocks.append(Block(start + lead, end, kind, style=style))

    def _kind(self, p) -> tuple[str, str | None]:
        name, chain = self._style(p)
        props = [p.pPr] + chain
        if name.lower().startswith(_HEADING_PREFIXES) or _outline_level(props):
            return "heading", name or None
        if _numbered(props):
            return "list_item", name or None
        return "paragraph", name or None

    def _style(self, p) -> tuple[str, list]:
        """The name and w:pPr chain of the paragraph's style, looked up once
        per style id (python-docx scans every style for the default one)."""
        style_id = p.pPr.pStyle.val if p.pPr is not None and p.pPr.pStyle is not None else None
        if style_id not in self.style_cache:
            style = _style_of(style_id, self.styles)
            name = (style.name or "") if style is not None else ""
            self.style_cache[style_id] = name, _style_chain(style)
        return self.style_cache[style_id]

    def _table(self, tbl) -> None:
        index = len(self.doc.tables)
        table = Table(index, self.pos, self.pos)
        for r, row in enumerate(table_grid(tbl)):
            if r:
                self._add("\n")
            ids = []
            for col, tc in row:
                if col:
                    self._add("\t")
                if tc is None:
                    continue
                start, end = self._add(cell_text(tc))
                ids.append(len(self.doc.blocks))
                self.doc.blocks.append(Block(start, end, "table_cell", table=index, row=r, col=col))
            table.rows.append(ids)
        table.end = self.pos
        self.doc.tables.append(table)


def _style_of(style_id: str | None, styles):
    """The paragraph style object of that id (the default paragraph style if None)."""
    from docx.enum.style import WD_STYLE_TYPE

    try:
        return styles.get_by_id(style_id, WD_STYLE_TYPE.PARAGRAPH)
    except (KeyError, ValueError):
        return None


def _style_chain(style, depth: int = 8) -> list:
    """The w:pPr of a style and of the styles it is based on, nearest first."""
    out = []
    while style is not None and depth:
        out.append(style.element.pPr)
        style, depth = style.base_style, depth - 1
    return out


def _first(props: list, name: str):
    """The first w:<name> in a list of w:pPr (paragraph first, then styles)."""
    for ppr in props:
        node = ppr.find(_W + name) if ppr is not None else None
        if node is not None:
            return node
    return None


def _outline_level(props: list) -> bool:
    node = _first(props, "outlineLvl")          # level 9 means body text
    return node is not None and node.get(_W + "val") not in (None, "9")


def _numbered(props: list) -> bool:
    node = _first(props, "numPr")               # numId 0 switches numbering off
    num_id = node.find(_W + "numId") if node is not None else None
    return num_id is not None and num_id.get(_W + "val") != "0"
