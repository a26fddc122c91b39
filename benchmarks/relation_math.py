"""Numbers as written and relations between them, for the mutation benchmark.

A relation is an expression over n0, n1, … (the numbers' values in base
units: 3.5万 -> 35000, 82.62% -> 0.8262) that should give the number at index
`stated`. It holds when some choice of the inputs within their written
rounding gives a value within the stated number's rounding.
"""

from __future__ import annotations

import itertools
import math
import re

NUMBER = re.compile(r"([+\-−]?)([0-9][0-9,]*(?:[.．。][0-9]+)?)\s*(%|％|‰|[个個]?百分[点點]|[个個]?千分[点點]|万|萬|亿|億)?")
SCALE = {"%": 0.01, "％": 0.01, "‰": 0.001, "万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8}


def _scale(unit: str) -> float:
    if "百分" in unit:
        return 0.01
    if "千分" in unit:
        return 0.001
    return SCALE.get(unit, 1.0)


def parse(written: str) -> tuple[float, float] | None:
    """(value, half a unit of the last written place), both in base units."""
    m = NUMBER.search(written)
    if not m:
        return None
    digits = m.group(2).replace(",", "").replace("．", ".").replace("。", ".")
    scale = _scale(m.group(3) or "")
    sign = -1.0 if m.group(1) in ("-", "−") else 1.0
    dec = len(digits.split(".")[1]) if "." in digits else 0
    if dec == 0 and scale == 1.0:
        return sign * float(digits), 0.0          # a whole count as written is exact (46台)
    return sign * float(digits) * scale, 0.5 * 10 ** -dec * scale


def holds(expr: str, stated: int, numbers: list[tuple[float, float]]) -> bool:
    """Whether expr (over n0…) gives numbers[stated] within the written rounding."""
    inputs = [i for i in range(len(numbers)) if i != stated and f"n{i}" in expr]
    target, t_half = numbers[stated]
    values = []
    corners = itertools.product((-1, 1), repeat=len(inputs)) if len(inputs) <= 8 else [(0,) * len(inputs)]
    for signs in corners:
        env = {f"n{i}": numbers[i][0] + s * numbers[i][1] for i, s in zip(inputs, signs)}
        env.update({f"n{i}": numbers[i][0] for i in range(len(numbers)) if i not in inputs})
        try:
            values.append(eval(expr, {"__builtins__": {}, "abs": abs, "round": round, "max": max}, env))  # noqa: S307 - our own expressions
        except ZeroDivisionError:
            return False
    lo, hi = min(values), max(values)
    slack = 1e-9 * max(1.0, abs(target))
    return lo - slack <= target + t_half and target - t_half <= hi + slack


def candidates(n: int):
    """(expression, stated index) pairs tried for n numbers, simplest first."""
    idx = range(n)
    for s in idx:
        others = [f"n{i}" for i in idx if i != s]
        if len(others) >= 2:
            yield " + ".join(others), s
    for s, a, b in itertools.permutations(idx, 3) if n >= 3 else ():
        for form in ("n{a} - n{b}", "n{a} / n{b}", "n{a} / n{b} - 1", "1 - n{a} / n{b}",
                     "n{b} / (n{a} - n{b})", "n{b} / (n{a} + n{b})", "abs(n{a} - n{b})", "n{a} * n{b}"):
            yield form.format(a=a, b=b), s
    for s, a, b in itertools.permutations(idx, 3) if n >= 3 else ():
        yield f"n{a} / n{b} * 10000", s
    for s, a in itertools.permutations(idx, 2) if n == 2 else ():
        yield f"n{a}", s
        # a count and its growth: some whole earlier count gives the rate
        yield f"abs(n{a} / max(1, round(n{a} / (1 + n{s}))) - 1)", s
        yield f"abs(n{a} / max(1, round(n{a} / (1 - n{s}))) - 1)", s


def find_relation(numbers: list[tuple[float, float]]) -> tuple[str, int] | None:
    if len(numbers) < 2 or len(numbers) > 9:
        return None
    for expr, s in candidates(len(numbers)):
        if holds(expr, s, numbers):
            return expr, s
    return None


def is_finite(x: float) -> bool:
    return not (math.isinf(x) or math.isnan(x))
