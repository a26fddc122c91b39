"""Tolerances from the written precision of numbers, and readable arithmetic."""

from __future__ import annotations

import math
import re
from functools import lru_cache

from ..document import Quantity
from ..numerals import decimal_places
from .search_config import search_config

_NUM = re.compile(r"[0-9０-９]+(?:[.．]([0-9０-９]+))?")

def decimals(q: Quantity) -> int:
    return decimal_places(q.text)


def tolerance(q: Quantity) -> float:
    """Half a unit in the last written place, in norm units, plus rounding slack:
    97.2% -> 0.0005 (a reported 97.2% covers 97.15%..97.25%, and truncation)."""
    if q.value is None or q.norm_value is None:
        return 1e-9
    scale = abs(q.norm_value / q.value) if q.value else _unit_scale(q.unit)   # 0.0% covers -0.05%..0.05%
    places = decimal_places(q.text)
    if places == 0 and scale == 1.0 and q.norm_unit not in ("ratio", "ratio_point") and not q.approx:
        return 1e-9            # 46台 is exact; 111% and 3.6亿元 are rounded
    if q.role in ("target", "basic_target", "full_target") and places == 0 and not q.approx:
        return 1e-9            # a target of 25% or 40亿元 is set exactly
    return 10 ** -places * scale * 0.5 + 1e-9


def quotient_tolerance(q: Quantity) -> float:
    """The tolerance of a value that is a quotient (人均1723元, 户均900元): rounded
    to its last written place even when that is a whole number of a unit
    tolerance() reads as exact."""
    if q.value is None or q.norm_value is None:
        return 1e-9
    scale = abs(q.norm_value / q.value) if q.value else _unit_scale(q.unit)
    return max(tolerance(q), 10 ** -decimal_places(q.text) * scale * 0.5 + 1e-9)


def fits_quotient(stated: Quantity, lo: float, hi: float) -> bool:
    """fits() for a stated quotient (quotient_tolerance)."""
    t = quotient_tolerance(stated)
    return lo <= stated.norm_value + t + 1e-12 and stated.norm_value - t - 1e-12 <= hi


@lru_cache(maxsize=256)
def _unit_scale(unit: str | None) -> float:
    """What one of ``unit`` is in norm units (% -> 0.01), for a value of 0."""
    if not unit:
        return 1.0
    from ..quantities.tables import unit_of

    found = unit_of(unit)
    return found[1] if found else 1.0


def show(q: Quantity) -> str:
    return q.text


def pct(x: float) -> str:
    return f"{x * 100:.2f}".rstrip("0").rstrip(".") + "%"


def near(stated: float, computed: float, tol: float) -> bool:
    return abs(stated - computed) <= tol


def sum_fits(total: Quantity, parts) -> bool:
    """The parts, each as precise as it is written, can add up to the total.
    The bound is strict: a number rounded half up stands for a half-open
    range, so three parts in tenths can miss their total by at most one tenth
    (4.8 against 4.6 needs every part and the total off by a whole half tenth,
    in opposite directions)."""
    gap = abs(total.norm_value - sum(p.norm_value for p in parts))
    t = tolerance(total)
    if decimal_places(total.text) == 0 and total.value and any(decimal_places(p.text) for p in parts):
        t = max(t, abs(total.norm_value / total.value) * 0.5)     # 2386公里 over parts in hundredths: rounded
    return gap < (t + coarseness(parts)) * (1 - 1e-6)


def adds_up_exactly(total: Quantity, parts) -> bool:
    """The parts, as written, add up to the total to its last digit."""
    return abs(sum(p.norm_value for p in parts) - total.norm_value) <= 1e-9 * max(1.0, abs(total.norm_value))


def near_miss(stated: float, computed: float, limit: float) -> bool:
    """A discrepancy small enough to be a typo rather than another relation."""
    if computed == 0:
        return False
    return abs(stated - computed) / abs(computed) <= limit


def bounds(q: Quantity) -> tuple[float, float]:
    """The values a written number stands for, given how it is rounded; a rate
    written as a bound stands for every value on its side (95%以上: 95% or
    more; 不到5%: 5% or less)."""
    t = tolerance(q)
    lo, hi = q.norm_value - t, q.norm_value + t
    if q.norm_unit == "ratio" and q.approx == "more":
        return lo, math.inf         # (95%以上; not 300多人, which stops short of 400)
    if q.norm_unit == "ratio" and q.approx == "less":
        return min(lo, 0.0), hi
    return lo, hi


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


def sum_text(s: float, total: Quantity, parts) -> str:
    """A sum of parts written in the total's unit, as precisely as the finest
    part (3.2万元 + 6.1万元 = 9.3万元, not 9万元 after a total of 10万元)."""
    scale = total.norm_value / total.value if total.value else 1.0
    extra = 0
    for p in parts:
        place = 10 ** -decimals(p) * (p.norm_value / p.value if p.value else 1.0) / scale
        extra = max(extra, math.ceil(-math.log10(place) - 1e-9) - decimals(total) if place < 1 else 0)
    return at_precision(s, total, min(extra, 6))


def coarseness(qs) -> float:
    """How far a sum of written numbers may be from its value by rounding alone."""
    return sum(tolerance(q) for q in qs)


