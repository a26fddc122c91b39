"""A streaming writer of .xlsx workbooks (Office Open XML SpreadsheetML) with
the standard library: sheets of rows with a frozen, filterable header row,
column widths and whole-row fills. About ten times faster than building
openpyxl cells, which kept records.xlsx inside analyze's time budget
(benchmarks/speed.py); files are read back by openpyxl in the tests."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MAX_CELL = 32767
# styles (cellXfs): 0 plain, 1 header (bold, blue-grey), 2 highlighted row (light red)
PLAIN, HEADER, HIGHLIGHT = 0, 1, 2
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_CHANGED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff&<>]")     # what _text changes


@dataclass
class Sheet:
    name: str
    header: tuple[str, ...]
    rows: list                        # sequences of values: str, int, float, None, or a list (joined with ;)
    widths: list[float]                 # (rows: anything with len() that iterates so)
    highlight: list[bool] | None = None     # or a function of a row's values


def column_letter(i: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    out = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        out = chr(65 + r) + out
    return out


def escape(value: str) -> str:
    """``&``, ``<`` and ``>`` as entities (xml.sax.saxutils.escape, whose
    module imports urllib.request: a fifth of a short run's outputs)."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _text(value: str) -> str:
    if len(value) > MAX_CELL:
        value = value[:MAX_CELL]
    if _ILLEGAL.search(value):
        value = _ILLEGAL.sub(" ", value)
    if "&" in value or "<" in value or ">" in value:
        value = escape(value)
    return value


def _cells(row, style: int) -> str:
    """A row's cells, in order and without references (empty cells are kept as
    ``<c/>`` so that positions hold). A list or tuple value is one text cell,
    its items joined with ``;``. A row whose texts need no change (the usual
    case: nothing to escape, drop or cut) is checked once, with one search over
    its texts together, instead of cell by cell."""
    s = f' s="{style}"' if style else ""
    empty, text = f"<c{s}/>", f'<c{s} t="inlineStr"><is><t xml:space="preserve">'
    out, texts = [], []
    append, keep = out.append, texts.append
    for value in row:
        if value is None:
            append(empty)
            continue
        kind = type(value)
        if kind is float or kind is int:
            append(f"<c{s}><v>{value!r}</v></c>")
            continue
        if kind is bool:
            append(f'<c{s} t="b"><v>{int(value)}</v></c>')
            continue
        if kind is not str:
            value = ";".join(map(str, value)) if kind is list or kind is tuple else str(value)
        keep(value)
        append(f"{text}{value}</t></is></c>")
    if texts:
        joined = "".join(texts)
        if len(joined) > MAX_CELL or _CHANGED.search(joined):
            return _checked_cells(row, s, empty, text)
    return "".join(out)


def _checked_cells(row, s: str, empty: str, text: str) -> str:
    """:func:`_cells` with each text cell through :func:`_text`."""
    out = []
    for value in row:
        kind = type(value)
        if value is None:
            out.append(empty)
        elif kind is float or kind is int:
            out.append(f"<c{s}><v>{value!r}</v></c>")
        elif kind is bool:
            out.append(f'<c{s} t="b"><v>{int(value)}</v></c>')
        else:
            if kind is not str:
                value = ";".join(map(str, value)) if kind is list or kind is tuple else str(value)
            out.append(f"{text}{_text(value)}</t></is></c>")
    return "".join(out)


def _sheet_xml(sheet: Sheet):
    letters = [column_letter(i) for i in range(len(sheet.header))]
    last = f"{letters[-1]}{len(sheet.rows) + 1}"
    yield (f'{HEAD}<worksheet xmlns="{MAIN}" xmlns:r="{REL}"><dimension ref="A1:{last}"/>'
           '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
           'activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" '
           'sqref="A2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>')
    yield "".join(f'<col min="{i}" max="{i}" width="{w:.1f}" customWidth="1"/>'
                  for i, w in enumerate(sheet.widths, 1))
    yield f'</cols><sheetData><row r="1">{_cells(list(sheet.header), HEADER)}</row>'
    chunk = []
    marked = sheet.highlight if callable(sheet.highlight) else None
    for n, row in enumerate(sheet.rows, 2):
        if marked is not None:
            style = HIGHLIGHT if marked(row) else PLAIN
        else:
            style = HIGHLIGHT if sheet.highlight and sheet.highlight[n - 2] else PLAIN
        chunk.append(f'<row r="{n}">{_cells(row, style)}</row>')
        if len(chunk) == 500:
            yield "".join(chunk)
            chunk = []
    yield "".join(chunk)
    yield f'</sheetData><autoFilter ref="A1:{last}"/></worksheet>'


STYLES = (f'{HEAD}<styleSheet xmlns="{MAIN}">'
          '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
          '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
          '<fills count="4"><fill><patternFill patternType="none"/></fill>'
          '<fill><patternFill patternType="gray125"/></fill>'
          '<fill><patternFill patternType="solid"><fgColor rgb="{header}"/><bgColor indexed="64"/></patternFill></fill>'
          '<fill><patternFill patternType="solid"><fgColor rgb="{highlight}"/><bgColor indexed="64"/></patternFill></fill>'
          '</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
          '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
          '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
          '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>'
          '<xf numFmtId="0" fontId="0" fillId="3" borderId="0" xfId="0" applyFill="1"/></cellXfs>'
          '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


def _package(sheets: list[Sheet]) -> dict[str, str]:
    n = len(sheets)
    over = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
                   f'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(1, n + 1))
    names = "".join(f'<sheet name="{escape(s.name)}" sheetId="{i}" r:id="rId{i}"/>'
                    for i, s in enumerate(sheets, 1))
    filters = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
        f"'{escape(s.name)}'!$A$1:${column_letter(len(s.header) - 1)}${len(s.rows) + 1}</definedName>"
        for i, s in enumerate(sheets))
    rels = "".join(f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                   for i in range(1, n + 1))
    return {
        "[Content_Types].xml": (
            f'{HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/'
            f'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>{over}</Types>'),
        "_rels/.rels": (f'{HEAD}<Relationships xmlns="{PKG}"><Relationship Id="rId1" '
                        f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (f'{HEAD}<workbook xmlns="{MAIN}" xmlns:r="{REL}"><bookViews><workbookView/>'
                            f'</bookViews><sheets>{names}</sheets><definedNames>{filters}</definedNames>'
                            '</workbook>'),
        "xl/_rels/workbook.xml.rels": (
            f'{HEAD}<Relationships xmlns="{PKG}">{rels}<Relationship Id="rId{n + 1}" '
            f'Type="{REL}/styles" Target="styles.xml"/></Relationships>'),
    }


def write_workbook(path, sheets: list[Sheet], header_fill: str, highlight_fill: str) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for name, xml in _package(sheets).items():
            z.writestr(name, xml)
        z.writestr("xl/styles.xml", STYLES.format(header=header_fill, highlight=highlight_fill))
        for i, sheet in enumerate(sheets, 1):
            with z.open(f"xl/worksheets/sheet{i}.xml", "w", force_zip64=True) as fh:
                for part in _sheet_xml(sheet):
                    fh.write(part.encode("utf-8"))
