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


def judge_difference(found, d: Quantity, a: Quantity, b: Quantity, arith: str, cfg,
                     span: tuple[int, int] | None = None, meant: bool = False) -> None:
    """A stated difference d against |a − b|: verified within the written
    rounding; flagged as a near miss (``near_miss_total``) or when one mistyped
    digit explains the gap; ``meant`` (the two levels and the change written as
    one move, 由A下降到B，下降d): flagged whatever the gap. ``arith`` is the
    arithmetic shown either way."""
    gap = abs(b.norm_value - a.norm_value)
    tol = ar.tolerance(d) + ar.tolerance(a) + ar.tolerance(b)
    if abs(gap - d.norm_value) <= tol:
        found.verify("difference", arith, [a, b, d], d)
        return
    near = gap > 0 and abs(gap - d.norm_value) <= cfg.near_miss_total * max(gap, d.norm_value)
    typo = [] if near else difference_typos(d, a, b)
    if near or typo or (meant and not d.approx):
        found.flag("difference", d, arith + (ar.typo_note(typo) if typo else ""), [a, b], span=span)


def judge_level_growth(found, g: Quantity, prev: Quantity, cur: Quantity, cfg, *,
                       rounded_to_zero: bool = False, typos=None, meant: bool = False) -> None:
    """A stated growth g against cur/prev − 1, over every pair of values the two
    levels' written rounding allows: verified when it fits, flagged as a near
    miss (``near_miss_ratio``) or when ``typos(lo, hi)`` gives the readings
    under which one mistyped digit explains the gap; ``meant`` (written as one
    move, 从A增加到B，增长g): flagged whatever the gap. ``rounded_to_zero``:
    levels whose rounding lets them be equal allow a change of 0."""
    (c0, c1), (p0, p1) = ar.bounds(cur), ar.bounds(prev)
    if p0 <= 0:
        return
    ends = sorted(abs(x / y - 1) for x in (c0, c1) for y in (p0, p1))
    lo, hi = ends[0], ends[-1]
    if rounded_to_zero and (c0 - p1) * (c1 - p0) < 0:
        lo = 0.0
    x = cur.norm_value / prev.norm_value - 1
    arith = f"{cur.text}/{prev.text} − 1 = {ar.at_precision(x, g, 2)}"
    written = f"（按所报精度为{ar.at_precision(x, g)}）"
    if ar.fits(g, lo, hi):
        found.verify("growth", arith, [prev, cur, g], g)
    elif ar.miss(g, lo, hi) <= cfg.near_miss_ratio:
        found.flag("growth", g, arith + written, [cur, prev])
    elif typos is not None and (readings := typos(lo, hi)):
        found.flag("growth", g, arith + written + ar.typo_note(readings), [cur, prev])
    elif meant and not g.approx:
        found.flag("growth", g, arith + written, [cur, prev])
