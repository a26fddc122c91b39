"""Building flags: a stable code, a GUIDE.md type and subtype, a Chinese
message, evidence spans and, where computed, the arithmetic."""

from __future__ import annotations

from ..document import Flag, Quantity
from ..errors import MESSAGES

CODES = {
    ("placeholder", "number"): "R101", ("placeholder", "date"): "R102",
    ("placeholder", "name"): "R103", ("placeholder", "text"): "R104",
    ("missing_number", "number"): "R201", ("missing_number", "unit"): "R202",
    ("inconsistency", "sum"): "R301", ("inconsistency", "ratio"): "R302",
    ("inconsistency", "completion"): "R303", ("inconsistency", "difference"): "R304",
    ("inconsistency", "growth"): "R305", ("inconsistency", "respectively"): "R306",
    ("inconsistency", "bound"): "R307", ("inconsistency", "mismatch"): "R308",
    ("inconsistency", "share"): "R309", ("inconsistency", "unit"): "R310",
    ("inconsistency", "garbled"): "R311", ("inconsistency", "count"): "R312",
    ("inconsistency", "formula"): "R313",
}
SEVERITY = {"placeholder": "error", "missing_number": "error", "inconsistency": "warning"}


def evidence(q: Quantity) -> dict:
    return {"start": q.start, "end": q.end, "text": q.text, "norm_value": q.norm_value,
            "norm_unit": q.norm_unit, "role": q.role, "indicator": q.indicator}


def make_flag(text: str, start: int, end: int, ftype: str, subtype: str, note: str,
              quantities=(), arithmetic: str | None = None, **fields) -> Flag:
    code = CODES[(ftype, subtype)]
    values = {"text": text[start:end], "arithmetic": arithmetic or "", **fields}
    try:
        message = MESSAGES[code].format(**values)
    except KeyError:
        message = MESSAGES[code]
    return Flag(start, end, text[start:end], ftype, subtype, code, SEVERITY[ftype], message, note,
                [evidence(q) for q in quantities], arithmetic)


def context(text: str, start: int, end: int, before: int = 10, after: int = 4) -> str:
    """The clause around a span, for messages: 城镇登记失业率控制在%以内."""
    stops = "，。；,;\n"
    s = start
    while s > 0 and start - s < before and text[s - 1] not in stops:
        s -= 1
    e = end
    while e < len(text) and e - end < after and text[e] not in stops:
        e += 1
    return text[s:e]
