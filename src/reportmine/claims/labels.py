"""Records written as ``label：value`` (计划总投资：4680万元, 同比：+3.2%, 年 度 目 标 ：
1.2 万 人): a label alone before its colon, the value the first thing after
it, is a column header for that value. The words of table headers decide its
role (claims.yaml table_headers), as they do for a table's column; a label
that names no role leaves what the rules read."""

from __future__ import annotations

import regex

from ..document import Document
from .cues import Cues
from .script import simplified
from .tables import header_role

_SPACES = " \t\u3000"


def label_claims(doc: Document, cues: Cues) -> None:
    text = doc.text
    if "：" not in text and ":" not in text:
        return
    for q in doc.quantities:
        head = _record_head(text, q.start, cues)
        if head is None:
            continue
        role = header_role(simplified(head), cues)
        if role is not None:
            q.role = role


def _record_head(text: str, start: int, cues: Cues) -> str | None:
    """The label of the record the quantity at ``start`` opens the value of, or None."""
    low = max(0, start - _RECORD_CHARS)       # a record's head is short: never scan a long line back
    at = max(text.rfind(ch, low, start) for ch in cues.marks.record_breaks)
    if at < 0 and low > 0:
        return None
    m = cues.marks.record_label.fullmatch(text, at + 1, start)
    if m is None:
        return None
    label = "".join(ch for ch in m.group("label") if ch not in _SPACES)
    if not 2 <= len(label) <= _LABEL_CHARS or cues.marks.record_label_not.search(simplified(label)):
        return None
    return label


_LABEL_CHARS = 16
_RECORD_CHARS = 64     # the longest head of a record (spaced labels, a currency word)
