"""Values as people read them in report.html: ratios as percents, money in 万/亿."""

from __future__ import annotations


def number(value) -> float | None:
    """A record cell as a float; empty, unparsable and NaN cells are None."""
    if value is None or value == "":
        return None
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return f if f == f else None


def plain(v: float, digits: int = 4) -> str:
    if float(v).is_integer() and abs(v) < 1e15:
        return f"{int(v):,}"
    return f"{v:,.{digits}f}".rstrip("0").rstrip(".")


def shown(value, unit: str | None) -> str:
    """``1.1, 'ratio'`` -> ``110%``; ``32000000, '元'`` -> ``3,200万元``; empty stays empty."""
    v = number(value)
    if v is None:
        return ""
    if unit == "ratio":
        return plain(v * 100, 2) + "%"
    if unit == "ratio_point":
        return plain(v * 100, 2) + "个百分点"
    if unit == "元" and abs(v) >= 1e8:
        return plain(v / 1e8) + "亿元"
    if unit == "元" and abs(v) >= 1e4:
        return plain(v / 1e4) + "万元"
    return plain(v) + (unit or "")
