"""What a reviewer may correct, and the typed value a submitted text becomes.

Records: the value columns (actual, target, …, as GUIDE.md norm_values: a
rate 1.15 or 115%), and actual_unit, org, period, setter, indicator_id.
Quantities: value, norm_value, unit, norm_unit, role, indicator_id.
An empty submission clears the value (the text does not give it).
"""

from __future__ import annotations

import math

from ..claims.cues import ROLES
from ..records import VALUE_ROLES
from .errors import ReviewError

RECORD_NUMBERS = VALUE_ROLES
RECORD_TEXTS = ("actual_unit", "org", "period", "setter", "indicator_id")
QUANTITY_NUMBERS = ("value", "norm_value")
QUANTITY_TEXTS = ("unit", "norm_unit", "role", "indicator_id")
FIELDS = {"record": RECORD_NUMBERS + RECORD_TEXTS, "quantity": QUANTITY_NUMBERS + QUANTITY_TEXTS}
NUMBERS = frozenset(RECORD_NUMBERS + QUANTITY_NUMBERS)
ROLE_NAMES = ROLES


def check_field(item_kind: str, field: str) -> None:
    if item_kind not in FIELDS:
        raise ReviewError("E612", what="对象类型", value=item_kind, expected=" 或 ".join(FIELDS))
    if field not in FIELDS[item_kind]:
        raise ReviewError("E608", field=field, known="、".join(FIELDS[item_kind]))


def parse_value(item_kind: str, field: str, raw):
    """The typed value of a submission (a str from a form, or already typed)."""
    check_field(item_kind, field)
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if field in NUMBERS:
        return _number(raw)
    value = str(raw).strip()
    if field == "role" and value not in ROLE_NAMES:
        raise ReviewError("E612", what="角色", value=value, expected="、".join(ROLE_NAMES))
    return value


def _number(raw) -> float:
    if isinstance(raw, bool):
        raise ReviewError("E609", value=raw, reason="不是数字")
    if isinstance(raw, (int, float)):
        number = float(raw)
    else:
        text = str(raw).strip().replace(",", "").replace("，", "")
        percent = text.endswith(("%", "％"))
        try:
            number = float(text[:-1]) / 100 if percent else float(text)
        except ValueError:
            raise ReviewError("E609", value=raw, reason="不是数字（可写 9207、1.15 或 115%）") from None
    if not math.isfinite(number):
        raise ReviewError("E609", value=raw, reason="不是有限的数字")
    return number