def _digits(text: str) -> str | None:
    m = _NUM.search(text)
    return m.group().replace(".", "").replace("．", "") if m else None


def digit_count(q: Quantity) -> int:
    """How many digits q is written with (1,651 -> 4; 3.2 -> 2)."""
    return len(_digits(q.text) or "")


def scale(q: Quantity) -> float:
    """Normalized units per written unit (万元: 10000; a % cell: 0.01; bare: 1)."""
    return q.norm_value / q.value if q.value else 1.0


def one_typo_apart(a: str, b: str) -> bool:
    """Two digit strings of one length that differ in one digit, or in two
    neighbouring digits swapped (4500 / 4800, 40 / 04)."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                              and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])


def typo_reading(q: Quantity, needed: float, hi: float | None = None) -> str | None:
    """The number as written with one digit changed (or two swapped) whose
    value lies in [needed, hi] (norm units; hi defaults to needed), widened by
    q's own rounding: what q would read if it were a typo of the value a
    relation needs; None when no such reading exists (or too many values fit
    for one to mean anything). A bound or an estimate (不低于30%, 约40人) is no typo."""
    if q.value in (None, 0) or needed < 0 or q.approx:
        return None
    scale = q.norm_value / q.value
    d = decimals(q)
    digits = _digits(q.text)
    if digits is None:
        return None
    slack = tolerance(q) / scale
    step = 10 ** -d
    lo_n, hi_n = needed / scale - slack, (needed if hi is None else hi) / scale + slack
    if not (math.isfinite(lo_n) and math.isfinite(hi_n)):
        return None
    first, last = math.ceil(lo_n / step - 1e-6), math.floor(hi_n / step + 1e-6)
    if last - first > _MAX_READINGS:
        return None
    for n in range(first, last + 1):
        if n == 0:
            continue        # (0.4亿元 read as 0.0亿元: a slip never writes a nonzero amount as nothing)
        written = f"{n * step:.{d}f}"
        if one_typo_apart(digits, written.replace(".", "")):
            return q.text.replace(_NUM.search(q.text).group(), written, 1)
    return None


_MAX_READINGS = 2


def sum_typo(total: Quantity, parts) -> list[tuple[Quantity, str]]:
    """The numbers of `total = sum(parts)` whose one-digit typo, or whose scale
    written wrong (2.81万元 for 2.81亿元), explains the gap: (the number, what it
    would read), none when no single slip does. The caller decides when the
    breakdown is clearly meant."""
    s = sum(p.norm_value for p in parts)
    gap = s - total.norm_value
    out = [(total, r)] if (r := typo_reading(total, s) or scale_reading(total, s)) else []
    for p in parts:
        if (r := typo_reading(p, p.norm_value - gap) or scale_reading(p, p.norm_value - gap)):
            out.append((p, r))
    return out


def scale_slips(total: Quantity, parts) -> list[tuple[Quantity, str]]:
    """The numbers of `total = sum(parts)` whose scale written wrong alone (万
    for 亿, no digit typo) makes the breakdown add up, with what each would read."""
    s = sum(p.norm_value for p in parts)
    gap = s - total.norm_value
    out = [(total, r)] if (r := scale_reading(total, s)) else []
    return out + [(p, r) for p in parts if (r := scale_reading(p, p.norm_value - gap))]


def scale_reading(q: Quantity, needed: float) -> str | None:
    """q written with the scale its number needs (万 for 亿, 亿 for 万, none for
    万…): 2.81万元 reads 2.81亿元 when 2.81亿元 is what makes the relation hold."""
    if not q.value or not q.unit or not q.norm_unit or not q.unit.endswith(q.norm_unit) or needed <= 0:
        return None
    prefix = q.unit[:-len(q.norm_unit)]
    scales = search_config().scale_slips        # checks.yaml: scale_slip_prefixes
    if prefix not in scales:
        return None
    t = tolerance(q) / (abs(q.norm_value / q.value) or 1.0)
    for alt, scale in scales.items():
        if alt != prefix and abs(q.value * scale - needed) <= t * scale + 1e-9:
            return q.text.replace(q.unit, alt + q.norm_unit, 1) if q.unit in q.text else None
    return None


def ratio_typo(rate: Quantity, part: Quantity, whole: Quantity) -> list[tuple[Quantity, str]]:
    """The numbers of `rate = part / whole` whose one-digit typo explains the miss."""
    out = []
    q = quotient(part, whole)
    r0, r1 = bounds(rate)
    if q and (r := typo_reading(rate, *q)):
        out.append((rate, r))
    if (r := typo_reading(part, r0 * whole.norm_value, r1 * whole.norm_value)):
        out.append((part, r))
    if r0 > 0 and (r := typo_reading(whole, part.norm_value / r1, part.norm_value / r0)):
        out.append((whole, r))
    return out


def typo_note(readings: list[tuple[Quantity, str]]) -> str:
    shown = "，或".join(f"{q.text}若为{r}" for q, r in readings[:4])
    what = "单位" if all(_digits(q.text) == _digits(r) for q, r in readings[:4]) else "数字"
    return f"（差额相当于一处{what}笔误：{shown}，则相符）"
