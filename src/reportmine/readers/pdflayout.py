"""One PDF page as lines of text and ruled tables (see pdf.py for the rules).

:func:`page_layout` reads a pdfplumber page: its characters (lean dicts,
pdfobjects.py) without fake-bold doubles (pdfglyphs.py), its ruled tables
(``page.find_tables()``; a table's characters become its cells' text and
leave the running text), and the rest grouped into :class:`Line` objects.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from .pdfcolumns import split_rows
from .pdfglyphs import dedupe_chars
from .pdfobjects import load_objects

_LATIN_AFTER = frozenset(",;:!?)")


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


def page_layout(page) -> PageLayout:
    all_chars = dedupe_chars(load_objects(page).get("char", []))
    has_text = any(c["text"].strip() for c in all_chars)
    layout = PageLayout(page.page_number, float(page.height), has_text)
    chars = [c for c in all_chars if c.get("upright", True)]
    boxes = []
    for table in page.find_tables():
        if len(table.columns) < 2:         # a frame around text, not a table
            continue
        boxes.append(table.bbox)
        layout.items.append(PageTable(table.bbox[1], _cells(table, _chars_in(chars, table.bbox))))
    body = [c for c in chars if not any(_centre_in(c, box) for box in boxes)]
    unruled, rest = split_rows(_line_groups(body))
    for top, rows in unruled:
        layout.items.append(PageTable(top, [[_cell_text(cell) for cell in row] for row in rows]))
    layout.items.extend(line for line in map(_make_line, rest) if line is not None)
    layout.items.sort(key=lambda item: item.top)
    return layout


def _cells(table, chars: list[dict]) -> list[list[str | None]]:
    """The text of each cell (None: covered by a merged cell), from the
    table's chars: a row's box holds all of its cells."""
    cells = []
    for row in table.rows:
        in_row = _chars_in(chars, row.bbox)
        cells.append([None if box is None else _cell_text(_chars_in(in_row, box)) for box in row.cells])
    return cells


def _chars_in(chars: list[dict], box) -> list[dict]:
    return [c for c in chars if _centre_in(c, box)]


def _centre_in(c: dict, box) -> bool:
    x, y = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _lines(chars: list[dict]) -> list[Line]:
    lines = (_make_line(g) for g in _line_groups(chars))
    return [line for line in lines if line is not None]


def _line_groups(chars: list[dict]) -> list[list[dict]]:
    """Group chars into lines, each in x order: a char whose vertical centre
    is within half a font size of the current line's belongs to it."""
    groups: list[tuple[float, float, list[dict]]] = []
    for c in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        mid = (c["top"] + c["bottom"]) / 2
        if groups and abs(mid - groups[-1][0]) <= 0.5 * max(groups[-1][1], c["size"]):
            groups[-1][2].append(c)
        else:
            groups.append((mid, c["size"], [c]))
    return [sorted(g, key=lambda c: c["x0"]) for _, _, g in groups]


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
