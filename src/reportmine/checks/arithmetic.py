"""Tolerances from the written precision of numbers, and readable arithmetic."""

from __future__ import annotations

import re
from functools import lru_cache

from ..document import Quantity

_NUM = re.compile(r"[0-9０-９]+(?:[.．]([0-9０-９]+))?")


def decimals(q: Quantity) -> int:
    return _decimals(q.text)


@lru_cache(maxsize=4096)
def _decimals(text: str) -> int:
    m = _NUM.search(text)
    return len(m.group(1)) if m and m.group(1) else 0


def tolerance(q: Quantity) -> float:
    """Half a unit in the last written place, in norm units, plus rounding slack:
    97.2% -> 0.0005 (a reported 97.2% covers 97.15%..97.25%, and truncation)."""
    if q.value in (None, 0) or q.norm_value is None:
        return 1e-9
    scale = abs(q.norm_value / q.value) if q.value else 1.0
    places = _decimals(q.text)
    if places == 0 and scale == 1.0 and q.norm_unit not in ("ratio", "ratio_point") and not q.approx:
        return 1e-9            # 46台 is exact; 111% and 3.6亿元 are rounded
    if q.role in ("target", "basic_target", "full_target") and places == 0 and not q.approx:
        return 1e-9            # a target of 25% or 40亿元 is set exactly
    return 10 ** -places * scale * 0.5 + 1e-9


def show(q: Quantity) -> str:
    return q.text


def pct(x: float) -> str:
    return f"{x * 100:.2f}".rstrip("0").rstrip(".") + "%"


def near(stated: float, computed: float, tol: float) -> bool:
    return abs(stated - computed) <= tol


def near_miss(stated: float, computed: float, limit: float) -> bool:
    """A discrepancy small enough to be a typo rather than another relation."""
    if computed == 0:
        return False
    return abs(stated - computed) / abs(computed) <= limit


def bounds(q: Quantity) -> tuple[float, float]:
    """The values a written number stands for, given how it is rounded."""
    t = tolerance(q)
    return q.norm_value - t, q.norm_value + t


def quotient(a: Quantity, b: Quantity) -> tuple[float, float] | None:
    """The interval of a/b when both are rounded as written (positive values)."""
    (a0, a1), (b0, b1) = bounds(a), bounds(b)
    if b0 <= 0 or a0 < 0:
        return None
    return a0 / b1, a1 / b0


def fits(stated: Quantity, lo: float, hi: float) -> bool:
    s0, s1 = bounds(stated)
    return lo <= s1 + 1e-12 and s0 - 1e-12 <= hi


def miss(stated: Quantity, lo: float, hi: float) -> float:
    """Relative distance of the stated value from a computed interval (0 inside)."""
    v = stated.norm_value
    if lo <= v <= hi:
        return 0.0
    edge = lo if v < lo else hi
    return abs(v - edge) / max(abs(edge), 1e-12)


def at_precision(x: float, like: Quantity, extra: int = 0) -> str:
    """x written the way `like` is written (its unit and decimals), plus `extra` decimals."""
    scale = like.norm_value / like.value if like.value else 1.0
    d = decimals(like) + extra
    v = x / scale if scale else x
    unit = like.unit or ""
    if unit in ("%", "％", "‰"):
        return f"{v:.{d}f}{unit}"
    return f"{v:.{d}f}{unit}"


def coarseness(qs) -> float:
    """How far a sum of written numbers may be from its value by rounding alone."""
    return sum(tolerance(q) for q in qs)
