"""Units per something: 3.2元/公斤, 520公斤/亩, 2.5万元/平方米, 150元/人·月.

A quantity whose unit is followed by a slash and a word of
``per_denominators`` (units.yaml) has that unit per it: the span, the unit
and the norm unit take ``/公斤`` (not a rate: 8%/年 stays 8%); the value and the norm value stay (a price
in 万元 per 平方米 is 25000 元/平方米). Units that already say what they are
per (元/人, /10万) and approximations after the unit (8%以上) are left alone.
"""

from __future__ import annotations

from ..document import Quantity
from .lexicon import Lexicon

_SLASHES = ("/", "／")
_RATIOS = ("ratio", "ratio_point")     # 8%/年 stays a rate


def per_units(text: str, quantities: list[Quantity], end: int, lex: Lexicon) -> list[Quantity]:
    if not lex.per_denominators:
        return quantities
    for q in quantities:
        if not q.unit or "/" in q.unit or q.approx is not None or q.norm_unit in _RATIOS or q.end >= end \
                or text[q.end] not in _SLASHES:
            continue
        denominator = next((d for d in lex.per_denominators if text.startswith(d, q.end + 1)), None)
        if denominator is None or not q.text.endswith(q.unit):
            continue
        per = "/" + denominator
        q.end += len(per)
        q.text = text[q.start:q.end]
        q.unit += per
        q.norm_unit = (q.norm_unit or q.unit[:-len(per)]) + per
    return quantities
