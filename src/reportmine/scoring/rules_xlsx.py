"""Raw rule entries from an Excel workbook.

The sheet named ``rules`` (else the first sheet) has a header row of the YAML
keys and one row per indicator: ``aliases`` separated by 、 or ``,``; the tier
standards in columns 优秀 良好 平均 较低 较差. An optional sheet ``scale`` has
a header ``base, full`` and one row of values. A cell formatted as a
percentage (Excel keeps 10% as 0.1) is read as the number shown (10).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from .rules import Entry, RulesError, to_decimal


def read_xlsx(path: Path) -> tuple[Entry | None, list[Entry]]:
    try:
        import openpyxl
    except ImportError:
        raise RulesError("E509", path=path, module="openpyxl", extra="scoring") from None

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise RulesError("E501", path=path, reason=f"不是有效的 .xlsx 文件（{type(exc).__name__}）") from None
    try:
        sheet = book["rules"] if "rules" in book.sheetnames else book.worksheets[0]
        entries = _entries(path.name, sheet)
        scale = _entries(path.name, book["scale"])[0] if "scale" in book.sheetnames else None
    finally:
        book.close()
    if not entries:
        raise RulesError("E502", where=f"{path.name}（工作表 {sheet.title}）", field="indicator")
    return scale, entries


def _entries(name: str, sheet) -> list[Entry]:
    from openpyxl.utils import get_column_letter

    rows = sheet.iter_rows()
    header = next(rows, None)
    if header is None:
        return []
    keys = [str(c.value).strip() if c.value is not None else "" for c in header]
    out = []
    for r, row in enumerate(rows, start=2):
        values = {k: _cell(c) for k, c in zip(keys, row)
                  if k and c.value is not None and str(c.value).strip()}
        if values:
            cols = {k: f"{name} 第{r}行 {get_column_letter(i + 1)}列" for i, k in enumerate(keys) if k}
            out.append(Entry(values, f"{name} 第{r}行", cols))
    return out


def _cell(c):
    """The value as shown: a percentage-formatted 0.105 is 10.5."""
    v = c.value
    fmt = getattr(c, "number_format", "") or ""
    if isinstance(v, (int, float)) and not isinstance(v, bool) and fmt.endswith("%"):
        return to_decimal(v) * Decimal(100)
    return v
