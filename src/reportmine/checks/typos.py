"""One mistyped digit that explains a broken relation between two levels.

A relation clearly meant but far off (beyond its near-miss limit) is still
flagged when changing one digit of one of its numbers (or swapping two
neighbouring digits) makes it hold: 增长1.7% where the levels give 7.1%. Each
function returns the readings (number, what it would read), none when no
single typo explains the gap; ar.typo_reading refuses readings that too many
values would fit.
"""

from __future__ import annotations

from ..document import Quantity
from . import arithmetic as ar


def growth_typos(g: Quantity, cur: Quantity, prev: Quantity) -> list[tuple[Quantity, str]]:
    """g = |cur − prev| / prev, the direction as the levels give it."""
    up = cur.norm_value >= prev.norm_value
    r0, r1 = ar.bounds(g)
    out = []
    x = abs(cur.norm_value - prev.norm_value) / prev.norm_value
    if (r := ar.typo_reading(g, x)):
        out.append((g, r))
    sign = 1 if up else -1
    lo, hi = sorted((prev.norm_value * (1 + sign * r0), prev.norm_value * (1 + sign * r1)))
    if (r := ar.typo_reading(cur, lo, hi)):
        out.append((cur, r))
    if 1 + sign * r1 > 0 and 1 + sign * r0 > 0:
        lo, hi = sorted((cur.norm_value / (1 + sign * r0), cur.norm_value / (1 + sign * r1)))
        if (r := ar.typo_reading(prev, lo, hi)):
            out.append((prev, r))
    return out


def difference_typos(d: Quantity, a: Quantity, b: Quantity) -> list[tuple[Quantity, str]]:
    """d = |a − b|: a reading of d, or of a or b on the side the others put it."""
    out = []
    if (r := ar.typo_reading(d, abs(a.norm_value - b.norm_value))):
        out.append((d, r))
    for x, y in ((a, b), (b, a)):
        want = y.norm_value + d.norm_value if x.norm_value >= y.norm_value else y.norm_value - d.norm_value
        if (r := ar.typo_reading(x, want)):
            out.append((x, r))
    return out
