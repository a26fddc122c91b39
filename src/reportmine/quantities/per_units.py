"""Units per something: 3.2元/公斤, 520公斤/亩, 2.5万元/平方米, 150元/人·月,
0.58吨标准煤/万元, 12.3起/万人.

A quantity whose unit is followed by a slash and a word of
``per_denominators`` (units.yaml), written with or without a scale of
``per_scales`` (万, 千, 10万), has that unit per it: the span, the unit and
the norm unit take ``/公斤`` or ``/万元`` (not a rate: 8%/年 stays 8%); the
value and the norm value stay (a price in 万元 per 平方米 is 25000 元/平方米; a
rate per 万元 stays one per 万元). Units that already say what they are per
(元/人, /10万) and approximations after the unit (8%以上) are left alone.
"""

from __future__ import annotations

from ..document import Quantity
from .lexicon import Lexicon

_SLASHES = ("/", "／")
_RATIOS = ("ratio", "ratio_point")     # 8%/年 stays a rate


def per_units(text: str, quantities: list[Quantity], end: int, lex: Lexicon) -> list[Quantity]:
    if not lex.per_denominators:
        return quantities
    covered = -1        # where the last denominator taken ends: a number in it (10万人) is no quantity
    kept = []
    for q in quantities:
        if q.start < covered:
            continue
        kept.append(q)
        if not q.unit or "/" in q.unit or q.approx is not None or q.norm_unit in _RATIOS or q.end >= end \
                or text[q.end] not in _SLASHES:
            continue
        denominator = _denominator(text, q.end + 1, lex)
        if denominator is None or not q.text.endswith(q.unit):
            continue
        per = "/" + denominator
        q.end += len(per)
        q.text = text[q.start:q.end]
        q.unit += per
        q.norm_unit = (q.norm_unit or q.unit[:-len(per)]) + per
        covered = q.end
    return kept


def _denominator(text: str, pos: int, lex: Lexicon) -> str | None:
    """The denominator written at ``pos``: 公斤, or a scale and a word, 万元 / 10万人."""
    for scale in ("",) + lex.per_scales:
        if scale and not text.startswith(scale, pos):
            continue
        word = next((d for d in lex.per_denominators if text.startswith(d, pos + len(scale))), None)
        if word is not None:
            return scale + word
    return None
