"""A rule's unit: how its numbers convert to the record's normalized unit.

The conversion is the quantity recognizer's own: ``1万人`` read by
:func:`reportmine.quantities.recognize` is 10000 人, ``1%`` is 0.01 ratio,
``1亿元`` is 1e8 元 (src/reportmine/data/units.yaml), so a rule and a report
never disagree on what a unit means.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

RATIO_UNITS = ("ratio", "ratio_point")


@dataclass(frozen=True)
class RuleUnit:
    written: str | None = None      # as in the rule: 万人, %, 亿元; None: numbers are normalized
    factor: Decimal = Decimal(1)    # normalized = number x factor
    norm: str | None = None         # the record's unit: 人, ratio, 元

    def normalize(self, number: Decimal) -> Decimal:
        return number * self.factor

    def number(self, normalized: Decimal) -> Decimal:
        return normalized / self.factor

    def show(self, normalized: Decimal) -> str:
        """0.105 with % -> '10.5%'; 28000 with 万人 -> '2.8万人'."""
        return plain(self.number(normalized)) + (self.written or "")

    def step_name(self) -> str:
        """What a step of `per` counts: a rule in % counts 个百分点."""
        if self.norm == "ratio" and self.written in ("%", "％"):
            return "个百分点"
        if self.norm == "ratio" and self.written == "‰":
            return "个千分点"
        return self.written or ""


def plain(d: Decimal, places: int = 6) -> str:
    """A Decimal without exponent or trailing zeros, at most `places` decimals."""
    d = d.quantize(Decimal(1).scaleb(-places)) if d.as_tuple().exponent < -places else d
    text = format(d.normalize(), "f")
    return "0" if text in ("-0", "") else text


@lru_cache(maxsize=None)
def rule_unit(written: str | None) -> RuleUnit | None:
    """The conversion for a written unit, or None when the recognizer does not know it."""
    if written is None:
        return RuleUnit()
    from ..quantities import recognize

    found = recognize("1" + written)
    if len(found) != 1 or found[0].text != "1" + written or found[0].norm_unit is None:
        return None
    q = found[0]
    return RuleUnit(written, Decimal(repr(float(q.norm_value))), q.norm_unit)
