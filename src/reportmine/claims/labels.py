"""Records written as ``label：value`` (计划总投资：4680万元, 同比：+3.2%, 年 度 目 标 ：
1.2 万 人): a label alone before its colon, the value the first thing after
it, is a column header for that value. The words of table headers decide its
role (claims.yaml table_headers), as they do for a table's column; a label
that names no role leaves what the rules read. A record whose label names
only a role takes its indicator from a record above it in its block that
names one (指标名称：城镇新增就业, claims.yaml table_label_header)."""

from __future__ import annotations

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
        label = simplified(head)
        role = header_role(label, cues)
        if role is not None:
            q.role = role
            named = _named_above(text, q.start, cues) if _role_only(label, role, cues) else None
            if named is not None:
                q.indicator = named     # 指标名称：城镇新增就业⏎目标值：4800人


def _role_only(label: str, role: str, cues: Cues) -> bool:
    """目标值, 完成率, 同比: the label says the role and names no measure (not 计划总投资)."""
    rx = next(rx for r, rx in cues.table_headers if r == role)
    return len(rx.sub("", label)) <= 1


def _named_above(text: str, start: int, cues: Cues) -> str | None:
    """The value of a record naming the indicator (指标名称：城镇新增就业) among the
    few lines right above the record at ``start``, in one block (no blank line
    between), or None."""
    end = text.rfind("\n", 0, start)
    for _ in range(_RECORDS_UP):
        if end <= 0:
            return None
        lo = text.rfind("\n", 0, end) + 1
        line = text[lo:end]
        if not line.strip():
            return None
        m = cues.marks.record_label.match(line)
        if m is not None and cues.table_label_header.fullmatch(simplified(m.group("label"))):
            value = line[m.end():].strip(_SPACES)
            return value if value and not any(ch.isdigit() for ch in value) else None
        end = lo - 1
    return None


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
_RECORDS_UP = 6        # how many lines above a record the one naming its indicator may stand
