"""records.xlsx (openpyxl): a ``records`` sheet with a frozen, filterable
header row, column widths fitted to the content and flagged rows filled;
a ``flags`` sheet and a ``documents`` sheet. Written in openpyxl's
write-only mode (streamed, a few seconds for 100,000 rows)."""

from __future__ import annotations

from ..records import DOCUMENT_NAMES, FLAG_NAMES, NAMES
from .dependencies import require

FILENAME = "records.xlsx"
FLAGGED_FILL = "FFF4CCCC"      # light red
HEADER_FILL = "FFDDE4EE"
MAX_WIDTH = 60
SAMPLE_ROWS = 200              # rows read to fit the column widths


def write(result, path) -> None:
    openpyxl = require("openpyxl", "xlsx", FILENAME)
    wb = openpyxl.Workbook(write_only=True)
    _sheet(openpyxl, wb, "records", result.records, NAMES, flagged=lambda r: r["status"] == "flagged")
    _sheet(openpyxl, wb, "flags", result.flags, FLAG_NAMES)
    _sheet(openpyxl, wb, "documents", result.document_rows, DOCUMENT_NAMES,
           flagged=lambda r: r["status"] == "error")
    wb.save(str(path))


def _sheet(openpyxl, wb, title: str, rows: list[dict], names: tuple[str, ...], flagged=None) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title)
    ws.freeze_panes = "A2"
    last = get_column_letter(len(names))
    ws.auto_filter.ref = f"A1:{last}{len(rows) + 1}"
    for i, name in enumerate(names, 1):
        ws.column_dimensions[get_column_letter(i)].width = _width(name, rows)
    bold, head = Font(bold=True), PatternFill("solid", fgColor=HEADER_FILL)
    ws.append([_styled(WriteOnlyCell(ws, value=n), font=bold, fill=head) for n in names])
    fill = PatternFill("solid", fgColor=FLAGGED_FILL)
    for row in rows:
        values = [_value(row[n]) for n in names]
        if flagged is not None and flagged(row):
            values = [_styled(WriteOnlyCell(ws, value=v), fill=fill) for v in values]
        ws.append(values)


def _styled(cell, font=None, fill=None):
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    return cell


def _value(v):
    if isinstance(v, (list, tuple)):
        return ";".join(str(x) for x in v)
    if isinstance(v, str):
        return _clean(v)
    return v


def _clean(s: str) -> str:
    """Control characters that the xlsx format cannot hold become spaces."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub(" ", s)


def _width(name: str, rows: list[dict]) -> float:
    longest = _display(name)
    for row in rows[:SAMPLE_ROWS]:
        longest = max(longest, _display(_value(row[name])))
    return min(MAX_WIDTH, longest + 2)


def _display(value) -> int:
    """Width in Excel character units: CJK characters count twice."""
    if value is None:
        return 0
    text = str(value)
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)
